"""A login ends 12 hours after it began, on the server, whatever the page believes: what was typed
comes back for the person who typed it, and nothing of it reaches the next person to sign in on
the same browser (not from localStorage, not from the server session)."""

import re

import pytest
from django.contrib.sessions.models import Session
from django.urls import reverse
from playwright.sync_api import expect

from ekosystem.resume import owner_key
from tests.assessments.fixtures import question
from tests.browser.conftest import answer_code_step, prepare_second_factor

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("transactional_db")]

TYPED_FORM = "Strategi skriven i ekosystemformuläret, aldrig sparad."
TYPED_ANSWER = "Rymdteknik, skriven när tolv timmar hade gått."
ENDED = "Du har loggats ut eftersom du har varit inloggad i"


def _stored_text(page) -> str:
    return page.evaluate(
        "() => JSON.stringify(Object.entries(localStorage).concat(Object.entries(sessionStorage)))"
    )


def _kept_keys(page, user) -> list:
    prefix = f"ekosystem:u{owner_key(user)}:"
    return page.evaluate(
        "(prefix) => Object.keys(localStorage).filter((key) => key.startsWith(prefix))", prefix
    )


def _every_session_text() -> str:
    return " ".join(repr(s.get_decoded()) for s in Session.objects.all())


def _type_then_run_past_the_limit(page, live_server, login, settings, alice, ecosystem, submission):
    """alice types on an ordinary form and in a questionnaire (its autosave cut off), then her
    login passes its absolute limit on the server while the page knows nothing of it, and she
    presses Spara."""
    login(page, live_server, alice.email)
    page.goto(f"{live_server.url}{reverse('ecosystem_update', args=[ecosystem.pk])}")
    page.locator("#id_strategy_goals").fill(TYPED_FORM)

    page.route(re.compile(r".*/answers/\d+/$"), lambda route: route.abort())
    section = reverse("submission_section", args=[submission.pk, 2])
    page.goto(f"{live_server.url}{section}")
    field = page.locator(f"#q-{question(submission, 'b1-issues').pk}")
    field.fill(TYPED_ANSWER)
    expect(page.locator("#save-status")).to_contain_text("Ingen kontakt med servern")
    assert TYPED_FORM in _stored_text(page) and TYPED_ANSWER in _stored_text(page)

    settings.SESSION_ABSOLUTE_AGE = 1  # the 12 hours are over; the page was not told
    page.unroute(re.compile(r".*/answers/\d+/$"))
    page.get_by_role("button", name="Spara", exact=True).click()
    expect(page).to_have_url(re.compile(r"/account/login/\?next="))
    expect(page.get_by_text(ENDED)).to_be_visible()
    settings.SESSION_ABSOLUTE_AGE = 12 * 60 * 60
    return section


def _log_in_on_the_page(page, email):
    """On the login page the expiry led to (log_in would open a fresh one)."""
    prepare_second_factor(email)
    page.locator("input[name='username']").fill(email)
    page.locator("input[name='password']").fill("rätt-lösenord-123")
    with page.expect_navigation():
        page.get_by_role("button", name="Logga in", exact=True).click()
    answer_code_step(page, email)


def test_text_typed_when_the_login_ran_out_is_back_after_logging_in_again(
    page, live_server, login, settings, screenshot, axe, alice, ecosystem_a, submission_a
):
    section = _type_then_run_past_the_limit(
        page, live_server, login, settings, alice, ecosystem_a, submission_a
    )
    screenshot(page, "session-limit-01-login")
    axe(page)
    _log_in_on_the_page(page, alice.email)

    expect(page).to_have_url(re.compile(f"{section}$"))
    field = page.locator(f"#q-{question(submission_a, 'b1-issues').pk}")
    expect(field).to_have_value(TYPED_ANSWER)
    expect(page.get_by_text("Du loggades ut innan du sparade.")).to_be_visible()
    screenshot(page, "session-limit-02-restored")


def test_the_next_person_after_a_server_side_expiry_inherits_nothing_typed(
    page, live_server, login, settings, alice, olga, ecosystem_a, submission_a
):
    _type_then_run_past_the_limit(
        page, live_server, login, settings, alice, ecosystem_a, submission_a
    )
    # Until somebody signs in, alice's copies wait for her (the server keeps her POST too).
    assert _kept_keys(page, alice)
    assert TYPED_ANSWER in _every_session_text()

    _log_in_on_the_page(page, olga.email)
    expect(page.get_by_role("button", name="Logga ut")).to_be_visible()

    assert _kept_keys(page, alice) == []
    assert TYPED_FORM not in _stored_text(page)
    assert TYPED_ANSWER not in _stored_text(page)
    assert TYPED_ANSWER not in _every_session_text()
    page.goto(f"{live_server.url}{reverse('ecosystem_update', args=[ecosystem_a.pk])}")
    expect(page.locator("#id_strategy_goals")).not_to_have_value(TYPED_FORM)
    expect(page.locator("#kept-note")).to_be_hidden()

    # And olga's own logout leaves nothing of hers either.
    page.locator("#id_strategy_goals").fill("Olgas utkast.")
    page.get_by_role("button", name="Logga ut").click()
    expect(page).to_have_url(re.compile(r"/account/login/"))
    assert "ekosystem:" not in _stored_text(page)
