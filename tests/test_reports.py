"""Reports for people: per-file Markdown, HTML and JSON, the run summary, and `delib validate`."""

from __future__ import annotations

import json
import re
import subprocess

import pytest

from conftest import NON_DELIBERATION, SAMPLE_A, SAMPLES, delib_executable
from pipeline.export.reports import report_stem, write_reports
from pipeline.process import process_file


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    out = tmp_path_factory.mktemp("reports")
    results = [process_file(SAMPLE_A), process_file(NON_DELIBERATION)]
    write_reports(results, out)
    return out, results


def test_markdown_report_lists_failed_rules_first_with_their_page(reports):
    out, results = reports
    text = (out / "reports" / f"{report_stem(results[0])}.md").read_text(encoding="utf-8")
    document = text.index("## Ce que le document dit contre lui-même")
    assert document < text.index("## Ce que delib n'a pas pu lire") < text.index("## Règles non évaluées") \
        < text.index("## Règles vérifiées")
    assert "### avertissement · `conventions.signatory_matches_representative` · [page 34](" in text
    assert "pas-de-calais_cp_2024-06-17_n2024-273_a.pdf#page=34)" in text
    assert "> Jean-Claude LOUIS, Président … Gérard FONTAINE" in text
    assert "Gérard FONTAINE" in text and "1 délibérations, 48 présences, 40 élus intéressés, 4 votes" in text
    assert "## Délibération 2024-273" in text and "| date de séance | 2024-06-17 |" in text


def test_reports_have_readable_names_and_summary_links_them(reports):
    out, results = reports
    assert report_stem(results[0]) == "pas-de-calais_cp_2024-06-17_n2024-273_a-" + results[0].document.doc_id[:8]
    summary = (out / "summary.md").read_text(encoding="utf-8")
    assert f"- [not-a-deliberation.pdf](reports/not-a-deliberation-{results[1].document.doc_id[:8]}.html)" in summary
    assert sorted(p.name for p in (out / "reports").glob("*.png")) == [
        f"{report_stem(results[0])}.{n}.png" for n in (1, 2, 3, 4)]  # the four failed document findings


def test_html_report_is_one_self_contained_file(reports):
    out, results = reports
    text = (out / "reports" / f"{report_stem(results[0])}.html").read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and text.rstrip().endswith("</html>")
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:|//)""", text)
    assert "<style>" in text and "@media print" in text
    assert "annexes.referenced_present" in text and "Annexe 6, cited by article(s)" in text


def test_json_report_holds_the_whole_record(reports):
    out, results = reports
    record = json.loads((out / "reports" / f"{report_stem(results[0])}.json").read_text(encoding="utf-8"))
    assert record["document"]["doc_id"] == results[0].document.doc_id
    assert len(record["tables"]["attendance"]) == 48
    assert record["tables"]["budget_lines"][0]["depense"] == "5867917.70"
    assert {i["kind"] for i in record["identifiers"]} == {"siret", "iban"}


def test_summary_names_the_files_and_the_failed_rules(reports):
    out, _ = reports
    text = (out / "summary.md").read_text(encoding="utf-8")
    assert "- 2 files: 1 ok, 1 partial, 0 failed" in text
    assert "| annexes.referenced_present | document | warning | 1 | 1 |" in text
    assert "Not a deliberation. The file prints “La Lettre de Beaumarais”" in text


def test_reports_are_deterministic(tmp_path, reports):
    _, results = reports
    write_reports(results, tmp_path / "1")
    write_reports(list(reversed(results)), tmp_path / "2")
    for path in (tmp_path / "1").rglob("*.*"):
        assert path.read_bytes() == (tmp_path / "2" / path.relative_to(tmp_path / "1")).read_bytes()


def test_validate_exit_status_follows_error_rules(tmp_path):
    ok = subprocess.run([delib_executable(), "validate", str(SAMPLE_A), "--ocr", "never"], capture_output=True,
                        text=True, timeout=300)
    assert ok.returncode == 0, ok.stdout + ok.stderr  # only warnings and info fail on the sample
    assert "FAIL warning conventions.signatory_matches_representative p.34" in ok.stdout
    assert ok.stdout.index("  document (") < ok.stdout.index("  reading (")
    # a file delib cannot read is a reading finding: it does not make an auditor's script fail
    unread = subprocess.run([delib_executable(), "validate", str(NON_DELIBERATION), "--ocr", "never"],
                            capture_output=True, text=True, timeout=300)
    assert unread.returncode == 0, unread.stdout
    assert "FAIL info    document.kind" in unread.stdout
    assert "Traceback" not in unread.stderr


def test_validate_exits_1_on_the_altered_vote(make_samples, tmp_path):
    altered = make_samples.build_pdf("a", tmp_path / "altered-vote.pdf", [("Pour  :  34 voix", "Pour  :  33 voix")])
    bad = subprocess.run([delib_executable(), "validate", str(altered), "--ocr", "never", "--timeout", "300"],
                         capture_output=True, text=True, timeout=400)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "FAIL error   votes.sum_vs_members" in bad.stdout
    assert "1 failed document error check(s)" in bad.stdout


