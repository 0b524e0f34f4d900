from django.urls import URLPattern, path

from netlead.programmes.views import cohorts, curricula

P = "w/<slug:slug>/programmes/"
M = P + "<int:programme_id>/modules/<int:module_id>/"

urlpatterns: list[URLPattern] = [
    path(P + "new/", curricula.programme_create, name="programme_create"),
    path(P + "<int:programme_id>/", curricula.programme_detail, name="programme"),
    path(P + "<int:programme_id>/edit/", curricula.programme_edit, name="programme_edit"),
    path(P + "<int:programme_id>/modules/new/", curricula.module_edit, name="module_create"),
    path(M + "edit/", curricula.module_edit, name="module_edit"),
    path(M + "lessons/new/", curricula.lesson_edit, name="lesson_create"),
    path(M + "lessons/<int:lesson_id>/edit/", curricula.lesson_edit, name="lesson_edit"),
    path(M + "lessons/<int:lesson_id>/delete/", curricula.lesson_delete, name="lesson_delete"),
    path(M + "assignments/new/", curricula.assignment_edit, name="assignment_create"),
    path(
        M + "assignments/<int:assignment_id>/edit/",
        curricula.assignment_edit,
        name="assignment_edit",
    ),
    path(
        M + "assignments/<int:assignment_id>/delete/",
        curricula.assignment_delete,
        name="assignment_delete",
    ),
    path(
        P + "<int:programme_id>/files/<int:file_id>/", cohorts.programme_file, name="programme_file"
    ),
    path(
        P + "<int:programme_id>/files/<int:file_id>/delete/",
        curricula.lesson_file_delete,
        name="lesson_file_delete",
    ),
]
