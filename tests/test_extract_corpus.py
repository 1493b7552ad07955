"""Attendance, recusals and votes of the real documents of ../shared/corpus against their hand-written expected
files (tests/expected/<collectivite>__<file>.json), scored with bench/accuracy.py; plus exact checks of formulas
that broke before (each test names the document and what it prints). Skipped when the corpus is absent."""

from __future__ import annotations

import importlib.util
import sys
from datetime import date

import pytest

from conftest import CORPUS, REPO, needs_corpus, needs_tesseract
from pipeline.process import Options, process_file

pytestmark = needs_corpus

# Corpus F1 per table reached with the extractor (bench/accuracy.py, group "corpus"), minus a small margin.
F1_FLOORS = {"attendance": 0.98, "recusals": 0.95, "votes": 0.97}


def load_accuracy():
    name = "bench_accuracy"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, REPO / "bench" / "accuracy.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


@pytest.fixture(scope="module")
def scored():
    """(score lines, extracted results by PDF path) over the corpus expected files, computed once."""
    accuracy = load_accuracy()
    results: dict = {}
    lines = accuracy.measure(groups=("corpus",), results=results)
    return accuracy, lines, results


def result_for(scored, relative: str):
    _, _, results = scored
    return results[str(CORPUS / relative)]


@pytest.mark.parametrize("table", sorted(F1_FLOORS))
def test_corpus_f1_floor(scored, table):
    accuracy, lines, _ = scored
    totals = accuracy.totals(lines).set_index(["group", "table"])
    row = totals.loc[("corpus", table)]
    assert row.f1 >= F1_FLOORS[table], f"{table}: precision {row.precision:.3f}, recall {row.recall:.3f}"


def test_montpellier_single_deliberation_2013_11(scored):
    # 2013-02-04-0000061097.pdf: "Extrait du registre", n° 2013/11, its own attendance list, "Le Conseil adopte."
    result = result_for(scored, "montpellier/2013-02-04-0000061097.pdf")
    (delib,) = result.rows["deliberations"]
    assert delib.delib_id == "2013/11"
    assert delib.session_date == date(2013, 2, 4)
    assert (delib.n_present, delib.n_excused, delib.n_absent) == (49, 7, 5)
    (vote,) = result.rows["votes"]
    assert (vote.delib_id, vote.outcome, vote.unanimous) == ("2013/11", "adopted", False)
    # "En conséquence, il est demandé au Conseil Municipal : - d'approuver … - d'autoriser Madame le Maire …":
    # no numbered articles, two clauses
    articles = result.rows["articles"]
    assert [(a.article, a.block, a.kind, a.page, a.numbered) for a in articles] == [
        (1, 1, "other", 2, False), (2, 1, "authorization", 2, False)]
    assert articles[0].text == ("d’approuver le projet de convention constitutive de groupement de commandes en vue "
                                "de la réalisation des travaux de réfection des tranchées sur la voirie communale ;")
    assert articles[1].text.endswith("tout document relatif à cette affaire.")
    assert vote.articles == [1, 2] and delib.n_articles == 2
    required = [f for f in result.rows["findings"] if f.rule == "extraction.required_fields"]
    assert [f.status for f in required] == ["pass"]


def test_putanges_decisions_in_clauses(scored):
    # seance-du-29-07-2019, 2019-07-01: "Après en avoir délibéré, le Conseil Municipal, à l'unanimité des Membres
    # présents ; • Donne pouvoir à Monsieur le Maire … de signer … • Décide de s'acquitter … • Charge Monsieur le
    # Maire …"; 2019-07-09 numbers its articles (Article 1 … Article 4): those stay numbered
    result = result_for(scored, "putanges/seance-du-29-07-2019-deliberations.pdf")
    first = [a for a in result.rows["articles"] if a.delib_id == "2019-07-01"]
    assert [(a.article, a.kind, a.page) for a in first] == [(1, "authorization", 2), (2, "other", 2), (3, "other", 2)]
    assert [a.text.split()[0] for a in first] == ["Donne", "Décide", "Charge"]
    numbered = [a for a in result.rows["articles"] if a.delib_id == "2019-07-09"]
    assert [(a.article, a.numbered) for a in numbered] == [(1, True), (2, True), (3, True), (4, True)]
    # an amount inside a clause is that clause's: "Approuve l'ajout d'une somme de 2.917,39 € HT" (2019-07-06)
    amounts = {(a.section, str(a.value)) for a in result.rows["amounts"] if a.delib_id == "2019-07-06"}
    assert ("article 3", "2917.39") in amounts


