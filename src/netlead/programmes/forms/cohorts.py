from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from netlead.networks.forms import DateInput
from netlead.programmes.forms.files import FILE_HELP
from netlead.programmes.models import EnrolmentRole
from netlead.programmes.rules import PEER_GROUP_SIZES
from netlead.programmes.services.files import ACCEPT
from netlead.workspaces.forms import person_label


class CohortForm(forms.Form):
    name = forms.CharField(label=_("Name of the cohort"), max_length=200)
    starts_on = forms.DateField(label=_("Start"), widget=DateInput)
    ends_on = forms.DateField(label=_("End"), widget=DateInput)

    def clean(self):
        data = super().clean()
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", _("The end must come after the start."))
        return data


class EnrolForm(forms.Form):
    persons = forms.ModelMultipleChoiceField(
        label=_("People to enrol"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one person.")},
    )
    role = forms.ChoiceField(
        label=_("As"),
        choices=EnrolmentRole.choices,
        initial=EnrolmentRole.PARTICIPANT,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, persons, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["persons"].queryset = persons
        self.fields["persons"].label_from_instance = person_label


class PeerGroupsForm(forms.Form):
    size = forms.TypedChoiceField(
        label=_("Participants per peer group"),
        choices=[(n, n) for n in PEER_GROUP_SIZES],
        coerce=int,
        initial=2,
    )


class SubmissionForm(forms.Form):
    text = forms.CharField(
        label=_("Your work"), required=False, widget=forms.Textarea(attrs={"rows": 14})
    )
    network = forms.ModelChoiceField(
        label=_("The real network this case is about"),
        queryset=None,
        required=False,
        help_text=_(
            "A network you lead or belong to in netlead; its charter, phase and latest "
            "diagnosis can then be pulled into your analysis."
        ),
    )
    file = forms.FileField(
        label=_("Add a file"),
        required=False,
        help_text=FILE_HELP,
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
    )

    def __init__(self, *args, networks, with_network: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if with_network:
            self.fields["network"].queryset = networks
        else:
            del self.fields["network"]


class FeedbackForm(forms.Form):
    text = forms.CharField(
        label=_("Your feedback"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What is strong, what could be sharper, and one question to think about."),
        error_messages={"required": _("Write your feedback first.")},
    )
