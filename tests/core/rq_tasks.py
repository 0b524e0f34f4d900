"""A task for tests/core/test_rq_rerun.py, importable by the RQ workers it starts."""

from __future__ import annotations

import time
from pathlib import Path

from django.tasks import task


@task()
def hold(*, path: str) -> int:
    """Note each run in the file at `path`: the first then waits (for its worker to be
    killed), a later one returns at once. Returns the number of runs so far."""
    runs = Path(path)
    with runs.open("a") as out:
        out.write("run\n")
    count = runs.read_text().count("run")
    if count == 1:
        time.sleep(60)
    return count
