from django.urls import path

from prioritisation import eligibility_views, views

urlpatterns = [
    path(
        "ekosystem/<int:pk>/stege/",
        eligibility_views.ecosystem_ladder,
        name="ecosystem_ladder",
    ),
    path("<int:round_pk>/", views.overview, name="scoring_overview"),
    path("<int:round_pk>/mall/", views.template_page, name="scoring_template"),
    path("<int:round_pk>/<int:ecosystem_pk>/", views.sheet_page, name="scoring_sheet"),
    path(
        "<int:round_pk>/<int:ecosystem_pk>/overenskommen/",
        views.agree,
        name="scoring_agree",
    ),
    path(
        "<int:round_pk>/<int:ecosystem_pk>/berakning/",
        views.override,
        name="scoring_override",
    ),
]
