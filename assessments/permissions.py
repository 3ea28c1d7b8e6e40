"""Who may read the content of a submission's answers. Every view and export asks here.

Answers belong to the ecosystem until they are handed in: its leaders read them in every status;
officers see a draft's progress (status, how many required answers are given) but not its
content, and read everything once submitted (also after returning it for completion); board
members read only what is submitted or reviewed. Which submissions a user may see at all is
ekosystem.permissions.visible_submissions.
"""

from assessments.models import Status

OFFICER_READS = (Status.SUBMITTED, Status.RETURNED, Status.REVIEWED)
BOARD_READS = (Status.SUBMITTED, Status.REVIEWED)


def readable_statuses(user) -> tuple | None:
    """The statuses whose answers `user` may read in submissions they see; None for all."""
    if user.is_officer:
        return OFFICER_READS
    if user.is_board_member:
        return BOARD_READS
    if user.is_leader:
        return None  # visible_submissions already limits a leader to their own ecosystems.
    return ()


def can_read_answers(user, submission) -> bool:
    statuses = readable_statuses(user)
    return statuses is None or submission.status in statuses


def with_readable_answers(user, submissions):
    """`submissions` (already limited to what the user sees) narrowed to those whose answers the
    user may read."""
    statuses = readable_statuses(user)
    return submissions if statuses is None else submissions.filter(status__in=statuses)
