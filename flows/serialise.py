"""One writer at a time: a Prefect global concurrency slot where a Prefect server exists, and
always the OS file lock beside the database (the guard that survives a killed process, and
the only one on Prefect's temporary local API, which leaks slots of killed holders)."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator

from prefect import get_run_logger
from prefect.client.orchestration import get_client
from prefect.client.schemas.actions import GlobalConcurrencyLimitCreate
from prefect.concurrency.asyncio import concurrency
from prefect.exceptions import ObjectAlreadyExists, ObjectNotFound
from prefect.settings import PREFECT_API_URL

from flows.settings import Settings
from warehouse.lock import writer_lock

LEASE_SECONDS = 300.0
"""Prefect renews the lease while the run lives; a dead holder's slot frees after this."""


async def _ensure_limit(name: str) -> None:
    """Create the limit (one slot) the first time; ops may raise or lower it later."""
    async with get_client() as client:
        try:
            await client.read_global_concurrency_limit_by_name(name)
        except ObjectNotFound:
            with contextlib.suppress(ObjectAlreadyExists):  # another run created it just now
                await client.create_global_concurrency_limit(
                    GlobalConcurrencyLimitCreate(name=name, limit=1)
                )
            get_run_logger().info("created the global concurrency limit %r (1 slot)", name)


@contextlib.asynccontextmanager
async def one_writer(settings: Settings) -> AsyncIterator[None]:
    """Wait for the writer's slot (with a server) and lock, hold them for the run."""
    async with contextlib.AsyncExitStack() as held:
        if PREFECT_API_URL.value():
            await _ensure_limit(settings.concurrency_limit)
            await held.enter_async_context(
                concurrency(
                    settings.concurrency_limit,
                    occupy=1,
                    strict=True,
                    timeout_seconds=settings.lock_timeout,
                    lease_duration=LEASE_SECONDS,
                )
            )
        held.enter_context(writer_lock(settings.database, timeout=settings.lock_timeout))
        yield
