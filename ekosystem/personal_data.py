"""Where the product keeps data about a person, for their copy (GDPR art. 15) and for
pseudonymising a person who left (art. 17, within what the archive rules require us to keep).

Every place is one `Source`: what it exports and what pseudonymising does to it are declared side
by side, so the copy and the erasure cannot drift apart. ekosystem knows no upper app: the apps
above register their sources here from their AppConfig.ready() (assessments/personal_data.py,
agreements/personal_data.py). tests/ekosystem/test_personal_data.py walks every model with a
relation to the user, and every e-mail or user-name text field, and fails for one no source names.

What is kept and why is written in the `fate` of each source; the page "Mina personuppgifter" and
the administrator's confirmation page show those texts, so they are the ones the law is read into.
"""

import json
from collections.abc import Callable
from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core import checks
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import EmailField, Q, Value
from django.db.models.functions import Replace
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from ekosystem import security_log
from ekosystem.choices import Role
from ekosystem.models import (
    BoardMember,
    Ecosystem,
    OutboxMessage,
    SecurityEvent,
    UsedFormToken,
    User,
)

FORMAT = "ekosystem.personal-data"
FORMAT_VERSION = 1
PSEUDONYM_DOMAIN = "invalid"  # RFC 2606: never delivers, so no mail reaches a stranger

KEPT_ARCHIVE = _(
    "Behålls: allmän handling som arkivlagen kräver att regionen bevarar. Den pekar på det "
    "avidentifierade kontot."
)
DELETED = _("Tas bort.")


@dataclass(frozen=True)
class Source:
    """One place that holds data about or written by a person."""

    key: str
    """The section's key in the exported file."""
    title: str
    """What the section holds, as the person reads it."""
    fate: str
    """What pseudonymising does here, and why (kept by law, deleted, changed)."""
    export: Callable | None = None
    """user -> list of dicts; None: not in the file (the reason is in `fate`)."""
    pseudonymise: Callable | None = None
    """(user, old_email) -> number of rows changed or deleted; None: kept as it is."""
    relations: tuple[str, ...] = ()
    """The relations to the user this source accounts for, as "app_label.Model.field"."""
    text_keys: tuple[str, ...] = ()
    """Text fields that hold the person's e-mail address, as "app_label.Model.field"."""
    model_family: Callable | None = None
    """model -> bool, for a family of models (history records, second-factor devices)."""
    warnings: Callable | None = None
    """user -> list of texts an administrator should read before pseudonymising."""
    count: Callable | None = None
    """user -> how many rows, for a source that is not exported."""


_sources: dict[str, Source] = {}


def register(source: Source) -> None:
    _sources[source.key] = source


def sources() -> list[Source]:
    return list(_sources.values())


# ---------------------------------------------------------------------------------------------
# Coverage: which relations and text fields the sources account for (the test asks these).


def covers_relation(model, field_name: str) -> bool:
    label = f"{model._meta.label}.{field_name}"
    return any(
        label in s.relations or (s.model_family is not None and s.model_family(model))
        for s in _sources.values()
    )


def covers_text_key(model, field_name: str) -> bool:
    label = f"{model._meta.label}.{field_name}"
    return any(label in s.text_keys for s in _sources.values())


def _holds_address(field) -> bool:
    return isinstance(field, EmailField) or field.name in ("username", "recipient")


def uncovered() -> list[str]:
    """Relations to the user, and text fields holding an address, that no source names."""
    user_model = get_user_model()
    found = []
    for model in apps.get_models():
        for f in model._meta.get_fields():
            label = f"{model._meta.label}.{f.name}"
            if f.is_relation and not f.auto_created and f.related_model is user_model:
                named = covers_relation(model, f.name)
            elif not f.is_relation and _holds_address(f) and not _is_history_model(model):
                # History rows copy these fields; the history source keeps them with the rest.
                named = covers_text_key(model, f.name)
            else:
                continue
            if not named:
                found.append(label)
    return found


