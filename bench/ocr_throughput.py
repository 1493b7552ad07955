"""OCR throughput: pages/s of ``ingest(..., ocr="auto")`` on a scan, with an empty cache and with a warm one.

    python bench/ocr_throughput.py [SCAN.pdf ...] [--repeat N]

Default input: the scanned copy of the seed sample, ``samples/scans/<sample>_scan.pdf`` (5 image-only pages,
made by ``samples/make_scan.py``, rebuilt here if missing). Each figure is the best of ``--repeat`` runs.

- cold: a fresh, empty cache folder (``DELIB_CACHE_DIR``): render, deskew, rule removal, Tesseract (French),
  line building — what a first run over an archive costs;
- warm: the same files again, every page found in the cache: render and hash only — what a re-run costs.

Pages are OCR'd in parallel, one Tesseract per core (``pipeline.ocr.workers``); inside a batch each worker OCRs
one page at a time, the batch running one file per core, unless the run has fewer files than workers (then each
worker OCRs ``jobs // files`` pages at once). The figure to compare between machines and versions is pages/s per
core: the cold rate divided by the pages read at once, and, on a machine shared with other work, pages per
CPU-second (this process and its Tesseract processes), which the load does not move. ``bench/throughput.py`` measures text PDFs only and
can call ``measure`` for the OCR figure.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from pipeline import ocr  # noqa: E402
from pipeline.ingest import ingest  # noqa: E402

SAMPLES = REPO / "samples"


def default_scan() -> Path:
    spec = importlib.util.spec_from_file_location("make_scan", SAMPLES / "make_scan.py")
    make_scan = importlib.util.module_from_spec(spec)
    sys.modules["make_scan"] = make_scan
    spec.loader.exec_module(make_scan)
    source = make_scan.default_source()
    path = make_scan.SCANS / f"{source.stem}_scan.pdf"
    if not path.is_file():
        make_scan.scan_pdf(source, path, pages=make_scan.DEFAULT_PAGES)
    return path


def _read_all(paths: list[Path]) -> int:
    pages = 0
    for path in paths:
        doc = ingest(path, ocr="auto")
        pages += sum(1 for p in doc.pages if p.ocr)
    return pages


def cpu_seconds() -> float:
    """CPU time of this process and of its finished children (the Tesseract processes), user + system."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def measure(paths: list[Path], repeat: int = 1) -> dict:
    """OCR pages/s with a cold and with a warm cache (best of ``repeat`` runs each)."""
    ocr.check_available()
    saved = os.environ.get("DELIB_CACHE_DIR")
    cold, warm, cpu, pages = [], [], [], 0
    try:
        for _ in range(repeat):
            with tempfile.TemporaryDirectory(prefix="delib-ocr-bench-") as folder:
                os.environ["DELIB_CACHE_DIR"] = folder
                start, start_cpu = time.perf_counter(), cpu_seconds()
                pages = _read_all(paths)
                cold.append(time.perf_counter() - start)
                cpu.append(cpu_seconds() - start_cpu)
                start = time.perf_counter()
                _read_all(paths)
                warm.append(time.perf_counter() - start)
    finally:
        if saved is None:
            os.environ.pop("DELIB_CACHE_DIR", None)
        else:
            os.environ["DELIB_CACHE_DIR"] = saved
    cold_s, warm_s = min(cold), min(warm)
    return {"files": len(paths), "pages": pages, "workers": ocr.workers(), "cores": os.cpu_count(),
            "tesseract": ocr.tesseract_version(), "cold_s": cold_s, "warm_s": warm_s,
            "cold_pages_per_s": pages / cold_s if cold_s else 0.0,
            "cold_pages_per_s_per_core": pages / cold_s / ocr.workers() if cold_s else 0.0,
            "cold_pages_per_cpu_s": pages / min(cpu) if min(cpu) else 0.0,
            "warm_pages_per_s": pages / warm_s if warm_s else 0.0}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scans", nargs="*", type=Path, help="scanned PDFs (default: the sample's scanned copy)")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each measure; the best is kept")
    args = parser.parse_args(argv)
    paths = args.scans or [default_scan()]
    try:
        figures = measure(paths, repeat=max(1, args.repeat))
    except ocr.OcrUnavailable as exc:
        print(f"ocr_throughput: {exc}", file=sys.stderr)
        return 2
    print(f"OCR: {figures['pages']} pages in {figures['files']} file(s), Tesseract {figures['tesseract']}, "
          f"{figures['workers']} page(s) at once on {figures['cores']} core(s)")
    print(f"OCR pages/s (cold cache): {figures['cold_pages_per_s']:.2f}  ({figures['cold_s']:.1f} s), "
          f"{figures['cold_pages_per_s_per_core']:.2f} per core; {figures['cold_pages_per_cpu_s']:.3f} pages per "
          f"CPU-second (the per-core rate on idle cores, whatever the load)")
    print(f"OCR pages/s (warm cache): {figures['warm_pages_per_s']:.2f}  ({figures['warm_s']:.2f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
