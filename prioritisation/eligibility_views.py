"""The financing ladder page of one ecosystem: the rungs, each condition with its reason, what
it lacks for the next rung; officers record the reasons for operating finance here."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ekosystem import landing, permissions, resume
from ekosystem.models import Ecosystem
from prioritisation.eligibility import QUALITY_MIN_RATING, ladder
from prioritisation.eligibility_forms import OperatingFinanceReasonsForm
from prioritisation.eligibility_queries import facts_for
from prioritisation.eligibility_services import ReasonsConflict, record_operating_finance_reasons
from prioritisation.models import OperatingFinanceReasons


def can_record_reasons(user) -> bool:
    """Officers record the reasons; leaders and board members read the explanation."""
    return user.is_officer


@resume.login_required_keeping_post
@require_http_methods(["GET", "POST"])
def ecosystem_ladder(request, pk):
    ecosystem = permissions.get_ecosystem_for_user(request.user, pk)
    can_record = can_record_reasons(request.user)
    form = None
    status = 200
    if can_record or request.method == "POST":
        permissions.require(can_record)
        record = OperatingFinanceReasons.objects.filter(
            ecosystem=ecosystem
        ).first() or OperatingFinanceReasons(ecosystem=ecosystem)
        form = OperatingFinanceReasonsForm(resume.form_data(request), instance=record)
        if request.method == "POST":
            if form.is_valid():
                try:
                    record_operating_finance_reasons(form=form, user=request.user)
                except ReasonsConflict as conflict:
                    form.add_error(None, str(conflict))
                else:
                    messages.success(request, _("Skälen för verksamhetsfinansiering är sparade."))
                    return redirect("ecosystem_ladder", pk=ecosystem.pk)
            status = 400
    facts = facts_for(Ecosystem.objects.filter(pk=ecosystem.pk), timezone.localdate())[ecosystem.pk]
    return render(
        request,
        "prioritisation/ladder.html",
        {
            "ecosystem": ecosystem,
            "ladder": ladder(facts),
            "form": form,
            "quality_min_rating": QUALITY_MIN_RATING,
        },
        status=status,
    )


def ladder_links(user, ecosystem) -> list[landing.Link]:
    """The ecosystem page links to the ladder for everyone who may read that page."""
    return [
        landing.Link(reverse("ecosystem_ladder", args=[ecosystem.pk]), _("Finansieringstrappan"))
    ]