@checks.register()
def check_every_place_is_named(app_configs=None, **kwargs):
    return [
        checks.Warning(
            f"{label} holds data about a user but no personal_data Source names it.",
            hint="Register a Source for it (export and what pseudonymising does).",
            id="ekosystem.W001",
        )
        for label in uncovered()
    ]


# ---------------------------------------------------------------------------------------------
# The copy (GDPR art. 15).


def export(user) -> dict:
    """Everything the product holds about `user`, as one JSON-ready dict."""
    sections = {}
    with override("sv"):
        for source in _sources.values():
            entry = {"title": str(source.title), "when_account_closed": str(source.fate)}
            if source.export is not None:
                entry["entries"] = source.export(user)
            sections[source.key] = entry
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "exported_at": timezone.now(),
        "person": {"id": user.pk, "email": user.email, "full_name": user.full_name},
        "sections": sections,
    }


def export_json(user) -> bytes:
    return json.dumps(export(user), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2).encode()


def export_filename(user, *, for_admin=False) -> str:
    today = timezone.localdate().isoformat()
    if for_admin:
        return f"personuppgifter-anvandare-{user.pk}-{today}.json"
    return f"mina-personuppgifter-{today}.json"


def summary(user) -> list[dict]:
    """Per source: its title, how many entries it holds about `user` and what happens to them."""
    rows = []
    for source in _sources.values():
        if source.export is not None:
            count = len(source.export(user))
        else:
            count = source.count(user) if source.count is not None else None
        rows.append(
            {
                "key": source.key,
                "title": source.title,
                "count": count,
                "in_file": source.export is not None,
                "fate": source.fate,
            }
        )
    return rows


def record_export(user, *, request, by=None) -> None:
    """DATA_EXPORTED about `user`; `by` is the administrator who fetched it for them."""
    detail = "self" if by is None or by.pk == user.pk else f"by administrator {by.pk}"
    security_log.record(security_log.Kind.DATA_EXPORTED, request=request, user=user, detail=detail)


# ---------------------------------------------------------------------------------------------
# Pseudonymising a person who left (GDPR art. 17 within the archive rules).

CANNOT_SELF = _("Du kan inte avidentifiera dig själv. Be en annan administratör.")
ALREADY_DONE = _("Personen är redan avidentifierad.")
LAST_ADMINISTRATOR = _(
    "Personen är den enda aktiva administratören. Gör någon annan till administratör först, "
    "annars kan ingen längre sköta tjänsten."
)


def pseudonym_email(user) -> str:
    return f"former-{user.pk}@{PSEUDONYM_DOMAIN}"


def pseudonym_name(user) -> str:
    # Stored, so in the register's language whatever the administrator's language is.
    with override("sv"):
        return str(_("Före detta användare %(number)d") % {"number": user.pk})


def is_pseudonymised(user) -> bool:
    return user.email == pseudonym_email(user)


def _is_administrator(user) -> bool:
    return user.is_superuser or user.role == Role.ADMIN


def refusal(user, *, by) -> str | None:
    """Why `user` may not be pseudonymised by `by` now, or None."""
    if user.pk == by.pk:
        return CANNOT_SELF
    if is_pseudonymised(user):
        return ALREADY_DONE
    if user.is_active and _is_administrator(user):
        others = (
            User.objects.filter(is_active=True)
            .filter(Q(is_superuser=True) | Q(role=Role.ADMIN))
            .exclude(pk=user.pk)
        )
        if not others.exists():
            return LAST_ADMINISTRATOR
    return None


def warnings(user) -> list[str]:
    """What an administrator should see to before or after pseudonymising `user`."""
    found = []
    for source in _sources.values():
        if source.warnings is not None:
            found.extend(source.warnings(user))
    return found


@dataclass
class Outcome:
    user: User
    old_email: str
    changed: dict[str, int] = field(default_factory=dict)
    """Source title -> rows changed or deleted."""


