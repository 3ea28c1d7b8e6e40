"""The fixed cast every test can call on.

alice leads ecosystem A, bob leads ecosystem B, olga is a regional officer, nils sits on the
regional development committee (board member), rita is a peer reviewer, and anon is nobody.
"""

import uuid

import pytest
from django.test.client import ClientMixin

from ekosystem.choices import Role
from tests.factories import EcosystemFactory, UserFactory

pytest_plugins = ["tests.assessments.fixtures"]


@pytest.fixture(autouse=True)
def _fast_tests(settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.CELERY_TASK_ALWAYS_EAGER = True


@pytest.fixture(autouse=True)
def _own_cache_keys(settings, request):
    """Throttle counters (ekosystem.throttle) live in the cache: each test gets keys of its own.
    A prefix rather than cache.clear(): under CI the cache is Redis, shared by the xdist workers
    (and with Celery's broker), which a flush would pull from under each other."""
    from django.conf import settings as live_settings

    default = dict(live_settings.CACHES["default"])
    default["KEY_PREFIX"] = f"test-{uuid.uuid4().hex}"
    settings.CACHES = {**live_settings.CACHES, "default": default}


@pytest.fixture(autouse=True)
def _force_login_passes_the_second_factor(request, monkeypatch):
    """client.force_login stands for a finished login: for users who must have (or have) a second
    factor that includes the code step, so it gives them an app and marks the session verified.

    The enforcement stays on: a real login (client.post to the login page) still stops at the
    code step, and a test that asks for `unverified_logins` gets plain force_login sessions.
    """
    if "unverified_logins" in request.fixturenames:
        return
    from ekosystem.second_factor import has_second_factor
    from tests.otp import verify_client_session

    force_login = ClientMixin.force_login

    def force_login_verified(self, user, backend=None):
        force_login(self, user, backend)
        if user.requires_second_factor or has_second_factor(user):
            verify_client_session(self, user)

    monkeypatch.setattr(ClientMixin, "force_login", force_login_verified)


@pytest.fixture
def unverified_logins():
    """client.force_login leaves the session short of the second factor (see above)."""


@pytest.fixture
def ecosystem_a(db):
    return EcosystemFactory(name="Rymdekosystemet A")


@pytest.fixture
def ecosystem_b(db):
    return EcosystemFactory(name="Testbäddsekosystemet B")


@pytest.fixture
def alice(ecosystem_a):
    return UserFactory(
        email="alice@example.se",
        full_name="Alice Ledare",
        role=Role.LEADER,
        ecosystems=[ecosystem_a],
    )


@pytest.fixture
def bob(ecosystem_b):
    return UserFactory(
        email="bob@example.se", full_name="Bob Ledare", role=Role.LEADER, ecosystems=[ecosystem_b]
    )


@pytest.fixture
def agreement_a(ecosystem_a):
    """A signed agreement of ecosystem A from 1 January 2025, 1 500 tkr a year."""
    from tests.agreements.factories import AgreementFactory

    return AgreementFactory(ecosystem=ecosystem_a)


@pytest.fixture
def olga(db):
    return UserFactory(email="olga@example.se", full_name="Olga Handläggare", role=Role.OFFICER)


@pytest.fixture
def nils(db):
    return UserFactory(email="nils@example.se", full_name="Nils Nämnd", role=Role.BOARD)


@pytest.fixture
def rita(db):
    return UserFactory(email="rita@example.se", full_name="Rita Granskare", role=Role.REVIEWER)


@pytest.fixture
def client_for(client):
    """Return a test client signed in as the given user (or anonymous for None)."""

    def sign_in(user):
        client.logout()
        if user is not None:
            client.force_login(user)
        return client

    return sign_in


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Call a function as if its transaction committed: on-commit hooks run, as the outbox's
    send task does in production after the change is stored."""

    def run(function, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return function(*args, **kwargs)

    return run
