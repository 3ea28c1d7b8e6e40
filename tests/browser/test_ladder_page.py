"""The financing ladder page in a browser: readable at 1280 and 320 px, axe-clean, the officer's
form errors in view."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.prioritisation.factories import on_top, qualified

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("transactional_db")]

NO_SIDEWAYS_SCROLL = "() => document.documentElement.scrollWidth <= window.innerWidth"


@pytest.mark.parametrize("width", [1280, 320])
def test_officer_sees_the_ladder_and_a_reason_without_justification_is_refused(
    page, live_server, login, axe, screenshot, olga, width
):
    ecosystem = qualified(name="Rymdekosystemet i Kiruna")
    page.set_viewport_size({"width": width, "height": 900})
    login(page, live_server, olga.email)
    page.goto(f"{live_server.url}{reverse('ecosystem_ladder', args=[ecosystem.pk])}")
    expect(page.get_by_role("heading", name="Här står ekosystemet", exact=True)).to_be_visible()
    expect(page.get_by_text("Det här saknas för nästa steg (Projektfinansiering)")).to_be_visible()
    axe(page)
    assert page.evaluate(NO_SIDEWAYS_SCROLL)
    screenshot(page, f"ladder-officer-{width}")

    page.locator("input[name=actor_system]").check()
    page.get_by_role("button", name="Spara skälen").click()
    expect(page.locator("#error-summary")).to_be_visible()
    expect(page.locator(".invalid-feedback").first).to_contain_text("Skriv varför skälet gäller")
    axe(page)
    assert page.evaluate(NO_SIDEWAYS_SCROLL)
    screenshot(page, f"ladder-officer-error-{width}")


@pytest.mark.parametrize("width", [1280, 320])
def test_leader_reads_their_ladder_from_the_ecosystem_page(
    page, live_server, login, axe, screenshot, olga, width
):
    from tests.factories import UserFactory

    ecosystem = on_top(olga)
    leader = UserFactory(email="lena@example.se", role="leader", ecosystems=[ecosystem])
    page.set_viewport_size({"width": width, "height": 900})
    login(page, live_server, leader.email)
    page.goto(f"{live_server.url}{reverse('ecosystem_detail', args=[ecosystem.pk])}")
    assert page.evaluate(NO_SIDEWAYS_SCROLL)
    page.get_by_role("link", name="Finansieringstrappan").click()
    expect(
        page.get_by_text("Ekosystemet uppfyller villkoren för alla fyra stegen.")
    ).to_be_visible()
    expect(page.get_by_role("button", name="Spara skälen")).to_have_count(0)
    axe(page)
    assert page.evaluate(NO_SIDEWAYS_SCROLL)
    screenshot(page, f"ladder-leader-{width}")
