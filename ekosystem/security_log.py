"""The security event log: every module that sees a security event records it here.

`record` is the one way in; the client address comes from ekosystem.client_ip, so it is
the real client's behind the TLS proxy, the same address django-axes throttles.
"""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from ekosystem.client_ip import client_ip
from ekosystem.models import SecurityEvent

Kind = SecurityEvent.Kind


def record(kind: str, *, request=None, user=None, username: str = "", detail: str = ""):
    """Record one event; `user` defaults to the request's signed-in user."""
    signed_in = getattr(request, "user", None)
    if user is None and signed_in is not None and signed_in.is_authenticated:
        user = signed_in
    if user is not None and not username:
        username = user.email
    return SecurityEvent.objects.create(
        kind=kind,
        user=user,
        username=username[:254],
        ip_address=client_ip(request) if request is not None else None,
        user_agent=(request.META.get("HTTP_USER_AGENT", "")[:255] if request is not None else ""),
        detail=detail[:255],
    )


def purge_expired(now=None) -> int:
    """Delete events older than the documented retention period; returns how many."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.SECURITY_EVENT_RETENTION_DAYS)
    deleted, _ = SecurityEvent.objects.filter(at__lt=cutoff).delete()
    return deleted
