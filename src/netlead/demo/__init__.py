"""The demo workspace: a regional youth-care network. Each app adds its part here."""

from __future__ import annotations

from netlead.demo.development import load_development
from netlead.demo.meetings import load_meetings
from netlead.demo.member_development import load_member_development
from netlead.demo.networks import load_network
from netlead.demo.notifications import load_notifications
from netlead.demo.programmes import load_programmes
from netlead.demo.surveys import load_surveys
from netlead.demo.workspace import DEMO_PASSWORD, DemoWorkspace, load_workspace

__all__ = ["DEMO_PASSWORD", "DemoWorkspace", "load_demo"]


def load_demo() -> DemoWorkspace:
    """Load (or refresh) the whole demo; safe to run again."""
    demo = load_workspace()
    network = load_network(demo.workspace, demo.users)
    load_meetings(network)
    load_surveys(network)
    load_development(demo.workspace)
    load_programmes(demo.workspace, demo.users)
    load_member_development(demo.workspace)
    load_notifications(network)
    return demo
