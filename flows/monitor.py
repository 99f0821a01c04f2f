"""The ``monitor`` flow: poll sources, fetch new articles, extract them, load the warehouse.

Tasks work on batches (one Prefect task run costs ~35 ms, STACK.md, of the client's and the
API's time), and wrap plain functions of ``flows/pipeline.py`` so that the logic runs and is
tested without Prefect. A run with nothing new has no task run: discovery (poll and select)
and the run's opening and closing (alerts, run record, snapshot) happen in the flow itself,
where no retry could help. Fetching the next batch overlaps with extracting the current one.
"""

from __future__ import annotations

import asyncio
import json
import multiprocessing
import os
import uuid
from collections.abc import Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from functools import partial
from multiprocessing import spawn
from typing import Any, TypeVar, cast

from prefect import flow, get_run_logger, task
from prefect.artifacts import acreate_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run
from prefect.states import State
from prefect.utilities.annotations import quote

from claimwatch.errors import is_transient
from extractors.topics import Topic
from flows import pipeline
from flows.processing import (
    FORKSERVER_MAIN,
    MAIN_KEYS,
    PageJob,
    ProcessedPage,
    process_pages,
    warm_up,
)
from flows.report import summary_markdown
from flows.serialise import one_writer
from flows.settings import Catalogue, Settings, load_catalogue, load_settings
from sources.fetcher import Fetcher
from sources.harvest import PageOutcome, PollOutcome
from sources.models import Candidate
from warehouse.db import held_for_run
from warehouse.runs import RunCounts
from warehouse.snapshot import publish_snapshot

T = TypeVar("T")


def _unwalked(value: T) -> T:
    """``value`` in Prefect's ``quote``, for big task inputs (pages, articles, feed listings).

    Prefect otherwise walks every element of every input twice per task run looking for
    futures: ~15 s of CPU in a 1,000-page run. The task receives the value unwrapped.
    """
    return cast(T, quote(value))


def _retry_if_transient(task: Any, task_run: Any, state: State[Any]) -> bool:
    """Prefect retries only errors marked Transient (a locked file, not a bad schema)."""
    return isinstance(state.data, BaseException) and is_transient(state.data)


# Results stay in memory: nothing is cached or persisted (the inputs are batches of pages).
# Every task is async, its blocking work in a thread: a sync task called from this async flow
# gets a Prefect client of its own (with its own SSL context, ~40 ms a task).
RETRY_DELAYS: list[float] = [1, 5, 15]


async def discover(
    settings: Settings, fetcher: Fetcher, plan: pipeline.Plan, topics: list[Topic]
) -> tuple[list[PollOutcome], pipeline.Selection]:
    """Poll the due sources, then sort what they list into new, known and filtered out.

    Not a task of its own, for the reason ``open_run`` is not: it is never retried (a retry
    would poll every feed again, and the run holds the database, so the selection's reads
    meet no lock), and its task run was ~9 % of a run with nothing new (medians of 14
    alternating runs: 283 -> 258 ms). The flow logs what it polled and found, and the
    summary artifact keeps it.
    """
    polls = await pipeline.discover(settings, fetcher, plan)
    selection = await asyncio.to_thread(pipeline.select_candidates, settings, plan, polls, topics)
    return polls, selection


@task(name="fetch-batch", cache_policy=NO_CACHE, persist_result=False)
async def fetch_task(
    fetcher: Fetcher, plan: pipeline.Plan, candidates: list[Candidate]
) -> list[PageOutcome]:
    return await pipeline.fetch_batch(fetcher, plan, candidates)


@task(name="extract-batch", cache_policy=NO_CACHE, persist_result=False)
async def extract_task(
    jobs: list[PageJob], topics: list[Topic], executor: Executor | None
) -> list[ProcessedPage]:
    return await asyncio.to_thread(process_pages, jobs, topics, executor)


@task(
    name="load-batch",
    cache_policy=NO_CACHE,
    persist_result=False,
    retries=3,
    retry_delay_seconds=RETRY_DELAYS,
    retry_condition_fn=_retry_if_transient,
)
async def load_task(
    settings: Settings,
    plan: pipeline.Plan,
    pages: list[PageOutcome],
    processed: list[ProcessedPage],
    listed_by: dict[str, list[str]],
) -> pipeline.BatchResult:
    return await asyncio.to_thread(pipeline.load_batch, settings, plan, pages, processed, listed_by)


