"""The calendar feed and its settings; included at calendar/ in ekosystem.urls."""

from django.urls import path

from agreements import calendar

urlpatterns = [
    path("", calendar.calendar_settings, name="calendar_settings"),
    path("token/new/", calendar.calendar_token_create, name="calendar_token_create"),
    path("token/revoke/", calendar.calendar_token_revoke, name="calendar_token_revoke"),
    # token_urlsafe() draws on exactly the slug alphabet (letters, digits, - and _).
    path("<slug:token>.ics", calendar.calendar_feed, name="calendar_feed"),
]
