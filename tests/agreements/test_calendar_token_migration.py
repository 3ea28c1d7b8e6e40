"""Migration 0003 hashes the calendar tokens handed out before: subscriptions keep working."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from agreements.models import CalendarToken, hash_calendar_token
from tests.agreements.calendar_factories import make_agreement
from tests.factories import EcosystemFactory, UserFactory

BEFORE = [("agreements", "0002_bound_dates_and_effective_event_dates")]
AFTER = [("agreements", "0003_calendar_token_hash")]
PLAINTEXT = "gammal-prenumeration-" + "x" * 22


@pytest.fixture
def back_to_latest_afterwards():
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("back_to_latest_afterwards")
def test_a_token_handed_out_before_hashing_still_opens_its_feed(client):
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old_apps = executor.loader.project_state(BEFORE).apps
    OldToken = old_apps.get_model("agreements", "CalendarToken")
    user = UserFactory(email="olga@example.se", role="officer")
    OldToken.objects.create(user_id=user.pk, token=PLAINTEXT)

    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)

    stored = CalendarToken.objects.get(user=user)
    assert stored.token_hash == hash_calendar_token(PLAINTEXT)
    columns = {
        c.name
        for c in connection.introspection.get_table_description(
            connection.cursor(), CalendarToken._meta.db_table
        )
    }
    assert "token" not in columns
    make_agreement(EcosystemFactory())
    response = client.get(reverse("calendar_feed", args=[PLAINTEXT]))
    assert response.status_code == 200
    assert b"BEGIN:VEVENT" in response.content
