"""Where assessments keep data written by a person (registered in ekosystem.personal_data).

Answers, attachments, review events and dialogue notes are records of the region's handling of a
funding case: they are public records the archive rules require kept, so pseudonymising keeps
them; they point at the same user row, which then shows the pseudonym.
"""

from django.utils.translation import gettext_lazy as _

from assessments.models import Answer, Attachment, DialogueNote, Round, SubmissionEvent
from ekosystem.personal_data import KEPT_ARCHIVE, Source, register

SUBMISSION_PARTS = ("submission__ecosystem", "submission__round", "submission__questionnaire")


def _submission(submission) -> dict:
    return {
        "ecosystem": submission.ecosystem.name,
        "round": submission.round.name,
        "questionnaire": submission.questionnaire.code,
    }


def _answers(user):
    rows = (
        Answer.objects.filter(updated_by=user)
        .select_related("question", *SUBMISSION_PARTS)
        .order_by("submission_id", "question__section__order", "question__order")
    )
    return [
        {
            **_submission(a.submission),
            "question": a.question.number,
            "question_key": a.question.key,
            "value": a.value,
            "evidence": a.evidence,
            "updated_at": a.updated_at,
        }
        for a in rows
    ]


def _attachments(user):
    rows = (
        Attachment.objects.filter(uploaded_by=user)
        .select_related("answer__question", *(f"answer__{p}" for p in SUBMISSION_PARTS))
        .order_by("uploaded_at")
    )
    # Listed by name: the files themselves are the ecosystem's case documents.
    return [
        {
            **_submission(a.answer.submission),
            "question": a.answer.question.number,
            "name": a.name,
            "size": a.size,
            "uploaded_at": a.uploaded_at,
        }
        for a in rows
    ]


def _review_events(user):
    rows = SubmissionEvent.objects.filter(actor=user).select_related(*SUBMISSION_PARTS)
    return [
        {
            **_submission(e.submission),
            "event": str(e.get_kind_display()),
            "comment": e.comment,
            "at": e.happened_at,
        }
        for e in rows.order_by("happened_at", "pk")
    ]


def _dialogue_notes(user):
    rows = DialogueNote.objects.filter(recorded_by=user).select_related(*SUBMISSION_PARTS)
    return [
        {
            **_submission(n.submission),
            "held_on": n.held_on,
            "participants": n.participants,
            "notes": n.notes,
            "recorded_at": n.recorded_at,
        }
        for n in rows.order_by("held_on", "pk")
    ]


def _rounds(user):
    rows = Round.objects.filter(opened_by=user).order_by("year", "created_at")
    return [{"round": r.name, "year": r.year, "opened_at": r.created_at} for r in rows]


def register_sources() -> None:
    for source in (
        Source(
            key="answers",
            title=_("Svar du har sparat senast i självskattningar"),
            fate=KEPT_ARCHIVE,
            export=_answers,
            relations=("assessments.Answer.updated_by",),
        ),
        Source(
            key="attachments",
            title=_("Bilagor du har laddat upp (namn, inte filerna)"),
            fate=KEPT_ARCHIVE,
            export=_attachments,
            relations=("assessments.Attachment.uploaded_by",),
        ),
        Source(
            key="review_events",
            title=_("Inskick, återsändningar och granskningar du har gjort, med kommentarer"),
            fate=KEPT_ARCHIVE,
            export=_review_events,
            relations=("assessments.SubmissionEvent.actor",),
        ),
        Source(
            key="dialogue_notes",
            title=_("Anteckningar från uppföljningsdialoger du har fört in"),
            fate=KEPT_ARCHIVE,
            export=_dialogue_notes,
            relations=("assessments.DialogueNote.recorded_by",),
        ),
        Source(
            key="rounds",
            title=_("Bedömningsomgångar du har öppnat"),
            fate=KEPT_ARCHIVE,
            export=_rounds,
            relations=("assessments.Round.opened_by",),
        ),
    ):
        register(source)
