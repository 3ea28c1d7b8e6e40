from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EkosystemConfig(AppConfig):
    name = "ekosystem"
    verbose_name = _("Ekosystemregistret")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from ekosystem import (  # noqa: F401  (connect their signals, register a system check)
            personal_data,
            resume,
            security_signals,
            sessions,
        )
