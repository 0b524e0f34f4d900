"""Use cases of alumni groups. When a cohort ends, the people enrolled in it (participants and
facilitators) keep a simple threaded discussion: topics with one level of replies. Nobody gets
an e-mail per post; a daily digest (`digest_send`, run by `netlead send_alumni_digests`) sends
each person one e-mail with what others posted since the last one. Only people who can still
open the group get it (the rule of `access.cohort_for`)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from netlead.accounts.tasks import send_email
from netlead.programmes.models import AlumniPost, Cohort, CohortStatus, Enrolment
from netlead.programmes.tasks import address_of, language_of
from netlead.workspaces.models import Membership, Person

#: How much of a post the digest quotes; the rest is one click away.
EXCERPT_CHARS = 400


def _require_open_group(cohort: Cohort, author: Enrolment) -> None:
    if author.cohort_id != cohort.pk:
        raise ValidationError(_("Only people enrolled in this cohort can post in its group."))
    if not cohort.is_closed:
        raise ValidationError(_("The alumni group opens when the cohort ends."))


@transaction.atomic
def post_topic(*, cohort: Cohort, author: Enrolment, title: str, body: str) -> AlumniPost:
    _require_open_group(cohort, author)
    title, body = title.strip(), body.strip()
    if not title:
        raise ValidationError(_("Give the topic a title."))
    if not body:
        raise ValidationError(_("Write a message before you post it."))
    post = AlumniPost(cohort=cohort, author=author, title=title, body=body)
    post.full_clean()
    post.save()
    return post


@transaction.atomic
def post_reply(*, topic: AlumniPost, author: Enrolment, body: str) -> AlumniPost:
    if topic.topic_id is not None:
        raise ValidationError(_("Reply to the topic itself: a reply cannot have replies."))
    _require_open_group(topic.cohort, author)
    body = body.strip()
    if not body:
        raise ValidationError(_("Write a message before you post it."))
    reply = AlumniPost(cohort=topic.cohort, author=author, topic=topic, body=body)
    reply.full_clean()
    reply.save()
    return reply


def digest_set(*, enrolment: Enrolment, wants: bool) -> Enrolment:
    """Switch the digest on or off. Switched back on, it starts from now: what was posted
    while it was off is on the page, not in the next e-mail."""
    if wants == enrolment.wants_digest:
        return enrolment
    enrolment.wants_digest = wants
    fields = ["wants_digest"]
    if wants:
        enrolment.digest_sent_at = timezone.now()
        fields.append("digest_sent_at")
    enrolment.save(update_fields=fields)
    return enrolment


# -- The digest ------------------------------------------------------------------------------


@dataclass(frozen=True)
class DigestPost:
    author: str
    created_at: datetime
    is_reply: bool
    excerpt: str


@dataclass
class DigestTopic:
    title: str
    link: str
    posts: list[DigestPost] = field(default_factory=list)


@dataclass
class DigestGroup:
    cohort: Cohort
    topics: list[DigestTopic] = field(default_factory=list)


def _group(enrolment: Enrolment, posts: list[AlumniPost], base_url: str) -> DigestGroup:
    cohort = enrolment.cohort
    group = DigestGroup(cohort=cohort)
    topics: dict[int, DigestTopic] = {}
    for post in posts:
        topic = post.topic or post
        if topic.pk not in topics:
            link = ""
            if base_url:
                link = base_url.rstrip("/") + reverse(
                    "programmes:alumni_topic",
                    args=[cohort.programme.workspace.slug, cohort.pk, topic.pk],
                )
            topics[topic.pk] = DigestTopic(title=topic.title, link=link)
            group.topics.append(topics[topic.pk])
        topics[topic.pk].posts.append(
            DigestPost(
                author=post.author.person.name,
                created_at=post.created_at,
                is_reply=post.topic_id is not None,
                excerpt=Truncator(post.body).chars(EXCERPT_CHARS),
            )
        )
    return group


@transaction.atomic
def digest_send(*, now: datetime, base_url: str = "") -> int:
    """Queue one e-mail per person with what others posted in their ended cohorts' groups
    since their last digest (or since they enrolled), for everyone who wants the digest, has
    an e-mail address and can still open the group: an active account that is still a member
    of the programme's workspace (as `access.cohort_for` requires). Returns the number of
    e-mails. Nothing new: no e-mail. Links in the e-mail are absolute when `base_url` is
    given."""
    still_member = Membership.objects.filter(
        workspace_id=OuterRef("cohort__programme__workspace_id"),
        user_id=OuterRef("person__user_id"),
    )
    enrolments = list(
        Enrolment.objects.select_related("person__user", "cohort__programme__workspace")
        .filter(
            Exists(still_member),
            wants_digest=True,
            cohort__status=CohortStatus.CLOSED,
            person__user__is_active=True,
        )
        .order_by("person_id", "cohort__ends_on", "pk")
    )
    enrolments = [e for e in enrolments if address_of(e.person)]
    if not enrolments:
        return 0
    since = {e.pk: e.digest_sent_at or e.enrolled_at for e in enrolments}
    posts_by_cohort: dict[int, list[AlumniPost]] = defaultdict(list)
    for post in (
        AlumniPost.objects.filter(
            cohort_id__in={e.cohort_id for e in enrolments},
            created_at__gt=min(since.values()),
            created_at__lte=now,
        )
        .select_related("author__person", "topic")
        .order_by("created_at", "pk")
    ):
        posts_by_cohort[post.cohort_id].append(post)

    per_person: dict[int, list[tuple[Enrolment, list[AlumniPost]]]] = defaultdict(list)
    for enrolment in enrolments:
        new = [
            p
            for p in posts_by_cohort[enrolment.cohort_id]
            if p.created_at > since[enrolment.pk] and p.author_id != enrolment.pk
        ]
        if not new:
            continue
        # Conditional on the value read, so a second run at the same time sends nothing twice.
        taken = Enrolment.objects.filter(
            pk=enrolment.pk, digest_sent_at=enrolment.digest_sent_at
        ).update(digest_sent_at=now)
        if taken:
            per_person[enrolment.person_id].append((enrolment, new))

    sent = 0
    for items in per_person.values():
        person: Person = items[0][0].person
        address = address_of(person)
        with translation.override(language_of(person, items[0][0].cohort.programme.language)):
            groups = [_group(enrolment, new, base_url) for enrolment, new in items]
            subject = _("New in your alumni group: %(cohort)s") % {"cohort": groups[0].cohort.name}
            if len(groups) > 1:
                subject = _("New in your alumni groups")
            body = render_to_string("email/alumni_digest.txt", {"person": person, "groups": groups})
        transaction.on_commit(partial(send_email.enqueue, to=[address], subject=subject, body=body))
        sent += 1
    return sent
