"""Items of a session record that are only information (the mayor's decisions taken by delegation, "questions
diverses", a report the council takes note of) are kept apart from the voted deliberations: a row of
information.csv each, no deliberation row, their text in no deliberation, and said in the extraction.left_out
finding. Real documents of ../shared/corpus, exact expected values read on the PDFs; skipped without the corpus."""

from __future__ import annotations

import sqlite3
from functools import lru_cache

import pytest

from conftest import CORPUS, needs_corpus
from models.records import Information
from pipeline.export.csv_tables import table_text
from pipeline.export.sqlite import write_sqlite
from pipeline.process import Options, process_file

pytestmark = needs_corpus


@lru_cache(maxsize=None)
def result(relative: str):
    return process_file(CORPUS / relative, Options(ocr="never"))


def items(relative: str) -> list[tuple]:
    return [(i.item, i.title, i.kind, i.page_start, i.page_end) for i in result(relative).rows.get("information", [])]


def deliberations(relative: str) -> dict:
    return {d.delib_id: d for d in result(relative).rows["deliberations"]}


LARBRESLE = "larbresle/compte-rendu-cm-2013-07-09.pdf"
MONTPELLIER = "montpellier/CR_CM_07_02_2011.pdf"
AIGLUN = "aiglun/CR CM 19122013.pdf"


def test_larbresle_delegated_decisions_a_report_taken_note_of_and_questions_diverses():
    # p. 2 "III. DECISIONS PRISES EN VERTU DES POUVOIRS DELEGUES" then DL-055-07-13, which the council "prennent
    # acte de cette décision"; p. 17 DL-065-07-13 "Rapport d'activité 2012 de la CCPA", "prnnent acte"; p. 18-19
    # "IX. QUESTIONS DIVERSES – INFORMATIONS": none is voted. DL-055-07-13 and DL-065-07-13 print numbers of the
    # sitting's own register: deliberations with no vote (segment.numbered_acts), as the ground truth has them
    # (outcome "noted"); the heading of item III stays an information item, on its page
    assert items(LARBRESLE) == [
        ("III", "DECISIONS PRISES EN VERTU DES POUVOIRS DELEGUES", "decisions_delegation", 2, 2),
        ("IX", "QUESTIONS DIVERSES – INFORMATIONS", "questions_diverses", 18, 19),
    ]
    delibs = deliberations(LARBRESLE)
    assert (delibs["DL-055-07-13"].title, delibs["DL-055-07-13"].page_start) == (
        "Signature du marché: Etude communale de ruissellement / zonage pluvial et propositions d'aménagement", 2)
    assert (delibs["DL-065-07-13"].title, delibs["DL-065-07-13"].page_start) == ("Rapport d'activité 2012 de la CCPA", 17)
    assert not [v for v in result(LARBRESLE).rows["votes"] if v.delib_id in ("DL-055-07-13", "DL-065-07-13")]
    # the item before them no longer runs on into their pages: the approval of the minutes stops on p. 2, the
    # last deliberation on p. 17 (it ran to p. 19, the questions diverses)
    assert (delibs["46f5dcc05e4c8dee#1"].page_start, delibs["46f5dcc05e4c8dee#1"].page_end) == (2, 2)
    assert (delibs["DL-064-07-13"].page_start, delibs["DL-064-07-13"].page_end) == (15, 17)
    assert not [a for a in result(LARBRESLE).rows["amounts"] if a.delib_id == "DL-064-07-13" and a.page > 17]


def test_the_left_out_finding_names_each_information_item_with_its_page_and_title():
    found = [(f.page, f.quote) for f in result(LARBRESLE).rows["findings"]
             if f.rule == "extraction.left_out" and "information.csv" in (f.message or "")]
    assert found == [(2, "DECISIONS PRISES EN VERTU DES POUVOIRS DELEGUES"), (18, "QUESTIONS DIVERSES – INFORMATIONS")]


def test_montpellier_a_communication_taken_note_of_and_the_reading_of_the_mayors_decisions():
    # "Max LEVITA 68. Communication au Conseil Municipal du rapport … d'activités" / "Le conseil municipal prend
    # acte." (p. 9, no vote), and at the end "Mme le Maire Articles L 2122-22 et L 2122-23 … – Lecture des
    # décisions prises depuis la dernière séance publique du Conseil municipal" (p. 12)
    assert items(MONTPELLIER) == [
        ("68", "Communication au Conseil Municipal du rapport retraçant l'activité de la Communauté "
               "d'Agglomération de Montpellier pour l'exercice 2009 sur la base de son rapport d'activités",
         "prise_acte", 9, 9),
        (None, "Mme le Maire Articles L 2122-22 et L 2122-23 du Code Général des Collectivités Territoriales – "
               "Lecture des décisions prises depuis la dernière séance publique du Conseil municipal",
         "decisions_delegation", 12, 12),
    ]
    # the closing signature ("Madame Le Maire,\nHélène MANDROUX") follows the last item: still the president
    assert {d.president for d in deliberations(MONTPELLIER).values()} == {"Hélène MANDROUX"}


