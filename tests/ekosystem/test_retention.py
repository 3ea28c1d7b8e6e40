"""The nightly sweep deletes what is kept only for a while, exactly at its retention's end."""

from datetime import UTC, datetime, timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from ekosystem import retention, tasks
from ekosystem.models import OutboxMessage, SecurityEvent, UsedFormToken

NOW = datetime(2026, 12, 3, 2, 30, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _periods(settings):
    settings.OUTBOX_RETENTION_DAYS = 90
    settings.FORM_TOKEN_RETENTION_DAYS = 7
    settings.SECURITY_EVENT_RETENTION_DAYS = 365


def _message(key, **fields):
    return OutboxMessage.objects.create(
        key=key, template="t", recipient="a@example.se", subject="s", text="x", **fields
    )


def _keys_left():
    return set(OutboxMessage.objects.values_list("key", flat=True))


@pytest.mark.parametrize(
    ("age", "kept"),
    [
        (timedelta(days=90) - timedelta(seconds=1), True),
        (timedelta(days=90), True),
        (timedelta(days=90, seconds=1), False),
    ],
)
def test_sent_mail_is_deleted_after_the_retention_period(db, age, kept):
    _message(
        "sent", created=NOW - age - timedelta(hours=1), sent_at=NOW - age, next_attempt_at=None
    )
    retention.purge_outbox(NOW)
    assert ("sent" in _keys_left()) is kept


def test_mail_waiting_to_be_sent_is_never_deleted(db):
    long_ago = NOW - timedelta(days=400)
    _message("waiting", created=long_ago, next_attempt_at=NOW + timedelta(hours=1))
    retention.purge_outbox(NOW)
    assert _keys_left() == {"waiting"}


@pytest.mark.parametrize(("days", "kept"), [(89, True), (91, False)])
def test_mail_given_up_on_is_deleted_after_the_retention_period(db, days, kept):
    _message("failed", created=NOW - timedelta(days=days), next_attempt_at=None, attempts=8)
    retention.purge_outbox(NOW)
    assert ("failed" in _keys_left()) is kept


@pytest.mark.parametrize(
    ("age", "kept"),
    [
        (timedelta(days=7), True),
        (timedelta(days=7, seconds=1), False),
        (timedelta(days=6, hours=23), True),
    ],
)
def test_used_form_tokens_are_deleted_after_a_week(db, age, kept):
    UsedFormToken.objects.create(token="x" * 30, used_at=NOW - age)
    retention.purge_form_tokens(NOW)
    assert UsedFormToken.objects.exists() is kept


def test_the_retention_periods_come_from_settings(db, settings):
    settings.FORM_TOKEN_RETENTION_DAYS = 1
    UsedFormToken.objects.create(token="x" * 30, used_at=NOW - timedelta(days=2))
    retention.purge_form_tokens(NOW)
    assert not UsedFormToken.objects.exists()


def test_the_nightly_task_sweeps_events_mail_and_tokens(db, monkeypatch):
    monkeypatch.setattr(retention.timezone, "now", lambda: NOW)
    old = NOW - timedelta(days=366)
    SecurityEvent.objects.create(kind="login", at=old)
    SecurityEvent.objects.create(kind="login", at=NOW - timedelta(days=364))
    _message("old", created=old, sent_at=old, next_attempt_at=None)
    UsedFormToken.objects.create(token="y" * 30, used_at=old)
    assert tasks.purge_expired_records() == {
        "security_events": 1,
        "outbox_messages": 1,
        "form_tokens": 1,
        "sign_in_records": 0,
        "sessions": 0,
    }
    assert SecurityEvent.objects.count() == 1


def test_the_sweep_is_also_a_management_command(db, capsys):
    UsedFormToken.objects.create(token="z" * 30, used_at=timezone.now() - timedelta(days=30))
    call_command("purge_expired_records")
    assert "form_tokens: 1" in capsys.readouterr().out
    assert not UsedFormToken.objects.exists()


def test_the_sweep_runs_every_night(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["purge-expired-records"]
    assert entry["task"] == "ekosystem.tasks.purge_expired_records"
    assert entry["schedule"].hour == {2}


@pytest.mark.parametrize(("days", "kept"), [(365, True), (366, False)])
def test_the_login_guards_records_go_with_the_security_events(db, days, kept):
    from axes.models import AccessLog

    log = AccessLog.objects.create(username="a@example.se", user_agent="x", ip_address="10.0.0.1")
    AccessLog.objects.filter(pk=log.pk).update(attempt_time=NOW - timedelta(days=days))
    retention.purge_sign_in_records(NOW)
    assert AccessLog.objects.exists() is kept


@pytest.mark.parametrize(
    ("expires_in", "kept"),
    [(timedelta(seconds=-1), False), (timedelta(0), True), (timedelta(hours=1), True)],
)
def test_sessions_past_their_expiry_are_deleted_with_what_they_kept(db, expires_in, kept):
    from django.contrib.sessions.backends.db import SessionStore
    from django.contrib.sessions.models import Session

    store = SessionStore()
    store["resume_post"] = {"text": "kept across the expiry"}
    store.create()
    Session.objects.filter(session_key=store.session_key).update(expire_date=NOW + expires_in)
    assert retention.purge_expired_sessions(now=NOW) == (0 if kept else 1)
    assert Session.objects.filter(session_key=store.session_key).exists() is kept
