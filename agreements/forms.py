from crispy_forms.helper import FormHelper
from crispy_forms.layout import Fieldset, Layout
from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from agreements.models import (
    Agreement,
    Contribution,
    IndicatorOutcome,
    Notice,
    ResultIndicator,
)
from agreements.terms import EARLIEST_DATE, LATEST_START, cap_end
from ekosystem.formfields import GroupedDecimalField
from ekosystem.layout import row_of
from ekosystem.models import User
from ekosystem.uploads import ACCEPT, validate_document

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def within_agreement(day, start, cap_months):
    """A date typed for an agreement must fall within the span the agreement can run."""
    first, last = start, cap_end(start, cap_months)
    if not first <= day <= last:
        raise forms.ValidationError(
            _("Ange ett datum inom avtalets längsta löptid, %(first)s–%(last)s.")
            % {"first": date_format(first, "j F Y"), "last": date_format(last, "j F Y")}
        )
    return day


class AgreementForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Agreement
        fields = [
            "ecosystem",
            "reference",
            "signed_on",
            "start_date",
            "initial_months",
            "renewal_months",
            "notice_months",
            "cap_months",
            "first_evaluation_on",
            "evaluation_interval_months",
            "board_seat_holder",
            "region_signatory",
            "actor_signatory",
            "expected_role",
            "expected_results",
            "expected_effects",
        ]
        widgets = {
            "signed_on": DATE,
            "start_date": DATE,
            "first_evaluation_on": DATE,
            "expected_role": forms.Textarea(attrs={"rows": 3}),
            "expected_results": forms.Textarea(attrs={"rows": 3}),
            "expected_effects": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].initial = self.instance.version
        self.fields["board_seat_holder"].queryset = User.objects.officers().filter(is_active=True)
        if self.instance.pk:
            self.fields["ecosystem"].disabled = True
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout(
            Fieldset(
                _("Parter"),
                row_of(
                    "ecosystem",
                    "reference",
                    "region_signatory",
                    "actor_signatory",
                    "signed_on",
                    "board_seat_holder",
                ),
            ),
            Fieldset(
                _("Avtalstid"),
                row_of(
                    "start_date",
                    "initial_months",
                    "renewal_months",
                    "notice_months",
                    "cap_months",
                    width=4,
                ),
            ),
            Fieldset(
                _("Utvärdering"),
                row_of("first_evaluation_on", "evaluation_interval_months"),
            ),
            *self._extra_fieldsets(),
            Fieldset(_("Uppdrag"), "expected_role", "expected_results", "expected_effects"),
            "version",
        )

    def _extra_fieldsets(self):
        return []


class NewAgreementForm(AgreementForm):
    annual_amount_tkr = GroupedDecimalField(
        label=_("Belopp per år (tkr)"),
        min_value=0,
        max_digits=10,
        decimal_places=1,
    )
    amount_from = forms.DateField(
        label=_("Beloppet gäller från"),
        widget=DATE,
        help_text=_("Vanligen den 1 januari det första avtalsåret."),
    )

    def clean(self):
        cleaned = super().clean()
        start, amount_from = cleaned.get("start_date"), cleaned.get("amount_from")
        cap_months = cleaned.get("cap_months")
        if start and amount_from and cap_months and EARLIEST_DATE <= start <= LATEST_START:
            try:
                within_agreement(amount_from, start, cap_months)
            except forms.ValidationError as error:
                self.add_error("amount_from", error)
        return cleaned

    def _extra_fieldsets(self):
        return [
            Fieldset(
                _("Belopp"),
                row_of("annual_amount_tkr", "amount_from"),
            )
        ]


