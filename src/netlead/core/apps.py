from django.apps import AppConfig
from django.urls import register_converter


class CoreConfig(AppConfig):
    """What every app shares; registers the pages' `<id:...>` path converter before any app's
    URLs are read (netlead.core.ids)."""

    name = "netlead.core"
    label = "netlead_core"
    verbose_name = "netlead"

    def ready(self) -> None:
        from netlead.core.ids import IdConverter

        register_converter(IdConverter, "id")
