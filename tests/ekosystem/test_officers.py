"""Who is an officer: `User.is_officer` and `User.objects.officers()` must agree."""

from datetime import date

from django.core import mail

from agreements.reminders import send_agreement_reminders
from ekosystem.choices import Role
from ekosystem.models import User
from tests.factories import UserFactory


def test_the_officers_queryset_agrees_with_is_officer_for_every_role(db):
    for role in Role.values:
        for superuser in (False, True):
            UserFactory(email=f"{role}-{superuser}@example.se", role=role, is_superuser=superuser)
    expected = {user.pk for user in User.objects.all() if user.is_officer}
    assert set(User.objects.officers().values_list("pk", flat=True)) == expected
    assert User.objects.filter(role=Role.LEADER, is_superuser=True).get().pk in expected


def test_a_superuser_with_another_role_gets_the_officers_reminders(committed, agreement_a):
    UserFactory(email="root@example.se", role=Role.REVIEWER, is_superuser=True)
    committed(send_agreement_reminders, today=date(2026, 12, 1))
    assert "root@example.se" in [m.to[0] for m in mail.outbox]


def test_a_superuser_with_another_role_can_hold_the_board_seat(db):
    from agreements.forms import AgreementForm

    root = UserFactory(email="root@example.se", role=Role.LEADER, is_superuser=True)
    assert root in AgreementForm().fields["board_seat_holder"].queryset
