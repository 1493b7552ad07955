"""Make a scanned copy of a sample PDF: what an archive's photocopied-then-scanned deliberation looks like.

Each page is rasterised at 200 dpi in grayscale (pypdfium2), turned by about half a degree, given scanner noise
(Gaussian grain, dust specks and a slight blur, from a fixed seed so the copy is the same every time) and saved
as a JPEG (quality 60);
the pages are assembled into a PDF with no text layer at all (Pillow). ``delib`` must OCR it.

Usage::

    python samples/make_scan.py [SOURCE.pdf] [--out FILE.pdf] [--pages 1-5] [--dpi 200] [--angle 0.5]

Without SOURCE, the Pas-de-Calais sample in style ``a`` is used (built with ``make_samples.py`` when it is
missing), and its first five pages — the deliberation itself: attendance, the four votes, the budget table,
the signature — are written to ``samples/scans/<sample>_scan.pdf``. The annexes are left out to keep the file
small and its OCR quick (``make run`` OCRs it on a cold cache in a few seconds per page).
``scan_pdf`` is the importable API (tests make their own copies with it).
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageFilter

HERE = Path(__file__).resolve().parent
SCANS = HERE / "scans"
DEFAULT_PAGES = (1, 2, 3, 4, 5)
# A fixed date in the PDF's info dictionary, so that two builds are byte-identical.
_EPOCH = time.gmtime(0)


def load_make_samples():
    """``make_samples.py`` is a script, not a package module: import it by path."""
    if "make_samples" in sys.modules:
        return sys.modules["make_samples"]
    spec = importlib.util.spec_from_file_location("make_samples", HERE / "make_samples.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_samples"] = module
    spec.loader.exec_module(module)
    return module


def default_source() -> Path:
    make_samples = load_make_samples()
    path = HERE / f"{make_samples.STEM}_a.pdf"
    if not path.is_file():
        make_samples.build_pdf("a", path)
    return path


def scan_page(image: Image.Image, *, angle: float, rng: np.random.Generator, grain: float = 10.0,
              specks: int = 400, blur: float = 0.8) -> Image.Image:
    """One rasterised page -> its scanned look: slight rotation, grain, dust, the softness of scanner optics
    (which also keeps the JPEG small)."""
    page = image.convert("L").rotate(angle, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255)
    pixels = np.asarray(page, dtype=np.float32)
    pixels = pixels * 0.92 + 8  # the paper is never white, the toner never black
    pixels += rng.normal(0.0, grain, pixels.shape)
    h, w = pixels.shape
    ys, xs = rng.integers(0, h - 2, specks), rng.integers(0, w - 2, specks)
    for y, x, size in zip(ys, xs, rng.integers(1, 3, specks)):
        pixels[y:y + size, x:x + size] = rng.uniform(40, 140)
    page = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8), mode="L")
    return page.filter(ImageFilter.GaussianBlur(blur)) if blur else page


def scan_pdf(source: Path, out: Path, *, pages: Sequence[int] | None = None, dpi: int = 200, angle: float = 0.5,
             seed: int = 20240617, quality: int = 60) -> Path:
    """Write an image-only scanned copy of ``source`` (the given 1-based pages, default all) to ``out``."""
    rng = np.random.default_rng(seed)
    pdf = pdfium.PdfDocument(str(source))
    try:
        numbers = list(pages) if pages else list(range(1, len(pdf) + 1))
        images = []
        for k, number in enumerate(numbers):
            page = pdf[number - 1]
            try:
                bitmap = page.render(scale=dpi / 72, grayscale=True)
                image = bitmap.to_pil()
            finally:
                page.close()
            # alternate the direction a little, as a sheet feeder does
            images.append(scan_page(image, angle=angle if k % 2 == 0 else -0.8 * angle, rng=rng))
    finally:
        pdf.close()
    # JPEG at this quality keeps the text sharp enough to read and the file small; Pillow writes each page as
    # one DCT-encoded image sized so that the page keeps the source's dimensions.
    jpegs = []
    for image in images:
        buf = io.BytesIO()
        image.save(buf, format="JPEG", quality=quality, optimize=True)
        jpegs.append(Image.open(io.BytesIO(buf.getvalue())))
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    jpegs[0].save(tmp, format="PDF", save_all=True, append_images=jpegs[1:], resolution=float(dpi),
                  quality=quality, title="scanned copy", creationDate=_EPOCH, modDate=_EPOCH)
    tmp.replace(out)
    return out


def parse_pages(text: str) -> list[int]:
    """``1-5,8`` -> [1, 2, 3, 4, 5, 8]."""
    out: list[int] = []
    for part in text.split(","):
        first, _, last = part.partition("-")
        out.extend(range(int(first), int(last or first) + 1))
    return out


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("source", nargs="?", type=Path, help="PDF to scan (default: the style-a sample)")
    ap.add_argument("--out", type=Path, help="output PDF (default: samples/scans/<source>_scan.pdf)")
    ap.add_argument("--pages", type=parse_pages, help="pages to keep, e.g. 1-5 (default: 1-5 of the sample, "
                                                      "every page of another source)")
    ap.add_argument("--dpi", type=int, default=200)
    ap.add_argument("--angle", type=float, default=0.5, help="rotation in degrees")
    ap.add_argument("--seed", type=int, default=20240617)
    args = ap.parse_args(argv)
    source = args.source or default_source()
    pages = args.pages or (DEFAULT_PAGES if args.source is None else None)
    out = args.out or SCANS / f"{source.stem}_scan.pdf"
    scan_pdf(source, out, pages=pages, dpi=args.dpi, angle=args.angle, seed=args.seed)
    print(f"{out} ({out.stat().st_size / 1e6:.2f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
