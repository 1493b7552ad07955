"""OCR of scanned pages: the scanned copy of the seed sample against its text version, the corpus scans against
values written by hand, and the pieces (line building, confidences, cache, stamp-only pages, modes).

Tests marked ``slow`` run Tesseract. Its output is cached by page image (``pipeline.ocr.cache_dir``), so only
the first run of the suite on a machine pays for it (about 5 pages of the sample and 27 pages of the corpus);
the tests that check the cache itself use a temporary cache folder and one page.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from conftest import (CORPUS, NON_DELIBERATION, REPO, SAMPLE_A, SAMPLES, delib_executable, load_script, needs_corpus,
                      needs_tesseract)
from models.layout import IngestedDocument, Line, Page
from pipeline import ocr
from pipeline.ingest import ingest, is_overlay
from pipeline.normalize.names import name_key
from pipeline.process import Options, process_file

EXPECTED = REPO / "tests" / "expected"
COMMITTED_SCAN = SAMPLES / "scans" / f"{SAMPLE_A.stem}_scan.pdf"


slow_ocr = [pytest.mark.slow, needs_tesseract]


def load_make_scan():
    return load_script("make_scan")


def f1(expected: Counter, found: Counter) -> float:
    tp = sum((expected & found).values())
    if not tp:
        return 0.0
    precision, recall = tp / sum(found.values()), tp / sum(expected.values())
    return 2 * precision * recall / (precision + recall)


def as_dicts(records) -> list[dict]:
    return [{f: getattr(r, f) for f in r.__dataclass_fields__} for r in records]


# --------------------------------------------------------------------------------------------------
# The scanned copy of the seed sample


@pytest.fixture(scope="session")
def scan_path(tmp_path_factory) -> Path:
    """The project's scanned copy of sample a, pages 1-5 (the deliberation: attendance, votes, budget table),
    made here by samples/make_scan.py: 200 dpi, turned by 0.5°, grain, specks and blur, image-only PDF."""
    make_scan = load_make_scan()
    out = tmp_path_factory.mktemp("scan") / "sample_a_scan.pdf"
    return make_scan.scan_pdf(SAMPLE_A, out, pages=make_scan.DEFAULT_PAGES)


@pytest.fixture(scope="session")
def scan_result(scan_path):
    return process_file(scan_path, Options(ocr="auto"))


@pytest.fixture(scope="session")
def text_result():
    return process_file(SAMPLE_A, Options(ocr="never"))


def test_the_scan_has_no_text_layer(scan_path):
    doc = ingest(scan_path, ocr="never")
    assert len(doc.pages) == 5 and doc.text_source == "none"
    assert all(p.n_chars == 0 and p.n_images == 1 for p in doc.pages)
    assert doc.unread_pages == [1, 2, 3, 4, 5]
    result = process_file(scan_path, Options(ocr="never"))
    assert result.document.status == "partial" and "without OCR" in result.document.error


def test_make_scan_is_deterministic_and_small(scan_path, tmp_path):
    make_scan = load_make_scan()
    again = make_scan.scan_pdf(SAMPLE_A, tmp_path / "again.pdf", pages=make_scan.DEFAULT_PAGES)
    assert again.read_bytes() == scan_path.read_bytes()
    assert scan_path.stat().st_size < 3_000_000
    assert COMMITTED_SCAN.is_file() and COMMITTED_SCAN.stat().st_size < 3_000_000
    committed = ingest(COMMITTED_SCAN)
    assert len(committed.pages) == 5 and committed.text_source == "none"


def _budget_key(row: dict) -> tuple:
    # An operation code mixes letters and digits ("C02-428O10"): a scan prints the letter O and the digit 0
    # alike; the pattern the document's other codes share repairs it (pipeline.ocr.repair_codes), so codes,
    # imputations and amounts must all match exactly.
    return row["code_operation"], row["imputation"], row["ae"], row["depense"]


SCAN_KEYS = {
    "attendance": lambda r: (r["delib_id"], r["status"], r["civility"] or "", name_key(r["name"]),
                             name_key(r["proxy_to"] or "")),
    "votes": lambda r: (r["delib_id"], r["block"], r["pour"], r["contre"], r["abstention"],
                        r["absents_no_delegation"], r["outcome"], r["unanimous"]),
    "budget_lines": _budget_key,
}


@pytest.mark.parametrize("table", list(SCAN_KEYS))
@pytest.mark.slow
@needs_tesseract
def test_scan_matches_the_text_version(table, scan_result, text_result):
    """Attendance, votes and budget lines read by OCR from the scan match the text layer's with F1 >= 0.95.
    The scan holds pages 1-5 of the sample: rows of the text version on later pages are not expected."""
    assert text_result.rows.get("attendance") and text_result.rows.get("votes")  # cannot pass vacuously
    text_rows = [r for r in as_dicts(text_result.rows.get(table, [])) if (r["page"] or 0) <= 5]
    if table == "budget_lines" and not text_rows:
        pytest.skip("the text version has no budget lines")
    key = SCAN_KEYS[table]
    expected = Counter(map(key, text_rows))
    found = Counter(map(key, as_dicts(scan_result.rows.get(table, []))))
    score = f1(expected, found)
    assert score >= 0.95, (table, score, expected - found, found - expected)


@pytest.mark.slow
@needs_tesseract
def test_scan_document_row_says_ocr(scan_result):
    doc = scan_result.document
    assert doc.text_source == "ocr" and doc.status == "ok" and doc.error is None
    assert doc.n_deliberations == 1


@pytest.mark.slow
@needs_tesseract
def test_ocr_lines_are_layout_records_with_confidence(scan_path):
    doc = ingest(scan_path, ocr="auto")
    assert [p.text_source for p in doc.pages] == ["ocr"] * 5 and all(p.ocr for p in doc.pages)
    # the copy was turned by +0.5° on odd pages and -0.4° on even ones: the deskew finds it
    assert doc.pages[0].ocr_angle == pytest.approx(0.5, abs=0.15)
    assert doc.pages[1].ocr_angle == pytest.approx(-0.4, abs=0.15)
    first = doc.pages[0]
    header = next(ln for ln in first.lines if "PAS-DE-CALAIS" in ln.text)
    assert 0 <= header.x0 < header.x1 <= first.width and 0 <= header.top < header.bottom <= first.height
    assert header.conf is not None and 0 <= header.conf <= 100 and header.words
    tops = [ln.top for ln in first.lines]
    assert tops == sorted(tops)  # reading order, top to bottom
    text = "\n".join(p.text for p in doc.pages)
    for printed in ("Étaient présents", "HINGREZ-CÉRÉDA", "7 127 786,75 €", "(N°2024-273)", "Pour : 24 voix"):
        assert printed in text, printed
    # the ruled budget table of page 4 comes back as a Table, cell by cell, as pdfplumber gives it for text
    table = next(t for t in doc.pages[3].tables if t.rows[0][0] == "Code Opération")
    assert table.ruled and table.rows[0][3:] == ("AE €", "Dépense €")
    assert table.rows[1] == ("C02-446A05", "6568/93446", "Indemnisation des organismes référents", "8 395 650,00",
                             "5 867 917,70")
    # an aligned table row keeps its columns as segments
    row = next(ln for ln in doc.pages[3].lines if ln.text.startswith("C02-446A05"))
    assert [s[2] for s in row.segments][-2:] == ["8 395 650,00", "5 867 917,70"]


@pytest.mark.slow
@needs_tesseract
def test_a_misread_code_is_repaired_by_the_pattern_and_named(scan_path, scan_result):
    # Page 4's budget table: Tesseract reads "C02-428O10" as "C02-428010"; the 7 other codes of the table have a
    # letter in 7th place (C02-446A05, C02-428C02...), so the 0 there is an O, and the finding says so.
    doc = ingest(scan_path, ocr="auto")
    assert doc.code_repairs == [(4, "C02-428010", "C02-428O10")]
    assert any(ln.text.startswith("C02-428O10 6568/93428") for ln in doc.pages[3].lines)
    codes = [r.code_operation for r in scan_result.rows["budget_lines"]]
    assert "C02-428O10" in codes and "C02-428010" not in codes
    named = [f for f in scan_result.rows["findings"] if f.rule == "ocr.low_confidence" and "C02-428010" in f.message]
    assert len(named) == 1 and named[0].page == 4 and "repaired to the pattern" in named[0].message


def test_code_repairs_follow_the_shape_most_codes_share():
    from pipeline.normalize.ocr_fix import code_repairs

    seed = ["C02-446A05", "C02-428C02", "C01-444H03", "C01-444H02", "C02-428010", "C02-428B02", "C02-441B02"]
    assert code_repairs(seed) == {"C02-428010": "C02-428O10"}
    # a digit where a letter belongs that Tesseract does not confuse with one (4): left as read
    assert code_repairs(seed[:4] + ["C02-428410"]) == {}
    # too few codes to know their pattern, or no shape most of them share
    assert code_repairs(["C02-446A05", "C02-428010"]) == {}
    assert code_repairs(["C02-446A05", "C02-428C02", "C02-428010", "C02-428011"]) == {}
    # letters read where the pattern has digits: I for 1, O for 0
    assert code_repairs(seed[:4] + ["CO2-44IA05"]) == {"CO2-44IA05": "C02-441A05"}


@pytest.mark.slow
@needs_tesseract
def test_low_confidence_values(scan_path):
    doc = ingest(scan_path, ocr="auto")
    everything = ocr.low_confidence_values(doc, threshold=101)
    raws = {v.raw for v in everything}
    assert {"24", "15", "5", "7 127 786,75 €", "8 395 650,00"} <= raws
    assert all(isinstance(v.page, int) and 0 <= v.confidence <= 100 for v in everything)
    # whatever the threshold, a code the document's pattern repaired is named
    assert [v.raw for v in ocr.low_confidence_values(doc, threshold=0)] == [
        "C02-428O10 (read C02-428010, repaired to the pattern of the other codes of the document)"]
    flagged = ocr.low_confidence_values(doc)
    assert all(v.confidence < ocr.LOW_CONFIDENCE for v in flagged if "repaired" not in v.raw)
    # text-layer documents have nothing read by OCR
    assert ocr.low_confidence_values(ingest(NON_DELIBERATION), threshold=101) == []


# --------------------------------------------------------------------------------------------------
# Cache, modes, stamp-only pages, mixed documents


@pytest.fixture()
def one_page_scan(scan_path, tmp_path) -> Path:
    import pypdfium2 as pdfium

    out = tmp_path / "one-page.pdf"
    src = pdfium.PdfDocument(str(scan_path))
    dst = pdfium.PdfDocument.new()
    dst.import_pages(src, [0])
    dst.save(str(out))
    return out


@pytest.mark.slow
@needs_tesseract
def test_ocr_is_cached_by_page_image(one_page_scan, tmp_path, monkeypatch):
    monkeypatch.setenv("DELIB_CACHE_DIR", str(tmp_path / "cache"))
    assert ocr.cache_dir() == tmp_path / "cache" / "ocr"
    first = ingest(one_page_scan, ocr="auto")
    entries = list((tmp_path / "cache" / "ocr").rglob("*"))
    files = [p for p in entries if p.is_file()]
    assert len(files) == 1 and files[0].suffix == ".json" and not files[0].name.startswith(".tmp")
    json.loads(files[0].read_text(encoding="utf-8"))

    def no_tesseract(*args, **kwargs):
        raise AssertionError("Tesseract ran although the page is in the cache")

    monkeypatch.setattr(ocr, "_run_tesseract", no_tesseract)
    second = ingest(one_page_scan, ocr="auto")
    assert [ln.text for ln in second.pages[0].lines] == [ln.text for ln in first.pages[0].lines]
    # a damaged entry is read again, not trusted
    files[0].write_text("{not json", encoding="utf-8")
    monkeypatch.undo()
    monkeypatch.setenv("DELIB_CACHE_DIR", str(tmp_path / "cache"))
    third = ingest(one_page_scan, ocr="auto")
    assert [ln.text for ln in third.pages[0].lines] == [ln.text for ln in first.pages[0].lines]


def test_cache_dir_defaults(monkeypatch, tmp_path):
    monkeypatch.delenv("DELIB_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert ocr.cache_dir() == tmp_path / "delib" / "ocr"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert ocr.cache_dir() == Path.home() / ".cache" / "delib" / "ocr"


def _stamped_scan(scan_path: Path, out: Path) -> Path:
    """Page 1 of the scan with a prefecture's transmission stamp added as a text layer (what @ctes platforms
    print over a scanned act)."""
    import pypdfium2 as pdfium
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    page = pdfium.PdfDocument(str(scan_path))[0]
    width, height = page.get_size()
    image = page.render(scale=200 / 72, grayscale=True).to_pil()
    c = canvas.Canvas(str(out), pagesize=(width, height), invariant=1)
    c.drawImage(ImageReader(image), 0, 0, width, height)
    c.setFont("Helvetica", 7)
    for k, text in enumerate(("Envoyé en préfecture le 18/06/2024", "Reçu en préfecture le 18/06/2024",
                              "Publié le 18/06/2024", "ID : 062-226200012-20240617-2024_273-DE")):
        c.drawString(width - 190, height - 20 - 9 * k, text)
    c.showPage()
    c.save()
    return out


@pytest.mark.slow
@needs_tesseract
def test_stamp_only_text_layer_is_ocrd(scan_path, tmp_path):
    stamped = _stamped_scan(scan_path, tmp_path / "stamped.pdf")
    plain = ingest(stamped, ocr="never")
    assert plain.pages[0].text_source == "none" and plain.pages[0].lines == []
    assert [ln.text for ln in plain.pages[0].stamp][0] == "Envoyé en préfecture le 18/06/2024"
    read = ingest(stamped, ocr="auto")
    assert read.pages[0].text_source == "ocr" and read.text_source == "ocr"
    assert "Étaient présents" in read.pages[0].text
    # the stamp is rendered off the page before OCR: it stays apart, not read again into the content
    assert "préfecture" not in read.pages[0].text and len(read.pages[0].stamp) == 4


def test_a_text_page_with_a_stamp_is_not_stamp_only():
    doc = ingest(SAMPLE_A)
    page = doc.pages[0]  # as if its text layer lay over a scan of the whole page
    assert not is_overlay(page.lines, page.n_chars, page.width * page.height)


@pytest.mark.slow
@needs_tesseract
def test_text_and_scanned_pages_make_a_mixed_document(scan_path, tmp_path):
    import pypdfium2 as pdfium

    out = tmp_path / "mixed.pdf"
    dst = pdfium.PdfDocument.new()
    dst.import_pages(pdfium.PdfDocument(str(SAMPLE_A)), [0])
    dst.import_pages(pdfium.PdfDocument(str(scan_path)), [1])
    dst.save(str(out))
    doc = ingest(out, ocr="auto")
    assert [p.text_source for p in doc.pages] == ["text", "ocr"] and doc.text_source == "mixed"
    assert process_file(out).document.status == "ok"
    unread = process_file(out, Options(ocr="never")).document
    assert unread.text_source == "mixed" and unread.status == "partial" and "Pages 2 " in unread.error


@pytest.mark.slow
@needs_tesseract
def test_ocr_always_reads_text_pages_too():
    doc = ingest(NON_DELIBERATION, ocr="always")
    assert doc.pages[0].text_source == "ocr" and doc.text_source == "ocr"
    text_layer = ingest(NON_DELIBERATION).pages[0].text.split()
    read = set(doc.pages[0].text.split())
    assert sum(w in read for w in text_layer) >= 0.9 * len(text_layer)


def test_ocr_never_is_the_text_layer_only(scan_path):
    assert ingest(scan_path).text_source == "none"  # ingest's default: no OCR
    with pytest.raises(ValueError):
        ingest(scan_path, ocr="sometimes")


def test_missing_tesseract_leaves_pages_unread_and_says_why(scan_path, monkeypatch):
    def unavailable():
        raise ocr.OcrUnavailable("Tesseract is not installed, so scanned pages cannot be OCR'd.")

    monkeypatch.setattr(ocr, "check_available", unavailable)
    doc = ingest(scan_path, ocr="auto")
    assert doc.text_source == "none" and doc.ocr_error and doc.unread_pages == [1, 2, 3, 4, 5]
    row = process_file(scan_path).document
    assert row.status == "partial" and "Tesseract is not installed" in row.error


@needs_tesseract
def test_a_page_tesseract_fails_on_stays_unread(one_page_scan, tmp_path, monkeypatch):
    monkeypatch.setenv("DELIB_CACHE_DIR", str(tmp_path / "cache"))

    def crash(*args, **kwargs):
        raise RuntimeError("Tesseract process timeout")

    monkeypatch.setattr(ocr, "_run_tesseract", crash)
    doc = ingest(one_page_scan, ocr="auto")
    assert doc.pages[0].text_source == "none" and not doc.pages[0].ocr
    assert doc.ocr_error == "OCR failed on page 1."
    row = process_file(one_page_scan).document
    assert row.status == "partial" and "OCR failed on page 1." in row.error
    assert not list((tmp_path / "cache").rglob("*.json"))  # nothing cached for a failed page


# --------------------------------------------------------------------------------------------------
# Documents.csv text_source from page sources


def _doc(*sources: str, ocr_ran: tuple[bool, ...] = ()) -> IngestedDocument:
    pages = [Page(number=k + 1, width=595, height=842, text_source=s, n_chars=0, n_images=1,
                  ocr=(ocr_ran[k] if ocr_ran else s == "ocr")) for k, s in enumerate(sources)]
    return IngestedDocument(path="x.pdf", sha256="0" * 64, doc_id="0" * 16, pages=pages)


@pytest.mark.parametrize("sources,ocr_ran,expected", [
    (("text", "text"), (), "text"),
    (("text", "both"), (), "text"),
    (("ocr", "ocr"), (), "ocr"),
    (("ocr", "none"), (True, True), "ocr"),  # a blank page of a scan, OCR'd to nothing
    (("ocr", "none"), (True, False), "mixed"),  # a page left unread
    (("text", "ocr"), (), "mixed"),
    (("text", "none"), (False, False), "mixed"),
    (("text", "none"), (False, True), "text"),
    (("none", "none"), (), "none"),
])
def test_document_text_source(sources, ocr_ran, expected):
    assert _doc(*sources, ocr_ran=ocr_ran).text_source == expected


# --------------------------------------------------------------------------------------------------
# Words -> lines, deskew, ruled tables (synthetic, no Tesseract)


def W(x0, top, x1, text, block, line, conf=95.0, bottom=None):
    return ocr.OcrWord(x0, top, x1, bottom if bottom is not None else top + 36, text, conf, block, line)


def test_words_to_lines_in_reading_order_with_segments():
    page = ocr.OcrPage(width=2480, height=3508, angle=0.0, words=(
        # a rapporteur's name in the margin, on two lines of one block (Montpellier CR 2011)
        W(140, 100, 310, "Michaël", 1, 1001), W(140, 160, 440, "DELAFOSSE", 1, 1002),
        # the item number, alone in its block, and the item's text
        W(530, 100, 575, "23", 2, 1001),
        W(630, 100, 780, "Culture", 3, 1001), W(795, 106, 830, "et", 3, 1001),
        W(630, 160, 720, "Pour", 3, 1002), W(735, 170, 742, ":", 3, 1002), W(757, 160, 804, "5O", 3, 1002),
        W(900, 175, 905, ".", 3, 1002, conf=12.0),  # a speck
        # a table row: cells in blocks of their own, one line each
        W(140, 400, 420, "C02-446A05", 4, 1001), W(560, 400, 800, "6568/93446", 5, 1001),
        W(1900, 400, 1990, "8", 6, 1001), W(2010, 400, 2090, "395", 6, 1001), W(2110, 400, 2270, "65O,OO", 6, 1001),
    ))
    lines = ocr.words_to_lines(page, page_number=3, scale=72 / 300)
    assert [ln.text for ln in lines] == ["Michaël", "23 Culture et", "DELAFOSSE", "Pour : 50",
                                         "C02-446A05 6568/93446 8 395 650,00"]
    assert [s[2] for s in lines[1].segments] == ["23", "Culture et"]
    assert [s[2] for s in lines[4].segments] == ["C02-446A05", "6568/93446", "8 395 650,00"]
    pour = lines[3]
    assert pour.page == 3 and pour.x0 == pytest.approx(630 * 0.24) and pour.top == pytest.approx(160 * 0.24)
    assert [w[2] for w in pour.words] == ["Pour", ":", "5O"]  # the words as read, before the repair
    assert pour.conf == pytest.approx(95.0)
    assert ocr.line_values(pour) == [("50", 95.0)]


def test_line_values_take_the_lowest_word_confidence():
    line = Line(page=1, text="montant total de 7 127 786,75 € soit", x0=0, top=0, x1=100, bottom=10,
                conf=80.0, words=((0, 5, "montant", 96.0), (6, 10, "total", 96.0), (11, 15, "de", 96.0),
                                  (16, 18, "7", 91.0), (19, 24, "l27", 41.0), (25, 30, "786,", 88.0),
                                  (31, 34, "75", 90.0), (35, 37, "€", 85.0), (38, 42, "soit", 96.0)))
    # "l27" and "786, 75" were repaired in the text; the value keeps the confidence of its worst word
    assert ocr.line_values(line) == [("7 127 786,75 €", 41.0)]
    doc = IngestedDocument(path="x", sha256="0" * 64, doc_id="0" * 16,
                           pages=[Page(1, 595, 842, "ocr", 0, 1, lines=[line], ocr=True)])
    assert ocr.low_confidence_values(doc, 50) == [ocr.LowConfidence(1, "7 127 786,75 €", 41.0)]
    assert ocr.low_confidence_values(doc, 40) == []


def test_a_misread_digit_group_before_an_amount_lowers_its_confidence():
    # "687 145,98 €" read as "dé 145,98 €" (scanned sample, page 3): the amount found is 145,98 but the word
    # before it is unsure and short: the value is flagged with that word's confidence
    line = Line(page=3, text="total de dé 145,98 € ainsi", x0=0, top=0, x1=100, bottom=12, conf=80.0,
                words=((0, 5, "total", 96.0), (6, 9, "de", 96.0), (10, 13, "dé", 3.0), (15, 22, "145,98", 96.0),
                       (23, 25, "€", 90.0), (26, 31, "ainsi", 96.0)))
    assert ocr.line_values(line) == [("145,98 €", 3.0)]


def test_table_cells_are_repaired():
    page = ocr.OcrPage(width=2480, height=3508, angle=0.0, words=(), tables=(ocr.OcrTable(
        bbox=(300, 1000, 2200, 1300),
        rows=(("Code Opération", "AE €"), ("C02-428O10", "687 145,98."), ("12.", "1O 000,00"),
              (None, "_45 000,00"))),))
    [table] = ocr.words_to_tables(page, page_number=4, scale=72 / 300)
    assert table.page == 4 and table.ruled and table.bbox == (72.0, 240.0, 528.0, 312.0)
    assert table.rows == (("Code Opération", "AE €"), ("C02-428O10", "687 145,98"), ("12.", "10 000,00"),
                          (None, "45 000,00"))


def _text_image(angle: float) -> Image.Image:
    image = Image.new("L", (1600, 1200), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default()
    for k in range(30):
        draw.text((100, 80 + 35 * k), "Le Conseil municipal, après en avoir délibéré, décide " * 2, fill=0,
                  font=font)
    return image.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)


@pytest.mark.parametrize("angle", [0.0, 0.5, -1.2, 3.0])
def test_estimate_skew(angle):
    assert ocr.estimate_skew(_text_image(angle)) == pytest.approx(angle, abs=0.15)


def test_deskew_blank_page():
    blank = Image.new("L", (800, 1100), 255)
    assert ocr.deskew(blank) == (blank, 0.0)


def test_ruled_table_grid_is_found_and_its_rules_erased():
    image = Image.new("L", (2480, 3508), 255)
    draw = ImageDraw.Draw(image)
    xs, ys = [300, 800, 1500, 2200], [1000, 1100, 1200, 1300]
    for y in ys:
        draw.line([(xs[0], y), (xs[-1], y)], fill=0, width=4)
    for x in xs:
        draw.line([(x, ys[0]), (x, ys[-1])], fill=0, width=4)
    draw.line([(300, 600), (900, 600)], fill=0, width=3)  # an underline: a rule, not a table
    draw.rectangle([100, 2000, 700, 2600], fill=0)  # a logo: too thick to be a rule
    pixels = np.asarray(image)
    horizontal, vertical, erase = ocr.find_rules(pixels)
    grids = ocr.find_grids(horizontal, vertical)
    assert len(grids) == 1
    found_xs, found_ys = grids[0]
    assert len(found_xs) == 4 and len(found_ys) == 4
    assert all(abs(a - b) <= 6 for a, b in zip(found_xs, xs)) and all(abs(a - b) <= 6 for a, b in zip(found_ys, ys))
    cleaned = np.asarray(ocr.remove_rules(image))
    assert cleaned[1000, 1000] == 255 and cleaned[1100, 800] == 255 and cleaned[600, 500] == 255
    assert cleaned[2300, 400] == 0  # the logo stays


def _corpus_page_pixels(name: str, number: int) -> np.ndarray:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(CORPUS / name))
    try:
        image = pdf[number - 1].render(scale=ocr.DPI / 72, grayscale=True).to_pil().convert("L")
    finally:
        pdf.close()
    return np.asarray(ocr.deskew(image)[0])


@needs_corpus
@pytest.mark.parametrize("number, grids", [(1, []), (10, [5])])
def test_a_logos_frame_is_no_table_and_a_scanned_table_is(number, grids):
    """Flaux's PV of 17/11/2023 (a scan): the commune's logo, top left of every page, is framed by strokes a hairline
    table's rules may be as thick as once scanned (1/160 of the page), but it is 14 mm wide: no table; page 10's
    budget table is one, its 5 column edges found."""
    pixels = _corpus_page_pixels("flaux/PV DU 17 NOVEMBRE-tampon.pdf", number)
    horizontal, vertical, _ = ocr.find_rules(pixels)
    assert [len(xs) for xs, _ in ocr.find_grids(horizontal, vertical)] == grids


@needs_corpus
@needs_tesseract
def test_what_ocr_reads_between_two_lines_of_text_is_no_row_of_counts():
    """Flaux's PV of 17/11/2023, page 3 (a scan, under a stamp's text layer): between two lines of text Tesseract
    reads the letters' ascenders and descenders as ", / \\ 1 JA 1/4 9", which ``doubtful_counts`` takes for a row
    of counts. One count only is read surely in it: no piece of it is named as a count left unread (five were)."""
    import pypdfium2 as pdfium

    from pipeline.ingest import render_page

    pdf = pdfium.PdfDocument(str(CORPUS / "flaux/PV DU 17 NOVEMBRE-tampon.pdf"))
    try:
        image, dpi = render_page(pdf[2], ocr.DPI, without_text=True)
    finally:
        pdf.close()
    page = ocr.read_image(image, use_cache=False)
    assert ", / \\ 1 JA 1/4 9" in [line.text for line in ocr.words_to_lines(page, 3, 72.0 / dpi)]
    assert page.unread == ()


def _corpus_page(relative: str, number: int) -> tuple[Image.Image, float]:
    import pypdfium2 as pdfium

    from pipeline.ingest import render_page

    pdf = pdfium.PdfDocument(str(CORPUS / relative))
    try:
        return render_page(pdf[number - 1], ocr.DPI, without_text=True)
    finally:
        pdf.close()


@needs_corpus
def test_shaded_headings_are_bands_and_a_blurred_scan_has_none():
    """Aiglun's compte rendu of 10/04/2015, page 2: two headings printed on a grey band ("3. FINANCES – Budget de
    l'eau …", "4. FINANCES – …" over three lines) are the page's shaded bands, and come out black on white. A page
    of Montpellier's 150 dpi scan of 20/06/2011, whose blurred lines of text are mostly grey, has none."""
    image, _ = _corpus_page("aiglun/CR du CM du 10.04.15.pdf", 2)
    pixels = np.asarray(image.convert("L"))
    assert ocr.shaded_bands(pixels) == [(908, 1024), (1502, 1677)]
    flat = ocr.flatten_shading(pixels)
    band = flat[908:1024]
    assert set(np.unique(band).tolist()) == {0, 255} and (band == 255).mean() > 0.8  # text black on a white ground
    assert (flat[:908] == pixels[:908]).all()  # the rest of the page as it was
    image, _ = _corpus_page("montpellier/CR_CM_20_06_2011.pdf", 1)
    assert ocr.shaded_bands(np.asarray(image.convert("L"))) == []


