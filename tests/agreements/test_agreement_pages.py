import re
from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.text import slugify

from agreements import services
from agreements.models import Agreement, AgreementEvent, Evaluation, EventKind, Notice
from ekosystem import uploads
from tests import documents
from tests.agreements.factories import AgreementFactory
from tests.factories import EcosystemFactory
from tests.utils import one_time_token, post_twice

TODAY = date(2026, 11, 25)


@pytest.fixture
def today(monkeypatch):
    """Pin 'today' for every view and service to 25 November 2026."""
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *args: TODAY)
    return TODAY


def _agreement_data(ecosystem, **changes):
    data = {
        "ecosystem": ecosystem.pk,
        "reference": "RUN 2024-00042",
        "signed_on": "2024-12-01",
        "start_date": "2025-01-01",
        "initial_months": 36,
        "renewal_months": 36,
        "notice_months": 12,
        "cap_months": 108,
        "first_evaluation_on": "2027-06-30",
        "evaluation_interval_months": 36,
        "annual_amount_tkr": "1 500",
        "amount_from": "2025-01-01",
    }
    data.update(changes)
    return data


def test_officer_creates_an_agreement_and_sees_its_computed_deadlines(client_for, olga, today):
    ecosystem = EcosystemFactory(organisation_name="Rymdnoden ek. för.")
    client = client_for(olga)
    response = client.post(reverse("agreement_create"), _agreement_data(ecosystem))
    agreement = Agreement.objects.get()
    assert response.url == agreement.get_absolute_url()
    assert agreement.amounts.get().annual_amount_tkr == Decimal("1500")
    assert list(agreement.periods.values_list("index", "end", "notice_deadline")) == [
        (1, date(2027, 12, 31), date(2026, 12, 31))
    ]
    page = client.get(agreement.get_absolute_url()).text
    assert (
        "Om ingen agerar förlängs avtalet den 1 januari 2028 till och med 31 december 2030. "
        "Sista dag att säga upp avtalet är 31 december 2026."
    ) in page
    assert "Observera: 31 december 2026 är en nyårsafton." in page
    assert AgreementEvent.objects.get().kind == EventKind.CREATED


def test_invalid_agreement_form_keeps_values_and_explains_in_swedish(client_for, olga):
    ecosystem = EcosystemFactory()
    response = client_for(olga).post(
        reverse("agreement_create"),
        _agreement_data(
            ecosystem, first_evaluation_on="2024-06-30", notice_months=40, reference="Dnr 77"
        ),
    )
    form = response.context["form"]
    assert form.errors["first_evaluation_on"] == [
        "Första utvärderingen kan inte ligga före avtalets start."
    ]
    assert form.errors["notice_months"] == [
        "Uppsägningstiden måste vara kortare än första perioden.",
        "Uppsägningstiden måste vara kortare än förlängningsperioden.",
    ]
    assert 'value="Dnr 77"' in response.text
    assert not Agreement.objects.exists()


def test_notice_preview_shows_the_effect_and_saves_nothing(client_for, olga, agreement_a, today):
    response = client_for(olga).post(
        reverse("agreement_notice", args=[agreement_a.pk]),
        {"party": "region", "kind": "at_expiry", "received_on": "2026-11-20", "preview": "1"},
    )
    assert response.context["effect"].ends_on == date(2027, 12, 31)
    assert "Avtalet upphör den 31 december 2027." in response.text
    assert not Notice.objects.exists()


def test_confirmed_notice_is_stored_with_its_end_date(client_for, olga, agreement_a, today):
    client_for(olga).post(
        reverse("agreement_notice", args=[agreement_a.pk]),
        {"party": "actor", "kind": "at_expiry", "received_on": "2026-11-20", "confirm": "1"},
    )
    notice = Notice.objects.get()
    assert (notice.received_on, notice.ends_on, notice.recorded_by) == (
        date(2026, 11, 20),
        date(2027, 12, 31),
        olga,
    )
    page = client_for(olga).get(agreement_a.get_absolute_url()).text
    assert "Uppsägning mottogs den 20 november 2026. Avtalet upphör den 31 december 2027." in page


