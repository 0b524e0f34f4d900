"""Copy every health-check response and its answers into the tables with random keys, round by
round in a random order, keeping whether each was submitted but not when."""

import secrets
import uuid

from django.db import migrations


def copy_in_random_order(apps, schema_editor):
    old_response = apps.get_model("surveys", "LegacyHealthResponse")
    old_answer = apps.get_model("surveys", "LegacyHealthAnswer")
    response_model = apps.get_model("surveys", "HealthResponse")
    answer_model = apps.get_model("surveys", "HealthAnswer")
    shuffle = secrets.SystemRandom().shuffle
    round_ids = old_response.objects.values_list("round_id", flat=True).distinct()
    for round_id in list(round_ids):
        old = list(old_response.objects.filter(round_id=round_id))
        shuffle(old)
        new_ids = {r.pk: uuid.uuid4() for r in old}
        response_model.objects.bulk_create(
            response_model(
                id=new_ids[r.pk],
                round_id=round_id,
                key_hash=r.key_hash,
                organization=r.organization,
                layer=r.layer,
                submitted=r.submitted_at is not None,
            )
            for r in old
        )
        answers = list(old_answer.objects.filter(response_id__in=list(new_ids)))
        shuffle(answers)
        answer_model.objects.bulk_create(
            answer_model(response_id=new_ids[a.response_id], item=a.item, value=a.value)
            for a in answers
        )


def copy_back(apps, schema_editor):
    """Going back, a submitted response gets its round's closing (or opening) time: the time
    it was given was not kept."""
    old_response = apps.get_model("surveys", "LegacyHealthResponse")
    old_answer = apps.get_model("surveys", "LegacyHealthAnswer")
    response_model = apps.get_model("surveys", "HealthResponse")
    answer_model = apps.get_model("surveys", "HealthAnswer")
    for response in response_model.objects.select_related("round"):
        survey_round = response.round
        moment = survey_round.closed_at or survey_round.opened_at or survey_round.created_at
        old = old_response.objects.create(
            round_id=response.round_id,
            key_hash=response.key_hash,
            organization=response.organization,
            layer=response.layer,
            submitted_at=moment if response.submitted else None,
        )
        old_answer.objects.bulk_create(
            old_answer(response_id=old.pk, item=a.item, value=a.value)
            for a in answer_model.objects.filter(response_id=response.pk)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("surveys", "0003_health_answers_under_random_keys"),
    ]

    operations = [migrations.RunPython(copy_in_random_order, copy_back)]
