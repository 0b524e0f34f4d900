"""A round from start to results: invitations, answering through the link, closing, and the
stored diagnosis that the pages show."""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.core import mail
from django.urls import reverse

from netlead.core.tokens import hash_token
from netlead.networks.models import NetworkMember
from netlead.surveys.models import (
    DiagnosisStatus,
    HealthResponse,
    RoundStatus,
    SurveyInvitation,
    TieAnswer,
)
from tests.surveys.conftest import Survey


def test_opening_invites_every_member_by_mail_and_stores_only_hashes(
    survey: Survey, django_capture_on_commit_callbacks
) -> None:
    survey_round = survey.open(django_capture_on_commit_callbacks)
    assert survey_round.status == RoundStatus.OPEN
    assert len(mail.outbox) == len(survey.members) == len(survey.tokens)
    invitations = SurveyInvitation.objects.filter(round=survey_round)
    assert all(i.sent_at for i in invitations)
    stored = set(invitations.values_list("token_hash", flat=True))
    for token in survey.tokens.values():
        assert token not in stored and hash_token(token) in stored


def test_relationship_round_answered_closed_and_diagnosed(
    survey: Survey, django_capture_on_commit_callbacks
) -> None:
    survey_round = survey.open(django_capture_on_commit_callbacks)
    m = survey.members
    survey.answer_ties(m[0], [m[1], m[3]])
    survey.answer_ties(m[1], [m[0], m[2]])
    survey.answer_ties(m[3], [m[4], m[0]])
    survey.answer_ties(m[4], [m[3]])
    client, token = survey.start(m[5])  # started, never submitted
    client.post(reverse("surveys:answer_roster", args=[token]), {"named": [m[0].pk]})
    assert TieAnswer.objects.filter(round=survey_round, respondent=m[5]).exists()

    survey_round = survey.close(django_capture_on_commit_callbacks, survey_round)
    assert survey_round.diagnosis_status == DiagnosisStatus.READY
    # Unsubmitted answers are deleted at closing, as the consent page promised.
    assert not TieAnswer.objects.filter(round=survey_round, respondent=m[5]).exists()
    network = survey_round.diagnosis["diagnosis"]["network"]
    # 7 ties named; m[2] did not answer, so m[1] -> m[2] stands for m[2] -> m[1] too
    assert network["members"] == 6 and network["ties"] == 8
    assert network["reconstructed_ties"] == 1 and network["missing_data"] == "reconstruct"
    assert network["respondents"] == 4 and network["response_rate"] == pytest.approx(4 / 6)
    assert network["low_response"]  # 67% < 70%
    # who answered stays in the computation: the stored result holds counts only
    assert not any("responded" in m for m in survey_round.diagnosis["diagnosis"]["members"])

    leader = survey.net.world.client_for(survey.net.world.owner)
    results = leader.get(survey.url("results", survey_round))
    assert results.status_code == 200
    assert "Ties between organizations" in results.text
    assert "Who answered" in results.text and "(4 of 6 members)" in results.text
    assert "message--warning" in results.text and "Only 4 of 6 members answered" in results.text
    map_page = leader.get(survey.url("map", survey_round))
    assert map_page.status_code == 200 and "Ben Police" in map_page.text
    hidden = leader.get(survey.url("map", survey_round) + "?names=hidden")
    # Names hidden: members are labelled by organization and layer only.
    assert "Ben Police" not in hidden.text
    assert "Member of Police" in hidden.text or " at Police" in hidden.text


def test_member_who_opts_out_is_not_named_on_the_map(
    survey: Survey, django_capture_on_commit_callbacks
) -> None:
    survey_round = survey.open(django_capture_on_commit_callbacks)
    m = survey.members
    client, token = survey.start(m[3])
    client.post(reverse("surveys:answer_roster", args=[token]), {"not_named": "on"})
    client.post(reverse("surveys:answer_ratings", args=[token]), {"submit": "1"})
    survey_round = survey.close(django_capture_on_commit_callbacks, survey_round)
    data = survey.net.world.client_for(survey.net.world.member).get(
        survey.url("map_data", survey_round)
    )
    labels = {n["label"] for n in data.json()["members"]}
    # The only one not named in their organization and layer: labelled by organization alone.
    assert "Ben Police" not in labels and "Member of Police" in labels
    assert "Max Member" in labels


