"""Security events that Django and django-axes announce by signal, recorded in the log.

Role changes are caught on the User model itself (pre_save/post_save), the one place every way of
changing a user passes through: the admin, services, the shell and management commands alike. Only
queryset.update() bypasses it, and no code changes roles that way. The address is the request's
when the change comes from one (simple_history's middleware keeps the current request).
"""

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver
from simple_history.models import HistoricalRecords

from ekosystem import security_log
from ekosystem.models import User

Kind = security_log.Kind

# The fields that decide what a user may do.
RIGHTS_FIELDS = ("role", "is_staff", "is_superuser")


@receiver(user_logged_in, dispatch_uid="security_log_login")
def _logged_in(sender, request, user, **kwargs):
    security_log.record(Kind.LOGIN, request=request, user=user)


@receiver(user_login_failed, dispatch_uid="security_log_login_failed")
def _login_failed(sender, credentials, request=None, **kwargs):
    security_log.record(
        Kind.LOGIN_FAILED, request=request, username=str(credentials.get("username") or "")
    )


@receiver(user_logged_out, dispatch_uid="security_log_logout")
def _logged_out(sender, request, user, **kwargs):
    if user is not None:
        security_log.record(Kind.LOGOUT, request=request, user=user)


@receiver(user_locked_out, dispatch_uid="security_log_lockout")
def _locked_out(sender, request, username, ip_address, **kwargs):
    security_log.record(Kind.LOCKOUT, request=request, username=str(username or ""))


def rights_changes(before: dict, after: dict) -> list[str]:
    """'field: old → new' for each rights field that differs."""
    return [
        f"{field}: {before[field]} → {after[field]}"
        for field in RIGHTS_FIELDS
        if before[field] != after[field]
    ]


@receiver(pre_save, sender=User, dispatch_uid="security_log_rights_before")
def _remember_rights(sender, instance, raw=False, update_fields=None, **kwargs):
    instance._rights_before = None
    if raw or instance.pk is None:
        return
    if update_fields is not None and not set(update_fields) & set(RIGHTS_FIELDS):
        return  # e.g. last_login on every sign-in: no extra query
    instance._rights_before = User.objects.filter(pk=instance.pk).values(*RIGHTS_FIELDS).first()


@receiver(post_save, sender=User, dispatch_uid="security_log_rights_after")
def _record_rights_change(sender, instance, created, raw=False, **kwargs):
    before = getattr(instance, "_rights_before", None)
    instance._rights_before = None
    if raw or created or before is None:
        return
    changes = rights_changes(before, {field: getattr(instance, field) for field in RIGHTS_FIELDS})
    if not changes:
        return
    request = getattr(HistoricalRecords.context, "request", None)
    actor = getattr(request, "user", None)
    by = f" (av {actor.email})" if actor is not None and actor.is_authenticated else ""
    security_log.record(
        Kind.ROLE_CHANGED, request=request, user=instance, detail="; ".join(changes) + by
    )