def test_putanges_baechler_recused_on_three_deliberations(scored):
    # seance-du-29-07-2019: "… à l'exception de Monsieur BAECHLER qui ne prend pas part au vote" (2019-07-13),
    # "… de Monsieur Ludovic BAECHLER qui ne prend pas part au vote" (2019-07-14, 2019-07-15)
    result = result_for(scored, "putanges/seance-du-29-07-2019-deliberations.pdf")
    baechler = sorted(r.delib_id for r in result.rows["recusals"] if r.name_key.endswith("BAECHLER"))
    assert baechler == ["2019-07-13", "2019-07-14", "2019-07-15"]
    assert all(r.kind == "recused" and r.block == 1 for r in result.rows["recusals"])
    # "Monsieur le Maire … qui ne prend pas part au vote" (2019-07-08): the president of the session
    assert [(r.delib_id, r.name) for r in result.rows["recusals"] if r.delib_id == "2019-07-08"] == [
        ("2019-07-08", "Sébastien LEROUX")]


def test_pierrefonds_subsidy_table_one_vote_per_row(scored):
    # CM-11-avril-2023 p.3: a ruled table whose VOTE column gives each association its own vote; "Pour à
    # l'unanimité. M. LUDER ne prend pas part au vote." in the row of Les amis du jumelage (4th row)
    result = result_for(scored, "pierrefonds/CM-11-avril-2023.pdf")
    page3 = [v for v in result.rows["votes"] if v.page == 3]
    assert len(page3) == 12
    delib_id = page3[0].delib_id
    assert [v.block for v in page3] == list(range(1, 13)) and {v.delib_id for v in page3} == {delib_id}
    assert [(v.pour, v.contre, v.abstention) for v in page3 if not v.unanimous] == [(16, None, 1), (16, 1, None)]
    recusals = {(r.block, r.name_key) for r in result.rows["recusals"] if r.delib_id == delib_id}
    assert recusals == {(4, "LUDER"), (10, "TOLEDANO")}


def test_pierrefonds_departure_tied_to_a_vote_is_a_recusal(scored):
    # compte-rendu-10-04-2018: "Madame le maire quitte la séance." … vote … "Madame le maire réintègre la séance"
    # for both comptes administratifs; the mayor is named by the header ("sous la présidence de Madame Michèle
    # BOURBIER, maire")
    result = result_for(scored, "pierrefonds/compte-rendu-10-04-2018.pdf")
    mayor = [r for r in result.rows["recusals"] if r.name == "Michèle BOURBIER"]
    assert len(mayor) == 2 and all(r.member_status == "present" for r in mayor)


def test_montpellier_movements_are_not_recusals_and_body_proxies_fill_proxy_to(scored):
    # CR_CM_09_05_2011: "Monsieur Hervé Martin sort de séance." is a movement; "Madame le Maire, Messieurs Lévita,
    # … administrateurs de la SERM ne participent pas au vote." is a recusal (the mayor named by the signature);
    # "Madame Claverie (avec la procuration de Madame Capuozzi Boualam) sort de séance" names a proxy holder
    result = result_for(scored, "montpellier/CR_CM_09_05_2011.pdf")
    names = [r.name for r in result.rows["recusals"]]
    assert names.count("Hélène MANDROUX") == 2 and "Hervé Martin" not in names
    proxies = {a.name: a.proxy_to for a in result.rows["attendance"] if a.proxy_to}
    assert proxies == {"Tatiana CAPUOZZI-BOUALAM": "Claverie", "Stéphane MELLA": "Julien"}


def test_couthenans_prose_votes_and_a_residents_poll(scored):
    # CR_reunion_20210604: "Vote : 14 pour / 0 contre / 0 abstention adopté", two DM1 votes on consecutive lines,
    # "Proposition non retenue par le conseil municipal." (rejected), and a survey "Pour : 49 / Contre : 33" of
    # residents in a 15-member council, which is not a vote
    result = result_for(scored, "couthenans/CR_reunion_20210604.pdf")
    votes = [(v.pour, v.contre, v.abstention, v.outcome) for v in result.rows["votes"]]
    assert votes.count((14, 0, 0, "adopted")) == 6
    assert (None, None, None, "rejected") in votes
    assert all((v.pour or 0) <= 15 for v in result.rows["votes"])


