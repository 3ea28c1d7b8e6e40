"""Second-factor helpers for tests: a confirmed authenticator app and the code it shows now."""

import time

from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from ekosystem import second_factor


def app_for(user) -> TOTPDevice:
    """The user's confirmed authenticator app, created if they have none."""
    device = second_factor.confirmed_device(user)
    if device is None:
        device = TOTPDevice.objects.create(
            user=user, name=second_factor.TOTP_DEVICE_NAME, confirmed=True
        )
    return device


def code_for(device: TOTPDevice, *, key_hex: str | None = None) -> str:
    """The code the app shows now, or the next one if this one was used (django-otp refuses a
    code twice but accepts one time step ahead)."""
    device.refresh_from_db()
    key = bytes.fromhex(key_hex) if key_hex else device.bin_key
    totp = TOTP(key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    if totp.t() <= device.last_t:
        totp.time = (device.last_t + 1) * device.step + device.t0
    return f"{totp.token():0{device.digits}d}"


def verify_client_session(client, user) -> None:
    """Mark a test client's signed-in session as having passed the second factor."""
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = app_for(user).persistent_id
    session.save()


def pass_code_step(client, user) -> None:
    """Answer the code step after the password step of a real login."""
    response = client.post(reverse("otp_verify"), {"code": code_for(app_for(user))})
    assert response.status_code == 302, response.content.decode()[:500]
