"""The stored Cluster of Sweden count has a recompute path for when the rule changes."""

from io import StringIO

import pytest
from django.core.management import call_command

from ekosystem import criteria
from ekosystem.models import Ecosystem

pytestmark = pytest.mark.django_db


def _stored_and_computed():
    return {
        eco.name: (eco.cluster_criteria_met, eco.count_criteria_met())
        for eco in Ecosystem.objects.all()
    }


def test_after_a_rule_change_the_command_makes_every_demo_count_equal_the_computed_one(
    monkeypatch,
):
    call_command("load_demo_data", stdout=StringIO())
    pairs = _stored_and_computed()
    assert len(pairs) == 7
    assert all(stored == computed for stored, computed in pairs.values())

    # The strategy raises the member threshold: counts stored under the old rule are now stale.
    monkeypatch.setattr(criteria, "MIN_OWN_MEMBERS", 1000)
    stale = [name for name, (s, c) in _stored_and_computed().items() if s != c]
    assert stale

    out = StringIO()
    call_command("recompute_cluster_criteria", stdout=out)

    assert all(stored == computed for stored, computed in _stored_and_computed().values())
    assert out.getvalue().startswith(f"{len(stale)} ecosystem(s)")


def test_recomputing_changes_no_version_and_writes_no_history():
    call_command("load_demo_data", stdout=StringIO())
    Ecosystem.objects.update(cluster_criteria_met=0)
    versions = dict(Ecosystem.objects.values_list("pk", "version"))
    history = Ecosystem.history.count()

    call_command("recompute_cluster_criteria", stdout=StringIO())

    assert dict(Ecosystem.objects.values_list("pk", "version")) == versions
    assert Ecosystem.history.count() == history
    assert all(stored == computed for stored, computed in _stored_and_computed().values())
