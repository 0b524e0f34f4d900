from django.urls import path

from netlead.meetings.views import actions, agenda, meetings

app_name = "meetings"

NETWORK = "w/<slug:slug>/networks/<id:network_id>/"
MEETING = NETWORK + "meetings/<id:pk>/"
ITEM = MEETING + "agenda/<id:item_id>/"

urlpatterns = [
    path(NETWORK + "meetings/", meetings.meeting_list, name="list"),
    path(NETWORK + "meetings/plans/new/", meetings.plan_create, name="plan_create"),
    path(NETWORK + "meetings/plans/preview/", meetings.plan_preview, name="plan_preview"),
    path(NETWORK + "meetings/plans/<id:pk>/delete/", meetings.plan_delete, name="plan_delete"),
    path(NETWORK + "meetings/new/", meetings.meeting_edit, name="meeting_create"),
    path(NETWORK + "meetings/calendar/", meetings.feed_create, name="feed_create"),
    path(MEETING, meetings.meeting_detail, name="detail"),
    path(MEETING + "edit/", meetings.meeting_edit, name="meeting_edit"),
    path(MEETING + "agenda/", agenda.agenda_add, name="agenda_add"),
    path(ITEM, agenda.agenda_edit, name="agenda_edit"),
    path(ITEM + "move/", agenda.agenda_move, name="agenda_move"),
    path(ITEM + "review/", agenda.agenda_review, name="agenda_review"),
    path(ITEM + "delete/", agenda.agenda_delete, name="agenda_delete"),
    path(MEETING + "minutes/", agenda.minutes_save, name="minutes_save"),
    path(MEETING + "minutes/ready/", agenda.minutes_ready, name="minutes_ready"),
    path(MEETING + "minutes/approve/", agenda.minutes_approve, name="minutes_approve"),
    path(MEETING + "minutes/finalise/", agenda.minutes_finalise, name="minutes_finalise"),
    path(MEETING + "minutes/reopen/", agenda.minutes_reopen, name="minutes_reopen"),
    path(MEETING + "decisions/", agenda.decision_add, name="decision_add"),
    path(
        MEETING + "decisions/<id:decision_id>/delete/",
        agenda.decision_delete,
        name="decision_delete",
    ),
    path(MEETING + "attendance/", agenda.attendance, name="attendance"),
    path(MEETING + "actions/", actions.meeting_action_add, name="meeting_action_add"),
    path(NETWORK + "actions/", actions.action_list, name="actions"),
    path(NETWORK + "actions/<id:pk>/", actions.action_edit, name="action_edit"),
    path(NETWORK + "actions/<id:pk>/status/", actions.action_status, name="action_status"),
    path("w/<slug:slug>/my-actions/", actions.my_actions, name="my_actions"),
    path("calendar/<str:token>.ics", meetings.feed, name="feed"),
]
