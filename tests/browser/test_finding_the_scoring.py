"""An officer finds the scoring without knowing its address: from the dashboard's "Poäng som
saknas" and from the round's page, and on from a scoring row to the ecosystem's ladder."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from assessments.models import Round

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("transactional_db")]


@pytest.mark.parametrize("width", [1280, 320])
def test_an_officer_goes_from_the_dashboard_and_the_round_page_to_the_scoring(
    page, live_server, login, axe, screenshot, olga, width
):
    from tests.ekosystem.dashboard_data import build_dashboard_world

    build_dashboard_world(0, 3, olga)
    round_ = Round.objects.get()
    overview = f"{live_server.url}{reverse('scoring_overview', args=[round_.pk])}"
    page.set_viewport_size({"width": width, "height": 900})
    login(page, live_server, olga.email)

    section = page.locator("section.dashboard-section", has_text="Poäng som saknas")
    expect(section).to_contain_text("Omgång: 2 ekosystem saknar dina poäng")
    expect(section).to_contain_text("Omgång: 1 ekosystem väntar på överenskommen poäng")
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    screenshot(page, f"wiring-dashboard-{width}")
    section.get_by_role("link", name="Omgång: 2 ekosystem saknar dina poäng").click()
    expect(page).to_have_url(overview)

    page.goto(f"{live_server.url}{reverse('round_detail', args=[round_.pk])}")
    axe(page)
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    screenshot(page, f"wiring-round-{width}")
    page.get_by_role("link", name="Prioritering och poäng").click()
    expect(page).to_have_url(overview)
    axe(page)
    screenshot(page, f"wiring-scoring-overview-{width}")
    page.get_by_role("link", name=re.compile(r"^Finansieringstrappan.*Ekosystem 000$")).click()
    expect(page.locator("h1")).to_contain_text("Ekosystem 000")
