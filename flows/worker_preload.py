"""Imported once by the fork server that starts the extraction workers (flows.monitor).

Each worker then forks from a process that has already imported trafilatura and the claim
engine and loaded the language model and cue tables, instead of paying ~1.3 s of CPU for
them per worker at the start of every run. When the parent runs a script, the script is run
here too, as each worker would run it (as ``__mp_main__``, with the parent's ``sys.argv``),
and then no worker runs it.
"""

import contextlib
import json
import os
import sys
from multiprocessing import spawn

from flows.processing import FORKSERVER_MAIN, warm_up

warm_up()
if parent_main := os.environ.get(FORKSERVER_MAIN):
    main = json.loads(parent_main)
    sys.argv = main["argv"]
    # An error is not fatal to the fork server: each worker then runs the script itself, as
    # it would without this module, and reports the error to the parent.
    with contextlib.suppress(Exception):
        spawn.import_main_path(main["path"])
