"""What the programmes app tells by e-mail: enrolment, feedback received, a mentoring pair's
answer, a new agreement version."""

from __future__ import annotations

from typing import Any

from netlead.notifications.models import Notification
from netlead.programmes.services import mentoring as services
from tests.programmes.test_mentoring import Mentoring


def test_a_declined_pair_tells_the_proposer_and_the_other_person_once(
    m: Mentoring, mailoutbox: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    pair = m.propose()
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.pair_respond(pair=pair, person=m.mentee, accept=False)
    told = {mail.to[0] for mail in mailoutbox if "declined" in mail.subject}
    assert m.world.facilitator.email in told
    assert m.mentee_user.email not in told
    if m.mentor.user_id:
        assert m.mentor_user.email in told
    assert Notification.objects.filter(kind="pair_declined").count() == len(told)