class NoticeForm(forms.ModelForm):
    class Meta:
        model = Notice
        fields = ["party", "kind", "received_on", "note"]
        widgets = {"received_on": DATE, "note": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, agreement, **kwargs):
        super().__init__(*args, **kwargs)
        self.agreement = agreement

    def clean_received_on(self):
        received_on = self.cleaned_data["received_on"]
        if received_on < EARLIEST_DATE:
            raise forms.ValidationError(
                _("Ange ett datum från %(first)s.") % {"first": date_format(EARLIEST_DATE, "j F Y")}
            )
        if received_on > timezone.localdate():
            raise forms.ValidationError(
                _("Ange dagen uppsägningen kom in; den kan inte ligga i framtiden.")
            )
        last_end = self.agreement.last_day_in_force()
        if received_on > last_end:
            raise forms.ValidationError(
                _("Avtalet upphörde senast %(day)s; en uppsägning efter det har ingen verkan.")
                % {"day": date_format(last_end, "j F Y")}
            )
        return received_on


class AmountForm(forms.Form):
    effective_from = forms.DateField(label=_("Gäller från"), widget=DATE)
    annual_amount_tkr = GroupedDecimalField(
        label=_("Nytt belopp per år (tkr)"),
        min_value=0,
        max_digits=10,
        decimal_places=1,
    )
    reason = forms.CharField(
        label=_("Skäl"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )

    def __init__(self, *args, agreement, **kwargs):
        super().__init__(*args, **kwargs)
        self.agreement = agreement

    def clean_effective_from(self):
        day = self.cleaned_data["effective_from"]
        if day < self.agreement.start_date:
            raise forms.ValidationError(_("Beloppet kan inte gälla före avtalets start."))
        return within_agreement(day, self.agreement.start_date, self.agreement.cap_months)


class EvaluationForm(forms.Form):
    due_on = forms.TypedChoiceField(label=_("Utvärdering"), coerce=str)
    done_on = forms.DateField(label=_("Genomförd"), widget=DATE)
    summary = forms.CharField(
        label=_("Sammanfattning"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    report = forms.FileField(
        label=_("Rapport (PDF, Word eller Excel)"),
        required=False,
        validators=[validate_document],
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
    )

    def __init__(self, *args, due_dates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["due_on"].choices = [
            (d.isoformat(), date_format(d, "j F Y")) for d in due_dates
        ]

    def clean_done_on(self):
        day = self.cleaned_data["done_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("En utvärdering kan inte vara genomförd i framtiden."))
        if day < EARLIEST_DATE:
            raise forms.ValidationError(
                _("Ange ett datum från %(first)s.") % {"first": date_format(EARLIEST_DATE, "j F Y")}
            )
        return day


class ContributionForm(forms.ModelForm):
    amount_tkr = GroupedDecimalField(
        label=_("Belopp (tkr)"), min_value=0, max_digits=10, decimal_places=1
    )

    class Meta:
        model = Contribution
        fields = ["financier", "year", "amount_tkr"]


ContributionFormSet = forms.inlineformset_factory(
    Agreement, Contribution, form=ContributionForm, extra=3, can_delete=True
)


class IndicatorForm(forms.ModelForm):
    target = GroupedDecimalField(label=_("Mål"), max_digits=12, decimal_places=1)

    class Meta:
        model = ResultIndicator
        fields = ["name", "unit", "target"]


IndicatorFormSet = forms.inlineformset_factory(
    Agreement, ResultIndicator, form=IndicatorForm, extra=2, can_delete=True
)


class OutcomeForm(forms.ModelForm):
    value = GroupedDecimalField(label=_("Utfall"), max_digits=12, decimal_places=1)

    class Meta:
        model = IndicatorOutcome
        fields = ["indicator", "year", "value"]


class BaseOutcomeFormSet(forms.BaseModelFormSet):
    def __init__(self, *args, agreement, **kwargs):
        kwargs.setdefault(
            "queryset", IndicatorOutcome.objects.filter(indicator__agreement=agreement)
        )
        super().__init__(*args, **kwargs)
        for form in self.forms:
            form.fields["indicator"].queryset = agreement.indicators.all()


OutcomeFormSet = forms.modelformset_factory(
    IndicatorOutcome, form=OutcomeForm, formset=BaseOutcomeFormSet, extra=3, can_delete=True
)
