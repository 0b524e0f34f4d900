from django.urls import path

from netlead.reports import views

app_name = "reports"

R = "w/<slug:slug>/networks/<int:network_id>/reports/"
C = "w/<slug:slug>/programmes/cohorts/<int:cohort_id>/report/"

urlpatterns = [
    path(R, views.report_list, name="list"),
    path(R + "new/", views.report_create, name="create"),
    path(R + "<int:pk>/", views.report_detail, name="detail"),
    path(R + "<int:pk>/progress/", views.report_progress, name="progress"),
    path(R + "<int:pk>/edit/", views.report_edit, name="edit"),
    path(R + "<int:pk>/generate/", views.report_generate, name="generate"),
    path(R + "<int:pk>/issue/", views.report_issue, name="issue"),
    path(R + "<int:pk>/report.<str:fmt>", views.report_download, name="download"),
    path(C, views.cohort_report, name="cohort"),
    path(C + "report.<str:fmt>", views.cohort_report_download, name="cohort_download"),
]
