"""End-to-end throughput of ``delib extract`` against plain text extraction, on the same pages.

    python bench/throughput.py [PDF_OR_DIR ...] [--min-pages 300] [--profile]

Corpus (default): the PDFs of samples/ and ../shared/corpus whose every page has a text layer (a scan would
measure Tesseract, not the pipeline), repeated to at least ``--min-pages`` pages. Repeated copies get a comment
after ``%%EOF`` so that each has its own content hash (the batch reads a content once, however many paths
have it).

In one run, over the same pages, it prints:
- end-to-end pages/s of the batch (``extract``: workers, every stage, the store, the CSVs and reports) with
  ``--jobs 1`` and ``--jobs 2``, each from an empty output folder, and the peak RSS of each worker;
- the CPU time of the text path alone: every stage of every file (``process_file``) in this process, without the
  batch's workers and the run's outputs, so that what the stages cost and what the outputs cost can be told apart;
- pages/s of plain pdfplumber ``extract_text()`` and of plain pypdfium2 ``get_text_range()`` (one process);
- the time of a ``--resume`` over the unchanged corpus, through the API and through the ``delib`` command
  (which adds the interpreter's start-up), as a share of the first ``--jobs 1`` run;
- the ratios, against the targets of issue 18 (text path >= 8x pdfplumber at --jobs 1, >= 1.85x from --jobs 1
  to --jobs 2, peak RSS per worker < 300 MB).

Each rate is given in wall-clock time and in CPU time (the workers' user + system time, or this process's for
the baselines): on a machine shared with other work, wall-clock ratios move with the load, CPU-time ratios do
not, so both are printed. The --jobs 2 speed-up can only be judged in wall-clock time on otherwise idle cores.

``--profile`` adds a pyinstrument profile of the per-file pipeline (in this process, one file after another),
to find the hot spots.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from pipeline.batch import BatchStats, collect_inputs, extract  # noqa: E402
from pipeline.store import VERSION_HOOK, pipeline_version  # noqa: E402

SAMPLES = REPO / "samples"
CORPUS = REPO.parent / "shared" / "corpus"
MIN_TEXT_CHARS = 20
OPTIONS = {"ocr": "never"}  # text PDFs only: OCR would never run anyway, and the baselines do not OCR


def page_count_if_text(path: Path) -> int:
    """The file's number of pages when every page has a text layer, else 0."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(str(path))
    except Exception:
        return 0
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            text = textpage.get_text_range()
            textpage.close()
            page.close()
            if sum(1 for c in text if not c.isspace()) < MIN_TEXT_CHARS:
                return 0
        return len(pdf)
    finally:
        pdf.close()


def build_corpus(sources: list[str], min_pages: int, folder: Path) -> tuple[list[Path], int]:
    originals = []
    for path in collect_inputs(sources):
        pages = page_count_if_text(path)
        if pages:
            originals.append((path, pages))
    if not originals:
        raise SystemExit("no PDF with a text layer on every page in the corpus")
    files, total, round_ = [], 0, 0
    while total < min_pages or round_ == 0:
        for path, pages in originals:
            target = folder / f"{round_:03d}-{path.parent.name}-{path.name}"
            data = path.read_bytes()
            target.write_bytes(data if round_ == 0 else data + f"\n% bench copy {round_}\n".encode())
            files.append(target)
            total += pages
        round_ += 1
    return files, total


def children_cpu() -> float:
    """CPU seconds (user + system) of the finished child processes (the batch's workers, once reaped)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def plain_pdfplumber(files: list[Path]) -> tuple[int, float]:
    import pdfplumber

    start = time.perf_counter()
    pages = 0
    for path in files:
        with pdfplumber.open(str(path)) as pdf:
            for page in pdf.pages:
                page.extract_text()
                pages += 1
                page.close()
    return pages, time.perf_counter() - start


def plain_pypdfium2(files: list[Path]) -> tuple[int, float]:
    import pypdfium2 as pdfium

    start = time.perf_counter()
    pages = 0
    for path in files:
        pdf = pdfium.PdfDocument(str(path))
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            textpage.get_text_range()
            textpage.close()
            page.close()
            pages += 1
        pdf.close()
    return pages, time.perf_counter() - start


def batch(folder: Path, out: Path, jobs: int, resume: bool = False) -> tuple[BatchStats, float]:
    """The batch's figures and the CPU seconds it cost (workers and this process)."""
    stats = BatchStats()
    before = children_cpu() + time.process_time()
    extract([str(folder)], out, jobs=jobs, quiet=True, options=OPTIONS, resume=resume, stats=stats)
    return stats, children_cpu() + time.process_time() - before


def cpu_of(function, *args):
    """``function(*args)`` and the CPU seconds this process spent on it."""
    before = time.process_time()
    value = function(*args)
    return value, time.process_time() - before


