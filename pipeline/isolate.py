"""One file at a time in a child process that can be killed: the per-file timeout, memory ceiling and crash guard.

A batch must survive any PDF. ``process_file`` never raises on a bad document, but a pathological file can still
make PDFium loop forever, allocate without bound or crash the interpreter. So each file is read in a worker
process (``python -c 'from pipeline.isolate import child_main; child_main()'``) that the batch can kill:

- the worker is its own process group (``killpg`` also ends the Tesseract processes OCR starts);
- its address space is capped with ``RLIMIT_AS`` (Linux; macOS does not enforce it), so an allocation past the
  ceiling fails inside the worker (``MemoryError``) or makes it crash, instead of taking the machine down;
- the parent gives each file ``timeout`` seconds from the moment the worker takes it, then kills the worker;
- a worker whose parent disappears (kill -9, power cut of a remote node) kills itself within half a second.

A worker reads file after file until it is killed or retired (timeout, memory, crash): starting one costs the
pipeline's imports (~0.4 s), not a fork per file. Parent and worker exchange length-prefixed pickles over the
worker's stdin/stdout; the worker's own stdout is sent to stderr so a stray print cannot corrupt the stream.

Test hooks (environment variables read here, in the worker, never by the pipeline stages): a file whose name
contains the value of ``DELIB_TEST_HANG`` never finishes, of ``DELIB_TEST_MEMORY`` allocates until the memory
ceiling stops it, of ``DELIB_TEST_CRASH`` kills its worker with SIGSEGV.
"""

from __future__ import annotations

import os
import pickle
import selectors
import signal
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from models.records import FailureKind

HANG_HOOK = "DELIB_TEST_HANG"
MEMORY_HOOK = "DELIB_TEST_MEMORY"
CRASH_HOOK = "DELIB_TEST_CRASH"
# Set in every worker's environment, so code can tell it runs inside a batch worker (one file per core already).
WORKER_FLAG = "DELIB_BATCH_WORKER"
OCR_THREADS = "DELIB_OCR_THREADS"  # pipeline.ocr.THREADS_VARIABLE: pages a worker OCRs at once

STARTUP_TIMEOUT = 120.0  # seconds for a worker to import the pipeline before the batch gives up
_HEADER = struct.Struct("!Q")
OK = "ok"  # the kind of an outcome that carries a result (whatever the result's status)


OCR_PAGE_SECONDS = 30.0  # default time budget per OCR'd page, on top of the file timeout (see Limits)


@dataclass(frozen=True, slots=True)
class Limits:
    """What one file may cost: wall-clock seconds, and megabytes of address space of its worker.

    ``timeout`` guards against a hang, not against a long document: each page the file's worker finds it must
    OCR adds ``ocr_page_seconds`` to its time (Tesseract reads a dense 300 dpi page in 3-17 s on one core).
    """

    timeout: float = 120.0
    memory_mb: int = 2048
    ocr_page_seconds: float = OCR_PAGE_SECONDS


@dataclass(slots=True)
class Outcome:
    """What became of one file in a worker. ``kind``: ``OK``, or a ``FailureKind`` (timeout, memory, crash,
    error).

    ``ok`` carries the ``FileResult`` (whatever its status: a bad PDF is an ``ok`` outcome with a failed row);
    the other kinds say why there is no result; ``detail`` describes a crash or an error.
    """

    kind: str  # OK or a FailureKind
    result: Any = None  # models.records.FileResult for "ok"
    detail: str = ""
    peak_rss_mb: float | None = None  # the worker's peak resident memory so far
    seconds: float = 0.0


class WorkerStartError(RuntimeError):
    """A worker process could not start (a broken installation, or a memory ceiling too low to import)."""


# ---------------------------------------------------------------------------------------------- parent side

def _package_root() -> str:
    return str(Path(__file__).resolve().parent.parent)