@needs_corpus
@needs_tesseract
def test_a_heading_on_a_grey_band_is_read():
    """The same page: Tesseract's own thresholding turned the bands black and read "3. paie Se Uen 20147" and
    nothing of the second; flattened (before the rules are looked for: the band read as a stack of rules, whose
    erasing cut into its letters), both headings are read."""
    image, dpi = _corpus_page("aiglun/CR du CM du 10.04.15.pdf", 2)
    page = ocr.read_image(image, use_cache=False)
    texts = [line.text for line in ocr.words_to_lines(page, 2, 72.0 / dpi)]
    assert "3. FINANCES Budget de l'eau et de l'assainissement - Compte de gestion" in texts
    assert "Provisions pour risques et contentieux SODEO" in texts  # the third line of the second band


# --------------------------------------------------------------------------------------------------
# The CLI option


def _run(*args, env=None):
    return subprocess.run([delib_executable(), *args], capture_output=True, text=True, timeout=600, env=env)


def test_cli_ocr_option_is_checked():
    proc = _run("extract", str(SAMPLE_A), "--out", "/tmp/never-written", "--ocr", "sometimes")
    assert proc.returncode == 2 and "--ocr" in proc.stderr
    for command in ("extract", "inspect"):
        assert "--ocr {never,auto,always}" in _run(command, "--help").stdout


