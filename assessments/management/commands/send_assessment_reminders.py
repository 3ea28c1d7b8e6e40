from datetime import date

from django.core.management.base import BaseCommand
from django.utils import timezone

from assessments import notifications


class Command(BaseCommand):
    help = (
        "E-mail leaders whose questionnaires are still open 14 and 3 days before the round's "
        "deadline (Celery beat runs the same job daily; each reminder is sent once)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--today", type=date.fromisoformat, help="Act as if today were this date (YYYY-MM-DD)."
        )

    def handle(self, *args, today=None, **options):
        sent = notifications.send_deadline_reminders(today=today or timezone.localdate())
        self.stdout.write(f"Sent {sent} reminder(s).")
