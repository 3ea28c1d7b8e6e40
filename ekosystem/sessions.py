"""Sliding sessions: signed-in sessions last SESSION_COOKIE_AGE from the last activity."""

import time

from django.contrib.auth import SESSION_KEY, user_logged_in
from django.dispatch import receiver

REFRESHED = "_refreshed"
REFRESH_EVERY_SECONDS = 60


class SlidingSessionMiddleware:
    """Keeps a signed-in session alive while it is used, writing it at most once a minute.

    The session then runs out after SESSION_COOKIE_AGE without activity (what the timeout
    warning counts down), without a database write on every request.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = request.session
        if SESSION_KEY in session and time.time() - session.get(REFRESHED, 0) >= (
            REFRESH_EVERY_SECONDS
        ):
            session[REFRESHED] = int(time.time())
        return response


@receiver(user_logged_in)
def _mark_fresh(sender, request, user, **kwargs):
    request.session[REFRESHED] = int(time.time())
