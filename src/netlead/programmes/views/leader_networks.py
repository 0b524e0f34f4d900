"""Pages of a leader network: setting it up (owners and facilitators), its page (any current
member), editing it (network leader and co-driver), accepting the agreement, the roles of a
meeting, and the four-principles check after a meeting. Members, meetings, agendas, minutes,
attendance and actions are the networks and meetings apps' pages; these pages link to them."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from netlead.core import ratelimit
from netlead.core.submissions import single_submit
from netlead.core.web import AuthenticatedHttpRequest, add_errors
from netlead.meetings.models import Meeting
from netlead.networks.access import EDIT, READ
from netlead.networks.models import Network
from netlead.programmes import rules
from netlead.programmes.access import LeaderNetworkAccess, leader_network_for
from netlead.programmes.forms.leader_networks import (
    PRINCIPLE_TEXTS,
    AgreementForm,
    LeaderNetworkForm,
    MeetingRolesForm,
    PrinciplesCheckForm,
)
from netlead.programmes.models import LeaderNetworkProfile
from netlead.programmes.selectors import leader_networks as selectors
from netlead.programmes.services import leader_networks as services
from netlead.workspaces.access import MANAGERS, membership_for


def _principles() -> list[dict[str, Any]]:
    return [
        {"key": key, "name": name, "explanation": explanation}
        for key, (name, explanation) in PRINCIPLE_TEXTS.items()
    ]


def _meeting_of(access: LeaderNetworkAccess, meeting_id: int, *related: str) -> Meeting:
    """A meeting of the accessed leader network, with `related` read in the same query (its
    network is the one already read); any other id is a 404."""
    meetings = access.network_access.network.meetings.all()
    return get_object_or_404(
        meetings.select_related(*related) if related else meetings, pk=meeting_id
    )


def _to_detail(slug: str, network_id: int, anchor: str = "") -> HttpResponse:
    response = redirect("programmes:leader_network", slug, network_id)
    if anchor:
        response["Location"] += f"#{anchor}"
    return response


@login_required
@single_submit
def leader_network_create(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    membership = membership_for(request.user, slug, *MANAGERS)
    form = LeaderNetworkForm(
        request.POST if request.method == "POST" else None, workspace=membership.workspace
    )
    if request.method == "POST" and form.is_valid():
        network, profile = Network(workspace=membership.workspace), LeaderNetworkProfile()
        form.apply(network, profile)
        try:
            services.leader_network_create(
                workspace=membership.workspace,
                creator=request.user,
                network=network,
                profile=profile,
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request,
                _("Leader network created. You are its network leader: add the participants."),
            )
            return redirect("programmes:leader_network", slug, network.pk)
    return render(
        request,
        "programmes/leader_networks/form.html",
        {"membership": membership, "form": form, "network": None},
        status=400 if form.errors else 200,
    )


@login_required
def leader_network(request: AuthenticatedHttpRequest, slug: str, network_id: int) -> HttpResponse:
    access = leader_network_for(request.user, slug, network_id, READ)
    page = selectors.leader_network_page(access.profile, access.network_access.member)
    return render(
        request,
        "programmes/leader_networks/detail.html",
        {
            "access": access,
            "page": page,
            "principles": _principles(),
            "agreement_form": AgreementForm(),
            "size_range": rules.CONFIDENTIAL_SIZE,
        },
    )


@login_required
def leader_network_edit(
    request: AuthenticatedHttpRequest, slug: str, network_id: int
) -> HttpResponse:
    access = leader_network_for(request.user, slug, network_id, EDIT)
    network, profile = access.network_access.network, access.profile
    form = LeaderNetworkForm(
        request.POST if request.method == "POST" else None,
        workspace=access.network_access.membership.workspace,
        network=network,
        profile=profile,
    )
    if request.method == "POST" and form.is_valid():
        version = profile.agreement_version
        form.apply(network, profile)
        try:
            services.leader_network_update(network=network, profile=profile)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Leader network saved."))
            if profile.agreement_version != version:
                messages.info(
                    request,
                    _("The agreement has changed: every participant is asked to accept it again."),
                )
            return _to_detail(slug, network_id)
    if form.errors:
        network.refresh_from_db()
        profile.refresh_from_db()
    return render(
        request,
        "programmes/leader_networks/form.html",
        {"access": access, "form": form, "network": network},
        status=400 if form.errors else 200,
    )


@login_required
def leader_network_agreement(
    request: AuthenticatedHttpRequest, slug: str, network_id: int
) -> HttpResponse:
    """The agreement, and the viewer's acceptance of its current version."""
    access = leader_network_for(request.user, slug, network_id, READ)
    form = AgreementForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.agreement_accept(
                profile=access.profile,
                member=access.network_access.member,
                commitment=form.cleaned_data["commitment"],
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Thank you: you have accepted the agreement."))
            return _to_detail(slug, network_id, "agreement")
    page = selectors.leader_network_page(access.profile, access.network_access.member)
    return render(
        request,
        "programmes/leader_networks/agreement.html",
        {"access": access, "page": page, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
def leader_network_roles(
    request: AuthenticatedHttpRequest, slug: str, network_id: int, meeting_id: int
) -> HttpResponse:
    """Who chairs the meeting and who brings a case; the next in turn are suggested."""
    access = leader_network_for(request.user, slug, network_id, EDIT)
    network = access.network_access.network
    meeting = _meeting_of(
        access, meeting_id, "leader_roles__chair__person", "leader_roles__case_owner__person"
    )
    current = selectors.meeting_row(meeting)
    chair, case_owner = selectors.next_rotation(network)
    initial = {
        "chair": current.chair or chair,
        "case_owner": current.case_owner or case_owner,
    }
    form = MeetingRolesForm(
        request.POST if request.method == "POST" else None, network=network, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_roles_set(
                meeting=meeting,
                chair=form.cleaned_data["chair"],
                case_owner=form.cleaned_data["case_owner"],
                by=access.network_access.member,
                standard_agenda=form.cleaned_data["standard_agenda"],
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Roles of the meeting saved."))
            return _to_detail(slug, network_id, "meetings")
    return render(
        request,
        "programmes/leader_networks/roles.html",
        {
            "access": access,
            "meeting": meeting,
            "current": current,
            "suggestion": (chair, case_owner),
            "form": form,
        },
        status=400 if form.errors else 200,
    )


@login_required
@ratelimit.limit_per_client(ratelimit.PRINCIPLES_CHECK)
def leader_network_check(
    request: AuthenticatedHttpRequest, slug: str, network_id: int, meeting_id: int
) -> HttpResponse:
    """The four-principles check after a meeting: anonymous, once per member. When the
    member cannot give it (given already, closed, cancelled, absent...), the page says why;
    posted anyway, that is a 400 and nothing is stored."""
    access = leader_network_for(request.user, slug, network_id, READ)
    meeting = _meeting_of(access, meeting_id)
    member = access.network_access.member
    form = PrinciplesCheckForm(request.POST if request.method == "POST" else None)
    refusal = None
    if request.method != "POST" or not form.is_valid():
        refusal = services.check_refusal(meeting=meeting, member=member)
    else:
        # The service decides under the meeting's lock whether the member may answer.
        try:
            services.principles_check_submit(meeting=meeting, member=member, scores=form.scores())
        except ValidationError as error:
            refusal = services.check_refusal(meeting=meeting, member=member)
            if refusal is None:
                add_errors(form, error)
        else:
            messages.success(
                request,
                _(
                    "Thank you. Your answer is stored without your name; the results are shown "
                    "when the check closes, if at least %(k)s people answered."
                )
                % {"k": access.network_access.membership.workspace.anonymity_threshold},
            )
            return _to_detail(slug, network_id, "check")
    return render(
        request,
        "programmes/leader_networks/check.html",
        {
            "access": access,
            "meeting": meeting,
            "form": form,
            "refusal": refusal,
            "closes_at": rules.check_closes_at(meeting),
            "principles": _principles(),
        },
        # A post only comes back here when nothing was stored.
        status=400 if request.method == "POST" else 200,
    )
