"""Every validation rule passes on the unaltered sample and fails on a copy altered by one change, made by the
sample generator itself: exactly the intended rule fails, on the right page."""

from __future__ import annotations

from collections import Counter

import pytest

from conftest import SAMPLE_A
from models.records import Document, FileResult, Finding
from pipeline.process import process_file
from pipeline.reconcile import RULES, evaluate

# rule -> (replacements in the seed text, page of the new failure in style a)
ALTERATIONS = {
    "extraction.required_fields": ([("(N°2024-273)", "")], 1),
    "attendance.unique": ([("Excusé(s) : Mme Valérie CUVILLIER,", "Excusé(s) : Mme Valérie CUVILLIER, Mme Zohra OUAGUEF,")], 1),
    "votes.sum_vs_members": ([("Pour  :  34 voix", "Pour  :  33 voix")], 3),
    "recusals.known_member": ([("Monsieur René HOCQ, intéressés", "Monsieur René HOCK, intéressés")], 2),
    "recusals.within_tally": ([("Mesdames Carole DUBOIS, Karine GAUTHIER, Sylvie MEYFROIDT et Evelyne NACHEL",
                                "Mesdames Maryse CAUWET, Carole DUBOIS, Karine GAUTHIER, Sylvie MEYFROIDT et Evelyne NACHEL")],
                              3),
    "budget.total_vs_articles": ([("8 395 650,00 5 867 917,70", "8 395 650,00 5 867 917,71")], 4),
    "budget.line_within_ae": ([("600 000,00 532 000,00", "500 000,00 532 000,00")], 4),
    "ids.siret_checksum": ([("48054398200023", "48054398200024")], 11),
    "ids.iban_checksum": ([("FR76 1007 1750 0000 0010 0516 217", "FR76 1007 1750 0000 0010 0516 218")], 19),
    "annexes.referenced_present": ([("projet joint en annexe 9", "projet joint en annexe 14")],
                                   3),
    "conventions.signatory_matches_representative": ([("Hélène GUY \n", "Hélène GUI \n")], 36),
    "conventions.amount_matches_article": ([("s’élève donc à 37 130.40 €", "s’élève donc à 37 130.50 €")], 31),
    "report.operations_vs_article": ([("345 769.05 €", "345 769.15 €")], 6),
    "dates.signature_not_before_session": ([("ARRAS, le 17 juin 2024", "ARRAS, le 16 juin 2024")], 5),
}
# scdl.publishable is a batch-scope rule (evaluated once per file by the batch, tests/test_open_data.py).
CONSEQUENCES: dict[str, list] = {}


def fails(findings: list[Finding]) -> Counter:
    return Counter((f.rule, f.page) for f in findings if f.status == "fail")


@pytest.fixture(scope="module")
def baseline() -> list[Finding]:
    return process_file(SAMPLE_A).rows["findings"]


def test_every_rule_of_the_catalogue_has_an_alteration():
    assert set(ALTERATIONS) <= set(RULES)
    assert set(RULES) - set(ALTERATIONS) <= {"ocr.low_confidence", "scdl.publishable"}


def test_the_seed_arithmetic_comes_out_right(baseline):
    by_rule = Counter((f.rule, f.status) for f in baseline)
    assert by_rule[("votes.sum_vs_members", "pass")] == 4 and by_rule[("votes.sum_vs_members", "fail")] == 0
    assert by_rule[("budget.total_vs_articles", "pass")] == 1
    assert [f.found for f in baseline if f.rule == "budget.total_vs_articles"] == ["9 710 272,97 €"]
    assert [f.expected for f in baseline if f.rule == "annexes.referenced_present" and f.status == "fail"] == ["6"]
    signed = [f for f in baseline if f.rule == "conventions.signatory_matches_representative" and f.status == "fail"]
    assert [(f.expected, f.found) for f in signed] == [("Jean-Claude LOUIS", "Gérard FONTAINE")]
    # the known, documented failures of the unaltered sample and nothing else
    assert fails(baseline) == Counter({("annexes.referenced_present", 2): 1,
                                       ("conventions.signatory_matches_representative", 34): 1,
                                       ("conventions.amount_matches_article", 18): 1,
                                       ("report.operations_vs_article", 7): 1})


@pytest.mark.parametrize("rule_id", sorted(ALTERATIONS))
def test_rule_passes_on_the_sample_and_fails_on_one_change(rule_id, baseline, make_samples, tmp_path):
    replacements, page = ALTERATIONS[rule_id]
    assert any(f.rule == rule_id and f.status == "pass" for f in baseline), "passes on the unaltered sample"
    altered = make_samples.build_pdf("a", tmp_path / f"{rule_id}.pdf", replacements)
    findings = process_file(altered).rows["findings"]
    new = fails(findings) - fails(baseline)
    expected = Counter({(rule_id, page): 1}) + Counter(CONSEQUENCES.get(rule_id, []))
    assert new == expected, [f.message for f in findings if f.status == "fail"]
    assert all(f.severity == RULES[rule_id].severity for f in findings if f.rule == rule_id)


def test_rules_never_raise_on_odd_records():
    result = FileResult(Document(doc_id="0000000000000000", source_file="odd.pdf", status="ok"))
    from models.records import Deliberation, Vote
    result.add(Deliberation(doc_id="0000000000000000", delib_id="1"))
    result.add(Vote(doc_id="0000000000000000", delib_id="1", block=None, pour=3))
    findings = evaluate(result)
    assert {f.rule for f in findings} >= {"extraction.required_fields", "votes.sum_vs_members"}
    assert all(f.status in ("pass", "fail", "skip") for f in findings)


def test_an_unreadable_file_still_gets_a_finding(bad_files):
    result = process_file(bad_files["encrypted"])
    assert [(f.rule, f.status) for f in result.rows["findings"]] == [("extraction.required_fields", "fail")]
    assert "encrypted" in result.rows["findings"][0].message


def test_ocr_low_confidence_passes_and_fails():
    result = FileResult(Document(doc_id="0000000000000000", source_file="scan.pdf", status="ok"))
    result.ocr_pages = [1, 2]
    assert [(f.rule, f.status) for f in evaluate(result) if f.rule == "ocr.low_confidence"] == [
        ("ocr.low_confidence", "pass")]
    result.low_confidence = [(3, "145,98 €", 28.0)]
    (finding,) = [f for f in evaluate(result) if f.rule == "ocr.low_confidence"]
    assert (finding.status, finding.page, finding.found) == ("fail", 3, "28")
    text_only = FileResult(Document(doc_id="0000000000000001", source_file="text.pdf", status="ok"))
    assert not [f for f in evaluate(text_only) if f.rule == "ocr.low_confidence"]
