"""Ruled tables from a page's ruling lines and characters, without a second PDF parser.

``pipeline.ingest`` reads, with PDFium, the straight segments of the page's path objects (lines, rectangles,
polylines) and the page's characters with their boxes. This module turns them into tables the way pdfplumber's
``lines`` strategy does — the same geometry, from ``pdfplumber.table``: edges snapped and joined, their
intersections, the smallest cells, cells grouped into tables, rows and columns with ``None`` for a merged cell —
and fills each cell with the characters whose centre lies in it, read in lines top to bottom and left to right.

Opening a page with pdfplumber meant parsing it a second time with pdfminer (0.2–0.6 s a page, most of the
pipeline's time on table-heavy archives); PDFium has the page already, and this is ~20× faster.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from typing import NamedTuple

from pdfplumber.table import DEFAULT_JOIN_TOLERANCE, DEFAULT_SNAP_TOLERANCE, edges_to_intersections, merge_edges
from pdfplumber.table import Table as CellTable

from models.layout import Table

# pdfplumber's defaults for the ``lines`` strategy, so tables come out as they did when pdfplumber found them.
SNAP_TOLERANCE = DEFAULT_SNAP_TOLERANCE
JOIN_TOLERANCE = DEFAULT_JOIN_TOLERANCE
EDGE_MIN_LENGTH = 3  # after merging
EDGE_MIN_LENGTH_PREFILTER = 1  # before merging
INTERSECTION_TOLERANCE = 3
# Characters closer than this (points, vertically) are on one line of a cell; further apart than this
# (horizontally) with no space between them in the text layer, they are two words.
Y_TOLERANCE = 3.0
X_TOLERANCE = 3.0


class Char(NamedTuple):
    """A visible character of the text layer, in top-down page coordinates (a named tuple: a table page has
    thousands, and a frozen dataclass costs three times as much to make)."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    index: int  # position in the page's text layer
    upright: bool = True  # False: sideways text (a table printed landscape on a portrait page)


def segment_edge(x0: float, top0: float, x1: float, top1: float) -> dict | None:
    """The edge of one straight segment (top-down coordinates) when it is horizontal or vertical, as pdfplumber
    describes edges; a slanted segment is no ruling line."""
    if top0 == top1:
        left, right = (x0, x1) if x0 <= x1 else (x1, x0)
        if right - left < EDGE_MIN_LENGTH_PREFILTER:
            return None
        return {"x0": left, "x1": right, "top": top0, "bottom": top0, "width": right - left, "height": 0.0,
                "orientation": "h"}
    if x0 == x1:
        top, bottom = (top0, top1) if top0 <= top1 else (top1, top0)
        if bottom - top < EDGE_MIN_LENGTH_PREFILTER:
            return None
        return {"x0": x0, "x1": x0, "top": top, "bottom": bottom, "width": 0.0, "height": bottom - top,
                "orientation": "v"}
    return None


def table_grids(edges: list[dict]) -> list[CellTable]:
    """The tables ``edges`` draw, as pdfplumber's cell grids (rows and columns of cell boxes), top to bottom."""
    if not edges:
        return []
    merged = merge_edges(edges, SNAP_TOLERANCE, SNAP_TOLERANCE, JOIN_TOLERANCE, JOIN_TOLERANCE)
    merged = [e for e in merged if (e["height"] if e["orientation"] == "v" else e["width"]) >= EDGE_MIN_LENGTH]
    intersections = edges_to_intersections(merged, INTERSECTION_TOLERANCE, INTERSECTION_TOLERANCE)
    return [CellTable(None, cells) for cells in cells_to_tables(intersections_to_cells(intersections))]


def fill_tables(grids: list[CellTable], chars: list[Char], text: str, page_number: int) -> list[Table]:
    """The grids as tables, each cell holding the text of ``chars`` (``text``: the page's text layer, to tell
    where it has spaces). Tables of fewer than two rows or two columns, printed sideways, or with no text, are
    left out."""
    by_mid = sorted(chars, key=lambda c: (c.top + c.bottom) / 2)
    mids = [(c.top + c.bottom) / 2 for c in by_mid]
    tables = []
    for found in grids:
        x0, top, x1, bottom = found.bbox
        inside = [c for c in by_mid[bisect_left(mids, top):bisect_left(mids, bottom)] if x0 <= (c.x0 + c.x1) / 2 < x1]
        if sum(not c.upright for c in inside) * 2 > len(inside):  # read across, a cell would hold a letter a line
            continue
        rows = []
        inside_mids = [(c.top + c.bottom) / 2 for c in inside]  # still sorted: a row is a slice
        for row in found.rows:
            _, top, _, bottom = row.bbox
            in_row = [c for c in inside[bisect_left(inside_mids, top):bisect_left(inside_mids, bottom)] if c.upright]
            rows.append(tuple(None if cell is None else cell_text(cell, in_row, text) for cell in row.cells))
        if len(rows) >= 2 and max(len(r) for r in rows) >= 2 and any(c for r in rows for c in r):
            tables.append(Table(page=page_number, bbox=tuple(round(v, 2) for v in found.bbox), rows=tuple(rows)))
    return tables


