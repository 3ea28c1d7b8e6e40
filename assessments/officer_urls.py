from django.urls import path

from assessments import officer_views

urlpatterns = [
    path("rounds/", officer_views.round_list, name="round_list"),
    path("s/<int:pk>/officer/", officer_views.submission_officer, name="submission_officer"),
]
