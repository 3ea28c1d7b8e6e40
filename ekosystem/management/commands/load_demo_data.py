"""Fill the database with a small, plausible Norrbotten demo: specialisations, seven ecosystems
with boards, one sign-in per role and a little change history.

Idempotent: content that already exists (matched on its natural key) is left exactly as it is,
so a second run adds no rows and no history. Only the demo users' passwords, roles and leader
links are put back on every run, so that the printed logins always work.

All names of ecosystems, firms and people are invented. Organisation numbers are deliberately
given a wrong check digit, so none of them can belong to a real organisation.
"""

from base64 import b32encode
from decimal import Decimal

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from agreements import demo as agreements_demo
from assessments import demo as assessments_demo
from ekosystem import second_factor
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
from ekosystem.models import BoardMember, Ecosystem, Specialisation, User
from prioritisation import demo as prioritisation_demo

DEMO_PASSWORD = "ekosystem-demo"
# The authenticator-app secret of every demo login that must have a second factor (officer,
# board member, administrator): as public as the demo password, printed by the command.
DEMO_TOTP_KEY = b"ekosystem-demo-2fa!!".hex()

# The region's smart-specialisation areas in priority order (rank 1 weighs most).
SPECIALISATIONS = [
    {
        "name": "Grön stål- och energiomställning",
        "description": "Fossilfri stål- och metallproduktion, vätgas, förnybar el och "
        "elintensiv industri som ställer om Norrbotten.",
    },
    {
        "name": "Gruv- och mineralnäring",
        "description": "Hållbar prospektering, gruvdrift, automation och återvinning av "
        "innovationskritiska metaller och mineral.",
    },
    {
        "name": "Rymd",
        "description": "Uppskjutning, satellitdata, markstationer och rymdforskning med bas "
        "i Kiruna och Luleå.",
    },
    {
        "name": "Testverksamhet i kallt klimat",
        "description": "Vinter- och kallklimatprovning av fordon, material och teknik på "
        "frusna sjöar och testbanor.",
    },
    {
        "name": "Digitala tjänster och datacenter",
        "description": "Energieffektiva datacenter, molntjänster och digitalisering av "
        "länets näringsliv och offentliga sektor.",
    },
    {
        "name": "Bioekonomi och skog",
        "description": "Skogsbruk, träförädling, bioraffinaderier och nya biobaserade "
        "material och bränslen.",
    },
    {
        "name": "Besöksnäring",
        "description": "Natur- och upplevelseturism året runt, från fjäll till skärgård, "
        "med hållbarhet och tillgänglighet i fokus.",
    },
    {
        "name": "Kulturella och kreativa näringar",
        "description": "Design, konsthantverk, film, musik och spel som bygger på länets "
        "kulturarv och flerspråkighet.",
    },
]

# The demo users, one per role. The first leader leads ECOSYSTEMS[0], the second ECOSYSTEMS[1].
USERS = [
    {"email": "handlaggare@example.se", "full_name": "Karin Holmström", "role": Role.OFFICER},
    # A second officer, so the demo round is scored twice and shows a disagreement.
    {"email": "handlaggare2@example.se", "full_name": "Elin Wallgren", "role": Role.OFFICER},
    {"email": "ledare@example.se", "full_name": "Maria Lindqvist", "role": Role.LEADER, "leads": 0},
    {"email": "ledare2@example.se", "full_name": "Anders Öhman", "role": Role.LEADER, "leads": 1},
    {"email": "namnd@example.se", "full_name": "Per-Erik Johansson", "role": Role.BOARD},
    {"email": "granskare@example.se", "full_name": "Sofia Berglund", "role": Role.REVIEWER},
    {
        "email": "admin@example.se",
        "full_name": "Demo Administratör",
        "role": Role.ADMIN,
        "is_staff": True,
        "is_superuser": True,
    },
]

