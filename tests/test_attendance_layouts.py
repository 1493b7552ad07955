"""The corpus's ground truth set out in the layouts minutes print attendance in (``bench/layouts.py``: a ruled
table of marks, two columns without rules, a counts box in the margin, a name a line, a "Présence" column in words
or in codes, each heading in a cell left of its names, ruled or not, a roll call): every layout of every sitting reads
back the gold's members with their status and proxy holder; and each decision's tally in the vote layouts. Read in
place from ../shared/corpus (skipped without it)."""

from __future__ import annotations

import importlib.util
import json

import pytest

from pipeline.normalize.names import name_key
from pipeline.process import Options, process_file
from conftest import CORPUS, REPO, needs_corpus, needs_tesseract

spec = importlib.util.spec_from_file_location("bench_layouts", REPO / "bench" / "layouts.py")
layouts = importlib.util.module_from_spec(spec)
spec.loader.exec_module(layouts)


def _gold_rows(gold: dict) -> set[tuple[str, str, str]]:
    attendance = gold["attendance"]
    proxy = {p["from"]: p.get("to") for p in attendance.get("proxies", [])}
    return {(status, name_key(name), name_key(proxy.get(name) or "")) for status in ("present", "excused", "absent")
            for name in attendance[status]}


@needs_corpus
@pytest.mark.parametrize("layout", sorted(layouts.LAYOUTS))
def test_every_layout_of_the_corpus_sittings_reads_back_their_attendance(layout, tmp_path):
    made = layouts.write_layouts(layouts.gold_files([str(CORPUS)]), tmp_path)
    assert len(made) == 12
    for names in made.values():
        (name,) = [n for n in names if n.endswith(f"--{layout}.pdf")]
        gold = json.loads((tmp_path / f"{name}.gold.json").read_text(encoding="utf-8"))
        result = process_file(tmp_path / name, Options(ocr="never"))
        read = {(a.status, a.name_key, name_key(a.proxy_to or "")) for a in result.rows["attendance"]}
        assert read == _gold_rows(gold), name


@needs_corpus
@pytest.mark.parametrize("layout", sorted(layouts.VOTE_LAYOUTS))
def test_every_vote_layout_reads_back_each_decisions_tally(layout, tmp_path):
    made = layouts.write_layouts(layouts.gold_files([str(CORPUS)]), tmp_path, votes=True)
    for names in made.values():
        (name,) = [n for n in names if n.endswith(f"--{layout}.pdf")]
        gold = json.loads((tmp_path / f"{name}.gold.json").read_text(encoding="utf-8"))
        result = process_file(tmp_path / name, Options(ocr="never"))
        assert [(v.pour, v.contre, v.abstention) for v in result.rows["votes"]] == [
            (d["pour"], d["contre"], d["abstention"]) for d in gold["deliberations"]], name


def _scanned(gold_file: str, layout: str, tmp_path, votes: bool = False) -> tuple[dict, object]:
    """One corpus sitting's gold set out in one layout, scanned at 200 dpi (``samples/make_scan.py``, as
    ``bench/layouts.py --scan`` does) and read by OCR: (the layout's gold, the result)."""
    import sys

    sys.path.insert(0, str(REPO / "samples"))
    from make_scan import scan_pdf

    path = CORPUS / gold_file
    made = layouts.write_layouts([path], tmp_path, votes=votes)
    (name,) = [n for n in made[layouts._stem(path)] if n.endswith(f"--{layout}.pdf")]
    scan_pdf(tmp_path / name, tmp_path / f"scan-{name}", pages=None, dpi=200, angle=0.4)
    gold = json.loads((tmp_path / f"{name}.gold.json").read_text(encoding="utf-8"))
    return gold, process_file(tmp_path / f"scan-{name}", Options(ocr="auto"))


def _read_rows(result) -> set[tuple[str, str, str]]:
    return {(a.status, a.name_key, name_key(a.proxy_to or "")) for a in result.rows["attendance"]}