def intersections_to_cells(intersections: dict) -> list[tuple[float, float, float, float]]:
    """pdfplumber's ``intersections_to_cells`` (same cells, same order) without its quadratic scans: for each
    intersection, the smallest cell it is the top-left corner of, whose four sides are drawn edges."""
    points = sorted(intersections)
    v_edges = {p: {_bbox(e) for e in intersections[p]["v"]} for p in points}
    h_edges = {p: {_bbox(e) for e in intersections[p]["h"]} for p in points}
    by_x: dict[float, list] = defaultdict(list)  # points sorted by y on each vertical
    by_y: dict[float, list] = defaultdict(list)  # points sorted by x on each horizontal
    for p in points:
        by_x[p[0]].append(p)
        by_y[p[1]].append(p)

    def v_connects(p1: tuple, p2: tuple) -> bool:
        return not v_edges[p1].isdisjoint(v_edges[p2])

    def h_connects(p1: tuple, p2: tuple) -> bool:
        return not h_edges[p1].isdisjoint(h_edges[p2])

    cells = []
    for pt in points:
        column, line = by_x[pt[0]], by_y[pt[1]]
        below = column[column.index(pt) + 1:]
        right = line[line.index(pt) + 1:]
        for below_pt in below:
            if not v_connects(pt, below_pt):
                continue
            found = None
            for right_pt in right:
                if not h_connects(pt, right_pt):
                    continue
                corner = (right_pt[0], below_pt[1])
                if corner in intersections and v_connects(corner, right_pt) and h_connects(corner, below_pt):
                    found = (pt[0], pt[1], corner[0], corner[1])
                    break
            if found:
                cells.append(found)
                break
    return cells


def _bbox(edge: dict) -> tuple[float, float, float, float]:
    return edge["x0"], edge["top"], edge["x1"], edge["bottom"]


def cells_to_tables(cells: list[tuple]) -> list[list[tuple]]:
    """pdfplumber's ``cells_to_tables``: cells that share a corner, directly or through others, make a table;
    tables in reading order of their top-left cell, single cells left out. A union of corners here, where
    pdfplumber sweeps the list until nothing joins."""
    by_corner: dict[tuple, list[int]] = defaultdict(list)
    for k, (x0, top, x1, bottom) in enumerate(cells):
        for corner in ((x0, top), (x0, bottom), (x1, top), (x1, bottom)):
            by_corner[corner].append(k)
    seen: set[int] = set()
    tables = []
    for k in range(len(cells)):
        if k in seen:
            continue
        seen.add(k)
        group, todo = [], [k]
        while todo:
            j = todo.pop()
            group.append(cells[j])
            x0, top, x1, bottom = cells[j]
            for corner in ((x0, top), (x0, bottom), (x1, top), (x1, bottom)):
                for other in by_corner[corner]:
                    if other not in seen:
                        seen.add(other)
                        todo.append(other)
        tables.append(group)
    tables.sort(key=lambda t: min((c[1], c[0]) for c in t))
    return [t for t in tables if len(t) > 1]


def cell_text(bbox: tuple[float, float, float, float], chars: list[Char], text: str) -> str:
    """The text of the characters whose centre is in the cell, line by line, words split where the text layer
    has a space or the characters are apart; whitespace collapsed to single spaces."""
    x0, top, x1, bottom = bbox
    inside = [c for c in chars if x0 <= (c.x0 + c.x1) / 2 < x1 and top <= (c.top + c.bottom) / 2 < bottom]
    if not inside:
        return ""
    inside.sort(key=lambda c: c.top)
    lines: list[list[Char]] = [[inside[0]]]
    for c in inside[1:]:
        if c.top - lines[-1][0].top <= Y_TOLERANCE:
            lines[-1].append(c)
        else:
            lines.append([c])
    words: list[str] = []
    for line in lines:
        line.sort(key=lambda c: c.x0)
        word = line[0].text
        for before, c in zip(line, line[1:]):
            between = text[before.index + 1:c.index] if c.index > before.index else ""
            if c.x0 - before.x1 > X_TOLERANCE or (between and between.isspace()):
                words.append(word)
                word = c.text
            else:
                word += c.text
        words.append(word)
    # a soft hyphen (U+00AD: PDFium's line-end hyphen) reads as the hyphen it prints, as pdfplumber reads it
    return " ".join(" ".join(words).split()).replace("\u00ad", "-")
