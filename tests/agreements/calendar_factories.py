"""Agreements for the calendar tests, made directly (no form, no events)."""

from datetime import date
from decimal import Decimal

from agreements import terms
from agreements.models import Agreement, AmountChange, Evaluation, Notice


def make_agreement(ecosystem, *, start=date(2024, 1, 1), signed=True, **fields) -> Agreement:
    """A signed agreement with the default terms: three periods of 36 months, notice 12."""
    fields.setdefault("first_evaluation_on", date(start.year + 1, 6, 1))
    agreement = Agreement.objects.create(
        ecosystem=ecosystem,
        start_date=start,
        signed_on=start if signed else None,
        **fields,
    )
    AmountChange.objects.create(
        agreement=agreement, effective_from=start, annual_amount_tkr=Decimal("1500.0")
    )
    return agreement


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
