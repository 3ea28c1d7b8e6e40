"""Every write of scoring: the template, an officer's score sheet, agreed scores and overrides.

Each save checks the version the form was opened at; a save from an older version raises
`Stale` with the stored object, so the page can show the newer value and keep what was typed.
"""

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from prioritisation.framework import Kind, default_perspectives
from prioritisation.models import (
    AgreedScore,
    ComputedOverride,
    Perspective,
    ScaleStep,
    Score,
    ScoreSheet,
    ScoringTemplate,
)
from prioritisation.permissions import can_record_agreed

FROZEN = _(
    "Mallen är låst: poängsättningen har börjat, så vikter och stegens namn ligger fast för "
    "alla som poängsätter i omgången."
)
SUBMITTED = _("Dina poäng är redan inlämnade och kan inte ändras.")
NOT_ALLOWED = _("Lämna in dina egna poäng först; sedan kan du föra in den överenskomna poängen.")


class Stale(Exception):
    """Someone saved after the form was opened. `current` is the stored object."""

    def __init__(self, current):
        super().__init__("stale")
        self.current = current


class Refused(Exception):
    """A write the rules do not allow now; the message says why."""


@transaction.atomic
def create_template(*, round_) -> ScoringTemplate:
    """The round's template with the six default perspectives (no-op if it exists)."""
    template, created = ScoringTemplate.objects.get_or_create(round=round_)
    if not created:
        return template
    # Stored in Swedish, as the strategy words them, whatever language the officer reads in.
    with translation.override("sv"):
        defaults = [(d, str(d.name), str(d.help_text), d.steps) for d in default_perspectives()]
    for order, (default, name, help_text, steps) in enumerate(defaults, start=1):
        perspective = Perspective.objects.create(
            template=template,
            key=default.key,
            name=name,
            help_text=help_text,
            weight=default.weight,
            order=order,
            kind=default.kind,
        )
        ScaleStep.objects.bulk_create(
            ScaleStep(perspective=perspective, value=value, label=label) for value, label in steps
        )
    return template


@transaction.atomic
def update_template(*, template, version, weights, labels) -> ScoringTemplate:
    """Change weights ({perspective pk: Decimal}) and step labels ({step pk: text})."""
    locked = ScoringTemplate.objects.select_for_update().get(pk=template.pk)
    if locked.is_frozen:
        raise Refused(FROZEN)
    if locked.version != version:
        raise Stale(locked)
    for perspective in locked.perspectives.all():
        if perspective.pk in weights and weights[perspective.pk] != perspective.weight:
            perspective.weight = weights[perspective.pk]
            perspective.save(update_fields=["weight"])
    for step in ScaleStep.objects.filter(perspective__template=locked):
        if step.pk in labels and labels[step.pk] != step.label:
            step.label = labels[step.pk]
            step.save(update_fields=["label"])
    locked.version += 1
    locked.save(update_fields=["version"])
    return locked


@transaction.atomic
def save_sheet(*, round_, ecosystem, officer, version, answers, submit=False) -> ScoreSheet:
    """Store the officer's scores ({perspective pk: (value or None, not_assessed, comment)});
    `submit` hands them in. The first score saved in a round freezes its template.

    Side effects: the template's `frozen_at` is set on the first save of the round.
    """
    sheet, _created = ScoreSheet.objects.select_for_update().get_or_create(
        round=round_, ecosystem=ecosystem, officer=officer
    )
    if sheet.is_submitted:
        raise Refused(SUBMITTED)
    if sheet.version != version:
        raise Stale(sheet)
    template = ScoringTemplate.objects.select_for_update().get(round=round_)
    if not template.is_frozen:
        template.frozen_at = timezone.now()
        template.save(update_fields=["frozen_at"])
    scored = set(template.perspectives.filter(kind=Kind.SCORED).values_list("pk", flat=True))
    for perspective_pk, (value, not_assessed, comment) in answers.items():
        if perspective_pk not in scored:
            continue
        Score.objects.update_or_create(
            sheet=sheet,
            perspective_id=perspective_pk,
            defaults={
                "value": None if not_assessed else value,
                "not_assessed": not_assessed,
                "comment": comment,
            },
        )
    sheet.version += 1
    if submit:
        sheet.submitted_at = timezone.now()
    sheet.save()
    return sheet


@transaction.atomic
def record_agreed_score(
    *, round_, ecosystem, perspective, user, own_sheet, value, not_assessed, reason, version
) -> AgreedScore:
    """Record (or change) the agreed score of a scored perspective, with who and why."""
    if not can_record_agreed(user, own_sheet):
        raise Refused(NOT_ALLOWED)
    agreed = (
        AgreedScore.objects.select_for_update()
        .filter(round=round_, ecosystem=ecosystem, perspective=perspective)
        .first()
    )
    if (agreed.version if agreed else 0) != version:
        raise Stale(agreed)
    agreed = agreed or AgreedScore(round=round_, ecosystem=ecosystem, perspective=perspective)
    agreed.value = None if not_assessed else value
    agreed.not_assessed = not_assessed
    agreed.reason = reason
    agreed.decided_by = user
    agreed.decided_at = timezone.now()
    agreed.version += 1
    agreed.save()
    return agreed


@transaction.atomic
def override_computed(
    *, round_, ecosystem, perspective, user, value, reason, version
) -> ComputedOverride:
    """Put an officer's value in place of a computed one; the reason is required (the form
    refuses an empty one) and every earlier value stays in the history."""
    if not perspective.is_computed:
        raise Refused(_("Bara beräknade perspektiv kan ändras så här."))
    override = (
        ComputedOverride.objects.select_for_update()
        .filter(round=round_, ecosystem=ecosystem, perspective=perspective)
        .first()
    )
    if (override.version if override else 0) != version:
        raise Stale(override)
    override = override or ComputedOverride(
        round=round_, ecosystem=ecosystem, perspective=perspective
    )
    override.value = value
    override.reason = reason
    override.by = user
    override.at = timezone.now()
    override.version += 1
    override.save()
    return override
