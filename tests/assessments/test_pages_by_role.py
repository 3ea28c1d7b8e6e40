"""The read-only answers are titled for who reads them."""

from django.urls import reverse

from tests.assessments.fixtures import answer_all_required


def test_a_leaders_handed_in_answers_are_not_titled_review_and_submit(
    client_for, alice, submission_a
):
    answer_all_required(submission_a, alice)
    client = client_for(alice)
    assert (
        "<title>Granska och skicka in"
        in client.get(reverse("submission_review", args=[submission_a.pk])).text
    )
    client.post(reverse("submission_review", args=[submission_a.pk]))
    page = client.get(reverse("submission_review", args=[submission_a.pk])).text
    assert "Granska och skicka in" not in page
    assert "<title>Inskickade svar" in page


def test_officers_and_board_members_read_answers_on_their_own_page(
    client_for, olga, nils, submission_a
):
    for user in (olga, nils):
        response = client_for(user).get(reverse("submission_review", args=[submission_a.pk]))
        assert response["Location"] == reverse("submission_officer", args=[submission_a.pk])
