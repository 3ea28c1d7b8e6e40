"""Reminders by e-mail before an agreement's last day to give notice and its evaluations."""

import logging
from datetime import date

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q

from agreements.models import Agreement, Reminder
from agreements.overview import overview_of
from ekosystem import outbox
from ekosystem.models import User

logger = logging.getLogger(__name__)

# Days before the date; when the job has missed days, only the nearest one still ahead is sent.
REMINDER_DAYS = {"notice_deadline": (90, 30, 7), "evaluation": (30, 7)}


def dates_to_remind(overview, today: date) -> list[tuple[str, date, int]]:
    """(kind, date, days_before) of every reminder the agreement is due today."""
    dates = []
    if overview.next_period is not None:
        dates.append(("notice_deadline", overview.current.notice_deadline))
    if overview.next_evaluation is not None:
        dates.append(("evaluation", overview.next_evaluation))
    due = []
    for kind, day in dates:
        days_left = (day - today).days
        ahead = [days for days in REMINDER_DAYS[kind] if 0 <= days_left <= days]
        if ahead:
            due.append((kind, day, min(ahead)))
    return due


def recipients(agreement) -> list[str]:
    """Every active officer, the region's board-seat holder and the ecosystem's leaders."""
    users = User.objects.filter(is_active=True).filter(
        Q(pk__in=User.objects.officers())
        | Q(pk=agreement.board_seat_holder_id)
        | Q(ecosystems=agreement.ecosystem_id)
    )
    return sorted(set(users.values_list("email", flat=True)))


def send_agreement_reminders(*, today: date) -> int:
    """Send each reminder due today once; return how many were sent.

    Side effects: a Reminder row per reminder sent (the unique row is the claim, so two runs on
    the same day send nothing twice), and one e-mail to each recipient through the outbox, written
    with the claim: a failing address is retried later and never stops the run.
    """
    sent = 0
    signed = Agreement.objects.filter(signed_on__isnull=False).select_related("ecosystem")
    for agreement in signed.prefetch_related("notices", "amounts", "evaluations"):
        try:
            due = dates_to_remind(overview_of(agreement, today), today)
        except Exception:
            # One agreement whose dates cannot be computed must not stop the others' reminders.
            logger.exception("Reminders of agreement %s cannot be computed; skipped.", agreement.pk)
            continue
        for kind, day, days_before in due:
            to = recipients(agreement)
            try:
                with transaction.atomic():
                    Reminder.objects.create(
                        agreement=agreement,
                        kind=kind,
                        due_on=day,
                        days_before=days_before,
                        recipients=len(to),
                    )
                    outbox.enqueue(
                        f"agreement-{kind.replace('_', '-')}",
                        to=to,
                        context={
                            "agreement": agreement,
                            "day": day,
                            "days_left": (day - today).days,
                            "url": settings.SITE_URL + agreement.get_absolute_url(),
                        },
                        key=f"agreement-reminder:{agreement.pk}:{kind}:{day}:{days_before}",
                    )
            except IntegrityError:
                continue
            sent += 1
    return sent
