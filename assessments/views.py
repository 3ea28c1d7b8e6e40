"""The leader's side: what is due, one section per page with autosave, review and submit."""

import contextlib
import logging
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from assessments import answers, figures, queries, registry, services
from assessments import permissions as answer_permissions
from assessments.figures import figures_of
from assessments.models import Attachment, EventKind, Kind, Question, Status
from ekosystem import permissions, resume, uploads
from ekosystem.choices import Municipality

logger = logging.getLogger(__name__)


def json_login_required(view):
    """For background requests: 401 with a message instead of a redirect to the login page."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return JsonResponse(
                {"error": _("Du har loggats ut. Logga in igen; det du skrivit finns kvar.")},
                status=401,
            )
        return view(request, *args, **kwargs)

    return wrapper


@login_required
def my_assessments(request):
    """A leader's start page: every questionnaire due, with status and deadline."""
    if permissions.can_follow_rounds(request.user):
        return redirect("round_list")
    submissions = (
        permissions.visible_submissions(request.user)
        .select_related("round", "ecosystem", "questionnaire")
        .order_by("round__deadline", "ecosystem__name", "questionnaire__code")
    )
    return render(request, "assessments/my_assessments.html", {"submissions": submissions})


def _sections(submission):
    return list(submission.questionnaire.sections.all())


def _returned_comment(submission):
    if submission.status != Status.RETURNED:
        return None
    return submission.events.filter(kind=EventKind.RETURNED).first()


def _items(submission, section, posted=None, errors=None, conflicts=None, file_errors=None):
    """The section's questions in order, each with its answer and what to show in its inputs
    (and what the registry says, where the questionnaire asks for a registry fact)."""
    known = registry.registry_answers(submission.ecosystem, timezone.localdate())
    answers_by_question = {
        answer.question_id: answer
        for answer in submission.answers.filter(question__section=section).prefetch_related(
            "attachments"
        )
    }
    errors, conflicts, file_errors = errors or {}, conflicts or {}, file_errors or {}
    items = []
    for question in section.questions.all():
        answer = answers_by_question.get(question.pk)
        typed = posted.get(question.pk) if posted else None
        item = {
            "question": question,
            "answer": answer,
            "error": errors.get(question.pk),
            "file_error": file_errors.get(question.pk),
            "conflict": conflicts.get(question.pk),
            "value": typed["raw"]
            if typed
            else answers.form_value(question, answer and answer.value),
            "evidence": typed["evidence"] if typed else (answer.evidence if answer else ""),
            "revision": conflicts[question.pk].revision
            if question.pk in conflicts
            else (answer.revision if answer else 0),
        }
        if question.key in known:
            item["registry"] = answers.display(question, known[question.key])
        if question.is_derived:
            item["derived"] = answers.display(question, answer and answer.value)
        if question.pk in conflicts:
            theirs = conflicts[question.pk]
            item["conflict_display"] = answers.display(question, theirs.value)
            item["conflict_value"] = answers.form_value(question, theirs.value)
        if question.kind == Kind.RATING:
            item["scale"] = _scale(question)
        if question.kind == Kind.MUNICIPALITIES:
            stored = (typed["raw"] if typed else None) or (answer and answer.value) or {}
            item["municipalities"] = [
                {
                    "code": code,
                    "label": label,
                    "physical": _checked(stored, code, "physical"),
                    "digital": _checked(stored, code, "digital"),
                }
                for code, label in Municipality.choices
            ]
        items.append(item)
    return items


def _scale(question):
    english = not (get_language() or "sv").startswith("sv")
    labels = question.scale.get("labels", {})
    steps = []
    for value in range(question.scale.get("min", 1), question.scale.get("max", 5) + 1):
        label = labels.get(str(value), {})
        steps.append(
            {"value": value, "label": (english and label.get("en")) or label.get("sv", "")}
        )
    return steps


def _checked(stored, code, way):
    value = stored.get(code, {}) if isinstance(stored.get(code), dict) else {}
    return bool(value.get(way) or stored.get(f"{code}-{way}"))


def _raw(data, question):
    """What was posted for a question: its text, or the municipality checkboxes."""
    if question.kind == Kind.MUNICIPALITIES:
        prefix = f"q-{question.pk}-"
        return {key[len(prefix) :]: value for key, value in data.items() if key.startswith(prefix)}
    return data.get(f"q-{question.pk}", "")


