"""The account page, re-authentication before changing how one signs in, and the e-mail address."""

import time

import pytest
from django.urls import reverse

from ekosystem import reauth
from ekosystem.models import SecurityEvent
from tests.otp import app_for, code_for

PASSWORD = "rätt-lösenord-123"


def _age_the_login(client, seconds):
    session = client.session
    session[reauth.AUTHENTICATED_AT] = int(time.time()) - seconds
    session.save()


@pytest.mark.parametrize(("age", "recent"), [(0, True), (599, True), (601, False), (-5, False)])
def test_a_proof_counts_as_recent_for_ten_minutes(settings, age, recent):
    now = 1_000_000
    session = {reauth.AUTHENTICATED_AT: now - age}
    assert reauth.is_recent(session, now=now) is recent


def test_without_a_proof_nothing_is_recent():
    assert not reauth.is_recent({})


def test_the_account_page_links_to_the_e_mail_password_and_second_factor(client_for, alice):
    page = client_for(alice).get(reverse("account")).content.decode()
    for name in ("email_change", "password_change", "otp_manage"):
        assert reverse(name) in page
    # The footer links there too; the account page names it among the person's own things.
    assert f'<a href="{reverse("personal_data")}">Se och hämta dina personuppgifter</a>' in page


@pytest.mark.parametrize("name", ["email_change", "otp_manage", "otp_setup"])
def test_changing_how_one_signs_in_asks_for_the_password_after_ten_minutes(client_for, alice, name):
    client = client_for(alice)
    assert client.get(reverse(name)).status_code == 200
    _age_the_login(client, 11 * 60)
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response.url == f"{reverse('reauth')}?next={reverse(name).replace('/', '%2F')}"


def test_a_wrong_password_is_refused_by_the_field(client_for, alice):
    client = client_for(alice)
    _age_the_login(client, 11 * 60)
    response = client.post(reverse("reauth"), {"password": "fel", "next": reverse("email_change")})
    assert response.status_code == 400
    assert response.context["form"].errors["password"] == ["Lösenordet stämmer inte."]
    assert client.get(reverse("email_change")).status_code == 302


def test_the_password_and_a_code_let_a_user_with_an_app_back_in(client_for, olga):
    client = client_for(olga)
    _age_the_login(client, 11 * 60)
    page = client.get(reverse("reauth"))
    assert "code" in page.context["form"].fields

    response = client.post(reverse("reauth"), {"password": PASSWORD, "code": "000000"})
    assert response.status_code == 400
    assert "code" in response.context["form"].errors

    app_for(olga).throttle_reset()
    response = client.post(
        reverse("reauth"),
        {"password": PASSWORD, "code": code_for(app_for(olga)), "next": reverse("otp_manage")},
    )
    assert response.url == reverse("otp_manage")
    assert client.get(reverse("otp_manage")).status_code == 200


def test_reauth_does_not_send_the_user_elsewhere(client_for, alice):
    client = client_for(alice)
    response = client.post(
        reverse("reauth"), {"password": PASSWORD, "next": "https://evil.example/"}
    )
    assert response.url == reverse("account")


def test_a_user_changes_their_e_mail_address_and_the_change_is_recorded(client_for, alice):
    client = client_for(alice)
    response = client.post(reverse("email_change"), {"email": "  Alice.Ny@Example.se "})
    assert response.url == reverse("account")
    alice.refresh_from_db()
    assert alice.email == "alice.ny@example.se"
    event = SecurityEvent.objects.get(kind=SecurityEvent.Kind.EMAIL_CHANGED)
    assert event.user == alice
    assert event.detail == "alice@example.se -> alice.ny@example.se"


def test_an_address_someone_else_signs_in_with_is_refused(client_for, alice, bob):
    response = client_for(alice).post(reverse("email_change"), {"email": bob.email.upper()})
    assert response.status_code == 400
    assert response.context["form"].errors["email"] == [
        "Adressen används redan av en annan inloggning."
    ]
    alice.refresh_from_db()
    assert alice.email == "alice@example.se"
