"""Officers score independently, agree on a score with a reason, and override computed values
only with a reason; concurrent saves are refused without losing what was typed."""

from decimal import Decimal

import pytest
from django.urls import reverse

from assessments import services as assessment_services
from assessments.models import Answer, Questionnaire
from prioritisation import queries, services
from prioritisation.framework import Kind
from prioritisation.models import AgreedScore, ComputedOverride, Score
from tests.factories import SpecialisationFactory
from tests.prioritisation.helpers import score, scored

pytestmark = pytest.mark.django_db


def sheet_url(round_, ecosystem):
    return reverse("scoring_sheet", kwargs={"round_pk": round_.pk, "ecosystem_pk": ecosystem.pk})


def agree_url(round_, ecosystem):
    return reverse("scoring_agree", kwargs={"round_pk": round_.pk, "ecosystem_pk": ecosystem.pk})


def override_url(round_, ecosystem):
    return reverse("scoring_override", kwargs={"round_pk": round_.pk, "ecosystem_pk": ecosystem.pk})


def template_url(round_):
    return reverse("scoring_template", kwargs={"round_pk": round_.pk})


def test_a_new_round_gets_the_six_perspectives_with_labelled_steps(template):
    perspectives = list(template.perspectives.order_by("order"))
    assert len(perspectives) == 6
    assert [p.kind for p in perspectives].count(Kind.SCORED) == 4
    assert all(p.steps.count() == 5 for p in perspectives)
    assert not template.is_frozen


# --- hidden until submitted --------------------------------------------------------------------


def test_another_officers_scores_stay_hidden_until_ones_own_are_submitted(
    round_, ecosystem_a, olga, otto, template, client_for
):
    score(round_, ecosystem_a, olga, [4, 3, 2, 1], submit=True, comment="Olgas hemliga motivering")
    score(round_, ecosystem_a, otto, [0, 0, 0, 0])  # a draft

    view = queries.sheet_view(otto, round_, ecosystem_a, template)
    assert view.others == [] and view.stats == {} and view.others_hidden == 1
    page = client_for(otto).get(sheet_url(round_, ecosystem_a)).content.decode()
    assert "Olgas hemliga motivering" not in page
    assert "Olga Handläggare" not in page

    score(round_, ecosystem_a, otto, [0, 0, 0, 0], submit=True)

    view = queries.sheet_view(otto, round_, ecosystem_a, template)
    assert [c.sheet.officer for c in view.others] == [olga]
    page = client_for(otto).get(sheet_url(round_, ecosystem_a)).content.decode()
    assert "Olgas hemliga motivering" in page


def test_an_officer_never_sees_another_officers_draft(round_, ecosystem_a, olga, otto, template):
    score(round_, ecosystem_a, olga, [4, 4, 4, 4], submit=True)
    score(round_, ecosystem_a, otto, [1, 1, 1, 1])  # otto's draft
    view = queries.sheet_view(olga, round_, ecosystem_a, template)
    assert view.others == []


def test_board_member_reads_agreed_scores_but_no_officers_scores(
    round_, ecosystem_a, olga, nils, template, client_for
):
    score(round_, ecosystem_a, olga, [4, 3, 2, 1], submit=True, comment="Olgas kommentar")
    own = round_.score_sheets.get(officer=olga)
    roll = scored(template)[0]
    services.record_agreed_score(
        round_=round_,
        ecosystem=ecosystem_a,
        perspective=roll,
        user=olga,
        own_sheet=own,
        value=3,
        not_assessed=False,
        reason="Enig efter samtal.",
        version=0,
    )
    response = client_for(nils).get(sheet_url(round_, ecosystem_a))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Enig efter samtal." in page
    assert "Olgas kommentar" not in page
    assert "Lämna in mina poäng" not in page


# --- not assessed is never zero ----------------------------------------------------------------