def test_next_round_carries_ties_only_to_people_invited_again(
    survey: Survey, django_capture_on_commit_callbacks
) -> None:
    """Last round's ties come back for people still in the network (under their membership of
    today, also after leaving and rejoining), not for people who have left."""
    m = survey.members
    first = survey.open(django_capture_on_commit_callbacks)
    survey.answer_ties(m[1], [m[0], m[3], m[4]], value=2)
    survey.close(django_capture_on_commit_callbacks, first)
    NetworkMember.objects.filter(pk__in=[m[3].pk, m[4].pk]).update(left_on=date(2020, 1, 1))
    rejoined = NetworkMember.objects.create(network=m[4].network, person=m[4].person)

    second = survey.open(django_capture_on_commit_callbacks)
    survey.start(m[1])
    prefilled = TieAnswer.objects.filter(round=second, respondent=m[1])
    assert {a.target_id for a in prefilled} == {m[0].pk, rejoined.pk}
    assert all(a.from_previous_round and a.reliability == 2 for a in prefilled)


def test_map_data_carries_no_ratings(survey: Survey, django_capture_on_commit_callbacks) -> None:
    survey_round = survey.open(django_capture_on_commit_callbacks)
    m = survey.members
    survey.answer_ties(m[0], [m[1]], value=1)
    survey_round = survey.close(django_capture_on_commit_callbacks, survey_round)
    body = survey.net.world.client_for(survey.net.world.member).get(
        survey.url("map_data", survey_round)
    )
    for name in ("reliability", "mission", "openness", "trust", "ratings_received", "value"):
        assert name not in body.text


def test_next_round_starts_with_last_rounds_ties(
    survey: Survey, django_capture_on_commit_callbacks
) -> None:
    m = survey.members
    first = survey.open(django_capture_on_commit_callbacks)
    survey.answer_ties(m[1], [m[0], m[3]], value=2)
    survey.close(django_capture_on_commit_callbacks, first)

    second = survey.open(django_capture_on_commit_callbacks)
    client, token = survey.start(m[1])
    page = client.get(reverse("surveys:answer_roster", args=[token]))
    assert "filled in the people you named last round" in page.text
    prefilled = TieAnswer.objects.filter(round=second, respondent=m[1])
    assert {a.target_id for a in prefilled} == {m[0].pk, m[3].pk}
    assert all(a.from_previous_round and a.reliability == 2 for a in prefilled)
    # End one tie, keep the other, and submit: the comparison sees one tie lost.
    client.post(
        reverse("surveys:answer_roster", args=[token]),
        {"named": [m[0].pk], "shown": [m[0].pk, m[3].pk]},
    )
    client.post(reverse("surveys:answer_ratings", args=[token]), {"submit": "1"})
    second = survey.close(django_capture_on_commit_callbacks, second)
    assert second.previous_id == first.pk
    assert second.diagnosis["comparison"]["ties_lost"] == 1
    compare = survey.net.world.client_for(survey.net.world.owner).get(survey.url("compare", second))
    assert compare.status_code == 200 and "ties lost" in compare.text


def test_health_round_is_anonymous_and_scored_per_dimension(
    survey: Survey, django_capture_on_commit_callbacks
) -> None:
    survey_round = survey.open(django_capture_on_commit_callbacks, instrument="health_check")
    for member, value in zip(survey.members[:4], (5, 4, 4, 3), strict=True):
        survey.answer_health(member, value)
    responses = HealthResponse.objects.filter(round=survey_round)
    assert responses.count() == 4
    # Nothing links a response to an invitation: no key, no shared hash.
    hashes = set(SurveyInvitation.objects.values_list("token_hash", flat=True))
    assert not hashes & set(responses.values_list("key_hash", flat=True))
    assert {f.name for f in HealthResponse._meta.get_fields()}.isdisjoint({"invitation", "member"})

    survey_round = survey.close(django_capture_on_commit_callbacks, survey_round)
    health = survey_round.diagnosis["health"]
    assert health["respondents"] == 4
    assert health["dimensions"][0]["mean"] == 4.0
    page = survey.net.world.client_for(survey.net.world.member).get(
        survey.url("results", survey_round)
    )
    assert page.status_code == 200 and "Free space" in page.text
    # The Municipality group (3 answered) is shown; Police (1) is not, and says why.
    assert "Not shown: fewer than 3 people answered." in page.text


