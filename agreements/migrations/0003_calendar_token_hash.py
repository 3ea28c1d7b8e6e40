"""Calendar feed tokens are stored as SHA-256 hashes; existing tokens are hashed in place, so
subscribed calendars keep working, and the plaintext column is dropped."""

import hashlib

from django.db import migrations, models


def hash_existing_tokens(apps, schema_editor):
    CalendarToken = apps.get_model("agreements", "CalendarToken")
    for row in CalendarToken.objects.only("id", "token"):
        # The same function as agreements.models.hash_calendar_token, frozen here.
        row.token_hash = hashlib.sha256(row.token.encode()).hexdigest()
        row.save(update_fields=["token_hash"])


def forget_tokens(apps, schema_editor):
    """Going back: a hash gives no token back, so every link is revoked by deleting it (users
    create new ones)."""
    apps.get_model("agreements", "CalendarToken").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("agreements", "0002_bound_dates_and_effective_event_dates"),
    ]

    operations = [
        migrations.AddField(
            model_name="calendartoken",
            name="token_hash",
            field=models.CharField(max_length=64, null=True),
        ),
        migrations.RunPython(hash_existing_tokens, migrations.RunPython.noop),
        migrations.RemoveField(model_name="calendartoken", name="token"),
        migrations.AlterField(
            model_name="calendartoken",
            name="token_hash",
            field=models.CharField(max_length=64, unique=True),
        ),
        migrations.RunPython(migrations.RunPython.noop, forget_tokens),
    ]