def _worker_env() -> dict[str, str]:
    env = dict(os.environ)
    env[WORKER_FLAG] = "1"
    # glibc gives each thread a 64 MB arena of address space; with RLIMIT_AS that is memory wasted on nothing.
    env.setdefault("MALLOC_ARENA_MAX", "2")
    env.setdefault("OMP_THREAD_LIMIT", "1")  # Tesseract: one thread per file, the batch already uses every core
    root = _package_root()
    env["PYTHONPATH"] = root + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    return env


class Worker:
    """The parent's handle on one worker process. Not thread-safe: one thread drives one worker."""

    def __init__(self, limits: Limits, *, quiet_stderr: bool = False) -> None:
        self.limits = limits
        self.quiet_stderr = quiet_stderr
        self.proc: subprocess.Popen | None = None
        self.ready = False
        self.task: Any = None  # the task being processed (set by submit, cleared when its outcome is known)
        self.deadline: float | None = None
        self.started_at = 0.0
        self.peak_rss_mb: float = 0.0
        self.ocr_pages = 0  # pages of the current file to OCR: each adds limits.ocr_page_seconds to its time
        self.ocr_threads = 1  # pages of a file OCR'd at once (more when the run has fewer files than workers)
        # called with (task, event, value) for the progress events of the file being read (``ocr.notify``)
        self.on_progress: Any = None
        self._buffer = bytearray()

    # -- life cycle
    def start(self) -> None:
        cmd = [sys.executable, "-c", "from pipeline.isolate import child_main; child_main()",
               str(self.limits.memory_mb), str(os.getpid())]
        kwargs: dict[str, Any] = {}
        if os.name == "posix":
            kwargs["process_group"] = 0  # its own group: killpg reaches what it started (Tesseract)
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, bufsize=0,
                                     stderr=subprocess.DEVNULL if self.quiet_stderr else None,
                                     env=_worker_env(), close_fds=True, **kwargs)
        self.ready = False
        self._buffer.clear()
        self.started_at = time.monotonic()

    @property
    def alive(self) -> bool:
        return self.proc is not None

    @property
    def busy(self) -> bool:
        return self.task is not None

    def fileno(self) -> int:
        assert self.proc is not None and self.proc.stdout is not None
        return self.proc.stdout.fileno()

    def submit(self, task: Any, name: str, path: str, options: Any) -> None:
        """Give the worker one file (starting a worker process first if there is none, or if it died idle)."""
        if self.proc is not None and self.proc.poll() is not None:
            self._reap()
        if self.proc is None:
            self.start()
        self.task = task
        self.ocr_pages = 0
        self.deadline = time.monotonic() + self.limits.timeout if self.ready else None
        self._send((name, path, options, self.ocr_threads))
        self._progress("start", 0)

    def _progress(self, event: str, value: int) -> None:
        if event == "ocr" and self.deadline is not None:
            self.ocr_pages += value
            self.deadline += value * self.limits.ocr_page_seconds
        if self.on_progress is not None and self.task is not None:
            self.on_progress(self.task, event, value)

    def time_left(self, now: float) -> float:
        if self.deadline is None:  # still importing: bounded by the start-up timeout
            return self.started_at + STARTUP_TIMEOUT - now
        return self.deadline - now

    def on_readable(self) -> Outcome | None:
        """Read what the worker sent; the outcome of its file when complete, else None."""
        assert self.proc is not None and self.proc.stdout is not None
        try:
            chunk = os.read(self.fileno(), 1 << 20)
        except OSError:
            chunk = b""
        if not chunk:
            return self._died()
        self._buffer += chunk
        outcome = None
        while len(self._buffer) >= _HEADER.size:
            (size,) = _HEADER.unpack_from(self._buffer)
            if len(self._buffer) < _HEADER.size + size:
                break
            message = pickle.loads(bytes(self._buffer[_HEADER.size:_HEADER.size + size]))
            del self._buffer[:_HEADER.size + size]
            if message[0] == "ready":
                self.ready = True
                if self.task is not None:
                    self.deadline = time.monotonic() + self.limits.timeout
            elif message[0] == "progress":
                self._progress(message[1], message[2])
            elif message[0] == "done":
                outcome = message[1]
                if outcome.peak_rss_mb:
                    self.peak_rss_mb = max(self.peak_rss_mb, outcome.peak_rss_mb)
                self.task = None
                self.deadline = None
                if outcome.kind != OK:  # memory or an error: the interpreter's state is suspect
                    self.kill()
                    break
        return outcome

    def expire(self, now: float) -> Outcome | None:
        """Kill the worker if its file (or its start-up) ran out of time; the file's outcome if it did."""
        if self.proc is None or self.time_left(now) > 0:
            return None
        if not self.ready:
            self.kill()
            raise WorkerStartError(f"a worker process did not start within {STARTUP_TIMEOUT:g} s")
        elapsed = now - (self.deadline - self.limits.timeout - self.ocr_pages * self.limits.ocr_page_seconds)
        self.kill()
        self.task = None
        return Outcome(FailureKind.TIMEOUT, seconds=elapsed)

    def _died(self) -> Outcome:
        """The worker's stdout closed: it exited or was killed by a signal. Why, from its exit status."""
        was_ready = self.ready
        status, peak_mb = self._reap()
        if not was_ready:
            raise WorkerStartError(f"a worker process exited while starting ({status}); is --memory-limit "
                                   f"({self.limits.memory_mb} MB) too low to load the pipeline?")
        self.task = None
        self.deadline = None
        # Past the ceiling, PDFium aborts or segfaults instead of raising: a crash with a large footprint is
        # the ceiling's doing (its address space is larger than its resident memory).
        if peak_mb is not None and peak_mb >= 0.5 * self.limits.memory_mb:
            return Outcome(FailureKind.MEMORY, detail=status, peak_rss_mb=peak_mb)
        return Outcome(FailureKind.CRASH, detail=status, peak_rss_mb=peak_mb)

    def kill(self) -> None:
        """End the worker and everything it started, now."""
        if self.proc is None:
            return
        if os.name == "posix":
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
        else:
            self.proc.kill()
        self._reap()

    def close(self) -> None:
        """Retire the worker at the end of a batch (it holds nothing worth a graceful exit)."""
        self.kill()

    def _reap(self) -> tuple[str, float | None]:
        proc, self.proc = self.proc, None
        self.ready = False
        if proc is None:
            return "not running", None
        for stream in (proc.stdin, proc.stdout):
            try:
                stream.close()
            except OSError:
                pass
        peak_mb = None
        if proc.returncode is None and hasattr(os, "wait4"):
            try:
                _, raw_status, usage = os.wait4(proc.pid, 0)
                proc.returncode = os.waitstatus_to_exitcode(raw_status)
                peak_mb = _maxrss_mb(usage.ru_maxrss)
            except ChildProcessError:
                proc.returncode = proc.returncode if proc.returncode is not None else -1
        else:
            proc.wait()
        code = proc.returncode
        if code is not None and code < 0:
            try:
                status = f"killed by {signal.Signals(-code).name}"
            except ValueError:
                status = f"killed by signal {-code}"
        else:
            status = f"exit status {code}"
        return status, peak_mb

    def _send(self, message: object) -> None:
        assert self.proc is not None and self.proc.stdin is not None
        data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
        try:
            self.proc.stdin.write(_HEADER.pack(len(data)) + data)
        except BrokenPipeError:
            pass  # it died: its stdout closes too, and on_readable reports it

    # -- one file, synchronously (the Dask engine: one worker per Dask thread)
    def run(self, name: str, path: str, options: Any) -> Outcome:
        self.submit(object(), name, path, options)
        while True:
            with selectors.DefaultSelector() as sel:
                sel.register(self.fileno(), selectors.EVENT_READ)
                readable = sel.select(max(0.0, min(self.time_left(time.monotonic()), 1.0)))
            outcome = self.on_readable() if readable else self.expire(time.monotonic())
            if outcome is not None:
                return outcome


