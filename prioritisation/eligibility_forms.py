"""The officer's form for the reasons for operating finance (validates; the service writes)."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Fieldset, Layout
from django import forms
from django.utils.translation import gettext_lazy as _

from prioritisation.eligibility import REASON_LABELS
from prioritisation.models import OperatingFinanceReasons
from prioritisation.models.eligibility import REASON_FIELDS

REASON_NEEDS_TEXT = _("Skriv varför skälet gäller, eller kryssa ur det.")
EXCEPTION_NEEDS_TEXT = _("Skriv vilka andra aktörer som finansierar och varför det räcker.")

# The flag and its justification, with the legend the fieldset shows.
GROUPS = [(REASON_LABELS[reason], fields) for reason, fields in REASON_FIELDS.items()] + [
    (
        _("Undantag: tillräcklig finansiering finns redan från andra aktörer"),
        ("others_finance_enough", "others_finance_enough_text"),
    )
]


class OperatingFinanceReasonsForm(forms.ModelForm):
    # The version the officer started from (0: nothing recorded yet); a newer one is refused.
    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = OperatingFinanceReasons
        fields = [name for _legend, names in GROUPS for name in names]
        widgets = {name: forms.Textarea(attrs={"rows": 2}) for _legend, (_flag, name) in GROUPS}
        labels = {
            "others_finance_enough": _("Regionen avstår: andra finansierar redan tillräckligt")
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].initial = self.instance.version if self.instance.pk else 0
        for _legend, (flag, _text) in GROUPS[:-1]:
            self.fields[flag].label = _("Skälet gäller")
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout(
            *(Fieldset(legend, *names) for legend, names in GROUPS), "version"
        )

    def clean(self):
        data = super().clean()
        for _legend, (flag, text) in GROUPS:
            if data.get(flag) and not (data.get(text) or "").strip():
                message = (
                    EXCEPTION_NEEDS_TEXT if flag == "others_finance_enough" else REASON_NEEDS_TEXT
                )
                self.add_error(text, message)
        return data
