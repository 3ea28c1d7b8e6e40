"""Password change and reset: Django's views with throttles and security events."""

from django.contrib.auth import views as auth_views
from django.http import HttpResponseRedirect
from django.utils import translation

from ekosystem import password_reset, security_log
from ekosystem.password_forms import PasswordChangeForm, too_many_from_address


class PasswordChangeView(auth_views.PasswordChangeView):
    form_class = PasswordChangeForm

    def form_valid(self, form):
        response = super().form_valid(form)  # keeps the user signed in
        security_log.record(security_log.Kind.PASSWORD_CHANGED, request=self.request)
        return response


class PasswordResetView(auth_views.PasswordResetView):
    """Answers every address alike (ekosystem.password_reset.request_link); only a flood from
    one client is told to wait, which reveals nothing about any account."""

    def form_valid(self, form):
        wait = password_reset.request_link(
            self.request, email=form.cleaned_data["email"], language=translation.get_language()
        )
        if wait:
            form.add_error("email", too_many_from_address(wait))
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return HttpResponseRedirect(self.get_success_url())


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    def form_valid(self, form):
        response = super().form_valid(form)
        security_log.record(
            security_log.Kind.PASSWORD_RESET_DONE, request=self.request, user=form.user
        )
        return response
