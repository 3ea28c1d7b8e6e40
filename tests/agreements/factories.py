from datetime import date
from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from agreements.models import Agreement, AmountChange
from tests.factories import EcosystemFactory


class AgreementFactory(DjangoModelFactory):
    """A signed agreement from 1 January 2025 with three-year periods and 1 500 tkr a year."""

    class Meta:
        model = Agreement
        skip_postgeneration_save = True

    ecosystem = factory.SubFactory(EcosystemFactory)
    reference = factory.Sequence(lambda n: f"RUN 2024-{n:05d}")
    signed_on = date(2024, 12, 1)
    start_date = date(2025, 1, 1)
    first_evaluation_on = date(2027, 6, 30)
    region_signatory = "Regional utvecklingsdirektör"
    actor_signatory = "Verksamhetsledare"

    @factory.post_generation
    def annual_amount_tkr(self, create, extracted, **kwargs):
        if create:
            AmountChange.objects.create(
                agreement=self,
                effective_from=self.start_date,
                annual_amount_tkr=Decimal("1500") if extracted is None else extracted,
            )
