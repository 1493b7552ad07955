"""Ruled tables from PDFium's ruling lines (pipeline/tables.py), checked against pdfplumber, which reads the same
pages with its own PDF parser: the same grids, the same cell text on the samples."""

from __future__ import annotations

import warnings

import pdfplumber
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pdfplumber import table as plumber_table

from conftest import CORPUS, SEED_SAMPLES, needs_corpus
from pipeline import tables
from pipeline.ingest import find_ruled_tables, ingest


def plumber_tables(path, numbers):
    """What pdfplumber's ``lines`` strategy finds on those pages: {page: [(bbox, rows)]}, cells' whitespace
    collapsed, tables of one row or one column left out (as ``pipeline.tables`` does)."""
    found = {}
    with warnings.catch_warnings(), pdfplumber.open(str(path)) as pdf:
        warnings.simplefilter("ignore")
        for number in numbers:
            page_tables = []
            for t in pdf.pages[number - 1].find_tables({"vertical_strategy": "lines", "horizontal_strategy": "lines"}):
                rows = tuple(tuple(None if c is None else " ".join(c.split()) for c in row) for row in t.extract())
                if len(rows) >= 2 and max(len(r) for r in rows) >= 2:
                    page_tables.append((tuple(round(v, 2) for v in t.bbox), rows))
            if page_tables:
                found[number] = page_tables
    return found


def same_box(a, b, tolerance=0.5):
    """Edges are snapped to the average of their neighbours' positions, which the two libraries read a few
    hundredths of a point apart."""
    return all(abs(x - y) <= tolerance for x, y in zip(a, b))


@pytest.mark.parametrize("path", SEED_SAMPLES, ids=lambda p: p.stem[-1])
def test_sample_tables_are_pdfplumbers(path):
    doc = ingest(path)
    ours = find_ruled_tables(path, doc.ruled_pages)
    theirs = plumber_tables(path, doc.ruled_pages)
    assert sorted(ours) == sorted(theirs)
    for number, page_tables in theirs.items():
        assert len(ours[number]) == len(page_tables)
        for table, (bbox, rows) in zip(ours[number], page_tables):
            assert same_box(table.bbox, bbox) and table.rows == rows, (number, bbox)
    if path.stem.endswith("_a"):  # the ruled budget table (style b draws it without rules)
        budget = ours[4][0].rows
        assert budget[0] == ("Code Opération", "Imputation budgétaire", "Libellé Opération", "AE €", "Dépense €")
        assert len(budget) == 9 and budget[-1][0] == "C02-428B04" and budget[-1][-1] == "657 200,24"


@needs_corpus
def test_corpus_grids_are_pdfplumbers():
    """Same tables, same boxes, same shape on every ruled page of these files; the cell text may differ where
    the two libraries place spaces differently (PDFium keeps "500 €" where pdfminer reads "5 00 €")."""
    for name in ("montpellier/2013-03-25-0000062236.pdf", "montpellier/VilleMTP_MTP_AttribSub_2014.pdf",
                 "pierrefonds/CM-11-avril-2023.pdf", "putanges/seance-du-29-07-2019-deliberations.pdf"):
        path = CORPUS / name
        doc = ingest(path)
        ours = find_ruled_tables(path, doc.ruled_pages)
        theirs = plumber_tables(path, doc.ruled_pages)
        assert sorted(ours) == sorted(theirs), name
        for number, page_tables in theirs.items():
            assert len(ours[number]) == len(page_tables), (name, number)
            for table, (bbox, rows) in zip(ours[number], page_tables):
                assert same_box(table.bbox, bbox), (name, number, table.bbox, bbox)
                assert [len(r) for r in table.rows] == [len(r) for r in rows], (name, number, bbox)


@needs_corpus
def test_a_table_printed_sideways_is_left_out():
    """Putanges 12/11/2019 p. 3: the staff table is printed landscape (characters at 270°); read across its
    cells it would be a letter a line."""
    path = CORPUS / "putanges" / "seance-du-12-11-2019-deliberations.pdf"
    assert 3 in ingest(path).ruled_pages
    assert find_ruled_tables(path, [3]) == {}


def test_slanted_and_short_segments_are_no_ruling_lines():
    assert tables.segment_edge(10, 50, 200, 50) == ("h", 10, 50, 200, 50, 190)
    assert tables.segment_edge(10, 300, 10, 50) == ("v", 10, 50, 10, 300, 250)
    assert tables.segment_edge(10, 50, 200, 60) is None  # slanted
    assert tables.segment_edge(10, 50, 10.5, 50) is None  # shorter than a point


def grid_edges(xs, ys, missing):
    """The edges of a grid of columns ``xs`` and rows ``ys``, without the sides listed in ``missing``."""
    edges = []
    for i, y in enumerate(ys):
        for j in range(len(xs) - 1):
            if ("h", i, j) not in missing:
                edges.append(tables.segment_edge(xs[j], y, xs[j + 1], y))
    for j, x in enumerate(xs):
        for i in range(len(ys) - 1):
            if ("v", j, i) not in missing:
                edges.append(tables.segment_edge(x, ys[i], x, ys[i + 1]))
    return edges


positions = st.lists(st.integers(0, 60), min_size=2, max_size=6, unique=True).map(
    lambda v: [20 + 10 * x for x in sorted(v)])


def plumber_edge(edge: tables.Edge) -> dict:
    """An edge as pdfplumber describes one."""
    width, height = (edge.length, 0.0) if edge.orientation == "h" else (0.0, edge.length)
    return {"x0": edge.x0, "x1": edge.x1, "top": edge.top, "bottom": edge.bottom, "width": width, "height": height,
            "orientation": edge.orientation}


