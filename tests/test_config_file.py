"""flows.settings.read_toml: one parse per content, a fresh value per caller, clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from flows.exceptions import ConfigError
from flows.settings import read_toml


def test_an_edited_file_is_read_again(tmp_path: Path) -> None:
    path = tmp_path / "claimwatch.toml"
    path.write_text("[settings]\nbatch_size = 50\n", encoding="utf-8")
    assert read_toml(path)["settings"]["batch_size"] == 50
    path.write_text("[settings]\nbatch_size = 70\n", encoding="utf-8")  # same length
    assert read_toml(path)["settings"]["batch_size"] == 70


def test_each_caller_gets_its_own_value(tmp_path: Path) -> None:
    path = tmp_path / "claimwatch.toml"
    path.write_text('[settings]\ncontact = "ops@example.org"\n', encoding="utf-8")
    first = read_toml(path)
    first["settings"]["contact"] = "changed by a caller"
    assert read_toml(path)["settings"]["contact"] == "ops@example.org"


@pytest.mark.parametrize(
    "content", [b"[settings\nbatch_size = 5\n", b'[settings]\ncontact = "\xff"\n']
)
def test_a_broken_file_is_a_config_error_naming_it(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "claimwatch.toml"
    path.write_bytes(content)
    with pytest.raises(ConfigError, match=r"claimwatch\.toml: not valid TOML"):
        read_toml(path)


def test_a_missing_file_says_how_to_point_at_one(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="CLAIMWATCH_CONFIG"):
        read_toml(tmp_path / "nowhere.toml")
