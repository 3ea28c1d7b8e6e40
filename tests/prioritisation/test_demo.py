from io import StringIO

import pytest
from django.core.management import call_command

from assessments.models import Round

pytestmark = pytest.mark.django_db


def test_the_demo_rounds_come_with_the_six_perspective_template():
    call_command("load_demo_data", stdout=StringIO())
    rounds = Round.objects.all()
    assert rounds.exists()
    for round_ in rounds:
        assert round_.scoring_template.perspectives.count() == 6
        assert not round_.scoring_template.is_frozen
