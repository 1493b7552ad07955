"""A plain text layer (one line per line, blank lines between paragraphs) as an ingested document.

For text that comes without its PDF — a pdftotext dump, the seed's text layer, an OCR engine's plain output —
so every later stage can read it like a PDF's lines. A form feed, or a line that starts with exactly one space
(as in the seed, where the original pages began), starts a new page.
"""

from __future__ import annotations

import hashlib
import re

from models.layout import IngestedDocument, Line, Page

LINE_HEIGHT = 12.0
PAGE_HEIGHT = 842.0
PAGE_WIDTH = 595.0
CHAR_WIDTH = 5.0
_SEGMENT = re.compile(r"\S+(?: {1,2}\S+)*")


def text_to_document(text: str, name: str = "<text>", *, single_space_breaks: bool = True) -> IngestedDocument:
    pages: list[Page] = []
    number = 0
    top = 0.0

    def new_page() -> Page:
        nonlocal number, top
        number += 1
        top = 40.0
        page = Page(number=number, width=PAGE_WIDTH, height=PAGE_HEIGHT, text_source="text", n_chars=0, n_images=0)
        pages.append(page)
        return page

    page = new_page()
    for raw in text.replace("\r\n", "\n").split("\n"):
        starts_page = "\f" in raw or (single_space_breaks and raw.startswith(" ") and not raw.startswith("  ")
                                      and raw.strip())
        raw = raw.replace("\f", "")
        if starts_page and page.lines:
            page = new_page()
        if not raw.strip():
            top += LINE_HEIGHT  # a blank line: the gap that separates paragraphs
            continue
        if top > PAGE_HEIGHT - 40:
            page = new_page()
        # runs of three spaces or more separate segments (columns), as in a pdftotext -layout dump
        segments = tuple((40.0 + CHAR_WIDTH * m.start(), 40.0 + CHAR_WIDTH * m.end(), " ".join(m.group(0).split()))
                         for m in _SEGMENT.finditer(raw))
        content = " ".join(seg[2] for seg in segments)
        page.lines.append(Line(page=page.number, text=content, x0=segments[0][0], top=top, x1=segments[-1][1],
                               bottom=top + LINE_HEIGHT * 0.8, segments=segments))
        page.n_chars += sum(1 for c in content if not c.isspace())
        top += LINE_HEIGHT
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return IngestedDocument(path=name, sha256=sha, doc_id=sha[:16], pages=pages)
