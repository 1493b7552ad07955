"""The per-file work on an existing Dask distributed cluster (``delib extract --engine dask --scheduler ADDR``).

The client (the machine running ``delib extract``) hashes the inputs, keeps the result store and writes the
CSVs, exactly as the local engine does; only the per-file work moves. Each task carries the file's bytes, so
the workers need no access to the archive. On a worker, the file goes through the same isolation as locally
(``pipeline.isolate``: a killable worker process with the timeout and the memory ceiling), one isolated
process per Dask thread, reused from task to task. A small window of tasks is in flight at a time (two per Dask
thread), so neither the client nor the scheduler holds the archive in memory.
"""

from __future__ import annotations

import atexit
import tempfile
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from pipeline.isolate import Limits, Outcome, Worker

class SchedulerError(RuntimeError):
    """The Dask scheduler cannot be reached, or dask[distributed] is not installed (a configuration error)."""


def run_dask(tasks: Iterable[Any], scheduler: str, limits: Limits, options: Any) -> Iterator[tuple[Any, Outcome]]:
    """Like ``isolate.run_pool``: yield (task, outcome) as files finish on the cluster."""
    try:
        from distributed import Client, as_completed
    except ImportError as exc:
        raise SchedulerError("the dask engine needs dask[distributed]: pip install 'delib[dask]'") from exc
    try:  # how long to try to connect: Dask's own setting (distributed.comm.timeouts.connect, 30 s)
        client = Client(scheduler, set_as_default=False)
    except (OSError, TimeoutError) as exc:
        raise SchedulerError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
    try:
        threads = sum(client.nthreads().values()) or 1
        pending = iter(tasks)
        in_flight: dict[Any, Any] = {}
        done_early: list[tuple[Any, Outcome]] = []
        queue = as_completed(loop=client.loop)

        def submit_next() -> bool:
            task = next(pending, None)
            if task is None:
                return False
            try:
                data = Path(task.path).read_bytes()
            except OSError as exc:
                done_early.append((task, Outcome("error", detail=f"{type(exc).__name__}: {exc}")))
                return True
            future = client.submit(process_bytes, task.name, data, options, limits, pure=False,
                                   key=f"delib-{task.index}-{task.sha256[:16]}")
            in_flight[future] = task
            queue.add(future)
            return True

        for _ in range(2 * threads):
            if not submit_next():
                break
        while done_early:
            yield done_early.pop()
        for future in queue:
            task = in_flight.pop(future)
            try:
                outcome = future.result()
            except Exception as exc:  # the task itself failed (a worker lost several times: KilledWorker)
                outcome = Outcome("error", detail=f"Dask: {type(exc).__name__}: {exc}")
            future.release()
            yield task, outcome
            submit_next()
            while done_early:
                yield done_early.pop()
    finally:
        client.close()


# ---------------------------------------------------------------------------------------- on a Dask worker

_idle: dict[int, list[Worker]] = {}
_lock = threading.Lock()


def _acquire(limits: Limits) -> Worker:
    with _lock:
        workers = _idle.setdefault(limits.memory_mb, [])
        worker = workers.pop() if workers else None
    if worker is None:
        worker = Worker(Limits(memory_mb=limits.memory_mb))
    worker.limits = limits
    return worker


def _release(worker: Worker) -> None:
    with _lock:
        _idle.setdefault(worker.limits.memory_mb, []).append(worker)


@atexit.register
def _close_all() -> None:
    with _lock:
        for workers in _idle.values():
            for worker in workers:
                worker.close()
        _idle.clear()


def process_bytes(name: str, data: bytes, options: Any, limits: Limits) -> Outcome:
    """The Dask task: one file's bytes through an isolated worker process on this Dask worker."""
    worker = _acquire(limits)
    try:
        with tempfile.TemporaryDirectory(prefix="delib-") as tmp:
            path = Path(tmp) / "input.pdf"
            path.write_bytes(data)
            return worker.run(name, str(path), options)
    finally:
        _release(worker)
