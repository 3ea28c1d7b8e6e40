from django.db import transaction
from django.utils.translation import gettext_lazy as _

from ekosystem import security_log
from ekosystem.models import Ecosystem

EDIT_CONFLICT_MESSAGE = _(
    "Någon annan har sparat ändringar i ekosystemet sedan du öppnade sidan. Dina uppgifter "
    "finns kvar i formuläret: jämför med den senaste versionen och spara igen."
)


class EditConflict(Exception):
    """The ecosystem changed after the editor loaded it; saving would overwrite that change."""


@transaction.atomic
def save_ecosystem(*, form, board_formset=None) -> Ecosystem:
    """Save a validated ecosystem form (and its board) unless someone saved in between.

    Side effects: raises the ecosystem's version, records history for the ecosystem and every
    board member changed, recomputes the stored Cluster of Sweden count and, where the form has
    the field (officers), sets which leader logins reach the ecosystem.
    """
    ecosystem = form.instance
    if ecosystem.pk:
        current = (
            Ecosystem.objects.select_for_update()
            .values_list("version", flat=True)
            .get(pk=ecosystem.pk)
        )
        if current != form.cleaned_data["version"]:
            raise EditConflict(EDIT_CONFLICT_MESSAGE)
        ecosystem.version = current + 1
    ecosystem = form.save()
    if "leader_accounts" in form.cleaned_data:
        ecosystem.leaders.set(form.cleaned_data["leader_accounts"])
    if board_formset is not None:
        board_formset.instance = ecosystem
        board_formset.save()
    return ecosystem


def recompute_cluster_criteria() -> int:
    """Store every ecosystem's Cluster of Sweden count as criteria.py computes it today.

    Run after the rule changes (the stored count is what lists filter and sort on). Side effects:
    writes cluster_criteria_met only, where it differs; no new version and no history entry, as
    no fact of the ecosystem changed. Returns how many ecosystems were out of step.
    """
    changed = 0
    for ecosystem in Ecosystem.objects.prefetch_related(None).iterator():
        count = ecosystem.count_criteria_met()
        if count != ecosystem.cluster_criteria_met:
            Ecosystem.objects.filter(pk=ecosystem.pk).update(cluster_criteria_met=count)
            changed += 1
    return changed


@transaction.atomic
def change_email(*, request, user, email: str) -> None:
    """Change the address the user signs in with and receives mail at; records EMAIL_CHANGED."""
    old = user.email
    user.email = email
    user.save(update_fields=["email"])
    security_log.record(
        security_log.Kind.EMAIL_CHANGED, request=request, user=user, detail=f"{old} -> {email}"
    )
