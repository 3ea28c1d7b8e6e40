"""The password forms, with the throttles of ekosystem.throttle on top of Django's."""

from django.contrib.auth import forms as auth_forms
from django.core.exceptions import ValidationError
from django.utils.translation import ngettext

from ekosystem import throttle


def too_many_from_address(minutes: int) -> str:
    return ngettext(
        "För många försök från din adress. Vänta %(minutes)d minut och försök igen.",
        "För många försök från din adress. Vänta %(minutes)d minuter och försök igen.",
        minutes,
    ) % {"minutes": minutes}


def too_many_wrong_passwords(minutes: int) -> str:
    return ngettext(
        "För många felaktiga försök med ditt nuvarande lösenord. Vänta %(minutes)d minut och "
        "försök igen.",
        "För många felaktiga försök med ditt nuvarande lösenord. Vänta %(minutes)d minuter och "
        "försök igen.",
        minutes,
    ) % {"minutes": minutes}


class PasswordChangeForm(auth_forms.PasswordChangeForm):
    """Django's form; after PASSWORD_CHANGE.limit wrong current passwords it refuses to check
    any for a cool-off (the user stays signed in and is told how long to wait)."""

    def _subject(self) -> str:
        return str(self.user.pk)

    def clean_old_password(self):
        wait = throttle.blocked(throttle.PASSWORD_CHANGE, self._subject())
        if wait:
            raise ValidationError(too_many_wrong_passwords(wait), code="throttled")
        try:
            return super().clean_old_password()
        except ValidationError:
            wait = throttle.hit(throttle.PASSWORD_CHANGE, self._subject())
            if wait:
                raise ValidationError(too_many_wrong_passwords(wait), code="throttled") from None
            raise

    def save(self, commit=True):
        throttle.clear(throttle.PASSWORD_CHANGE, self._subject())
        return super().save(commit=commit)
