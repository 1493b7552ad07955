"""Layout: each page's lines sorted into what they are, from their geometry — the text, margin notes, running
headers and footers, stamps — so that only the text is read as paragraphs and margin notes (rapporteurs, "Objet",
codes) or stamps never enter a title or a list of names.

The main text column of a page is where most lines start. A line, or the first wide-gap segment of a line, that
lies wholly left of that column, in the left part of the page, is a margin note ("Sophie / BONIFACE-PASCAL" beside
"2 Dotation de mobilier aux associations", Montpellier CR 2011). Running headers and footers are the lines repeated
at the same height on most pages. Stamps are recognised by their wording (``vocab.STAMPS``).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache

import regex

from models.layout import IngestedDocument, Line, Page
from pipeline import vocab

# A line repeated (digits aside) at the top or bottom of at least this share of pages is a running header/footer.
RUNNING_SHARE = 0.5
RUNNING_EDGE_LINES = 2  # lines at the top and at the bottom of a page that may be running headers or footers
MARGIN_GAP = 20.0  # points between a margin note's right edge and the main column
MARGIN_ZONE = 0.3  # a margin note ends in this left share of the page width
COLUMN_BIN = 4.0  # points: left edges closer than this are one column start
NEIGHBOURS = 2  # lines above and below looked at to tell a margin note from the heading of a block
MIN_COLUMN_SHARE = 0.25  # the main column starts at least this share of the page's characters

_DIGITS = re.compile(r"\d+")
# An item's number or bullet hanging left of its text ("II", "3.", "-") is part of the text, not a margin note.
ENUMERATION = regex.compile(r"\s*(?:\d{1,3}|[IVXLivxl]{1,6}|[a-z])?\s*[.)/°-]?\s*[-–•▪●]?\s*")
_PAGE_NUMBER = regex.compile(r"^\s*(?:page\s*)?\d{1,3}\s*(?:/|sur)\s*\d{1,3}\s*$|^\s*-?\s*\d{1,3}\s*-?\s*$",
                             regex.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Block:
    """Lines of one kind on a page: ``text``, ``margin``, ``running`` (header, footer, page number), ``stamp``."""

    kind: str
    lines: tuple[Line, ...]

    @property
    def page(self) -> int:
        return self.lines[0].page

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return (min(ln.x0 for ln in self.lines), min(ln.top for ln in self.lines),
                max(ln.x1 for ln in self.lines), max(ln.bottom for ln in self.lines))

    @property
    def text(self) -> str:
        return "\n".join(ln.text for ln in self.lines)


def running_lines(doc: IngestedDocument) -> set[tuple[int, int]]:
    """(page, line index) of running headers and footers and bare page numbers, to leave out of the text."""
    pages = [p for p in doc.pages if p.lines]
    if not pages:
        return set()
    edge: Counter[tuple[str, int]] = Counter()
    k = RUNNING_EDGE_LINES
    for page in pages:
        edge.update({_running_key(ln, page.height) for ln in page.lines[:k] + page.lines[-k:]})
    threshold = max(2, RUNNING_SHARE * len(pages))
    repeated = {key for key, n in edge.items() if n >= threshold}
    out = set()
    for page in pages:
        n = len(page.lines)
        for i, ln in enumerate(page.lines):
            at_edge = i < k or i >= n - k
            if at_edge and (_running_key(ln, page.height) in repeated or _PAGE_NUMBER.match(ln.text)):
                out.add((page.number, i))
    return out


def _running_key(line: Line, height: float) -> tuple[str, str, int]:
    """The same text (numbers aside) at the same distance from the page's top or bottom edge: a header or footer
    (also on a landscape page of a portrait document), not a vote that often ends a page."""
    if line.top > height / 2:
        return "bottom", _DIGITS.sub("#", line.text), round((height - line.top) / 8)
    return "top", _DIGITS.sub("#", line.text), round(line.top / 8)


def main_column(lines: list[Line]) -> float | None:
    """Where the text column starts: the left edge that starts the most text (characters, so that the long lines of
    the text outweigh the short lines of margin notes). Read over the whole document, so that a page of a form
    (labels in a column of their own) or a signature page does not move it; None for a document of few lines."""
    weight: Counter[int] = Counter()
    for ln in lines:
        weight[round(ln.x0 / COLUMN_BIN)] += len(ln.text)
    if len(lines) < 4 or not weight:
        return None
    (start, n), = weight.most_common(1)
    around = n + weight.get(start - 1, 0) + weight.get(start + 1, 0)
    if around < MIN_COLUMN_SHARE * sum(weight.values()):
        return None
    return min(ln.x0 for ln in lines if abs(round(ln.x0 / COLUMN_BIN) - start) <= 1)


def split_margin(line: Line, column: float | None, width: float) -> tuple[Line | None, Line | None]:
    """(margin note, text) of one line: the whole line, its first segments, or nothing is in the margin."""
    if column is None:
        return None, line
    limit = min(column - MARGIN_GAP, MARGIN_ZONE * width)
    if line.x1 <= limit:
        return (None, line) if ENUMERATION.fullmatch(line.text) else (line, None)
    if len(line.segments) < 2 or line.segments[0][1] > limit:
        return None, line
    k = max(i for i, seg in enumerate(line.segments) if seg[1] <= limit) + 1
    margin, text = line.segments[:k], line.segments[k:]
    if ENUMERATION.fullmatch(" ".join(t for _, _, t in margin)):
        return None, line
    return (replace(line, text=" ".join(t for _, _, t in margin), x1=margin[-1][1], segments=margin),
            replace(line, text=" ".join(t for _, _, t in text), x0=text[0][0], segments=text))


def _heads_a_block(lines: list[Line], i: int, column: float | None) -> bool:
    """A short line left of the column that a nearby line at the same left edge carries on into the column is the
    heading of a block ("Présents :" above the list of names, Montpellier CR 2011), not a margin note."""
    if column is None:
        return False
    here = lines[i]
    return any(abs(other.x0 - here.x0) < COLUMN_BIN and _first_piece_end(other) > column
               for other in lines[max(0, i - NEIGHBOURS): i + NEIGHBOURS + 1] if other is not here)


def _first_piece_end(line: Line) -> float:
    """Where the line's first piece of text ends (its first wide-gap segment: OCR may read a margin word and the
    text beside it as one line, "dont | procurations | Procurations", Flaux 2023)."""
    return line.segments[0][1] if line.segments else line.x1


def _band_clear(page: Page, column: float) -> bool:
    """Whether the page keeps the band left of the text column for margin notes: no piece of text (a line, or a
    wide-gap segment of a line) starts in the margin and runs on into the column."""
    edge = column - MARGIN_GAP
    pieces = [(x0, x1) for ln in page.lines for x0, x1, _ in (ln.segments or ((ln.x0, ln.x1, ln.text),))]
    return not any(x0 < edge and x1 > column for x0, x1 in pieces)


def is_stamp(line: Line) -> bool:
    return stamp_text(line.text)


@lru_cache(maxsize=4096)  # a stamp, a running header, repeats on every page
def stamp_text(text: str) -> bool:
    return vocab.searches_any(text, vocab.STAMPS)


def page_blocks(page: Page, running: set[tuple[int, int]], column: float | None) -> list[Block]:
    """The page's lines in reading order, each in a block of its kind; consecutive lines of a kind share a block.
    ``column``: where the document's text column starts."""
    if column is not None and not _band_clear(page, column):
        column = None  # text runs across the band left of the column on this page: it has no margin
    tagged: list[tuple[str, Line]] = []
    for i, line in reading_order(page):
        if (page.number, i) in running:
            tagged.append(("running", line))
        elif is_stamp(line):
            tagged.append(("stamp", line))
        else:
            margin, text = split_margin(line, column if not _heads_a_block(page.lines, i, column) else None,
                                        page.width)
            if margin is not None:
                tagged.append(("margin", margin))
            if text is not None:
                tagged.append(("text", text))
    blocks: list[Block] = []
    for kind, line in tagged:
        if blocks and blocks[-1].kind == kind and not _goes_back_up(blocks[-1].lines[-1], line):
            blocks[-1] = Block(kind, blocks[-1].lines + (line,))
        else:
            blocks.append(Block(kind, (line,)))
    return blocks


