"""PDF -> pages -> lines (text, page, bounding box) and tables. The only module that imports a PDF library.

The text layer is read with pypdfium2 (PDFium's text segments, merged into lines: fast); pdfplumber is opened
only for the pages that carry ruling lines, to find ruled tables. A file that cannot be read raises
``IngestError`` with a sentence a person understands; every other stage works on ``models.layout`` records.
"""

from __future__ import annotations

import hashlib
import logging
import warnings
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from models.layout import IngestedDocument, Line, Page, Table

log = logging.getLogger(__name__)

# A page with fewer visible characters than this has no usable text layer (a stamp, a page number).
MIN_TEXT_CHARS = 20
# An image covering this share of the page makes it a scan (with or without a text layer over it).
SCAN_IMAGE_AREA = 0.5
# Path objects on a page before we look for ruled tables with pdfplumber.
MIN_RULING_PATHS = 6
# Gap (in multiples of the line height) that separates two segments of one line (table columns, tab stops).
SEGMENT_GAP = 1.2

_PDFIUM_LOAD_ERRORS = {
    pdfium_c.FPDF_ERR_FILE: "The file could not be opened or read.",
    pdfium_c.FPDF_ERR_FORMAT: "The file is damaged or truncated: it is not a readable PDF.",
    pdfium_c.FPDF_ERR_PASSWORD: "The PDF is encrypted with a password, so its text cannot be read.",
    pdfium_c.FPDF_ERR_SECURITY: "The PDF uses an unsupported security handler, so its text cannot be read.",
    pdfium_c.FPDF_ERR_PAGE: "The PDF's pages are damaged and cannot be read.",
}

# Characters PDF text layers use for what is a plain character in the text.
_TEXT_FIXES = str.maketrans({"\ufffe": "-", "\x02": "-", "\u00ad": "-", "\uf0b7": "•", "\uf0a7": "•",
                             "\x00": " "})
_SAME_LENGTH_FIXES = _TEXT_FIXES


class IngestError(Exception):
    """The file cannot be read as a PDF. The message is one sentence for a person."""


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
        raise IngestError("The file is empty (0 bytes).")
    with open(path, "rb") as fh:
        head = fh.read(1024)
    if b"%PDF-" not in head:
        kind = "a text file" if _looks_like_text(head) else "some other kind of file"
        raise IngestError(f"The file is not a PDF: it does not start with a PDF header (it looks like {kind}).")


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
                return "The PDF has no pages."
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
        raise IngestError(diagnose_unopenable(path, getattr(exc, "err_code", None))) from exc
    if len(pdf) == 0:
        pdf.close()
        raise IngestError("The PDF has no pages.")
    return pdf


def chars_to_lines(text: str, boxes: list[tuple[float, float, float, float]], page_number: int,
                   page_height: float) -> list[Line]:
    """Split PDFium's page text (its own reading order and line breaks) into lines with their bounding boxes.

    ``boxes[i]`` is the (left, bottom, right, top) box of ``text[i]`` in PDF coordinates; characters PDFium
    generates (spaces between words, line breaks) have empty boxes. Wide gaps between two characters of a line
    split it into segments (table columns, tab stops).
    """
    lines: list[Line] = []
    start = 0
    n = len(text)
    while start < n:
        end = text.find("\n", start)
        if end < 0:
            end = n
        _add_line(text, boxes, start, end, page_number, page_height, lines)
        start = end + 1
    return lines


def _add_line(text: str, boxes: list, start: int, end: int, page_number: int, page_height: float,
              lines: list[Line]) -> None:
    visible = [k for k in range(start, end) if not text[k].isspace() and boxes[k][2] > boxes[k][0]]
    if not visible:
        return
    left = min(boxes[k][0] for k in visible)
    right = max(boxes[k][2] for k in visible)
    bottom = min(boxes[k][1] for k in visible)
    top = max(boxes[k][3] for k in visible)
    height = max(top - bottom, 1.0)
    segments = []
    seg_start = visible[0]
    prev = visible[0]
    for k in visible[1:]:
        if boxes[k][0] - boxes[prev][2] > SEGMENT_GAP * height:
            segments.append((seg_start, prev))
            seg_start = k
        prev = k
    segments.append((seg_start, prev))
    parts = tuple((round(boxes[a][0], 2), round(boxes[b][2], 2), " ".join(text[a:b + 1].split()))
                  for a, b in segments)
    lines.append(Line(page=page_number, text=" ".join(p[2] for p in parts), x0=round(left, 2),
                      top=round(page_height - top, 2), x1=round(right, 2), bottom=round(page_height - bottom, 2),
                      segments=parts))


