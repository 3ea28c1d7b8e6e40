"""Where each agreement stands on a day: state, next deadline, timeline, plain-language summary."""

from dataclasses import dataclass
from datetime import date
from functools import cached_property

from django.utils.formats import date_format
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from agreements import terms
from agreements.financing import amount_in_force
from agreements.models import Agreement
from ekosystem.templatetags.ekosystem_format import grouped_max

_NOT_IN_FORCE = (terms.State.DRAFT, terms.State.ENDED, terms.State.TERMINATED)

STATE_LABELS = {
    terms.State.DRAFT: gettext_lazy("Utkast"),
    terms.State.ACTIVE: gettext_lazy("Aktivt"),
    terms.State.NOTICE_WINDOW: gettext_lazy("Snart sista dag för uppsägning"),
    terms.State.NOTICE_GIVEN: gettext_lazy("Uppsagt"),
    terms.State.RENEWED: gettext_lazy("Förlängt"),
    terms.State.ENDED: gettext_lazy("Upphört"),
    terms.State.TERMINATED: gettext_lazy("Avslutat i förtid"),
}


def non_working_day(day: date) -> str | None:
    """Why `day` is no working day, in the active language, as it reads inside a sentence."""
    language = get_language() or "sv"
    reason = terms.non_working_day(day, language)
    # Swedish writes holidays and weekdays in lower case mid-sentence; English capitalises them.
    return reason.lower() if reason and language.startswith("sv") else reason


def _day(value: date) -> str:
    return date_format(value, "j F Y")


@dataclass(frozen=True)
class Deadline:
    day: date
    label: str
    non_working: str | None = None


@dataclass(frozen=True)
class TimelineItem:
    day: date
    label: str
    kind: str
    past: bool
    warning: str = ""


@dataclass(frozen=True)
class PeriodRow:
    """A period as the agreement page lists it: only as far as the agreement will run."""

    period: terms.Period
    end: date
    """The last day in force within the period (earlier than its end when a notice ends it)."""
    notice_deadline: date | None
    """None when the agreement does not renew after this period."""
    final_reason: str
    in_force: bool


