import logging

from celery import shared_task
from django.utils import timezone

from agreements import reminders, services

logger = logging.getLogger(__name__)


@shared_task
def renew_agreements():
    """Daily: store the renewal periods that began today (or were missed while down)."""
    renewed = services.renew_agreements(today=timezone.localdate())
    logger.info("Stored %d renewal period(s).", renewed)
    return renewed


@shared_task
def send_agreement_reminders():
    """Daily: e-mail reminders before notice deadlines and evaluations."""
    sent = reminders.send_agreement_reminders(today=timezone.localdate())
    logger.info("Sent %d agreement reminder(s).", sent)
    return sent
