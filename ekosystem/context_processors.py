from django.conf import settings


def session(request):
    """How long a session lasts without activity, for the timeout warning."""
    return {"session_timeout": settings.SESSION_COOKIE_AGE}
