from django.urls import URLPattern, path

from netlead.programmes.views import leader_networks as views

#: Prefix: "w/<slug:slug>/programmes/leader-networks/".
P = "w/<slug:slug>/programmes/leader-networks/"
NETWORK = P + "<int:network_id>/"
MEETING = NETWORK + "meetings/<int:meeting_id>/"

urlpatterns: list[URLPattern] = [
    path(P + "new/", views.leader_network_create, name="leader_network_create"),
    path(NETWORK, views.leader_network, name="leader_network"),
    path(NETWORK + "edit/", views.leader_network_edit, name="leader_network_edit"),
    path(NETWORK + "agreement/", views.leader_network_agreement, name="leader_network_agreement"),
    path(MEETING + "roles/", views.leader_network_roles, name="leader_network_roles"),
    path(MEETING + "check/", views.leader_network_check, name="leader_network_check"),
]
