"""A file of extracts (samples/make_extracts_sample.py): three "Extrait du registre des délibérations" of one
sitting in one PDF, each printing the sitting's header, its own attendance (M. Julien PERRIN arrives for the second,
M. Marc ROUSSEL leaves before the third), its own counts, vote and signature. Each deliberation gets the header it
prints, and the attendance and vote rules are evaluated against its own lists. Expected values written by hand
from the script's text."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from conftest import CORPUS, SAMPLES, load_script, needs_corpus
from models.records import FileResult
from pipeline.process import process_file

SAMPLE = SAMPLES / "valcourt-le-bois_cm_2025-03-18_extraits.pdf"

EVERY_TIME = ["Alain MARCHAND", "Sophie DELORME", "Bernard LEFEBVRE", "Claire FONTAINE", "Denis GIRARD",
              "Élodie RENAUD", "François MOREL", "Hélène BLANCHARD"]
LATER = ["Laure CHEVALIER", "Marc ROUSSEL", "Nathalie BRUN", "Olivier GAUTHIER"]
EXCUSED = [("excused", "Patricia LEMAIRE", "Claire FONTAINE"), ("excused", "Rémi COLLIN", "Alain MARCHAND")]


def present(names: list[str]) -> list[tuple]:
    return [("present", name, None) for name in names]


ATTENDANCE = {
    "2025-012": present(EVERY_TIME + LATER) + EXCUSED + [("absent", "Julien PERRIN", None)],
    "2025-013": present(EVERY_TIME + ["Julien PERRIN"] + LATER) + EXCUSED,
    "2025-014": present(EVERY_TIME + ["Julien PERRIN", "Laure CHEVALIER", "Nathalie BRUN", "Olivier GAUTHIER"])
    + EXCUSED + [("absent", "Marc ROUSSEL", None)],
}


@pytest.fixture(scope="module")
def result() -> FileResult:
    return process_file(SAMPLE)


def findings(result: FileResult, rule: str) -> list[tuple]:
    return [(f.delib_id, f.status, f.message) for f in result.rows["findings"] if f.rule == rule]


def test_the_committed_sample_is_what_the_script_draws(tmp_path):
    make = load_script("make_extracts_sample")
    assert make.build(tmp_path).read_bytes() == SAMPLE.read_bytes()


def test_three_deliberations_each_with_the_header_it_prints(result):
    assert (result.document.kind, result.document.status, result.document.n_deliberations) == ("deliberation", "ok", 3)
    got = [(d.delib_id, d.collectivite, d.assembly, d.session_date, d.title, d.president, d.secretary, d.n_present,
            d.n_excused, d.n_absent, d.counts_printed, d.signatory, d.page_start, d.page_end)
           for d in result.rows["deliberations"]]
    sitting = ("COMMUNE DE VALCOURT-LE-BOIS", "CONSEIL MUNICIPAL", date(2025, 3, 18))
    people = ("Alain MARCHAND", "Sophie DELORME")
    assert got == [
        ("2025-012", *sitting, "Tarifs de la restauration scolaire pour l'année 2025-2026", *people, 12, 2, 1,
         {"en_exercice": 15, "presents": 12, "votants": 14}, "Alain MARCHAND", 1, 1),
        ("2025-013", *sitting, "Subvention à l'association Les Amis de la Halle", *people, 13, 2, 0,
         {"en_exercice": 15, "presents": 13, "votants": 15}, "Alain MARCHAND", 2, 2),
        ("2025-014", *sitting, "Acquisition de la parcelle cadastrée AB 112 au lieu-dit Les Grands Prés", *people, 12,
         2, 1, {"en_exercice": 15, "presents": 12, "votants": 14}, "Alain MARCHAND", 3, 3),
    ]


def test_each_deliberation_has_its_own_attendance_rows(result):
    rows = result.rows["attendance"]
    assert {r.delib_id for r in rows} == set(ATTENDANCE)  # no row without a delib_id: no session-wide list
    for delib_id, expected in ATTENDANCE.items():
        own = [(r.status, r.name, r.proxy_to) for r in rows if r.delib_id == delib_id]
        assert own == expected, delib_id
    assert {r.page for r in rows if r.delib_id == "2025-013"} == {2}


def test_each_vote_and_its_articles_stay_with_their_extract(result):
    assert [(v.delib_id, v.block, v.pour, v.contre, v.abstention, v.outcome) for v in result.rows["votes"]] == [
        ("2025-012", 1, 13, 0, 1, "adopted"), ("2025-013", 1, 14, 0, 1, "adopted"),
        ("2025-014", 1, 12, 2, 0, "adopted")]
    assert [(a.delib_id, a.article, a.page) for a in result.rows["articles"]] == [
        ("2025-012", 1, 1), ("2025-012", 2, 1), ("2025-013", 1, 2), ("2025-013", 2, 2), ("2025-014", 1, 3),
        ("2025-014", 2, 3)]
    assert [(a.delib_id, a.raw) for a in result.rows["amounts"] if a.section == "article 1"] == [
        ("2025-012", "3,60 €"), ("2025-012", "4,20 €"), ("2025-013", "1 500 €"), ("2025-014", "9 800 €")]


def test_the_rules_read_each_deliberations_own_lists(result):
    assert findings(result, "attendance.counts_vs_lists") == [
        ("2025-012", "pass", "The printed counts (présents 12, votants 14) agree with the names listed."),
        ("2025-013", "pass", "The printed counts (présents 13, votants 15) agree with the names listed."),
        ("2025-014", "pass", "The printed counts (présents 12, votants 14) agree with the names listed.")]
    assert [(d, s) for d, s, _ in findings(result, "votes.sum_vs_members")] == [
        ("2025-012", "pass"), ("2025-013", "pass"), ("2025-014", "pass")]
    assert [f for f in result.rows["findings"] if f.status == "fail"] == []


def test_a_vote_that_does_not_add_up_fails_for_its_own_extract_only(tmp_path):
    make = load_script("make_extracts_sample")
    extracts = list(make.EXTRACTS)
    extracts[1] = replace(extracts[1], vote="Pour : 13 Contre : 0 Abstention : 1")  # 14 voices, 15 votants
    altered = process_file(make.build(tmp_path, "altered.pdf", extracts))
    assert [(d, s) for d, s, _ in findings(altered, "votes.sum_vs_members")] == [
        ("2025-012", "pass"), ("2025-013", "fail"), ("2025-014", "pass")]


def test_without_printed_counts_each_vote_is_checked_against_its_own_list(tmp_path):
    # 14, 15 and 14 members may vote (present or represented): a list of the whole sitting would give one number
    make = load_script("make_extracts_sample")
    extracts = [replace(e, counts=None) for e in make.EXTRACTS]
    plain = process_file(make.build(tmp_path, "no-counts.pdf", extracts))
    assert [d.counts_printed for d in plain.rows["deliberations"]] == [{}, {}, {}]
    assert findings(plain, "votes.sum_vs_members") == [
        ("2025-012", "pass", "Block 1 (present + proxies): pour 13 + contre 0 + abstention 1 = 14; 12 present + 2 "
                             "proxies held."),
        ("2025-013", "pass", "Block 1 (present + proxies): pour 14 + contre 0 + abstention 1 = 15; 13 present + 2 "
                             "proxies held."),
        ("2025-014", "pass", "Block 1 (present + proxies): pour 12 + contre 2 + abstention 0 = 14; 12 present + 2 "
                             "proxies held.")]
    assert [(d.n_present, d.n_excused, d.n_absent) for d in plain.rows["deliberations"]] == [
        (12, 2, 1), (13, 2, 0), (12, 2, 1)]


def test_extracts_that_follow_one_another_without_a_page_break(tmp_path):
    # the letterhead of the second and third extracts stands under the previous extract's signature, on the same
    # page as it (so it is text, not a running header): each extract starts at its letterhead
    make = load_script("make_extracts_sample")
    flow = process_file(make.build(tmp_path, "flow.pdf", page_per_extract=False))
    assert [(d.delib_id, d.collectivite, d.title, d.n_present, d.n_excused, d.n_absent, d.page_start, d.page_end)
            for d in flow.rows["deliberations"]] == [
        ("2025-012", "COMMUNE DE VALCOURT-LE-BOIS", "Tarifs de la restauration scolaire pour l'année 2025-2026",
         12, 2, 1, 1, 1),
        ("2025-013", "COMMUNE DE VALCOURT-LE-BOIS", "Subvention à l'association Les Amis de la Halle", 13, 2, 0, 1, 2),
        ("2025-014", "COMMUNE DE VALCOURT-LE-BOIS",
         "Acquisition de la parcelle cadastrée AB 112 au lieu-dit Les Grands Prés", 12, 2, 1, 2, 3)]
    for delib_id, expected in ATTENDANCE.items():
        assert [(r.status, r.name, r.proxy_to) for r in flow.rows["attendance"] if r.delib_id == delib_id] == expected
    assert [(v.delib_id, v.pour, v.contre, v.abstention) for v in flow.rows["votes"]] == [
        ("2025-012", 13, 0, 1), ("2025-013", 14, 0, 1), ("2025-014", 12, 2, 0)]
    assert [f for f in flow.rows["findings"] if f.status == "fail"] == []


@needs_corpus
def test_the_minutes_of_two_sittings_in_one_file_are_not_a_file_of_extracts(tmp_path):
    # Pierrefonds 10 December 2024 then 3 April 2025, one PDF: an attendance list after a vote, but each part is
    # the record of a whole sitting with its numbered deliberations, not one extract
    import pikepdf

    from pipeline.ingest import ingest
    from pipeline.segment import extract_starts, lines_to_paragraphs, paragraphs_to_segmentation

    merged = pikepdf.new()
    for name in ("20241210-PV.pdf", "20250403-PV.pdf"):
        with pikepdf.open(CORPUS / "pierrefonds" / name) as part:
            merged.pages.extend(part.pages)
    merged.save(tmp_path / "two-sittings.pdf")
    paragraphs = lines_to_paragraphs(ingest(tmp_path / "two-sittings.pdf", ocr="never"))
    assert len(extract_starts(paragraphs)) == 2
    seg = paragraphs_to_segmentation(paragraphs)
    assert (seg.extracts, seg.multi) == (False, True)
