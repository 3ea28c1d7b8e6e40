from ekosystem.resume import owner_key
from ekosystem.sessions import remaining_after_request


def session(request):
    """How long a session surely lasts without activity, for the timeout warning, and the key
    under which this user's unsent typing is kept (static/js/keep.js, ekosystem/resume.py)."""
    context = {"session_timeout": remaining_after_request()}
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        context["keep_key"] = owner_key(user)
    return context
