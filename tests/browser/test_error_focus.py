"""A page sent back with errors starts at its error summary, wherever the failed form is."""

import pytest
from playwright.sync_api import expect

from assessments import services
from tests.assessments.fixtures import answer_all_required, question

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("transactional_db")]


def test_a_failed_dialogue_note_puts_the_focus_on_its_error_summary(
    page, live_server, login, axe, screenshot, alice, olga, submission_a
):
    answer_all_required(submission_a, alice)
    services.submit(submission=submission_a, user=alice)
    login(page, live_server, olga.email)
    page.goto(f"{live_server.url}/assessments/s/{submission_a.pk}/officer/")
    page.get_by_role("button", name="Registrera dialogen").click()
    summary = page.locator("#error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_be_in_viewport()
    expect(summary).to_contain_text("Skriv vilka som deltog.")
    axe(page)
    screenshot(page, "error-focus-01-dialogue")


def test_a_failed_upload_puts_the_focus_on_the_error_summary(
    page, live_server, login, axe, screenshot, tmp_path, alice, submission_a
):
    login(page, live_server, alice.email)
    page.goto(f"{live_server.url}/assessments/s/{submission_a.pk}/section/3/")
    quality = question(submission_a, "b3-quality")
    fake = tmp_path / "intyg.pdf"
    fake.write_bytes(b"MZ not a pdf")
    page.locator(f"#question-{quality.pk} details summary").click()
    page.locator(f"#file-{quality.pk}").set_input_files(str(fake))
    page.get_by_role("button", name="Granska och skicka in").last.click()
    summary = page.locator("#error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_be_in_viewport()
    expect(summary).to_contain_text("Filen intyg.pdf är inte bifogad")
    expect(page.locator(f"#file-error-{quality.pk}")).to_contain_text("Välj filen igen.")
    axe(page)
    screenshot(page, "error-focus-02-upload")
