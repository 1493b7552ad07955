"""Ingestion: page counts, text-layer detection, lines with positions, ruled tables."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import CORPUS, NON_DELIBERATION, SAMPLE_A, SAMPLE_B, SEED_SAMPLES, corpus_table, needs_corpus
from pipeline.ingest import add_tables, chars_to_lines, ingest


@pytest.mark.parametrize("sample", SEED_SAMPLES, ids=lambda p: p.stem)
def test_seed_sample_has_a_text_layer_on_every_page(sample):
    doc = ingest(sample)
    assert doc.text_source == "text"
    assert all(p.text_source == "text" for p in doc.pages)
    assert len(doc.doc_id) == 16 and doc.sha256.startswith(doc.doc_id)
    text = "\n".join(p.text for p in doc.pages)
    for expected in ("Étaient présents", "HINGREZ-CÉRÉDA", "7 127 786,75 €", "(N°2024-273)", "Jean-Claude LEROY",
                     "FR76 1007 1750 0000 0010 0516 217", "Gérard FONTAINE"):
        assert expected in text, expected


@pytest.mark.parametrize("sample", SEED_SAMPLES, ids=lambda p: p.stem)
def test_lines_carry_page_and_position(sample):
    doc = ingest(sample)
    first = doc.pages[0]
    header = next(line for line in first.lines if "PAS-DE-CALAIS" in line.text)
    assert header.page == 1
    assert 0 <= header.x0 < header.x1 <= first.width
    assert 0 <= header.top < header.bottom <= first.height
    # lines of a page come top to bottom in reading order
    tops = [line.top for line in first.lines]
    assert tops.index(header.top) < tops.index(next(ln.top for ln in first.lines if "Étaient présents" in ln.text))


def test_ruled_budget_table_of_sample_a():
    doc = ingest(SAMPLE_A, tables=True)
    tables = [t for p in doc.pages for t in p.tables if t.rows[0][0] == "Code Opération"]
    assert len(tables) == 1
    assert tables[0].rows[0] == ("Code Opération", "Imputation budgétaire", "Libellé Opération", "AE €", "Dépense €")
    rows = [r for r in tables[0].rows if r[0] and r[0].startswith("C0")]
    assert len(rows) == 8
    first = rows[0]
    assert first[0] == "C02-446A05" and first[1] == "6568/93446"
    assert first[2] == "Indemnisation des organismes référents"
    assert first[3:5] == ("8 395 650,00", "5 867 917,70")


def test_unruled_budget_table_of_sample_b_is_found_by_alignment_not_by_rulings():
    doc = ingest(SAMPLE_B)
    add_tables(doc)
    assert not any(t.rows[0][0] == "Code Opération" for p in doc.pages for t in p.tables)
    line = next(ln for ln in doc.lines if ln.text.startswith("C02-428C02"))
    # the table's columns survive as separate segments of the line
    assert [s[2] for s in line.segments] == ["C02-428C02", "6568/93428", "Accompagnement des jeunes",
                                             "667 500,00", "561 140,00"]


def test_non_deliberation_sample_is_read():
    doc = ingest(NON_DELIBERATION)
    assert len(doc.pages) == 1 and doc.text_source == "text"


def test_chars_to_lines_splits_segments_on_wide_gaps():
    text = "ab  cd\r\nef"
    boxes = [(10, 700, 15, 710), (15, 700, 20, 710), (0, 0, 0, 0), (0, 0, 0, 0), (100, 700, 105, 710),
             (105, 700, 110, 710), (0, 0, 0, 0), (0, 0, 0, 0), (10, 680, 15, 690), (15, 680, 20, 690)]
    lines = chars_to_lines(text.replace("\r", " "), boxes, page_number=3, page_height=800)
    assert [ln.text for ln in lines] == ["ab cd", "ef"]
    assert [s[2] for s in lines[0].segments] == ["ab", "cd"]
    assert (lines[0].page, lines[0].top, lines[0].bottom) == (3, 90, 100)


CORPUS_ROWS = corpus_table()


@needs_corpus
@pytest.mark.parametrize("row", CORPUS_ROWS, ids=[r["file"] for r in CORPUS_ROWS])
def test_corpus_page_counts_and_text_layer(row):
    doc = ingest(CORPUS / row["file"])
    assert len(doc.pages) == row["pages"]
    if row["text_layer"].startswith("scanned"):
        # A scan's content is its image: unread without OCR, even under a text layer that is only the
        # prefecture's stamp ("stamp-only text"), which is kept apart from the page's lines.
        assert doc.text_source == "none"
        assert {p.text_source for p in doc.pages} == {"none"}
        assert all(p.n_images >= 1 for p in doc.pages)
        if "stamp-only" in row["text_layer"]:
            assert all(p.stamp and not p.lines for p in doc.pages)
    else:
        assert doc.text_source in ("text", "mixed")
        assert sum(p.n_chars for p in doc.pages) > 500


@needs_corpus
def test_corpus_scans_are_detected():
    for name in ("montpellier/CR_CM_28_03_2011.pdf", "putanges/pv-du-25-mars-2024.pdf"):
        doc = ingest(CORPUS / name)
        assert doc.text_source == "none", name


@needs_corpus
def test_corpus_text_layer_over_a_scan_is_both():
    # The prefecture's arrêté is a scan with an OCR text layer over it.
    doc = ingest(CORPUS / "non_deliberation/arrete-prefectoral-2025-132-003.pdf")
    assert {p.text_source for p in doc.pages} == {"both"}
    assert doc.text_source == "text"


@needs_corpus
def test_corpus_stamp_over_a_scan_is_kept_apart():
    # Flaux's PV: a scanned page under an @ctes stamp of 4 lines (105 characters, 0.5 % of the page).
    doc = ingest(CORPUS / "flaux/PV DU 17 NOVEMBRE-tampon.pdf")
    page = doc.pages[0]
    assert [ln.text for ln in page.stamp] == ["Envoyé en préfecture le 21/12/2023", "Reçu en préfecture le 21/12/2023",
                                              "Publié le", "ID : 030-213001100-20231215-PV17112023-AU"]
    assert page.lines == [] and page.n_chars == 105 and page.text_source == "none"
    assert doc.unread_pages == list(range(1, 11))


@needs_corpus
def test_corpus_header_laid_over_a_scanned_annex_stays_with_the_page():
    # Putanges 2020, page 11: a scanned annex under a typed running header; the header is not a stamp.
    doc = ingest(CORPUS / "putanges/registre-deliberations-seance-du-16-novembre-2020.pdf")
    page = doc.pages[10]
    assert page.text_source == "none" and page.stamp == []
    assert [ln.text for ln in page.lines] == ["Putanges-le-Lac, séance du 16 novembre 2020", "11", "Annexe 1"]
    assert doc.unread_pages == [11, 20]


@needs_corpus
def test_corpus_montpellier_margin_column_reads_as_its_own_lines():
    doc = ingest(CORPUS / "montpellier/2013-02-04-0000061097.pdf")
    texts = [ln.text for ln in doc.pages[0].lines]
    assert "n° 2013 / 11" in texts
    assert "délibérations du Conseil" in texts  # not glued to the body line at the same height
    assert any(t.startswith("Brahim ABBOU, Frédéric ARAGON") for t in texts)


@needs_corpus
def test_a_name_broken_at_the_line_end_keeps_its_two_lines_and_reads_whole():
    # pierrefonds/compte-rendu-11-06-2020.pdf p.3: PDFium gives "Jean\ufffeClaude" as one word astride two lines;
    # each half stays on its own line (the lines below keep their geometry), and the paragraph reads it whole
    from models.sections import Paragraph

    doc = ingest(CORPUS / "pierrefonds" / "compte-rendu-11-06-2020.pdf")
    lines = doc.pages[2].lines
    k = next(i for i, line in enumerate(lines) if line.text.endswith("Marie-Alice DEBUISSER, M. Jean-"))
    assert lines[k + 1].text.startswith("Claude THUILLIER, M. Ronan TANGUY")
    assert lines[k + 1].top - lines[k].top == pytest.approx(11.5, abs=0.2)
    assert "M. Jean-Claude THUILLIER, M. Ronan" in Paragraph(lines[k:k + 2]).flat
    assert "\u00ad" not in "".join(line.text for page in doc.pages for line in page.lines)


def test_a_hyphen_after_a_letter_at_a_line_end_joins_the_next_line_and_a_spaced_dash_does_not():
    from pipeline.normalize._text import collapse

    assert collapse("M. Jean-\nClaude GROSS, Mme Anne-\n  Marie MUNINGER") == "M. Jean-Claude GROSS, Mme Anne-Marie MUNINGER"
    assert collapse("Catherine MARTEL -\nPatricia MICHOT") == "Catherine MARTEL - Patricia MICHOT"


def test_a_ligature_glyph_is_read_as_its_letters(tmp_path):
    """The formula tables fold case simply (``vocab.SIMPLE_CASE``), so a pattern's "fi" no longer matches the one
    character "ﬁ". A text layer never holds it: PDFium reads a ligature glyph as its letters."""
    import reportlab
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    from pipeline import vocab

    pdfmetrics.registerFont(TTFont("Vera", str(Path(reportlab.__file__).parent / "fonts" / "Vera.ttf")))
    path = tmp_path / "ligature.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.setFont("Vera", 12)
    pdf.drawString(72, 700, "Délibération noti\ufb01ée le 3 juillet 2024")
    pdf.save()
    (line,) = ingest(path).pages[0].lines
    assert line.text == "Délibération notifiée le 3 juillet 2024"
    assert vocab.OTHER_DATE_CONTEXT.search(line.text)
    assert not vocab.OTHER_DATE_CONTEXT.search("Délibération noti\ufb01ée le 3 juillet 2024")
