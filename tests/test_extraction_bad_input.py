"""Bad input: garbage raises a clear error, everything else finishes in bounded time."""

from __future__ import annotations

import os
import time

import pytest

from extractors.claims import extract_claims
from extractors.document import extract_document
from extractors.exceptions import UnreadableInput

PARAGRAPH = (
    "Ali Akbar Velayati said Russia would invest $50 billion in Iran's oil and gas fields. "
    "Trade between Iran and Russia grew 36 percent, he added. Peskov could not confirm it.\n"
)


def test_binary_garbage_raises() -> None:
    with pytest.raises(UnreadableInput, match="binary"):
        extract_document(os.urandom(4096))


def test_five_megabytes_in_bounded_time() -> None:
    text = PARAGRAPH * (5_000_000 // len(PARAGRAPH))
    started = time.perf_counter()
    result = extract_claims(text)
    assert time.perf_counter() - started < 30
    assert result.claims


def test_no_punctuation_single_sentence() -> None:
    text = ("russia iran oil deal worth 4 billion dollars signed " * 4000)[:200_000]
    started = time.perf_counter()
    extract_claims(text)
    assert time.perf_counter() - started < 10


def test_thousands_of_figures_in_one_paragraph() -> None:
    text = "Iran and Russia oil trade: " + ", ".join(f"${i}.5 billion" for i in range(5000))
    started = time.perf_counter()
    result = extract_claims(text)
    assert time.perf_counter() - started < 10
    assert len(result.claims) + len(result.other_figures) >= 1


@pytest.mark.parametrize(
    "text", ["$", "$$$ billion", "1" * 10_000, "“" * 500, "\n" * 1000, "-" * 5000]
)
def test_odd_inputs_do_not_crash(text: str) -> None:
    extract_claims(text)
