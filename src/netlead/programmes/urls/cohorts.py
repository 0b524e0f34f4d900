from django.urls import URLPattern, path

from netlead.exports import views as exports
from netlead.programmes.views import cohorts

P = "w/<slug:slug>/programmes/"
C = P + "cohorts/<int:cohort_id>/"

urlpatterns: list[URLPattern] = [
    path(P + "<int:programme_id>/cohorts/new/", cohorts.cohort_create, name="cohort_create"),
    path(C, cohorts.cohort_detail, name="cohort"),
    path(C + "enrol/", cohorts.cohort_enrol, name="cohort_enrol"),
    path(C + "progress/", cohorts.cohort_progress, name="cohort_progress"),
    path(C + "progress/export.<str:fmt>", exports.cohort_progress, name="cohort_progress_export"),
    path(C + "close/", cohorts.cohort_close, name="cohort_close"),
    path(C + "lessons/<int:lesson_id>/", cohorts.cohort_lesson, name="cohort_lesson"),
    path(
        C + "assignments/<int:assignment_id>/",
        cohorts.cohort_assignment,
        name="cohort_assignment",
    ),
    path(C + "work/<int:submission_id>/", cohorts.submission_detail, name="submission"),
    path(C + "measurement/<str:which>/", cohorts.measurement, name="measurement"),
    path(C + "files/<int:file_id>/", cohorts.attachment, name="cohort_file"),
]
