"""Questionnaires as versioned data, assessment rounds, and the answers leaders give in them."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from assessments.figures import DERIVED
from ekosystem.models import Ecosystem


class Bilingual:
    """Content kept in Swedish (as in the source documents) and English; shown in the UI's."""

    def in_language(self, field: str) -> str:
        swedish = getattr(self, f"{field}_sv")
        if (get_language() or "sv").startswith("sv"):
            return swedish
        return getattr(self, f"{field}_en") or swedish


class Questionnaire(Bilingual, models.Model):
    """One version of a questionnaire. Answers stay tied to the version they answered."""

    code = models.SlugField(_("kod"), max_length=30, help_text=_("t.ex. bilaga1 eller bilaga3"))
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    title_sv = models.CharField(_("titel (svenska)"), max_length=200)
    title_en = models.CharField(_("titel (engelska)"), max_length=200, blank=True)
    intro_sv = models.TextField(_("inledning (svenska)"), blank=True)
    intro_en = models.TextField(_("inledning (engelska)"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("frågeformulär")
        verbose_name_plural = pgettext_lazy("plural", "frågeformulär")
        ordering = ["code", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["code", "version"], name="one_questionnaire_version")
        ]

    def __str__(self):
        return f"{self.title} (v{self.version})"

    @property
    def title(self):
        return self.in_language("title")


class Section(Bilingual, models.Model):
    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.CASCADE, related_name="sections"
    )
    order = models.PositiveSmallIntegerField(_("ordning"))
    title_sv = models.CharField(_("rubrik (svenska)"), max_length=300)
    title_en = models.CharField(_("rubrik (engelska)"), max_length=300, blank=True)
    intro_sv = models.TextField(_("inledning (svenska)"), blank=True)
    intro_en = models.TextField(_("inledning (engelska)"), blank=True)

    class Meta:
        verbose_name = _("avsnitt")
        verbose_name_plural = pgettext_lazy("plural", "avsnitt")
        ordering = ["questionnaire", "order"]
        constraints = [
            models.UniqueConstraint(fields=["questionnaire", "order"], name="one_section_per_place")
        ]

    def __str__(self):
        return self.title

    @property
    def title(self):
        return self.in_language("title")

    @property
    def intro(self):
        return self.in_language("intro")


class Kind(models.TextChoices):
    GROUP = "group", _("Rubrik för delfrågor (besvaras inte själv)")
    TEXT = "text", _("Fritext")
    INTEGER = "integer", _("Heltal")
    PERCENT = "percent", _("Procent")
    AMOUNT = "amount", _("Belopp i kronor")
    DECIMAL = "decimal", _("Decimaltal")
    YES_NO = "yes_no", _("Ja/nej")
    CHOICE = "choice", _("Val")
    RATING = "rating", _("Skattning på en skala")
    MUNICIPALITIES = "municipalities", _("Tillgänglighet per kommun")


class Question(Bilingual, models.Model):
    """A question or lettered sub-question. `key` is stable across versions for comparisons."""

    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="questions")
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="parts"
    )
    order = models.PositiveSmallIntegerField(_("ordning"))
    number = models.CharField(_("nummer"), max_length=10, help_text=_("t.ex. 4 eller 4a"))
    key = models.SlugField(_("nyckel"), max_length=60)
    kind = models.CharField(_("svarstyp"), max_length=20, choices=Kind.choices)
    text_sv = models.TextField(_("fråga (svenska)"))
    text_en = models.TextField(_("fråga (engelska)"), blank=True)
    help_sv = models.TextField(_("hjälptext (svenska)"), blank=True)
    help_en = models.TextField(_("hjälptext (engelska)"), blank=True)
    required = models.BooleanField(_("obligatorisk"), default=True)
    choices = models.JSONField(
        _("svarsalternativ"),
        default=list,
        blank=True,
        help_text=_('Lista av {"value": ..., "sv": ..., "en": ...}'),
    )
    scale = models.JSONField(
        _("skala"),
        default=dict,
        blank=True,
        help_text=_('För skattning: {"min": 1, "max": 5, "labels": {"1": {"sv": .., "en": ..}}}'),
    )
    evidence = models.BooleanField(
        _("med underlag"),
        default=False,
        help_text=_("Frågan besvaras med en skattning och en beskrivning av underlaget."),
    )
    minimum = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    maximum = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)

    class Meta:
        verbose_name = _("fråga")
        verbose_name_plural = _("frågor")
        ordering = ["section", "order"]
        constraints = [
            models.UniqueConstraint(fields=["section", "key"], name="unique_question_key"),
        ]

    def __str__(self):
        return f"{self.number}. {self.text_sv[:60]}"

    @property
    def text(self):
        return self.in_language("text")

    @property
    def help(self):
        return self.in_language("help")

    @property
    def is_answerable(self) -> bool:
        return self.kind != Kind.GROUP

    @property
    def is_derived(self) -> bool:
        """Computed from other answers (assessments/figures.py), shown but not typed."""
        return self.key in DERIVED

    @property
    def takes_attachments(self) -> bool:
        """Documents support a written answer or a rated criterion's evidence, never a number
        or a choice. The service enforces it; the form offers an upload only here."""
        return self.kind == Kind.TEXT or self.evidence

    def choice_label(self, value) -> str:
        lang = "sv" if (get_language() or "sv").startswith("sv") else "en"
        for choice in self.choices:
            if choice["value"] == value:
                return choice.get(lang) or choice["sv"]
        return str(value)