@needs_corpus
@pytest.mark.slow
@needs_tesseract
@pytest.mark.parametrize("layout, read_back", [("table", 12), ("codes", 13)])
def test_a_scanned_presence_table_reads_its_marks(layout, read_back, tmp_path):
    """Aiglun's sitting of 19/12/2013 (13 members) as a ruled table of "X" marks, and as a "Présence (P, A, E)"
    column of codes, scanned at 200 dpi (``samples/make_scan.py``) and read by OCR. Reading each column as lines
    dropped every lone mark (no member was read); the columns with inked cells left empty are read again as one
    block (``pipeline.ocr.read_grid``). Every member read has the gold's status; OCR misses one "X" of the table."""
    gold, result = _scanned("aiglun/CR CM 19122013.pdf.gold.json", layout, tmp_path)
    gold, read = _gold_rows(gold), _read_rows(result)
    assert read <= gold and len(read) == read_back and len(gold) == 13
    # the member OCR could not read the mark of is a value to check on the page
    unread = [f.quote for f in result.rows["findings"] if f.rule == "ocr.low_confidence" and f.status == "fail"]
    assert unread == (["Myriam TRAVERSA | ? (a cell with ink OCR could not read)"] if layout == "table" else [])


@needs_corpus
@pytest.mark.slow
@needs_tesseract
def test_a_scanned_vote_table_reads_no_wrong_count(tmp_path):
    """Aiglun's 8 decisions, each with a ruled table "Votants | Pour | Contre | Abstention", scanned. Reading the
    columns as lines drops most lone digits; read again as a block, the 6th decision's "7" came back "4" (36 %).
    Doubtful counts, and those only the second reading found, are read a third time in digits only, each cell made
    black on white and its dust removed (``pipeline.ocr._read_digits``): where that reading is unsure or says
    another number, the cell is left empty. So the 6th decision has no tally, and none has a wrong one."""
    gold, result = _scanned("aiglun/CR CM 19122013.pdf.gold.json", "vote-table", tmp_path, votes=True)
    printed = [(d["pour"], d["contre"], d["abstention"]) for d in gold["deliberations"]]
    assert [(v.pour, v.contre, v.abstention) for v in result.rows["votes"]] == printed[:5] + printed[6:]
    assert printed[5] == (7, 2, 0)
    # the cell left unread is a value to check on the page
    assert [f.quote for f in result.rows["findings"] if f.rule == "ocr.low_confidence" and f.status == "fail"] \
        == ["4 (a count in a table, left unread; read again: 7)"]


@needs_corpus
@pytest.mark.slow
@needs_tesseract
@pytest.mark.parametrize("gold_file", ["larbresle/compte-rendu-cm-2013-07-09.pdf.gold.json",
                                       "aiglun/CR CM 19122013.pdf.gold.json"])
def test_scanned_rows_of_counts_without_rules_read_every_tally(gold_file, tmp_path):
    """8 decisions, each with "Votants Pour Contre Abstention" above a row of counts, no rules, scanned. In
    L'Arbresle's, OCR read two of those lone counts as letters or dust and lost two tallies: the rows of counts are
    now read again where a count is doubtful (``pipeline.ocr.reread_count_rows``). In Aiglun's, dust between two
    labels read as "Se" at 0 % ("Votants Se Pour Contre Abstention") hid a tally's labels: a piece of three
    characters at most read under 30 % is no label (``segment._misread_piece``). Every tally is read, exactly."""
    gold, result = _scanned(gold_file, "vote-rows", tmp_path, votes=True)
    printed = [(d["pour"], d["contre"], d["abstention"]) for d in gold["deliberations"]]
    assert len(printed) == 8
    assert [(v.pour, v.contre, v.abstention) for v in result.rows["votes"]] == printed


