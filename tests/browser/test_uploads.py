"""A refused upload is explained by its file field, at 1280 and 320 px, without sideways scrolling;
an accepted one is listed under its own name."""

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from tests import documents
from tests.assessments.fixtures import question

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("transactional_db")]

SIDEWAYS = "() => document.documentElement.scrollWidth - window.innerWidth"


@pytest.mark.parametrize("width", [1280, 320])
def test_a_macro_file_is_refused_by_its_field_and_a_real_document_is_attached(
    page, live_server, login, axe, screenshot, tmp_path, alice, submission_a, width
):
    page.set_viewport_size({"width": width, "height": 900})
    login(page, live_server, alice.email)
    quality = question(submission_a, "b3-quality")
    page.goto(f"{live_server.url}/assessments/s/{submission_a.pk}/section/3/")
    macro = tmp_path / "Verksamhetsplan med makro.docx"
    macro.write_bytes(documents.docm())
    page.locator(f"#question-{quality.pk} details summary").click()
    page.locator(f"#file-{quality.pk}").set_input_files(str(macro))
    page.locator(f"button[name='upload'][value='{quality.pk}']").click()
    expect(page.locator(f"#file-error-{quality.pk}")).to_contain_text(
        "Filen Verksamhetsplan med makro.docx är inte bifogad: Filer med makron tas inte emot."
    )
    expect(page.locator("#error-summary")).to_be_focused()
    assert page.evaluate(SIDEWAYS) <= 0
    axe(page)
    screenshot(page, f"uploads-01-macro-refused-{width}")

    plan = tmp_path / "Verksamhetsplan.docx"
    plan.write_bytes(documents.docx())
    expect(page.locator(f"#file-{quality.pk}")).to_be_visible()  # left open by the message
    page.locator(f"#file-{quality.pk}").set_input_files(str(plan))
    page.locator(f"button[name='upload'][value='{quality.pk}']").click()
    attached = page.locator(f"#question-{quality.pk} .attachments")
    expect(attached.get_by_role("link", name="Verksamhetsplan.docx")).to_be_visible()
    assert page.evaluate(SIDEWAYS) <= 0
    axe(page)
    screenshot(page, f"uploads-02-attached-{width}")


@pytest.mark.parametrize("width", [1280, 320])
def test_a_refused_evaluation_report_is_explained_by_its_field(
    page, live_server, login, axe, screenshot, tmp_path, olga, agreement_a, width
):
    page.set_viewport_size({"width": width, "height": 900})
    login(page, live_server, olga.email)
    page.goto(f"{live_server.url}{reverse('agreement_evaluation', args=[agreement_a.pk])}")
    report = tmp_path / "utvardering.xlsx"
    report.write_bytes(documents.PDF_BYTES)
    page.get_by_label("Genomförd").fill(timezone.localdate().isoformat())
    page.get_by_label("Rapport (PDF, Word eller Excel)").set_input_files(str(report))
    page.get_by_role("button", name="Spara").click()
    expect(page.locator("#error-summary, .invalid-feedback").first).to_contain_text(
        "Filen heter .xlsx men är en PDF-fil."
    )
    assert page.evaluate(SIDEWAYS) <= 0
    axe(page)
    screenshot(page, f"uploads-03-evaluation-refused-{width}")
