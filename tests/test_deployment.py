"""prefect.yaml, deployed to a real Prefect server on loopback and run by a process worker."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import duckdb
import httpx
import pytest
from concurrent_runs import assert_stored_once, run_env, run_two_at_once

from flows.demo.synthetic import SyntheticSite

REPO = Path(__file__).resolve().parent.parent
PREFECT = str(Path(sys.executable).parent / "prefect")

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def server_env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    home = tmp_path_factory.mktemp("prefect-server")
    port = _free_port()
    env = {
        **os.environ,
        "PREFECT_HOME": str(home),
        "PREFECT_API_URL": f"http://127.0.0.1:{port}/api",
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PREFECT_SERVER_SERVICES_SCHEDULER_LOOP_SECONDS": "2",
    }
    log = (home / "server.log").open("w")
    server = subprocess.Popen(
        [PREFECT, "server", "start", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                if httpx.get(f"{env['PREFECT_API_URL']}/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"Prefect server did not start: {(home / 'server.log').read_text()}")
            time.sleep(0.5)
        yield env
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


def _prefect(env: dict[str, str], *args: str, timeout: float = 300) -> str:
    done = subprocess.run(
        [PREFECT, *args], env=env, cwd=REPO, capture_output=True, text=True, timeout=timeout
    )
    assert done.returncode == 0, f"prefect {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def test_monitor_deployment_runs_on_a_process_worker(
    server_env: dict[str, str], tmp_path: Path
) -> None:
    _prefect(server_env, "work-pool", "create", "claimwatch", "--type", "process", "--overwrite")
    _prefect(server_env, "--no-prompt", "deploy", "--all")
    database = tmp_path / "warehouse.duckdb"
    with SyntheticSite(pages=30, relevant_every=1) as site:
        catalogue = tmp_path / "catalogue.toml"
        catalogue.write_text(site.catalogue(), encoding="utf-8")
        params = {
            "config": str(REPO / "claimwatch.toml"),
            "catalogue": str(catalogue),
            "database": str(database),
            "force": True,
            "overrides": {"per_host_delay": 0, "snapshot": str(tmp_path / "read.duckdb")},
        }
        _prefect(server_env, "deployment", "run", "monitor/monitor", "--params", json.dumps(params))
        _prefect(server_env, "worker", "start", "--pool", "claimwatch", "--run-once", timeout=600)
        assert site.article_requests() > 0
    conn = duckdb.connect(str(database), read_only=True)
    try:
        assert conn.execute("SELECT count(*) FROM articles").fetchone() == (30,)
        assert conn.execute("SELECT status FROM runs_v").fetchall() == [("completed",)]
    finally:
        conn.close()

    # The cron schedule must create runs: a broken scheduler (e.g. sqlalchemy 2.1) never does.
    api = server_env["PREFECT_API_URL"]
    deadline = time.monotonic() + 60
    while True:
        scheduled = httpx.post(
            f"{api}/flow_runs/filter",
            json={"flow_runs": {"state": {"type": {"any_": ["SCHEDULED"]}}}},
            timeout=10,
        ).json()
        if scheduled or time.monotonic() > deadline:
            break
        time.sleep(2)
    assert scheduled, "the monitor deployment's schedule created no runs"


def test_two_runs_at_once_take_turns_on_the_servers_concurrency_slot(
    server_env: dict[str, str], tmp_path: Path
) -> None:
    with SyntheticSite(pages=30, relevant_every=1) as site:
        env = run_env(tmp_path, site, server_env)
        run_two_at_once(env)
        assert site.article_requests() == 30
    assert_stored_once(tmp_path / "w.duckdb", articles=30)
    limit = httpx.get(
        f"{server_env['PREFECT_API_URL']}/v2/concurrency_limits/claimwatch-writer", timeout=10
    )
    assert limit.status_code == 200, limit.text
    assert limit.json()["limit"] == 1
    assert limit.json()["active_slots"] == 0  # both runs gave their slot back
