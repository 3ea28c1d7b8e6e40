"""Agreements for the calendar tests, made directly (no form, no events)."""

from datetime import date

from agreements import terms
from agreements.models import Agreement, Evaluation, Notice
from tests.agreements.factories import AgreementFactory


def make_agreement(ecosystem, *, start=date(2024, 1, 1), signed=True, **fields) -> Agreement:
    """A signed agreement with the default terms: three periods of 36 months, notice 12."""
    fields.setdefault("first_evaluation_on", date(start.year + 1, 6, 1))
    return AgreementFactory(
        ecosystem=ecosystem, start_date=start, signed_on=start if signed else None, **fields
    )


def record_evaluation(agreement, *, due_on: date, by) -> Evaluation:
    return Evaluation.objects.create(
        agreement=agreement, due_on=due_on, done_on=due_on, recorded_by=by
    )


def record_notice(agreement, *, received_on: date, by, kind=terms.NoticeKind.AT_EXPIRY) -> Notice:
    effect = terms.notice_effect(agreement.terms, received_on, kind)
    return Notice.objects.create(
        agreement=agreement,
        party="region",
        kind=kind,
        received_on=received_on,
        ends_on=effect.ends_on,
        recorded_by=by,
    )
