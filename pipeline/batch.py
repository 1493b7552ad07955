"""Run the per-file pipeline over many files and write the tables. Never reaches inside a file's processing.

``extract`` is the batch: collect the inputs, hash each file, reuse a stored result (``--resume``) or send the
file to an engine, store each result the moment it is finished (``pipeline.store``), and write every CSV at the
end from one result per input file (``write_tables``: deterministic, whatever the order files finished in).

Engines: ``local`` runs the files on a pool of worker processes on this machine (``pipeline.isolate``: a timeout
and a memory ceiling per file, a crash costs one file); ``dask`` runs them on a Dask cluster
(``pipeline.dask_engine``) with the same isolation on each worker.

The parent stays light: it never imports the pipeline stages (the workers do), and imports the writers only
when it writes, so a ``--resume`` over an unchanged archive whose outputs are as the last run left them costs
hashing the files and reading the stored results (``ResultStore.is_assembled``).
"""

from __future__ import annotations

import dataclasses
import glob
import json
import os
import re
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from models.records import FailureKind, FileResult
from pipeline.export.csv_tables import dialect_for
from pipeline.isolate import OCR_PAGE_SECONDS, OK, Limits, Outcome, run_pool
from pipeline.normalize.ids import siret_exact
from pipeline.store import ResultStore, Stored, content_hash

GLOB_CHARS = set("*?[")
ENGINES = ("local", "dask")


class InputError(ValueError):
    """An input given on the command line does not exist or matches nothing (a usage error)."""


def collect_inputs(inputs: Iterable[str]) -> list[Path]:
    """Files, folders (searched recursively for *.pdf) and glob patterns -> sorted, de-duplicated file paths."""
    found: list[Path] = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            found.extend(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() == ".pdf")
        elif path.exists():
            found.append(path)
        elif GLOB_CHARS & set(item):
            matches = [Path(m) for m in glob.glob(item, recursive=True)]
            if not matches:
                raise InputError(f"no file matches {item!r}")
            for m in matches:
                if m.is_dir():
                    found.extend(p for p in m.rglob("*") if p.is_file() and p.suffix.lower() == ".pdf")
                else:
                    found.append(m)
        else:
            raise InputError(f"no such file or folder: {item!r}")
    unique = dict.fromkeys(found)  # keep the first occurrence of each path
    return sorted(unique, key=lambda p: str(p))


@dataclass(frozen=True, slots=True)
class Task:
    """One file content to process: ``name`` is the path as given (``source_file``), ``path`` where to read it."""

    index: int
    name: str
    path: str
    sha256: str


@dataclass(slots=True)
class BatchStats:
    """What a batch did, for the CLI's summary and the throughput benchmark."""

    files: int = 0
    processed: int = 0  # files read by a worker in this run
    reused: int = 0  # files whose stored result was reused (--resume, or the same content given twice)
    failed: int = 0
    pages_processed: int = 0
    outputs_written: bool = False  # False: a --resume found every output as this batch would write it
    seconds: float = 0.0
    peak_rss_mb: list[float] = field(default_factory=list)  # per local worker


