from __future__ import annotations

import re
from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

from netlead.core.scales import SCORE
from netlead.development.models import (
    CompetenceFramework,
    Contact,
    DevelopmentGoal,
    DevelopmentProfile,
    JournalEntry,
    ObserverGroup,
    PlanAction,
    SelfAssessment,
)
from netlead.development.rules import MAX_OWN_COMPETENCES, MIN_OWN_COMPETENCES
from netlead.development.services import ScoreInput
from netlead.frameworks.competences import ScalePoint
from netlead.meetings.models import Meeting
from netlead.networks.forms import DateInput
from netlead.workspaces.models import Person

SCORE_CHOICES = [(str(v), str(v)) for v in SCORE.values]


def _score_field(
    *, required: bool, label: str, scale: tuple[ScalePoint, ...] = ()
) -> forms.TypedChoiceField:
    choices = [(str(p.value), f"{p.value} · {p.label}") for p in scale] or SCORE_CHOICES
    return forms.TypedChoiceField(
        label=label,
        choices=choices,
        coerce=int,
        required=required,
        widget=forms.RadioSelect,
        error_messages={
            "invalid_choice": _("Choose a score from 1 to 5."),
            "required": _("Choose a score from 1 to 5."),
        },
    )


class FrameworkChoiceForm(forms.Form):
    framework = forms.ModelChoiceField(
        label=_("Competence framework"),
        queryset=CompetenceFramework.objects.none(),
        empty_label=None,
    )

    def __init__(self, *args: Any, frameworks: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["framework"].queryset = frameworks  # type: ignore[attr-defined]


class SelfAssessmentForm(forms.Form):
    """A score (1-5) and the two reflection answers for each competence."""

    def __init__(
        self, *args: Any, rows: list[Any], scale: tuple[ScalePoint, ...], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.rows = rows
        self.scale = scale
        for row in rows:
            cid = row.competence_id
            self.fields[f"score_{cid}"] = _score_field(
                required=False, label=row.competence.name, scale=scale
            )
            self.fields[f"score_{cid}"].initial = row.score
            questions = row.competence.questions
            for i in (1, 2):
                label = questions[i - 1].text if len(questions) >= i else _("Reflection")
                field = forms.CharField(
                    label=label,
                    required=False,
                    max_length=5000,
                    widget=forms.Textarea(attrs={"rows": 3}),
                )
                field.initial = getattr(row, f"reflection_{i}")
                self.fields[f"r{i}_{cid}"] = field

    def answers(self) -> dict[int, ScoreInput]:
        data = self.cleaned_data
        return {
            row.competence_id: ScoreInput(
                score=data.get(f"score_{row.competence_id}") or None,
                reflection_1=data.get(f"r1_{row.competence_id}", ""),
                reflection_2=data.get(f"r2_{row.competence_id}", ""),
            )
            for row in self.rows
        }

    def blocks(self) -> list[dict[str, Any]]:
        """The fields grouped per competence, for the template."""
        return [
            {
                "row": row,
                "score": self[f"score_{row.competence_id}"],
                "r1": self[f"r1_{row.competence_id}"],
                "r2": self[f"r2_{row.competence_id}"],
            }
            for row in self.rows
        ]


class FeedbackRequestForm(forms.Form):
    assessment = forms.ModelChoiceField(
        label=_("Self-assessment to compare with"),
        queryset=SelfAssessment.objects.none(),
        empty_label=None,
    )
    title = forms.CharField(label=_("Title"), max_length=200)
    message = forms.CharField(
        label=_("Personal message to your observers"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    closes_on = forms.DateField(label=_("Answers until"), widget=DateInput())

    def __init__(self, *args: Any, owner: Person, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["assessment"]
        field.queryset = owner.self_assessments.select_related("framework")  # type: ignore[attr-defined]
        field.label_from_instance = lambda a: (  # type: ignore[attr-defined]
            f"{a.framework.title_text} · {a.started_at:%Y-%m-%d}"
        )


class ObserverInviteForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    email = forms.EmailField(label=_("E-mail address"))
    group = forms.ChoiceField(label=_("Group"), choices=ObserverGroup.choices)
    language = forms.ChoiceField(label=_("Language of the e-mail"), choices=settings.LANGUAGES)


#: One observer per line: "Name <e-mail address>".
_OBSERVER_LINE = re.compile(r"^\s*(?P<name>[^<>]+?)\s*<\s*(?P<email>[^<>\s]+)\s*>\s*$")
MAX_OBSERVERS_AT_ONCE = 50


class ObserverListForm(forms.Form):
    """Several observers at once, one "Name <e-mail address>" per line, all in one group. Any
    bad line stops the whole list, with a message per line, so nobody is half invited."""

    observers = forms.CharField(
        label=_("Observers, one per line"),
        help_text=_("Write each as: Name <name@example.org>"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=20000,
    )
    group = forms.ChoiceField(label=_("Group"), choices=ObserverGroup.choices)
    language = forms.ChoiceField(label=_("Language of the e-mail"), choices=settings.LANGUAGES)

    def clean_observers(self) -> list[tuple[str, str]]:
        found: list[tuple[str, str]] = []
        problems: list[ValidationError] = []
        seen: dict[str, int] = {}
        lines = self.cleaned_data["observers"].splitlines()
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            match = _OBSERVER_LINE.match(line)
            if match is None:
                problems.append(
                    ValidationError(
                        _('Line %(line)s: write it as "Name <e-mail address>".'),
                        params={"line": number},
                    )
                )
                continue
            name, email = match["name"].strip(), match["email"]
            try:
                validate_email(email)
            except ValidationError:
                problems.append(
                    ValidationError(
                        _("Line %(line)s: %(email)s is not a valid e-mail address."),
                        params={"line": number, "email": email},
                    )
                )
                continue
            if email.lower() in seen:
                problems.append(
                    ValidationError(
                        _("Line %(line)s: %(email)s is on line %(first)s already."),
                        params={"line": number, "email": email, "first": seen[email.lower()]},
                    )
                )
                continue
            seen[email.lower()] = number
            found.append((name, email))
        if problems:
            raise ValidationError(problems)
        if not found:
            raise ValidationError(_("Write at least one observer."))
        if len(found) > MAX_OBSERVERS_AT_ONCE:
            raise ValidationError(
                _("At most %(max)s observers at once."), params={"max": MAX_OBSERVERS_AT_ONCE}
            )
        return found


class ObserverAnswerForm(forms.Form):
    """The observer's scores (all required), two open questions and consent."""

    strengths = forms.CharField(
        label=_("What does this person do especially well as a network leader?"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    development = forms.CharField(
        label=_("What could this person do more of, or differently?"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    consent = forms.BooleanField(
        label=_("I have read how my answers are used and I agree to take part."),
        error_messages={"required": _("Please confirm that you agree before you send.")},
    )

    def __init__(
        self,
        *args: Any,
        competences: list[Any],
        is_manager: bool,
        scale: tuple[ScalePoint, ...],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.competences = competences
        for competence in competences:
            self.fields[f"score_{competence.key}"] = _score_field(
                required=True, label=competence.name, scale=scale
            )
        if is_manager:
            self.fields["shown_alone"] = forms.BooleanField(
                label=_(
                    "I agree that my scores are shown to this person on their own, as the "
                    "manager's view."
                ),
                required=False,
                help_text=_(
                    "If you leave this unticked, your scores only count within all observers."
                ),
            )

    def scores(self) -> dict[str, int]:
        return {c.key: self.cleaned_data[f"score_{c.key}"] for c in self.competences}

    def blocks(self) -> list[dict[str, Any]]:
        """Per competence its score field (the page writes its radios with `score_radios`)."""
        return [{"competence": c, "score": self[f"score_{c.key}"]} for c in self.competences]


class GoalForm(forms.ModelForm[DevelopmentGoal]):
    class Meta:
        model = DevelopmentGoal
        fields = ("title", "competence", "why", "support_needed", "review_on", "status")
        widgets = {
            "review_on": DateInput(),
            "why": forms.Textarea(attrs={"rows": 3}),
            "support_needed": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args: Any, competences: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["competence"]
        field.queryset = competences  # type: ignore[attr-defined]
        field.label_from_instance = lambda c: c.name  # type: ignore[attr-defined]


class ActionForm(forms.ModelForm[PlanAction]):
    class Meta:
        model = PlanAction
        fields = ("title", "due_on", "contacts")
        widgets = {"due_on": DateInput(), "contacts": forms.CheckboxSelectMultiple}

    def __init__(self, *args: Any, owner: Person, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["contacts"].queryset = owner.contacts.all()  # type: ignore[attr-defined]
        self.fields["contacts"].help_text = _("People from your personal network to meet.")


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("Progress note"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )


class JournalForm(forms.ModelForm[JournalEntry]):
    class Meta:
        model = JournalEntry
        fields = ("written_on", "title", "text", "meeting", "competence", "action", "in_report")
        widgets = {"written_on": DateInput(), "text": forms.Textarea(attrs={"rows": 8})}

    def __init__(self, *args: Any, owner: Person, competences: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = (  # type: ignore[attr-defined]
            Meeting.objects.filter(
                network__members__person=owner, network__members__left_on__isnull=True
            )
            .select_related("network")
            .order_by("-starts_at")
            .distinct()
        )
        self.fields["meeting"].label_from_instance = (  # type: ignore[attr-defined]
            lambda m: f"{m.network.name}: {m.title} ({m.starts_at:%Y-%m-%d})"
        )
        self.fields["competence"].queryset = competences  # type: ignore[attr-defined]
        self.fields["competence"].label_from_instance = lambda c: c.name  # type: ignore[attr-defined]
        self.fields["action"].queryset = PlanAction.objects.filter(goal__owner=owner)  # type: ignore[attr-defined]


class ContactForm(forms.ModelForm[Contact]):
    class Meta:
        model = Contact
        fields = (
            "name",
            "organization",
            "internal",
            "kind",
            "level",
            "function_area",
            "strength",
            "last_contact",
            "frequency",
            "note",
        )
        widgets = {
            "last_contact": DateInput(),
            "note": forms.Textarea(attrs={"rows": 2}),
            "strength": forms.NumberInput(attrs={"min": 1, "max": 5}),
        }
        error_messages = {
            "name": {"required": _("Give the contact a name or an alias.")},
            "strength": {
                "min_value": _("Choose a strength from 1 to 5."),
                "max_value": _("Choose a strength from 1 to 5."),
            },
        }

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        if not name:
            raise forms.ValidationError(_("Give the contact a name or an alias."))
        return name


class AuditForm(forms.Form):
    """Importance and current quality (1-5) of each of the three networks."""

    def __init__(self, *args: Any, kinds: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.kinds = kinds
        for kind in kinds:
            self.fields[f"importance_{kind.key}"] = _score_field(
                required=True, label=_("Importance for my goals")
            )
            self.fields[f"quality_{kind.key}"] = _score_field(required=True, label=_("Quality now"))

    def ratings(self) -> dict[str, tuple[int, int]]:
        data = self.cleaned_data
        return {k.key: (data[f"importance_{k.key}"], data[f"quality_{k.key}"]) for k in self.kinds}

    def blocks(self) -> list[dict[str, Any]]:
        return [
            {
                "kind": k,
                "importance": self[f"importance_{k.key}"],
                "quality": self[f"quality_{k.key}"],
            }
            for k in self.kinds
        ]


class ProfileForm(forms.ModelForm[DevelopmentProfile]):
    class Meta:
        model = DevelopmentProfile
        fields = ("report_shared", "stale_after_days")


class FrameworkForm(forms.Form):
    title = forms.CharField(label=_("Name of the framework"), max_length=200)
    intro = forms.CharField(
        label=_("Introduction"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    language = forms.ChoiceField(label=_("Written in"), choices=settings.LANGUAGES)


class OwnCompetenceForm(forms.Form):
    name = forms.CharField(label=_("Competence"), max_length=200)
    description = forms.CharField(
        label=_("Description"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )
    question_1 = forms.CharField(label=_("First reflection question"), max_length=500)
    question_2 = forms.CharField(label=_("Second reflection question"), max_length=500)


OwnCompetenceFormSet = forms.formset_factory(
    OwnCompetenceForm,
    extra=7,
    min_num=MIN_OWN_COMPETENCES,
    max_num=MAX_OWN_COMPETENCES,
    validate_min=True,
    validate_max=True,
    absolute_max=MAX_OWN_COMPETENCES,
)
