import logging

from celery import shared_task
from django.utils import timezone

from assessments import notifications

logger = logging.getLogger(__name__)


@shared_task
def send_deadline_reminders():
    """Daily: remind leaders of questionnaires still open before the round's deadline."""
    sent = notifications.send_deadline_reminders(today=timezone.localdate())
    logger.info("Sent %d questionnaire deadline reminder(s).", sent)
    return sent