def _goes_back_up(previous: Line, line: Line) -> bool:
    """A line read after one lower on the page starts a new block: the top of the next column."""
    return line.bottom < previous.top


def layout(doc: IngestedDocument) -> list[Block]:
    """Every page's blocks, in page order."""
    running = running_lines(doc)
    column = main_column(doc.lines)
    return [block for page in doc.pages for block in page_blocks(page, running, column)]


def text_lines(doc: IngestedDocument) -> list[Line]:
    """The lines that are the document's text, in reading order (margin notes, running lines and stamps left out)."""
    return [line for block in layout(doc) if block.kind == "text" for line in block.lines]


# --- Drawing the blocks on the pages (``delib inspect FILE --stage layout --png DIR``) ------------------------------

COLOURS = {"text": (0, 110, 220), "margin": (220, 120, 0), "running": (130, 130, 130), "stamp": (200, 0, 160)}
RENDER_SCALE = 1.5  # 108 dpi: enough to read the page under the boxes


def draw_blocks(pdf_path: str, blocks: list[Block], out_dir, pages: list[int] | None = None) -> list:
    """One PNG per page with each block outlined in the colour of its kind (pdfplumber's ``debug_tablefinder``
    is the model); returns the files written."""
    from pathlib import Path

    import pypdfium2 as pdfium
    from PIL import ImageDraw

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    pdf = pdfium.PdfDocument(str(pdf_path))
    written = []
    try:
        for number in pages or range(1, len(pdf) + 1):
            image = pdf[number - 1].render(scale=RENDER_SCALE).to_pil().convert("RGB")
            draw = ImageDraw.Draw(image)
            for block in (b for b in blocks if b.page == number):
                x0, top, x1, bottom = (v * RENDER_SCALE for v in block.bbox)
                draw.rectangle((x0 - 2, top - 2, x1 + 2, bottom + 2), outline=COLOURS[block.kind], width=2)
                draw.text((x0, max(0, top - 12)), block.kind, fill=COLOURS[block.kind])
            path = out / f"{Path(pdf_path).stem}_p{number}.png"
            image.save(path)
            written.append(path)
    finally:
        pdf.close()
    return written


