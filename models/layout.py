"""What ingestion produces: pages, lines with their position, tables. The stages after ``ingest`` read only these.

Coordinates are PDF points from the top-left corner of the page (like pdfplumber): ``x0 < x1``, ``top < bottom``.
"""

from __future__ import annotations

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


@dataclass(frozen=True, slots=True)
class Table:
    """A table found on a page: rows of cells (``None`` for an empty or merged cell)."""

    page: int
    bbox: tuple[float, float, float, float]
    rows: tuple[tuple[str | None, ...], ...]
    ruled: bool = True  # found from ruling lines (False: from text alignment)


@dataclass(slots=True)
class Page:
    number: int  # 1-based
    width: float
    height: float
    text_source: str  # "text": text layer only; "none": image only, no text; "both": text layer over an image
    n_chars: int
    n_images: int
    lines: list[Line] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)

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

    @property
    def text_source(self) -> str:
        """Document-level text source for documents.csv (``text`` | ``mixed`` | ``none``; ``ocr`` comes with OCR)."""
        kinds = {p.text_source for p in self.pages}
        if not kinds or kinds == {"none"}:
            return "none"
        if "none" in kinds:
            return "mixed"
        return "text"

    @property
    def lines(self) -> list[Line]:
        return [line for page in self.pages for line in page.lines]
