"""The layout stage: margin notes, stamps and running lines are told from the text by their geometry and wording."""

from __future__ import annotations

from conftest import CORPUS, SAMPLE_A, needs_corpus
from pipeline.ingest import ingest
from pipeline.layout import layout, text_lines
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
