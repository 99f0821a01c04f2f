"""The fork server preloads the parent's main module (Prefect's engine under a deployment,
run with ``python -m``; the ``claimwatch`` script from the command line), so that the
extraction workers do not each run it again."""

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


def test_a_package_main_adds_nothing(tmp_path: Path) -> None:
    package = tmp_path / "runner_pkg"
    package.mkdir()
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "__main__.py").write_text(PROBE + "\n", encoding="utf-8")
    assert _preloaded(tmp_path, "-m", "runner_pkg") == ["flows.worker_preload"]


RUNS_ONCE = """
import os, sys, time
with open(sys.argv[1], "a", encoding="utf-8") as runs:
    runs.write(f"{__name__} {os.getpid()}\\n")

def busy_pid():
    time.sleep(0.3)  # keeps its worker busy, so that the jobs go to both
    return os.getpid()

if __name__ == "__main__":
    from flows.monitor import _executor
    from flows.settings import Settings
    pool = _executor(Settings(extract_workers=2))
    jobs = [pool.submit(busy_pid) for _ in range(4)]
    workers = {job.result() for job in jobs}
    pool.shutdown()
    print(len(workers))
"""


def test_a_script_runs_once_in_the_fork_server_and_never_in_a_worker(tmp_path: Path) -> None:
    script = tmp_path / "script.py"
    script.write_text(RUNS_ONCE, encoding="utf-8")
    runs = tmp_path / "runs.txt"
    done = subprocess.run(
        [sys.executable, str(script), str(runs)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.split() == ["2"]  # two workers did the jobs
    names = [line.split()[0] for line in runs.read_text(encoding="utf-8").splitlines()]
    assert names == ["__main__", "__mp_main__"]  # the parent, then the fork server
