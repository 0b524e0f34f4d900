"""Copy every observer response into the table with random keys, request by request in a
random order, without its day; mark the invitations that were answered."""

import secrets
import uuid

from django.db import migrations


def copy_in_random_order(apps, schema_editor):
    old_response = apps.get_model("development", "LegacyObserverResponse")
    response_model = apps.get_model("development", "ObserverResponse")
    invitation_model = apps.get_model("development", "ObserverInvitation")
    shuffle = secrets.SystemRandom().shuffle
    request_ids = old_response.objects.values_list("request_id", flat=True).distinct()
    for request_id in list(request_ids):
        old = list(old_response.objects.filter(request_id=request_id))
        shuffle(old)
        response_model.objects.bulk_create(
            response_model(
                id=uuid.uuid4(),
                request_id=request_id,
                response_key=r.response_key,
                group=r.group,
                shown_alone=r.shown_alone,
                scores=r.scores,
                strengths=r.strengths,
                development=r.development,
            )
            for r in old
        )
    invitation_model.objects.filter(submitted_at__isnull=False).update(has_answered=True)


def copy_back(apps, schema_editor):
    """Going back, a response and an answered invitation get the request's day: the time each
    was given was not kept."""
    old_response = apps.get_model("development", "LegacyObserverResponse")
    response_model = apps.get_model("development", "ObserverResponse")
    invitation_model = apps.get_model("development", "ObserverInvitation")
    for response in response_model.objects.select_related("request"):
        old_response.objects.create(
            request_id=response.request_id,
            response_key=response.response_key,
            group=response.group,
            shown_alone=response.shown_alone,
            scores=response.scores,
            strengths=response.strengths,
            development=response.development,
            submitted_at=response.request.created_at,
        )
    for invitation in invitation_model.objects.filter(has_answered=True).select_related("request"):
        invitation.submitted_at = invitation.request.created_at
        invitation.save(update_fields=["submitted_at"])


class Migration(migrations.Migration):
    dependencies = [
        ("development", "0004_observer_responses_under_random_keys"),
    ]

    operations = [migrations.RunPython(copy_in_random_order, copy_back)]
