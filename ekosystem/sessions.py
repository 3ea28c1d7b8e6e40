"""Sliding sessions: signed-in sessions last SESSION_COOKIE_AGE from the last activity.

The session is written at most once per refresh interval, so it may run out up to one
interval before SESSION_COOKIE_AGE after the last request; `remaining_after_request` is what the
timeout warning counts down from.
"""

import time

from django.conf import settings
from django.contrib.auth import SESSION_KEY, user_logged_in
from django.dispatch import receiver

REFRESHED = "_refreshed"


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


@receiver(user_logged_in)
def _mark_fresh(sender, request, user, **kwargs):
    refresh(request.session)
