"""Keep what a user typed when their session ran out before they pressed Save.

A POST that arrives without a signed-in user is kept in the (new, anonymous) session and the user
is sent to log in; when they come back to the same page, the form is filled in from what they
sent, ready to save again. Django keeps session data across login (it only cycles the key), also
when somebody else logs in next on that browser: so the form carries its author's key
(`owner_key`, a hidden OWNER_FIELD) and the kept POST comes back only for that same user.
"""

from functools import wraps

from django.contrib import messages
from django.contrib.auth import user_logged_in
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.dispatch import receiver
from django.http import QueryDict
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

SESSION_KEY = "resume_post"
OWNER_FIELD = "_keep_owner"
NOT_KEPT = {"csrfmiddlewaretoken", OWNER_FIELD}


def owner_key(user) -> str:
    """A stable key for who typed what, without the bare user id (also keys the browser copy)."""
    return salted_hmac("ekosystem.keep", str(user.pk)).hexdigest()[:20]


def login_required_keeping_post(view):
    """Like login_required, but an unauthenticated POST is kept for after the login."""

    protected = login_required(view)

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated and request.method == "POST":
            request.session[SESSION_KEY] = {
                "path": request.path,
                "owner": request.POST.get(OWNER_FIELD, ""),
                "data": {k: v for k, v in request.POST.lists() if k not in NOT_KEPT},
            }
            return redirect_to_login(request.path)
        return protected(request, *args, **kwargs)

    return wrapper


def form_data(request):
    """The data to bind a form to: the POST, or what an interrupted POST to this page left."""
    if request.method == "POST":
        return request.POST
    kept = request.session.get(SESSION_KEY)
    if not kept:
        return None
    if kept.get("owner") != owner_key(request.user):
        # Typed by somebody else (or by nobody known): never shown, dropped.
        del request.session[SESSION_KEY]
        return None
    if kept["path"] != request.path:
        return None
    del request.session[SESSION_KEY]
    messages.warning(
        request,
        _("Du loggades ut innan du sparade. Det du skrev finns kvar nedan: kontrollera och spara."),
    )
    data = QueryDict(mutable=True)
    for key, values in kept["data"].items():
        data.setlist(key, values)
    return data


@receiver(user_logged_in)
def _drop_what_somebody_else_typed(sender, request, user, **kwargs):
    """A POST kept after A's session ended is gone from the session the moment B signs in on
    that browser, not only when B happens to open the same page."""
    kept = request.session.get(SESSION_KEY) if request is not None else None
    if kept and kept.get("owner") != owner_key(user):
        del request.session[SESSION_KEY]
