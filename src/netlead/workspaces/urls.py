from django.urls import path

from netlead.workspaces import views

app_name = "workspaces"

urlpatterns = [
    path("workspaces/new/", views.workspace_create, name="create"),
    path("workspaces/switch/", views.workspace_switch, name="switch"),
    path("invitations/<str:token>/", views.invitation_accept, name="invitation_accept"),
    path("w/<slug:slug>/", views.dashboard, name="dashboard"),
    path("w/<slug:slug>/settings/", views.workspace_settings, name="settings"),
    path("w/<slug:slug>/organizations/", views.organization_list, name="organizations"),
    path("w/<slug:slug>/organizations/new/", views.organization_edit, name="organization_create"),
    path("w/<slug:slug>/organizations/<id:pk>/", views.organization_edit, name="organization_edit"),
    path(
        "w/<slug:slug>/organizations/<id:pk>/delete/",
        views.organization_delete,
        name="organization_delete",
    ),
    path("w/<slug:slug>/people/", views.person_list, name="people"),
    path("w/<slug:slug>/people/new/", views.person_edit, name="person_create"),
    path("w/<slug:slug>/people/<id:pk>/", views.person_edit, name="person_edit"),
    path("w/<slug:slug>/people/<id:pk>/delete/", views.person_delete, name="person_delete"),
    path("w/<slug:slug>/team/", views.team, name="team"),
    path("w/<slug:slug>/team/<id:pk>/role/", views.member_role, name="member_role"),
    path("w/<slug:slug>/team/<id:pk>/remove/", views.member_remove, name="member_remove"),
    path(
        "w/<slug:slug>/team/invitations/<id:pk>/revoke/",
        views.invitation_revoke,
        name="invitation_revoke",
    ),
]
