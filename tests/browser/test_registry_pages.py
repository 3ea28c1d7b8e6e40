"""The registry as a leader and an officer meet it in a real browser, checked with axe-core."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("transactional_db")]


def test_leader_lands_on_her_own_ecosystem_and_cannot_see_another(
    page, live_server, login, axe, screenshot, alice, ecosystem_a, ecosystem_b
):
    page.goto(f"{live_server.url}/account/login/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Logga in")
    screenshot(page, "leader-01-login")
    axe(page)

    login(page, live_server, alice.email)

    # Her only ecosystem: the home view sends her straight to it.
    expect(page).to_have_url(f"{live_server.url}/ecosystems/{ecosystem_a.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(ecosystem_a.name)
    checklist = page.locator("section[aria-labelledby='criteria-heading']")
    expect(checklist.get_by_role("heading", name="Cluster of Sweden-kriterier")).to_be_visible()
    expect(checklist.locator("li")).not_to_have_count(0)
    expect(checklist).to_contain_text("kriterier uppfyllda")
    screenshot(page, "leader-02-detail")
    axe(page)

    page.get_by_role("link", name="Ändra uppgifter").click()
    expect(page).to_have_url(f"{live_server.url}/ecosystems/{ecosystem_a.pk}/edit/")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Ändra {ecosystem_a.name}")
    # Officer-only facts are not offered to a leader.
    expect(page.locator("#id_phase")).to_have_count(0)
    screenshot(page, "leader-03-edit")
    axe(page)

    response = page.goto(f"{live_server.url}/ecosystems/{ecosystem_b.pk}/")
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Sidan finns inte")
    expect(page.locator("main")).not_to_contain_text(ecosystem_b.name)
    screenshot(page, "leader-04-not-found")


def test_officer_searches_opens_and_edits_with_an_error(
    page, live_server, login, axe, screenshot, olga, ecosystem_a, ecosystem_b
):
    login(page, live_server, olga.email)

    # Officers land on their dashboard; the registry is one step away in the menu.
    expect(page).to_have_url(f"{live_server.url}/oversikt/")
    page.get_by_role("navigation").get_by_role("link", name="Ekosystem", exact=True).click()
    expect(page).to_have_url(f"{live_server.url}/ecosystems/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Ekosystem")
    table = page.locator("main table")
    expect(table.get_by_role("link", name=ecosystem_a.name)).to_be_visible()
    expect(table.get_by_role("link", name=ecosystem_b.name)).to_be_visible()
    screenshot(page, "officer-01-list")
    axe(page)

    search = page.get_by_role("search")
    search.get_by_label("Sök").fill("Rymd")
    search.get_by_role("button", name="Filtrera").click()
    expect(page).to_have_url(re.compile(r"/ecosystems/\?.*q=Rymd"))
    expect(table.get_by_role("link", name=ecosystem_a.name)).to_be_visible()
    expect(table.get_by_role("link", name=ecosystem_b.name)).to_have_count(0)
    expect(search.get_by_label("Sök")).to_have_value("Rymd")
    screenshot(page, "officer-02-list-filtered")
    axe(page)

    table.get_by_role("link", name=ecosystem_a.name).click()
    expect(page).to_have_url(f"{live_server.url}/ecosystems/{ecosystem_a.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(ecosystem_a.name)
    screenshot(page, "officer-03-detail")
    axe(page)

    page.get_by_role("link", name="Ändra uppgifter").click()
    expect(page).to_have_url(f"{live_server.url}/ecosystems/{ecosystem_a.pk}/edit/")
    typed = {
        "#id_organisation_name": "Rymdföreningen i Kiruna ekonomisk förening",
        "#id_leader_name": "Karin Kiruna",
        "#id_members_business": "12",
        "#id_members_abroad": "500",
        "#id_strategy_goals": "Fler testbäddar i Norrbotten.",
        "#id_board-0-name": "Sara Styrelse",
    }
    for selector, value in typed.items():
        page.locator(selector).fill(value)
    page.get_by_role("button", name="Spara", exact=True).click()

    # Back on the form, with the error next to the field and nothing she typed lost.
    expect(page).to_have_url(f"{live_server.url}/ecosystems/{ecosystem_a.pk}/edit/")
    total = 12 + ecosystem_a.members_academia + ecosystem_a.members_public
    total += ecosystem_a.members_civil
    message = f"Fler medlemmar utanför Sverige (500) än medlemmar totalt ({total})."
    field = page.locator("#id_members_abroad")
    expect(field).to_have_class(re.compile(r"\bis-invalid\b"))
    expect(page.locator("#div_id_members_abroad")).to_contain_text(message)
    expect(page.get_by_role("alert")).to_contain_text("Formuläret innehåller fel")
    for selector, value in typed.items():
        expect(page.locator(selector)).to_have_value(value)
    screenshot(page, "officer-04-edit-errors")
    axe(page)

    # Nothing was saved.
    page.goto(f"{live_server.url}/ecosystems/{ecosystem_a.pk}/")
    expect(page.locator("main")).not_to_contain_text("Karin Kiruna")

    page.get_by_role("link", name="Ändringshistorik").click()
    expect(page).to_have_url(f"{live_server.url}/ecosystems/{ecosystem_a.pk}/history/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"Ändringshistorik för {ecosystem_a.name}"
    )
    screenshot(page, "officer-05-history")
    axe(page)


def test_language_switch_sets_html_lang(page, live_server, login, screenshot, olga, ecosystem_a):
    login(page, live_server, olga.email)
    expect(page.locator("html")).to_have_attribute("lang", "sv")

    page.get_by_role("button", name="English").click()

    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page).to_have_url(f"{live_server.url}/oversikt/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Overview")
    expect(page.get_by_role("button", name="Svenska")).to_be_visible()
    screenshot(page, "language-en-list")


def test_numbers_typed_as_words_get_a_message_and_grouped_digits_are_saved(
    page, live_server, login, axe, screenshot, olga, ecosystem_a
):
    login(page, live_server, olga.email)
    page.goto(f"{live_server.url}/ecosystems/{ecosystem_a.pk}/edit/")
    turnover = page.locator("#id_annual_turnover")
    expect(turnover).to_have_attribute("type", "text")
    expect(turnover).to_have_attribute("inputmode", "numeric")

    turnover.fill("1,5 miljoner")
    page.get_by_role("button", name="Spara", exact=True).click()
    expect(page.locator("#div_id_annual_turnover")).to_contain_text(
        "Skriv ett heltal med siffror, till exempel 1 500 000."
    )
    expect(turnover).to_have_value("1,5 miljoner")
    expect(turnover).to_have_class(re.compile(r"\bis-invalid\b"))
    ecosystem_a.refresh_from_db()
    assert ecosystem_a.annual_turnover == 2_500_000
    screenshot(page, "number-01-words-refused")
    axe(page)

    turnover.fill("1 500 000")
    page.locator("#id_staff_fte").fill("1,5")
    page.get_by_role("button", name="Spara", exact=True).click()
    expect(page).to_have_url(f"{live_server.url}/ecosystems/{ecosystem_a.pk}/")
    ecosystem_a.refresh_from_db()
    assert ecosystem_a.annual_turnover == 1_500_000
    assert str(ecosystem_a.staff_fte) == "1.50"
