"""What the programmes app tells people by e-mail (through `netlead.notifications`):
enrolment in a cohort, feedback on handed-in work, a new version of a leader network's
agreement."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from django.urls import reverse
from django.utils import timezone

from netlead.accounts.models import User
from netlead.meetings.models import Attendance, Meeting
from netlead.networks.models import Network, NetworkKind
from netlead.notifications.events import emit
from netlead.programmes.models import (
    Cohort,
    Enrolment,
    MentoringPair,
    PrinciplesCheckReceipt,
    SubmissionFeedback,
)
from netlead.programmes.rules import AWAY
from netlead.workspaces.models import Person


def enrolled(cohort: Cohort, enrolments: Sequence[Enrolment], *, actor: User | None = None) -> int:
    programme = cohort.programme
    count = 0
    for enrolment in enrolments:
        count += emit(
            kind="enrolled",
            event=f"enrolled:{enrolment.pk}",
            user_ids=[enrolment.person.user_id],
            path=reverse("programmes:cohort", args=[programme.workspace.slug, cohort.pk]),
            params={"cohort": cohort.name, "programme": programme.title},
            workspace=programme.workspace,
            actor=actor,
        )
    return count


def feedback_received(feedback: SubmissionFeedback) -> int:
    submission = feedback.submission
    cohort = submission.enrolment.cohort
    return emit(
        kind="feedback_received",
        event=f"feedback_received:{feedback.pk}",
        user_ids=[submission.enrolment.person.user_id],
        path=reverse(
            "programmes:submission",
            args=[cohort.programme.workspace.slug, cohort.pk, submission.pk],
        ),
        params={"assignment": submission.assignment.title, "author": feedback.author.person.name},
        workspace=cohort.programme.workspace,
    )


def agreement_changed(network: Network, version: int, *, actor: User | None = None) -> int:
    return emit(
        kind="agreement_changed",
        event=f"agreement_changed:{network.pk}:{version}",
        user_ids=network.members.current().values_list("person__user_id", flat=True),
        path=reverse(
            "programmes:leader_network_agreement", args=[network.workspace.slug, network.pk]
        ),
        params={"network": network.name, "number": version},
        workspace=network.workspace,
        actor=actor,
    )


#: A check is told when its meeting ended at most this long ago (the daily run's window, with
#: a day to spare), so a first run does not mail about checks that are nearly closed.
CHECK_NOTICE_WINDOW = timedelta(days=2)


def checks_open(*, now: datetime) -> int:
    """The four-principles check of each leader-network meeting that has just ended, to the
    current members who were not away and have not given it, once per meeting. Run daily by
    `netlead notify_due`."""
    meetings = (
        Meeting.objects.filter(
            network__kind=NetworkKind.LEADER_NETWORK,
            is_cancelled=False,
            ends_at__lte=now,
            ends_at__gt=now - CHECK_NOTICE_WINDOW,
        )
        .select_related("network__workspace")
        .order_by("ends_at", "pk")
    )
    count = 0
    for meeting in meetings:
        away = Attendance.objects.filter(meeting=meeting, status__in=AWAY).values("member_id")
        answered = PrinciplesCheckReceipt.objects.filter(meeting=meeting).values("member_id")
        members = (
            meeting.network.members.current()
            .on(timezone.localdate(meeting.starts_at))
            .exclude(pk__in=away)
            .exclude(pk__in=answered)
        )
        network = meeting.network
        count += emit(
            kind="check_open",
            event=f"check_open:{meeting.pk}",
            user_ids=members.values_list("person__user_id", flat=True),
            path=reverse(
                "programmes:leader_network_check",
                args=[network.workspace.slug, network.pk, meeting.pk],
            ),
            params={"network": network.name, "meeting": meeting.title},
            workspace=network.workspace,
        )
    return count


def pair_answered(pair: MentoringPair, person: Person, *, accepted: bool) -> int:
    """To whoever proposed the pair and the other person of the pair (not the one answering)."""
    other = pair.mentee if person.pk == pair.mentor_id else pair.mentor
    kind = "pair_accepted" if accepted else "pair_declined"
    programme = pair.programme
    return emit(
        kind=kind,
        event=f"{kind}:{pair.pk}:{person.pk}",
        user_ids=[pair.proposed_by_id, other.user_id],
        path=reverse("programmes:pair", args=[programme.workspace.slug, pair.pk]),
        params={"programme": programme.title, "person": person.name},
        workspace=programme.workspace,
        actor=person.user,
    )
