"""A leader finds "Mina personuppgifter" from any page and downloads their file."""

import json
from pathlib import Path

import pytest
from django.urls import reverse
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("transactional_db")]


@pytest.mark.parametrize("width", [1280, 320])
def test_a_leader_downloads_their_personal_data_from_the_footer_link(
    page, live_server, login, axe, screenshot, alice, width
):
    page.set_viewport_size({"width": width, "height": 900})
    login(page, live_server, alice.email)
    page.get_by_role("link", name="Mina personuppgifter").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mina personuppgifter")
    axe(page)
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    screenshot(page, f"personal-data-{width}")
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Hämta mina personuppgifter (JSON)").click()
    download = download_info.value
    assert download.suggested_filename.startswith("mina-personuppgifter-")
    data = json.loads(Path(download.path()).read_text(encoding="utf-8"))
    assert data["person"]["email"] == alice.email
    # The button works again for a second copy (the page stays; nothing is left disabled).
    expect(page.get_by_role("button", name="Hämta mina personuppgifter (JSON)")).to_be_enabled()
    assert page.url.endswith(reverse("personal_data"))


@pytest.mark.parametrize("width", [1280, 320])
def test_an_administrator_pseudonymises_a_leader_after_reading_what_will_happen(
    page, live_server, login, screenshot, alice, width
):
    from tests.factories import UserFactory

    UserFactory(
        email="adam@example.se",
        full_name="Adam Admin",
        role="admin",
        is_staff=True,
        is_superuser=True,
    )
    page.set_viewport_size({"width": width, "height": 900})
    login(page, live_server, "adam@example.se")
    page.goto(f"{live_server.url}{reverse('admin:ekosystem_user_changelist')}")
    page.locator(f"input[name='_selected_action'][value='{alice.pk}']").check()
    page.locator("select[name='action']").select_option("pseudonymise")
    page.locator("button[name='index']").click()
    expect(page.get_by_text("Det här går inte att ångra.")).to_be_visible()
    expect(page.get_by_text("Rymdekosystemet A har ingen annan aktiv ledare")).to_be_visible()
    screenshot(page, f"admin-pseudonymise-{width}")
    page.get_by_role("button", name="Ja, avidentifiera").click()
    expect(page.locator(".messagelist .success")).to_contain_text(
        "Kontot alice@example.se är avidentifierat"
    )
    screenshot(page, f"admin-pseudonymised-{width}")
