"""Drop the old observer response table and the invitations' time of answering, once 0005
copied the responses and set the answered flags."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("development", "0005_observer_responses_copied_in_random_order"),
    ]

    operations = [
        migrations.DeleteModel(name="LegacyObserverResponse"),
        migrations.RemoveField(model_name="observerinvitation", name="submitted_at"),
    ]
