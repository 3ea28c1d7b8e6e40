"""The second factor: who must have one, the code step after the password, setup, recovery codes,
replacing and turning it off, and the admin behind the same factor."""

import pytest
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from ekosystem import second_factor
from ekosystem.choices import Role
from ekosystem.models import SecurityEvent
from tests.factories import UserFactory
from tests.otp import app_for, code_for

PASSWORD = "rätt-lösenord-123"
Kind = SecurityEvent.Kind


def _password_step(client, user, next_url=""):
    data = {"username": user.email, "password": PASSWORD}
    if next_url:
        data["next"] = next_url
    return client.post(reverse("login"), data)


def _kinds(user):
    return list(SecurityEvent.objects.filter(user=user).values_list("kind", flat=True))


@pytest.mark.parametrize(
    ("role", "flags", "required"),
    [
        (Role.OFFICER, {}, True),
        (Role.ADMIN, {}, True),
        (Role.BOARD, {}, True),
        (Role.LEADER, {}, False),
        (Role.REVIEWER, {}, False),
        (Role.LEADER, {"is_staff": True}, True),
        (Role.REVIEWER, {"is_superuser": True}, True),
    ],
)
def test_officers_board_members_and_administrators_must_have_a_second_factor(
    db, role, flags, required
):
    assert UserFactory(role=role, **flags).requires_second_factor is required


@pytest.mark.parametrize(
    ("typed", "normalised"),
    [("123 456", "123456"), (" 123456 ", "123456"), ("ABCD-efgh", "abcdefgh"), ("", "")],
)
def test_codes_may_be_typed_with_spaces_dashes_and_capitals(typed, normalised):
    assert second_factor.normalise(typed) == normalised


def test_an_officer_with_an_app_passes_the_code_step_before_any_page(client, olga):
    device = app_for(olga)
    response = _password_step(client, olga, next_url=reverse("round_list"))
    assert response.status_code == 302
    response = client.get(response.url)
    assert response.status_code == 302
    assert response.url.startswith(reverse("otp_verify"))

    page = client.get(response.url)
    assert 'inputmode="numeric"' in page.content.decode()
    assert 'autocomplete="one-time-code"' in page.content.decode()
    code = code_for(device)
    response = client.post(response.url, {"code": f"{code[:3]} {code[3:]}"})
    assert response.status_code == 302
    assert response.url == reverse("round_list")
    assert client.get(reverse("round_list")).status_code == 200
    assert Kind.OTP_USED in _kinds(olga)


def test_a_wrong_code_is_refused_by_the_field_and_then_throttled(client, olga):
    device = app_for(olga)
    _password_step(client, olga)
    response = client.post(reverse("otp_verify"), {"code": "000000"})
    assert response.status_code == 400
    assert "Koden stämmer inte" in response.context["form"].errors["code"][0]
    assert _kinds(olga).count(Kind.OTP_FAILED) == 1

    # Straight after a failure django-otp's throttling refuses even the right code.
    response = client.post(reverse("otp_verify"), {"code": code_for(device)})
    assert response.status_code == 400
    assert "För många felaktiga koder" in response.context["form"].errors["code"][0]
    assert client.get(reverse("round_list")).status_code == 302


def test_an_officer_without_an_app_reaches_only_the_setup_page_after_the_password(client, olga):
    _password_step(client, olga)
    for blocked in (reverse("round_list"), reverse("home"), reverse("account"), "/admin/"):
        response = client.get(blocked)
        assert response.status_code == 302, blocked
        assert response.url.startswith(reverse("otp_setup")), blocked
    assert client.get(reverse("otp_setup")).status_code == 200
    assert client.get(reverse("accessibility_statement")).status_code == 200
    assert client.post(reverse("keepalive")).status_code == 200
    assert client.post(reverse("logout")).status_code == 302


def test_a_leader_without_an_app_signs_in_with_the_password_alone(client, alice):
    _password_step(client, alice)
    assert client.get(reverse("ecosystem_list")).status_code == 200


def test_a_leader_who_turned_the_second_factor_on_must_pass_the_code_step(client, alice):
    app_for(alice)
    _password_step(client, alice)
    response = client.get(reverse("ecosystem_list"))
    assert response.url.startswith(reverse("otp_verify"))


def test_setup_shows_the_qr_code_and_the_secret_and_activates_the_app_only_with_a_code(
    client, olga
):
    _password_step(client, olga)
    page = client.get(reverse("otp_setup")).content.decode()
    device = TOTPDevice.objects.get(user=olga)
    assert not device.confirmed
    secret = second_factor.secret_for(device)
    assert "<svg" in page and 'role="img"' in page
    assert secret.grouped in page

    response = client.post(reverse("otp_setup"), {"code": "123 45x"})
    assert response.status_code == 400
    device.refresh_from_db()
    assert not device.confirmed

    device.throttle_reset()
    response = client.post(reverse("otp_setup"), {"code": code_for(device)})
    assert response.status_code == 302
    assert response.url == reverse("otp_recovery_codes")
    device.refresh_from_db()
    assert device.confirmed
    codes = client.get(reverse("otp_recovery_codes")).context["codes"]
    assert len(codes) == second_factor.RECOVERY_CODE_COUNT
    # Shown once: the page does not show them again.
    assert client.get(reverse("otp_recovery_codes")).url == reverse("otp_manage")
    assert client.get(reverse("round_list")).status_code == 200
    assert Kind.OTP_SETUP in _kinds(olga)


