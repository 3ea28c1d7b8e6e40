"""Demo agreements, one in each situation an officer meets, dated relative to today.

Dates are computed from the day the demo is loaded, so the demo always shows an agreement in its
notice window, one at the nine-year cap, one with notice given, a draft and an early termination.
"""

from datetime import date
from decimal import Decimal

from agreements import services
from agreements.models import Agreement, Contribution, IndicatorOutcome, ResultIndicator
from agreements.terms import NoticeKind, add_months


def _first_of_month(day: date) -> date:
    return day.replace(day=1)


def _specs(today: date):
    this_month = _first_of_month(today)
    return [
        {
            # The notice deadline falls about two months from today: in the notice window.
            "ecosystem": "Rymdnoden Norr",
            "start": add_months(this_month, -22),
            "amount": Decimal("1800"),
            "expected_role": "Samlande kraft för rymdnäringen i Kiruna och Luleå.",
        },
        {
            # In its third and last period: it will not renew past the nine-year cap.
            "ecosystem": "Malmfältens mineralkluster",
            "start": add_months(this_month, -80),
            "amount": Decimal("2400"),
            "amount_changes": [(-30, Decimal("2600"), "Utökat uppdrag för kompetensförsörjning.")],
        },
        {
            # The actor has given notice, in time: the agreement ends when the period does.
            "ecosystem": "Vinterprovning Arjeplog",
            "start": add_months(this_month, -40),
            "amount": Decimal("1200"),
            "notice": ("actor", NoticeKind.AT_EXPIRY, -2),
        },
        {
            # Not signed yet.
            "ecosystem": "Skogsnoden Piteå",
            "start": add_months(this_month, 2),
            "amount": Decimal("900"),
            "signed": False,
        },
        {
            # Co-financed, with result indicators and a first evaluation done.
            "ecosystem": "Datahallsnätverket Boden",
            "start": add_months(this_month, -14),
            "amount": Decimal("1500"),
            "evaluation_after": 6,
            "contributions": [
                ("Bodens kommun", 0, Decimal("300")),
                ("Bodens kommun", 1, Decimal("300")),
                ("ERUF", 0, Decimal("1200")),
                ("ERUF", 1, Decimal("1250")),
            ],
            "indicators": [
                ("Företag som får stöd", "företag", Decimal("300"), [120, 95]),
                ("Privata investeringar", "tkr", Decimal("5000"), [1800]),
            ],
        },
        {
            # Terminated during its period after major changes.
            "ecosystem": "Fossilfritt Norr",
            "start": add_months(this_month, -50),
            "amount": Decimal("1000"),
            "notice": ("region", NoticeKind.DURING_PERIOD, -14),
        },
    ]


def load(*, ecosystems: dict, officer, today: date) -> list[Agreement]:
    """Create the demo agreements that do not exist yet (matched on ecosystem); return all."""
    agreements = []
    for spec in _specs(today):
        ecosystem = ecosystems[spec["ecosystem"]]
        existing = ecosystem.agreements.first()
        if existing is not None:
            agreements.append(existing)
            continue
        start = spec["start"]
        agreement = Agreement.objects.create(
            ecosystem=ecosystem,
            reference=f"RUN {start.year}-{ecosystem.pk:05d}",
            signed_on=add_months(start, -1) if spec.get("signed", True) else None,
            start_date=start,
            first_evaluation_on=add_months(start, spec.get("evaluation_after", 30)),
            board_seat_holder=officer,
            region_signatory="Regional utvecklingsdirektör",
            actor_signatory=ecosystem.leader_name or "Verksamhetsledare",
            expected_role=spec.get("expected_role", ""),
            expected_results="Fler företag som samverkar och utvecklar nya erbjudanden.",
            expected_effects="Starkare konkurrenskraft i Norrbottens smarta specialiseringar.",
        )
        services.change_amount(
            agreement=agreement,
            effective_from=start,
            annual_amount_tkr=spec["amount"],
            actor=officer,
        )
        for months, amount, reason in spec.get("amount_changes", []):
            services.change_amount(
                agreement=agreement,
                effective_from=add_months(_first_of_month(today), months),
                annual_amount_tkr=amount,
                reason=reason,
                actor=officer,
            )
        services.sync_periods(agreement, today=today, actor=officer)
        if "notice" in spec:
            party, kind, months_ago = spec["notice"]
            services.register_notice(
                agreement=agreement,
                party=party,
                kind=kind,
                received_on=add_months(today, months_ago),
                actor=officer,
                today=today,
            )
        if "evaluation_after" in spec:
            services.record_evaluation(
                agreement=agreement,
                due_on=agreement.first_evaluation_on,
                done_on=agreement.first_evaluation_on,
                summary="Extern utvärdering: god förankring, fler kontakter utomlands behövs.",
                actor=officer,
            )
        for financier, year_offset, amount in spec.get("contributions", []):
            Contribution.objects.create(
                agreement=agreement,
                financier=financier,
                year=start.year + year_offset,
                amount_tkr=amount,
            )
        for name, unit, target, outcomes in spec.get("indicators", []):
            indicator = ResultIndicator.objects.create(
                agreement=agreement, name=name, unit=unit, target=target
            )
            for offset, value in enumerate(outcomes):
                IndicatorOutcome.objects.create(
                    indicator=indicator, year=start.year + offset, value=value
                )
        agreements.append(agreement)
    return agreements
