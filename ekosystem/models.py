from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from ekosystem.choices import (
    ExcellenceLabel,
    Gap,
    LegalForm,
    Municipality,
    Phase,
    Role,
    Sector,
    SystemType,
)
from ekosystem.criteria import MIN_LEADER_TIME_SHARE, cluster_of_sweden_checklist

# Roles that make a user an officer; a superuser is one whatever the role.
OFFICER_ROLES = (Role.OFFICER, Role.ADMIN)


class UserQuerySet(models.QuerySet):
    def officers(self):
        """The users `User.is_officer` is true for (the two must agree)."""
        return self.filter(models.Q(role__in=OFFICER_ROLES) | models.Q(is_superuser=True))


class UserManager(BaseUserManager):
    use_in_migrations = True

    def get_queryset(self):
        return UserQuerySet(self.model, using=self._db)

    def officers(self):
        return self.get_queryset().officers()

    def create_user(self, email, password=None, **extra_fields):
        if not email:
            raise ValueError("A user needs an e-mail address.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.update(role=Role.ADMIN, is_staff=True, is_superuser=True)
        return self.create_user(email, password, **extra_fields)


class User(AbstractBaseUser, PermissionsMixin):
    """A person who signs in with their e-mail address; the role decides what they reach."""

    email = models.EmailField(_("e-postadress"), unique=True)
    full_name = models.CharField(_("namn"), max_length=200)
    role = models.CharField(_("roll"), max_length=20, choices=Role.choices, default=Role.LEADER)
    ecosystems = models.ManyToManyField(
        "Ecosystem",
        verbose_name=_("leder ekosystem"),
        related_name="leaders",
        blank=True,
        help_text=_("Gäller ekosystemsledare: de ekosystem personen fyller i uppgifter för."),
    )
    is_active = models.BooleanField(_("aktiv"), default=True)
    is_staff = models.BooleanField(_("får använda administrationsgränssnittet"), default=False)
    date_joined = models.DateTimeField(_("skapad"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        verbose_name = _("användare")
        verbose_name_plural = pgettext_lazy("plural", "användare")
        ordering = ["full_name", "email"]

    def __str__(self):
        return self.full_name or self.email

    def get_full_name(self):
        return self.full_name

    def get_short_name(self):
        return self.full_name.split(" ")[0] if self.full_name else self.email

    @property
    def is_leader(self):
        return self.role == Role.LEADER

    @property
    def is_officer(self):
        """Officers and administrators see and change every ecosystem."""
        return self.role in OFFICER_ROLES or self.is_superuser

    @property
    def is_board_member(self):
        return self.role == Role.BOARD

    @property
    def is_reviewer(self):
        return self.role == Role.REVIEWER

    @property
    def requires_second_factor(self):
        """Who must sign in with a code as well: everyone who decides or administers.

        Leaders and reviewers may turn it on themselves (ekosystem/second_factor.py).
        """
        return self.is_officer or self.is_board_member or self.is_staff or self.is_superuser


class Specialisation(models.Model):
    """A smart-specialisation area of the regional strategy; rank 1 weighs most."""

    name = models.CharField(_("namn"), max_length=200, unique=True)
    rank = models.PositiveSmallIntegerField(
        _("prioritetsordning"), unique=True, validators=[MinValueValidator(1)]
    )
    description = models.TextField(_("beskrivning"), blank=True)

    class Meta:
        verbose_name = _("smart specialiseringsområde")
        verbose_name_plural = _("smarta specialiseringsområden")
        ordering = ["rank"]

    def __str__(self):
        return f"{self.rank}. {self.name}"


organisation_number_validator = RegexValidator(
    r"^\d{6}-\d{4}$", _("Ange organisationsnumret som tio siffror: 802012-3456.")
)


def current_year():
    return timezone.localdate().year


class Ecosystem(models.Model):
    """A cluster initiative and the facts the regional strategy checks about it."""

    name = models.CharField(_("namn"), max_length=200, unique=True)
    organisation_name = models.CharField(_("klusterorganisation"), max_length=200)
    organisation_number = models.CharField(
        _("organisationsnummer"),
        max_length=11,
        blank=True,
        validators=[organisation_number_validator],
    )
    legal_form = models.CharField(_("juridisk form"), max_length=30, choices=LegalForm.choices)
    year_founded = models.PositiveSmallIntegerField(
        _("grundat år"), null=True, blank=True, validators=[MinValueValidator(1900)]
    )
    municipality = models.CharField(
        _("säte (kommun)"), max_length=20, choices=Municipality.choices, blank=True
    )
    website = models.URLField(_("webbplats"), blank=True)

    leader_name = models.CharField(_("ekosystemsledare"), max_length=200, blank=True)
    leader_email = models.EmailField(_("ledarens e-post"), blank=True)
    leader_time_share = models.PositiveSmallIntegerField(
        _("ledarens tid för ekosystemet (%)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(100)],
        help_text=_("Andel av en heltid. Strategin kräver minst 50 %."),
    )
    leader_trained = models.BooleanField(_("ledaren har deltagit i utbildningen"), default=False)

    members_business = models.PositiveIntegerField(_("medlemmar från näringslivet"), default=0)
    members_academia = models.PositiveIntegerField(_("medlemmar från akademin"), default=0)
    members_public = models.PositiveIntegerField(_("medlemmar från offentlig sektor"), default=0)
    members_civil = models.PositiveIntegerField(_("medlemmar från civila sektorn"), default=0)
    members_abroad = models.PositiveIntegerField(_("varav baserade utanför Sverige"), default=0)
    annual_turnover = models.PositiveBigIntegerField(
        _("årlig omsättning (kr)"), null=True, blank=True
    )
    staff_fte = models.DecimalField(
        _("personal (årsarbetskrafter)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("Egen personal och personal som medlemmarna bidrar med (in kind)."),
    )
    systematic_innovation_work = models.BooleanField(
        _("bedriver systematiska utvecklings- och innovationsaktiviteter med medlemmarna"),
        default=False,
    )
    excellence_label = models.CharField(
        _("Cluster Excellence Label"),
        max_length=10,
        choices=ExcellenceLabel.choices,
        default=ExcellenceLabel.NONE,
    )
    eccp_listed = models.BooleanField(
        _("finns på European Cluster Collaboration Platform (ECCP)"), default=False
    )

    specialisations = models.ManyToManyField(
        Specialisation, verbose_name=_("smarta specialiseringsområden"), blank=True
    )
    system_type = models.CharField(
        _("typ av innovationssystem"), max_length=4, choices=SystemType.choices, blank=True
    )
    phase = models.CharField(_("fas"), max_length=30, choices=Phase.choices)
    gaps = models.JSONField(_("gap som ekosystemet överbryggar"), default=list, blank=True)

    strategy_goals = models.TextField(_("vad vill vi uppnå?"), blank=True)
    strategy_approach = models.TextField(_("hur når vi målet?"), blank=True)
    strategy_responsibilities = models.TextField(_("vem ansvarar för vad?"), blank=True)

    # Kept in step by save() so that lists can filter and sort on it; criteria.py is the rule.
    # When the rule changes, `manage.py recompute_cluster_criteria` brings stored counts in step.
    cluster_criteria_met = models.PositiveSmallIntegerField(
        _("uppfyllda Cluster of Sweden-kriterier"), default=0, editable=False
    )
    # Raised on every save; an edit form that started from an older version is refused.
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)
    updated_at = models.DateTimeField(_("senast ändrad"), auto_now=True)

    history = HistoricalRecords(m2m_fields=[specialisations])

    class Meta:
        verbose_name = _("ekosystem")
        verbose_name_plural = pgettext_lazy("plural", "ekosystem")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.cluster_criteria_met = self.count_criteria_met()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "cluster_criteria_met"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("ecosystem_detail", args=[self.pk])

    def count_criteria_met(self) -> int:
        """The Cluster of Sweden criteria met now, by the rule in criteria.py."""
        return sum(c.met for c in cluster_of_sweden_checklist(self))

    @property
    def members_total(self):
        return (
            self.members_business + self.members_academia + self.members_public + self.members_civil
        )

    @property
    def gap_labels(self):
        return [Gap(code).label for code in self.gaps if code in Gap.values]

    @property
    def leader_time_share_sufficient(self):
        if self.leader_time_share is None:
            return None
        return self.leader_time_share >= MIN_LEADER_TIME_SHARE


class BoardMember(models.Model):
    ecosystem = models.ForeignKey(
        Ecosystem,
        on_delete=models.CASCADE,
        related_name="board_members",
        verbose_name=_("ekosystem"),
    )
    name = models.CharField(_("namn"), max_length=200)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    sector = models.CharField(_("sektor"), max_length=10, choices=Sector.choices, blank=True)
    is_chair = models.BooleanField(_("ordförande"), default=False)
    trained = models.BooleanField(_("har deltagit i utbildningen"), default=False)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("styrelseledamot")
        verbose_name_plural = _("styrelseledamöter")
        ordering = ["-is_chair", "name"]

    def __str__(self):
        return self.name


class OutboxMessage(models.Model):
    """One e-mail to one recipient, written in the same transaction as the change it reports.

    ekosystem.outbox sends it after commit and retries with backoff until it is sent: a broker or
    SMTP outage delays mail, never loses it. `key` makes enqueueing idempotent.
    """

    key = models.CharField(_("nyckel"), max_length=255, unique=True)
    template = models.CharField(_("mall"), max_length=100)
    recipient = models.EmailField(_("mottagare"))
    subject = models.CharField(_("ämne"), max_length=255)
    text = models.TextField(_("text"))
    html = models.TextField(_("HTML"), blank=True)
    language = models.CharField(_("språk"), max_length=10)
    created = models.DateTimeField(_("skapat"), default=timezone.now)
    attempts = models.PositiveSmallIntegerField(_("försök"), default=0)
    next_attempt_at = models.DateTimeField(
        _("nästa försök"),
        null=True,
        blank=True,
        default=timezone.now,
        help_text=_("Tomt när meddelandet är skickat eller när försöken är slut."),
    )
    sent_at = models.DateTimeField(_("skickat"), null=True, blank=True)
    last_error = models.TextField(_("senaste fel"), blank=True)

    class Meta:
        verbose_name = _("utgående e-post")
        verbose_name_plural = _("utgående e-post")
        ordering = ["-created"]
        indexes = [models.Index(fields=["sent_at", "next_attempt_at"], name="outbox_due")]

    def __str__(self):
        return f"{self.recipient}: {self.subject}"


class UsedFormToken(models.Model):
    """A one-time form token whose POST created something (ekosystem.onetime).

    A second POST with the same token (a double click, a resent form) is answered with the first
    one's redirect instead of creating a second copy.
    """

    token = models.CharField(max_length=64, unique=True)
    user = models.ForeignKey(User, on_delete=models.CASCADE, null=True, blank=True)
    used_at = models.DateTimeField(default=timezone.now)
    redirect_to = models.CharField(max_length=2000, blank=True)

    class Meta:
        verbose_name = _("använd formulärnyckel")
        verbose_name_plural = _("använda formulärnycklar")

    def __str__(self):
        return self.token


class SecurityEvent(models.Model):
    """One security-relevant event: who, from where, when (ekosystem.security_log writes them).

    Kept for SECURITY_EVENT_RETENTION_DAYS and then deleted by the nightly sweep; the user link is
    kept loose (SET_NULL plus the e-mail at the time) so that pseudonymising a person who left
    does not erase what happened on their account.
    """

    class Kind(models.TextChoices):
        LOGIN = "login", _("Inloggning")
        LOGIN_FAILED = "login_failed", _("Misslyckad inloggning")
        LOCKOUT = "lockout", _("Utelåsning")
        LOGOUT = "logout", _("Utloggning")
        OTP_SETUP = "otp_setup", _("Tvåstegsverifiering införd")
        OTP_USED = "otp_used", _("Engångskod använd")
        OTP_FAILED = "otp_failed", _("Fel engångskod")
        RECOVERY_CODE_USED = "recovery_code_used", _("Reservkod använd")
        OTP_RESET = "otp_reset", _("Tvåstegsverifiering återställd")
        PASSWORD_CHANGED = "password_changed", _("Lösenord bytt")
        PASSWORD_RESET_REQUESTED = "password_reset_requested", _("Lösenordsåterställning begärd")
        PASSWORD_RESET_DONE = "password_reset_done", _("Lösenord återställt")
        EMAIL_CHANGED = "email_changed", _("E-postadress bytt")
        ROLE_CHANGED = "role_changed", _("Roll ändrad")
        CALENDAR_TOKEN_CREATED = "calendar_token_created", _("Kalenderlänk skapad")
        CALENDAR_TOKEN_REVOKED = "calendar_token_revoked", _("Kalenderlänk återkallad")
        DATA_EXPORTED = "data_exported", _("Personuppgifter hämtade")
        PSEUDONYMISED = "pseudonymised", _("Person avidentifierad")

    kind = models.CharField(_("händelse"), max_length=40, choices=Kind.choices)
    user = models.ForeignKey(
        User,
        verbose_name=_("användare"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="security_events",
    )
    # What was typed or known at the time; for a failed login, the name tried.
    username = models.CharField(_("användarnamn"), max_length=254, blank=True)
    ip_address = models.GenericIPAddressField(_("adress"), null=True, blank=True)
    user_agent = models.CharField(_("webbläsare"), max_length=255, blank=True)
    at = models.DateTimeField(_("tid"), default=timezone.now, db_index=True)
    detail = models.CharField(_("detaljer"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("säkerhetshändelse")
        verbose_name_plural = _("säkerhetshändelser")
        ordering = ["-at"]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.get_kind_display()} {self.username}"
