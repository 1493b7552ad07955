"""Ruled tables from a page's ruling lines and characters, without a second PDF parser.

``pipeline.ingest`` reads, with PDFium, the straight segments of the page's path objects (lines, rectangles,
polylines) and the page's characters with their boxes. This module turns them into tables the way pdfplumber's
``lines`` strategy does — the same geometry as ``pdfplumber.table``, to the bit: edges snapped and joined, their
intersections, the smallest cells, cells grouped into tables (ported here on named tuples, without its
quadratic scans), rows and columns with ``None`` for a merged cell (pdfplumber's ``Table``) — and fills each cell with the characters whose centre lies in it, read in lines top to bottom and left to right.

Opening a page with pdfplumber meant parsing it a second time with pdfminer (0.2–0.6 s a page, most of the
pipeline's time on table-heavy archives); PDFium has the page already, and this is ~20× faster.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from itertools import groupby
from operator import itemgetter
from typing import NamedTuple

from models.layout import Table

# pdfplumber's defaults for the ``lines`` strategy (``pdfplumber.table.DEFAULT_SNAP_TOLERANCE``,
# ``DEFAULT_JOIN_TOLERANCE``), so tables come out as they did when pdfplumber found them. Written here rather than
# imported: importing pdfplumber (and pdfminer) cost every worker 0.08 s at start, for two integers.
SNAP_TOLERANCE = 3
JOIN_TOLERANCE = 3
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


class Edge(NamedTuple):
    """A horizontal (``h``) or vertical (``v``) ruling segment in top-down page coordinates, with its length kept
    as pdfplumber keeps an edge's width or height (updated, not recomputed, when edges are joined)."""

    orientation: str
    x0: float
    top: float
    x1: float
    bottom: float
    length: float


def segment_edge(x0: float, top0: float, x1: float, top1: float) -> Edge | None:
    """The edge of one straight segment (top-down coordinates) when it is horizontal or vertical, as pdfplumber
    describes edges; a slanted segment is no ruling line."""
    if top0 == top1:
        left, right = (x0, x1) if x0 <= x1 else (x1, x0)
        if right - left < EDGE_MIN_LENGTH_PREFILTER:
            return None
        return Edge("h", left, top0, right, top0, right - left)
    if x0 == x1:
        top, bottom = (top0, top1) if top0 <= top1 else (top1, top0)
        if bottom - top < EDGE_MIN_LENGTH_PREFILTER:
            return None
        return Edge("v", x0, top, x0, bottom, bottom - top)
    return None


Box = tuple[float, float, float, float]  # x0, top, x1, bottom


class GridRow(NamedTuple):
    """A row of a grid: its cells left to right, None where a merged cell covers the column (pdfplumber's ``Row``)."""

    cells: list[Box | None]
    bbox: Box


class Grid(NamedTuple):
    """A table's cells, as pdfplumber's ``Table`` holds them, with its bounding box and its rows."""

    cells: list[Box]

    @property
    def bbox(self) -> Box:
        return _bounds(self.cells)

    @property
    def rows(self) -> list[GridRow]:
        """pdfplumber's ``Table.rows``: the cells grouped by their top, each row with a place for every left edge
        of the table (None where no cell of the row starts there)."""
        xs = sorted({cell[0] for cell in self.cells})
        rows = []
        for _, cells in groupby(sorted(self.cells, key=itemgetter(1, 0)), itemgetter(1)):
            at = {cell[0]: cell for cell in cells}
            row = [at.get(x) for x in xs]
            rows.append(GridRow(row, _bounds([c for c in row if c])))
        return rows


def _bounds(boxes: list[Box]) -> Box:
    return (min(map(itemgetter(0), boxes)), min(map(itemgetter(1), boxes)), max(map(itemgetter(2), boxes)),
            max(map(itemgetter(3), boxes)))


def table_grids(edges: list[Edge]) -> list[Grid]:
    """The tables ``edges`` draw, as pdfplumber's cell grids (rows and columns of cell boxes), top to bottom."""
    if not edges:
        return []
    merged = [e for e in merge_edges(edges) if e.length >= EDGE_MIN_LENGTH]
    intersections = edges_to_intersections(merged)
    return [Grid(cells) for cells in cells_to_tables(intersections_to_cells(intersections))]


# --- pdfplumber's edge geometry (``merge_edges``, ``edges_to_intersections``) on named tuples ------------------
# The same values, to the last bit of floating point, in the same order: pdfplumber's versions copy a dict for
# every move of an edge and compare every vertical edge with every horizontal one (``test_tables`` checks them
# against pdfplumber's on random grids and on the corpus's ruled pages).

