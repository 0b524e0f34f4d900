"""Leader development: competence frameworks, self-assessments, observer feedback, the
development plan, the reflection journal and the personal network map. One module per area;
this package re-exports them for Django and for `netlead.development.models` imports.

Everything here except the frameworks belongs to one leader (`owner`, a person with an
account). No page, export, admin list or API shows it to anyone else; a facilitator sees only
the report a leader chooses to share, and cohort figures over at least k leaders. Observer
responses are not linked to their invitation: they are found again only by a key derived from
the observer's secret token, which the database does not hold.
"""

from netlead.development.models.assessments import (
    SCORE_VALIDATORS,
    CompetenceScore,
    Measurement,
    SelfAssessment,
)
from netlead.development.models.feedback import (
    OBSERVER_LINK_PURPOSE,
    OBSERVER_RESPONSE_PURPOSE,
    FeedbackRequest,
    ObserverGroup,
    ObserverInvitation,
    ObserverResponse,
)
from netlead.development.models.frameworks import Competence, CompetenceFramework
from netlead.development.models.personal_network import (
    Contact,
    Frequency,
    FunctionArea,
    Level,
    NetworkAudit,
    NetworkKind,
    NetworkSnapshot,
)
from netlead.development.models.plan import (
    DevelopmentGoal,
    GoalStatus,
    JournalEntry,
    PlanAction,
    ProgressNote,
)
from netlead.development.models.profile import DevelopmentProfile

__all__ = [
    "OBSERVER_LINK_PURPOSE",
    "OBSERVER_RESPONSE_PURPOSE",
    "SCORE_VALIDATORS",
    "Competence",
    "CompetenceFramework",
    "CompetenceScore",
    "Contact",
    "DevelopmentGoal",
    "DevelopmentProfile",
    "FeedbackRequest",
    "Frequency",
    "FunctionArea",
    "GoalStatus",
    "JournalEntry",
    "Level",
    "Measurement",
    "NetworkAudit",
    "NetworkKind",
    "NetworkSnapshot",
    "ObserverGroup",
    "ObserverInvitation",
    "ObserverResponse",
    "PlanAction",
    "ProgressNote",
    "SelfAssessment",
]
