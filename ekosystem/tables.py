import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from ekosystem.criteria import CHECKS
from ekosystem.models import Ecosystem


class EcosystemTable(tables.Table):
    name = tables.Column(linkify=True, verbose_name=_("Namn"))
    organisation_name = tables.Column(verbose_name=_("Organisation"))
    phase = tables.Column(verbose_name=_("Fas"))
    specialisations = tables.ManyToManyColumn(
        verbose_name=_("Specialisering"), transform=lambda s: s.name, orderable=False
    )
    member_count = tables.Column(verbose_name=_("Medlemmar"), attrs={"td": {"class": "text-end"}})
    cluster_criteria_met = tables.Column(
        verbose_name=_("Cluster of Sweden"), attrs={"td": {"class": "text-nowrap"}}
    )

    class Meta:
        model = Ecosystem
        fields = [
            "name",
            "organisation_name",
            "phase",
            "specialisations",
            "member_count",
            "cluster_criteria_met",
        ]
        attrs = {"class": "table table-striped align-middle"}
        empty_text = _("Inga ekosystem matchar urvalet.")

    def render_cluster_criteria_met(self, value):
        return _("%(met)d av %(total)d") % {"met": value, "total": len(CHECKS)}
