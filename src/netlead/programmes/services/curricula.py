"""Programmes and their curricula: creating a programme (from netlead's default masterclass
curriculum or from scratch), and editing its modules, lessons, assignments and lesson files."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max, QuerySet
from django.utils.translation import gettext as _

from netlead.accounts.models import User
from netlead.frameworks.curriculum import default_curriculum
from netlead.programmes.models import (
    Assignment,
    Attachment,
    Lesson,
    Module,
    Programme,
    ProgrammeKind,
)
from netlead.programmes.services.files import check_upload
from netlead.workspaces.models import Workspace


@transaction.atomic
def programme_create(
    *, workspace: Workspace, creator: User, programme: Programme, from_default: bool
) -> Programme:
    """Save a new programme; a masterclass `from_default` gets netlead's default curriculum,
    copied in the programme's language so the facilitators can adapt it."""
    programme.workspace = workspace
    programme.created_by = creator
    if from_default and programme.kind != ProgrammeKind.MASTERCLASS:
        raise ValidationError(_("Only a masterclass has a curriculum to start from."))
    programme.full_clean()
    programme.save()
    if from_default:
        _copy_default_curriculum(programme)
    return programme


def _copy_default_curriculum(programme: Programme) -> None:
    curriculum = default_curriculum(programme.language)
    programme.source = curriculum.key
    if not programme.description:
        programme.description = curriculum.intro
    programme.save(update_fields=["source", "description"])
    for source in curriculum.modules:
        module = Module.objects.create(
            programme=programme,
            number=source.number,
            title=source.title,
            summary=source.summary,
            learning_goals="\n".join(source.learning_goals),
        )
        Lesson.objects.bulk_create(
            Lesson(module=module, number=i, title=lesson.title, body=lesson.body)
            for i, lesson in enumerate(source.lessons, start=1)
        )
        Assignment.objects.bulk_create(
            Assignment(
                module=module,
                number=i,
                kind=assignment.kind,
                title=assignment.title,
                instructions=assignment.instructions,
            )
            for i, assignment in enumerate(source.assignments, start=1)
        )


def programme_update(*, programme: Programme) -> Programme:
    programme.full_clean()
    programme.save()
    return programme


def _save_in_order[ItemT: (Module, Lesson, Assignment)](
    item: ItemT, *, parent: Programme | Module, siblings: QuerySet[ItemT]
) -> ItemT:
    """Save a module, lesson or assignment; a new one goes last. Its parent field is named
    after the parent's model (programme or module)."""
    field = type(parent).__name__.lower()
    if item.pk is None:
        setattr(item, field, parent)
        top = siblings.select_for_update().aggregate(top=Max("number"))["top"]
        item.number = int(top or 0) + 1
    elif getattr(item, f"{field}_id") != parent.pk:
        raise ValidationError(_("This part belongs to another programme or module."))
    item.full_clean()
    item.save()
    return item


@transaction.atomic
def module_save(*, programme: Programme, module: Module) -> Module:
    if programme.is_mentoring:
        raise ValidationError(_("A mentoring programme has pairs, not modules."))
    return _save_in_order(module, parent=programme, siblings=programme.modules.all())


@transaction.atomic
def lesson_save(*, module: Module, lesson: Lesson) -> Lesson:
    return _save_in_order(lesson, parent=module, siblings=module.lessons.all())


@transaction.atomic
def assignment_save(*, module: Module, assignment: Assignment) -> Assignment:
    if (
        assignment.pk is not None
        and assignment.submissions.exists()
        and Assignment.objects.get(pk=assignment.pk).kind != assignment.kind
    ):
        raise ValidationError(
            {"kind": _("Participants have handed in work on this assignment: its kind stays.")}
        )
    return _save_in_order(assignment, parent=module, siblings=module.assignments.all())


def assignment_delete(*, assignment: Assignment) -> None:
    """Delete an assignment nobody has worked on yet (work handed in is never thrown away)."""
    if assignment.submissions.exists():
        raise ValidationError(
            _("Participants have worked on this assignment, so it cannot be deleted.")
        )
    assignment.delete()


def lesson_delete(*, lesson: Lesson) -> None:
    lesson.delete()


def lesson_file_add(*, lesson: Lesson, upload: UploadedFile[bytes], user: User) -> Attachment:
    checked = check_upload(upload)
    attachment = Attachment(
        lesson=lesson,
        name=checked.name,
        content_type=checked.content_type,
        size=len(checked.data),
        data=checked.data,
        uploaded_by=user,
    )
    attachment.full_clean(exclude=["data"])
    attachment.save()
    return attachment


def attachment_delete(*, attachment: Attachment) -> None:
    attachment.delete()
