"""Human-readable summaries of a run: Markdown for the Prefect artifact, lines for the CLI."""

from __future__ import annotations

from collections.abc import Sequence

from sources.harvest import PollOutcome
from warehouse.runs import RunCounts

MAX_LISTED_FAILURES = 20

LABELS = {
    "sources_polled": "sources polled",
    "sources_not_modified": "sources not modified (304)",
    "sources_failed": "sources failed",
    "candidates": "articles listed",
    "articles_new": "new relevant articles",
    "articles_known": "already known",
    "articles_irrelevant": "irrelevant",
    "articles_failed": "failed",
    "mentions_new": "claim mentions found",
    "claims_new": "new tracked claims",
    "status_changes": "Kremlin status changes",
    "drift_events": "figure drift events",
}


def summary_markdown(counts: RunCounts, failures: Sequence[PollOutcome]) -> str:
    values = counts.as_dict()
    rows = "\n".join(f"| {label} | {values[key]} |" for key, label in LABELS.items())
    text = f"## Monitor run\n\n| | count |\n| --- | ---: |\n{rows}\n"
    if failures:
        listed = "\n".join(
            f"- `{f.source.id}`: {f.attempt.error}" for f in failures[:MAX_LISTED_FAILURES]
        )
        more = len(failures) - MAX_LISTED_FAILURES
        text += f"\n### Failing sources\n\n{listed}\n" + (
            f"- and {more} more\n" if more > 0 else ""
        )
    return text
