"""The fork server preloads the module its parent runs with ``python -m`` (Prefect's engine
under a deployment), so that the extraction workers do not each import it again."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

PROBE = "import json, flows.monitor as m; print(json.dumps(m._preloaded()))"


def _preloaded(tmp_path: Path, *how: str) -> list[str]:
    done = subprocess.run(
        [sys.executable, *how],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(tmp_path)},
    )
    return list(json.loads(done.stdout.strip().splitlines()[-1]))


def test_a_module_run_with_dash_m_is_preloaded(tmp_path: Path) -> None:
    (tmp_path / "engine_like.py").write_text(PROBE + "\n", encoding="utf-8")
    assert _preloaded(tmp_path, "-m", "engine_like") == ["flows.worker_preload", "engine_like"]


def test_a_script_or_a_package_main_adds_nothing(tmp_path: Path) -> None:
    script = tmp_path / "script.py"
    script.write_text(PROBE + "\n", encoding="utf-8")
    assert _preloaded(tmp_path, str(script)) == ["flows.worker_preload"]
    package = tmp_path / "runner_pkg"
    package.mkdir()
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "__main__.py").write_text(PROBE + "\n", encoding="utf-8")
    assert _preloaded(tmp_path, "-m", "runner_pkg") == ["flows.worker_preload"]
