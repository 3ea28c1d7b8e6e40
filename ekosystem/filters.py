import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ekosystem.choices import Phase
from ekosystem.criteria import CHECKS
from ekosystem.models import Ecosystem, Specialisation


class EcosystemFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        method="search",
        label=_("Sök"),
        help_text=_("Namn, organisation, ledare eller organisationsnummer"),
    )
    phase = django_filters.ChoiceFilter(
        choices=Phase.choices, label=_("Fas"), empty_label=_("Alla faser")
    )
    specialisation = django_filters.ModelChoiceFilter(
        field_name="specialisations",
        queryset=Specialisation.objects.all(),
        label=_("Specialiseringsområde"),
        empty_label=_("Alla områden"),
    )
    criteria = django_filters.ChoiceFilter(
        method="filter_criteria",
        label=_("Cluster of Sweden-kriterier"),
        empty_label=_("Alla"),
        choices=[("all", _("Alla kriterier uppfyllda")), ("missing", _("Något kriterium saknas"))],
    )

    class Meta:
        model = Ecosystem
        fields = ["q", "phase", "specialisation", "criteria"]

    def search(self, queryset, name, value):
        return queryset.filter(
            Q(name__icontains=value)
            | Q(organisation_name__icontains=value)
            | Q(leader_name__icontains=value)
            | Q(organisation_number__icontains=value)
        )

    def filter_criteria(self, queryset, name, value):
        if value == "all":
            return queryset.filter(cluster_criteria_met=len(CHECKS))
        return queryset.filter(cluster_criteria_met__lt=len(CHECKS))
