"""Forms of scoring. They validate and present; prioritisation/services.py writes."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from ekosystem.formfields import GroupedDecimalField
from ekosystem.templatetags.ekosystem_format import grouped_max
from prioritisation.framework import SCALE_MAX, SCALE_MIN

NOT_ASSESSED = "na"
NOT_ASSESSED_LABEL = _("Inte bedömd")
MAX_WEIGHT = Decimal(100)
REASON_REQUIRED = _("Skriv en motivering: den sparas i historiken.")
ANSWER_REQUIRED = _("Välj ett steg eller ”Inte bedömd” innan du lämnar in.")


def step_choices(perspective):
    return [
        *((str(s.value), f"{s.value} – {s.label}") for s in perspective.steps.all()),
        (NOT_ASSESSED, NOT_ASSESSED_LABEL),
    ]


def parse_choice(raw) -> tuple[int | None, bool]:
    """(value, not_assessed) of a radio answer; ('', False) is unanswered."""
    if raw == NOT_ASSESSED:
        return None, True
    if raw in (None, ""):
        return None, False
    return int(raw), False


class TemplateForm(forms.Form):
    """Weights (as Swedes write numbers: 1,5) and step labels of a round's perspectives."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, template, **kwargs):
        super().__init__(*args, **kwargs)
        self.perspectives = list(template.perspectives.all())
        for p in self.perspectives:
            self.fields[f"w-{p.pk}"] = GroupedDecimalField(
                label=_("Vikt för %(name)s") % {"name": p.name},
                min_value=Decimal(0),
                max_value=MAX_WEIGHT,
                max_digits=5,
                decimal_places=2,
                initial=grouped_max(p.weight, 2),
                error_messages={"max_decimal_places": _("Skriv vikten med högst två decimaler.")},
            )
            for step in p.steps.all():
                self.fields[f"l-{step.pk}"] = forms.CharField(
                    label=_("Steg %(value)s för %(name)s") % {"value": step.value, "name": p.name},
                    max_length=100,
                    initial=step.label,
                    error_messages={"required": _("Ge steget ett namn.")},
                )
                self.fields[f"l-{step.pk}"].short_label = _("Steg %(value)s") % {
                    "value": step.value
                }
        self.fields["version"].initial = template.version

    def groups(self):
        """(perspective, weight field, [label fields]) for the template."""
        return [
            (p, self[f"w-{p.pk}"], [self[f"l-{s.pk}"] for s in p.steps.all()])
            for p in self.perspectives
        ]

    def weights(self) -> dict:
        return {p.pk: self.cleaned_data[f"w-{p.pk}"] for p in self.perspectives}

    def labels(self) -> dict:
        return {
            s.pk: self.cleaned_data[f"l-{s.pk}"].strip()
            for p in self.perspectives
            for s in p.steps.all()
        }


class SheetForm(forms.Form):
    """One officer's scores: per scored perspective a step or "Inte bedömd", and a comment."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, perspectives, scores=None, version=0, **kwargs):
        super().__init__(*args, **kwargs)
        self.perspectives = perspectives
        scores = scores or {}
        for p in perspectives:
            score = scores.get(p.pk)
            initial = ""
            if score is not None and score.not_assessed:
                initial = NOT_ASSESSED
            elif score is not None and score.value is not None:
                initial = str(score.value)
            self.fields[f"v-{p.pk}"] = forms.ChoiceField(
                label=p.name,
                choices=step_choices(p),
                widget=forms.RadioSelect,
                required=False,
                initial=initial,
                help_text=p.help_text,
            )
            self.fields[f"c-{p.pk}"] = forms.CharField(
                label=_("Kommentar till %(name)s") % {"name": p.name},
                widget=forms.Textarea(attrs={"rows": 2}),
                required=False,
                initial=score.comment if score else "",
            )
        self.fields["version"].initial = version

    @property
    def submitting(self) -> bool:
        return self.data.get("action") == "submit"

    def clean(self):
        cleaned = super().clean()
        if self.submitting:
            for p in self.perspectives:
                if not cleaned.get(f"v-{p.pk}"):
                    self.add_error(f"v-{p.pk}", ANSWER_REQUIRED)
        return cleaned

    stale = None  # {perspective pk: Score} saved meanwhile elsewhere, shown beside each row

    def rows(self):
        """(perspective, value field, comment field, whether saved meanwhile, the saved Score)."""
        stale = self.stale
        return [
            (
                p,
                self[f"v-{p.pk}"],
                self[f"c-{p.pk}"],
                stale is not None,
                (stale or {}).get(p.pk),
            )
            for p in self.perspectives
        ]

    def answers(self) -> dict:
        result = {}
        for p in self.perspectives:
            value, not_assessed = parse_choice(self.cleaned_data.get(f"v-{p.pk}"))
            result[p.pk] = (value, not_assessed, self.cleaned_data.get(f"c-{p.pk}", "").strip())
        return result


class AgreedScoreForm(forms.Form):
    """The agreed score of one perspective: a step or "Inte bedömd", and the reason."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    value = forms.ChoiceField(
        label=_("Överenskommen poäng"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Välj den överenskomna poängen eller ”Inte bedömd”.")},
    )
    reason = forms.CharField(
        label=_("Motivering"),
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": REASON_REQUIRED},
    )

    def __init__(self, *args, perspective, agreed=None, **kwargs):
        kwargs.setdefault("prefix", f"a{perspective.pk}")
        super().__init__(*args, **kwargs)
        self.perspective_obj = perspective
        self.fields["value"].choices = step_choices(perspective)
        self.fields["version"].initial = agreed.version if agreed else 0
        if agreed:
            self.fields["value"].initial = (
                NOT_ASSESSED if agreed.not_assessed else str(agreed.value)
            )
            self.fields["reason"].initial = agreed.reason

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError(REASON_REQUIRED)
        return reason


class OverrideForm(forms.Form):
    """An officer's value for a computed perspective, 0–4 with one decimal, and the reason."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    value = GroupedDecimalField(
        label=_("Nytt värde (0–4)"),
        min_value=Decimal(SCALE_MIN),
        max_value=Decimal(SCALE_MAX),
        max_digits=2,
        decimal_places=1,
        error_messages={"max_decimal_places": _("Skriv värdet med högst en decimal, t.ex. 2,5.")},
    )
    reason = forms.CharField(
        label=_("Motivering"),
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": REASON_REQUIRED},
    )

    def __init__(self, *args, perspective, override=None, **kwargs):
        kwargs.setdefault("prefix", f"o{perspective.pk}")
        super().__init__(*args, **kwargs)
        self.perspective_obj = perspective
        self.fields["version"].initial = override.version if override else 0
        if override:
            self.fields["value"].initial = override.value

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError(REASON_REQUIRED)
        return reason
