"""Gazetteer matching and coreference of pronouns and role phrases."""

from __future__ import annotations

import pytest

from extractors.cues import load_cues
from extractors.exceptions import GazetteerError
from extractors.people import _spellings, find_mentions, load_gazetteer
from extractors.sentences import segment

CUES = load_cues("en")


def _resolved(text: str) -> list[tuple[str, str | None]]:
    mentions = find_mentions(text, segment(text, CUES), CUES)
    return [(m.text, m.entity.name if m.entity else None) for m in mentions]


@pytest.mark.parametrize(
    ("spelling", "name"),
    [
        ("Dmitry Peskov", "Dmitry Peskov"),
        ("Dimitry Peskov", "Dmitry Peskov"),
        ("Dmitri Peskow", "Dmitry Peskov"),
        ("Velayeti", "Ali Akbar Velayati"),
        ("Ali-Akbar Velayati", "Ali Akbar Velayati"),
        ("Yury Ushakov", "Yuri Ushakov"),
        ("NIOC", "National Iranian Oil Company"),
        ("Gazprom Neft", "Gazprom Neft"),
        ("Песков", "Dmitry Peskov"),
        ("ولایتی", "Ali Akbar Velayati"),
        # Rosatom's head until 2016, who signed the Bushehr units of 2014
        ("Sergey Kirienko", "Sergei Kiriyenko"),
        ("Кириенко", "Sergei Kiriyenko"),
        ("کریینکو", "Sergei Kiriyenko"),
    ],
)
def test_spelling_variants(spelling: str, name: str) -> None:
    assert _resolved(f"Yesterday {spelling} spoke.")[0] == (spelling, name)


def test_common_surname_needs_first_name() -> None:
    assert _resolved("Miller arrived.") == []
    assert _resolved("Alexey Miller arrived.")[0][1] == "Alexey Miller"


def test_pronoun_resolves_to_last_salient_person_of_its_gender() -> None:
    text = "Maria Zakharova met Sergei Lavrov. Lavrov said the talks were useful. She disagreed."
    assert ("She", "Maria Zakharova") in _resolved(text)


def test_role_phrase_resolves_by_descriptor_and_country() -> None:
    text = "Velayati and Peskov spoke on Monday. The Kremlin spokesman said nothing new."
    assert ("The Kremlin spokesman", "Dmitry Peskov") in _resolved(text)


def test_apposition_links_role_to_name() -> None:
    text = "Dimitry Peskov, the spokesperson for the Kremlin, spoke."
    assert ("the spokesperson for the Kremlin", "Dmitry Peskov") in _resolved(text)


def test_group_phrase_is_kept_as_a_group() -> None:
    text = "Khamenei's entourage praised the trip."
    assert _resolved(text)[0] == ("Khamenei's entourage", None)


def test_unknown_name_before_role() -> None:
    text = "Hamid Karimi, the head of an oil union, spoke."
    assert ("Hamid Karimi", "Hamid Karimi") in _resolved(text)


def test_gazetteer_roles_use_the_design_vocabulary() -> None:
    roles = {p.role for p in load_gazetteer().people}
    assert roles <= {
        "president",
        "kremlin_spokesman",
        "presidential_aide",
        "kremlin_press_service",
        "russian_minister",
        "russian_official",
        "other",
    }


def test_possessive_role_phrase_is_not_its_owner() -> None:
    text = "Ali Akbar Velayati flew home. Khamenei's envoy said the talks went well."
    assert ("Khamenei's envoy", "Ali Akbar Velayati") in _resolved(text.replace("’", "'"))


def test_a_language_file_naming_nobody_in_the_gazetteer_is_an_error() -> None:
    gazetteer = {"people": [{"name": "Dmitry Peskov"}], "organisations": []}
    stray = {"language": "xx", "names": {"Dmitri Peskow": {"aliases": ["Peskow"]}}}
    with pytest.raises(GazetteerError, match=r"names/xx\.json: 'Dmitri Peskow'"):
        _spellings(gazetteer, [stray])
