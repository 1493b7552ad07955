"""The CLI as a user runs it: help, usage errors, exit codes, inspect."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from conftest import CORPUS, NON_DELIBERATION, SAMPLE_A, SAMPLES, delib_executable, needs_corpus


def run(*args, timeout=300):
    return subprocess.run([delib_executable(), *args], capture_output=True, text=True, timeout=timeout)


@pytest.mark.parametrize("args", [["--help"], ["extract", "--help"], ["inspect", "--help"]])
def test_help_on_every_command(args):
    proc = run(*args)
    assert proc.returncode == 0
    assert "usage: delib" in proc.stdout


def test_no_command_is_a_usage_error():
    proc = run()
    assert proc.returncode == 2


def test_extract_requires_out():
    proc = run("extract", str(SAMPLE_A))
    assert proc.returncode == 2
    assert "--out" in proc.stderr


def test_extract_missing_input_is_a_usage_error(tmp_path):
    proc = run("extract", str(tmp_path / "nope.pdf"), "--out", str(tmp_path / "o"))
    assert proc.returncode == 2
    assert "no such file or folder" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_extract_glob_and_quiet(tmp_path):
    pattern = str(SAMPLE_A.parent / "pas-de-calais_*_a.pdf")
    proc = run("extract", pattern, "--out", str(tmp_path), "--quiet", "--jobs", "1")
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    lines = (tmp_path / "documents.csv").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2 and SAMPLE_A.name in lines[1]


def test_bad_jobs_value_is_a_usage_error(tmp_path):
    proc = run("extract", str(SAMPLE_A), "--out", str(tmp_path), "--jobs", "0")
    assert proc.returncode == 2


def test_inspect_ingest_prints_pages_lines_and_tables():
    proc = run("inspect", str(SAMPLE_A), "--stage", "ingest")
    assert proc.returncode == 0, proc.stderr
    assert "=== page 1" in proc.stdout
    assert "Étaient présents" in proc.stdout
    assert "C02-446A05 | 6568/93446 | Indemnisation des organismes référents" in proc.stdout


def test_inspect_segment_shows_the_extracts_and_the_information_items():
    proc = run("inspect", str(SAMPLES / "valcourt-le-bois_cm_2025-03-18_extraits.pdf"), "--stage", "segment")
    assert proc.returncode == 0, proc.stderr
    assert "file of extracts  deliberations=3  information items=0" in proc.stdout


@needs_corpus
def test_inspect_segment_lists_the_information_items():
    proc = run("inspect", str(CORPUS / "larbresle" / "compte-rendu-cm-2013-07-09.pdf"), "--stage", "segment")
    assert proc.returncode == 0, proc.stderr
    assert "session record  deliberations=13  information items=2" in proc.stdout
    assert ("== information item IX (questions_diverses, after deliberation 13)  pages 18-19  QUESTIONS DIVERSES – "
            "INFORMATIONS") in proc.stdout


def test_inspect_unreadable_file_says_why(bad_files):
    proc = run("inspect", str(bad_files["encrypted"]))
    assert proc.returncode == 1
    assert "encrypted" in proc.stderr and "Traceback" not in proc.stderr


# --- Mistakes: one plain sentence on stderr, a non-zero exit, never Python's own words ---------------------------

PYTHON_WORDS = ("Traceback", "[Errno", "Error:", "Broken pipe", "Exception")


def one_plain_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert not any(word in stderr for word in PYTHON_WORDS), stderr
    return lines[0]


def test_a_folder_without_pdf_is_a_usage_error_naming_it(tmp_path):
    empty = tmp_path / "mes pdf"
    empty.mkdir()
    (empty / "notes.txt").write_text("pas un PDF", encoding="utf-8")
    proc = run("extract", str(empty), "--out", str(tmp_path / "out"))
    assert proc.returncode == 2
    line = one_plain_line(proc.stderr)
    assert line == f"delib extract: error: no PDF found in {str(empty)!r} (folders are searched for *.pdf files)"
    assert not (tmp_path / "out").exists()
    proc = run("validate", str(empty))
    assert proc.returncode == 2 and proc.stdout == ""
    assert one_plain_line(proc.stderr).startswith("delib validate: error: no PDF found in")


def test_out_is_a_file(tmp_path):
    afile = tmp_path / "afile"
    afile.write_text("x", encoding="utf-8")
    proc = run("extract", str(SAMPLE_A), "--out", str(afile))
    assert proc.returncode == 2
    assert "is a file, not a folder" in one_plain_line(proc.stderr)
    proc = run("extract", str(SAMPLE_A), "--out", str(afile / "sub"))
    assert proc.returncode == 2
    assert "cannot write into the output folder" in one_plain_line(proc.stderr)


def unwritable_folder(tmp_path):
    """A folder this user cannot write into: a read-only one (not for root, who writes anywhere), else /sys."""
    import os

    if os.geteuid() != 0:
        folder = tmp_path / "read-only"
        folder.mkdir()
        folder.chmod(0o500)
        return folder
    sys_folder = Path("/sys/kernel")
    if sys_folder.is_dir() and not os.access(sys_folder / "delib-test", os.F_OK):
        return sys_folder
    pytest.skip("no folder that root cannot write into")


def test_out_cannot_be_written(tmp_path):
    folder = unwritable_folder(tmp_path)
    proc = run("extract", str(SAMPLE_A), "--out", str(folder))
    assert proc.returncode == 2
    line = one_plain_line(proc.stderr)
    assert line.startswith(f"delib extract: error: cannot write into the output folder {str(folder)!r} (")


def test_inspect_page_beyond_the_last_page():
    proc = run("inspect", str(NON_DELIBERATION), "--page", "99")
    assert proc.returncode == 2 and proc.stdout == ""
    line = one_plain_line(proc.stderr)
    assert line == f"delib inspect: error: --page 99 is not a page of {NON_DELIBERATION}, which has 1 page"


def test_a_pipe_closed_early_ends_quietly():
    proc = subprocess.run(f"'{delib_executable()}' inspect '{SAMPLE_A}' | head -n 1", shell=True,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0 and proc.stdout.startswith(str(SAMPLE_A))
    assert proc.stderr == ""


def test_a_bad_collectivites_file_is_a_usage_error(tmp_path):
    table = tmp_path / "collectivites.csv"
    table.write_text("commune,siret\nPierrefonds,1\n", encoding="utf-8")
    for given in (table, tmp_path / "missing.csv"):
        proc = run("extract", str(SAMPLE_A), "--out", str(tmp_path / "o"), "--collectivites", str(given))
        assert proc.returncode == 2
        assert "--collectivites file" in one_plain_line(proc.stderr)
