"""Scoring through the services, as officers do on the pages."""

from prioritisation import services
from prioritisation.models import ScoreSheet


def scored(template):
    return [p for p in template.perspectives.order_by("order") if not p.is_computed]


def score(round_, ecosystem, officer, values, *, submit=False, comment="", version=None):
    """`values`: one per scored perspective, in order; None = not assessed."""
    template = round_.scoring_template
    answers = {p.pk: (v, v is None, comment) for p, v in zip(scored(template), values, strict=True)}
    if version is None:
        sheet = ScoreSheet.objects.filter(
            round=round_, ecosystem=ecosystem, officer=officer
        ).first()
        version = sheet.version if sheet else 0
    return services.save_sheet(
        round_=round_,
        ecosystem=ecosystem,
        officer=officer,
        version=version,
        answers=answers,
        submit=submit,
    )
