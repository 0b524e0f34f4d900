"""The shared rules, each written once in netlead.core: tokens, scales and k, the language."""

from __future__ import annotations

import pytest
from django.test import override_settings
from django.utils import translation

from netlead.core import scales, tokens
from netlead.core.language import active_language


def test_only_the_hash_of_a_token_is_kept_and_it_matches_in_constant_time() -> None:
    token = tokens.new_token()
    stored = tokens.hash_token(token)
    assert token not in stored and len(stored) == 64
    assert tokens.token_matches(token, stored)
    assert not tokens.token_matches(token + "x", stored)
    assert tokens.new_token() != token


def test_derived_links_differ_by_purpose_and_by_secret() -> None:
    salt = tokens.new_salt()
    survey = tokens.token_for(salt, "netlead.surveys.invitation")
    assert survey == tokens.token_for(salt, "netlead.surveys.invitation")  # a reminder repeats it
    assert survey != tokens.token_for(salt, "netlead.development.observer")
    with override_settings(SECRET_KEY="another-secret-key-for-this-test-only-0123456789"):
        assert survey != tokens.token_for(salt, "netlead.surveys.invitation")


def test_a_response_key_cannot_be_matched_to_its_invitation() -> None:
    token = tokens.new_token()
    key = tokens.response_key(token, "health-response")
    assert key not in (tokens.hash_token(token), tokens.response_key(token, "observer-response"))


@pytest.mark.parametrize("value", [1, 2, 3, 4, 5])
def test_whole_numbers_one_to_five_are_scores(value: int) -> None:
    assert value in scales.SCORE
    assert scales.SCORE.check(value) == value


@pytest.mark.parametrize("value", [0, 6, -1, True, False, 2.0, "3", None])
def test_anything_else_is_not_a_score(value: object) -> None:
    assert value not in scales.SCORE
    with pytest.raises(ValueError, match=r"1\.\.5"):
        scales.SCORE.check(value)


def test_ties_are_rated_one_to_four() -> None:
    assert list(scales.TIE.values) == [1, 2, 3, 4]
    assert 5 not in scales.TIE and True not in scales.TIE


def test_k_is_met_from_k_people_on() -> None:
    assert scales.K_MIN <= scales.K_DEFAULT <= scales.K_MAX
    assert not scales.meets_k(2, 3)
    assert scales.meets_k(3, 3)


@pytest.mark.parametrize(("active", "expected"), [("nl-be", "nl"), ("da", "da"), ("en-gb", "en")])
def test_the_active_language_has_no_region(active: str, expected: str) -> None:
    with translation.override(active):
        assert active_language() == expected