def test_late_notice_preview_says_the_agreement_renews_first(client_for, olga, today):
    agreement = AgreementFactory(start_date=date(2024, 1, 1), signed_on=date(2023, 12, 1))
    response = client_for(olga).post(
        reverse("agreement_notice", args=[agreement.pk]),
        {"party": "region", "kind": "at_expiry", "received_on": "2026-01-02", "preview": "1"},
    )
    effect = response.context["effect"]
    assert not effect.in_time and effect.renews_first
    assert effect.ends_on == date(2029, 12, 31)
    assert "efter sista dag för uppsägning (31 december 2025)" in response.text


def test_notice_dated_in_the_future_is_refused(client_for, olga, agreement_a, today):
    response = client_for(olga).post(
        reverse("agreement_notice", args=[agreement_a.pk]),
        {"party": "region", "kind": "at_expiry", "received_on": "2026-12-24", "confirm": "1"},
    )
    assert response.context["form"].errors["received_on"] == [
        "Ange dagen uppsägningen kom in; den kan inte ligga i framtiden."
    ]
    assert not Notice.objects.exists()


def test_draft_cannot_be_given_notice(client_for, olga, today):
    draft = AgreementFactory(signed_on=None)
    response = client_for(olga).post(
        reverse("agreement_notice", args=[draft.pk]),
        {"party": "region", "kind": "at_expiry", "received_on": "2026-11-20", "confirm": "1"},
    )
    assert "Ett utkast kan inte sägas upp." in response.text
    assert not Notice.objects.exists()


def test_changing_the_amount_keeps_the_history(client_for, olga, agreement_a, today):
    client_for(olga).post(
        reverse("agreement_amount", args=[agreement_a.pk]),
        {"effective_from": "2026-07-01", "annual_amount_tkr": "1 800,5", "reason": "Utökat"},
    )
    assert list(agreement_a.amounts.values_list("effective_from", "annual_amount_tkr")) == [
        (date(2025, 1, 1), Decimal("1500.0")),
        (date(2026, 7, 1), Decimal("1800.5")),
    ]
    event = agreement_a.events.get(kind=EventKind.AMOUNT)
    assert event.details["previous"] == "1500.0"
    assert "1\xa0800,5 tkr" in client_for(olga).get(agreement_a.get_absolute_url()).text


def test_amount_before_the_agreement_starts_is_refused(client_for, olga, agreement_a):
    response = client_for(olga).post(
        reverse("agreement_amount", args=[agreement_a.pk]),
        {"effective_from": "2024-07-01", "annual_amount_tkr": "10"},
    )
    assert response.context["form"].errors["effective_from"] == [
        "Beloppet kan inte gälla före avtalets start."
    ]


def test_recording_an_evaluation_with_its_report_moves_the_next_due_date(
    client_for, olga, agreement_a, today
):
    client = client_for(olga)
    report = SimpleUploadedFile("utvardering.pdf", b"%PDF-1.7 rapport", "application/pdf")
    client.post(
        reverse("agreement_evaluation", args=[agreement_a.pk]),
        {"due_on": "2027-06-30", "done_on": "2026-11-20", "summary": "Bra.", "report": report},
    )
    evaluation = Evaluation.objects.get()
    assert evaluation.report.name.endswith(".pdf")
    download = client.get(
        reverse("agreement_evaluation_report", args=[agreement_a.pk, evaluation.pk])
    )
    assert b"".join(download.streaming_content) == b"%PDF-1.7 rapport"
    page = client.get(agreement_a.get_absolute_url())
    assert page.context["overview"].next_evaluation == date(2030, 6, 30)


def test_evaluation_report_must_be_a_document(client_for, olga, agreement_a, today):
    fake = SimpleUploadedFile("rapport.pdf", b"MZ\x90\x00 not a pdf", "application/pdf")
    response = client_for(olga).post(
        reverse("agreement_evaluation", args=[agreement_a.pk]),
        {"due_on": "2027-06-30", "done_on": "2026-11-20", "report": fake},
    )
    assert response.context["form"].errors["report"] == [
        "Filen är inte en PDF-, Word- eller Excelfil. Spara den i något av de formaten och "
        "försök igen."
    ]
    assert not Evaluation.objects.exists()