# Seven invented ecosystems. "specialisations" names areas above; "board" lists
# (name, organisation, sector, is_chair, trained); "later_edit" is the officer's update made
# right after the first registration, so the history page shows who changed what. The values
# in "later_edit" are the ones the ecosystem ends up with.
ECOSYSTEMS = [
    {
        # Meets all six Cluster of Sweden criteria.
        "name": "Rymdnoden Norr",
        "organisation_name": "Rymdnoden Norr ekonomisk förening",
        "organisation_number": "769640-1234",
        "legal_form": LegalForm.ECONOMIC_ASSOCIATION,
        "year_founded": 2012,
        "municipality": Municipality.KIRUNA,
        "website": "https://rymdnoden.example.se/",
        "leader_name": "Maria Lindqvist",
        "leader_email": "ledare@example.se",
        "leader_time_share": 100,
        "leader_trained": True,
        "members_business": 42,
        "members_academia": 6,
        "members_public": 8,
        "members_civil": 2,
        "members_abroad": 9,
        "annual_turnover": 6_800_000,
        "staff_fte": Decimal("4.50"),
        "systematic_innovation_work": True,
        "excellence_label": ExcellenceLabel.SILVER,
        "eccp_listed": True,
        "system_type": SystemType.IRIS,
        "phase": Phase.INNOVATION,
        "gaps": [Gap.RESEARCH, Gap.CAPITAL, Gap.BETWEEN_ECOSYSTEMS, Gap.GLOBAL_MARKET],
        "strategy_goals": "Kiruna och Luleå ska vara Europas självklara nav för "
        "satellitdata och småsatellituppskjutning, med fler företag som säljer tjänster "
        "på den globala marknaden.",
        "strategy_approach": "Gemensamma testkampanjer med medlemsföretagen, en årlig "
        "innovationstävling för satellitdatatjänster och matchning mot riskkapital och "
        "EU-program.",
        "strategy_responsibilities": "Styrelsen äger strategin, ekosystemsledaren driver "
        "handlingsplanen, universitetet ansvarar för forskningsnoden och kommunerna för "
        "etableringsfrågor.",
        "specialisations": ["Rymd", "Testverksamhet i kallt klimat"],
        "board": [
            ("Eva Nordmark", "Aurora Satellittjänster AB", Sector.BUSINESS, True, True),
            ("Lars Pekkari", "Luleå tekniska universitet", Sector.ACADEMIA, False, True),
            ("Helena Sjöberg", "Kiruna kommun", Sector.PUBLIC, False, False),
            ("Mikael Vinsa", "Tuolluvaara Rymdteknik AB", Sector.BUSINESS, False, True),
            ("Aino Keinänen", "Norrbottens Teknikcollege", Sector.CIVIL, False, False),
        ],
        "later_edit": {"members_business": 44, "members_abroad": 11},
    },
    {
        # Misses the Cluster Excellence Label only.
        "name": "Vinterprovning Arjeplog",
        "organisation_name": "Vinterprovning Arjeplog AB",
        "organisation_number": "559412-7781",
        "legal_form": LegalForm.LIMITED_COMPANY,
        "year_founded": 2009,
        "municipality": Municipality.ARJEPLOG,
        "website": "https://vinterprovning.example.se/",
        "leader_name": "Anders Öhman",
        "leader_email": "ledare2@example.se",
        "leader_time_share": 75,
        "leader_trained": True,
        "members_business": 38,
        "members_academia": 2,
        "members_public": 5,
        "members_civil": 1,
        "members_abroad": 14,
        "annual_turnover": 3_200_000,
        "staff_fte": Decimal("2.00"),
        "systematic_innovation_work": True,
        "excellence_label": ExcellenceLabel.NONE,
        "eccp_listed": True,
        "system_type": SystemType.ERIS,
        "phase": Phase.RENEWAL,
        "gaps": [Gap.BETWEEN_FIRMS, Gap.EDUCATION, Gap.GLOBAL_MARKET],
        "strategy_goals": "Arjeplog ska behålla sin ledande roll inom vinterprovning när "
        "fordonsindustrin går över till el och självkörande fordon.",
        "strategy_approach": "Gemensamma testbanor och laddinfrastruktur, en "
        "kompetensplattform för provningstekniker och samarbete med testbäddar i "
        "Finland och Norge.",
        "strategy_responsibilities": "Ekosystemsledaren samordnar, medlemsföretagen leder "
        "var sin arbetsgrupp och kommunen ansvarar för mark och infrastruktur.",
        "specialisations": ["Testverksamhet i kallt klimat", "Besöksnäring"],
        "board": [
            ("Jonas Lundberg", "Silvertest Norr AB", Sector.BUSINESS, True, True),
            ("Annika Rydén", "Arjeplogs kommun", Sector.PUBLIC, False, True),
            ("Tomas Hedman", "Kallprov Logistik AB", Sector.BUSINESS, False, False),
            ("Ingrid Strand", "Luleå tekniska universitet", Sector.ACADEMIA, False, False),
        ],
        "later_edit": {"annual_turnover": 3_450_000},
    },
    {
        # Meets all six.
        "name": "Malmfältens mineralkluster",
        "organisation_name": "Malmfältens mineralkluster ekonomisk förening",
        "organisation_number": "769631-5570",
        "legal_form": LegalForm.ECONOMIC_ASSOCIATION,
        "year_founded": 2006,
        "municipality": Municipality.GALLIVARE,
        "website": "https://mineralkluster.example.se/",
        "leader_name": "Kristina Eliasson",
        "leader_email": "kristina.eliasson@example.se",
        "leader_time_share": 100,
        "leader_trained": True,
        "members_business": 55,
        "members_academia": 4,
        "members_public": 6,
        "members_civil": 0,
        "members_abroad": 7,
        "annual_turnover": 9_400_000,
        "staff_fte": Decimal("6.00"),
        "systematic_innovation_work": True,
        "excellence_label": ExcellenceLabel.GOLD,
        "eccp_listed": True,
        "system_type": SystemType.ERIS,
        "phase": Phase.INNOVATION,
        "gaps": [Gap.RESEARCH, Gap.AUTHORITY, Gap.BETWEEN_FIRMS, Gap.GLOBAL_MARKET],
        "strategy_goals": "Leverantörerna i Malmfälten ska vara världsledande inom "
        "hållbar och automatiserad gruvdrift och kunna exportera sina lösningar.",
        "strategy_approach": "Gemensamma utvecklingsprojekt med gruvbolagen, en testmiljö "
        "under jord för automation, stöd i tillståndsfrågor och exportresor.",
        "strategy_responsibilities": "Styrelsen prioriterar, kansliet driver projekten, "
        "universitetet ansvarar för forskningssamarbetet och kommunerna för "
        "kompetensförsörjningen.",
        "specialisations": ["Gruv- och mineralnäring", "Grön stål- och energiomställning"],
        "board": [
            ("Göran Blomqvist", "Malmbergets Borrteknik AB", Sector.BUSINESS, True, True),
            ("Linnea Kuoksu", "Gällivare kommun", Sector.PUBLIC, False, True),
            ("Henrik Alatalo", "Luleå tekniska universitet", Sector.ACADEMIA, False, True),
            ("Sara Wikström", "Norrmalm Automation AB", Sector.BUSINESS, False, True),
            ("Olof Pirttimaa", "Kirunas Mekaniska Verkstad AB", Sector.BUSINESS, False, False),
            ("Marie Fjällström", "Region Norrbotten", Sector.PUBLIC, False, False),
        ],
        "later_edit": {"staff_fte": Decimal("6.50")},
    },
    {
        # Misses the member count (27) and the Cluster Excellence Label.
        "name": "Fossilfritt Norr",
        "organisation_name": "Föreningen Fossilfritt Norr",
        "organisation_number": "802517-3316",
        "legal_form": LegalForm.NON_PROFIT_ASSOCIATION,
        "year_founded": 2019,
        "municipality": Municipality.LULEA,
        "website": "https://fossilfrittnorr.example.se/",
        "leader_name": "Erik Sundqvist",
        "leader_email": "erik.sundqvist@example.se",
        "leader_time_share": 60,
        "leader_trained": False,
        "members_business": 16,
        "members_academia": 3,
        "members_public": 4,
        "members_civil": 2,
        "members_abroad": 1,
        "annual_turnover": 1_450_000,
        "staff_fte": Decimal("1.50"),
        "systematic_innovation_work": True,
        "excellence_label": ExcellenceLabel.NONE,
        "eccp_listed": False,
        "system_type": SystemType.IRIS,
        "phase": Phase.SUSTAINABLE_DEVELOPMENT,
        "gaps": [Gap.CAPITAL, Gap.EDUCATION, Gap.AUTHORITY],
        "strategy_goals": "Små och medelstora företag i länet ska ta del av den gröna "
        "industriomställningen som leverantörer till stål-, vätgas- och energiprojekten.",
        "strategy_approach": "Leverantörsdagar med de stora etableringarna, "
        "omställningscheckar för energikartläggning och en gemensam "
        "kompetensplan med yrkeshögskolan.",
        "strategy_responsibilities": "Ekosystemsledaren ansvarar för leverantörsdagarna, "
        "kommunernas näringslivskontor för företagskontakterna och styrelsen för "
        "finansieringen.",
        "specialisations": ["Grön stål- och energiomställning"],
        "board": [
            ("Camilla Forsberg", "Luleå kommun", Sector.PUBLIC, True, False),
            ("Niklas Engman", "Bottenvikens Elteknik AB", Sector.BUSINESS, False, False),
            ("Johanna Lantto", "Luleå tekniska universitet", Sector.ACADEMIA, False, True),
            ("Peter Granström", "Vätgas Norrbotten Service AB", Sector.BUSINESS, False, False),
        ],
        "later_edit": {"members_business": 18},
    },
    {
        # Misses one criterion: no members from academia.
        "name": "Datahallsnätverket Boden",
        "organisation_name": "Boden Datahallsnätverk AB",
        "organisation_number": "769628-0442",
        "legal_form": LegalForm.LIMITED_COMPANY,
        "year_founded": 2017,
        "municipality": Municipality.BODEN,
        "website": "https://datahallsnatverket.example.se/",
        "leader_name": "Malin Backman",
        "leader_email": "malin.backman@example.se",
        "leader_time_share": 50,
        "leader_trained": True,
        "members_business": 31,
        "members_academia": 0,
        "members_public": 3,
        "members_civil": 0,
        "members_abroad": 4,
        "annual_turnover": 2_100_000,
        "staff_fte": Decimal("1.20"),
        "systematic_innovation_work": True,
        "excellence_label": ExcellenceLabel.BRONZE,
        "eccp_listed": False,
        "system_type": SystemType.ERIS,
        "phase": Phase.SUSTAINABLE_DEVELOPMENT,
        "gaps": [Gap.BETWEEN_FIRMS, Gap.EDUCATION, Gap.GLOBAL_MARKET],
        "strategy_goals": "Boden ska vara förstahandsvalet för energieffektiva datacenter "
        "i Norden, och överskottsvärmen ska komma lokala företag till nytta.",
        "strategy_approach": "Gemensam marknadsföring mot internationella etablerare, "
        "en utbildning för drifttekniker och pilotprojekt för att ta tillvara "
        "spillvärme.",
        "strategy_responsibilities": "Ekosystemsledaren leder marknadsarbetet, kommunen "
        "ansvarar för mark och elnät och medlemsföretagen för pilotprojekten.",
        "specialisations": ["Digitala tjänster och datacenter", "Grön stål- och energiomställning"],
        "board": [
            ("Fredrik Lindgren", "Nordkyl Datacenter AB", Sector.BUSINESS, True, True),
            ("Emma Sandström", "Bodens kommun", Sector.PUBLIC, False, True),
            ("Robert Isaksson", "Polarmoln AB", Sector.BUSINESS, False, False),
        ],
        "later_edit": {"leader_time_share": 55},
    },
    {
        # Network phase: small, leader part-time; meets only the sector criterion.
        "name": "Fjällvärldens besöksnätverk",
        "organisation_name": "Fjällvärldens besöksnätverk ideell förening",
        "organisation_number": "802493-6658",
        "legal_form": LegalForm.NON_PROFIT_ASSOCIATION,
        "year_founded": 2022,
        "municipality": Municipality.JOKKMOKK,
        "website": "",
        "leader_name": "Ella Blind",
        "leader_email": "ella.blind@example.se",
        "leader_time_share": 25,
        "leader_trained": False,
        "members_business": 21,
        "members_academia": 1,
        "members_public": 2,
        "members_civil": 4,
        "members_abroad": 0,
        "annual_turnover": 640_000,
        "staff_fte": Decimal("0.60"),
        "systematic_innovation_work": False,
        "excellence_label": ExcellenceLabel.NONE,
        "eccp_listed": False,
        "system_type": SystemType.ERIS,
        "phase": Phase.NETWORK,
        "gaps": [Gap.BETWEEN_FIRMS, Gap.CAPITAL],
        "strategy_goals": "Besöksföretagen i fjällvärlden ska kunna erbjuda hållbara "
        "upplevelser året runt och inte bara under vintersäsongen.",
        "strategy_approach": "Gemensamma paketresor, samordnad bokning och nätverksträffar "
        "mellan turism-, kultur- och hantverksföretag.",
        "strategy_responsibilities": "Ekosystemsledaren samordnar träffarna och "
        "medlemsföretagen turas om att leda produktutvecklingen.",
        "specialisations": ["Besöksnäring", "Kulturella och kreativa näringar"],
        "board": [
            ("Nils-Anders Kuhmunen", "Lapplandsfjällens Äventyr AB", Sector.BUSINESS, True, False),
            ("Karin Åström", "Jokkmokks kommun", Sector.PUBLIC, False, False),
            ("Ylva Sarri", "Hantverkskollektivet Duodji Norr", Sector.CIVIL, False, True),
        ],
        "later_edit": {"leader_time_share": 30},
    },
    {
        # Misses the turnover criterion (under 1 000 000 kr); leader below 50 %.
        "name": "Skogsnoden Piteå",
        "organisation_name": "Skogsnoden Piteå ekonomisk förening",
        "organisation_number": "769622-9015",
        "legal_form": LegalForm.ECONOMIC_ASSOCIATION,
        "year_founded": 2014,
        "municipality": Municipality.PITEA,
        "website": "https://skogsnoden.example.se/",
        "leader_name": "Stefan Marklund",
        "leader_email": "stefan.marklund@example.se",
        "leader_time_share": 45,
        "leader_trained": True,
        "members_business": 34,
        "members_academia": 5,
        "members_public": 3,
        "members_civil": 3,
        "members_abroad": 2,
        "annual_turnover": 950_000,
        "staff_fte": Decimal("1.00"),
        "systematic_innovation_work": True,
        "excellence_label": ExcellenceLabel.BRONZE,
        "eccp_listed": False,
        "system_type": SystemType.IRIS,
        "phase": Phase.RENEWAL,
        "gaps": [Gap.RESEARCH, Gap.BETWEEN_ECOSYSTEMS, Gap.CAPITAL],
        "strategy_goals": "Mer av skogsråvaran ska förädlas i länet, till nya "
        "biobaserade material, förpackningar och bränslen.",
        "strategy_approach": "Demonstrationsprojekt i bioraffinaderiet, samarbete med "
        "ekosystemen för energi och besöksnäring och stöd till företag som söker "
        "innovationsfinansiering.",
        "strategy_responsibilities": "Styrelsen ansvarar för finansieringen, "
        "ekosystemsledaren för projektportföljen och forskningsinstitutet för "
        "demonstrationsanläggningen.",
        "specialisations": ["Bioekonomi och skog", "Grön stål- och energiomställning"],
        "board": [
            ("Ulrika Nyström", "Piteå Träförädling AB", Sector.BUSINESS, True, True),
            ("Magnus Öberg", "Luleå tekniska universitet", Sector.ACADEMIA, False, False),
            ("Anna-Karin Burman", "Piteå kommun", Sector.PUBLIC, False, True),
            ("Daniel Renström", "Norrskog Bioprodukter AB", Sector.BUSINESS, False, False),
            ("Lena Stenlund", "Skogsägarföreningen Norrbotten", Sector.CIVIL, False, True),
        ],
        "later_edit": {"members_business": 36, "leader_time_share": 40},
    },
]

