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
from conftest import CORPUS, REPO, needs_corpus

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