# --- Reading order of text set in two columns -----------------------------------------------------------------

# A page holds two columns of text where a strip of the middle band of the page (COLUMN_BAND of its width) is crossed
# by no piece of text but a few headings, with at least COLUMN_LINES lines of prose on each side.
COLUMN_BAND = (0.35, 0.65)
COLUMN_LINES = 6
COLUMN_MIN_GUTTER = 4.0  # points between the left column's text and the right column's left edge
COLUMN_FULL = 0.6  # a line of a column reaches this share of the column's width (text, not a form's labels)
COLUMN_SPANNING = 0.2  # at most this share of the page's pieces of text run across the gutter (headings)


def reading_order(page: Page) -> list[tuple[int, Line]]:
    """The page's lines in reading order, each with its index in ``page.lines``. Text set in two columns is read
    left column top to bottom, then the right one, band by band between the lines that run across both (a heading
    over both columns), whatever order the PDF wrote it in; a line the text layer merged across the gutter (the
    left column's line and the right one's level with it) is cut in two at the gutter. Any other page keeps the
    text layer's order."""
    split = _right_column(page)
    if split is None:
        return list(enumerate(page.lines))
    left_edge, gutter = split
    out: list[tuple[int, Line]] = []
    band: list[tuple[int, Line]] = []
    for i, line in sorted(enumerate(page.lines), key=lambda p: (p[1].top, p[0])):
        left, right = _cut_at_gutter(line, left_edge, gutter)
        if left is None and right is None:  # a line across both columns closes the band
            out += _read_band(band, gutter) + [(i, line)]
            band = []
        else:
            band.extend((i, part) for part in (left, right) if part is not None)
    return out + _read_band(band, gutter)


def _read_band(band: list[tuple[int, Line]], gutter: float) -> list[tuple[int, Line]]:
    """A band's lines (top to bottom): what stands above the first row of the two columns (a heading, an annex
    label over one column), then the left column, then the right one. A band whose columns never stand level
    keeps the text layer's order."""
    left = [p for p in band if p[1].x0 < gutter - COLUMN_BIN]
    right = [p for p in band if p[1].x0 >= gutter - COLUMN_BIN]
    level = next((ln.top for _, ln in left
                  if any(abs(other.top - ln.top) < ln.bottom - ln.top for _, other in right)), None)
    if level is None:
        return sorted(band, key=lambda p: (p[0], p[1].x0))
    head = [p for p in band if p[1].top < level - 1]
    return head + [p for p in left if p[1].top >= level - 1] + [p for p in right if p[1].top >= level - 1]


