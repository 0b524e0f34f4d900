"""The programmes start page: the user's leader networks, cohorts, mentoring pairs and alumni
groups; for owners and facilitators also the programmes they run."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render

from netlead.core.web import AuthenticatedHttpRequest
from netlead.programmes.selectors import cohorts, leader_networks, mentoring
from netlead.workspaces.access import can_manage, membership_for, own_person


@login_required
def hub(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    membership = membership_for(request.user, slug)
    workspace = membership.workspace
    person = own_person(membership)
    manager = can_manage(membership)
    return render(
        request,
        "programmes/hub.html",
        {
            "membership": membership,
            "can_manage": manager,
            "enrolments": list(cohorts.enrolments_of(person)) if person else [],
            "leader_networks": leader_networks.leader_networks_of(person) if person else [],
            "pairs": list(mentoring.pairs_of_user(workspace, request.user)),
            "programmes": list(cohorts.programmes_of(workspace)) if manager else [],
        },
    )
