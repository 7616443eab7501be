"""Imported by the stage workers' fork server before it forks any of them.

It runs the warm-up ``stage_workers`` named in ``_WIREDESK_WORKER_WARM_UP``
(``module:function``) once, in the server: every worker forked from it then starts with the
libraries imported and the models loaded, and shares their memory, instead of each loading
its own copy after starting.
"""

from __future__ import annotations

import importlib
import os
import sys

#: The environment variable that names the warm-up, set before the server starts (a message
#: from one process to the other, not a setting: settings are read by ``wiredesk.settings``).
WARM_UP_VARIABLE = "_WIREDESK_WORKER_WARM_UP"
#: The module search path of the process that started the server (``os.pathsep``-joined):
#: the server starts with Python's default one, where the warm-up's module may be missing.
PATH_VARIABLE = "_WIREDESK_WORKER_PATH"
#: The script the process that started the server runs as ``__main__`` (the ``wiredesk`` or
#: ``dagster`` command), as multiprocessing names it to each worker it starts.
MAIN_VARIABLE = "_WIREDESK_WORKER_MAIN"


def skip_main_script() -> None:
    """Take the starting process's main script as already run here. Multiprocessing runs that
    script again, as ``__mp_main__``, in every worker it starts, unless the worker's
    ``__main__`` (this server's) already has its file: for the ``dagster`` command that is
    Dagster's CLI, about 0.7 CPU s a worker, on the way to its first batch. The workers only
    run functions of importable modules (``stage_map``'s rule), never the script's own."""
    main_path = os.environ.get(MAIN_VARIABLE)
    if main_path:
        sys.modules["__main__"].__file__ = main_path


def run_named_warm_up() -> None:
    """Run the named warm-up; a failure only costs the head start (the first batch that
    needs what it loads meets the same error in a worker and reports it)."""
    name = os.environ.get(WARM_UP_VARIABLE, "")
    module, _, function = name.partition(":")
    if not module or not function:
        return
    known = set(sys.path)
    sys.path += [p for p in os.environ.get(PATH_VARIABLE, "").split(os.pathsep) if p not in known]
    try:
        from wiredesk.workers import in_worker

        in_worker()  # what the workers forked from here run with
        getattr(importlib.import_module(module), function)()
    except Exception:  # noqa: BLE001 - see the docstring
        pass


skip_main_script()
run_named_warm_up()
