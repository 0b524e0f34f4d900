"""The REST API at /api/v1/: Django Ninja, OpenAPI 3.1 from the code. Every operation calls the
same access functions, services and selectors as the pages."""

from netlead.api import problems
from netlead.api.auth import RateThrottle, SiteSessionAuth, TokenAuth
from netlead.api.routers import (
    development,
    exports,
    meetings,
    networks,
    programmes,
    reports,
    surveys,
    workspaces,
)

api = problems.ProblemsAPI(
    title="netlead API",
    version="1",
    description=(
        "Networks of organizations, their charter, results, meetings and diagnosis. "
        "Authenticate with a personal access token (profile page, or `netlead api_token "
        "create`): `Authorization: Bearer netlead_...`. Errors are RFC 9457 problem details."
    ),
    urls_namespace="api",
    auth=[TokenAuth(), SiteSessionAuth()],
    throttle=[RateThrottle()],
    docs_url=None,  # our own page serves the docs UI from our static files (no CDN)
)
problems.install(api)
api.add_router("", workspaces.router)
api.add_router("", networks.router)
api.add_router("", meetings.router)
api.add_router("", surveys.router)
api.add_router("", development.router)
api.add_router("", programmes.router)
api.add_router("", exports.router)
api.add_router("", reports.router)