def test_a_title_under_a_vote_opens_the_next_decision():
    # CR_reunion_20210129, "III Adhésion aux associations.": "SHAARL (…) sollicite une subvention par cotisation de
    # 20€/an." / "ADOPTÉ à l'unanimité." / "ACCDM (Association de Citoyens Contre les Déserts Médicaux)" on a line of
    # its own / its case / "ADOPTÉ 9 voix pour, 5 abstentions.": two decisions put to the vote, two deliberations
    result = process_file(CORPUS / "couthenans/CR_reunion_20210129.pdf", Options(ocr="never"))
    titles = [d.title for d in result.rows["deliberations"]]
    assert titles == ["Convention de mise à disposition de personnel.", "PADD.", "Adhésion aux associations.",
                      "ACCDM (Association de Citoyens Contre les Déserts Médicaux)"]
    votes = [(v.pour, v.contre, v.abstention, v.unanimous) for v in result.rows["votes"]]
    assert votes == [(None, None, None, True)] * 3 + [(9, None, 5, False)]
    # compte-rendu-10-04-2018, subsidies voted one by one: "Pierrefonds animations 2000 €" / its case / "Vote :" /
    # "Pour : 14 / Abstentions : 3, …" / "Mme HEURTAULT précise que la CCLO n'accorde cette année …" (a sentence the
    # width of the text, no title) / "Jumelage 1000 €" / … / "Vote :" / "Pour : 14 …": the second vote stays with
    # the first's subsidy, as nothing but a title under a vote opens a decision
    result = process_file(CORPUS / "pierrefonds/compte-rendu-10-04-2018.pdf", Options(ocr="never"))
    titles = [d.title for d in result.rows["deliberations"]]
    assert titles[2:9] == ["A.C.P.G.-A.C.A.T.M. 320 €", "U.N.C. 320 €", "Comité des Fêtes 2000 €",
                           "Pierrefonds animations 2000 €", "Coopérative scolaire 2000 €", "Judo 500 €", "USP 2600 €"]
    animations = [(v.pour, v.abstention) for v in result.rows["votes"] if v.delib_id.endswith("#6")]
    assert animations == [(14, 3), (14, 3), (None, None)]


@needs_tesseract
def test_a_dashed_title_under_a_vote_opens_the_next_decision():
    # cr conseil municipal du 15 juin 2012 (a scan), "1. RÉSEAUX – Eau / Assainissement : Rapport 2011 …": "Le conseil
    # municipal approuve les rapports 2011 …" / "—Assainissement : Participation pour l'assainissement collectif
    # (Pac)" / … / "Le conseil municipal approuve la proposition, à l'unanimité …" / "—Gaz naturel : Rapport 2011" /
    # …: three decisions under one number, each title after a dash
    result = process_file(CORPUS / "aiglun/cr conseil municipal du 15 juin 2012.pdf", Options(ocr="auto"))
    titles = [d.title for d in result.rows["deliberations"]]
    assert titles[1:3] == ["—Assainissement : Participation pour l'assainissement collectif (Pac)",
                           "—Gaz naturel : Rapport 2011"]
    owners = [v.delib_id for v in result.rows["votes"]]
    assert [owners.count(d.delib_id) for d in result.rows["deliberations"][:3]] == [1, 1, 1]


@needs_tesseract
def test_a_proxy_giver_named_by_surname_is_the_member_listed_excused():
    # compte-rendu-seance-du-16-decembre-2024 (a scan): "Excusés : Viviane JAMES, Kévin LEGENTIL, Jean-Louis PITEL,
    # Annick MACE" then "Pouvoirs : Monsieur LEGENTIL donne pouvoir à monsieur BEAUFRERE, Jean-Louis PITEL donne
    # pouvoir à madame GUILLOUET, madame JAMES donne pouvoir à monsieur GRANDIN": four members excused, three with
    # a proxy, not six rows
    result = process_file(CORPUS / "putanges/compte-rendu-seance-du-16-decembre-2024.pdf", Options(ocr="auto"))
    excused = [(a.name, a.proxy_to) for a in result.rows["attendance"] if a.status == "excused"]
    assert excused == [("Viviane JAMES", "GRANDIN"), ("Kévin LEGENTIL", "BEAUFRERE"),
                       ("Jean-Louis PITEL", "GUILLOUET"), ("Annick MACE", None)]
    assert sum(a.status == "present" for a in result.rows["attendance"]) == 21  # "Nombre de présents : 21"


def test_putanges_unnamed_group_gives_no_recusal_row(scored):
    # registre 16/11/2020, 2020-11-08: "sauf les conseillers municipaux membres du SIAC de Fromentel qui ne
    # prennent pas part au vote" names no one
    result = result_for(scored, "putanges/registre-deliberations-seance-du-16-novembre-2020.pdf")
    assert result.rows.get("recusals", []) == []
    (vote,) = [v for v in result.rows["votes"] if v.delib_id == "2020-11-08"]
    assert (vote.outcome, vote.unanimous) == ("adopted", True)