def test_health_results_with_fewer_than_k_answers_say_why(
    survey: Survey, django_capture_on_commit_callbacks
) -> None:
    survey_round = survey.open(django_capture_on_commit_callbacks, instrument="health_check")
    survey.answer_health(survey.members[0])
    survey.answer_health(survey.members[1])
    survey_round = survey.close(django_capture_on_commit_callbacks, survey_round)
    page = survey.net.world.client_for(survey.net.world.owner).get(
        survey.url("results", survey_round)
    )
    assert "Not shown: fewer than 3 people answered." in page.text
    assert "Free space" not in page.text


def test_anonymity_cannot_be_switched_off_once_answers_exist(
    survey: Survey, django_capture_on_commit_callbacks
) -> None:
    survey_round = survey.open(django_capture_on_commit_callbacks, instrument="health_check")
    leader = survey.net.world.client_for(survey.net.world.owner)
    survey.start(survey.members[1])
    response = leader.post(
        survey.url("detail", survey_round), {"title": "Renamed", "closes_on": "2099-02-01"}
    )
    assert response.status_code == 400
    assert "Anonymity cannot be switched off" in response.text
    survey_round.refresh_from_db()
    assert survey_round.anonymous and survey_round.title == "Round health_check"


def test_tracking_shows_counts_per_organization_never_names_when_anonymous(
    survey: Survey, django_capture_on_commit_callbacks
) -> None:
    survey_round = survey.open(django_capture_on_commit_callbacks)
    survey.answer_ties(survey.members[3], [survey.members[0]])
    page = survey.net.world.client_for(survey.net.world.owner).get(
        survey.url("detail", survey_round)
    )
    assert "1 / 6" in page.text and "Police" in page.text
    assert "Dee School" not in page.text and "Not answered yet" not in page.text


def test_reminder_goes_only_to_those_who_have_not_submitted(
    survey: Survey, django_capture_on_commit_callbacks
) -> None:
    survey_round = survey.open(django_capture_on_commit_callbacks)
    survey.answer_ties(survey.members[3], [survey.members[0]])
    mail.outbox.clear()
    leader = survey.net.world.client_for(survey.net.world.owner)
    with django_capture_on_commit_callbacks(execute=True):
        leader.post(survey.url("remind", survey_round))
    assert len(mail.outbox) == 5
    assert "ben@example.test" not in [m.to[0] for m in mail.outbox]
    # A second reminder the same day is refused.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = leader.post(survey.url("remind", survey_round), follow=True)
    assert mail.outbox == [] and "less than a day ago" in response.text


def test_signed_in_member_finds_their_own_link(
    survey: Survey, django_capture_on_commit_callbacks
) -> None:
    survey.open(django_capture_on_commit_callbacks)
    page = survey.net.world.client_for(survey.net.world.member).get(
        reverse("surveys:list", args=[survey.slug, survey.net.network.pk])
    )
    assert reverse("surveys:answer", args=[survey.tokens[survey.members[1].pk]]) in page.text
    assert survey.tokens[survey.members[0].pk] not in page.text


def test_rounds_past_their_closing_date_are_closed_by_the_daily_command(
    survey: Survey, django_capture_on_commit_callbacks
) -> None:
    from datetime import timedelta

    from django.core.management import call_command
    from django.utils import timezone

    from netlead.surveys.models import SurveyRound

    due = survey.open(django_capture_on_commit_callbacks)
    survey.answer_ties(survey.members[1], [survey.members[0]])
    current = survey.open(django_capture_on_commit_callbacks, instrument="health_check")
    yesterday = timezone.localdate() - timedelta(days=1)
    SurveyRound.objects.filter(pk=due.pk).update(opens_on=yesterday, closes_on=yesterday)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("close_due_rounds", stdout=io.StringIO())
    due.refresh_from_db()
    current.refresh_from_db()
    assert due.status == RoundStatus.CLOSED and due.diagnosis_status == DiagnosisStatus.READY
    assert current.status == RoundStatus.OPEN


