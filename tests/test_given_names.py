"""Given names match in their other romanisations, through the data classes, for anyone."""

from __future__ import annotations

import pytest

from extractors.cues import load_cues
from extractors.given_names import given_name_variants
from extractors.people import find_mentions
from extractors.sentences import segment


def _names(text: str, language: str = "en") -> list[str | None]:
    cues = load_cues(language)
    return [
        m.entity.name if m.entity else None for m in find_mentions(text, segment(text, cues), cues)
    ]


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("Aleksey Likhachev", "Alexey Likhachev"),
        ("Alexej Overchuk", "Alexei Overchuk"),
        ("Aleksey Dedov", "Alexey Dedov"),
        ("Sergej Lavrov", "Sergei Lavrov"),
        ("Yurii Ushakov", "Yuri Ushakov"),
        ("Dmitrii Peskov", "Dmitry Peskov"),
        ("Muhammad Eslami", "Mohammad Eslami"),
        ("Mohammed Javad Zarif", "Mohammad Javad Zarif"),
        ("Mohammad Jawad Zarif", "Mohammad Javad Zarif"),
        ("Hussein Amir-Abdollahian", "Hossein Amir-Abdollahian"),
        ("Aliakbar Mehrabian", "Ali Akbar Mehrabian"),
        ("Mohammad Baqer Ghalibaf", "Mohammad Bagher Ghalibaf"),
    ],
)
def test_other_romanisation_of_a_first_name_finds_the_person(written: str, name: str) -> None:
    assert _names(f"On Monday {written} spoke to reporters.")[0] == name


def test_persian_script_spelling_of_a_russian_first_name() -> None:
    assert _names("آلکسی لیخاچف گفت این سند امضا شد.", "fa")[0] == "Alexey Likhachev"


def test_a_variant_does_not_make_a_first_name_alone_a_person() -> None:
    assert _names("Aleksey arrived late.") == []


def test_multi_word_first_name_varies_word_by_word() -> None:
    variants = given_name_variants("Mohammad Javad")
    assert variants[0] == "Mohammad Javad"
    assert {"Muhammad Jawad", "Mohammed Javad"} <= set(variants)
    assert len(variants) == len(set(variants))


def test_unknown_first_name_is_its_own_only_spelling() -> None:
    assert given_name_variants("Vagit") == ("Vagit",)
