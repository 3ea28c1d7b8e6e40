"""Ecosystems on each rung of the financing ladder, built from the real facts they rest on."""

from datetime import date

from assessments import models
from assessments.content.bilaga3 import QUESTIONNAIRE as BILAGA3
from assessments.content.loader import load_questionnaire
from assessments.models import Answer, Question, Questionnaire, Round, Status, Submission
from prioritisation.models import OperatingFinanceReasons
from tests.agreements.factories import AgreementFactory
from tests.factories import BoardMemberFactory, EcosystemFactory, UserFactory


def qualified(**kwargs):
    """An ecosystem past the network phase, board and leader trained, with a strategy."""
    ecosystem = EcosystemFactory(
        leader_trained=True,
        strategy_goals="Bli ledande i Europa.",
        strategy_approach="Testbäddar.",
        strategy_responsibilities="Styrelsen och ledaren.",
        **kwargs,
    )
    BoardMemberFactory.create_batch(2, ecosystem=ecosystem, trained=True)
    return ecosystem


def bilaga3(ecosystem, *, rating=4, status=Status.REVIEWED, year=2026, officer=None):
    """A Bilaga 3 self-assessment with every general statement rated `rating`."""
    questionnaire = Questionnaire.objects.filter(code="bilaga3", version=1).first()
    if questionnaire is None:  # a transactional test flushed what the migration loaded
        questionnaire = load_questionnaire(models, BILAGA3)
    officer = officer or UserFactory(role="officer")
    round_, _created = Round.objects.get_or_create(
        year=year,
        name=f"Självskattning {year}",
        defaults={"deadline": date(year, 12, 15), "opened_by": officer},
    )
    submission = Submission.objects.create(
        round=round_, ecosystem=ecosystem, questionnaire=questionnaire, status=status
    )
    statements = Question.objects.filter(
        section__questionnaire=questionnaire, parent__key__startswith="b3-g"
    )
    Answer.objects.bulk_create(
        Answer(submission=submission, question=q, value=rating) for q in statements
    )
    return submission


def reasons(ecosystem, officer, **flags):
    fields = {}
    for name, value in flags.items():
        fields[name] = bool(value)
        if name != "others_finance_enough" or value:
            fields[f"{name}_text"] = value if isinstance(value, str) else ""
    return OperatingFinanceReasons.objects.create(
        ecosystem=ecosystem, recorded_by=officer, **fields
    )


def on_top(officer):
    """An ecosystem that meets every condition of every rung."""
    ecosystem = qualified()
    bilaga3(ecosystem, officer=officer)
    AgreementFactory(ecosystem=ecosystem, start_date=date(2024, 1, 1), signed_on=date(2023, 12, 1))
    reasons(ecosystem, officer, specialisation="Bär rymdspecialiseringen.")
    return ecosystem
