from django.urls import URLPattern

#: Prefix: "w/<slug:slug>/programmes/".
urlpatterns: list[URLPattern] = []
