"""OCR of pages without a usable text layer: page image -> deskew -> Tesseract (French) -> ``Line`` records.

``ingest`` renders the pages that need OCR (image-only pages, and scans whose text layer is only a prefecture
stamp) and hands the images here; this module never opens a PDF. What comes back are the same ``Line`` records
the text layer gives — reading order top to bottom, coordinates in PDF points, segments split on wide gaps
between words — so every later stage works unchanged. Each OCR'd line also keeps its words with Tesseract's
confidence (``Line.words``, ``Line.conf``), and digit slips are repaired (``normalize.ocr_fix``).

Tesseract's output for a page image is cached on disk, keyed by a hash of the rendered image, the Tesseract
version, the language and the settings: see ``cache_dir``. A second run over the same scans does no OCR.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import multiprocessing
import os
import statistics
import tempfile
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import numpy as np
import regex
from PIL import Image

from models.layout import MISREAD_CONFIDENCE, IngestedDocument, Line, Page, Table
from pipeline.normalize.amounts import find_amounts
from pipeline.normalize.ocr_fix import CODE, code_repairs, fix_digit_groups
from pipeline.vocab import NAME_LIKE, VOTE_COUNTS

log = logging.getLogger(__name__)

BATCH_WORKER_FLAG = "DELIB_BATCH_WORKER"  # set by pipeline.isolate in its worker processes
# Pages a batch worker OCRs at once: set by pipeline.isolate when the run has fewer files than workers, so the
# idle cores read the pages of the files being read (default 1: the batch runs a file per core already).
THREADS_VARIABLE = "DELIB_OCR_THREADS"
MODES = ("never", "auto", "always")  # --ocr: never OCR; OCR pages without usable text; OCR every page
LANG = "fra"
# Pages are rendered at this resolution for Tesseract, whatever the scan's own: at 200 dpi, 10-point text of a
# 200 dpi scan reads worse (the sample's "Excusé(s)" and vote counts, Montpellier's "28 mars"), and Tesseract
# is only about 1.5 times faster. Lowered for a page that would exceed MAX_PIXELS (an A0 plan).
DPI = 300
MAX_PIXELS = 30_000_000
TESSERACT_CONFIG = "--oem 1 --psm 3"  # LSTM engine, automatic page segmentation (columns, blocks)
TABLE_CONFIG = "--oem 1 --psm 4"  # one column of a ruled table: a single column of lines
# doubtful counts read again, each on a line of its own, one under the other (``_read_digits``), digits only
DIGITS_CONFIG = "--oem 1 --psm 6 -c tessedit_char_whitelist=0123456789"
MARK_CONFIG = "--oem 1 --psm 6"  # columns whose marks the first reading dropped: one block of text
# A cell with at least this many dark pixels (below MARK_DARK, at 300 dpi on an A4 page A4_WIDTH_300DPI wide) more
# than RULE_MARGIN pixels inside its rules holds a mark: a 10-point "X" has about 150, a scanner's speck under 20.
MARK_INK, MARK_DARK, RULE_MARGIN, A4_WIDTH_300DPI = 60, 128, 6, 2480
MARK_LENGTH = 3  # characters: a cell this short that only the second reading found is a mark or a code
LABEL_LENGTH = 60  # characters of a row's label in what ocr.low_confidence names
SPECK_HEIGHT = 0.4  # a doubtful word of a table lower than this share of its usual height is a speck
SPECK_WIDTH = 0.3  # a stop narrower than this share of its line's height that opens a piece of a line is a speck
MIN_TABLE_WIDTH = 1 / 8  # of the page's width: a narrower stack of rules is a logo's frame or a stamp (26 mm on A4)
TABLE_BLOCK = 10_000  # block numbers of the words read in table columns (apart from Tesseract's own blocks)
TIMEOUT = 300  # seconds for one page before Tesseract is stopped
# Bumped whenever the image handed to Tesseract or the cached record changes: part of the cache key.
CACHE_FORMAT = 23
# Largest skew the deskew looks for, in degrees: scanners and photocopies stay well inside it. Below MIN_SKEW
# the page is left as it is: a line drifts by less than half a glyph across the page, which Tesseract follows,
# while resampling the image blurs it (Putanges PV 2024, page 1: "Nelly" read "Vel" after a 0.07° turn).
MAX_SKEW = 5.0
MIN_SKEW = 0.15
# Gap between two words, in multiples of the line height, that starts a new segment (table columns): the
# text layer's rule (``ingest.SEGMENT_GAP``), so an OCR'd table splits into the same columns.
SEGMENT_GAP = 1.2
# Amounts and counts read with a lower confidence (0-100) are reported by ``low_confidence_values``.
LOW_CONFIDENCE = 60.0
# Specks of scanner noise come back as lone punctuation with a low confidence: dropped below this.
NOISE_CONFIDENCE = 60.0


class OcrUnavailable(RuntimeError):
    """Tesseract or its French model is not installed. The message says how to install them."""


class OcrWord(NamedTuple):
    """One word as Tesseract read it, in pixels of the deskewed image."""

    x0: int
    top: int
    x1: int
    bottom: int
    text: str
    conf: float
    block: int
    line: int  # Tesseract's (paragraph, line) within the block, flattened


@dataclass(frozen=True, slots=True)
class OcrTable:
    """A ruled table of a page image: its box (pixels) and the text of its cells, row by row."""

    bbox: tuple[int, int, int, int]
    rows: tuple[tuple[str | None, ...], ...]
    # cells left empty because OCR could not read them surely: (what to check, the confidence of what was read)
    unread: tuple[tuple[str, float], ...] = ()


@dataclass(frozen=True, slots=True)
class OcrPage:
    """What Tesseract read on one page image; this is what the cache keeps."""

    width: int
    height: int
    angle: float  # skew found and corrected, degrees counter-clockwise
    words: tuple[OcrWord, ...]
    tables: tuple[OcrTable, ...] = ()
    # counts of rows of counts outside the tables that OCR could not read as a number, even in digits only:
    # (what to check, the confidence of what was read), as a table's ``unread``
    unread: tuple[tuple[str, float], ...] = ()


@dataclass(frozen=True, slots=True)
class OcrResult:
    """One page read by OCR, in the project's records: lines and ruled tables in PDF points, the skew corrected,
    and the counts outside the tables OCR left unread (``OcrPage.unread``)."""

    lines: list[Line]
    tables: list[Table]
    angle: float
    unread: tuple[tuple[str, float], ...] = ()


class LowConfidence(NamedTuple):
    page: int
    raw: str  # the value as read (after the digit-slip repair), e.g. "7 127 786,75"
    confidence: float  # the lowest confidence (0-100) of the OCR words it was read from


# --------------------------------------------------------------------------------------------------
# Tesseract


_lock = threading.Lock()
_version: str | None = None


def tesseract_version() -> str:
    """Tesseract's version; raises ``OcrUnavailable`` when Tesseract or its French model is missing."""
    global _version
    with _lock:
        if _version is None:
            import pytesseract

            try:
                version = str(pytesseract.get_tesseract_version()).split()[0]
                languages = pytesseract.get_languages(config="")
            except (pytesseract.TesseractNotFoundError, OSError) as exc:
                raise OcrUnavailable(
                    "Tesseract is not installed, so scanned pages cannot be OCR'd (install the Debian packages "
                    "tesseract-ocr and tesseract-ocr-fra: `make setup` does it).") from exc
            if LANG not in languages:
                raise OcrUnavailable(
                    f"Tesseract has no French model ({LANG}), so scanned pages cannot be OCR'd (install the "
                    "Debian package tesseract-ocr-fra).")
            _version = version
        return _version


def check_available() -> None:
    """Raise ``OcrUnavailable`` (a configuration error) when OCR cannot run."""
    tesseract_version()


