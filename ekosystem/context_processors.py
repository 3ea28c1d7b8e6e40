from ekosystem.sessions import remaining_after_request


def session(request):
    """How long a session surely lasts without activity, for the timeout warning."""
    return {"session_timeout": remaining_after_request()}
