"""Reports for people: per-file Markdown, HTML and JSON, the run summary, and `delib validate`."""

from __future__ import annotations

import json
import re
import subprocess

import pytest

from conftest import NON_DELIBERATION, SAMPLE_A, delib_executable
from pipeline.export.reports import write_reports
from pipeline.process import process_file


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    out = tmp_path_factory.mktemp("reports")
    results = [process_file(SAMPLE_A), process_file(NON_DELIBERATION)]
    write_reports(results, out)
    return out, results


def test_markdown_report_lists_failed_rules_first_with_their_page(reports):
    out, results = reports
    text = (out / "reports" / f"{results[0].document.doc_id}.md").read_text(encoding="utf-8")
    failed = text.index("## Failed rules")
    assert failed < text.index("## Skipped rules") < text.index("## Passed rules")
    assert "| warning | conventions.signatory_matches_representative | 34 |" in text
    assert "Gérard FONTAINE" in text and "1 deliberations, 48 attendance rows, 40 recusals, 4 votes" in text


def test_html_report_is_one_self_contained_file(reports):
    out, results = reports
    text = (out / "reports" / f"{results[0].document.doc_id}.html").read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and text.rstrip().endswith("</html>")
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:|//)""", text)
    assert "<style>" in text and "@media print" in text
    assert "annexes.referenced_present" in text and "Annexe 6, cited by article(s)" in text


def test_json_report_holds_the_whole_record(reports):
    out, results = reports
    record = json.loads((out / "reports" / f"{results[0].document.doc_id}.json").read_text(encoding="utf-8"))
    assert record["document"]["doc_id"] == results[0].document.doc_id
    assert len(record["tables"]["attendance"]) == 48
    assert record["tables"]["budget_lines"][0]["depense"] == "5867917.70"
    assert {i["kind"] for i in record["identifiers"]} == {"siret", "iban"}


def test_summary_names_the_files_and_the_failed_rules(reports):
    out, _ = reports
    text = (out / "summary.md").read_text(encoding="utf-8")
    assert "- 2 files: 1 ok, 1 partial, 0 failed" in text
    assert "| annexes.referenced_present | warning | 1 | 1 |" in text
    assert "No deliberation was found in this file" in text


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
    bad = subprocess.run([delib_executable(), "validate", str(NON_DELIBERATION), "--ocr", "never"],
                         capture_output=True, text=True, timeout=300)
    assert bad.returncode == 1
    assert "FAIL error   extraction.required_fields" in bad.stdout
    assert "Traceback" not in bad.stderr


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
