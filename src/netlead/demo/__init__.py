"""The demo workspace: a regional youth-care network. Later apps add their own parts here."""

from __future__ import annotations

from netlead.demo.workspace import DEMO_PASSWORD, DemoWorkspace, load_workspace

__all__ = ["DEMO_PASSWORD", "DemoWorkspace", "load_demo"]


def load_demo() -> DemoWorkspace:
    """Load (or refresh) the whole demo; safe to run again."""
    return load_workspace()
