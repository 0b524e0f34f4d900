"""Reads of leader development, one module per area: frameworks, assessments, feedback, plan
(with the journal), personal_network, positions and reports. Plain results for the pages,
under the privacy rules; all metrics come from netlead.analysis (feedback, personal, position).
This package re-exports them for `netlead.development.selectors`."""

from netlead.development.selectors.assessments import (
    AssessmentRow,
    assessment_rows,
    assessments_of,
    latest_complete,
    previous_assessment,
)
from netlead.development.selectors.feedback import (
    FeedbackRow,
    FeedbackView,
    GroupProgress,
    feedback_requests_of,
    feedback_view,
    group_label,
    latest_feedback_with_answers,
    response_progress,
)
from netlead.development.selectors.frameworks import (
    competences_of,
    default_framework_of,
    frameworks_of,
    scale,
    workspace_competences,
)
from netlead.development.selectors.personal_network import (
    LABELS_PER_SECTOR,
    MAP_SIZE,
    PersonalNetworkView,
    PlacedName,
    contacts_of,
    network_summary,
    personal_network,
    summary_to_json,
)
from netlead.development.selectors.plan import (
    actions_of,
    goals_of,
    journal_of,
)
from netlead.development.selectors.positions import (
    NetworkPosition,
    network_positions,
)
from netlead.development.selectors.profile import profile_of
from netlead.development.selectors.reports import (
    CohortFigures,
    CohortRow,
    DevelopmentReport,
    cohort_figures,
    development_report,
)

__all__ = [
    "LABELS_PER_SECTOR",
    "MAP_SIZE",
    "AssessmentRow",
    "CohortFigures",
    "CohortRow",
    "DevelopmentReport",
    "FeedbackRow",
    "FeedbackView",
    "GroupProgress",
    "NetworkPosition",
    "PersonalNetworkView",
    "PlacedName",
    "actions_of",
    "assessment_rows",
    "assessments_of",
    "cohort_figures",
    "competences_of",
    "contacts_of",
    "default_framework_of",
    "development_report",
    "feedback_requests_of",
    "feedback_view",
    "frameworks_of",
    "goals_of",
    "group_label",
    "journal_of",
    "latest_complete",
    "latest_feedback_with_answers",
    "network_positions",
    "network_summary",
    "personal_network",
    "previous_assessment",
    "profile_of",
    "response_progress",
    "scale",
    "summary_to_json",
    "workspace_competences",
]