def merge_edges(edges: list[Edge], snap: float = SNAP_TOLERANCE, join: float = JOIN_TOLERANCE) -> list[Edge]:
    """Edges within ``snap`` of each other moved to their mean position, then edges along one line that touch or
    come within ``join`` of each other joined (``pdfplumber.table.merge_edges``)."""
    snapped = _snapped([e for e in edges if e.orientation == "v"], "v", snap) + \
        _snapped([e for e in edges if e.orientation == "h"], "h", snap)
    merged: list[Edge] = []
    for (orientation, _), group in groupby(sorted(snapped, key=_line_of), key=_line_of):
        merged.extend(_joined(list(group), orientation, join))
    return merged


def _line_of(edge: Edge) -> tuple[str, float]:
    return (edge.orientation, edge.top if edge.orientation == "h" else edge.x0)


def _snapped(edges: list[Edge], orientation: str, tolerance: float) -> list[Edge]:
    """``pdfplumber.utils.snap_objects``: clusters of positions (each within ``tolerance`` of the next), every edge
    of a cluster moved by (mean - its position), clusters in order of position, edges in input order within."""
    at = 1 if orientation == "v" else 2  # x0 of a vertical edge, top of a horizontal one
    if not edges:
        return []
    values = sorted({e[at] for e in edges})
    cluster_of: dict[float, int] = {}
    index, last = 0, values[0]
    for value in values:
        if value > last + tolerance:
            index += 1
        cluster_of[value] = index
        last = value
    clusters: list[list[Edge]] = [[] for _ in range(index + 1)]
    for e in edges:
        clusters[cluster_of[e[at]]].append(e)
    out = []
    make = tuple.__new__  # Edge(...) without its keyword handling: a table page has thousands of edges
    for cluster in clusters:
        mean = sum(e[at] for e in cluster) / len(cluster)
        for o, x0, top, x1, bottom, length in cluster:
            if at == 1:
                move = mean - x0
                out.append(make(Edge, (o, x0 + move, top, x1 + move, bottom, length)))
            else:
                move = mean - top
                out.append(make(Edge, (o, x0, top + move, x1, bottom + move, length)))
    return out


def _joined(edges: list[Edge], orientation: str, tolerance: float) -> list[Edge]:
    """``pdfplumber.table.join_edge_group``: edges along one line, joined where one starts within ``tolerance``
    of where the one before ends."""
    low, high, end = (1, 3, "x1") if orientation == "h" else (2, 4, "bottom")
    edges.sort(key=itemgetter(low))
    joined = [edges[0]]
    for e in edges[1:]:
        last = joined[-1]
        if e[low] > last[high] + tolerance:
            joined.append(e)
        elif e[high] > last[high]:  # pdfplumber's resize_object: a width recomputed, a height moved by the change
            length = e[high] - last[low] if orientation == "h" else last.length + (e[high] - last[high])
            joined[-1] = last._replace(**{end: e[high]}, length=length)
    return joined


Intersections = dict[tuple[float, float], tuple[set, set]]  # point -> (boxes of its vertical, horizontal edges)


def edges_to_intersections(edges: list[Edge], tolerance: float = INTERSECTION_TOLERANCE) -> Intersections:
    """``pdfplumber.table.edges_to_intersections``: the points where a vertical edge meets a horizontal one
    within ``tolerance``, each with the (x0, top, x1, bottom) boxes of the edges meeting there. The horizontal
    edges a vertical one may meet are found by bisection, then tested with pdfplumber's own comparisons."""
    horizontal = sorted((e for e in edges if e.orientation == "h"), key=lambda e: (e.top, e.x0))
    tops = [e.top for e in horizontal]
    slack = tolerance + 1e-6  # the bisection only narrows the search: the test below decides
    out: Intersections = {}
    for v in sorted((e for e in edges if e.orientation == "v"), key=lambda e: (e.x0, e.top)):
        for h in horizontal[bisect_left(tops, v.top - slack):bisect_right(tops, v.bottom + slack)]:
            if v.top <= h.top + tolerance and v.bottom >= h.top - tolerance and v.x0 >= h.x0 - tolerance \
                    and v.x0 <= h.x1 + tolerance:
                vs, hs = out.setdefault((v.x0, h.top), (set(), set()))
                vs.add((v.x0, v.top, v.x1, v.bottom))
                hs.add((h.x0, h.top, h.x1, h.bottom))
    return out


def fill_tables(grids: list[Grid], chars: list[Char], text: str, page_number: int) -> list[Table]:
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


def intersections_to_cells(intersections: Intersections) -> list[tuple[float, float, float, float]]:
    """pdfplumber's ``intersections_to_cells`` (same cells, same order) without its quadratic scans: for each
    intersection, the smallest cell it is the top-left corner of, whose four sides are drawn edges."""
    points = sorted(intersections)
    v_edges = {p: intersections[p][0] for p in points}
    h_edges = {p: intersections[p][1] for p in points}
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
