from django.urls import path

from prioritisation import eligibility_views

urlpatterns = [
    path(
        "ekosystem/<int:pk>/stege/",
        eligibility_views.ecosystem_ladder,
        name="ecosystem_ladder",
    ),
]
