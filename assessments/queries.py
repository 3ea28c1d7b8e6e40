"""Reads about submissions that several pages share."""

from django.urls import reverse

from assessments import services
from assessments.models import EventKind, Status, Submission
from ekosystem.landing import Notice


def progress(submission, sections=None) -> list[dict]:
    """Per section: how many required answers are given (the progress indicator; officers see it
    for drafts whose content they may not read)."""
    if sections is None:
        sections = list(submission.questionnaire.sections.all())
    missing = {question.pk for question in services.missing_answers(submission)}
    required = {}
    for answer in submission.answers.select_related("question"):
        if answer.question.required:
            required.setdefault(answer.question.section_id, []).append(answer.question_id)
    rows = []
    for section in sections:
        ids = required.get(section.pk, [])
        rows.append(
            {
                "section": section,
                "required": len(ids),
                "answered": sum(1 for pk in ids if pk not in missing),
            }
        )
    return rows


def leader_notices(user, ecosystem):
    """For an ecosystem's leader: each questionnaire still to answer (draft or returned), with its
    deadline and, when returned, the officer's comment. Registered in ekosystem.landing."""
    if not user.is_leader or not ecosystem.leaders.filter(pk=user.pk).exists():
        return []
    submissions = Submission.objects.filter(
        ecosystem=ecosystem, status__in=(Status.DRAFT, Status.RETURNED)
    ).select_related("round", "questionnaire")
    notices = []
    for submission in submissions:
        returned = (
            submission.events.filter(kind=EventKind.RETURNED).select_related("actor").first()
            if submission.status == Status.RETURNED
            else None
        )
        notices.append(
            Notice(
                title=submission.questionnaire.title,
                status=submission.get_status_display(),
                due=submission.round.deadline,
                url=reverse("submission_start", args=[submission.pk]),
                link_text=str(submission.round.name),
                comment=returned.comment if returned else "",
                comment_by=str(returned.actor) if returned else "",
            )
        )
    return notices
