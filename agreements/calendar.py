"""A private calendar feed (iCalendar) of the agreement dates a user must keep track of.

Calendar programs (Outlook, Google Calendar, Apple Calendar) subscribe to an address and fetch it
on their own, without signing in: a random token in the address identifies the user. The user
creates and revokes that token on the settings page; a revoked token answers 404 for good. Only
a hash of the token is stored (agreements.models.hash_calendar_token), so the address is shown
once, in the answer to creating it, and the feed path is masked in every log (ekosystem.logmask).

What the feed holds is decided each time it is fetched, from what the token's user may see then
(a leader only their own ecosystems' agreements). Drafts are left out: their dates bind nobody.
"""

import secrets
from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe
from icalendar import Alarm, Calendar, Event, vDuration

from agreements import terms
from agreements.models import CalendarToken, hash_calendar_token
from agreements.overview import Overview, non_working_day, overviews
from ekosystem import permissions, security_log
from ekosystem.middleware import NoStoreWhenSignedInMiddleware

CALENDAR_NAME = "Ekosystem – avtalsdatum"
PRODID = "-//Region Norrbotten//Ekosystem//SV"
UID_DOMAIN = "ekosystem"
REMINDER_DAYS_BEFORE_NOTICE_DEADLINE = 30
# How often calendar programs that honour it should fetch the feed again.
REFRESH_INTERVAL = timedelta(hours=12)
ONE_DAY = timedelta(days=1)


# --- Tokens ---------------------------------------------------------------------------------------


def active_calendar_token(*, user) -> CalendarToken | None:
    return user.calendar_tokens.filter(revoked_at__isnull=True).order_by("-created_at").first()


@transaction.atomic
def create_calendar_token(*, user, request=None) -> CalendarToken:
    """A new private feed address for `user`; only its hash is stored.

    The returned instance alone carries the token itself, as `secret`: show it now, it cannot be
    read back later. Side effects: revokes the user's earlier tokens; records
    CALENDAR_TOKEN_CREATED (and CALENDAR_TOKEN_REVOKED when an earlier one was replaced).
    """
    revoke_calendar_tokens(user=user, request=request, detail="replaced by a new link")
    secret = secrets.token_urlsafe(32)
    token = CalendarToken.objects.create(user=user, token_hash=hash_calendar_token(secret))
    token.secret = secret
    security_log.record(security_log.Kind.CALENDAR_TOKEN_CREATED, request=request, user=user)
    return token


def revoke_calendar_tokens(*, user, request=None, detail: str = "") -> int:
    """Revoke every active token of `user`; their addresses answer 404 from now on.

    Side effect: records CALENDAR_TOKEN_REVOKED when there was one to revoke.
    """
    revoked = user.calendar_tokens.filter(revoked_at__isnull=True).update(revoked_at=timezone.now())
    if revoked:
        security_log.record(
            security_log.Kind.CALENDAR_TOKEN_REVOKED, request=request, user=user, detail=detail
        )
    return revoked


def user_for_calendar_token(token: str):
    """The active user an active token belongs to, else Http404 (revealing nothing more)."""
    found = get_object_or_404(
        CalendarToken.objects.select_related("user"),
        token_hash=hash_calendar_token(token),
        revoked_at__isnull=True,
    )
    user = found.user
    if not user.is_active or not permissions.can_browse_agreements(user):
        raise Http404
    return user


# --- Feed -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CalendarEntry:
    """One all-day event of the feed."""

    uid: str
    day: date
    summary: str
    description: str
    url: str
    reminder_days_before: int | None = None


def _day(value: date) -> str:
    return date_format(value, "l j F Y")


def _agreement_line(url: str) -> str:
    return _("Avtalet i Ekosystem: %(url)s") % {"url": url}


def entries_for(overview: Overview, agreement_url: str) -> list[CalendarEntry]:
    """The dates of one agreement to keep in a calendar; none for a draft."""
    agreement = overview.agreement
    if not agreement.is_signed:
        return []
    name = agreement.ecosystem.name
    link = _agreement_line(agreement_url)
    entries = []

    def add(kind, day, summary, lines, reminder=None):
        entries.append(
            CalendarEntry(
                uid=f"agreement-{agreement.pk}-{kind}-{day.isoformat()}@{UID_DOMAIN}",
                day=day,
                summary=f"{summary} – {name}",
                description="\n\n".join([*lines, link]),
                url=agreement_url,
                reminder_days_before=reminder,
            )
        )

    # A period renews when the agreement is still in force after it ends.
    renewing = [p for p in overview.periods if p.end < overview.last_day]
    for period in renewing:
        lines = [
            _(
                "Sista dag att säga upp samarbetsavtalet med %(name)s så att det upphör den "
                "%(end)s. Annars förlängs det automatiskt."
            )
            % {"name": name, "end": _day(period.end)}
        ]
        reason = non_working_day(period.notice_deadline)
        if reason:
            lines.append(
                _(
                    "Observera: dagen är en %(reason)s. Datumet flyttas inte; se till att "
                    "uppsägningen har kommit in senast %(working)s."
                )
                % {
                    "reason": reason,
                    "working": _day(terms.last_working_day_on_or_before(period.notice_deadline)),
                }
            )
        add(
            "deadline",
            period.notice_deadline,
            _("Sista dag för uppsägning"),
            lines,
            reminder=REMINDER_DAYS_BEFORE_NOTICE_DEADLINE,
        )
        add(
            "expiry",
            period.end,
            _("Avtalsperioden löper ut"),
            [
                _(
                    "Avtalsperiod %(index)d med %(name)s löper ut. Har ingen sagt upp avtalet "
                    "i tid förlängs det från %(next)s."
                )
                % {"index": period.index, "name": name, "next": _day(terms.day_after(period.end))}
            ],
        )
    add(
        "end",
        overview.last_day,
        _("Avtalet upphör"),
        [_("Sista dagen samarbetsavtalet med %(name)s gäller.") % {"name": name}],
    )
    for due in overview.evaluations_due:
        if due in overview.evaluations_done:
            continue
        add(
            "evaluation",
            due,
            _("Utvärdering"),
            [
                _(
                    "Utvärdering av samarbetsavtalet med %(name)s ska göras. Registrera den i "
                    "Ekosystem när den är genomförd."
                )
                % {"name": name}
            ],
        )
    return entries


