"""Texts that once stayed English (or took the wrong sense) in Dutch and Danish pages."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from django.utils import translation
from django.utils.formats import date_format

from netlead.programmes.forms.cohorts import SubmissionForm
from netlead.programmes.forms.curricula import FileForm

TEMPLATES = Path(__file__).resolve().parents[1] / "src" / "netlead" / "templates"
ENGLISH_HELP = "PDF, Office or OpenDocument, image or text; at most 10 MB."


@pytest.mark.parametrize("language", ["nl", "da"])
def test_file_help_text_speaks_the_pages_language(language: str) -> None:
    # The forms are imported (in English) before any page activates a language.
    with translation.override(language):
        help_text = str(FileForm().fields["file"].help_text)
    assert help_text != ENGLISH_HELP
    assert "10" in help_text
    with translation.override("en"):
        assert str(FileForm().fields["file"].help_text) == ENGLISH_HELP


def test_submission_file_help_is_the_same_lazy_text() -> None:
    field = SubmissionForm.base_fields["file"]
    with translation.override("nl"):
        assert str(field.help_text) != ENGLISH_HELP


def test_a_change_column_is_the_difference_not_the_verb() -> None:
    """A table column headed "Change" holds a difference ("Verandering", "Ændring"), never the
    button's verb ("Wijzigen", "Ændr")."""
    verb = re.compile(r'<th[^>]*class="num"[^>]*>\{% translate "Change" %\}</th>')
    offenders = [
        str(path.relative_to(TEMPLATES))
        for path in TEMPLATES.rglob("*.html")
        if verb.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


@pytest.mark.parametrize(
    ("language", "long", "short"),
    [
        ("en", "5 November 2026", "5 Nov 2026"),
        ("nl", "5 november 2026", "5 nov 2026"),
        ("da", "5. november 2026", "5. nov 2026"),
    ],
)
def test_one_date_format_per_language(language: str, long: str, short: str) -> None:
    day = date(2026, 11, 5)
    with translation.override(language):
        assert date_format(day, "DATE_FORMAT") == long
        assert date_format(day, "SHORT_DATE_FORMAT") == short
        assert date_format(day) == long  # a date shown without a format


def test_templates_name_their_date_formats() -> None:
    """A template that spells out a day-month-year format bypasses the language's format."""
    spelled = re.compile(r'\|date:"j [FMb] Y')
    offenders = [
        str(path.relative_to(TEMPLATES))
        for path in TEMPLATES.rglob("*.html")
        if spelled.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_band_legend_uses_the_languages_decimal_sign() -> None:
    from django.template.loader import get_template

    source = get_template("surveys/health_results.html").template.source
    legend = source[source.index('<ul class="legend">') : source.index("</ul>")]
    assert not re.search(r"\d\.\d", re.sub(r"\{\{.*?\}\}", "", legend))


@pytest.mark.parametrize(("language", "expected"), [("nl", "Kies een optie"), ("da", "Vælg en")])
def test_a_selects_empty_choice_speaks_the_pages_language(language: str, expected: str) -> None:
    """Django 6's empty choice ("- Select an option -") has no Dutch or Danish translation of
    its own yet: ours gives it (netlead.core.django_texts)."""
    from django.db.models.fields import BLANK_CHOICE_LABEL

    with translation.override(language):
        label = str(BLANK_CHOICE_LABEL)
    assert expected in label and "Select" not in label
