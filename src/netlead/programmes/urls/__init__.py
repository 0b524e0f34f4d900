from netlead.programmes.urls import alumni, cohorts, curricula, hub, leader_networks, mentoring

app_name = "programmes"

urlpatterns = [
    *hub.urlpatterns,
    *leader_networks.urlpatterns,
    *curricula.urlpatterns,
    *cohorts.urlpatterns,
    *mentoring.urlpatterns,
    *alumni.urlpatterns,
]
