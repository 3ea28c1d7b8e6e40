"""Reads about submissions that several pages share."""

from assessments import services


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
