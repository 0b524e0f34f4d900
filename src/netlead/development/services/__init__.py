"""Use cases of leader development, one module per area: frameworks, profile, assessments,
feedback, plan (with the journal) and personal_network. Every function takes the owner (the
leader's person) or an object already reached through the owner, so nothing here can touch
another leader's data. This package re-exports them for `netlead.development.services`."""

from netlead.development.links import observer_token
from netlead.development.rules import DEFAULT_FRAMEWORK_KEY, MAX_OWN_COMPETENCES
from netlead.development.services.assessments import ScoreInput, assessment_save, assessment_start
from netlead.development.services.feedback import (
    feedback_request_close,
    feedback_request_create,
    observer_invitation_for_token,
    observer_invite,
    observer_resend,
    observer_submit,
    observers_invite,
    observers_remind,
)
from netlead.development.services.frameworks import (
    OwnCompetence,
    default_framework_ensure,
    framework_create,
)
from netlead.development.services.personal_network import (
    audit_save,
    contact_delete,
    contact_save,
    snapshot_take,
)
from netlead.development.services.plan import (
    action_mark,
    action_save,
    goal_save,
    journal_delete,
    journal_save,
    note_add,
)
from netlead.development.services.profile import profile_for, profile_update

__all__ = [
    "DEFAULT_FRAMEWORK_KEY",
    "MAX_OWN_COMPETENCES",
    "OwnCompetence",
    "ScoreInput",
    "action_mark",
    "action_save",
    "assessment_save",
    "assessment_start",
    "audit_save",
    "contact_delete",
    "contact_save",
    "default_framework_ensure",
    "feedback_request_close",
    "feedback_request_create",
    "framework_create",
    "goal_save",
    "journal_delete",
    "journal_save",
    "note_add",
    "observer_invitation_for_token",
    "observer_invite",
    "observer_resend",
    "observer_submit",
    "observer_token",
    "observers_invite",
    "observers_remind",
    "profile_for",
    "profile_update",
    "snapshot_take",
]
