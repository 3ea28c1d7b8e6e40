"""Loading a questionnaire described as plain data (bilaga1.py, bilaga3.py) into the database."""

from django.db import DEFAULT_DB_ALIAS, transaction

QUESTION_FIELDS = (
    "number",
    "key",
    "kind",
    "text_sv",
    "text_en",
    "help_sv",
    "help_en",
    "required",
    "choices",
    "scale",
    "evidence",
    "minimum",
    "maximum",
)


def _models(apps_or_models):
    names = ("Questionnaire", "Section", "Question")
    if hasattr(apps_or_models, "get_model"):
        return [apps_or_models.get_model("assessments", name) for name in names]
    return [getattr(apps_or_models, name) for name in names]


def _check(data):
    keys = []
    for section in data["sections"]:
        for question in section["questions"]:
            keys.append(question["key"])
            for part in question.get("parts", ()):
                if part.get("parts"):
                    raise ValueError(f"{part['key']}: parts cannot have parts of their own")
                keys.append(part["key"])
    duplicates = sorted({key for key in keys if keys.count(key) > 1})
    if duplicates:
        raise ValueError(f"{data['code']} v{data['version']}: keys used twice: {duplicates}")


def load_questionnaire(apps_or_models, data, *, using=DEFAULT_DB_ALIAS):
    """Create the questionnaire `data` describes unless its (code, version) exists; return it.

    `apps_or_models` is an app registry (the historical `apps` a migration gets, or
    django.apps.apps) or anything with Questionnaire, Section and Question attributes (such as
    assessments.models). Sections are ordered by position from 1; within a section each question
    is followed by its lettered parts, `order` running through both. A version that exists is
    left as it is (answers are tied to it): changed content is a new version.
    """
    Questionnaire, Section, Question = _models(apps_or_models)
    existing = (
        Questionnaire.objects.using(using)
        .filter(code=data["code"], version=data["version"])
        .first()
    )
    if existing is not None:
        return existing
    _check(data)
    with transaction.atomic(using=using):
        questionnaire = Questionnaire.objects.using(using).create(
            code=data["code"],
            version=data["version"],
            title_sv=data["title_sv"],
            title_en=data.get("title_en", ""),
            intro_sv=data.get("intro_sv", ""),
            intro_en=data.get("intro_en", ""),
        )
        for section_order, section_data in enumerate(data["sections"], start=1):
            section = Section.objects.using(using).create(
                questionnaire=questionnaire,
                order=section_order,
                title_sv=section_data["title_sv"],
                title_en=section_data.get("title_en", ""),
                intro_sv=section_data.get("intro_sv", ""),
                intro_en=section_data.get("intro_en", ""),
            )
            order = 0
            for question_data in section_data["questions"]:
                order += 1
                parent = _create(Question, using, section, order, question_data, parent=None)
                for part_data in question_data.get("parts", ()):
                    order += 1
                    _create(Question, using, section, order, part_data, parent=parent)
    return questionnaire


def _create(Question, using, section, order, data, *, parent):
    fields = {name: data[name] for name in QUESTION_FIELDS if name in data}
    fields.setdefault("choices", [])
    fields.setdefault("scale", {})
    return Question.objects.using(using).create(
        section=section, parent=parent, order=order, **fields
    )
