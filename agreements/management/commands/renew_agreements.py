from datetime import date

from django.core.management.base import BaseCommand
from django.utils import timezone

from agreements import services


class Command(BaseCommand):
    help = (
        "Store the renewal periods of agreements that have renewed by today (Celery beat runs the "
        "same job daily)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--today", type=date.fromisoformat, help="Act as if today were this date (YYYY-MM-DD)."
        )

    def handle(self, *args, today=None, **options):
        renewed = services.renew_agreements(today=today or timezone.localdate())
        self.stdout.write(f"Stored {renewed} renewal period(s).")
