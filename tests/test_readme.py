"""The README's commands run as written: the quick starts' shell blocks in a folder laid out as they describe
(a folder of PDFs beside the README, the .venv that `make` creates), and the CLI options the reference names."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import NON_DELIBERATION, REPO, delib_executable

README = (REPO / "README.md").read_text(encoding="utf-8")


def section(title: str) -> str:
    return README.split(f"\n## {title}\n", 1)[1].split("\n## ", 1)[0].split("\n# ", 1)[0]


def shell_blocks(text: str) -> list[list[str]]:
    return [[line.strip() for line in block.splitlines() if line.strip() and not line.strip().startswith("#")]
            for block in re.findall(r"```sh\n(.*?)```", text, re.DOTALL)]


QUICK_STARTS = [("Démarrage rapide", "mes_pdf", "resultats"), ("Quick start", "my_pdfs", "results")]


def test_the_french_quick_start_comes_first_then_english_then_the_reference():
    headings = re.findall(r"^#{1,2} (.+)$", README, re.M)
    assert headings[1:4] == ["Démarrage rapide", "Quick start", "Reference"]


@pytest.mark.parametrize("title, folder, out", QUICK_STARTS)
def test_the_quick_start_make_command_is_a_target_that_runs_delib_on_the_folder(title, folder, out):
    first, *_ = shell_blocks(section(title))
    assert first == [f"make extract IN={folder} OUT={out}"]
    proc = subprocess.run(["make", "-n", "-C", str(REPO), "extract", f"IN={folder}", f"OUT={out}"],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert f'.venv/bin/delib extract "{folder}" --out "{out}"' in proc.stdout


def test_make_extract_without_a_folder_says_how_to_call_it():
    proc = subprocess.run(["make", "-s", "-C", str(REPO), "extract", "IN="], capture_output=True, text=True,
                          timeout=600)
    assert proc.returncode != 0
    assert "make extract IN=folder OUT=folder" in proc.stderr


@pytest.fixture
def beside_the_readme(tmp_path):
    """A folder laid out as the quick start says: the .venv that make created, a folder holding a PDF."""
    venv = Path(delib_executable()).resolve().parent.parent
    (tmp_path / ".venv").symlink_to(venv, target_is_directory=True)
    for folder in ("mes_pdf", "my_pdfs"):
        (tmp_path / folder).mkdir()
        shutil.copy(NON_DELIBERATION, tmp_path / folder / NON_DELIBERATION.name)
    return tmp_path


@pytest.mark.parametrize("title, folder, out", QUICK_STARTS)
def test_the_quick_start_delib_commands_run_as_written(title, folder, out, beside_the_readme):
    _, commands, *_ = shell_blocks(section(title))
    assert commands[0] == f".venv/bin/delib extract {folder} --out {out}"
    assert "source .venv/bin/activate" in commands
    env = {k: v for k, v in os.environ.items() if k != "VIRTUAL_ENV"}
    proc = subprocess.run(["bash", "-e", "-c", "\n".join(commands)], cwd=beside_the_readme, capture_output=True,
                          text=True, timeout=600, env=env)
    assert proc.returncode == 0, proc.stderr
    assert "usage: delib" in proc.stdout  # delib --help, after activation
    results = beside_the_readme / out
    for name in ("deliberations.xlsx", "documents.csv", "summary.md", "scdl/deliberations.csv"):
        assert (results / name).is_file(), name


def test_every_option_the_cli_reference_names_exists():
    usage = shell_blocks(section("The CLI"))[0]
    helps = {cmd: subprocess.run([delib_executable(), cmd, "--help"], capture_output=True, text=True,
                                 timeout=60).stdout for cmd in ("extract", "validate", "inspect")}
    for line in " ".join(usage).split("delib ")[1:]:
        command = line.split()[0]
        if command not in helps:
            continue
        for option in re.findall(r"--[a-z][a-z-]+", line):
            assert option in helps[command], (command, option)
