"""What is typed on an ordinary form before the session runs out is there after logging in
again, for the person who typed it only; the "you were logged out" note shows only then."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.assessments.fixtures import question
from tests.browser.conftest import answer_code_step, prepare_second_factor

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("transactional_db")]

TYPED = "Fler testbäddar i Norrbotten, skrivet innan sessionen tog slut."
NOTE = "Vi har fört tillbaka det du skrev innan du loggades ut."


def _kept_keys(page):
    return page.evaluate(
        "() => Object.keys(localStorage).filter((key) => key.startsWith('ekosystem:'))"
    )


def _type_until_expiry(page, live_server, login, settings, user, ecosystem):
    """Sign in with a 9-second session, type on the ecosystem form and let the session end."""
    settings.SESSION_COOKIE_AGE = 9
    login(page, live_server, user.email)
    page.goto(f"{live_server.url}{reverse('ecosystem_update', args=[ecosystem.pk])}")
    page.locator("#id_strategy_goals").fill(TYPED)
    page.locator("#id_leader_name").fill("Karin Kiruna")
    dialog = page.locator("#session-dialog")
    expect(dialog.get_by_role("heading", name="Du har loggats ut")).to_be_visible(timeout=15_000)
    # The server has forgotten the session too; later sessions last as usual.
    page.context.clear_cookies(name="sessionid")
    settings.SESSION_COOKIE_AGE = 7200
    return dialog


def _log_in_on_the_page(page, email):
    prepare_second_factor(email)
    page.locator("input[name='username']").fill(email)
    page.locator("input[name='password']").fill("rätt-lösenord-123")
    with page.expect_navigation():
        page.get_by_role("button", name="Logga in", exact=True).click()
    answer_code_step(page, email)


def test_text_typed_before_the_session_ran_out_is_back_after_logging_in_again(
    page, live_server, login, axe, screenshot, settings, alice, ecosystem_a
):
    dialog = _type_until_expiry(page, live_server, login, settings, alice, ecosystem_a)
    screenshot(page, "keep-01-expired")
    dialog.get_by_role("link", name="Logga in igen").click()
    _log_in_on_the_page(page, alice.email)

    expect(page).to_have_url(re.compile(rf"/ecosystems/{ecosystem_a.pk}/edit/$"))
    expect(page.locator("#id_strategy_goals")).to_have_value(TYPED)
    expect(page.locator("#id_leader_name")).to_have_value("Karin Kiruna")
    expect(page.locator("#kept-note")).to_be_visible()
    expect(page.locator("#kept-note")).to_contain_text(NOTE)
    screenshot(page, "keep-02-restored")
    axe(page)

    # A plain reload is no logout: no note, and the copy is not forced on the fresh form.
    page.reload()
    expect(page.locator("#kept-note")).to_be_hidden()

    page.locator("#id_strategy_goals").fill(TYPED)
    page.get_by_role("button", name="Spara", exact=True).click()
    expect(page.get_by_text(f"Ekosystemet {ecosystem_a.name} är sparat.")).to_be_visible()
    ecosystem_a.refresh_from_db()
    assert ecosystem_a.strategy_goals == TYPED

    # Logging out leaves nothing typed in the browser.
    page.goto(f"{live_server.url}{reverse('ecosystem_update', args=[ecosystem_a.pk])}")
    page.locator("#id_strategy_goals").fill("Ett utkast som inte sparas.")
    assert _kept_keys(page)
    page.get_by_role("button", name="Logga ut").click()
    expect(page).to_have_url(re.compile(r"/account/login/"))
    assert _kept_keys(page) == []


def test_the_next_person_on_the_computer_never_sees_what_was_typed(
    page, live_server, login, settings, alice, olga, ecosystem_a
):
    dialog = _type_until_expiry(page, live_server, login, settings, alice, ecosystem_a)
    dialog.get_by_role("link", name="Logga in igen").click()
    _log_in_on_the_page(page, olga.email)

    expect(page).to_have_url(re.compile(rf"/ecosystems/{ecosystem_a.pk}/edit/$"))
    expect(page.locator("#id_strategy_goals")).to_have_value(ecosystem_a.strategy_goals)
    expect(page.locator("#id_leader_name")).to_have_value(ecosystem_a.leader_name)
    expect(page.locator("#kept-note")).to_be_hidden()
    assert TYPED not in str(page.evaluate("() => JSON.stringify(localStorage)"))


def test_a_plain_reload_of_a_questionnaire_says_nothing_about_being_logged_out(
    page, live_server, login, alice, submission_a
):
    login(page, live_server, alice.email)
    page.goto(f"{live_server.url}/assessments/s/{submission_a.pk}/section/1/")
    field = page.locator(f"#q-{question(submission_a, 'b1-age').pk}")
    field.fill("12")
    page.reload()  # before the autosave's delay has passed

    field = page.locator(f"#q-{question(submission_a, 'b1-age').pk}")
    expect(field).to_have_value("12")
    expect(page.locator("#restored-note")).to_be_hidden()
    page.wait_for_function(
        "() => document.querySelector('#save-status').textContent.includes('Sparat')"
    )
