import pytest

from ekosystem.choices import Role
from tests.factories import UserFactory


@pytest.fixture
def otto(db):
    """A second regional officer."""
    return UserFactory(email="otto@example.se", full_name="Otto Handläggare", role=Role.OFFICER)


@pytest.fixture
def template(round_):
    return round_.scoring_template