def _section_context(request, submission, section, **item_kwargs):
    sections = _sections(submission)
    index = [s.pk for s in sections].index(section.pk)
    values = {a.question.key: a.value for a in submission.answers.select_related("question")}
    items = _items(submission, section, **item_kwargs)
    return {
        "submission": submission,
        "section": section,
        "problems": [
            item for item in items if item["error"] or item["conflict"] or item["file_error"]
        ],
        "progress": queries.progress(submission, sections),
        "previous": sections[index - 1] if index > 0 else None,
        "next": sections[index + 1] if index + 1 < len(sections) else None,
        "items": items,
        "can_answer": permissions.can_answer(request.user, submission),
        "figures": figures_of(values),
        "returned": _returned_comment(submission),
        "upload_accept": uploads.ACCEPT,
        "upload_max_size": filesizeformat(uploads.MAX_UPLOAD_BYTES),
        "upload_max_files": Attachment.MAX_PER_ANSWER,
    }


@resume.login_required_keeping_post
@require_http_methods(["GET", "POST"])
def submission_section(request, pk, order):
    """One section of the questionnaire. POST saves every answer in it, then moves on."""
    submission = permissions.get_submission_for_user(request.user, pk)
    section = get_object_or_404(submission.questionnaire.sections, order=order)
    if not permissions.can_answer(request.user, submission):
        return redirect("submission_review", submission.pk)
    data = resume.form_data(request)
    if data is None:
        return render(
            request, "assessments/section.html", _section_context(request, submission, section)
        )
    posted, errors, conflicts, file_errors = {}, {}, {}, {}
    # Parts are checked against a total typed on the same page, not only the stored one.
    pending = {}
    for question in section.questions.all():
        if question.key in figures.CROSS_CHECKED:
            with contextlib.suppress(ValidationError):  # its own error is reported below
                pending[question.key] = answers.parse(question, _raw(data, question))
    for question in section.questions.all():
        if question.is_derived:
            continue
        if not question.is_answerable:
            continue
        raw = _raw(data, question)
        evidence = data.get(f"e-{question.pk}") if question.evidence else None
        posted[question.pk] = {"raw": raw, "evidence": evidence or ""}
        if request.method != "POST":
            continue  # Restored after a login: shown for the leader to check and save.
        try:
            services.save_answer(
                submission=submission,
                question=question,
                raw=raw,
                evidence=evidence,
                base_revision=answers.parse_revision(data.get(f"r-{question.pk}")),
                user=request.user,
                pending=pending,
            )
        except ValidationError as error:
            errors[question.pk] = error.messages[0]
        except services.AnswerConflict as conflict:
            conflicts[question.pk] = conflict.answer
        except services.SubmissionLocked as locked:
            messages.error(request, str(locked))
            return redirect("submission_start", submission.pk)
    if request.method == "POST":
        _attach_chosen_files(request, submission, section, file_errors)
    if errors or conflicts or file_errors or request.method != "POST":
        return render(
            request,
            "assessments/section.html",
            _section_context(
                request,
                submission,
                section,
                posted=posted,
                errors=errors,
                conflicts=conflicts,
                file_errors=file_errors,
            ),
        )
    uploaded_to = data.get("upload", "")
    if uploaded_to.isdecimal() and "goto" not in data:
        # *Ladda upp* pressed: back to the question the file was attached to.
        return redirect(f"{_section_url(submission, section)}#question-{int(uploaded_to)}")
    target = data.get("goto")
    if target == "review":
        return redirect("submission_review", submission.pk)
    # Only a section of this questionnaire: anything else posted stays on this one.
    orders = {str(s.order): s.order for s in _sections(submission)}
    return redirect("submission_section", submission.pk, orders.get(target, section.order))


def _attach_chosen_files(request, submission, section, file_errors):
    """Attach every file chosen in the section, whichever button sent the form, so that a file
    chosen before *Spara och gå vidare* is never dropped. A file that cannot be attached is an
    error by its file field, so the leader stays on the page (the other answers are saved)."""
    for answer in submission.answers.filter(question__section=section).select_related("question"):
        upload = request.FILES.get(f"file-{answer.question_id}")
        if upload is None:
            continue
        try:
            services.add_attachment(answer=answer, upload=upload, user=request.user)
        except ValidationError as error:
            message = _("Filen %(name)s är inte bifogad: %(reason)s Välj filen igen.") % {
                "name": upload.name,
                "reason": error.messages[0],
            }
            file_errors[answer.question_id] = message
        else:
            messages.success(request, _("Filen %(name)s är bifogad.") % {"name": upload.name})


@login_required
def submission_start(request, pk):
    submission = permissions.get_submission_for_user(request.user, pk)
    if permissions.can_follow_rounds(request.user):
        return redirect("submission_officer", submission.pk)
    if not permissions.can_answer(request.user, submission):
        return redirect("submission_review", submission.pk)
    first = submission.questionnaire.sections.first()
    return redirect("submission_section", submission.pk, first.order)


