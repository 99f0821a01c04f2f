"""No extraction worker runs the parent's main module again (Prefect's engine under a
deployment, run with ``python -m``; the ``claimwatch`` script from the command line; a
benchmark script): the fork server tells them it has run, since no job is defined there."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

JOBS = """
import os, time

def busy_pid():
    time.sleep(0.3)  # keeps its worker busy, so that the jobs go to both
    return os.getpid()
"""

MAIN = """
import os, sys
with open(os.environ["RUNS_FILE"], "a", encoding="utf-8") as runs:
    runs.write(f"{__name__} {os.getpid()}\\n")

if __name__ == "__main__":
    from flows.monitor import _executor
    from flows.settings import Settings
    from jobs import busy_pid

    pool = _executor(Settings(extract_workers=2))
    jobs = [pool.submit(busy_pid) for _ in range(4)]
    workers = {job.result() for job in jobs}
    pool.shutdown()
    print(len(workers))
"""


def _write_main(tmp_path: Path, how: str) -> list[str]:
    """Writes the main module for one way of running Python; returns the command's arguments."""
    if how == "script":
        (tmp_path / "script.py").write_text(MAIN, encoding="utf-8")
        return [str(tmp_path / "script.py")]
    if how == "module":
        (tmp_path / "engine_like.py").write_text(MAIN, encoding="utf-8")
        return ["-m", "engine_like"]
    package = tmp_path / "runner_pkg"
    package.mkdir()
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "__main__.py").write_text(MAIN, encoding="utf-8")
    return ["-m", "runner_pkg"]


@pytest.mark.parametrize("how", ["script", "module", "package"])
def test_the_main_module_runs_in_the_parent_only(tmp_path: Path, how: str) -> None:
    (tmp_path / "jobs.py").write_text(JOBS, encoding="utf-8")
    runs = tmp_path / "runs.txt"
    done = subprocess.run(
        [sys.executable, *_write_main(tmp_path, how)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(tmp_path), "RUNS_FILE": str(runs)},
    )
    assert done.stdout.split() == ["2"]  # two workers did the jobs
    names = [line.split()[0] for line in runs.read_text(encoding="utf-8").splitlines()]
    assert names == ["__main__"]
