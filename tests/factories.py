import factory
from factory.django import DjangoModelFactory

from ekosystem.choices import LegalForm, Phase, Role
from ekosystem.models import BoardMember, Ecosystem, Specialisation, User


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("email",)
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.se")
    full_name = factory.Faker("name", locale="sv_SE")
    role = Role.LEADER
    password = factory.PostGenerationMethodCall("set_password", "rätt-lösenord-123")

    @factory.post_generation
    def ecosystems(self, create, extracted, **kwargs):
        if create and extracted:
            self.ecosystems.set(extracted)
        if create:
            self.save()


class SpecialisationFactory(DjangoModelFactory):
    class Meta:
        model = Specialisation

    name = factory.Sequence(lambda n: f"Specialisering {n}")
    rank = factory.Sequence(lambda n: n + 1)


class EcosystemFactory(DjangoModelFactory):
    """An ecosystem that meets every Cluster of Sweden criterion unless told otherwise."""

    class Meta:
        model = Ecosystem

    name = factory.Sequence(lambda n: f"Ekosystem {n}")
    organisation_name = factory.LazyAttribute(lambda o: f"{o.name} ekonomisk förening")
    legal_form = LegalForm.ECONOMIC_ASSOCIATION
    year_founded = 2015
    phase = Phase.RENEWAL
    leader_name = "Lena Ledare"
    leader_time_share = 75
    members_business = 30
    members_academia = 3
    members_public = 4
    members_civil = 1
    annual_turnover = 2_500_000
    staff_fte = 2
    systematic_innovation_work = True
    excellence_label = "bronze"


class BoardMemberFactory(DjangoModelFactory):
    class Meta:
        model = BoardMember

    ecosystem = factory.SubFactory(EcosystemFactory)
    name = factory.Faker("name", locale="sv_SE")
    organisation = "Luleå tekniska universitet"
    sector = "academia"
