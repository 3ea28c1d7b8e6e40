"""A leader fills in a questionnaire across a session timeout and submits; the officer returns it
with a comment, the leader completes it, and the officer marks it reviewed."""

import pytest
from playwright.sync_api import expect

from assessments.models import Answer, Status
from tests.assessments.fixtures import answer_all_required, question

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("transactional_db")]


def _field(page, submission, key):
    return page.locator(f"#q-{question(submission, key).pk}")


def _saved(submission, key):
    return Answer.objects.get(submission=submission, question=question(submission, key)).value


def test_leader_answers_survives_a_timeout_submits_and_the_officer_reviews(
    page, live_server, login, axe, screenshot, alice, olga, submission_a
):
    login(page, live_server, alice.email)
    page.goto(f"{live_server.url}/assessments/")
    axe(page)
    page.get_by_role("link", name="Fyll i").first.click()
    expect(page.get_by_role("heading", level=2, name="Bakgrund")).to_be_visible()

    # Typing saves by itself; the status says when.
    _field(page, submission_a, "b1-age").fill("12")
    _field(page, submission_a, "b1-leader-time-share").fill("40")
    expect(page.locator("#save-status")).to_contain_text("Sparat")
    page.wait_for_function(
        "() => document.querySelector('#save-status').textContent.includes('Sparat')"
    )
    assert _saved(submission_a, "b1-age") == "12"
    screenshot(page, "assessment-01-section")
    axe(page)

    page.reload()
    expect(_field(page, submission_a, "b1-age")).to_have_value("12")
    expect(_field(page, submission_a, "b1-leader-time-share")).to_have_value("40")

    # The session runs out while she types: she is told, logs in again, finds her text.
    page.context.clear_cookies(name="sessionid")
    _field(page, submission_a, "b1-participants-total").fill("60")
    dialog = page.locator("#session-dialog")
    expect(dialog.get_by_role("heading", name="Du har loggats ut")).to_be_visible()
    screenshot(page, "assessment-02-expired")
    dialog.get_by_role("link", name="Logga in igen").click()
    page.locator("input[name='username']").fill(alice.email)
    page.locator("input[name='password']").fill("rätt-lösenord-123")
    page.get_by_role("button", name="Logga in", exact=True).click()
    expect(page.get_by_role("heading", level=2, name="Bakgrund")).to_be_visible()
    expect(_field(page, submission_a, "b1-age")).to_have_value("12")
    expect(_field(page, submission_a, "b1-participants-total")).to_have_value("60")
    expect(page.locator("#restored-note")).to_be_visible()
    page.wait_for_function(
        "() => document.querySelector('#save-status').textContent.includes('Sparat')"
    )
    assert _saved(submission_a, "b1-participants-total") == "60"

    # The rest of the answers, then the review page lists nothing missing and she submits.
    answer_all_required(submission_a, alice)
    page.goto(f"{live_server.url}/assessments/s/{submission_a.pk}/review/")
    expect(page.get_by_text("Alla obligatoriska frågor är besvarade.")).to_be_visible()
    axe(page)
    page.get_by_role("button", name="Skicka in").click()
    expect(page.get_by_text("Tack! Svaren är inskickade")).to_be_visible()
    submission_a.refresh_from_db()
    assert submission_a.status == Status.SUBMITTED
    screenshot(page, "assessment-03-submitted")

    # The officer returns it with a comment.
    page.get_by_role("button", name="Logga ut").click()
    login(page, live_server, olga.email)
    page.goto(f"{live_server.url}/assessments/s/{submission_a.pk}/officer/")
    axe(page)
    page.get_by_label("Vad behöver kompletteras?").fill("Beskriv era internationella kontakter.")
    page.get_by_role("button", name="Återsänd för komplettering").click()
    submission_a.refresh_from_db()
    assert submission_a.status == Status.RETURNED
    screenshot(page, "assessment-04-returned")

    # The leader sees the comment, changes an answer and submits again.
    page.get_by_role("button", name="Logga ut").click()
    login(page, live_server, alice.email)
    page.goto(f"{live_server.url}/assessments/s/{submission_a.pk}/section/2/")
    expect(page.get_by_text("Beskriv era internationella kontakter.")).to_be_visible()
    issues = _field(page, submission_a, "b1-issues")
    issues.fill("Rymdteknik och kontakter med partner i Finland och Norge.")
    page.wait_for_function(
        "() => document.querySelector('#save-status').textContent.includes('Sparat')"
    )
    page.get_by_role("button", name="Granska och skicka in").first.click()
    page.get_by_role("button", name="Skicka in").click()
    expect(page.get_by_text("Tack! Svaren är inskickade")).to_be_visible()
    assert _saved(submission_a, "b1-issues").startswith("Rymdteknik och kontakter")

    # The officer marks it reviewed.
    page.get_by_role("button", name="Logga ut").click()
    login(page, live_server, olga.email)
    page.goto(f"{live_server.url}/assessments/s/{submission_a.pk}/officer/")
    page.get_by_role("button", name="Markera som granskad").click()
    submission_a.refresh_from_db()
    assert submission_a.status == Status.REVIEWED
    page.goto(f"{live_server.url}/assessments/rounds/{submission_a.round_id}/")
    expect(page.locator("main")).to_contain_text("Granskad")
    axe(page)
    screenshot(page, "assessment-05-round")


def test_the_timeout_warning_offers_to_go_on_and_extends_the_session(
    page, live_server, login, axe, settings, alice, submission_a
):
    # A 9-second session: the warning comes a quarter of it (2.25 s) before it runs out.
    settings.SESSION_COOKIE_AGE = 9
    login(page, live_server, alice.email)
    page.goto(f"{live_server.url}/assessments/s/{submission_a.pk}/section/1/")
    dialog = page.locator("#session-dialog")
    expect(dialog.get_by_role("heading", name="Vill du fortsätta?")).to_be_visible(timeout=10_000)
    expect(dialog.get_by_role("button", name="Fortsätt arbeta")).to_be_focused()
    axe(page)
    dialog.get_by_role("button", name="Fortsätt arbeta").click()
    expect(dialog).to_be_hidden()
    # Past the original expiry, the session still works: typing saves.
    page.wait_for_timeout(3_000)
    _field(page, submission_a, "b1-age").fill("14")
    page.wait_for_function(
        "() => document.querySelector('#save-status').textContent.includes('Sparat')"
    )
    assert _saved(submission_a, "b1-age") == "14"
