"""Reads of alumni groups. Callers reach the cohort through `access.cohort_for` (people
enrolled in it), so these reads only ever run for a member of the group."""

from __future__ import annotations

from django.db.models import Count, Max, Prefetch, QuerySet
from django.db.models.functions import Coalesce

from netlead.programmes.models import AlumniPost, Cohort


def topics_of(cohort: Cohort) -> QuerySet[AlumniPost]:
    """The group's topics with `reply_count` and `last_activity` (the newest reply, or the
    topic itself), most recently active first, in one query."""
    return (
        AlumniPost.objects.filter(cohort=cohort, topic__isnull=True)
        .select_related("author__person")
        .annotate(
            reply_count=Count("replies"),
            last_activity=Coalesce(Max("replies__created_at"), "created_at"),
        )
        .order_by("-last_activity", "-pk")
    )


def topic_with_replies(cohort: Cohort, post_id: int) -> AlumniPost | None:
    """Topic `post_id` of the group with its replies (oldest first) prefetched; None when the
    id is not a topic of this cohort (another cohort's, or a reply)."""
    replies = AlumniPost.objects.select_related("author__person").order_by("created_at", "pk")
    return (
        AlumniPost.objects.filter(cohort=cohort, topic__isnull=True, pk=post_id)
        .select_related("author__person")
        .prefetch_related(Prefetch("replies", queryset=replies))
        .first()
    )