def test_aiglun_the_mayors_numbered_decisions_are_one_item_and_not_glued_to_the_last_vote():
    # p. 4 "ELUS – Décisions prises par le maire dans le cadre de sa délégation de pouvoirs de la part du conseil
    # municipal", then items 14 to 23 (sub-contracting, a cemetery concession…), none voted; p. 6 "INFORMATIONS
    # ET QUESTIONS DIVERSES" and its dashed list
    assert items(AIGLUN) == [
        (None, "ELUS – Décisions prises par le maire dans le cadre de sa délégation de pouvoirs de la part du "
               "conseil municipal", "decisions_delegation", 4, 5),
        (None, "INFORMATIONS ET QUESTIONS DIVERSES", "questions_diverses", 6, 6),
    ]
    delibs = deliberations(AIGLUN)
    assert delibs["71611a6812403304#13"].title == "Hygiène et sécurité – Document unique"
    assert delibs["71611a6812403304#13"].page_end == 4
    # the mayor's decisions' amounts are still amounts of the file, attached to no deliberation
    amounts = [(a.raw, a.page) for a in result(AIGLUN).rows["amounts"] if a.section == "information"]
    assert amounts[:2] == [("53 807.70 € ht", 4), ("14 100.00 € ht", 4)]
    assert not [a for a in result(AIGLUN).rows["amounts"] if a.delib_id == "71611a6812403304#13"]


def test_voted_questions_diverses_stay_deliberations():
    # Couthenans 2023: "12/ Délibération sur les questions diverses" is voted (4 contre, 8 pour); "13/ Questions
    # diverses" that follows is not
    relative = "couthenans/CR_conseil_municipal_24_02_2023.pdf"
    titles = [d.title for d in result(relative).rows["deliberations"]]
    assert "Délibération sur les questions diverses" in titles
    assert items(relative) == [("13", "Questions diverses", "questions_diverses", 2, 3)]
    # Putanges 2022: "QUESTIONS DIVERSES" heads two voted, numbered deliberations: no information item
    assert items("putanges/cr-registre-des-deliberations-de-la-seance-du-29-mars-2022.pdf") == []


def test_an_agenda_line_and_the_registers_index_are_not_items():
    # Pierrefonds 2024: the agenda lists "Décisions prises par délégation …" and "V. Questions diverses - RPQS";
    # only the items themselves (p. 2, the mayor's decisions DM 2024-10 to 13; p. 14) are kept
    assert items("pierrefonds/20241210-PV.pdf") == [
        (None, "Décisions prises par délégation du Conseil Municipal au maire", "decisions_delegation", 2, 3),
        ("V", "QUESTIONS DIVERSES", "questions_diverses", 14, 15),
    ]
    # Pierrefonds 2025: the item's title printed right under the agenda's last line ("- Bilan annuel des cessions
    # et acquisitions"), then "Néant"
    assert items("pierrefonds/20250403-PV.pdf") == [
        (None, "Décisions prises par délégation du Conseil Municipal au maire :", "decisions_delegation", 2, 2)]
    # Putanges 2019: two items "(pas de délibération – voir compte rendu)" on p. 17, listed again in the index of
    # the register on p. 18
    assert [(i[0], i[2], i[3]) for i in items("putanges/seance-du-11-03-2019-deliberations.pdf")] == [
        ("2019-03-24", "information", 17), ("2019-03-25B", "information", 17)]


def test_information_table_in_csv_and_sqlite(tmp_path):
    res = result(LARBRESLE)
    text = table_text("information", [res])
    assert text.splitlines()[0] == "doc_id,item,title,kind,page_start,page_end"
    assert text.splitlines()[2] == "46f5dcc05e4c8dee,IX,QUESTIONS DIVERSES – INFORMATIONS,questions_diverses,18,19"
    path = write_sqlite([res], tmp_path)
    with sqlite3.connect(path) as db:
        rows = db.execute("SELECT item, kind, page_start FROM information ORDER BY page_start").fetchall()
    assert rows == [("III", "decisions_delegation", 2), ("IX", "questions_diverses", 18)]
    assert Information.TABLE == "information"


@pytest.mark.parametrize("relative", ["bourg-en-bresse/deliberation-2016-02-01-n2016.02.16.pdf",
                                      "montpellier/2014-04-24-0000071217.pdf"])
def test_a_single_deliberation_has_no_information_item(relative):
    # the delegation deliberation of Montpellier 2014 quotes L 2122-22 throughout: it is one voted deliberation
    assert items(relative) == []
    assert len(result(relative).rows["deliberations"]) == 1


@pytest.mark.parametrize("voted", [False, True])
def test_a_report_taken_note_of_is_a_deliberation_voted_or_not(voted):
    # L'Arbresle 2013 from p. 13, paragraph by paragraph, as it is printed; then the same text with the vote line
    # of a Montpellier compte rendu ("Adopté à l'unanimité") after "… prnnent acte du rapport d'activité 2012":
    # voted, DL-065-07-13 is a deliberation, whatever its title says
    from pipeline.ingest import ingest
    from pipeline.segment import lines_to_paragraphs, segment
    from pipeline.textdoc import text_to_document

    paragraphs = [p.text for p in lines_to_paragraphs(ingest(CORPUS / LARBRESLE, ocr="never")) if p.page >= 13]
    text = "\n\n".join(p + ("\n\nAdopté à l’unanimité" if voted and "prnnent acte" in p else "") for p in paragraphs)
    seg = segment(text_to_document(text, "larbresle-p13.txt", single_space_breaks=False))
    numbers = [d.number for d in seg.deliberations if d.number]
    information = [(i.item, i.kind) for i in seg.information]
    # not voted, it is still a deliberation: it prints a number of the sitting's register and the council takes note
    assert numbers == ["DL-063-07-13", "DL-064-07-13", "DL-065-07-13"]
    assert information == [("IX", "questions_diverses")]
