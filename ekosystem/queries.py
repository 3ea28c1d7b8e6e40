from django.db.models import F, Prefetch

from ekosystem.models import Specialisation


def with_list_columns(ecosystems):
    """What the registry list shows for each ecosystem, in a fixed number of queries."""
    return ecosystems.annotate(
        member_count=F("members_business")
        + F("members_academia")
        + F("members_public")
        + F("members_civil")
    ).prefetch_related(
        Prefetch("specialisations", queryset=Specialisation.objects.order_by("rank"))
    )
