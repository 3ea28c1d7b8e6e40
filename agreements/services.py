"""Every write to an agreement, each with its side effects listed."""

import logging
from datetime import date

from django.db import IntegrityError, transaction
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
from ekosystem import uploads

logger = logging.getLogger(__name__)

EDIT_CONFLICT_MESSAGE = _(
    "Någon annan har sparat ändringar i avtalet sedan du öppnade sidan. Dina uppgifter finns "
    "kvar i formuläret: jämför med den senaste versionen och spara igen."
)


class EditConflict(Exception):
    """The agreement changed after the editor loaded it."""


def current_notice(agreement) -> Notice | None:
    return agreement.current_notice()


def notice_effect_of(agreement, notice) -> terms.NoticeEffect | None:
    return agreement.notice_effect(notice) if notice is not None else None


def _record(agreement, kind, actor, *, effective_on, **details):
    """An event, dated by the day it took effect (the time it was recorded is kept too)."""
    AgreementEvent.objects.create(
        agreement=agreement, kind=kind, actor=actor, effective_on=effective_on, details=details
    )


def _store_period(agreement, index, values) -> AgreementPeriod | None:
    """Store a period, or None when another run stored it after we read the stored ones."""
    try:
        with transaction.atomic():
            return AgreementPeriod.objects.create(agreement=agreement, index=index, **values)
    except IntegrityError:
        if not agreement.periods.filter(index=index).exists():
            raise  # not a duplicate: the dates themselves are refused
        return None


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
    last_day = agreement.last_day_in_force()
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
            row = _store_period(agreement, period.index, values)
            if row is None:
                continue
            if period.is_renewal:
                renewals.append(row)
                _record(
                    agreement,
                    EventKind.RENEWED,
                    actor,
                    effective_on=period.start,
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
    today = today or timezone.localdate()
    _record(agreement, EventKind.CREATED, actor, effective_on=today)
    sync_periods(agreement, today=today, actor=actor)
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
    today = today or timezone.localdate()
    _refresh_notice_end_dates(agreement)
    sync_periods(agreement, today=today, actor=actor)
    if changed:
        _record(agreement, EventKind.TERMS_CHANGED, actor, effective_on=today, fields=changed)
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
        effective_on=received_on,
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
        effective_on=effective_from,
        effective_from=effective_from.isoformat(),
        amount=str(annual_amount_tkr),
        previous=str(previous.annual_amount_tkr) if previous else None,
    )
    return change


@transaction.atomic
def record_evaluation(*, agreement, due_on, done_on, summary="", report=None, actor) -> Evaluation:
    """Record the evaluation due on `due_on` as done. Side effect: an EVALUATION event. A report
    must pass ekosystem.uploads.validate_document (the form has said why if not) and is stored
    under a generated name."""
    evaluation, _created = Evaluation.objects.update_or_create(
        agreement=agreement,
        due_on=due_on,
        defaults={"done_on": done_on, "summary": summary, "recorded_by": actor},
    )
    if report is not None:
        document_type = uploads.validate_document(report)
        evaluation.report.save(uploads.storage_name(document_type), report, save=False)
        evaluation.save(update_fields=["report"])
    _record(
        agreement,
        EventKind.EVALUATION,
        actor,
        effective_on=done_on,
        due_on=due_on.isoformat(),
        done_on=done_on.isoformat(),
    )
    return evaluation


def renew_agreements(*, today: date) -> int:
    """Store the renewal periods that have begun by `today`; return how many were stored.

    Run daily (Celery beat, or `manage.py renew_agreements`). Each renewal is recorded as an
    event by the system. Each agreement is locked while its periods are stored, so a second run
    at the same time waits and then finds nothing left to store; one agreement that cannot be
    synced is logged and skipped, the others are still renewed.
    """
    renewed = 0
    pks = Agreement.objects.filter(signed_on__isnull=False).values_list("pk", flat=True)
    for pk in list(pks):
        try:
            with transaction.atomic():
                agreement = (
                    Agreement.objects.select_for_update()
                    .filter(pk=pk, signed_on__isnull=False)
                    .first()
                )
                if agreement is not None:
                    renewed += len(sync_periods(agreement, today=today))
        except Exception:
            logger.exception("Could not store the renewal periods of agreement %s; skipped.", pk)
    return renewed


@transaction.atomic
def save_financing(*, contributions, indicators, outcomes) -> None:
    """Save the validated financing plan, result indicators and outcomes formsets together."""
    contributions.save()
    indicators.save()
    outcomes.save()
