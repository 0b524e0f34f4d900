"""Pages that only show write nothing: the default framework is made with the workspace (and,
for workspaces made before, by a data migration), and a leader's profile only when they save
their choices."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps

from netlead.development import selectors
from netlead.development.models import Competence, CompetenceFramework, DevelopmentProfile
from netlead.frameworks import competences as default_content
from netlead.workspaces.models import Workspace
from netlead.workspaces.services import workspace_create
from tests.development.conftest import Dev
from tests.factories import UserFactory

DEVELOPMENT_MODELS = tuple(apps.get_app_config("development").get_models())


def _rows() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in DEVELOPMENT_MODELS}


def _default_keys() -> list[str]:
    return [c["key"] for c in default_content.competence_framework_data()["competence"]]


def test_a_new_workspace_has_its_default_framework(db: None) -> None:
    workspace = workspace_create(owner=UserFactory(), name="Fresh start")
    framework = selectors.default_framework_of(workspace)
    assert framework.is_default
    assert [c.key for c in selectors.competences_of(framework)] == _default_keys()


@pytest.mark.parametrize(
    ("page", "who"),
    [
        ("frameworks", "leader"),
        ("assessments", "leader"),
        ("settings", "leader"),
        ("overview", "leader"),
        ("report", "leader"),
        ("network", "leader"),
        ("cohort", "facilitator"),
    ],
)
def test_a_get_page_makes_no_row(dev: Dev, page: str, who: str) -> None:
    user = dev.world.facilitator if who == "facilitator" else dev.leader
    client = dev.client(user)
    before = _rows()
    response = client.get(dev.url(page))
    assert response.status_code == 200
    assert _rows() == before


@pytest.mark.parametrize("page", ["frameworks", "assessments"])
def test_a_framework_page_does_not_make_a_missing_default_framework(dev: Dev, page: str) -> None:
    CompetenceFramework.objects.filter(workspace=dev.world.workspace).delete()
    before = _rows()
    assert dev.client().get(dev.url(page)).status_code == 200
    assert _rows() == before


def test_the_settings_page_shows_the_defaults_and_saves_the_profile_only_on_post(
    dev: Dev,
) -> None:
    client = dev.client()
    form = client.get(dev.url("settings")).context["form"]
    assert form.initial["stale_after_days"] == 90
    assert form.initial["report_shared"] is False
    assert not DevelopmentProfile.objects.filter(owner=dev.person).exists()
    saved = client.post(dev.url("settings"), {"stale_after_days": "120"})
    assert saved.status_code == 302
    assert DevelopmentProfile.objects.get(owner=dev.person).stale_after_days == 120


def test_the_data_migration_gives_older_workspaces_their_default_framework(
    db: None,
) -> None:
    migration = importlib.import_module("netlead.development.migrations.0002_default_frameworks")
    older = workspace_create(owner=UserFactory(), name="Made before")
    topped_up = workspace_create(owner=UserFactory(), name="Missing one")
    CompetenceFramework.objects.filter(workspace=older).delete()
    Competence.objects.filter(framework__workspace=topped_up, number=10).delete()
    migration.make_default_frameworks(apps, None)
    migration.make_default_frameworks(apps, None)  # safe to run again
    for workspace in (older, topped_up):
        framework = selectors.default_framework_of(workspace)
        assert framework.is_default
        assert [c.key for c in selectors.competences_of(framework)] == _default_keys()
    assert CompetenceFramework.objects.filter(is_default=True).count() == Workspace.objects.count()
