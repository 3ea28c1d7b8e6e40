"""Who reaches scoring, built on ekosystem.permissions.

Officers score, record agreed scores and override computed values. Board members read the round
overview, computed values and agreed scores, and change nothing (403 on a write). Leaders and
reviewers see nothing of scoring: 403 on round pages, and for an ecosystem 404 where they may not
see it at all (another's, or a reviewer), 403 for a leader's own. Another officer's scores stay
hidden until the officer has handed in their own (no anchoring): `can_see_others_scores`.
"""

from django.shortcuts import get_object_or_404

from assessments.models import Round
from ekosystem.permissions import get_ecosystem_for_user, require


def can_score(user) -> bool:
    return user.is_officer


def can_read_scoring(user) -> bool:
    return user.is_officer or user.is_board_member


def can_see_others_scores(user, own_sheet) -> bool:
    """Only an officer whose own scores of the ecosystem are handed in."""
    return can_score(user) and own_sheet is not None and own_sheet.is_submitted


def can_record_agreed(user, own_sheet) -> bool:
    """Any officer who has handed in their own scores (and so has seen everyone's) may record
    the agreed score; the record names who did."""
    return can_see_others_scores(user, own_sheet)


def get_round_for_scoring(user, pk, *, for_edit=False) -> Round:
    require(can_read_scoring(user))
    if for_edit:
        require(can_score(user))
    return get_object_or_404(Round, pk=pk)


def get_scoring_subject(user, round_pk, ecosystem_pk, *, for_edit=False):
    """The round and ecosystem of a scoring page: 404 for what the user may not see, 403 for a
    page they may not use, 404 for an ecosystem not taking part in the round."""
    ecosystem = get_ecosystem_for_user(user, ecosystem_pk)
    round_ = get_round_for_scoring(user, round_pk, for_edit=for_edit)
    get_object_or_404(round_.ecosystems, pk=ecosystem.pk)
    return round_, ecosystem