@transaction.atomic
def pseudonymise(user, *, by, request=None) -> Outcome:
    """Deactivate `user` and replace who they were by a pseudonym; irreversible.

    Side effects: the account can no longer sign in (inactive, unusable password, sessions
    ended, second factors and calendar links gone, leadership of ecosystems ended); name and
    e-mail become "Före detta användare N" / former-N@invalid, also where the product copied
    them as text (security events, the admin log); mail and one-time tokens of theirs are
    deleted. Submissions, answers, agreements and history records are kept: they point at the
    same row, which now shows the pseudonym. A PSEUDONYMISED event records it.
    """
    reason = refusal(user, by=by)
    if reason is not None:
        raise ValueError(str(reason))
    user = User.objects.select_for_update().get(pk=user.pk)
    outcome = Outcome(user=user, old_email=user.email)
    for source in _sources.values():
        if source.pseudonymise is not None:
            count = source.pseudonymise(user, outcome.old_email)
            if count:
                outcome.changed[str(source.title)] = count
    user.full_name = pseudonym_name(user)
    user.email = pseudonym_email(user)
    user.set_unusable_password()
    user.is_active = user.is_staff = user.is_superuser = False
    user.save()
    user.groups.clear()
    user.user_permissions.clear()
    _replace_text_copies(user, outcome.old_email)
    security_log.record(
        security_log.Kind.PSEUDONYMISED,
        request=request,
        user=user,
        username=user.email,
        detail=f"by administrator {by.pk}",
    )
    return outcome


def _replace_text_copies(user, old_email: str) -> None:
    """The e-mail address and name where earlier rows copied them as text."""
    new_email = user.email
    SecurityEvent.objects.filter(Q(user=user) | Q(username__iexact=old_email)).update(
        username=new_email
    )
    SecurityEvent.objects.filter(detail__icontains=old_email).update(
        detail=Replace("detail", Value(old_email), Value(new_email))
    )
    LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(User), object_id=str(user.pk)
    ).update(object_repr=str(user))


# ---------------------------------------------------------------------------------------------
# The sources that live in ekosystem and the libraries below it.


def _profile(user):
    return [
        {
            "email": user.email,
            "full_name": user.full_name,
            "role": str(user.get_role_display()),
            "active": user.is_active,
            "staff": user.is_staff,
            "date_joined": user.date_joined,
            "last_login": user.last_login,
            "ecosystems_led": [e.name for e in user.ecosystems.order_by("name")],
            "groups": [g.name for g in user.groups.order_by("name")],
        }
    ]


def _end_leadership(user, old_email):
    count = user.ecosystems.count()
    user.ecosystems.clear()
    return count


def _sole_leader_warnings(user):
    alone = (
        Ecosystem.objects.filter(leaders=user)
        .exclude(leaders__in=User.objects.filter(is_active=True).exclude(pk=user.pk))
        .order_by("name")
    )
    return [
        _(
            "%(name)s har ingen annan aktiv ledare. Koppla en ny ledare till ekosystemet, "
            "annars kan bara handläggare fylla i dess uppgifter."
        )
        % {"name": e.name}
        for e in alone
    ]


def _leader_contact(user):
    rows = Ecosystem.objects.filter(leader_email__iexact=user.email).order_by("name")
    return [
        {
            "ecosystem": e.name,
            "leader_name": e.leader_name,
            "leader_email": e.leader_email,
            "leader_time_share": e.leader_time_share,
            "leader_trained": e.leader_trained,
        }
        for e in rows
    ]


def _leader_contact_warnings(user):
    return [
        _(
            "%(name)s anger personen som ekosystemsledare i registret. Ändra kontaktuppgiften "
            "på ekosystemets sida när en ny ledare finns."
        )
        % {"name": e.name}
        for e in Ecosystem.objects.filter(leader_email__iexact=user.email).order_by("name")
    ]


def _board_entries(user):
    rows = (
        BoardMember.objects.filter(ecosystem__leaders=user, name__iexact=user.full_name)
        .select_related("ecosystem")
        .order_by("ecosystem__name")
    )
    return [
        {
            "ecosystem": b.ecosystem.name,
            "name": b.name,
            "organisation": b.organisation,
            "chair": b.is_chair,
            "trained": b.trained,
        }
        for b in rows
    ]