@dataclass
class Overview:
    agreement: Agreement
    today: date
    state: terms.State
    periods: list[terms.Period]
    current: terms.Period | None
    notice: object
    effect: terms.NoticeEffect | None
    last_day: date
    evaluations_due: list[date]
    evaluations_done: dict
    amount: object

    @property
    def state_label(self) -> str:
        return str(STATE_LABELS[self.state])

    @property
    def is_in_force(self) -> bool:
        """Signed, begun and not yet ended on `today`."""
        return (
            self.state not in (terms.State.DRAFT, terms.State.ENDED, terms.State.TERMINATED)
            and self.periods[0].start <= self.today <= self.last_day
        )

    @property
    def period_in_force(self) -> terms.Period | None:
        """The period running today; none for a draft, before the start or after the end."""
        if not self.is_in_force:
            return None
        return next((p for p in self.periods if self.today in p), None)

    @property
    def in_force_until(self) -> date:
        """The end of the period running (or coming) unless the agreement ends before it."""
        if self.current is None:
            return self.last_day
        return min(self.current.end, self.last_day)

    def period_rows(self) -> list[PeriodRow]:
        """The periods the agreement reaches, the last one cut at the agreement's last day."""
        in_force = self.period_in_force
        rows = []
        for period in self.periods:
            final = period.end >= self.last_day or period is self.periods[-1]
            if final:
                reason = (
                    _("upphör efter uppsägning")
                    if self.effect is not None and not self.effect.capped
                    else _("förlängs inte (taket nås)")
                )
            rows.append(
                PeriodRow(
                    period=period,
                    end=min(period.end, self.last_day),
                    notice_deadline=None if final else period.notice_deadline,
                    final_reason=reason if final else "",
                    in_force=in_force is not None and in_force.index == period.index,
                )
            )
            if final:
                break
        return rows

    @property
    def next_period(self) -> terms.Period | None:
        """The period that begins if nobody acts."""
        if self.current is None or self.effect is not None:
            return None
        return next((p for p in self.periods if p.index == self.current.index + 1), None)

    @property
    def next_evaluation(self) -> date | None:
        return next(
            (d for d in self.evaluations_due if d not in self.evaluations_done and d >= self.today),
            None,
        )

    @property
    def overdue_evaluations(self) -> list[date]:
        return [
            d for d in self.evaluations_due if d < self.today and d not in self.evaluations_done
        ]

    def deadlines(self) -> list[Deadline]:
        """The dates an officer must act by from today, earliest first."""
        if self.state in (terms.State.DRAFT, terms.State.ENDED, terms.State.TERMINATED):
            return []
        found = []
        if self.next_period is not None and self.current.notice_deadline >= self.today:
            found.append(
                Deadline(
                    self.current.notice_deadline,
                    _("Sista dag för uppsägning"),
                    non_working_day(self.current.notice_deadline),
                )
            )
        found.append(
            Deadline(
                self.last_day if self.next_period is None else self.current.end,
                _("Avtalet upphör") if self.next_period is None else _("Avtalsperioden löper ut"),
            )
        )
        if self.next_evaluation is not None:
            found.append(Deadline(self.next_evaluation, _("Utvärdering")))
        return sorted(found, key=lambda d: d.day)

    @cached_property
    def next_deadline(self) -> Deadline | None:
        upcoming = self.deadlines()
        return upcoming[0] if upcoming else None

    def summary(self) -> list[str]:
        """What happens next, in plain words."""
        a = self.agreement
        if self.state == terms.State.DRAFT:
            first = self.periods[0]
            return [
                _(
                    "Avtalet är ett utkast. Undertecknas det gäller det från %(start)s till och "
                    "med %(end)s."
                )
                % {"start": _day(first.start), "end": _day(first.end)}
            ]
        if self.state in (terms.State.ENDED, terms.State.TERMINATED):
            return [_("Avtalet upphörde den %(day)s.") % {"day": _day(self.last_day)}]
        lines = []
        if self.effect is not None:
            lines.append(
                _("Uppsägning mottogs den %(received)s. Avtalet upphör den %(end)s.")
                % {"received": _day(self.effect.received_on), "end": _day(self.effect.ends_on)}
            )
            if self.effect.renews_first:
                lines.append(
                    _(
                        "Uppsägningen kom in efter sista dag för uppsägning (%(deadline)s), så "
                        "avtalet förlängs först efter %(expiry)s."
                    )
                    % {
                        "deadline": _day(self.effect.coming_deadline),
                        "expiry": _day(self.effect.coming_expiry),
                    }
                )
            return lines
        nxt = self.next_period
        if nxt is not None:
            lines.append(
                _(
                    "Om ingen agerar förlängs avtalet den %(start)s till och med %(end)s. "
                    "Sista dag att säga upp avtalet är %(deadline)s."
                )
                % {
                    "start": _day(nxt.start),
                    "end": _day(nxt.end),
                    "deadline": _day(self.current.notice_deadline),
                }
            )
            reason = non_working_day(self.current.notice_deadline)
            if reason:
                lines.append(
                    _(
                        "Observera: %(deadline)s är en %(reason)s. Datumet flyttas inte; se till "
                        "att uppsägningen har kommit in senast %(working)s."
                    )
                    % {
                        "deadline": _day(self.current.notice_deadline),
                        "reason": reason,
                        "working": _day(
                            terms.last_working_day_on_or_before(self.current.notice_deadline)
                        ),
                    }
                )
        else:
            lines.append(
                _(
                    "Avtalet förlängs inte efter %(end)s: strategins tak på %(months)d månaders "
                    "finansiering nås då. Avtalet upphör den %(end)s."
                )
                % {"end": _day(self.last_day), "months": a.cap_months}
            )
        return lines

    def timeline(self) -> list[TimelineItem]:
        items = []
        for period in self.periods:
            if period.end > self.last_day and period.start > self.last_day:
                break
            label = (
                _("Period %(index)d börjar") % {"index": period.index}
                if period.is_renewal
                else _("Avtalet börjar gälla")
            )
            items.append(TimelineItem(period.start, label, "period", period.start < self.today))
            if period.notice_deadline < self.last_day and period.end < self.last_day:
                reason = non_working_day(period.notice_deadline)
                items.append(
                    TimelineItem(
                        period.notice_deadline,
                        _("Sista dag för uppsägning inför %(end)s") % {"end": _day(period.end)},
                        "deadline",
                        period.notice_deadline < self.today,
                        _("Infaller på en %(reason)s") % {"reason": reason} if reason else "",
                    )
                )
        items.append(
            TimelineItem(self.last_day, _("Avtalet upphör"), "end", self.last_day < self.today)
        )
        if self.effect is not None:
            items.append(
                TimelineItem(self.effect.received_on, _("Uppsägning mottagen"), "notice", True)
            )
        for due in self.evaluations_due:
            done = self.evaluations_done.get(due)
            label = (
                _("Utvärdering genomförd %(day)s") % {"day": _day(done.done_on)}
                if done
                else _("Utvärdering")
            )
            items.append(TimelineItem(due, label, "evaluation", due < self.today))
        for change in self.agreement.amounts.all():
            items.append(
                TimelineItem(
                    change.effective_from,
                    _("Belopp %(amount)s tkr per år")
                    % {"amount": grouped_max(change.annual_amount_tkr)},
                    "amount",
                    change.effective_from < self.today,
                )
            )
        return sorted(items, key=lambda item: item.day)


def overview_of(agreement: Agreement, today: date) -> Overview:
    """Needs `notices`, `amounts` and `evaluations` prefetched to stay within a few queries."""
    notice = agreement.current_notice()
    effect = agreement.notice_effect(notice) if notice else None
    last_day = terms.last_day_in_force(agreement.terms, [effect] if effect else [])
    # Periods that would begin after the agreement has ended are no part of its future.
    chain = [p for p in agreement.terms.periods() if p.index == 1 or p.start <= last_day]
    state = terms.state_on(today, agreement.terms, signed=agreement.is_signed, notice=effect)
    current = next((p for p in chain if today <= p.end), None)
    if current is not None and current.start > last_day:
        current = None
    amount = amount_in_force(
        [(c.effective_from, c.annual_amount_tkr) for c in agreement.amounts.all()], today
    )
    return Overview(
        agreement=agreement,
        today=today,
        state=state,
        periods=chain,
        current=current,
        notice=notice,
        effect=effect,
        last_day=last_day,
        evaluations_due=terms.evaluation_dates(
            agreement.first_evaluation_on, agreement.evaluation_interval_months, last_day
        ),
        evaluations_done={e.due_on: e for e in agreement.evaluations.all()},
        # An amount is paid "just now" only while the agreement is in force.
        amount=amount if state not in _NOT_IN_FORCE else None,
    )


def overviews(agreements, today: date) -> list[Overview]:
    prefetched = agreements.select_related("ecosystem").prefetch_related(
        "notices", "amounts", "evaluations"
    )
    return [overview_of(agreement, today) for agreement in prefetched]