def column_under(x0: float, x1: float, columns: list[tuple[float, float]]) -> int:
    """The index of the column (x0, x1) a piece of text stands in: the widest overlap, else the nearest centre
    (a table set with spaces: a budget table's amounts, a presence table's marks)."""
    overlaps = [min(x1, right) - max(x0, left) for left, right in columns]
    best = max(range(len(columns)), key=overlaps.__getitem__)
    if overlaps[best] > 0:
        return best
    centre = (x0 + x1) / 2
    return min(range(len(columns)), key=lambda k: abs((columns[k][0] + columns[k][1]) / 2 - centre))


def crossings(pieces: list[tuple[float, float]], xs) -> list[int]:
    """For each x, how many pieces of text (x0, x1) run across it (x0 < x < x1). By bisection of the sorted starts
    and ends (those starting before x, less those ending at or before it that did not start at it), where testing
    every piece at every x was quadratic on a page of table cells."""
    if any(x0 > x1 for x0, x1 in pieces):
        return [sum(x0 < x < x1 for x0, x1 in pieces) for x in xs]
    starts, ends = sorted(x0 for x0, _ in pieces), sorted(x1 for _, x1 in pieces)
    points = Counter(x0 for x0, x1 in pieces if x0 == x1)  # pieces of no width, by position
    return [bisect_left(starts, x) - bisect_right(ends, x) + points[x] for x in xs]


def _right_column(page: Page) -> tuple[float, float] | None:
    """(left edge of the left column, left edge of the right column) when the page is set in two columns: a strip
    of the page's middle that (lines across both columns aside) no piece of text crosses, with columns of prose on
    both sides of it."""
    lo, hi = COLUMN_BAND[0] * page.width, COLUMN_BAND[1] * page.width
    pieces = [(x0, x1) for ln in page.lines for x0, x1, _ in ln.segments]
    if sum(lo <= x0 <= hi for x0, _ in pieces) < COLUMN_LINES:
        return None  # the usual page: no column of text starts in the middle
    candidates = sorted({round(x1 + 1, 1) for _, x1 in pieces if lo <= x1 + 1 <= hi})
    if not candidates:
        return None
    crossing, cut = min((n, x) for x, n in zip(candidates, crossings(pieces, candidates)))
    if crossing > COLUMN_SPANNING * len(pieces):
        return None
    lefts = [(x0, x1) for x0, x1 in pieces if x1 < cut]
    rights = [(x0, x1) for x0, x1 in pieces if x0 >= cut]
    if len(lefts) < COLUMN_LINES or len(rights) < COLUMN_LINES:
        return None
    left_edge, gutter = min(x0 for x0, _ in lefts), min(x0 for x0, _ in rights)
    right_end = max(x1 for _, x1 in rights)
    if gutter - left_edge < 0.25 * page.width or right_end - gutter < 0.25 * page.width:
        return None  # a narrow column of labels or notes beside the text, not a column of text
    # lines of prose fill their column: one piece of text at least COLUMN_FULL of the column wide (a table's cells
    # and a form's labels do not)
    full_left = sum(x1 - x0 >= COLUMN_FULL * (gutter - left_edge) for x0, x1 in lefts)
    full_right = sum(x1 - x0 >= COLUMN_FULL * (right_end - gutter) for x0, x1 in rights)
    return (left_edge, gutter) if min(full_left, full_right) >= COLUMN_LINES else None


def _cut_at_gutter(line: Line, left_edge: float, gutter: float) -> tuple[Line | None, Line | None]:
    """(left-column part, right-column part) of a line; (None, None) for a line that runs across the gutter."""
    segments = line.segments or ((line.x0, line.x1, line.text),)
    left = tuple(s for s in segments if s[1] <= gutter - COLUMN_MIN_GUTTER)
    right = tuple(s for s in segments if s[0] >= gutter - COLUMN_BIN)
    if len(left) + len(right) < len(segments) or line.x0 < left_edge - MARGIN_GAP and right:
        return None, None
    if not left or not right:
        return (line, None) if left else (None, line)
    return _part(line, left), _part(line, right)


def _part(line: Line, segments: tuple) -> Line:
    return replace(line, text=" ".join(t for _, _, t in segments), x0=segments[0][0], x1=segments[-1][1],
                   segments=segments)
