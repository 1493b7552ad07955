"""Batch processing at archive scale: isolation (timeout, memory ceiling, crashes), resume, the Dask engine,
and a fuzz test of damaged PDFs through the whole batch."""

from __future__ import annotations

import csv
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import NON_DELIBERATION, REPO, SAMPLE_A, delib_executable
from models.records import TABLES, Document, FailureKind, FileResult
from pipeline.batch import BatchStats, Progress, Task, extract
from pipeline.isolate import CRASH_HOOK, HANG_HOOK, MEMORY_HOOK, OK, Limits, Worker, run_pool
from pipeline.store import STORE_DIR, VERSION_HOOK, ResultStore, Stored, content_hash, pipeline_version

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS and /proc are Linux's")


def delib(*args: str, env: dict[str, str] | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([delib_executable(), *args], capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, **(env or {})})


def variant(source: Path, target: Path, tag: str) -> Path:
    """A copy of ``source`` with different bytes (a comment after %%EOF): another content hash, same PDF."""
    target.write_bytes(source.read_bytes() + f"\n% {tag}\n".encode())
    return target


def small_deliberation(path: Path) -> Path:
    """A one-page deliberation (attendance, articles, a vote) that reads in a few hundredths of a second, so that
    a short --timeout stays far above what a good file needs, even on a loaded machine."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    lines = [
        "COMMUNE DE TESTVILLE",
        "EXTRAIT DU REGISTRE DES DELIBERATIONS DU CONSEIL MUNICIPAL",
        "Séance du 12 mars 2024",
        "Délibération n° 2024-015",
        "Étaient présents : M. Jean DUPONT, Mme Marie MARTIN, M. Paul DURAND.",
        "Absents excusés : Mme Claire PETIT.",
        "Objet : Travaux de voirie rue des Lilas",
        "Le Conseil Municipal, après en avoir délibéré,",
        "Article 1 : approuve les travaux pour un montant de 12 500,00 € HT.",
        "Article 2 : autorise le Maire à signer les pièces du marché.",
        "Adopté à l'unanimité (pour : 3, contre : 0, abstention : 0).",
        "Fait à Testville, le 12 mars 2024. Le Maire, Jean DUPONT",
    ]
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    for i, line in enumerate(lines):
        pdf.drawString(50, 800 - 20 * i, line)
    pdf.save()
    return path


def documents(out: Path) -> dict[str, dict]:
    with open(out / "documents.csv", encoding="utf-8", newline="") as fh:
        return {Path(row["source_file"]).name: row for row in csv.DictReader(fh)}


def assert_same_csvs(first: Path, second: Path) -> None:
    for table in TABLES:
        assert (first / f"{table}.csv").read_bytes() == (second / f"{table}.csv").read_bytes(), table


def stored_files(out: Path) -> dict[str, tuple[int, int]]:
    """Stored results -> (inode, mtime): a result written again gets a new inode (atomic rename)."""
    return {p.name: (p.stat().st_ino, p.stat().st_mtime_ns)
            for p in (out / STORE_DIR / "results").rglob("*.pickle")}


# ------------------------------------------------------------------------------------------------ isolation

def test_batch_survives_broken_and_hanging_files(bad_files, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for path in [NON_DELIBERATION, *bad_files.values()]:
        (folder / path.name).write_bytes(path.read_bytes())
    small_deliberation(folder / "deliberation.pdf")
    variant(NON_DELIBERATION, folder / "never-ends.pdf", "hang")
    out = tmp_path / "out"
    started = time.monotonic()
    proc = delib("extract", str(folder), "--out", str(out), "--jobs", "2", "--timeout", "5", "--ocr", "never",
                 env={HANG_HOOK: "never-ends"})
    assert time.monotonic() - started < 120
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    rows = documents(out)
    assert len(rows) == 3 + len(bad_files)
    assert rows["deliberation.pdf"]["status"] == "ok"
    assert rows[NON_DELIBERATION.name]["status"] == "partial"
    for kind, path in bad_files.items():
        assert rows[path.name]["status"] == "failed", kind
        assert rows[path.name]["error"], kind
    assert "damaged or truncated" in rows[bad_files["truncated"].name]["error"]
    assert "encrypted" in rows[bad_files["encrypted"].name]["error"]
    hung = rows["never-ends.pdf"]
    assert hung["status"] == "failed"
    assert hung["error"] == "Processing took longer than 5 s (timeout)."
    assert hung["doc_id"] == content_hash(folder / "never-ends.pdf")[:16]
    assert "never-ends.pdf: Processing took longer than 5 s (timeout)." in proc.stderr
    # every other output is complete: the good file's deliberation, attendance, articles and vote are there
    for table in TABLES:
        assert (out / f"{table}.csv").is_file()
    doc_id = rows["deliberation.pdf"]["doc_id"]
    for table, n in (("deliberations", 1), ("attendance", 4), ("articles", 2), ("votes", 1)):
        text = (out / f"{table}.csv").read_text(encoding="utf-8")
        assert sum(line.startswith(doc_id) for line in text.splitlines()) == n, table


@linux_only
def test_file_past_the_memory_ceiling_fails_and_the_batch_goes_on(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    variant(NON_DELIBERATION, folder / "hog.pdf", "hog")
    (folder / NON_DELIBERATION.name).write_bytes(NON_DELIBERATION.read_bytes())
    out = tmp_path / "out"
    proc = delib("extract", str(folder), "--out", str(out), "--jobs", "1", "--memory-limit", "400", "--quiet",
                 "--ocr", "never", env={MEMORY_HOOK: "hog"})
    assert proc.returncode == 1, proc.stderr
    rows = documents(out)
    assert rows["hog.pdf"]["status"] == "failed"
    assert rows["hog.pdf"]["error"] == "Processing needed more than 400 MB of memory."
    assert rows[NON_DELIBERATION.name]["status"] == "partial"  # read by a fresh worker after the first one


def test_worker_crash_costs_one_file(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    variant(NON_DELIBERATION, folder / "boom.pdf", "boom")
    (folder / NON_DELIBERATION.name).write_bytes(NON_DELIBERATION.read_bytes())
    out = tmp_path / "out"
    stats = BatchStats()
    monkeypatch.setenv(CRASH_HOOK, "boom")
    results = extract([str(folder)], out, jobs=1, quiet=True, options={"ocr": "never"}, stats=stats)
    monkeypatch.delenv(CRASH_HOOK)
    by_name = {Path(r.document.source_file).name: r.document for r in results}
    kinds = {Path(r.document.source_file).name: r.failure for r in results}
    assert kinds == {"boom.pdf": FailureKind.CRASH, NON_DELIBERATION.name: None}
    assert by_name["boom.pdf"].status == "failed"
    assert "crashed (killed by SIGSEGV)" in by_name["boom.pdf"].error
    assert by_name[NON_DELIBERATION.name].status == "partial"
    assert stats.processed == 2
    # a crash is not stored: the next run tries the file again
    again = BatchStats()
    extract([str(folder)], out, jobs=1, quiet=True, options={"ocr": "never"}, resume=True, stats=again)
    assert (again.processed, again.reused) == (1, 1)


def test_same_content_under_two_names_is_read_once(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("copy-1.pdf", "copy-2.pdf"):
        (folder / name).write_bytes(NON_DELIBERATION.read_bytes())
    stats = BatchStats()
    results = extract([str(folder)], tmp_path / "out", jobs=2, quiet=True, stats=stats)
    assert (stats.processed, stats.reused) == (1, 1)
    assert sorted(Path(r.document.source_file).name for r in results) == ["copy-1.pdf", "copy-2.pdf"]
    assert len({r.document.doc_id for r in results}) == 1


# --------------------------------------------------------------------------------------------------- resume

def _orphan_workers(parent_pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if any(b"pipeline.isolate" in part for part in cmdline) and str(parent_pid).encode() in cmdline:
            found.append(int(entry.name))
    return found


@linux_only
def test_interrupted_run_resumes_to_the_same_csvs(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    # sorted by name, processed one at a time: 1..3 finish, then 4 hangs (test hook) until the batch is killed
    variant(SAMPLE_A, folder / "1-a.pdf", "1")
    for i, name in enumerate(["2-other.pdf", "3-other.pdf", "4-stuck-the-first-time.pdf", "5-other.pdf",
                              "6-other.pdf"], 2):
        variant(NON_DELIBERATION, folder / name, str(i))
    interrupted = tmp_path / "interrupted"
    cmd = [delib_executable(), "extract", str(folder), "--out", str(interrupted), "--jobs", "1", "--quiet"]
    # one pipeline version for the three runs, even if the working tree is edited meanwhile
    version = {VERSION_HOOK: pipeline_version()}
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
                            env={**os.environ, **version, HANG_HOOK: "stuck-the-first-time"})
    deadline = time.monotonic() + 120
    while not (interrupted / STORE_DIR).exists() or len(stored_files(interrupted)) < 3:
        assert proc.poll() is None, "the batch ended before it was interrupted"
        assert time.monotonic() < deadline, "the first three files were never finished"
        time.sleep(0.05)
    time.sleep(0.3)  # file 4 is now hanging
    os.killpg(proc.pid, signal.SIGKILL)  # the whole process group, as a power cut or kill -9 would
    proc.wait(timeout=30)
    finished = stored_files(interrupted)
    assert len(finished) == 3
    assert not (interrupted / "documents.csv").exists()  # nothing assembled: the run never finished
    # its worker, in a process group of its own, notices that its batch is gone and ends itself
    deadline = time.monotonic() + 10
    while _orphan_workers(proc.pid):
        assert time.monotonic() < deadline, "a worker outlived its batch"
        time.sleep(0.1)

    resumed = delib("extract", str(folder), "--out", str(interrupted), "--jobs", "2", "--resume", env=version)
    assert resumed.returncode == 0, resumed.stderr
    assert "6 files (3 read, 3 reused), 0 failed" in resumed.stderr
    after = stored_files(interrupted)
    assert len(after) == 6
    assert all(after[name] == finished[name] for name in finished), "a finished file was processed again"

    straight = tmp_path / "straight"
    proc = delib("extract", str(folder), "--out", str(straight), "--jobs", "2", "--quiet", env=version)
    assert proc.returncode == 0, proc.stderr
    assert_same_csvs(interrupted, straight)


def test_resume_over_an_unchanged_folder_reads_nothing(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    variant(NON_DELIBERATION, folder / "a.pdf", "a")
    variant(NON_DELIBERATION, folder / "n.pdf", "n")
    out = tmp_path / "out"
    extract([str(folder)], out, jobs=2, quiet=True)
    first = {t: (out / f"{t}.csv").read_bytes() for t in TABLES}
    checks = []
    stats = BatchStats()
    extract([str(folder)], out, jobs=2, quiet=True, resume=True, stats=stats,
            before_first_file=lambda: checks.append(1))
    assert (stats.processed, stats.reused) == (0, 2)
    assert checks == []  # no file read: no configuration check either
    assert {t: (out / f"{t}.csv").read_bytes() for t in TABLES} == first
    # a changed file is read again, and only it
    variant(NON_DELIBERATION, folder / "n.pdf", "n, edited")
    stats = BatchStats()
    extract([str(folder)], out, jobs=2, quiet=True, resume=True, stats=stats)
    assert (stats.processed, stats.reused) == (1, 1)
    # without --resume everything is read again
    stats = BatchStats()
    extract([str(folder)], out, jobs=2, quiet=True, stats=stats)
    assert (stats.processed, stats.reused) == (2, 0)


def outputs(out: Path) -> dict[str, tuple[int, bytes]]:
    """Every output file (not the store) -> (mtime, bytes)."""
    return {p.relative_to(out).as_posix(): (p.stat().st_mtime_ns, p.read_bytes())
            for p in out.rglob("*") if p.is_file() and STORE_DIR not in p.relative_to(out).parts}


def test_resume_writes_nothing_when_the_outputs_are_as_this_batch_would_write_them(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    variant(NON_DELIBERATION, folder / "a.pdf", "a")
    small_deliberation(folder / "d.pdf")
    out = tmp_path / "out"
    stats = BatchStats()
    extract([str(folder)], out, jobs=2, quiet=True, stats=stats)
    assert stats.outputs_written
    first = outputs(out)
    assert {"documents.csv", "summary.md", "deliberations.sqlite", "scdl/deliberations.csv"} <= set(first)
    stats = BatchStats()
    results = extract([str(folder)], out, jobs=2, quiet=True, resume=True, stats=stats)
    assert (stats.processed, stats.outputs_written) == (0, False)
    assert outputs(out) == first  # not even rewritten (same modification times)
    assert [r.document.source_file for r in results] == sorted(str(p) for p in folder.iterdir())
    # an output damaged or deleted since: everything is written again, as it was
    (out / "documents.csv").write_text("edited by hand", encoding="utf-8")
    (out / "summary.md").unlink()
    stats = BatchStats()
    extract([str(folder)], out, jobs=2, quiet=True, resume=True, stats=stats)
    assert stats.outputs_written
    assert {k: v[1] for k, v in outputs(out).items()} == {k: v[1] for k, v in first.items()}
    # another batch option, or another set of inputs, is another assembly
    for kwargs in ({"csv_dialect": "excel-fr"}, {}):
        stats = BatchStats()
        extract([str(folder)], out, jobs=2, quiet=True, resume=True, stats=stats, **kwargs)
        assert stats.outputs_written and stats.processed == 0
    (folder / "a.pdf").rename(folder / "b.pdf")
    stats = BatchStats()
    extract([str(folder)], out, jobs=2, quiet=True, resume=True, stats=stats)
    assert (stats.processed, stats.reused, stats.outputs_written) == (0, 2, True)
    assert "b.pdf" in (out / "documents.csv").read_text(encoding="utf-8")


def test_resume_retries_a_timeout_only_with_a_longer_timeout(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    variant(NON_DELIBERATION, folder / "slow.pdf", "slow")
    out = tmp_path / "out"
    monkeypatch.setenv(HANG_HOOK, "slow")
    results = extract([str(folder)], out, jobs=1, quiet=True, timeout=1)
    assert results[0].document.error == "Processing took longer than 1 s (timeout)."
    stats = BatchStats()
    extract([str(folder)], out, jobs=1, quiet=True, timeout=1, resume=True, stats=stats)
    assert stats.reused == 1  # same limit: the stored timeout stands
    monkeypatch.delenv(HANG_HOOK)
    stats = BatchStats()
    results = extract([str(folder)], out, jobs=1, quiet=True, timeout=30, resume=True, stats=stats)
    assert stats.processed == 1 and results[0].document.status == "partial"


def test_store_keys_on_content_version_and_options(tmp_path):
    sha = content_hash(NON_DELIBERATION)
    store = ResultStore(tmp_path, {"ocr": "never"})
    assert store.path_for(sha).name == f"{sha}-{pipeline_version()}-{store.suffix.rsplit('-', 1)[1]}"
    assert ResultStore(tmp_path, {"ocr": "auto"}).path_for(sha) != store.path_for(sha)
    assert ResultStore(tmp_path, {"ocr": "never"}, version="0.0.0+other").path_for(sha) != store.path_for(sha)
    store.save(sha, Stored("a result", ("memory", 500)))
    assert store.load(sha, timeout=120, memory_mb=500).result == "a result"
    assert store.load(sha, timeout=120, memory_mb=1000) is None  # more memory allowed now: try again
    store.path_for(sha).write_bytes(b"not a pickle")
    assert store.load(sha, timeout=120, memory_mb=500) is None
    assert pipeline_version().startswith("0.") and "+" in pipeline_version()


# ----------------------------------------------------------------------------------------------------- dask

def test_dask_engine_writes_the_same_csvs_as_the_local_engine(bad_files, tmp_path, monkeypatch):
    distributed = pytest.importorskip("distributed")
    folder = tmp_path / "in"
    folder.mkdir()
    for path in [SAMPLE_A, NON_DELIBERATION, bad_files["truncated"], bad_files["empty"]]:
        (folder / path.name).write_bytes(path.read_bytes())
    (folder / "sub").mkdir()
    (folder / "sub" / SAMPLE_A.name).write_bytes(SAMPLE_A.read_bytes())  # same content, another path
    stuck = tmp_path / "stuck"  # apart, with a short timeout that a real file under load could exceed
    stuck.mkdir()
    variant(NON_DELIBERATION, stuck / "hangs.pdf", "hang")
    monkeypatch.setenv(HANG_HOOK, "hangs")  # before the cluster starts: its workers inherit it
    common = ["--ocr", "never", "--quiet"]
    runs = {"files": [str(folder)], "stuck": [str(stuck), "--timeout", "2"]}
    for name, args in runs.items():
        proc = delib("extract", *args, "--out", str(tmp_path / f"local-{name}"), "--jobs", "2", *common)
        assert proc.returncode == 1, proc.stderr
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=":0") as cluster:
        for name, args in runs.items():
            proc = delib("extract", *args, "--out", str(tmp_path / f"dask-{name}"), "--engine", "dask",
                         "--scheduler", cluster.scheduler_address, *common)
            assert proc.returncode == 1, proc.stderr
    for name in runs:
        assert_same_csvs(tmp_path / f"local-{name}", tmp_path / f"dask-{name}")
    rows = documents(tmp_path / "dask-files")
    assert rows[SAMPLE_A.name]["status"] == "ok"
    assert rows["truncated.pdf"]["status"] == "failed"
    assert documents(tmp_path / "dask-stuck")["hangs.pdf"]["error"] == "Processing took longer than 2 s (timeout)."
    with open(tmp_path / "dask-files" / "documents.csv", encoding="utf-8") as fh:
        assert sum(1 for row in csv.DictReader(fh) if row["source_file"].endswith(SAMPLE_A.name)) == 2


def test_dask_engine_needs_a_reachable_scheduler(tmp_path):
    proc = delib("extract", str(NON_DELIBERATION), "--out", str(tmp_path), "--engine", "dask")
    assert proc.returncode == 2 and "--scheduler" in proc.stderr
    proc = delib("extract", str(NON_DELIBERATION), "--out", str(tmp_path), "--engine", "dask",
                 "--scheduler", "tcp://127.0.0.1:9", env={"DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "2s"})
    assert proc.returncode == 2
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in proc.stderr
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize("args, message", [
    (["--timeout", "0"], "--timeout must be a positive number"),
    (["--memory-limit", "10"], "--memory-limit must be at least 128"),
    (["--scheduler", "tcp://h:8786"], "--scheduler is only used with --engine dask"),
    (["--engine", "spark"], "invalid choice"),
])
def test_bad_batch_options_are_usage_errors(tmp_path, args, message):
    proc = delib("extract", str(NON_DELIBERATION), "--out", str(tmp_path), *args)
    assert proc.returncode == 2
    assert message in proc.stderr


# ----------------------------------------------------------------------------------------------- progress

def test_progress_bar_only_on_a_terminal(monkeypatch, capsys):
    from models.records import Document, FileResult
    from pipeline.batch import Progress

    result = FileResult(Document(doc_id="0" * 16, pages=3, status="failed"))
    monkeypatch.setattr(sys.stderr, "isatty", lambda: False, raising=False)
    silent = Progress(1, quiet=False)
    silent.update(result)
    silent.close()
    assert capsys.readouterr().err == ""

    class Terminal:
        def __init__(self) -> None:
            self.text = ""

        def write(self, s: str) -> int:
            self.text += s
            return len(s)

        def flush(self) -> None:
            pass

        def isatty(self) -> bool:
            return True

    term = Terminal()
    monkeypatch.setattr(sys, "stderr", term)
    assert not Progress(1, quiet=True).enabled
    bar = Progress(1, quiet=False)
    bar.update(result)
    bar.close()
    assert "1/1" in term.text and "pages/s" in term.text and "1 failed" in term.text


# ------------------------------------------------------------------------------------------------------ fuzz

MUTATION = st.one_of(
    st.tuples(st.just("flip"), st.integers(0, 10**6), st.integers(0, 255)),
    st.tuples(st.just("cut"), st.integers(0, 10**6), st.just(0)),
    st.tuples(st.just("insert"), st.integers(0, 10**6), st.integers(0, 255)),
)


def mutate(data: bytes, mutations: list[tuple[str, int, int]]) -> bytes:
    out = bytearray(data)
    for kind, at, value in mutations:
        at %= max(len(out), 1)
        if kind == "flip" and out:
            out[at] = value
        elif kind == "cut":
            del out[at:]
        elif kind == "insert":
            out[at:at] = bytes([value]) * 16
    return bytes(out)


# Each example is a small batch of mutants (a batch costs a worker start-up): 8 examples, up to 64 files.
@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(MUTATION, min_size=1, max_size=6), min_size=1, max_size=8))
def test_damaged_pdfs_never_stop_the_batch(tmp_path_factory, files):
    folder = tmp_path_factory.mktemp("fuzz")
    original = NON_DELIBERATION.read_bytes()  # 3 kB: small, yet a complete PDF with fonts and a text layer
    for i, mutations in enumerate(files):
        (folder / f"mutant-{i}.pdf").write_bytes(mutate(original, mutations))
    out = folder / "out"
    results = extract([str(folder)], out, jobs=2, quiet=True, timeout=30, options={"ocr": "never"})
    rows = documents(out)
    assert len(results) == len(files) and len(rows) == len(files)
    for row in rows.values():
        assert row["status"] in ("ok", "partial", "failed")
        assert row["status"] != "failed" or row["error"]


# ------------------------------------------------------------------------------------- failure kinds, scans

def test_unreadable_files_say_why_as_a_kind(bad_files):
    from pipeline.process import process_file

    kinds = {name: process_file(path).failure for name, path in bad_files.items()}
    assert kinds == {"truncated": FailureKind.DAMAGED, "empty": FailureKind.EMPTY, "text": FailureKind.NOT_PDF,
                     "encrypted": FailureKind.ENCRYPTED, "zero_pages": FailureKind.EMPTY}
    assert process_file(SAMPLE_A).failure is None


def test_each_page_to_ocr_adds_its_budget_to_the_file_timeout():
    worker = Worker(Limits(timeout=10.0, ocr_page_seconds=7.0))
    worker.task, worker.deadline = "a file", 100.0
    worker._progress("pages", 40)
    assert worker.deadline == 100.0
    worker._progress("ocr", 40)
    assert (worker.deadline, worker.ocr_pages) == (100.0 + 40 * 7.0, 40)


def test_progress_counts_pages_and_weighs_ocr_pages():
    progress = Progress(3, quiet=True)
    a, b = "a.pdf", "b.pdf"
    progress.on_event(a, "start", 0)
    assert progress.total == 3  # nothing known yet: a page a file
    progress.on_event(a, "pages", 10)
    progress.on_event(a, "ocr", 4)  # 6 text pages and 4 scanned ones
    weight = 10 + 4 * (Progress.OCR_PAGE_WEIGHT - 1)
    assert progress.total == weight * 3  # the files not seen yet count for the mean
    progress.on_event(a, "ocr_page", 1)
    assert progress.done_units == Progress.OCR_PAGE_WEIGHT  # the bar moves during OCR
    progress.update(FileResult(Document(doc_id="a", pages=10, status="ok")), task=a)
    assert progress.done_units == weight and progress.files == 1
    progress.on_event(b, "pages", 2)
    progress.update(FileResult(Document(doc_id="b", pages=2, status="ok")), task=b)
    assert progress.done_units == weight + 2
    assert progress.total == weight + 2 + (weight + 2) / 2


@pytest.mark.slow
def test_a_scan_alone_is_ocrd_on_every_worker_and_reports_each_page(tmp_path):
    from pipeline import ocr

    try:
        ocr.check_available()
    except ocr.OcrUnavailable:
        pytest.skip("Tesseract with its French model is not installed")
    scan = REPO / "samples" / "scans" / f"{SAMPLE_A.stem}_scan.pdf"
    events = []
    task = Task(index=0, name=str(scan), path=str(scan), sha256="")
    outcomes = list(run_pool([task], 2, Limits(timeout=600.0), {"ocr": "auto"}, ocr_threads=2,
                             on_progress=lambda t, event, value: events.append((event, value))))
    ((_, outcome),) = outcomes
    assert outcome.kind == OK and outcome.result.document.text_source == "ocr"
    assert events[:3] == [("start", 0), ("pages", 5), ("ocr", 5)]
    assert sorted(value for event, value in events if event == "ocr_page") == [1, 2, 3, 4, 5]


def test_outputs_written_side_by_side_are_the_files_one_process_writes(tmp_path):
    # write_outputs settles member ids and the SCDL plan first, then forks the CSVs and the workbook, the reports,
    # the open-data exports and the members' pages: every file must be byte for byte what one process writes
    from pipeline.batch import write_outputs
    from pipeline.process import Options, process_file

    results = [process_file(path, Options(ocr="never")) for path in (SAMPLE_A, NON_DELIBERATION)]
    written = {}
    for jobs in (1, 3):
        out = tmp_path / f"jobs{jobs}"
        out.mkdir()
        paths = write_outputs(results, out, "default", None, jobs=jobs)
        written[jobs] = {p.relative_to(out).as_posix(): p.read_bytes() for p in paths}
    assert written[1] == written[3]
    assert {"members.html", "index.html", "attendance.csv", "deliberations.sqlite", "deliberations.xlsx",
            "scdl/deliberations.csv"} <= set(written[3])
    assert len([name for name in written[3] if name.startswith("members/")]) == len(
        {r.member_id for r in results[0].rows["attendance"]})


def test_a_writer_that_fails_in_a_forked_process_fails_the_batch_here():
    from pipeline.batch import write_in_parallel

    def broken() -> list[Path]:
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        write_in_parallel([lambda: [], broken], jobs=2)


def test_the_largest_files_are_sent_to_the_workers_first(tmp_path):
    """Longest first: a batch does not end with one worker reading a long file while the others idle. The outputs
    keep the input order (results are indexed by input)."""
    from pipeline.batch import _Run

    paths = []
    for name, size in [("a.pdf", 10), ("b.pdf", 3000), ("c.pdf", 200), ("d.pdf", 3000)]:
        path = tmp_path / name
        path.write_bytes(b"%PDF-1.4\n" + name.encode() * size)
        paths.append(path)
    run = _Run(paths, ResultStore(tmp_path / "out", {}), Limits(), BatchStats(), Progress(4, True), False, None)
    assert [(Path(t.name).name, t.index) for t in run.tasks()] == [("b.pdf", 1), ("d.pdf", 3), ("c.pdf", 2),
                                                                   ("a.pdf", 0)]
