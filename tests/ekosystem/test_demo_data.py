from io import StringIO

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command

from ekosystem.choices import Gap, Phase, Role
from ekosystem.criteria import CHECKS
from ekosystem.management.commands.load_demo_data import DEMO_PASSWORD
from ekosystem.models import BoardMember, Ecosystem, Specialisation, User

pytestmark = pytest.mark.django_db

DEMO_LOGINS = {
    "handlaggare@example.se": Role.OFFICER,
    "ledare@example.se": Role.LEADER,
    "ledare2@example.se": Role.LEADER,
    "namnd@example.se": Role.BOARD,
    "granskare@example.se": Role.REVIEWER,
    "admin@example.se": Role.ADMIN,
}


def load_demo_data():
    out = StringIO()
    call_command("load_demo_data", stdout=out)
    return out.getvalue()


def counts():
    return {
        "ecosystems": Ecosystem.objects.count(),
        "board members": BoardMember.objects.count(),
        "users": User.objects.count(),
        "specialisations": Specialisation.objects.count(),
        "ecosystem history": Ecosystem.history.count(),
        "board history": BoardMember.history.count(),
        "specialisation links": Ecosystem.specialisations.through.objects.count(),
        "leader links": User.ecosystems.through.objects.count(),
    }


def test_creates_seven_ecosystems_and_eight_ranked_specialisations():
    load_demo_data()

    assert Ecosystem.objects.count() == 7
    assert list(Specialisation.objects.values_list("rank", flat=True)) == list(range(1, 9))
    assert all(eco.specialisations.exists() for eco in Ecosystem.objects.all())


def test_every_ecosystem_has_three_to_six_board_members_and_one_chair():
    load_demo_data()

    for eco in Ecosystem.objects.all():
        assert 3 <= eco.board_members.count() <= 6, eco.name
        assert eco.board_members.filter(is_chair=True).count() == 1, eco.name
    assert BoardMember.objects.filter(trained=True).exists()
    assert BoardMember.objects.filter(trained=False).exists()


def test_creates_one_demo_user_per_role():
    load_demo_data()

    for email, role in DEMO_LOGINS.items():
        assert User.objects.get(email=email).role == role
    assert set(User.objects.values_list("role", flat=True)) == set(Role.values)
    admin = User.objects.get(email="admin@example.se")
    assert admin.is_staff and admin.is_superuser


def test_every_demo_login_authenticates_with_the_demo_password(rf):
    load_demo_data()

    for email in DEMO_LOGINS:
        request = rf.post("/account/login/")
        user = authenticate(request=request, username=email, password=DEMO_PASSWORD)
        assert user is not None, email
        assert user.email == email


def test_rerun_restores_a_changed_demo_password(rf):
    load_demo_data()
    officer = User.objects.get(email="handlaggare@example.se")
    officer.set_password("något-annat-lösenord")
    officer.save()

    load_demo_data()

    request = rf.post("/account/login/")
    assert (
        authenticate(request=request, username="handlaggare@example.se", password=DEMO_PASSWORD)
        == officer
    )


def test_running_twice_creates_no_duplicates_and_no_new_history():
    load_demo_data()
    first = counts()

    load_demo_data()

    assert counts() == first


def test_running_twice_leaves_existing_ecosystems_unchanged():
    load_demo_data()
    before = {eco.name: (eco.version, eco.updated_at) for eco in Ecosystem.objects.all()}

    load_demo_data()

    after = {eco.name: (eco.version, eco.updated_at) for eco in Ecosystem.objects.all()}
    assert after == before


def test_each_ecosystem_has_a_later_change_by_the_officer():
    load_demo_data()
    officer = User.objects.get(email="handlaggare@example.se")

    for eco in Ecosystem.objects.all():
        latest = eco.history.latest()
        assert latest.history_type == "~", eco.name
        assert latest.history_user == officer, eco.name
        assert latest.diff_against(latest.prev_record).changes, eco.name


