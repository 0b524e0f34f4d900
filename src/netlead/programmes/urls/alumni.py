from django.urls import URLPattern, path

from netlead.programmes.views import alumni

#: Prefix: "w/<slug:slug>/programmes/".
P = "w/<slug:slug>/programmes/"
GROUP = P + "cohorts/<int:cohort_id>/alumni/"

urlpatterns: list[URLPattern] = [
    path(GROUP, alumni.alumni, name="alumni"),
    path(GROUP + "<int:post_id>/", alumni.alumni_topic, name="alumni_topic"),
    path(GROUP + "digest/", alumni.alumni_digest, name="alumni_digest"),
]
