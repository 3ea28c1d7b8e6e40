"""Deleting what is kept only for a while, once its time is out (the nightly sweep).

What is kept for how long, and why, is in the README ("Personal data"). Records the archive rules
require kept (submissions, answers, agreements, their history) are never swept.
"""

from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from ekosystem import security_log
from ekosystem.models import OutboxMessage, UsedFormToken


def purge_outbox(now=None) -> int:
    """Delete mail sent, or given up on, more than OUTBOX_RETENTION_DAYS ago.

    Mail still waiting to be sent is kept whatever its age: deleting it would lose it.
    """
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.OUTBOX_RETENTION_DAYS)
    sent = Q(sent_at__lt=cutoff)
    given_up = Q(sent_at__isnull=True, next_attempt_at__isnull=True, created__lt=cutoff)
    return OutboxMessage.objects.filter(sent | given_up).delete()[0]


def purge_form_tokens(now=None) -> int:
    """Delete one-time form tokens used more than FORM_TOKEN_RETENTION_DAYS ago."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.FORM_TOKEN_RETENTION_DAYS)
    return UsedFormToken.objects.filter(used_at__lt=cutoff).delete()[0]


def purge_sign_in_records(now=None) -> int:
    """Delete django-axes' records of sign-ins and attempts as old as expired security events.

    axes keeps them (user name, address, browser) until told otherwise; they say what the
    security log says, so they are kept no longer than it.
    """
    if not apps.is_installed("axes"):
        return 0
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.SECURITY_EVENT_RETENTION_DAYS)
    return sum(
        apps.get_model(label).objects.filter(attempt_time__lt=cutoff).delete()[0]
        for label in ("axes.AccessAttempt", "axes.AccessFailureLog", "axes.AccessLog")
    )


def purge_expired_sessions(now=None) -> int:
    """Delete sessions past their expiry: Django never does it by itself, and an ended session may
    still hold a form kept across its expiry (ekosystem.resume) or a pending second-factor step.
    """
    if settings.SESSION_ENGINE != "django.contrib.sessions.backends.db":
        return 0  # cache and cookie sessions expire on their own
    from django.contrib.sessions.models import Session

    return Session.objects.filter(expire_date__lt=now or timezone.now()).delete()[0]


def purge_expired(now=None) -> dict[str, int]:
    """Every sweep, run once; returns how many rows each deleted."""
    now = now or timezone.now()
    return {
        "security_events": security_log.purge_expired(now),
        "outbox_messages": purge_outbox(now),
        "form_tokens": purge_form_tokens(now),
        "sign_in_records": purge_sign_in_records(now),
        "sessions": purge_expired_sessions(now),
    }
