"""Forms of the account pages: the code step, second-factor setup, re-authentication and the
e-mail address. They validate what was typed; ekosystem.second_factor checks codes and writes."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ekosystem.models import User
from ekosystem.second_factor import normalise

CODE_MAX_LENGTH = 40  # generous for spaces and dashes; a code is 6 digits or 8 letters/digits


class CodeForm(forms.Form):
    """One code: six digits from the app, or (where `recovery`) a recovery code.

    A text field, never type=number: leading zeros matter and "123 456" is a fine way to type it.
    """

    code = forms.CharField(
        label=_("Kod"),
        max_length=CODE_MAX_LENGTH,
        error_messages={"required": _("Skriv koden som visas i appen.")},
    )

    def __init__(self, *args, recovery=False, **kwargs):
        super().__init__(*args, **kwargs)
        attrs = {
            "autocomplete": "one-time-code",
            "inputmode": "text" if recovery else "numeric",
            "autocapitalize": "off",
            "spellcheck": "false",
            "class": "form-control code-input",
        }
        if recovery:
            self.fields["code"].label = _("Reservkod")
            self.fields["code"].error_messages["required"] = _("Skriv en av dina reservkoder.")
            self.fields["code"].help_text = _("Åtta tecken, till exempel abcd 2345.")
        else:
            self.fields["code"].help_text = _("Sex siffror, till exempel 123 456.")
        self.fields["code"].widget.attrs.update(attrs)

    def clean_code(self):
        code = normalise(self.cleaned_data["code"])
        if not code.isalnum():
            raise forms.ValidationError(_("En kod består bara av siffror och bokstäver."))
        return code


class ReauthForm(forms.Form):
    """The password again, and a code when the user has an app."""

    password = forms.CharField(
        label=_("Lösenord"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": _("Skriv ditt lösenord.")},
    )

    def __init__(self, *args, with_code=False, **kwargs):
        super().__init__(*args, **kwargs)
        if with_code:
            code = CodeForm().fields["code"]
            code.help_text = _("Sex siffror från appen, eller en reservkod.")
            self.fields["code"] = code

    def clean_code(self):
        code = normalise(self.cleaned_data["code"])
        if not code.isalnum():
            raise forms.ValidationError(_("En kod består bara av siffror och bokstäver."))
        return code


class EmailChangeForm(forms.Form):
    email = forms.EmailField(
        label=_("Ny e-postadress"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": _("Skriv den nya e-postadressen."),
            "invalid": _("Skriv en hel e-postadress, till exempel namn@exempel.se."),
        },
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if email == self.user.email:
            raise forms.ValidationError(_("Det är redan din e-postadress."))
        if User.objects.filter(email__iexact=email).exclude(pk=self.user.pk).exists():
            raise forms.ValidationError(_("Adressen används redan av en annan inloggning."))
        return email
