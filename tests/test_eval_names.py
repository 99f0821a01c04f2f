"""The eval's name matching: fair for names left in Cyrillic or Persian script, and no more
lenient for wrong names than for English ones."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ZWNJ = "\u200c"


def _scorer() -> ModuleType:
    path = Path(__file__).resolve().parents[1] / "benchmarks" / "eval_extraction.py"
    spec = importlib.util.spec_from_file_location("eval_extraction", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


EVAL = _scorer()


@pytest.mark.parametrize(
    ("pred", "gold"),
    [
        ("Putin", "Vladimir Putin"),
        ("officials", "oil officials"),
        ("Peskov's", "Dmitry Peskov"),
        (f"رسانه{ZWNJ}های ایران", "رسانه~های ایران"),  # a non-joiner, a tilde: one separator
        ("یک مقام ايراني", "یک مقام ایرانی"),  # Arabic and Persian yeh
        ("یک مقام", "یک مقام وزارت نفت"),
        ("иранский депутат", "депутат"),
        ("Пурэбрахими", "Мохаммад Реза Пурэбрахими"),
        ("ИРАНСКИЙ ДЕПУТАТ", "иранский депутат"),
    ],
)
def test_same_person(pred: str, gold: str) -> None:
    assert EVAL._same_person(pred, [gold])


@pytest.mark.parametrize(
    ("pred", "gold"),
    [
        ("Lavrov", "Vladimir Putin"),
        (f"رسانه{ZWNJ}های ایران", "وزارت نفت ایران"),  # Iran's media, not Iran's oil ministry
        ("یک مقام ایرانی", "یک مقام روسی"),
        ("российский депутат", "иранский депутат"),
        ("Пурэбрахими", "Mohammad Reza Pourebrahimi"),  # no transliteration is guessed
        ("", "Vladimir Putin"),
        (None, "Vladimir Putin"),
    ],
)
def test_not_same_person(pred: str | None, gold: str) -> None:
    assert not EVAL._same_person(pred, [gold])


@pytest.mark.parametrize(
    ("gold", "pred", "same"),
    [
        ("a Rosneft spokesman", "Rosneft", True),
        ("a spokesman for Lukoil", "Lukoil", True),
        ("a Gazprom spokesman", "Rosneft", False),
        ("Dmitry Peskov", "Peskov", True),
        ("a spokesman", "Rosneft", False),
    ],
)
def test_a_company_spokesman_is_the_company(gold: str, pred: str, same: bool) -> None:
    golds = {"speaker": gold, "role": "other", "stance": "no_comment"}
    preds = {"speaker": pred, "role": "other", "stance": "no_comment"}
    assert EVAL._same_statement(preds, golds) is same