def test_cli_without_tesseract(tmp_path):
    env = dict(os.environ, PATH=str(tmp_path))  # no tesseract on the PATH
    proc = _run("extract", str(NON_DELIBERATION), "--out", str(tmp_path / "out"), "--ocr", "always", "--quiet",
                env=env)
    assert proc.returncode == 2 and "Tesseract is not installed" in proc.stderr
    proc = _run("extract", str(NON_DELIBERATION), "--out", str(tmp_path / "out"), "--quiet", env=env)
    assert proc.returncode == 0 and "warning: Tesseract is not installed" in proc.stderr
    proc = _run("extract", str(NON_DELIBERATION), "--out", str(tmp_path / "out2"), "--ocr", "never", "--quiet",
                env=env)
    assert proc.returncode == 0 and "Tesseract" not in proc.stderr


@pytest.mark.slow
@needs_tesseract
def test_cli_extract_writes_ocr_in_documents_csv(scan_path, tmp_path):
    import pandas as pd

    proc = _run("extract", str(scan_path), "--out", str(tmp_path), "--quiet", "--jobs", "1")
    assert proc.returncode == 0, proc.stderr
    docs = pd.read_csv(tmp_path / "documents.csv", dtype=str)
    assert list(docs["text_source"]) == ["ocr"] and list(docs["status"]) == ["ok"]