def test_not_assessed_is_stored_as_its_own_answer_and_left_out_of_the_total(
    round_, ecosystem_a, olga, otto, template
):
    sheet = score(round_, ecosystem_a, olga, [4, None, 4, 4], submit=True)
    not_assessed = Score.objects.get(sheet=sheet, perspective=scored(template)[1])
    assert (not_assessed.value, not_assessed.not_assessed) == (None, True)

    score(round_, ecosystem_a, otto, [2, None, 2, 2], submit=True)
    view = queries.sheet_view(olga, round_, ecosystem_a, template)
    assert view.stats[scored(template)[1].pk].mean is None  # not a mean of zeros

    # Agreed: 4 on three perspectives, "not assessed" on one; computed ones not assessed
    # (no Bilaga 3) or 0 (no specialisation) would pull it down if counted.
    for p, value in zip(scored(template), [4, None, 4, 4], strict=True):
        services.record_agreed_score(
            round_=round_,
            ecosystem=ecosystem_a,
            perspective=p,
            user=olga,
            own_sheet=sheet,
            value=value,
            not_assessed=value is None,
            reason="Överens.",
            version=0,
        )
    special = template.perspectives.get(kind=Kind.SPECIALISATION)
    services.override_computed(
        round_=round_,
        ecosystem=ecosystem_a,
        perspective=special,
        user=olga,
        value=Decimal(4),
        reason="Viktig för rymdområdet.",
        version=0,
    )
    view = queries.sheet_view(olga, round_, ecosystem_a, template)
    assert view.total == Decimal("4.00")


def test_the_radio_offers_not_assessed_and_a_draft_may_leave_a_perspective_open(
    round_, ecosystem_a, olga, template, client_for
):
    roll, role2, *_ = scored(template)
    client = client_for(olga)
    page = client.get(sheet_url(round_, ecosystem_a)).content.decode()
    assert 'value="na"' in page and "Inte bedömd" in page
    response = client.post(
        sheet_url(round_, ecosystem_a),
        {"version": "0", f"v-{roll.pk}": "na", f"v-{role2.pk}": "3", "action": "draft"},
    )
    assert response.status_code == 302
    stored = {s.perspective_id: s for s in Score.objects.filter(sheet__officer=olga)}
    assert stored[roll.pk].not_assessed and stored[roll.pk].value is None
    assert stored[role2.pk].value == 3


