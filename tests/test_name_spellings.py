"""Every person and organisation of the gazetteer has Russian and Persian spellings: a text in
those languages that names one must not fall back on whoever holds the title it gives, or on
the other country's body of the same kind (Russia's customs, not Iran's)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent.parent / "extractors" / "data"


@pytest.mark.parametrize("language", ["ru", "fa"])
def test_every_person_has_a_spelling(language: str) -> None:
    gazetteer = json.loads((DATA / "gazetteer.json").read_text(encoding="utf-8"))
    spelled = json.loads((DATA / "names" / f"{language}.json").read_text(encoding="utf-8"))
    entries = [*gazetteer["people"], *gazetteer["organisations"]]
    missing = [e["name"] for e in entries if e["name"] not in spelled["names"]]
    assert missing == []
