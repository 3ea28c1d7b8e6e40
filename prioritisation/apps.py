from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrioritisationConfig(AppConfig):
    """Scoring, ranking and eligibility for the financing ladder (strategy Bilaga 3 §2.2–2.3).

    Reads assessments/ and agreements/; nothing below imports it.
    """

    name = "prioritisation"
    verbose_name = _("Prioritering")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from ekosystem import landing
        from prioritisation import dashboard, personal_data, signals  # noqa: F401
        from prioritisation.eligibility_views import ladder_links

        landing.register_links(ladder_links)
        personal_data.register_sources()
        dashboard.register()
