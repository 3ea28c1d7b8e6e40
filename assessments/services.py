"""Every write in an assessment round, with its side effects listed."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from assessments import answers, figures, notifications, registry
from assessments.models import (
    Answer,
    Attachment,
    DialogueNote,
    EventKind,
    Kind,
    Question,
    Round,
    Status,
    Submission,
    SubmissionEvent,
)
from ekosystem import uploads

LOCKED_MESSAGE = _(
    "Svaren är inskickade och låsta. Be din handläggare återsända dem om något behöver ändras."
)


class SubmissionLocked(Exception):
    """The submission is not open for changes (submitted or reviewed)."""


class AnswerConflict(Exception):
    """Someone saved a newer answer after this editor loaded it; saving would overwrite it."""

    def __init__(self, answer: Answer):
        super().__init__("answer changed")
        self.answer = answer


class IncompleteSubmission(Exception):
    def __init__(self, missing: list[Question]):
        super().__init__("required answers missing")
        self.missing = missing


class WrongStatus(Exception):
    """The submission is not in a status that allows this step."""


DERIVED_MESSAGE = _("Det här svaret räknas fram ur andra svar och skrivs inte in.")
NO_ATTACHMENTS_MESSAGE = _("Den här frågan tar inte emot bilagor.")
TOO_MANY_ATTACHMENTS_MESSAGE = _(
    "Högst %(max)s filer per svar. Ta bort en bifogad fil innan du bifogar en ny."
)


@transaction.atomic
def open_round(*, year, name, deadline, questionnaires, ecosystems, user) -> Round:
    """Open a round. Side effects: one submission per ecosystem and questionnaire, each with an
    answer per answerable question (so every later save can lock its row): empty, or prefilled
    from the ecosystem's registry facts where the questionnaire asks for them
    (assessments/registry.py), with the answers derived from those."""
    round_ = Round.objects.create(year=year, name=name, deadline=deadline, opened_by=user)
    round_.questionnaires.set(questionnaires)
    round_.ecosystems.set(ecosystems)
    for questionnaire in questionnaires:
        questions = list(
            Question.objects.filter(section__questionnaire=questionnaire).exclude(kind=Kind.GROUP)
        )
        for ecosystem in ecosystems:
            submission = Submission.objects.create(
                round=round_, ecosystem=ecosystem, questionnaire=questionnaire
            )
            known = registry.registry_answers(ecosystem, timezone.localdate())
            known |= {
                key: value
                for key, value in figures.derived_values(known).items()
                if value is not None
            }
            Answer.objects.bulk_create(
                Answer(submission=submission, question=question, value=known.get(question.key))
                for question in questions
            )
    return round_


def save_answer(
    *, submission, question, raw, evidence=None, base_revision, user, pending=None
) -> Answer:
    """Save one answer as typed, unless that would silently overwrite a newer one.

    `base_revision` is the revision the editor started from. If the stored answer has moved on
    and differs from what is being saved, AnswerConflict carries the stored answer and nothing
    is written. Raises ValidationError (Swedish message) for input that is not a valid answer,
    for a part larger than its total (`pending`: key -> value of other answers saved with this
    one, which count instead of the stored ones) and for a derived answer; SubmissionLocked once
    submitted. Side effects: raises the revision, records history, sets the submission's
    last_saved_at, recomputes the answers derived from this one.
    """
    if question.is_derived:
        raise ValidationError(DERIVED_MESSAGE)
    value = answers.parse(question, raw)
    evidence = answers.parse_evidence(evidence)
    with transaction.atomic():
        locked = Submission.objects.select_for_update().get(pk=submission.pk)
        if not locked.is_editable:
            raise SubmissionLocked(LOCKED_MESSAGE)
        answer = Answer.objects.select_for_update().get(submission=locked, question=question)
        new_evidence = answer.evidence if evidence is None else evidence
        unchanged = answer.value == value and answer.evidence == new_evidence
        if unchanged and (answer.updated_by_id is not None or value is None):
            return answer
        if unchanged:
            # A prefilled answer saved as it stands: the leader has confirmed it.
            answer.updated_by = user
            answer.save(update_fields=["updated_by", "updated_at"])
            if any(question.key in sources for sources in figures.DERIVED.values()):
                _update_derived(locked, user)
            return answer
        if answer.revision != base_revision:
            raise AnswerConflict(answer)
        if question.key in figures.CROSS_CHECKED:
            values = _values(locked, figures.CROSS_CHECKED) | (pending or {})
            problem = figures.cross_check(question.key, values | {question.key: value})
            if problem:
                raise ValidationError(problem)
        answer.value = value
        answer.evidence = new_evidence
        answer.revision += 1
        answer.updated_by = user
        answer.save()
        if any(question.key in sources for sources in figures.DERIVED.values()):
            _update_derived(locked, user)
        now = timezone.now()
        Submission.objects.filter(pk=locked.pk).update(last_saved_at=now)
        submission.last_saved_at = now
    return answer


def _values(submission, keys) -> dict:
    return dict(
        Answer.objects.filter(submission=submission, question__key__in=keys).values_list(
            "question__key", "value"
        )
    )


def _update_derived(submission, user) -> None:
    """Store each derived answer as computed from the stored answers it depends on."""
    sources = {key for keys in figures.DERIVED.values() for key in keys}
    computed = figures.derived_values(_values(submission, sources))
    for answer in (
        Answer.objects.select_for_update()
        .filter(submission=submission, question__key__in=computed)
        .select_related("question")
    ):
        value = computed[answer.question.key]
        if answer.value != value or (answer.updated_by_id is None and value is not None):
            answer.value = value
            answer.revision += 1
            answer.updated_by = user
            answer.save()


def missing_answers(submission) -> list[Question]:
    """Required questions still unanswered (a rated criterion also needs its evidence)."""
    missing = []
    for answer in submission.answers.select_related("question__section").order_by(
        "question__section__order", "question__order"
    ):
        question = answer.question
        if not question.required or question.is_derived:
            continue
        if not answer.is_answered or (question.evidence and not answer.evidence.strip()):
            missing.append(question)
    return missing


@transaction.atomic
def submit(*, submission, user) -> Submission:
    """Lock the answers and hand them to the region. Side effect: a SUBMITTED event."""
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    if not submission.is_editable:
        raise WrongStatus
    missing = missing_answers(submission)
    if missing:
        raise IncompleteSubmission(missing)
    submission.status = Status.SUBMITTED
    submission.submitted_at = timezone.now()
    submission.save(update_fields=["status", "submitted_at"])
    SubmissionEvent.objects.create(submission=submission, kind=EventKind.SUBMITTED, actor=user)
    return submission


@transaction.atomic
def return_for_completion(*, submission, comment, user) -> Submission:
    """Reopen submitted answers with a comment to the leader.

    Side effects: a RETURNED event, and an e-mail to the ecosystem's leaders in the outbox (sent
    once committed).
    """
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    if submission.status != Status.SUBMITTED:
        raise WrongStatus
    submission.status = Status.RETURNED
    submission.save(update_fields=["status"])
    event = SubmissionEvent.objects.create(
        submission=submission, kind=EventKind.RETURNED, comment=comment, actor=user
    )
    notifications.enqueue_returned(submission=submission, event=event)
    return submission


@transaction.atomic
def mark_reviewed(*, submission, user) -> Submission:
    """Record that the officer has reviewed the submission. Side effect: a REVIEWED event."""
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    if submission.status != Status.SUBMITTED:
        raise WrongStatus
    submission.status = Status.REVIEWED
    submission.reviewed_at = timezone.now()
    submission.save(update_fields=["status", "reviewed_at"])
    SubmissionEvent.objects.create(submission=submission, kind=EventKind.REVIEWED, actor=user)
    return submission


def save_review_notes(*, submission, strengths, weaknesses) -> Submission:
    """The officer's SWOT notes (strengths/opportunities, weaknesses/threats); history kept."""
    submission.strengths = strengths
    submission.weaknesses = weaknesses
    submission.save(update_fields=["strengths", "weaknesses"])
    return submission


