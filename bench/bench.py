"""Prints how long the pages users wait for take, and how many queries they cost, at a size
larger than the region's (100 ecosystems and agreements, a round of 100 submissions).

Run with `make bench`. It builds a throw-away database (DATABASE_URL, or an in-memory SQLite when
unset) and reports the median of repeated requests through Django's test client, so figures
are comparable between commits on the same machine, not absolute.
"""

import os
import statistics
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ekosystem.settings")
os.environ.setdefault("DATABASE_URL", "sqlite://:memory:")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

SIZE = 100
REPEAT = 7


def measure(request):
    """Median milliseconds of `request()` over REPEAT runs, and the queries of the last run."""
    timings, queries = [], 0
    for run in range(REPEAT):
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            response = request(run)
            timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, response.status_code
        queries = len(captured)
    return statistics.median(timings), queries


def build():
    from agreements import services as agreement_services
    from agreements.models import AmountChange
    from assessments import services
    from assessments.models import Questionnaire
    from ekosystem.choices import Role
    from tests.agreements.factories import AgreementFactory
    from tests.factories import EcosystemFactory, SpecialisationFactory, UserFactory

    officer = UserFactory(email="bench@example.se", role=Role.OFFICER)
    specialisations = SpecialisationFactory.create_batch(8)
    ecosystems = EcosystemFactory.create_batch(SIZE)
    for index, ecosystem in enumerate(ecosystems):
        ecosystem.specialisations.add(specialisations[index % 8])
        agreement = AgreementFactory(
            ecosystem=ecosystem,
            start_date=date(2020 + index % 6, 1, 1),
            first_evaluation_on=date(2021 + index % 6, 6, 30),
        )
        # The stored periods the daily job keeps (the dashboard selects notice deadlines by them).
        agreement_services.sync_periods(agreement, today=date.today())
        AmountChange.objects.create(
            agreement=agreement, effective_from=date(2026, 7, 1), annual_amount_tkr=2000
        )
    questionnaires = [
        Questionnaire.objects.get(code=code, version=1) for code in ("bilaga1", "bilaga3")
    ]
    round_ = services.open_round(
        year=2026,
        name="Bench",
        deadline=date(2026, 12, 31),
        questionnaires=questionnaires,
        ecosystems=ecosystems,
        user=officer,
    )
    leader = UserFactory(email="leader@example.se", role=Role.LEADER, ecosystems=[ecosystems[0]])
    return officer, leader, round_, round_.submissions.filter(ecosystem=ecosystems[0])


def main():
    setup_test_environment()
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.ALLOWED_HOSTS = ["testserver"]
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        officer, leader, round_, submissions = build()
        bilaga1 = submissions.get(questionnaire__code="bilaga1")
        question = bilaga1.answers.select_related("question").get(question__key="b1-s2-q6")
        officer_client, leader_client = Client(), Client()
        officer_client.force_login(officer)
        # Officers pass a second factor at login (issue 8); the bench stands for a finished one.
        from tests.otp import verify_client_session

        verify_client_session(officer_client, officer)
        leader_client.force_login(leader)
        qid = question.question_id
        autosave_url = reverse("answer_autosave", args=[bilaga1.pk, qid])
        agreement = bilaga1.ecosystem.agreements.get()
        # A draft's answers are the ecosystem's own (officers get 403 for its PDF): print a
        # handed-in one.
        bilaga3 = submissions.get(questionnaire__code="bilaga3")
        type(bilaga3).objects.filter(pk=bilaga3.pk).update(
            status="submitted", submitted_at=timezone.now()
        )

        def get(client, url):
            return lambda run: client.get(url)

        rows = [
            ("officer's dashboard, 100 ecosystems", get(officer_client, reverse("dashboard"))),
            ("registry list, 100 ecosystems", get(officer_client, reverse("ecosystem_list"))),
            ("agreement list, 100 agreements", get(officer_client, reverse("agreement_list"))),
            (
                "round overview, 100 ecosystems x 2",
                get(officer_client, reverse("round_detail", args=[round_.pk])),
            ),
            (
                "questionnaire section (leader)",
                get(leader_client, reverse("submission_section", args=[bilaga1.pk, 1])),
            ),
            (
                "autosave one answer",
                lambda run: leader_client.post(
                    autosave_url, {f"q-{qid}": f"Text {run}", f"r-{qid}": run}
                ),
            ),
            ("submission PDF", get(officer_client, reverse("submission_pdf", args=[bilaga3.pk]))),
            (
                "agreement PDF",
                get(officer_client, reverse("agreement_document", args=[agreement.pk])),
            ),
            (
                "round Excel, 200 submissions",
                get(officer_client, reverse("round_excel", args=[round_.pk])),
            ),
        ]
        print(f"{'what':40} {'median ms':>10} {'queries':>8}")
        for label, request in rows:
            ms, queries = measure(request)
            print(f"{label:40} {ms:10.1f} {queries:8d}")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
