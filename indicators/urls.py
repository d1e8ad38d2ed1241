"""Open data: /open-data/indicators.json and /open-data/indicators.csv (the request's site only)."""

from django.urls import path

from . import views

urlpatterns = [
    path("indicators.json", views.open_data_json, name="indicators_open_data_json"),
    path("indicators.csv", views.open_data_csv, name="indicators_open_data_csv"),
]
