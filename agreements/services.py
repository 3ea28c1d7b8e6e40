"""Every write to an agreement, each with its side effects listed."""

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from agreements import terms
from agreements.models import (
    Agreement,
    AgreementEvent,
    AgreementPeriod,
    AmountChange,
    Evaluation,
    EventKind,
    Notice,
)

EDIT_CONFLICT_MESSAGE = _(
    "Någon annan har sparat ändringar i avtalet sedan du öppnade sidan. Dina uppgifter finns "
    "kvar i formuläret: jämför med den senaste versionen och spara igen."
)


class EditConflict(Exception):
    """The agreement changed after the editor loaded it."""


def current_notice(agreement) -> Notice | None:
    """The notice that decides when the agreement ends: the one that ends it first."""
    notices = list(agreement.notices.all())
    return min(notices, key=lambda n: n.ends_on) if notices else None


def notice_effect_of(agreement, notice) -> terms.NoticeEffect | None:
    if notice is None:
        return None
    return terms.notice_effect(agreement.terms, notice.received_on, terms.NoticeKind(notice.kind))


def _last_day_in_force(agreement) -> date:
    notice = current_notice(agreement)
    return notice.ends_on if notice else agreement.terms.periods()[-1].end


def _record(agreement, kind, actor, **details):
    AgreementEvent.objects.create(agreement=agreement, kind=kind, actor=actor, details=details)


