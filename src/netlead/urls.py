from django.contrib import admin
from django.urls import include, path
from django.views.generic import TemplateView

from netlead.api import views as api_views
from netlead.api.api import api
from netlead.workspaces import views as workspace_views

urlpatterns = [
    path("", workspace_views.home, name="home"),
    path("accounts/", include("netlead.accounts.urls")),
    path("", include("netlead.workspaces.urls")),
    path("", include("netlead.networks.urls")),
    path("", include("netlead.meetings.urls")),
    path("", include("netlead.surveys.urls")),
    path("", include("netlead.development.urls")),
    path("", include("netlead.programmes.urls")),
    path("", include("netlead.exports.urls")),
    path("", include("netlead.reports.urls")),
    path("", include("netlead.privacy.urls")),
    path("", include("netlead.notifications.urls")),
    path("api/v1/", api.urls),
    path("api/v1/docs/", api_views.api_docs, name="api_docs"),
    path("accounts/api-tokens/", api_views.api_tokens, name="api_tokens"),
    path(
        "accounts/api-tokens/<id:pk>/revoke/",
        api_views.api_token_revoke,
        name="api_token_revoke",
    ),
    path("admin/", admin.site.urls),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
    ),
]

handler400 = "netlead.errors.bad_request"
handler403 = "netlead.errors.permission_denied"
handler404 = "netlead.errors.page_not_found"
handler500 = "netlead.errors.server_error"
