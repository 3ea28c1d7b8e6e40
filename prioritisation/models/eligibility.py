"""What an officer records about operating finance for an ecosystem (strategy §2.3.3).

One current record per ecosystem, with its history kept: the strategy revisits the priority
order continuously ("en preliminär prioritetsordning som kan omprövas löpande"), so the record
follows the ecosystem rather than a round. The rule that reads it is prioritisation/eligibility.py.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from ekosystem.models import Ecosystem
from prioritisation.eligibility import Reason, ReasonFacts

# Each of the four reasons: its flag field and its justification field.
REASON_FIELDS = {
    Reason.ACTOR_SYSTEM: ("actor_system", "actor_system_text"),
    Reason.SPECIALISATION: ("specialisation", "specialisation_text"),
    Reason.TARGET_GROUP: ("target_group", "target_group_text"),
    Reason.UNLOCKS_OTHER_FINANCIERS: ("unlocks_other_financiers", "unlocks_other_financiers_text"),
}


class OperatingFinanceReasons(models.Model):
    ecosystem = models.OneToOneField(
        Ecosystem,
        on_delete=models.CASCADE,
        related_name="operating_finance_reasons",
        verbose_name=_("ekosystem"),
    )
    actor_system = models.BooleanField(_("avgörande för aktörssystemet"), default=False)
    actor_system_text = models.TextField(_("motivering"), blank=True)
    specialisation = models.BooleanField(_("avgörande för en specialisering"), default=False)
    specialisation_text = models.TextField(_("motivering"), blank=True)
    target_group = models.BooleanField(
        _("avgörande utifrån en specifik målgrupps behov"), default=False
    )
    target_group_text = models.TextField(_("motivering"), blank=True)
    unlocks_other_financiers = models.BooleanField(
        _("regionens finansiering är avgörande för finansiering från annan aktör"), default=False
    )
    unlocks_other_financiers_text = models.TextField(_("motivering"), blank=True)
    others_finance_enough = models.BooleanField(
        _("tillräcklig finansiering finns redan från andra aktörer"), default=False
    )
    others_finance_enough_text = models.TextField(_("motivering"), blank=True)
    # Raised on every save; a form that started from an older version is refused.
    version = models.PositiveIntegerField(default=1, editable=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("registrerat av"),
    )
    recorded_at = models.DateTimeField(_("registrerat"), auto_now=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("skäl för verksamhetsfinansiering")
        verbose_name_plural = _("skäl för verksamhetsfinansiering")

    def __str__(self):
        return str(self.ecosystem)

    def facts(self) -> ReasonFacts:
        chosen = {
            reason: getattr(self, text).strip()
            for reason, (flag, text) in REASON_FIELDS.items()
            if getattr(self, flag)
        }
        return ReasonFacts(
            chosen=chosen,
            others_finance_enough=self.others_finance_enough,
            others_finance_enough_text=self.others_finance_enough_text.strip(),
        )
