"""Answers compared: beside the previous round's (matched by question key), and over time.

Keys are stable across questionnaire versions, so a question that moved or was reworded in a new
version still meets last year's answer; a question without a match is new in this version.
"""

from dataclasses import dataclass
from itertools import groupby

from django.db.models import Q

from assessments import answers, registry
from assessments.models import Answer, Question, Status, Submission

# Only answers a leader actually handed in are worth comparing with.
FINAL = (Status.SUBMITTED, Status.REVIEWED)


def previous_submission(submission) -> Submission | None:
    """The same ecosystem's submitted answers to the same questionnaire (by code, any version)
    in the most recent earlier round, or None."""
    round_ = submission.round
    earlier = Q(round__year__lt=round_.year) | Q(
        round__year=round_.year, round__created_at__lt=round_.created_at
    )
    return (
        Submission.objects.filter(
            earlier,
            ecosystem_id=submission.ecosystem_id,
            questionnaire__code=submission.questionnaire.code,
            status__in=FINAL,
        )
        .exclude(pk=submission.pk)
        .select_related("round", "questionnaire")
        .order_by("-round__year", "-round__created_at")
        .first()
    )


@dataclass(frozen=True)
class Row:
    """One question of the submission, its answer, and the answer to the same key before."""

    question: Question
    answer: Answer | None
    previous: Answer | None
    compared: bool
    """Whether there was a previous submission to compare with at all."""
    registry_value: object = None
    """What the ecosystem's registry facts answer to this question, if it asks for one."""

    @property
    def registry_differs(self) -> bool:
        return registry.differs(
            self.question.key, self.answer.value if self.answer else None, self.registry_value
        )

    @property
    def registry_display(self) -> str:
        return answers.display(self.question, self.registry_value)

    @property
    def display(self) -> str:
        return answers.display(self.question, self.answer.value) if self.answer else ""

    @property
    def previous_display(self) -> str:
        return answers.display(self.question, self.previous.value) if self.previous else ""

    @property
    def is_new(self) -> bool:
        """The question was not asked (under this key) in the previous round."""
        return self.compared and self.question.is_answerable and self.previous is None

    @property
    def value_changed(self) -> bool:
        if not self.compared or self.previous is None or not self.question.is_answerable:
            return False
        return _value(self.answer) != _value(self.previous)

    @property
    def evidence_changed(self) -> bool:
        if not self.compared or self.previous is None or not self.question.evidence:
            return False
        return _evidence(self.answer) != _evidence(self.previous)

    @property
    def changed(self) -> bool:
        return self.value_changed or self.evidence_changed


def _value(answer):
    value = answer.value if answer else None
    return None if value in ("", {}, []) else value


def _evidence(answer) -> str:
    return (answer.evidence if answer else "").strip()


def compare(submission, previous, *, registry_values=None) -> list[Row]:
    """Every question of the submission in order (group headings included), each with its answer
    (attachments prefetched) and the previous submission's answer to the same key.

    Four queries, however many questions there are."""
    questions = Question.objects.filter(section__questionnaire_id=submission.questionnaire_id)
    questions = questions.select_related("section").order_by("section__order", "order")
    current = {
        answer.question_id: answer
        for answer in submission.answers.prefetch_related("attachments").select_related(
            "updated_by"
        )
    }
    before = {}
    if previous is not None:
        before = {
            answer.question.key: answer
            for answer in previous.answers.select_related("question").order_by(
                "question__section__order", "question__order"
            )
        }
    return [
        Row(
            question=question,
            answer=current.get(question.pk),
            previous=before.get(question.key),
            compared=previous is not None,
            registry_value=(registry_values or {}).get(question.key),
        )
        for question in questions
    ]


def by_section(rows: list[Row]) -> list[dict]:
    """The rows grouped under their sections, in order: [{"section": ..., "rows": [...]}]."""
    return [
        {"section": section, "rows": list(group)}
        for section, group in groupby(rows, key=lambda row: row.question.section)
    ]


def values_of(rows: list[Row], *, previous=False) -> dict:
    """Question key -> stored value, of the current answers or of the previous ones."""
    values = {}
    for row in rows:
        answer = row.previous if previous else row.answer
        if answer is not None:
            values[row.question.key] = answer.value
    return values


@dataclass(frozen=True)
class Change:
    when: object
    who: object
    question: Question
    old: str
    new: str
    old_evidence: str
    new_evidence: str

    @property
    def value_changed(self) -> bool:
        return self.old != self.new

    @property
    def evidence_changed(self) -> bool:
        return self.old_evidence != self.new_evidence


def changes(submission, limit=500) -> list[Change]:
    """Who changed which answer when, from what to what; newest first. One query.

    Answers are created empty when the round opens (in bulk, without a history record), so the
    first recorded change of an answer starts from an empty answer."""
    records = (
        Answer.history.filter(submission_id=submission.pk)
        .select_related("history_user", "updated_by", "question")
        .order_by("history_date", "history_id")
    )
    last = {}
    found = []
    for record in records:
        before = last.get(record.id)
        last[record.id] = record
        question = record.question
        old = answers.display(question, before.value) if before else ""
        new = answers.display(question, record.value)
        old_evidence = before.evidence.strip() if before else ""
        new_evidence = record.evidence.strip()
        if (old, old_evidence) == (new, new_evidence):
            continue
        found.append(
            Change(
                record.history_date,
                record.history_user or record.updated_by,
                question,
                old,
                new,
                old_evidence,
                new_evidence,
            )
        )
    found.reverse()
    return found[:limit]
