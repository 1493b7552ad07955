"""Page pictures for the failed ``document`` findings: the region of the page the finding rests on, drawn by
pypdfium2, with the printed values outlined, so a person checks the finding against the PDF at a glance.

Where to look comes from the finding and the file's records (``spots``): the page of the evidence and the
printed values (its quote, what was found and expected, or a pattern such as the tally). The page and its boxes
come from ``ingest.page_pictures`` (ingest is the one module that opens PDFs): on a page with a text layer the
values are found in the page's text and outlined with its character boxes, as ingest reads them; on a page read
by OCR, the lines OCR read that hold them (ingest's ``Line`` boxes, from the OCR cache the worker filled) are
outlined whole. The picture is the band of the page that holds the values, full width. Two findings show two
regions side by side: a vote that does not add up (the tally, and the attendance list with its counts) and a
budget gap (the table, and the imputation article). Without any box found, the whole page is shown. Rendering
never raises: a picture that cannot be made is left out.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import regex

from models.records import FileResult, Finding

log = logging.getLogger(__name__)

SCALE = 1.5  # pixels per PDF point: 108 dpi, readable and light
MARGIN = 36.0  # points kept above and below the outlined values
MIN_NEEDLE = 4  # shorter pieces of text match everywhere on a page
MAX_HITS = 4  # occurrences of one value outlined per page
MAX_PATTERN_HITS = 8  # occurrences of a pattern outlined when all are wanted (the heads of attendance lists)
OUTLINE = (198, 40, 40)
GAP = 12  # pixels between two regions shown side by side


@dataclass(frozen=True, slots=True)
class Spot:
    """A page and the printed values to outline on it."""

    page: int
    needles: tuple[str, ...]
    patterns: tuple[str, ...] = ()  # regular expressions over the page's text, of which ...
    occurrence: int | None = 0  # ... this occurrence is outlined (the 2nd tally of a page that prints two); None: all
    fallback: tuple[str, ...] = ()  # values looked for only when nothing above is found


def needles_of(*texts: str | None) -> tuple[str, ...]:
    """The pieces of printed text worth finding on a page: amounts and numbers, identifiers, names in capitals,
    dates; longest first, each once."""
    found: list[str] = []
    for text in texts:
        if not text:
            continue
        text = text.replace("€", " ").replace("≤", " ").replace("≥", " ")
        found += regex.findall(r"\d[\d  .,/]*\d", text)
        found += regex.findall(r"\b\p{Lu}[\p{Lu}'’\-]{2,}(?:\s+\p{Lu}[\p{Lu}'’\-]{2,})*", text)
        found += regex.findall(r"\b\d{1,2}\s+\p{Ll}{3,9}\s+\d{4}\b", text)
    pieces = {" ".join(p.split()) for p in found}
    return tuple(sorted((p for p in pieces if len(p) >= MIN_NEEDLE), key=lambda p: (-len(p), p)))


TALLY = (r"Pour\s*:\s*{pour}\b(?:(?!Pour\s*:).){{0,400}}?(?:Abstentions?\s*:\s*\d+"
         r"(?:(?:(?!Pour\s*:).){{0,300}}?Absents?\s+sans[^:]{{0,40}}:\s*\d+)?|Absents?\s+sans[^:]{{0,40}}:\s*\d+)")


def _vote_spots(result: FileResult, finding: Finding) -> list[Spot]:
    """The tally (the printed "Pour : …" to the abstentions or absents), and the attendance list with its counts."""
    tally = _tally_spot(result, finding)
    delib = next((d for d in result.rows.get("deliberations", []) if d.delib_id == finding.delib_id), None)
    listed = [a for a in result.rows.get("attendance", []) if a.delib_id in (finding.delib_id, None) and a.page]
    page = listed[0].page if listed else (delib.page_start if delib else None)
    if not page:
        return [tally]
    counts = needles_of(delib.counts_quote) if delib else ()
    return [tally, Spot(page, counts, () if counts else (ATTENDANCE_HEADS,), None)]


def _tally_spot(result: FileResult, finding: Finding) -> Spot:
    votes = sorted((v for v in result.rows.get("votes", []) if v.page == finding.page),
                   key=lambda v: (v.delib_id or "", v.block or 0))
    vote = next((v for v in votes if v.delib_id == finding.delib_id and v.block == finding.block), None)
    if vote is None or vote.pour is None:
        return Spot(finding.page, needles_of(finding.quote) or ("Pour",))
    same = [v for v in votes if v.pour == vote.pour]  # the n-th tally of this page with this "pour"
    one_line = rf"\bPour\b\s*:?\s*{vote.pour}\b|\b{vote.pour}\s*POUR\b"  # a scan's line ("3 ABSTENTIONS / 7 POUR")
    return Spot(finding.page, (), (TALLY.format(pour=vote.pour), one_line), same.index(vote), needles_of(vote.raw))


ATTENDANCE_HEADS = r"(?:Étaient\s+)?(?:Présents?|Excusés?|Absents?|Pouvoirs?)[^:\n]{0,40}:"


def _budget_spots(result: FileResult, finding: Finding) -> list[Spot]:
    """The budget table (its expenses and codes) and the imputation article (its heading and the articles it
    cites): one region when they share a page, else two side by side."""
    from pipeline.normalize.amounts import format_french

    lines = [b for b in result.rows.get("budget_lines", []) if b.delib_id == finding.delib_id]
    table = tuple(format_french(b.depense) for b in lines if b.depense is not None) + tuple(
        b.code_operation for b in lines if b.code_operation)
    articles = [a for a in result.rows.get("articles", []) if a.delib_id == finding.delib_id]
    imputation = next((a for a in articles if a.kind == "imputation"), None)
    if imputation is None or not imputation.page:
        return [Spot(finding.page, table)]
    heading = (rf"Article\s*{imputation.article}\s*:[^:]{{0,300}}?(?:suit|imputée?s?)",
               rf"Article\s*{imputation.article}\s*:")  # the second alone on a scan's line
    if imputation.page == finding.page:
        return [Spot(finding.page, table + needles_of(finding.quote), heading)]
    return [Spot(finding.page, table), Spot(imputation.page, needles_of(finding.quote), heading)]


def spots(result: FileResult, finding: Finding) -> list[Spot]:
    """Where the evidence of a finding is: one region, or two shown side by side."""
    if not finding.page:
        return []
    if finding.rule == "votes.sum_vs_members":
        return _vote_spots(result, finding)
    if finding.rule == "budget.total_vs_articles":
        return _budget_spots(result, finding)
    if finding.rule == "attendance.counts_vs_lists" and finding.quote:  # the printed counts, and the lists
        counts = tuple(part.strip() for part in finding.quote.split(" / ") if len(part.strip()) >= MIN_NEEDLE)
        return [Spot(finding.page, counts, (ATTENDANCE_HEADS,), None)]
    if finding.rule == "annexes.referenced_present" and finding.expected:
        return [Spot(finding.page, (), (rf"annexes?\s+(?:n°\s*)?(?:\d+\s*(?:,|et)\s*)*{finding.expected}\b",), None)]
    return [Spot(finding.page, needles_of(finding.quote, finding.found))]


def _pattern(needle: str) -> str:
    """A printed value as a pattern that lets the PDF space it its own way ("5 867 917,71", "5867917,71")."""
    return r"\s*".join(regex.escape(part) for part in needle.split())


Box = tuple[float, float, float, float]  # left, bottom, right, top: PDF points from the bottom-left corner


def _line_boxes(boxes: list[Box], start: int, end: int) -> list[Box]:
    """The boxes of the characters start..end, one per printed line."""
    merged: list[list[float]] = []
    for left, bottom, right, top in boxes[start:end]:
        if right - left <= 0:  # a space or a line break
            continue
        last = merged[-1] if merged else None
        overlap = min(last[3], top) - max(last[1], bottom) if last else 0
        if last and left >= last[0] - 1 and overlap > 0.4 * min(top - bottom, last[3] - last[1]):
            last[1], last[2], last[3] = min(last[1], bottom), max(last[2], right), max(last[3], top)
        else:
            merged.append([left, bottom, right, top])
    return [tuple(b) for b in merged]


def _text_boxes(picture, needles: tuple[str, ...], spot: Spot | None) -> list[Box]:
    """Each needle where the text layer prints it (a few times at most), and the chosen occurrence of each of
    the spot's patterns."""
    text, boxes, found = picture.text, picture.boxes, []
    for needle in needles:
        for n, m in enumerate(regex.finditer(_pattern(needle), text, regex.IGNORECASE)):
            if n == MAX_HITS:
                break
            found += _line_boxes(boxes, m.start(), m.end())
    for pattern in spot.patterns if spot else ():
        matches = list(regex.finditer(pattern, text, regex.DOTALL | regex.IGNORECASE))
        if matches and spot.occurrence is not None:
            matches = [matches[min(spot.occurrence, len(matches) - 1)]]
        for m in matches[:MAX_PATTERN_HITS]:
            found += _line_boxes(boxes, m.start(), m.end())
    return found


