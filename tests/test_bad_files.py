"""Bad files are data: each becomes a failed documents.csv row with a sentence, never a traceback."""

from __future__ import annotations

import csv
import subprocess

import pytest

from conftest import NON_DELIBERATION, SAMPLE_A, SAMPLE_B, delib_executable
from pipeline.process import process_file

EXPECTED_ERRORS = {
    "truncated": "damaged or truncated",
    "empty": "The file is empty (0 bytes).",
    "text": "The file is not a PDF",
    "encrypted": "encrypted with a password",
    "zero_pages": "The PDF has no pages.",
}


@pytest.mark.parametrize("kind", sorted(EXPECTED_ERRORS))
def test_bad_file_becomes_failed_row(bad_files, kind):
    result = process_file(bad_files[kind])
    doc = result.document
    assert doc.status == "failed"
    assert EXPECTED_ERRORS[kind] in doc.error
    assert doc.error.endswith(".") and "\n" not in doc.error and "Traceback" not in doc.error
    assert len(doc.doc_id) == 16
    # nothing extracted, and one finding that says why
    assert list(result.rows) == ["findings"]
    (finding,) = result.rows["findings"]
    assert (finding.rule, finding.status, finding.message) == ("extraction.required_fields", "fail", doc.error)


def test_missing_file_is_a_failed_row(tmp_path):
    doc = process_file(tmp_path / "gone.pdf").document
    assert doc.status == "failed" and "does not exist" in doc.error


def test_cli_batch_mixing_good_and_bad_files(bad_files, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for path in [SAMPLE_A, SAMPLE_B, NON_DELIBERATION, *bad_files.values()]:
        (folder / path.name).write_bytes(path.read_bytes())
    out = tmp_path / "out"
    proc = subprocess.run([delib_executable(), "extract", str(folder), "--out", str(out), "--jobs", "2"],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr and "Traceback" not in proc.stdout
    with open(out / "documents.csv", encoding="utf-8") as fh:
        rows = {row["source_file"].rsplit("/", 1)[-1]: row for row in csv.DictReader(fh)}
    assert len(rows) == 3 + len(bad_files)
    for kind, path in bad_files.items():
        assert rows[path.name]["status"] == "failed", kind
        assert EXPECTED_ERRORS[kind] in rows[path.name]["error"]
    for good in (SAMPLE_A, SAMPLE_B):
        assert rows[good.name]["status"] == "ok"
        assert rows[good.name]["error"] == ""
    for path in bad_files.values():
        assert f"failed: {folder / path.name}" in proc.stderr
