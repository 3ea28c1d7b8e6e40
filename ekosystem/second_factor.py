"""The second factor: a time-based code from an authenticator app (TOTP), with one-time recovery
codes for a lost phone. Built on django-otp, whose devices throttle wrong codes themselves.

Who must have one is `User.requires_second_factor`; `pending_step` says what a signed-in but not
yet verified session still has to do, and ekosystem.middleware.SecondFactorMiddleware keeps it
there. Every write below records its security event.
"""

from base64 import b32encode
from dataclasses import dataclass

import django_otp
import segno
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from ekosystem import security_log

RECOVERY_CODE_COUNT = 10
TOTP_DIGITS = 6  # django-otp's default, what every authenticator app shows
TOTP_DEVICE_NAME = "app"
RECOVERY_DEVICE_NAME = "recovery"
# What SecondFactorMiddleware sends an unverified session to.
VERIFY, SETUP = "otp_verify", "otp_setup"

WRONG_CODE_MESSAGE = _(
    "Koden stämmer inte. Skriv de sex siffror appen visar nu, eller en av dina reservkoder."
)
THROTTLED_MESSAGE = _(
    "För många felaktiga koder. Vänta %(seconds)s sekunder och försök sedan igen."
)


class CodeRefused(Exception):
    """A code was not accepted; the message says why, in words for the user."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Secret:
    """What the setup page shows: the QR code and the same secret as text for typing in."""

    qr_svg: str
    grouped: str
    config_url: str


def normalise(code: str) -> str:
    """Codes may be typed with spaces or dashes ("123 456", "abcd-efgh") and in any case."""
    return "".join(code.split()).replace("-", "").lower()


def confirmed_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def has_second_factor(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def pending_step(user) -> str | None:
    """For a signed-in user whose session has not passed a code: where they must go first."""
    if has_second_factor(user):
        return VERIFY
    if user.requires_second_factor:
        return SETUP
    return None


def recovery_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def secret_for(device: TOTPDevice) -> Secret:
    url = device.config_url
    qr = segno.make(url, error="m")
    svg = qr.svg_inline(scale=4, border=2, title=str(_("QR-kod för autentiseringsappen")))
    # An image with a name for screen readers; the secret is also shown as text beside it.
    svg = svg.replace("<svg ", '<svg role="img" aria-labelledby="qr-title" ', 1).replace(
        "<title>", '<title id="qr-title">', 1
    )
    base32 = b32encode(device.bin_key).decode()
    return Secret(
        qr_svg=svg,
        grouped=" ".join(base32[i : i + 4] for i in range(0, len(base32), 4)),
        config_url=url,
    )


def pending_device(user) -> TOTPDevice:
    """The unconfirmed device being set up, so that reloading the page keeps the same secret."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=TOTP_DEVICE_NAME, confirmed=False)
    return device


def _refuse_if_throttled(device) -> None:
    allowed, data = device.verify_is_allowed()
    if not allowed:
        wait = max(1, int((data["locked_until"] - timezone.now()).total_seconds()) + 1)
        raise CodeRefused(THROTTLED_MESSAGE % {"seconds": wait})


@transaction.atomic
def confirm_setup(*, request, device: TOTPDevice, code: str) -> list[str]:
    """Activate a new app once it has produced a valid code; returns fresh recovery codes.

    Side effects: any earlier app of the user is removed (this is how a device is replaced),
    recovery codes are created anew (old ones stop working), the session counts as verified,
    and OTP_SETUP is recorded. Raises CodeRefused for a wrong or throttled code.
    """
    device = TOTPDevice.objects.select_for_update().get(pk=device.pk)
    _refuse_if_throttled(device)
    if not device.verify_token(normalise(code)):
        security_log.record(security_log.Kind.OTP_FAILED, request=request, detail="setup")
        raise CodeRefused(WRONG_CODE_MESSAGE)
    user = device.user
    replaced = TOTPDevice.objects.filter(user=user).exclude(pk=device.pk)
    detail = "replaced" if replaced.filter(confirmed=True).exists() else "new"
    replaced.delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    codes = new_recovery_codes(user)
    django_otp.login(request, device)
    security_log.record(security_log.Kind.OTP_SETUP, request=request, user=user, detail=detail)
    return codes


@transaction.atomic
def new_recovery_codes(user) -> list[str]:
    """Replace the user's recovery codes with RECOVERY_CODE_COUNT new ones (shown once)."""
    device, _created = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_DEVICE_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def check_code(*, request, user, code: str):
    """The device that accepts `code` (an app code or a recovery code), or CodeRefused.

    A recovery code works once. Wrong codes count towards django-otp's throttling of that device
    (1, 2, 4, 8 … seconds between tries) and are recorded as OTP_FAILED.
    """
    code = normalise(code)
    if code.isdigit() and len(code) == TOTP_DIGITS:
        device_model, kind = TOTPDevice, security_log.Kind.OTP_USED
    else:
        device_model, kind = StaticDevice, security_log.Kind.RECOVERY_CODE_USED
    with transaction.atomic():
        device = (
            device_model.objects.select_for_update()
            .filter(user=user, confirmed=True)
            .order_by("pk")
            .first()
        )
        if device is None:
            security_log.record(security_log.Kind.OTP_FAILED, request=request, user=user)
            raise CodeRefused(WRONG_CODE_MESSAGE)
        _refuse_if_throttled(device)
        accepted = device.verify_token(code)
    if not accepted:
        security_log.record(security_log.Kind.OTP_FAILED, request=request, user=user)
        raise CodeRefused(WRONG_CODE_MESSAGE)
    detail = ""
    if kind == security_log.Kind.RECOVERY_CODE_USED:
        detail = f"{recovery_codes_left(user)} left"
    security_log.record(kind, request=request, user=user, detail=detail)
    return device


def verify_session(*, request, code: str):
    """The code step: accept a code for the signed-in user and mark the session verified."""
    device = check_code(request=request, user=request.user, code=code)
    # A new session id now that the session is worth more.
    request.session.cycle_key()
    django_otp.login(request, device)
    return device


@transaction.atomic
def remove(*, user, request=None, by=None) -> None:
    """Remove the user's app and recovery codes (turned off by the user or reset by an admin).

    A user who must have a second factor is sent to set up a new one at their next request.
    """
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    detail = f"reset by {by.email}" if by is not None and by != user else "turned off"
    security_log.record(security_log.Kind.OTP_RESET, request=request, user=user, detail=detail)
