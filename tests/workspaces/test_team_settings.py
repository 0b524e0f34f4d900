"""Team (roles, invitations) and workspace settings."""

from __future__ import annotations

import re

from django.core import mail
from django.urls import reverse

from netlead.workspaces.models import Invitation, Membership, Role, Workspace
from tests.conftest import World


def _invite(world: World, email: str, role: str = "member", user=None):  # type: ignore[no-untyped-def]
    client = world.client_for(user or world.facilitator)
    return client.post(reverse("workspaces:team", args=["youth"]), {"email": email, "role": role})


def _link_from_mail() -> str:
    match = re.search(r"http://testserver(/invitations/[^/\s]+/)", mail.outbox[-1].body)
    assert match, mail.outbox[-1].body
    return match.group(1)


def test_invitation_sends_a_link_and_stores_only_a_hash(
    world: World, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    with django_capture_on_commit_callbacks(execute=True):
        response = _invite(world, "New@Example.test")
    assert response.status_code == 302
    invitation = Invitation.objects.get(email="new@example.test")
    link = _link_from_mail()
    token = link.rstrip("/").rsplit("/", 1)[1]
    assert token not in invitation.token_hash
    assert mail.outbox[-1].to == ["new@example.test"]


def test_new_user_accepts_invitation_and_lands_in_workspace(
    world: World, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    from tests.factories import PersonFactory

    PersonFactory(workspace=world.workspace, email="new@example.test", name="Nina New")
    with django_capture_on_commit_callbacks(execute=True):
        _invite(world, "new@example.test", "facilitator")
    link = _link_from_mail()
    client = world.client_for(None)
    assert client.get(link).status_code == 200
    response = client.post(
        link,
        {"name": "Nina New", "password1": "a-long-pass-phrase", "password2": "a-long-pass-phrase"},
    )
    assert response.status_code == 302
    membership = Membership.objects.get(user__email="new@example.test")
    assert membership.role == Role.FACILITATOR
    assert world.workspace.persons.get(email="new@example.test").user == membership.user
    # The link works once.
    assert world.client_for(None).get(link).status_code == 404


def test_invitation_with_mismatched_passwords_creates_nothing(
    world: World, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    with django_capture_on_commit_callbacks(execute=True):
        _invite(world, "new@example.test")
    link = _link_from_mail()
    response = world.client_for(None).post(
        link, {"name": "N", "password1": "a-long-pass-phrase", "password2": "another-phrase"}
    )
    assert response.status_code == 400
    assert "The two passwords differ." in response.text
    assert not Membership.objects.filter(user__email="new@example.test").exists()
    assert Invitation.objects.get(email="new@example.test").accepted_at is None


def test_existing_user_of_other_address_cannot_take_the_invitation(
    world: World, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    with django_capture_on_commit_callbacks(execute=True):
        _invite(world, "someone@example.test")
    link = _link_from_mail()
    response = world.client_for(world.outsider).post(link)
    assert response.status_code == 403
    assert not world.workspace.memberships.filter(user=world.outsider).exists()


def test_existing_account_accepts_after_login(
    world: World, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    with django_capture_on_commit_callbacks(execute=True):
        _invite(world, world.outsider.email)
    link = _link_from_mail()
    assert world.client_for(None).post(link).status_code == 302  # to the login page
    assert not world.workspace.memberships.filter(user=world.outsider).exists()
    world.client_for(world.outsider).post(link)
    assert world.workspace.memberships.get(user=world.outsider).role == Role.MEMBER


def test_unknown_or_tampered_token_is_404(world: World) -> None:
    response = world.client_for(None).get(reverse("workspaces:invitation_accept", args=["nope"]))
    assert response.status_code == 404


def test_inviting_an_existing_member_is_refused(world: World) -> None:
    response = _invite(world, world.member.email)
    assert response.status_code == 400
    assert "already a member" in response.text
    assert not Invitation.objects.exists()


def test_inviting_with_bad_address_is_refused(world: World) -> None:
    response = _invite(world, "not an address")
    assert response.status_code == 400
    assert not Invitation.objects.exists()


def test_facilitator_cannot_invite_an_owner(world: World) -> None:
    response = _invite(world, "boss@example.test", role="owner")
    assert response.status_code == 400
    assert not Invitation.objects.exists()


def test_reinviting_replaces_the_open_invitation(world: World) -> None:
    _invite(world, "twice@example.test")
    _invite(world, "twice@example.test")
    assert Invitation.objects.filter(email="twice@example.test").count() == 1


def test_owner_revokes_invitation(world: World) -> None:
    _invite(world, "gone@example.test")
    invitation = Invitation.objects.get()
    world.client_for(world.owner).post(
        reverse("workspaces:invitation_revoke", args=["youth", invitation.pk])
    )
    assert not Invitation.objects.exists()


def test_owner_changes_a_role(world: World) -> None:
    target = world.workspace.memberships.get(user=world.member)
    world.client_for(world.owner).post(
        reverse("workspaces:member_role", args=["youth", target.pk]), {"role": "facilitator"}
    )
    target.refresh_from_db()
    assert target.role == Role.FACILITATOR


def test_bad_role_changes_nothing(world: World) -> None:
    target = world.workspace.memberships.get(user=world.member)
    response = world.client_for(world.owner).post(
        reverse("workspaces:member_role", args=["youth", target.pk]),
        {"role": "emperor"},
        follow=True,
    )
    assert "Choose a valid role." in response.text
    target.refresh_from_db()
    assert target.role == Role.MEMBER


def test_last_owner_cannot_leave_or_step_down(world: World) -> None:
    own = world.workspace.memberships.get(user=world.owner)
    client = world.client_for(world.owner)
    response = client.post(
        reverse("workspaces:member_role", args=["youth", own.pk]), {"role": "member"}, follow=True
    )
    assert "at least one owner" in response.text
    confirm = client.get(reverse("workspaces:member_remove", args=["youth", own.pk]))
    assert "They are the only owner" in confirm.text
    response = client.post(reverse("workspaces:member_remove", args=["youth", own.pk]))
    assert response.status_code == 400
    assert "at least one owner" in response.text
    own.refresh_from_db()
    assert own.role == Role.OWNER


def test_owner_removes_access(world: World) -> None:
    target = world.workspace.memberships.get(user=world.member)
    world.client_for(world.owner).post(
        reverse("workspaces:member_remove", args=["youth", target.pk])
    )
    assert not world.workspace.memberships.filter(user=world.member).exists()
    assert (
        world.client_for(world.member)
        .get(reverse("workspaces:dashboard", args=["youth"]))
        .status_code
        == 404
    )


def test_removing_access_first_says_what_follows_and_changes_nothing(world: World) -> None:
    from netlead.networks.models import Network, NetworkMember
    from tests.factories import PersonFactory

    person = PersonFactory(workspace=world.workspace, user=world.member, name="Max Member")
    for name in ("One", "Two"):
        network = Network.objects.create(workspace=world.workspace, name=name)
        NetworkMember.objects.create(network=network, person=person)
    target = world.workspace.memberships.get(user=world.member)
    team = world.client_for(world.owner).get(reverse("workspaces:team", args=["youth"]))
    url = reverse("workspaces:member_remove", args=["youth", target.pk])
    assert f'href="{url}"' in team.text
    response = world.client_for(world.owner).get(url)
    assert response.status_code == 200
    assert "Remove Max Member's access" in response.text
    assert "with their part in 2 networks" in response.text
    assert "invite them again" in response.text
    assert world.workspace.memberships.filter(user=world.member).exists()


def test_only_owners_reach_the_remove_access_page(world: World) -> None:
    target = world.workspace.memberships.get(user=world.member)
    url = reverse("workspaces:member_remove", args=["youth", target.pk])
    for user in (world.facilitator, world.member):
        client = world.client_for(user)
        assert client.get(url).status_code == 403
        assert client.post(url).status_code == 403
    assert world.client_for(world.outsider).post(url).status_code == 404
    assert world.workspace.memberships.filter(user=world.member).exists()


def test_remove_access_of_another_workspaces_user_is_404(world: World) -> None:
    elsewhere = world.other_workspace.memberships.get(user=world.outsider)
    url = reverse("workspaces:member_remove", args=["youth", elsewhere.pk])
    client = world.client_for(world.owner)
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
    assert world.other_workspace.memberships.filter(user=world.outsider).exists()


def test_owner_saves_settings(world: World) -> None:
    response = world.client_for(world.owner).post(
        reverse("workspaces:settings", args=["youth"]),
        {"name": "Youth network West", "default_language": "da", "anonymity_threshold": 5},
    )
    assert response.status_code == 302
    world.workspace.refresh_from_db()
    assert (
        world.workspace.name,
        world.workspace.default_language,
        world.workspace.anonymity_threshold,
    ) == (
        "Youth network West",
        "da",
        5,
    )


def test_anonymity_threshold_below_three_is_refused(world: World) -> None:
    response = world.client_for(world.owner).post(
        reverse("workspaces:settings", args=["youth"]),
        {"name": "Renamed", "default_language": "nl", "anonymity_threshold": 2},
    )
    assert response.status_code == 400
    world.workspace.refresh_from_db()
    assert (world.workspace.name, world.workspace.anonymity_threshold) == ("Youth network", 3)


def test_any_user_creates_a_workspace_and_owns_it(world: World) -> None:
    client = world.client_for(world.member)
    response = client.post(
        reverse("workspaces:create"), {"name": "Municipality of Aarhus", "default_language": "da"}
    )
    workspace = Workspace.objects.get(name="Municipality of Aarhus")
    assert response["Location"] == reverse("workspaces:dashboard", args=[workspace.slug])
    assert workspace.memberships.get(user=world.member).role == Role.OWNER


def test_workspace_without_name_is_refused(world: World) -> None:
    response = world.client_for(world.member).post(
        reverse("workspaces:create"), {"name": "", "default_language": "da"}
    )
    assert response.status_code == 400
    assert Workspace.objects.count() == 2


def test_the_invitation_task_gets_ids_never_the_link(
    world: World, django_capture_on_commit_callbacks, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """The task's arguments are kept by the database queue and shown in the admin: a token in
    them could be read there and accepted by someone else."""
    from netlead.workspaces import services, tasks

    enqueued: list[dict[str, object]] = []

    class Spy:
        @staticmethod
        def enqueue(**kwargs: object) -> object:
            enqueued.append(kwargs)
            return tasks.send_workspace_invitation.enqueue(**kwargs)

    monkeypatch.setattr(services, "send_workspace_invitation", Spy)
    with django_capture_on_commit_callbacks(execute=True):
        _invite(world, "new@example.test")
    token = _link_from_mail().rstrip("/").rsplit("/", 1)[1]
    invitation = Invitation.objects.get(email="new@example.test")
    assert enqueued == [{"invitation_id": invitation.pk, "base_url": "http://testserver"}]
    assert token not in repr(enqueued)


def test_the_invitation_mail_goes_once_when_the_task_runs_twice(
    world: World, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    from netlead.workspaces.tasks import send_workspace_invitation

    with django_capture_on_commit_callbacks(execute=True):
        _invite(world, "new@example.test")
    invitation = Invitation.objects.get(email="new@example.test")
    assert len(mail.outbox) == 1
    assert send_workspace_invitation.call(invitation_id=invitation.pk, base_url="x") is False
    assert len(mail.outbox) == 1


def test_the_invitation_greets_by_name_and_its_page_speaks_the_mails_language(
    world: World, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    from tests.factories import PersonFactory

    Workspace.objects.filter(pk=world.workspace.pk).update(default_language="da")
    PersonFactory(workspace=world.workspace, email="nina@example.test", name="Nina Nielsen")
    with django_capture_on_commit_callbacks(execute=True):
        _invite(world, "nina@example.test")
    body = mail.outbox[-1].body
    assert body.startswith("Hej Nina Nielsen,"), body
    # A browser asking for English, with no language chosen on this device: the page the link
    # opens speaks Danish, like the mail.
    page = world.client_for(None).get(_link_from_mail(), headers={"accept-language": "en"})
    assert page.status_code == 200
    assert '<html lang="da">' in page.content.decode()