async def close_run(
    settings: Settings,
    plan: pipeline.Plan,
    polls: list[PollOutcome],
    selection: pipeline.Selection,
    counts: RunCounts,
    incomplete: set[str],
    status_events: list[str],
) -> None:
    """Alert subscribers to the run's Kremlin status changes (and deliver what is pending),
    record the run and the sources' health, and publish the analysts' snapshot.

    Not a task of its own, for the reason ``open_run`` is not: nothing here meets an error
    worth a retry (the run holds the file; a mail server that is down leaves the alerts
    pending), and the task run cost 45-55 ms of a run with nothing new.
    """
    from flows.digest import send_alerts

    report = await asyncio.to_thread(
        send_alerts, settings, settings.database, status_events, run_id=plan.run_id
    )
    get_run_logger().info("alerts: %s sent, %s pending", len(report.sent), len(report.pending))
    await asyncio.to_thread(
        pipeline.close_run, settings, plan, polls, selection, counts, incomplete
    )
    await asyncio.to_thread(publish_snapshot, settings.database, settings.snapshot)


def _batches(items: Sequence[Candidate], size: int) -> list[list[Candidate]]:
    return [list(items[i : i + size]) for i in range(0, len(items), size)]


def _announce_main() -> None:
    """Tell the fork server which main module the parent runs, so that no worker runs it.

    A worker started by the fork server runs its parent's main module before its first job,
    in case a job is a function defined there: ~1.2 s of CPU for Prefect's engine under a
    deployment (``python -m prefect.engine``), as much for the ``claimwatch`` script or a
    benchmark script, which import Prefect too. Our workers only ever run functions of
    ``flows.processing``, so ``flows.worker_preload`` gives the fork server's own main module
    the parent's name or path, and each worker, forked from it, finds its main already run.
    Preloading the parent's main in the fork server instead would put the same second of
    imports before the first extraction.
    """
    parent = spawn.get_preparation_data("worker")
    main = {key: parent[key] for key in MAIN_KEYS if key in parent}
    os.environ[FORKSERVER_MAIN] = json.dumps(main)


def _executor(settings: Settings) -> Executor | None:
    """Worker processes for extraction, running once this returns."""
    if settings.workers <= 1:
        return None
    # Not fork: the parent runs threads (Prefect's client, the event loop) and a forked child
    # could inherit a held lock. The fork server is a fresh single-threaded process, started
    # once per process, that imports the extraction code and loads its models; each worker
    # forks from it warm, where a spawned worker would load them all again.
    context = multiprocessing.get_context("forkserver")
    _announce_main()
    context.set_forkserver_preload(["flows.worker_preload"])
    pool = ProcessPoolExecutor(settings.workers, mp_context=context)
    for _ in range(settings.workers):
        pool.submit(warm_up)
    return pool


def _tally(counts: RunCounts, result: pipeline.BatchResult) -> None:
    for record in result.stored:
        if record.status == "failed":
            counts.articles_failed += 1
        elif record.relevant:
            counts.articles_new += 1
        else:
            counts.articles_irrelevant += 1
    counts.articles_failed += len(result.transient_failures)
    counts.mentions_new += result.ledger.mentions
    counts.claims_new += len(result.ledger.new_claims)
    counts.status_changes += len(result.ledger.status_events)
    counts.drift_events += len(result.ledger.drift_events)


async def _ingest(
    settings: Settings,
    plan: pipeline.Plan,
    fetcher: Fetcher,
    selection: pipeline.Selection,
    topics: list[Topic],
    counts: RunCounts,
) -> tuple[list[str], set[str]]:
    """Fetch, extract and load the new candidates batch by batch.

    The three stages run at once, each on the next batch the one before has finished, with
    at most one finished batch waiting between two stages: while batch k loads here, batch
    k+1 is extracted in the worker processes and batch k+2 downloads.

    Returns:
        The run's status events, and the sources whose listing was not fully fetched.
    """
    logger = get_run_logger()
    batches = _batches(selection.new, settings.batch_size)
    status_events: list[str] = []
    incomplete: set[str] = set()
    if not batches:
        return status_events, incomplete
    listed_by = _unwalked(selection.listed_by)
    fetched: asyncio.Queue[list[PageOutcome]] = asyncio.Queue(maxsize=1)
    extracted: asyncio.Queue[tuple[list[PageOutcome], list[ProcessedPage]]]
    extracted = asyncio.Queue(maxsize=1)
    # Starting the workers waits for the fork server to load the extraction code (~1.4 s):
    # in a thread, while batch 1 downloads.
    starting = (
        asyncio.ensure_future(asyncio.to_thread(_executor, settings))
        if len(selection.new) >= settings.pool_min_pages
        else None
    )

    async def fetch_all() -> None:
        for batch in batches:
            await fetched.put(await fetch_task(fetcher, plan, _unwalked(batch)))

    async def extract_all() -> None:
        executor = await starting if starting is not None else None
        for _ in batches:
            pages = await fetched.get()
            jobs = _unwalked(pipeline.page_jobs(plan, pages))
            await extracted.put((pages, await extract_task(jobs, topics, executor)))

    async def load_all() -> None:
        for number in range(1, len(batches) + 1):
            pages, processed = await extracted.get()
            result = await load_task(
                settings, plan, _unwalked(pages), _unwalked(processed), listed_by
            )
            _tally(counts, result)
            status_events.extend(result.ledger.status_events)
            for page in result.transient_failures:
                incomplete.update(selection.listed_by.get(page.candidate.url, []))
            logger.info("batch %s/%s loaded: %s pages", number, len(batches), len(pages))

    stages = [asyncio.ensure_future(stage()) for stage in (fetch_all, extract_all, load_all)]
    try:
        await asyncio.gather(*stages)
    finally:
        for stage in stages:  # the others, when one failed
            stage.cancel()
        if starting is not None and (executor := await starting) is not None:
            executor.shutdown(cancel_futures=True)
    return status_events, incomplete


