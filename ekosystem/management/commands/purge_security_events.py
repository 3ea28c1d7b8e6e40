from django.conf import settings
from django.core.management.base import BaseCommand

from ekosystem import security_log


class Command(BaseCommand):
    help = (
        "Delete security events older than SECURITY_EVENT_RETENTION_DAYS (Celery beat runs the "
        "same job every night)."
    )

    def handle(self, *args, **options):
        deleted = security_log.purge_expired()
        self.stdout.write(
            f"Deleted {deleted} security event(s) older than "
            f"{settings.SECURITY_EVENT_RETENTION_DAYS} days."
        )