def _maxrss_mb(maxrss: int) -> float:
    # ru_maxrss is in kilobytes on Linux, in bytes on macOS
    return round(maxrss / (1 << 20 if sys.platform == "darwin" else 1 << 10), 1)


def _start_free_workers(workers: list[Worker], pending: Iterator[Any], options: Any) -> bool:
    """Give each free worker the next task; False once ``pending`` has no task left (a lazy iterable is read
    only as workers free up, so that the batch reads its file list as it goes)."""
    for worker in workers:
        if worker.busy:
            continue
        task = next(pending, None)
        if task is None:
            return False
        worker.submit(task, task.name, task.path, options)
    return True


def _readable_workers(busy: list[Worker]) -> list[Worker]:
    """The busy workers with something to read, waited for until the nearest deadline of one of them, and
    0.5 s at most."""
    now = time.monotonic()
    wait = max(0.0, min(min(w.time_left(now) for w in busy), 0.5))
    # a fresh selector each round: workers are killed and restarted, and their pipes with them
    with selectors.DefaultSelector() as sel:
        for worker in busy:
            sel.register(worker.fileno(), selectors.EVENT_READ, worker)
        return [key.data for key, _ in sel.select(wait)]


def _finished_tasks(busy: list[Worker], ready: list[Worker]) -> Iterator[tuple[Any, Outcome]]:
    """(task, outcome) of the files that finished this round: those whose worker answered, then those whose
    worker ran out of time. The task is taken before the worker is asked: answering frees it."""
    for worker in ready:
        task = worker.task
        outcome = worker.on_readable()
        if outcome is not None:
            yield task, outcome
    now = time.monotonic()
    for worker in busy:
        if worker.busy:
            task = worker.task
            outcome = worker.expire(now)
            if outcome is not None:
                yield task, outcome


