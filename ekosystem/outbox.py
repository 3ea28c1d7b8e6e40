"""Every e-mail the product sends goes through the outbox.

`enqueue` renders the mail (ekosystem.emails) and stores one OutboxMessage per recipient in the
caller's transaction; after commit a Celery task sends each. A failed send is recorded and
retried with backoff (by the task when a broker runs, and by the `send_outbox` sweeper that beat
runs every few minutes), so an outage of the broker or the mail server delays mail but never
loses it and never fails the request that caused it.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from ekosystem import emails
from ekosystem.models import OutboxMessage

logger = logging.getLogger(__name__)

# Wait before attempt n + 1 after n failures; after the last one the message waits for an
# administrator's "retry now" in the admin.
BACKOFF = (
    timedelta(minutes=1),
    timedelta(minutes=5),
    timedelta(minutes=30),
    timedelta(hours=2),
    timedelta(hours=6),
    timedelta(hours=12),
    timedelta(hours=24),
)
MAX_ATTEMPTS = len(BACKOFF) + 1
# A claimed message is not picked up again for this long (a sender that died mid-send).
CLAIM_LEASE = timedelta(minutes=10)


def enqueue(template_name, *, to, context, key, language=None) -> list[OutboxMessage]:
    """Store the mail `template_name` for each address in `to` and send it once committed.

    `key` identifies the occasion (e.g. one reminder of one agreement): enqueueing the same key
    again stores nothing new, so callers may retry freely.
    """
    language = language or settings.LANGUAGE_CODE
    rendered = emails.render(template_name, context, language=language)
    messages = []
    for recipient in sorted(set(to)):
        message, _created = OutboxMessage.objects.get_or_create(
            key=f"{key}:{recipient}"[:255],
            defaults={
                "template": template_name,
                "recipient": recipient,
                "language": language,
                **rendered,
            },
        )
        messages.append(message)
    ids = [message.pk for message in messages if message.sent_at is None]
    if ids:
        transaction.on_commit(lambda: queue(ids))
    return messages


def queue(ids) -> None:
    """Hand the messages to the send task; a broker outage only leaves them to the sweeper."""
    from ekosystem import tasks

    for message_id in ids:
        try:
            tasks.send_outbox_message.apply_async((message_id,))
        except Exception:
            logger.exception("Could not queue e-mail %s; the sweeper sends it.", message_id)


def backoff(attempts: int) -> timedelta:
    return BACKOFF[min(attempts, len(BACKOFF)) - 1]


def deliver(message_id, *, now=None) -> bool:
    """Send one due message once; record the outcome. Never raises for a failed send.

    Claims the message first (an update that only one sender wins), so the task, its retries and
    the sweeper never send the same message twice.
    """
    now = now or timezone.now()
    claimed = OutboxMessage.objects.filter(
        pk=message_id, sent_at__isnull=True, next_attempt_at__lte=now
    ).update(next_attempt_at=now + CLAIM_LEASE, attempts=F("attempts") + 1)
    if not claimed:
        return False
    message = OutboxMessage.objects.get(pk=message_id)
    mail = EmailMultiAlternatives(message.subject, message.text, to=[message.recipient])
    if message.html:
        mail.attach_alternative(message.html, "text/html")
    try:
        mail.send()
    except Exception as error:
        retry_at = now + backoff(message.attempts) if message.attempts < MAX_ATTEMPTS else None
        OutboxMessage.objects.filter(pk=message_id).update(
            last_error=f"{type(error).__name__}: {error}"[:2000], next_attempt_at=retry_at
        )
        logger.warning(
            "E-mail %s to %s failed (attempt %d): %s",
            message_id,
            message.recipient,
            message.attempts,
            error,
        )
        return False
    OutboxMessage.objects.filter(pk=message_id).update(sent_at=timezone.now(), next_attempt_at=None)
    return True


def due(now=None):
    now = now or timezone.now()
    return OutboxMessage.objects.filter(sent_at__isnull=True, next_attempt_at__lte=now)


def send_due(*, now=None) -> int:
    """Send every message whose time has come, one by one; return how many were sent."""
    ids = list(due(now).order_by("next_attempt_at", "pk").values_list("pk", flat=True))
    return sum(deliver(message_id, now=now) for message_id in ids)


def retry_now(queryset) -> int:
    """Make unsent messages due at once (the admin's "retry now") and queue them."""
    ids = list(queryset.filter(sent_at__isnull=True).values_list("pk", flat=True))
    OutboxMessage.objects.filter(pk__in=ids).update(next_attempt_at=timezone.now())
    transaction.on_commit(lambda: queue(ids))
    return len(ids)
