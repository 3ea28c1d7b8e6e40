from django.core.management.base import BaseCommand

from ekosystem import outbox


class Command(BaseCommand):
    help = (
        "Send every e-mail in the outbox whose time has come: mail queued while the broker was "
        "down and retries after failed sends (Celery beat runs the same job every few minutes)."
    )

    def handle(self, *args, **options):
        sent = outbox.send_due()
        waiting = outbox.due().count()
        self.stdout.write(f"Sent {sent} e-mail(s); {waiting} still waiting.")
