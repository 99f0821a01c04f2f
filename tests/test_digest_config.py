"""Where the SMTP password may come from: the environment or a Secret block, never the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from digests.deliver import SmtpTransport
from flows.digest import make_transport, smtp_password
from flows.exceptions import ConfigError
from flows.settings import load_settings


def write(tmp_path: Path, smtp: str) -> Path:
    config = tmp_path / "claimwatch.toml"
    config.write_text(f'[smtp]\nhost = "127.0.0.1"\nusername = "cw"\n{smtp}', encoding="utf-8")
    return config


def test_the_password_comes_from_the_environment_and_before_a_secret_block(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLAIMWATCH_SMTP_PASSWORD", "from-the-env")
    settings = load_settings(write(tmp_path, 'password_secret = "never-read"\n'))
    assert smtp_password(settings) == "from-the-env"
    transport = make_transport(settings)
    assert isinstance(transport, SmtpTransport)
    assert transport.config.password == "from-the-env"
    assert "from-the-env" not in repr(settings) and "from-the-env" not in repr(transport.config)


def test_a_password_in_the_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="does not belong in a file"):
        load_settings(write(tmp_path, 'password = "plain-text"\n'))


def test_no_password_and_no_block_means_no_login_secret(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CLAIMWATCH_SMTP_PASSWORD", raising=False)
    assert smtp_password(load_settings(write(tmp_path, ""))) is None
