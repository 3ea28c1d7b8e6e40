from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from agreements import services, terms
from agreements.examples import EXAMPLES
from agreements.filters import AgreementFilter
from agreements.financing import financing_plan
from agreements.forms import (
    AgreementForm,
    AmountForm,
    ContributionFormSet,
    EvaluationForm,
    IndicatorFormSet,
    NewAgreementForm,
    NoticeForm,
    OutcomeFormSet,
)
from agreements.overview import overview_of, overviews
from ekosystem import onetime, permissions, resume, uploads


@login_required
def agreement_list(request):
    permissions.require(permissions.can_browse_agreements(request.user))
    today = timezone.localdate()
    agreement_filter = AgreementFilter(
        request.GET,
        queryset=permissions.visible_agreements(request.user),
        request=request,
        today=today,
    )
    rows = agreement_filter.filter_overviews(overviews(agreement_filter.qs, today))
    return render(
        request,
        "agreements/list.html",
        {
            "filter": agreement_filter,
            "rows": rows,
            "can_manage": permissions.can_manage_agreements(request.user),
        },
    )


def _detail_context(request, agreement, today):
    overview = overview_of(agreement, today)
    plan = financing_plan(
        _("Region Norrbotten"),
        [(change.effective_from, change.annual_amount_tkr) for change in agreement.amounts.all()],
        [(c.financier, c.year, c.amount_tkr) for c in agreement.contributions.all()],
        agreement.start_date,
        overview.last_day,
    )
    return {
        "agreement": agreement,
        "overview": overview,
        "plan": plan,
        "indicators": agreement.indicators.prefetch_related("outcomes"),
        "events": agreement.events.select_related("actor")[:50],
        "can_manage": permissions.can_manage_agreements(request.user),
    }


@login_required
def agreement_detail(request, pk):
    agreement = permissions.get_agreement_for_user(request.user, pk)
    return render(
        request, "agreements/detail.html", _detail_context(request, agreement, timezone.localdate())
    )


@resume.login_required_keeping_post
@require_http_methods(["GET", "POST"])
@onetime.create_once
def agreement_create(request):
    permissions.require(permissions.can_manage_agreements(request.user))
    data = resume.form_data(request)
    initial = {"ecosystem": request.GET.get("ecosystem")}
    form = NewAgreementForm(data, initial=initial)
    form.fields["ecosystem"].queryset = permissions.visible_ecosystems(request.user)
    if request.method == "POST" and form.is_valid():
        agreement = services.create_agreement(
            form=form,
            annual_amount_tkr=form.cleaned_data["annual_amount_tkr"],
            amount_from=form.cleaned_data["amount_from"],
            actor=request.user,
        )
        messages.success(request, _("Avtalet är registrerat. Kontrollera de beräknade datumen."))
        return redirect(agreement)
    return render(request, "agreements/form.html", {"form": form, "is_new": True})


@resume.login_required_keeping_post
@require_http_methods(["GET", "POST"])
def agreement_update(request, pk):
    agreement = permissions.get_agreement_for_user(request.user, pk, for_edit=True)
    form = AgreementForm(resume.form_data(request), instance=agreement)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_agreement(form=form, actor=request.user)
        except services.EditConflict as conflict:
            form.add_error(None, str(conflict))
        else:
            messages.success(request, _("Avtalet är sparat och alla datum är omräknade."))
            return redirect(agreement)
    return render(
        request, "agreements/form.html", {"form": form, "agreement": agreement, "is_new": False}
    )


