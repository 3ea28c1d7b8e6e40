"""Password reset links, sent from a Celery task so a request never shows whether an account exists.

The request view does the same work for every address (count, log, queue this task) and answers
the same; only here, outside the request, is the address looked up and a mail queued in the outbox.
"""

from django.conf import settings
from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from ekosystem import outbox


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
