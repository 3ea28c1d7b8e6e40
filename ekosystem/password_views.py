"""Password change and reset: Django's views with throttles and security events."""

import logging

from django.contrib.auth import views as auth_views
from django.db import transaction
from django.http import HttpResponseRedirect
from django.utils import translation

from ekosystem import security_log, tasks, throttle
from ekosystem.client_ip import client_ip
from ekosystem.password_forms import PasswordChangeForm, too_many_from_address

logger = logging.getLogger(__name__)


def _queue_reset_mail(email, language):
    try:
        tasks.send_password_reset.delay(email, language)
    except Exception:
        # The broker is down: the answer stays the same, the user may ask again.
        logger.exception("Could not queue a password reset mail.")


class PasswordChangeView(auth_views.PasswordChangeView):
    form_class = PasswordChangeForm

    def form_valid(self, form):
        response = super().form_valid(form)  # keeps the user signed in
        security_log.record(security_log.Kind.PASSWORD_CHANGED, request=self.request)
        return response


class PasswordResetView(auth_views.PasswordResetView):
    """Answers every address alike: the lookup and the mail happen in a task after commit.

    Per address (RESET_PER_EMAIL) a request beyond the limit gets the same answer but no mail,
    since saying so would tell whether the address has an account. Per client (RESET_PER_ADDRESS)
    the form says how long to wait: that reveals nothing about any account.
    """

    def form_valid(self, form):
        email = form.cleaned_data["email"]
        address = client_ip(self.request) or "unknown"
        wait = throttle.blocked(throttle.RESET_PER_ADDRESS, address)
        if wait:
            security_log.record(
                security_log.Kind.PASSWORD_RESET_REQUESTED,
                request=self.request,
                username=email,
                detail="avvisad: för många begäranden från adressen",
            )
            form.add_error("email", too_many_from_address(wait))
            return self.render_to_response(self.get_context_data(form=form), status=429)
        throttle.hit(throttle.RESET_PER_ADDRESS, address)
        detail = ""
        if throttle.blocked(throttle.RESET_PER_EMAIL, email):
            detail = "inget brev: för många begäranden för e-postadressen"
        else:
            throttle.hit(throttle.RESET_PER_EMAIL, email)
            language = translation.get_language()
            transaction.on_commit(lambda: _queue_reset_mail(email, language))
        security_log.record(
            security_log.Kind.PASSWORD_RESET_REQUESTED,
            request=self.request,
            username=email,
            detail=detail,
        )
        return HttpResponseRedirect(self.get_success_url())


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    def form_valid(self, form):
        response = super().form_valid(form)
        security_log.record(
            security_log.Kind.PASSWORD_RESET_DONE, request=self.request, user=form.user
        )
        return response
