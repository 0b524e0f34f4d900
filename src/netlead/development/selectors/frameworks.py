"""Competence frameworks of a workspace and their competences."""

from __future__ import annotations

from django.db.models import Count, QuerySet

from netlead.core.language import active_language
from netlead.development.models import Competence, CompetenceFramework
from netlead.development.rules import DEFAULT_FRAMEWORK_KEY
from netlead.frameworks import competences as default_content
from netlead.workspaces.models import Workspace


def scale(language: str | None = None) -> tuple[default_content.ScalePoint, ...]:
    return default_content.competence_framework(language or active_language()).scale


def frameworks_of(workspace: Workspace) -> QuerySet[CompetenceFramework]:
    return workspace.competence_frameworks.annotate(size=Count("competences"))


def competences_of(framework: CompetenceFramework) -> list[Competence]:
    return list(framework.competences.select_related("framework").order_by("number"))


def workspace_competences(workspace: Workspace) -> QuerySet[Competence]:
    return Competence.objects.filter(framework__workspace=workspace).select_related("framework")


def default_framework_of(workspace: Workspace) -> CompetenceFramework:
    """The workspace's copy of netlead's default framework. Read only: it is made with the
    workspace (`services.default_framework_ensure`, from `development.signals`)."""
    return workspace.competence_frameworks.get(key=DEFAULT_FRAMEWORK_KEY)
