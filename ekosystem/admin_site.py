"""The Django admin's default site, behind the same second factor and the same login as the rest
of the service."""

from django.contrib.admin import AdminSite
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse


class EkosystemAdminSite(AdminSite):
    def has_permission(self, request):
        # OTPMiddleware gives every request.user is_verified(); staff always need a second
        # factor (User.requires_second_factor), so an unverified session never gets in.
        return super().has_permission(request) and request.user.is_verified()

    def login(self, request, extra_context=None):
        """One login for everything: the product's own, with its code step and lockout."""
        index = reverse("admin:index", current_app=self.name)
        if request.user.is_authenticated:
            if self.has_permission(request):
                return redirect(index)
            # Signed in but not admitted: not staff (an unverified staff member is held on the
            # code step by SecondFactorMiddleware before reaching here).
            raise PermissionDenied
        return redirect_to_login(request.GET.get("next") or index)
