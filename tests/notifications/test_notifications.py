"""Notifications by e-mail: once per event and recipient (however often the task runs), the
user's choice per kind (immediately, daily digest, off), the recipient's language, the link to
the page, one-click unsubscribe, and one SMTP connection per run."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.conf import settings
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import call_command
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext

from netlead.meetings import services as meeting_services
from netlead.meetings.models import Action, Attendance, AttendanceStatus, Minutes
from netlead.networks import notices as network_notices
from netlead.networks import services as network_services
from netlead.networks.models import CharterVersion
from netlead.notifications import services
from netlead.notifications.kinds import Delivery
from netlead.notifications.links import unsubscribe_token
from netlead.notifications.models import Notification, Preference
from netlead.notifications.tasks import send_event
from tests.meetings.conftest import Net


def _propose(net: Net, capture: Any) -> CharterVersion:
    with capture(execute=True):
        return network_services.charter_propose(
            network=net.network,
            proposer=net.world.owner,
            version=CharterVersion(necessity="Nobody can do it alone.", shared_interest="Kids."),
            mandates={},
        )


def test_a_proposed_charter_mails_each_responder_once_even_when_the_task_runs_twice(
    net: Net, mailoutbox: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    version = _propose(net, django_capture_on_commit_callbacks)
    # The member responds; the associate does not decide; the proposer needs no mail.
    assert [m.to for m in mailoutbox] == [[net.world.member.email]]
    event = f"charter_proposed:{version.pk}"
    # The queue delivers at least once: the task again, and the event emitted again.
    assert send_event.call(event=event) == 0
    with django_capture_on_commit_callbacks(execute=True):
        assert network_notices.charter_proposed(version, actor=net.world.owner) == 0
    assert services.event_send(event=event) == 0
    assert len(mailoutbox) == 1
    assert Notification.objects.filter(event=event).count() == 1


def test_switched_off_means_no_mail_and_no_row(
    net: Net, mailoutbox: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    services.preferences_save(user=net.world.member, choices={"charter_proposed": Delivery.OFF})
    _propose(net, django_capture_on_commit_callbacks)
    assert mailoutbox == []
    assert not Notification.objects.exists()


def test_digest_waits_for_the_daily_run_and_sends_everything_in_one_mail_once(
    net: Net, mailoutbox: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    member = net.world.member
    services.preferences_save(
        user=member,
        choices={"charter_proposed": Delivery.DIGEST, "action_assigned": Delivery.DIGEST},
    )
    _propose(net, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        meeting_services.action_add(
            network=net.network,
            by=net.leader,
            created_by=net.world.owner,
            title="Call the school",
            owner=net.member,
        )
    assert mailoutbox == []
    assert Notification.objects.filter(recipient=member, sent_at__isnull=True).count() == 2
    call_command("send_notification_digests", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert len(mailoutbox) == 1
    body = mailoutbox[0].body
    assert "Youth care network" in body and "Call the school" in body
    assert services.digest_send(now=timezone.now()) == 0
    assert len(mailoutbox) == 1


def test_switching_off_after_the_event_stops_the_waiting_digest(
    net: Net, mailoutbox: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    services.preferences_save(user=net.world.member, choices={"charter_proposed": Delivery.DIGEST})
    _propose(net, django_capture_on_commit_callbacks)
    services.preferences_save(user=net.world.member, choices={"charter_proposed": Delivery.OFF})
    assert services.digest_send(now=timezone.now()) == 0
    assert mailoutbox == []
    assert Notification.objects.get().skipped


def test_the_mail_speaks_the_recipients_language_links_the_page_and_can_unsubscribe(
    net: Net, mailoutbox: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    member = net.world.member
    member.language = "da"
    member.save(update_fields=["language"])
    Attendance.objects.create(meeting=net.past, member=net.member, status=AttendanceStatus.PRESENT)
    minutes = Minutes.objects.create(meeting=net.past, text="We met.", written_by=net.world.owner)
    with django_capture_on_commit_callbacks(execute=True):
        meeting_services.minutes_mark_ready(minutes=minutes, by=net.world.owner)
    (mail,) = mailoutbox
    assert mail.to == [member.email]
    with translation.override("da"):
        greeting = gettext("Hello %(name)s,") % {"name": member.get_short_name()}
        day = formats.date_format(timezone.localdate(net.past.starts_at), "DATE_FORMAT")
    with translation.override("en"):
        assert greeting != gettext("Hello %(name)s,") % {"name": member.get_short_name()}
    assert greeting in mail.body and day in mail.body
    page = reverse("meetings:detail", args=net.args(net.past.pk))
    assert settings.SITE_URL + page in mail.body
    unsubscribe = settings.SITE_URL + reverse(
        "notifications:unsubscribe", args=[unsubscribe_token(member.pk, "minutes_ready")]
    )
    assert mail.extra_headers["List-Unsubscribe"] == f"<{unsubscribe}>"
    assert mail.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe in mail.body
    assert "Auto-Submitted" in mail.message().as_string()


def test_all_mails_of_a_run_share_one_connection(
    net: Net, monkeypatch: pytest.MonkeyPatch, django_capture_on_commit_callbacks: Any
) -> None:
    calls: list[int] = []
    original = EmailBackend.send_messages

    def counting(self: EmailBackend, messages: list[Any]) -> int:
        calls.append(len(messages))
        return original(self, messages)

    monkeypatch.setattr(EmailBackend, "send_messages", counting)
    for user in (net.world.member, net.world.owner, net.associate_user):
        services.preferences_save(user=user, choices={"charter_adopted": Delivery.IMMEDIATE})
    version = _propose(net, django_capture_on_commit_callbacks)
    network_services.charter_respond(version=version, member=net.member, agrees=True)
    calls.clear()
    with django_capture_on_commit_callbacks(execute=True):
        network_services.charter_adopt(version=version, despite_rule=True)
    # Leader, member and associate: three mails, one call over one connection.
    assert calls == [3]


def test_one_click_unsubscribe_by_post(net: Net, client: Any) -> None:
    token = unsubscribe_token(net.world.member.pk, "minutes_ready")
    url = reverse("notifications:unsubscribe", args=[token])
    page = client.get(url)
    assert page.status_code == 200 and not Preference.objects.exists()
    # What mail programs send (RFC 8058): a POST without session or CSRF token.
    response = client.post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    preference = Preference.objects.get()
    assert (preference.user, preference.kind, preference.delivery) == (
        net.world.member,
        "minutes_ready",
        Delivery.OFF,
    )


@pytest.mark.parametrize(
    "token",
    ["nonsense", unsubscribe_token(1, "minutes_ready")[:-2] + "xx", "e30:1abc:def"],
)
def test_a_bad_unsubscribe_token_says_so_and_changes_nothing(
    net: Net, client: Any, token: str
) -> None:
    url = reverse("notifications:unsubscribe", args=[token])
    for response in (client.get(url), client.post(url, {"List-Unsubscribe": "One-Click"})):
        assert response.status_code == 400
        assert "not valid" in response.text and "Nothing was changed" in response.text
    assert not Preference.objects.exists()


def test_a_token_for_an_unknown_kind_changes_nothing(net: Net, client: Any) -> None:
    url = reverse(
        "notifications:unsubscribe", args=[unsubscribe_token(net.world.member.pk, "no_kind")]
    )
    assert client.post(url).status_code == 400
    assert not Preference.objects.exists()


def test_due_and_overdue_actions_are_told_once_per_due_date(
    net: Net, mailoutbox: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    today = timezone.localdate()
    soon = Action.objects.create(
        network=net.network, title="Soon", owner=net.member, due_on=today + timedelta(days=2)
    )
    late = Action.objects.create(
        network=net.network, title="Late", owner=net.member, due_on=today - timedelta(days=1)
    )
    Action.objects.create(
        network=net.network, title="Later", owner=net.member, due_on=today + timedelta(days=30)
    )
    for _run in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            call_command("notify_due", stdout=open("/dev/null", "w"))  # noqa: SIM115
    events = sorted(Notification.objects.values_list("event", flat=True))
    assert [e for e in events if e.startswith("action_")] == [
        f"action_due_soon:{soon.pk}:{soon.due_on}",
        f"action_overdue:{late.pk}:{late.due_on}",
    ]
    # Both wait for the digest by default; a new due date is told again.
    assert mailoutbox == []
    late.due_on = today - timedelta(days=2)
    late.save()
    call_command("notify_due", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Notification.objects.filter(event__startswith=f"action_overdue:{late.pk}:").count() == 2
    assert services.digest_send(now=timezone.now()) == 1


def test_the_agenda_goes_to_every_member_days_before_the_meeting(
    net: Net, mailoutbox: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    from netlead.meetings.models import AgendaItem, AgendaItemStatus

    net.future.starts_at = timezone.now() + timedelta(days=3)
    net.future.ends_at = net.future.starts_at + timedelta(hours=2)
    net.future.save()
    AgendaItem.objects.create(
        meeting=net.future, title="Waiting lists", status=AgendaItemStatus.ACCEPTED
    )
    for _run in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            call_command("notify_due", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert sorted(m.to[0] for m in mailoutbox) == sorted(
        [net.world.owner.email, net.world.member.email, net.associate_user.email]
    )


def test_a_leader_networks_check_is_told_once_to_those_who_were_there(
    net: Net, mailoutbox: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    from netlead.meetings.models import Meeting
    from netlead.networks.models import NetworkKind

    net.network.kind = NetworkKind.LEADER_NETWORK
    net.network.save()
    # Members since last month: a meeting three hours ago may fall on yesterday's date.
    net.network.members.update(joined_on=timezone.localdate() - timedelta(days=30))
    now = timezone.now()
    meeting = Meeting.objects.create(
        network=net.network,
        title="Intervision",
        starts_at=now - timedelta(hours=3),
        ends_at=now - timedelta(hours=1),
    )
    Attendance.objects.create(meeting=meeting, member=net.associate, status=AttendanceStatus.ABSENT)
    for _run in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            call_command("notify_due", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert sorted(m.to[0] for m in mailoutbox) == sorted(
        [net.world.owner.email, net.world.member.email]
    )
    check = reverse("programmes:leader_network_check", args=net.args(meeting.pk))
    assert all(settings.SITE_URL + check in m.body for m in mailoutbox)


def test_nobody_outside_the_workspace_is_told(
    net: Net, mailoutbox: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    from netlead.workspaces.models import Membership

    Membership.objects.filter(user=net.world.member, workspace=net.world.workspace).delete()
    _propose(net, django_capture_on_commit_callbacks)
    assert mailoutbox == [] and not Notification.objects.exists()


def test_an_immediate_mail_whose_task_never_ran_goes_out_with_the_daily_run(
    net: Net, mailoutbox: list[Any]
) -> None:
    # Emitted, but the commit's task never ran (the callbacks are not executed here).
    version = network_services.charter_propose(
        network=net.network,
        proposer=net.world.owner,
        version=CharterVersion(necessity="n", shared_interest="s"),
        mandates={},
    )
    assert mailoutbox == []
    assert services.stragglers_send(now=timezone.now()) == 0  # too fresh: its task may run
    Notification.objects.update(created_at=timezone.now() - timedelta(hours=1))
    call_command("send_notification_digests", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert [m.to for m in mailoutbox] == [[net.world.member.email]]
    assert services.event_send(event=f"charter_proposed:{version.pk}") == 0
