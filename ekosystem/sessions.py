"""Sliding sessions: signed-in sessions last SESSION_COOKIE_AGE from the last activity, and at
most SESSION_ABSOLUTE_AGE from the login however busy they are.

The session is written at most once per refresh interval, so it may run out up to one
interval before SESSION_COOKIE_AGE after the last request; `remaining_after_request` is what the
timeout warning counts down from. A session past its absolute limit is ended on its next request
exactly as an idle one is: a POST it carried is kept for after the login (ekosystem/resume.py),
and the login page says why.
"""

import time

from django.conf import settings
from django.contrib import auth, messages
from django.contrib.auth import SESSION_KEY, user_logged_in
from django.dispatch import receiver
from django.utils.translation import ngettext

REFRESHED = "_refreshed"
LOGGED_IN_AT = "_logged_in_at"


def refresh_interval() -> int:
    """A minute, or a tenth of a (short) session."""
    return min(60, settings.SESSION_COOKIE_AGE // 10)


def remaining_after_request() -> int:
    """Seconds a session surely lasts after any request."""
    return settings.SESSION_COOKIE_AGE - refresh_interval()


def refresh(session) -> None:
    """Restart the session's lifetime now (it is saved with the response)."""
    session[REFRESHED] = int(time.time())


class SlidingSessionMiddleware:
    """Keeps a signed-in session alive while it is used, without a write on every request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = request.session
        if SESSION_KEY in session and time.time() - session.get(REFRESHED, 0) >= (
            refresh_interval()
        ):
            refresh(session)
        return response


def login_age(session, now: float) -> float | None:
    """Seconds since the login of a signed-in session; None for an anonymous one."""
    if SESSION_KEY not in session:
        return None
    if LOGGED_IN_AT not in session:
        # Signed in before the limit existed: its clock starts now.
        session[LOGGED_IN_AT] = int(now)
    return now - session[LOGGED_IN_AT]


def remaining_absolute(session) -> int | None:
    """Seconds until a signed-in session reaches its absolute limit (for the timeout warning)."""
    age = login_age(session, time.time())
    return None if age is None else max(0, int(settings.SESSION_ABSOLUTE_AGE - age))


def ended_for_age(session, now: float) -> bool:
    age = login_age(session, now)
    return age is not None and age >= settings.SESSION_ABSOLUTE_AGE


def absolute_hours() -> int:
    return max(1, round(settings.SESSION_ABSOLUTE_AGE / 3600))


def ended_for_age_message() -> str:
    hours = absolute_hours()
    return ngettext(
        "Du har loggats ut eftersom du har varit inloggad i %(hours)d timme. Logga in igen "
        "för att fortsätta; det du höll på att skriva finns kvar.",
        "Du har loggats ut eftersom du har varit inloggad i %(hours)d timmar. Logga in igen "
        "för att fortsätta; det du höll på att skriva finns kvar.",
        hours,
    ) % {"hours": hours}


class AbsoluteSessionLimitMiddleware:
    """Ends a session SESSION_ABSOLUTE_AGE after its login, before the view runs.

    The request then goes on as an anonymous one, as after an idle timeout: a protected page
    sends to the login page, a POST is kept for after the login, an autosave answers 401.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if ended_for_age(request.session, time.time()):
            auth.logout(request)  # flushes the session: nothing of it is left on the server
            messages.warning(request, ended_for_age_message())
        return self.get_response(request)


@receiver(user_logged_in)
def _mark_fresh(sender, request, user, **kwargs):
    refresh(request.session)
    request.session[LOGGED_IN_AT] = int(time.time())