class Round(models.Model):
    """An assessment round an officer opens for some ecosystems, questionnaires and a deadline."""

    year = models.PositiveSmallIntegerField(_("år"))
    name = models.CharField(_("namn"), max_length=200)
    questionnaires = models.ManyToManyField(Questionnaire, verbose_name=_("frågeformulär"))
    ecosystems = models.ManyToManyField(Ecosystem, verbose_name=_("deltagande ekosystem"))
    deadline = models.DateField(_("sista dag att skicka in"))
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("öppnad av"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("bedömningsomgång")
        verbose_name_plural = _("bedömningsomgångar")
        ordering = ["-year", "-created_at"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("round_detail", args=[self.pk])


class Status(models.TextChoices):
    DRAFT = "draft", _("Utkast")
    SUBMITTED = "submitted", _("Inskickad")
    RETURNED = "returned", _("Återsänd för komplettering")
    REVIEWED = "reviewed", _("Granskad")


class Submission(models.Model):
    """One ecosystem's answers to one questionnaire in one round."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="submissions")
    ecosystem = models.ForeignKey(Ecosystem, on_delete=models.CASCADE, related_name="submissions")
    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.PROTECT, related_name="submissions"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    last_saved_at = models.DateTimeField(_("senast sparad"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("inskickad"), null=True, blank=True)
    reviewed_at = models.DateTimeField(_("granskad"), null=True, blank=True)
    strengths = models.TextField(_("styrkor och möjligheter"), blank=True)
    weaknesses = models.TextField(_("svagheter och hot"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("inlämning")
        verbose_name_plural = _("inlämningar")
        ordering = ["round", "ecosystem__name", "questionnaire__code"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "ecosystem", "questionnaire"], name="one_submission_each"
            )
        ]

    def __str__(self):
        return f"{self.ecosystem} – {self.questionnaire.title} ({self.round.year})"

    def get_absolute_url(self):
        return reverse("submission_start", args=[self.pk])

    @property
    def is_editable(self) -> bool:
        return self.status in (Status.DRAFT, Status.RETURNED)


class Answer(models.Model):
    """A leader's answer to one question; `revision` rises on each save (no silent overwrite)."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="answers")
    value = models.JSONField(_("svar"), null=True, blank=True)
    evidence = models.TextField(_("underlag"), blank=True)
    revision = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(_("ändrad"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("ändrad av"),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("svar")
        verbose_name_plural = pgettext_lazy("plural", "svar")
        constraints = [
            models.UniqueConstraint(fields=["submission", "question"], name="one_answer_each")
        ]

    def __str__(self):
        return f"{self.question.number}: {self.value!r}"

    @property
    def is_answered(self) -> bool:
        return self.value not in (None, "", [], {})


def attachment_path(attachment, filename):
    """Where a file is stored; `filename` is generated (ekosystem.uploads.storage_name)."""
    return f"submissions/{attachment.answer.submission_id}/{attachment.answer_id}/{filename}"


class Attachment(models.Model):
    # Enough for the evidence of one answer; a cap keeps one answer from filling the disk.
    MAX_PER_ANSWER = 10

    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("fil"), upload_to=attachment_path)
    name = models.CharField(_("filnamn"), max_length=255)
    size = models.PositiveIntegerField(_("storlek"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("bilaga")
        verbose_name_plural = _("bilagor")
        ordering = ["uploaded_at"]

    def __str__(self):
        return self.name


class EventKind(models.TextChoices):
    SUBMITTED = "submitted", _("Skickades in")
    RETURNED = "returned", _("Återsändes för komplettering")
    REVIEWED = "reviewed", _("Markerades som granskad")


class SubmissionEvent(models.Model):
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("händelse"), max_length=10, choices=EventKind.choices)
    comment = models.TextField(_("kommentar"), blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("av")
    )
    happened_at = models.DateTimeField(_("tidpunkt"), auto_now_add=True)

    class Meta:
        verbose_name = _("händelse")
        verbose_name_plural = _("händelser")
        ordering = ["-happened_at", "-pk"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.happened_at:%Y-%m-%d}"


class DialogueNote(models.Model):
    """The follow-up dialogue that follows every self-assessment (Bilaga 3)."""

    submission = models.ForeignKey(
        Submission, on_delete=models.CASCADE, related_name="dialogue_notes"
    )
    held_on = models.DateField(_("datum"))
    participants = models.TextField(_("deltagare"))
    notes = models.TextField(_("anteckningar"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("uppföljningsdialog")
        verbose_name_plural = _("uppföljningsdialoger")
        ordering = ["-held_on"]

    def __str__(self):
        return f"{self.submission} {self.held_on}"


class DeadlineReminder(models.Model):
    """A reminder sent before a round's deadline about one open submission; sent once."""

    submission = models.ForeignKey(
        Submission, on_delete=models.CASCADE, related_name="deadline_reminders"
    )
    # The deadline reminded of: moving the round's deadline brings a new set of reminders.
    due_on = models.DateField()
    days_before = models.PositiveSmallIntegerField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("påminnelse om sista dag")
        verbose_name_plural = _("påminnelser om sista dag")
        constraints = [
            models.UniqueConstraint(
                fields=["submission", "due_on", "days_before"],
                name="one_deadline_reminder_per_date",
            )
        ]

    def __str__(self):
        return f"{self.submission_id} -{self.days_before}"
