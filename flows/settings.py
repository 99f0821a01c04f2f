"""Settings: defaults, then the ``[settings]`` table of claimwatch.toml, then ``CLAIMWATCH_*``.

Built once (in the CLI or at the start of a flow) and passed down; library modules never
read the environment.
"""

from __future__ import annotations

import copy
import os
import tomllib
from collections.abc import Mapping
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, SecretStr, ValidationError
from pydantic.fields import FieldInfo
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict

from claimwatch.errors import ClaimwatchError
from digests.recipients import Recipient, parse_recipients
from extractors.topics import Topic, parse_topics
from flows.exceptions import ConfigError
from sources.catalogue import parse_sources
from sources.fetcher import FetchConfig
from sources.models import Source

CONFIG_ENV = "CLAIMWATCH_CONFIG"
DEFAULT_CONFIG = Path("claimwatch.toml")


def read_toml(path: Path) -> dict[str, Any]:
    """Parse a TOML file, with an error that names the file and the line."""
    try:
        content = path.read_bytes()
    except FileNotFoundError as exc:
        raise ConfigError(
            f"{path}: configuration file not found; run from the checkout or set {CONFIG_ENV}"
        ) from exc
    try:
        return copy.deepcopy(_parsed(content))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from exc


@lru_cache(maxsize=8)
def _parsed(content: bytes) -> dict[str, Any]:
    """A run reads the config three times (settings, topics, recipients): ~3 ms a parse.
    Keyed by the bytes themselves, so an edited file is parsed again."""
    return tomllib.loads(content.decode("utf-8"))


_FILE_TABLE: ContextVar[Mapping[str, Any] | None] = ContextVar("file_table", default=None)
"""The config file's [settings] while load_settings builds a Settings from it (a class per
file would cost ~3 ms of pydantic model building a run)."""


class _TomlTableSource(PydanticBaseSettingsSource):
    """The ``[settings]`` table of the configuration file."""

    def __init__(self, settings_cls: type[BaseSettings], table: Mapping[str, Any]) -> None:
        super().__init__(settings_cls)
        self._table = dict(table)

    def get_field_value(self, field: FieldInfo, field_name: str) -> tuple[Any, str, bool]:
        return self._table.get(field_name), field_name, False

    def __call__(self) -> dict[str, Any]:
        return {k: v for k, v in self._table.items() if k in self.settings_cls.model_fields}


