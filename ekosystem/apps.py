from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class EkosystemConfig(AppConfig):
    name = "ekosystem"
    verbose_name = _("Ekosystemregistret")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from ekosystem import (  # noqa: F401  (connect their signals, register a system check)
            personal_data,
            reauth,
            resume,
            security_signals,
            sessions,
        )


class EkosystemAdminConfig(admin_apps.AdminConfig):
    """django.contrib.admin with a default site that asks for the second factor."""

    default = False  # named in INSTALLED_APPS; EkosystemConfig stays this module's default
    default_site = "ekosystem.admin_site.EkosystemAdminSite"
