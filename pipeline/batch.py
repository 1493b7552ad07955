"""Run the per-file pipeline over many files and write the tables. Never reaches inside a file's processing."""

from __future__ import annotations

import glob
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from models.records import FileResult
from pipeline.export.csv_tables import write_tables
from pipeline.process import failed_result, process_file

GLOB_CHARS = set("*?[")


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


def run_files(paths: list[Path], *, jobs: int = 1,
              process: Callable[[Path], FileResult] = process_file) -> Iterator[FileResult]:
    """Yield one result per path (in completion order with several jobs)."""
    if jobs <= 1 or len(paths) <= 1:
        for path in paths:
            yield process(path)
        return
    done: set[Path] = set()
    try:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            for path, result in zip(paths, pool.map(process, paths, chunksize=1)):
                done.add(path)
                yield result
    except BrokenProcessPool:
        for path in paths:
            if path not in done:
                yield failed_result(path, "The worker reading this file crashed (the PDF may be pathological).")


class Progress:
    """One status line on stderr, only when it is a terminal and not --quiet."""

    def __init__(self, total: int, quiet: bool) -> None:
        self.total = total
        self.enabled = not quiet and sys.stderr.isatty()
        self.start = time.monotonic()
        self.files = self.pages = self.failures = 0

    def update(self, result: FileResult) -> None:
        self.files += 1
        self.pages += result.document.pages or 0
        self.failures += result.document.status == "failed"
        if self.enabled:
            rate = self.pages / max(time.monotonic() - self.start, 1e-6)
            sys.stderr.write(f"\r{self.files}/{self.total} files  {self.pages} pages  {rate:.1f} pages/s  "
                             f"{self.failures} failed ")
            sys.stderr.flush()

    def close(self) -> None:
        if self.enabled:
            sys.stderr.write("\n")


def extract(inputs: Iterable[str], out_dir: Path, *, jobs: int | None = None, quiet: bool = False) -> list[FileResult]:
    paths = collect_inputs(inputs)
    jobs = jobs or os.cpu_count() or 1
    progress = Progress(len(paths), quiet)
    results = []
    for result in run_files(paths, jobs=jobs):
        results.append(result)
        progress.update(result)
    progress.close()
    write_tables(results, out_dir)
    return results
