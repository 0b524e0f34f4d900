"""The daily `netlead settle_decisions`: a decision whose rule is met is made without anyone
clicking (under consent: the period ended without an objection); one that is not met waits;
running it twice changes nothing more."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from netlead.meetings.models import Attendance, Minutes, MinutesStatus
from netlead.networks.models import CharterStatus, CharterVersion
from tests.meetings.conftest import Net


def _settle() -> str:
    out = StringIO()
    call_command("settle_decisions", stdout=out)
    return out.getvalue()


def _proposal(net: Net, days_ago: int) -> CharterVersion:
    version = CharterVersion.objects.create(
        network=net.network, number=1, necessity="Nobody can do it alone.", shared_interest="Help."
    )
    CharterVersion.objects.filter(pk=version.pk).update(
        proposed_at=timezone.now() - timedelta(days=days_ago)
    )
    return version


def test_silence_after_the_consent_period_adopts_the_charter(net: Net) -> None:
    waiting = _proposal(net, days_ago=15)
    assert "Charter adopted" in _settle()
    waiting.refresh_from_db()
    assert waiting.status == CharterStatus.AGREED
    assert (waiting.adopted_rule, waiting.adopted_rule_met, waiting.adopted_by) == (
        "consent",
        True,
        None,  # the rule decided, not a person
    )
    assert _settle() == ""  # a second run adopts nothing again
    page = net.client("member").get(reverse("networks:charter", args=net.args()))
    assert page.status_code == 200 and "The rule was met." in page.text


def test_an_objection_or_a_running_period_leaves_the_charter_proposed(net: Net) -> None:
    running = _proposal(net, days_ago=3)
    assert _settle() == ""
    running.refresh_from_db()
    assert running.status == CharterStatus.PROPOSED
    CharterVersion.objects.filter(pk=running.pk).update(
        proposed_at=timezone.now() - timedelta(days=20)
    )
    running.responses.create(member=net.member, agrees=False, objection="Too vague.")
    assert _settle() == ""
    running.refresh_from_db()
    assert running.status == CharterStatus.PROPOSED


def test_minutes_are_approved_when_the_period_ends(net: Net) -> None:
    for member in (net.leader, net.member):
        Attendance.objects.create(meeting=net.past, member=member, status="present")
    minutes = Minutes.objects.create(
        meeting=net.past,
        text="We agreed on one plan per family.",
        written_by=net.world.owner,
        status=MinutesStatus.READY,
        ready_at=timezone.now() - timedelta(days=2),
    )
    assert _settle() == ""  # 12 days left
    Minutes.objects.filter(pk=minutes.pk).update(ready_at=timezone.now() - timedelta(days=15))
    assert "Minutes approved" in _settle()
    minutes.refresh_from_db()
    assert minutes.status == MinutesStatus.APPROVED
    assert (minutes.approved_rule_met, minutes.declared_by) == (True, None)
    assert _settle() == ""