def _rows_with_a_crossed_out_count(crossed: int):
    """The "vote-rows" layout, with the "Pour" count of decision ``crossed`` (1-based) struck through by hand: a
    zigzag drawn over it."""
    drawn = []

    def vote(page, pour: int, contre: int, abstention: int) -> None:
        drawn.append(pour)
        layouts._vote_table(page, pour, contre, abstention, False)
        if len(drawn) == crossed:
            x, y = 170 + 1, page.y + 10 + 15 - 1  # the "Pour" column; the counts' baseline (see _vote_table)
            path = page.canvas.beginPath()
            path.moveTo(x, y + 1)
            for k in range(6):
                path.lineTo(x + 2 + 2.5 * k, y + (8 if k % 2 == 0 else 0))
            page.canvas.drawPath(path, stroke=1, fill=0)

    return vote


@needs_corpus
@pytest.mark.slow
@needs_tesseract
def test_a_count_crossed_out_in_a_row_of_counts_is_named_not_read(tmp_path, monkeypatch):
    """L'Arbresle's 8 decisions as rows of counts, scanned, the third decision's "Pour" count (25) struck through by
    hand. OCR reads it "DU", and read again in digits only it gives nothing: that tally is not read, no count is
    made up, and ``ocr.low_confidence`` names the count left unread (``ocr.reread_count_rows``), as it names a
    table's."""
    monkeypatch.setitem(layouts.VOTE_LAYOUTS, "vote-rows", _rows_with_a_crossed_out_count(3))
    gold, result = _scanned("larbresle/compte-rendu-cm-2013-07-09.pdf.gold.json", "vote-rows", tmp_path, votes=True)
    printed = [(d["pour"], d["contre"], d["abstention"]) for d in gold["deliberations"]]
    assert printed[2] == (25, 2, 1)
    assert [(v.pour, v.contre, v.abstention) for v in result.rows["votes"]] == printed[:2] + printed[3:]
    assert [f.quote for f in result.rows["findings"] if f.rule == "ocr.low_confidence" and f.status == "fail"] \
        == ["DU (a count in a row of counts, left unread; read again: nothing)"]


@needs_corpus
@pytest.mark.slow
@needs_tesseract
def test_a_scanned_roster_in_two_columns_reads_a_member_a_name(tmp_path):
    """Montpellier's sitting of 05/04/2014 (65 members) with its lists in two columns without commas, scanned:
    Tesseract reads each column as a block, so a row's two names came back as two lines, and the list as one run of
    names without separators (0.19 F1). Names side by side on one row are one line again, as a text layer gives them
    (``ocr._row_lines``), and a dot of dust read as a stop before a name (". Caroline NAVARRE") is a speck
    (``ocr._without_leading_speck``): all 65 read."""
    gold, result = _scanned("montpellier/2014-04-05-0000070899.pdf.gold.json", "cols", tmp_path)
    gold, read = _gold_rows(gold), _read_rows(result)
    assert len(gold) == 65 and read == gold


@needs_corpus
@pytest.mark.slow
@needs_tesseract
def test_a_member_ocr_cannot_read_the_mark_of_is_named(tmp_path):
    """Montpellier's sitting of 05/04/2014 (65 members) as a ruled table of marks over two pages, scanned. OCR reads
    some marks as other letters or not at all ("Ki", "FRE", nothing): every member it reads has the gold's status,
    and every member it does not read is named by ``ocr.low_confidence`` (a cell with ink it could not read, or a
    cell it read only at a second attempt and doubts), so none is lost silently."""
    gold, result = _scanned("montpellier/2014-04-05-0000070899.pdf.gold.json", "table", tmp_path)
    gold, read = _gold_rows(gold), _read_rows(result)
    named = {name_key(f.quote.split(" | ")[0].rstrip(" .")) for f in result.rows["findings"]
             if f.rule == "ocr.low_confidence" and f.status == "fail"}
    assert read <= gold and len(read) == 60
    assert {key for _, key, _ in gold - read} <= named