class Progress:
    """A progress bar on stderr, only when stderr is a terminal and not --quiet: page units read (an OCR'd page
    weighs ``OCR_PAGE_WEIGHT`` text pages, about what it costs), the file being read, files, pages/s, failures.

    Workers report each file's pages once its text layer is read and each OCR'd page as it is read
    (``ingest.notify``), so the bar and its ETA move during a long OCR. Until a file's pages are known it
    counts for the mean weight of the files known so far (one page before any is known).
    """

    OCR_PAGE_WEIGHT = 50  # a text page takes ~0.03 s, a scanned page 1.5-3.5 s of Tesseract

    def __init__(self, total: int, quiet: bool) -> None:
        self.total_files = total
        self.enabled = not quiet and sys.stderr.isatty()
        self.start = time.monotonic()
        self.files = self.pages = self.failures = 0
        self.reading: dict[Any, int] = {}  # task being read -> its weight (page units), once known
        self.advanced: dict[Any, int] = {}  # task being read -> units already counted (its OCR'd pages)
        self.finished_units = 0  # weight of the files done
        self.known_units = self.known_files = 0  # weights reported by workers, for the mean
        self.done_units = 0
        self.bar = None
        if self.enabled:
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit="page", file=sys.stderr, dynamic_ncols=True, leave=True,
                            smoothing=0.05, mininterval=0.25)

    @property
    def total(self) -> int:
        """Page units of the whole run: done, being read, and the mean weight for the files not seen yet."""
        mean = self.known_units / self.known_files if self.known_files else 1
        unseen = max(0, self.total_files - self.files - len(self.reading))
        return max(self.done_units, round(self.finished_units + sum(self.reading.values()) + mean * unseen))

    def on_event(self, task: Any, event: str, value: int) -> None:
        """A worker's progress event for ``task``: ``start``, or one of ``ingest.notify``'s."""
        if event == "pages":
            self.reading[task] = value
            self.known_units += value
            self.known_files += 1
        elif event == "ocr":
            self.reading[task] = self.reading.get(task, 0) + value * (self.OCR_PAGE_WEIGHT - 1)
            self.known_units += value * (self.OCR_PAGE_WEIGHT - 1)
        elif event == "ocr_page":
            self.advanced[task] = self.advanced.get(task, 0) + self.OCR_PAGE_WEIGHT
            self._advance(self.OCR_PAGE_WEIGHT)
        elif event == "start" and self.bar is not None:
            self.bar.set_description_str(Path(getattr(task, "name", "")).name[-40:], refresh=False)
        self._show()

    def update(self, result: FileResult, *, processed: bool = True, task: Any = None) -> None:
        self.files += 1
        if processed:
            self.pages += result.document.pages or 0
        self.failures += result.document.status == "failed"
        weight = self.reading.pop(task, None)
        if weight is None:  # reused, failed before its pages were known, or no progress events (Dask)
            weight = result.document.pages or 1
        self.finished_units += weight
        self._advance(max(0, weight - self.advanced.pop(task, 0)))
        self._show()

    def _advance(self, units: int) -> None:
        self.done_units += units
        if self.bar is not None:
            self.bar.update(units)

    def _show(self) -> None:
        if self.bar is None:
            return
        self.bar.total = self.total
        rate = self.pages / max(time.monotonic() - self.start, 1e-6)
        self.bar.set_postfix_str(f"{self.files}/{self.total_files} files, {rate:.1f} pages/s, "
                                 f"{self.failures} failed", refresh=False)
        self.bar.refresh()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def options_fields(options: Any) -> dict[str, Any]:
    """Per-file options as plain fields: a ``process.Options`` or a mapping of its fields (the CLI passes a
    mapping, so the parent never imports the pipeline stages; workers build ``Options(**fields)``)."""
    if options is None:
        return {}
    if dataclasses.is_dataclass(options):
        return dataclasses.asdict(options)
    if isinstance(options, Mapping):
        return dict(options)
    raise TypeError(f"options must be process.Options or a mapping, not {type(options).__name__}")


def failure_message(outcome: Outcome, limits: Limits) -> str:
    if outcome.kind == FailureKind.TIMEOUT:
        return f"Processing took longer than {limits.timeout:g} s (timeout)."
    if outcome.kind == FailureKind.MEMORY:
        return f"Processing needed more than {limits.memory_mb} MB of memory."
    if outcome.kind == FailureKind.CRASH:
        return f"The worker reading this file crashed ({outcome.detail}); the PDF may be pathological."
    return f"The worker failed on this file ({outcome.detail})."


def _failed(path: str, error: str, sha256: str | None) -> FileResult:
    from pipeline.process import failed_result  # only when something failed: the parent stays light

    return failed_result(Path(path), error, sha256=sha256)


def _as_source(result: FileResult, name: str) -> FileResult:
    """The same result for another path of the same content (a duplicate, or a resumed run's path)."""
    if result.document.source_file == name:
        return result
    # dataclasses.replace keeps the identifiers and annexes found (the SCDL export reads the printed SIRETs)
    return dataclasses.replace(result, document=dataclasses.replace(result.document, source_file=name))


