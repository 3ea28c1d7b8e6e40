from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentsConfig(AppConfig):
    name = "assessments"
    verbose_name = _("Självskattningar")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from assessments import dashboard, personal_data
        from assessments.queries import leader_notices
        from ekosystem import landing

        landing.register(leader_notices)
        personal_data.register_sources()
        dashboard.register()