CONTENT_KEYS = {"specialisations", "board", "later_edit"}


class Command(BaseCommand):
    help = (
        "Load demo data: eight smart-specialisation areas, seven fictional Norrbotten "
        "ecosystems with boards and a little change history, and one demo login per role "
        f"(password '{DEMO_PASSWORD}'). Safe to run again: existing content is left unchanged, "
        "only the demo users' passwords, roles and leader links are reset."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        specialisations = self._load_specialisations()
        users = self._load_users()
        officer = users["handlaggare@example.se"]
        admin = users["admin@example.se"]
        ecosystems = [
            self._load_ecosystem(data, specialisations, creator=admin, officer=officer)
            for data in ECOSYSTEMS
        ]
        for spec in USERS:
            if "leads" in spec:
                users[spec["email"]].ecosystems.set([ecosystems[spec["leads"]]])
        leaders = self._load_leaders(ecosystems, users)
        self._load_second_factors(users)
        agreements_demo.load(
            ecosystems={ecosystem.name: ecosystem for ecosystem in ecosystems},
            officer=officer,
            today=timezone.localdate(),
        )
        assessments_demo.load(
            ecosystems=ecosystems,
            officer=officer,
            leaders=leaders,
            today=timezone.localdate(),
        )
        prioritisation_demo.load(
            ecosystems={ecosystem.name: ecosystem for ecosystem in ecosystems}, officer=officer
        )
        prioritisation_demo.load_scores(
            ecosystems={ecosystem.name: ecosystem for ecosystem in ecosystems},
            officers=[officer, users["handlaggare2@example.se"]],
        )
        self._print_logins(users)

    def _load_specialisations(self):
        by_name = {}
        for rank, data in enumerate(SPECIALISATIONS, start=1):
            specialisation, _created = Specialisation.objects.get_or_create(
                name=data["name"], defaults={"rank": rank, "description": data["description"]}
            )
            by_name[specialisation.name] = specialisation
        return by_name

    def _load_users(self):
        users = {}
        for spec in USERS:
            flags = {
                "role": spec["role"],
                "is_staff": spec.get("is_staff", False),
                "is_superuser": spec.get("is_superuser", False),
                "is_active": True,
            }
            user, created = User.objects.get_or_create(
                email=spec["email"], defaults={"full_name": spec["full_name"], **flags}
            )
            if not created:
                # Keep the printed logins true even if someone changed these in between.
                for field, value in flags.items():
                    setattr(user, field, value)
            user.set_password(DEMO_PASSWORD)
            user.save()
            users[user.email] = user
        return users

    def _load_second_factors(self, users):
        """Demo logins that must have a second factor get an app with the printed secret; put
        back on every run (unthrottled, no code used yet) so that the printed secret works."""
        for user in users.values():
            if not user.requires_second_factor:
                continue
            TOTPDevice.objects.filter(user=user).exclude(key=DEMO_TOTP_KEY).delete()
            TOTPDevice.objects.update_or_create(
                user=user,
                key=DEMO_TOTP_KEY,
                defaults={
                    "name": second_factor.TOTP_DEVICE_NAME,
                    "confirmed": True,
                    "last_t": -1,
                    "drift": 0,
                    "throttling_failure_count": 0,
                    "throttling_failure_timestamp": None,
                },
            )

    def _load_leaders(self, ecosystems, users):
        """Every demo ecosystem's leader (its leader_email) as a leader login, so that each
        ecosystem's answers are written by its own leader. Returns ecosystem -> leader."""
        leaders = {}
        for ecosystem in ecosystems:
            user = users.get(ecosystem.leader_email)
            if user is None:
                user, _created = User.objects.get_or_create(
                    email=ecosystem.leader_email,
                    defaults={"full_name": ecosystem.leader_name, "role": Role.LEADER},
                )
                user.role, user.is_active = Role.LEADER, True
                user.set_password(DEMO_PASSWORD)
                user.save()
                user.ecosystems.set([ecosystem])
            leaders[ecosystem] = user
        return leaders

    def _load_ecosystem(self, data, specialisations, *, creator, officer):
        existing = Ecosystem.objects.filter(name=data["name"]).first()
        if existing is not None:
            return existing

        fields = {key: value for key, value in data.items() if key not in CONTENT_KEYS}
        ecosystem = Ecosystem(**fields)
        ecosystem.full_clean()
        ecosystem._history_user = creator
        ecosystem.save()
        ecosystem.specialisations.set([specialisations[name] for name in data["specialisations"]])

        for name, organisation, sector, is_chair, trained in data["board"]:
            member = BoardMember(
                ecosystem=ecosystem,
                name=name,
                organisation=organisation,
                sector=sector,
                is_chair=is_chair,
                trained=trained,
            )
            member._history_user = creator
            member.save()

        # A later update by the regional officer, so the history shows who changed what.
        for field, value in data["later_edit"].items():
            setattr(ecosystem, field, value)
        ecosystem.version += 1
        ecosystem._history_user = officer
        ecosystem.save()
        return ecosystem

    def _print_logins(self, users):
        write = self.stdout.write
        width = max(len(email) for email in users)
        write("")
        write(self.style.SUCCESS("Demo data loaded. Demo logins:"))
        write(f"  {'E-mail':<{width}}  {'Role':<18}  Password")
        write(f"  {'-' * width}  {'-' * 18}  {'-' * len(DEMO_PASSWORD)}")
        for email, user in users.items():
            write(f"  {email:<{width}}  {Role(user.role).label!s:<18}  {DEMO_PASSWORD}")
        write("")
        write("Every other ecosystem's leader signs in with the leader e-mail on its page.")
        required = [email for email, user in users.items() if user.requires_second_factor]
        secret = b32encode(bytes.fromhex(DEMO_TOTP_KEY)).decode()
        write("")
        write(
            f"Second factor: {', '.join(required)} also type a six-digit code after the password."
        )
        write("In an authenticator app (Microsoft Authenticator, Google Authenticator, FreeOTP)")
        write("add an account by entering this key (time-based, 6 digits, 30 seconds):")
        write(f"  {' '.join(secret[i : i + 4] for i in range(0, len(secret), 4))}")
        write("or, without a phone, print the current code with:")
        write(
            '  .venv/bin/python -c "from django_otp.oath import totp; '
            f"print('%06d' % totp(bytes.fromhex('{DEMO_TOTP_KEY}')))\""
        )
        write("")
        write(f"Sign in at {settings.SITE_URL}/")
