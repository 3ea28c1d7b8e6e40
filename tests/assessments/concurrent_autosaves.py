"""Run as a script by test_concurrency.py, in its own process against a file-based SQLite
database (the in-memory test database cannot show locking): migrate, open a round of two
ecosystems, then post one autosave per answer from as many threads at once. Prints, as JSON,
each request's status and what is stored afterwards."""

import json
import os
import sys
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ekosystem.settings")

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402

from ekosystem.choices import Role  # noqa: E402
from tests.assessments import factories  # noqa: E402
from tests.factories import EcosystemFactory, UserFactory  # noqa: E402


def main():
    call_command("migrate", verbosity=0)
    officer = UserFactory(role=Role.OFFICER)
    saves = []
    # Registry facts as typed below (60 in all, 45 from business), so the prefilled total never
    # refuses a part saved before its total.
    facts = dict(members_business=45, members_academia=5, members_public=8, members_civil=2)
    ecosystems = [EcosystemFactory(**facts), EcosystemFactory(**facts)]
    survey = factories.build_questionnaire()
    round_ = factories.open_round(user=officer, ecosystems=ecosystems, questionnaires=[survey])
    for ecosystem in ecosystems:
        leader = UserFactory(role=Role.LEADER, ecosystems=[ecosystem])
        submission = round_.submissions.get(ecosystem=ecosystem)
        for answer in submission.answers.select_related("question"):
            typed = factories.TYPED[answer.question.key]
            client = Client()
            client.force_login(leader)
            saves.append((client, submission, answer.question, typed))
    connection.close()
    start = threading.Barrier(len(saves))
    statuses = [None] * len(saves)

    def post(index, client, submission, question, typed):
        fields = (
            {f"q-{question.pk}-{key}": value for key, value in typed.items()}
            if isinstance(typed, dict)
            else {f"q-{question.pk}": typed}
        )
        if question.evidence:
            fields[f"e-{question.pk}"] = factories.EVIDENCE[question.key]
        url = reverse("answer_autosave", args=[submission.pk, question.pk])
        start.wait()
        try:
            statuses[index] = client.post(url, {**fields, f"r-{question.pk}": "0"}).status_code
        except Exception as error:
            statuses[index] = repr(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=post, args=(i, *save)) for i, save in enumerate(saves)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    unsaved = [
        f"{submission.pk}/{question.key}"
        for _client, submission, question, _typed in saves
        if submission.answers.get(question=question).value is None
    ]
    print(json.dumps({"saves": len(saves), "statuses": statuses, "unsaved": unsaved}))


if __name__ == "__main__":
    main()
