"""The region's side: rounds, who has submitted, and the officer's review of a submission.

Officers open rounds and review; board members read the same pages and change nothing (403);
leaders reach none of it (403), and submissions of other ecosystems are 404 for them.
"""

from collections import Counter

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from assessments import comparison, queries, registry, services
from assessments import permissions as answer_permissions
from assessments.figures import figures_of
from assessments.models import Round, Status
from assessments.officer_forms import DialogueNoteForm, ReturnForm, ReviewNotesForm, RoundForm
from ekosystem import landing, onetime, permissions, resume

NOT_SUBMITTED = gettext_lazy(
    "Det går bara när svaren är inskickade. Någon kan ha hunnit före: se händelserna nedan."
)


def get_submission_to_follow(user, pk, *, for_review=False):
    """404 for a submission the user may not see; 403 unless they follow rounds (or review)."""
    submission = permissions.get_submission_for_user(user, pk)
    permissions.require(permissions.can_follow_rounds(user))
    if for_review:
        permissions.require(permissions.can_review_submissions(user))
    return submission


def status_counts(statuses) -> list[dict]:
    counts = Counter(statuses)
    return [
        {"status": value, "label": label, "count": counts.get(value, 0)}
        for value, label in Status.choices
    ]


@login_required
def round_list(request):
    permissions.require(permissions.can_follow_rounds(request.user))
    per_status = {
        f"n_{value}": Count("submissions", filter=Q(submissions__status=value))
        for value in Status.values
    }
    rounds = Round.objects.annotate(n_total=Count("submissions"), **per_status)
    rows = [
        {
            "round": round_,
            "total": round_.n_total,
            "counts": [
                {"status": value, "label": label, "count": getattr(round_, f"n_{value}")}
                for value, label in Status.choices
            ],
        }
        for round_ in rounds
    ]
    return render(
        request,
        "assessments/officer/round_list.html",
        {
            "rows": rows,
            "statuses": Status.labels,
            "can_open": permissions.can_review_submissions(request.user),
        },
    )


@resume.login_required_keeping_post
@require_http_methods(["GET", "POST"])
@onetime.create_once
def round_create(request):
    permissions.require(permissions.can_review_submissions(request.user))
    today = timezone.localdate()
    form = RoundForm(
        resume.form_data(request),
        ecosystems=permissions.visible_ecosystems(request.user),
        initial={"year": today.year, "name": _("Självskattning %(year)s") % {"year": today.year}},
    )
    if request.method == "POST" and form.is_valid():
        round_ = services.open_round(**form.cleaned_data, user=request.user)
        messages.success(
            request,
            _("Omgången är öppnad. Ekosystemledarna kan nu fylla i sina självskattningar."),
        )
        return redirect(round_)
    return render(request, "assessments/officer/round_form.html", {"form": form})


@login_required
def round_detail(request, pk):
    """Who has submitted: one row per ecosystem, one column per questionnaire."""
    permissions.require(permissions.can_follow_rounds(request.user))
    round_ = get_object_or_404(Round.objects.select_related("opened_by"), pk=pk)
    questionnaires = list(round_.questionnaires.order_by("code", "version"))
    submissions = list(
        permissions.visible_submissions(request.user)
        .filter(round=round_)
        .select_related("ecosystem", "questionnaire")
    )
    by_cell = {(s.ecosystem_id, s.questionnaire_id): s for s in submissions}
    ecosystems = {s.ecosystem_id: s.ecosystem for s in submissions}
    for ecosystem in round_.ecosystems.all():
        ecosystems.setdefault(ecosystem.pk, ecosystem)
    rows = [
        {
            "ecosystem": ecosystem,
            "cells": [by_cell.get((ecosystem.pk, q.pk)) for q in questionnaires],
        }
        for ecosystem in sorted(ecosystems.values(), key=lambda e: e.name.casefold())
    ]
    return render(
        request,
        "assessments/officer/round_detail.html",
        {
            "round": round_,
            "questionnaires": questionnaires,
            "rows": rows,
            "counts": status_counts(s.status for s in submissions),
            "total": len(submissions),
            "past_deadline": timezone.localdate() > round_.deadline,
            "round_links": landing.round_links(request.user, round_),
        },
    )