def sync_periods(agreement, *, today: date, actor=None) -> list[AgreementPeriod]:
    """Store every period the agreement has entered by `today`, as the rules now compute them.

    Returns the renewal periods stored for the first time.

    Side effects: rewrites the dates of stored periods that the rules now compute differently
    (after the agreement's dates were edited), deletes stored periods the agreement no longer
    reaches, and records a RENEWED event for each renewal period stored for the first time. The
    first period is stored from the start; a draft stores nothing.
    """
    if not agreement.is_signed:
        agreement.periods.all().delete()
        return []
    last_day = _last_day_in_force(agreement)
    entered = [
        p
        for p in agreement.terms.periods()
        if p.index == 1 or (p.start <= today and p.start <= last_day)
    ]
    stored = {row.index: row for row in agreement.periods.all()}
    renewals = []
    for period in entered:
        row = stored.pop(period.index, None)
        values = {
            "start": period.start,
            "end": period.end,
            "notice_deadline": period.notice_deadline,
        }
        if row is None:
            row = AgreementPeriod.objects.create(agreement=agreement, index=period.index, **values)
            if period.is_renewal:
                renewals.append(row)
                _record(
                    agreement,
                    EventKind.RENEWED,
                    actor,
                    index=period.index,
                    start=period.start.isoformat(),
                    end=period.end.isoformat(),
                )
        elif any(getattr(row, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(row, name, value)
            row.save()
    AgreementPeriod.objects.filter(pk__in=[row.pk for row in stored.values()]).delete()
    return renewals


def _refresh_notice_end_dates(agreement):
    for notice in agreement.notices.all():
        effect = notice_effect_of(agreement, notice)
        if notice.ends_on != effect.ends_on:
            notice.ends_on = effect.ends_on
            notice.save(update_fields=["ends_on"])


@transaction.atomic
def create_agreement(*, form, annual_amount_tkr, amount_from, actor, today=None) -> Agreement:
    """Save a new agreement from a validated form, with its first amount.

    Side effects: stores the first period (when signed) and records a CREATED event.
    """
    agreement = form.save()
    AmountChange.objects.create(
        agreement=agreement,
        effective_from=amount_from,
        annual_amount_tkr=annual_amount_tkr,
        recorded_by=actor,
    )
    _record(agreement, EventKind.CREATED, actor)
    sync_periods(agreement, today=today or timezone.localdate(), actor=actor)
    return agreement


@transaction.atomic
def update_agreement(*, form, actor, today=None) -> Agreement:
    """Save an edited agreement unless someone saved in between; recompute every derived date.

    Side effects: raises the version, recomputes stored periods and notices' end dates, and
    records a TERMS_CHANGED event listing the date fields that changed.
    """
    agreement = form.instance
    current = (
        Agreement.objects.select_for_update().values_list("version", flat=True).get(pk=agreement.pk)
    )
    if current != form.cleaned_data["version"]:
        raise EditConflict(EDIT_CONFLICT_MESSAGE)
    agreement.version = current + 1
    changed = [name for name in form.changed_data if name != "version"]
    agreement = form.save()
    _refresh_notice_end_dates(agreement)
    sync_periods(agreement, today=today or timezone.localdate(), actor=actor)
    if changed:
        _record(agreement, EventKind.TERMS_CHANGED, actor, fields=changed)
    return agreement


@transaction.atomic
def register_notice(*, agreement, party, kind, received_on, note="", actor, today=None) -> Notice:
    """Register a notice as received; the agreement's end follows from the rules.

    Side effects: stores the notice with the end date the rules give, removes stored periods the
    agreement will no longer reach, and records a NOTICE event with the effect.
    """
    effect = terms.notice_effect(agreement.terms, received_on, terms.NoticeKind(kind))
    notice = Notice.objects.create(
        agreement=agreement,
        party=party,
        kind=kind,
        received_on=received_on,
        ends_on=effect.ends_on,
        note=note,
        recorded_by=actor,
    )
    _record(
        agreement,
        EventKind.NOTICE,
        actor,
        party=party,
        notice_kind=kind,
        received_on=received_on.isoformat(),
        ends_on=effect.ends_on.isoformat(),
        in_time=effect.in_time,
    )
    sync_periods(agreement, today=today or timezone.localdate(), actor=actor)
    return notice


@transaction.atomic
def change_amount(
    *, agreement, effective_from, annual_amount_tkr, reason="", actor
) -> AmountChange:
    """Set the annual amount from a date on; earlier amounts stay as history.

    Side effects: replaces an amount registered for the very same date, records an AMOUNT event
    with the amount it replaces.
    """
    previous = agreement.amounts.filter(effective_from__lte=effective_from).last()
    change, _created = AmountChange.objects.update_or_create(
        agreement=agreement,
        effective_from=effective_from,
        defaults={"annual_amount_tkr": annual_amount_tkr, "reason": reason, "recorded_by": actor},
    )
    _record(
        agreement,
        EventKind.AMOUNT,
        actor,
        effective_from=effective_from.isoformat(),
        amount=str(annual_amount_tkr),
        previous=str(previous.annual_amount_tkr) if previous else None,
    )
    return change


@transaction.atomic
def record_evaluation(*, agreement, due_on, done_on, summary="", report=None, actor) -> Evaluation:
    """Record the evaluation due on `due_on` as done. Side effect: an EVALUATION event."""
    evaluation, _created = Evaluation.objects.update_or_create(
        agreement=agreement,
        due_on=due_on,
        defaults={"done_on": done_on, "summary": summary, "recorded_by": actor},
    )
    if report is not None:
        evaluation.report = report
        evaluation.save(update_fields=["report"])
    _record(
        agreement,
        EventKind.EVALUATION,
        actor,
        due_on=due_on.isoformat(),
        done_on=done_on.isoformat(),
    )
    return evaluation


def renew_agreements(*, today: date) -> int:
    """Store the renewal periods that have begun by `today`; return how many were stored.

    Run daily (Celery beat, or `manage.py renew_agreements`). Each renewal is recorded as an
    event by the system.
    """
    renewed = 0
    for agreement in Agreement.objects.filter(signed_on__isnull=False).prefetch_related("notices"):
        with transaction.atomic():
            renewed += len(sync_periods(agreement, today=today))
    return renewed


@transaction.atomic
def save_financing(*, contributions, indicators, outcomes) -> None:
    """Save the validated financing plan, result indicators and outcomes formsets together."""
    contributions.save()
    indicators.save()
    outcomes.save()