def test_editing_dates_recomputes_every_derived_date(client_for, olga, agreement_a, today):
    services.sync_periods(agreement_a, today=today)
    services.register_notice(
        agreement=agreement_a,
        party="region",
        kind="at_expiry",
        received_on=date(2026, 11, 20),
        actor=olga,
        today=today,
    )
    data = _agreement_data(
        agreement_a.ecosystem,
        start_date="2025-03-01",
        version=1,
        reference=agreement_a.reference,
        region_signatory=agreement_a.region_signatory,
        actor_signatory=agreement_a.actor_signatory,
    )
    del data["annual_amount_tkr"], data["amount_from"]
    client_for(olga).post(reverse("agreement_update", args=[agreement_a.pk]), data)
    agreement_a.refresh_from_db()
    assert list(agreement_a.periods.values_list("end", "notice_deadline")) == [
        (date(2028, 2, 29), date(2027, 2, 28))
    ]
    assert agreement_a.notices.get().ends_on == date(2028, 2, 29)
    assert agreement_a.events.filter(kind=EventKind.TERMS_CHANGED).get().details == {
        "fields": ["start_date"]
    }


def test_stale_agreement_edit_is_refused_and_keeps_the_typed_values(client_for, olga, agreement_a):
    data = _agreement_data(agreement_a.ecosystem, reference="Olgas", version=1)
    Agreement.objects.filter(pk=agreement_a.pk).update(version=2)
    response = client_for(olga).post(reverse("agreement_update", args=[agreement_a.pk]), data)
    assert "Någon annan har sparat ändringar i avtalet" in response.text
    assert 'value="Olgas"' in response.text


def test_list_puts_the_nearest_deadline_first_and_filters(client_for, olga, today):
    later = AgreementFactory(start_date=date(2026, 1, 1), signed_on=date(2025, 12, 1))
    sooner = AgreementFactory(start_date=date(2025, 1, 1))
    client = client_for(olga)
    rows = client.get(reverse("agreement_list")).context["rows"]
    assert [row.agreement for row in rows] == [sooner, later]
    within = client.get(reverse("agreement_list"), {"within_days": 60}).context["rows"]
    assert [row.agreement for row in within] == [sooner]
    window = client.get(reverse("agreement_list"), {"state": "notice_window"}).context["rows"]
    assert [row.agreement for row in window] == [sooner]


def test_leader_sees_own_agreements_read_only(client_for, alice, agreement_a, today):
    AgreementFactory()
    client = client_for(alice)
    rows = client.get(reverse("agreement_list")).context["rows"]
    assert [row.agreement for row in rows] == [agreement_a]
    page = client.get(agreement_a.get_absolute_url()).text
    assert reverse("agreement_update", args=[agreement_a.pk]) not in page
    assert reverse("agreement_notice", args=[agreement_a.pk]) not in page


def test_leader_filter_offers_only_their_own_ecosystems(client_for, alice, ecosystem_b):
    form = client_for(alice).get(reverse("agreement_list")).context["filter"].form
    assert [e.name for e in form.fields["ecosystem"].queryset] == ["Rymdekosystemet A"]


def test_refused_notice_by_a_board_member_changes_nothing(client_for, nils, agreement_a):
    response = client_for(nils).post(
        reverse("agreement_notice", args=[agreement_a.pk]),
        {"party": "region", "kind": "at_expiry", "received_on": "2026-11-20", "confirm": "1"},
    )
    assert response.status_code == 403
    assert not Notice.objects.exists()


@pytest.mark.parametrize("count", [1, 3])
def test_list_query_count_does_not_grow_with_agreements(
    count, client_for, olga, django_assert_num_queries
):
    AgreementFactory.create_batch(count)
    client = client_for(olga)
    # session, user, the second-factor app that verified the session, agreements, notices,
    # amounts, evaluations, ecosystem filter choices
    with django_assert_num_queries(8):
        client.get(reverse("agreement_list"))


def test_renewal_job_stores_each_renewal_once_as_an_event(agreement_a):
    services.sync_periods(agreement_a, today=date(2025, 1, 1))
    assert services.renew_agreements(today=date(2028, 1, 1)) == 1
    assert services.renew_agreements(today=date(2028, 1, 2)) == 0
    assert list(agreement_a.periods.values_list("index", "start")) == [
        (1, date(2025, 1, 1)),
        (2, date(2028, 1, 1)),
    ]
    renewal = agreement_a.events.get(kind=EventKind.RENEWED)
    assert renewal.actor is None and renewal.details["end"] == "2030-12-31"