# --------------------------------------------------------------------------------------------------
# The corpus scans, against values written by hand from the page images

CORPUS_SCANS = {
    # file: (expected file, minimum F1 of attendance, of votes). Measured when written (Tesseract 5.3.0):
    # Montpellier attendance 1.00, votes 0.96 (Tesseract drops a few one-digit item numbers of the margin, so a
    # few items run together); Putanges attendance 0.95 (an OCR slip in a name, "Syivain"; the proxy given
    # without "donne pouvoir" is not taken), votes 0.96. The margins absorb OCR slips in names.
    "montpellier/CR_CM_28_03_2011.pdf": ("ocr__CR_CM_28_03_2011.json", 0.95, 0.9),
    "putanges/pv-du-25-mars-2024.pdf": ("ocr__pv-du-25-mars-2024.json", 0.85, 0.8),
}


def _attendance_key(row: dict) -> tuple:
    return row["status"], row.get("civility") or "", name_key(row["name"]), name_key(row.get("proxy_to") or "")


def _vote_key(row: dict) -> tuple:
    return row.get("pour"), row.get("contre"), row.get("abstention"), row.get("outcome"), bool(row.get("unanimous"))


@pytest.fixture(scope="module")
def corpus_results():
    cache: dict[str, object] = {}

    def get(name: str):
        if name not in cache:
            cache[name] = process_file(CORPUS / name, Options(ocr="auto"))
        return cache[name]

    return get


