import pytest
from django.contrib.sessions.models import Session
from django.urls import reverse

from ekosystem import resume, sessions
from tests.otp import verify_client_session


def _expiry(client):
    return Session.objects.get(session_key=client.session.session_key).expire_date


def test_a_session_in_use_is_extended_at_most_once_a_minute(client, olga, monkeypatch):
    now = [1_000_000.0]
    monkeypatch.setattr(sessions.time, "time", lambda: now[0])
    client.post(reverse("login"), {"username": olga.email, "password": "rätt-lösenord-123"})
    first = _expiry(client)

    now[0] += 30
    client.get(reverse("ecosystem_list"))
    assert _expiry(client) == first

    now[0] += 31
    client.get(reverse("ecosystem_list"))
    assert _expiry(client) > first


def test_keepalive_extends_the_session_at_once(client, olga, monkeypatch, settings):
    now = [1_000_000.0]
    monkeypatch.setattr(sessions.time, "time", lambda: now[0])
    client.post(reverse("login"), {"username": olga.email, "password": "rätt-lösenord-123"})
    first = _expiry(client)
    now[0] += 5  # well within the refresh interval: an ordinary request would not write
    response = client.post(reverse("keepalive"))
    assert _expiry(client) > first
    assert response.json()["expires_in"] == settings.SESSION_COOKIE_AGE - 60


def test_keepalive_after_the_session_ran_out_answers_401(client, db):
    assert client.post(reverse("keepalive")).status_code == 401


HOUR = 60 * 60


@pytest.fixture
def clock(monkeypatch):
    """The time ekosystem.sessions reads; tests move it on by hand."""
    now = [1_000_000.0]
    monkeypatch.setattr(sessions.time, "time", lambda: now[0])
    return now


def _log_in(client, user):
    response = client.post(
        reverse("login"), {"username": user.email, "password": "rätt-lösenord-123"}
    )
    # olga is an officer: her login goes on through the code step, which is not tested here.
    verify_client_session(client, user)
    return response


def _busy_until(client, clock, seconds):
    """Use the service every half hour (never idle) until `seconds` after the login."""
    start = clock[0]
    while clock[0] + 30 * 60 < start + seconds:
        clock[0] += 30 * 60
        assert client.get(reverse("ecosystem_list")).status_code == 200
    clock[0] = start + seconds


def test_a_busy_session_is_still_signed_in_at_11_hours_59_minutes(client, olga, clock):
    _log_in(client, olga)
    _busy_until(client, clock, 12 * HOUR - 60)
    assert client.get(reverse("ecosystem_list")).status_code == 200


def test_a_busy_session_ends_12_hours_after_the_login(client, olga, clock):
    _log_in(client, olga)
    _busy_until(client, clock, 12 * HOUR)
    response = client.get(reverse("ecosystem_list"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))
    assert "_auth_user_id" not in client.session


def test_the_login_page_says_in_swedish_why_the_session_ended(client, olga, clock):
    _log_in(client, olga)
    _busy_until(client, clock, 12 * HOUR)
    page = client.get(reverse("ecosystem_list"), follow=True).content.decode()
    assert "Du har loggats ut eftersom du har varit inloggad i 12 timmar." in page


def test_the_absolute_limit_is_read_from_the_settings(client, olga, clock, settings):
    settings.SESSION_ABSOLUTE_AGE = 3 * HOUR
    _log_in(client, olga)
    _busy_until(client, clock, 3 * HOUR)
    assert client.get(reverse("ecosystem_list")).status_code == 302


def test_logging_in_again_starts_a_new_absolute_lifetime(client, olga, clock):
    _log_in(client, olga)
    _busy_until(client, clock, 12 * HOUR)
    client.get(reverse("ecosystem_list"))
    _log_in(client, olga)
    clock[0] += 60
    assert client.get(reverse("ecosystem_list")).status_code == 200


def test_a_post_sent_after_the_absolute_limit_is_kept_for_after_the_login(
    client, olga, ecosystem_a, clock
):
    _log_in(client, olga)
    _busy_until(client, clock, 12 * HOUR)
    url = reverse("ecosystem_update", args=[ecosystem_a.pk])
    owner = resume.owner_key(olga)
    response = client.post(url, {"name": "Nytt namn, skrivet sent", resume.OWNER_FIELD: owner})
    assert response.url.startswith(reverse("login"))

    _log_in(client, olga)
    page = client.get(url).content.decode()
    assert "Nytt namn, skrivet sent" in page
    assert "Du loggades ut innan du sparade." in page


def test_keepalive_cannot_put_off_the_absolute_limit(client, olga, clock):
    _log_in(client, olga)
    _busy_until(client, clock, 12 * HOUR)
    assert client.post(reverse("keepalive")).status_code == 401


def test_the_page_tells_the_timeout_warning_how_long_the_login_has_left(client, olga, clock):
    _log_in(client, olga)
    _busy_until(client, clock, 2 * HOUR)
    page = client.get(reverse("ecosystem_list")).content.decode()
    assert f'data-absolute="{10 * HOUR}"' in page


def test_a_session_from_before_the_limit_existed_gets_its_clock_started(client, olga, clock):
    client.force_login(olga)
    session = client.session
    del session[sessions.LOGGED_IN_AT]
    session.save()
    assert client.get(reverse("ecosystem_list")).status_code == 200
    clock[0] += 12 * HOUR
    assert client.get(reverse("ecosystem_list")).status_code == 302


def test_a_post_kept_for_one_user_is_dropped_when_another_signs_in(client, olga, alice, clock):
    client.post(
        reverse("ecosystem_create"),
        {"name": "Olgas hemliga utkast", resume.OWNER_FIELD: resume.owner_key(olga)},
    )
    assert resume.SESSION_KEY in client.session
    _log_in(client, alice)
    assert resume.SESSION_KEY not in client.session