def run_pool(tasks: Iterable[Any], jobs: int, limits: Limits, options: Any, *,
             quiet_stderr: bool = False, stats: dict | None = None, ocr_threads: int = 1,
             on_progress: Any = None) -> Iterator[tuple[Any, Outcome]]:
    """Process ``tasks`` (objects with ``name`` and ``path``) on ``jobs`` workers; yield (task, outcome) as files
    finish. Tasks are pulled only when a worker is free, so a lazy iterable is read as the batch goes; workers
    start only when there is work for them. ``stats["peak_rss_mb"]`` receives each worker's peak RSS (MB).
    ``ocr_threads``: pages each worker OCRs at once; ``on_progress(task, event, value)``: see ``Worker``."""
    workers = [Worker(limits, quiet_stderr=quiet_stderr) for _ in range(max(1, jobs))]
    for worker in workers:
        worker.ocr_threads, worker.on_progress = max(1, ocr_threads), on_progress
    pending = iter(tasks)
    exhausted = False
    try:
        while True:
            if not exhausted:
                exhausted = not _start_free_workers(workers, pending, options)
            busy = [w for w in workers if w.busy]
            if not busy:
                break
            finished = list(_finished_tasks(busy, _readable_workers(busy)))
            if finished and not exhausted:  # the freed workers start their next file before the batch stores
                exhausted = not _start_free_workers(workers, pending, options)  # these results: no idle gap
            yield from finished
    finally:
        if stats is not None:
            stats["peak_rss_mb"] = [w.peak_rss_mb for w in workers if w.peak_rss_mb]
        for worker in workers:
            worker.close()


# ----------------------------------------------------------------------------------------------- worker side

def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _read_exactly(fd: int, size: int) -> bytes | None:
    chunks = bytearray()
    while len(chunks) < size:
        chunk = os.read(fd, size - len(chunks))
        if not chunk:
            return None
        chunks += chunk
    return bytes(chunks)


def _watch_parent(parent_pid: int) -> None:
    """Kill this worker (and its group) when the batch that started it is gone."""
    while True:
        time.sleep(0.5)
        if os.getppid() != parent_pid:
            try:
                os.killpg(os.getpgrp(), signal.SIGKILL)
            finally:
                os._exit(1)


def _limit_memory(memory_mb: int) -> None:
    try:
        import resource
    except ImportError:  # not POSIX: no ceiling
        return
    limit = memory_mb << 20
    try:
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ValueError, OSError):
        pass


