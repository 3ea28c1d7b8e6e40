from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def fill_due_on(apps, schema_editor):
    """Reminders already sent were about the round's deadline as it stands."""
    DeadlineReminder = apps.get_model("assessments", "DeadlineReminder")
    Submission = apps.get_model("assessments", "Submission")
    DeadlineReminder.objects.update(
        due_on=Subquery(
            Submission.objects.filter(pk=OuterRef("submission_id")).values("round__deadline")[:1]
        )
    )


class Migration(migrations.Migration):
    dependencies = [("assessments", "0002_load_questionnaires")]

    operations = [
        migrations.AddField(
            model_name="deadlinereminder", name="due_on", field=models.DateField(null=True)
        ),
        migrations.RunPython(fill_due_on, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="deadlinereminder", name="due_on", field=models.DateField()
        ),
        migrations.RemoveConstraint(
            model_name="deadlinereminder", name="one_deadline_reminder_each"
        ),
        migrations.AddConstraint(
            model_name="deadlinereminder",
            constraint=models.UniqueConstraint(
                fields=("submission", "due_on", "days_before"),
                name="one_deadline_reminder_per_date",
            ),
        ),
    ]
