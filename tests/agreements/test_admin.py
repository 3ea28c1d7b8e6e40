"""The Django admin is for repairs: what the services keep in step is read-only there."""

from datetime import date

import pytest
from django.contrib.admin.sites import site
from django.test import RequestFactory
from django.urls import reverse

from agreements.models import Agreement, AgreementEvent, AgreementPeriod, AmountChange, Notice
from ekosystem.choices import Role
from tests.factories import UserFactory

SERVICE_FIELDS = [
    "start_date",
    "signed_on",
    "initial_months",
    "renewal_months",
    "notice_months",
    "cap_months",
    "first_evaluation_on",
    "evaluation_interval_months",
]


@pytest.fixture
def admin_user(db):
    return UserFactory(email="root@example.se", role=Role.ADMIN, is_staff=True, is_superuser=True)


@pytest.fixture
def admin_request(admin_user):
    request = RequestFactory().get("/")
    request.user = admin_user
    return request


def test_admin_change_form_cannot_change_the_agreements_dates(admin_request, agreement_a):
    form = site._registry[Agreement].get_form(admin_request, agreement_a)
    assert not set(SERVICE_FIELDS) & set(form.base_fields)


def test_admin_change_page_shows_the_dates_read_only(client, admin_user, agreement_a):
    client.force_login(admin_user)
    url = reverse("admin:agreements_agreement_change", args=[agreement_a.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert 'name="start_date"' not in response.text
    client.post(url, {"start_date": "2030-01-01", "reference": "Ändrad"})
    agreement_a.refresh_from_db()
    assert agreement_a.start_date == date(2025, 1, 1)


@pytest.mark.parametrize(
    "model", [Agreement, Notice, AmountChange, AgreementPeriod, AgreementEvent]
)
def test_admin_cannot_add_what_a_service_creates(admin_request, model):
    assert not site._registry[model].has_add_permission(admin_request)


def test_adding_a_notice_in_the_admin_is_refused_without_a_500(client, admin_user, agreement_a):
    client.force_login(admin_user)
    url = reverse("admin:agreements_notice_add")
    assert client.get(url).status_code == 403
    response = client.post(
        url,
        {
            "agreement": agreement_a.pk,
            "party": "region",
            "kind": "at_expiry",
            "received_on": "2026-06-01",
            "recorded_by": admin_user.pk,
        },
    )
    assert response.status_code == 403
    assert not Notice.objects.exists()


@pytest.mark.parametrize("model", [Notice, AmountChange, AgreementPeriod, AgreementEvent])
def test_admin_cannot_change_or_delete_what_a_service_keeps(admin_request, model):
    model_admin = site._registry[model]
    assert not model_admin.has_change_permission(admin_request)
    assert not model_admin.has_delete_permission(admin_request)


def test_agreement_inlines_are_read_only(admin_request, agreement_a):
    for inline in site._registry[Agreement].get_inline_instances(admin_request, agreement_a):
        assert not inline.has_add_permission(admin_request, agreement_a)
        assert not inline.has_change_permission(admin_request, agreement_a)
        assert not inline.has_delete_permission(admin_request, agreement_a)
