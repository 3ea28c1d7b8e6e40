from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EkosystemConfig(AppConfig):
    name = "ekosystem"
    verbose_name = _("Ekosystemregistret")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from ekosystem import resume, sessions  # noqa: F401  (connect the login signal)
