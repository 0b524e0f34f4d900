from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from netlead.workspaces.models import Layer, Organization, Person, Role, Workspace


def person_label(person: Person) -> str:
    """A person as a choice in a form: the name, and the organization where there is one."""
    return f"{person.name} ({person.organization.name})" if person.organization else person.name


class WorkspaceCreateForm(forms.ModelForm[Workspace]):
    class Meta:
        model = Workspace
        fields = ("name", "default_language")


class WorkspaceSettingsForm(forms.ModelForm[Workspace]):
    class Meta:
        model = Workspace
        fields = ("name", "default_language", "anonymity_threshold")


class OrganizationForm(forms.ModelForm[Organization]):
    class Meta:
        model = Organization
        fields = ("name", "kind")


class PersonForm(forms.ModelForm[Person]):
    class Meta:
        model = Person
        fields = ("name", "email", "organization", "job_title", "layer")

    def __init__(self, *args: Any, workspace: Workspace, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.workspace = workspace
        self.fields["organization"].queryset = workspace.organizations.order_by("name")  # type: ignore[attr-defined]


class PersonFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    organization = forms.ModelChoiceField(
        label=_("Organization"), queryset=Organization.objects.none(), required=False
    )
    layer = forms.ChoiceField(
        label=_("Layer"), choices=[("", _("All layers")), *Layer.choices], required=False
    )

    def __init__(self, *args: Any, workspace: Workspace, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = workspace.organizations.order_by("name")  # type: ignore[attr-defined]
        self.fields["organization"].empty_label = _("All organizations")  # type: ignore[attr-defined]


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices, initial=Role.MEMBER)


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
