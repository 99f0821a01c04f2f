"""Every language's cue file names the same context lists: the engine asks for each list by
name in every language, and a list one file lacks made every text of that language fail."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from extractors.cues import available_languages


def _context_lists(language: str) -> set[str]:
    path = resources.files("extractors") / "data" / "cues" / f"{language}.json"
    context = json.loads(path.read_text(encoding="utf-8"))["context"]
    return {key for key in context if not key.startswith("_")}


def test_there_are_several_languages():
    assert {"en", "ru", "fa"} <= set(available_languages())


@pytest.mark.parametrize("language", available_languages())
def test_every_cue_file_has_every_context_list(language: str):
    everywhere = set().union(*(_context_lists(lang) for lang in available_languages()))
    assert sorted(everywhere - _context_lists(language)) == []
