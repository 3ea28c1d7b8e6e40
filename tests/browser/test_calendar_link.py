"""The calendar link page in each of its states (none, just created, exists), and the warning
before a login's absolute limit: readable at 1280 and 320 px, and passing axe-core."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("transactional_db")]


def _no_sideways_scroll(page):
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("width", [1280, 320])
def test_the_calendar_address_is_shown_once_and_then_only_said_to_exist(
    page, live_server, login, axe, screenshot, nils, width
):
    page.set_viewport_size({"width": width, "height": 900})
    login(page, live_server, nils.email)
    page.goto(f"{live_server.url}/calendar/")
    page.get_by_role("button", name="Skapa kalenderlänk").click()

    address = page.get_by_label("Adress att prenumerera på")
    expect(address).to_have_value(re.compile(r"^http://127\.0\.0\.1:8000/calendar/[\w-]{43}\.ics$"))
    expect(page.get_by_text("den visas bara den här gången")).to_be_visible()
    _no_sideways_scroll(page)
    screenshot(page, f"calendar-link-01-created-{width}")
    axe(page)

    page.goto(f"{live_server.url}/calendar/")
    expect(page.get_by_label("Adress att prenumerera på")).to_have_count(0)
    expect(page.get_by_text("Du har en kalenderlänk, skapad")).to_be_visible()
    expect(page.get_by_role("button", name="Skapa ny kalenderlänk")).to_be_visible()
    expect(page.get_by_role("button", name="Återkalla länken")).to_be_visible()
    _no_sideways_scroll(page)
    screenshot(page, f"calendar-link-02-exists-{width}")
    axe(page)


@pytest.mark.parametrize("width", [1280, 320])
def test_a_warning_comes_before_the_login_reaches_its_absolute_limit(
    page, live_server, login, axe, screenshot, settings, olga, width
):
    settings.SESSION_ABSOLUTE_AGE = 125  # the two-minute warning shows about 5 s in
    page.set_viewport_size({"width": width, "height": 900})
    login(page, live_server, olga.email)
    dialog = page.locator("#session-dialog")
    expect(dialog.get_by_role("heading", name="Du loggas snart ut")).to_be_visible(timeout=15_000)
    expect(dialog).to_contain_text("högst 1 timme")
    expect(dialog.get_by_role("button", name="Fortsätt arbeta")).to_be_hidden()
    screenshot(page, f"session-limit-03-warning-{width}")
    axe(page)
    dialog.get_by_role("button", name="Jag förstår").click()
    expect(dialog).to_be_hidden()
