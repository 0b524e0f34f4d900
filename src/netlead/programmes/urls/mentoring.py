from django.urls import URLPattern, path

from netlead.programmes.views import mentoring

#: Prefix: "w/<slug:slug>/programmes/".
P = "w/<slug:slug>/programmes/"
PAIR = P + "mentoring/pairs/<int:pair_id>/"

urlpatterns: list[URLPattern] = [
    path(P + "<int:programme_id>/mentoring/", mentoring.mentoring, name="mentoring"),
    path(PAIR, mentoring.pair, name="pair"),
    path(PAIR + "respond/", mentoring.pair_respond, name="pair_respond"),
    path(PAIR + "goals/", mentoring.pair_goals, name="pair_goals"),
    path(PAIR + "meetings/", mentoring.pair_meeting_add, name="pair_meeting_add"),
    path(PAIR + "reflection/", mentoring.pair_reflect, name="pair_reflect"),
    path(PAIR + "close/", mentoring.pair_close, name="pair_close"),
]
