"""The cooperation agreement (Bilaga 2) as a PDF, its blanks filled in from the agreement."""

from django.contrib.auth.decorators import login_required
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from ekosystem import permissions
from ekosystem.pdf import render_pdf


def _in_words(names: list[str]) -> str:
    """Names in running text: "A", "A och B", "A, B och C"."""
    if len(names) < 2:
        return "".join(names)
    return _("%(items)s och %(last)s") % {"items": ", ".join(names[:-1]), "last": names[-1]}


def _document_context(agreement, today):
    # The document states the terms as agreed, whatever notice has been given since.
    chain = agreement.terms.periods()
    first_period = chain[0]
    renewal = chain[1] if len(chain) > 1 else None
    initial_amount = agreement.amounts.first()
    amount = initial_amount.annual_amount_tkr if initial_amount else None
    ecosystem = agreement.ecosystem
    return {
        "agreement": agreement,
        "ecosystem": ecosystem,
        "first_period": first_period,
        "renewal": renewal,
        "initial_amount": initial_amount,
        # 1 500 tkr, but 1 500,5 tkr when the amount has tenths.
        "amount_decimals": 0 if amount is None or amount == amount.to_integral() else 1,
        "amount_from_whole_year": initial_amount is not None
        and (initial_amount.effective_from.month, initial_amount.effective_from.day) == (1, 1),
        "specialisations": _in_words([s.name for s in ecosystem.specialisations.all()]),
        "signatories": [agreement.region_signatory, agreement.actor_signatory],
        "is_draft": not agreement.is_signed,
        "printed_on": today,
    }


@login_required
def agreement_document(request, pk):
    agreement = permissions.get_agreement_for_user(request.user, pk)
    return render_pdf(
        request,
        "agreements/document.html",
        _document_context(agreement, timezone.localdate()),
        filename=f"samarbetsavtal-{slugify(agreement.ecosystem.name) or agreement.pk}.pdf",
    )