def plumber_cells(edges: list[tables.Edge]) -> list[tuple]:
    """pdfplumber's own ``lines`` geometry on these edges: its cells."""
    merged = plumber_table.merge_edges([plumber_edge(e) for e in edges], tables.SNAP_TOLERANCE, tables.SNAP_TOLERANCE,
                                       tables.JOIN_TOLERANCE, tables.JOIN_TOLERANCE)
    merged = [e for e in merged if (e["height"] if e["orientation"] == "v" else e["width"]) >= tables.EDGE_MIN_LENGTH]
    intersections = plumber_table.edges_to_intersections(merged, tables.INTERSECTION_TOLERANCE,
                                                         tables.INTERSECTION_TOLERANCE)
    return plumber_table.intersections_to_cells(intersections)


@settings(max_examples=60, deadline=None)
@given(xs=positions, ys=positions, data=st.data())
def test_cells_and_tables_are_pdfplumbers(xs, ys, data):
    """Our edge merging, intersections, linear-time ``intersections_to_cells`` and ``cells_to_tables`` give
    pdfplumber's cells and tables, in the same order, on grids with sides missing (merged cells, separate tables),
    drawn a little off their lines (snapped) and in pieces (joined)."""
    sides = [("h", i, j) for i in range(len(ys)) for j in range(len(xs) - 1)] + \
            [("v", j, i) for j in range(len(xs)) for i in range(len(ys) - 1)]
    missing = set(data.draw(st.lists(st.sampled_from(sides), max_size=len(sides) // 3)))
    jitter = data.draw(st.lists(st.sampled_from([0.0, 0.3, -0.7, 1.9, 2.5]), min_size=1, max_size=8))
    edges = [e._replace(x0=e.x0 + j, x1=e.x1 + j) if e.orientation == "v" else e._replace(top=e.top + j, bottom=e.bottom + j)
             for e, j in zip(grid_edges(xs, ys, missing), jitter * 99)]
    assert [plumber_edge(e) for e in tables.merge_edges(edges)] == plumber_table.merge_edges(
        [plumber_edge(e) for e in edges], tables.SNAP_TOLERANCE, tables.SNAP_TOLERANCE, tables.JOIN_TOLERANCE,
        tables.JOIN_TOLERANCE)  # the same edges, the same floating-point values, in the same order
    merged = [e for e in tables.merge_edges(edges) if e.length >= tables.EDGE_MIN_LENGTH]
    cells = tables.intersections_to_cells(tables.edges_to_intersections(merged))
    assert cells == plumber_cells(edges)
    ours, theirs = tables.cells_to_tables(cells), plumber_table.cells_to_tables(cells)
    assert [sorted(t) for t in ours] == [sorted(t) for t in theirs]
    for found in ours:  # each table's box and rows (None where a merged cell covers a column), as pdfplumber's
        grid, table = tables.Grid(found), plumber_table.Table(None, found)
        assert grid.bbox == table.bbox
        assert [(row.cells, row.bbox) for row in grid.rows] == [(row.cells, row.bbox) for row in table.rows]


def test_the_tolerances_are_pdfplumbers_defaults():
    assert (tables.SNAP_TOLERANCE, tables.JOIN_TOLERANCE) == (plumber_table.DEFAULT_SNAP_TOLERANCE,
                                                              plumber_table.DEFAULT_JOIN_TOLERANCE)


@needs_corpus
def test_the_corpus_ruled_pages_give_pdfplumbers_grids():
    """On every ruled page of documents drawn by different software (Montpellier's subsidy lists, Pierrefonds'
    vote table, Fargues' budget, the reference's conventions), the grids are pdfplumber's, cell for cell."""
    import pypdfium2 as pdfium

    from pipeline.ingest import ruling_edges

    pages = 0
    for name in ("montpellier/VilleMTP_MTP_AttribSub_2014.pdf", "pierrefonds/20250403-PV.pdf",
                 "fargues-saint-hilaire/pv-cm-2018-12-13.pdf", "montpellier/2013-02-04-0000061123.pdf"):
        path = CORPUS / name
        doc = ingest(path)
        pdf = pdfium.PdfDocument(str(path))
        for number in doc.ruled_pages:
            page = pdf[number - 1]
            edges = ruling_edges(page, page.get_size()[1])
            ours = [sorted(grid.cells) for grid in tables.table_grids(edges)]
            theirs = [sorted(t) for t in plumber_table.cells_to_tables(plumber_cells(edges))]
            assert ours == theirs, (name, number)
            pages += bool(ours)
        pdf.close()
    assert pages >= 40


def test_cell_text_reads_lines_and_keeps_the_text_layers_spaces():
    text = "Montant total\n500 €"
    # "Montant total" on one line (a space in the text layer), "500" then "€" on the next, 4 pt apart
    boxes = {0: (10, 10), 1: (16, 10), 2: (22, 10), 3: (28, 10), 4: (34, 10), 5: (40, 10), 6: (46, 10),
             8: (56, 10), 9: (62, 10), 10: (68, 10), 11: (74, 10), 12: (80, 10),
             14: (10, 24), 15: (16, 24), 16: (22, 24), 18: (32, 24)}
    chars = [tables.Char(text[k], x, top, x + 5, top + 10, k) for k, (x, top) in boxes.items()]
    assert tables.cell_text((0, 0, 100, 40), chars, text) == "Montant total 500 €"
    assert tables.cell_text((0, 20, 100, 40), chars, text) == "500 €"
    assert tables.cell_text((0, 0, 5, 5), chars, text) == ""
