from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from netlead.programmes.forms.files import FILE_HELP
from netlead.programmes.models import Assignment, Lesson, Module, Programme
from netlead.programmes.services.files import ACCEPT


class ProgrammeForm(forms.ModelForm):
    from_default = forms.BooleanField(
        label=_(
            "Start from netlead's masterclass curriculum (six modules, in the programme's language)"
        ),
        required=False,
        initial=True,
    )

    class Meta:
        model = Programme
        fields = ["kind", "title", "description", "language"]
        widgets = {"kind": forms.RadioSelect, "description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if editing:
            del self.fields["from_default"]
            del self.fields["kind"]


class ModuleForm(forms.ModelForm):
    class Meta:
        model = Module
        fields = ["title", "summary", "learning_goals"]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "learning_goals": forms.Textarea(attrs={"rows": 4}),
        }


class LessonForm(forms.ModelForm):
    class Meta:
        model = Lesson
        fields = ["title", "body", "links"]
        widgets = {
            "body": forms.Textarea(attrs={"rows": 10}),
            "links": forms.Textarea(attrs={"rows": 3}),
        }

    def clean_links(self) -> str:
        lines = [line.strip() for line in self.cleaned_data["links"].splitlines() if line.strip()]
        validate = forms.URLField(assume_scheme="https").clean
        for line in lines:
            validate(line.split(" ", 1)[0])
        return "\n".join(lines)


class AssignmentForm(forms.ModelForm):
    class Meta:
        model = Assignment
        fields = ["kind", "title", "instructions"]
        widgets = {"kind": forms.RadioSelect, "instructions": forms.Textarea(attrs={"rows": 6})}


class FileForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=FILE_HELP,
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
    )
