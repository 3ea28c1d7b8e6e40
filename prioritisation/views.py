"""Scoring pages: the round overview, the round's template, and one ecosystem's scoring.

Access is decided in prioritisation/permissions.py, reads in queries.py, writes in services.py.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from ekosystem import permissions as base_permissions
from prioritisation import permissions, queries, services
from prioritisation.forms import (
    AgreedScoreForm,
    OverrideForm,
    SheetForm,
    TemplateForm,
    parse_choice,
)
from prioritisation.scoring import DISAGREEMENT_SPREAD, FORMULA
from prioritisation.specialisation import rule_table

STALE_SHEET = gettext_lazy(
    "Dina poäng sparades i ett annat fönster medan du skrev. Det du skrev finns kvar nedan och "
    "de sparade värdena står vid varje perspektiv: spara igen för att behålla ditt."
)
STALE_OTHER = gettext_lazy(
    "Någon annan sparade ett nytt värde medan du skrev. Det du skrev finns kvar och det nya "
    "värdet står ovanför: spara igen för att ersätta det."
)


def _template(user, round_):
    """The round's template; a round from before scoring existed gets one when an officer
    opens it (others see nothing until then)."""
    template = queries.template_of(round_)
    if template is None:
        if not permissions.can_score(user):
            raise Http404
        services.create_template(round_=round_)
        template = queries.template_of(round_)
    return template


@login_required
def overview(request, round_pk):
    round_ = permissions.get_round_for_scoring(request.user, round_pk)
    template = _template(request.user, round_)
    return render(
        request,
        "prioritisation/overview.html",
        {
            "round": round_,
            "template": template,
            "rows": queries.overview(request.user, round_, template),
            "can_score": permissions.can_score(request.user),
            "formula": FORMULA,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def template_page(request, round_pk):
    round_ = permissions.get_round_for_scoring(request.user, round_pk)
    template = _template(request.user, round_)
    editable = permissions.can_score(request.user) and not template.is_frozen
    form = TemplateForm(template=template)
    status = 200
    if request.method == "POST":
        base_permissions.require(permissions.can_score(request.user))
        form = TemplateForm(request.POST, template=template)
        if template.is_frozen:
            messages.error(request, services.FROZEN)
            status = 409
        elif form.is_valid():
            try:
                services.update_template(
                    template=template,
                    version=form.cleaned_data["version"],
                    weights=form.weights(),
                    labels=form.labels(),
                )
            except services.Refused as refused:
                messages.error(request, str(refused))
                status = 409
            except services.Stale:
                messages.error(request, STALE_OTHER)
                data = request.POST.copy()
                template = queries.template_of(round_)
                data["version"] = template.version
                form = TemplateForm(data, template=template)
                form.is_valid()
                status = 409
            else:
                messages.success(request, _("Mallen är sparad."))
                return redirect("scoring_template", round_pk=round_.pk)
        else:
            status = 400
    return render(
        request,
        "prioritisation/template.html",
        {
            "round": round_,
            "template": template,
            "form": form,
            "editable": editable,
            "formula": FORMULA,
        },
        status=status,
    )


def _sheet_page(request, round_, ecosystem, template, *, status=200, bound=None):
    """Render the scoring page; `bound` replaces one of its forms with the posted one."""
    view = queries.sheet_view(request.user, round_, ecosystem, template)
    bound = bound or {}
    sheet_form = None
    if view.can_score and not (view.own_sheet and view.own_sheet.is_submitted):
        sheet_form = bound.get("sheet") or SheetForm(
            perspectives=view.scored,
            scores=view.own_scores,
            version=view.own_sheet.version if view.own_sheet else 0,
        )
    rows = []
    for p in view.perspectives:
        row = {"perspective": p, "computed": view.computed.get(p.pk)}
        if p.is_computed:
            if view.can_score:
                row["override_form"] = bound.get(("override", p.pk)) or OverrideForm(
                    perspective=p, override=row["computed"].override
                )
        else:
            row["agreed"] = view.agreed.get(p.pk)
            row["own"] = view.own_scores.get(p.pk)
            row["others"] = [column.scores.get(p.pk) for column in view.others]
            row["stats"] = view.stats.get(p.pk)
            if view.can_agree:
                row["agreed_form"] = bound.get(("agreed", p.pk)) or AgreedScoreForm(
                    perspective=p, agreed=row["agreed"]
                )
        rows.append(row)
    return render(
        request,
        "prioritisation/sheet.html",
        {
            "round": round_,
            "ecosystem": ecosystem,
            "view": view,
            "rows": rows,
            "scored_rows": [r for r in rows if not r["perspective"].is_computed],
            "computed_rows": [r for r in rows if r["perspective"].is_computed],
            "sheet_form": sheet_form,
            "formula": FORMULA,
            "disagreement_spread": DISAGREEMENT_SPREAD,
            "rank_rule": rule_table(),
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def sheet_page(request, round_pk, ecosystem_pk):
    round_, ecosystem = permissions.get_scoring_subject(request.user, round_pk, ecosystem_pk)
    template = _template(request.user, round_)
    if request.method == "GET":
        return _sheet_page(request, round_, ecosystem, template)
    base_permissions.require(permissions.can_score(request.user))
    view = queries.sheet_view(request.user, round_, ecosystem, template)
    form = SheetForm(request.POST, perspectives=view.scored)
    if not form.is_valid():
        return _sheet_page(request, round_, ecosystem, template, status=400, bound={"sheet": form})
    try:
        services.save_sheet(
            round_=round_,
            ecosystem=ecosystem,
            officer=request.user,
            version=form.cleaned_data["version"],
            answers=form.answers(),
            submit=form.submitting,
        )
    except services.Refused as refused:
        messages.error(request, str(refused))
        return _sheet_page(request, round_, ecosystem, template, status=409)
    except services.Stale as stale:
        messages.error(request, STALE_SHEET)
        data = request.POST.copy()
        data["version"] = stale.current.version
        data["action"] = "draft"
        form = SheetForm(data, perspectives=view.scored)
        form.is_valid()
        form.stale = {s.perspective_id: s for s in stale.current.scores.all()}
        return _sheet_page(request, round_, ecosystem, template, status=409, bound={"sheet": form})
    if form.submitting:
        messages.success(request, _("Dina poäng är inlämnade. Nu ser du de andras poäng."))
    else:
        messages.success(request, _("Dina poäng är sparade som utkast."))
    return redirect("scoring_sheet", round_pk=round_.pk, ecosystem_pk=ecosystem.pk)


def _posted_perspective(request, template, *, computed):
    try:
        pk = int(request.POST.get("perspective", ""))
    except ValueError:
        raise Http404 from None
    for p in template.perspectives.all():
        if p.pk == pk and p.is_computed == computed:
            return p
    raise Http404


@require_POST
@login_required
def agree(request, round_pk, ecosystem_pk):
    round_, ecosystem = permissions.get_scoring_subject(
        request.user, round_pk, ecosystem_pk, for_edit=True
    )
    template = _template(request.user, round_)
    perspective = _posted_perspective(request, template, computed=False)
    form = AgreedScoreForm(request.POST, perspective=perspective)
    key = ("agreed", perspective.pk)
    if not form.is_valid():
        return _sheet_page(request, round_, ecosystem, template, status=400, bound={key: form})
    value, not_assessed = parse_choice(form.cleaned_data["value"])
    own = queries.sheet_view(request.user, round_, ecosystem, template).own_sheet
    try:
        services.record_agreed_score(
            round_=round_,
            ecosystem=ecosystem,
            perspective=perspective,
            user=request.user,
            own_sheet=own,
            value=value,
            not_assessed=not_assessed,
            reason=form.cleaned_data["reason"],
            version=form.cleaned_data["version"],
        )
    except services.Refused as refused:
        messages.error(request, str(refused))
        return _sheet_page(request, round_, ecosystem, template, status=403)
    except services.Stale as stale:
        form = _rebound_on_newer_version(request, form, stale, perspective)
        return _sheet_page(request, round_, ecosystem, template, status=409, bound={key: form})
    messages.success(
        request, _("Den överenskomna poängen för %(name)s är sparad.") % {"name": perspective.name}
    )
    return redirect(
        reverse("scoring_sheet", kwargs={"round_pk": round_.pk, "ecosystem_pk": ecosystem.pk})
        + "#agreed"
    )


@require_POST
@login_required
def override(request, round_pk, ecosystem_pk):
    round_, ecosystem = permissions.get_scoring_subject(
        request.user, round_pk, ecosystem_pk, for_edit=True
    )
    template = _template(request.user, round_)
    perspective = _posted_perspective(request, template, computed=True)
    form = OverrideForm(request.POST, perspective=perspective)
    key = ("override", perspective.pk)
    if not form.is_valid():
        return _sheet_page(request, round_, ecosystem, template, status=400, bound={key: form})
    try:
        services.override_computed(
            round_=round_,
            ecosystem=ecosystem,
            perspective=perspective,
            user=request.user,
            value=form.cleaned_data["value"],
            reason=form.cleaned_data["reason"],
            version=form.cleaned_data["version"],
        )
    except services.Stale as stale:
        form = _rebound_on_newer_version(request, form, stale, perspective)
        return _sheet_page(request, round_, ecosystem, template, status=409, bound={key: form})
    messages.success(
        request, _("Det nya värdet för %(name)s är sparat.") % {"name": perspective.name}
    )
    return redirect(
        reverse("scoring_sheet", kwargs={"round_pk": round_.pk, "ecosystem_pk": ecosystem.pk})
        + "#computed"
    )


def _rebound_on_newer_version(request, form, stale, perspective):
    """The form as typed, bound to the version someone else just saved: saving again goes through
    (and overwrites knowingly), nothing typed is lost."""
    messages.error(request, STALE_OTHER)
    data = request.POST.copy()
    data[f"{form.prefix}-version"] = stale.current.version if stale.current else 0
    form = type(form)(data, perspective=perspective)
    form.is_valid()
    return form
