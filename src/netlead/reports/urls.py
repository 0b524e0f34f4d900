from django.urls import path

from netlead.reports import views

app_name = "reports"

R = "w/<slug:slug>/networks/<id:network_id>/reports/"
C = "w/<slug:slug>/programmes/cohorts/<id:cohort_id>/report/"

urlpatterns = [
    path(R, views.report_list, name="list"),
    path(R + "new/", views.report_create, name="create"),
    path(R + "<id:pk>/", views.report_detail, name="detail"),
    path(R + "<id:pk>/progress/", views.report_progress, name="progress"),
    path(R + "<id:pk>/edit/", views.report_edit, name="edit"),
    path(R + "<id:pk>/generate/", views.report_generate, name="generate"),
    path(R + "<id:pk>/issue/", views.report_issue, name="issue"),
    path(R + "<id:pk>/report.<str:fmt>", views.report_download, name="download"),
    path(C, views.cohort_report, name="cohort"),
    path(C + "report.<str:fmt>", views.cohort_report_download, name="cohort_download"),
]
