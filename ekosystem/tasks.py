import logging

from celery import shared_task
from django.utils import timezone

from ekosystem import outbox, password_reset, retention
from ekosystem.models import OutboxMessage

logger = logging.getLogger(__name__)


@shared_task(bind=True, max_retries=outbox.MAX_ATTEMPTS)
def send_outbox_message(self, message_id):
    """Send one outbox message; after a failure, try again when its backoff has passed."""
    if outbox.deliver(message_id) or self.request.is_eager:
        # In-process (no broker) the sweeper retries: a retry here would block the request.
        return
    message = OutboxMessage.objects.filter(pk=message_id, sent_at__isnull=True).first()
    if message is not None and message.next_attempt_at is not None:
        delay = max((message.next_attempt_at - timezone.now()).total_seconds(), 0)
        raise self.retry(countdown=delay)


@shared_task
def send_outbox():
    """Every few minutes: send what is left in the outbox (queued during an outage, retries)."""
    sent = outbox.send_due()
    if sent:
        logger.info("Sent %d e-mail(s) from the outbox.", sent)
    return sent


@shared_task
def purge_expired_records():
    """Nightly: delete security events, sent mail and used form tokens past their retention."""
    deleted = retention.purge_expired()
    logger.info("Purged expired records: %s", deleted)
    return deleted


@shared_task(bind=True)
def send_password_reset(self, email, language=None):
    """Look the address up and mail a reset link if it has an account (the request never does)."""
    password_reset.send_reset_links(email=email, occasion=self.request.id, language=language)
