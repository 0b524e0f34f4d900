"""The demo member's (Sanne Bakker's) own development next to her cohort's measurement: a
closed feedback request from three peers, a goal with an action and a note, a journal entry
and a small personal network, so her copy of her data ("download my data") shows every kind of
data netlead keeps."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from netlead.core.tokens import hash_token, new_salt, response_key, token_for
from netlead.core.unlinkable import rewrite_in_random_order
from netlead.demo.programmes_common import MEMBER
from netlead.development.models import (
    OBSERVER_LINK_PURPOSE,
    OBSERVER_RESPONSE_PURPOSE,
    Contact,
    DevelopmentGoal,
    FeedbackRequest,
    JournalEntry,
    ObserverInvitation,
    ObserverResponse,
    PlanAction,
    ProgressNote,
)
from netlead.workspaces.models import Workspace

PEERS = [("Ruben Mulder", 3), ("Linda van Leeuwen", 4), ("Tom Willems", 3)]


def load_member_development(workspace: Workspace) -> None:
    """Skipped when the member has a feedback request already, or no self-assessment."""
    member = workspace.persons.filter(name=MEMBER, user__isnull=False).first()
    if member is None or member.feedback_requests.exists():
        return
    assessment = member.self_assessments.filter(completed_at__isnull=False).order_by("-pk").first()
    if assessment is None:
        return
    now, today = timezone.now(), timezone.localdate()
    keys = list(assessment.framework.competences.order_by("number").values_list("key", flat=True))
    request = FeedbackRequest.objects.create(
        owner=member,
        assessment=assessment,
        title="Hoe zien jullie mij als nieuwe teamleider?",
        message="Drie collega's uit de leergang: dank voor jullie blik.",
        closes_on=today - timedelta(days=2),
        closed_at=now - timedelta(days=2),
        created_at=now - timedelta(days=20),
    )
    for index, (name, around) in enumerate(PEERS):
        salt = new_salt()
        token = token_for(salt, OBSERVER_LINK_PURPOSE)
        ObserverInvitation.objects.create(
            request=request,
            group="peer",
            name=name,
            email=f"peer{index}@example.org",
            language="nl",
            salt=salt,
            token_hash=hash_token(token),
            sent_at=now - timedelta(days=20),
            has_answered=True,
        )
        ObserverResponse.objects.create(
            request=request,
            response_key=response_key(token, OBSERVER_RESPONSE_PURPOSE),
            group="peer",
            scores={key: around + (i + index) % 2 for i, key in enumerate(keys)},
        )
    # As answering does: the rows no longer follow the observers' order.
    rewrite_in_random_order(request.responses.all())
    goal = DevelopmentGoal.objects.create(
        owner=member,
        title="Leidinggeven over de grenzen van mijn team",
        why="Mijn team werkt steeds vaker samen met de wijkteams en de scholen.",
        review_on=today + timedelta(days=45),
    )
    PlanAction.objects.create(goal=goal, title="Elke maand een school bezoeken")
    ProgressNote.objects.create(goal=goal, text="Eerste bezoek gedaan; goed gesprek.")
    JournalEntry.objects.create(
        owner=member,
        title="Het lastige gesprek met de school",
        text="Ik heb vooral geluisterd. Dat werkte beter dan ik dacht.",
    )
    for name, kind, level in (
        ("Anouk de Vries", "strategic", "above"),
        ("Ruben Mulder", "operational", "peer"),
        ("Mijn oud-collega", "personal", "peer"),
    ):
        Contact.objects.create(
            owner=member,
            name=name,
            kind=kind,
            level=level,
            function_area="care",
            strength=3,
            last_contact=today - timedelta(days=12),
            frequency="monthly",
        )