@needs_corpus
@pytest.mark.corpus
@pytest.mark.slow
@needs_tesseract
@pytest.mark.parametrize("name", list(CORPUS_SCANS))
def test_corpus_scan_against_hand_written_values(name, corpus_results):
    expected_file, min_attendance, min_votes = CORPUS_SCANS[name]
    expected = json.loads((EXPECTED / expected_file).read_text(encoding="utf-8"))
    result = corpus_results(name)
    assert result.document.text_source == "ocr" and result.document.status == "ok"
    rows = {table: as_dicts(result.rows.get(table, [])) for table in ("deliberations", "attendance", "votes")}
    dates = {r["session_date"].isoformat() for r in rows["deliberations"] if r["session_date"]}
    assert dates == {expected["session_date"]}
    attendance = f1(Counter(map(_attendance_key, expected["attendance"])),
                    Counter(map(_attendance_key, rows["attendance"])))
    votes = f1(Counter(map(_vote_key, expected["votes"])), Counter(map(_vote_key, rows["votes"])))
    assert attendance >= min_attendance, attendance
    assert votes >= min_votes, votes


@needs_corpus
@pytest.mark.corpus
@pytest.mark.slow
@needs_tesseract
def test_corpus_scan_ocr_text_holds_every_heading_and_vote(corpus_results):
    """What OCR alone is answerable for on the Putanges PV, whatever the later stages make of it: the numbered
    headings (20240325 1 to 20; when written, one came back as "20249325 3") and every unanimity formula (23
    decisions) are in the OCR text."""
    doc = ingest(CORPUS / "putanges/pv-du-25-mars-2024.pdf", ocr="auto")
    text = "\n".join(p.text for p in doc.pages)
    headings = [n for n in range(1, 21) if f"20240325 {n} " in text]
    assert len(headings) >= 18, headings
    assert sum(1 for line in doc.lines if "nanimit" in line.text) >= 23
    assert "Absents : MM Héloise LONGUET" in text  # the underline's tail is not read as a period
    assert "Absents ayant donné procuration" in text  # nor does erasing the underline cut the "y"