@require_POST
@json_login_required
def answer_autosave(request, pk, question_pk):
    """Save one answer as the leader types; JSON for the page's script."""
    submission = permissions.get_submission_for_user(request.user, pk)
    if not permissions.can_answer(request.user, submission):
        return JsonResponse({"error": str(services.LOCKED_MESSAGE)}, status=403)
    question = get_object_or_404(
        Question, section__questionnaire=submission.questionnaire, pk=question_pk
    )
    try:
        answer = services.save_answer(
            submission=submission,
            question=question,
            raw=_raw(request.POST, question),
            evidence=request.POST.get(f"e-{question.pk}") if question.evidence else None,
            base_revision=answers.parse_revision(request.POST.get(f"r-{question.pk}")),
            user=request.user,
        )
    except ValidationError as error:
        return JsonResponse({"error": error.messages[0]}, status=400)
    except services.AnswerConflict as conflict:
        theirs = conflict.answer
        return JsonResponse(
            {
                "conflict": {
                    "revision": theirs.revision,
                    "value": answers.form_value(question, theirs.value),
                    "display": answers.display(question, theirs.value),
                    "evidence": theirs.evidence,
                    "message": _(
                        "Svaret sparades %(when)s i ett annat fönster eller av %(who)s. Din "
                        "text är kvar i fältet: välj vilken du vill behålla."
                    )
                    % {
                        "when": date_format(timezone.localtime(theirs.updated_at), "H:i"),
                        "who": theirs.updated_by or _("någon annan"),
                    },
                }
            },
            status=409,
        )
    except services.SubmissionLocked as locked:
        return JsonResponse({"error": str(locked)}, status=403)
    saved_at = submission.last_saved_at or answer.updated_at
    return JsonResponse(
        {
            "revision": answer.revision,
            "saved": _("Sparat %(time)s")
            % {"time": date_format(timezone.localtime(saved_at), "H:i")},
        }
    )


@resume.login_required_keeping_post
@require_http_methods(["GET", "POST"])
def submission_review(request, pk):
    """Before submitting: every unanswered required question, with a link to it."""
    submission = permissions.get_submission_for_user(request.user, pk)
    if permissions.can_follow_rounds(request.user):
        return redirect("submission_officer", submission.pk)
    can_answer = permissions.can_answer(request.user, submission)
    if request.method == "POST":
        if not can_answer:
            raise PermissionDenied
        try:
            services.submit(submission=submission, user=request.user)
        except services.IncompleteSubmission:
            messages.error(request, _("Några obligatoriska frågor saknar svar. Se listan nedan."))
        except services.WrongStatus:
            messages.error(request, str(services.LOCKED_MESSAGE))
        else:
            messages.success(
                request, _("Tack! Svaren är inskickade till Region Norrbotten och nu låsta.")
            )
            return redirect("submission_review", submission.pk)
    values = {a.question.key: a.value for a in submission.answers.select_related("question")}
    return render(
        request,
        "assessments/review.html",
        {
            "submission": submission,
            "missing": services.missing_answers(submission),
            "can_answer": can_answer,
            "sections": _read_only_sections(submission),
            "figures": figures_of(values),
            "returned": _returned_comment(submission),
        },
    )


def _read_only_sections(submission):
    stored = {
        answer.question_id: answer for answer in submission.answers.prefetch_related("attachments")
    }
    return [
        {
            "section": section,
            "rows": [
                {
                    "question": q,
                    "answer": stored.get(q.pk),
                    "display": answers.display(q, stored[q.pk].value) if q.pk in stored else "",
                }
                for q in section.questions.all()
            ],
        }
        for section in submission.questionnaire.sections.prefetch_related("questions")
    ]


def _section_url(submission, place):
    """The URL of a section, given the section or one of its questions."""
    section = getattr(place, "section", place)
    return reverse("submission_section", args=[submission.pk, section.order])


@login_required
def attachment_download(request, pk, attachment_pk):
    submission = permissions.get_submission_for_user(request.user, pk)
    permissions.require(answer_permissions.can_read_answers(request.user, submission))
    attachment = get_object_or_404(Attachment, pk=attachment_pk, answer__submission=submission)
    if not attachment.file:
        raise Http404
    try:
        return uploads.download_response(attachment.file, name=attachment.name)
    except FileNotFoundError:
        # The row outlived its file (a restore without the media folder, a manual delete).
        logger.error(
            "Attachment %s of submission %s: file %s is missing from storage",
            attachment.pk,
            submission.pk,
            attachment.file.name,
        )
        return render(
            request,
            "assessments/attachment_missing.html",
            {"submission": submission, "attachment": attachment},
            status=404,
        )


@require_POST
@login_required
def attachment_delete(request, pk, attachment_pk):
    submission = permissions.get_submission_for_user(request.user, pk)
    if not permissions.can_answer(request.user, submission):
        raise PermissionDenied
    attachment = get_object_or_404(Attachment, pk=attachment_pk, answer__submission=submission)
    question = attachment.answer.question
    services.remove_attachment(attachment=attachment)
    messages.success(request, _("Bilagan är borttagen."))
    return redirect(f"{_section_url(submission, question)}#question-{question.pk}")
