"""PDF -> pages -> lines (text, page, bounding box) and tables. The only module that reads PDFs.

The text layer is read with pypdfium2 (PDFium's text segments, merged into lines: fast). Ruled tables are found
on demand (``add_tables``) for pages that carry ruling lines: PDFium gives the straight segments of the page's
paths and its characters, ``pipeline.tables`` (pdfplumber's table geometry, no PDF parsing) makes the cells.
Pages without a usable text layer (scans) are rendered here and read by ``pipeline.ocr`` when OCR is asked for.
A file that cannot be read raises ``IngestError`` with a sentence a person understands; every other stage works
on ``models.layout`` records.
"""

from __future__ import annotations

import ctypes
import hashlib
import logging
import math
import re
from bisect import bisect_left
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from models.layout import IngestedDocument, Line, Page, Table
from models.records import FailureKind

if TYPE_CHECKING:  # the table reader is imported when a page's tables are first asked for
    from pipeline.tables import Edge

log = logging.getLogger(__name__)

# A page with fewer visible characters than this has no usable text layer (a stamp, a page number).
MIN_TEXT_CHARS = 20
# An image covering this share of the page makes it a scan (with or without a text layer over it).
SCAN_IMAGE_AREA = 0.5
# A text layer over a scan covering less than this share of the scan's image, with fewer characters than
# OVERLAY_MAX_CHARS, was laid over it (a stamp, a header): the page is OCR'd (see ``is_overlay``).
OVERLAY_TEXT_AREA = 0.03
OVERLAY_MAX_CHARS = 400
# Path objects on a page before we look for ruled tables on it.
MIN_RULING_PATHS = 6
# Ruled pages a document keeps loaded, with their words, from ingest until their tables are read (the first ones:
# a table-heavy page holds ~0.5 MB so; later ones are loaded again if their tables are asked for).
KEPT_RULED_PAGES = 32
# Gap (in multiples of the line height) that separates two segments of one line (table columns, tab stops).
SEGMENT_GAP = 1.2
# Lines a transmission stamp adds over a page, kept apart from the content of a scan (``Page.stamp``).
# @ctes / S²LOW / FAST stamps: "Envoyé en préfecture le 18/06/2024", "Reçu en préfecture le 18/06/2024",
# "Publié le", "ID : 062-226200012-20240617-2024_273-DE", "Accusé de réception en préfecture",
# "Date de télétransmission : ...", "Date de réception préfecture : ...".
STAMP_LINES = [re.compile(p, re.IGNORECASE) for p in (
    r"accus[ée] de r[ée]ception",
    r"(?:envoy[ée]e?|re[çc]ue?|transmise?|d[ée]pos[ée]e?)\s+(?:en|[àa]\s+la)\s+pr[ée]fecture",
    r"date\s+de\s+(?:t[ée]l[ée]transmission|r[ée]ception)",
    r"^(?:publi[ée]e?|affich[ée]e?|mise?\s+en\s+ligne|ex[ée]cutoire)\s+le\b",
    r"^ID\s*:",
    r"^\d{3}-\d{9}-\d{8}-",  # the @ctes identifier of the act
    r"^(?:le\s+)?\d{1,2}/\d{1,2}/\d{2,4}$",
    r"^(?:S2LOW|S²LOW|FAST|contr[ôo]le\s+de\s+l[ée]galit[ée])\b",
)]

_PDFIUM_LOAD_ERRORS = {
    pdfium_c.FPDF_ERR_FILE: "The file could not be opened or read.",
    pdfium_c.FPDF_ERR_FORMAT: "The file is damaged or truncated: it is not a readable PDF.",
    pdfium_c.FPDF_ERR_PASSWORD: "The PDF is encrypted with a password, so its text cannot be read.",
    pdfium_c.FPDF_ERR_SECURITY: "The PDF uses an unsupported security handler, so its text cannot be read.",
    pdfium_c.FPDF_ERR_PAGE: "The PDF's pages are damaged and cannot be read.",
}
_NO_PAGES = "The PDF has no pages."
_ENCRYPTED = {_PDFIUM_LOAD_ERRORS[pdfium_c.FPDF_ERR_PASSWORD], _PDFIUM_LOAD_ERRORS[pdfium_c.FPDF_ERR_SECURITY]}

# Characters PDF text layers use for what is a plain character in the text.
# A hyphen at a line's end (PDFium: U+FFFE, or 0x02; some producers: U+00AD) is kept as U+00AD while lines are
# built: PDFium gives the two halves of a word broken there as one word, which ``word_boxes`` splits again so
# that each half stays on its own line; ``resolve_line_end_hyphens`` then decides what it is.
SOFT_HYPHEN = "\u00ad"
# Characters PDFium gives for others, each replaced by one character (so that indices stay PDFium's). A chain of
# str.replace: str.translate looks every character of a page up in its table, and French text is not ASCII.
_TEXT_FIXES = (("\ufffe", SOFT_HYPHEN), ("\x02", SOFT_HYPHEN), ("\uf0b7", "•"), ("\uf0a7", "•"), ("\x00", " "),
               ("\r", " "))


# Called with ("pages", n) once a file's text layer is read (n pages), ("ocr", n) when n of its pages are to be
# OCR'd, ("ocr_page", page number) as each is read. A batch worker sets it (``pipeline.isolate``): the batch
# budgets time per OCR'd page and its progress bar counts pages.
_listener: Callable[[str, int], None] | None = None


