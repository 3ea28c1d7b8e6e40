from datetime import date

from django.core.management.base import BaseCommand
from django.utils import timezone

from agreements import reminders


class Command(BaseCommand):
    help = (
        "E-mail the reminders due today before agreements' notice deadlines and evaluations "
        "(Celery beat runs the same job daily; running it twice sends nothing twice)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--today", type=date.fromisoformat, help="Act as if today were this date (YYYY-MM-DD)."
        )

    def handle(self, *args, today=None, **options):
        sent = reminders.send_agreement_reminders(today=today or timezone.localdate())
        self.stdout.write(f"Sent {sent} reminder(s).")
