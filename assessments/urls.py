from django.urls import include, path

from assessments import views

urlpatterns = [
    path("", views.my_assessments, name="my_assessments"),
    path("s/<int:pk>/", views.submission_start, name="submission_start"),
    path("s/<int:pk>/section/<int:order>/", views.submission_section, name="submission_section"),
    path("s/<int:pk>/answers/<int:question_pk>/", views.answer_autosave, name="answer_autosave"),
    path(
        "s/<int:pk>/attachments/<int:attachment_pk>/",
        views.attachment_download,
        name="attachment_download",
    ),
    path(
        "s/<int:pk>/attachments/<int:attachment_pk>/delete/",
        views.attachment_delete,
        name="attachment_delete",
    ),
    path("s/<int:pk>/review/", views.submission_review, name="submission_review"),
    path("", include("assessments.officer_urls")),
]