def _officer_page(request, submission, *, notes_form=None, dialogue_form=None, return_form=None):
    can_review = permissions.can_review_submissions(request.user)
    if not answer_permissions.can_read_answers(request.user, submission):
        # Not handed in yet: the answers are the ecosystem's; only the progress is shown.
        return render(
            request,
            "assessments/officer/submission_progress.html",
            {
                "submission": submission,
                "progress": queries.progress(submission),
                "events": list(submission.events.select_related("actor")),
            },
        )
    previous = comparison.previous_submission(submission)
    rows = comparison.compare(
        submission,
        previous,
        registry_values=registry.registry_answers(submission.ecosystem, timezone.localdate()),
    )
    figures = figures_of(comparison.values_of(rows))
    previous_figures = figures_of(comparison.values_of(rows, previous=True)) if previous else None
    context = {
        "submission": submission,
        "previous": previous,
        "sections": comparison.by_section(rows),
        "changed_count": sum(row.changed for row in rows),
        "registry_differences": sum(row.registry_differs for row in rows),
        "figures": figures,
        "previous_figures": previous_figures,
        "figure_columns": [f for f in (figures, previous_figures) if f is not None],
        "attachments": [
            (row.question, attachment)
            for row in rows
            if row.answer
            for attachment in row.answer.attachments.all()
        ],
        "events": list(submission.events.select_related("actor")),
        "dialogue_notes": list(submission.dialogue_notes.select_related("recorded_by")),
        "can_review": can_review,
        "can_decide": can_review and submission.status == Status.SUBMITTED,
    }
    if can_review:
        context["notes_form"] = notes_form or ReviewNotesForm(
            initial={"strengths": submission.strengths, "weaknesses": submission.weaknesses}
        )
        context["dialogue_form"] = dialogue_form or DialogueNoteForm(
            initial={"held_on": timezone.localdate()}
        )
        context["return_form"] = return_form or ReturnForm()
    return render(request, "assessments/officer/submission.html", context)


def _back_to(submission, anchor=""):
    return redirect(f"{reverse('submission_officer', args=[submission.pk])}{anchor}")


@login_required
def submission_officer(request, pk):
    """A submission section by section beside last round's answers, with the officer's tools."""
    submission = get_submission_to_follow(request.user, pk)
    return _officer_page(request, submission)


@resume.login_required_keeping_post
@require_http_methods(["GET", "POST"])
def submission_notes(request, pk):
    """Save the SWOT notes. A GET shows the page (with what a timed-out POST had sent)."""
    submission = get_submission_to_follow(request.user, pk, for_review=True)
    data = resume.form_data(request)
    if data is None:
        return _back_to(submission, "#swot")
    form = ReviewNotesForm(data)
    if request.method == "POST" and form.is_valid():
        services.save_review_notes(submission=submission, **form.cleaned_data)
        messages.success(request, _("Styrkor och svagheter är sparade."))
        return _back_to(submission, "#swot")
    return _officer_page(request, submission, notes_form=form)


@resume.login_required_keeping_post
@require_http_methods(["GET", "POST"])
@onetime.create_once
def submission_dialogue(request, pk):
    submission = get_submission_to_follow(request.user, pk, for_review=True)
    data = resume.form_data(request)
    if data is None:
        return _back_to(submission, "#dialogue")
    form = DialogueNoteForm(data)
    if request.method == "POST" and form.is_valid():
        services.add_dialogue_note(submission=submission, user=request.user, **form.cleaned_data)
        messages.success(request, _("Uppföljningsdialogen är registrerad."))
        return _back_to(submission, "#dialogue")
    return _officer_page(request, submission, dialogue_form=form)


@resume.login_required_keeping_post
@require_http_methods(["GET", "POST"])
def submission_return(request, pk):
    """Reopen submitted answers for the leader, with a comment on what to complete."""
    submission = get_submission_to_follow(request.user, pk, for_review=True)
    data = resume.form_data(request)
    if data is None:
        return _back_to(submission, "#decision")
    if submission.status != Status.SUBMITTED:
        messages.error(request, str(NOT_SUBMITTED))
        return _back_to(submission)
    form = ReturnForm(data)
    if request.method == "POST" and form.is_valid():
        try:
            services.return_for_completion(
                submission=submission, comment=form.cleaned_data["comment"], user=request.user
            )
        except services.WrongStatus:
            messages.error(request, str(NOT_SUBMITTED))
        else:
            messages.success(
                request,
                _("Svaren är återsända till %(ecosystem)s för komplettering.")
                % {"ecosystem": submission.ecosystem.name},
            )
        return _back_to(submission)
    return _officer_page(request, submission, return_form=form)


@require_POST
@login_required
def submission_reviewed(request, pk):
    submission = get_submission_to_follow(request.user, pk, for_review=True)
    try:
        services.mark_reviewed(submission=submission, user=request.user)
    except services.WrongStatus:
        messages.error(request, str(NOT_SUBMITTED))
    else:
        messages.success(request, _("Inlämningen är markerad som granskad."))
    return _back_to(submission)


@login_required
def submission_history(request, pk):
    """Who changed which answer when, from what to what."""
    submission = get_submission_to_follow(request.user, pk)
    permissions.require(answer_permissions.can_read_answers(request.user, submission))
    return render(
        request,
        "assessments/officer/history.html",
        {"submission": submission, "changes": comparison.changes(submission)},
    )
