from django.urls import path

from netlead.privacy import views

app_name = "privacy"

urlpatterns = [
    path("accounts/privacy/", views.overview, name="overview"),
    path("accounts/privacy/exports/", views.export_request, name="export_request"),
    path("accounts/privacy/exports/<id:pk>/", views.export, name="export"),
    path(
        "accounts/privacy/exports/<id:pk>/<str:token>/",
        views.export_download,
        name="export_download",
    ),
    path("accounts/privacy/erasure/", views.account_erasure, name="account_erasure"),
    path(
        "accounts/privacy/erasure/cancel/",
        views.account_erasure_cancel,
        name="account_erasure_cancel",
    ),
    path("w/<slug:slug>/settings/retention/", views.retention, name="retention"),
    path("w/<slug:slug>/people/<id:pk>/erase/", views.person_erase, name="person_erase"),
    path(
        "w/<slug:slug>/erasure-requests/<id:pk>/",
        views.erasure_confirm,
        name="erasure_confirm",
    ),
]
