"""Imported once by the fork server that starts the extraction workers (flows.monitor).

Each worker then forks from a process that has already imported trafilatura and the claim
engine and loaded the language model and cue tables, instead of paying ~1.3 s of CPU for
them per worker at the start of every run.
"""

from flows.processing import warm_up

warm_up()
