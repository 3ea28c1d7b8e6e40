from django.core.management.base import BaseCommand

from ekosystem import retention


class Command(BaseCommand):
    help = (
        "Delete security events, sent e-mail and used one-time form tokens older than their "
        "retention periods (Celery beat runs the same job every night)."
    )

    def handle(self, *args, **options):
        deleted = retention.purge_expired()
        self.stdout.write(", ".join(f"{name}: {count}" for name, count in deleted.items()))
