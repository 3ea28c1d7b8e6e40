from ekosystem.resume import owner_key
from ekosystem.sessions import absolute_hours, remaining_absolute, remaining_after_request


def session(request):
    """How long a session surely lasts without activity and at most, for the timeout warning,
    and the key under which this user's unsent typing is kept (static/js/keep.js,
    ekosystem/resume.py)."""
    context = {"session_timeout": remaining_after_request()}
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        context["keep_key"] = owner_key(user)
        context["session_absolute_left"] = remaining_absolute(request.session)
        context["session_absolute_hours"] = absolute_hours()
    return context