@resume.login_required_keeping_post
@require_http_methods(["GET", "POST"])
@onetime.create_once
def notice_register(request, pk):
    """Register a notice in two steps: the officer sees its effect before confirming it."""
    agreement = permissions.get_agreement_for_user(request.user, pk, for_edit=True)
    form = NoticeForm(resume.form_data(request), agreement=agreement)
    effect = None
    if request.method == "POST" and form.is_valid():
        if not agreement.is_signed:
            form.add_error(
                None,
                _("Ett utkast kan inte sägas upp. Registrera först att avtalet är undertecknat."),
            )
        elif "confirm" in request.POST:
            services.register_notice(agreement=agreement, actor=request.user, **form.cleaned_data)
            messages.success(request, _("Uppsägningen är registrerad."))
            return redirect(agreement)
        else:
            effect = terms.notice_effect(
                agreement.terms,
                form.cleaned_data["received_on"],
                terms.NoticeKind(form.cleaned_data["kind"]),
            )
    return render(
        request,
        "agreements/notice_form.html",
        {
            "agreement": agreement,
            "form": form,
            "effect": effect,
            "overview": overview_of(agreement, timezone.localdate()),
        },
    )


@resume.login_required_keeping_post
@require_http_methods(["GET", "POST"])
def amount_change(request, pk):
    agreement = permissions.get_agreement_for_user(request.user, pk, for_edit=True)
    form = AmountForm(resume.form_data(request), agreement=agreement)
    if request.method == "POST" and form.is_valid():
        services.change_amount(agreement=agreement, actor=request.user, **form.cleaned_data)
        messages.success(request, _("Det nya beloppet är registrerat."))
        return redirect(agreement)
    return render(
        request,
        "agreements/amount_form.html",
        {"agreement": agreement, "form": form, "amounts": agreement.amounts.all()},
    )


@resume.login_required_keeping_post
@require_http_methods(["GET", "POST"])
def evaluation_record(request, pk):
    agreement = permissions.get_agreement_for_user(request.user, pk, for_edit=True)
    overview = overview_of(agreement, timezone.localdate())
    data = resume.form_data(request)
    form = EvaluationForm(
        data,
        request.FILES if request.method == "POST" else None,
        due_dates=overview.evaluations_due,
        initial={"due_on": overview.next_evaluation},
    )
    if request.method == "POST" and form.is_valid():
        services.record_evaluation(
            agreement=agreement,
            due_on=date.fromisoformat(form.cleaned_data["due_on"]),
            done_on=form.cleaned_data["done_on"],
            summary=form.cleaned_data["summary"],
            report=form.cleaned_data["report"],
            actor=request.user,
        )
        messages.success(request, _("Utvärderingen är registrerad."))
        return redirect(agreement)
    return render(
        request,
        "agreements/evaluation_form.html",
        {"agreement": agreement, "form": form, "overview": overview},
    )


@login_required
def evaluation_report(request, pk, evaluation_pk):
    agreement = permissions.get_agreement_for_user(request.user, pk)
    evaluation = get_object_or_404(agreement.evaluations, pk=evaluation_pk)
    if not evaluation.report:
        raise Http404
    name = f"utvardering-{slugify(agreement.ecosystem.name)}-{evaluation.done_on.isoformat()}"
    try:
        return uploads.download_response(evaluation.report, name=name)
    except FileNotFoundError:
        raise Http404 from None


@login_required
def rules_help(request):
    return render(request, "agreements/rules.html", {"examples": EXAMPLES})


@resume.login_required_keeping_post
@require_http_methods(["GET", "POST"])
def financing_edit(request, pk):
    """The financing plan from other financiers, result indicators and their yearly outcomes."""
    agreement = permissions.get_agreement_for_user(request.user, pk, for_edit=True)
    data = resume.form_data(request)
    contributions = ContributionFormSet(data, instance=agreement, prefix="contributions")
    indicators = IndicatorFormSet(data, instance=agreement, prefix="indicators")
    outcomes = OutcomeFormSet(data, agreement=agreement, prefix="outcomes")
    formsets = (contributions, indicators, outcomes)
    if request.method == "POST" and all(formset.is_valid() for formset in formsets):
        services.save_financing(
            contributions=contributions, indicators=indicators, outcomes=outcomes
        )
        messages.success(request, _("Finansieringsplanen och resultatindikatorerna är sparade."))
        return redirect(agreement)
    return render(
        request,
        "agreements/financing_form.html",
        {
            "agreement": agreement,
            "contributions": contributions,
            "indicators": indicators,
            "outcomes": outcomes,
        },
    )
