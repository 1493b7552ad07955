"""Every validation rule passes on the unaltered sample and fails on a copy altered by one change, made by the
sample generator itself: exactly the intended rule fails, on the right page."""

from __future__ import annotations

from collections import Counter

import pytest

from conftest import CORPUS, SAMPLE_A, needs_corpus
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
# What the quote of each injected failure prints (the altered text, as the PDF prints it).
QUOTES = {
    "attendance.unique": "Zohra OUAGUEF",
    "recusals.known_member": "René HOCK",
    "recusals.within_tally": "Maryse CAUWET",
    "budget.total_vs_articles": "articles 1",
    "budget.line_within_ae": "532 000,00",
    "ids.siret_checksum": "48054398200024",
    "ids.iban_checksum": "0516 218",
    "annexes.referenced_present": "annexe 14",
    "conventions.signatory_matches_representative": "Hélène GUI",
    "conventions.amount_matches_article": "37 130.50",
    "report.operations_vs_article": "345 769.15",
    "dates.signature_not_before_session": "ARRAS, le 16 juin 2024",
    "votes.sum_vs_members": "33 voix",
}


def fails(findings: list[Finding]) -> Counter:
    return Counter((f.rule, f.page) for f in findings if f.status == "fail")


@pytest.fixture(scope="module")
def baseline() -> list[Finding]:
    return process_file(SAMPLE_A).rows["findings"]


def test_every_rule_of_the_catalogue_has_an_alteration():
    assert set(ALTERATIONS) <= set(RULES)
    # no counts printed on the seed: attendance.counts_vs_lists is tested on altered copies and records below;
    # scdl.publishable is a batch-scope rule (tests/test_open_data.py)
    assert set(RULES) - set(ALTERATIONS) <= {"ocr.low_confidence", "scdl.publishable", "attendance.counts_vs_lists",
                                             "document.kind", "extraction.left_out"}


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
    injected = [f for f in findings if f.rule == rule_id and f.status == "fail" and f.page == page]
    if RULES[rule_id].family == "document":
        assert injected[0].quote and len(injected[0].quote) <= 300, injected[0]
        assert QUOTES[rule_id] in injected[0].quote, injected[0].quote
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


def _sitting(counts: dict, quote: str) -> FileResult:
    """A deliberation whose list names 3 present members (one holding a proxy) and 2 excused (one giving it)."""
    from models.records import Attendance, Deliberation
    from pipeline.normalize.names import name_key

    result = FileResult(Document(doc_id="0000000000000002", source_file="sitting.pdf", status="ok",
                                 kind="deliberation"))
    result.add(Deliberation(doc_id="0000000000000002", delib_id="2024-12", page_start=1, counts_printed=counts,
                            counts_quote=quote, title="Budget primitif"))
    for status, name, proxy in (("present", "Anne MARTIN", None), ("present", "Paul DURAND", None),
                                ("present", "Luc PETIT", None), ("excused", "Marie ROUX", "Paul DURAND"),
                                ("excused", "Jean LEROY", None)):
        result.add(Attendance(doc_id="0000000000000002", delib_id="2024-12", status=status, name=name,
                              name_key=name_key(name), proxy_to=proxy, page=1))
    return result


def test_attendance_counts_agree_with_the_lists():
    quote = "En exercice : 5 Présents : 3 Votants : 4 Pouvoirs : 1"
    result = _sitting({"en_exercice": 5, "presents": 3, "votants": 4, "pouvoirs": 1}, quote)
    (finding,) = [f for f in evaluate(result) if f.rule == "attendance.counts_vs_lists"]
    assert (finding.status, finding.expected, finding.found) == ("pass", "présents 3, votants 4, pouvoirs 1",
                                                                 "présents 3, votants 4, pouvoirs 1")
    assert (finding.family, finding.severity, finding.title) == ("document", "warning", "Budget primitif")


def test_attendance_counts_disagree_with_the_lists():
    quote = "En exercice : 5 Présents : 4 Votants : 4"
    result = _sitting({"en_exercice": 5, "presents": 4, "votants": 4}, quote)
    (finding,) = [f for f in evaluate(result) if f.rule == "attendance.counts_vs_lists"]
    assert (finding.status, finding.page, finding.quote) == ("fail", 1, quote)
    assert finding.message == ("The printed counts disagree with the names listed: présents: 4 printed, 3 listed "
                               "(Anne MARTIN, Paul DURAND, Luc PETIT).")
    no_counts = _sitting({}, None)
    assert not [f for f in evaluate(no_counts) if f.rule == "attendance.counts_vs_lists"]


def test_document_kind_passes_on_a_deliberation_and_fails_on_an_arrete():
    result = _sitting({}, None)
    result.document.kind_reason = "« EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS »"
    (finding,) = [f for f in evaluate(result) if f.rule == "document.kind"]
    assert (finding.status, finding.family, finding.severity) == ("pass", "reading", "info")
    other = FileResult(Document(doc_id="0000000000000003", source_file="arrete.pdf", status="partial", kind="other",
                                kind_reason="« ARRÊTÉ DU MAIRE »"))
    (finding,) = [f for f in evaluate(other) if f.rule == "document.kind"]
    assert (finding.status, finding.found, finding.quote) == ("fail", "other", "ARRÊTÉ DU MAIRE")
    assert finding.message == "« ARRÊTÉ DU MAIRE ». It yields no deliberation rows."