def test_handing_in_needs_an_answer_for_every_perspective(
    round_, ecosystem_a, olga, template, client_for
):
    roll = scored(template)[0]
    response = client_for(olga).post(
        sheet_url(round_, ecosystem_a),
        {"version": "0", f"v-{roll.pk}": "2", f"c-{roll.pk}": "Min motivering", "action": "submit"},
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "innan du lämnar in" in page
    assert "Min motivering" in page  # nothing typed is lost
    assert not round_.score_sheets.exists()


def test_handed_in_scores_cannot_be_changed(round_, ecosystem_a, olga, template, client_for):
    sheet = score(round_, ecosystem_a, olga, [1, 1, 1, 1], submit=True)
    roll = scored(template)[0]
    response = client_for(olga).post(
        sheet_url(round_, ecosystem_a),
        {"version": str(sheet.version), f"v-{roll.pk}": "4", "action": "draft"},
    )
    assert response.status_code == 409
    assert Score.objects.get(sheet=sheet, perspective=roll).value == 1


# --- the template freezes ----------------------------------------------------------------------


def _template_post(client, round_, template, **changes):
    page = client.get(template_url(round_))
    form = page.context["form"]
    data = {name: form[name].value() for name in form.fields}
    data.update(changes)
    return client.post(template_url(round_), data)


def test_officer_changes_a_weight_written_with_a_decimal_comma(round_, olga, template, client_for):
    roll = scored(template)[0]
    response = _template_post(client_for(olga), round_, template, **{f"w-{roll.pk}": "1,5"})
    assert response.status_code == 302
    roll.refresh_from_db()
    assert roll.weight == Decimal("1.5")


def test_a_weight_that_is_not_a_number_gets_a_swedish_message_and_keeps_the_text(
    round_, olga, template, client_for
):
    roll = scored(template)[0]
    response = _template_post(client_for(olga), round_, template, **{f"w-{roll.pk}": "mycket"})
    page = response.content.decode()
    assert response.status_code == 400
    assert "Skriv ett tal med siffror" in page and 'value="mycket"' in page


def test_the_first_saved_score_freezes_the_template_and_it_refuses_edits(
    round_, ecosystem_a, olga, template, client_for
):
    score(round_, ecosystem_a, olga, [1, 1, 1, 1])
    template.refresh_from_db()
    assert template.is_frozen
    roll = scored(template)[0]
    client = client_for(olga)
    page = client.get(template_url(round_)).content.decode()
    assert "Mallen är låst" in page and 'name="w-' not in page

    response = client.post(template_url(round_), {"version": "0", f"w-{roll.pk}": "3"})
    assert response.status_code == 409
    roll.refresh_from_db()
    assert roll.weight == 1
    with pytest.raises(services.Refused):
        services.update_template(template=template, version=0, weights={roll.pk: 3}, labels={})


# --- agreed scores and overrides ---------------------------------------------------------------


def test_agreed_score_needs_a_reason_and_records_who(
    round_, ecosystem_a, olga, otto, template, client_for
):
    score(round_, ecosystem_a, olga, [1, 2, 3, 4], submit=True)
    score(round_, ecosystem_a, otto, [3, 2, 3, 4], submit=True)
    roll = scored(template)[0]
    client = client_for(otto)
    prefix = f"a{roll.pk}"
    data = {"perspective": roll.pk, f"{prefix}-version": "0", f"{prefix}-value": "2"}
    response = client.post(agree_url(round_, ecosystem_a), {**data, f"{prefix}-reason": "  "})
    assert response.status_code == 400
    assert "Skriv en motivering" in response.content.decode()
    assert not AgreedScore.objects.exists()

    response = client.post(
        agree_url(round_, ecosystem_a), {**data, f"{prefix}-reason": "Mitt emellan."}
    )
    assert response.status_code == 302
    agreed = AgreedScore.objects.get()
    assert (agreed.value, agreed.decided_by, agreed.reason) == (2, otto, "Mitt emellan.")
    assert agreed.history.count() == 1


def test_only_an_officer_who_has_handed_in_may_record_the_agreed_score(
    round_, ecosystem_a, olga, template, client_for
):
    roll = scored(template)[0]
    prefix = f"a{roll.pk}"
    response = client_for(olga).post(
        agree_url(round_, ecosystem_a),
        {
            "perspective": roll.pk,
            f"{prefix}-version": "0",
            f"{prefix}-value": "2",
            f"{prefix}-reason": "Utan att ha poängsatt.",
        },
    )
    assert response.status_code == 403
    assert not AgreedScore.objects.exists()


def test_a_stale_agreed_score_is_refused_and_shows_the_newer_value(
    round_, ecosystem_a, olga, otto, template, client_for
):
    own = score(round_, ecosystem_a, olga, [1, 2, 3, 4], submit=True)
    score(round_, ecosystem_a, otto, [1, 2, 3, 4], submit=True)
    roll = scored(template)[0]
    services.record_agreed_score(
        round_=round_,
        ecosystem=ecosystem_a,
        perspective=roll,
        user=olga,
        own_sheet=own,
        value=1,
        not_assessed=False,
        reason="Olgas beslut.",
        version=0,
    )
    prefix = f"a{roll.pk}"
    response = client_for(otto).post(
        agree_url(round_, ecosystem_a),
        {
            "perspective": roll.pk,
            f"{prefix}-version": "0",  # opened before olga saved
            f"{prefix}-value": "3",
            f"{prefix}-reason": "Ottos förslag.",
        },
    )
    page = response.content.decode()
    assert response.status_code == 409
    assert "Någon annan sparade" in page
    assert "Olgas beslut." in page and "Ottos förslag." in page
    assert AgreedScore.objects.get().value == 1


def test_a_stale_score_sheet_is_refused_without_losing_what_was_typed(
    round_, ecosystem_a, olga, template, client_for
):
    roll = scored(template)[0]
    score(round_, ecosystem_a, olga, [2, 2, 2, 2], comment="Sparat i flik ett")  # version 1
    client = client_for(olga)
    response = client.post(
        sheet_url(round_, ecosystem_a),
        {
            "version": "0",
            f"v-{roll.pk}": "4",
            f"c-{roll.pk}": "Skrivet i flik två",
            "action": "draft",
        },
    )
    page = response.content.decode()
    assert response.status_code == 409
    assert "sparades i ett annat fönster" in page
    assert "Skrivet i flik två" in page  # kept
    assert "Sparat i flik ett" in page  # the newer value shown
    assert Score.objects.get(perspective=roll).value == 2
    # Saving again from the page goes through.
    form = response.context["sheet_form"]
    assert form["version"].value() == "1" or form["version"].value() == 1


def test_overriding_a_computed_value_needs_a_reason_and_keeps_history(
    round_, ecosystem_a, olga, template, client_for
):
    special = template.perspectives.get(kind=Kind.SPECIALISATION)
    prefix = f"o{special.pk}"
    client = client_for(olga)
    data = {"perspective": special.pk, f"{prefix}-version": "0", f"{prefix}-value": "2,5"}
    response = client.post(override_url(round_, ecosystem_a), data)
    assert response.status_code == 400
    assert "Skriv en motivering" in response.content.decode()
    assert not ComputedOverride.objects.exists()

    response = client.post(
        override_url(round_, ecosystem_a), {**data, f"{prefix}-reason": "Nyckelaktör för rymd."}
    )
    assert response.status_code == 302
    data = {**data, f"{prefix}-version": "1", f"{prefix}-value": "3"}
    client.post(override_url(round_, ecosystem_a), {**data, f"{prefix}-reason": "Omprövat."})
    override = ComputedOverride.objects.get()
    assert override.value == Decimal(3)
    assert [h.value for h in override.history.order_by("history_date")] == [
        Decimal("2.5"),
        Decimal(3),
    ]
    view = queries.sheet_view(olga, round_, ecosystem_a, template)
    assert view.computed[special.pk].value == Decimal(3)
    assert view.computed[special.pk].computed == Decimal(0)


def test_a_scored_perspective_cannot_be_overridden(round_, ecosystem_a, olga, template, client_for):
    roll = scored(template)[0]
    response = client_for(olga).post(
        override_url(round_, ecosystem_a),
        {
            "perspective": roll.pk,
            f"o{roll.pk}-version": "0",
            f"o{roll.pk}-value": "2",
            f"o{roll.pk}-reason": "x",
        },
    )
    assert response.status_code == 404


# --- computed values ---------------------------------------------------------------------------


def test_quality_level_comes_from_the_submitted_bilaga3_ratings_of_the_same_round(
    ecosystem_a, alice, olga
):
    bilaga3 = Questionnaire.objects.get(code="bilaga3", version=1)
    round_ = assessment_services.open_round(
        year=2026,
        name="Kvalitet 2026",
        deadline=__import__("datetime").date(2026, 12, 1),
        questionnaires=[bilaga3],
        ecosystems=[ecosystem_a],
        user=olga,
    )
    submission = round_.submissions.get()
    ratings = list(submission.answers.filter(question__kind="rating").order_by("pk")[:3])
    for answer, value in zip(ratings, [5, 4, 3], strict=True):
        Answer.objects.filter(pk=answer.pk).update(value=value)
    template = round_.scoring_template
    quality = template.perspectives.get(kind=Kind.QUALITY)

    draft = queries.sheet_view(olga, round_, ecosystem_a, template).computed[quality.pk]
    assert draft.value is None  # a draft's ratings do not count yet

    submission.status = "submitted"
    submission.save()
    computed = queries.sheet_view(olga, round_, ecosystem_a, template).computed[quality.pk]
    assert computed.value == Decimal("3.0")  # (4 + 3 + 2) / 3
    assert [r.value for r in computed.quality.used] == [5, 4, 3]


def test_specialisation_value_uses_the_best_ranked_area_served(
    round_, ecosystem_a, olga, template, client_for
):
    SpecialisationFactory(name="Rymd", rank=2)
    ecosystem_a.specialisations.set([SpecialisationFactory(name="Skog", rank=4)])
    ecosystem_a.specialisations.add(
        *type(ecosystem_a.specialisations.first()).objects.filter(rank=2)
    )
    special = template.perspectives.get(kind=Kind.SPECIALISATION)
    computed = queries.sheet_view(olga, round_, ecosystem_a, template).computed[special.pk]
    assert computed.value == Decimal("3.6")
    page = client_for(olga).get(sheet_url(round_, ecosystem_a)).content.decode()
    assert "plats 2 ger faktor 0,9, värde 3,6" in page


# --- the overview ------------------------------------------------------------------------------


def test_overview_shows_my_status_others_handed_in_and_agreed(
    round_, ecosystem_a, ecosystem_b, olga, otto, template, client_for
):
    score(round_, ecosystem_a, olga, [1, 1, 1, 1], submit=True)
    score(round_, ecosystem_b, olga, [1, 1, 1, 1])
    score(round_, ecosystem_a, otto, [2, 2, 2, 2], submit=True)
    rows = {r.ecosystem: r for r in queries.overview(olga, round_, template)}
    assert (rows[ecosystem_a].my_status, rows[ecosystem_a].others_submitted) == ("submitted", 1)
    assert (rows[ecosystem_b].my_status, rows[ecosystem_b].others_submitted) == ("draft", 0)
    assert rows[ecosystem_a].agreed_count == 0
    response = client_for(olga).get(reverse("scoring_overview", kwargs={"round_pk": round_.pk}))
    assert response.status_code == 200


def test_overview_takes_the_same_number_of_queries_for_more_ecosystems(
    round_, olga, template, django_assert_max_num_queries, client_for
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import EcosystemFactory

    def count():
        with CaptureQueriesContext(connection) as ctx:
            queries.overview(olga, round_, queries.template_of(round_))
        return len(ctx.captured_queries)

    few = count()
    round_.ecosystems.add(*EcosystemFactory.create_batch(5))
    assert count() == few


def test_there_is_no_total_until_a_scored_perspective_is_agreed(
    round_, ecosystem_a, olga, template, client_for
):
    own = score(round_, ecosystem_a, olga, [2, 2, 2, 2], submit=True)
    view = queries.sheet_view(olga, round_, ecosystem_a, template)
    assert view.total is None  # the computed specialisation (0) alone is no total
    page = client_for(olga).get(sheet_url(round_, ecosystem_a)).content.decode()
    assert "ingen summa" in page
    services.record_agreed_score(
        round_=round_,
        ecosystem=ecosystem_a,
        perspective=scored(template)[0],
        user=olga,
        own_sheet=own,
        value=3,
        not_assessed=False,
        reason="Överens.",
        version=0,
    )
    # (1·3 + 1·0 for the specialisation) / 2; quality not assessed: left out.
    assert queries.sheet_view(olga, round_, ecosystem_a, template).total == Decimal("1.50")


def test_perspective_names_are_stored_in_swedish_whatever_the_language(ecosystem_a, olga):
    from django.utils import translation

    from assessments.models import Questionnaire as Q

    with translation.override("en"):
        round_ = assessment_services.open_round(
            year=2027,
            name="Omgång 2027",
            deadline=__import__("datetime").date(2027, 12, 1),
            questionnaires=[Q.objects.get(code="bilaga3", version=1)],
            ecosystems=[ecosystem_a],
            user=olga,
        )
    names = list(round_.scoring_template.perspectives.values_list("name", flat=True))
    assert names[0] == "Förväntad roll i stödsystemet"