def _ocr_boxes(picture, patterns: list[str]) -> list[Box]:
    """The lines OCR read that hold one of the values, whole."""
    return [(line.x0, picture.height - line.bottom, line.x1, picture.height - line.top) for line in picture.lines
            if any(regex.search(p, line.text, regex.IGNORECASE) for p in patterns)]


def _boxes(picture, spot: Spot) -> list[Box]:
    """The spot's values on its page (its fallback values when none is found)."""
    if picture.text:
        return _text_boxes(picture, spot.needles, spot) or _text_boxes(picture, spot.fallback, None)
    patterns = [_pattern(n) for n in spot.needles] + list(spot.patterns)
    return _ocr_boxes(picture, patterns) or _ocr_boxes(picture, [_pattern(n) for n in spot.fallback])


# The pictures are the page in grey with the outlines in colour, as a palette image: grey levels 1-255 as they are
# (black drawn as 1, a difference no eye sees), index 0 the outlines' colour. PNG writes a byte a pixel.
_OUTLINE_INDEX = 0
_PALETTE = [*OUTLINE, *(v for level in range(1, 256) for v in (level, level, level))]
_NO_BLACK = [max(level, 1) for level in range(256)]


def _outlined(grey, offset: float, boxes: list[Box], height: float):
    """A grey band of a page (``offset``: its top, in points from the page's top) as a palette image with the
    boxes outlined."""
    from PIL import ImageDraw

    image = grey.point(_NO_BLACK)
    image = image.convert("P") if image.mode != "P" else image
    image.putpalette(_PALETTE)
    draw = ImageDraw.Draw(image)
    for left, bottom, right, top in boxes:
        draw.rectangle([(left - 2) * SCALE, (height - top - 2 - offset) * SCALE, (right + 2) * SCALE,
                        (height - bottom + 2 - offset) * SCALE], outline=_OUTLINE_INDEX, width=3)
    return image


