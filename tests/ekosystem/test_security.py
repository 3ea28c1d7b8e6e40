import re
from urllib.parse import urlsplit

import pytest
from django.contrib.auth.hashers import make_password
from django.core import mail
from django.test import override_settings
from django.urls import reverse

from tests.utils import run_python


def _login(client, email, password, **extra):
    return client.post(reverse("login"), {"username": email, "password": password, **extra})


def test_login_with_email_and_password_lands_on_home(client, olga):
    response = _login(client, "olga@example.se", "rätt-lösenord-123")
    assert response.status_code == 302
    assert response.url == reverse("home")


def test_failed_login_says_so_in_swedish(client, olga):
    response = _login(client, "olga@example.se", "fel")
    assert "Fel e-postadress eller lösenord." in response.text


def test_an_over_long_login_name_is_a_form_error_and_reaches_no_failed_login_record(client, db):
    from axes.models import AccessAttempt

    typed = "a" * 300 + "@example.se"
    response = _login(client, typed, "fel")
    assert response.status_code == 200
    assert response.context["form"].errors["username"] == ["En e-postadress har högst 254 tecken."]
    assert typed in response.text
    # The record of failed logins holds 255 characters; PostgreSQL refused more with a 500.
    assert not AccessAttempt.objects.filter(username=typed).exists()


def test_next_parameter_may_only_point_inside_the_site(client, olga):
    inside = _login(client, "olga@example.se", "rätt-lösenord-123", next="/ecosystems/")
    assert inside.url == "/ecosystems/"
    client.logout()
    outside = _login(client, "olga@example.se", "rätt-lösenord-123", next="https://evil.example/")
    assert outside.url == reverse("home")


def test_repeated_failures_lock_out_that_account_from_that_address(client, olga, settings):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        _login(client, "olga@example.se", "fel")
    locked = _login(client, "olga@example.se", "rätt-lösenord-123")
    assert locked.status_code == 429
    assert "För många inloggningsförsök" in locked.text
    other_address = client.post(
        reverse("login"),
        {"username": "olga@example.se", "password": "rätt-lösenord-123"},
        REMOTE_ADDR="10.1.2.3",
    )
    assert other_address.status_code == 302


def test_passwords_are_hashed_with_argon2_by_default():
    with override_settings(PASSWORD_HASHERS=_production_hashers()):
        assert make_password("ett lösenord").startswith("argon2$")


def _production_hashers():
    from ekosystem import settings as project_settings

    return project_settings.PASSWORD_HASHERS


def test_pages_carry_a_strict_content_security_policy(client):
    policy = client.get(reverse("login")).headers["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["script-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert directives["base-uri"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in policy


def test_logout_needs_a_post(client_for, olga):
    client = client_for(olga)
    assert client.get(reverse("logout")).status_code == 405
    client.post(reverse("logout"))
    assert client.get(reverse("ecosystem_list")).status_code == 302


def test_password_reset_mails_a_working_link(client, olga, committed):
    committed(client.post, reverse("password_reset"), {"email": "olga@example.se"})
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject == "Återställ ditt lösenord till Ekosystem"
    link = re.search(r"https?://\S+/account/password/reset/\S+", message.body).group()
    set_password_page = client.get(urlsplit(link).path, follow=True)
    assert "Välj ett nytt lösenord" in set_password_page.text
    assert set_password_page.context["validlink"]


def test_password_reset_does_not_reveal_unknown_addresses(client, db, committed):
    response = committed(client.post, reverse("password_reset"), {"email": "okand@example.se"})
    assert response.url == reverse("password_reset_done")
    assert mail.outbox == []


def _run_in_production_mode(*args, **env):
    production = {
        "EKOSYSTEM_ENV": "production",
        "SECRET_KEY": "x" * 30 + "-production-test-key-with-enough-entropy-9f8e7d6c5b4a",
        "ALLOWED_HOSTS": "ekosystem.example.se",
        "SITE_URL": "https://ekosystem.example.se",
    }
    return run_python("manage.py", *args, **{**production, **env})


def test_production_mode_passes_the_deployment_checklist():
    result = _run_in_production_mode("check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_mode_refuses_to_start_without_a_secret_key():
    result = _run_in_production_mode("check", SECRET_KEY="")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_mode_refuses_to_start_without_a_site_url():
    result = _run_in_production_mode("check", SITE_URL="")
    assert result.returncode != 0
    assert "ImproperlyConfigured: SITE_URL must be set" in result.stderr


@pytest.mark.parametrize(
    "setting",
    [
        "SESSION_COOKIE_SECURE",
        "CSRF_COOKIE_SECURE",
        "SESSION_COOKIE_HTTPONLY",
        "CSRF_COOKIE_HTTPONLY",
    ],
)
def test_production_mode_sets_secure_http_only_cookies(setting):
    result = _run_in_production_mode(
        "shell", "-c", f"from django.conf import settings; print(settings.{setting})"
    )
    assert result.stdout.strip().splitlines()[-1] == "True", result.stderr
