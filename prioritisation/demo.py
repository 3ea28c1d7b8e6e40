"""Demo reasons for operating finance, so the ladder shows an ecosystem that reaches operating
finance, one the exception holds back, and one still waiting for an officer's reasons.

With the rest of the demo: Rymdnoden Norr stands on Verksamhetsfinansiering, Malmfältens
mineralkluster on Samarbetsavtal (the region judges that others already finance enough),
Datahallsnätverket Boden on Samarbetsavtal (no reason recorded yet), and the others short of
qualifying, each for its own reason (the network phase, the board's or the leader's training,
the leader's time share).

In the current round both demo officers have scored and handed in every ecosystem; they
disagree on one perspective of Datahallsnätverket Boden (settled with a written reason) and
have not yet agreed on Skogsnoden Piteå's scores.
"""

from assessments.models import Round
from prioritisation import services
from prioritisation.framework import Kind
from prioritisation.models import AgreedScore, OperatingFinanceReasons, ScoreSheet

REASONS = {
    "Rymdnoden Norr": {
        "actor_system": True,
        "actor_system_text": "Enda aktören som samlar rymdföretag, Esrange och LTU kring "
        "gemensamma testbäddar; flera andra stödaktörer slussar sina företag hit.",
        "specialisation": True,
        "specialisation_text": "Bär specialiseringen rymdteknik, regionens högst prioriterade.",
    },
    "Malmfältens mineralkluster": {
        "unlocks_other_financiers": True,
        "unlocks_other_financiers_text": "Regionens del är villkor för medfinansieringen från "
        "kommunerna i Malmfälten.",
        "others_finance_enough": True,
        "others_finance_enough_text": "Gruvbolagen och kommunerna finansierar kärnverksamheten "
        "fullt ut sedan 2024; regionen fortsätter med samarbetsavtalet.",
    },
}


def load(*, ecosystems: dict, officer) -> None:
    """Record the demo reasons once; a second run changes nothing and adds no history."""
    for name, fields in REASONS.items():
        ecosystem = ecosystems.get(name)
        if ecosystem is None:
            continue
        OperatingFinanceReasons.objects.get_or_create(
            ecosystem=ecosystem, defaults={**fields, "recorded_by": officer}
        )


# The current round's scores, per ecosystem and scored perspective: (first officer's value and
# comment, second officer's value and comment, agreed value or None). Every spread is at most 1
# except Datahallsnätverket Boden's "andra-aktorer" (3 against 1), the disagreement the officers
# settled at 2 (see AGREED_REASONS). Skogsnoden Piteå has no agreed scores yet, so the dashboard
# shows it as waiting for agreed scores.
SCORES = {
    "Rymdnoden Norr": {
        "roll": (
            4,
            "Samlar rymdföretagen, LTU och kommunerna kring gemensamma testkampanjer.",
            4,
            "",
            4,
        ),
        "andra-aktorer": (
            4,
            "Andra stödaktörer slussar sina rymdföretag hit.",
            3,
            "Viktig för rymdföretagen, mindre för stödsystemet i övrigt.",
            4,
        ),
        "slutanvandare": (
            3,
            "Innovationstävlingen för satellitdatatjänster når nya idébärare.",
            3,
            "",
            3,
        ),
        "enskild-funktion": (
            4,
            "Ingen annan aktör i länet driver testbäddar för rymd.",
            4,
            "Unik funktion kring Esrange och testkampanjerna.",
            4,
        ),
    },
    "Vinterprovning Arjeplog": {
        "roll": (
            3,
            "Tydlig roll för provningsföretagen medan omställningen till elfordon pågår.",
            3,
            "",
            3,
        ),
        "andra-aktorer": (
            3,
            "Kommunen och testbäddarna i Finland och Norge samverkar här.",
            2,
            "",
            3,
        ),
        "slutanvandare": (
            3,
            "Kompetensplattformen för provningstekniker svarar mot behoven.",
            3,
            "Laddinfrastrukturen på testbanorna efterfrågas av medlemmarna.",
            3,
        ),
        "enskild-funktion": (3, "Enda samlade aktören för vinterprovningen i Arjeplog.", 2, "", 2),
    },
    "Malmfältens mineralkluster": {
        "roll": (4, "Den samlande kraften för gruvleverantörerna i Malmfälten.", 4, "", 4),
        "andra-aktorer": (
            4,
            "Gruvbolagen, kommunerna och LTU arbetar genom klustret.",
            4,
            "Kommunernas medfinansiering bygger på klustret.",
            4,
        ),
        "slutanvandare": (
            3,
            "Testmiljön under jord och exportresorna möter leverantörernas behov.",
            4,
            "",
            3,
        ),
        "enskild-funktion": (
            3,
            "Testmiljön för automation är unik, annat stöd finns även hos andra.",
            3,
            "Stöd i tillståndsfrågor ger också andra aktörer.",
            3,
        ),
    },
    "Fossilfritt Norr": {
        "roll": (
            2,
            "Ung förening; rollen som länk till de stora etableringarna växer fram.",
            2,
            "",
            2,
        ),
        "andra-aktorer": (
            2,
            "Näringslivskontoren använder leverantörsdagarna, annars få kopplingar.",
            3,
            "Yrkeshögskolan och LTU deltar i kompetensplanen.",
            2,
        ),
        "slutanvandare": (
            3,
            "Omställningscheckarna efterfrågas av små och medelstora företag.",
            2,
            "Få företag har hunnit använda checkarna.",
            3,
        ),
        "enskild-funktion": (1, "Leverantörsdagar ordnas även av andra aktörer.", 1, "", 1),
    },
    "Datahallsnätverket Boden": {
        "roll": (
            2,
            "Främst marknadsföring mot etablerare, svagare roll i innovationsstödet.",
            2,
            "",
            2,
        ),
        "andra-aktorer": (
            3,
            "Kommunen och spillvärmepiloterna knyter an till flera andra aktörer.",
            1,
            "Ingen akademi bland medlemmarna och få kopplingar till övriga stödaktörer.",
            2,
        ),
        "slutanvandare": (
            2,
            "Utbildningen för drifttekniker möter ett behov, men få mindre företag deltar.",
            2,
            "",
            2,
        ),
        "enskild-funktion": (
            2,
            "",
            2,
            "Ingen annan marknadsför Boden mot datacenteretablerare.",
            2,
        ),
    },
    "Skogsnoden Piteå": {
        "roll": (3, "Driver demonstrationsprojekten i bioraffinaderiet.", 3, "", None),
        "andra-aktorer": (
            3,
            "Samarbetar med ekosystemen för energi och besöksnäring.",
            3,
            "Länk mellan skogsägare, forskningsinstitut och förädlingsföretag.",
            None,
        ),
        "slutanvandare": (
            2,
            "Litet stöd till företag som söker innovationsfinansiering med ledaren på 40 %.",
            3,
            "",
            None,
        ),
        "enskild-funktion": (
            2,
            "",
            2,
            "Demonstrationsanläggningen drivs av forskningsinstitutet, inte av noden.",
            None,
        ),
    },
}

