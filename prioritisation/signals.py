"""A new assessment round gets its scoring template with the default perspectives, so officers
find the framework in place (assessments/ knows nothing of prioritisation: it listens here)."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from assessments.models import Round


@receiver(post_save, sender=Round, dispatch_uid="prioritisation_template_for_new_round")
def create_template_for_new_round(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        from prioritisation.services import create_template

        create_template(round_=instance)