def cli_resume(folder: Path, out: Path) -> float:
    delib = Path(sys.executable).parent / "delib"
    cmd = [str(delib) if delib.exists() else "delib", "extract", str(folder), "--out", str(out), "--resume",
           "--quiet", "--ocr", OPTIONS["ocr"]]
    start = time.perf_counter()
    subprocess.run(cmd, check=False, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def profile(files: list[Path]) -> None:
    from pyinstrument import Profiler

    from pipeline.process import Options, process_file

    process_file(files[0], Options(**OPTIONS))  # imports and one-off caches out of the picture
    profiler = Profiler(interval=0.002)
    profiler.start()
    for path in files:
        process_file(path, Options(**OPTIONS))
    profiler.stop()
    print(profiler.output_text(unicode=False, color=False, show_all=False))


def per_file_pipeline(files: list[Path]) -> tuple[int, float]:
    """The text path alone: every stage of ``process_file`` (ingest -> validation) over the files, one after the
    other in this process, without the batch around it (workers, store, the run's CSVs, reports, database,
    workbook, members view). Returns (pages, CPU seconds); the imports and one-off caches are paid before."""
    from pipeline.process import Options, process_file

    process_file(files[0], Options(**OPTIONS))
    before = time.process_time()
    pages = sum(process_file(path, Options(**OPTIONS)).document.pages or 0 for path in files)
    return pages, time.process_time() - before


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sources", nargs="*", metavar="PDF_OR_DIR",
                        help="corpus (default: samples/ and ../shared/corpus, text PDFs only)")
    parser.add_argument("--min-pages", type=int, default=300, help="repeat the corpus to at least this many pages")
    parser.add_argument("--profile", action="store_true", help="also profile the per-file pipeline (pyinstrument)")
    args = parser.parse_args(argv)
    sources = args.sources or [str(SAMPLES)] + ([str(CORPUS)] if CORPUS.is_dir() else [])
    # One pipeline version for every run of the bench, even if the working tree is edited meanwhile.
    os.environ[VERSION_HOOK] = pipeline_version()
    work = Path(tempfile.mkdtemp(prefix="delib-bench-"))
    try:
        folder = work / "corpus"
        folder.mkdir()
        files, pages = build_corpus(sources, args.min_pages, folder)
        for path in files:  # the OS cache warm for every measure alike
            path.read_bytes()
        print(f"corpus: {len(files)} files, {pages} pages (text layer on every page); {os.cpu_count()} cores, "
              f"load average {os.getloadavg()[0]:.1f} (other processes skew the figures, --jobs 2 most)\n")

        one, one_cpu = batch(folder, work / "out-1", jobs=1)
        two, two_cpu = batch(folder, work / "out-2", jobs=2)
        resumed, _ = batch(folder, work / "out-1", jobs=1, resume=True)
        resume_cli = cli_resume(folder, work / "out-1")
        (plumber_pages, plumber_s), plumber_cpu = cpu_of(plain_pdfplumber, files)
        (pdfium_pages, pdfium_s), pdfium_cpu = cpu_of(plain_pypdfium2, files)
        path_pages, path_cpu = per_file_pipeline(files)
        assert path_pages == pages
        assert one.pages_processed == two.pages_processed == plumber_pages == pdfium_pages == pages
        assert resumed.processed == 0 and resumed.reused == len(files)

        rate1, rate2 = pages / one.seconds, pages / two.seconds
        plumber, pdfium = plumber_pages / plumber_s, pdfium_pages / pdfium_s
        peak = max(one.peak_rss_mb + two.peak_rss_mb)
        rows = [
            ("delib extract --jobs 1", f"{rate1:8.1f} pages/s", f"{one.seconds:7.2f} s",
             f"{pages / one_cpu:6.1f} pages/CPU-s; peak RSS per worker "
             f"{', '.join(f'{m:.0f}' for m in one.peak_rss_mb)} MB"),
            ("delib extract --jobs 2", f"{rate2:8.1f} pages/s", f"{two.seconds:7.2f} s",
             f"{pages / two_cpu:6.1f} pages/CPU-s; peak RSS per worker "
             f"{', '.join(f'{m:.0f}' for m in two.peak_rss_mb)} MB"),
            ("text path alone (in process)", "", f"{path_cpu:7.2f} CPU-s", f"{pages / path_cpu:6.1f} pages/CPU-s: "
             "every stage of every file, without the batch's workers and outputs"),
            ("pdfplumber extract_text()", f"{plumber:8.1f} pages/s", f"{plumber_s:7.2f} s",
             f"{plumber_pages / plumber_cpu:6.1f} pages/CPU-s"),
            ("pypdfium2 get_text_range()", f"{pdfium:8.1f} pages/s", f"{pdfium_s:7.2f} s",
             f"{pdfium_pages / pdfium_cpu:6.1f} pages/CPU-s"),
            ("--resume, unchanged (API)", "", f"{resumed.seconds:7.2f} s", ""),
            ("--resume, unchanged (delib)", "", f"{resume_cli:7.2f} s", "with interpreter start-up"),
        ]
        for row in rows:
            print(f"{row[0]:30} {row[1]:>16} {row[2]:>10}   {row[3]}")
        print()
        checks = [
            ("--jobs 1 / pdfplumber", rate1 / plumber, ">= 8", rate1 / plumber >= 8),
            ("  in CPU time", plumber_cpu / one_cpu, ">= 8", plumber_cpu / one_cpu >= 8),
            ("text path alone / pdfplumber", plumber_cpu / path_cpu, ">= 8", plumber_cpu / path_cpu >= 8),
            ("--jobs 2 / --jobs 1", rate2 / rate1, ">= 1.85", rate2 / rate1 >= 1.85),
            ("pypdfium2 / --jobs 1", pdfium / rate1, "", None),
            ("peak RSS per worker (MB)", peak, "< 300", peak < 300),
            ("resume / first run (API)", resumed.seconds / one.seconds, "< 0.05", resumed.seconds / one.seconds < 0.05),
            ("resume / first run (delib)", resume_cli / one.seconds, "< 0.05", resume_cli / one.seconds < 0.05),
        ]
        for name, value, target, ok in checks:
            verdict = "" if ok is None else ("met" if ok else "NOT MET")
            print(f"{name:30} {value:10.3f}   target {target:8} {verdict}")
        if args.profile:
            print()
            profile(files)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
