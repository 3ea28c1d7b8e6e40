"""Password reset links, sent from a Celery task so a request never shows whether an account exists.

The request view does the same work for every address (count, log, queue this task) and answers
the same; only here, outside the request, is the address looked up and a mail queued in the outbox.
"""

import logging

from django.conf import settings
from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from ekosystem import outbox, security_log, throttle
from ekosystem.client_ip import client_ip

logger = logging.getLogger(__name__)


def link_hours() -> int:
    """How long a link works, in whole hours, as the mail states it."""
    return max(settings.PASSWORD_RESET_TIMEOUT // 3600, 1)


def reset_url(user) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return settings.SITE_URL + reverse(
        "password_reset_confirm", kwargs={"uidb64": uid, "token": token}
    )


def send_reset_links(*, email: str, occasion: str, language: str | None = None) -> int:
    """Queue a reset mail to each active account with this address; returns how many (0 or 1).

    Django's own rule picks the accounts (active, with a usable password, address matched without
    regard to case). `occasion` names the request (the task's id), so a retried task mails once.
    """
    sent = 0
    for user in PasswordResetForm().get_users(email):
        url = reset_url(user)
        outbox.enqueue(
            "password-reset",
            to=[user.email],
            context={"email": user.email, "url": url, "hours": link_hours()},
            key=f"password-reset:{occasion}",
            language=language,
        )
        sent += 1
    return sent


def request_link(request, *, email: str, language: str) -> int:
    """Handle one reset request; returns the minutes the client must wait (0: accepted).

    Side effects: counts the request per client address and per e-mail address
    (ekosystem.throttle), records PASSWORD_RESET_REQUESTED, and unless a limit is reached queues
    `send_password_reset` after commit. The same work for every address, known or not; beyond
    RESET_PER_EMAIL the request is accepted but queues nothing, since refusing would tell whether
    the address has an account.
    """
    address = client_ip(request) or "unknown"
    wait = throttle.blocked(throttle.RESET_PER_ADDRESS, address)
    detail = ""
    if wait:
        detail = "avvisad: för många begäranden från adressen"
    else:
        throttle.hit(throttle.RESET_PER_ADDRESS, address)
        if throttle.blocked(throttle.RESET_PER_EMAIL, email):
            detail = "inget brev: för många begäranden för e-postadressen"
        else:
            throttle.hit(throttle.RESET_PER_EMAIL, email)
            transaction.on_commit(lambda: _queue(email, language))
    security_log.record(
        security_log.Kind.PASSWORD_RESET_REQUESTED, request=request, username=email, detail=detail
    )
    return wait


def _queue(email, language):
    from ekosystem import tasks

    try:
        tasks.send_password_reset.delay(email, language)
    except Exception:
        # The broker is down: the answer stays the same, the user may ask again.
        logger.exception("Could not queue a password reset mail.")