def _region(picture, spot: Spot):
    """The picture of one spot: the band of the page holding its values, outlined (a palette image)."""
    boxes = _boxes(picture, spot)
    height = picture.height
    if not boxes:
        return _outlined(picture.image, 0.0, [], height)
    upper = max(0.0, height - max(b[3] for b in boxes) - MARGIN)
    lower = min(height, height - min(b[1] for b in boxes) + MARGIN)
    band = picture.image.crop((0, int(upper * SCALE), int(picture.width * SCALE), int(lower * SCALE)))
    return _outlined(band, int(upper * SCALE) / SCALE, boxes, height)


def _side_by_side(images: list):
    from PIL import Image

    if len(images) == 1:
        return images[0]
    width = sum(i.width for i in images) + GAP * (len(images) - 1)
    joined = Image.new("P", (width, max(i.height for i in images)), 255)  # white
    joined.putpalette(_PALETTE)
    x = 0
    for image in images:
        joined.paste(image, (x, 0))
        x += image.width + GAP
    return joined


def render(pdf_path: str | Path, where: list[Spot], ocr_pages: Iterable[int] = ()) -> bytes | None:
    """The PNG of a finding's evidence, or None (no page, or the PDF cannot be drawn). ``ocr_pages``: the pages
    the worker read by OCR."""
    from pipeline.ingest import page_pictures

    if not where:
        return None
    try:
        pictures = page_pictures(pdf_path, [s.page for s in where], SCALE, frozenset(ocr_pages))
        images = [_region(pictures[spot.page], spot) for spot in where if spot.page in pictures]
        if not images:
            return None
        buffer = io.BytesIO()
        # compress_level 1: 7x faster than optimize=True, and no bigger on a page of text (measured: 22 ms and
        # 252 KB a full page against 158 ms and 298 KB)
        _side_by_side(images).save(buffer, format="PNG", compress_level=1)
        return buffer.getvalue()
    except Exception as exc:  # an odd page must not stop the reports
        log.debug("evidence of %s failed: %s", pdf_path, exc)
        return None


def wants_picture(finding: Finding) -> bool:
    return finding.status == "fail" and finding.family == "document"
