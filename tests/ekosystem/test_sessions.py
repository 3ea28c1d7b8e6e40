from django.contrib.sessions.models import Session
from django.urls import reverse

from ekosystem import sessions


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
