"""The scoring framework of a round (template, perspectives, scale steps) and the officers'
scores, agreed scores and overrides of computed values."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from assessments.models import Round
from ekosystem.models import Ecosystem
from prioritisation.framework import SCALE_MAX, SCALE_MIN, Kind

SCALE_RANGE = Q(value__isnull=True) | Q(value__gte=SCALE_MIN, value__lte=SCALE_MAX)


class ScoringTemplate(models.Model):
    """The framework a round is scored on. Frozen from the first saved score on, so every
    officer's scores and the totals rest on the same weights and labels."""

    round = models.OneToOneField(
        Round, on_delete=models.CASCADE, related_name="scoring_template", verbose_name=_("omgång")
    )
    frozen_at = models.DateTimeField(_("låst"), null=True, blank=True)
    version = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("poängmall")
        verbose_name_plural = _("poängmallar")

    def __str__(self):
        return str(self.round)

    @property
    def is_frozen(self) -> bool:
        return self.frozen_at is not None


class Perspective(models.Model):
    template = models.ForeignKey(
        ScoringTemplate, on_delete=models.CASCADE, related_name="perspectives"
    )
    key = models.SlugField(_("nyckel"), max_length=40)
    name = models.CharField(_("namn"), max_length=200)
    help_text = models.TextField(_("hjälptext"), blank=True)
    weight = models.DecimalField(_("vikt"), max_digits=5, decimal_places=2, default=1)
    order = models.PositiveSmallIntegerField(_("ordning"))
    kind = models.CharField(_("typ"), max_length=20, choices=Kind.CHOICES, default=Kind.SCORED)

    class Meta:
        verbose_name = _("perspektiv")
        verbose_name_plural = _("perspektiv")
        ordering = ["template", "order"]
        constraints = [
            models.UniqueConstraint(fields=["template", "key"], name="one_perspective_per_key"),
            models.CheckConstraint(condition=Q(weight__gte=0), name="weight_not_negative"),
        ]

    def __str__(self):
        return self.name

    @property
    def is_computed(self) -> bool:
        return self.kind in Kind.COMPUTED


class ScaleStep(models.Model):
    perspective = models.ForeignKey(Perspective, on_delete=models.CASCADE, related_name="steps")
    value = models.SmallIntegerField(_("värde"))
    label = models.CharField(_("beskrivning"), max_length=100)

    class Meta:
        verbose_name = _("skalsteg")
        verbose_name_plural = _("skalsteg")
        ordering = ["perspective", "value"]
        constraints = [
            models.UniqueConstraint(fields=["perspective", "value"], name="one_step_per_value")
        ]

    def __str__(self):
        return f"{self.value} {self.label}"


class ScoreSheet(models.Model):
    """One officer's scores of one ecosystem in a round: a draft until handed in, then read-only.
    `version` rises on each save; a save from an older version is refused (no silent overwrite)."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="score_sheets")
    ecosystem = models.ForeignKey(Ecosystem, on_delete=models.CASCADE, related_name="+")
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    submitted_at = models.DateTimeField(_("inlämnad"), null=True, blank=True)
    updated_at = models.DateTimeField(_("ändrad"), auto_now=True)
    version = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("poängsättning")
        verbose_name_plural = _("poängsättningar")
        constraints = [
            models.UniqueConstraint(
                fields=["round", "ecosystem", "officer"], name="one_sheet_per_officer"
            )
        ]

    def __str__(self):
        return f"{self.officer} – {self.ecosystem} ({self.round})"

    @property
    def is_submitted(self) -> bool:
        return self.submitted_at is not None


class Score(models.Model):
    """An officer's answer for one perspective: a step value, or explicitly not assessed."""

    sheet = models.ForeignKey(ScoreSheet, on_delete=models.CASCADE, related_name="scores")
    perspective = models.ForeignKey(Perspective, on_delete=models.CASCADE, related_name="+")
    value = models.SmallIntegerField(_("poäng"), null=True, blank=True)
    not_assessed = models.BooleanField(_("inte bedömd"), default=False)
    comment = models.TextField(_("kommentar"), blank=True)

    class Meta:
        verbose_name = _("poäng")
        verbose_name_plural = _("poäng")
        constraints = [
            models.UniqueConstraint(fields=["sheet", "perspective"], name="one_score_each"),
            models.CheckConstraint(
                condition=~Q(value__isnull=False, not_assessed=True), name="score_value_or_not"
            ),
            models.CheckConstraint(condition=SCALE_RANGE, name="score_on_scale"),
        ]

    def __str__(self):
        return f"{self.perspective_id}: {'–' if self.not_assessed else self.value}"

    @property
    def is_answered(self) -> bool:
        return self.not_assessed or self.value is not None


class AgreedScore(models.Model):
    """The score the officers agreed on for one perspective, recorded with a reason and who."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="+")
    ecosystem = models.ForeignKey(Ecosystem, on_delete=models.CASCADE, related_name="+")
    perspective = models.ForeignKey(Perspective, on_delete=models.CASCADE, related_name="+")
    value = models.SmallIntegerField(_("överenskommen poäng"), null=True, blank=True)
    not_assessed = models.BooleanField(_("inte bedömd"), default=False)
    reason = models.TextField(_("motivering"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("beslutad av"),
    )
    decided_at = models.DateTimeField(_("beslutad"))
    version = models.PositiveIntegerField(default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("överenskommen poäng")
        verbose_name_plural = _("överenskomna poäng")
        constraints = [
            models.UniqueConstraint(
                fields=["round", "ecosystem", "perspective"], name="one_agreed_score_each"
            ),
            models.CheckConstraint(
                condition=Q(value__isnull=False, not_assessed=False)
                | Q(value__isnull=True, not_assessed=True),
                name="agreed_value_or_not",
            ),
            models.CheckConstraint(condition=SCALE_RANGE, name="agreed_on_scale"),
        ]

    def __str__(self):
        return f"{self.ecosystem} {self.perspective}: {self.value}"


class ComputedOverride(models.Model):
    """An officer's value for a computed perspective in place of the computed one, with the
    written reason; the history keeps every earlier value."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="+")
    ecosystem = models.ForeignKey(Ecosystem, on_delete=models.CASCADE, related_name="+")
    perspective = models.ForeignKey(Perspective, on_delete=models.CASCADE, related_name="+")
    value = models.DecimalField(_("värde"), max_digits=3, decimal_places=1)
    reason = models.TextField(_("motivering"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("av")
    )
    at = models.DateTimeField(_("ändrad"))
    version = models.PositiveIntegerField(default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("ändrat beräknat värde")
        verbose_name_plural = _("ändrade beräknade värden")
        constraints = [
            models.UniqueConstraint(
                fields=["round", "ecosystem", "perspective"], name="one_override_each"
            ),
            models.CheckConstraint(
                condition=Q(value__gte=SCALE_MIN, value__lte=SCALE_MAX), name="override_on_scale"
            ),
        ]

    def __str__(self):
        return f"{self.ecosystem} {self.perspective}: {self.value}"
