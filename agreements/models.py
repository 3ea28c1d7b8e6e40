import hashlib
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from agreements import terms
from agreements.terms import NoticeEffect, NoticeKind
from ekosystem.models import Ecosystem

MONTHS = [MinValueValidator(1), MaxValueValidator(120)]
# Years of financing plans and outcomes: the span within which agreements can run.
YEARS = [
    MinValueValidator(2000),
    MaxValueValidator(terms.LATEST_START.year + terms.FUNDING_CAP_MONTHS // 12),
]


class Agreement(models.Model):
    """A cooperation agreement (Bilaga 2) between the region and an ecosystem's organisation."""

    ecosystem = models.ForeignKey(
        Ecosystem, on_delete=models.PROTECT, related_name="agreements", verbose_name=_("ekosystem")
    )
    reference = models.CharField(_("diarienummer"), max_length=50, blank=True)
    signed_on = models.DateField(
        _("undertecknat"),
        null=True,
        blank=True,
        help_text=_("Lämna tomt så länge avtalet är ett utkast."),
    )
    start_date = models.DateField(_("gäller från"))
    initial_months = models.PositiveSmallIntegerField(
        _("första avtalsperiod (månader)"), default=terms.DEFAULT_TERM_MONTHS, validators=MONTHS
    )
    renewal_months = models.PositiveSmallIntegerField(
        _("förlängningsperiod (månader)"), default=terms.DEFAULT_TERM_MONTHS, validators=MONTHS
    )
    notice_months = models.PositiveSmallIntegerField(
        _("uppsägningstid (månader)"), default=terms.DEFAULT_NOTICE_MONTHS, validators=MONTHS
    )
    cap_months = models.PositiveSmallIntegerField(
        _("längsta finansieringstid (månader)"),
        default=terms.FUNDING_CAP_MONTHS,
        validators=MONTHS,
        help_text=_("Strategin: högst tre treåriga perioder, nio år."),
    )
    first_evaluation_on = models.DateField(_("första utvärderingstillfälle"))
    evaluation_interval_months = models.PositiveSmallIntegerField(
        _("utvärdering var (månader)"),
        default=terms.DEFAULT_EVALUATION_INTERVAL_MONTHS,
        validators=MONTHS,
    )
    board_seat_holder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="board_seats",
        verbose_name=_("regionens adjungerade styrelseplats"),
        help_text=_("Tjänstepersonen som har regionens adjungerade plats i styrelsen."),
    )
    region_signatory = models.CharField(_("undertecknare för regionen"), max_length=200, blank=True)
    actor_signatory = models.CharField(_("undertecknare för aktören"), max_length=200, blank=True)
    expected_role = models.TextField(_("förväntad roll"), blank=True)
    expected_results = models.TextField(_("förväntade resultat"), blank=True)
    expected_effects = models.TextField(_("förväntade effekter"), blank=True)

    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(_("skapat"), auto_now_add=True)
    updated_at = models.DateTimeField(_("senast ändrat"), auto_now=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("samarbetsavtal")
        verbose_name_plural = pgettext_lazy("plural", "samarbetsavtal")
        ordering = ["ecosystem__name", "start_date"]

    def __str__(self):
        return _("Samarbetsavtal med %(name)s från %(start)s") % {
            "name": self.ecosystem.name,
            "start": self.start_date.isoformat(),
        }

    def get_absolute_url(self):
        return reverse("agreement_detail", args=[self.pk])

    def clean(self):
        errors = {}
        window = _("Ange ett datum från %(first)s till och med %(last)s.") % {
            "first": date_format(terms.EARLIEST_DATE, "j F Y"),
            "last": date_format(terms.LATEST_START, "j F Y"),
        }
        for name in ("start_date", "signed_on"):
            day = getattr(self, name)
            if day and not terms.EARLIEST_DATE <= day <= terms.LATEST_START:
                errors[name] = window
        if (
            self.start_date
            and self.first_evaluation_on
            and self.first_evaluation_on < self.start_date
        ):
            errors["first_evaluation_on"] = _(
                "Första utvärderingen kan inte ligga före avtalets start."
            )
        elif (
            "start_date" not in errors
            and self.start_date
            and self.first_evaluation_on
            and self.cap_months
            and self.first_evaluation_on > (last := terms.cap_end(self.start_date, self.cap_months))
        ):
            errors["first_evaluation_on"] = _(
                "Första utvärderingen måste ligga inom den längsta finansieringstiden, senast "
                "%(day)s."
            ) % {"day": date_format(last, "j F Y")}
        if self.initial_months and self.cap_months and self.initial_months > self.cap_months:
            errors["initial_months"] = _(
                "Första perioden (%(initial)d månader) är längre än den längsta "
                "finansieringstiden (%(cap)d månader)."
            ) % {"initial": self.initial_months, "cap": self.cap_months}
        notice = self.notice_months
        too_long = [
            message
            for months, message in (
                (self.initial_months, _("Uppsägningstiden måste vara kortare än första perioden.")),
                (
                    self.renewal_months,
                    _("Uppsägningstiden måste vara kortare än förlängningsperioden."),
                ),
            )
            if notice and months and notice >= months
        ]
        if too_long:
            errors["notice_months"] = too_long
        if errors:
            raise ValidationError(errors)

    @property
    def terms(self) -> terms.Terms:
        return terms.Terms(
            start=self.start_date,
            initial_months=self.initial_months,
            renewal_months=self.renewal_months,
            notice_months=self.notice_months,
            cap_months=self.cap_months,
        )

    @property
    def is_signed(self):
        return self.signed_on is not None

    def current_notice(self) -> "Notice | None":
        """The notice that decides when the agreement ends: the one that ends it first."""
        notices = list(self.notices.all())
        return min(notices, key=lambda n: n.ends_on) if notices else None

    def notice_effect(self, notice=None) -> "NoticeEffect | None":
        """What the rules make of `notice` (default: the current notice) today."""
        notice = notice or self.current_notice()
        if notice is None:
            return None
        return terms.notice_effect(self.terms, notice.received_on, NoticeKind(notice.kind))

    def last_day_in_force(self) -> date:
        effect = self.notice_effect()
        return terms.last_day_in_force(self.terms, [effect] if effect else [])


class AgreementPeriod(models.Model):
    """A period the agreement has entered, stored as it was computed when it began or changed."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="periods")
    index = models.PositiveSmallIntegerField(_("period"))
    start = models.DateField(_("från"))
    end = models.DateField(_("till och med"))
    notice_deadline = models.DateField(_("sista dag för uppsägning"))

    class Meta:
        verbose_name = _("avtalsperiod")
        verbose_name_plural = _("avtalsperioder")
        ordering = ["agreement", "index"]
        constraints = [
            models.UniqueConstraint(fields=["agreement", "index"], name="one_row_per_period"),
            models.CheckConstraint(
                condition=models.Q(notice_deadline__lte=models.F("end"))
                & models.Q(start__lte=models.F("end")),
                name="period_dates_in_order",
            ),
        ]

    def __str__(self):
        return f"{self.index}: {self.start}–{self.end}"


class Party(models.TextChoices):
    REGION = "region", _("Region Norrbotten")
    ACTOR = "actor", _("Aktören")
    FINANCIER = "financier", _("Annan finansiär")


class Notice(models.Model):
    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="notices")
    party = models.CharField(_("uppsagt av"), max_length=10, choices=Party.choices)
    kind = models.CharField(
        _("slag av uppsägning"),
        max_length=20,
        choices=[
            (NoticeKind.AT_EXPIRY, _("Uppsägning till avtalstidens slut (ingen förlängning)")),
            (NoticeKind.DURING_PERIOD, _("Uppsägning under avtalsperioden (större förändringar)")),
        ],
        default=NoticeKind.AT_EXPIRY,
    )
    received_on = models.DateField(_("mottagen"))
    ends_on = models.DateField(_("avtalet upphör"), editable=False)
    note = models.TextField(_("anteckning"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("registrerad av"),
    )
    recorded_at = models.DateTimeField(_("registrerad"), auto_now_add=True)

    class Meta:
        verbose_name = _("uppsägning")
        verbose_name_plural = _("uppsägningar")
        ordering = ["received_on"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(received_on__lte=models.F("ends_on")),
                name="notice_ends_after_it_is_received",
            )
        ]

    def __str__(self):
        return f"{self.get_party_display()} {self.received_on}"


class AmountChange(models.Model):
    """The annual amount from a date on; the earliest row is the amount the agreement began with."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="amounts")
    effective_from = models.DateField(_("gäller från"))
    annual_amount_tkr = models.DecimalField(
        _("belopp per år (tkr)"),
        max_digits=10,
        decimal_places=1,
        validators=[MinValueValidator(0)],
    )
    reason = models.TextField(_("skäl"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        verbose_name=_("registrerad av"),
    )
    recorded_at = models.DateTimeField(_("registrerad"), auto_now_add=True)

    class Meta:
        verbose_name = _("belopp")
        verbose_name_plural = pgettext_lazy("plural", "belopp")
        ordering = ["agreement", "effective_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "effective_from"], name="one_amount_per_date"
            )
        ]

    def __str__(self):
        return f"{self.annual_amount_tkr} tkr {self.effective_from}"


class Contribution(models.Model):
    """Another financier's contribution in one year (the financing plan, as in seed 004)."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="contributions")
    financier = models.CharField(_("finansiär"), max_length=200)
    year = models.PositiveSmallIntegerField(_("år"), validators=YEARS)
    amount_tkr = models.DecimalField(
        _("belopp (tkr)"), max_digits=10, decimal_places=1, validators=[MinValueValidator(0)]
    )

    class Meta:
        verbose_name = _("finansiering från annan finansiär")
        verbose_name_plural = _("finansiering från andra finansiärer")
        ordering = ["financier", "year"]
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "financier", "year"], name="one_contribution_per_year"
            )
        ]

    def __str__(self):
        return f"{self.financier} {self.year}"


def evaluation_report_path(evaluation, filename):
    return f"agreements/{evaluation.agreement_id}/evaluations/{filename}"


class Evaluation(models.Model):
    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="evaluations")
    due_on = models.DateField(_("planerad"))
    done_on = models.DateField(_("genomförd"))
    summary = models.TextField(_("sammanfattning"), blank=True)
    report = models.FileField(_("rapport"), upload_to=evaluation_report_path, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("registrerad av"),
    )
    recorded_at = models.DateTimeField(_("registrerad"), auto_now_add=True)

    class Meta:
        verbose_name = _("utvärdering")
        verbose_name_plural = _("utvärderingar")
        ordering = ["agreement", "due_on"]
        constraints = [
            models.UniqueConstraint(fields=["agreement", "due_on"], name="one_evaluation_per_due")
        ]

    def __str__(self):
        return f"{self.agreement_id} {self.due_on}"


class ResultIndicator(models.Model):
    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField(_("resultatindikator"), max_length=200)
    unit = models.CharField(_("enhet"), max_length=50, blank=True)
    target = models.DecimalField(_("mål"), max_digits=12, decimal_places=1)

    class Meta:
        verbose_name = _("resultatindikator")
        verbose_name_plural = _("resultatindikatorer")
        ordering = ["agreement", "name"]

    def __str__(self):
        return self.name


class IndicatorOutcome(models.Model):
    indicator = models.ForeignKey(
        ResultIndicator,
        on_delete=models.CASCADE,
        related_name="outcomes",
        verbose_name=_("resultatindikator"),
    )
    year = models.PositiveSmallIntegerField(_("år"), validators=YEARS)
    value = models.DecimalField(_("utfall"), max_digits=12, decimal_places=1)

    class Meta:
        verbose_name = _("utfall")
        verbose_name_plural = pgettext_lazy("plural", "utfall")
        ordering = ["indicator", "year"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "year"], name="one_outcome_per_year")
        ]

    def __str__(self):
        return f"{self.indicator} {self.year}"


class EventKind(models.TextChoices):
    CREATED = "created", _("Avtalet registrerades")
    TERMS_CHANGED = "terms_changed", _("Avtalets datum ändrades")
    RENEWED = "renewed", _("Avtalet förlängdes")
    NOTICE = "notice", _("Uppsägning registrerades")
    AMOUNT = "amount", _("Beloppet ändrades")
    EVALUATION = "evaluation", _("Utvärdering registrerades")


class AgreementEvent(models.Model):
    """The audit trail of what happened to an agreement, by whom (None: the system)."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("händelse"), max_length=20, choices=EventKind.choices)
    happened_at = models.DateTimeField(_("registrerad"), auto_now_add=True)
    effective_on = models.DateField(
        _("gäller från"),
        null=True,
        help_text=_("Dagen händelsen fick verkan (t.ex. dagen en uppsägning kom in)."),
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("av"),
    )
    details = models.JSONField(_("detaljer"), default=dict, blank=True)

    class Meta:
        verbose_name = _("avtalshändelse")
        verbose_name_plural = _("avtalshändelser")
        ordering = ["-effective_on", "-happened_at", "-pk"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.effective_on or self.happened_at.date()}"


def hash_calendar_token(token: str) -> str:
    """SHA-256 of a feed token, hex: what is stored and looked up instead of the token.

    No salt and no slow hash (as passwords need) are needed: the token is 256 random bits
    (secrets.token_urlsafe(32)), so there is no dictionary to precompute and no guessing to slow
    down; the hash only makes a copy of the database useless for reading anybody's feed. Being
    deterministic, it can be looked up through the unique index.
    """
    return hashlib.sha256(token.encode()).hexdigest()


class CalendarToken(models.Model):
    """A private, revocable address for a user's calendar feed of agreement deadlines.

    Only the token's hash is stored: the address is shown once, when it is created
    (agreements.calendar.create_calendar_token sets `secret` on the instance it returns).
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_tokens"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("kalenderlänk")
        verbose_name_plural = _("kalenderlänkar")

    def __str__(self):
        return f"{self.user} ({'revoked' if self.revoked_at else 'active'})"


class Reminder(models.Model):
    """A reminder sent about one date of one agreement; kept so none is sent twice."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(max_length=20)
    due_on = models.DateField()
    days_before = models.PositiveSmallIntegerField()
    sent_at = models.DateTimeField(auto_now_add=True)
    recipients = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("påminnelse")
        verbose_name_plural = _("påminnelser")
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "kind", "due_on", "days_before"], name="one_reminder_each"
            )
        ]

    def __str__(self):
        return f"{self.agreement_id} {self.kind} {self.due_on} -{self.days_before}"
