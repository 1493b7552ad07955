"""The CLI as a user runs it: help, usage errors, exit codes, inspect."""

from __future__ import annotations

import subprocess

import pytest

from conftest import SAMPLE_A, delib_executable


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


def test_inspect_unreadable_file_says_why(bad_files):
    proc = run("inspect", str(bad_files["encrypted"]))
    assert proc.returncode == 1
    assert "encrypted" in proc.stderr and "Traceback" not in proc.stderr