async def run_monitor(
    settings: Settings, catalogue: Catalogue, *, run_id: str, force: bool = False
) -> dict[str, Any]:
    """One monitor run under the writer lock; returns the run's counts."""
    logger = get_run_logger()
    counts = RunCounts()
    # Not a task of its own: it meets no error worth a retry (the run already holds the file,
    # so no lock), and a task run costs 10-27 ms of a run with nothing new.
    plan = await asyncio.to_thread(
        partial(pipeline.open_run, settings, catalogue, run_id=run_id, flow="monitor", force=force)
    )
    logger.info("%s of %s sources are due", len(plan.due), len(catalogue.sources))
    async with Fetcher(settings.fetch_config()) as fetcher:
        polls, selection = await discover(settings, fetcher, plan, catalogue.topics)
        counts.sources_polled = len(polls)
        counts.sources_not_modified = sum(p.not_modified for p in polls)
        counts.sources_failed = sum(not p.attempt.ok for p in polls)
        counts.candidates = len(selection.listed_by)
        counts.articles_known = selection.known
        counts.articles_irrelevant = selection.prefiltered
        logger.info(
            "%s new candidates (%s known, %s filtered out) in batches of %s",
            len(selection.new),
            selection.known,
            selection.prefiltered,
            settings.batch_size,
        )
        status_events, incomplete = await _ingest(
            settings, plan, fetcher, selection, catalogue.topics, counts
        )
    await close_run(settings, plan, polls, selection, counts, incomplete, status_events)
    failures = [p for p in polls if not p.attempt.ok]
    # Not side by side with close_run: on SQLite, Prefect's API answers 503 to racing writes
    # (a task run's states, the shipped logs) and the client backs off for seconds (README,
    # "Speed (ingest)"); with close_run no task, it saved 10-13 ms and stalled 1 run in 25.
    await acreate_markdown_artifact(
        key="monitor-summary",
        markdown=summary_markdown(counts, failures),
        description="What the monitor run polled, fetched and stored",
    )
    logger.info("monitor run %s: %s", run_id, counts.as_dict())
    return {"run_id": run_id, **counts.as_dict()}


@flow(name="monitor", log_prints=False)
async def monitor(
    config: str | None = None,
    catalogue: str | None = None,
    database: str | None = None,
    force: bool = False,
    overrides: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Poll the due sources and ingest new articles.

    Args:
        config: claimwatch.toml to read (default: ``CLAIMWATCH_CONFIG`` or ./claimwatch.toml).
        catalogue: a file with the [[sources]] and [[topics]] to use instead of the config's.
        database: the DuckDB file to write.
        force: poll every source now, due or not.
        overrides: any other setting, by name (e.g. ``{"per_host_delay": 0}``).
    """
    settings = load_settings(config, catalogue=catalogue, database=database, **(overrides or {}))
    run_id = str(flow_run.get_id() or uuid.uuid4())
    async with one_writer(settings):
        # The run's batches share one open database (warehouse.db).
        with held_for_run(
            settings.database,
            checkpoint_mb=settings.checkpoint_mb,
            memory_mb=settings.duckdb_memory_mb,
            lock_timeout=settings.lock_timeout,
        ):
            return await run_monitor(settings, load_catalogue(settings), run_id=run_id, force=force)
