"""The client's address as django-axes and the security log see it.

Behind the TLS proxy every request comes from the proxy; AXES_IPWARE_PROXY_COUNT (env
AXES_PROXY_COUNT) tells ipware how many trusted proxies stand in front, so the address is the
client's own, never one a client could forge in X-Forwarded-For.
"""

from axes.helpers import get_client_ip_address


def client_ip(request) -> str | None:
    return get_client_ip_address(request) or None
