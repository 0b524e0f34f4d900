"""Every GET page of the site, with its arguments taken from the demo workspace's objects.

`url_names()` walks the URLconf; `demo_pages()` fills each named pattern from the demo (a few
objects per page, chosen so that the demo users' own objects come first) and returns the paths.
A test checks that every URL name has a filler here (or a reason in NOT_PAGES), so a new page
is covered as soon as it is added."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any

from django.contrib import admin
from django.contrib.auth.tokens import default_token_generator
from django.db.models import Model, QuerySet
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from netlead.accounts.models import User
from netlead.core.tokens import token_for
from netlead.development.models import (
    OBSERVER_LINK_PURPOSE,
    CompetenceFramework,
    Contact,
    DevelopmentGoal,
    FeedbackRequest,
    JournalEntry,
    ObserverInvitation,
    PlanAction,
    SelfAssessment,
)
from netlead.meetings.models import Action, AgendaItem, Decision, Meeting, MeetingPlan
from netlead.networks.models import CharterVersion, Network, NetworkMember, Result
from netlead.notifications.links import unsubscribe_token
from netlead.privacy.models import DataExport, ErasureRequest
from netlead.programmes.models import (
    AlumniPost,
    Assignment,
    Attachment,
    Cohort,
    Lesson,
    MentoringPair,
    Programme,
    Submission,
)
from netlead.reports.models import Report
from netlead.surveys.models import SURVEY_LINK_PURPOSE, SurveyInvitation, SurveyRound
from netlead.workspaces.models import Invitation, Membership, Workspace

#: At most this many objects per page (the first ones: demo users' own objects first).
PER_PAGE = 2

#: An id or token that matches nothing: a page whose objects the demo does not have is still
#: asked once, so its access check runs.
MISSING_ID = 999_999
MISSING_TOKEN = "no-such-token"

#: URL names that are no page to GET, and why.
NOT_PAGES = {
    "admin:view_on_site": "a redirect to the object's own page, which is asked itself",
    "admin:autocomplete": "a JSON helper of admin forms, asked with form parameters",
}

Kwargs = dict[str, Any]
Filler = Callable[[Workspace], Iterable[Kwargs]]


def url_names() -> set[str]:
    """Every named pattern of the URLconf, with its namespace (admin's unnamed catch-alls and
    the namespaced app lists aside)."""
    names: set[str] = set()

    def walk(patterns: list[Any], namespace: str) -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                walk(pattern.url_patterns, inner)
            elif isinstance(pattern, URLPattern) and pattern.name:
                names.add(namespace + pattern.name)

    walk(get_resolver().url_patterns, "")
    return names


def _users_first[M: Model](queryset: QuerySet[M], person_path: str) -> list[M]:
    """Objects of the demo users first (their person is linked to a user), then the others."""
    user = f"{person_path}__user__isnull" if person_path else "user__isnull"
    own = list(queryset.filter(**{user: False})[:PER_PAGE])
    others = queryset.exclude(pk__in=[o.pk for o in own])
    return [*own, *others[: max(0, PER_PAGE - len(own))]]


def _first[M: Model](queryset: QuerySet[M]) -> list[M]:
    return list(queryset[:PER_PAGE])


def _ids(objects: Iterable[Model], key: str = "pk", **more: Callable[[Any], Any]) -> list[Kwargs]:
    found = [{key: o.pk, **{k: f(o) for k, f in more.items()}} for o in objects]
    return found or [{key: MISSING_ID, **dict.fromkeys(more, MISSING_ID)}]


def _networks(ws: Workspace) -> QuerySet[Network]:
    return ws.networks.order_by("pk")


def _meetings(ws: Workspace) -> list[Meeting]:
    """Per network: the last meeting with minutes, the last one held and the next one."""
    now = timezone.now()
    chosen: list[Meeting | None] = []
    for network in _networks(ws):
        held = network.meetings.filter(starts_at__lte=now).order_by("-starts_at")
        chosen += [
            held.filter(minutes__isnull=False).first(),
            held.first(),
            network.meetings.filter(starts_at__gt=now).order_by("starts_at").first(),
        ]
    return list(dict.fromkeys(m for m in chosen if m))


def _per_meeting(ws: Workspace, key: str, objects: Callable[[Meeting], Iterable[Model]]) -> list:
    return [
        {"network_id": m.network_id, "pk": m.pk, key: o.pk}
        for m in _meetings(ws)
        for o in islice(objects(m), 2)
    ] or [{"network_id": MISSING_ID, "pk": MISSING_ID, key: MISSING_ID}]


def _in_network(objects: Iterable[Any]) -> list[Kwargs]:
    found = [{"network_id": o.network_id, "pk": o.pk} for o in objects]
    return found or [{"network_id": MISSING_ID, "pk": MISSING_ID}]


def _programmes(ws: Workspace) -> QuerySet[Programme]:
    return Programme.objects.filter(workspace=ws).order_by("pk")


def _cohorts(ws: Workspace) -> QuerySet[Cohort]:
    return Cohort.objects.filter(programme__workspace=ws).order_by("pk")


def _modules(ws: Workspace) -> list[Kwargs]:
    return [
        {"programme_id": m.programme_id, "module_id": m.pk}
        for p in _programmes(ws)
        for m in p.modules.order_by("number")[:2]
    ]


def _lessons(ws: Workspace) -> list[Kwargs]:
    return [
        {
            "programme_id": lesson.module.programme_id,
            "module_id": lesson.module_id,
            "lesson_id": lesson.pk,
        }
        for lesson in Lesson.objects.filter(module__programme__workspace=ws)
        .select_related("module")
        .order_by("pk")[:PER_PAGE]
    ]


def _assignments(ws: Workspace) -> list[Kwargs]:
    return [
        {"programme_id": a.module.programme_id, "module_id": a.module_id, "assignment_id": a.pk}
        for a in Assignment.objects.filter(module__programme__workspace=ws)
        .select_related("module")
        .order_by("pk")[:PER_PAGE]
    ]


def _per_cohort(ws: Workspace, key: str, objects: Callable[[Cohort], Iterable[Model]]) -> list:
    return [
        {"cohort_id": c.pk, key: o.pk} for c in _cohorts(ws) for o in islice(objects(c), 2)
    ] or [{"cohort_id": MISSING_ID, key: MISSING_ID}]


def _submissions(cohort: Cohort) -> list[Submission]:
    return _users_first(
        Submission.objects.filter(enrolment__cohort=cohort).order_by("pk"), "enrolment__person"
    )


def _pairs(ws: Workspace) -> list[Kwargs]:
    pairs = MentoringPair.objects.filter(programme__workspace=ws).order_by("pk")
    return _ids(pairs, "pair_id")


def _survey_links(ws: Workspace) -> list[Kwargs]:
    """Per round: a link of a demo user's person, one not started and one submitted."""
    links: list[SurveyInvitation] = []
    for survey_round in SurveyRound.objects.filter(network__workspace=ws).order_by("pk"):
        invitations = survey_round.invitations.order_by("pk")
        links += [
            i
            for i in (
                invitations.filter(member__person__user__isnull=False).first(),
                invitations.filter(started_at__isnull=True).first(),
                invitations.filter(submitted_at__isnull=False).first(),
            )
            if i
        ]
    tokens = [token_for(i.salt, SURVEY_LINK_PURPOSE) for i in dict.fromkeys(links)]
    return [{"token": t} for t in tokens] + [{"token": MISSING_TOKEN}]


