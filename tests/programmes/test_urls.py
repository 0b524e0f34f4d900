"""Every programmes URL name reverses to the path it has always had (the six small url modules
were merged into one; a page's address is part of what users bookmark and e-mails link to)."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import URLResolver, get_resolver, resolve, reverse

# (name, arguments besides the workspace slug "ws", the path)
URLS: list[tuple[str, dict[str, Any], str]] = [
    ("hub", {}, "/w/ws/programmes/"),
    ("leader_network_create", {}, "/w/ws/programmes/leader-networks/new/"),
    ("leader_network", {"network_id": 1}, "/w/ws/programmes/leader-networks/1/"),
    ("leader_network_edit", {"network_id": 1}, "/w/ws/programmes/leader-networks/1/edit/"),
    (
        "leader_network_agreement",
        {"network_id": 1},
        "/w/ws/programmes/leader-networks/1/agreement/",
    ),
    (
        "leader_network_roles",
        {"network_id": 1, "meeting_id": 2},
        "/w/ws/programmes/leader-networks/1/meetings/2/roles/",
    ),
    (
        "leader_network_check",
        {"network_id": 1, "meeting_id": 2},
        "/w/ws/programmes/leader-networks/1/meetings/2/check/",
    ),
    ("programme_create", {}, "/w/ws/programmes/new/"),
    ("programme", {"programme_id": 3}, "/w/ws/programmes/3/"),
    ("programme_edit", {"programme_id": 3}, "/w/ws/programmes/3/edit/"),
    ("module_create", {"programme_id": 3}, "/w/ws/programmes/3/modules/new/"),
    ("module_edit", {"programme_id": 3, "module_id": 4}, "/w/ws/programmes/3/modules/4/edit/"),
    (
        "lesson_create",
        {"programme_id": 3, "module_id": 4},
        "/w/ws/programmes/3/modules/4/lessons/new/",
    ),
    (
        "lesson_edit",
        {"programme_id": 3, "module_id": 4, "lesson_id": 5},
        "/w/ws/programmes/3/modules/4/lessons/5/edit/",
    ),
    (
        "lesson_delete",
        {"programme_id": 3, "module_id": 4, "lesson_id": 5},
        "/w/ws/programmes/3/modules/4/lessons/5/delete/",
    ),
    (
        "assignment_create",
        {"programme_id": 3, "module_id": 4},
        "/w/ws/programmes/3/modules/4/assignments/new/",
    ),
    (
        "assignment_edit",
        {"programme_id": 3, "module_id": 4, "assignment_id": 6},
        "/w/ws/programmes/3/modules/4/assignments/6/edit/",
    ),
    (
        "assignment_delete",
        {"programme_id": 3, "module_id": 4, "assignment_id": 6},
        "/w/ws/programmes/3/modules/4/assignments/6/delete/",
    ),
    ("programme_file", {"programme_id": 3, "file_id": 7}, "/w/ws/programmes/3/files/7/"),
    ("lesson_file_delete", {"programme_id": 3, "file_id": 7}, "/w/ws/programmes/3/files/7/delete/"),
    ("cohort_create", {"programme_id": 3}, "/w/ws/programmes/3/cohorts/new/"),
    ("cohort", {"cohort_id": 8}, "/w/ws/programmes/cohorts/8/"),
    ("cohort_enrol", {"cohort_id": 8}, "/w/ws/programmes/cohorts/8/enrol/"),
    (
        "participant_remove",
        {"cohort_id": 8, "enrolment_id": 9},
        "/w/ws/programmes/cohorts/8/participants/9/remove/",
    ),
    ("cohort_progress", {"cohort_id": 8}, "/w/ws/programmes/cohorts/8/progress/"),
    (
        "cohort_progress_export",
        {"cohort_id": 8, "fmt": "csv"},
        "/w/ws/programmes/cohorts/8/progress/export.csv",
    ),
    ("cohort_close", {"cohort_id": 8}, "/w/ws/programmes/cohorts/8/close/"),
    ("cohort_lesson", {"cohort_id": 8, "lesson_id": 5}, "/w/ws/programmes/cohorts/8/lessons/5/"),
    (
        "cohort_assignment",
        {"cohort_id": 8, "assignment_id": 6},
        "/w/ws/programmes/cohorts/8/assignments/6/",
    ),
    ("submission", {"cohort_id": 8, "submission_id": 9}, "/w/ws/programmes/cohorts/8/work/9/"),
    (
        "measurement",
        {"cohort_id": 8, "which": "start"},
        "/w/ws/programmes/cohorts/8/measurement/start/",
    ),
    ("cohort_file", {"cohort_id": 8, "file_id": 7}, "/w/ws/programmes/cohorts/8/files/7/"),
    ("mentoring", {"programme_id": 3}, "/w/ws/programmes/3/mentoring/"),
    ("pair", {"pair_id": 10}, "/w/ws/programmes/mentoring/pairs/10/"),
    ("pair_respond", {"pair_id": 10}, "/w/ws/programmes/mentoring/pairs/10/respond/"),
    ("pair_goals", {"pair_id": 10}, "/w/ws/programmes/mentoring/pairs/10/goals/"),
    ("pair_meeting_add", {"pair_id": 10}, "/w/ws/programmes/mentoring/pairs/10/meetings/"),
    ("pair_reflect", {"pair_id": 10}, "/w/ws/programmes/mentoring/pairs/10/reflection/"),
    ("pair_close", {"pair_id": 10}, "/w/ws/programmes/mentoring/pairs/10/close/"),
    ("alumni", {"cohort_id": 8}, "/w/ws/programmes/cohorts/8/alumni/"),
    ("alumni_topic", {"cohort_id": 8, "post_id": 11}, "/w/ws/programmes/cohorts/8/alumni/11/"),
    ("alumni_digest", {"cohort_id": 8}, "/w/ws/programmes/cohorts/8/alumni/digest/"),
]


@pytest.mark.parametrize(("name", "kwargs", "path"), URLS, ids=[name for name, *_ in URLS])
def test_the_name_reverses_to_its_path(name: str, kwargs: dict[str, Any], path: str) -> None:
    assert reverse(f"programmes:{name}", kwargs={"slug": "ws", **kwargs}) == path
    assert resolve(path).view_name == f"programmes:{name}"


def test_every_programmes_name_is_listed() -> None:
    (resolver,) = [
        p
        for p in get_resolver().url_patterns
        if isinstance(p, URLResolver) and p.namespace == "programmes"
    ]
    names = [p.name for p in resolver.url_patterns]
    assert sorted(names) == sorted(name for name, *_ in URLS)
