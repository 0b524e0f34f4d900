from django.urls import path

from netlead.networks.views import charter, members, network, phase, results

app_name = "networks"

N = "w/<slug:slug>/networks/<id:network_id>/"

urlpatterns = [
    path("w/<slug:slug>/networks/", network.network_list, name="list"),
    path("w/<slug:slug>/networks/new/", network.network_create, name="create"),
    path(N, network.network_dashboard, name="dashboard"),
    path(N + "profile/", network.network_profile, name="profile"),
    path(N + "members/", members.members, name="members"),
    path(N + "members/<id:pk>/", members.member_edit, name="member_edit"),
    path(N + "members/<id:pk>/leave/", members.member_leave, name="member_leave"),
    path(N + "members/import/", members.members_import, name="members_import"),
    path(
        N + "members/import/confirm/", members.members_import_confirm, name="members_import_confirm"
    ),
    path(N + "charter/", charter.charter, name="charter"),
    path(N + "charter/propose/", charter.charter_propose, name="charter_propose"),
    path(N + "charter/<id:pk>/respond/", charter.charter_respond, name="charter_respond"),
    path(N + "charter/<id:pk>/adopt/", charter.charter_adopt, name="charter_adopt"),
    path(N + "charter/compare/", charter.charter_compare, name="charter_compare"),
    path(N + "charter/rule/", charter.decision_rule, name="decision_rule"),
    path(N + "members/<id:pk>/restore/", members.member_restore, name="member_restore"),
    path(N + "results/", results.results, name="results"),
    path(N + "results/new/", results.result_edit, name="result_create"),
    path(N + "results/<id:pk>/", results.result_detail, name="result"),
    path(N + "results/<id:pk>/edit/", results.result_edit, name="result_edit"),
    path(N + "phase/", phase.phase, name="phase"),
    path(N + "phase/check/", phase.phase_check, name="phase_check"),
    path(N + "phase/move/", phase.phase_move, name="phase_move"),
]
