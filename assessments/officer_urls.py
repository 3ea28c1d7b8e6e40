from django.urls import path

from assessments import exports, officer_views

urlpatterns = [
    path("rounds/", officer_views.round_list, name="round_list"),
    path("rounds/new/", officer_views.round_create, name="round_create"),
    path("rounds/<int:pk>/", officer_views.round_detail, name="round_detail"),
    path("rounds/<int:pk>/export.xlsx", exports.round_excel, name="round_excel"),
    path("s/<int:pk>/officer/", officer_views.submission_officer, name="submission_officer"),
    path("s/<int:pk>/officer/notes/", officer_views.submission_notes, name="submission_notes"),
    path(
        "s/<int:pk>/officer/dialogue/",
        officer_views.submission_dialogue,
        name="submission_dialogue",
    ),
    path("s/<int:pk>/officer/return/", officer_views.submission_return, name="submission_return"),
    path(
        "s/<int:pk>/officer/reviewed/",
        officer_views.submission_reviewed,
        name="submission_reviewed",
    ),
    path("s/<int:pk>/history/", officer_views.submission_history, name="submission_history"),
    path("s/<int:pk>/export.pdf", exports.submission_pdf, name="submission_pdf"),
]
