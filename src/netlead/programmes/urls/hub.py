from django.urls import URLPattern, path

from netlead.programmes.views import hub

P = "w/<slug:slug>/programmes/"

urlpatterns: list[URLPattern] = [
    path(P, hub.hub, name="hub"),
]
