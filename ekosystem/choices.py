"""The fixed vocabularies of the strategy, kept apart so rule modules can use them freely."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    LEADER = "leader", _("Ekosystemsledare")
    OFFICER = "officer", _("Handläggare")
    BOARD = "board", _("Nämndledamot")
    REVIEWER = "reviewer", _("Granskare")
    ADMIN = "admin", _("Administratör")


class Municipality(models.TextChoices):
    ARJEPLOG = "arjeplog", "Arjeplog"
    ARVIDSJAUR = "arvidsjaur", "Arvidsjaur"
    BODEN = "boden", "Boden"
    GALLIVARE = "gallivare", "Gällivare"
    HAPARANDA = "haparanda", "Haparanda"
    JOKKMOKK = "jokkmokk", "Jokkmokk"
    KALIX = "kalix", "Kalix"
    KIRUNA = "kiruna", "Kiruna"
    LULEA = "lulea", "Luleå"
    PAJALA = "pajala", "Pajala"
    PITEA = "pitea", "Piteå"
    ALVSBYN = "alvsbyn", "Älvsbyn"
    OVERKALIX = "overkalix", "Överkalix"
    OVERTORNEA = "overtornea", "Övertorneå"


class LegalForm(models.TextChoices):
    ECONOMIC_ASSOCIATION = "economic_association", _("Ekonomisk förening")
    NON_PROFIT_ASSOCIATION = "non_profit_association", _("Ideell förening")
    LIMITED_COMPANY = "limited_company", _("Aktiebolag")
    FOUNDATION = "foundation", _("Stiftelse")
    PUBLIC_BODY = "public_body", _("Offentlig organisation")
    OTHER = "other", _("Annan")


class Phase(models.TextChoices):
    """The development phases of Bilaga 4, in order."""

    NETWORK = "network", _("Nätverksfasen")
    SUSTAINABLE_DEVELOPMENT = "sustainable_development", _("Ekosystem för hållbar utveckling")
    RENEWAL = "renewal", _("Ekosystem för förnyelse")
    INNOVATION = "innovation", _("Ekosystem för innovation")


class SystemType(models.TextChoices):
    IRIS = "iris", _("IRIS – institutionellt initierat")
    ERIS = "eris", _("ERIS – entreprenöriellt, växt ur starka företag")


class Gap(models.TextChoices):
    """The seven gaps between actors that the strategy asks each ecosystem to bridge."""

    RESEARCH = "research", _("Forskningsgapet")
    EDUCATION = "education", _("Utbildningsgapet")
    CAPITAL = "capital", _("Kapitalgapet")
    AUTHORITY = "authority", _("Myndighetsgapet")
    BETWEEN_FIRMS = "between_firms", _("Gapet mellan företag")
    BETWEEN_ECOSYSTEMS = "between_ecosystems", _("Gapet mellan ekosystem")
    GLOBAL_MARKET = "global_market", _("Det globala marknadsgapet")


class ExcellenceLabel(models.TextChoices):
    NONE = "none", _("Ingen märkning")
    BRONZE = "bronze", _("Brons")
    SILVER = "silver", _("Silver")
    GOLD = "gold", _("Guld")


class Sector(models.TextChoices):
    BUSINESS = "business", _("Näringsliv")
    ACADEMIA = "academia", _("Akademi")
    PUBLIC = "public", _("Offentlig sektor")
    CIVIL = "civil", _("Civila sektorn")
