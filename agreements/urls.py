from django.urls import path

from agreements import documents, views

urlpatterns = [
    path("", views.agreement_list, name="agreement_list"),
    path("new/", views.agreement_create, name="agreement_create"),
    path("rules/", views.rules_help, name="agreement_rules"),
    path("<int:pk>/", views.agreement_detail, name="agreement_detail"),
    path("<int:pk>/edit/", views.agreement_update, name="agreement_update"),
    path("<int:pk>/document.pdf", documents.agreement_document, name="agreement_document"),
    path("<int:pk>/notice/", views.notice_register, name="agreement_notice"),
    path("<int:pk>/amount/", views.amount_change, name="agreement_amount"),
    path("<int:pk>/financing/", views.financing_edit, name="agreement_financing"),
    path("<int:pk>/evaluations/new/", views.evaluation_record, name="agreement_evaluation"),
    path(
        "<int:pk>/evaluations/<int:evaluation_pk>/report/",
        views.evaluation_report,
        name="agreement_evaluation_report",
    ),
]