def _security_events(user):
    rows = SecurityEvent.objects.filter(user=user).order_by("at")
    return [
        {
            "kind": str(e.get_kind_display()),
            "at": e.at,
            "ip_address": e.ip_address,
            "user_agent": e.user_agent,
            "detail": e.detail,
        }
        for e in rows
    ]


def _mail(user):
    rows = OutboxMessage.objects.filter(recipient__iexact=user.email).order_by("created")
    # Subject and dates only: a body may hold a password-reset link.
    return [
        {"subject": m.subject, "created": m.created, "sent_at": m.sent_at, "template": m.template}
        for m in rows
    ]


def _delete_mail(user, old_email):
    return OutboxMessage.objects.filter(recipient__iexact=old_email).delete()[0]


def _form_tokens(user):
    rows = UsedFormToken.objects.filter(user=user).order_by("used_at")
    return [{"used_at": t.used_at} for t in rows]


def _delete_form_tokens(user, old_email):
    return UsedFormToken.objects.filter(user=user).delete()[0]


def _admin_log(user):
    rows = LogEntry.objects.filter(user=user).select_related("content_type").order_by("action_time")
    return [
        {
            "at": e.action_time,
            "action": {1: "added", 2: "changed", 3: "deleted"}.get(e.action_flag, ""),
            "type": e.content_type.name if e.content_type else "",
            "object": e.object_repr,
        }
        for e in rows
    ]


def _is_history_model(model) -> bool:
    from simple_history.models import HistoricalChanges

    return issubclass(model, HistoricalChanges)


def _history_models():
    # Not the m2m change tables: they hang on a history record and name no user of their own.
    return [
        m
        for m in apps.get_models()
        if _is_history_model(m) and any(f.name == "history_user" for f in m._meta.fields)
    ]


def _history(user):
    rows = []
    for model in _history_models():
        label = str(model.instance_type._meta.verbose_name)
        for record in model.objects.filter(history_user=user).values(
            "id", "history_date", "history_type"
        ):
            rows.append(
                {
                    "what": label,
                    "object_id": record["id"],
                    "at": record["history_date"],
                    "action": {"+": "created", "~": "changed", "-": "deleted"}.get(
                        record["history_type"], ""
                    ),
                }
            )
    return sorted(rows, key=lambda r: r["at"])


def _session_keys(user) -> list[str]:
    """The keys of the stored sessions signed in as `user` (database-backed sessions only)."""
    if not apps.is_installed("django.contrib.sessions") or "db" not in settings.SESSION_ENGINE:
        return []
    from django.contrib.auth import SESSION_KEY
    from django.contrib.sessions.models import Session

    keys = []
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if session.get_decoded().get(SESSION_KEY) == str(user.pk):
            keys.append(session.session_key)
    return keys


def _end_sessions(user, old_email):
    keys = _session_keys(user)
    if not keys:
        return 0
    from django.contrib.sessions.models import Session

    return Session.objects.filter(session_key__in=keys).delete()[0]


def _is_otp_device(model) -> bool:
    if not apps.is_installed("django_otp"):
        return False
    from django_otp.models import Device

    return issubclass(model, Device)


def _otp_devices(user):
    rows = []
    for model in apps.get_models():
        if _is_otp_device(model):
            for device in model.objects.filter(user=user):
                rows.append(
                    {
                        "type": str(model._meta.verbose_name),
                        "name": device.name,
                        "confirmed": device.confirmed,
                        "created_at": getattr(device, "created_at", None),
                        "last_used_at": getattr(device, "last_used_at", None),
                    }
                )
    return rows


def _delete_otp_devices(user, old_email):
    return sum(
        model.objects.filter(user=user).delete()[0]
        for model in apps.get_models()
        if _is_otp_device(model)
    )


AXES_MODELS = ("axes.AccessAttempt", "axes.AccessFailureLog", "axes.AccessLog")


def _axes_models():
    if not apps.is_installed("axes"):
        return []
    return [apps.get_model(label) for label in AXES_MODELS]


