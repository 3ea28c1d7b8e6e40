"""Demo reasons for operating finance, so the ladder shows an ecosystem that reaches operating
finance, one the exception holds back, and one still waiting for an officer's reasons.

With the rest of the demo: Rymdnoden Norr stands on Verksamhetsfinansiering, Malmfältens
mineralkluster on Samarbetsavtal (the region judges that others already finance enough),
Datahallsnätverket Boden on Samarbetsavtal (no reason recorded yet), and the others short of
qualifying, each for its own reason (the network phase, the board's or the leader's training,
the leader's time share).
"""

from prioritisation.models import OperatingFinanceReasons

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