def add_dialogue_note(*, submission, held_on, participants, notes, user) -> DialogueNote:
    return DialogueNote.objects.create(
        submission=submission,
        held_on=held_on,
        participants=participants,
        notes=notes,
        recorded_by=user,
    )


@transaction.atomic
def add_attachment(*, answer, upload, user) -> Attachment:
    """Attach a document to an answer while the submission is open. ValidationError (with the
    leader's message) unless its question takes attachments (Question.takes_attachments), the
    answer has fewer than Attachment.MAX_PER_ANSWER and the file passes
    ekosystem.uploads.validate_document. Stored under a generated name; the uploader's name,
    made safe, is kept for display."""
    if not answer.submission.is_editable:
        raise SubmissionLocked(LOCKED_MESSAGE)
    if not answer.question.takes_attachments:
        raise ValidationError(NO_ATTACHMENTS_MESSAGE)
    # Two uploads to one answer at once count one after the other.
    Answer.objects.select_for_update().get(pk=answer.pk)
    if Attachment.objects.filter(answer=answer).count() >= Attachment.MAX_PER_ANSWER:
        raise ValidationError(TOO_MANY_ATTACHMENTS_MESSAGE % {"max": Attachment.MAX_PER_ANSWER})
    document_type = uploads.validate_document(upload)
    attachment = Attachment(
        answer=answer,
        name=uploads.display_name(upload.name, document_type.extension),
        size=upload.size,
        uploaded_by=user,
    )
    attachment.file.save(uploads.storage_name(document_type), upload, save=False)
    attachment.save()
    return attachment


def remove_attachment(*, attachment) -> None:
    if not attachment.answer.submission.is_editable:
        raise SubmissionLocked(LOCKED_MESSAGE)
    attachment.file.delete(save=False)
    attachment.delete()
