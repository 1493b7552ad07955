"""What ingestion produces: pages, lines with their position, tables. The stages after ``ingest`` read only these.

Coordinates are PDF points from the top-left corner of the page (like pdfplumber): ``x0 < x1``, ``top < bottom``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Line:
    """One line of text as laid out on the page."""

    page: int  # 1-based
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    segments: tuple[tuple[float, float, str], ...] = ()  # (x0, x1, text) pieces separated by wide gaps
    # Read by OCR only: the mean confidence of its words (0-100, Tesseract's scale) and the words as Tesseract
    # read them, before the digit-slip repair of ``text``: (x0, x1, word, confidence). None/empty: text layer.
    conf: float | None = None
    words: tuple[tuple[float, float, str, float], ...] = ()


# A short word an OCR'd line holds with a lower confidence (0-100) is likely no word but something misread: a digit
# group read as letters before a number ("dé 145,98 €"), dust read as letters between two labels ("Votants Se Pour").
MISREAD_CONFIDENCE = 30.0


@dataclass(frozen=True, slots=True)
class Table:
    """A table found on a page: rows of cells (``None`` for an empty or merged cell)."""

    page: int
    bbox: tuple[float, float, float, float]
    rows: tuple[tuple[str | None, ...], ...]
    ruled: bool = True  # found from ruling lines (False: from text alignment)
    # cells OCR left empty because it could not read them surely (a doubtful count, a mark it could not read):
    # (what to check on the page, the confidence of what was read), for the ``ocr.low_confidence`` finding
    unread: tuple[tuple[str, float], ...] = ()


@dataclass(slots=True)
class Page:
    number: int  # 1-based
    width: float
    height: float
    # "text": text layer only; "none": no text (image only, or OCR found none); "both": text layer over an image;
    # "ocr": the lines were read by OCR from the rendered page.
    text_source: str
    n_chars: int
    n_images: int
    lines: list[Line] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    ocr: bool = False  # OCR ran on this page (a page OCR found nothing on stays "none" but was not left unread)
    ocr_angle: float | None = None  # the skew OCR corrected, in degrees (counter-clockwise)
    # Lines of a transmission stamp laid over a scan ("Envoyé en préfecture le ...", "ID : ..."): kept apart
    # from the page's content, which is the image under them.
    stamp: list[Line] = field(default_factory=list)
    # counts OCR left unread outside the tables (a row of counts): (what to check on the page, the confidence of
    # what was read), for the ``ocr.low_confidence`` finding, as a table's ``unread``
    unread: list[tuple[str, float]] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


@dataclass(slots=True)
class IngestedDocument:
    path: str
    sha256: str
    doc_id: str
    pages: list[Page]
    ruled_pages: list[int] = field(default_factory=list)  # pages with ruling lines: candidates for ruled tables
    tables_read: set[int] = field(default_factory=set)  # pages whose tables have been looked for
    ocr_error: str | None = None  # why pages that needed OCR were not OCR'd (Tesseract missing, OCR failed)
    # codes OCR misread and the document's pattern repaired: (page, as read, repaired), see pipeline.ocr
    code_repairs: list[tuple[int, str, str]] = field(default_factory=list)
    # Finds the ruled tables of the given pages and stores them on the pages (set by ``pipeline.ingest``): the
    # stages after ingest ask ``tables(page)`` and never import the reader.
    table_reader: Callable[["IngestedDocument", list[int]], None] | None = field(default=None, repr=False,
                                                                                 compare=False)
    # Ruled pages ingest kept loaded for the table reader, with their text page, by number (the reader takes each
    # once), and what holds them open: reading a page's tables then neither loads the page nor its text again, nor
    # rereads its words. ``release`` closes them; a document dropped without it closes them when collected.
    kept_pages: dict[int, object] = field(default_factory=dict, repr=False, compare=False)
    kept_by: object = field(default=None, repr=False, compare=False)

    def tables(self, page: int) -> list[Table]:
        """The tables of a page (1-based), found on first request and kept; none for a page without ruling."""
        self.read_tables([page])
        return self.pages[page - 1].tables if 1 <= page <= len(self.pages) else []

    def read_tables(self, pages: list[int]) -> None:
        """Find the tables of several pages at once (one opening of the PDF), each page once."""
        wanted = [n for n in pages if n in self.ruled_pages and n not in self.tables_read]
        if wanted and self.table_reader is not None:
            self.table_reader(self, wanted)

    def release(self) -> None:
        """Close the pages kept loaded for the table reader (their tables are then read from the file)."""
        for pdf_page, textpage, *_ in self.kept_pages.values():
            textpage.close()
            pdf_page.close()
        self.kept_pages.clear()
        if self.kept_by is not None:
            self.kept_by.close()
            self.kept_by = None

    @property
    def text_source(self) -> str:
        """Document-level text source for documents.csv: ``text`` | ``ocr`` | ``mixed`` | ``none``.

        ``text``: every page with text has a text layer (``both`` included); ``ocr``: every page with text was read
        by OCR; ``mixed``: some pages come from the text layer and some from OCR, or some pages without a text
        layer were left unread; ``none``: no text at all. Pages OCR found blank do not count.
        """
        with_text = {p.text_source for p in self.pages} - {"none"}
        if not with_text:
            return "none"
        if self.unread_pages:
            return "mixed"
        if with_text == {"ocr"}:
            return "ocr"
        return "mixed" if "ocr" in with_text else "text"

    @property
    def unread_pages(self) -> list[int]:
        """Pages without a text layer that OCR did not read (OCR off, or unavailable)."""
        return [p.number for p in self.pages if p.text_source == "none" and not p.ocr]

    @property
    def lines(self) -> list[Line]:
        return [line for page in self.pages for line in page.lines]