def test_first_leader_leads_exactly_one_ecosystem():
    load_demo_data()

    leader = User.objects.get(email="ledare@example.se")
    assert leader.ecosystems.count() == 1
    assert leader.ecosystems.get().leader_email == "ledare@example.se"


def test_second_leader_leads_a_different_ecosystem():
    load_demo_data()

    first = User.objects.get(email="ledare@example.se").ecosystems.get()
    second = User.objects.get(email="ledare2@example.se").ecosystems.get()
    assert first != second


def test_ecosystems_cover_every_phase_including_the_network_phase():
    load_demo_data()

    phases = set(Ecosystem.objects.values_list("phase", flat=True))
    assert phases == set(Phase.values)


def test_ecosystems_vary_in_how_many_cluster_of_sweden_criteria_they_meet():
    load_demo_data()

    met = list(Ecosystem.objects.values_list("cluster_criteria_met", flat=True))
    assert max(met) == len(CHECKS)
    assert min(met) < len(CHECKS)
    assert len(set(met)) >= 3


def test_some_ecosystem_lacks_academia_members_low_turnover_or_under_thirty_members():
    load_demo_data()

    ecosystems = list(Ecosystem.objects.all())
    assert any(eco.members_academia == 0 for eco in ecosystems)
    assert any(eco.annual_turnover <= 1_000_000 for eco in ecosystems)
    assert any(eco.members_total < 30 for eco in ecosystems)


def test_at_least_one_leader_spends_under_half_time_on_the_ecosystem():
    load_demo_data()

    assert Ecosystem.objects.filter(leader_time_share__lt=50).exists()


def test_gaps_are_valid_gap_codes():
    load_demo_data()

    for eco in Ecosystem.objects.all():
        assert eco.gaps, eco.name
        assert set(eco.gaps) <= set(Gap.values), eco.name


def test_prints_the_demo_logins_and_the_address_the_server_runs_at(settings):
    settings.SITE_URL = "http://127.0.0.1:8105"
    output = load_demo_data()

    for email in DEMO_LOGINS:
        assert email in output
    assert DEMO_PASSWORD in output
    assert "Sign in at http://127.0.0.1:8105/" in output


# --- The demo's self-assessments (loaded once for the tests below) --------------------------------


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo loaded once, inside a transaction rolled back after the module's last test."""
    from django.db import transaction

    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            load_demo_data()
            yield
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


def _bilaga1(ecosystem_name, year=None):
    from assessments.models import Submission

    submissions = Submission.objects.filter(
        ecosystem__name=ecosystem_name, questionnaire__code="bilaga1"
    ).order_by("-round__year")
    submission = submissions.filter(round__year=year).get() if year else submissions.first()
    return {a.question.key: a.value for a in submission.answers.select_related("question")}


def test_demo_bilaga1_answers_differ_between_ecosystems_and_agree_with_each_registry(demo):
    from django.utils import timezone

    from assessments import registry

    first, second = "Rymdnoden Norr", "Vinterprovning Arjeplog"
    answers = {name: _bilaga1(name) for name in (first, second)}
    for name, values in answers.items():
        ecosystem = Ecosystem.objects.get(name=name)
        facts = registry.registry_answers(ecosystem, timezone.localdate())
        assert facts, name
        for key, fact in facts.items():
            assert not registry.differs(key, values[key], fact), (name, key)
        assert values["b1-participants-total"] == str(ecosystem.members_total)
        assert values["b1-age"] == str(timezone.localdate().year - ecosystem.year_founded)
        assert f"Av {ecosystem.members_total} deltagare" in values["b1-s1-q4f"]
    texts = {
        key
        for key, value in answers[first].items()
        if isinstance(value, str) and value and answers[second].get(key) == value
    }
    assert not {key for key in texts if not key.startswith("b1-participants")} - {
        "b1-age",
        "b1-leader-time-share",
        "b1-staff-fte",
        "b1-s4-q23",
        "b1-legal-form",
        "b1-s3-q19",
    }


