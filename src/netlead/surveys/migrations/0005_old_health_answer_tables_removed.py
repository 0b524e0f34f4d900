"""Drop the old health-check tables, keyed by sequential ids, once 0004 copied their rows."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("surveys", "0004_health_answers_copied_in_random_order"),
    ]

    operations = [
        migrations.DeleteModel(name="LegacyHealthAnswer"),
        migrations.DeleteModel(name="LegacyHealthResponse"),
    ]