def workers() -> int:
    """Pages OCR'd at once. Inside a batch worker one (the batch already runs a file per core: its workers set
    ``DELIB_BATCH_WORKER``); in a single process one per core. Each Tesseract runs single-threaded
    (``OMP_THREAD_LIMIT=1``): its OpenMP threads fight each other and run several times slower when pages are
    read in parallel."""
    if os.environ.get(BATCH_WORKER_FLAG) or multiprocessing.parent_process() is not None:
        try:
            return max(1, int(os.environ.get(THREADS_VARIABLE, "1")))
        except ValueError:
            return 1
    return max(1, min(os.cpu_count() or 1, 8))


def _run_tesseract(image: Image.Image, config: str = TESSERACT_CONFIG) -> list[OcrWord]:
    import pytesseract

    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    data = pytesseract.image_to_data(image, lang=LANG, config=config, timeout=TIMEOUT,
                                     output_type=pytesseract.Output.DICT)
    words = []
    for k, text in enumerate(data["text"]):
        text = " ".join(str(text).split())
        conf = float(data["conf"][k])
        if not text or conf < 0:
            continue
        left, top = int(data["left"][k]), int(data["top"][k])
        words.append(OcrWord(left, top, left + int(data["width"][k]), top + int(data["height"][k]), text,
                             round(conf, 2), int(data["block_num"][k]),
                             int(data["par_num"][k]) * 1000 + int(data["line_num"][k])))
    return words


# --------------------------------------------------------------------------------------------------
# Deskew


