from django.urls import path

from netlead.exports import views as exports
from netlead.programmes.views import alumni, cohorts, curricula, hub, mentoring
from netlead.programmes.views import leader_networks as leader

app_name = "programmes"

P = "w/<slug:slug>/programmes/"
LEADER_NETWORK = P + "leader-networks/<id:network_id>/"
LEADER_MEETING = LEADER_NETWORK + "meetings/<id:meeting_id>/"
MODULE = P + "<id:programme_id>/modules/<id:module_id>/"
COHORT = P + "cohorts/<id:cohort_id>/"
PAIR = P + "mentoring/pairs/<id:pair_id>/"
ALUMNI = COHORT + "alumni/"

urlpatterns = [
    path(P, hub.hub, name="hub"),
    # Leader networks
    path(P + "leader-networks/new/", leader.leader_network_create, name="leader_network_create"),
    path(LEADER_NETWORK, leader.leader_network, name="leader_network"),
    path(LEADER_NETWORK + "edit/", leader.leader_network_edit, name="leader_network_edit"),
    path(
        LEADER_NETWORK + "agreement/",
        leader.leader_network_agreement,
        name="leader_network_agreement",
    ),
    path(LEADER_MEETING + "roles/", leader.leader_network_roles, name="leader_network_roles"),
    path(LEADER_MEETING + "check/", leader.leader_network_check, name="leader_network_check"),
    # Programmes and their curricula
    path(P + "new/", curricula.programme_create, name="programme_create"),
    path(P + "<id:programme_id>/", curricula.programme_detail, name="programme"),
    path(P + "<id:programme_id>/edit/", curricula.programme_edit, name="programme_edit"),
    path(P + "<id:programme_id>/modules/new/", curricula.module_edit, name="module_create"),
    path(MODULE + "edit/", curricula.module_edit, name="module_edit"),
    path(MODULE + "lessons/new/", curricula.lesson_edit, name="lesson_create"),
    path(MODULE + "lessons/<id:lesson_id>/edit/", curricula.lesson_edit, name="lesson_edit"),
    path(MODULE + "lessons/<id:lesson_id>/delete/", curricula.lesson_delete, name="lesson_delete"),
    path(MODULE + "assignments/new/", curricula.assignment_edit, name="assignment_create"),
    path(
        MODULE + "assignments/<id:assignment_id>/edit/",
        curricula.assignment_edit,
        name="assignment_edit",
    ),
    path(
        MODULE + "assignments/<id:assignment_id>/delete/",
        curricula.assignment_delete,
        name="assignment_delete",
    ),
    path(
        P + "<id:programme_id>/files/<id:file_id>/", cohorts.programme_file, name="programme_file"
    ),
    path(
        P + "<id:programme_id>/files/<id:file_id>/delete/",
        curricula.lesson_file_delete,
        name="lesson_file_delete",
    ),
    # Cohorts
    path(P + "<id:programme_id>/cohorts/new/", cohorts.cohort_create, name="cohort_create"),
    path(COHORT, cohorts.cohort_detail, name="cohort"),
    path(COHORT + "enrol/", cohorts.cohort_enrol, name="cohort_enrol"),
    path(
        COHORT + "participants/<id:enrolment_id>/remove/",
        cohorts.participant_remove,
        name="participant_remove",
    ),
    path(COHORT + "progress/", cohorts.cohort_progress, name="cohort_progress"),
    path(
        COHORT + "progress/export.<str:fmt>",
        exports.cohort_progress,
        name="cohort_progress_export",
    ),
    path(COHORT + "close/", cohorts.cohort_close, name="cohort_close"),
    path(COHORT + "lessons/<id:lesson_id>/", cohorts.cohort_lesson, name="cohort_lesson"),
    path(
        COHORT + "assignments/<id:assignment_id>/",
        cohorts.cohort_assignment,
        name="cohort_assignment",
    ),
    path(COHORT + "work/<id:submission_id>/", cohorts.submission_detail, name="submission"),
    path(COHORT + "measurement/<str:which>/", cohorts.measurement, name="measurement"),
    path(COHORT + "files/<id:file_id>/", cohorts.attachment, name="cohort_file"),
    # Mentoring
    path(P + "<id:programme_id>/mentoring/", mentoring.mentoring, name="mentoring"),
    path(PAIR, mentoring.pair, name="pair"),
    path(PAIR + "respond/", mentoring.pair_respond, name="pair_respond"),
    path(PAIR + "goals/", mentoring.pair_goals, name="pair_goals"),
    path(PAIR + "meetings/", mentoring.pair_meeting_add, name="pair_meeting_add"),
    path(PAIR + "reflection/", mentoring.pair_reflect, name="pair_reflect"),
    path(PAIR + "close/", mentoring.pair_close, name="pair_close"),
    # Alumni groups
    path(ALUMNI, alumni.alumni, name="alumni"),
    path(ALUMNI + "<id:post_id>/", alumni.alumni_topic, name="alumni_topic"),
    path(ALUMNI + "digest/", alumni.alumni_digest, name="alumni_digest"),
]