def _observer_links(ws: Workspace) -> list[Kwargs]:
    invitations = ObserverInvitation.objects.filter(request__owner__workspace=ws).order_by("pk")
    chosen = [
        i
        for i in (
            invitations.filter(has_answered=False).first(),
            invitations.filter(has_answered=True).first(),
        )
        if i
    ]
    return [{"token": token_for(i.salt, OBSERVER_LINK_PURPOSE)} for i in chosen] + [
        {"token": MISSING_TOKEN}
    ]


def _password_resets(ws: Workspace) -> list[Kwargs]:
    return [
        {
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        }
        for user in User.objects.order_by("pk")[:1]
    ]


def _owned[M: Model](model: type[M]) -> Filler:
    """Development objects belong to a person (`owner`): the demo users' own first."""
    return lambda ws: _ids(
        _users_first(model.objects.filter(owner__workspace=ws).order_by("pk"), "owner")
    )


NETWORK = lambda ws: _ids(_networks(ws), "network_id")  # noqa: E731
SLUG_ONLY: Filler = lambda ws: [{}]  # noqa: E731

#: URL name -> its arguments besides `slug` (added for every pattern that has one).
FILLERS: dict[str, Filler] = {
    "home": SLUG_ONLY,
    "accounts:login": SLUG_ONLY,
    "accounts:logout": SLUG_ONLY,
    "accounts:profile": SLUG_ONLY,
    "accounts:language": SLUG_ONLY,
    "accounts:password_change": SLUG_ONLY,
    "accounts:password_change_done": SLUG_ONLY,
    "accounts:password_reset": SLUG_ONLY,
    "accounts:password_reset_done": SLUG_ONLY,
    "accounts:password_reset_confirm": _password_resets,
    "accounts:password_reset_complete": SLUG_ONLY,
    "api_docs": SLUG_ONLY,
    "api_tokens": SLUG_ONLY,
    "api_token_revoke": lambda ws: [{"pk": MISSING_ID}],
    # workspaces
    "workspaces:create": SLUG_ONLY,
    "workspaces:switch": SLUG_ONLY,
    "workspaces:invitation_accept": lambda ws: [{"token": MISSING_TOKEN}],
    "workspaces:dashboard": SLUG_ONLY,
    "workspaces:settings": SLUG_ONLY,
    "workspaces:organizations": SLUG_ONLY,
    "workspaces:organization_create": SLUG_ONLY,
    "workspaces:organization_edit": lambda ws: _ids(_first(ws.organizations.order_by("pk"))),
    "workspaces:organization_delete": lambda ws: _ids(_first(ws.organizations.order_by("pk"))),
    "workspaces:people": SLUG_ONLY,
    "workspaces:person_create": SLUG_ONLY,
    "workspaces:person_edit": lambda ws: _ids(_users_first(ws.persons.order_by("pk"), "")),
    "workspaces:person_delete": lambda ws: _ids(_users_first(ws.persons.order_by("pk"), "")),
    "workspaces:team": SLUG_ONLY,
    "workspaces:member_role": lambda ws: _ids(Membership.objects.filter(workspace=ws)),
    "workspaces:member_remove": lambda ws: _ids(Membership.objects.filter(workspace=ws)),
    "workspaces:invitation_revoke": lambda ws: _ids(Invitation.objects.filter(workspace=ws)),
    # networks
    "networks:list": SLUG_ONLY,
    "networks:create": SLUG_ONLY,
    "networks:dashboard": NETWORK,
    "networks:profile": NETWORK,
    "networks:members": NETWORK,
    "networks:members_import": NETWORK,
    "networks:members_import_confirm": NETWORK,
    "networks:member_edit": lambda ws: _in_network(
        _users_first(NetworkMember.objects.filter(network__workspace=ws).order_by("pk"), "person")
    ),
    "networks:member_leave": lambda ws: _in_network(
        _users_first(NetworkMember.objects.filter(network__workspace=ws).order_by("pk"), "person")
    ),
    "networks:charter": NETWORK,
    "networks:charter_compare": NETWORK,
    "networks:decision_rule": NETWORK,
    "networks:member_restore": lambda ws: _in_network(
        _users_first(
            NetworkMember.objects.filter(network__workspace=ws, left_on__isnull=False).order_by(
                "pk"
            ),
            "person",
        )
    ),
    "networks:charter_propose": NETWORK,
    "networks:charter_respond": lambda ws: _in_network(
        CharterVersion.objects.filter(network__workspace=ws).order_by("pk")
    ),
    "networks:charter_adopt": lambda ws: _in_network(
        CharterVersion.objects.filter(network__workspace=ws).order_by("pk")
    ),
    "networks:results": NETWORK,
    "networks:result_create": NETWORK,
    "networks:result": lambda ws: _in_network(
        _first(Result.objects.filter(network__workspace=ws).order_by("pk"))
    ),
    "networks:result_edit": lambda ws: _in_network(
        _first(Result.objects.filter(network__workspace=ws).order_by("pk"))
    ),
    "networks:phase": NETWORK,
    "networks:phase_check": NETWORK,
    "networks:phase_move": NETWORK,
    # meetings
    "meetings:list": NETWORK,
    "meetings:plan_create": NETWORK,
    "meetings:plan_delete": lambda ws: _in_network(
        MeetingPlan.objects.filter(network__workspace=ws).order_by("pk")
    ),
    "meetings:meeting_create": NETWORK,
    "meetings:feed_create": NETWORK,
    "meetings:detail": lambda ws: _in_network(_meetings(ws)),
    "meetings:meeting_edit": lambda ws: _in_network(_meetings(ws)),
    "meetings:agenda_add": lambda ws: _in_network(_meetings(ws)),
    "meetings:agenda_edit": lambda ws: _per_meeting(
        ws, "item_id", lambda m: AgendaItem.objects.filter(meeting=m).order_by("pk")
    ),
    "meetings:agenda_move": lambda ws: _per_meeting(
        ws, "item_id", lambda m: AgendaItem.objects.filter(meeting=m).order_by("pk")
    ),
    "meetings:agenda_review": lambda ws: _per_meeting(
        ws, "item_id", lambda m: AgendaItem.objects.filter(meeting=m).order_by("pk")
    ),
    "meetings:agenda_delete": lambda ws: _per_meeting(
        ws, "item_id", lambda m: AgendaItem.objects.filter(meeting=m).order_by("pk")
    ),
    "meetings:minutes_save": lambda ws: _in_network(_meetings(ws)),
    "meetings:minutes_ready": lambda ws: _in_network(_meetings(ws)),
    "meetings:minutes_approve": lambda ws: _in_network(_meetings(ws)),
    "meetings:minutes_finalise": lambda ws: _in_network(_meetings(ws)),
    "meetings:minutes_reopen": lambda ws: _in_network(_meetings(ws)),
    "meetings:decision_add": lambda ws: _in_network(_meetings(ws)),
    "meetings:decision_delete": lambda ws: _per_meeting(
        ws, "decision_id", lambda m: Decision.objects.filter(meeting=m).order_by("pk")
    ),
    "meetings:attendance": lambda ws: _in_network(_meetings(ws)),
    "meetings:meeting_action_add": lambda ws: _in_network(_meetings(ws)),
    "meetings:actions": NETWORK,
    "meetings:action_edit": lambda ws: _in_network(
        _users_first(Action.objects.filter(network__workspace=ws).order_by("pk"), "owner__person")
    ),
    "meetings:action_status": lambda ws: _in_network(
        _users_first(Action.objects.filter(network__workspace=ws).order_by("pk"), "owner__person")
    ),
    "meetings:my_actions": SLUG_ONLY,
    "meetings:feed": lambda ws: [{"token": MISSING_TOKEN}],
    # surveys
    "surveys:list": NETWORK,
    "surveys:create": NETWORK,
    "surveys:trends": NETWORK,
    **{
        f"surveys:{name}": lambda ws: _in_network(
            SurveyRound.objects.filter(network__workspace=ws).order_by("pk")
        )
        for name in (
            "detail",
            "open",
            "remind",
            "close",
            "results",
            "map",
            "map_data",
            "compare",
            "introduction",
        )
    },
    **{
        f"surveys:{name}": _survey_links
        for name in (
            "answer",
            "answer_roster",
            "answer_ratings",
            "answer_health",
            "answer_autosave",
            "answer_thanks",
        )
    },
    # development
    "development:observer_answer": _observer_links,
    "development:observer_thanks": _observer_links,
    **{
        f"development:{name}": SLUG_ONLY
        for name in (
            "overview",
            "settings",
            "assessments",
            "assessment_start",
            "requests",
            "plan",
            "goal_create",
            "journal",
            "entry_create",
            "network",
            "contact_create",
            "audit",
            "snapshot",
            "report",
            "report_pdf",
            "cohort",
            "frameworks",
            "framework_create",
        )
    },
    "development:assessment": _owned(SelfAssessment),
    "development:assessment_edit": _owned(SelfAssessment),
    "development:request": _owned(FeedbackRequest),
    "development:request_close": _owned(FeedbackRequest),
    "development:request_remind": _owned(FeedbackRequest),
    "development:observer_resend": lambda ws: [
        {"pk": i.request_id, "invitation_id": i.pk}
        for i in ObserverInvitation.objects.filter(request__owner__workspace=ws).order_by("pk")[
            :PER_PAGE
        ]
    ],
    "development:request_report": _owned(FeedbackRequest),
    "development:goal": _owned(DevelopmentGoal),
    "development:goal_edit": _owned(DevelopmentGoal),
    "development:action_mark": lambda ws: _ids(
        PlanAction.objects.filter(goal__owner__workspace=ws).order_by("pk")[:PER_PAGE]
    ),
    "development:entry_edit": _owned(JournalEntry),
    "development:entry_delete": _owned(JournalEntry),
    "development:contact_edit": _owned(Contact),
    "development:contact_delete": _owned(Contact),
    "development:shared_report": lambda ws: _ids(
        _users_first(ws.persons.order_by("pk"), ""), "person_id"
    ),
    "development:shared_report_pdf": lambda ws: _ids(
        _users_first(ws.persons.filter(development_profile__report_shared=True).order_by("pk"), ""),
        "person_id",
    ),
    "development:framework": lambda ws: _ids(
        CompetenceFramework.objects.filter(workspace=ws).order_by("pk")
    ),
    # programmes
    "programmes:hub": SLUG_ONLY,
    "programmes:leader_network_create": SLUG_ONLY,
    **{
        f"programmes:{name}": lambda ws: _ids(
            _networks(ws).filter(leader_profile__isnull=False), "network_id"
        )
        for name in ("leader_network", "leader_network_edit", "leader_network_agreement")
    },
    **{
        f"programmes:{name}": lambda ws: [
            {"network_id": m.network_id, "meeting_id": m.pk}
            for m in _meetings(ws)
            if hasattr(m.network, "leader_profile")
        ]
        for name in ("leader_network_roles", "leader_network_check")
    },
    "programmes:programme_create": SLUG_ONLY,
    **{
        f"programmes:{name}": lambda ws: _ids(_programmes(ws), "programme_id")
        for name in ("programme", "programme_edit", "module_create", "cohort_create", "mentoring")
    },
    "programmes:module_edit": _modules,
    "programmes:lesson_create": _modules,
    "programmes:assignment_create": _modules,
    "programmes:lesson_edit": _lessons,
    "programmes:lesson_delete": _lessons,
    "programmes:assignment_edit": _assignments,
    "programmes:assignment_delete": _assignments,
    **{
        f"programmes:{name}": lambda ws: _ids(
            Attachment.objects.filter(lesson__module__programme__workspace=ws)[:1],
            "file_id",
            programme_id=lambda a: a.lesson.module.programme_id,
        )
        for name in ("programme_file", "lesson_file_delete")
    },
    **{
        f"programmes:{name}": lambda ws: _ids(_cohorts(ws), "cohort_id")
        for name in ("cohort", "cohort_enrol", "cohort_progress", "cohort_close", "alumni")
    },
    "programmes:alumni_digest": lambda ws: _ids(_cohorts(ws), "cohort_id"),
    "programmes:cohort_lesson": lambda ws: _per_cohort(
        ws, "lesson_id", lambda c: Lesson.objects.filter(module__programme=c.programme)
    ),
    "programmes:cohort_assignment": lambda ws: _per_cohort(
        ws, "assignment_id", lambda c: Assignment.objects.filter(module__programme=c.programme)
    ),
    "programmes:participant_remove": lambda ws: _per_cohort(
        ws, "enrolment_id", lambda c: c.enrolments.filter(role="participant").order_by("pk")
    ),
    "programmes:submission": lambda ws: _per_cohort(ws, "submission_id", _submissions),
    "programmes:measurement": lambda ws: [
        {"cohort_id": c.pk, "which": which} for c in _cohorts(ws) for which in ("start", "end")
    ],
    "programmes:cohort_file": lambda ws: _per_cohort(
        ws, "file_id", lambda c: Attachment.objects.filter(submission__enrolment__cohort=c)
    ),
    "programmes:alumni_topic": lambda ws: _per_cohort(
        ws, "post_id", lambda c: AlumniPost.objects.filter(cohort=c, topic__isnull=True)
    ),
    **{
        f"programmes:{name}": _pairs
        for name in (
            "pair",
            "pair_respond",
            "pair_goals",
            "pair_meeting_add",
            "pair_reflect",
            "pair_close",
        )
    },
    # privacy rights
    "privacy:overview": SLUG_ONLY,
    "privacy:retention": SLUG_ONLY,
    "privacy:export_request": SLUG_ONLY,
    "privacy:export": lambda ws: _ids(DataExport.objects.order_by("pk")[:PER_PAGE]),
    "privacy:export_download": lambda ws: [{"pk": MISSING_ID, "token": MISSING_TOKEN}],
    "privacy:account_erasure": SLUG_ONLY,
    "privacy:account_erasure_cancel": SLUG_ONLY,
    "privacy:person_erase": lambda ws: _ids(_users_first(ws.persons.order_by("pk"), "")),
    "privacy:erasure_confirm": lambda ws: _ids(
        ErasureRequest.objects.filter(user__memberships__workspace=ws).order_by("pk")
    ),
    # the REST API (GET operations; a POST on the same path is the same path)
    "api:api-root": SLUG_ONLY,
    "api:openapi-json": SLUG_ONLY,
    "api:workspaces": SLUG_ONLY,
    **{f"api:{name}": SLUG_ONLY for name in ("organizations", "organization_create")},
    **{
        f"api:{name}": lambda ws: _ids(_first(ws.organizations.order_by("pk")))
        for name in ("organization", "organization_update")
    },
    **{f"api:{name}": SLUG_ONLY for name in ("persons", "person_create")},
    **{
        f"api:{name}": lambda ws: _ids(_users_first(ws.persons.order_by("pk"), ""))
        for name in ("person", "person_update")
    },
    "api:networks": SLUG_ONLY,
    "api:network": NETWORK,
    **{f"api:{name}": NETWORK for name in ("members", "member_add")},
    **{
        f"api:{name}": lambda ws: _in_network(
            _users_first(
                NetworkMember.objects.filter(network__workspace=ws).order_by("pk"), "person"
            )
        )
        for name in ("member", "member_change")
    },
    "api:charter_versions": NETWORK,
    "api:results": NETWORK,
    **{
        f"api:{name}": lambda ws: _in_network(
            _first(Result.objects.filter(network__workspace=ws).order_by("pk"))
        )
        for name in ("measurements", "measurement_add")
    },
    "api:meetings": NETWORK,
    "api:meeting": lambda ws: _in_network(_meetings(ws)),
    "api:actions": NETWORK,
    **{
        f"api:{name}": lambda ws: _in_network(
            _first(Action.objects.filter(network__workspace=ws).order_by("pk"))
        )
        for name in ("action", "action_change")
    },
    "api:rounds": NETWORK,
    **{
        f"api:{name}": lambda ws: _in_network(
            SurveyRound.objects.filter(network__workspace=ws).order_by("pk")
        )
        for name in ("survey_round", "round_network", "round_matrix", "round_health")
    },
    "api:assessments": SLUG_ONLY,
    "api:assessment": _owned(SelfAssessment),
    "api:goals": SLUG_ONLY,
    "api:goal": _owned(DevelopmentGoal),
    **{
        f"api:{name}": lambda ws: _ids(
            PlanAction.objects.filter(goal__owner__workspace=ws).order_by("pk")[:PER_PAGE]
        )
        for name in ("plan_action", "plan_action_mark")
    },
    "api:programmes": SLUG_ONLY,
    "api:programme": lambda ws: _ids(_programmes(ws), "programme_id"),
    "api:cohorts": SLUG_ONLY,
    **{
        f"api:{name}": lambda ws: _ids(_cohorts(ws), "cohort_id")
        for name in ("cohort", "cohort_progress")
    },
    "api:network_table": lambda ws: [
        {**kwargs, "table": table}
        for kwargs in NETWORK(ws)
        for table in ("members", "results", "meetings", "actions")
    ],
    # the exports (downloads, as the pages link them)
    "exports:organizations": lambda ws: [{"fmt": "csv"}],
    **{
        f"exports:{name}": lambda ws: [{**kwargs, "fmt": "xlsx"} for kwargs in NETWORK(ws)]
        for name in ("members", "results", "meetings", "actions", "import_template")
    },
    **{
        f"exports:{name}": lambda ws: [
            {**kwargs, "fmt": "csv"}
            for kwargs in _in_network(
                SurveyRound.objects.filter(network__workspace=ws).order_by("pk")
            )
        ]
        for name in ("round_matrix", "round_health")
    },
    "exports:round_network": lambda ws: [
        {**kwargs, "fmt": "gexf"}
        for kwargs in _in_network(SurveyRound.objects.filter(network__workspace=ws).order_by("pk"))
    ],
    "programmes:cohort_progress_export": lambda ws: [
        {"cohort_id": c.pk, "fmt": "csv"} for c in _cohorts(ws)
    ],
    # reports (generate, issue and create answer a GET with 405)
    "reports:list": NETWORK,
    "reports:create": NETWORK,
    **{
        f"reports:{name}": lambda ws: _in_network(
            Report.objects.filter(network__workspace=ws).order_by("pk")
        )
        for name in ("detail", "progress", "edit", "generate", "issue")
    },
    "reports:cohort": lambda ws: [{"cohort_id": c.pk} for c in _cohorts(ws)],
    "reports:cohort_download": lambda ws: [
        {"cohort_id": c.pk, "fmt": "xlsx"} for c in _cohorts(ws)
    ],
    "reports:download": lambda ws: [
        {**kwargs, "fmt": "pdf"}
        for kwargs in _in_network(Report.objects.filter(network__workspace=ws).order_by("pk"))
    ],
    "api:reports": NETWORK,
    "api:report_create": NETWORK,
    **{
        f"api:{name}": lambda ws: _in_network(
            Report.objects.filter(network__workspace=ws).order_by("pk")
        )
        for name in (
            "report",
            "report_narrative",
            "report_generate",
            "report_issue",
            "report_document",
        )
    },
    "meetings:plan_preview": NETWORK,
    "notifications:preferences": SLUG_ONLY,
    "notifications:needs_me": SLUG_ONLY,
    "notifications:needs_me_count": SLUG_ONLY,
    "notifications:unsubscribe": lambda ws: (
        [
            {"token": unsubscribe_token(user.pk, "minutes_ready")}
            for user in User.objects.filter(memberships__workspace=ws).order_by("pk")[:PER_PAGE]
        ]
        + [{"token": MISSING_TOKEN}]
    ),
}


