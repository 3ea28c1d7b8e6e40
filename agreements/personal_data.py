"""Where agreements keep data about or recorded by a person (registered in
ekosystem.personal_data).

Notices, amounts, evaluations and the agreement's events are records of funding decisions: public
records the archive rules require kept. Calendar links are the person's own and are revoked.
"""

from django.db.models.fields.files import FieldFile
from django.utils.translation import gettext_lazy as _

from agreements import calendar
from agreements.models import (
    Agreement,
    AgreementEvent,
    AmountChange,
    CalendarToken,
    Evaluation,
    Notice,
)
from ekosystem.personal_data import KEPT_ARCHIVE, Source, register


def _agreement(agreement) -> dict:
    return {"agreement": agreement.reference or agreement.pk, "ecosystem": agreement.ecosystem.name}


def _recorded(model, *fields):
    def export(user):
        rows = model.objects.filter(recorded_by=user).select_related("agreement__ecosystem")
        return [
            {**_agreement(row.agreement), **{f: _value(row, f) for f in fields}}
            for row in rows.order_by("recorded_at", "pk")
        ]

    return export


def _value(row, name):
    value = getattr(row, name)
    return (value.name or "") if isinstance(value, FieldFile) else value  # a file: its name


def _events(user):
    rows = AgreementEvent.objects.filter(actor=user).select_related("agreement__ecosystem")
    return [
        {
            **_agreement(e.agreement),
            "event": str(e.get_kind_display()),
            "effective_on": e.effective_on,
            "at": e.happened_at,
        }
        for e in rows.order_by("happened_at", "pk")
    ]


def _board_seats(user):
    rows = Agreement.objects.filter(board_seat_holder=user).select_related("ecosystem")
    return [_agreement(a) for a in rows.order_by("pk")]


def _board_seat_warnings(user):
    rows = Agreement.objects.filter(board_seat_holder=user).select_related("ecosystem")
    return [
        _(
            "Personen har regionens adjungerade styrelseplats i avtalet med %(name)s. Utse en "
            "ny tjänsteperson på avtalets sida."
        )
        % {"name": a.ecosystem.name}
        for a in rows.order_by("pk")
    ]


def _calendar_links(user):
    # Dates only: the link is a secret key.
    rows = CalendarToken.objects.filter(user=user).order_by("created_at")
    return [{"created_at": t.created_at, "revoked_at": t.revoked_at} for t in rows]


def _revoke_calendar_links(user, old_email):
    return calendar.revoke_calendar_tokens(user=user)


def register_sources() -> None:
    for source in (
        Source(
            key="agreement_notices",
            title=_("Uppsägningar av avtal som du har registrerat"),
            fate=KEPT_ARCHIVE,
            export=_recorded(Notice, "party", "received_on", "ends_on", "note", "recorded_at"),
            relations=("agreements.Notice.recorded_by",),
        ),
        Source(
            key="agreement_amounts",
            title=_("Beloppsändringar i avtal som du har registrerat"),
            fate=KEPT_ARCHIVE,
            export=_recorded(
                AmountChange, "effective_from", "annual_amount_tkr", "reason", "recorded_at"
            ),
            relations=("agreements.AmountChange.recorded_by",),
        ),
        Source(
            key="agreement_evaluations",
            title=_("Utvärderingar av avtal som du har registrerat (rapporten med namn)"),
            fate=KEPT_ARCHIVE,
            export=_recorded(Evaluation, "due_on", "done_on", "summary", "report", "recorded_at"),
            relations=("agreements.Evaluation.recorded_by",),
        ),
        Source(
            key="agreement_events",
            title=_("Händelser i avtal som du har utfört"),
            fate=KEPT_ARCHIVE,
            export=_events,
            relations=("agreements.AgreementEvent.actor",),
        ),
        Source(
            key="board_seats",
            title=_("Avtal där du har regionens adjungerade styrelseplats"),
            fate=KEPT_ARCHIVE,
            export=_board_seats,
            relations=("agreements.Agreement.board_seat_holder",),
            warnings=_board_seat_warnings,
        ),
        Source(
            key="calendar_links",
            title=_("Kalenderlänkar (när de skapades och återkallades, inte länken)"),
            fate=_("Återkallas."),
            export=_calendar_links,
            pseudonymise=_revoke_calendar_links,
            relations=("agreements.CalendarToken.user",),
        ),
    ):
        register(source)