def test_renewal_job_does_not_renew_past_a_notice_or_the_cap(agreement_a, olga):
    services.register_notice(
        agreement=agreement_a,
        party="region",
        kind="at_expiry",
        received_on=date(2026, 6, 1),
        actor=olga,
        today=date(2026, 6, 1),
    )
    assert services.renew_agreements(today=date(2028, 1, 1)) == 0
    uncapped = AgreementFactory()
    assert services.renew_agreements(today=date(2040, 1, 1)) == 2
    assert uncapped.periods.count() == 3


def test_rules_page_shows_every_documented_example(client_for, olga):
    from agreements.examples import EXAMPLES

    page = client_for(olga).get(reverse("agreement_rules")).text
    for example in EXAMPLES:
        assert str(example.title) in page


def test_officer_enters_the_financing_plan_and_indicator_outcomes(client_for, olga, agreement_a):
    client = client_for(olga)
    url = reverse("agreement_financing", args=[agreement_a.pk])
    management = {
        f"{prefix}-{key}": value
        for prefix in ("contributions", "indicators", "outcomes")
        for key, value in (("TOTAL_FORMS", 1), ("INITIAL_FORMS", 0))
    }
    client.post(
        url,
        {
            **management,
            "contributions-0-financier": "Luleå kommun",
            "contributions-0-year": 2026,
            "contributions-0-amount_tkr": "250",
            "indicators-0-name": "Företag som får stöd",
            "indicators-0-unit": "företag",
            "indicators-0-target": "300",
            "outcomes-TOTAL_FORMS": 0,
        },
    )
    indicator = agreement_a.indicators.get()
    client.post(
        url,
        {
            **management,
            "indicators-TOTAL_FORMS": 1,
            "indicators-INITIAL_FORMS": 1,
            "indicators-0-id": indicator.pk,
            "indicators-0-name": indicator.name,
            "indicators-0-target": "300",
            "contributions-TOTAL_FORMS": 0,
            "outcomes-0-indicator": indicator.pk,
            "outcomes-0-year": 2026,
            "outcomes-0-value": "120",
        },
    )
    assert list(indicator.outcomes.values_list("year", "value")) == [(2026, Decimal("120.0"))]
    page = client.get(agreement_a.get_absolute_url())
    plan = page.context["plan"]
    assert plan.rows["Luleå kommun"] == {2026: Decimal("250.0")}
    assert plan.year_total(2026) == Decimal("1750.0")
    assert "2026: 120<" in page.text and "120,0" not in page.text


def test_financing_formset_errors_keep_the_typed_rows(client_for, olga, agreement_a):
    response = client_for(olga).post(
        reverse("agreement_financing", args=[agreement_a.pk]),
        {
            "contributions-TOTAL_FORMS": 1,
            "contributions-INITIAL_FORMS": 0,
            "contributions-0-financier": "ERUF",
            "contributions-0-year": "tjugotjugo",
            "contributions-0-amount_tkr": "500",
            "indicators-TOTAL_FORMS": 0,
            "indicators-INITIAL_FORMS": 0,
            "outcomes-TOTAL_FORMS": 0,
            "outcomes-INITIAL_FORMS": 0,
        },
    )
    assert response.context["contributions"].errors[0]["year"] == ["Fyll i ett heltal."]
    assert 'value="ERUF"' in response.text and 'value="tjugotjugo"' in response.text
    assert not agreement_a.contributions.exists()


def test_notice_after_the_agreement_has_ended_is_refused(client_for, olga, today):
    old = AgreementFactory(start_date=date(2010, 1, 1), signed_on=date(2009, 12, 1))
    response = client_for(olga).post(
        reverse("agreement_notice", args=[old.pk]),
        {"party": "region", "kind": "at_expiry", "received_on": "2026-11-20", "confirm": "1"},
    )
    assert response.context["form"].errors["received_on"] == [
        "Avtalet upphörde senast 31 december 2018; en uppsägning efter det har ingen verkan."
    ]
    assert not Notice.objects.exists()