def read_page(pdf_page: pdfium.PdfPage, number: int) -> tuple[Page, int]:
    """One page's lines and text source, and the count of path objects (ruling-line candidates)."""
    width, height = pdf_page.get_size()
    textpage = pdf_page.get_textpage()
    try:
        n = textpage.count_chars()
        raw = textpage.get_text_range() if n else ""
        boxes = [textpage.get_charbox(k) for k in range(len(raw))] if len(raw) == n else []
    finally:
        textpage.close()
    text = raw.translate(_TEXT_FIXES) if boxes else ""
    if boxes and len(text) != len(boxes):  # a ligature expanded: keep indices aligned
        text = raw.translate(_SAME_LENGTH_FIXES)
    text = text.replace("\r", " ")
    n_chars = sum(1 for c in text if not c.isspace())
    n_images = 0
    image_area = 0.0
    n_paths = 0
    for obj in pdf_page.get_objects(max_depth=2):
        if obj.type == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            n_images += 1
            left, bottom, right, top = obj.get_bounds()
            image_area = max(image_area, max(0.0, right - left) * max(0.0, top - bottom))
        elif obj.type == pdfium_c.FPDF_PAGEOBJ_PATH:
            n_paths += 1
    scanned = image_area >= SCAN_IMAGE_AREA * width * height
    if n_chars < MIN_TEXT_CHARS:
        text_source = "none" if (scanned or n_images or n_chars == 0) else "text"
    else:
        text_source = "both" if scanned else "text"
    lines = chars_to_lines(text, boxes, number, height) if boxes else []
    page = Page(number=number, width=round(width, 2), height=round(height, 2), text_source=text_source,
                n_chars=n_chars, n_images=n_images, lines=lines)
    return page, n_paths


def find_ruled_tables(path: Path, page_numbers: list[int]) -> dict[int, list[Table]]:
    """Ruled tables of the given pages, found by pdfplumber from the ruling lines."""
    if not page_numbers:
        return {}
    import pdfplumber  # only here: opening pages with pdfplumber is the slow path

    found: dict[int, list[Table]] = {}
    try:
        with warnings.catch_warnings(), pdfplumber.open(str(path)) as pdf:
            warnings.simplefilter("ignore")
            for number in page_numbers:
                page = pdf.pages[number - 1]
                tables = []
                for t in page.find_tables({"vertical_strategy": "lines", "horizontal_strategy": "lines"}):
                    rows = tuple(tuple(_clean_cell(c) for c in row) for row in t.extract())
                    if len(rows) >= 2 and max(len(r) for r in rows) >= 2:
                        tables.append(Table(page=number, bbox=tuple(round(v, 2) for v in t.bbox), rows=rows))
                if tables:
                    found[number] = tables
    except Exception as exc:  # pdfplumber/pdfminer on a damaged page: keep the text, report no table
        log.warning("table detection failed on %s: %s", path, exc)
    return found


def _clean_cell(cell: str | None) -> str | None:
    if cell is None:
        return None
    return " ".join(cell.translate(_TEXT_FIXES).split())


def ingest(path: str | Path, *, tables: bool = False) -> IngestedDocument:
    """Read a PDF into pages and lines; with ``tables``, also its ruled tables (the slow part, see ``add_tables``).

    Raises ``IngestError`` when the file cannot be read.
    """
    path = Path(path)
    if not path.is_file():
        raise IngestError("The file does not exist or is not a regular file.")
    sha = sha256_file(path)
    pdf = open_pdf(path)
    pages: list[Page] = []
    ruled_pages: list[int] = []
    try:
        for index in range(len(pdf)):
            try:
                pdf_page = pdf[index]
            except pdfium.PdfiumError:
                pages.append(Page(number=index + 1, width=0.0, height=0.0, text_source="none", n_chars=0,
                                  n_images=0))
                continue
            try:
                page, n_paths = read_page(pdf_page, index + 1)
            finally:
                pdf_page.close()
            pages.append(page)
            if n_paths >= MIN_RULING_PATHS and page.text_source != "none":
                ruled_pages.append(page.number)
    finally:
        pdf.close()
    doc = IngestedDocument(path=str(path), sha256=sha, doc_id=doc_id_for(sha), pages=pages,
                           ruled_pages=ruled_pages)
    if tables:
        add_tables(doc)
    return doc


def add_tables(doc: IngestedDocument, pages: list[int] | None = None) -> None:
    """Find the ruled tables of the given pages (default: every page with ruling lines), once per page."""
    wanted = [n for n in (doc.ruled_pages if pages is None else pages)
              if n in doc.ruled_pages and n not in doc.tables_read]
    for number, found in find_ruled_tables(Path(doc.path), wanted).items():
        doc.pages[number - 1].tables = found
    doc.tables_read.update(wanted)