def write_outputs(results: list[FileResult], out_dir: Path, csv_dialect: str, coll_siret: str | None,
                  collectivites: tuple = (), lang: str = "fr", reviews: Path | None = None,
                  jobs: int = 1) -> list[Path]:
    """Every output of the batch from one result per input: the members of the run (``pipeline.members``,
    resolved once over every file, whatever the engine or ``--resume`` gave), the contract CSVs, the members
    view, the reports (and index.html, which links the members view, and summary.md), the SCDL exports, the
    SQLite database and the Excel workbook. Returns the files written.

    What every output reads is settled first, in this process (member ids, the SCDL plan and its findings);
    then the CSVs with the workbook made from them, the reports, the open-data exports and the members' pages,
    which only write files, run side by side in ``jobs`` forked processes (``write_in_parallel``)."""
    from functools import partial

    from pipeline.export.csv_tables import write_tables
    from pipeline.export.members_html import write_member_pages, write_members_index
    from pipeline.export.open_data import prepare, write_open_data, write_workbook_of
    from pipeline.export.reports import write_reports
    from pipeline.export.scdl import OpenDataOptions
    from pipeline.members import resolve_members

    roster = resolve_members(results)  # once over the whole run: fills member_id in every file's rows
    open_data = prepare(results, OpenDataOptions(coll_siret=coll_siret, collectivites=collectivites))
    index = write_members_index(roster, out_dir)  # before the reports: index.html links it when it exists

    def tables_then_workbook() -> list[Path]:  # the workbook is made from the CSVs just written
        tables = write_tables(results, out_dir, csv_dialect, roster.members)
        return [*tables, *write_workbook_of(out_dir, csv_dialect)]

    parts = [tables_then_workbook,  # the longest first
             partial(write_reports, results, out_dir, lang=lang, reviews=reviews),
             partial(write_open_data, results, out_dir, open_data, csv_dialect, roster.members),
             partial(write_member_pages, roster, out_dir)]
    return [*index, *write_in_parallel(parts, jobs)]


EXPORTERS = ("pipeline.export.csv_tables", "pipeline.export.members_html", "pipeline.export.open_data",
             "pipeline.export.reports", "pipeline.export.index_html", "pipeline.export.evidence", "pipeline.members",
             "xlsxwriter")


def _warm_up() -> None:
    """The writers' imports, and the official dataset's name index every run's SCDL plan reads (0.2 s)."""
    from importlib import import_module

    for module in EXPORTERS:
        import_module(module)
    from pipeline.export.scdl import official_index

    official_index()


class _Warmup:
    """Imports the writers of the run's outputs (pandas, xlsxwriter…: most of a second) and reads the
    official dataset (``_warm_up``) in a thread of this process while the workers read the files, where it would
    otherwise come after them. Started with the first file sent to a worker (a ``--resume`` with nothing to read
    imports nothing); the workers are started with ``subprocess`` (fork + exec), and the outputs' own forks wait
    for ``join``."""

    def __init__(self, then: Callable[[], None] | None) -> None:
        self.then, self.thread = then, None

    def before_first_file(self) -> None:
        import threading

        if self.then is not None:
            self.then()
        self.thread = threading.Thread(target=_warm_up, daemon=True, name="delib-warmup")
        self.thread.start()

    def join(self) -> None:
        if self.thread is not None:
            self.thread.join()


_PARTS: list[Callable[[], list[Path]]] = []  # what the forked writers run (inherited, never pickled)


def _write_part(k: int) -> list[Path]:
    return _PARTS[k]()


