"""The layout stage: margin notes, stamps and running lines are told from the text by their geometry and wording."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import CORPUS, SAMPLE_A, SAMPLE_B, SAMPLE_C, SAMPLE_D, SAMPLE_E, needs_corpus
from pipeline.ingest import ingest
from pipeline import layout as layout_module
from pipeline.layout import layout, reading_order, text_lines
from pipeline.normalize._text import collapse


@needs_corpus
def test_rapporteurs_in_the_margin_are_margin_notes_not_titles():
    # Montpellier CR 16/12/2011 p.2: the rapporteur's name stands left of "2 Dotation de mobilier aux associations"
    blocks = [b for b in layout(ingest(CORPUS / "montpellier/CR_CM_16_12_2011.pdf")) if b.page == 2]
    margins = [collapse(b.text) for b in blocks if b.kind == "margin"]  # "BONIFACE-" ends its line
    assert margins[:3] == ["Sophie BONIFACE-PASCAL", "Michaël DELAFOSSE", "Marc DUFOUR"]
    heading = next(b for b in blocks if b.kind == "text" and "Halles et Marchés" in b.text)
    assert heading.lines[0].text == "10 Halles et Marchés - Mesures d'exonération"  # "Marc DUFOUR" cut off it


@needs_corpus
def test_a_list_heading_left_of_the_column_is_text_and_hanging_numbers_stay():
    blocks = layout(ingest(CORPUS / "montpellier/CR_CM_16_12_2011.pdf"))
    assert any(b.kind == "text" and "Présents :" in [ln.text for ln in b.lines] for b in blocks)
    # "IV Plan de sauvegarde communal." (Couthenans 2021): a Roman numeral hanging left is the item's number
    lines = [ln.text for ln in text_lines(ingest(CORPUS / "couthenans/CR_reunion_20210129.pdf"))]
    assert "IV Plan de sauvegarde communal." in lines


@needs_corpus
def test_the_prefecture_stamp_is_not_text():
    blocks = layout(ingest(CORPUS / "montpellier/2013-02-04-0000061097.pdf"))
    assert [b.text for b in blocks if b.kind == "stamp"] == ["Accusé de réception – Ministère de l’intérieur"]


def test_the_reference_has_running_footers_and_no_margin():
    blocks = layout(ingest(SAMPLE_A))
    assert not [b for b in blocks if b.kind == "margin"]
    footers = [b for b in blocks if b.kind == "running"]
    assert len({b.page for b in footers}) == 40  # page 20 is landscape: its footer is as far from the bottom


def test_two_columns_written_across_the_page_are_read_column_by_column():
    # style e writes its conventions line by line across two columns: the text layer joins the two lines of a row
    doc = ingest(SAMPLE_E)
    assert doc.pages[17].lines[0].text == "Pôle Solidarités Vu : la délibération de la Commission"
    left, right = [b for b in layout(doc) if b.page == 18 and b.kind == "text"]
    assert (left.lines[0].text, left.lines[-1].text, len(left.lines)) == ("Pôle Solidarités", "24 octobre 2023.", 35)
    assert (right.lines[0].text, len(right.lines)) == ("Vu : la délibération de la Commission", 31)
    assert left.bbox[2] < right.bbox[0]
    text = [ln.text for ln in text_lines(doc)]
    assert text.index("24 octobre 2023.") + 1 == text.index("Vu : la délibération de la Commission")


def test_two_columns_written_column_by_column_keep_their_order():
    # style d flows its conventions through two frames: the text layer is already in reading order
    doc = ingest(SAMPLE_D)
    left, right = [b for b in layout(doc) if b.page == 25 and b.kind == "text"]
    assert left.lines[0].text.startswith("Pour répondre à tous ces enjeux")
    assert right.lines[0].text == "Article 2 : Présentation de l’organisme"
    footer = "Département du Pas-de-Calais — Délibération 2024-273 25"
    assert [ln.text for ln in left.lines + right.lines] == [ln.text for ln in doc.pages[24].lines if ln.text != footer]


@pytest.mark.parametrize("path", (SAMPLE_A, SAMPLE_B, SAMPLE_C), ids=lambda p: p.stem[-1])
def test_one_column_pages_and_tables_keep_the_text_layers_order(path):
    # a ruled and two unruled budget tables, annex grids, signature blocks side by side: not columns of prose
    doc = ingest(path)
    assert all(reading_order(page) == list(enumerate(page.lines)) for page in doc.pages)


@needs_corpus
def test_a_budget_table_is_not_read_as_two_columns():
    # Pierrefonds 2016: the budget's chapters and amounts in columns, over several pages
    doc = ingest(CORPUS / "pierrefonds/compte-rendu-04-04-2016.pdf")
    assert all(reading_order(page) == list(enumerate(page.lines)) for page in doc.pages)


@settings(max_examples=200, deadline=None)
@given(pieces=st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40)).map(lambda p: (p[0] / 2, p[1] / 2)),
                       max_size=30),
       xs=st.lists(st.integers(-2, 42).map(lambda x: x / 2), min_size=1, max_size=10))
def test_crossings_count_the_pieces_across_each_x(pieces, xs):
    """The count by bisection is the count by testing every piece (pieces of no width, at and off x, and pieces
    written right to left included)."""
    assert layout_module.crossings(pieces, xs) == [sum(x0 < x < x1 for x0, x1 in pieces) for x in xs]


def test_a_line_is_cut_where_its_text_is_cut():
    """``segment.split_line``: the piece astride the cut is cut in proportion of its characters, the pieces
    before and after keep their boxes, OCR's words go to the side their left edge is on."""
    from models.layout import Line
    from pipeline.segment import split_line

    line = Line(page=1, text="Maire. Étaient présents : A, B", x0=10.0, top=5.0, x1=310.0, bottom=15.0,
                segments=((10.0, 110.0, "Maire. Étaient"), (200.0, 310.0, "présents : A, B")),
                words=((10.0, 50.0, "Maire.", 90.0), (60.0, 110.0, "Étaient", 80.0)))
    head, tail = split_line(line, 7)
    assert (head.text, head.x0, head.x1, head.segments, [w[2] for w in head.words]) == (
        "Maire.", 10.0, 60.0, ((10.0, 60.0, "Maire."),), ["Maire."])
    assert (tail.text, tail.x0, tail.x1, tail.segments, [w[2] for w in tail.words]) == (
        "Étaient présents : A, B", 60.0, 310.0, ((60.0, 110.0, "Étaient"), (200.0, 310.0, "présents : A, B")),
        ["Étaient"])
    head, tail = split_line(line, 15)  # at the start of the second piece
    assert (head.segments, tail.segments) == (((10.0, 110.0, "Maire. Étaient"),), ((200.0, 310.0, "présents : A, B"),))
    head, tail = split_line(line, 14)  # at the space between the pieces
    assert (head.segments, tail.segments) == (((10.0, 110.0, "Maire. Étaient"),), ((200.0, 310.0, "présents : A, B"),))
