"""The labelled claim documents are well-formed: files, vocabularies, locators, values.

Every set is checked: tests/data/claims (the engine's labelled set, with the document-count
minimums of issues 3 and 6), tests/data/heldout and tests/data/blind to blind8 (written without
reading the engine; schema only, no minimums).
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest

DATA = Path(__file__).parent / "data"
ROOT = DATA / "claims"
HELDOUT_ROOT = DATA / "heldout"
BLIND_ROOT = DATA / "blind"
BLIND2_ROOT = DATA / "blind2"
BLIND3_ROOT = DATA / "blind3"
BLIND4_ROOT = DATA / "blind4"
BLIND5_ROOT = DATA / "blind5"
BLIND6_ROOT = DATA / "blind6"
BLIND7_ROOT = DATA / "blind7"
BLIND8_ROOT = DATA / "blind8"
SET_ROOTS = (
    ROOT,
    HELDOUT_ROOT,
    BLIND_ROOT,
    BLIND2_ROOT,
    BLIND3_ROOT,
    BLIND4_ROOT,
    BLIND5_ROOT,
    BLIND6_ROOT,
    BLIND7_ROOT,
    BLIND8_ROOT,
)
LABEL_FILES = sorted(ROOT.glob("*/labels.json"))
"""The labelled set's label files; the document-count minimums apply to these only."""

UNITS_FIXED = frozenset({"%", "bbl/d", "bcm", "t"})
QUALIFIERS = frozenset({"exact", "up_to", "at_least", "about", "range"})
KINDS = frozenset(
    {
        "contract_signed",
        "negotiation",
        "investment_pledge",
        "trade_growth",
        "trade_volume",
        "supply_volume",
        "other",
    }
)
ROLES = frozenset(
    {
        "president",
        "kremlin_spokesman",
        "presidential_aide",
        "kremlin_press_service",
        "russian_minister",
        "russian_official",
        "other",
    }
)
STANCES = frozenset({"confirm", "deny", "cannot_confirm", "no_comment"})
CLAIM_KEYS = frozenset(
    {
        "value",
        "unit",
        "qualifier",
        "kind",
        "kind_also",
        "claimant",
        "claimant_also",
        "attributed_to",
        "period",
        "value_high",
        "modality",
        "locator",
    }
)
MIN_DOCUMENTS = {"en": 40}
"""Issue 3 asks for 40 English documents; issue 6 for 25 in each further language."""
MIN_NEGATIVES = {"en": 12}
MIN_DOCUMENTS_OTHER, MIN_NEGATIVES_OTHER = 25, 6


def _documents(root: Path) -> list[tuple[str, dict[str, Any]]]:
    """(file relative to `root`, label) for every document of one set."""
    docs = []
    for path in sorted(root.glob("*/labels.json")):
        for doc in json.loads(path.read_text(encoding="utf-8"))["documents"]:
            docs.append((doc["file"], doc))
    return docs


SETS = {root: _documents(root) for root in SET_ROOTS}
DOCS = [(root, name, doc) for root, docs in SETS.items() for name, doc in docs]
IDS = [f"{root.name}/{name}" for root, name, _ in DOCS]


def _text(root: Path, doc: dict[str, Any]) -> str:
    return (root / doc["file"]).read_text(encoding="utf-8")


def _unit_ok(unit: str) -> bool:
    return unit in UNITS_FIXED or (len(unit) == 3 and unit.isascii() and unit.isupper())


def test_enough_documents_per_language() -> None:
    for path in LABEL_FILES:
        documents = json.loads(path.read_text(encoding="utf-8"))["documents"]
        minimum = MIN_DOCUMENTS.get(path.parent.name, MIN_DOCUMENTS_OTHER)
        assert len(documents) >= minimum, path


@pytest.mark.parametrize("root", SET_ROOTS, ids=[r.name for r in SET_ROOTS])
def test_every_labelled_file_exists_once(root: Path) -> None:
    names = [name for name, _ in SETS[root]]
    assert names and len(names) == len(set(names)), root
    for name in names:
        assert (root / name).is_file(), name


@pytest.mark.parametrize("root", SET_ROOTS, ids=[r.name for r in SET_ROOTS])
def test_every_text_file_is_labelled(root: Path) -> None:
    on_disk = {p.relative_to(root).as_posix() for p in root.glob("*/*.txt")}
    assert on_disk == {name for name, _ in SETS[root]}


@pytest.mark.parametrize(("root", "name", "doc"), DOCS, ids=IDS)
def test_claims_are_well_formed(root: Path, name: str, doc: dict[str, Any]) -> None:
    text = _text(root, doc)
    for claim in doc["claims"]:
        assert set(claim) <= CLAIM_KEYS, (name, set(claim) - CLAIM_KEYS)
        assert isinstance(claim["value"], int | float) and math.isfinite(claim["value"])
        assert _unit_ok(claim["unit"]), claim
        assert claim["qualifier"] in QUALIFIERS, claim
        assert claim["kind"] in KINDS, claim
        assert set(claim.get("kind_also", [])) <= KINDS, claim
        # null: a figure nobody asserts (the contract allows it); otherwise a name
        assert claim["claimant"] is None or claim["claimant"].strip(), claim
        assert claim["locator"] in text, claim["locator"]
        if claim["qualifier"] == "range":
            assert claim["value_high"] > claim["value"], claim
        else:
            assert "value_high" not in claim, claim


@pytest.mark.parametrize(("root", "name", "doc"), DOCS, ids=IDS)
def test_statements_are_well_formed(root: Path, name: str, doc: dict[str, Any]) -> None:
    text = _text(root, doc)
    for statement in doc["kremlin_statements"]:
        assert statement["speaker"], name
        assert statement["role"] in ROLES, statement
        assert statement["stance"] in STANCES, statement
        assert statement["locator"] in text, statement["locator"]


@pytest.mark.parametrize(("root", "name", "doc"), DOCS, ids=IDS)
def test_not_claims_occur_in_text(root: Path, name: str, doc: dict[str, Any]) -> None:
    text = _text(root, doc)
    for item in doc["not_claims"]:
        assert item["text"] in text and item["why"], (name, item)


@pytest.mark.parametrize(("root", "name", "doc"), DOCS, ids=IDS)
def test_repeated_claims_are_labelled_once(root: Path, name: str, doc: dict[str, Any]) -> None:
    keys = [
        (
            c["unit"],
            round(c["value"], 6),
            c["kind"],
            c["claimant"],
            c.get("attributed_to"),
            c["qualifier"],
        )
        for c in doc["claims"]
    ]
    assert len(keys) == len(set(keys)), name


def test_set_has_negative_documents() -> None:
    for path in LABEL_FILES:
        documents = json.loads(path.read_text(encoding="utf-8"))["documents"]
        negatives = [d for d in documents if not d["claims"] and d["not_claims"]]
        assert len(negatives) >= MIN_NEGATIVES.get(path.parent.name, MIN_NEGATIVES_OTHER), path
