"""Ecosystems with something in every section of the officer's dashboard, built fast (bulk
inserts) so that hundreds fit in a test."""

from datetime import timedelta

from django.utils import timezone

from agreements import terms
from agreements.models import AgreementPeriod
from assessments.models import EventKind, Questionnaire, Round, Status, Submission, SubmissionEvent
from prioritisation.models import ScoreSheet
from tests.agreements.factories import AgreementFactory
from tests.assessments.factories import build_questionnaire
from tests.factories import EcosystemFactory


def dashboard_round(olga, deadline):
    return Round.objects.create(
        year=deadline.year, name="Omgång", deadline=deadline, opened_by=olga
    )


def store_first_period(agreement):
    period = agreement.terms.period(1)
    AgreementPeriod.objects.create(
        agreement=agreement,
        index=1,
        start=period.start,
        end=period.end,
        notice_deadline=period.notice_deadline,
    )


def build_dashboard_world(first, last, olga):
    """`count` ecosystems, each with an agreement whose notice deadline and evaluation are near,
    a submission in every state the dashboard lists, and in the round (current) `olga`'s scores
    missing (none or a draft) or handed in with no agreed score."""
    today = timezone.localdate()
    start = terms.day_after(terms.add_months(today + timedelta(days=20), -24))
    # The Bilagor a migration loads (a transactional test has flushed them: build two).
    questionnaires = list(Questionnaire.objects.all()[:2]) or [
        build_questionnaire(code=f"dash{n}", title=f"Bilaga {n}") for n in (1, 3)
    ]
    round_ = dashboard_round(olga, deadline=today + timedelta(days=7))
    for n in range(first, last):
        ecosystem = EcosystemFactory(name=f"Ekosystem {n:03d}")
        agreement = AgreementFactory(
            ecosystem=ecosystem, start_date=start, first_evaluation_on=today - timedelta(days=2)
        )
        store_first_period(agreement)
        round_.ecosystems.add(ecosystem)
        if n % 3:
            ScoreSheet.objects.create(
                round=round_,
                ecosystem=ecosystem,
                officer=olga,
                submitted_at=timezone.now() if n % 3 == 1 else None,
            )
        status = [Status.DRAFT, Status.SUBMITTED, Status.RETURNED][n % 3]
        submissions = Submission.objects.bulk_create(
            Submission(
                round=round_,
                ecosystem=ecosystem,
                questionnaire=questionnaire,
                status=status,
                submitted_at=timezone.now() if status != Status.DRAFT else None,
            )
            for questionnaire in questionnaires
        )
        if status == Status.RETURNED:
            SubmissionEvent.objects.bulk_create(
                SubmissionEvent(submission=s, kind=EventKind.RETURNED, actor=olga)
                for s in submissions
            )
