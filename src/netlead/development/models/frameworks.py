"""Competence frameworks: netlead's default (texts in frameworks/competences.toml, rows here
only anchor keys) and a workspace's own (texts here, in the languages it was written in)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from netlead.core.language import active_language
from netlead.frameworks import competences as default_content
from netlead.workspaces.models import Workspace


def _pick(texts: dict[str, Any], language: str) -> Any:
    """A text in `language`, else English, else any language it was written in."""
    return texts.get(language) or texts.get("en") or next(iter(texts.values()), "")


class CompetenceFramework(models.Model):
    """A set of competences leaders assess themselves on. The default framework's texts come
    from frameworks/competences.toml (so they stay translated); a workspace's own framework
    keeps its texts here, in the languages it was written in."""

    workspace = models.ForeignKey(
        Workspace,
        on_delete=models.CASCADE,
        related_name="competence_frameworks",
        verbose_name=_("workspace"),
    )
    key = models.SlugField(_("key"), max_length=60)
    is_default = models.BooleanField(_("netlead's default framework"), default=False)
    title = models.JSONField(_("title"), default=dict)
    intro = models.JSONField(_("introduction"), default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("competence framework")
        verbose_name_plural = _("competence frameworks")
        ordering = ("-is_default", "created_at")
        constraints = [
            models.UniqueConstraint(fields=["workspace", "key"], name="framework_unique_key")
        ]

    def __str__(self) -> str:
        return self.title_text

    @property
    def title_text(self) -> str:
        if self.is_default:
            return default_content.competence_framework(active_language()).title
        return str(_pick(self.title, active_language()))

    @property
    def intro_text(self) -> str:
        if self.is_default:
            return default_content.competence_framework(active_language()).intro
        return str(_pick(self.intro, active_language())) if self.intro else ""


class Competence(models.Model):
    framework = models.ForeignKey(
        CompetenceFramework,
        on_delete=models.CASCADE,
        related_name="competences",
        verbose_name=_("framework"),
    )
    key = models.SlugField(_("key"), max_length=60)
    number = models.PositiveSmallIntegerField(_("number"))
    #: For a workspace's own framework: {"name": {lang: text}, "description": {...},
    #: "behaviours": {lang: [text, ...]}, "questions": [{lang: text}, {lang: text}]}.
    texts = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("competence")
        verbose_name_plural = _("competences")
        ordering = ("framework", "number")
        constraints = [
            models.UniqueConstraint(fields=["framework", "key"], name="competence_unique_key"),
            models.UniqueConstraint(
                fields=["framework", "number"], name="competence_unique_number"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def localized(self, language: str | None = None) -> default_content.Competence:
        """The competence's texts in `language` (default: the active one)."""
        language = language or active_language()
        if self.framework.is_default:
            for competence in default_content.competence_framework(language).competences:
                if competence.key == self.key:
                    return competence
        texts = self.texts
        questions = tuple(
            default_content.ReflectionQuestion(key=f"q{i + 1}", text=str(_pick(q, language)))
            for i, q in enumerate(texts.get("questions", []))
            if q
        )
        return default_content.Competence(
            key=self.key,
            number=self.number,
            name=str(_pick(texts.get("name", {}), language)) or self.key,
            description=str(_pick(texts.get("description", {}), language)),
            behaviours=tuple(_pick(texts.get("behaviours", {}), language) or ()),
            questions=questions,
        )

    @property
    def name(self) -> str:
        return self.localized().name
