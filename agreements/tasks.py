import logging

from celery import shared_task
from django.utils import timezone

from agreements import services

logger = logging.getLogger(__name__)


@shared_task
def renew_agreements():
    """Daily: store the renewal periods that began today (or were missed while down)."""
    renewed = services.renew_agreements(today=timezone.localdate())
    logger.info("Stored %d renewal period(s).", renewed)
    return renewed