def test_no_two_demo_ecosystems_share_a_free_text_answer(demo):
    from assessments.models import Answer, Kind

    seen = {}
    for answer in Answer.objects.filter(
        question__kind=Kind.TEXT, submission__round__name__endswith=str(_this_year())
    ).select_related("question", "submission__ecosystem"):
        if not answer.value:
            continue
        owner = seen.setdefault((answer.question.key, answer.value), answer.submission.ecosystem)
        assert owner == answer.submission.ecosystem, (answer.question.key, answer.value)


def _this_year():
    from django.utils import timezone

    return timezone.localdate().year


def test_every_demo_answer_is_written_by_its_ecosystems_leader(demo):
    from assessments.models import Answer

    given = [a for a in Answer.objects.select_related("submission__ecosystem") if a.is_answered]
    assert given
    for answer in given:
        leaders = set(answer.submission.ecosystem.leaders.all())
        assert answer.updated_by in leaders, (answer.submission.ecosystem.name, answer.pk)
        assert answer.updated_by.role == Role.LEADER


def test_last_years_demo_answers_agree_with_last_years_texts(demo):
    values = _bilaga1("Malmfältens mineralkluster", _this_year() - 1)
    total = values["b1-participants-total"]
    assert f"Av {total} deltagare" in values["b1-s1-q4f"]
    assert total != _bilaga1("Malmfältens mineralkluster", _this_year())["b1-participants-total"]


def test_each_demo_ecosystem_has_its_own_leader_login(demo, rf, settings):
    # The module's demo was hashed before the per-test fast hasher was set.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]
    for ecosystem in Ecosystem.objects.all():
        leader = ecosystem.leaders.get()
        assert leader.email == ecosystem.leader_email
        request = rf.post("/account/login/")
        assert authenticate(request=request, username=leader.email, password=DEMO_PASSWORD)


def test_demo_logins_that_need_a_second_factor_get_the_printed_app_secret():
    from base64 import b32encode

    from django_otp.plugins.otp_totp.models import TOTPDevice

    from ekosystem.management.commands.load_demo_data import DEMO_TOTP_KEY

    output = load_demo_data()
    secret = b32encode(bytes.fromhex(DEMO_TOTP_KEY)).decode()
    assert secret[:4] + " " + secret[4:8] in output
    for email, role in DEMO_LOGINS.items():
        devices = TOTPDevice.objects.filter(user__email=email, confirmed=True)
        if role in (Role.OFFICER, Role.BOARD, Role.ADMIN):
            assert [device.key for device in devices] == [DEMO_TOTP_KEY], email
        else:
            assert not devices.exists(), email

    # A rerun puts the printed secret back, unthrottled.
    TOTPDevice.objects.filter(user__email="namnd@example.se").update(
        key="00" * 20, throttling_failure_count=3
    )
    load_demo_data()
    device = TOTPDevice.objects.get(user__email="namnd@example.se")
    assert (device.key, device.throttling_failure_count) == (DEMO_TOTP_KEY, 0)


def test_demo_ladder_shows_operating_finance_the_exception_and_a_missing_reason(demo):
    from django.utils import timezone

    from prioritisation.eligibility import RungCode
    from prioritisation.eligibility_queries import ladders_for

    ladders = ladders_for(Ecosystem.objects.all(), timezone.localdate())
    by_name = {Ecosystem.objects.get(pk=pk).name: ladder for pk, ladder in ladders.items()}
    assert by_name["Rymdnoden Norr"].current.code == RungCode.OPERATING
    assert [c.code for c in by_name["Malmfältens mineralkluster"].lacking] == ["others_finance"]
    assert [c.code for c in by_name["Datahallsnätverket Boden"].lacking] == ["reason"]
    assert by_name["Fjällvärldens besöksnätverk"].current is None
