"""Background tasks of programmes: the e-mail to a proposed mentor and mentee."""

from __future__ import annotations

from django.core.mail.message import EmailMessage
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from netlead.notifications.once import send_once
from netlead.programmes.models import MentoringPair, PairStatus
from netlead.workspaces.models import Person


def address_of(person: Person) -> str:
    """Where to mail a person: their own address in the workspace, else their account's."""
    if person.email:
        return person.email
    return person.user.email if person.user is not None else ""


def language_of(person: Person, fallback: str) -> str:
    """The person's chosen language when they have an account and chose one, else `fallback`
    (the programme's language)."""
    if person.user is not None and person.user.language:
        return person.user.language
    return fallback


@task()
def send_pair_proposal(*, pair_id: int, base_url: str) -> int:
    """Mail the proposed mentor and mentee, each in their own language, with the link to the
    pair's page; returns how many e-mails went out. Each person's mail is sent once per pair,
    however often the task runs."""
    pair = (
        MentoringPair.objects.select_related(
            "programme__workspace", "mentor__user", "mentee__user", "proposed_by"
        )
        .filter(pk=pair_id, status=PairStatus.PROPOSED)
        .first()
    )
    if pair is None:
        return 0
    link = base_url.rstrip("/") + reverse(
        "programmes:pair", args=[pair.programme.workspace.slug, pair.pk]
    )
    sent = 0
    for person, other, is_mentor in (
        (pair.mentor, pair.mentee, True),
        (pair.mentee, pair.mentor, False),
    ):
        address = address_of(person)
        if not address:
            continue
        with translation.override(language_of(person, pair.programme.language)):
            context = {
                "pair": pair,
                "person": person,
                "other": other,
                "is_mentor": is_mentor,
                "proposed_by": pair.proposed_by,
                "link": link,
            }
            subject = _("Mentoring in %(programme)s: a proposed pair") % {
                "programme": pair.programme.title
            }
            body = render_to_string("email/mentoring_proposal.txt", context)
        message = EmailMessage(subject, body, None, [address])
        sent += send_once(f"programmes.pair_proposal:{pair.pk}:{person.pk}", message)
    return sent
