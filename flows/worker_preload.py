"""Imported once by the fork server that starts the extraction workers (flows.monitor).

Each worker then forks from a process that has already imported trafilatura and the claim
engine and loaded the language model and cue tables, instead of paying ~1.3 s of CPU for
them per worker at the start of every run. The fork server's main module also takes the
parent's main module's name or path, so that no worker runs the parent's main again
(``flows.monitor._announce_main``).
"""

import json
import os
import sys
from importlib.machinery import ModuleSpec

from flows.processing import FORKSERVER_MAIN, warm_up

warm_up()
parent_main = json.loads(os.environ.get(FORKSERVER_MAIN, "{}"))
# what multiprocessing.spawn.prepare compares with the parent's before running it in a worker
if name := parent_main.get("init_main_from_name"):
    sys.modules["__main__"].__spec__ = ModuleSpec(name, None)
if path := parent_main.get("init_main_from_path"):
    sys.modules["__main__"].__file__ = path