def _pieces(*read: tuple[str, float]) -> list[list[ocr.OcrWord]]:
    return [[ocr.OcrWord(100 * k, 0, 100 * k + 40, 40, text, conf, 1, 1001)] for k, (text, conf) in enumerate(read)]


@pytest.mark.parametrize("read, doubtful", [
    # rows of counts below "Votants Pour Contre Abstention" as Tesseract read them on held-out scans
    ((("15", 96), ("ÉTRR", 0), ("2", 96), ("1", 96)), [1]),  # "12" read with the dust around it
    ((("tr", 60), ("16", 96), ("0", 89), ("1", 95)), [0]),  # "17" as letters, sure of them
    ((("15", 96), ("14", 96), ("0", 49), ("1", 96)), [2]),  # a count OCR doubts
    ((("10", 96), ("F4", 56), ("2", 96), ("QUE", 20)), [1, 3]),  # two cells of one row
    ((("15", 96), ("14", 96), ("0", 92), ("1", 96)), []),  # every count sure
    ((("9", 96), ("ous", 10)), []),  # two pieces: no row of counts
    ((("Votants", 96), ("Pour", 96), ("Contre", 96), ("1", 96)), []),  # a header
    ((("65", 96), ("6574", 80), ("12", 96)), []),  # a four-digit code beside counts is no count to read again
])
def test_doubtful_counts_of_a_row(read, doubtful):
    assert ocr.doubtful_counts(_pieces(*read)) == doubtful


