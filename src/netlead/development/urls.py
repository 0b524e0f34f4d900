from django.urls import path

from netlead.development.views import (
    assessments,
    feedback,
    frameworks,
    journal,
    observer,
    overview,
    personal_network,
    plan,
    report,
)

app_name = "development"

W = "w/<slug:slug>/development/"

urlpatterns = [
    path("o/<str:token>/", observer.observer_answer, name="observer_answer"),
    path("o/<str:token>/thanks/", observer.observer_thanks, name="observer_thanks"),
    path(W, overview.overview, name="overview"),
    path(W + "settings/", overview.settings, name="settings"),
    path(W + "assessments/", assessments.assessment_list, name="assessments"),
    path(W + "assessments/start/", assessments.assessment_start, name="assessment_start"),
    path(W + "assessments/<id:pk>/", assessments.assessment_detail, name="assessment"),
    path(W + "assessments/<id:pk>/edit/", assessments.assessment_edit, name="assessment_edit"),
    path(W + "feedback/", feedback.request_list, name="requests"),
    path(W + "feedback/<id:pk>/", feedback.request_detail, name="request"),
    path(W + "feedback/<id:pk>/close/", feedback.request_close, name="request_close"),
    path(W + "feedback/<id:pk>/report/", feedback.request_report, name="request_report"),
    path(W + "feedback/<id:pk>/remind/", feedback.request_remind, name="request_remind"),
    path(
        W + "feedback/<id:pk>/observers/<id:invitation_id>/resend/",
        feedback.observer_resend,
        name="observer_resend",
    ),
    path(W + "plan/", plan.plan, name="plan"),
    path(W + "plan/goals/new/", plan.goal_edit, name="goal_create"),
    path(W + "plan/goals/<id:pk>/", plan.goal_detail, name="goal"),
    path(W + "plan/goals/<id:pk>/edit/", plan.goal_edit, name="goal_edit"),
    path(W + "plan/actions/<id:pk>/mark/", plan.action_mark, name="action_mark"),
    path(W + "journal/", journal.journal, name="journal"),
    path(W + "journal/new/", journal.entry_edit, name="entry_create"),
    path(W + "journal/<id:pk>/", journal.entry_edit, name="entry_edit"),
    path(W + "journal/<id:pk>/delete/", journal.entry_delete, name="entry_delete"),
    path(W + "network/", personal_network.network_map, name="network"),
    path(W + "network/contacts/new/", personal_network.contact_edit, name="contact_create"),
    path(W + "network/contacts/<id:pk>/", personal_network.contact_edit, name="contact_edit"),
    path(
        W + "network/contacts/<id:pk>/delete/",
        personal_network.contact_delete,
        name="contact_delete",
    ),
    path(W + "network/audit/", personal_network.audit, name="audit"),
    path(W + "network/snapshot/", personal_network.snapshot, name="snapshot"),
    path(W + "report/", report.my_report, name="report"),
    path(W + "report.pdf", report.my_report_pdf, name="report_pdf"),
    path(W + "shared/<id:person_id>/", report.shared_report, name="shared_report"),
    path(
        W + "shared/<id:person_id>/report.pdf",
        report.shared_report_pdf,
        name="shared_report_pdf",
    ),
    path(W + "cohort/", report.cohort, name="cohort"),
    path(W + "frameworks/", frameworks.framework_list, name="frameworks"),
    path(W + "frameworks/new/", frameworks.framework_create, name="framework_create"),
    path(W + "frameworks/<id:pk>/", frameworks.framework_detail, name="framework"),
]
