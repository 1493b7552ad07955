"""Review marks: a rerun keeps every mark, a changed finding loses its mark and lists it as an orphan."""

from __future__ import annotations

from pathlib import Path

from conftest import SAMPLE_A
from models.records import Finding
from pipeline.process import process_file
from pipeline.review import COLUMNS, finding_key, load, match, read_marks, template_row


def _finding(**kw) -> Finding:
    base = dict(doc_id="f3f37edfa001761a", delib_id="2024-273", rule="votes.sum_vs_members", severity="error",
                status="fail", message="Block 3: …", page=3, family="document", block=3)
    base.update(kw)
    return Finding(**base)


def _write(path: Path, rows: list[str]) -> Path:
    path.write_text(",".join(COLUMNS) + "\n" + "".join(r + "\n" for r in rows), encoding="utf-8")
    return path


def test_a_mark_finds_its_finding_again_after_a_rerun(tmp_path):
    first = _finding()
    reviews = _write(tmp_path / "reviews.csv", [template_row(first).replace(",checked,", ",reported,")
                                                + "envoyé à la rédaction"])
    rerun = _finding(message="Block 3: reworded by a newer delib")  # same key, new wording
    review = load(reviews, [rerun, _finding(block=4, page=4)])
    assert review.mark_of(rerun).mark == "reported"
    assert review.mark_of(rerun).note == "envoyé à la rédaction"
    assert review.mark_of(_finding(block=4, page=4)) is None
    assert review.orphans == [] and review.problems == []


def test_a_changed_finding_loses_its_mark_which_is_listed(tmp_path):
    reviews = _write(tmp_path / "reviews.csv", [template_row(_finding()), template_row(_finding(rule="attendance.unique",
                                                                                                 block=None, page=1))])
    moved = _finding(page=4)  # the tally is now read on another page: another finding
    review = load(reviews, [moved, _finding(rule="attendance.unique", block=None, page=1)])
    assert review.mark_of(moved) is None
    assert [m.key for m in review.orphans] == [finding_key(_finding())]
    assert [m.key[1] for m in review.by_key.values()] == ["attendance.unique"]


def test_a_passing_finding_takes_no_mark():
    marks, _ = [], None
    review = match(marks, [])
    assert review.by_key == {} and review.orphans == []
    passing = _finding(status="pass")
    from pipeline.review import Mark
    review = match([Mark(finding_key(passing), "checked")], [passing])
    assert len(review.orphans) == 1


def test_french_spellings_and_bad_rows(tmp_path):
    reviews = _write(tmp_path / "reviews.csv", [template_row(_finding()).replace(",checked,", ",fausse alerte,"),
                                                 template_row(_finding(page=9)).replace(",checked,", ",peut-être,")])
    marks, problems = read_marks(reviews)
    assert [m.mark for m in marks] == ["false_alarm"]
    assert problems == ["reviews.csv line 3: unknown mark 'peut-être' (checked, false_alarm or reported)"]
    (tmp_path / "bad.csv").write_text("doc_id,rule\nx,y\n", encoding="utf-8")
    assert read_marks(tmp_path / "bad.csv")[0] == []
    assert "delib_id, block, page, mark" in read_marks(tmp_path / "bad.csv")[1][0]


def test_every_failed_finding_of_the_sample_has_its_own_key():
    failed = [f for f in process_file(SAMPLE_A).rows["findings"] if f.status == "fail"]
    assert len(failed) == 4  # the sample's own contradictions (scdl.publishable is evaluated by the batch)
    assert len({finding_key(f) for f in failed}) == len(failed)
