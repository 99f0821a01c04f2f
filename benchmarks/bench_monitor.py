"""Ingest benchmark: the monitor flow against a bare GET + trafilatura loop, same pages.

For each N, a fresh child process (with the site served from a process of its own, as a
remote server would be) serves N generated pages from 127.0.0.1 and, in the same invocation,
times:
  - the monitor flow end to end (Prefect's local API already up, as under a real server),
  - three more monitor runs with nothing new (every feed answers 304): the second run, and
    the median of the three,
  - a bare loop: ``httpx.get`` + ``trafilatura.extract`` over the same pages, one by one.
Peak RSS of the child (the flow's process) is read right after the first monitor run.

Each size is measured in ``--trials`` fresh processes (3 by default), and the median trial's
figures are the result: on this shared machine the speed of a whole trial drifts by up to
±20 %, the bare loop's as much as the monitor's.

    .venv/bin/python benchmarks/bench_monitor.py            # N = 500 and 2000, 3 trials each
    .venv/bin/python benchmarks/bench_monitor.py --sizes 200 --trials 1
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import os
import resource
import subprocess
import sys
import tempfile
import time
from multiprocessing.connection import Connection
from pathlib import Path
from statistics import median

from flows.settings import Settings

REPO = Path(__file__).resolve().parent.parent
RESULTS = REPO / "benchmarks" / "results" / "monitor.json"
NOTHING_NEW_RUNS = 3


def serve(pages: int, conn: Connection) -> None:
    """Run the site in its own process, like a remote server: it must not share our GIL."""
    from flows.demo.synthetic import SyntheticSite

    with SyntheticSite(pages, relevant_every=1) as site:
        conn.send((site.base_url, site.catalogue()))
        while conn.recv() == "count":
            conn.send(site.article_requests())


class RemoteSite:
    def __init__(self, pages: int) -> None:
        self._conn, theirs = multiprocessing.Pipe()
        self._proc = multiprocessing.get_context("spawn").Process(
            target=serve, args=(pages, theirs), daemon=True
        )

    def __enter__(self) -> RemoteSite:
        self._proc.start()
        self.base_url, self._catalogue = self._conn.recv()
        return self

    def catalogue(self) -> str:
        return str(self._catalogue)

    def article_requests(self) -> int:
        self._conn.send("count")
        return int(self._conn.recv())

    def __exit__(self, *exc: object) -> None:
        self._conn.send("stop")
        self._proc.join(timeout=10)


def child(pages: int, batch_size: int) -> dict[str, float]:
    import httpx
    import trafilatura
    from prefect import flow

    from flows.monitor import monitor

    @flow
    def warm_up() -> None:
        """Start Prefect's local API before timing, as a deployed server would be up."""

    warm_up()
    with (
        tempfile.TemporaryDirectory(prefix="claimwatch-bench-") as folder,
        RemoteSite(pages) as site,
    ):
        work = Path(folder)
        catalogue = work / "catalogue.toml"
        catalogue.write_text(site.catalogue(), encoding="utf-8")

        def run() -> float:
            started = time.perf_counter()
            asyncio.run(
                monitor(
                    config=str(REPO / "claimwatch.toml"),
                    catalogue=str(catalogue),
                    database=str(work / "w.duckdb"),
                    force=True,
                    overrides={
                        "per_host_delay": 0,
                        "per_host_concurrency": 16,
                        "batch_size": batch_size,
                        "snapshot": str(work / "read.duckdb"),
                    },
                )
            )
            return time.perf_counter() - started

        first = run()
        rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        downloads = site.article_requests()
        # Three runs with nothing new: the second run itself, and the median of the three (a
        # single 0.3 s sample on this machine ranges over ±30 % between trials).
        nothing_new = [run() for _ in range(NOTHING_NEW_RUNS)]
        second_downloads = site.article_requests() - downloads

        started = time.perf_counter()
        with httpx.Client() as client:
            for i in range(pages):
                html = client.get(f"{site.base_url}/a/{i}.html").text
                trafilatura.extract(html, output_format="json", with_metadata=True)
        bare = time.perf_counter() - started
    return {
        "pages": pages,
        "bare_s": bare,
        "monitor_s": first,
        "ratio": first / bare,
        "second_s": nothing_new[0],
        "second_share": nothing_new[0] / first,
        "nothing_new_s": median(nothing_new),
        "nothing_new_share": median(nothing_new) / first,
        "second_article_downloads": second_downloads,
        "peak_rss_mb": rss_mb,
    }


def _trial(size: int, batch_size: int) -> dict[str, float]:
    """One paired measurement in a fresh process (its own fork server, its own Prefect API)."""
    with tempfile.TemporaryDirectory(prefix="claimwatch-bench-prefect-") as home:
        env = {
            # The temporary API's default 20 s start-up limit is tight on a busy machine.
            "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "90",
            **os.environ,
            "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
            "PREFECT_LOGGING_LEVEL": "WARNING",
            "PREFECT_HOME": home,
        }
        done = subprocess.run(
            [sys.executable, __file__, "--child", str(size), "--batch-size", str(batch_size)],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
    if done.returncode != 0:
        sys.exit(f"benchmark child for N={size} failed:\n{done.stderr[-3000:]}")
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def _summary(trials: list[dict[str, float]]) -> dict[str, float]:
    """The median trial's ratios (this machine's speed drifts between trials by up to
    ±20 %, a paired ratio much less), and the worst of what must hold in every trial."""
    return {
        "pages": trials[0]["pages"],
        "bare_s": median(t["bare_s"] for t in trials),
        "monitor_s": median(t["monitor_s"] for t in trials),
        "ratio": median(t["ratio"] for t in trials),
        "second_s": median(t["second_s"] for t in trials),
        "second_share": median(t["second_share"] for t in trials),
        "nothing_new_s": median(t["nothing_new_s"] for t in trials),
        "nothing_new_share": median(t["nothing_new_share"] for t in trials),
        "second_article_downloads": max(t["second_article_downloads"] for t in trials),
        "peak_rss_mb": max(t["peak_rss_mb"] for t in trials),
    }


def _row(label: str, r: dict[str, float]) -> str:
    return (
        f"{label:>8} {r['pages']:>6} {r['bare_s']:>8.2f} {r['monitor_s']:>10.2f} "
        f"{r['ratio']:>6.2f} {r['second_s']:>10.2f} {r['second_share']:>8.1%} "
        f"{r['nothing_new_s']:>11.2f} {r['nothing_new_share']:>12.1%} "
        f"{r['second_article_downloads']:>14} {r['peak_rss_mb']:>12.0f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 2000])
    parser.add_argument("--trials", type=int, default=3, help="paired trials per size")
    parser.add_argument(
        "--batch-size", type=int, default=Settings.model_fields["batch_size"].default
    )
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.batch_size)))
        return
    print(
        f"{'':>8} {'N':>6} {'bare s':>8} {'monitor s':>10} {'ratio':>6} {'2nd run s':>10} "
        f"{'2nd/1st':>8} {'3 runs s':>11} {'3 runs / 1st':>12} {'2nd downloads':>14} "
        f"{'peak RSS MB':>12}"
    )
    results = []
    for size in args.sizes:
        trials = []
        for number in range(1, args.trials + 1):
            trials.append(_trial(size, args.batch_size))
            print(_row(f"trial {number}", trials[-1]), flush=True)
        summary = _summary(trials)
        print(_row("median", summary), flush=True)
        results.append({"summary": summary, "trials": trials})
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
