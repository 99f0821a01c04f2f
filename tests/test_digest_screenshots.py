"""The demo digest in Debian's headless Chromium: nothing overflows a phone's width.

``python tests/test_digest_screenshots.py DEMO.duckdb`` writes docs/digest-desktop.png and
docs/digest-phone.png from a demo warehouse.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="needs Debian's chromium (apt-get install -y chromium)"
    ),
]
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--mute-audio"]


def measure(page: str, width: int, folder: Path) -> tuple[int, int]:
    """(scrollWidth, clientWidth) of the page laid out ``width`` pixels wide. Chromium's
    window is at least 500 px wide, so the page is laid out in an iframe of that width."""
    wrapper = (
        '<!DOCTYPE html><html><body style="margin:0">'
        f'<iframe id="f" width="{width}" height="900" style="border:0" '
        f'srcdoc="{html.escape(page, quote=True)}"></iframe><script>'
        "const f = document.getElementById('f');"
        "f.addEventListener('load', () => { const e = f.contentDocument.documentElement;"
        "document.body.setAttribute('data-widths', e.scrollWidth + 'x' + e.clientWidth); });"
        "</script></body></html>"
    )
    path = folder / f"measure-{width}.html"
    path.write_text(wrapper, encoding="utf-8")
    result = subprocess.run(
        [
            str(CHROMIUM),
            *FLAGS,
            "--window-size=800,900",
            "--virtual-time-budget=5000",
            "--dump-dom",
            path.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    found = re.search(r'data-widths="(\d+)x(\d+)"', result.stdout)
    assert found, f"chromium did not lay the page out: {result.stderr[-500:]}"
    return int(found.group(1)), int(found.group(2))


def screenshot(page: str, width: int, height: int, target: Path) -> None:
    source = target.with_suffix(".html")
    source.write_text(page, encoding="utf-8")
    try:
        subprocess.run(
            [
                str(CHROMIUM),
                *FLAGS,
                f"--window-size={width},{height}",
                f"--screenshot={target}",
                source.as_uri(),
            ],
            capture_output=True,
            timeout=120,
            check=True,
        )
    finally:
        source.unlink()


def demo_digest_html(database: Path, folder: Path) -> str:
    from digests.recipients import Recipient
    from flows.digest import run_digest
    from flows.settings import load_settings

    copy = folder / "claimwatch.duckdb"
    shutil.copyfile(database, copy)
    settings = load_settings(folder / "absent.toml", database=str(copy), outbox=str(folder))
    run = run_digest(settings, recipients=[Recipient(email="desk@example.org")], dry_run=True)
    [planned] = run.planned
    assert planned.rendered is not None
    return planned.rendered.html


@pytest.mark.parametrize("width", [320, 375, 414])
def test_nothing_overflows_a_phone(demo_warehouse: Path, tmp_path: Path, width: int) -> None:
    page = demo_digest_html(demo_warehouse, tmp_path)
    scroll_width, client_width = measure(page, width, tmp_path)
    assert client_width == width
    assert scroll_width <= client_width, f"the digest is {scroll_width}px wide on a {width}px phone"


def test_screenshots_are_taken(demo_warehouse: Path, tmp_path: Path) -> None:
    page = demo_digest_html(demo_warehouse, tmp_path)
    target = tmp_path / "phone.png"
    screenshot(page, 390, 1600, target)
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


if __name__ == "__main__":
    import tempfile

    docs = Path(__file__).resolve().parent.parent / "docs"
    with tempfile.TemporaryDirectory() as tmp:
        page = demo_digest_html(Path(sys.argv[1]), Path(tmp))
    screenshot(page, 1280, 2200, docs / "digest-desktop.png")
    screenshot(page, 390, 2600, docs / "digest-phone.png")