def test_a_recovery_code_works_once(client, olga):
    app_for(olga)
    code = second_factor.new_recovery_codes(olga)[0]
    _password_step(client, olga)
    response = client.post(reverse("otp_verify") + "?recovery=1", {"code": code.upper()})
    assert response.status_code == 302
    assert Kind.RECOVERY_CODE_USED in _kinds(olga)
    assert StaticToken.objects.filter(device__user=olga).count() == 9

    client.post(reverse("logout"))
    _password_step(client, olga)
    response = client.post(reverse("otp_verify"), {"code": code})
    assert response.status_code == 400
    assert client.get(reverse("round_list")).status_code == 302


def test_new_recovery_codes_replace_the_old_ones(client, olga):
    old = second_factor.new_recovery_codes(olga)
    client.force_login(olga)
    response = client.post(reverse("otp_recovery_codes"))
    assert response.url == reverse("otp_recovery_codes")
    new = client.get(response.url).context["codes"]
    stored = set(StaticToken.objects.filter(device__user=olga).values_list("token", flat=True))
    assert stored == set(new)
    assert not stored & set(old)


def test_replacing_the_app_needs_a_current_code_and_keeps_the_old_app_until_confirmed(client, olga):
    client.force_login(olga)
    old = app_for(olga)
    response = client.post(reverse("otp_replace"), {"code": "000000"})
    assert response.status_code == 400
    assert client.get(reverse("otp_setup")).url == reverse("otp_manage")

    old.throttle_reset()
    response = client.post(reverse("otp_replace"), {"code": code_for(old)})
    assert response.url == reverse("otp_setup")
    client.get(reverse("otp_setup"))
    new = TOTPDevice.objects.get(user=olga, confirmed=False)
    assert TOTPDevice.objects.filter(pk=old.pk).exists()
    client.post(reverse("otp_setup"), {"code": code_for(new)})
    assert list(TOTPDevice.objects.filter(user=olga)) == [new]


def test_only_users_not_required_to_may_turn_the_second_factor_off(client, olga, alice):
    client.force_login(olga)
    app_for(olga)
    assert client.post(reverse("otp_disable")).status_code == 403
    assert TOTPDevice.objects.filter(user=olga).exists()

    app_for(alice)
    second_factor.new_recovery_codes(alice)
    client.force_login(alice)
    assert client.post(reverse("otp_disable")).url == reverse("account")
    assert not second_factor.has_second_factor(alice)
    assert not StaticToken.objects.filter(device__user=alice).exists()
    assert Kind.OTP_RESET in _kinds(alice)


def test_force_login_in_tests_gives_required_users_a_verified_session(client, olga):
    client.force_login(olga)
    assert client.get(reverse("round_list")).status_code == 200


def test_unverified_logins_fixture_leaves_force_login_short_of_the_second_factor(
    client, olga, unverified_logins
):
    client.force_login(olga)
    assert client.get(reverse("round_list")).url.startswith(reverse("otp_setup"))


# --- The Django admin -----------------------------------------------------------------------------


@pytest.fixture
def admin_user(db):
    return UserFactory(email="ada@example.se", role=Role.ADMIN, is_staff=True, is_superuser=True)


def test_the_admin_login_is_the_products_login(client, db):
    response = client.get("/admin/")
    assert response.url.startswith(reverse("admin:login"))
    response = client.get(response.url)
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))
    assert "next=/admin/" in response.url


def test_the_admin_needs_the_second_factor(client, admin_user):
    app_for(admin_user)
    _password_step(client, admin_user)
    assert client.get("/admin/").url.startswith(reverse("otp_verify"))
    client.post(reverse("otp_verify"), {"code": code_for(app_for(admin_user))})
    assert client.get("/admin/").status_code == 200


def test_the_admin_refuses_a_signed_in_user_who_is_not_staff(client, alice):
    client.force_login(alice)
    assert client.get(reverse("admin:login")).status_code == 403


def test_an_administrator_resets_a_users_second_factor_in_the_admin(client, admin_user, olga):
    app_for(olga)
    second_factor.new_recovery_codes(olga)
    client.force_login(admin_user)
    response = client.post(
        reverse("admin:ekosystem_user_changelist"),
        {"action": "reset_second_factor", "_selected_action": [olga.pk]},
    )
    assert response.status_code == 302
    assert not second_factor.has_second_factor(olga)
    event = SecurityEvent.objects.get(kind=Kind.OTP_RESET, user=olga)
    assert event.detail == f"reset by {admin_user.email}"


def test_the_admin_does_not_list_the_device_secrets(client, admin_user):
    client.force_login(admin_user)
    page = client.get("/admin/").content.decode()
    assert "otp_totp" not in page and "otp_static" not in page


def test_the_code_step_speaks_english_to_those_who_chose_it(client, olga):
    app_for(olga)
    client.post(reverse("set_language"), {"language": "en"})
    _password_step(client, olga)
    page = client.get(reverse("otp_verify")).text
    assert "Type the code from the app" in page
    assert "I do not have my phone – use a recovery code" in page
