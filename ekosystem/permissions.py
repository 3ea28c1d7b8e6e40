"""Who may see and change what. Views, exports and downloads ask here and nowhere else.

Objects a user may not see answer 404 (their existence is not revealed); objects a user may see
but not change answer 403.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from agreements.models import Agreement
from assessments.models import Submission
from ekosystem.models import Ecosystem


def visible_ecosystems(user):
    """Every ecosystem the user may read: all for officers and board members, a leader's own."""
    if not user.is_authenticated or not user.is_active:
        return Ecosystem.objects.none()
    if user.is_officer or user.is_board_member:
        return Ecosystem.objects.all()
    if user.is_leader:
        return Ecosystem.objects.filter(leaders=user)
    return Ecosystem.objects.none()


def can_browse_registry(user) -> bool:
    return user.is_officer or user.is_board_member or user.is_leader


def can_see_dashboard(user) -> bool:
    """The dashboard lists work to do; board members change nothing, so they land on the
    registry instead, and leaders see their own ecosystem's notices there."""
    return user.is_officer


def can_create_ecosystem(user) -> bool:
    return user.is_officer


def can_edit_ecosystem(user, ecosystem) -> bool:
    if user.is_officer:
        return True
    return user.is_leader and ecosystem.leaders.filter(pk=user.pk).exists()


def can_edit_registry_facts(user) -> bool:
    """Facts the region records about an ecosystem (phase, label, ...), not its leader."""
    return user.is_officer


def require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def get_ecosystem_for_user(user, pk, *, for_edit=False) -> Ecosystem:
    ecosystem = get_object_or_404(visible_ecosystems(user), pk=pk)
    if for_edit:
        require(can_edit_ecosystem(user, ecosystem))
    return ecosystem


def visible_agreements(user):
    """Agreements of the ecosystems the user may read (a leader's own; all for officers, board)."""
    return Agreement.objects.filter(ecosystem__in=visible_ecosystems(user))


def can_browse_agreements(user) -> bool:
    return can_browse_registry(user)


def can_manage_agreements(user) -> bool:
    return user.is_officer


def get_agreement_for_user(user, pk, *, for_edit=False) -> Agreement:
    agreement = get_object_or_404(visible_agreements(user).select_related("ecosystem"), pk=pk)
    if for_edit:
        require(can_manage_agreements(user))
    return agreement


def visible_submissions(user):
    """Submissions of the ecosystems the user may read."""
    return Submission.objects.filter(ecosystem__in=visible_ecosystems(user))


def can_answer(user, submission) -> bool:
    """Only the ecosystem's own leaders fill in its answers, and only while they are open."""
    return (
        user.is_leader
        and submission.is_editable
        and submission.ecosystem.leaders.filter(pk=user.pk).exists()
    )


def can_review_submissions(user) -> bool:
    return user.is_officer


def can_follow_rounds(user) -> bool:
    """Officers and board members read every round, submission and export."""
    return can_review_submissions(user) or user.is_board_member


def get_submission_for_user(user, pk) -> Submission:
    return get_object_or_404(
        visible_submissions(user).select_related("ecosystem", "questionnaire", "round"), pk=pk
    )