def write_in_parallel(parts: list[Callable[[], list[Path]]], jobs: int) -> list[Path]:
    """Run writers that only write files (each returns the files it wrote), in order, in up to ``jobs`` forked
    processes: a fork inherits the results without copying or pickling them. One job, or a system where fork is
    not the default (macOS, Windows), runs them here one after the other. A writer's exception is raised here, as
    if it ran here."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # fork only where it is the platform's own default (Linux): macOS's system libraries are not fork-safe
    if jobs <= 1 or len(parts) <= 1 or multiprocessing.get_start_method(allow_none=True) not in (None, "fork") \
            or not sys.platform.startswith("linux"):
        return [path for part in parts for path in part()]
    _PARTS[:] = parts
    try:
        with ProcessPoolExecutor(max_workers=min(jobs, len(parts)),
                                 mp_context=multiprocessing.get_context("fork")) as pool:
            return [path for written in pool.map(_write_part, range(len(parts))) for path in written]
    finally:
        _PARTS.clear()


def _file_digest(path: Path) -> str | None:
    """The content of a side file the outputs depend on (reviews.csv), for the assembly key."""
    try:
        return content_hash(path)
    except OSError:
        return None


REPORT_NAME = re.compile(r".+-[0-9a-f]{8}(?:\.\d+\.png|\.md|\.html|\.json)$|[0-9a-f]{16}\.(?:md|html|json)$")


def previous_outputs(out_dir: Path) -> set[Path]:
    """The files the last complete run wrote into ``out_dir`` (its assembly record), plus the reports delib
    names in ``reports/`` (a run interrupted before its record leaves them too)."""
    from pipeline.store import ASSEMBLY_RECORD, STORE_DIR

    found: set[Path] = set()
    try:
        record = json.loads((out_dir / STORE_DIR / ASSEMBLY_RECORD).read_text(encoding="utf-8"))
        found |= {out_dir / name for name in record.get("outputs", {})}
    except (OSError, ValueError, AttributeError):
        pass
    reports = out_dir / "reports"
    if reports.is_dir():
        found |= {p for p in reports.iterdir() if p.is_file() and REPORT_NAME.match(p.name)}
    return found


def remove_stale(out_dir: Path, previous: set[Path], written: list[Path]) -> list[Path]:
    """The output folder is the current run: what a previous run wrote and this one did not (reports of inputs
    no longer in the run, their pictures) is removed. Files delib did not write are never touched."""
    keep = {Path(p).resolve() for p in written}
    removed = []
    for path in sorted(previous):
        if path.resolve() not in keep and path.is_file() and out_dir.resolve() in path.resolve().parents:
            path.unlink()
            removed.append(path)
    return removed


class _Run:
    """The per-file part of one batch: which input is read (once per content), reused from ``--resume``, or
    failed, and the results in input order."""

    def __init__(self, paths: list[Path], store: ResultStore, limits: Limits, stats: BatchStats,
                 progress: Progress, resume: bool, before_first_file: Callable[[], None] | None) -> None:
        self.paths, self.store, self.limits, self.stats, self.progress = paths, store, limits, stats, progress
        self.resume, self.before_first_file = resume, before_first_file
        self.results: list[FileResult | None] = [None] * len(paths)
        self.hashes: list[str | None] = [None] * len(paths)
        self.by_content: dict[str, FileResult] = {}  # results of this run, by content
        self.waiting: dict[str, list[int]] = {}  # content being processed -> the inputs that have it
        self.checked = False

    def finish(self, i: int, result: FileResult, *, processed: bool, task: Task | None = None) -> None:
        self.results[i] = result
        self.stats.failed += result.document.status == "failed"
        if processed:
            self.stats.processed += 1
            self.stats.pages_processed += result.document.pages or 0
        else:
            self.stats.reused += 1
        self.progress.update(result, processed=processed, task=task)

    def tasks(self) -> Iterator[Task]:
        """The files to read: one task per content not read yet in this run nor stored by an earlier one, the
        largest files first, so that the workers do not end with one long file read while the others idle (the
        outputs are written in input order whatever the order files are read in)."""
        for i in sorted(range(len(self.paths)), key=self._size_order):
            path = self.paths[i]
            name = str(path)
            try:
                sha = content_hash(path)
            except OSError as exc:
                self.finish(i, _failed(name, f"The file could not be read ({exc.strerror or exc}).", None),
                            processed=True)
                continue
            self.hashes[i] = sha
            if not self._known(i, name, sha):
                if not self.checked:
                    self.checked = True
                    if self.before_first_file is not None:
                        self.before_first_file()
                self.waiting[sha] = [i]
                yield Task(index=i, name=name, path=name, sha256=sha)

    def _size_order(self, i: int) -> tuple[int, int]:
        try:
            size = self.paths[i].stat().st_size
        except OSError:  # reported when the file is hashed
            size = 0
        return -size, i

    def _known(self, i: int, name: str, sha: str) -> bool:
        """Whether this content is being read, was read in this run, or is stored (``--resume``)."""
        if sha in self.waiting:
            self.waiting[sha].append(i)
            return True
        if sha in self.by_content:
            self.finish(i, _as_source(self.by_content[sha], name), processed=False)
            return True
        stored = self.store.load(sha, timeout=self.limits.timeout, memory_mb=self.limits.memory_mb) \
            if self.resume else None
        if stored is not None:
            self.by_content[sha] = stored.result
            self.finish(i, _as_source(stored.result, name), processed=False)
            return True
        return False

    def outcome(self, task: Task, outcome: Any) -> None:
        """A worker's outcome: stored (unless it crashed: tried again next time), given to every input of its
        content."""
        limits = self.limits
        if outcome.kind == OK:
            result, limited_by = outcome.result, None
        else:
            result = _failed(task.name, failure_message(outcome, limits), task.sha256)
            result.failure = FailureKind(outcome.kind)
            limited_by = {FailureKind.TIMEOUT: ("timeout", limits.timeout),
                          FailureKind.MEMORY: ("memory", limits.memory_mb)}.get(outcome.kind)
        if outcome.kind in (OK, FailureKind.TIMEOUT, FailureKind.MEMORY):  # crashes, errors: tried again
            self.store.save(task.sha256, Stored(result, limited_by))
        self.by_content[task.sha256] = result
        first, *others = self.waiting.pop(task.sha256)
        self.finish(first, _as_source(result, task.name), processed=True, task=task)
        for i in others:
            self.finish(i, _as_source(result, str(self.paths[i])), processed=False)


def _check_batch_options(engine: str, scheduler: str | None, csv_dialect: str, coll_siret: str | None) -> None:
    """Configuration checked before the first file is read."""
    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {', '.join(ENGINES)}, not {engine!r}")
    if engine == "dask" and not scheduler:
        raise ValueError("the dask engine needs the scheduler's address (--scheduler tcp://HOST:8786)")
    dialect_for(csv_dialect)
    if coll_siret is not None and not siret_exact(coll_siret):
        raise ValueError(f"coll_siret {coll_siret!r} is not a valid SIRET (14 digits that pass the Luhn check)")


def _run_files(run: _Run, engine: str, scheduler: str | None, jobs: int, fields: Any, quiet: bool) -> None:
    """Every task through the engine's workers; the workers are stopped at the end, also on Ctrl-C."""
    pool_stats: dict = {}
    if engine == "dask":
        from pipeline.dask_engine import run_dask

        outcomes = run_dask(run.tasks(), scheduler, run.limits, fields)
    else:
        # fewer files than workers: the idle cores OCR the pages of the files being read
        outcomes = run_pool(run.tasks(), jobs, run.limits, fields, quiet_stderr=quiet, stats=pool_stats,
                            ocr_threads=max(1, jobs // max(1, len(run.paths))), on_progress=run.progress.on_event)
    try:
        for task, outcome in outcomes:
            run.outcome(task, outcome)
    finally:
        close = getattr(outcomes, "close", None)
        if close is not None:
            close()
        run.progress.close()
        if engine == "local":
            run.stats.peak_rss_mb = pool_stats.get("peak_rss_mb", [])


def extract(inputs: Iterable[str], out_dir: Path, *, jobs: int | None = None, quiet: bool = False,
            options: Any = None, timeout: float = 120.0, memory_mb: int = 2048, resume: bool = False,
            ocr_page_seconds: float = OCR_PAGE_SECONDS,
            engine: str = "local", scheduler: str | None = None,
            before_first_file: Callable[[], None] | None = None,
            stats: BatchStats | None = None, csv_dialect: str = "default",
            coll_siret: str | None = None, collectivites: tuple = (), lang: str = "fr",
            reviews: Path | None = None) -> list[FileResult]:
    """Every input file through the pipeline, one ``FileResult`` per file (in input order), and the CSVs.

    ``before_first_file`` runs once, just before the first file is sent to a worker (configuration checks that
    are not worth paying when ``resume`` finds everything done). ``csv_dialect`` is the contract CSVs' dialect
    (``default`` or ``excel-fr``); ``coll_siret`` the collectivité's SIRET for the SCDL exports where a document
    prints none (batch-level: changing it re-reads no file); ``collectivites`` the rows of ``--collectivites``
    (``scdl.read_collectivites``: name -> SIRET, for a folder mixing councils). ``lang`` is the reports' and
    index's language (``fr`` or ``en``); ``reviews`` the review marks (default ``reviews.csv`` in ``out_dir``).
    Files a previous run wrote into ``out_dir`` that this run does not (inputs no longer given) are removed.
    """
    _check_batch_options(engine, scheduler, csv_dialect, coll_siret)
    started = time.perf_counter()
    paths = collect_inputs(inputs)
    limits = Limits(timeout=timeout, memory_mb=memory_mb, ocr_page_seconds=ocr_page_seconds)
    fields = options_fields(options)
    store = ResultStore(out_dir, fields)
    stats = stats if stats is not None else BatchStats()
    stats.files = len(paths)
    warm = _Warmup(before_first_file)
    run = _Run(paths, store, limits, stats, Progress(len(paths), quiet), resume, warm.before_first_file)
    _run_files(run, engine, scheduler, jobs or os.cpu_count() or 1, fields, quiet)
    warm.join()
    done = [r for r in run.results if r is not None]
    assert len(done) == len(paths), "every input has exactly one result"
    reviews = Path(reviews) if reviews else Path(out_dir) / "reviews.csv"
    key = store.assembly_key([(str(p), h) for p, h in zip(paths, run.hashes)], csv_dialect=csv_dialect,
                             coll_siret=coll_siret, collectivites=[list(row) for row in collectivites], lang=lang,
                             reviews=_file_digest(reviews))
    if not (stats.processed == 0 and store.is_assembled(key)):  # else: every output is already this batch's
        previous = previous_outputs(Path(out_dir))
        store.forget_assembly()
        written = write_outputs(done, out_dir, csv_dialect, coll_siret, collectivites, lang, reviews,
                                jobs=jobs or os.cpu_count() or 1)
        remove_stale(Path(out_dir), previous, written)
        store.record_assembly(key, written)
        stats.outputs_written = True
    stats.seconds = time.perf_counter() - started
    return done
