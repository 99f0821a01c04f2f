"""Spellings of a given name in other romanisations ("Alexei" ~ "Aleksey"), from data.

The classes live in ``data/given_names.json``; a first name of several words is varied
word by word, so "Mohammad Javad" also gives "Mohammed Jawad".
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from itertools import product

MAX_VARIANTS = 64
"""Cap on the spellings one first name expands to (a long name of common words)."""


@cache
def _classes() -> dict[str, tuple[str, ...]]:
    """Each spelling of a class mapped to the whole class (its own spelling first)."""
    path = resources.files("extractors") / "data" / "given_names.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    table: dict[str, tuple[str, ...]] = {}
    for members in data["classes"]:
        for spelling in members:
            table[spelling] = (spelling, *(m for m in members if m != spelling))
    return table


def given_name_variants(first: str) -> tuple[str, ...]:
    """``first`` and its other spellings, ``first`` itself first and no spelling twice."""
    table = _classes()
    out: dict[str, None] = dict.fromkeys(table.get(first, (first,)))
    words = first.split()
    if len(words) > 1:
        for combo in product(*(table.get(w, (w,)) for w in words)):
            out.setdefault(" ".join(combo))
            if len(out) >= MAX_VARIANTS:
                break
    return tuple(out)