def set_listener(listener: Callable[[str, int], None] | None) -> None:
    global _listener
    _listener = listener


def notify(event: str, value: int) -> None:
    if _listener is not None:
        _listener(event, value)


class IngestError(Exception):
    """The file cannot be read as a PDF. The message is one sentence for a person; ``kind`` says why as data."""

    def __init__(self, message: str, kind: FailureKind = FailureKind.DAMAGED) -> None:
        super().__init__(message)
        self.kind = kind


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def doc_id_for(sha256: str) -> str:
    return sha256[:16]


def check_header(path: Path) -> None:
    """Refuse what is plainly not a PDF before handing it to PDFium."""
    size = path.stat().st_size
    if size == 0:
        raise IngestError("The file is empty (0 bytes).", FailureKind.EMPTY)
    with open(path, "rb") as fh:
        head = fh.read(1024)
    if b"%PDF-" not in head:
        kind = "a text file" if _looks_like_text(head) else "some other kind of file"
        raise IngestError(f"The file is not a PDF: it does not start with a PDF header (it looks like {kind}).",
                          FailureKind.NOT_PDF)


def _looks_like_text(head: bytes) -> bool:
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def diagnose_unopenable(path: Path, code: int | None) -> str:
    """Why PDFium refused a file, in one sentence. PDFium's error code is process-global and can be stale
    (a zero-page PDF reports the previous file's error), so pdfminer is asked too; this only runs on bad files."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    try:
        with pdfplumber.open(str(path)) as pdf:
            if len(pdf.pages) == 0:
                return _NO_PAGES
    except (PDFPasswordIncorrect, PDFEncryptionError):
        return _PDFIUM_LOAD_ERRORS[pdfium_c.FPDF_ERR_PASSWORD]
    except Exception:
        pass
    if code == pdfium_c.FPDF_ERR_PASSWORD:
        return _PDFIUM_LOAD_ERRORS[code]
    return _PDFIUM_LOAD_ERRORS[pdfium_c.FPDF_ERR_FORMAT]


def open_pdf(path: Path) -> pdfium.PdfDocument:
    check_header(path)
    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        message = diagnose_unopenable(path, getattr(exc, "err_code", None))
        kind = FailureKind.ENCRYPTED if message in _ENCRYPTED else FailureKind.EMPTY if message == _NO_PAGES \
            else FailureKind.DAMAGED
        raise IngestError(message, kind) from exc
    if len(pdf) == 0:
        pdf.close()
        raise IngestError(_NO_PAGES, FailureKind.EMPTY)
    return pdf


def chars_to_lines(text: str, boxes: list[tuple[float, float, float, float]], page_number: int,
                   page_height: float) -> list[Line]:
    """Split page text (PDFium's reading order and line breaks) into lines with their bounding boxes, from the
    box of every character: ``boxes[i]`` is the (left, bottom, right, top) box of ``text[i]`` in PDF
    coordinates; characters PDFium generates (spaces between words, line breaks) have empty boxes."""
    words = []
    for m in _WORD.finditer(text):
        inked = [boxes[k] for k in range(*m.span()) if boxes[k][2] > boxes[k][0]]
        if inked:
            lefts, bottoms, rights, tops = zip(*inked)
            words.append((m.start(), m.end(), min(lefts), min(bottoms), max(rights), max(tops)))
    return words_to_lines(text, words, page_number, page_height)


_WORD = re.compile(r"\S+")
_GET_RECT = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p,
                             ctypes.c_void_p, ctypes.c_void_p)(ctypes.cast(pdfium_c.FPDFText_GetRect, ctypes.c_void_p).value)
_COUNT_RECTS = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_int, ctypes.c_int)(
    ctypes.cast(pdfium_c.FPDFText_CountRects, ctypes.c_void_p).value)


def word_boxes(textpage: pdfium.PdfTextPage, text: str) -> list[tuple[int, int, float, float, float, float]]:
    """(start, end, left, bottom, right, top) of every word of the page's text that has ink: the union of its
    characters' boxes, as PDFium's text-page rectangles of the word's range (one per text object it spans).

    Two calls a word instead of one per character: this runs over every word of an archive."""
    handle = ctypes.cast(textpage.raw, ctypes.c_void_p).value
    rect = (ctypes.c_double * 4)()
    at = ctypes.addressof(rect)
    count, get = _COUNT_RECTS, _GET_RECT
    words = []
    spans = _word_spans(text) if SOFT_HYPHEN in text else [m.span() for m in _WORD.finditer(text)]
    for start, end in spans:
        n = count(handle, start, end - start)
        if n <= 0:
            continue
        get(handle, 0, at, at + 8, at + 16, at + 24)  # left, top, right, bottom
        left, top, right, bottom = rect
        for i in range(1, n):
            get(handle, i, at, at + 8, at + 16, at + 24)
            left, top, right, bottom = min(left, rect[0]), max(top, rect[1]), max(right, rect[2]), min(bottom, rect[3])
        words.append((start, end, left, bottom, right, top))
    return words


def _word_spans(text: str) -> Iterator[tuple[int, int]]:
    """The (start, end) of each word; a word broken by a line-end hyphen is two words, the first ending with it."""
    for m in _WORD.finditer(text):
        start, end = m.span()
        cut = text.find(SOFT_HYPHEN, start, end - 1)
        while cut >= 0:
            yield start, cut + 1
            start = cut + 1
            cut = text.find(SOFT_HYPHEN, start, end - 1)
        yield start, end


def words_to_lines(text: str, words: list, page_number: int, page_height: float) -> list[Line]:
    """Lines of the page from its words (see ``word_boxes``), split where the text breaks lines; wide gaps
    between two words of a line split it into segments (table columns, tab stops)."""
    lines: list[Line] = []
    run: list = []
    line_end = text.find("\n")
    for word in words:
        if 0 <= line_end < word[0]:  # this word is on a later line: close the current one
            if run:
                lines.append(_line(text, run, page_number, page_height))
            run = []
            line_end = text.find("\n", word[0])
        elif run and text[run[-1][1] - 1] == SOFT_HYPHEN:  # the rest of a word broken at the line's end
            lines.append(_line(text, run, page_number, page_height))
            run = []
        run.append(word)
    if run:
        lines.append(_line(text, run, page_number, page_height))
    return lines


def _line(text: str, words: list, page_number: int, page_height: float) -> Line:
    """One line from its words, in reading order."""
    _, _, lefts, bottoms, rights, tops = zip(*words)
    bottom, top = min(bottoms), max(tops)
    gap = SEGMENT_GAP * max(top - bottom, 1.0)
    cuts = [i for i in range(1, len(words)) if lefts[i] - rights[i - 1] > gap]
    if cuts:
        bounds = [0, *cuts, len(words)]
        parts = tuple((round(lefts[i], 2), round(rights[j - 1], 2),
                       " ".join(text[words[i][0]:words[j - 1][1]].split()))
                      for i, j in zip(bounds, bounds[1:]))
        line_text = " ".join(p[2] for p in parts)
    else:  # most lines: one piece
        line_text = " ".join(text[words[0][0]:words[-1][1]].split())
        parts = ((round(lefts[0], 2), round(rights[-1], 2), line_text),)
    return Line(page_number, line_text, round(min(lefts), 2), round(page_height - top, 2), round(max(rights), 2),
                round(page_height - bottom, 2), parts)


# PDFium's text functions called through prototypes taking plain addresses: pypdfium2's typed bindings convert
# every pointer argument on each call, which made reading boxes the most expensive step of the pipeline.
_GET_CHAR_BOX = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p,
                                 ctypes.c_void_p, ctypes.c_void_p)(
    ctypes.cast(pdfium_c.FPDFText_GetCharBox, ctypes.c_void_p).value)
_GET_LOOSE_CHAR_BOX = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p)(
    ctypes.cast(pdfium_c.FPDFText_GetLooseCharBox, ctypes.c_void_p).value)
_GET_CHAR_ANGLE = ctypes.CFUNCTYPE(ctypes.c_float, ctypes.c_void_p, ctypes.c_int)(
    ctypes.cast(pdfium_c.FPDFText_GetCharAngle, ctypes.c_void_p).value)
# A character turned by more than this (radians) is not upright: sideways text, e.g. a table printed landscape.
UPRIGHT_ANGLE = 0.1


def table_chars(pdf_page: pdfium.PdfPage, height: float, areas: list[tuple[float, float, float, float]],
                text: str | None = None, words: list | None = None,
                textpage: pdfium.PdfTextPage | None = None) -> tuple[str, list]:
    """The page's text layer and its visible characters within ``areas`` (top-down boxes, the tables), for
    ``pipeline.tables``. Each character is placed by its "loose" box (the font's ascent to descent, so "." and
    "," share their line's top and bottom) and says whether it is upright (a word's characters share its first
    one's angle). Only the words that reach into an area are read character by character, and the characters
    of a word astride an area's edge are measured to see which fall inside. ``textpage``, ``text`` and
    ``words``: the page's text page (left open), text layer and ``word_boxes`` when ingest kept them (else read
    again)."""
    from pipeline.tables import Char

    margin = 2.0  # a loose box's centre may sit a little off the tight one's
    areas = [(x0 - margin, height - bottom - margin, x1 + margin, height - top + margin)
             for x0, top, x1, bottom in areas]  # bottom-up, like the boxes
    own = textpage is None
    if own:
        textpage = pdf_page.get_textpage()
    try:
        if text is None or words is None:
            text = page_text(textpage)
            words = word_boxes(textpage, text)
        handle = ctypes.cast(textpage.raw, ctypes.c_void_p).value
        tight, loose = (ctypes.c_double * 4)(), (ctypes.c_float * 4)()
        t_at, l_at = ctypes.addressof(tight), ctypes.addressof(loose)
        chars = []
        for start, end, w_left, w_bottom, w_right, w_top in words:
            touched = [a for a in areas if w_left <= a[2] and a[0] <= w_right and w_bottom <= a[3] and a[1] <= w_top]
            if not touched:
                continue
            inside = any(a[0] <= w_left and w_right <= a[2] and a[1] <= w_bottom and w_top <= a[3] for a in touched)
            angle = _GET_CHAR_ANGLE(handle, start)
            upright = angle >= 0 and min(angle, 2 * math.pi - angle) <= UPRIGHT_ANGLE
            for k in range(start, end):
                if not inside and not _centre_inside(handle, k, tight, t_at, touched):
                    continue
                if not _GET_LOOSE_CHAR_BOX(handle, k, l_at):
                    raise pdfium.PdfiumError("Failed to get loose charbox.")
                left, top, right, bottom = loose  # FS_RECTF
                chars.append(Char("-" if text[k] == SOFT_HYPHEN else text[k], left, height - top, right,
                                  height - bottom, k, upright))
    finally:
        if own:
            textpage.close()
    return text, chars


def _centre_inside(handle: int, k: int, tight, at: int, areas: list) -> bool:
    """Whether character ``k`` has ink and its (tight) box's centre lies in one of the areas."""
    if not _GET_CHAR_BOX(handle, k, at, at + 16, at + 8, at + 24):
        raise pdfium.PdfiumError("Failed to get charbox.")
    x, y = (tight[0] + tight[2]) / 2, (tight[1] + tight[3]) / 2
    return tight[2] > tight[0] and any(left <= x <= right and low <= y <= high for left, low, right, high in areas)


def page_objects(pdf_page: pdfium.PdfPage) -> tuple[int, float, int]:
    """(images, area of the largest image, path objects) of a page and of the forms directly on it.

    Walks PDFium's object lists directly instead of building a pypdfium2 helper object for each (a page of a
    table-heavy PDF has thousands of path objects)."""
    n_images, image_area, n_paths = 0, 0.0, 0
    bounds = (ctypes.c_float * 4)()
    at = ctypes.addressof(bounds)
    lists = [(False, ctypes.cast(pdf_page.raw, ctypes.c_void_p).value)]
    while lists:
        in_form, parent = lists.pop()
        n = _COUNT_OBJECTS[in_form](parent)
        if n < 0:
            raise pdfium.PdfiumError("Failed to get number of pageobjects.")
        get = _GET_OBJECT[in_form]
        for i in range(n):
            obj = get(parent, i)
            if not obj:
                raise pdfium.PdfiumError("Failed to get pageobject.")
            kind = _OBJECT_TYPE(obj)
            if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
                n_paths += 1
            elif kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
                n_images += 1
                if not _OBJECT_BOUNDS(obj, at, at + 4, at + 8, at + 12):
                    raise pdfium.PdfiumError("Failed to locate pageobject.")
                left, bottom, right, top = bounds
                image_area = max(image_area, max(0.0, right - left) * max(0.0, top - bottom))
            elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and not in_form:  # one level into forms, as before
                lists.append((True, obj))
    return n_images, image_area, n_paths


def page_text(textpage: pdfium.PdfTextPage) -> str:
    """The page's text layer: PDFium's reading order, odd characters fixed, one character per PDFium index."""
    n = textpage.count_chars()
    raw = textpage.get_text_range() if n else ""
    if not n or len(raw) != n:
        return ""
    for odd, fixed in _TEXT_FIXES:
        if odd in raw:
            raw = raw.replace(odd, fixed)
    return raw


def read_page_words(pdf_page: pdfium.PdfPage, number: int, keep: bool = False
                    ) -> tuple[Page, int, str, list, pdfium.PdfTextPage | None]:
    """One page's lines and text source, the count of path objects (ruling-line candidates), the page's text
    layer and words (``word_boxes``) the lines were made of, and with ``keep`` its text page, left open (the
    caller closes it), else None."""
    width, height = pdf_page.get_size()
    textpage = pdf_page.get_textpage()
    try:
        text = page_text(textpage)
        words = word_boxes(textpage, text) if text else []
    except BaseException:
        textpage.close()
        raise
    if not keep:
        textpage.close()
        textpage = None
    n_chars = len("".join(text.split()))
    n_images, image_area, n_paths = page_objects(pdf_page)
    scanned = image_area >= SCAN_IMAGE_AREA * width * height
    if n_chars < MIN_TEXT_CHARS:
        text_source = "none" if (scanned or n_images or n_chars == 0) else "text"
    else:
        text_source = "both" if scanned else "text"
    lines = words_to_lines(text, words, number, height)
    page = Page(number=number, width=round(width, 2), height=round(height, 2), text_source=text_source,
                n_chars=n_chars, n_images=n_images, lines=lines)
    if text_source == "both" and is_overlay(lines, n_chars, image_area):
        set_apart_overlay(page)
    return page, n_paths, text, words, textpage


def text_area(lines: list[Line]) -> float:
    """The area (square points) the boxes of these lines cover."""
    return sum((line.x1 - line.x0) * (line.bottom - line.top) for line in lines)


def is_overlay(lines: list[Line], n_chars: int, image_area: float) -> bool:
    """Whether a text layer over a scan is only laid on it (a prefecture's stamp, a running header) rather than
    the scan's own text: its lines cover a small part of the image and hold few characters. A text layer OCR'd
    into the PDF covers 9-54 % of the image even on a title page (the corpus's arrêté); a stamp 0.5 %."""
    return n_chars < OVERLAY_MAX_CHARS and text_area(lines) < OVERLAY_TEXT_AREA * image_area


def is_stamp_line(line: Line) -> bool:
    return any(p.search(line.text) for p in STAMP_LINES)


def set_apart_overlay(page: Page) -> None:
    """A scan with a text layer laid over it: its content is the image (``text_source`` "none" until OCR reads
    it). The stamp's lines go to ``page.stamp``; other lines laid over the scan (a running header, "Annexe 1")
    stay with the page's lines."""
    page.stamp = [line for line in page.lines if is_stamp_line(line)]
    page.lines = [line for line in page.lines if not is_stamp_line(line)]
    page.text_source = "none"


def find_ruled_tables(path: Path, page_numbers: list[int], kept: dict[int, tuple] | None = None
                      ) -> dict[int, list[Table]]:
    """Ruled tables of the given pages, from PDFium's ruling lines and characters (see ``pipeline.tables``).
    ``kept``: pages still loaded, with their text page, text layer and words (``IngestedDocument.kept_pages``),
    taken from it and closed once read; the others are loaded from the file."""
    if not page_numbers:
        return {}
    from pipeline import tables as ruled

    kept = {} if kept is None else kept
    found: dict[int, list[Table]] = {}
    pdf = None
    try:
        for number in page_numbers:
            try:
                if number in kept:
                    pdf_page, textpage, text, words = kept.pop(number)
                else:
                    if pdf is None:
                        pdf = pdfium.PdfDocument(str(path))
                    pdf_page, textpage, text, words = pdf[number - 1], None, None, None
                try:
                    height = pdf_page.get_size()[1]
                    grids = ruled.table_grids(ruling_edges(pdf_page, height))
                    if not grids:
                        continue
                    text, chars = table_chars(pdf_page, height, [g.bbox for g in grids], text, words, textpage)
                finally:
                    if textpage is not None:
                        textpage.close()
                    pdf_page.close()
                tables = ruled.fill_tables(grids, chars, text, number)
            except Exception as exc:  # a damaged page (or file): keep its text, report no table
                log.warning("table detection failed on page %s of %s: %s", number, path, exc)
                continue
            if tables:
                found[number] = tables
    finally:
        if pdf is not None:
            pdf.close()
    return found


_IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _compose(outer: tuple, inner: tuple) -> tuple:
    """The matrix applying ``inner`` then ``outer`` (PDF order a b c d e f)."""
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _fast(function, restype, *argtypes):
    """A PDFium function called with plain ints for handles and addresses (see ``_GET_CHAR_BOX``)."""
    return ctypes.CFUNCTYPE(restype, *argtypes)(ctypes.cast(function, ctypes.c_void_p).value)


_P, _I = ctypes.c_void_p, ctypes.c_int
_COUNT_OBJECTS = {False: _fast(pdfium_c.FPDFPage_CountObjects, _I, _P),
                  True: _fast(pdfium_c.FPDFFormObj_CountObjects, _I, _P)}  # by "inside a form"
_GET_OBJECT = {False: _fast(pdfium_c.FPDFPage_GetObject, _P, _P, _I),
               True: _fast(pdfium_c.FPDFFormObj_GetObject, _P, _P, _I)}
_OBJECT_TYPE = _fast(pdfium_c.FPDFPageObj_GetType, _I, _P)
_OBJECT_BOUNDS = _fast(pdfium_c.FPDFPageObj_GetBounds, _I, _P, _P, _P, _P, _P)
_OBJECT_MATRIX = _fast(pdfium_c.FPDFPageObj_GetMatrix, _I, _P, _P)
_COUNT_SEGMENTS = _fast(pdfium_c.FPDFPath_CountSegments, _I, _P)
_GET_SEGMENT = _fast(pdfium_c.FPDFPath_GetPathSegment, _P, _P, _I)
_SEGMENT_POINT = _fast(pdfium_c.FPDFPathSegment_GetPoint, _I, _P, _P, _P)
_SEGMENT_TYPE = _fast(pdfium_c.FPDFPathSegment_GetType, _I, _P)
_SEGMENT_CLOSE = _fast(pdfium_c.FPDFPathSegment_GetClose, _I, _P)


def ruling_edges(pdf_page: pdfium.PdfPage, height: float) -> list[Edge]:
    """The horizontal and vertical straight segments of the page's path objects (and of the forms on it), as
    pdfplumber's edges: every side of a rectangle, every piece of a line or polyline, filled or stroked.

    A path of the page (not of a form, which may be scaled) that fits in a box too small for any segment to be
    an edge is skipped unread: a third of a table-heavy page's path segments are dots and glyph-sized shapes."""
    from pipeline.tables import EDGE_MIN_LENGTH_PREFILTER as least

    edges: list[Edge] = []
    matrix = pdfium_c.FS_MATRIX()
    matrix_at = ctypes.addressof(matrix)
    bounds = (ctypes.c_float * 4)()
    b_at = ctypes.addressof(bounds)
    xy = (ctypes.c_float * 2)()
    xy_at = ctypes.addressof(xy)
    path_kind, form_kind = pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_FORM
    stack = [(False, ctypes.cast(pdf_page.raw, ctypes.c_void_p).value, _IDENTITY)]
    while stack:
        in_form, parent, outer = stack.pop()
        get = _GET_OBJECT[in_form]
        for i in range(max(0, _COUNT_OBJECTS[in_form](parent))):
            obj = get(parent, i)
            kind = _OBJECT_TYPE(obj) if obj else None
            if (kind != path_kind and kind != form_kind) or not _OBJECT_MATRIX(obj, matrix_at):
                continue
            m = _compose(outer, (matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f))
            if kind == form_kind:
                stack.append((True, obj, m))
                continue
            if not in_form and _OBJECT_BOUNDS(obj, b_at, b_at + 4, b_at + 8, b_at + 12):
                left, bottom, right, top = bounds
                if right - left < least and top - bottom < least:
                    continue
            _path_edges(obj, m, height, edges, xy, xy_at)
    return edges


def _path_edges(obj: int, m: tuple, height: float, edges: list[Edge], xy, xy_at: int) -> None:
    """The edges of one path object drawn with the matrix ``m`` (``xy``: a buffer of two floats at ``xy_at``)."""
    from pipeline.tables import segment_edge

    a, b, c, d, e, f = m
    move_to, line_to = pdfium_c.FPDF_SEGMENT_MOVETO, pdfium_c.FPDF_SEGMENT_LINETO
    get_segment, get_point, get_type, get_close = _GET_SEGMENT, _SEGMENT_POINT, _SEGMENT_TYPE, _SEGMENT_CLOSE
    start = prev = None
    for k in range(_COUNT_SEGMENTS(obj)):
        segment = get_segment(obj, k)
        if not segment or not get_point(segment, xy_at, xy_at + 4):
            start = prev = None
            continue
        x, y = xy
        point = (round(a * x + c * y + e, 3), round(height - (b * x + d * y + f), 3))
        step = get_type(segment)
        if step == move_to:  # its point is the start: closing there draws nothing
            start = prev = point
            continue
        if step == line_to and prev is not None:
            edge = segment_edge(prev[0], prev[1], point[0], point[1])
            if edge:
                edges.append(edge)
        if get_close(segment) and start is not None and point != start:
            edge = segment_edge(point[0], point[1], start[0], start[1])
            if edge:
                edges.append(edge)
        prev = point


def ingest(path: str | Path, *, tables: bool = False, ocr: str = "never") -> IngestedDocument:
    """Read a PDF into pages and lines; with ``tables``, also its ruled tables (the slow part, see ``add_tables``).

    ``ocr``: ``never`` reads the text layer only; ``auto`` also OCRs the pages without usable text (image only,
    or a scan whose text layer is only a stamp); ``always`` OCRs every page instead of its text layer.
    Raises ``IngestError`` when the file cannot be read.
    """
    if ocr not in ("never", "auto", "always"):
        raise ValueError(f"ocr must be never, auto or always, not {ocr!r}")
    path = Path(path)
    if not path.is_file():
        raise IngestError("The file does not exist or is not a regular file.", FailureKind.MISSING)
    sha = sha256_file(path)
    pdf = open_pdf(path)
    pages: list[Page] = []
    ruled_pages: list[int] = []
    to_ocr: list[int] = []
    doc = IngestedDocument(path=str(path), sha256=sha, doc_id=doc_id_for(sha), pages=pages,
                           ruled_pages=ruled_pages, table_reader=add_tables)
    try:
        for index in range(len(pdf)):
            try:
                pdf_page = pdf[index]
            except pdfium.PdfiumError:
                pages.append(Page(number=index + 1, width=0.0, height=0.0, text_source="none", n_chars=0,
                                  n_images=0))
                continue
            kept = False
            textpage = None
            try:
                page, n_paths, text, words, textpage = read_page_words(
                    pdf_page, index + 1, keep=len(doc.kept_pages) < KEPT_RULED_PAGES)
                pages.append(page)
                if needs_ocr(page, ocr):
                    to_ocr.append(page.number)
                elif n_paths >= MIN_RULING_PATHS and page.text_source != "none":
                    ruled_pages.append(page.number)
                    if textpage is not None:
                        doc.kept_pages[page.number] = (pdf_page, textpage, text, words)
                        kept = True
            finally:
                if not kept:
                    if textpage is not None:
                        textpage.close()
                    pdf_page.close()
        notify("pages", len(pages))
        if to_ocr:
            notify("ocr", len(to_ocr))
            ocr_pages(pdf, doc, to_ocr)
    finally:
        if doc.kept_pages:
            doc.kept_by = pdf
        else:
            pdf.close()
    resolve_line_end_hyphens(doc)
    if tables:
        add_tables(doc)
        doc.release()
    return doc


_WORD_EDGES = re.compile(r"^\W+|\W+$")


def resolve_line_end_hyphens(doc: IngestedDocument) -> None:
    """A word broken by a hyphen at a line's end is hyphenation ("associa-" / "tion", "eu-" / "ros") or a compound
    broken at its own hyphen ("sous-" / "traitance", "Jean-" / "Claude"): the line keeps U+00AD (the two halves
    are one word, ``Paragraph.flat`` and ``collapse`` join them) when the document prints the joined word elsewhere
    and never the hyphenated one; else it ends with "-" (the halves are joined with their hyphen)."""
    lines = [(page, i) for page in doc.pages for i in range(len(page.lines))]
    broken = [k for k, (page, i) in enumerate(lines) if page.lines[i].text.endswith(SOFT_HYPHEN)]
    if not broken:
        return
    printed = {(w if w[0].isalnum() and w[-1].isalnum() else _WORD_EDGES.sub("", w)).lower()  # (most words)
               for page in doc.pages for line in page.lines for w in line.text.split() if SOFT_HYPHEN not in w}
    ordered = sorted(printed)
    for k in broken:
        page, i = lines[k]
        line = page.lines[i]
        head = _WORD_EDGES.sub("", line.text.split()[-1][:-1]).lower()
        following = lines[k + 1][0].lines[lines[k + 1][1]].text.split() if k + 1 < len(lines) else []
        tail = _WORD_EDGES.sub("", following[0]).lower() if following else ""
        if tail and f"{head}-{tail}" not in printed and _prints_word_like(head + tail, head, ordered):
            continue
        segments = line.segments[:-1] + tuple((x0, x1, t.replace(SOFT_HYPHEN, "-")) for x0, x1, t in line.segments[-1:])
        page.lines[i] = replace(line, text=line.text[:-1] + "-", segments=segments)


def _prints_word_like(joined: str, head: str, ordered: list[str]) -> bool:
    """Whether the document prints the joined word, or another word of the same stem: one that starts like it
    for at least three letters past the break and six in all ("re-" / "présentant" where "représentée" is
    printed). Compounds are not printed joined ("sous-" / "traitance", "ci-" / "dessous")."""
    stem = joined[:max(len(head) + 3, 6)]
    at = bisect_left(ordered, joined)
    if at < len(ordered) and ordered[at] == joined:
        return True
    at = bisect_left(ordered, stem)
    return at < len(ordered) and ordered[at].startswith(stem)


def needs_ocr(page: Page, mode: str) -> bool:
    if mode == "always":
        return page.width > 0
    if mode == "auto":
        return page.width > 0 and page.text_source == "none"
    return False


def _holds_text(obj, depth: int = 0) -> bool:
    """Whether a page object is text, or a form (XObject) with text in it."""
    kind = pdfium_c.FPDFPageObj_GetType(obj)
    if kind == pdfium_c.FPDF_PAGEOBJ_TEXT:
        return True
    if kind != pdfium_c.FPDF_PAGEOBJ_FORM or depth > 3:
        return False
    return any(_holds_text(pdfium_c.FPDFFormObj_GetObject(obj, i), depth + 1)
               for i in range(max(0, pdfium_c.FPDFFormObj_CountObjects(obj))))


def hide_text(pdf_page: pdfium.PdfPage) -> None:
    """Take the text objects (and the forms holding text: a stamp's box) off a page before it is rendered for
    OCR: the text layer is read from the PDF, and a stamp drawn over the scan would hide what is under it
    ("PROCES VERBAL" under Flaux's stamp). Only the document in memory changes."""
    raw = pdf_page.raw
    found = [obj for obj in (pdfium_c.FPDFPage_GetObject(raw, i) for i in range(pdfium_c.FPDFPage_CountObjects(raw)))
             if obj and _holds_text(obj)]
    for obj in found:
        if pdfium_c.FPDFPage_RemoveObject(raw, obj):
            pdfium_c.FPDFPageObj_Destroy(obj)


def render_page(pdf_page: pdfium.PdfPage, dpi: float, *, without_text: bool = False) -> tuple[object, float]:
    """The page as a grayscale PIL image for OCR, and the resolution it was rendered at (lowered for a page so
    large it would exceed the OCR pixel budget). ``without_text``: the text layer is not drawn (``hide_text``)."""
    from pipeline import ocr

    if without_text:
        hide_text(pdf_page)
    width, height = pdf_page.get_size()
    pixels = (width * dpi / 72) * (height * dpi / 72)
    if pixels > ocr.MAX_PIXELS:
        dpi = dpi * math.sqrt(ocr.MAX_PIXELS / pixels)
    bitmap = pdf_page.render(scale=dpi / 72, grayscale=True, may_draw_forms=True)
    try:
        return bitmap.to_pil().convert("L"), dpi
    finally:
        bitmap.close()


def merge_lines(read: list[Line], kept: list[Line]) -> list[Line]:
    """OCR'd lines with the text-layer lines a scan's page kept (a header laid over it), in reading order."""
    out = list(read)
    for line in sorted(kept, key=lambda ln: ln.top, reverse=True):
        at = next((k for k, other in enumerate(out) if other.top > line.top), len(out))
        out.insert(at, line)
    return out


def ocr_pages(pdf: pdfium.PdfDocument, doc: IngestedDocument, numbers: list[int]) -> None:
    """Replace the lines of the given pages by what OCR reads on them (see ``pipeline.ocr``).

    Pages are rendered here (PDFium is not thread-safe) a few at a time, and OCR'd in parallel. A page without
    a usable text layer is rendered without it, and the text-layer lines it kept (a header over the scan) join
    what OCR reads. When OCR cannot run, the pages keep what they had and ``doc.ocr_error`` says why.
    """
    from pipeline import ocr

    try:
        ocr.check_available()
    except ocr.OcrUnavailable as exc:
        doc.ocr_error = str(exc)
        return
    batch = max(1, ocr.workers())
    failed: list[int] = []
    for at in range(0, len(numbers), batch):
        images = []
        for number in numbers[at:at + batch]:
            try:
                image, dpi = _render_for_ocr(pdf, doc.pages[number - 1])
            except pdfium.PdfiumError as exc:  # a page PDFium cannot draw: it stays unread
                log.warning("cannot render page %s of %s for OCR: %s", number, doc.path, exc)
                failed.append(number)
                continue
            images.append((number, image, dpi))
        for number, result in ocr.ocr_images(images, on_page=lambda n: notify("ocr_page", n)).items():
            if isinstance(result, Exception):
                failed.append(number)
            else:
                apply_ocr(doc.pages[number - 1], result)
    ocr.repair_codes(doc)
    if failed:
        failed.sort()
        doc.ocr_error = f"OCR failed on page{'s' if len(failed) > 1 else ''} {', '.join(map(str, failed))}."


def _render_for_ocr(pdf: pdfium.PdfDocument, page: Page) -> tuple[object, float]:
    from pipeline import ocr

    pdf_page = pdf[page.number - 1]
    try:
        return render_page(pdf_page, ocr.DPI, without_text=page.text_source == "none")
    finally:
        pdf_page.close()


def apply_ocr(page: Page, result) -> None:
    """A page's lines and ruled tables as OCR read them (``pipeline.ocr.OcrResult``)."""
    kept = page.lines if page.text_source == "none" else []
    page.lines = merge_lines(result.lines, kept)
    page.tables = result.tables  # ruled tables of a scan are read by OCR, not by pdfplumber
    page.unread = list(result.unread)
    page.ocr = True
    page.ocr_angle = result.angle
    page.text_source = "ocr" if result.lines else "none"


def add_tables(doc: IngestedDocument, pages: list[int] | None = None) -> None:
    """Find the ruled tables of the given pages (default: every page with ruling lines), once per page."""
    wanted = [n for n in (doc.ruled_pages if pages is None else pages)
              if n in doc.ruled_pages and n not in doc.tables_read]
    for number, found in find_ruled_tables(Path(doc.path), wanted, doc.kept_pages).items():
        doc.pages[number - 1].tables = found
    doc.tables_read.update(wanted)


class PagePicture(NamedTuple):
    """A page drawn for a person (the reports' page pictures), with the boxes ingest reads on it: the text
    layer (``text``, and for each character the box of its word, PDF points from the bottom-left), or, on a page
    read by OCR, OCR's lines (``lines``, PDF points from the top-left)."""

    image: object  # PIL grayscale ("L") image, ``scale`` pixels per point
    width: float
    height: float
    text: str
    boxes: list[tuple[float, float, float, float]]
    lines: list[Line]


def page_pictures(path: str | Path, numbers: list[int], scale: float,
                  ocr_numbers: set[int] | frozenset = frozenset()) -> dict[int, PagePicture]:
    """The given pages of a PDF drawn at ``scale``, each with its boxes; ``ocr_numbers``: pages the batch read
    by OCR, whose lines come from the OCR cache (their text layer, if any, is a stamp over the scan). Pages that
    cannot be drawn are left out; a PDF that cannot be opened gives nothing."""
    try:
        pdf = open_pdf(Path(path))
    except (IngestError, OSError) as exc:
        log.debug("cannot open %s for its page pictures: %s", path, exc)
        return {}
    pictures = {}
    try:
        for number in sorted(set(numbers)):
            if 1 <= number <= len(pdf):
                try:
                    pictures[number] = _page_picture(pdf[number - 1], number, scale, number in ocr_numbers)
                except pdfium.PdfiumError as exc:
                    log.debug("cannot draw page %s of %s: %s", number, path, exc)
    finally:
        pdf.close()
    return pictures


def _page_picture(pdf_page: pdfium.PdfPage, number: int, scale: float, read_by_ocr: bool) -> PagePicture:
    width, height = pdf_page.get_size()
    # first: rendering for OCR may take the text layer off the page. In grey: the outlines are the one colour
    # (evidence.outlined), and a page of text in 8 bits a pixel is written as PNG 6x faster than in RGB.
    bitmap = pdf_page.render(scale=scale, grayscale=True)
    try:
        image = bitmap.to_pil().convert("L")
    finally:
        bitmap.close()
    try:
        page, _, text, words, _ = read_page_words(pdf_page, number)
        if read_by_ocr or page.text_source == "none":
            return PagePicture(image, width, height, "", [], _ocr_lines(pdf_page, page))
        boxes = _char_boxes_of_words(words, len(text))
        text = text.replace(SOFT_HYPHEN, "-")  # as the lines print it, so that quotes are found
    finally:
        pdf_page.close()
    return PagePicture(image, width, height, text, boxes, [])


def _char_boxes_of_words(words: list, n: int) -> list[tuple[float, float, float, float]]:
    """Each character's box as ingest reads it: the box of the word it belongs to (empty between words)."""
    boxes = [(0.0, 0.0, 0.0, 0.0)] * n
    for start, end, left, bottom, right, top in words:
        boxes[start:end] = [(left, bottom, right, top)] * (end - start)
    return boxes


def _ocr_lines(pdf_page: pdfium.PdfPage, page: Page) -> list[Line]:
    """What OCR read on a page, rendered as ingest renders it for OCR (so from the OCR cache the batch's worker
    filled; Tesseract again on a miss); none without Tesseract."""
    from pipeline import ocr

    try:
        ocr.check_available()
        image, dpi = render_page(pdf_page, ocr.DPI, without_text=page.text_source == "none")
        return ocr.ocr_image(image, page.number, dpi).lines
    except Exception as exc:  # Tesseract missing or failing: the picture has no outlines
        log.debug("no OCR lines for page %s: %s", page.number, exc)
        return []
