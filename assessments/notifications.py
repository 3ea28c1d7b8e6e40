"""E-mail to cluster leaders about their questionnaires: returned answers, coming deadlines."""

import logging
from datetime import date

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse

from assessments.models import DeadlineReminder, Status, Submission
from ekosystem import outbox

logger = logging.getLogger(__name__)

DEADLINE_REMINDER_DAYS = (14, 3)


def _leaders(submission) -> list[str]:
    return sorted(
        submission.ecosystem.leaders.filter(is_active=True).values_list("email", flat=True)
    )


def _context(submission):
    return {
        "submission": submission,
        "url": settings.SITE_URL + reverse("submission_start", args=[submission.pk]),
    }


def enqueue_returned(*, submission, event) -> int:
    """Tell the ecosystem's leaders that their answers came back, with the officer's comment.

    Called inside the transaction that returns the answers: the mail is stored in the outbox with
    the change and sent once it is committed.
    """
    to = _leaders(submission)
    outbox.enqueue(
        "submission-returned",
        to=to,
        context={**_context(submission), "event": event},
        key=f"submission-returned:{event.pk}",
    )
    return len(to)


def send_deadline_reminders(*, today: date) -> int:
    """Remind leaders of open submissions 14 and 3 days before the round's deadline, once each.

    Only the nearest reminder still ahead is sent when the job has missed days. The claim names
    the deadline, so moving it brings the reminders for the new date. The mail goes through the
    outbox: one failing address is retried later and never stops the run.
    """
    sent = 0
    open_submissions = Submission.objects.filter(
        status__in=[Status.DRAFT, Status.RETURNED], round__deadline__gte=today
    ).select_related("ecosystem", "questionnaire", "round")
    for submission in open_submissions:
        days_left = (submission.round.deadline - today).days
        ahead = [days for days in DEADLINE_REMINDER_DAYS if days_left <= days]
        to = _leaders(submission)
        if not ahead or not to:
            continue
        deadline, days_before = submission.round.deadline, min(ahead)
        try:
            with transaction.atomic():
                DeadlineReminder.objects.create(
                    submission=submission, due_on=deadline, days_before=days_before
                )
                outbox.enqueue(
                    "submission-deadline",
                    to=to,
                    context={**_context(submission), "days_left": days_left},
                    key=f"submission-deadline:{submission.pk}:{deadline}:{days_before}",
                )
        except IntegrityError:
            continue
        sent += 1
    return sent
