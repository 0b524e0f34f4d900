"""Download addresses next to the pages they export (the cohort's is in programmes/urls)."""

from django.urls import path

from netlead.exports import views

app_name = "exports"

W = "w/<slug:slug>/"
N = W + "networks/<id:network_id>/"
ROUND = N + "surveys/<id:pk>/"
FMT = "<str:fmt>"

urlpatterns = [
    path(W + f"organizations/export.{FMT}", views.organizations, name="organizations"),
    path(N + f"members/export.{FMT}", views.members, name="members"),
    path(
        N + f"members/import/template.{FMT}", views.members_import_template, name="import_template"
    ),
    path(N + f"results/export.{FMT}", views.results, name="results"),
    path(N + f"meetings/export.{FMT}", views.meetings, name="meetings"),
    path(N + f"actions/export.{FMT}", views.actions, name="actions"),
    path(ROUND + f"network.{FMT}", views.round_network, name="round_network"),
    path(ROUND + f"organizations.{FMT}", views.round_matrix, name="round_matrix"),
    path(ROUND + f"health.{FMT}", views.round_health, name="round_health"),
]