def _sign_ins(user):
    rows = []
    for model in _axes_models():
        for entry in model.objects.filter(username__iexact=user.email).order_by("attempt_time"):
            rows.append(
                {
                    "record": model._meta.model_name,
                    "at": entry.attempt_time,
                    "ip_address": entry.ip_address,
                    "user_agent": entry.user_agent,
                }
            )
    return rows


def _delete_sign_ins(user, old_email):
    return sum(m.objects.filter(username__iexact=old_email).delete()[0] for m in _axes_models())


for _source in (
    Source(
        key="profile",
        title=_("Profil: namn, e-post, roll och de ekosystem du leder"),
        fate=_(
            "Namn och e-post ersätts av en pseudonym, kontot stängs och kopplingen till "
            "ekosystemen tas bort. Kontot finns kvar så att historiken pekar på samma rad."
        ),
        export=_profile,
        pseudonymise=_end_leadership,
        text_keys=("ekosystem.User.email",),
        warnings=_sole_leader_warnings,
    ),
    Source(
        key="leader_contact",
        title=_("Ekosystem där registret anger dig som ledare"),
        fate=_(
            "Behålls: uppgiften hör till ekosystemets registerpost. Handläggaren ändrar den när "
            "ekosystemet får en ny ledare."
        ),
        export=_leader_contact,
        text_keys=("ekosystem.Ecosystem.leader_email",),
        warnings=_leader_contact_warnings,
    ),
    Source(
        key="board_entries",
        title=_("Styrelseposter med ditt namn i ekosystem du leder"),
        fate=_(
            "Behålls: styrelsens sammansättning hör till ekosystemets registerpost och är inte "
            "kopplad till kontot. Ledaren eller handläggaren tar bort en post som inte gäller."
        ),
        export=_board_entries,
    ),
    Source(
        key="history",
        title=_("Ändringar du har gjort (ändringshistorik)"),
        fate=KEPT_ARCHIVE,
        export=_history,
        model_family=_is_history_model,
    ),
    Source(
        key="security_events",
        title=_("Säkerhetshändelser: inloggningar, lösenordsbyten och liknande"),
        fate=format_lazy(
            _(
                "Behålls tills de gallras efter {days} dagar; e-postadressen i dem ersätts av "
                "pseudonymen."
            ),
            days=settings.SECURITY_EVENT_RETENTION_DAYS,
        ),
        export=_security_events,
        relations=("ekosystem.SecurityEvent.user",),
        text_keys=("ekosystem.SecurityEvent.username",),
    ),
    Source(
        key="sign_ins",
        title=_("Inloggningsförsök som inloggningsskyddet har registrerat"),
        fate=DELETED,
        export=_sign_ins,
        pseudonymise=_delete_sign_ins,
        text_keys=tuple(f"{label}.username" for label in AXES_MODELS),
    ),
    Source(
        key="second_factor",
        title=_("Tvåstegsverifiering: dina enheter (utan hemligheter)"),
        fate=DELETED,
        export=_otp_devices,
        pseudonymise=_delete_otp_devices,
        model_family=_is_otp_device,
    ),
    Source(
        key="sessions",
        title=_("Inloggade sessioner"),
        fate=_("Avslutas och tas bort. Finns inte i filen: nycklarna är hemliga."),
        pseudonymise=_end_sessions,
        count=lambda user: len(_session_keys(user)),
    ),
    Source(
        key="mail",
        title=_("E-post som tjänsten har skickat eller ska skicka till dig"),
        fate=_("Tas bort, också det som ännu inte har skickats."),
        export=_mail,
        pseudonymise=_delete_mail,
        text_keys=("ekosystem.OutboxMessage.recipient",),
    ),
    Source(
        key="form_tokens",
        title=_("Använda engångsnycklar för formulär"),
        fate=DELETED,
        export=_form_tokens,
        pseudonymise=_delete_form_tokens,
        relations=("ekosystem.UsedFormToken.user",),
    ),
    Source(
        key="admin_log",
        title=_("Ändringar du har gjort i administrationsgränssnittet"),
        fate=KEPT_ARCHIVE,
        export=_admin_log,
        relations=("admin.LogEntry.user",),
    ),
):
    register(_source)