def estimate_skew(image: Image.Image) -> float:
    """The angle (degrees, counter-clockwise) the text lines of a page image are rotated by.

    Projection profiles: the dark pixels of a downscaled copy are projected along each candidate angle; the
    angle that packs them into the sharpest rows is the skew. Coarse search over +-MAX_SKEW, then refined.
    """
    gray = image.convert("L")
    factor = max(1, round(gray.width / 800))
    small = np.asarray(gray.reduce(factor) if factor > 1 else gray, dtype=np.uint8)
    dark = small <= _otsu(small)
    ys, xs = np.nonzero(dark)
    if len(ys) < 200 or len(ys) > 0.5 * dark.size:  # blank page, or a photo: nothing to align
        return 0.0
    step = max(1, len(ys) // 60_000)  # a sample of the dark pixels is enough to find the angle
    ys = ys[::step].astype(np.float64)
    xs = xs[::step].astype(np.float64) - small.shape[1] / 2

    def sharpness(angle: float) -> float:
        proj = ys + xs * np.tan(np.radians(angle))
        hist = np.bincount(np.clip(np.round(proj).astype(np.int64) + small.shape[1], 0, None))
        return float(np.dot(hist, hist))

    best = max(np.arange(-MAX_SKEW, MAX_SKEW + 1e-9, 0.25), key=sharpness)
    best = max(np.arange(best - 0.25, best + 0.25 + 1e-9, 0.02), key=sharpness)
    return round(float(best), 2)


def _otsu(pixels: np.ndarray) -> int:
    """Otsu's threshold: the grey level that best splits ink (``<=`` it) from paper."""
    hist = np.bincount(pixels.ravel(), minlength=256).astype(np.float64)
    total = hist.sum()
    levels = np.arange(256)
    weight = np.cumsum(hist)
    mean = np.cumsum(hist * levels)
    between = (mean[-1] * weight / total - mean) ** 2 / np.maximum(weight * (total - weight), 1e-9)
    return int(np.argmax(between))


def _runs(mask: np.ndarray, length: int, axis: int) -> np.ndarray:
    """The pixels of a 2-D ``mask`` that belong to a run of at least ``length`` set pixels along ``axis``."""
    if axis == 0:  # cumulative sums along rows are several times faster: work on the transpose
        return _runs(np.ascontiguousarray(mask.T), length, 1).T
    n = mask.shape[1]
    if n < length:
        return np.zeros_like(mask)
    cum = np.cumsum(np.pad(mask, [(0, 0), (1, 0)]), axis=1, dtype=np.int32)
    full = (cum[:, length:] - cum[:, :-length]) == length  # full[:, j]: [j, j + length) is all set
    # pixel i is covered when a full window starts in [i - length + 1, i]
    cum = np.cumsum(np.pad(full, [(0, 0), (length, length - 1)]), axis=1, dtype=np.int32)
    return (cum[:, length:length + n] - cum[:, :n]) > 0


def find_rules(pixels: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Masks of the horizontal and vertical ruling lines of a page, and of the rule pixels to erase, at half
    resolution.

    A rule is a run of dark pixels longer than any glyph (1/25 of the page width) and thinner than 1/160 of it
    (1.3 mm on A4: a hairline scanned at 200 dpi blurs over 3-4 half-pixels, and a slight tilt adds one: at
    1/250 the row rules of a scanned presence table were cut to pieces and its rows ran together); logos and
    photos are thick and are left alone. Where a glyph crosses a rule (the descender
    of "y" through an underline) the stroke runs on beyond the rule's thickness: those pixels are kept, or
    "ayant" would read "avant" (Putanges PV 2024). Working at half resolution is 4 times faster; a half-pixel
    is dark when any of its 4 pixels is, so a hairline is not lost.
    """
    dark = pixels <= _otsu(pixels[::2, ::2])
    h, w = dark.shape[0] // 2 * 2, dark.shape[1] // 2 * 2
    small = dark[:h:2, :w:2] | dark[1:h:2, :w:2] | dark[:h:2, 1:w:2] | dark[1:h:2, 1:w:2]
    length = max(10, small.shape[1] // 25)
    thick = max(2, small.shape[1] // 160)
    horizontal = _runs(small, length, axis=1)
    horizontal &= ~_runs(horizontal, thick, axis=0)
    vertical = _runs(small, length, axis=0)
    vertical &= ~_runs(vertical, thick, axis=1)
    crossing_down = _runs(small & ~vertical, thick + 3, axis=0)  # strokes through a horizontal rule
    crossing_across = _runs(small & ~horizontal, thick + 3, axis=1)  # strokes through a vertical rule
    erase = (horizontal & ~crossing_down) | (vertical & ~crossing_across)
    return horizontal, vertical, erase


def erase_rules(pixels: np.ndarray, found: np.ndarray) -> np.ndarray:
    """The page with the rules of a half-resolution mask whitened, grey edges included."""
    if not found.any():
        return pixels
    rules = np.zeros(pixels.shape, dtype=bool)
    h, w = found.shape[0] * 2, found.shape[1] * 2
    rules[:h, :w] = found.repeat(2, axis=0).repeat(2, axis=1)
    grown = rules.copy()  # the grey edge of a rule (anti-aliasing, blur) goes too
    grown[1:, :] |= rules[:-1, :]
    grown[:-1, :] |= rules[1:, :]
    grown[:, 1:] |= rules[:, :-1]
    grown[:, :-1] |= rules[:, 1:]
    cleaned = pixels.copy()
    cleaned[grown] = 255
    return cleaned


# A shaded band behind a heading (a Word heading style: dark text on a grey ground, Aiglun 2015): rows where most
# pixels are mid-grey, SHADE_LOW < p < SHADE_HIGH, over at least SHADE_SHARE of the page's width. Tesseract's own
# thresholding turns the whole band black and reads nothing of it ("3. FINANCES - Budget de l'eau …" was lost).
SHADE_LOW, SHADE_HIGH, SHADE_SHARE = 100, 225, 0.4
SHADE_GAP = 1 / 80  # of the page's height: a band's text lines (fewer grey pixels) part its grey rows by less
SHADE_MIN = 1 / 80  # of the page's height: a thinner grey run is a blurred line of text, not a band (4 mm)
SHADE_MAX = 1 / 4  # of the page's height: a grey ground taller than this is the paper (a dark scan), left alone
# A band's ground is one grey: at least SHADE_EVEN of its grey pixels within SHADE_SPREAD levels of the commonest
# (0.45-0.99 on shaded headings, a table's grey header row, a highlighted phrase; a blurred line of text of a 150 dpi
# scan spreads its greys, 0.15-0.21)
SHADE_EVEN, SHADE_SPREAD = 0.35, 12


def shaded_bands(pixels: np.ndarray) -> list[tuple[int, int]]:
    """(top, bottom) rows of the page's shaded bands."""
    height = pixels.shape[0]
    grey = ((pixels > SHADE_LOW) & (pixels < SHADE_HIGH)).mean(axis=1) > SHADE_SHARE
    runs = _true_runs(grey, max_gap=max(1, int(SHADE_GAP * height)))
    return [(top, bottom) for top, bottom in runs
            if SHADE_MIN * height <= bottom - top <= SHADE_MAX * height and _even_ground(pixels[top:bottom])]


def _even_ground(band: np.ndarray) -> bool:
    greys = band[(band > SHADE_LOW) & (band < SHADE_HIGH)]
    if greys.size == 0:
        return False
    hist = np.bincount(greys, minlength=256)
    mode = int(np.argmax(hist))
    return hist[max(0, mode - SHADE_SPREAD): mode + SHADE_SPREAD + 1].sum() >= SHADE_EVEN * greys.size


def flatten_shading(pixels: np.ndarray) -> np.ndarray:
    """The page with each shaded band made black on white at the band's own Otsu threshold between its text and its
    grey (the paper beside the band left out of it), so that Tesseract reads the heading printed on it; a page
    without bands is returned as is."""
    bands = shaded_bands(pixels)
    if not bands:
        return pixels
    flat = pixels.copy()
    for top, bottom in bands:
        band = flat[top:bottom]
        flat[top:bottom] = np.where(band > _otsu(band[band < SHADE_HIGH]), 255, 0).astype(np.uint8)
    return flat


def remove_rules(image: Image.Image) -> Image.Image:
    """Whiten ruling lines: Tesseract takes a ruled table's cells for a picture and drops them (Pas-de-Calais
    budget table), and an underlined heading too ("20240325 15 Vote du budget primitif…", Putanges PV 2024)."""
    pixels = np.asarray(image.convert("L"))
    return Image.fromarray(erase_rules(pixels, find_rules(pixels)[2]), mode="L")


def _true_runs(flags: np.ndarray, max_gap: int = 0) -> list[tuple[int, int]]:
    """[start, end) of the runs of True in a 1-D array, runs closer than ``max_gap`` joined."""
    edges = np.diff(np.concatenate([[0], flags.astype(np.int8), [0]]))
    runs: list[tuple[int, int]] = []
    for a, b in zip(np.flatnonzero(edges == 1).tolist(), np.flatnonzero(edges == -1).tolist()):
        if runs and a - runs[-1][1] <= max_gap:
            runs[-1] = (runs[-1][0], b)
        else:
            runs.append((a, b))
    return runs


def _rule_segments(mask: np.ndarray, min_length: int) -> list[tuple[int, int, int]]:
    """Horizontal rules of a mask as (y, x0, x1): bands of rows, each cut into its long runs."""
    out = []
    for r0, r1 in _true_runs(mask.any(axis=1)):
        cover = mask[r0:r1].any(axis=0)
        for a, b in _true_runs(cover, max_gap=3):
            if b - a >= min_length:
                out.append(((r0 + r1) // 2, a, b))
    return out


_Rule = tuple[int, int, int]  # a rule: (position across, start, end), half-resolution pixels


def _joined(vsegs: list[_Rule], tol: int, upper: int, lower: int, x0: int, x1: int) -> bool:
    """Whether a vertical rule runs from one horizontal rule down to the next: the same table, not two
    tables one above the other (Putanges PV 2024: FONCTIONNEMENT then INVESTISSEMENT)."""
    return any(x0 - tol <= x <= x1 + tol and y0 <= upper + tol and y1 >= lower - tol for x, y0, y1 in vsegs)


def _stack_rules(hsegs: list[_Rule], vsegs: list[_Rule], tol: int) -> list[list[_Rule]]:
    """Horizontal rules (top to bottom) put into stacks: a rule joins the first stack whose first rule has
    about its extent and whose last rule a vertical rule links to it; else it starts a stack of its own."""
    groups: list[list[_Rule]] = []
    for seg in hsegs:
        for group in groups:
            _, gx0, gx1 = group[0]
            same_extent = abs(seg[1] - gx0) <= tol and abs(seg[2] - gx1) <= tol
            if same_extent and _joined(vsegs, tol, group[-1][0], seg[0], gx0, gx1):
                group.append(seg)
                break
        else:
            groups.append([seg])
    return groups


def _merge_close(xs: list[int], tol: int, right: int) -> list[int]:
    """Sorted column positions, those within ``tol`` of the previous one merged into it (the table's right
    end wins)."""
    edges: list[int] = []
    for x in xs:  # a rule a few pixels thick, or a border found twice: one edge
        if edges and x - edges[-1] <= tol:
            edges[-1] = right if x == right else edges[-1]
        else:
            edges.append(x)
    return edges


def _column_edges(group: list[_Rule], vsegs: list[_Rule], tol: int) -> list[int]:
    """Column edges of a stack of rules: its two ends, and the vertical rules within it that cross at least
    half its height."""
    top, bottom = group[0][0], group[-1][0]
    left, right = min(s[1] for s in group), max(s[2] for s in group)
    xs = [x for x, y0, y1 in vsegs if left - tol <= x <= right + tol
          and min(y1, bottom) - max(y0, top) >= 0.5 * (bottom - top)]
    return _merge_close(sorted(set(xs) | {left, right}), tol, right)


def find_grids(horizontal: np.ndarray, vertical: np.ndarray) -> list[tuple[list[int], list[int]]]:
    """Ruled tables of a page: (column edges, row edges) in full-resolution pixels, from half-resolution
    rule masks. A table is a stack of at least 3 horizontal rules of about the same extent, with vertical rules
    (or its two ends) cutting it into at least 2 columns, and at least ``MIN_TABLE_WIDTH`` of the page wide."""
    width = horizontal.shape[1]
    tol = max(4, width // 60)
    min_length = max(10, width // 25)
    hsegs = sorted(_rule_segments(horizontal, min_length))
    vsegs = [(x, y0, y1) for x, y0, y1 in _rule_segments(np.ascontiguousarray(vertical.T), min_length // 4)]
    grids = []
    for group in _stack_rules(hsegs, vsegs, tol):
        if len(group) < 3:
            continue
        edges = _column_edges(group, vsegs, tol)
        if len(edges) < 3 or edges[-1] - edges[0] < MIN_TABLE_WIDTH * width:  # (a logo's frame: Flaux 2023)
            continue
        ys = [y for y, _, _ in group]
        grids.append(([2 * x for x in edges], [2 * y for y in ys]))
    return grids


def read_grid(image: Image.Image, xs: list[int], ys: list[int], index: int) -> tuple[OcrTable, list[OcrWord]]:
    """A ruled table read column by column: Tesseract's line finder mixes a two-line cell with the one-line
    cells beside it when it reads the whole row (Pas-de-Calais budget tables: "Code / Opération" read as
    "pue RS"), so each column between two rules is read on its own, and its words are put in the cells the
    horizontal rules make. The columns are stacked one under the other, apart, into one image: one Tesseract
    run per table rather than one per column (each run loads the French model again).

    Reading a column as lines of text (``TABLE_CONFIG``) drops a mark alone in its cell: the "X" of a presence
    table, a "P" of a column of codes. The columns where a cell has ink but no word are read again as one block
    (``MARK_CONFIG``), and those cells take what that reading finds in them."""
    cells: list[list[list[OcrWord]]] = [[[] for _ in xs[1:]] for _ in ys[1:]]
    pad = 3
    top, height = ys[0] + pad, ys[-1] - ys[0] - 2 * pad
    columns = [(c, x0 + pad, x1 - pad) for c, (x0, x1) in enumerate(zip(xs, xs[1:])) if x1 - x0 > 4 * pad]
    if not columns or height <= 0:
        return OcrTable(bbox=(xs[0], ys[0], xs[-1], ys[-1]), rows=tuple(tuple(None for _ in r) for r in cells)), []
    words = _read_columns(image, columns, ys, top, height, index, TABLE_CONFIG, cells)
    pixels = np.asarray(image)
    unread = {(r, c) for c, left, right in columns for r in range(len(ys) - 1)
              if not cells[r][c] and _has_mark(pixels, left, ys[r] + pad, right, ys[r + 1] - pad)}
    if unread:
        again: list[list[list[OcrWord]]] = [[[] for _ in xs[1:]] for _ in ys[1:]]
        marked = sorted({c for _, c in unread})
        found = _read_columns(image, [col for col in columns if col[0] in marked], ys, top, height, index,
                              MARK_CONFIG, again)
        chosen = {w for r, c in unread for w in again[r][c]}
        for r, c in unread:
            cells[r][c] = again[r][c]
        words += [w for w in found if w in chosen]
    doubtful = _doubtful_numbers(cells, unread)
    left: list[tuple[str, float]] = []
    if doubtful:
        words = _reread_digits(image, xs, ys, pad, doubtful, index, cells, words, left)
    left += [(f"{_row_label(cells, r, c)} | ? (a cell with ink OCR could not read)".lstrip(" |"), 0.0)
             for r, c in sorted(unread) if not cells[r][c] and (r, c) not in doubtful]
    specks = _specks(words)
    if specks:
        words = [w for w in words if w not in specks]
        cells = [[[w for w in cell if w not in specks] for cell in row] for row in cells]
    # a mark or a code only the second reading found, and doubts: a mark read as another letter ("X" as "Ki", 32 %)
    left += [(f"{_row_label(cells, r, c)} | {_cell_text(cells[r][c])} (a cell OCR read only at a second attempt)"
              .lstrip(" |"), min(w.conf for w in cells[r][c]))
             for r, c in sorted(unread) if cells[r][c] and (r, c) not in doubtful
             and len(_cell_text(cells[r][c])) <= MARK_LENGTH and min(w.conf for w in cells[r][c]) < LOW_CONFIDENCE]
    rows = tuple(tuple(_cell_text(cell) or None for cell in row) for row in cells)
    return OcrTable(bbox=(xs[0], ys[0], xs[-1], ys[-1]), rows=rows, unread=tuple(left)), words


def _read_columns(image: Image.Image, columns: list[tuple[int, int, int]], ys: list[int], top: int, height: int,
                  index: int, config: str, cells: list[list[list[OcrWord]]]) -> list[OcrWord]:
    """The words of these columns of a table (column, left, right), read as one image of the columns stacked
    apart, each put into its cell of ``cells``."""
    gap = _apart(image)
    stack = Image.new("L", (max(right - left for _, left, right in columns), len(columns) * (height + gap)), 255)
    for k, (_, left, right) in enumerate(columns):
        stack.paste(image.crop((left, top, right, top + height)), (0, k * (height + gap)))
    words = []
    for w in _run_tesseract(stack, config=config):
        k = min(len(columns) - 1, int(((w.top + w.bottom) / 2) // (height + gap)))
        c, left, _ = columns[k]
        dy = top - k * (height + gap)
        word = OcrWord(w.x0 + left, w.top + dy, w.x1 + left, w.bottom + dy, w.text, w.conf, TABLE_BLOCK + index,
                       (c + 1) * 10**12 + w.block * 10**6 + w.line)
        if _is_noise(word):
            continue
        middle = (word.top + word.bottom) / 2
        r = max(0, min(len(ys) - 2, sum(1 for y in ys[1:-1] if y <= middle)))
        cells[r][c].append(word)
        words.append(word)
    return words


def _apart(image: Image.Image) -> int:
    """White space (pixels) between two pieces of a page laid out for one Tesseract run: never one line."""
    return max(60, image.height // 50)


_NUMBER_CELL = regex.compile(r"^\d{1,3}$")


def _cell_text(cell: list[OcrWord]) -> str:
    return " ".join(w.text for w in sorted(cell, key=lambda w: (w.line, w.x0)))


def _row_label(cells: list[list[list[OcrWord]]], r: int, c: int) -> str:
    """What names row ``r`` for a person checking its cell ``c``: the row's first other filled cell (the member of
    a presence table), cut to ``LABEL_LENGTH`` characters."""
    label = next((_cell_text(cell) for k, cell in enumerate(cells[r]) if cell and k != c), "")
    return label if len(label) <= LABEL_LENGTH else label[:LABEL_LENGTH - 1] + "…"


def _doubtful_numbers(cells: list[list[list[OcrWord]]], second: set[tuple[int, int]]) -> list[tuple[int, int]]:
    """The doubtful counts (``doubtful_counts``) of the rows of a table; ``second``: the cells only the second
    reading found (it read a scanned "7" as "4" at 65 %)."""
    doubtful = []
    for r, row in enumerate(cells):
        filled = [c for c, cell in enumerate(row) if cell]
        doubtful += [(r, filled[k]) for k in doubtful_counts([row[c] for c in filled],
                                                              {k for k, c in enumerate(filled) if (r, c) in second})]
    return doubtful


def doubtful_counts(pieces: list[list[OcrWord]], second: set[int] = frozenset()) -> list[int]:
    """Which pieces of a row of counts ("10 | 9 | Ge | 1", a vote table; "15   ÉTRR   2   1" printed without
    rules) OCR read as no number, or as a number it doubts (a word under ``LOW_CONFIDENCE``, or a piece in
    ``second``). A row of counts has three pieces or more, each ``COUNT_TEXT`` characters at most, and a doubtful
    piece has two counts beside it. A number of four digits is no count but a code or a year: never doubted."""
    texts = [_cell_text(piece) for piece in pieces]
    if len(pieces) < 3 or any(len(text) > COUNT_TEXT for text in texts):
        return []
    counts = [bool(_NUMBER_CELL.match(text)) for text in texts]
    return [k for k, piece in enumerate(pieces)
            if sum(counts) - counts[k] >= 2 and not (texts[k].isdigit() and len(texts[k]) > 3)
            and (not counts[k] or min(w.conf for w in piece) < LOW_CONFIDENCE or k in second)]


def _read_digits(image: Image.Image, boxes: list[tuple[int, int, int, int]]) -> list[list[OcrWord]]:
    """The words read in each of these boxes (left, top, right, bottom) of the image, in digits only: the boxes
    laid one under the other, apart, read as a block of lines (``DIGITS_CONFIG``), one Tesseract run for all of
    them (side by side, as one line, "0" and "12" came back as one word "012"). Each box is made black on white
    first (``_ink``): a scan's grey paper cut out and laid on white read as nothing at all."""
    crops = [_ink(image.crop(box)) for box in boxes]
    gap = _apart(image)
    starts = [gap + sum(crop.height + gap for crop in crops[:k]) for k in range(len(crops))]
    stack = Image.new("L", (max(crop.width for crop in crops) + 2 * gap, starts[-1] + crops[-1].height + gap), 255)
    for start, crop in zip(starts, crops):
        stack.paste(crop, (gap, start))
    again: list[list[OcrWord]] = [[] for _ in boxes]
    for w in _run_tesseract(stack, config=DIGITS_CONFIG):
        again[max(0, sum(1 for start in starts if start <= (w.top + w.bottom) / 2) - 1)].append(w)
    return again


GLYPH_HEIGHT = 0.4  # of the tallest ink in a cut-out piece: shorter ink apart from it is dust, not a digit


def _ink(crop: Image.Image) -> Image.Image:
    """A piece of a scan in black and white (split at its own Otsu threshold), without its dust: the ink of the
    columns between two blank columns that is shorter than ``GLYPH_HEIGHT`` of the tallest such ink (a dot
    beside "8" made Tesseract doubt it, 0 % instead of 96 %)."""
    pixels = np.asarray(crop)
    if pixels.size == 0:
        return crop
    ink = pixels <= _otsu(pixels)
    runs = _true_runs(ink.any(axis=0))
    heights = [np.flatnonzero(ink[:, a:b].any(axis=1)) for a, b in runs]
    tallest = max((int(rows[-1] - rows[0]) + 1 for rows in heights), default=0)
    for (a, b), rows in zip(runs, heights):
        if int(rows[-1] - rows[0]) + 1 < GLYPH_HEIGHT * tallest:
            ink[:, a:b] = False
    return Image.fromarray(np.where(ink, 0, 255).astype(np.uint8), mode="L")


def _confirmed(read: list[OcrWord], first: str) -> str | None:
    """The count a digits-only reading gives of a piece OCR first read as ``first``, when the reading is sure of
    it (one to three digits, ``LOW_CONFIDENCE``) and either agrees with ``first`` or replaces what was no number;
    None otherwise: a count is never changed into another."""
    text = "".join(w.text for w in read)
    sure = bool(read) and bool(_NUMBER_CELL.match(text)) and min(w.conf for w in read) >= LOW_CONFIDENCE
    return text if sure and (text == first or not _NUMBER_CELL.match(first)) else None


def _reread_digits(image: Image.Image, xs: list[int], ys: list[int], pad: int, doubtful: list[tuple[int, int]],
                   index: int, cells: list[list[list[OcrWord]]], words: list[OcrWord],
                   left: list[tuple[str, float]]) -> list[OcrWord]:
    """The doubtful counts of a table read again in digits only (``_read_digits``). A sure count that agrees
    with the first reading, or replaces one that was no number, is kept; otherwise the cell is left empty (and
    said in ``left``), so that no wrong number is read: the two readings of a scanned "7" were "4" at 36 % then
    7, of another "7" were 7 at 50 % then "4" at 90 %, and "0" came back "Ge"."""
    again = _read_digits(image, [(xs[c] + pad, ys[r] + pad, xs[c + 1] - pad, ys[r + 1] - pad) for r, c in doubtful])
    dropped = set()
    for (r, c), read in zip(doubtful, again):
        first_text = _cell_text(cells[r][c])
        dropped.update(cells[r][c])
        text = _confirmed(read, first_text)
        if text:
            first = cells[r][c][0]
            cells[r][c] = [first._replace(text=text, conf=min(w.conf for w in read))]
        else:
            left.append(_left_unread(first_text, "a table", cells[r][c], read))
            cells[r][c] = []
    kept = [cells[r][c][0] for r, c in doubtful if cells[r][c]]
    return [w for w in words if w not in dropped] + kept


def _left_unread(first: str, where: str, piece: list[OcrWord], read: list[OcrWord]) -> tuple[str, float]:
    """What ``ocr.low_confidence`` names for a count no reading confirmed: the first reading, where it stands, what
    the digits-only reading gave, and the lowest confidence of the two readings (0 when the second read nothing)."""
    shown = "".join(w.text for w in read)
    return (f"{first} (a count in {where}, left unread; read again: {shown or 'nothing'})",
            min(w.conf for w in [*piece, *read]) if read else 0.0)


COUNT_TEXT = 4  # characters at most of a doubtful piece of a row of counts (a count of 3 digits read with a speck)
COUNT_SPECK = 0.15  # of the line's height: a word of a row of counts narrower than this is a speck, not a digit


def reread_count_rows(image: Image.Image, words: list[OcrWord]) -> tuple[list[OcrWord], list[tuple[str, float]]]:
    """Rows of counts printed without rules ("Votants Pour Contre Abstention" above "15   14   0   1"), read
    again where OCR doubts a count. Tesseract misreads a digit alone between wide gaps ("17" as "tr", "0" as
    "à,") and reads dust between the columns as letters ("ne" 0.7 points wide). In a row of counts
    (``doubtful_counts``: its pieces are the words between wide gaps, its specks aside, and the noise OCR drops
    from its lines where it stands alone, ``_lone_noise``), a speck (narrower than ``COUNT_SPECK`` of the row's
    height, doubtful or no letter nor digit) is dropped, and the doubtful counts are read again in digits only
    (``_read_digits``): a sure count that agrees, or replaces a piece that was no number, is kept. Otherwise the
    piece stays as it was read: a doubtful number is named by ``ocr.low_confidence`` with its confidence
    (``line_values``); a piece that is no number, in a row where OCR read two counts surely, is returned with what
    the second reading gave (``_left_unread``: "tr (a count in a row of counts, left unread; read again:
    nothing)"), for ``ocr.low_confidence`` to name too. (Without two sure counts the row may
    be no row of counts at all: Tesseract reads the ascenders and descenders between two lines of a scanned page
    as ", / \\ 1 JA 1/4 9".) The ruled tables' words (read by ``read_grid``) are not touched. Returns the words
    and the counts left unread."""
    pieces = _pieces(_tesseract_lines([w for w in words if w.block < TABLE_BLOCK]))
    noise = [w for w in words if w.block < TABLE_BLOCK and _is_noise(w)]
    specks: set[OcrWord] = set()
    doubtful: list[list[OcrWord]] = []
    boxes: list[tuple[int, int, int, int]] = []
    in_counts: list[bool] = []  # for each doubtful piece: whether its row holds two counts read surely
    for row in _rows_of_pieces(pieces):
        extents = [_extent(p) for p in row]
        top, bottom = min(t for t, _ in extents), max(b for _, b in extents)
        height = max(1.0, statistics.median(b - t for t, b in extents))
        found = {w for p in row for w in p if w.x1 - w.x0 < COUNT_SPECK * height
                 and (w.conf < NOISE_CONFIDENCE or not any(c.isalnum() for c in w.text))}
        groups = _gap_groups(sorted((w for p in row for w in p if w not in found), key=lambda w: w.x0), height)
        if any(len(_cell_text(g)) > COUNT_TEXT for g in groups):
            continue  # a line of text, not a row of counts (most rows): nothing to look for, noise included
        groups = sorted(groups + _lone_noise(noise, groups, top, bottom, height), key=lambda g: g[0].x0)
        reread = doubtful_counts(groups)
        if not reread:
            continue
        specks |= found
        reach = int(0.3 * height)
        sure = sum(1 for g in groups if _NUMBER_CELL.match(_cell_text(g)) and min(w.conf for w in g) >= LOW_CONFIDENCE)
        for k in reread:
            g = groups[k]
            before = groups[k - 1][-1].x1 if k else g[0].x0 - 2 * reach
            after = groups[k + 1][0].x0 if k + 1 < len(groups) else g[-1].x1 + 2 * reach
            doubtful.append(g)
            in_counts.append(sure >= 2 and not _is_noise(g[0]))
            boxes.append((max(0, (before + g[0].x0) // 2, g[0].x0 - reach), max(0, int(top) - reach),
                          min((g[-1].x1 + after) // 2, g[-1].x1 + reach), int(bottom) + reach))
    if not doubtful:
        return [w for w in words if w not in specks], []
    replaced: dict[OcrWord, OcrWord | None] = {}
    unread: list[tuple[str, float]] = []
    for g, read, named in zip(doubtful, _read_digits(image, boxes), in_counts):
        first = _cell_text(g)
        text = _confirmed(read, first)
        if text:
            replaced[g[0]] = OcrWord(g[0].x0, min(w.top for w in g), g[-1].x1, max(w.bottom for w in g), text,
                                     min(w.conf for w in read), g[0].block, g[0].line)
            replaced.update((w, None) for w in g[1:])
        elif named and not _NUMBER_CELL.match(first):
            unread.append(_left_unread(first, "a row of counts", g, read))
    return [replaced.get(w, w) for w in words if w not in specks and replaced.get(w, w) is not None], unread


def _lone_noise(noise: list[OcrWord], groups: list[list[OcrWord]], top: float, bottom: float, height: float
                ) -> list[list[OcrWord]]:
    """The noise words (``_is_noise``) standing alone in a row of words, each as a piece of its own: at the row's
    height, no speck (``COUNT_SPECK``), and a wide gap (``SEGMENT_GAP``) from every piece of the row. OCR drops
    them from its lines, but one may be a count misread: a scanned "1" alone in its column came back ":" (52 %),
    and read again in digits only, "1" (95 %)."""
    gap = SEGMENT_GAP * height
    return [[w] for w in noise if top <= (w.top + w.bottom) / 2 <= bottom and w.x1 - w.x0 >= COUNT_SPECK * height
            and all(w.x0 - g[-1].x1 > gap or g[0].x0 - w.x1 > gap for g in groups)]


def _gap_groups(words: list[OcrWord], height: float) -> list[list[OcrWord]]:
    """Words of a row (left to right) cut where the gap between two is wider than ``SEGMENT_GAP`` lines."""
    groups: list[list[OcrWord]] = []
    for word in words:
        if groups and word.x0 - groups[-1][-1].x1 <= SEGMENT_GAP * height:
            groups[-1].append(word)
        else:
            groups.append([word])
    return groups


def _specks(words: list[OcrWord]) -> set[OcrWord]:
    """The words of a table that are specks read as a letter or a digit ("3" and "À" three pixels high beside a
    cell's "P"): doubtful (under ``NOISE_CONFIDENCE``) and under ``SPECK_HEIGHT`` of the table's usual height."""
    if len(words) < 3:
        return set()
    usual = statistics.median(w.bottom - w.top for w in words)
    return {w for w in words if w.conf < NOISE_CONFIDENCE and w.bottom - w.top < SPECK_HEIGHT * usual}


def _has_mark(pixels: np.ndarray, left: int, top: int, right: int, bottom: int) -> bool:
    """Whether a cell holds ink beyond a scanner's specks: ``MARK_INK`` of a letter's dark pixels (at 300 dpi;
    scaled to the image's resolution), within the cell's inner part (the rules' grey edges left out)."""
    inner = pixels[top + RULE_MARGIN:bottom - RULE_MARGIN, left + RULE_MARGIN:right - RULE_MARGIN]
    if inner.size == 0:
        return False
    scale = (pixels.shape[1] / A4_WIDTH_300DPI) ** 2
    return int((inner < MARK_DARK).sum()) >= MARK_INK * scale


def deskew(image: Image.Image) -> tuple[Image.Image, float]:
    """The page image turned upright, and the skew it had (degrees counter-clockwise)."""
    angle = estimate_skew(image)
    if abs(angle) < MIN_SKEW:
        return image, 0.0
    fill = 255 if image.mode == "L" else (255,) * len(image.getbands())
    return image.rotate(-angle, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=fill), angle


# --------------------------------------------------------------------------------------------------
# Cache


def cache_dir() -> Path:
    """``$DELIB_CACHE_DIR/ocr`` when set, else ``$XDG_CACHE_HOME/delib/ocr``, else ``~/.cache/delib/ocr``."""
    root = os.environ.get("DELIB_CACHE_DIR")
    if root:
        return Path(root).expanduser() / "ocr"
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "delib" / "ocr"


def cache_key(image: Image.Image) -> str:
    """Hash of the rendered page image and of everything that changes what Tesseract reads from it."""
    digest = hashlib.sha256()
    digest.update(f"delib-ocr {CACHE_FORMAT} tesseract {tesseract_version()} {LANG} {TESSERACT_CONFIG} "
                  f"{TABLE_CONFIG} {MARK_CONFIG} {DIGITS_CONFIG} {image.mode} {image.width}x{image.height}\n".encode())
    digest.update(image.tobytes())
    return digest.hexdigest()


def _cache_path(key: str) -> Path:
    return cache_dir() / key[:2] / f"{key}.json"


def _cache_read(key: str) -> OcrPage | None:
    path = _cache_path(key)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return OcrPage(width=data["width"], height=data["height"], angle=data["angle"],
                       words=tuple(OcrWord(*w) for w in data["words"]),
                       tables=tuple(OcrTable(bbox=tuple(t["bbox"]), rows=tuple(tuple(r) for r in t["rows"]),
                                             unread=tuple((raw, conf) for raw, conf in t["unread"]))
                                    for t in data["tables"]),
                       unread=tuple((raw, conf) for raw, conf in data["unread"]))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError) as exc:  # a damaged entry: read the page again
        log.warning("ignoring unreadable OCR cache entry %s: %s", path, exc)
        return None


def _cache_write(key: str, page: OcrPage) -> None:
    """Write one entry atomically (temporary file, then rename): concurrent workers never see half a file."""
    path = _cache_path(key)
    data = {"width": page.width, "height": page.height, "angle": page.angle, "words": [list(w) for w in page.words],
            "tables": [{"bbox": list(t.bbox), "rows": [list(r) for r in t.rows], "unread": [list(u) for u in t.unread]}
                       for t in page.tables], "unread": [list(u) for u in page.unread]}
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, prefix=".tmp-", suffix=".json",
                                         delete=False) as fh:
            tmp = fh.name
            json.dump(data, fh, ensure_ascii=False, separators=(",", ":"))
        os.replace(tmp, path)
    except OSError as exc:  # a read-only home, a full disk: OCR still works, uncached
        log.warning("cannot write the OCR cache in %s: %s", path.parent, exc)
        if tmp:
            Path(tmp).unlink(missing_ok=True)


# --------------------------------------------------------------------------------------------------
# Page image -> words -> lines


def read_image(image: Image.Image, *, use_cache: bool = True) -> OcrPage:
    """Deskew a page image and OCR it in French; from the cache when this image was read before."""
    image = image.convert("L")
    key = cache_key(image)
    if use_cache:
        cached = _cache_read(key)
        if cached is not None:
            return cached
    upright, angle = deskew(image)
    pixels = flatten_shading(np.asarray(upright))  # first: a grey band would read as a stack of rules
    horizontal, vertical, erase = find_rules(pixels)
    grids = find_grids(horizontal, vertical)
    clean = Image.fromarray(erase_rules(pixels, erase), mode="L")
    words = _run_tesseract(clean)
    tables = []
    for k, (xs, ys) in enumerate(grids):
        table, table_words = read_grid(clean, xs, ys, k)
        left, top, right, bottom = table.bbox
        words = [w for w in words if not (left <= (w.x0 + w.x1) / 2 <= right and top <= (w.top + w.bottom) / 2
                                          <= bottom)] + table_words
        tables.append(table)
    words, unread = reread_count_rows(clean, words)
    page = OcrPage(width=image.width, height=image.height, angle=angle, words=tuple(words), tables=tuple(tables),
                   unread=tuple(unread))
    if use_cache:
        _cache_write(key, page)
    return page


def _extent(words: list[OcrWord]) -> tuple[float, float]:
    """Top and bottom of a line of words, as a text layer measures them (accents and descenders included), but
    without the specks of noise a word's box may have taken in: at most 0.3 of the line's median height above
    the median top and below the median bottom."""
    mid_top = statistics.median(w.top for w in words)
    mid_bottom = statistics.median(w.bottom for w in words)
    reach = 0.3 * max(mid_bottom - mid_top, 1)
    return (max(min(w.top for w in words), mid_top - reach),
            min(max(w.bottom for w in words), mid_bottom + reach))


def _is_noise(word: OcrWord) -> bool:
    return word.conf < NOISE_CONFIDENCE and not any(c.isalnum() for c in word.text)


def _tesseract_lines(words: Iterable[OcrWord]) -> dict[tuple[int, int], list[OcrWord]]:
    """The words but noise, by Tesseract's (block, line)."""
    by_line: dict[tuple[int, int], list[OcrWord]] = {}
    for word in words:
        if not _is_noise(word):
            by_line.setdefault((word.block, word.line), []).append(word)
    return by_line


def _pieces(by_line: dict[tuple[int, int], list[OcrWord]]) -> list[list[OcrWord]]:
    """Tesseract's lines as pieces of the page's lines: each one's words left to right, the pieces top to bottom."""
    return sorted((sorted(ws, key=lambda w: w.x0) for ws in by_line.values()),
                  key=lambda ws: (_extent(ws)[0], ws[0].x0))


def _lines_per_paragraph(by_line: dict[tuple[int, int], list[OcrWord]]) -> dict[tuple[int, int], int]:
    """(block, paragraph) -> number of lines; a word's ``line`` is Tesseract's par_num * 1000 + line_num."""
    lines_in_unit: dict[tuple[int, int], int] = {}
    for block, line in by_line:
        lines_in_unit[(block, line // 1000)] = lines_in_unit.get((block, line // 1000), 0) + 1
    return lines_in_unit


def _row_for(piece: list[OcrWord], rows: list[list[list[OcrWord]]]) -> list[list[OcrWord]] | None:
    """The row a piece (a Tesseract line, words left to right) goes into: of the last rows, the one whose
    anchor shares most of its height (at least half the lower of the two) and with no piece overlapping it
    across; None when there is none."""
    top, bottom = _extent(piece)
    x0, x1 = piece[0].x0, piece[-1].x1
    best, best_overlap = None, 0.0
    for row in rows[-8:]:  # only the last rows can still be at this height
        a_top, a_bottom = _extent(row[0])
        overlap = min(bottom, a_bottom) - max(top, a_top)
        if overlap < 0.5 * min(bottom - top, a_bottom - a_top):
            continue
        if any(min(x1, p[-1].x1) > max(x0, p[0].x0) for p in row):  # would overlap a piece of this row
            continue
        if overlap > best_overlap:
            best, best_overlap = row, overlap
    return best


def _rows_of_pieces(pieces: list[list[OcrWord]]) -> list[list[list[OcrWord]]]:
    """Pieces (top to bottom) put into rows at the same height; each row: its pieces, rows[i][0] its anchor."""
    rows: list[list[list[OcrWord]]] = []
    for piece in pieces:
        best = _row_for(piece, rows)
        if best is None:
            rows.append([piece])
        else:
            best.append(piece)
    return rows


def _row_lines(row: list[list[OcrWord]], lines_in_unit: dict[tuple[int, int], int], page_number: int,
               scale: float) -> list[tuple[float, float, Line]]:
    """A row's pieces (sorted left to right, in place) as lines, (row top, x0, line): one line, except after a
    label — a piece of a text block of several lines ("Michaël" / "DELAFOSSE") — followed, across a wide gap,
    by a piece of another block ("23 | Culture…"): see ``words_to_lines``. Two names side by side are no label
    and its text but a row of a roster in columns, each column a block ("Olivier Marcou   Sylvie Roux-Tessier"):
    one line, as a text layer gives it."""
    row.sort(key=lambda p: p[0].x0)
    row_top = min(_extent(p)[0] for p in row)
    height = statistics.median(b - t for t, b in map(_extent, row))
    out = []
    group = [row[0]]
    for prev, piece in zip(row, row[1:]):
        label = prev[0].block < TABLE_BLOCK and lines_in_unit[(prev[0].block, prev[0].line // 1000)] > 1 \
            and not (_is_name(prev, height) and _is_name(piece, height))
        if label and prev[0].block != piece[0].block and piece[0].x0 - prev[-1].x1 > SEGMENT_GAP * height:
            out.append((row_top, group[0][0].x0, _row_to_line(group, page_number, scale)))
            group = [piece]
        else:
            group.append(piece)
    out.append((row_top, group[0][0].x0, _row_to_line(group, page_number, scale)))
    return out


def _is_name(piece: list[OcrWord], height: float) -> bool:
    """Whether a piece of a line is a member as lists print them (``vocab.NAME_LIKE``), a speck before it aside."""
    return bool(NAME_LIKE.match(" ".join(w.text for w in _without_leading_speck(piece, height))))


def words_to_lines(page: OcrPage, page_number: int, scale: float) -> list[Line]:
    """Tesseract's words -> ``Line`` records in reading order (top to bottom), coordinates in PDF points.

    Tesseract's own lines stay within one block of text. Lines of different blocks at the same height are
    joined into one line, with segments split where the gap between two words is wide, the way a text layer
    gives the cells of a table row ("Jean-Louis GELY | 37. | Création d'une salle…", Montpellier CR 2011) —
    except after a block of several lines: a text layer gives such a cell line by line, so the label beside
    the text ("Michaël" / "DELAFOSSE" beside "23 | Culture…" / "Pour : 57") stays a line of its own and the
    vote line still starts with "Pour". The cells of a ruled table (read by ``read_grid``) always join into
    their row. ``scale`` is points per pixel.
    """
    by_line = _tesseract_lines(page.words)
    lines_in_unit = _lines_per_paragraph(by_line)
    pieces = _pieces(by_line)
    ordered: list[tuple[float, float, Line]] = []  # (row top, x0, line): a row's lines stay together
    for row in _rows_of_pieces(pieces):
        ordered.extend(_row_lines(row, lines_in_unit, page_number, scale))
    ordered.sort(key=lambda item: (item[0], item[1]))
    return [line for _, _, line in ordered]


# An underline's tail read as a period before a colon: "Absents. : MM Héloise LONGUET" (Putanges PV 2024).
_TAIL_BEFORE_COLON = regex.compile(r"^(\p{L}{4,})[.,_]$")
# A hyphenated first name split by a wide gap: "Jean- Louis PITEL" (Putanges PV 2024).
_SPLIT_HYPHEN = regex.compile(r"(?<=\p{L}-) (?=\p{Lu})")


def _clean_words(words: list[OcrWord]) -> list[OcrWord]:
    out = list(words)
    for k, (word, after) in enumerate(zip(words, words[1:])):
        m = _TAIL_BEFORE_COLON.match(word.text)
        if m and after.text.startswith(":") and m.group(1).lower() != "etc":
            out[k] = word._replace(text=m.group(1))
    return out


def _row_to_line(row: list[list[OcrWord]], page_number: int, scale: float) -> Line:
    words = _clean_words(sorted((w for piece in row for w in piece), key=lambda w: w.x0))
    extents = [_extent(p) for p in row]
    height = statistics.median(bottom - top for top, bottom in extents)
    groups = [_without_leading_speck(g, height) for g in _gap_groups(words, max(height, 1))]
    words = [w for g in groups for w in g]

    def pt(v: float) -> float:
        return round(v * scale, 2)

    segments = tuple((pt(g[0].x0), pt(g[-1].x1), _SPLIT_HYPHEN.sub("", fix_digit_groups(" ".join(w.text for w in g))))
                     for g in groups)
    return Line(page=page_number, text=" ".join(s[2] for s in segments), x0=pt(words[0].x0),
                top=pt(min(t for t, _ in extents)), x1=pt(max(w.x1 for w in words)),
                bottom=pt(max(b for _, b in extents)), segments=segments,
                conf=round(statistics.fmean(w.conf for w in words), 2),
                words=tuple((pt(w.x0), pt(w.x1), w.text, w.conf) for w in words))


STOP_SPECKS = ".,'‘’`"  # what OCR reads a dot of dust beside a word as


def _without_leading_speck(group: list[OcrWord], height: float) -> list[OcrWord]:
    """A piece of a line without the speck read as a stop before its first word (". Caroline NAVARRE", a dot of
    dust 0.7 points wide before a name of a scanned roster): a stop never opens a piece, and a speck is narrower
    than ``SPECK_WIDTH`` of the line's height."""
    first = group[0]
    if len(group) > 1 and len(first.text) == 1 and first.text in STOP_SPECKS \
            and first.x1 - first.x0 < SPECK_WIDTH * height:
        return group[1:]
    return group


# A speck after a number that fills a table cell: "687 145,98." (the scanned sample's budget table).
# Only an amount (cents or a euro sign): "12." may be an item number.
_CELL_SPECK = regex.compile(rf"^([-+]?\d[\d \u00a0.]*,\d\d(?:\s?€)?|[-+]?\d[\d \u00a0.,]*\s?€)\s?[{STOP_SPECKS}]$")


def _clean_cell(text: str | None) -> str | None:
    if not text:
        return None
    text = fix_digit_groups(text)
    m = _CELL_SPECK.match(text)
    return m.group(1) if m else text


def words_to_tables(page: OcrPage, page_number: int, scale: float) -> list[Table]:
    """The ruled tables read on a page as ``Table`` records (PDF points), digit slips repaired in every cell."""
    return [Table(page=page_number, bbox=tuple(round(v * scale, 2) for v in t.bbox),
                  rows=tuple(tuple(_clean_cell(c) for c in row) for row in t.rows), ruled=True, unread=t.unread)
            for t in page.tables]


def ocr_image(image: Image.Image, page_number: int, dpi: float, *, use_cache: bool = True) -> OcrResult:
    """One rendered page (``dpi`` pixels per inch) -> its lines, its ruled tables and the skew corrected."""
    page = read_image(image, use_cache=use_cache)
    scale = 72.0 / dpi
    return OcrResult(lines=words_to_lines(page, page_number, scale), tables=words_to_tables(page, page_number, scale),
                     angle=page.angle, unread=page.unread)


def ocr_images(images: Iterable[tuple[int, Image.Image, float]], *, use_cache: bool = True,
               on_page: Callable[[int], None] | None = None) -> dict[int, OcrResult | Exception]:
    """Several rendered pages ``(page number, image, dpi)`` read at once (see ``workers``); ``on_page`` is
    called with each page's number as soon as it is read.

    A page that fails (Tesseract crashes or times out) maps to its exception; the other pages are kept.
    """
    images = list(images)

    def one(item: tuple[int, Image.Image, float]) -> OcrResult | Exception:
        number, image, dpi = item
        try:
            return ocr_image(image, number, dpi, use_cache=use_cache)
        except OcrUnavailable:
            raise
        except Exception as exc:  # pytesseract.TesseractError, a timeout: this page stays unread
            log.warning("OCR failed on page %s: %s", number, exc)
            return exc

    def done(number: int, result: OcrResult | Exception) -> OcrResult | Exception:
        if on_page is not None:
            on_page(number)
        return result

    n = min(workers(), len(images))
    if n <= 1:
        return {item[0]: done(item[0], one(item)) for item in images}
    with ThreadPoolExecutor(max_workers=n) as pool:
        futures = {pool.submit(one, item): item[0] for item in images}
        out = {futures[f]: done(futures[f], f.result()) for f in as_completed(futures)}
    return {item[0]: out[item[0]] for item in images}


# --------------------------------------------------------------------------------------------------
# Confidence of the values read


# Counts of a vote or of the attendance, in digits: "Pour : 58", "Contre : 1", "24 voix", "présents : 20".
_COUNT_PATTERNS = [pattern for _, pattern in VOTE_COUNTS] + [
    regex.compile(r"\b(?:en\s+exercice|pr[ée]sents?|votants?|procurations?|repr[ée]sent[ée]s?|quorum|"
                  r"exprim[ée]s?|suffrages)\s*:?\s*(?P<n>\d+)", regex.IGNORECASE),
    regex.compile(r"\b(?P<n>\d+)\s+voix\b", regex.IGNORECASE),
]


def _value_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the amounts and counts of one line (digits only: counts in words are not OCR-fragile)."""
    spans = {(m.start, m.end) for m in find_amounts(text, bare=True)}
    for pattern in _COUNT_PATTERNS:
        for m in pattern.finditer(text):
            if m.group("n") and m.group("n").isdigit():
                spans.add(m.span("n"))
    # an amount's span covers its currency: keep the widest span where spans overlap
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans, key=lambda s: (s[0], -s[1])):
        if out and start < out[-1][1]:
            continue
        out.append((start, end))
    return out


def _align(raw: str, fixed: str) -> list[int]:
    """Index in ``raw`` of every character of ``fixed``: ``fix_digit_groups`` only substitutes characters one
    for one and removes spaces and specks read as underscores."""
    out, i = [], 0
    for ch in fixed:
        while i < len(raw) - 1 and raw[i] in " _" and ch != raw[i]:
            i += 1
        out.append(min(i, len(raw) - 1))
        i += 1
    return out


def line_values(line: Line) -> list[tuple[str, float]]:
    """The amounts and counts of an OCR'd line, each with the lowest confidence of the words it was read from."""
    if line.conf is None or not line.words:
        return []
    raw = " ".join(w[2] for w in line.words)
    owner: list[int] = []
    for k, word in enumerate(line.words):
        owner.extend([k] * len(word[2]))
        owner.append(k)  # the space after it
    index = _align(raw, line.text)
    values = []
    for start, end in _value_spans(line.text):
        value = line.text[start:end].strip()
        if not any(c.isdigit() for c in value):
            continue
        words = {owner[index[i]] for i in range(start, end) if not line.text[i].isspace()}
        first = min(words)
        if first and _misread_digits(line, first - 1, first):  # "dé 145,98 €" printed "687 145,98 €"
            words.add(first - 1)
        values.append((value, min(line.words[k][3] for k in words)))
    return values


def _misread_digits(line: Line, k: int, following: int) -> bool:
    """Whether word ``k`` of an OCR'd line, just left of a number, may be a digit group Tesseract misread: a
    word of at most 3 characters with a very low confidence, one space away from the number."""
    x0, x1, text, conf = line.words[k]
    gap = line.words[following][0] - x1
    return conf < MISREAD_CONFIDENCE and len(text) <= 3 and gap <= 0.6 * (line.bottom - line.top)


def low_confidence_values(doc: IngestedDocument, threshold: float = LOW_CONFIDENCE) -> list[LowConfidence]:
    """Amounts and counts read by OCR with a confidence below ``threshold`` (0-100), the counts of rows of counts
    (``reread_count_rows``) and the cells of ruled tables (a doubtful count, a mark it could not read:
    ``read_grid``) OCR left unread, and the codes the document's pattern repaired (``repair_codes``), in page
    order.

    For the ``ocr.low_confidence`` finding: a person should check these values against the page.
    """
    out = []
    for page in doc.pages:
        for line in page.lines:
            for raw, conf in line_values(line):
                if conf < threshold:
                    out.append(LowConfidence(page.number, raw, conf))
        out += [LowConfidence(page.number, raw, conf) for raw, conf in page.unread]
        out += [LowConfidence(page.number, raw, conf) for table in page.tables for raw, conf in table.unread]
        for number, raw, fixed in doc.code_repairs:
            if number == page.number:
                conf = min((line.conf for line in page.lines if fixed in line.text and line.conf is not None),
                           default=0.0)
                out.append(LowConfidence(number, f"{fixed} (read {raw}, repaired to the pattern of the other "
                                                 f"codes of the document)", conf))
    return out


def _cell_texts(pages: list[Page]) -> list[str]:
    """The non-empty table cells of pages, in page, table, row and column order."""
    return [cell for p in pages for t in p.tables for row in t.rows for cell in row if cell]


def _page_texts(page: Page) -> list[str]:
    """The text of a page's lines, then of its table cells: where a code may be."""
    return [line.text for line in page.lines] + _cell_texts([page])


def _fix_page(page: Page, fix: Callable[[str | None], str | None]) -> None:
    """Apply ``fix`` to the text of a page's lines, their segments and its table cells."""
    page.lines = [dataclasses.replace(line, text=fix(line.text),
                                      segments=tuple((a, b, fix(t)) for a, b, t in line.segments))
                  for line in page.lines]
    page.tables = [dataclasses.replace(t, rows=tuple(tuple(fix(c) for c in row) for row in t.rows))
                   for t in page.tables]


def repair_codes(doc: IngestedDocument) -> None:
    """Codes (operation codes "C02-428O10") misread on the OCR'd pages, repaired to the pattern most codes of
    the document share (``normalize.ocr_fix.code_repairs``): in lines and table cells. Each repair is kept in
    ``doc.code_repairs``, and ``low_confidence_values`` names it."""
    pages = [p for p in doc.pages if p.ocr]
    texts = [line.text for p in pages for line in p.lines] + _cell_texts(pages)
    repairs = code_repairs([m.group() for text in texts for m in CODE.finditer(text)])
    if not repairs:
        return

    def fix(text: str | None) -> str | None:
        return CODE.sub(lambda m: repairs.get(m.group(), m.group()), text) if text else text

    for page in pages:
        page_texts = _page_texts(page)
        for raw, fixed in repairs.items():
            if any(raw in t for t in page_texts):
                doc.code_repairs.append((page.number, raw, fixed))
        _fix_page(page, fix)