def _event(entry: CalendarEntry, stamp) -> Event:
    event = Event()
    event.add("uid", entry.uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", entry.day)
    if entry.day < date.max:
        # Without DTEND an all-day event lasts the one day (RFC 5545), as at the calendar's end.
        event.add("dtend", entry.day + ONE_DAY)
    event.add("summary", entry.summary)
    event.add("description", entry.description)
    event.add("url", entry.url)
    event.add("transp", "TRANSPARENT")
    if entry.reminder_days_before is not None:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", entry.summary)
        alarm.add("trigger", -timedelta(days=entry.reminder_days_before))
        event.add_component(alarm)
    return event


def build_calendar(entries, *, stamp=None) -> Calendar:
    stamp = stamp or timezone.now()
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", CALENDAR_NAME)
    calendar.add("x-wr-caldesc", _("Datum i de samarbetsavtal du kan se i Ekosystem."))
    calendar.add("refresh-interval", REFRESH_INTERVAL, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", vDuration(REFRESH_INTERVAL))
    for entry in sorted(entries, key=lambda e: (e.day, e.uid)):
        calendar.add_component(_event(entry, stamp))
    return calendar


def calendar_for_user(user, *, today: date, absolute_url) -> Calendar:
    """The feed of `user` as they may see agreements now; `absolute_url` turns paths into URLs."""
    entries = []
    for overview in overviews(permissions.visible_agreements(user), today):
        url = absolute_url(overview.agreement.get_absolute_url())
        entries.extend(entries_for(overview, url))
    return build_calendar(entries)


# --- Views ----------------------------------------------------------------------------------------


def feed_url(secret: str) -> str:
    """The address to subscribe to, on the service's public address (SITE_URL), never on
    whatever Host the request named."""
    return settings.SITE_URL + reverse("calendar_feed", args=[secret])


def _settings_page(request, *, new_token=None):
    return render(
        request,
        "agreements/calendar.html",
        {
            "token": new_token or active_calendar_token(user=request.user),
            # Only in the answer to creating it: the address cannot be shown again.
            "feed_url": feed_url(new_token.secret) if new_token else "",
            "reminder_days": REMINDER_DAYS_BEFORE_NOTICE_DEADLINE,
        },
    )


@login_required
@require_safe
def calendar_settings(request):
    permissions.require(permissions.can_browse_agreements(request.user))
    return _settings_page(request)


@require_POST
@login_required
def calendar_token_create(request):
    """Answers with the page itself (no redirect): the new address is shown in this answer only,
    and it is never stored anywhere to be shown again, not even in the session."""
    permissions.require(permissions.can_browse_agreements(request.user))
    replacing = active_calendar_token(user=request.user) is not None
    token = create_calendar_token(user=request.user, request=request)
    messages.success(
        request,
        _("Din kalenderlänk är skapad. Den gamla länken fungerar inte längre.")
        if replacing
        else _("Din kalenderlänk är skapad."),
    )
    return _settings_page(request, new_token=token)


@require_POST
@login_required
def calendar_token_revoke(request):
    permissions.require(permissions.can_browse_agreements(request.user))
    if revoke_calendar_tokens(user=request.user, request=request):
        messages.success(
            request,
            _(
                "Kalenderlänken är återkallad. Kalendrar som prenumererar på den får inga fler "
                "uppdateringar; ta bort prenumerationen i kalenderprogrammet."
            ),
        )
    return redirect("calendar_settings")


@require_safe
def calendar_feed(request, token):
    """No login: calendar programs cannot sign in. The token in the address is the key."""
    user = user_for_calendar_token(token)
    calendar = calendar_for_user(
        user, today=timezone.localdate(), absolute_url=request.build_absolute_uri
    )
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="ekosystem-avtalsdatum.ics"'
    # Personal, though no session asks for it: kept by no cache (ekosystem.middleware).
    response["Cache-Control"] = NoStoreWhenSignedInMiddleware.HEADER
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
