"""Self-assessments taken as a cohort's start or end measurement before they carried a label get
it now, so "My development" keeps them apart from the leader's own self-assessments."""

from django.db import migrations


def label(apps, schema_editor):  # type: ignore[no-untyped-def]
    Enrolment = apps.get_model("programmes", "Enrolment")
    SelfAssessment = apps.get_model("development", "SelfAssessment")
    enrolments = Enrolment.objects.select_related("cohort__programme").exclude(
        start_assessment__isnull=True, end_assessment__isnull=True
    )
    for enrolment in enrolments.iterator():
        cohort = enrolment.cohort
        measured_for = f"{cohort.programme.title} · {cohort.name}"[:200]
        for pk, kind in (
            (enrolment.start_assessment_id, "cohort_start"),
            (enrolment.end_assessment_id, "cohort_end"),
        ):
            if pk is not None:
                SelfAssessment.objects.filter(pk=pk, measurement="").update(
                    measurement=kind, measured_for=measured_for
                )


def unlabel(apps, schema_editor):  # type: ignore[no-untyped-def]
    # The fields themselves go with development's migration; nothing to undo here.
    pass


class Migration(migrations.Migration):
    dependencies = [
        ("programmes", "0003_lesson_text_help"),
        ("development", "0007_self_assessment_cohort_measurement"),
    ]

    operations = [migrations.RunPython(label, unlabel)]