class Settings(BaseSettings):
    """Everything a run needs to know, frozen once built."""

    model_config = SettingsConfigDict(env_prefix="CLAIMWATCH_", frozen=True, extra="ignore")

    config: Path = DEFAULT_CONFIG
    catalogue: Path | None = None
    """File with the [[sources]] (and maybe [[topics]]); by default the config file itself."""
    database: Path = Path("data/claimwatch.duckdb")
    snapshot: Path = Path("data/claimwatch-read.duckdb")
    contact: str = "ops@example.org"
    batch_size: int = Field(default=200, ge=1)
    """Pages per batch of a monitor run: each batch costs three Prefect task runs and a load
    of some twenty SQL statements whatever its size (at 100 a 500-page run took 7.5 s on 2
    cores, at 200 6.3-6.9 s; benchmarks/bench_monitor.py)."""
    checkpoint_mb: int = Field(default=8, ge=1)
    """Write-ahead log a run builds up before it checkpoints the warehouse (by closing and
    reopening it, warehouse.db). The log's rows stay in memory until then, so this bounds what
    a long run holds (a run of a few dozen pages never reaches it); each checkpoint rewrites
    what changed, which costs more on a large warehouse: a bulk backfill of tens of thousands
    of pages loads faster at 1024."""
    duckdb_memory_mb: int = Field(default=512, ge=64)
    """DuckDB's memory limit during a run. Without one DuckDB may take 80 % of the machine's
    memory: 40 monitor batches on a 150,000-article warehouse peaked ~470 MB higher, and the
    checkpoint that merges a table's small row groups reads them all at once (900 MB over
    the base for 64,000 articles, when their texts were in the table). Past the limit DuckDB
    evicts and spills to ``<database>.tmp``; at 256 MB the same batches ran 10-35 % slower,
    at 128 MB they failed."""
    extract_workers: int = Field(default=0, ge=0)
    """Processes for extraction; 0 means one per core."""
    pool_min_pages: int = Field(default=150, ge=0)
    """A run with fewer new pages extracts them in its own process: starting the workers (a
    fork server that imports the extractors and loads the language model and cue tables,
    ~1.5 s of CPU) costs more than sharing ~13 ms of work per page saves."""
    lock_timeout: float = 600.0
    concurrency_limit: str = "claimwatch-writer"
    origin_aliases: dict[str, str] = Field(default_factory=dict)
    """Stable identities for local mirrors: {"http://127.0.0.1:8080": "https://outlet.example"}."""
    global_concurrency: int = Field(default=16, ge=1)
    per_host_concurrency: int = Field(default=2, ge=1)
    per_host_delay: float = Field(default=0.5, ge=0)
    connect_timeout: float = 5.0
    read_timeout: float = 15.0
    total_timeout: float = 45.0
    max_bytes: int = 5_000_000
    retries: int = Field(default=3, ge=0)
    respect_robots: bool = True
    # Email digests and alerts ([smtp] table of claimwatch.toml, or CLAIMWATCH_SMTP_*).
    outbox: Path | None = None
    """Messages are written here as .eml files when no smtp host is set (the default);
    by default ``outbox/`` beside the database (see ``outbox_dir``)."""
    smtp_host: str | None = None
    smtp_port: int | None = Field(default=None, ge=1, le=65535)
    """Default: 465 for implicit_tls, 587 for starttls, 25 for plain."""
    smtp_security: Literal["implicit_tls", "starttls", "plain"] = "starttls"
    smtp_username: str | None = None
    smtp_password: SecretStr | None = None
    """Only from the environment: CLAIMWATCH_SMTP_PASSWORD."""
    smtp_password_secret: str | None = None
    """Or the name of a Prefect Secret block holding the password."""
    smtp_sender: str = "claimwatch <claimwatch@example.org>"
    smtp_timeout: float = Field(default=30.0, gt=0)
    smtp_ca_file: Path | None = None
    """A CA bundle to trust instead of the system's (a relay with its own certificate)."""
    unconfirmed_after_days: int = Field(default=14, ge=1)
    digest_max_items: int = Field(default=20, ge=1)
    """Items per digest section; the rest are counted, with the query that lists them."""
    digest_first_days: int = Field(default=1, ge=1)
    """How far back a new recipient's first digest looks."""

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return init_settings, env_settings, _TomlTableSource(settings_cls, _FILE_TABLE.get() or {})

    def fetch_config(self) -> FetchConfig:
        return FetchConfig(
            contact=self.contact,
            connect_timeout=self.connect_timeout,
            read_timeout=self.read_timeout,
            total_timeout=self.total_timeout,
            max_bytes=self.max_bytes,
            global_concurrency=self.global_concurrency,
            per_host_concurrency=self.per_host_concurrency,
            per_host_delay=self.per_host_delay,
            retries=self.retries,
            respect_robots=self.respect_robots,
        )

    @property
    def outbox_dir(self) -> Path:
        """The outbox: as set, else beside the warehouse, so each warehouse has its own."""
        return self.outbox or self.database.parent / "outbox"

    @property
    def workers(self) -> int:
        return self.extract_workers or os.cpu_count() or 1


@dataclass(frozen=True, slots=True)
class Catalogue:
    sources: list[Source]
    topics: list[Topic]


def load_settings(config: str | Path | None = None, **overrides: Any) -> Settings:
    """Build the settings: ``overrides`` > ``CLAIMWATCH_*`` > the file's [settings] > defaults."""
    path = Path(config or os.environ.get(CONFIG_ENV) or DEFAULT_CONFIG)
    data = read_toml(path) if path.exists() else {}
    table = dict(data.get("settings", {}))
    smtp = data.get("smtp", {})
    if "password" in smtp:
        raise ConfigError(
            f"{path}: [smtp] password does not belong in a file; set CLAIMWATCH_SMTP_PASSWORD "
            "or name a Prefect Secret block in password_secret"
        )
    table.update({f"smtp_{key}": value for key, value in smtp.items()})
    overrides = {k: v for k, v in overrides.items() if v is not None}

    bound = _FILE_TABLE.set(table)
    try:
        return Settings(config=path, **overrides)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}" for err in exc.errors()
        )
        raise ConfigError(f"{path}: invalid settings ({problems})") from exc
    finally:
        _FILE_TABLE.reset(bound)


def load_catalogue(settings: Settings) -> Catalogue:
    """Read the sources and topics the settings point at.

    A catalogue without [[topics]] (the demo's, a test's) uses the config file's topics.
    """
    path = settings.catalogue or settings.config
    data = read_toml(path)
    topics = data if "topics" in data else read_toml(settings.config)
    try:
        return Catalogue(sources=parse_sources(data), topics=parse_topics(topics))
    except ClaimwatchError as exc:
        raise ConfigError(f"{path}: {exc}") from exc


def load_recipients(settings: Settings) -> list[Recipient]:
    """The ``[[recipients]]`` of the config file (none when it has no such section)."""
    if not settings.config.exists():
        return []
    try:
        return parse_recipients(read_toml(settings.config))
    except ClaimwatchError as exc:
        raise ConfigError(f"{settings.config}: {exc}") from exc
