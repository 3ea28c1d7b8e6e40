from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from assessments.models import Round
from ekosystem.models import User
from prioritisation import dashboard, demo, queries
from prioritisation.framework import Kind
from prioritisation.models import AgreedScore, Score, ScoreSheet
from prioritisation.scoring import spread_of

pytestmark = pytest.mark.django_db

OFFICERS = ["handlaggare@example.se", "handlaggare2@example.se"]


def _check_templates():
    rounds = Round.objects.all()
    assert rounds.exists()
    previous = [r for r in rounds if r != demo.current_round()]
    for round_ in rounds:
        assert round_.scoring_template.perspectives.count() == 6
    # Only the current round is scored, so only its template is frozen.
    for round_ in previous:
        assert not round_.scoring_template.is_frozen


def _check_scores():
    round_ = demo.current_round()
    officers = list(User.objects.filter(email__in=OFFICERS))
    assert len(officers) == 2 and all(o.is_officer for o in officers)
    scored = list(round_.scoring_template.perspectives.filter(kind=Kind.SCORED))
    ecosystems = list(round_.ecosystems.all())
    assert ecosystems

    disagreements = set()
    without_agreed = []
    for ecosystem in ecosystems:
        sheets = ScoreSheet.objects.filter(round=round_, ecosystem=ecosystem, officer__in=officers)
        assert sheets.count() == 2
        assert all(sheet.is_submitted for sheet in sheets)
        for perspective in scored:
            values = Score.objects.filter(sheet__in=sheets, perspective=perspective).values_list(
                "value", flat=True
            )
            if spread_of(values).disagreement:
                disagreements.add((ecosystem.name, perspective.key))
        agreed = AgreedScore.objects.filter(round=round_, ecosystem=ecosystem)
        if not agreed.exists():
            without_agreed.append(ecosystem.name)
            continue
        assert agreed.count() == len(scored)
        assert all(a.reason.strip() for a in agreed)

    assert disagreements == {("Datahallsnätverket Boden", "andra-aktorer")}
    settled = AgreedScore.objects.get(
        round=round_, ecosystem__name="Datahallsnätverket Boden", perspective__key="andra-aktorer"
    )
    assert settled.value == 2 and "3 och 1" in settled.reason
    assert without_agreed == ["Skogsnoden Piteå"]

    rows = {
        row.ecosystem.name: row
        for row in queries.overview(officers[0], round_, round_.scoring_template)
    }
    for name, row in rows.items():
        assert (row.total is None) == (name == "Skogsnoden Piteå"), name
    # The dashboard shows the demo officer nothing missing and one ecosystem waiting for agreed
    # scores (the demo administrator, who never scores, is not waited for).
    items = dashboard.scores_missing_items(officers[0], timezone.localdate())
    assert [item.count for item in items] == [1]
    assert "väntar på överenskommen poäng" in items[0].text


def test_the_demo_rounds_come_with_the_six_perspective_template_and_the_current_round_is_scored():
    call_command("load_demo_data", stdout=StringIO())
    _check_templates()
    _check_scores()
    # A second run adds no sheets, scores or agreed scores.
    counts = (ScoreSheet.objects.count(), Score.objects.count(), AgreedScore.objects.count())
    call_command("load_demo_data", stdout=StringIO())
    assert (
        ScoreSheet.objects.count(),
        Score.objects.count(),
        AgreedScore.objects.count(),
    ) == counts