# Reasons written out where the officers talked the score through; the others say what they gave.
AGREED_REASONS = {
    ("Datahallsnätverket Boden", "andra-aktorer"): "Vi gav 3 och 1. Vid avstämningen enades vi "
    "om 2: samordningen med kommunen och spillvärmepiloterna räknas, men utan akademi bland "
    "medlemmarna är kopplingen till övriga stödsystemet svag.",
    ("Malmfältens mineralkluster", "slutanvandare"): "Vi gav 3 och 4 och stannade vid 3: "
    "exportresorna är uppskattade, men testmiljön under jord används ännu av få leverantörer.",
    ("Fossilfritt Norr", "slutanvandare"): "Vi gav 3 och 2 och stannade vid 3: efterfrågan på "
    "omställningscheckarna är stor även om få hunnit använda dem.",
}


def _reason(name, key, first, second, agreed) -> str:
    written = AGREED_REASONS.get((name, key))
    if written:
        return written
    if first == second:
        return f"Samstämmigt: båda gav {agreed}."
    return f"Vi gav {first} och {second} och enades om {agreed} efter genomgång av svaren."


def current_round():
    """The newest demo assessment round, the one the officers score now."""
    return Round.objects.filter(name__startswith="Klusterbedömning").order_by("-year").first()


def load_scores(*, ecosystems: dict, officers: list) -> None:
    """Both officers score and hand in every ecosystem of the current round, then the first
    records the agreed scores, through the services the scoring pages use. A sheet or agreed
    score that already exists is left as it is, so a second run adds nothing."""
    round_ = current_round()
    if round_ is None:
        return
    template = services.create_template(round_=round_)
    perspectives = {p.key: p for p in template.perspectives.filter(kind=Kind.SCORED)}
    taking_part = set(round_.ecosystems.values_list("pk", flat=True))
    for name, rows in SCORES.items():
        ecosystem = ecosystems.get(name)
        if ecosystem is None or ecosystem.pk not in taking_part:
            continue
        sheets = []
        for index, officer in enumerate(officers[:2]):
            sheet = ScoreSheet.objects.filter(
                round=round_, ecosystem=ecosystem, officer=officer
            ).first()
            if sheet is None:
                answers = {}
                for key, row in rows.items():
                    value, comment = row[2 * index], row[2 * index + 1]
                    answers[perspectives[key].pk] = (value, False, comment)
                sheet = services.save_sheet(
                    round_=round_,
                    ecosystem=ecosystem,
                    officer=officer,
                    version=0,
                    answers=answers,
                    submit=True,
                )
            sheets.append(sheet)
        for key, (first, _c1, second, _c2, agreed) in rows.items():
            if agreed is None:
                continue
            perspective = perspectives[key]
            if AgreedScore.objects.filter(
                round=round_, ecosystem=ecosystem, perspective=perspective
            ).exists():
                continue
            services.record_agreed_score(
                round_=round_,
                ecosystem=ecosystem,
                perspective=perspective,
                user=officers[0],
                own_sheet=sheets[0],
                value=agreed,
                not_assessed=False,
                reason=_reason(name, key, first, second, agreed),
                version=0,
            )
