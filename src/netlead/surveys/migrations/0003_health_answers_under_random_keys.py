"""Health-check responses and answers get random (UUID) keys and no time of submitting.

The old tables, keyed by sequential ids, are renamed aside (their rows are copied by 0004 and
the tables dropped by 0005); the new ones have their own table names, since index names of
the old tables stay taken until those are dropped.
"""

import uuid

import django.core.validators
import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("surveys", "0002_introductions"),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="healthanswer", name="health_answer_once"),
        migrations.RemoveConstraint(model_name="healthanswer", name="health_answer_1_to_5"),
        migrations.RenameModel(old_name="HealthAnswer", new_name="LegacyHealthAnswer"),
        migrations.RenameModel(old_name="HealthResponse", new_name="LegacyHealthResponse"),
        migrations.AlterField(
            model_name="legacyhealthresponse",
            name="round",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="surveys.surveyround",
            ),
        ),
        migrations.AlterField(
            model_name="legacyhealthanswer",
            name="response",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="surveys.legacyhealthresponse",
            ),
        ),
        migrations.CreateModel(
            name="HealthResponse",
            fields=[
                (
                    "id",
                    models.UUIDField(
                        default=uuid.uuid4, editable=False, primary_key=True, serialize=False
                    ),
                ),
                ("key_hash", models.CharField(max_length=64, unique=True)),
                ("organization", models.CharField(blank=True, max_length=200)),
                ("layer", models.CharField(blank=True, max_length=20)),
                ("submitted", models.BooleanField(default=False)),
                (
                    "round",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="health_responses",
                        to="surveys.surveyround",
                    ),
                ),
            ],
            options={"db_table": "surveys_health_response"},
        ),
        migrations.CreateModel(
            name="HealthAnswer",
            fields=[
                (
                    "id",
                    models.UUIDField(
                        default=uuid.uuid4, editable=False, primary_key=True, serialize=False
                    ),
                ),
                ("item", models.CharField(max_length=40)),
                (
                    "value",
                    models.PositiveSmallIntegerField(
                        validators=[
                            django.core.validators.MinValueValidator(1),
                            django.core.validators.MaxValueValidator(5),
                        ]
                    ),
                ),
                (
                    "response",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="answers",
                        to="surveys.healthresponse",
                    ),
                ),
            ],
            options={
                "db_table": "surveys_health_answer",
                "constraints": [
                    models.UniqueConstraint(fields=("response", "item"), name="health_answer_once"),
                    models.CheckConstraint(
                        condition=models.Q(("value__gte", 1), ("value__lte", 5)),
                        name="health_answer_1_to_5",
                    ),
                ],
            },
        ),
    ]
