from django.urls import path

from netlead.surveys.views import answer, introductions, results, rounds, trends

app_name = "surveys"

NETWORK = "w/<slug:slug>/networks/<id:network_id>/surveys/"
ROUND = NETWORK + "<id:pk>/"
ANSWER = "s/<str:token>/"

urlpatterns = [
    path(NETWORK, rounds.round_list, name="list"),
    path(NETWORK + "new/", rounds.round_create, name="create"),
    path(NETWORK + "trends/", trends.network_trends, name="trends"),
    path(ROUND, rounds.round_detail, name="detail"),
    path(ROUND + "open/", rounds.round_open, name="open"),
    path(ROUND + "remind/", rounds.round_remind, name="remind"),
    path(ROUND + "close/", rounds.round_close, name="close"),
    path(ROUND + "results/", results.round_results, name="results"),
    path(ROUND + "map/", results.round_map, name="map"),
    path(ROUND + "map.json", results.round_map_data, name="map_data"),
    path(ROUND + "compare/", results.round_compare, name="compare"),
    path(ROUND + "introductions/", introductions.round_introduction, name="introduction"),
    path(ANSWER, answer.answer_start, name="answer"),
    path(ANSWER + "people/", answer.answer_roster, name="answer_roster"),
    path(ANSWER + "ties/", answer.answer_ratings, name="answer_ratings"),
    path(ANSWER + "health/", answer.answer_health, name="answer_health"),
    path(ANSWER + "save/", answer.answer_autosave, name="answer_autosave"),
    path(ANSWER + "thanks/", answer.answer_thanks, name="answer_thanks"),
]