def test_validate_usage_error(tmp_path):
    proc = subprocess.run([delib_executable(), "validate", str(tmp_path / "missing.pdf")], capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 2 and "no such file" in proc.stderr


def test_inspect_segment_shows_sections_and_pages():
    proc = subprocess.run([delib_executable(), "inspect", str(SAMPLE_A), "--stage", "segment", "--ocr", "never"],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "== deliberation 1  pages 1-5" in proc.stdout
    assert "  vote (block 4)  p.4" in proc.stdout and "  article 14 (block 4)  p.4" in proc.stdout


def test_the_output_folder_is_the_current_run(tmp_path):
    from pipeline.batch import BatchStats, extract

    out = tmp_path / "out"
    extract([str(SAMPLE_A), str(NON_DELIBERATION)], out, jobs=1, quiet=True, options={"ocr": "never"})
    (out / "reports" / "my-notes.txt").write_text("mine", encoding="utf-8")
    first = {p.name for p in (out / "reports").iterdir()}
    assert sum(name.startswith("pas-de-calais_cp_2024-06-17_n2024-273_a-") for name in first) == 7  # md, html,
    # json and the pictures of its 4 failed document findings
    stats = BatchStats()
    extract([str(NON_DELIBERATION)], out, jobs=1, quiet=True, options={"ocr": "never"}, resume=True, stats=stats,
            lang="en")
    assert (stats.processed, stats.reused) == (0, 1)  # --resume still reuses the stored result
    assert sorted(p.name for p in (out / "reports").iterdir()) == sorted(
        ["my-notes.txt"] + [n for n in first if n.startswith("not-a-deliberation-")])
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'lang="en"' in index and "pas-de-calais" not in index and "not-a-deliberation.pdf" in index


def test_index_links_members_and_lists_orphan_marks(tmp_path, reports):
    _, results = reports
    (tmp_path / "members.html").write_text("<html></html>", encoding="utf-8")
    (tmp_path / "reviews.csv").write_text("doc_id,rule,delib_id,block,page,mark,note\n"
                                          f"{results[0].document.doc_id},annexes.referenced_present,2024-273,,2,"
                                          "checked,annexe 6 absente du PDF publié\n"
                                          f"{results[0].document.doc_id},ids.iban_checksum,2024-273,,19,"
                                          "reported,\n", encoding="utf-8")
    write_reports(results, tmp_path)
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert '<a href="members.html">' in index
    assert "Marques de revue sans constat" in index and "<td>ids.iban_checksum</td>" in index
    assert index.count('data-reviewed="1"') == 1
    report = (tmp_path / "reports" / f"{report_stem(results[0])}.html").read_text(encoding="utf-8")
    assert "vérifié — annexe 6 absente du PDF publié" in report


def test_validate_runs_the_files_in_the_isolated_workers(tmp_path):
    """A file that never finishes is stopped after --timeout and reported, like extract does; the other file of
    the run is validated (two workers)."""
    import os
    import shutil

    shutil.copy(NON_DELIBERATION, tmp_path / "never-ends.pdf")
    shutil.copy(SAMPLE_A, tmp_path / "sample.pdf")
    env = dict(os.environ, DELIB_TEST_HANG="never-ends")
    proc = subprocess.run([delib_executable(), "validate", str(tmp_path), "--ocr", "never", "--jobs", "2",
                           "--timeout", "20"], capture_output=True, text=True, timeout=300, env=env)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "never-ends.pdf  [failed]" in proc.stdout and "Processing took longer than 20 s (timeout)." in proc.stdout
    assert "sample.pdf  [ok]  40 pages, 1 deliberation(s)" in proc.stdout


@pytest.mark.slow
def test_a_scanned_page_gets_its_picture_with_the_lines_ocr_read_outlined(tmp_path):
    """The scanned sample: the budget gap that OCR's misread "145,98 €" makes is shown on page 4, the lines OCR
    read in the table outlined (the OCR cache the worker filled gives their boxes)."""
    from PIL import Image

    from pipeline.export.evidence import OUTLINE, SCALE
    from pipeline.ocr import OcrUnavailable, check_available

    try:
        check_available()
    except OcrUnavailable as exc:
        pytest.skip(str(exc))
    result = process_file(SAMPLES / "scans" / "pas-de-calais_cp_2024-06-17_n2024-273_a_scan.pdf")
    budget = [f for f in result.rows["findings"] if f.rule == "budget.total_vs_articles"]
    assert [(f.status, f.page) for f in budget] == [("fail", 4)]
    write_reports([result], tmp_path)
    picture = Image.open(tmp_path / "reports" / f"{report_stem(result)}.1.png").convert("RGB")
    assert picture.height < 842 * SCALE  # a band of the page, not the whole A4 page
    import numpy

    outlined = int((numpy.asarray(picture) == numpy.array(OUTLINE, dtype=numpy.uint8)).all(axis=2).sum())
    assert outlined > 1000  # the rows of the table, each outlined


def test_the_index_lists_every_input_even_the_same_content_twice(tmp_path, reports):
    import dataclasses

    _, results = reports
    copy = dataclasses.replace(results[1], document=dataclasses.replace(results[1].document,
                                                                        source_file="elsewhere/copy.pdf"))
    write_reports([*results, copy], tmp_path)
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    stem = report_stem(results[1])
    assert index.count(f'<a class="report" href="reports/{stem}.html">') == 2
    assert '>copy.pdf</a>' in index and "<p>3 fichiers" in index
    assert len(list((tmp_path / "reports").glob("*.html"))) == 2
