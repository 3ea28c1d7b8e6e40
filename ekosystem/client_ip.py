"""The client's address as django-axes, the throttles and the security log see it.

Behind the TLS proxy every request comes from the proxy (REMOTE_ADDR), and the proxy appends the
address it was connected from to X-Forwarded-For. With TRUSTED_PROXY_COUNT (env AXES_PROXY_COUNT)
proxies in front, each appending one entry, the client is the N-th entry from the right: entries
further left were sent by the client itself and are never trusted. With no proxy configured the
header is ignored altogether, so a client cannot choose its own address by sending it.

django-axes reads the address through AXES_CLIENT_IP_CALLABLE (settings), so the lockout, the
throttles and the log agree. (axes' own ipware route counts proxies differently and only reads the
headers listed in AXES_IPWARE_META_PRECEDENCE_ORDER, by default REMOTE_ADDR alone: with it, the
proxy count did nothing.)
"""

import ipaddress

from django.conf import settings


def _valid(address: str | None) -> str | None:
    if not address:
        return None
    try:
        return str(ipaddress.ip_address(address.strip()))
    except ValueError:
        return None


def client_address(remote_addr: str | None, forwarded_for: str | None, proxies: int) -> str | None:
    """The client's address given the connection's, X-Forwarded-For and the trusted proxy count.

    A request with fewer X-Forwarded-For entries than proxies did not pass through all of them
    (or the proxy is misconfigured): it gets the connection's own address, never a typed one.
    """
    if proxies <= 0:
        return _valid(remote_addr)
    hops = [hop.strip() for hop in (forwarded_for or "").split(",") if hop.strip()]
    if len(hops) < proxies:
        return _valid(remote_addr)
    return _valid(hops[-proxies]) or _valid(remote_addr)


def client_ip(request) -> str | None:
    return client_address(
        request.META.get("REMOTE_ADDR"),
        request.META.get("HTTP_X_FORWARDED_FOR"),
        settings.TRUSTED_PROXY_COUNT,
    )
