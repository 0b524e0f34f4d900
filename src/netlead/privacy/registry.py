"""The apps' parts of the privacy rights (see `parts`), in the order an erasure runs them: each
app's own records first, the person record itself (workspaces) last."""

from __future__ import annotations

from netlead.accounts import privacy as accounts
from netlead.api import privacy as api
from netlead.development import privacy as development
from netlead.meetings import privacy as meetings
from netlead.networks import privacy as networks
from netlead.privacy.parts import Part
from netlead.programmes import privacy as programmes
from netlead.surveys import privacy as surveys
from netlead.workspaces import privacy as workspaces

PARTS: tuple[Part, ...] = (
    accounts,
    surveys,
    development,
    programmes,
    meetings,
    networks,
    api,
    workspaces,
)
