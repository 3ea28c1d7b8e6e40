"""Forms on the officer's side. They validate and present; the writes go through services."""

from django import forms
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from assessments.models import DialogueNote, Questionnaire
from ekosystem.models import Ecosystem

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def latest_questionnaires():
    """The newest version of each questionnaire code."""
    newer = Questionnaire.objects.filter(code=OuterRef("code"), version__gt=OuterRef("version"))
    return Questionnaire.objects.filter(~Exists(newer)).order_by("code")


class QuestionnaireChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.title} (version {obj.version})"


class RoundForm(forms.Form):
    year = forms.IntegerField(label=_("År"), min_value=2000, max_value=2100)
    name = forms.CharField(
        label=_("Namn"), max_length=200, help_text=_("Visas för ekosystemledarna.")
    )
    questionnaires = QuestionnaireChoiceField(
        label=_("Frågeformulär"),
        queryset=Questionnaire.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Den senaste versionen av varje formulär."),
        error_messages={"required": _("Välj minst ett frågeformulär.")},
    )
    ecosystems = forms.ModelMultipleChoiceField(
        label=_("Deltagande ekosystem"),
        queryset=Ecosystem.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Välj minst ett ekosystem.")},
    )
    deadline = forms.DateField(label=_("Sista dag att skicka in"), widget=DATE)

    def __init__(self, *args, ecosystems, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["questionnaires"].queryset = latest_questionnaires()
        self.fields["ecosystems"].queryset = ecosystems.order_by("name")

    def clean_deadline(self):
        deadline = self.cleaned_data["deadline"]
        if deadline < timezone.localdate():
            raise forms.ValidationError(_("Sista dagen kan inte redan ha passerat."))
        return deadline


class ReviewNotesForm(forms.Form):
    """The officer's SWOT notes on a submission."""

    strengths = forms.CharField(
        label=_("Styrkor och möjligheter"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    weaknesses = forms.CharField(
        label=_("Svagheter och hot"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )


class DialogueNoteForm(forms.ModelForm):
    class Meta:
        model = DialogueNote
        fields = ["held_on", "participants", "notes"]
        widgets = {
            "held_on": DATE,
            "participants": forms.Textarea(attrs={"rows": 2}),
            "notes": forms.Textarea(attrs={"rows": 5}),
        }
        error_messages = {
            "held_on": {"required": _("Ange vilken dag dialogen hölls.")},
            "participants": {"required": _("Skriv vilka som deltog.")},
            "notes": {"required": _("Skriv vad ni kom fram till.")},
        }

    def clean_held_on(self):
        held_on = self.cleaned_data["held_on"]
        if held_on > timezone.localdate():
            raise forms.ValidationError(_("Dialogen kan inte ha hållits i framtiden."))
        return held_on


RETURN_COMMENT_REQUIRED = _(
    "Skriv vad som behöver kompletteras, så att ekosystemledaren vet vad som ska ändras."
)


class ReturnForm(forms.Form):
    comment = forms.CharField(
        label=_("Vad behöver kompletteras?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Kommentaren visas för ekosystemledaren och sparas i händelselistan."),
        error_messages={"required": RETURN_COMMENT_REQUIRED},
    )
