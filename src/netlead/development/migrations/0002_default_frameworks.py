"""Every workspace that exists gets its copy of netlead's default competence framework, with
every competence of the data file (version 1). New workspaces get theirs when they are made
(development.signals), so pages only read it.

The keys are written out here rather than read from frameworks/competences.toml: a migration
keeps doing what it did when it was written. A competence added to the data file later needs
a data migration of its own. Reversing leaves the rows: assessments may already use them."""

from django.db import migrations

FRAMEWORK_KEY = "network_leader"
COMPETENCES = (
    ("bringing_together", 1),
    ("shared_ownership", 2),
    ("safe_space", 3),
    ("curious_dialogue", 4),
    ("uncertain_ground", 5),
    ("shared_interest", 6),
    ("trust_across_layers", 7),
    ("results_in_view", 8),
    ("political_sensitivity", 9),
    ("developing_others", 10),
)


def make_default_frameworks(apps, schema_editor):
    Workspace = apps.get_model("workspaces", "Workspace")
    CompetenceFramework = apps.get_model("development", "CompetenceFramework")
    Competence = apps.get_model("development", "Competence")
    for workspace in Workspace.objects.all().iterator():
        framework, _created = CompetenceFramework.objects.get_or_create(
            workspace=workspace, key=FRAMEWORK_KEY, defaults={"is_default": True}
        )
        known = set(framework.competences.values_list("key", flat=True))
        Competence.objects.bulk_create(
            Competence(framework=framework, key=key, number=number)
            for key, number in COMPETENCES
            if key not in known
        )


class Migration(migrations.Migration):
    dependencies = [
        ("development", "0001_leader_development"),
    ]

    operations = [
        migrations.RunPython(make_default_frameworks, migrations.RunPython.noop, elidable=False),
    ]