def _admin_pages() -> Iterator[str]:
    """The admin site: its index, each app's list, and each model's list, add form and the
    change page of its first object (Django's own history and delete-confirmation pages are
    left out: they only read, and the cascade of a workspace takes seconds to collect)."""
    yield reverse("admin:index")
    for name in ("password_change", "password_change_done", "jsi18n", "logout", "login"):
        yield reverse(f"admin:{name}")
    labels: set[str] = set()
    for model in admin.site._registry:
        meta = model._meta
        labels.add(meta.app_label)
        prefix = f"admin:{meta.app_label}_{meta.model_name}"
        yield reverse(f"{prefix}_changelist")
        yield reverse(f"{prefix}_add")
        first = model._default_manager.order_by("pk").first()
        yield reverse(f"{prefix}_change", args=[first.pk if first else MISSING_ID])
        if model is User and first:
            yield reverse("admin:auth_user_password_change", args=[first.pk])
    for label in sorted(labels):
        yield reverse("admin:app_list", args=[label])


def admin_names() -> set[str]:
    """The admin's URL names (`_admin_pages` asks its pages)."""
    return {name for name in url_names() if name.startswith("admin:")} - set(NOT_PAGES)


def _path(name: str, kwargs: Kwargs, workspace: Workspace) -> str:
    try:
        return reverse(name, kwargs={"slug": workspace.slug, **kwargs})
    except NoReverseMatch:  # the pattern has no slug
        return reverse(name, kwargs=kwargs or None)


def demo_pages(workspaces: Iterable[Workspace]) -> list[tuple[str, str]]:
    """(URL name, path) of every GET page of the site, filled from the given workspaces."""
    pages: dict[str, str] = {}
    for index, workspace in enumerate(workspaces):
        for name, filler in FILLERS.items():
            for kwargs in filler(workspace):
                if index and MISSING_ID in kwargs.values():
                    continue  # asked once, in the first workspace
                pages.setdefault(_path(name, kwargs, workspace), name)
    for path in _admin_pages():
        pages.setdefault(path, "admin")
    pages.setdefault("/robots.txt", "robots.txt")
    return [(name, path) for path, name in pages.items()]