def test_network_page_shows_the_latest_results_and_open_rounds(
    survey: Survey, django_capture_on_commit_callbacks
) -> None:
    m = survey.members
    first = survey.open(django_capture_on_commit_callbacks)
    first.title = "Spring map"
    first.save()
    survey.answer_ties(m[1], [m[0]])
    survey.close(django_capture_on_commit_callbacks, first)
    second = survey.open(django_capture_on_commit_callbacks)
    second.title = "Autumn map"
    second.save()
    survey.close(django_capture_on_commit_callbacks, second)
    survey.open(django_capture_on_commit_callbacks, instrument="health_check")
    page = survey.net.world.client_for(survey.net.world.member).get(
        reverse("networks:dashboard", args=[survey.slug, survey.net.network.pk])
    )
    assert "Findings of “Autumn map”" in page.text
    assert "“Round health_check” is open: 0 of 6 have answered." in page.text
    assert "No health check has closed yet." in page.text


def test_results_speak_the_readers_language_and_number_format(
    survey: Survey, django_capture_on_commit_callbacks
) -> None:
    survey_round = survey.open(django_capture_on_commit_callbacks, instrument="health_check")
    for member in survey.members[:3]:
        survey.answer_health(member, 4)
    survey_round = survey.close(django_capture_on_commit_callbacks, survey_round)
    reader = survey.net.world.member
    reader.language = "da"
    reader.save()
    page = survey.net.world.client_for(reader).get(survey.url("results", survey_round))
    assert "Frirum" in page.text and "Styrke" in page.text
    assert "</meter> 4,0" in page.text  # one decimal, the rounding the band uses
    assert 'value="4.0"' in page.text  # the meter value stays machine-readable


def test_comparison_from_the_stored_diagnosis_equals_a_fresh_one(
    survey: Survey, django_capture_on_commit_callbacks
) -> None:
    """Closing reuses the previous round's stored diagnosis; the result must not differ. The
    changes per member and per organization, which no page reads, are not stored; they too
    are the same from the stored diagnosis."""
    from netlead.analysis import compare, diagnose, to_dict
    from netlead.surveys.diagnosis import _stored, relationship_network

    m = survey.members
    first = survey.open(django_capture_on_commit_callbacks)
    survey.answer_ties(m[1], [m[0], m[3]], value=2)
    survey.answer_ties(m[3], [m[4]], value=3)
    survey.close(django_capture_on_commit_callbacks, first)
    second = survey.open(django_capture_on_commit_callbacks)
    survey.answer_ties(m[1], [m[0], m[5]], value=4)
    survey.answer_ties(m[5], [m[3]], value=4)
    second = survey.close(django_capture_on_commit_callbacks, second)
    before, after = relationship_network(first), relationship_network(second)
    fresh = to_dict(compare(before, after, diagnose(before, k=3), diagnose(after, k=3)))
    assert fresh["members"] and fresh["organizations"]
    assert second.diagnosis["comparison"] == {
        key: value for key, value in fresh.items() if key not in ("members", "organizations")
    }
    first.refresh_from_db()
    reused = compare(before, after, _stored(first.diagnosis["diagnosis"]), diagnose(after, k=3))
    assert to_dict(reused) == fresh


def test_the_network_reads_ties_by_person_also_to_someone_not_invited(
    survey: Survey, django_capture_on_commit_callbacks
) -> None:
    """The network of a round names members by person, who answered by their submission; a
    tie to a member without an invitation still names that member's person."""
    from netlead.surveys.diagnosis import relationship_network

    m = survey.members
    survey_round = survey.open(django_capture_on_commit_callbacks)
    survey.answer_ties(m[1], [m[0], m[3]], value=2)
    survey_round.invitations.filter(member=m[3]).delete()
    network = relationship_network(survey_round)
    person = {member.pk: str(member.person_id) for member in m}
    assert person[m[3].pk] not in {member.id for member in network.members}
    assert {member.id for member in network.members if member.responded} == {person[m[1].pk]}
    assert sorted((t.source, t.target, t.weight) for t in network.ties) == sorted(
        [(person[m[1].pk], person[m[0].pk], 2.0), (person[m[1].pk], person[m[3].pk], 2.0)]
    )
