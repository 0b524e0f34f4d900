"""The programmes start page: the user's leader networks, cohorts, mentoring pairs and alumni
groups; for owners and facilitators also the programmes they run."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from netlead.programmes.selectors import cohorts, leader_networks, mentoring
from netlead.workspaces.access import can_manage, get_membership_for


@login_required
def hub(request: HttpRequest, slug: str) -> HttpResponse:
    membership = get_membership_for(request, slug)
    workspace = membership.workspace
    # Only the person already linked to the user: opening this page creates nothing.
    person = workspace.persons.filter(user_id=request.user.pk).first()
    manager = can_manage(membership)
    return render(
        request,
        "programmes/hub.html",
        {
            "membership": membership,
            "can_manage": manager,
            "enrolments": list(cohorts.enrolments_of(person)) if person else [],
            "leader_networks": leader_networks.leader_networks_of(person) if person else [],
            "pairs": list(mentoring.pairs_of_user(workspace, request.user)),  # type: ignore[arg-type]
            "programmes": list(cohorts.programmes_of(workspace)) if manager else [],
        },
    )
