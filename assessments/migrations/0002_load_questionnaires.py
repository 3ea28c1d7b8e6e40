"""Loads Bilaga 1 (klusterbedömning) and Bilaga 3 (självskattning), version 1 of each."""

from django.db import migrations

from assessments.content import bilaga1, bilaga3
from assessments.content.loader import load_questionnaire

CONTENT = (bilaga1.QUESTIONNAIRE, bilaga3.QUESTIONNAIRE)


def load(apps, schema_editor):
    for data in CONTENT:
        load_questionnaire(apps, data, using=schema_editor.connection.alias)


def unload(apps, schema_editor):
    """Deletes the two versions; fails (PROTECT) if a round has already used them."""
    Questionnaire = apps.get_model("assessments", "Questionnaire")
    for data in CONTENT:
        Questionnaire.objects.using(schema_editor.connection.alias).filter(
            code=data["code"], version=data["version"]
        ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("assessments", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(load, unload),
    ]
