"""The alumni group of a cohort: once the cohort has ended, its participants and facilitators
keep a simple threaded discussion (topics and replies), with a daily e-mail digest."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from netlead.programmes.models.cohorts import Cohort, Enrolment


class AlumniPost(models.Model):
    cohort = models.ForeignKey(
        Cohort, on_delete=models.CASCADE, related_name="alumni_posts", verbose_name=_("cohort")
    )
    author = models.ForeignKey(
        Enrolment, on_delete=models.CASCADE, related_name="alumni_posts", verbose_name=_("author")
    )
    #: A reply points at its topic; a topic has no parent (one level of replies).
    topic = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="replies"
    )
    title = models.CharField(_("title"), max_length=200, blank=True)
    body = models.TextField(_("message"))
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("alumni post")
        verbose_name_plural = _("alumni posts")
        ordering = ("created_at", "pk")

    def __str__(self) -> str:
        return self.title or self.body[:60]
