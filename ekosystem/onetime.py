"""One-time form tokens: a create runs once however often its form is sent.

A form that creates something carries `{% one_time_token %}` (a fresh random token per render);
its view is decorated with `@create_once`. The first POST with a token that ends in a redirect
consumes the token in the same transaction as the create; a second POST with the same token (a
double click, a reload of the POST) waits for the first to commit and gets its redirect instead of
creating a second copy. A POST that ends in a re-rendered form (invalid input, a preview step)
leaves the token unused. static/js/submit-once.js also disables the buttons while a form is sent.
"""

import re
import secrets
from functools import wraps

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

from ekosystem.models import UsedFormToken

FIELD = "one_time_token"
TOKEN_PATTERN = re.compile(r"[A-Za-z0-9_-]{20,64}")
ALREADY_DONE = _("Formuläret var redan skickat; det sparades en gång.")


def new_token() -> str:
    return secrets.token_urlsafe(24)


def _token(request) -> str | None:
    token = request.POST.get(FIELD, "")
    return token if TOKEN_PATTERN.fullmatch(token) else None


def create_once(view):
    """Run a create view's POST at most once per one-time token (see the module docstring).

    A POST without a token (no form of ours sends one) runs as before: a client that omits the
    token could as well send two tokens, so refusing it would guard nothing.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        token = _token(request) if request.method == "POST" else None
        if token is None or not request.user.is_authenticated:
            return view(request, *args, **kwargs)
        with transaction.atomic():
            try:
                with transaction.atomic():
                    used = UsedFormToken.objects.create(token=token, user=request.user)
            except IntegrityError:
                first = UsedFormToken.objects.filter(token=token, user=request.user).first()
                if first is None or not first.redirect_to:
                    return view(request, *args, **kwargs)
                messages.info(request, str(ALREADY_DONE))
                return redirect(first.redirect_to)
            response = view(request, *args, **kwargs)
            if response.status_code in (301, 302, 303) and response.get("Location"):
                used.redirect_to = response["Location"]
                used.save(update_fields=["redirect_to"])
            else:
                used.delete()
            return response

    return wrapper
