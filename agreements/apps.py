from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgreementsConfig(AppConfig):
    name = "agreements"
    verbose_name = _("Samarbetsavtal")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from agreements import dashboard, personal_data

        personal_data.register_sources()
        dashboard.register()
