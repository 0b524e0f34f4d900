from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkspacesConfig(AppConfig):
    name = "netlead.workspaces"
    label = "workspaces"
    verbose_name = _("Workspaces and people")

    def ready(self) -> None:
        # Django's documented place to connect receivers: the models are loaded by now.
        from netlead.demo import checks  # noqa: F401
        from netlead.workspaces import signals  # noqa: F401