def test_a_count_only_a_second_reading_found_is_doubted():
    assert ocr.doubtful_counts(_pieces(("9", 96), ("7", 96), ("2", 97)), second={1}) == [1]


def _printed_row(texts: list[str], xs: list[int]) -> tuple[Image.Image, list[tuple[int, int, int, int]]]:
    """A row of counts printed on white (Vera, reportlab's font, 40 px) at ``xs``, and each count's ink box."""
    import reportlab

    font = ImageFont.truetype(str(Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"), 40)
    image = Image.new("L", (1600, 200), 255)
    draw = ImageDraw.Draw(image)
    for x, text in zip(xs, texts):
        draw.text((x, 60), text, font=font, fill=0)
    return image, [draw.textbbox((x, 60), text, font=font) for x, text in zip(xs, texts)]


@needs_tesseract
def test_a_count_ocr_read_as_noise_alone_in_its_column_is_read_again():
    """A held-out sitting's scanned row of counts "10   7   2   1": Tesseract read the lone "1" as ":" (52 %), noise
    that OCR drops from its lines, and the tally was lost. Alone in its column, the noise is a piece of the row
    (``ocr._lone_noise``), doubtful, and read again in digits only: "1"."""
    image, boxes = _printed_row(["10", "7", "2", "1"], [350, 720, 1010, 1345])
    read = [ocr.OcrWord(*box[:2], *box[2:], text, conf, 6, 1001)
            for box, (text, conf) in zip(boxes, [("10", 96.0), ("7", 96.0), ("2", 96.0), (":", 52.0)])]
    words, unread = ocr.reread_count_rows(image, read)
    assert [w.text for w in words] == ["10", "7", "2", "1"] and unread == []


def test_noise_beside_a_count_or_a_speck_is_no_piece_of_a_row():
    row = [[ocr.OcrWord(350, 65, 390, 95, "10", 96.0, 6, 1001)], [ocr.OcrWord(720, 65, 741, 95, "7", 96.0, 6, 1001)]]
    alone = ocr.OcrWord(1346, 60, 1356, 100, ":", 52.0, 6, 1001)
    beside = ocr.OcrWord(745, 70, 755, 95, ":", 40.0, 6, 1001)  # the stop after "7"
    speck = ocr.OcrWord(1000, 80, 1003, 84, ".", 30.0, 6, 1001)  # narrower than COUNT_SPECK of the row
    above = ocr.OcrWord(1200, 0, 1210, 30, ":", 30.0, 6, 1000)  # on the line above
    assert ocr._lone_noise([alone, beside, speck, above], row, 65, 95, 30) == [[alone]]