def _peak_rss_mb() -> float | None:
    try:
        import resource
    except ImportError:
        return None
    return _maxrss_mb(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def _hook_matches(variable: str, name: str) -> bool:
    value = os.environ.get(variable)
    return bool(value) and value in Path(name).name


def run_one(name: str, path: str, options: Any) -> Outcome:
    """One file, in the worker. ``name`` is the path the user gave (the row's ``source_file``); ``path`` is where
    the bytes are (the same, or a temporary copy on a Dask worker)."""
    from pipeline.process import Options, process_file

    if isinstance(options, dict):  # the batch sends the fields, so that it never imports the stages itself
        options = Options(**options)
    start = time.perf_counter()
    try:
        if _hook_matches(HANG_HOOK, name):
            while True:
                time.sleep(60)
        if _hook_matches(MEMORY_HOOK, name):
            hog = []
            while True:
                hog.append(bytearray(64 << 20))
        if _hook_matches(CRASH_HOOK, name):
            os.kill(os.getpid(), signal.SIGSEGV)
        result = process_file(path, options)
        result.document.source_file = name
        if result.failure is FailureKind.MEMORY:  # process_file caught a MemoryError itself
            outcome = Outcome(FailureKind.MEMORY, detail=result.document.error or "")
        else:
            outcome = Outcome(OK, result=result)
    except MemoryError:
        hog = None  # noqa: F841 - free it before anything else is allocated
        outcome = Outcome(FailureKind.MEMORY)
    except Exception as exc:  # a bug outside process_file's own guard: report it on the file's row
        outcome = Outcome(FailureKind.ERROR, detail=f"{type(exc).__name__}: {exc}")
    outcome.seconds = time.perf_counter() - start
    outcome.peak_rss_mb = _peak_rss_mb()
    return outcome


# Young objects a worker allocates before Python's cyclic collector runs (default 700). A file's records,
# lines and words live until the file is done and hold almost no cycles: over the benchmark's 806 pages the
# default threshold ran thousands of collections that freed 481 objects in all, 2-3 % of the stages' CPU time.
WORKER_GC_THRESHOLD = 50_000


def _fewer_collections() -> None:
    """The worker's garbage collector tuned for its work: what the imports built (the formula tables' compiled
    patterns, the modules) is frozen out of every collection, and the young generation is collected after
    ``WORKER_GC_THRESHOLD`` allocations instead of 700."""
    import gc

    gc.collect()
    gc.freeze()
    _, older, oldest = gc.get_threshold()
    gc.set_threshold(WORKER_GC_THRESHOLD, older, oldest)


def child_main(argv: list[str] | None = None) -> None:
    """Entry point of a worker process: ``memory_mb parent_pid`` on the command line, tasks on stdin."""
    argv = sys.argv[1:] if argv is None else argv
    memory_mb, parent_pid = int(argv[0]), int(argv[1])
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the batch's to handle: it kills its workers
    proto_in, proto_out = os.dup(0), os.dup(1)
    os.dup2(2, 1)  # print() and C libraries writing to stdout now go to stderr, not into the message stream
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    os.close(devnull)
    if os.getppid() != parent_pid:
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent_pid,), daemon=True).start()
    _limit_memory(memory_mb)
    # Pay the imports before saying ready, not on the first file's clock. (pdfplumber is not among them: only a file
    # PDFium cannot open is given to it, to tell why.)
    import pipeline.process  # noqa: F401
    import pipeline.tables  # noqa: F401

    _fewer_collections()

    def send(message: object) -> None:
        data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
        _write_all(proto_out, _HEADER.pack(len(data)) + data)

    from pipeline.ingest import set_listener

    set_listener(lambda event, value: send(("progress", event, value)))
    send(("ready", os.getpid()))
    while True:
        header = _read_exactly(proto_in, _HEADER.size)
        if header is None:
            break
        body = _read_exactly(proto_in, _HEADER.unpack(header)[0])
        if body is None:
            break
        name, path, options, threads = pickle.loads(body)
        os.environ[OCR_THREADS] = str(threads)
        send(("done", run_one(name, path, options)))
    os._exit(0)
