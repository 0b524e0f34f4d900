"""Competence frameworks: the workspace's copy of netlead's default, and its own frameworks."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.db import transaction
from django.utils.text import slugify

from netlead.accounts.models import User
from netlead.development.models import Competence, CompetenceFramework
from netlead.development.rules import DEFAULT_FRAMEWORK_KEY, check_own_competences
from netlead.frameworks import competences as default_content
from netlead.workspaces.models import Workspace


@transaction.atomic
def default_framework_ensure(*, workspace: Workspace) -> CompetenceFramework:
    """The workspace's copy of netlead's default framework (its rows; texts stay in the data
    file), made when the workspace is made (`development.signals`) and topped up when the
    data file gains a competence. Safe to run again. Pages only read it
    (`selectors.default_framework_of`); a competence added to the data file later reaches
    existing workspaces through a data migration, like 0002_default_frameworks."""
    data = default_content.competence_framework_data()
    framework, _created = CompetenceFramework.objects.get_or_create(
        workspace=workspace, key=DEFAULT_FRAMEWORK_KEY, defaults={"is_default": True}
    )
    known = set(framework.competences.values_list("key", flat=True))
    missing = [c for c in data["competence"] if c["key"] not in known]
    if missing:
        Competence.objects.bulk_create(
            Competence(framework=framework, key=c["key"], number=int(c["number"])) for c in missing
        )
    return framework


@dataclass(frozen=True)
class OwnCompetence:
    name: str
    description: str
    question_1: str
    question_2: str


@transaction.atomic
def framework_create(
    *,
    workspace: Workspace,
    creator: User,
    title: str,
    intro: str,
    language: str,
    competences: Sequence[OwnCompetence],
) -> CompetenceFramework:
    """A workspace's own framework, written in `language` (shown in that language to all)."""
    check_own_competences([c.name for c in competences])
    base = slugify(title)[:50] or "framework"
    key, n = base, 1
    while workspace.competence_frameworks.filter(key=key).exists():
        n += 1
        key = f"{base}-{n}"
    framework = CompetenceFramework(
        workspace=workspace,
        key=key,
        title={language: title},
        intro={language: intro} if intro else {},
        created_by=creator,
    )
    framework.full_clean()
    framework.save()
    Competence.objects.bulk_create(
        Competence(
            framework=framework,
            key=f"c{number}",
            number=number,
            texts={
                "name": {language: c.name},
                "description": {language: c.description},
                "behaviours": {},
                "questions": [{language: c.question_1}, {language: c.question_2}],
            },
        )
        for number, c in enumerate(competences, start=1)
    )
    return framework
