"""Observer responses get random (UUID) keys and no time; an observer invitation keeps whether
its observer answered, not when.

The old response table, keyed by sequential ids, is renamed aside (0005 copies its rows and
the answered flags, 0006 drops it and the invitations' answer time); the new table has its
own name, since the old table's index names stay taken until it is dropped.
"""

import uuid

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("development", "0003_observer_reminded_at"),
    ]

    operations = [
        migrations.RenameModel(old_name="ObserverResponse", new_name="LegacyObserverResponse"),
        migrations.AlterField(
            model_name="legacyobserverresponse",
            name="request",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="development.feedbackrequest",
            ),
        ),
        migrations.CreateModel(
            name="ObserverResponse",
            fields=[
                (
                    "id",
                    models.UUIDField(
                        default=uuid.uuid4, editable=False, primary_key=True, serialize=False
                    ),
                ),
                ("response_key", models.CharField(editable=False, max_length=64, unique=True)),
                (
                    "group",
                    models.CharField(
                        choices=[
                            ("manager", "Manager"),
                            ("peer", "Peers"),
                            ("partner", "Network partners"),
                            ("report", "Direct reports"),
                            ("other", "Others"),
                        ],
                        max_length=10,
                    ),
                ),
                ("shown_alone", models.BooleanField(default=False)),
                ("scores", models.JSONField(default=dict)),
                ("strengths", models.TextField(blank=True)),
                ("development", models.TextField(blank=True)),
                (
                    "request",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="responses",
                        to="development.feedbackrequest",
                    ),
                ),
            ],
            options={"db_table": "development_observer_response"},
        ),
        migrations.AddField(
            model_name="observerinvitation",
            name="has_answered",
            field=models.BooleanField(default=False, verbose_name="answered"),
        ),
    ]
