"""Texts that once stayed English (or took the wrong sense) in Dutch and Danish pages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.utils import translation

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
