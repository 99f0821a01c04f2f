"""Value objects that cross the sources stage's boundary."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

SourceKind = Literal["feed", "gdelt", "sitemap"]
Leaning = Literal[
    "iran_state",
    "iran_semi_official",
    "iran_opposition",
    "iran_reformist",
    "russia_state",
    # Privately owned, published inside Russia under its media laws (Interfax, Kommersant):
    # neither the state's voice nor independent of it, and read differently by analysts.
    "russia_private",
    "russia_independent",
    "western",
    "independent",
    "aggregator",
]


@dataclass(frozen=True, slots=True, kw_only=True)
class Source:
    """One entry of the catalogue: where to look for new articles."""

    id: str
    name: str
    kind: SourceKind
    url: str
    language: str
    leaning: str
    poll_minutes: int = 30
    local: bool = False
    """Loopback or private addresses are refused unless the source is explicitly local."""
    topics: tuple[str, ...] = ()
    """Topics this source is a search for (search feeds); empty means every topic."""
    query: str = ""
    """GDELT sources: the DOC 2.0 query; ``url`` is then the API endpoint."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Candidate:
    """An article URL discovered in a source, before it is fetched."""

    url: str
    """Canonical URL: the article's identity."""
    fetch_url: str
    """Where to fetch it from (may differ from ``url`` for local mirrors)."""
    source_id: str
    title: str = ""
    summary: str = ""
    published: datetime | None = None
    language: str | None = None
    extra: dict[str, str] = field(default_factory=dict)
