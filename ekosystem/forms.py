from crispy_forms.helper import FormHelper
from crispy_forms.layout import Column, Fieldset, Layout, Row
from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.validators import MaxLengthValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ekosystem import permissions
from ekosystem.choices import Gap, Role
from ekosystem.formfields import number_formfield
from ekosystem.models import BoardMember, Ecosystem, User


class LoginForm(AuthenticationForm):
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _(
            "Fel e-postadress eller lösenord. Kontrollera stavningen och försök igen."
        ),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # AuthenticationForm only sets max_length as an attribute, which validates nothing: an
        # over-long name reached authenticate(), and the failed-login record (at most 255
        # characters) failed on PostgreSQL with a 500.
        limit = self.fields["username"].max_length
        self.fields["username"].validators.append(
            MaxLengthValidator(
                limit,
                message=_("En e-postadress har högst %(limit_value)d tecken.")
                % {"limit_value": limit},
            )
        )


OFFICER_ONLY_FIELDS = (
    "phase",
    "system_type",
    "specialisations",
    "excellence_label",
    # The checklist says the region records it: a leader's own tick would meet a criterion.
    "systematic_innovation_work",
    "leader_accounts",
)

FIELDSETS = (
    (
        _("Organisation"),
        (
            "name",
            "organisation_name",
            "organisation_number",
            "legal_form",
            "year_founded",
            "municipality",
            "website",
        ),
    ),
    (
        _("Ledare"),
        ("leader_name", "leader_email", "leader_time_share", "leader_trained", "leader_accounts"),
    ),
    (
        _("Medlemmar och resurser"),
        (
            "members_business",
            "members_academia",
            "members_public",
            "members_civil",
            "members_abroad",
            "annual_turnover",
            "staff_fte",
            "systematic_innovation_work",
            "eccp_listed",
        ),
    ),
    (
        _("Inriktning och fas"),
        ("phase", "system_type", "specialisations", "excellence_label", "gaps"),
    ),
    (
        _("Utvecklingsstrategi"),
        ("strategy_goals", "strategy_approach", "strategy_responsibilities"),
    ),
)


class EcosystemForm(forms.ModelForm):
    gaps = forms.TypedMultipleChoiceField(
        label=_("Gap som ekosystemet överbryggar"),
        choices=Gap.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    leader_accounts = forms.ModelMultipleChoiceField(
        label=_("Inloggningar som får fylla i uppgifterna"),
        queryset=User.objects.filter(role=Role.LEADER, is_active=True),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Ekosystemsledare som ser och ändrar detta ekosystem."),
    )
    # The version the editor started from; a save against a newer version is refused.
    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = Ecosystem
        fields = [
            name for _legend, names in FIELDSETS for name in names if name != "leader_accounts"
        ]
        widgets = {
            "specialisations": forms.CheckboxSelectMultiple,
            "strategy_goals": forms.Textarea(attrs={"rows": 3}),
            "strategy_approach": forms.Textarea(attrs={"rows": 3}),
            "strategy_responsibilities": forms.Textarea(attrs={"rows": 3}),
        }
        formfield_callback = number_formfield

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].initial = self.instance.version
        if self.instance.pk:
            self.fields["leader_accounts"].initial = self.instance.leaders.all()
        if not permissions.can_edit_registry_facts(user):
            for name in OFFICER_ONLY_FIELDS:
                del self.fields[name]
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout(
            *(
                Fieldset(
                    legend, Row(*[self._column(name) for name in names if name in self.fields])
                )
                for legend, names in FIELDSETS
            ),
            "version",
        )

    def _column(self, name):
        """Short inputs two to a row; text areas, check boxes and choice lists across the page."""
        widget = self.fields[name].widget
        wide = isinstance(
            widget, forms.Textarea | forms.CheckboxInput | forms.CheckboxSelectMultiple
        )
        return Column(name, css_class="col-12" if wide else "col-md-6")

    def clean_year_founded(self):
        year = self.cleaned_data["year_founded"]
        if year and year > timezone.localdate().year:
            raise forms.ValidationError(_("Året kan inte ligga i framtiden."))
        return year

    def clean(self):
        cleaned = super().clean()
        members = sum(
            cleaned.get(name) or 0
            for name in ("members_business", "members_academia", "members_public", "members_civil")
        )
        abroad = cleaned.get("members_abroad") or 0
        if abroad > members:
            self.add_error(
                "members_abroad",
                _("Fler medlemmar utanför Sverige (%(abroad)d) än medlemmar totalt (%(total)d).")
                % {"abroad": abroad, "total": members},
            )
        return cleaned


class BoardMemberForm(forms.ModelForm):
    class Meta:
        model = BoardMember
        fields = ["name", "organisation", "sector", "is_chair", "trained"]
        formfield_callback = number_formfield


class BaseBoardMemberFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        chairs = [
            form
            for form in self.forms
            if form.cleaned_data.get("is_chair") and not form.cleaned_data.get("DELETE")
        ]
        if len(chairs) > 1:
            raise forms.ValidationError(_("Styrelsen kan bara ha en ordförande."))


BoardMemberFormSet = forms.inlineformset_factory(
    Ecosystem,
    BoardMember,
    form=BoardMemberForm,
    formset=BaseBoardMemberFormSet,
    extra=2,
    can_delete=True,
)
