"""An officer sets up the second factor in the browser, signs in with password and code, cannot
sign in without the code, and a recovery code works once. Every page on the way passes axe."""

import re
from base64 import b32decode

import pytest
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from tests.browser.conftest import PASSWORD
from tests.otp import code_for

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("transactional_db")]


def _password_step(page, live_server, email):
    page.goto(f"{live_server.url}{reverse('login')}")
    page.get_by_label("E-postadress").fill(email)
    page.get_by_label("Lösenord").fill(PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Logga in", exact=True).click()


def _log_out(page):
    menu = page.get_by_role("button", name="Visa menyn")
    if menu.is_visible():
        menu.click()
    with page.expect_navigation():
        page.get_by_role("button", name="Logga ut").click()


def _submit_code(page, code):
    page.locator("input[name=code]").fill(code)
    with page.expect_navigation():
        page.get_by_role("button", name="Fortsätt").click()


def test_an_officer_sets_up_the_second_factor_and_signs_in_with_it(
    page, live_server, axe, screenshot, olga
):
    _password_step(page, live_server, olga.email)
    # Nothing but the setup page until the second factor is set up.
    expect(page).to_have_url(re.compile(r"/account/two-factor/setup/"))
    page.goto(f"{live_server.url}{reverse('round_list')}")
    expect(page).to_have_url(re.compile(r"/account/two-factor/setup/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Ställ in tvåstegsverifiering")
    expect(page.get_by_role("img", name="QR-kod för autentiseringsappen")).to_be_visible()
    axe(page)
    screenshot(page, "otp-setup-1280")

    # The secret as text, read the way a person types it into an app.
    secret = page.locator("#secret-key").inner_text()
    key_hex = b32decode(secret.replace(" ", "")).hex()
    device = TOTPDevice.objects.get(user=olga)
    page.locator("input[name=code]").fill("12345")
    page.get_by_role("button", name="Bekräfta och slå på").click()
    expect(page.locator(".invalid-feedback")).to_contain_text("Koden stämmer inte")
    axe(page)
    device.throttle_reset()
    code = code_for(device, key_hex=key_hex)
    page.locator("input[name=code]").fill(f"{code[:3]} {code[3:]}")
    with page.expect_navigation():
        page.get_by_role("button", name="Bekräfta och slå på").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Dina reservkoder")
    expect(page.get_by_text("Spara dem nu")).to_be_visible()
    codes = [text.replace(" ", "") for text in page.locator("#recovery-codes li").all_inner_texts()]
    assert len(codes) == 10
    expect(page.get_by_role("button", name="Skriv ut")).to_be_visible()
    axe(page)
    screenshot(page, "otp-recovery-codes-1280")
    page.get_by_role("link", name="Jag har sparat koderna").click()
    page.goto(f"{live_server.url}{reverse('round_list')}")
    expect(page).to_have_url(re.compile(r"/assessments/rounds/|/assessments/"))
    _log_out(page)

    # Password and code.
    _password_step(page, live_server, olga.email)
    expect(page).to_have_url(re.compile(r"/account/code/"))
    code_field = page.locator("input[name=code]")
    assert code_field.get_attribute("inputmode") == "numeric"
    assert code_field.get_attribute("autocomplete") == "one-time-code"
    assert code_field.get_attribute("type") == "text"
    axe(page)
    screenshot(page, "otp-verify-1280")
    _submit_code(page, code_for(device, key_hex=key_hex))
    expect(page).not_to_have_url(re.compile(r"/account/"))
    expect(page.get_by_role("button", name="Logga ut")).to_be_visible()
    _log_out(page)

    # Without the code: no way past the code step.
    _password_step(page, live_server, olga.email)
    page.goto(f"{live_server.url}{reverse('ecosystem_list')}")
    expect(page).to_have_url(re.compile(r"/account/code/"))
    _submit_code(page, "000 000")
    expect(page.locator(".invalid-feedback")).to_contain_text("Koden stämmer inte")
    axe(page)
    page.goto(f"{live_server.url}{reverse('ecosystem_list')}")
    expect(page).to_have_url(re.compile(r"/account/code/"))

    # A recovery code instead: it works once.
    page.get_by_role("link", name=re.compile("använd en reservkod")).click()
    expect(page.locator("input[name=code]")).to_have_attribute("inputmode", "text")
    axe(page)
    _submit_code(page, codes[0])
    expect(page).to_have_url(re.compile(r"/ecosystems/"))
    _log_out(page)

    _password_step(page, live_server, olga.email)
    page.get_by_role("link", name=re.compile("använd en reservkod")).click()
    _submit_code(page, codes[0])
    expect(page.locator(".invalid-feedback")).to_contain_text("Koden stämmer inte")
    expect(page).to_have_url(re.compile(r"/account/code/"))


@pytest.mark.parametrize("width", [1280, 320])
def test_the_account_pages_fit_the_screen(page, live_server, login, axe, screenshot, width, olga):
    page.set_viewport_size({"width": width, "height": 900})
    login(page, live_server, olga.email)
    for name in ("account", "otp_manage", "email_change", "reauth"):
        page.goto(f"{live_server.url}{reverse(name)}")
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
        screenshot(page, f"{name}-{width}")
    page.goto(f"{live_server.url}{reverse('email_change')}")
    page.get_by_label("Ny e-postadress").fill("inte en adress")
    page.get_by_role("button", name="Byt e-postadress").click()
    expect(page.locator("#error-summary")).to_be_visible()
    axe(page)
    screenshot(page, f"email_change-error-{width}")


@pytest.mark.parametrize("width", [1280, 320])
def test_the_setup_and_code_pages_fit_a_narrow_screen(page, live_server, screenshot, width, alice):
    """A leader turns the second factor on voluntarily (their setup page, at both widths)."""
    page.set_viewport_size({"width": width, "height": 900})
    _password_step(page, live_server, alice.email)
    page.goto(f"{live_server.url}{reverse('otp_setup')}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Ställ in tvåstegsverifiering")
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    screenshot(page, f"otp-setup-leader-{width}")
    device = TOTPDevice.objects.get(user=alice)
    page.locator("input[name=code]").fill(code_for(device))
    with page.expect_navigation():
        page.get_by_role("button", name="Bekräfta och slå på").click()
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    screenshot(page, f"otp-recovery-codes-{width}")
    _log_out(page)
    _password_step(page, live_server, alice.email)
    page.goto(f"{live_server.url}{reverse('ecosystem_list')}")
    page.locator("input[name=code]").fill("1")
    page.get_by_role("button", name="Fortsätt").click()
    expect(page.locator("#error-summary")).to_be_visible()
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    screenshot(page, f"otp-verify-error-{width}")