def test_a_draft_is_listed_without_an_end_date(client_for, olga, today):
    AgreementFactory(signed_on=None, start_date=date(2027, 1, 1))
    page = client_for(olga).get(reverse("agreement_list")).text
    assert "Utkast" in page
    assert "31 december 2035" not in page


def test_a_double_clicked_new_agreement_is_registered_once(client_for, olga, today):
    ecosystem = EcosystemFactory()
    client = client_for(olga)
    url = reverse("agreement_create")
    data = {**_agreement_data(ecosystem), "one_time_token": one_time_token(client, url)}
    first, second = post_twice(client, url, data)
    agreement = Agreement.objects.get()
    assert first.url == second.url == agreement.get_absolute_url()
    assert agreement.periods.count() == 1


def test_a_double_clicked_notice_confirmation_stores_one_notice(
    client_for, olga, agreement_a, today
):
    client = client_for(olga)
    url = reverse("agreement_notice", args=[agreement_a.pk])
    data = {"party": "actor", "kind": "at_expiry", "received_on": "2026-11-20", "preview": "1"}
    preview = client.post(url, data).content.decode()
    token = re.search(r'name="one_time_token" value="([^"]+)"', preview).group(1)
    confirm = {**data, "confirm": "1", "one_time_token": token}
    del confirm["preview"]
    first, second = post_twice(client, url, confirm)
    assert first.url == second.url == agreement_a.get_absolute_url()
    assert Notice.objects.count() == 1


def test_a_refused_form_leaves_its_token_for_the_corrected_one(client_for, olga, today):
    ecosystem = EcosystemFactory()
    client = client_for(olga)
    url = reverse("agreement_create")
    token = one_time_token(client, url)
    refused = client.post(
        url, {**_agreement_data(ecosystem, notice_months=40), "one_time_token": token}
    )
    assert refused.status_code == 200 and not Agreement.objects.exists()
    corrected = client.post(url, {**_agreement_data(ecosystem), "one_time_token": token})
    assert corrected.url == Agreement.objects.get().get_absolute_url()


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        (
            "rapport.html",
            documents.PDF_BYTES,
            "Filer av typen .html tas inte emot. Bifoga en PDF-fil, en Wordfil (.docx) eller en "
            "Excelfil (.xlsx).",
        ),
        (
            "rapport.docx",
            documents.docm(),
            "Filer med makron tas inte emot. Spara filen utan makron, som .docx eller .xlsx, och "
            "försök igen.",
        ),
        (
            "rapport.docx",
            documents.xlsx(),
            "Filen heter .docx men är en Excelfil. Byt filändelse till .xlsx eller välj rätt fil.",
        ),
    ],
)
def test_evaluation_report_is_checked_like_an_attachment(
    client_for, olga, agreement_a, today, name, data, message
):
    response = client_for(olga).post(
        reverse("agreement_evaluation", args=[agreement_a.pk]),
        {"due_on": "2027-06-30", "done_on": "2026-11-20", "report": documents.upload(name, data)},
    )
    assert response.context["form"].errors["report"] == [message]
    assert not Evaluation.objects.exists()


def test_evaluation_report_is_stored_under_a_generated_name_and_served_as_a_download(
    client_for, olga, agreement_a, today
):
    client, report = client_for(olga), documents.docx()
    client.post(
        reverse("agreement_evaluation", args=[agreement_a.pk]),
        {
            "due_on": "2027-06-30",
            "done_on": "2026-11-20",
            "report": documents.upload("../Utvärdering.docx", report, "text/html"),
        },
    )
    evaluation = Evaluation.objects.get()
    assert re.fullmatch(
        rf"agreements/{agreement_a.pk}/evaluations/[0-9a-f]{{32}}\.docx", evaluation.report.name
    )
    response = client.get(
        reverse("agreement_evaluation_report", args=[agreement_a.pk, evaluation.pk])
    )
    assert b"".join(response.streaming_content) == report
    assert response["Content-Type"] == uploads.WORD.content_type
    name = f"utvardering-{slugify(agreement_a.ecosystem.name)}-2026-11-20.docx"
    assert response["Content-Disposition"] == f'attachment; filename="{name}"'
    assert response["Cache-Control"] == "no-store, private"
