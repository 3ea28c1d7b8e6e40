"""Re-authentication: pages that change how a person signs in (e-mail address, second factor)
ask for the password again, and a code where the user has an app, unless that happened within
settings.REAUTH_MAX_AGE. The time of the last proof is kept in the session."""

import time
from functools import wraps
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import user_logged_in
from django.dispatch import receiver
from django.shortcuts import redirect
from django.urls import reverse

AUTHENTICATED_AT = "_authenticated_at"


def mark(session) -> None:
    """The user has just proved who they are."""
    session[AUTHENTICATED_AT] = int(time.time())


def is_recent(session, now: float | None = None) -> bool:
    at = session.get(AUTHENTICATED_AT)
    now = time.time() if now is None else now
    return at is not None and 0 <= now - at <= settings.REAUTH_MAX_AGE.total_seconds()


def require_recent_auth(view):
    """Send the user to confirm their password (and code) first, then back to this page."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not is_recent(request.session):
            query = urlencode({"next": request.get_full_path()})
            return redirect(f"{reverse('reauth')}?{query}")
        return view(request, *args, **kwargs)

    return wrapper


@receiver(user_logged_in)
def _mark_on_login(sender, request, user, **kwargs):
    # The password was just entered; a user with an app still passes the code step before any
    # page (SecondFactorMiddleware), which marks the time again.
    mark(request.session)
