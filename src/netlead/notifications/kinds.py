"""The kinds of notification: what each says, in the recipient's language, and how it is
delivered unless the user chose otherwise. Apps name a kind by its key when they emit an
event (`netlead.notifications.events.emit`); a kind missing here is a programming error."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class Delivery(models.TextChoices):
    IMMEDIATE = "immediate", _("Immediately")
    DIGEST = "digest", _("In a daily digest")
    OFF = "off", _("Off")


@dataclass(frozen=True)
class Kind:
    key: str
    #: The name on the preferences page.
    label: Promise
    #: The subject of its own e-mail; %(name)s placeholders are filled from the event's params.
    subject: Promise
    #: What happened, in one sentence: the e-mail's first line and the digest's line.
    text: Promise
    default: str = Delivery.IMMEDIATE


KINDS: dict[str, Kind] = {
    kind.key: kind
    for kind in (
        Kind(
            "charter_proposed",
            _("A charter version waits for my response"),
            _("%(network)s: charter version %(number)s waits for your response"),
            _(
                "%(proposer)s proposed version %(number)s of the charter of %(network)s. Do you agree?"
            ),
        ),
        Kind(
            "charter_adopted",
            _("A charter version was adopted"),
            _("%(network)s: charter version %(number)s was adopted"),
            _("Version %(number)s of the charter of %(network)s is now the agreed charter."),
        ),
        Kind(
            "minutes_ready",
            _("Minutes are ready for my approval"),
            _("%(network)s: the minutes of %(meeting)s are ready for your approval"),
            _(
                "The minutes of %(meeting)s (%(date_on)s) are ready. You were present: please approve them."
            ),
        ),
        Kind(
            "action_assigned",
            _("An action was assigned to me"),
            _("%(network)s: a new action for you"),
            _("You have a new action in %(network)s: %(action)s."),
        ),
        Kind(
            "action_due_soon",
            _("My action is due soon"),
            _("%(network)s: your action is due on %(due_on)s"),
            _("Your action in %(network)s is due on %(due_on)s: %(action)s."),
            Delivery.DIGEST,
        ),
        Kind(
            "action_overdue",
            _("My action is overdue"),
            _("%(network)s: your action is overdue"),
            _("Your action in %(network)s was due on %(due_on)s: %(action)s."),
            Delivery.DIGEST,
        ),
        Kind(
            "agenda_published",
            _("The agenda of a coming meeting"),
            _("%(network)s: the agenda of %(meeting)s"),
            _("%(meeting)s of %(network)s takes place on %(date_on)s. The agenda is ready."),
        ),
        Kind(
            "feedback_received",
            _("Feedback on my work"),
            _("Feedback on your work: %(assignment)s"),
            _("%(author)s gave feedback on your work for %(assignment)s."),
        ),
        Kind(
            "enrolled",
            _("I was enrolled in a cohort"),
            _("You are enrolled in %(cohort)s"),
            _("You are enrolled in %(cohort)s of %(programme)s."),
        ),
        Kind(
            "agreement_changed",
            _("A new agreement to accept"),
            _("%(network)s: a new version of the agreement"),
            _("The agreement of %(network)s changed (version %(number)s). Read it and accept it."),
        ),
        Kind(
            "check_open",
            _("A four-principles check is open"),
            _("%(network)s: how did %(meeting)s go?"),
            _("The anonymous four-principles check of %(meeting)s in %(network)s is open."),
        ),
        Kind(
            "pair_accepted",
            _("A proposed mentoring pair was accepted"),
            _("Mentoring in %(programme)s: %(person)s accepted"),
            _("%(person)s accepted the proposed mentoring pair in %(programme)s."),
        ),
        Kind(
            "pair_declined",
            _("A proposed mentoring pair was declined"),
            _("Mentoring in %(programme)s: %(person)s declined"),
            _("%(person)s declined the proposed mentoring pair in %(programme)s."),
        ),
    )
}
