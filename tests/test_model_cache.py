"""The language identifier's on-disk cache: used when sound, rebuilt when not, never fatal."""

from __future__ import annotations

from pathlib import Path

import pytest
from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

from extractors.model_cache import CACHE_ENV, PREFIX, cache_path, cached_identifier

MODEL = MODEL_DIR / MODEL_FILE
SAMPLES = [
    "Tehran and Moscow signed an agreement on gas deliveries through the Caspian region.",
    "Москва и Тегеран подписали соглашение о поставках газа через Каспийский регион.",
    "تهران و مسکو توافق‌نامه‌ای برای تحویل گاز از منطقه خزر امضا کردند.",
]


class Builds:
    """py3langid's own loader, counting how often the cache had to fall back to it."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self) -> LanguageIdentifier:
        self.count += 1
        return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "cache"
    monkeypatch.setenv(CACHE_ENV, str(directory))
    return directory


def test_the_second_process_reads_what_the_first_built(cache_dir: Path) -> None:
    builds = Builds()
    first = cached_identifier(MODEL, "norm_probs", builds)
    second = cached_identifier(MODEL, "norm_probs", builds)
    assert builds.count == 1
    assert [p.name for p in cache_dir.iterdir()] == [cache_path(MODEL, "norm_probs").name]
    assert [second.classify(s) for s in SAMPLES] == [first.classify(s) for s in SAMPLES]
    assert [second.classify(s)[0] for s in SAMPLES] == ["en", "ru", "fa"]


def test_a_torn_cache_file_is_rebuilt(cache_dir: Path) -> None:
    path = cache_path(MODEL, "norm_probs")
    cache_dir.mkdir()
    path.write_bytes(b"\x80\x05 not a whole pickle")
    builds = Builds()
    identifier = cached_identifier(MODEL, "norm_probs", builds)
    assert builds.count == 1
    assert identifier.classify(SAMPLES[0])[0] == "en"
    assert cached_identifier(MODEL, "norm_probs", builds).classify(SAMPLES[1])[0] == "ru"
    assert builds.count == 1  # the rebuilt file replaced the torn one


def test_a_pickle_of_something_else_is_not_trusted(cache_dir: Path) -> None:
    cache_dir.mkdir()
    cache_path(MODEL, "norm_probs").write_bytes(b"\x80\x04K\x2a.")  # pickle of the int 42
    builds = Builds()
    assert cached_identifier(MODEL, "norm_probs", builds).classify(SAMPLES[2])[0] == "fa"
    assert builds.count == 1


def test_an_unwritable_cache_only_costs_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("a file where the cache directory should be", encoding="utf-8")
    monkeypatch.setenv(CACHE_ENV, str(blocker / "cache"))
    builds = Builds()
    assert cached_identifier(MODEL, "norm_probs", builds).classify(SAMPLES[0])[0] == "en"
    assert cached_identifier(MODEL, "norm_probs", builds).classify(SAMPLES[0])[0] == "en"
    assert builds.count == 2


def test_caches_of_other_model_versions_are_dropped(cache_dir: Path) -> None:
    cache_dir.mkdir()
    stale = cache_dir / f"{PREFIX}0123456789abcdef.pickle"
    stale.write_bytes(b"an older model's pickle")
    unrelated = cache_dir / "something-else.txt"
    unrelated.write_text("kept", encoding="utf-8")
    cached_identifier(MODEL, "norm_probs", Builds())
    assert not stale.exists()
    assert unrelated.exists()
    assert not [p for p in cache_dir.iterdir() if p.name.startswith(".tmp-")]


def test_the_key_follows_the_options_and_the_models_content(
    tmp_path: Path, cache_dir: Path
) -> None:
    assert cache_path(MODEL, "norm_probs") != cache_path(MODEL, "raw_scores")
    copy = tmp_path / "model.npz.xz"
    copy.write_bytes(MODEL.read_bytes())
    assert cache_path(copy, "norm_probs") == cache_path(MODEL, "norm_probs")  # another venv
    copy.write_bytes(MODEL.read_bytes()[:-1] + b"\x00")
    assert cache_path(copy, "norm_probs") != cache_path(MODEL, "norm_probs")
    assert cache_path(MODEL, "norm_probs").parent == cache_dir


def test_without_a_home_the_model_is_built(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(CACHE_ENV, raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.delenv("HOME", raising=False)
    monkeypatch.setattr("pwd.getpwuid", lambda uid: (_ for _ in ()).throw(KeyError(uid)))
    builds = Builds()
    assert cached_identifier(MODEL, "norm_probs", builds).classify(SAMPLES[0])[0] == "en"
    assert builds.count == 1
