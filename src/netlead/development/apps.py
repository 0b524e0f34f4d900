from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DevelopmentConfig(AppConfig):
    name = "netlead.development"
    label = "development"
    verbose_name = _("Leader development")

    def ready(self) -> None:
        # Django's documented place to connect receivers: the models are loaded by now.
        from netlead.development import signals  # noqa: F401