def test_rule_bodies_name_no_rule_id_and_import_no_stage():
    import inspect

    import regex

    from pipeline import reconcile

    source = inspect.getsource(reconcile)
    bound = [r for r in RULES if r not in ("votes.sum_vs_members", "budget.total_vs_articles",
                                           "scdl.publishable")]  # their helpers still name the id
    assert not [r for r in bound if f'ctx.finding("{r}"' in source]
    assert "pipeline.export" not in source
    # one extractor import is left: the imputation passage's wording, read by budget.total_vs_articles
    assert regex.findall(r"from pipeline\.extract\S* import \w+", source) == [
        "from pipeline.extract.budget import imputes"]


@needs_corpus
def test_attendance_counts_on_real_minutes():
    """L'Arbresle prints its session's counts once (21 présents, 28 votants): one finding for the session, that
    quotes them. Flaux prints "dont 3 procurations" and its scan's OCR runs the three proxies together on one line
    ("… donne procuration à Michel VAILLIES Patricia MICHOT donne procuration à …"): read one by one, they agree."""
    findings = process_file(CORPUS / "larbresle" / "compte-rendu-cm-2013-07-09.pdf").rows["findings"]
    (counts,) = [f for f in findings if f.rule == "attendance.counts_vs_lists"]
    assert (counts.status, counts.delib_id, counts.page, counts.expected, counts.found) == (
        "pass", None, 1, "présents 21, votants 28", "présents 21, votants 28")
    assert counts.quote == ("Nombre de conseillers en exercice : 29 / Nombre de conseillers présents : 21 / "
                            "Nombre de conseillers votants : 28")
    findings = process_file(CORPUS / "flaux" / "compte rendu du 11 mars 2021.pdf").rows["findings"]
    (counts,) = [f for f in findings if f.rule == "attendance.counts_vs_lists"]
    assert (counts.status, counts.quote) == ("pass", "dont 3 procurations")


@needs_corpus
def test_document_kind_on_real_files():
    arrete = process_file(CORPUS / "non_deliberation" / "arrete-prefectoral-2025-132-003.pdf")
    (kind,) = [f for f in arrete.rows["findings"] if f.rule == "document.kind"]
    assert (kind.status, kind.severity, kind.family, kind.quote) == ("fail", "info", "reading",
                                                                      "ARRÊTÉ PRÉFECTORAL N° 2025-132-003")
    assert "deliberations" not in arrete.rows
    minutes = process_file(CORPUS / "larbresle" / "compte-rendu-cm-2013-07-09.pdf")
    (kind,) = [f for f in minutes.rows["findings"] if f.rule == "document.kind"]
    assert (kind.status, kind.found, kind.quote) == ("pass", "session_record", "COMPTE RENDU DE LA SEANCE DU")


def test_what_extraction_left_out_is_a_reading_finding():
    result = _sitting({}, None)
    assert not [f for f in evaluate(result) if f.rule == "extraction.left_out"]
    result.dropped = [(2, "Pour : 49 / Contre : 33", "82 voices for a council of 15 listed members: a poll, not "
                                                     "the council's vote")]
    (finding,) = [f for f in evaluate(result) if f.rule == "extraction.left_out"]
    assert (finding.status, finding.family, finding.severity, finding.page, finding.quote, finding.delib_id) == (
        "fail", "reading", "info", 2, "Pour : 49 / Contre : 33", "2024-12")
    assert finding.message == ("Read and left out: 82 voices for a council of 15 listed members: a poll, not the "
                               "council's vote.")


@needs_corpus
def test_a_residents_poll_is_said_not_dropped():
    result = process_file(CORPUS / "couthenans" / "CR_reunion_20210604.pdf")
    (poll,) = [f for f in result.rows["findings"] if f.rule == "extraction.left_out"]
    assert (poll.status, poll.family) == ("fail", "reading")
    assert "49" in poll.quote and "33" in poll.quote and "a poll, not the council's vote" in poll.message


@pytest.mark.parametrize("printed, status", [(37, "pass"), (36, "fail")])
def test_attendance_counts_on_the_altered_sample(printed, status, make_samples, tmp_path):
    """The sample lists 37 members present; a copy that prints their number passes, one that prints 36 fails."""
    altered = make_samples.build_pdf("a", tmp_path / f"counts-{printed}.pdf", [
        ("Étaient présents :", f"Nombre de conseillers présents : {printed}\nÉtaient présents :")])
    findings = process_file(altered).rows["findings"]
    (counts,) = [f for f in findings if f.rule == "attendance.counts_vs_lists"]
    assert (counts.status, counts.page, counts.quote) == (status, 1, f"Nombre de conseillers présents : {printed}")
    assert (counts.expected, counts.found) == (f"présents {printed}", "présents 37")
    others = fails(findings) - Counter({("attendance.counts_vs_lists", 1): 1})
    assert others == fails(process_file(SAMPLE_A).rows["findings"])  # nothing else changes


def test_document_kind_on_the_samples():
    from conftest import NON_DELIBERATION

    (kind,) = [f for f in process_file(SAMPLE_A).rows["findings"] if f.rule == "document.kind"]
    assert (kind.status, kind.found) == ("pass", "deliberation")
    (kind,) = [f for f in process_file(NON_DELIBERATION).rows["findings"] if f.rule == "document.kind"]
    assert (kind.status, kind.found, kind.quote) == ("fail", "other", "La Lettre de Beaumarais")
