from django.utils.crypto import salted_hmac

from ekosystem.sessions import remaining_after_request


def session(request):
    """How long a session surely lasts without activity, for the timeout warning, and the key
    under which this user's unsent typing is kept in the browser (static/js/keep.js)."""
    context = {"session_timeout": remaining_after_request()}
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        # Derived from the user, not the session (which changes at login), and not the bare id.
        context["keep_key"] = salted_hmac("ekosystem.keep", str(user.pk)).hexdigest()[:20]
    return context
