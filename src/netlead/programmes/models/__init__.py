"""Leadership programmes: leader networks, masterclass curricula and cohorts, mentoring pairs
and alumni groups. One module per area; this package re-exports them for Django."""

from netlead.programmes.models.alumni import AlumniPost
from netlead.programmes.models.cohorts import (
    Cohort,
    CohortStatus,
    Enrolment,
    EnrolmentRole,
    LessonDone,
    Submission,
    SubmissionFeedback,
    SubmissionStatus,
)
from netlead.programmes.models.curricula import (
    Assignment,
    AssignmentKind,
    Attachment,
    Lesson,
    Module,
    Programme,
    ProgrammeKind,
)
from netlead.programmes.models.leader_networks import (
    AgreementAcceptance,
    LeaderNetworkFocus,
    LeaderNetworkProfile,
    LeaderNetworkReach,
    MeetingRoles,
    PrinciplesCheckReceipt,
    PrinciplesCheckResponse,
)
from netlead.programmes.models.mentoring import (
    MentoringMeeting,
    MentoringPair,
    PairStatus,
)

__all__ = [
    "AgreementAcceptance",
    "AlumniPost",
    "Assignment",
    "AssignmentKind",
    "Attachment",
    "Cohort",
    "CohortStatus",
    "Enrolment",
    "EnrolmentRole",
    "LeaderNetworkFocus",
    "LeaderNetworkProfile",
    "LeaderNetworkReach",
    "Lesson",
    "LessonDone",
    "MeetingRoles",
    "MentoringMeeting",
    "MentoringPair",
    "Module",
    "PairStatus",
    "PrinciplesCheckReceipt",
    "PrinciplesCheckResponse",
    "Programme",
    "ProgrammeKind",
    "Submission",
    "SubmissionFeedback",
    "SubmissionStatus",
]
