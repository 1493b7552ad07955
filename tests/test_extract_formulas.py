"""Session-record formulas on short texts laid out as documents (no PDF, no corpus needed): each text reproduces the
wording of a real document, named in the test, so that the rule is checked where the corpus is absent."""

from __future__ import annotations

import textwrap

import pytest

from models.layout import Line
from models.records import Document, FileResult
from pipeline.extract import entities
from pipeline.extract.deliberation import entity_counterparty, extract_deliberations
from pipeline.segment import segment, tally_rows
from pipeline.textdoc import text_to_document


def extract(text: str) -> FileResult:
    doc = text_to_document(text, "formulas.txt")
    result = FileResult(Document(doc_id=doc.doc_id, source_file="formulas.txt", status="ok"))
    extract_deliberations(doc, segment(doc), result)
    return result


# The wording of the Montpellier comptes rendus (2011), the Pierrefonds departures (2018-2023) and the Couthenans
# prose votes (2021).
SESSION = """Compte rendu du Conseil municipal
Séance du lundi 9 mai 2011

Présents :
Anne DUPONT, Marc DURAND, Paul MARTIN, Léa PETIT.

Absents ayant voté par procuration :
Hervé MARTIN, Jeanne ROUX.

Mme le Maire Adoption de l'ordre du jour
Pour : 5
Contre : /
Adopté à l'unanimité.

1. Vente d'un terrain communal
Pour : 6
Adopté à l'unanimité.

Monsieur Paul Martin sort de séance.

2. Subvention au club de football
Monsieur DURAND quitte la séance.
Pour : 5
Adopté à l'unanimité.
Monsieur DURAND réintègre la séance.

Madame Petit (avec la procuration de Madame Roux) sort de séance.

3. Tarifs du cimetière
Vote : 4 pour / 0 contre / 0 abstention adopté
Vote pour la gratuité des cendres : 3 pour / 1 contre / 0 abstention adopté

4. Travaux de voirie
Pour : 5
Adopté à l'unanimité.
Mme le Maire, Messieurs Durand et Martin, administrateurs de la SEM, ne prennent pas part au vote.

Madame Le Maire,
Anne DUPONT
"""


@pytest.fixture(scope="module")
def session() -> FileResult:
    return extract(SESSION)


def test_procedural_vote_is_a_decision_point_and_a_slash_is_no_count(session):
    # "Pour : 57 / Contre : / / Adopté à l'unanimité." (Montpellier CR 2011-12): "57 Contre" is not a count
    first = session.rows["votes"][0]
    assert (first.pour, first.contre, first.outcome, first.unanimous) == (5, None, "adopted", True)
    assert session.rows["deliberations"][0].title == "Mme le Maire Adoption de l'ordre du jour"


def test_a_departure_is_a_recusal_only_when_tied_to_a_vote(session):
    recusals = [(r.delib_id.split("#")[1], r.name) for r in session.rows["recusals"]]
    assert ("3", "DURAND") in recusals  # quitte la séance … vote … réintègre la séance
    assert all(name != "Paul Martin" for _, name in recusals)  # "sort de séance" between two points


def test_two_votes_on_consecutive_lines_are_two_blocks(session):
    cemetery = [v for v in session.rows["votes"] if v.delib_id.endswith("#4")]
    assert [(v.block, v.pour, v.contre, v.abstention) for v in cemetery] == [(1, 4, 0, 0), (2, 3, 1, 0)]


def test_recusal_after_the_vote_with_the_mayor_named_by_the_signature(session):
    roads = [(r.civility, r.name) for r in session.rows["recusals"] if r.delib_id.endswith("#5")]
    assert roads == [("Mme", "Anne DUPONT"), ("M.", "Durand"), ("M.", "Martin")]
    assert session.rows["deliberations"][0].president == "Anne DUPONT"


def test_proxy_holder_named_in_the_body(session):
    proxies = {a.name: a.proxy_to for a in session.rows["attendance"] if a.status == "excused"}
    assert proxies == {"Hervé MARTIN": None, "Jeanne ROUX": "Petit"}


REGISTER = """COMMUNE DE PUTANGES-LE-LAC
SEANCE DU 16 NOVEMBRE 2020

Etaient présents : MM Sébastien LEROUX, Sylvain GAUDIN, Jeanne GUILLOUET.
Absents : Mr Stéphane AUVRAY

Le Conseil Municipal accepte d'ajouter à l'ordre du jour, le rapport supplémentaire suivant :
➢ Achat de terrain pour création de réserve incendie

Aucune observation n'ayant été soulevée, le compte rendu est adopté à l'unanimité.

2020-11-08 FINANCES : PARTICIPATION FINANCIERE AU SIAC DE FROMENTEL
Monsieur le Maire donne la parole à Monsieur Sylvain GAUDIN.

Après en avoir délibéré, le Conseil Municipal, à l'unanimité des Membres présents, sauf les conseillers
municipaux membres du SIAC de Fromentel qui ne prennent pas part au vote :
➢ Accepte de participer à hauteur de 6.000,00 € aux frais de fonctionnement.

2020-11-09 PROJET INTERGENERATIONNEL
Monsieur le Maire expose le projet.

Après en avoir délibéré, à la majorité des voix et une abstention le Conseil municipal ;
➢ Adhère au projet, cadastré section AB 400, 401,402 pour un montant de 3 000 €.

2020-11-10 VIDEOPROTECTION
Monsieur le Maire expose la motion.

Après en avoir délibéré, le Conseil municipal, à la majorité (26 voix contre, 1 abstention et 3 pour) des
Membres présents et représentés :
✓ N'adopte pas la proposition d'organiser une consultation.
"""


def test_register_procedural_decisions_and_majorities():
    # Putanges registers 2019-2022
    result = extract(REGISTER)
    votes = [(v.delib_id.split("#")[-1] if "#" in v.delib_id else v.delib_id, v.pour, v.contre, v.abstention,
              v.outcome, v.unanimous) for v in result.rows["votes"]]
    assert votes == [
        ("1", None, None, None, "adopted", False),  # "accepte d'ajouter à l'ordre du jour"
        ("2", None, None, None, "adopted", True),  # "le compte rendu est adopté à l'unanimité"
        ("2020-11-08", None, None, None, "adopted", True),
        ("2020-11-09", None, None, 1, "adopted", False),  # not "402 pour" from the decision below the vote
        ("2020-11-10", 3, 26, 1, "rejected", False),  # the majority was against
    ]
    assert result.rows.get("recusals", []) == []  # "les conseillers municipaux membres du SIAC" names no one


def test_counterparty_from_the_model_when_the_regex_reads_none():
    text = """COMMUNE DE SAINT-EXEMPLE
CONSEIL MUNICIPAL
SEANCE DU 3 MARS 2021

Étaient présents : Anne DUPONT, Marc DURAND, Paul MARTIN.

Après en avoir délibéré, DECIDE :

Article 1 : D'autoriser Monsieur le Maire à signer avec la Caisse d'Allocations Familiales de l'Orne la convention d'objectifs et de financement.

Article 2 : D'autoriser Monsieur le Maire à signer avec les associations citées en annexe les conventions correspondantes.

Adopté à l'unanimité.
"""
    articles = {a.article: a.counterparty for a in extract(text).rows["articles"]}
    assert articles == {1: "Caisse d'Allocations Familiales de l'Orne", 2: None}


def test_entities_on_short_spans():
    assert entities.organisations(["avec la Caisse d'Allocations Familiales de l'Orne", ""]) == [
        ["Caisse d'Allocations Familiales de l'Orne"], []]
    assert entities.nlp().pipe_names == ["ner"]  # only what the recogniser needs is loaded
    assert entities.nlp() is entities.nlp()  # once per process


def test_no_model_run_for_a_plural_set_of_parties(monkeypatch):
    # "avec les structures citées dans la thématique 1 de l'annexe 6, les conventions correspondantes"
    # (Pas-de-Calais CP 2024): the parties are listed elsewhere
    monkeypatch.setattr(entities, "nlp", lambda: pytest.fail("the model must not be run"))
    assert entity_counterparty("D'autoriser le Président à signer, au nom du Département, avec les structures "
                               "citées dans la thématique 1 de l'annexe 6, les conventions correspondantes") is None


# Communes' deliberations that decide in clauses, not numbered articles (the wording of Montpellier 2013 and of
# the Putanges registers): each clause is an article, numbered by its rank; what comes before the decision's
# opening sentence is not a clause, even when it starts with a verb.
def register_extract(number: str, subject: str, members: str = "Anne DUPONT, Marc DURAND, Paul MARTIN, Léa PETIT"
                     ) -> str:
    """The head of a commune's register extract, as the texts below share it."""
    return (f"COMMUNE DE TESTVILLE\nExtrait du registre des délibérations du Conseil municipal\nSéance du 12 mars "
            f"2024\nDélibération n° {number}\nPrésents : {members}.\n\nObjet : {subject}")


CLAUSES_PROPOSED = register_extract("2024-015", "Travaux de voirie rue des Lilas") + """

Décide la commission des travaux, lors de sa réunion du 2 mars, de retenir le projet.

En conséquence, il est proposé au Conseil Municipal :
- d'approuver les travaux pour un montant de 12 500,00 € HT ;
- d'autoriser Monsieur le Maire à signer les pièces du marché
avec l'entreprise retenue.
Le Conseil adopte à l'unanimité.
"""
CLAUSES_DECIDED = register_extract("2024-016", "Location du logement communal") + """

Après en avoir délibéré, le Conseil Municipal, à l'unanimité des Membres présents ;
• Valide le bail établi au profit de Madame Cathy BLANCHET.
• Charge Monsieur le Maire de faire mandater les frais de bailleur.
"""


def test_decisions_in_clauses_are_articles_numbered_by_rank():
    result = extract(CLAUSES_PROPOSED)
    articles = result.rows["articles"]
    assert [(a.delib_id, a.article, a.block, a.kind, a.numbered) for a in articles] == [
        ("2024-015", 1, 1, "other", False), ("2024-015", 2, 1, "authorization", False)]
    assert articles[0].text == "d'approuver les travaux pour un montant de 12 500,00 € HT ;"
    assert articles[1].text == "d'autoriser Monsieur le Maire à signer les pièces du marché avec l'entreprise retenue."
    assert [v.articles for v in result.rows["votes"]] == [[1, 2]]
    (amount,) = result.rows["amounts"]
    assert (amount.section, str(amount.value)) == ("article 1", "12500.00")
    result = extract(CLAUSES_DECIDED)
    assert [(a.article, a.text) for a in result.rows["articles"]] == [
        (1, "Valide le bail établi au profit de Madame Cathy BLANCHET."),
        (2, "Charge Monsieur le Maire de faire mandater les frais de bailleur.")]
    assert result.rows["deliberations"][0].n_articles == 2


# "M.TANGUY précise qu'ayant pris part à la rédaction du document, il ne prendra pas part au vote." (Pierrefonds
# compte rendu 2017): the pronoun stands for the subject of its sentence.
PRONOUN = register_extract("2024-017", "Recours contre le permis de construire",
                           "Anne DUPONT, Marc TANGUY, Paul MARTIN, Léa PETIT") + """

Le maire expose le dossier. M.TANGUY précise qu'ayant pris part à la rédaction du document, il ne prendra pas part
au vote.
Après en avoir délibéré, le Conseil Municipal, par 3 voix pour :
- Autorise Madame le Maire à ester en justice.
"""


def test_a_recusal_by_pronoun_names_the_subject_of_its_sentence():
    result = extract(PRONOUN)
    assert [(r.civility, r.name, r.member_status, r.block) for r in result.rows["recusals"]] == [
        ("M.", "TANGUY", "present", 1)]
    assert [(a.article, a.kind) for a in result.rows["articles"]] == [(1, "authorization")]


def test_counterparty_named_after_avec_without_the_model(monkeypatch):
    # "signer la convention (MOE) avec Orne Métropole (projet dessertes)" (Putanges 2019): the proper name after
    # "avec" (the model read "MOE"); "avec le prestataire ainsi que tous les documents" (Putanges 2019) names no one
    monkeypatch.setattr(entities, "nlp", lambda: pytest.fail("the model must not be run"))
    assert entity_counterparty("Autorise Monsieur le Maire à signer la convention (MOE) avec Orne Métropole (projet "
                               "dessertes) d’un montant de 21 000 €") == "Orne Métropole"
    assert entity_counterparty("Autorise Monsieur le Maire à signer la convention de prestation de services avec le "
                               "prestataire ainsi que tous les documents afférents à cette décision") is None


# Wording of councils read this round, each line as printed in the named document: L'Arbresle 2013 (headings
# "Etait absent, excusé et a donné pouvoir :", proxies "A à B"), Flaux 2023 (names between spaced dashes),
# Fargues-Saint-Hilaire 2018 (label-number tally rows, named voters), Bourg-en-Bresse 2016 (unanimity of the
# votants with their number), Aiglun 2013 (late arrival, "Vote favorable à l'unanimité").
ROUND_TEXT = """COMPTE RENDU DE LA SEANCE DU CONSEIL MUNICIPAL DU 9 JUILLET 2013
L'an deux mille treize le neuf juillet, à 20 heures 00, le Conseil Municipal s'est réuni sous la Présidence de Monsieur Pierre-Jean ZANNETTACCI (Maire).

Etaient présents : Pierre-Jean ZANNETTACCI, Jean-Claude GAUTHIER, René GRUMEL - Catherine MARTEL - Philippe ROUVIER - COROUGE, Myriam TRAVERSA (arrivée au début de la délibération n°02), Georges CARRET.

Etait absent, excusé et a donné pouvoir : Nadine MALHOMME à Georges CARRET, Jean-Claude GROSS à Pierre-Jean ZANNETTACCI

Etait absent : Soraya BENBALA

Délibération D2018-67
Objet : approbation du procès-verbal de la séance du 8 octobre 2018
Après en avoir délibéré,
POUR 5
CONTRE 1 (René GRUMEL)
ABSTENTION 1 (Georges CARRET)

Délibération D2018-68
Objet : Subvention à l'association Énergie Coopération Développement
A L'UNANIMITE des votants (6 voix), 1 abstention (Mme MARTEL)

Délibération D2018-69
Objet : Tarifs publics locaux
Vote favorable à l'unanimité.
"""


def test_this_rounds_formulas_on_their_printed_wording():
    result = extract(ROUND_TEXT)
    att = {(a.status, a.name, a.proxy_to) for a in result.rows["attendance"]}
    assert att == {
        ("present", "Pierre-Jean ZANNETTACCI", None), ("present", "Jean-Claude GAUTHIER", None),
        ("present", "René GRUMEL", None), ("present", "Catherine MARTEL", None),
        ("present", "Philippe ROUVIER-COROUGE", None), ("present", "Myriam TRAVERSA", None),
        ("present", "Georges CARRET", None),
        ("excused", "Nadine MALHOMME", "Georges CARRET"), ("excused", "Jean-Claude GROSS", "Pierre-Jean ZANNETTACCI"),
        ("absent", "Soraya BENBALA", None)}
    votes = [(v.delib_id, v.pour, v.contre, v.abstention, v.unanimous, v.outcome) for v in result.rows["votes"]]
    assert votes == [("D2018-67", 5, 1, 1, False, "adopted"), ("D2018-68", 6, None, 1, True, "adopted"),
                     ("D2018-69", None, None, None, True, "adopted")]
    named = [(m.delib_id, m.position, m.name) for m in result.rows["vote_members"]]
    assert named == [("D2018-67", "contre", "René GRUMEL"), ("D2018-67", "abstention", "Georges CARRET"),
                     ("D2018-67", "not_voting", "Myriam TRAVERSA"), ("D2018-68", "abstention", "MARTEL")]
    (first, *_) = result.rows["deliberations"]
    assert (first.session_date.isoformat(), first.president) == ("2013-07-09", "Pierre-Jean ZANNETTACCI")


@pytest.mark.parametrize("text,counts", [
    # tally forms of minutes in their usual wordings; the corpus forms are checked on their PDFs (test_gold.py)
    ("Votes : Pour 15 – Contre 2 – Abstention 0", {"pour": 15, "contre": 2, "abstention": 0}),
    ("Pour : 12 - Contre : 0 - Abstention(s) : 2", {"pour": 12, "contre": 0, "abstention": 2}),
    ("POUR 19 CONTRE 1 (Jean Marie SALANON) ABSTENTION 1 (Sébastien MAYOR)", {"pour": 19, "contre": 1,
                                                                              "abstention": 1}),
    ("Adopté par 12 voix contre 3", {"pour": 12, "contre": 3}),
    ("2 votes contre 1 abstention 9 votes pour", {"pour": 9, "contre": 2, "abstention": 1}),
    ("À l'unanimité (19 voix)", {"pour": 19}),
    ("A L'UNANIMITE des votants (31 voix), 8 abstentions", {"pour": 31, "abstention": 8}),
    ("Vote : 18 voix pour, deux abstentions", {"pour": 18, "abstention": 2}),
    ("M. Paul PETIT obtient 10 voix et est élu", {"pour": 10}),
])
def test_tally_grammar(text, counts):
    from pipeline.segment import vote_counts

    assert vote_counts(text) == counts


def test_printed_counts_on_one_line_and_proxies_by_par():
    result = extract("""COMMUNE DE SAINT-EXEMPLE
Séance du 12 mars 2021
Nombre de conseillers : En exercice : 19 Présents : 15 Votants : 17

Présents : M. Jean DUPONT, Maire, Mme Claire MARTIN, M. Paul PETIT, Adjoints, Mme Anne DURAND.
Absents représentés : M. Henri GIRARD par Mme Claire MARTIN, Procuration de Mme Sophie MOREAU à M. Paul PETIT.

1. Budget primitif 2021
Le Conseil Municipal adopte le budget à l'unanimité.
""")
    (delib,) = result.rows["deliberations"]
    assert delib.counts_printed == {"en_exercice": 19, "presents": 15, "votants": 17}
    assert {(a.status, a.name, a.proxy_to) for a in result.rows["attendance"]} == {
        ("present", "Jean DUPONT", None), ("present", "Claire MARTIN", None), ("present", "Paul PETIT", None),
        ("present", "Anne DURAND", None), ("excused", "Henri GIRARD", "Claire MARTIN"),
        ("excused", "Sophie MOREAU", "Paul PETIT")}


def test_a_tally_the_grammar_cannot_read_is_a_reading_finding_that_quotes_it():
    from pipeline.reconcile import evaluate

    result = extract("""COMMUNE DE SAINT-EXEMPLE
Séance du 12 mars 2021
Présents : M. Jean DUPONT, Mme Claire MARTIN, M. Paul PETIT.

1. Budget primitif 2021
Après en avoir délibéré, le Conseil Municipal :
Article 1 : Le budget primitif 2021 est arrêté comme annexé.
Vote : voir le tableau des votes annexé.
""")
    unread = [f for f in evaluate(result) if f.rule == "extraction.required_fields" and f.found == "unread"]
    assert [(f.status, f.family, f.quote) for f in unread] == [
        ("fail", "reading", "Vote : voir le tableau des votes annexé.")]


# Minutes whose items print no heading the grammar knows (Flaux 2021: the titles stand beside a margin box of
# counts and dates), each closed by its vote.
VOTE_CLOSED = """COMPTE RENDU du CONSEIL MUNICIPAL de la COMMUNE de FLAUX
Séance du 11 mars 2021

Présents : Denis JUVIN - Muriel NIGGEL - Jean-Pierre PLUS

Approbation du compte rendu du Conseil Municipal du 15 décembre 2020
Vote : à l'unanimité

Don concession pleine terre 1 place à Monsieur Max CABANEL
Monsieur le Maire propose aux membres du conseil municipal de faire un don pour une concession trentenaire.
Vote : à l'unanimité

Contrat de maintenance défibrillateur automatisé externe
Monsieur le Maire expose aux membres du Conseil Municipal que pour le bon fonctionnement il convient de signer
un contrat de maintenance.
Vote : 2 pour, 1 contre
"""


def test_minutes_without_known_headings_are_cut_by_the_votes_that_close_their_items():
    result = extract(VOTE_CLOSED)
    titles = [d.title for d in result.rows["deliberations"]]
    assert titles == ["Approbation du compte rendu du Conseil Municipal du 15 décembre 2020",
                      "Don concession pleine terre 1 place à Monsieur Max CABANEL",
                      "Contrat de maintenance défibrillateur automatisé externe"]
    assert [(v.pour, v.contre, v.unanimous) for v in result.rows["votes"]] == [
        (None, None, True), (None, None, True), (2, 1, False)]


def test_a_file_that_does_not_call_itself_minutes_is_not_cut_by_its_votes():
    # the same text under a deliberation's designation: one deliberation (a deliberation may hold several votes)
    result = extract(VOTE_CLOSED.replace("COMPTE RENDU du CONSEIL MUNICIPAL", "DELIBERATION du CONSEIL MUNICIPAL"))
    assert len(result.rows["deliberations"]) == 1


def test_two_headings_are_too_few_to_cut_minutes_whose_votes_close_five_items():
    # Flaux 17/11/2023 (OCR): the "10" of the margin box of counts is read before two visas, which then look like
    # numbered headings; the twelve votes close the items
    items = VOTE_CLOSED.split("\n\n")
    text = "\n\n".join(items[:3] + [items[3].replace("Monsieur le Maire propose",
                                                     "\n10 Vu le Code général des collectivités territoriales ;\n"
                                                     "Monsieur le Maire propose")]
                       + [items[4].replace("Monsieur le Maire expose",
                                           "\n10 Vu la loi n°2010-1563 du 16 décembre 2010 ;\nMonsieur le Maire expose")]
                       + ["Adhésion au service Partenariat CNRACL\nVote : à l'unanimité",
                          "Conditions de facturation eau et assainissement 2024\nVote : à l'unanimité"])
    result = extract(text)
    assert [d.title for d in result.rows["deliberations"]] == [
        "Approbation du compte rendu du Conseil Municipal du 15 décembre 2020",
        "Don concession pleine terre 1 place à Monsieur Max CABANEL",
        "Contrat de maintenance défibrillateur automatisé externe",
        "Adhésion au service Partenariat CNRACL", "Conditions de facturation eau et assainissement 2024"]


# Minutes of other councils whose items have no heading the grammar knows: each vote after the lists closes one
# decision (a compte rendu of 2017: the previous minutes, then an item added to the agenda, each voted alone). The
# counts after the lists are no vote, "Délégation de vote : 0" included (a compte rendu of 2021).
UNHEADED_MINUTES = """COMPTE RENDU DU CONSEIL MUNICIPAL Séance du 23 janvier 2017
Présents : MM. Alain RIVAULT, Bernard MAUDUIT, Josiane TEXIER, Ginette BRUNET.
Excusée : Mme Stéphanie BOUTIN
Nombre de membres En exercice : 5 Présents : 4 Excusés avec Délégation de vote : 0 Votants : 4
Le compte rendu de la précédente réunion n'appelant pas d'observations est adopté à l'unanimité des présents.
Monsieur le maire propose un ajout à l'ordre du jour : décision modificative n°2 budget principal.
Adopté
"""

# The council's decision and its vote inside an item's paragraph, and an election by the council (comptes rendus of
# 2017 and 2023).
VOTED_IN_THE_SENTENCE = """COMPTE RENDU DE LA SEANCE DU 22 septembre 2023
Etaient présents : Mmes MALLET, GIRAUD, TESSIER et BOUVET
Absents : Mr BLONDEL

Désignation du secrétaire de séance :
Monsieur Henri CARON se porte candidat et est élu secrétaire de séance à l'unanimité.

- Demande de subvention du comité des fêtes :
L'association ayant reversé la subvention de 1000 € versée en janvier et après en avoir délibéré, le conseil
municipal décide à l'unanimité de verser cette subvention de 1000 € au Comité des Fêtes.
- Participation communale à la complémentaire santé des agents :
A la demande d'un agent et après en avoir délibéré, le conseil municipal décide à l'unanimité de reporter cette
décision en 2024.
- Election d'un délégué au syndicat des eaux :
Madame Josiane TEXIER se porte candidate et est élue déléguée titulaire à l'unanimité.
"""


@pytest.mark.parametrize("text, vote", [
    ("… le conseil municipal décide à l'unanimité de verser cette subvention de 1000 € au Comité des Fêtes.", True),
    ("CONSIDERANT qu'aucune remarque n'a été émise à l'encontre de ce rapport, décide à l'unanimité d'adopter le "
     "procès-verbal", True),
    ("Madame Josiane TEXIER se porte candidate et est élue déléguée titulaire à l'unanimité.", True),
    ("Nombre de membres En exercice : 29 Présents : 21 Excusés avec Délégation de vote : 6 Votants : 27", False),
    ("Vu la délibération du 12 mars 2020 par laquelle le conseil municipal a décidé la création du poste", False),
])
def test_votes_said_in_a_sentence_of_other_councils(text, vote):
    from pipeline.segment import is_vote_text

    assert is_vote_text(text) is vote


def test_the_counts_before_the_lists_are_neither_a_list_nor_a_vote():
    # a commune's compte rendu of 2016: "Présents : 15" is a count, and "Votants : 18" run into the opening sentence
    # opens no decision: one decision, the lists read
    text = ("SÉANCE DU CONSEIL MUNICIPAL\nDU 14 SEPTEMBRE 2016\nNombre de Conseillers : 19\nEn exercice : 19\n"
            "Présents : 2\nVotants : 3\nL'an deux mille seize, le 14 Septembre à 20 heures 00, le Conseil Municipal "
            "s'est réuni sous la présidence de Monsieur Hervé BOURDAIS, maire\nPrésents : M.Hervé BOURDAIS, "
            "M.Gilbert MAHE\nAbsents : M.Alain DAVID (pouvoir à Gilbert MAHE)\nSecrétaire de séance : M. Gilbert MAHE\n"
            "Le quorum étant atteint, le Conseil Municipal peut délibérer.\nAPPROBATION DU PROCES VERBAL DE LA DERNIERE "
            "SEANCE\nLe compte rendu de la dernière séance est adopté à l'unanimité.\n")
    result = extract(text)
    assert len(result.rows["deliberations"]) == 1
    assert [(a.status, a.name, a.proxy_to) for a in result.rows["attendance"]] == [
        ("present", "Hervé BOURDAIS", None), ("present", "Gilbert MAHE", None), ("excused", "Alain DAVID", "Gilbert MAHE")]


def test_minutes_whose_votes_have_no_heading_hold_one_decision_per_vote():
    result = extract(UNHEADED_MINUTES)
    assert len(result.rows["deliberations"]) == 2
    assert [(v.unanimous, v.outcome) for v in result.rows["votes"]] == [(True, "adopted"), (False, "adopted")]
    # the same text under a deliberation's designation: one deliberation, which may hold several votes
    assert len(extract(UNHEADED_MINUTES.replace("COMPTE RENDU", "DELIBERATION")).rows["deliberations"]) == 1


def test_a_decision_voted_inside_its_sentence_and_an_election_are_decisions(tmp_path):
    for result in (extract(VOTED_IN_THE_SENTENCE), read_as_pdf(VOTED_IN_THE_SENTENCE, tmp_path)):
        # the secretary's designation is the sitting's, not an item
        assert [(d.title, d.secretary) for d in result.rows["deliberations"]] == [
            ("Demande de subvention du comité des fêtes", "Henri CARON"),
            ("Participation communale à la complémentaire santé des agents", "Henri CARON"),
            ("Election d'un délégué au syndicat des eaux", "Henri CARON")]
        assert [v.unanimous for v in result.rows["votes"]] == [True, True, True]

# Wordings of councils absent from the corpus, written the way French minutes print them: each list and each tally
# read exactly (the corpus reads the same before and after these rows were added).
MINUTES_HEAD = "PROCES-VERBAL DU CONSEIL MUNICIPAL\nSéance du 12 mars 2024\n\n"
MINUTES_ITEMS = ("\n\n1. Vente d'un terrain communal\nLe conseil municipal décide d'approuver la vente.\n{vote}\n\n"
                 "2. Tarifs du cimetière\nLe conseil fixe les tarifs.\nAdopté à l'unanimité.\n")


@pytest.mark.parametrize("lists, rows", [
    ("Présents : Jean DUPONT, Marie MARTIN.\nExcusés : M. Paul DURAND qui a donné pouvoir à M. Jean DUPONT, "
     "Mme Claire PETIT.",
     [("present", "Jean DUPONT", None), ("present", "Marie MARTIN", None),
      ("excused", "Paul DURAND", "Jean DUPONT"), ("excused", "Claire PETIT", None)]),
    ("Assistaient à la séance : Jean DUPONT, Marie MARTIN, Paul DURAND.\nAbsente : Claire PETIT.",
     [("present", "Jean DUPONT", None), ("present", "Marie MARTIN", None), ("present", "Paul DURAND", None),
      ("absent", "Claire PETIT", None)]),
    ("Etaient présents : Jean DUPONT, Marie MARTIN, Paul DURAND formant la majorité des membres en exercice.\n"
     "Absente excusée ayant donné procuration : Claire PETIT à Jean DUPONT.",
     [("present", "Jean DUPONT", None), ("present", "Marie MARTIN", None), ("present", "Paul DURAND", None),
      ("excused", "Claire PETIT", "Jean DUPONT")]),
    # a proxy given makes the member excused, whatever the list (OUTPUTS.md)
    ("Présents : M. DUPONT Jean, Mme MARTIN Marie, M. DURAND Paul.\n"
     "Absents : Mme PETIT Claire (procuration à M. DUPONT Jean).",
     [("present", "DUPONT Jean", None), ("present", "MARTIN Marie", None), ("present", "DURAND Paul", None),
      ("excused", "PETIT Claire", "DUPONT Jean")]),
    # the "à" left out on the last line of the proxies (Pierrefonds 2025): the grantor, then the holder
    ("Présents : Monsieur Michel LEBLANC, Madame Karine DUTEIL.\nPouvoirs :\n- Madame Hélène DEFOSSEZ à Madame "
     "Karine DUTEIL\n- Monsieur Jean-Claude THUILLIER Monsieur Michel LEBLANC",
     [("present", "Michel LEBLANC", None), ("present", "Karine DUTEIL", None),
      ("excused", "Hélène DEFOSSEZ", "Karine DUTEIL"), ("excused", "Jean-Claude THUILLIER", "Michel LEBLANC")]),
    ("Présent(e)s : Jean DUPONT, Marie MARTIN.\nExcusé(e)s ayant donné procuration : Paul DURAND à Jean DUPONT.",
     [("present", "Jean DUPONT", None), ("present", "Marie MARTIN", None), ("excused", "Paul DURAND", "Jean DUPONT")]),
    # people present who are not members: no row, and the members' list ends before them
    ("Présents : Jean DUPONT, Marie MARTIN.\nAssistait également : Mme Sophie LEROY, secrétaire de mairie.",
     [("present", "Jean DUPONT", None), ("present", "Marie MARTIN", None)]),
])
def test_attendance_wordings_of_other_councils(lists, rows):
    result = extract(MINUTES_HEAD + lists + MINUTES_ITEMS.format(vote="Adopté à l'unanimité."))
    assert [(a.status, a.name, a.proxy_to) for a in result.rows["attendance"]] == rows


@pytest.mark.parametrize("bullet", ["•", "-", "+", "➢"])  # "+ Présents : …" (Couthenans 29/01/2021)
def test_attendance_headings_opened_by_a_bullet(bullet):
    lists = f"{bullet} Présents : Jean DUPONT, Marie MARTIN.\n{bullet} Absents excusés : Paul DURAND."
    rows = [("present", "Jean DUPONT", None), ("present", "Marie MARTIN", None), ("excused", "Paul DURAND", None)]
    test_attendance_wordings_of_other_councils(lists, rows)


@pytest.mark.parametrize("vote, tally", [
    ("Décision adoptée à la majorité : 10 voix pour, 3 contre, 2 abstentions", (10, 3, 2, "adopted", False)),
    ("Résultat du vote : Unanimité", (None, None, None, "adopted", True)),
    ("Votes : 13 pour – 0 contre – 2 abstentions", (13, 0, 2, "adopted", False)),
    ("Votants : 15 – Pour : 12 – Contre : 2 – Abstention : 1", (12, 2, 1, "adopted", False)),
    ("Rejeté par 8 voix pour et 10 voix contre.", (8, 10, None, "rejected", False)),
    ("Vote à main levée : unanimité", (None, None, None, "adopted", True)),
    ("Suffrages exprimés : 14 – Pour : 12 – Contre : 2", (12, 2, None, "adopted", False)),
    ("Votes pour : 12 ; votes contre : 2 ; abstentions : 1", (12, 2, 1, "adopted", False)),
    ("DÉCISION : adopté à l'unanimité", (None, None, None, "adopted", True)),
    ("Unanimité", (None, None, None, "adopted", True)),
    # CC Lisières de l'Oise 18/12/2025 (the decision then its clauses as past participles)
    ("Après avoir délibéré, les Membres du Conseil Communautaire ont, à l'unanimité :\n- Autorisé Monsieur le "
     "Président à signer la convention.", (None, None, None, "adopted", True)),
    ("Après délibération, le Conseil municipal, à l'unanimité, décide d'approuver la vente.",
     (None, None, None, "adopted", True)),
    # CC Lisières de l'Oise 13/03/2025, the election of the president for the accounts' vote
    ("Le vote à main levée, conformément à l'article L.2121-21 du CGCT, donne le résultat suivant : UNANIMITE.",
     (None, None, None, "adopted", True)),
    # the counts opening their line, a result, a participle
    ("12 voix pour, 3 abstentions", (12, None, 3, "adopted", False)),
    ("Résultat : adopté par 14 voix pour et 1 contre", (14, 1, None, "adopted", False)),
    ("Votée à l'unanimité", (None, None, None, "adopted", True)),
    # a count with its voters after a colon; not an empty label after a count (Montpellier CR 2014)
    ("Adopté à la majorité (2 contre : M. Paul DURAND, Mme Claire PETIT)", (None, 2, None, "adopted", False)),
    ("Pour : 56 Contre : Abstention :", (56, None, None, "adopted", False)),
    ("Pour 13 / Contre 2 / Abstention 0", (13, 2, 0, "adopted", False)),
    ("Voix pour : 13 ; Voix contre : 2", (13, 2, None, "adopted", False)),
    ("Unanimité (15 voix)", (15, None, None, "adopted", True)),
    ("Adopté par 13 voix sur 15 votants", (13, None, None, "adopted", False)),
])
def test_tally_wordings_of_other_councils(vote, tally):
    result = extract(MINUTES_HEAD + "Présents : Jean DUPONT, Marie MARTIN." + MINUTES_ITEMS.format(vote=vote))
    assert len(result.rows["deliberations"]) == 2
    first = result.rows["votes"][0]
    assert (first.pour, first.contre, first.abstention, first.outcome, first.unanimous) == tally


def _three_items(heading: str) -> str:
    return "\n\n".join(heading.format(n=n, t=t) + "\n\nLe conseil décide.\nAdopté à l'unanimité."
                       for n, t in [(1, "Vente d'un terrain"), (2, "Tarifs du cimetière"), (3, "Subvention au club")])


@pytest.mark.parametrize("heading, numbers", [
    ("DÉLIBÉRATION N° 2024-01{n} : {t}", ["2024-011", "2024-012", "2024-013"]),
    ("Délibération 2024-DEL-01{n} – {t}", ["2024-DEL-011", "2024-DEL-012", "2024-DEL-013"]),
    ("N° {n}/2024 – {t}", ["1/2024", "2/2024", "3/2024"]),
])
def test_deliberation_numbers_printed_in_other_councils_forms(heading, numbers):
    result = extract(MINUTES_HEAD + "Présents : Jean DUPONT, Marie MARTIN.\n\n" + _three_items(heading))
    assert [d.delib_id for d in result.rows["deliberations"]] == numbers
    assert [d.title for d in result.rows["deliberations"]] == ["Vente d'un terrain", "Tarifs du cimetière",
                                                               "Subvention au club"]


@pytest.mark.parametrize("heading", ["{n}-{t}", "{n}- {t}", "{n} - {t}", "{n} – {t}"])
def test_agenda_ranks_followed_by_a_dash_and_a_word_in_capitals_are_headings(heading):
    """"2-TERRAINS Acquisition terrains Le Monégros", "3- ELUS — Congrès des maires", "7 - RESEAUX - SYNDICAT …"
    (Aiglun 2016)."""
    result = extract(MINUTES_HEAD + "Présents : Jean DUPONT, Marie MARTIN.\n\n" + "\n\n".join(
        heading.format(n=n, t=t) + "\n\nLe conseil décide.\nAdopté à l'unanimité."
        for n, t in [(1, "TERRAINS Vente d'un terrain"), (2, "CIMETIÈRE Tarifs"), (3, "ASSOCIATIONS Subvention")]))
    assert [d.title for d in result.rows["deliberations"]] == ["TERRAINS Vente d'un terrain", "CIMETIÈRE Tarifs",
                                                               "ASSOCIATIONS Subvention"]


def test_a_numbered_sentence_of_the_text_is_no_heading():
    """"5 - Les taux de redevances sont fixées annuellement …" in the body of a point (Flaux 17/11/2023)."""
    result = extract(MINUTES_HEAD + "Présents : Jean DUPONT, Marie MARTIN.\n\n" + _three_items("{n}. {t}").replace(
        "Le conseil décide.", "Le conseil décide :\n\n5 - Les taux sont fixés chaque année.", 1))
    assert [d.title for d in result.rows["deliberations"]] == ["Vente d'un terrain", "Tarifs du cimetière",
                                                               "Subvention au club"]


@pytest.mark.parametrize("heading", ["{n} – {t}", "{n} - {t}"])
def test_agenda_ranks_followed_by_a_spaced_dash_are_headings(heading):
    """"1 – Vente d'un terrain communal": each point its own deliberation, its title without the rank, its own
    vote (before, the whole sitting was one point titled "1 – Vente d'un terrain …" with every vote in it)."""
    result = extract(MINUTES_HEAD + "Présents : Jean DUPONT, Marie MARTIN.\n\n" + _three_items(heading).replace(
        "Adopté à l'unanimité.", "Pour : 2", 1))
    assert [d.title for d in result.rows["deliberations"]] == ["Vente d'un terrain", "Tarifs du cimetière",
                                                               "Subvention au club"]
    delib = {d.delib_id: d.title for d in result.rows["deliberations"]}
    assert [(delib[v.delib_id], v.pour, v.unanimous) for v in result.rows["votes"]] == [
        ("Vente d'un terrain", 2, False), ("Tarifs du cimetière", None, True), ("Subvention au club", None, True)]


def test_a_numbered_sentence_between_spaced_dash_headings_is_no_heading():
    """The ranks of "1 – …", "2 – …", "3 – …" follow each other; "5 - Les taux sont fixés chaque année." in the
    first point's text breaks that run, so it is text (Flaux 17/11/2023 prints such a sentence)."""
    result = extract(MINUTES_HEAD + "Présents : Jean DUPONT, Marie MARTIN.\n\n" + _three_items("{n} – {t}").replace(
        "Le conseil décide.", "Le conseil décide :\n\n5 - Les taux sont fixés chaque année.\n\nPour : 2", 1))
    assert [d.title for d in result.rows["deliberations"]] == ["Vente d'un terrain", "Tarifs du cimetière",
                                                               "Subvention au club"]


def test_attendance_lists_that_start_where_the_opening_sentence_ends_are_read():
    """"… sous la présidence de M. Jean DUPONT, Maire. Étaient" / "présents : …" (the heading across two lines of
    running text), then "… Léa PETIT. Absents excusés : … Absent : …" on one line: every list is read, with its
    status, as when each is printed on a line of its own (before: only the lists after a sentence on the same
    line as another list were lost, and "Étaient présents" wrapped gave no member present at all)."""
    result = extract("COMMUNE DE SAINT-MARTIN\nSéance du conseil municipal du 12 mars 2024\n\n"
                     "L'an deux mille vingt-quatre, le douze mars, à vingt heures, le conseil municipal s'est réuni\n"
                     "sous la présidence de M. Jean DUPONT, Maire. Étaient\n"
                     "présents : Jean DUPONT, Marie CURIE, Paul MARTIN,\n"
                     "Léa PETIT. Absents excusés : Anne ROUX (pouvoir à Paul MARTIN). Absent : Marc NOIR.\n"
                     "Secrétaire de séance : Léa PETIT.\n\n" + _three_items("{n}. {t}"))
    assert [(a.status, a.name, a.proxy_to) for a in result.rows["attendance"]] == [
        ("present", "Jean DUPONT", None), ("present", "Marie CURIE", None), ("present", "Paul MARTIN", None),
        ("present", "Léa PETIT", None), ("excused", "Anne ROUX", "Paul MARTIN"), ("absent", "Marc NOIR", None)]
    first = result.rows["deliberations"][0]
    assert (first.president, first.secretary, first.session_date.isoformat()) == ("Jean DUPONT", "Léa PETIT",
                                                                                 "2024-03-12")


REGISTER_EXTRACT = """DÉPARTEMENT DE LA SARTHE
COMMUNE DE BEAUMONT-SUR-DÈME
EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL

Nombre de membres en exercice : 15
Présents : 11
Votants : 13

Date de convocation : 5 mars 2024

L'an deux mille vingt-quatre, le douze mars à vingt heures trente, le Conseil Municipal de la commune, dûment convoqué, s'est réuni en session ordinaire à la mairie, sous la présidence de Madame Sophie LEGRAND, Maire.

Présents : Mmes LEGRAND, BERTIN, CHARPENTIER, DELAUNAY, MM. ALBERT, BOUCHER, COLLIN, DUBOIS, FAURE, GIRARD, HUBERT.
Absents excusés : M. LEROY (pouvoir à Mme LEGRAND), Mme MOREAU (pouvoir à M. ALBERT).
Absents : M. NOEL, Mme PERRIN.
Secrétaire de séance : M. BOUCHER.

Délibération n° 2024-012
Objet : Vente d'une parcelle communale

Madame le Maire expose au conseil municipal que ...
Après en avoir délibéré, le Conseil Municipal, par 12 voix pour et 1 abstention (M. FAURE),
DÉCIDE de vendre la parcelle cadastrée AB 123 au prix de 15 000 €.
AUTORISE Madame le Maire à signer l'acte.

Fait et délibéré les jour, mois et an susdits.
Pour extrait conforme,
Le Maire,
Sophie LEGRAND
"""


@pytest.mark.parametrize("width", [None, 80, 65])  # set on pages of other measures too
def test_an_extract_of_the_register_with_its_counts_one_a_line_above_everything(width):
    """The usual extract of a commune's register: "Nombre de membres en exercice : 15" / "Présents : 11" /
    "Votants : 13" one a line at the top, then the convocation, the opening sentence, the lists, the number and
    "Objet :". "Votants : 13" opened the decision there (as a vote), so the lists, the secretary, the title and the
    number were read as its text: no member, no date, no title. They are now the sitting's printed counts."""
    result = extract(wrapped(REGISTER_EXTRACT, width))
    assert [(a.status, a.name, a.proxy_to) for a in result.rows["attendance"]] == [
        *(("present", n, None) for n in ("LEGRAND", "BERTIN", "CHARPENTIER", "DELAUNAY", "ALBERT", "BOUCHER",
                                         "COLLIN", "DUBOIS", "FAURE", "GIRARD", "HUBERT")),
        ("excused", "LEROY", "LEGRAND"), ("excused", "MOREAU", "ALBERT"), ("absent", "NOEL", None),
        ("absent", "PERRIN", None)]
    d, = result.rows["deliberations"]
    assert (d.delib_id, d.title, d.session_date.isoformat(), d.president, d.secretary, d.counts_printed) == (
        "2024-012", "Vente d'une parcelle communale", "2024-03-12", "Sophie LEGRAND", "BOUCHER",
        {"en_exercice": 15, "presents": 11, "votants": 13})
    assert [(v.pour, v.contre, v.abstention, v.outcome) for v in result.rows["votes"]] == [(12, None, 1, "adopted")]


COMMUNITY_EXTRACT = """COMMUNAUTÉ DE COMMUNES DU PAYS DE L'ARBRE
EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL COMMUNAUTAIRE
Séance du 18 janvier 2024

Délégués en exercice : 30 - Présents : 24 - Votants : 27

L'an deux mille vingt-quatre, le dix-huit janvier à 18h30, le conseil communautaire, régulièrement convoqué, s'est réuni au siège de la communauté sous la présidence de M. Alain PERRET, Président.

Délégués présents : Alain PERRET, Brigitte AUBRY, Cédric BLANC, Denise CARON, Éric DUVAL, Fanny ESNAULT.
Délégués ayant donné pouvoir : Gérard FLEURY à Alain PERRET ; Hélène GAUTIER à Cédric BLANC.
Délégués absents : Igor HAMEL.
Délégué suppléant présent : Jules IMBERT (suppléant de Karine JOLY).
Secrétaire de séance : Brigitte AUBRY.

N° 2024-003 – Attribution d'un fonds de concours à la commune de Saint-Pierre

Le Président expose...
Le conseil communautaire, après en avoir délibéré, à l'unanimité des membres présents et représentés,
DÉCIDE d'attribuer un fonds de concours de 12 500 € à la commune de Saint-Pierre.

Fait à Saint-Pierre, le 19 janvier 2024.
Le Président,
Alain PERRET
"""


@pytest.mark.parametrize("width", [None, 80, 65])  # set on pages of other measures too
def test_an_intercommunal_councils_extract_delegates_lists_and_its_vote_in_the_decision_sentence(width):
    """A communauté de communes: "Délégués présents :", "Délégués ayant donné pouvoir : A à B ; C à D",
    "Délégués absents :", "Délégué suppléant présent :" were no headings (no member at all), the vote carried by
    "Le conseil communautaire, après en avoir délibéré, à l'unanimité …" after the title was read as text (no vote),
    and the title kept its number "N° 2024-003 – "."""
    result = extract(wrapped(COMMUNITY_EXTRACT, width))
    assert [(a.status, a.name, a.proxy_to) for a in result.rows["attendance"]] == [
        *(("present", n, None) for n in ("Alain PERRET", "Brigitte AUBRY", "Cédric BLANC", "Denise CARON",
                                         "Éric DUVAL", "Fanny ESNAULT")),
        ("excused", "Gérard FLEURY", "Alain PERRET"), ("excused", "Hélène GAUTIER", "Cédric BLANC"),
        ("absent", "Igor HAMEL", None), ("present", "Jules IMBERT", None)]
    d, = result.rows["deliberations"]
    assert (d.delib_id, d.title, d.session_date.isoformat(), d.president, d.secretary) == (
        "2024-003", "Attribution d'un fonds de concours à la commune de Saint-Pierre", "2024-01-18", "Alain PERRET",
        "Brigitte AUBRY")
    assert [(v.outcome, v.unanimous) for v in result.rows["votes"]] == [("adopted", True)]


SURNAME_FIRST_MINUTES = """MAIRIE DE LONGCHAMP-SUR-AUJON
Compte rendu de la réunion du Conseil Municipal
Séance ordinaire du mardi 12/03/2024 à 20h00

Convocation du 05/03/2024
Conseillers en exercice : 11

Présents : M. LAMY Bernard, Mme ROBIN Julie, M. GARNIER Thomas, Mme FONTAINE Claire, M. LEMAIRE Hugo, Mme VIDAL Océane
Excusés : Mme BENALI Nadia (pouvoir à M. LAMY Bernard), M. ROUSSEL Kévin
Absents : M. TESSIER Loïc
Secrétaire : Mme ROBIN Julie

DÉLIBÉRATION 2024-05 : TARIFS DE LA SALLE DES FÊTES
Le conseil municipal fixe les tarifs de location de la salle des fêtes à 250 € le week-end.
ADOPTÉ PAR 5 VOIX POUR, 1 VOIX CONTRE (M. LEMAIRE Hugo) ET 1 ABSTENTION (Mme VIDAL Océane)

DÉLIBÉRATION 2024-06 : RÉFECTION DE LA TOITURE DE L'ÉGLISE
Le conseil municipal retient l'entreprise COUVERTURE DUPRÉ pour un montant de 48 320,50 € HT et sollicite une subvention au titre de la DETR.
Adopté à l'unanimité des suffrages exprimés

Levée de séance à 21h15.
"""


def wrapped(text: str, width: int | None) -> str:
    """The text with each line wrapped at ``width`` characters, as a page of that measure sets it."""
    return text if width is None else "\n".join("\n".join(textwrap.wrap(line, width)) if line.strip() else ""
                                               for line in text.split("\n"))


@pytest.mark.parametrize("width", [None, 95, 80, 65])
def test_lists_printed_surname_first_without_a_final_stop(width):
    """"Présents : M. LAMY Bernard, …, Mme VIDAL Océane" with no final stop, then "Excusés : …" on the next line:
    the heading was taken for the end of a sentence wrapped over the line (as "… et 3 pour) des" / "Membres
    présents et représentés :" is, Putanges 2020), so the excused and absent members were read as present. The
    same record set on narrower pages reads the same: a title in capitals ends where "Le conseil municipal …"
    starts below it, "… ET 1 ABSTENTION (Mme" goes on with "VIDAL Océane)", "… ET 1" with "ABSTENTION (…)"."""
    result = extract(wrapped(SURNAME_FIRST_MINUTES, width))
    assert [(a.status, a.name, a.proxy_to) for a in result.rows["attendance"]] == [
        *(("present", n, None) for n in ("LAMY Bernard", "ROBIN Julie", "GARNIER Thomas", "FONTAINE Claire",
                                         "LEMAIRE Hugo", "VIDAL Océane")),
        ("excused", "BENALI Nadia", "LAMY Bernard"), ("excused", "ROUSSEL Kévin", None), ("absent", "TESSIER Loïc", None)]
    assert [(d.delib_id, d.title, d.session_date.isoformat()) for d in result.rows["deliberations"]] == [
        ("2024-05", "TARIFS DE LA SALLE DES FÊTES", "2024-03-12"),
        ("2024-06", "RÉFECTION DE LA TOITURE DE L'ÉGLISE", "2024-03-12")]
    assert [(v.pour, v.contre, v.abstention, v.unanimous) for v in result.rows["votes"]] == [
        (5, 1, 1, False), (None, None, None, True)]
    assert [(m.position, m.name) for m in result.rows["vote_members"]] == [
        ("contre", "LEMAIRE Hugo"), ("abstention", "VIDAL Océane")]


PROSE_VOTES_MINUTES = """Commune de Saint-Julien-des-Landes
PROCÈS-VERBAL DU CONSEIL MUNICIPAL
Séance du 12 mars 2024

Le douze mars deux mille vingt-quatre, à 20 h 30, le Conseil Municipal s'est réuni sous la présidence de Madame Anne MERCIER, Maire.

Présents : Anne MERCIER, Bruno HAMON, Carole JUDIC, David LOISEAU, Emma MOREL, François NEAU, Gaëlle OGER.
Absent excusé : Henri PINEAU (pouvoir à Anne MERCIER).
Secrétaire de séance : Carole JUDIC.

1) Compte administratif 2023
Madame le Maire quitte la salle. Monsieur Bruno HAMON, premier adjoint, présente le compte administratif.
Le conseil municipal, à la majorité (2 contre : MM. LOISEAU et NEAU), approuve le compte administratif 2023.

2) Subvention à l'association Les Amis de l'École
M. François NEAU, président de l'association, ne prend pas part au vote.
À l'unanimité, le Conseil municipal attribue une subvention de 800 € à l'association.

3) Travaux de voirie
Délibération adoptée par 6 voix pour et 1 voix contre.

4) Motion de soutien aux agriculteurs
APPROUVÉ À L'UNANIMITÉ

L'ordre du jour étant épuisé, la séance est levée à 22 heures.
"""


@pytest.mark.parametrize("width", [None, 80, 65])  # set on pages of other measures too
def test_votes_written_in_the_decision_sentence_and_their_named_voters(width):
    """"Le conseil municipal, à la majorité (2 contre : MM. LOISEAU et NEAU), approuve …": the vote's text was cut
    at the colon inside the parenthesis, so the two members voting against were lost; "À l'unanimité, le Conseil
    municipal attribue …", "Délibération adoptée par 6 voix pour et 1 voix contre.", "APPROUVÉ À L'UNANIMITÉ"."""
    result = extract(wrapped(PROSE_VOTES_MINUTES, width))
    titles = {d.delib_id: d.title for d in result.rows["deliberations"]}
    assert list(titles.values()) == ["Compte administratif 2023", "Subvention à l'association Les Amis de l'École",
                                     "Travaux de voirie", "Motion de soutien aux agriculteurs"]
    assert [(titles[v.delib_id], v.pour, v.contre, v.outcome, v.unanimous) for v in result.rows["votes"]] == [
        ("Compte administratif 2023", None, 2, "adopted", False),
        ("Subvention à l'association Les Amis de l'École", None, None, "adopted", True),
        ("Travaux de voirie", 6, 1, "adopted", False),
        ("Motion de soutien aux agriculteurs", None, None, "adopted", True)]
    assert [(titles[m.delib_id][:12], m.position, m.name) for m in result.rows["vote_members"]] == [
        ("Compte admin", "contre", "LOISEAU"), ("Compte admin", "contre", "NEAU"),
        ("Subvention à", "not_voting", "François NEAU")]


DESIGNATED_SECRETARY_EXTRACT = """RÉPUBLIQUE FRANÇAISE
Département du Morbihan
Commune de Kervignac

Nombre de conseillers : en exercice 19, présents 15, votants 17
Date de convocation : 7 mars 2024
Date d'affichage : 20 mars 2024

Le jeudi 14 mars 2024 à 18 heures 30, le Conseil Municipal de la Commune de Kervignac, légalement convoqué, s'est réuni en séance publique à la mairie, sous la présidence de M. Yann LE GOFF, Maire.

Étaient présents : Mesdames et Messieurs Yann LE GOFF, Nolwenn LE BRIS, Erwan GUILLEMOT, Maïwenn LE ROUX, Gwenaël TANGUY, Soazig LE MEUR, Ronan PICHON.
Absents ayant donné procuration : Mme Katell MADEC à M. Yann LE GOFF, M. Loïc JÉGO à Mme Nolwenn LE BRIS.
Absents : M. Tanguy LE DU, Mme Armelle CADIC.

Mme Nolwenn LE BRIS a été désignée secrétaire de séance.

Objet : Acquisition d'un terrain rue des Écoles

Le Conseil municipal, ouï l'exposé du Maire, après en avoir délibéré, à l'unanimité :
- DÉCIDE d'acquérir la parcelle ZA 45 au prix de 32 000 €,
- AUTORISE le Maire à signer l'acte notarié.

Pour extrait certifié conforme au registre,
Le Maire, Yann LE GOFF
"""
SECTIONS_MINUTES = """VILLE DE MONTCLAR
CONSEIL MUNICIPAL DU 25 JANVIER 2024
PROCÈS-VERBAL

Le vingt-cinq janvier deux mille vingt-quatre à dix-huit heures, le Conseil municipal, dûment convoqué le dix-neuf janvier, s'est réuni sous la présidence de Mme Hélène BRUN, Maire.

Présents : Hélène BRUN, Patrick CLÉMENT, Sandrine DELORME, Jacques ÉTIENNE, Valérie FAYOLLE, Gilles GRANGE, Martine HUGUET
Représentés : Bernard IMBERT par Hélène BRUN, Lucie JACQUET par Patrick CLÉMENT
Excusée : Nathalie KLEIN
Absent : Olivier LACROIX

Monsieur Gilles GRANGE est élu secrétaire de séance.

I – ADMINISTRATION GÉNÉRALE

1.1 – Approbation du procès-verbal du 14 décembre 2023
Le procès-verbal est approuvé à l'unanimité.

1.2 – Modification du tableau des effectifs
Le Conseil municipal, après en avoir délibéré, par 8 voix pour et 1 abstention (Mme Martine HUGUET), approuve la création d'un poste d'adjoint technique.

II – FINANCES

2.1 – Débat d'orientation budgétaire 2024
Le Conseil municipal prend acte de la tenue du débat d'orientation budgétaire.

2.2 – Demande de subvention DETR
Vote : unanimité.

La séance est levée à 20 h 10.
"""


@pytest.mark.parametrize("width", [None, 80, 65])
def test_a_secretary_designated_in_a_sentence_of_its_own(width):
    """"Mme Nolwenn LE BRIS a été désignée secrétaire de séance." between the lists and "Objet :": it was read as
    the deliberation's title, and no secretary."""
    result = extract(wrapped(DESIGNATED_SECRETARY_EXTRACT, width))
    d, = result.rows["deliberations"]
    assert (d.title, d.secretary, d.president, d.session_date.isoformat(), d.n_present, d.n_excused, d.n_absent) == (
        "Acquisition d'un terrain rue des Écoles", "Nolwenn LE BRIS", "Yann LE GOFF", "2024-03-14", 7, 2, 2)
    # "Nombre de conseillers : en exercice 19, présents 15, votants 17"
    assert d.counts_printed == {"en_exercice": 19, "presents": 15, "votants": 17}
    assert [(v.outcome, v.unanimous) for v in result.rows["votes"]] == [("adopted", True)]


@pytest.mark.parametrize("width", [None, 80, 65])
def test_points_numbered_under_roman_sections(width):
    """"I – ADMINISTRATION GÉNÉRALE" then "1.1 – Approbation …", "1.2 – Modification …"; "II – FINANCES" then
    "2.1 – Débat d'orientation budgétaire" (the council takes note) and "2.2 – Demande de subvention DETR": the
    sections' titles were the points (two, titled "ADMINISTRATION GÉNÉRALE" and "FINANCES"); each numbered part is a
    point. "Monsieur Gilles GRANGE est élu secrétaire de séance." names the secretary."""
    result = extract(wrapped(SECTIONS_MINUTES, width))
    titles = {d.delib_id: d.title for d in result.rows["deliberations"]}
    assert list(titles.values()) == ["Approbation du procès-verbal du 14 décembre 2023",
                                     "Modification du tableau des effectifs", "Débat d'orientation budgétaire 2024",
                                     "Demande de subvention DETR"]
    assert {d.secretary for d in result.rows["deliberations"]} == {"Gilles GRANGE"}
    assert [(titles[v.delib_id], v.pour, v.abstention, v.unanimous) for v in result.rows["votes"]] == [
        ("Approbation du procès-verbal du 14 décembre 2023", None, None, True),
        ("Modification du tableau des effectifs", 8, 1, False), ("Demande de subvention DETR", None, None, True)]
    assert [(a.status, a.name, a.proxy_to) for a in result.rows["attendance"]][-4:] == [
        ("excused", "Bernard IMBERT", "Hélène BRUN"), ("excused", "Lucie JACQUET", "Patrick CLÉMENT"),
        ("excused", "Nathalie KLEIN", None), ("absent", "Olivier LACROIX", None)]


ALIGNED_PRESENCE_TABLE = """Commune de Bréville-sur-Mer
Réunion du Conseil municipal du lundi 12 février 2024

L'an deux mil vingt-quatre, le douze février à vingt heures, le Conseil municipal de la commune de Bréville-sur-Mer s'est réuni en séance ordinaire, sous la présidence de M. Paul VASSEUR, Maire.

NOM Prénom          Présent     Excusé     Absent     Pouvoir à
VASSEUR Paul           X
LEGRAND Anne           X
MARIE Jacques                     X                     VASSEUR Paul
HÉBERT Lucie           X
DUVAL Marc                                    X
OSMONT Claire          X

Secrétaire de séance : Lucie HÉBERT

1. Tarifs communaux 2024
Votants : 5 – Pour : 5 – Contre : 0 – Abstention : 0

2. Convention avec le SDEC Énergie
Votants : 5 – Pour : 4 – Contre : 1 – Abstention : 0
"""
COUNTED_HEADINGS = """DÉPARTEMENT DE L'HÉRAULT
MAIRIE DE SAINT-JEAN-DE-VÉDAS
Séance du 12/03/2024

Le 12 mars 2024 à 18h00, le conseil municipal de la commune, dûment convoqué le 5 mars 2024, s'est réuni sous la présidence de Monsieur François RIO, Maire.

Présents (15) : François RIO, Isabelle GUIRAUD, Thierry BONNAL, Sophie MAURIN, Laurent ROUCH, Nadège CAUSSE, Frédéric PAGÈS, Céline ROUQUETTE, Jérôme SABATIER, Hélène VIDAL, Pierre ALARY, Julie BOUSQUET, Marc CROS, Laure DELMAS, Yves ESTÈVE
Procurations (2) : Anne FABRE à François RIO, Paul GAZEL à Sophie MAURIN
Absents (1) : Karim HADDAD

Délibération n° 2024-21 – Budget primitif 2024
Le conseil municipal adopte le budget primitif 2024 par 14 voix pour, 2 voix contre (Pierre ALARY, Julie BOUSQUET) et 1 abstention (Marc CROS).

Délibération n° 2024-22 – Création d'un poste d'agent technique
Adoptée à l'unanimité.
"""


def test_a_presence_table_set_with_spaces():
    """"NOM Prénom | Présent | Excusé | Absent | Pouvoir à" set with spaces, an X under each member's status, the
    holder of a proxy under "Pouvoir à": only tables drawn with rules were read, so no member at all."""
    result = extract(ALIGNED_PRESENCE_TABLE)
    assert [(a.status, a.name, a.proxy_to) for a in result.rows["attendance"]] == [
        ("present", "VASSEUR Paul", None), ("present", "LEGRAND Anne", None), ("excused", "MARIE Jacques", "VASSEUR Paul"),
        ("present", "HÉBERT Lucie", None), ("absent", "DUVAL Marc", None), ("present", "OSMONT Claire", None)]
    assert [(v.pour, v.contre, v.abstention) for v in result.rows["votes"]] == [(5, 0, 0), (4, 1, 0)]


@pytest.mark.parametrize("width", [None, 80])
def test_list_headings_with_their_count(width):
    """"Présents (15) :", "Procurations (2) :", "Absents (1) :": the proxies' heading was not one, so the two
    members who gave a proxy were read as present; the counts in the headings are the printed counts."""
    result = extract(wrapped(COUNTED_HEADINGS, width))
    rows = [(a.status, a.name, a.proxy_to) for a in result.rows["attendance"]]
    assert len(rows) == 18 and rows[-3:] == [("excused", "Anne FABRE", "François RIO"),
                                             ("excused", "Paul GAZEL", "Sophie MAURIN"), ("absent", "Karim HADDAD", None)]
    assert {str(d.counts_printed) for d in result.rows["deliberations"]} == {"{'presents': 15, 'pouvoirs': 2}"}
    assert [(v.pour, v.contre, v.abstention) for v in result.rows["votes"]] == [(14, 2, 1), (None, None, None)]
    assert [(m.position, m.name) for m in result.rows["vote_members"]] == [
        ("contre", "Pierre ALARY"), ("contre", "Julie BOUSQUET"), ("abstention", "Marc CROS")]


RAPPORTEURS_MINUTES = """Ville de Saint-Amand-les-Eaux
Conseil municipal
Date de la convocation : 26/09/2023
Date d'affichage : 10/10/2023

PROCÈS-VERBAL DE LA SÉANCE DU 3 OCTOBRE 2023

Le trois octobre deux mille vingt-trois, à dix-huit heures trente, le Conseil municipal s'est réuni salle du conseil, sous la présidence de M. Alain BOCQUET, Maire.

Étaient présents : M. Alain BOCQUET, Mme Karine DUBAR, M. Eric RENAUD, Mme Nadia AIT-ALI, M. Hervé LANNOY, Mme Sylvie COLAU, M. Didier DUBOIS.
Étaient excusés et avaient donné pouvoir : Mme Fanny LEROY à Mme Karine DUBAR.
Était absent : M. Julien POTIER.

Mme Sylvie COLAU est nommée secrétaire de séance.

N° 1 - Rapport sur les orientations budgétaires 2024
Rapporteur : M. Eric RENAUD
Le Conseil municipal prend acte de la tenue du débat.

N° 2 - Garantie d'emprunt à la SA HLM Norévie
Rapporteur : Mme Karine DUBAR
M. Didier DUBOIS, administrateur de la SA HLM Norévie, quitte la séance et ne prend pas part au vote.
Le Conseil Municipal, après en avoir délibéré, par 6 voix POUR, 0 voix CONTRE et 1 ABSTENTION (M. Hervé LANNOY), accorde sa garantie.

N° 3 - Adhésion au groupement de commandes
Pour : 7 | Contre : 0 | Abstention : 0 | Ne prend pas part au vote : 1 (M. Eric RENAUD)
"""


@pytest.mark.parametrize("width", [None, 80])
def test_rapporteur_lines_named_secretary_and_members_not_voting(width):
    """"Étaient excusés et avaient donné pouvoir :" (a proxy clause in the past) was no heading: its member and the
    heading's words were read as names; "Rapporteur : Mme Karine DUBAR" ran into the recusal after it (the recused
    member read as "Karine DUBAR M. Didier DUBOIS") and into an information item's title; "est nommée secrétaire de
    séance" named no secretary; "Ne prend pas part au vote : 1 (M. Eric RENAUD)" named no member."""
    result = extract(wrapped(RAPPORTEURS_MINUTES, width))
    assert [(a.status, a.name, a.proxy_to) for a in result.rows["attendance"]][-2:] == [
        ("excused", "Fanny LEROY", "Karine DUBAR"), ("absent", "Julien POTIER", None)]
    assert [(d.title, d.secretary) for d in result.rows["deliberations"]] == [
        ("Garantie d'emprunt à la SA HLM Norévie", "Sylvie COLAU"), ("Adhésion au groupement de commandes", "Sylvie COLAU")]
    assert [(i.title, i.kind) for i in result.rows["information"]] == [
        ("Rapport sur les orientations budgétaires 2024", "prise_acte")]
    assert [(r.name, r.kind) for r in result.rows["recusals"]] == [("Didier DUBOIS", "recused")]
    assert [(m.position, m.name) for m in result.rows["vote_members"]] == [
        ("not_voting", "Didier DUBOIS"), ("abstention", "Hervé LANNOY"), ("not_voting", "Eric RENAUD")]
    assert [(v.pour, v.contre, v.abstention) for v in result.rows["votes"]] == [(6, 0, 1), (7, 0, 0)]


MARGIN_BOX_EXTRACT = """                           COMMUNE DE SAINT-HILAIRE-DU-BOIS
                           EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS

Nombre de membres          L'an deux mille vingt-quatre, le vingt et un mars à vingt heures,
en exercice : 11           le Conseil municipal de cette commune, régulièrement convoqué,
présents : 9               s'est réuni au nombre prescrit par la loi, dans le lieu habituel de
votants : 10               ses séances, sous la présidence de M. Jacques MORIN, Maire.

                           Présents : MM. MORIN, BRUNET, CARRÉ, DENIS, Mmes FOUCHER, GILBERT, HUET, LEBRETON, MARCHAND.
                           Absents excusés : M. NICOLAS (pouvoir à M. MORIN), Mme PERROT.
                           Secrétaire de séance : Mme HUET.

                           Objet : Adhésion au service commun d'instruction des autorisations d'urbanisme

                           Le Conseil municipal, après en avoir délibéré, à l'unanimité,
                           APPROUVE l'adhésion de la commune au service commun.

                           Ainsi fait et délibéré les jour, mois et an que dessus.
                           Au registre sont les signatures.
"""


def test_the_counts_of_a_box_in_the_margin_beside_the_opening_sentence():
    """"Nombre de membres / en exercice : 11 / présents : 9 / votants : 10" in a box left of the opening sentence:
    the layout keeps it out of the text (else "votants : 10 ses séances, sous la présidence …" reads as a vote), and
    its counts, which were then lost, are the deliberation's printed counts."""
    result = extract(MARGIN_BOX_EXTRACT)
    d, = result.rows["deliberations"]
    assert (d.title, d.president, d.secretary, d.session_date.isoformat()) == (
        "Adhésion au service commun d'instruction des autorisations d'urbanisme", "Jacques MORIN", "HUET", "2024-03-21")
    assert d.counts_printed == {"en_exercice": 11, "presents": 9, "votants": 10}
    assert (d.n_present, d.n_excused, d.n_absent) == (9, 2, 0)
    assert [(v.outcome, v.unanimous) for v in result.rows["votes"]] == [("adopted", True)]


OFFICES_IN_LISTS_MINUTES = """COMMUNE DE MAREUIL-SUR-LAY
COMPTE RENDU DE LA SÉANCE DU CONSEIL MUNICIPAL
Séance du mardi 9 avril 2024 – 20 h 30

Présents : M. Jean-Luc BONNET, Maire ; Mme Sophie CHAUVET, 1ère adjointe ; M. Pascal GIRAUD, 2e adjoint ; Mme Élodie RAMBAUD ; M. Thierry BILLAUD ; Mme Cécile GUÉRIN ; M. Antoine PERRAUDEAU.
Absents représentés : Mme Chantal ROY (pouvoir à M. Jean-Luc BONNET) ; M. Sylvain TESSIER (pouvoir à Mme Sophie CHAUVET).
Absents non représentés : M. Kévin MARTINEAU.
Secrétaire de séance : Mme Élodie RAMBAUD.

Le quorum étant atteint, M. le Maire ouvre la séance.

1. Budget primitif 2024 – Commune
Adopté : 7 voix pour – 1 voix contre (M. Thierry BILLAUD) – 1 abstention (Mme Cécile GUÉRIN)

2. Vote des taux d'imposition 2024
Les taux sont maintenus : taxe foncière bâti 38,50 %, taxe foncière non bâti 52,10 %.
Adopté à l'unanimité.

3. Questions diverses
M. le Maire informe le conseil de la date de la prochaine réunion.

Fin de séance à 22 h 15.
"""


@pytest.mark.parametrize("width", [None, 80])
def test_the_mayor_listed_with_the_office_chairs_and_members_not_represented_are_absent(width):
    """"Présents : M. Jean-Luc BONNET, Maire ; Mme Sophie CHAUVET, 1ère adjointe ; …" and no sentence saying who
    presided: the mayor listed present chairs (CGCT L2121-14). "Absents non représentés :" was no heading (its
    member was lost)."""
    result = extract(wrapped(OFFICES_IN_LISTS_MINUTES, width))
    assert [(a.status, a.name, a.proxy_to) for a in result.rows["attendance"]][-3:] == [
        ("excused", "Chantal ROY", "Jean-Luc BONNET"), ("excused", "Sylvain TESSIER", "Sophie CHAUVET"),
        ("absent", "Kévin MARTINEAU", None)]
    assert {(d.president, d.secretary) for d in result.rows["deliberations"]} == {("Jean-Luc BONNET", "Élodie RAMBAUD")}
    assert [(m.position, m.name) for m in result.rows["vote_members"]] == [
        ("contre", "Thierry BILLAUD"), ("abstention", "Cécile GUÉRIN")]


def test_a_delegated_mayor_listed_present_does_not_chair():
    result = extract(MINUTES_HEAD + "Présents : M. Paul DURAND, Maire délégué de Chênedouit ; Mme Claire PETIT.\n\n"
                     + _three_items("{n}. {t}"))
    assert {d.president for d in result.rows["deliberations"]} == {None}


REGISTER_WITH_CHAIR_LINE = """Mairie de Plouguerneau
Registre des délibérations du Conseil municipal
Séance du 15 mai 2024

Membres présents : Yannig ROBIN, Anne LE GALL, Erwan KERVELLA, Katell PRIGENT, Loïc TANGUY, Gaïd MORVAN.
Membres représentés : Hervé LE BERRE représenté par Anne LE GALL, Soizic CALVEZ représentée par Yannig ROBIN.
Membre absent : Tristan LE ROUX.
Président de séance : Yannig ROBIN, Maire.
Secrétaire : Katell PRIGENT.

DÉLIBÉRATION N°15/2024
OBJET : Rénovation énergétique de l'école – plan de financement

Le Conseil municipal,
Vu le code général des collectivités territoriales,
Considérant le projet de rénovation de l'école,
Après en avoir délibéré,
DÉCIDE :
- d'approuver le plan de financement pour un montant de 1 250 000 € HT,
- de charger le Maire de solliciter les subventions.
Vote : Pour 7, Contre 0, Abstention 1.
"""


@pytest.mark.parametrize("width", [None, 80])
def test_a_chair_line_under_the_lists(width):
    """"Membre absent : Tristan LE ROUX." then "Président de séance : Yannig ROBIN, Maire.": the chair's line went on
    with the absent list (a member named "Président de séance : Yannig ROBIN") and no one chaired."""
    result = extract(wrapped(REGISTER_WITH_CHAIR_LINE, width))
    assert [(a.status, a.name, a.proxy_to) for a in result.rows["attendance"]][-3:] == [
        ("excused", "Hervé LE BERRE", "Anne LE GALL"), ("excused", "Soizic CALVEZ", "Yannig ROBIN"),
        ("absent", "Tristan LE ROUX", None)]
    d, = result.rows["deliberations"]
    assert (d.delib_id, d.title, d.president, d.secretary, d.n_present, d.n_excused, d.n_absent) == (
        "15/2024", "Rénovation énergétique de l'école – plan de financement", "Yannig ROBIN", "Katell PRIGENT", 6, 2, 1)
    assert [(v.pour, v.contre, v.abstention) for v in result.rows["votes"]] == [(7, 0, 1)]


SURNAMES_ONLY_MINUTES = """Commune de Vézelay
Procès-verbal de la séance du conseil municipal du 20 juin 2024

Sous la présidence de M. Hubert LEGRAND, Maire.

Présents : MM. LEGRAND, DURAND et MARTIN, Mmes PETIT, ROUX et BLANC.
Absents excusés : M. NOIR (pouvoir à M. LEGRAND), Mme VERT.
Secrétaire : Mme PETIT.

1 - Acquisition de la maison Dupuis
Le conseil adopte par 5 voix pour et 1 abstention (M. MARTIN), M. DURAND ne participant pas au vote.

2 - Subvention au comité des fêtes
Le conseil, à l'unanimité, attribue une subvention de 1 500 €.
"""


@pytest.mark.parametrize("width", [None, 80])
def test_surnames_under_plural_civilities_and_a_recusal_in_the_vote_sentence(width):
    """"Présents : MM. LEGRAND, DURAND et MARTIN, Mmes PETIT, ROUX et BLANC."; "Le conseil adopte par 5 voix pour
    et 1 abstention (M. MARTIN), M. DURAND ne participant pas au vote." (the participle was no recusal)."""
    result = extract(wrapped(SURNAMES_ONLY_MINUTES, width))
    assert [(a.status, a.name, a.proxy_to) for a in result.rows["attendance"]] == [
        *(("present", n, None) for n in ("LEGRAND", "DURAND", "MARTIN", "PETIT", "ROUX", "BLANC")),
        ("excused", "NOIR", "LEGRAND"), ("excused", "VERT", None)]
    assert [(r.name, r.kind) for r in result.rows["recusals"]] == [("DURAND", "recused")]
    assert [(m.position, m.name) for m in result.rows["vote_members"]] == [("not_voting", "DURAND"),
                                                                           ("abstention", "MARTIN")]
    assert [(v.pour, v.abstention, v.unanimous) for v in result.rows["votes"]] == [(5, 1, False), (None, None, True)]


SUMMARY_MINUTES = """COMMUNE DE LUÇAY-LE-MÂLE
COMPTE RENDU SOMMAIRE DE LA SÉANCE DU CONSEIL MUNICIPAL DU 18 AVRIL 2024
(affiché en application de l'article L. 2121-25 du CGCT)

Présents : Michel BERNARD, Annie CHARPENTIER, Daniel DUPUIS, Yvette FOURNIER, Gérard GUILLON, Nicole HERVÉ.
Absents excusés : Pascal JOLY (pouvoir à Michel BERNARD).
Secrétaire de séance : Annie CHARPENTIER.

Le Conseil municipal :
- approuve à l'unanimité le compte administratif 2023 ;
- vote par 5 voix pour et 2 contre les taux d'imposition 2024 ;
- adopte à l'unanimité le budget primitif 2024 ;
- autorise à l'unanimité le Maire à signer la convention avec le SDIS.

Le Maire, Michel BERNARD
"""


@pytest.mark.parametrize("width", [None, 80])
def test_a_summary_record_lists_its_decisions_each_with_its_vote(width):
    """A compte rendu sommaire (CGCT L2121-25): "Le Conseil municipal :" then "- approuve à l'unanimité …", "- vote
    par 5 voix pour et 2 contre …", …: one deliberation with one vote before; each decision is a deliberation,
    titled by itself, with its own vote. The mayor signing "Le Maire, Michel BERNARD" on one line chairs."""
    result = extract(wrapped(SUMMARY_MINUTES, width))
    titles = {d.delib_id: d.title for d in result.rows["deliberations"]}
    assert list(titles.values()) == ["approuve à l'unanimité le compte administratif 2023",
                                     "vote par 5 voix pour et 2 contre les taux d'imposition 2024",
                                     "adopte à l'unanimité le budget primitif 2024",
                                     "autorise à l'unanimité le Maire à signer la convention avec le SDIS."]
    assert [(v.pour, v.contre, v.unanimous) for v in result.rows["votes"]] == [
        (None, None, True), (5, 2, False), (None, None, True), (None, None, True)]
    assert {d.president for d in result.rows["deliberations"]} == {"Michel BERNARD"}


COUNTS_ONLY_DELIBERATION = """VILLE DE CHÂTEAUROUX
Séance du Conseil municipal du 14 décembre 2023
Délibération n° D2023-214

Présents : 33 – Représentés : 4 – Absents : 2

Sous la présidence de M. Gil AVEROUS, Maire

OBJET : Tarifs municipaux 2024

Le Conseil Municipal,
Vu le code général des collectivités territoriales,
Vu l'avis de la commission des finances du 5 décembre 2023,
Après en avoir délibéré,
DÉCIDE
Article 1 : Les tarifs municipaux applicables au 1er janvier 2024 sont fixés conformément au tableau annexé.
Article 2 : Le Maire est chargé de l'exécution de la présente délibération.

Adopté à la majorité : 30 voix pour, 5 voix contre (groupe « Châteauroux Demain »), 2 abstentions (M. Luc DUPONT, Mme Anne ROUX).

Fait et délibéré en séance, les jour, mois et an susdits.
Le Maire, Gil AVEROUS
"""


@pytest.mark.parametrize("width", [None, 80])
def test_counts_on_one_line_with_the_absent_and_no_lists(width):
    """"Présents : 33 – Représentés : 4 – Absents : 2" and no list of names: it was read as a list, and the line
    below it ("Sous la présidence de M. Gil AVEROUS, Maire") as a member present. The counts are counts; the
    groups in a vote's parenthesis are no members, the named abstentions are."""
    result = extract(wrapped(COUNTS_ONLY_DELIBERATION, width))
    assert result.rows.get("attendance", []) == []
    d, = result.rows["deliberations"]
    assert (d.delib_id, d.title, d.president, d.counts_printed) == (
        "D2023-214", "Tarifs municipaux 2024", "Gil AVEROUS", {"presents": 33, "pouvoirs": 4})
    assert [(v.pour, v.contre, v.abstention) for v in result.rows["votes"]] == [(30, 5, 2)]
    assert [(m.position, m.name) for m in result.rows["vote_members"]] == [("abstention", "Luc DUPONT"),
                                                                           ("abstention", "Anne ROUX")]


TALLY_ROWS_MINUTES = """Commune de Bourgueil
Procès-verbal du conseil municipal du 9 juillet 2024

Sous la présidence de Mme Claire MOREAU, Maire.
Présents : Claire MOREAU, Paul ARNAULT, Inès BRETON, Marc CHARRON, Julie DELAGE.
Excusé : Louis ÉVRARD.

1. Création d'un emploi saisonnier
Le conseil municipal décide de créer un emploi saisonnier d'adjoint technique.
Votants     Pour     Contre     Abstentions
5           5        0          0

2. Tarifs du camping municipal
Le conseil municipal fixe les tarifs 2025 du camping.
Votants     Pour     Contre     Abstentions
5           3        1          1
"""


def test_a_tally_set_as_a_row_of_labels_over_a_row_of_numbers():
    """"Votants   Pour   Contre   Abstentions" over "5   3   1   1": no vote was read, and both points were one
    deliberation titled with everything; each number now goes with the label it stands under."""
    result = extract(TALLY_ROWS_MINUTES)
    assert [d.title for d in result.rows["deliberations"]] == ["Création d'un emploi saisonnier",
                                                               "Tarifs du camping municipal"]
    assert [(v.pour, v.contre, v.abstention, v.raw) for v in result.rows["votes"]] == [
        (5, 0, 0, "Votants : 5 – Pour : 5 – Contre : 0 – Abstentions : 0"),
        (3, 1, 1, "Votants : 5 – Pour : 3 – Contre : 1 – Abstentions : 1")]


def _ocr_row(top: float, *pieces: tuple[float, float, str]) -> Line:
    return Line(1, " ".join(t for _, _, t in pieces), pieces[0][0], top, pieces[-1][1], top + 10, tuple(pieces))


@pytest.mark.parametrize("labels, numbers, tally", [
    # as OCR reads such rows off a scan (bench/layouts.py --votes --scan): specks beside the labels or between the
    # numbers, a stop after a number
    (((84, 120, "Votants"), (129, 130, "."), (148, 149, "j"), (174, 196, "Pour"), (243, 275, "Contre"),
      (323, 375, "Abstention")), ((83, 94, "64"), (174, 184, "63"), (243, 248, "0"), (324, 327, "1")),
     "Votants : 64 – Pour : 63 – Contre : 0 – Abstention : 1"),
    (((84, 120, "Votants"), (174, 196, "Pour"), (243, 275, "Contre"), (316, 375, "_ Abstention")),
     ((84, 94, "10"), (129, 149, "ste"), (174, 179, "7"), (243, 248, "2"), (324, 327, "1")),
     "Votants : 10 – Pour : 7 – Contre : 2 – Abstention : 1"),
    (((84, 120, "Votants"), (174, 196, "Pour"), (243, 275, "Contre"), (323, 375, "Abstention")),
     ((84, 94, "10"), (174, 189, "8:"), (244, 247, "1"), (324, 327, "1")),
     "Votants : 10 – Pour : 8 – Contre : 1 – Abstention : 1"),
])
def test_a_scanned_tally_of_labels_over_numbers_with_the_specks_ocr_reads(labels, numbers, tally):
    assert [line.text for line in tally_rows([_ocr_row(200, *labels), _ocr_row(215, *numbers)])] == [tally]


def test_a_line_of_dust_between_a_tallys_labels_and_its_numbers_goes_with_them():
    # a held-out sitting's scanned vote table: OCR read a speck between the two rows as a line "." of its own, and
    # the first decision's tally was lost (with the decision: no vote, no deliberation)
    rows = [_ocr_row(297, (83, 120, "Votants"), (174, 196, "Pour"), (243, 275, "Contre"), (323, 375, "Abstention")),
            Line(1, ".", 76.32, 306.0, 77.28, 306.72, ((76.32, 77.28, "."),)),
            _ocr_row(312, (84, 92, "31"), (174, 184, "30"), (243, 248, "0"), (324, 327, "1"))]
    assert [line.text for line in tally_rows(rows)] == ["Votants : 31 – Pour : 30 – Contre : 0 – Abstention : 1"]


def test_a_tally_row_with_more_than_one_piece_that_is_no_number_is_not_read_as_one():
    # "9 F4 2 SEL," (7 and 1 misread): two pieces are no number; the rows stay as they are, for a reading finding
    rows = [_ocr_row(200, (84, 120, "Votants"), (174, 196, "Pour"), (243, 275, "Contre"), (323, 375, "Abstention")),
            _ocr_row(215, (84, 88, "9"), (173, 179, "F4"), (243, 248, "2"), (310, 328, "SEL,"))]
    assert tally_rows(rows) == rows


ALL_PRESENT_EXCEPT_EXTRACT = """COMMUNE DE SAINT-LÉGER-EN-YVELINES
EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS
Séance du 3 juin 2024

L'an deux mille vingt-quatre, le trois juin, à vingt heures trente, le Conseil municipal, légalement convoqué, s'est réuni en mairie sous la présidence de M. Alain BENOIST, Maire.

Étaient présents : tous les conseillers municipaux en exercice, à l'exception de : Mme Léa FORTIN (pouvoir à M. Alain BENOIST), M. Jean GILLET.

Secrétaire de séance : Mme Odile HENRY.

Objet : Modification du règlement du cimetière

Le Conseil municipal, après en avoir délibéré, à l'unanimité, approuve le règlement modifié.
"""


@pytest.mark.parametrize("width", [None, 80])
def test_everyone_present_but_the_members_named_after_the_exception(width):
    """"Étaient présents : tous les conseillers municipaux en exercice, à l'exception de : Mme Léa FORTIN (pouvoir à
    M. Alain BENOIST), M. Jean GILLET.": M. GILLET was read as present. The members named after the exception are
    absent, excused when they gave a proxy; the others, not named, give no row."""
    result = extract(wrapped(ALL_PRESENT_EXCEPT_EXTRACT, width))
    assert [(a.status, a.name, a.proxy_to) for a in result.rows["attendance"]] == [
        ("excused", "Léa FORTIN", "Alain BENOIST"), ("absent", "Jean GILLET", None)]


COUNTS_BLOCK_EXTRACT = """COMMUNE DE LAMOTTE-BEUVRON
Séance du 22 octobre 2024

Nombre de conseillers en exercice : 19
Présents : 14
Absents : 5
Pouvoirs : 3
Votants : 17

Présents : Pierre BERTHAULT, Agnès CAILLAUD, Didier DESHAYES, Sylvie ÉTIENNE, Frank FOUQUET, Maud GALLAND, Henri HOUDAS, Irène JOUANNEAU, Kevin LEDOUX, Marie MARTINET, Nicolas NOUVELLON, Odile PASQUIER, Quentin RABIER, Sophie SIMONIN.
Absents ayant donné pouvoir : Thierry TOUZÉ à Pierre BERTHAULT, Ursula VALLÉE à Agnès CAILLAUD, Victor WEBER à Didier DESHAYES.
Absents : Xavier YVON, Yann ZIMMER.

Le Conseil municipal, sous la présidence de M. Pierre BERTHAULT, Maire, après en avoir délibéré, à l'unanimité, approuve la décision modificative n° 2.
"""


@pytest.mark.parametrize("width", [None, 80])
def test_a_block_of_counts_one_a_line_and_the_chair_in_the_decision_sentence(width):
    """"Nombre de conseillers en exercice : 19" / "Présents : 14" / "Absents : 5" / "Pouvoirs : 3" / "Votants : 17",
    then the lists; "Le Conseil municipal, sous la présidence de M. Pierre BERTHAULT, Maire, après en avoir
    délibéré, …": the chair named in the decision's sentence was not read."""
    result = extract(wrapped(COUNTS_BLOCK_EXTRACT, width))
    rows = [(a.status, a.name, a.proxy_to) for a in result.rows["attendance"]]
    assert len(rows) == 19 and rows[14:] == [
        ("excused", "Thierry TOUZÉ", "Pierre BERTHAULT"), ("excused", "Ursula VALLÉE", "Agnès CAILLAUD"),
        ("excused", "Victor WEBER", "Didier DESHAYES"), ("absent", "Xavier YVON", None), ("absent", "Yann ZIMMER", None)]
    d, = result.rows["deliberations"]
    assert (d.president, d.counts_printed) == (
        "Pierre BERTHAULT", {"en_exercice": 19, "presents": 14, "pouvoirs": 3, "votants": 17})


def test_counts_before_their_labels_joined_by_dashes():
    """"12 POUR – 2 CONTRE – 1 ABSTENTION": not read as a vote, so the point ran into the next one."""
    result = extract(MINUTES_HEAD + "Présents : Jean DUPONT, Marie MARTIN.\n\n" + _three_items("{n}. {t}").replace(
        "Adopté à l'unanimité.", "12 POUR – 2 CONTRE – 1 ABSTENTION", 1))
    assert [(v.pour, v.contre, v.abstention, v.unanimous) for v in result.rows["votes"]] == [
        (12, 2, 1, False), (None, None, None, True), (None, None, None, True)]


@pytest.mark.parametrize("lists", [
    "Présent(s) : Jean DUPONT, Marie MARTIN.\nAbsent(s) excusé(s) : Paul DURAND.\nAbsent(s) non excusé(s) : Claire PETIT.",
    "Étaient présents Mesdames et Messieurs : Jean DUPONT, Marie MARTIN.\nÉtaient excusés : Paul DURAND.\n"
    "Étaient absents : Claire PETIT.",
    "Étaient présents Mesdames et Messieurs les conseillers municipaux : Jean DUPONT, Marie MARTIN.\n"
    "Excusés : Paul DURAND.\nAbsents : Claire PETIT.",
])
def test_more_list_headings(lists):
    """"Absent(s) non excusé(s) :" (its member was lost) and "Étaient présents Mesdames et Messieurs :" (the members
    present were lost)."""
    result = extract(MINUTES_HEAD + lists + "\n\n" + _three_items("{n}. {t}"))
    assert [(a.status, a.name) for a in result.rows["attendance"]] == [
        ("present", "Jean DUPONT"), ("present", "Marie MARTIN"), ("excused", "Paul DURAND"), ("absent", "Claire PETIT")]


@pytest.mark.parametrize("sentence, recused", [
    ("Mme Claire PETIT, intéressée, quitte la séance.", [("Claire PETIT", "recused")]),
    ("Mme Claire PETIT ne participe ni aux débats ni au vote.", [("Claire PETIT", "recused")]),
    ("M. Paul DURAND quitte la séance.", []),  # a departure tied to no vote and no interest is a movement
])
def test_recusals_by_interest_and_by_both_debates_and_vote(sentence, recused):
    result = extract(MINUTES_HEAD + "Présents : Jean DUPONT, Marie MARTIN, Paul DURAND, Claire PETIT.\n\n"
                     + _three_items("{n}. {t}").replace("Le conseil décide.", "Le conseil décide.\n" + sentence, 1))
    assert [(r.name, r.kind) for r in result.rows.get("recusals", [])] == recused


ANNEXED = ("\n\nL'ordre du jour étant épuisé, la séance est levée à 21h30.\nLe Maire,\nJean DUPONT\n"
           "\fRAPPORT DE LA COMMISSION LOCALE D'ÉVALUATION DES TRANSFERTS DE CHARGES\n\n"
           "1. Retour de biens aux communes\n\nLa commission propose le retour des biens.\n"
           "Adopté à l'unanimité.\n\n2. Attributions de compensation\n\nLes attributions sont fixées.\n"
           "Adopté à l'unanimité.\n")


def test_what_follows_the_closing_of_the_sitting_on_the_next_pages_is_annexed():
    """A report annexed after "Séance close à 20h00", with its own numbered points and votes (the CLECT report
    after the Aiglun minutes of 26/02/2016), adds no deliberation."""
    result = extract(MINUTES_HEAD + "Présents : Jean DUPONT, Marie MARTIN.\n\n" + _three_items("{n}. {t}") + ANNEXED)
    assert [d.title for d in result.rows["deliberations"]] == ["Vente d'un terrain", "Tarifs du cimetière",
                                                               "Subvention au club"]
    assert len(result.rows["votes"]) == 3
    assert result.rows["deliberations"][0].president == "Jean DUPONT"  # the signature on the closing page


def test_the_approval_of_the_last_minutes_printed_as_an_item_of_the_opening_is_a_point():
    """"▪ Approbation à l'unanimité du compte-rendu de la séance du …" right under the names of the last list,
    printed apart from its heading (CC Lisières de l'Oise 13/03/2025); "a déjà recueilli votre approbation à
    l'unanimité" in the text of a point is no vote (Putanges 2022)."""
    result = extract(MINUTES_HEAD + "Présents : Jean DUPONT, Marie MARTIN.\n\nAbsents excusés :\n\n"
                     "M. Paul DURAND, Mme Claire PETIT (2)\n\n▪ Approbation à l'unanimité du compte-rendu de la "
                     "séance du 20 février 2025 ;\n\n" + _three_items("{n}. {t}").replace(
                         "Le conseil décide.", "Le projet a déjà recueilli votre approbation à l'unanimité.", 1))
    assert [(a.status, a.name) for a in result.rows["attendance"]][-2:] == [("excused", "Paul DURAND"),
                                                                            ("excused", "Claire PETIT")]
    assert len(result.rows["deliberations"]) == 4 and len(result.rows["votes"]) == 4
    assert result.rows["deliberations"][1].title == "Vente d'un terrain"


@pytest.mark.parametrize("before, title", [
    # Pierrefonds 2025: the approval said in a sentence of its own after the remarks, titled by that sentence
    ("Aucune observation n'est faite.", "Le procès-verbal de la séance du 6 mars 2025 est approuvé."),
    # Putanges 2024: a title of its own before it
    ("Approbation du procès-verbal du Conseil municipal du 6 mars 2025",
     "Approbation du procès-verbal du Conseil municipal du 6 mars 2025"),
])
def test_the_approval_of_the_last_minutes_in_a_sentence_is_a_point(before, title):
    result = extract(MINUTES_HEAD + "Présents : Jean DUPONT, Marie MARTIN.\n\n" + before + "\n\nLe procès-verbal "
                     "de la séance du 6 mars 2025 est approuvé.\n\n" + _three_items("{n}. {t}"))
    assert [d.title for d in result.rows["deliberations"]] == [title, "Vente d'un terrain", "Tarifs du cimetière",
                                                               "Subvention au club"]
    assert [v.outcome for v in result.rows["votes"]] == ["adopted"] * 4


@pytest.mark.parametrize("number, numbers", [
    ("D2024-02", ["D2024-01", "D2024-02", "D2024-03", "D2024-04"]),  # the register's numbering (L'Arbresle 2013)
    ("DM 2024-10", ["D2024-01", "D2024-03", "D2024-04"]),  # the mayor's own numbering (Pierrefonds 2024)
])
def test_an_act_numbered_in_the_register_under_the_mayors_decisions_is_a_deliberation(number, numbers):
    """"III. DECISIONS PRISES EN VERTU DES POUVOIRS DELEGUES" then "DL-055-07-13 - Signature du marché …" (L'Arbresle
    2013): a decision numbered in the sitting's own register is one of its deliberations."""
    items = "\n\n".join(f"D2024-0{n} - {t}\n\nLe conseil décide.\nAdopté à l'unanimité."
                        for n, t in [(3, "Tarifs du cimetière"), (4, "Subvention au club")])
    result = extract(MINUTES_HEAD + "Présents : Jean DUPONT, Marie MARTIN.\n\nD2024-01 - Vente d'un terrain\n\n"
                     "Le conseil décide.\nAdopté à l'unanimité.\n\nDécisions prises par délégation du conseil "
                     f"municipal au maire :\n\n{number} - Signature du marché d'étude\n\nLe maire a signé le marché "
                     "le 13 mai 2024.\n\n" + items)
    assert [d.delib_id for d in result.rows["deliberations"]] == numbers


@pytest.mark.parametrize("heading", ["{n}° {t}", "{n}. - {t}", "Délibération n°{n} : {t}", "Rapport n° {n} : {t}",
                                     "N°{n} - {t}", "Objet n°{n} : {t}"])
def test_agenda_ranks_in_other_councils_forms_give_the_title_without_the_rank(heading):
    result = extract(MINUTES_HEAD + "Présents : Jean DUPONT, Marie MARTIN.\n\n" + _three_items(heading))
    assert [d.title for d in result.rows["deliberations"]] == ["Vente d'un terrain", "Tarifs du cimetière",
                                                               "Subvention au club"]


def test_the_sittings_printed_counts_before_the_lists_are_no_vote():
    """"Conseillers en exercice : 15" / "Présents : 12" / "Votants : 14" above the lists: "Votants :" opens no vote
    (it made a point of its own, and the lists after it were taken for an annex's)."""
    result = extract(MINUTES_HEAD + "Conseillers en exercice : 15\nPrésents : 12\nVotants : 14\n\nPrésents : Jean "
                     "DUPONT, Marie MARTIN.\n\n" + _three_items("{n}. {t}"))
    assert [d.title for d in result.rows["deliberations"]] == ["Vente d'un terrain", "Tarifs du cimetière",
                                                               "Subvention au club"]
    assert result.rows["deliberations"][0].counts_printed == {"en_exercice": 15, "presents": 12, "votants": 14}
    assert [a.name for a in result.rows["attendance"]] == ["Jean DUPONT", "Marie MARTIN"]


VALBOURG_EXTRACT = """EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL
Séance du 12 mars 2024

L'an deux mille vingt-quatre, le douze mars à vingt heures, le Conseil Municipal de la Commune de Valbourg, dûment convoqué, s'est réuni en session ordinaire à la Mairie, sous la présidence de M. Jean DUPONT, Maire.
Date de convocation : 5 mars 2024
Nombre de conseillers en exercice : 15 – Présents : 12 – Votants : 14

Présents : Jean DUPONT, Marie MARTIN, Luc PETIT, Anne ROUX, Marc BLANC, Sophie NOIR, Paul VERT, Julie BRUN, Marc GRIS, Léa ROSE, Hugo ROUGE, Eva BLEU.
Absents excusés : Paul DURAND (pouvoir à Jean DUPONT), Claire PETIT (pouvoir à Marie MARTIN)
Absent : Luc BERNARD
Secrétaire de séance : Marie MARTIN

Délibération n° 2024-012
Objet : Vente d'un terrain communal

Le Maire expose au conseil la proposition d'achat de la parcelle AB 12.

Après en avoir délibéré, le Conseil Municipal, à l'unanimité,
DÉCIDE :
- d'approuver la vente de la parcelle AB 12 au prix de 12 500 € ;
- d'autoriser le Maire à signer l'acte.
Pour : 14 Contre : 0 Abstention : 0

Fait et délibéré les jour, mois et an susdits.
Pour extrait conforme, Le Maire, Jean DUPONT
"""


def test_a_communes_extract_of_the_register_is_read_whole():
    """The usual extract of a commune's register: the header sentence, the counts on one line, the lists with
    proxies in parentheses, the number on its own line above "Objet :", the decision and the tally."""
    result = extract(VALBOURG_EXTRACT)
    (d,) = result.rows["deliberations"]
    assert (d.delib_id, d.title, str(d.session_date), d.president, d.secretary, d.collectivite) == (
        "2024-012", "Vente d'un terrain communal", "2024-03-12", "Jean DUPONT", "Marie MARTIN", "Commune de Valbourg")
    assert d.counts_printed == {"en_exercice": 15, "presents": 12, "votants": 14}
    assert (d.n_present, d.n_excused, d.n_absent) == (12, 2, 1)
    assert [(a.status, a.name, a.proxy_to) for a in result.rows["attendance"] if a.status != "present"] == [
        ("excused", "Paul DURAND", "Jean DUPONT"), ("excused", "Claire PETIT", "Marie MARTIN"),
        ("absent", "Luc BERNARD", None)]
    assert [(v.pour, v.contre, v.abstention, v.outcome) for v in result.rows["votes"]] == [(14, 0, 0, "adopted")]
    assert [a.raw for a in result.rows["amounts"]] == ["12 500 €"]


CITY_DELIBERATION = """VILLE DE SAINT-MARCELLIN
CONSEIL MUNICIPAL DU 4 AVRIL 2024
DÉLIBÉRATION N° 2024-04-17

OBJET : CONVENTION DE PARTENARIAT AVEC L'ASSOCIATION SPORTIVE

Rapporteur : Mme Isabelle MOREAU, Adjointe aux sports

Membres en exercice : 45
Présents : 38
Représentés : 5
Absents : 2

Étaient présents : M. Pierre LAMBERT, Maire, Mme Isabelle MOREAU, M. Karim BENALI, Mme Chloé FAURE.
Étaient représentés : M. Denis COLIN par Mme Isabelle MOREAU, Mme Agnès PERRIN par M. Pierre LAMBERT.
Étaient absents : M. Yves GAUTIER, Mme Nadia SALEM.

LE CONSEIL MUNICIPAL,

Vu le Code général des collectivités territoriales,

Considérant l'intérêt de soutenir le club,

DÉLIBÈRE :

Article 1 : La convention de partenariat avec l'association sportive est approuvée.
Article 2 : Une subvention de 15 000 € est attribuée à l'association.

ADOPTÉ PAR 35 VOIX POUR, 6 VOIX CONTRE (Groupe Saint-Marcellin Ensemble) ET 2 ABSTENTIONS.

Fait à Saint-Marcellin, le 5 avril 2024
Le Maire,
Pierre LAMBERT
"""


def test_a_citys_deliberation_with_its_counts_in_a_column_and_its_tally_in_capitals():
    """A three-part number ("N° 2024-04-17"), the counts one a line, "Étaient représentés : A par B", the tally in
    capitals with a group named ("ADOPTÉ PAR 35 VOIX POUR, 6 VOIX CONTRE (Groupe …) ET 2 ABSTENTIONS"), fewer
    members listed than in office (the tally is not taken for a poll), "Fait à …, le …" then "Le Maire," and the
    name."""
    result = extract(CITY_DELIBERATION)
    (d,) = result.rows["deliberations"]
    assert (d.delib_id, d.title, str(d.session_date), d.collectivite) == (
        "2024-04-17", "CONVENTION DE PARTENARIAT AVEC L'ASSOCIATION SPORTIVE", "2024-04-04", "VILLE DE SAINT-MARCELLIN")
    assert (d.signatory, d.signed_place, str(d.signed_date)) == ("Pierre LAMBERT", "Saint-Marcellin", "2024-04-05")
    assert d.president == "Pierre LAMBERT"  # the mayor signs in person and nothing else says who presided
    assert [(v.pour, v.contre, v.abstention, v.outcome) for v in result.rows["votes"]] == [(35, 6, 2, "adopted")]
    assert [(a.status, a.name, a.proxy_to) for a in result.rows["attendance"] if a.status != "present"] == [
        ("excused", "Denis COLIN", "Isabelle MOREAU"), ("excused", "Agnès PERRIN", "Pierre LAMBERT"),
        ("absent", "Yves GAUTIER", None), ("absent", "Nadia SALEM", None)]


def test_a_signature_for_the_mayor_does_not_make_its_signer_the_president():
    """Signed "Pour le Maire et par délégation, L'Adjoint délégué, Karim BENALI": the signer does not chair; the
    mayor listed present ("M. Pierre LAMBERT, Maire") does, as when nothing else says who presided."""
    document = CITY_DELIBERATION.replace("Le Maire,\nPierre LAMBERT", "Pour le Maire et par délégation,\n"
                                                                     "L'Adjoint délégué,\nKarim BENALI")
    (d,) = extract(document).rows["deliberations"]
    assert (d.signatory, d.president) == ("Karim BENALI", "Pierre LAMBERT")
    (d,) = extract(document.replace("M. Pierre LAMBERT, Maire,", "M. Pierre LAMBERT,")).rows["deliberations"]
    assert (d.signatory, d.president) == ("Karim BENALI", None)


REGION_DELIBERATION = """CONSEIL RÉGIONAL DES HAUTS-DE-FRANCE
COMMISSION PERMANENTE DU 12 MARS 2024

DÉLIBÉRATION N° 2024.00321

OBJET : SOUTIEN AUX CLUBS SPORTIFS DE HAUT NIVEAU

La Commission permanente du Conseil régional Hauts-de-France, réunie le 12 mars 2024 sous la présidence de M. Xavier BERTRAND,

Vu le Code général des collectivités territoriales,

DÉCIDE :

Article 1 : D'attribuer une subvention de 50 000 € au club de football.

Article 2 : D'autoriser le Président à signer la convention.

Résultat du vote : adopté
POUR : 45
CONTRE : 12
ABSTENTION : 3

Le Président du Conseil régional,
Xavier BERTRAND
"""


def test_a_regions_deliberation_named_by_its_assembly_and_numbered_with_a_dot():
    result = extract(REGION_DELIBERATION)
    (d,) = result.rows["deliberations"]
    assert (d.delib_id, d.title, str(d.session_date), d.collectivite, d.president) == (
        "2024.00321", "SOUTIEN AUX CLUBS SPORTIFS DE HAUT NIVEAU", "2024-03-12", "CONSEIL RÉGIONAL DES HAUTS-DE-FRANCE",
        "Xavier BERTRAND")
    assert [(v.pour, v.contre, v.abstention, v.outcome) for v in result.rows["votes"]] == [(45, 12, 3, "adopted")]


@pytest.mark.parametrize("header", ["Date de convocation : 5 mars 2024\nSéance du 12 mars 2024",
                                    "L'an 2024, le 12 mars à 20h, le Conseil municipal s'est réuni"])
def test_the_sittings_date_after_the_convocations_and_with_the_year_in_digits(header):
    result = extract("PROCES-VERBAL\n" + header + "\n\nPrésents : Jean DUPONT, Marie MARTIN.\n\n"
                     + _three_items("{n}. {t}"))
    assert {str(d.session_date) for d in result.rows["deliberations"]} == {"2024-03-12"}


def test_a_year_after_pour_opens_no_vote():
    """"Pour 2013, la Ville, la DA et la DRAC ont retenu les projets de 53 écoles" (Montpellier 2013)."""
    result = extract(MINUTES_HEAD + "Présents : Jean DUPONT, Marie MARTIN.\n\n" + _three_items("{n}. {t}").replace(
        "Le conseil décide.", "Le conseil décide.\nPour 2024, la commune a retenu 12 projets.", 1))
    assert len(result.rows["deliberations"]) == 3
    assert [(v.pour, v.outcome) for v in result.rows["votes"]] == [(None, "adopted")] * 3


def test_agenda_points_named_as_such_are_headings_not_numbers():
    result = extract(MINUTES_HEAD + "Présents : Jean DUPONT, Marie MARTIN.\n\n" + _three_items("Point n°{n} : {t}"))
    assert [d.title for d in result.rows["deliberations"]] == ["Vente d'un terrain", "Tarifs du cimetière",
                                                               "Subvention au club"]
    assert all("#" in d.delib_id for d in result.rows["deliberations"])  # a rank of the agenda, not an act's number


@pytest.mark.parametrize("header, date, president", [
    ("L'an deux mille vingt-quatre, le douze du mois de mars, le Conseil Municipal s'est réuni sous la présidence "
     "de M. Jean DUPONT, Maire.", "2024-03-12", "Jean DUPONT"),
    ("Séance du 12 mars 2024\nPrésident de séance : M. Jean DUPONT", "2024-03-12", "Jean DUPONT"),
    # a header's table of counts flattened to lines: "Présents" above "Votants" is a count's label, not a list (the
    # sitting's date after it stays in the header); "sous la présidence du Maire, M BERTIN Gilles" (a register, 2022)
    ("Date de la convocation\n5 mars 2024\nNombre de membres\nEn exercice\nPrésents\nVotants\n : 15\n : 15\n : 15\n"
     "Séance du 12 mars 2024\nLa réunion a débuté à 19h00 sous la présidence du Maire, M DUPONT Jean.", "2024-03-12",
     "DUPONT Jean"),
])
def test_sitting_date_and_president_in_other_councils_forms(header, date, president):
    result = extract("COMPTE RENDU DU CONSEIL MUNICIPAL\n" + header + "\n\nPrésents : Jean DUPONT, Marie MARTIN.\n\n"
                     + _three_items("{n}. {t}"))
    assert {(str(d.session_date), d.president) for d in result.rows["deliberations"]} == {(date, president)}


PARTS = """1. Vente d'un terrain

Le conseil décide.
Adopté à l'unanimité.

2. Fête du village : délibérations relatives aux subventions et aux repas

2-1 Subvention au comité des fêtes

Le conseil décide d'attribuer 500 €.
{vote}

2-2 Remboursement des repas des bénévoles

Le conseil décide de rembourser 200 €.
Adopté à l'unanimité.

3. Tarifs du cimetière

Le conseil fixe les tarifs.
Adopté à l'unanimité."""


@pytest.mark.parametrize("vote, titles", [
    # each part numbered under the point's rank holds its own vote (Putanges 09/09/2024: "6-1", "6-2" …)
    ("Adopté à l'unanimité.", ["Vente d'un terrain", "Fête du village : délibérations relatives aux subventions et "
                               "aux repas", "Remboursement des repas des bénévoles", "Tarifs du cimetière"]),
    # one vote for both parts: one deliberation
    ("", ["Vente d'un terrain", "Fête du village : délibérations relatives aux subventions et aux repas",
          "Tarifs du cimetière"]),
])
def test_the_parts_of_a_point_numbered_under_its_rank_and_voted_one_by_one_are_deliberations(vote, titles):
    result = extract(MINUTES_HEAD + "Présents : Jean DUPONT, Marie MARTIN.\n\n" + PARTS.format(vote=vote))
    assert [d.title for d in result.rows["deliberations"]] == titles
    assert len(result.rows["votes"]) == len(titles)


SIGNED = """COMPTE RENDU DU CONSEIL MUNICIPAL
Séance du 9 septembre 2024

Présents : MM Sébastien LEROUX, Sylvain GAUDIN, Dominique GAUDIN, Philippe GRANDIN.

Secrétaire de séance : monsieur Grandin

{items}
L'ordre du jour étant épuisé, la séance est levée à 22h06.
Le Secrétaire,          Le Maire,
tb                      10
Philippe GRANDIN        {signer}
"""


@pytest.mark.parametrize("signer, president", [
    ("ästien LEROUX", "Sébastien LEROUX"),  # Putanges 09/09/2024: the handwritten signature over the first name
    ("Sébastien LEROUX", "Sébastien LEROUX"),
    ("GAUDIN", None),  # two members are GAUDIN: which one signs is not said
    ("Jean MARTIN", None),  # no member of the lists
])
def test_the_president_is_the_member_whose_name_the_closing_signature_prints_under_the_office(signer, president):
    result = extract(SIGNED.format(items=_three_items("{n}. {t}"), signer=signer))
    assert {d.president for d in result.rows["deliberations"]} == {president}


@pytest.mark.parametrize("sentence, names", [
    ("Mme Claire PETIT se retire et ne participe pas au vote.", ["Claire PETIT"]),
    ("M. Paul DURAND, conseiller intéressé, quitte la salle et ne prend part ni au débat ni au vote.",
     ["Paul DURAND"]),
    ("Ne prennent pas part au vote : M. Paul DURAND, Mme Claire PETIT", ["Paul DURAND", "Claire PETIT"]),
    ("Conformément à l'article L.2131-11 du CGCT, M. Paul DURAND n'a pas pris part au vote.", ["Paul DURAND"]),
    ("Mme Claire PETIT, concernée, ne prend part ni aux débats ni au vote.", ["Claire PETIT"]),
    ("M. Paul DURAND s'abstient de prendre part au vote.", ["Paul DURAND"]),
    ("M. Paul DURAND, directement intéressé, s'est retiré lors du vote.", ["Paul DURAND"]),
])
def test_recusal_wordings_of_other_councils(sentence, names):
    result = extract(MINUTES_HEAD + "Présents : Jean DUPONT, Marie MARTIN, Paul DURAND, Claire PETIT.\n\n"
                     "1. Subvention au club de football\nLe conseil décide d'attribuer 500 €.\n" + sentence
                     + "\nAdopté à l'unanimité des votants.\n\n2. Tarifs\nLe conseil fixe les tarifs.\n"
                       "Adopté à l'unanimité.")
    first = result.rows["deliberations"][0].delib_id
    assert [(r.delib_id, r.name, r.kind, r.member_status) for r in result.rows["recusals"]] == [
        (first, name, "recused", "present") for name in names]
    assert [(v.position, v.name) for v in result.rows["vote_members"]] == [("not_voting", n) for n in names]


def test_a_plural_civility_heads_the_names_after_it_until_one_prints_its_own():
    result = extract(MINUTES_HEAD + "Présents : Mesdames Anne ANDRÉ, Béatrice BERNARD, Messieurs Charles CHARLES, "
                     "Denis DAVID, Mme Eve ERNST, Françoise FAURE." + MINUTES_ITEMS.format(vote="Adopté."))
    assert [(a.civility, a.name) for a in result.rows["attendance"]] == [
        ("Mme", "Anne ANDRÉ"), ("Mme", "Béatrice BERNARD"), ("M.", "Charles CHARLES"), ("M.", "Denis DAVID"),
        ("Mme", "Eve ERNST"), (None, "Françoise FAURE")]



# A single extract as many communes print it (letterhead, counts, convocation, "L'an …", lists, "Objet : … –
# Délibération n° …", articles, tally, "Pour extrait conforme, Le Maire, Jean DUPONT" on one line).
COMMUNE_EXTRACT = """EXTRAIT DU REGISTRE DES DELIBERATIONS DU CONSEIL MUNICIPAL
COMMUNE DE SAINT-MARTIN-DES-CHAMPS

Nombre de conseillers : en exercice : 15 ; présents : 12 ; votants : 14
Date de convocation : 5 mars 2024

L'an deux mille vingt-quatre, le douze mars à vingt heures, le Conseil Municipal de la Commune de Saint-Martin-des-Champs, dûment convoqué, s'est réuni en session ordinaire, à la Mairie, sous la présidence de M. Jean DUPONT, Maire.

Présents : Jean DUPONT, Marie MARTIN, Paul DURAND, Claire PETIT, Louis LEROY, Anne ANDRÉ, Béatrice BERNARD, Charles CHARLES, Denis DAVID, Eric ERNST, Françoise FAURE, Gérard GUY.
Absents excusés : Hélène HUET (pouvoir à Jean DUPONT), Isabelle IBERT (pouvoir à Marie MARTIN).
Absent : Jacques JOLY.
Secrétaire de séance : Marie MARTIN.

Objet : Vente d'un terrain communal – Délibération n° 2024-015

Le Conseil Municipal,
Vu le Code général des collectivités territoriales ;
Considérant la demande de M. X ;
Après en avoir délibéré, DÉCIDE :
Article 1 : d'approuver la vente de la parcelle AB 12 au prix de 15 000 €.
Article 2 : d'autoriser le Maire à signer l'acte.
Pour : 13 Contre : 1 Abstention : 0

Fait et délibéré les jour, mois et an que dessus.
Pour extrait conforme, Le Maire, Jean DUPONT
"""


def test_a_commune_extract_read_field_by_field():
    result = extract(COMMUNE_EXTRACT)
    (d,) = result.rows["deliberations"]
    assert (d.delib_id, d.collectivite, d.assembly, str(d.session_date), d.title) == (
        "2024-015", "COMMUNE DE SAINT-MARTIN-DES-CHAMPS", "CONSEIL MUNICIPAL", "2024-03-12",
        "Vente d'un terrain communal")
    assert (d.president, d.secretary, d.signatory) == ("Jean DUPONT", "Marie MARTIN", "Jean DUPONT")
    assert (d.n_present, d.n_excused, d.n_absent, d.n_articles) == (12, 2, 1, 2)
    assert [(v.pour, v.contre, v.abstention, v.outcome) for v in result.rows["votes"]] == [(13, 1, 0, "adopted")]
    assert [(a.status, a.name, a.proxy_to) for a in result.rows["attendance"]][-3:] == [
        ("excused", "Hélène HUET", "Jean DUPONT"), ("excused", "Isabelle IBERT", "Marie MARTIN"),
        ("absent", "Jacques JOLY", None)]


@pytest.mark.parametrize("letterhead, collectivite", [
    ("MAIRIE DE SAINT-JEAN-DE-LUZ", "MAIRIE DE SAINT-JEAN-DE-LUZ"),
    ("Compte rendu du conseil municipal de Villeneuve-sur-Lot", "Villeneuve-sur-Lot"),
    ("Communauté d'agglomération du Grand Avignon", "Communauté d'agglomération du Grand Avignon"),
])
def test_the_collectivite_as_other_letterheads_print_it(letterhead, collectivite):
    result = extract(letterhead + "\nCOMPTE RENDU DU CONSEIL MUNICIPAL\nSéance du 12 mars 2024\n\n"
                     "Présents : Jean DUPONT, Marie MARTIN." + MINUTES_ITEMS.format(vote="Adopté à l'unanimité."))
    assert {d.collectivite for d in result.rows["deliberations"]} == {collectivite}


@pytest.mark.parametrize("vote, named", [
    ("Adopté à la majorité, M. DURAND et Mme PETIT votant contre.", [("contre", "DURAND"), ("contre", "PETIT")]),
    ("Adopté à la majorité, Mme Claire PETIT s'abstenant.", [("abstention", "Claire PETIT")]),
    ("Adopté à l'unanimité moins une abstention (M. Louis LEROY).", [("abstention", "Louis LEROY")]),
])
def test_members_named_with_their_vote_in_prose(vote, named):
    result = extract(MINUTES_HEAD + "Présents : Jean DUPONT, Marie MARTIN, Paul DURAND, Claire PETIT, Louis LEROY."
                     + MINUTES_ITEMS.format(vote=vote))
    first = result.rows["votes"][0].delib_id
    assert [(m.position, m.name) for m in result.rows["vote_members"] if m.delib_id == first] == named


@pytest.mark.parametrize("printed, status", [("14", "pass"), ("13", "fail")])
def test_members_who_took_part_are_the_voters_the_lists_give(printed, status):
    from pipeline.reconcile import evaluate

    result = extract(COMMUNE_EXTRACT.replace(
        "Nombre de conseillers : en exercice : 15 ; présents : 12 ; votants : 14",
        f"Nombre de membres en exercice : 15\nNombre de membres qui ont pris part à la délibération : {printed}"))
    result.extend(evaluate(result))
    (finding,) = [f for f in result.rows["findings"] if f.rule == "attendance.counts_vs_lists"]
    assert finding.status == status


@pytest.mark.parametrize("text, kind", [
    ("COMMUNE DE BEAUMONT\nDÉCISION DU MAIRE N° 2024-05\nLe Maire de Beaumont,\nVu la délibération du conseil "
     "municipal du 10 juillet 2020 lui donnant délégation,\nDÉCIDE :\nArticle 1 : de signer un contrat de maintenance "
     "avec la société X pour 1 200 € HT.\nFait à Beaumont, le 12 mars 2024", "other"),
    ("COMMUNE DE BEAUMONT\nCONVOCATION DU CONSEIL MUNICIPAL\nJ'ai l'honneur de vous convier à la séance du conseil "
     "municipal qui se tiendra le mardi 12 mars 2024 à 20h30.\nOrdre du jour :\n1. Vente d'un terrain\n2. Tarifs du "
     "cimetière\nLe Maire, Jean DUPONT", "other"),
    ("COMMUNE DE BEAUMONT\nEXTRAIT DU REGISTRE DES DÉLIBÉRATIONS\nSéance du 12 mars 2024\nPrésents : Jean DUPONT, "
     "Marie MARTIN.\nObjet : Vente d'un terrain\nLe conseil municipal, après en avoir délibéré, décide d'approuver la "
     "vente.\nAdopté à l'unanimité.", "deliberation"),
])
def test_what_a_document_of_another_council_is(text, kind):
    from pipeline.process import extract as read_stages
    from pipeline.textdoc import text_to_document

    doc = text_to_document(text, "kind.txt")
    result = FileResult(Document(doc_id=doc.doc_id, source_file="kind.txt", status="ok"))
    read_stages(doc, result)
    assert result.document.kind == kind
    assert bool(result.rows.get("deliberations")) == (kind == "deliberation")


def test_proxies_one_a_line_without_commas_are_one_entry_each():
    # Putanges 2016 / Pierrefonds 2017: "Mme HEE Florence à Mr DRUGEON Serge" then, on the next line, "Mme CASTEL
    # Catherine à Mme Françoise DUARTE": a line opened by a civility starts an entry
    result = extract(MINUTES_HEAD + "Présents : Jean DUPONT, Marie MARTIN.\n\nAbsents excusés ayant donné pouvoir :\n"
                     "Mme HEE Florence à Mr DRUGEON Serge\nMme CASTEL Catherine à Mme Françoise DUARTE\n"
                     "M. Paul DURAND (pouvoir à M. Jean DUPONT)\nMme Claire PETIT"
                     + MINUTES_ITEMS.format(vote="Adopté à l'unanimité."))
    assert [(a.status, a.name, a.proxy_to) for a in result.rows["attendance"]][2:] == [
        ("excused", "HEE Florence", "DRUGEON Serge"), ("excused", "CASTEL Catherine", "Françoise DUARTE"),
        ("excused", "Paul DURAND", "Jean DUPONT"), ("excused", "Claire PETIT", None)]


def test_attendance_lists_printed_side_by_side(tmp_path):
    # "Présents :" on the left, "Absents excusés :" on the right, their names row by row: the text layer gives each
    # row as one line; the right list is read after the left one
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from pipeline.process import Options, process_file

    path = tmp_path / "side.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    y = 800
    for text in ("COMMUNE DE BEAUMONT", "PROCES-VERBAL DU CONSEIL MUNICIPAL", "Séance du 12 mars 2024"):
        pdf.drawString(50, y, text)
        y -= 18
    rows = [("Présents :", "Absents excusés :"), ("M. Jean DUPONT", "M. Louis LEROY (pouvoir à M. Jean DUPONT)"),
            ("Mme Marie MARTIN", "Mme Anne ANDRÉ"), ("M. Paul DURAND", ""), ("Mme Claire PETIT", "Absent : M. Eric ERNST")]
    for left, right in rows:
        pdf.drawString(50, y, left)
        pdf.drawString(300, y, right)
        y -= 15
    for text in ("", "1. Vente d'un terrain communal", "Le conseil municipal décide d'approuver la vente.",
                 "Adopté à l'unanimité.", "", "2. Tarifs du cimetière", "Le conseil fixe les tarifs.",
                 "Pour : 5 Contre : 1 Abstention : 0"):
        pdf.drawString(50, y, text)
        y -= 15
    pdf.save()
    result = process_file(path, Options(ocr="never"))
    assert [(a.status, a.name, a.proxy_to) for a in result.rows["attendance"]] == [
        ("present", "Jean DUPONT", None), ("present", "Marie MARTIN", None), ("present", "Paul DURAND", None),
        ("present", "Claire PETIT", None), ("excused", "Louis LEROY", "Jean DUPONT"), ("excused", "Anne ANDRÉ", None),
        ("absent", "Eric ERNST", None)]


def read_as_pdf(text: str, tmp_path) -> FileResult:
    """``text`` laid out as an A4 PDF (Helvetica 10.5 pt, lines wrapped to the text width, no space between
    paragraphs, as an office suite prints minutes) and read through every stage, from the PDF's own geometry."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    from pipeline.process import Options, process_file

    path = tmp_path / "minutes.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    width, height = A4
    y = height - 60
    for raw in text.splitlines():
        words, pieces = raw.split(), [""]
        for word in words:
            joined = f"{pieces[-1]} {word}".strip()
            if stringWidth(joined, "Helvetica", 10.5) <= width - 120 or not pieces[-1]:
                pieces[-1] = joined
            else:
                pieces.append(word)
        for piece in pieces:
            if y < 60:
                pdf.showPage()
                y = height - 60
            pdf.setFont("Helvetica", 10.5)
            pdf.drawString(60, y, piece)
            y -= 13.5
    pdf.save()
    return process_file(path, Options(ocr="never"))


# A commune's minutes of 2023 (names changed): counts none, the absent then their proxies one a line, a comma left
# out between two members ("M. CYPRIEN Mme LENOIR"), the secretary named in a sentence after a colon, the mayor's
# office after the name without a comma.
MINUTES_2023 = """REUNION DU CONSEIL MUNICIPAL
Du 18 SEPTEMBRE 2023
L'an deux mil vingt-trois, le dix-huit septembre à dix-neuf heures le conseil municipal dument convoqué s'est réuni au lieu habituel de ses séances, sous la présidence de monsieur LEGRAND Paul maire.
Date de convocation du Conseil Municipal : 11 septembre 2023
Présents : M. P. LEGRAND, Mme CARON, M. MASSON, Mme JAMIN, M. BOTTIN, M. CYPRIEN Mme LENOIR, M. DEQUIN
Absents : M. GALLET, M. D. LEGRAND, Mme BAILLY
Pouvoirs : M. GALLET a donné pouvoir à Mme CARON
M. D. LEGRAND a donné pouvoir à M. BOTTIN
Mme BAILLY a donné pouvoir à M. P. LEGRAND
Secrétaire : Mme CARON a été élue secrétaire de séance
Monsieur le maire ouvre la séance et fait procéder à la lecture du procès-verbal de la séance du 27 mars 2023. Aucune observation n'étant formulée, le procès-verbal est adopté à l'unanimité.
Question 1 – Adhésion à la convention de participation « santé » proposée par le centre de gestion
Vu le Code général des collectivités territoriales ;
Après en avoir délibéré, le conseil municipal, à l'unanimité, décide d'adhérer à la convention.
Question 2 – Tarifs de la cantine
Après en avoir délibéré, le conseil municipal, par 9 voix pour et 2 abstentions, fixe les tarifs.
"""


@pytest.mark.parametrize("read", ["text", "pdf"])
def test_the_absent_named_again_with_their_proxies_are_listed_once(read, tmp_path):
    result = extract(MINUTES_2023) if read == "text" else read_as_pdf(MINUTES_2023, tmp_path)
    assert [(a.status, a.civility, a.name, a.proxy_to) for a in result.rows["attendance"]] == [
        ("present", "M.", "P. LEGRAND", None), ("present", "Mme", "CARON", None), ("present", "M.", "MASSON", None),
        ("present", "Mme", "JAMIN", None), ("present", "M.", "BOTTIN", None), ("present", "M.", "CYPRIEN", None),
        ("present", "Mme", "LENOIR", None), ("present", "M.", "DEQUIN", None),
        ("excused", "M.", "GALLET", "CARON"), ("excused", "M.", "D. LEGRAND", "BOTTIN"),
        ("excused", "Mme", "BAILLY", "P. LEGRAND")]
    first = result.rows["deliberations"][0]
    assert (first.session_date.isoformat(), first.president, first.secretary) == ("2023-09-18", "LEGRAND Paul", "CARON")
    assert [(v.pour, v.contre, v.abstention, v.unanimous) for v in result.rows["votes"]] == [
        (None, None, None, True), (None, None, None, True), (9, None, 2, False)]


# A commune's compte rendu of 2024 (names changed): members surname first, the proxy after a comma, an empty list.
@pytest.mark.parametrize("read", ["text", "pdf"])
def test_a_proxy_printed_after_a_comma_under_absents_avec_pouvoir(read, tmp_path):
    text = ("Le Conseil Municipal s'est réuni mercredi 6 novembre 2024 en salle du conseil.\n"
            "Etaient présents : GARNIER Carine, JOUBERT Robert, MAYER Michelle, DUCROS Christiane, MEUNIER Catherine\n"
            "Absents avec pouvoir : MARECHAL Jacques, pouvoir à GARNIER Carine\n"
            "Absents et excusés :\n"
            "Secrétaire de séance : MEUNIER Catherine\n\n"
            "Approbation à l'unanimité du compte rendu du Conseil Municipal du 4 septembre 2024\n")
    result = extract(text) if read == "text" else read_as_pdf(text, tmp_path)
    assert [(a.status, a.name, a.proxy_to) for a in result.rows["attendance"]] == [
        ("present", "GARNIER Carine", None), ("present", "JOUBERT Robert", None), ("present", "MAYER Michelle", None),
        ("present", "DUCROS Christiane", None), ("present", "MEUNIER Catherine", None),
        ("excused", "MARECHAL Jacques", "GARNIER Carine")]
    assert result.rows["deliberations"][0].secretary == "MEUNIER Catherine"


# Headers of other councils' minutes (names changed), each as a text layout and as a laid-out PDF: (text, the
# attendance rows (status, name, proxy), the secretary).
OTHER_HEADERS = [
    # a commune's compte rendu of 2019 set as one paragraph: the lists start inside it, the secretary too
    ("COMPTE RENDU DE LA SEANCE DU CONSEIL MUNICIPAL DU 03 JUILLET 2019 Etaient présents : Mme Martine LEROUX, M. "
     "Thierry MOULIN, Mme Céline MARQUES. Absents représentés : M. Roger CHEVALIER représenté par Mme Céline MARQUES. "
     "Secrétaire de séance : Madame Céline Marques. Mme le maire demande l'accord au conseil municipal d'inverser le "
     "point n° 5 avec le point 6. Le conseil municipal accepte à l'unanimité.\n",
     [("present", "Martine LEROUX", None), ("present", "Thierry MOULIN", None), ("present", "Céline MARQUES", None),
      ("excused", "Roger CHEVALIER", "Céline MARQUES")], "Céline Marques"),
    # a syndicat's comité of 2021: the heading in capitals after a comma, a delegate replaced by a substitute, first
    # names whose hyphen the text layer spaces
    ("Réunion du 3 mars 2021 Sous la présidence de Monsieur LABORDE Michel, Président, PRESENTS : Mmes DUPIN Sylvie "
     "remplacée par sa suppléante LAFFITTE Corinne, PUJOS - DARRIEU Marie - Claude, MM. SARRAN Jean - Marc, DARRÉ "
     "Louis. ABSENTS - EXCUSES : Mme ARTIGUE - LACOSTE Nadine, M. FERRARI Alain.\n"
     "SECRETAIRE DE SEANCE : Mme PUJOS - DARRIEU Marie - Claude\n\n"
     "1) Approbation du compte rendu de la réunion du 28 janvier 2021\nLe procès-verbal est approuvé à l'unanimité.\n",
     [("excused", "DUPIN Sylvie", None), ("present", "LAFFITTE Corinne", None),
      ("present", "PUJOS-DARRIEU Marie-Claude", None), ("present", "SARRAN Jean-Marc", None),
      ("present", "DARRÉ Louis", None), ("excused", "ARTIGUE-LACOSTE Nadine", None), ("excused", "FERRARI Alain", None)],
     "PUJOS-DARRIEU Marie-Claude"),
    # a communauté de communes of 2013: surnames and initials between dashes, a dash glued to an initial's stop
    ("COMPTE-RENDU DU CONSEIL DE COMMUNAUTE\nSéance du 24 septembre 2013\n"
     "Etaient présents : BOUSQUET L. – FERRAN C. – COMBES J.L. - MOLINA J.P. – BONNAFOUS M.C. (remplace CAZALS E.)\n"
     "Etaient absents : LABATUT J. – MIRAMOND P.– FONTANILLE S. -- FERRER M.\n"
     "Etaient excusés : BOUISSON J.C. - CAZALS E. (remplacée par BONNAFOUS M.C.)\n\n"
     "1. Approbation du compte rendu\nAdopté à l'unanimité.\n",
     [("present", "BOUSQUET L.", None), ("present", "FERRAN C.", None), ("present", "COMBES J.L.", None),
      ("present", "MOLINA J.P.", None), ("present", "BONNAFOUS M.C.", None), ("absent", "LABATUT J.", None),
      ("absent", "MIRAMOND P.", None), ("absent", "FONTANILLE S.", None), ("absent", "FERRER M.", None),
      ("excused", "BOUISSON J.C.", None), ("excused", "CAZALS E.", None)], None),
    # a commune of 2019: the counts set among the header's dates, the empty lists and the secretary in capitals
    ("COMPTE-RENDU DU CONSEIL MUNICIPAL du Mardi 5 Mars 2019 à 20h00\n\n"
     "Nombre de conseillers en exercice : 4 Nombre de présents : 4 Date de la convocation : 26/02/2019\n"
     "Nombre de votants : 4 Date de la publication : 26/02/2019 Nombre d'absents excusés : 0\n\n"
     "PRESENTS : M. JOUAN Hervé – Mme LEBRETON Marie-Hélène – M. GICQUEL Mathieu – M. POIRIER Yvon\n"
     "ABSENTS EXCUSÉS : ABSENTS NON EXCUSÉS : SECRETAIRE : M. GICQUEL Mathieu\n\n"
     "Après en avoir délibéré et à l'unanimité, le Conseil Municipal : - ACCEPTE l'ajout d'un point.\n",
     [("present", "JOUAN Hervé", None), ("present", "LEBRETON Marie-Hélène", None), ("present", "GICQUEL Mathieu", None),
      ("present", "POIRIER Yvon", None)], "GICQUEL Mathieu"),
    # a school syndicat of 2019: repeated bullets, a heading without its colon, offices after the names, the
    # secretary "assuré par"
    ("L'an deux mille dix-neuf le douze septembre, le comité syndical s'est réuni sous la présidence de Monsieur "
     "LEFEBVRE Michel, Président.\n\nÉtaient présents :\n\n  • • • M. Michel LEFEBVRE,\n  • • • M.Bernard COQUEREL,\n"
     "  • • • Mme Martine LEBAS\n\nÉtait absente avec procuration\n\n  • • Mme Vasseur Chantal pouvoir à M.COQUEREL.\n\n"
     "Étaient absents :\n\n  • • M.Delacroix Maire du Mesnil saint-Aubin\n  • • Mme MORVAN déléguée du Mesnil\n\n"
     "Le secrétariat a été assuré par : Monsieur Bernard COQUEREL\n\n"
     "L'ASSEMBLÉE DÉCIDE à l'unanimité des membres présents d'ajouter ce point à l'ordre du jour.\n",
     [("present", "Michel LEFEBVRE", None), ("present", "Bernard COQUEREL", None), ("present", "Martine LEBAS", None),
      ("excused", "Vasseur Chantal", "COQUEREL"), ("absent", "Delacroix", None), ("absent", "MORVAN", None)],
     "Bernard COQUEREL"),
    # a commune of 2017: bare surnames between dashes under group civilities, a dash at a line's end
    ("CONSEIL MUNICIPAL\nSEANCE DU 30 juin 2017\n\nPrésents : MM. LANGLOIS - WAGNER - BENALI -\nRIZZO\n"
     "Mmes HOFFMANN - KLEIN - SIMON-HUGUENIN\nAbsents excusés : M. MULLER - DEVILLE\nMmes BOUCHER - BONNEFOY\n\n"
     "N° 59 - Election des délégués\nMme Anne KLEIN a été désignée secrétaire de séance.\nAdopté à l'unanimité.\n",
     [("present", "LANGLOIS", None), ("present", "WAGNER", None), ("present", "BENALI", None), ("present", "RIZZO", None),
      ("present", "HOFFMANN", None), ("present", "KLEIN", None), ("present", "SIMON-HUGUENIN", None),
      ("excused", "MULLER", None), ("excused", "DEVILLE", None), ("excused", "BOUCHER", None),
      ("excused", "BONNEFOY", None)], "Anne KLEIN"),
    # a commune of 2020: the mayor's line ends with ";", the list goes on in the next paragraph; the secretary "sera"
    ("COMPTE-RENDU DE LA REUNION DU CONSEIL MUNICIPAL\n\nSéance du 15 décembre 2020\n\n"
     "Étaient présents : Monsieur DUVAL Olivier, Maire ;\n\nMesdames BESNARD Lucie et BOUVIER Margaux, et Messieurs "
     "CHEVALLIER Denis et LAMBERT Julien, Adjoints, Mesdames TESSIER Manon, BLIN Ginette, Conseillers municipaux\n\n"
     "Absente excusée : Laure DROUET donne procuration à Ginette BLIN\n\n"
     "Sur la proposition de Monsieur le Maire, le secrétaire de séance sera Monsieur Denis CHEVALLIER conformément à "
     "l'article L 2121-15 du Code Général des Collectivités Territoriales.\n\n"
     "DCM n°2020-57 - Acquisition de la parcelle F 488\nRésultat du vote : Pour : 7\nContre : 0 Abstention : 0\n",
     [("present", "DUVAL Olivier", None), ("present", "BESNARD Lucie", None), ("present", "BOUVIER Margaux", None),
      ("present", "CHEVALLIER Denis", None), ("present", "LAMBERT Julien", None), ("present", "TESSIER Manon", None),
      ("present", "BLIN Ginette", None), ("excused", "Laure DROUET", "Ginette BLIN")], "Denis CHEVALLIER"),
    # a commune of 2018: dashes typed with a space on one side, "Ms" for Messieurs, an office in parentheses
    ("CONSEIL MUNICIPAL DU 19 MARS 2018\n\nLe dix neuf mars deux mille dix huit s'est réuni le Conseil Municipal "
     "sous la présidence de Monsieur Hervé TANGUY Maire Etaient présents : Ms JAFFRES Alain – COLIN Jean-Yves - "
     "QUEMENER Anne- KERBRAT Erwan (arrivé à 22h30) (adjoints) –Mmes DE LA MOTTE Hélène- HAMON Sylvie – MORVAN Thomas – "
     "Absents excusés : CADIOU Emilie – RIOU Nolwenn\n\nDélibération N°2018-03-01 Approbation du compte rendu\n"
     "A l'unanimité les conseillers municipaux adoptent le compte rendu.\n",
     [("present", "JAFFRES Alain", None), ("present", "COLIN Jean-Yves", None), ("present", "QUEMENER Anne", None),
      ("present", "KERBRAT Erwan", None), ("present", "DE LA MOTTE Hélène", None), ("present", "HAMON Sylvie", None),
      ("present", "MORVAN Thomas", None), ("excused", "CADIOU Emilie", None), ("excused", "RIOU Nolwenn", None)], None),
    # a commune of 2022: the count, then the names; the chair and the secretary on bulleted lines
    ("Séance du lundi 5 avril 2022 à 18h00.\n\n  • Nombre de conseillers en exercice : 5/5\n"
     "  • Nombre de conseillers présents : 3 : BERTIN Gérard, MOREL Sylvie, VIDAL Laurent ;\n"
     "  • Excusées : AUBERT-LACAZE Hélène et MEUNIER Agnès ;\n"
     "  • Procurations : de AUBERT-LACAZE Hélène à MOREL Sylvie, et de MEUNIER Agnès à BERTIN Gérard ;\n"
     "  • Président de séance : Laurent VIDAL, Maire ;\n  • Secrétaire de séance : MOREL Sylvie.\n"
     "Approbation du compte rendu du Conseil municipal du 28 février 2022 :\n"
     "Approbation à la majorité : 3 pour (2 + 1 procuration) et 2 contre (1 + 1 procuration : G. Bertin, A. Meunier).\n",
     [("present", "BERTIN Gérard", None), ("present", "MOREL Sylvie", None), ("present", "VIDAL Laurent", None),
      ("excused", "AUBERT-LACAZE Hélène", "MOREL Sylvie"), ("excused", "MEUNIER Agnès", "BERTIN Gérard")],
     "MOREL Sylvie"),
    # a SIVOS of 2014: "Absent(s) : Aucun" names no one
    ("Compte-Rendu de la réunion SIVOS du 2 Avril 2014\n\nL'An deux mil quatorze, le deux avril, le Comité "
     "d'Administration s'est réuni sous la présidence d'Anne-Sophie POUILLOT, présidente sortante.\n\n"
     "Absent(s) : Aucun\n\nLiliane DEVOS est nommée secrétaire de séance.\n\n"
     "N° 01-04-2014 – ELECTION DU PRÉSIDENT\nRésultats du vote : Carole DUCHENE est élue à l'unanimité.\n",
     [], "Liliane DEVOS"),
    # a commune of 2011: a group-civility sub-heading under "Etaient présents :", two names a line glued by dashes
    ("Compte rendu du conseil municipal du 12 mai 2011\n\nL'an deux mil onze, le jeudi 12 mai, le Conseil Municipal "
     "s'est réuni sous la présidence de Monsieur Michel BERTRAND, Maire.\n\nEtaient présents :\n\n"
     "Mesdames et Messieurs les Conseillers Municipaux :\n\n- Ginette LACROIX,- Corinne MALLET,\n"
     "- Cédric MORIN- Raymond DESCHAMPS.\n\nPOUVOIRS : Monsieur KOWALSKI à Madame LACROIX\n\n"
     "ABSENTS : Messieurs MARCEAU, DELORME.\n\nSecrétariat de séance : Monsieur Raymond DESCHAMPS.\n\n"
     "Le procès-verbal de la précédente séance est approuvé à l'unanimité.\n",
     [("present", "Ginette LACROIX", None), ("present", "Corinne MALLET", None), ("present", "Cédric MORIN", None),
      ("present", "Raymond DESCHAMPS", None), ("excused", "KOWALSKI", "LACROIX"), ("absent", "MARCEAU", None),
      ("absent", "DELORME", None)], "Raymond DESCHAMPS"),
    # a commune of 2019: the list broken after a civility, a first name typed "Jean- Louis", the offices after the
    # last name; "Mrs" for Messieurs and the secretary after the last absent (2012)
    ("PROCES-VERBAL DE LA RÉUNION DU CONSEIL MUNICIPAL DU 28 OCTOBRE 2019\n\n"
     "Etaient présents : M. Jacques GUÉRIN, Mme Agnès THÉRON, adjoints, Mme Pascale GODARD, M.\n\n"
     "Fernand RIBOULET, M. Jean-Michel DUPUY conseillers municipaux.\n\n"
     "Etaient absents excusés : M. Roland MICHAUD (pouvoir donné à Mme Pascale GODARD), M. Jean- Louis PERRAUD "
     "(pouvoir donné à M. Jacques GUÉRIN), Mrs LUCAS, PICHON. Absent : Mr MAHIEU Secrétaire : Mme Agnès THÉRON.\n\n"
     "Approbation du procès-verbal de la réunion du 18 septembre 2019\nLe conseil municipal APPROUVE à l'unanimité "
     "le procès-verbal.\n",
     [("present", "Jacques GUÉRIN", None), ("present", "Agnès THÉRON", None), ("present", "Pascale GODARD", None),
      ("present", "Fernand RIBOULET", None), ("present", "Jean-Michel DUPUY", None),
      ("excused", "Roland MICHAUD", "Pascale GODARD"), ("excused", "Jean-Louis PERRAUD", "Jacques GUÉRIN"),
      ("excused", "LUCAS", None), ("excused", "PICHON", None), ("absent", "MAHIEU", None)], "Agnès THÉRON"),
    # a syndicat des eaux of 2019: delegates under the member commune they sit for, some commune names left blank
    ("SYNDICAT INTERCOMMUNAL DES EAUX\n\nCOMPTE RENDU DE LA REUNION DU 10 DECEMBRE 2019\n\nEtaient présents :\n\n"
     "Commune d' : Messieurs Perrier, Vernet Commune de : Monsieur Rouvier Commune de Vallérac : Monsieur Charrier "
     "Commune de St Sauveur de Mirès : Monsieur Mounier\n\nExcusés : Mesdames Marcon, Reboul.\n\n"
     "Désignation secrétaire de séance : Monsieur Frédéric Rouvier\n\nApprobation du Compte rendu du 29/10/2019\n"
     "Aucune observation n'étant faite, il est approuvé à l'unanimité des présents.\n",
     [("present", "Perrier", None), ("present", "Vernet", None), ("present", "Rouvier", None),
      ("present", "Charrier", None), ("present", "Mounier", None), ("excused", "Marcon", None),
      ("excused", "Reboul", None)], "Frédéric Rouvier"),
    # a communauté de communes of 2015: the list closed by its full stop, a sentence on the next line
    ("REUNION COMMUNAUTE DE COMMUNES\nDU 18 juin 2015\nL'an deux mille quinze, le dix-huit juin, le Conseil de "
     "Communauté s'est réuni sous la présidence de Monsieur Gérard MALLET.\nPrésents : Mesdames et Messieurs MALLET, "
     "RENOUF, de LAVERGNE et BEAUJOUAN.\nAbsents non excusés : Monsieur PAQUIER.\nLe quorum étant atteint, le "
     "Conseil de Communauté peut délibérer.\nConformément au code des Collectivités Territoriales, Monsieur RENOUF a "
     "été désigné secrétaire de séance.\nLa présente délibération a été approuvée à l'unanimité.\n",
     [("present", "MALLET", None), ("present", "RENOUF", None), ("present", "de LAVERGNE", None),
      ("present", "BEAUJOUAN", None), ("absent", "PAQUIER", None)], "RENOUF"),
    # a commune of 2019: proxies run together, one a line and two on a line, initials first (and Putanges 2024: "… à
    # monsieur Dominique GAUDIN et Viviane JAMES donne pouvoir à …")
    ("COMPTE-RENDU SOMMAIRE DU CONSEIL MUNICIPAL Séance du 11 décembre 2019\n\nÉtaient présents : P. BARRÉ, C. "
     "BESANÇON, R. MOUTON, T. BECK formant la majorité des membres en exercice.\n\nEtaient absents excusés : H. "
     "TONNELIER a donné pouvoir à R. MOUTON A. PRUNEAU a donné pouvoir à T. BECK\n\nD. LEROY MARCHAND a donné "
     "pouvoir à C. BESANÇON et N. KERBRAT donne pouvoir à monsieur P. BARRÉ\n\nSecrétaire de séance : T. BECK\n\n"
     "1. Tarifs municipaux 2020\nAdopté à l'unanimité.\n",
     [("present", "P. BARRÉ", None), ("present", "C. BESANÇON", None), ("present", "R. MOUTON", None),
      ("present", "T. BECK", None), ("excused", "H. TONNELIER", "R. MOUTON"), ("excused", "A. PRUNEAU", "T. BECK"),
      ("excused", "D. LEROY MARCHAND", "C. BESANÇON"), ("excused", "N. KERBRAT", "P. BARRÉ")], "T. BECK"),
    # a scan of Aiglun (2016): civilities the OCR garbles, a proxy held until the member arrives
    ("COMPTE RENDU DU CONSEIL MUNICIPAL DU 26 FEVRIER 2016\n\nPrésents : Daniel JUGY, M\" Danielle DAUBE, Yves "
     "BLANCHET.\n\nExcusés : M\" Sylviane LAURO, Mme Marion JUSTRABO.\n\nM'* Sylviane LAURO donne pouvoir à M. Daniel "
     "JUGY\nM°*° Marion JUSTRABO donne pouvoir à Yves BLANCHET jusqu'à son arrivée à 18h30\n\n"
     "1. Vente d'un terrain\nAdopté à l'unanimité.\n",
     [("present", "Daniel JUGY", None), ("present", "Danielle DAUBE", None), ("present", "Yves BLANCHET", None),
      ("excused", "Sylviane LAURO", "Daniel JUGY"), ("excused", "Marion JUSTRABO", "Yves BLANCHET")], None),
    # a commune of 2015: names separated by stars, "Absents ou excusés :" (absent: the weaker claim)
    ("COMPTE-RENDU DE LA REUNION DU CONSEIL MUNICIPAL DU 29 JUIN 2015\n\nPrésents : M. le Maire* M. PERRILLAT* Mme "
     "LAURENT* M. VANDAMME*\n\nAvaient donné procuration : Mme MORENO à Mme Laurent* Mme COLLOMB à M. Perrillat*\n\n"
     "Absents ou excusés : Mme LYON* M. DUMAX*\n\nM. VANDAMME a été désigné en qualité de secrétaire.\n\n"
     "I- Approbation du compte-rendu\nLe compte-rendu est approuvé à l'unanimité.\n",
     [("present", "PERRILLAT", None), ("present", "LAURENT", None), ("present", "VANDAMME", None),
      ("excused", "MORENO", "Laurent"), ("excused", "COLLOMB", "Perrillat"), ("absent", "LYON", None),
      ("absent", "DUMAX", None)], "VANDAMME"),
    # a communauté de communes of 2016: delegates grouped by the commune they sit for, bullets inside the line
    ("Compte rendu de réunion du Conseil communautaire du 22 septembre 2016\n\nÉtaient présents :\n\n"
     " ■ MM GUILLOT, PICARD et Mme RABIER pour BOURG LE VIDAME ■ MM RENAUD et P. CHAUVEAU pour BRESSEMONT ■ Mme PUIG "
     "pour VALMÈRES\n\nEtait absent excusé : ■ M. LE GALL pour VALMERES\n\nPouvoir : ■ M. LE GALL donne pouvoir à "
     "M. RENAUD\n\nLe Conseil communautaire décide de designer Mme Colette RABIER comme secrétaire de séance.\n"
     "Pour : 7 - Contre : 0 - Abstention : 0\n",
     [("present", "GUILLOT", None), ("present", "PICARD", None), ("present", "RABIER", None),
      ("present", "RENAUD", None), ("present", "P. CHAUVEAU", None), ("present", "PUIG", None),
      ("excused", "LE GALL", "RENAUD")], None),
    # a commune of 2018 set as one paragraph: counts, then the lists, each heading after a count or a word; a word
    # broken at a line's end ("Jean- Pierre", "Ro- main")
    ("PROCES-VERBAL DU CONSEIL MUNICIPAL DU 5 DECEMBRE 2018 L'an deux mil dix-huit, le cinq décembre, le Conseil "
     "Municipal s'est réuni sous la présidence de Madame Sandrine PERRIER, Maire. Nombre de conseillers : En exercice "
     ": 7 Présents : 4 Votants : 5 Absents : 2 Présents : Sandrine PERRIER, Maire (pouvoir de Fabien ROSSINI), Jean- "
     "Pierre SAYN, Ro- main MICHEL et Olivier SOLLIER, conseillers municipaux Procurations : Fabien ROSSINI (pouvoir à "
     "Sandrine PERRIER), Absents : Amandine SERVOZ, Marie-Caroline CHRISTOL, Secrétaire de séance : Olivier SOLLIER\n",
     [("present", "Sandrine PERRIER", None), ("present", "Jean-Pierre SAYN", None), ("present", "Romain MICHEL", None),
      ("present", "Olivier SOLLIER", None), ("excused", "Fabien ROSSINI", "Sandrine PERRIER"),
      ("absent", "Amandine SERVOZ", None), ("absent", "Marie-Caroline CHRISTOL", None)], "Olivier SOLLIER"),
    # a commune of 2021: each heading alone, its names in the next paragraph; a heading in capitals of several words
    ("Conseil municipal du 9 juillet 2021\n\nPRÉSENTS :\n\nFrançoise KERLOCH, Yannick CORNEC, Soizic PRIOL.\n\n"
     "ABSENTS :\n\nMme Océane PAUGAM\n\nABSENTS AYANT DONNE PROCURATION :\n\nKévin CADIOU a donné procuration à "
     "Soizic PRIOL\nRonan BODENES a donné procuration à Yannick CORNEC\n\nSECRÉTAIRE DE SÉANCE : Soizic PRIOL\n\n"
     "Le Compte rendu du Conseil Municipal du 16 juin 2021 est adopté à l'unanimité avec 5 voix.\n",
     [("present", "Françoise KERLOCH", None), ("present", "Yannick CORNEC", None), ("present", "Soizic PRIOL", None),
      ("absent", "Océane PAUGAM", None), ("excused", "Kévin CADIOU", "Soizic PRIOL"),
      ("excused", "Ronan BODENES", "Yannick CORNEC")], "Soizic PRIOL"),
    # a commune of 2015: headings without colons, one member a line, each line a sentence with its proxy
    ("CONSEIL MUNICIPAL\n\nSÉANCE DU JEUDI 22 OCTOBRE 2015\n\nConseillers présents\nJOUFFROY Bernard (maire), "
     "DÉCHAUX Serge (1er adjoint), LYON Aurore, BARTHOD Agnès et BALLOT Michel\n\nConseillers absents excusés\n"
     "BOLE-RICHARD Anne (2e adjointe), qui donne procuration à Agnès Barthod.\nCLÉMENT Roger, qui donne procuration à "
     "Michel Ballot.\n\nConseillère absente non excusée\nGUYON Marie-Paule.\n\nSur proposition du Maire, Aurore "
     "Lyon est élue secrétaire de séance.\n\n1 - Approbation du compte rendu\nLe compte rendu est approuvé à "
     "l'unanimité.\n",
     [("present", "JOUFFROY Bernard", None), ("present", "DÉCHAUX Serge", None), ("present", "LYON Aurore", None),
      ("present", "BARTHOD Agnès", None), ("present", "BALLOT Michel", None),
      ("excused", "BOLE-RICHARD Anne", "Agnès Barthod"), ("excused", "CLÉMENT Roger", "Michel Ballot"),
      ("absent", "GUYON Marie-Paule", None)], "Aurore Lyon"),
    # a village of 2018: plural marks in the headings ("Absent(es) :", "Procuration(s) :"), one name a line
    ("Compte rendu du Conseil Municipal du 26 février 2018\n\nPrésents : M. Gilbert FOURNIAL, Maire\n\n"
     "M. Bernard SALVAT, Adjoint\n\nM. Didier MOUREAU\n\nAbsent(es) excusé(es) : Mme Sylvie BONNAUD\n"
     "Absent(es) : Mme Nadine TEISSIER\nProcuration(s) : Mme Sylvie BONNAUD à M. Gilbert FOURNIAL\n"
     "Secrétaire de Séance : Didier MOUREAU\nConseillers en exercice : 5\n\n1 Approbation du compte rendu\n"
     "Adopté à l'unanimité.\n",
     [("present", "Gilbert FOURNIAL", None), ("present", "Bernard SALVAT", None), ("present", "Didier MOUREAU", None),
      ("excused", "Sylvie BONNAUD", "Gilbert FOURNIAL"), ("absent", "Nadine TEISSIER", None)], "Didier MOUREAU"),
    # a commune of Alsace (2022): headings in capitals alone, surnames first between dashes, the holder in
    # parentheses; the secretary designated in the first numbered item
    ("COMPTE-RENDU DE LA SÉANCE\n\nDU CONSEIL MUNICIPAL DU 16 JUIN 2022\n\nConseillers présents : 3\n\n"
     "ETAIENT PRESENTS :\n\nHAEGEL Christine – STOEFFLER Paul – JOST Céline\n\nABSENT AVEC PROCURATION :\n\n"
     "BURGARD Thomas (JOST Céline) – LAMBERT Corinne (STOEFFLER Paul)\n\n1. DESIGNATION DU SECRETAIRE DE SEANCE : "
     "Monsieur Paul STOEFFLER a été désigné secrétaire de séance.\n\n2. APPROBATION DU COMPTE-RENDU :\n\n"
     "Il est adopté à 4 voix pour, 1 contre (Corinne Lambert).\n",
     [("present", "HAEGEL Christine", None), ("present", "STOEFFLER Paul", None), ("present", "JOST Céline", None),
      ("excused", "BURGARD Thomas", "JOST Céline"), ("excused", "LAMBERT Corinne", "STOEFFLER Paul")],
     "Paul STOEFFLER"),
    # a commune of Brittany (2014): counts in brackets in the headings, "mandat de vote"
    ("COMPTE-RENDU DE LA REUNION DU CONSEIL MUNICIPAL\nEN DATE DU 24 JUIN 2014\nL'an deux mil quatorze, le "
     "vingt-quatre juin, le Conseil Municipal s'est réuni sous la présidence de Monsieur Yves LE GOFF, Maire.\n"
     "PRESENTS [3] : Yves LE GOFF, Michel GUILLOU, Sylvie LE MEUR.\n"
     "ABSENTS EXCUSES AYANT DONNE MANDAT DE VOTE [1]: Alain KERHERVE a donné pouvoir à Yves LE GOFF\n"
     "SECRETAIRE DE SEANCE : Sylvie LE MEUR\n",
     [("present", "Yves LE GOFF", None), ("present", "Michel GUILLOU", None), ("present", "Sylvie LE MEUR", None),
      ("excused", "Alain KERHERVE", "Yves LE GOFF")], "Sylvie LE MEUR"),
    # a commune of Normandy (2020): "Etaient également présents :" is the members' list when it comes first
    ("Procès-verbal du Conseil Municipal du 5 mars 2020\n\nLe Conseil Municipal s'est réuni à la Mairie sous la "
     "présidence de M. HAUCHECORNE, Maire.\n\nEtaient également présents : M. Lecanu, M. Vautier, Mme Legras, Maires "
     "Adjoints, Mme Tanguy, M. Duhamel Conseillers Municipaux, formant la majorité des membres en exercice.\n\n"
     "Etait absent excusés : M. Delahaye, pouvoir donné à M. Vautier, Etait absent non excusés : M. Paumier\n\n"
     "Mme Legras a été élue Secrétaire de séance.\n",
     [("present", "Lecanu", None), ("present", "Vautier", None), ("present", "Legras", None),
      ("present", "Tanguy", None), ("present", "Duhamel", None), ("excused", "Delahaye", "Vautier"),
      ("absent", "Paumier", None)], "Legras"),
    # a syndicat of 2022: its delegates under the intercommunalité each sits for, "(T)" for titulaire
    ("COMPTE RENDU\n\nL'an deux mille vingt deux et le deux mars, le Comité Syndical s'est réuni.\n\n"
     "Etaient présents(es) :\n\nCDC DU CONFLUENT :\n\nCDC DU LOUVADAIS :BOYER Gérard (T), LAFON Martine (T).\n\n"
     "CDC DU HAUT-ARTIGUE : LAPEYRE Pascal (T), CASTETS Jean-Michel (S).\n\nÉtaient excusés : RIO Julien\n",
     [("present", "BOYER Gérard", None), ("present", "LAFON Martine", None), ("present", "LAPEYRE Pascal", None),
      ("present", "CASTETS Jean-Michel", None), ("excused", "RIO Julien", None)], None),
    # a commune of Occitanie (2020): compound initials first ("JP. COSTES"), or last ("BONNAUD JP.", a communauté
    # de communes, 2023)
    ("CONSEIL MUNICIPAL PROCES-VERBAL DE LA SEANCE DU 05 MARS 2020\n\nEtaient présents : JP. COSTES, A. ZANETTI, "
     "MJ. LOMBARDI, RM. GARCIA DELGADO et I. DELPECH\n\nAbsents excusés : BONNAUD JP., R. DESANTIS\n\n"
     "Pouvoirs : R. DESANTIS à RM. GARCIA DELGADO\n\nSecrétaire de séance : M. René COSTES a été nommé secrétaire "
     "de séance.\n\n1. APPROBATION DU PROCES-VERBAL\n\nPour : 6 Contre : 0 Abstentions : 0\n",
     [("present", "JP. COSTES", None), ("present", "A. ZANETTI", None), ("present", "MJ. LOMBARDI", None),
      ("present", "RM. GARCIA DELGADO", None), ("present", "I. DELPECH", None), ("excused", "BONNAUD JP.", None),
      ("excused", "R. DESANTIS", "RM. GARCIA DELGADO")], "René COSTES"),
    # a commune of 2013: one proxy a line without commas, initials without stops; the tally after "par"
    ("Le Conseil municipal s'est réuni le 7 juin 2013 en Mairie, sous la présidence de JP MERIGOT, Maire.\n"
     "Présents : JP MERIGOT, Maire,\nM RENAUDIN, F PASQUIER, Adjoints\nSecrétaire : F PASQUIER\n"
     "Pouvoirs : T MARCHAIS à F PASQUIER\nJC ROBINEAU à M RENAUDIN\nLe Maire ouvre la séance à 20 h 03.\n"
     "Approbation du compte rendu du 3 mai 2013\nAprès en avoir délibéré, le Conseil municipal adopte par 4 POUR et 1 "
     "ABSTENTION (T MARCHAIS) le compte rendu.\n",
     # ("M RENAUDIN": "M" may be an initial or the civility; read as the civility)
     [("present", "JP MERIGOT", None), ("present", "RENAUDIN", None), ("present", "F PASQUIER", None),
      ("excused", "T MARCHAIS", "F PASQUIER"), ("excused", "JC ROBINEAU", "RENAUDIN")], "F PASQUIER"),
    # a commune of the Lot (2011): surnames joined by stops
    ("COMPTE RENDU DU CONSEIL MUNICIPAL DU 17 Juin 2011 à 18h\n\nLe Conseil Municipal s'est réuni sous la "
     "présidence de Madame VAYSSIERE, Maire\n\nPrésents : CAYROL.FONTANGES.VIGUIE .DEGUILHEM. ALBOUY\n\n"
     "Absents : MARTY.CASSAGNES\n\nSecrétaire de séance : ALBOUY Nadia\n",
     [("present", "CAYROL", None), ("present", "FONTANGES", None), ("present", "VIGUIE", None),
      ("present", "DEGUILHEM", None), ("present", "ALBOUY", None), ("absent", "MARTY", None),
      ("absent", "CASSAGNES", None)], "ALBOUY Nadia"),
    # a commune of the Marne (2019): "SURNAME I." without commas, everyone present but one; "15 pour" alone
    ("Séance du 11 juillet 2019\n\nL'an deux mille dix-neuf, le onze juillet, le Conseil Municipal s'est réuni sous "
     "la présidence de Monsieur BRAUD Thierry, maire.\n\nPrésents : Tous les conseillers sauf Mme FERRAND A. qui a "
     "donné procuration à M. BRAUD T.\n\nAbsents : Mmes LAPORTE S. ROUSSEL E. et M. MARCHAL J.\n\n"
     "Mme PELTIER L. a été élue secrétaire de séance.\n\nApprobation de la séance du 28 mai 2019\n\n15 pour\n",
     [("excused", "FERRAND A.", "BRAUD T."), ("absent", "LAPORTE S.", None), ("absent", "ROUSSEL E.", None),
      ("absent", "MARCHAL J.", None)], "PELTIER L."),
    # a commune of the Charente (2018): the text layer glues surnames to first names
    ("CONSEIL MUNICIPAL COMPTE-RENDU SEANCE DU MARDI 5 JUIN 2018\n\nPrésents : M. RABILLÉ Dylan, M. FRÉMAUDPatrick, "
     "M. GIRAUDPaul, Mme BARRETAnne\n\nAbsents : M. COUTANTFabrice.\n\nM. Paul GIRAUD a été nommé secrétaire.\n\n"
     "Pour: 4 Contre: 0 Abstention : 0\n",
     [("present", "RABILLÉ Dylan", None), ("present", "FRÉMAUD Patrick", None), ("present", "GIRAUD Paul", None),
      ("present", "BARRET Anne", None), ("absent", "COUTANT Fabrice", None)], "Paul GIRAUD"),
    # a commune of the Cantal (2020) set as one paragraph: names without any separator, "Etaient représentés :"
    ("COMPTE RENDU DE LA SEANCE DU CONSEIL MUNICIPAL du 07 octobre 2020 L'an deux mil vingt, le sept octobre, le "
     "Conseil Municipal s'est réuni sous la présidence de Madame Martine CASTELLANI, Maire. En exercice : 6 Qui ont "
     "pris part à la délibération : 6 Présents : Martine CASTELLANI Fabrice DELCROS Jean Pierre VERDIER Thomas BRUEL "
     "Etaient représentés : Nadine CARRIERE ayant donné pouvoir à Fabrice DELCROS, Sonia ROQUES ayant donné pouvoir à "
     "Martine CASTELLANI.\n",
     [("present", "Martine CASTELLANI", None), ("present", "Fabrice DELCROS", None),
      ("present", "Jean Pierre VERDIER", None), ("present", "Thomas BRUEL", None),
      ("excused", "Nadine CARRIERE", "Fabrice DELCROS"), ("excused", "Sonia ROQUES", "Martine CASTELLANI")], None),
    # a commune of the Vosges (2016): offices after the names, one proxy a dashed line, "procuration de vote"
    ("CONSEIL MUNICIPAL\nCOMPTE RENDU, PAR EXTRAIT de la Séance ordinaire du lundi 23 Mai 2016\nEtaient présents :\n"
     "M. Gérard CLAUDON, Maire\nJosette GERARDIN, 1ère Adjointe\nM. Sébastien JACQUOT, 2ème Adjoint\n"
     "Mme Nathalie ANCEL - M. Quentin LAMBERT – M. Mickaël CUNY\nExcusées :\n"
     "- Mme Manon GUYOT ayant donné procuration de vote à Mme Josette GERARDIN\n"
     "- Mme Odile SIMONIN ayant donné procuration de vote à M. Quentin LAMBERT.\n"
     "Le Maire salue l'assemblée et ouvre la séance à 18 h.\n",
     [("present", "Gérard CLAUDON", None), ("present", "Josette GERARDIN", None),
      ("present", "Sébastien JACQUOT", None), ("present", "Nathalie ANCEL", None), ("present", "Quentin LAMBERT", None),
      ("present", "Mickaël CUNY", None), ("excused", "Manon GUYOT", "Josette GERARDIN"),
      ("excused", "Odile SIMONIN", "Quentin LAMBERT")], None),
    # a commune of the Orne (2015) set as one paragraph: "Secrétaires de séance :" after the last absent, the
    # convocation's date after the secretaries; words of the page run into a list ("ORDRE DU JOUR")
    ("COMPTE RENDU DU CONSEIL MUNICIPAL DU 30 NOVEMBRE 2015 Présents : MANSOURI Abdelkrim, DROUET Jean-Pierre, "
     "LETELLIER Vincent. Absente : M. PIEL Christine Secrétaires de séance : MM. MANSOURI Abdelkrim, DROUET Jean-Pierre "
     "Date de convocation : 20 novembre 2015\n\nExcusés : HUET Patrice, ORDRE DU JOUR\n",
     [("present", "MANSOURI Abdelkrim", None), ("present", "DROUET Jean-Pierre", None),
      ("present", "LETELLIER Vincent", None), ("absent", "PIEL Christine", None), ("excused", "HUET Patrice", None)],
     "MANSOURI Abdelkrim, DROUET Jean-Pierre"),
    # a commune of the Isère (2014): "Avaient donné procuration pour voter :" and its pairs run together with "à"
    ("PROCES-VERBAL DU CONSEIL MUNICIPAL DU JEUDI 18 DECEMBRE 2014\n\nÉtaient présents : Claire BOUVIER – Thomas REY – "
     "Carole BELLINI\n\nAvaient donné procuration pour voter : Isabelle GIROUD à Claire BOUVIER Hervé BLANC à Thomas "
     "REY Ginette COLOMBAT à Carole BELLINI\n\nÉtaient absents : Gilbert FAURE\n\nSecrétaire de séance : Carole "
     "BELLINI\n",
     [("present", "Claire BOUVIER", None), ("present", "Thomas REY", None), ("present", "Carole BELLINI", None),
      ("excused", "Isabelle GIROUD", "Claire BOUVIER"), ("excused", "Hervé BLANC", "Thomas REY"),
      ("excused", "Ginette COLOMBAT", "Carole BELLINI"), ("absent", "Gilbert FAURE", None)], "Carole BELLINI"),
    # a commune of Corsica (2021) set as one paragraph: the heading after a footnote's star, a first name with a hyphen
    ("PROCÈS-VERBAL DE LA SÉANCE DU CONSEIL MUNICIPAL DU 25 NOVEMBRE 2021* Présents : Marie-Jo PIETRI, Maire Pierre "
     "ALBERTINI, adjoint, Josette SANTONI, adjointe. Excusés et représentés : Jean-Marc PAOLI, conseiller, Procuration à "
     "Josette SANTONI, adjointe Absent(e)s : Paola ANTONETTI-RAFFALLI, conseillère.\n",
     [("present", "Marie-Jo PIETRI", None), ("present", "Pierre ALBERTINI", None), ("present", "Josette SANTONI", None),
      ("excused", "Jean-Marc PAOLI", "Josette SANTONI"), ("absent", "Paola ANTONETTI-RAFFALLI", None)], None),
    # a commune of the Var (2014): the opening sentence runs into "PRESENTS" in capitals, without its colon
    ("COMPTE RENDU DE LA SEANCE DU CONSEIL MUNICIPAL SEANCE DU 14 avril 2014\n\nL'an deux mille QUATORZE et le "
     "QUATORZE du mois d'AVRIL à dix-neuf heures, le Conseil Municipal s'est réuni sous la présidence de Monsieur "
     "Pascal LORENZI, Maire. PRESENTS Pascal LORENZI, Fabien CORSINI, Nadège ROUSSET, Jean-Yves LAMBERT Secrétaire "
     "de séance : Madame ROUSSET\n",
     [("present", "Pascal LORENZI", None), ("present", "Fabien CORSINI", None), ("present", "Nadège ROUSSET", None),
      ("present", "Jean-Yves LAMBERT", None)], "Nadège ROUSSET"),
    # a commune of Guadeloupe (2015): "les membres du Conseil Municipal" before the colon, "Noms des absents …", proxies
    # by "par"
    ("Compte rendu de la séance ordinaire de conseil municipal du 21 juin 2015\n\nEtaient présents Mesdames et "
     "Messieurs les membres du Conseil Municipal : Jean Marc LUBIN, Edwige ANSELME, Eddy Roland CALIXTE.\n\n"
     "Noms des absents représentés : Mesdames et Messieurs : Jean Paul BELAIR par Edwige ANSELME.\n\n"
     "Noms des absents non représentés : Mesdames et Messieurs : Steeve LAMBOURDIERE, Maëva CALIXTE.\n",
     [("present", "Jean Marc LUBIN", None), ("present", "Edwige ANSELME", None), ("present", "Eddy Roland CALIXTE", None),
      ("excused", "Jean Paul BELAIR", "Edwige ANSELME"), ("absent", "Steeve LAMBOURDIERE", None),
      ("absent", "Maëva CALIXTE", None)], None),
    # a commune of the Tarn-et-Garonne (2012) set as one paragraph: "Membres présents :" right after the last count
    ("COMPTE RENDU DE LA SEANCE DU CONSEIL MUNICIPAL DU 31 Mars 2012 Conseillers en exercice : 29 Présents : 3 "
     "Procurations : 1 Votants : 4 Membres présents : M. PELISSIER Henri, Maire, Mmes MM. GRIGORIAN Marie-Laure, "
     "LAFFONT Sylvie, TESTAS Serge Membres représentés : M. SALLES Roland par M. TESTAS Serge. Membre absent : /\n",
     [("present", "PELISSIER Henri", None), ("present", "GRIGORIAN Marie-Laure", None),
      ("present", "LAFFONT Sylvie", None), ("present", "TESTAS Serge", None),
      ("excused", "SALLES Roland", "TESTAS Serge")], None),
    # a town of the Indre-et-Loire (2016) and a commune of the Nord (2015): "Les membres présents en séance :", "Le ou
    # les membre(s) absent(s) …", a parenthesis left open before the next one, a dash glued to a surname's first part
    ("COMPTE-RENDU DE LA SEANCE DU CONSEIL MUNICIPAL DU 30 MAI 2016\n\nLa séance était publique. Les membres présents "
     "en séance : Olivier PERCHERON, Damien PEREGO (sauf question, Odette CHAPUIS, Marie-Odile BRIDOUX- VERSTRAETE, "
     "Gilles REGNIER (sauf question 1), René PY Le ou les membre(s) absent(s) ayant donné un pouvoir : Thierry "
     "AUDOUIN à René PY Le ou les membre(s) absent(s) non représenté(s) : Hélène LE GUEN\n",
     [("present", "Olivier PERCHERON", None), ("present", "Damien PEREGO", None), ("present", "Odette CHAPUIS", None),
      ("present", "Marie-Odile BRIDOUX-VERSTRAETE", None), ("present", "Gilles REGNIER", None),
      ("present", "René PY", None), ("excused", "Thierry AUDOUIN", "René PY"), ("absent", "Hélène LE GUEN", None)],
     None),
    # a syndicat mixte's comité of 2020: delegates under each member communauté, a paragraph each; "excusés/absents"
    ("COMPTE-RENDU DU COMITE SYNDICAL DU SYNDICAT MIXTE DU VAL D'ORBENE SÉANCE DU 15 DECEMBRE 2020\n\nEtaient "
     "présents :\n\nDélégués de la Communauté de Communes des Coteaux de l'Orbène : Mmes AUGEREAU, RIBAULT, MM ADAM."
     "\n\nDélégués de la Communauté de Communes du Haut-Orbène : Mmes GEORGEON, LEGRIS et MM ALRIC, LE BOULCH.\n\n"
     "Etaient excusés/absents : Mmes BOURGAULT, MANSARD, MM BOUGUET.\n\nPouvoir : Madame MANSARD donne pouvoir à "
     "Monsieur ALRIC\n",
     [("present", "AUGEREAU", None), ("present", "RIBAULT", None), ("present", "ADAM", None),
      ("present", "GEORGEON", None), ("present", "LEGRIS", None), ("present", "ALRIC", None),
      ("present", "LE BOULCH", None), ("excused", "BOURGAULT", None), ("excused", "MANSARD", "ALRIC"),
      ("excused", "BOUGUET", None)], None),
    # a commune of the Haute-Loire (2012) set as one paragraph: the staff's list, then headings in small letters
    # without their colon, a civility right after each
    ("COMPTE-RENDU DU CONSEIL MUNICIPAL DU JEUDI 5 AVRIL 2012 Le Conseil Municipal s'est réuni sous la présidence de "
     "Monsieur Laurent COURBON, Maire. Etaient présents : Mme PEYRARD, M. BARRALON, Mme CHAPUIS. Personnel "
     "administratif : Mrs MOULIN, PAGAT et VIALLON Absents excusés Mme ARNAUD qui avait donné pouvoir à Mme CHAPUIS "
     "Mme SIMON qui avait donné pouvoir à Mme PEYRARD Absents M. DESCOURS.\n",
     [("present", "PEYRARD", None), ("present", "BARRALON", None), ("present", "CHAPUIS", None),
      ("excused", "ARNAUD", "CHAPUIS"), ("excused", "SIMON", "PEYRARD"), ("absent", "DESCOURS", None)], None),
    # a commune of the Somme (2017): "Sont présents," with a comma, the verb of "Sont excusés" left at the end of the
    # line before it, "Est absent:/" then the secretary's sentence
    ("PROCES VERBAL DU CONSEIL MUNICIPAL DU 25 SEPTEMBRE 2017 Le Conseil Municipal s'est réuni sous la présidence de "
     "Monsieur Hubert CARON, Maire, Sont présents, Mmes Véronique DUPONCHEL, Nicole BERNARD, M. Eric DESJARDINS Sont\n"
     "excusés M. Guy MOREL qui donne pouvoir à Mme Nicole BERNARD, Mme Françoise VASSEUR Est absent:/ M Eric "
     "DESJARDINS a été élu secrétaire de séance.\n",
     [("present", "Véronique DUPONCHEL", None), ("present", "Nicole BERNARD", None),
      ("present", "Eric DESJARDINS", None), ("excused", "Guy MOREL", "Nicole BERNARD"),
      ("excused", "Françoise VASSEUR", None)], None),
    # a town of the Haute-Garonne (2014): members numbered; a compte rendu of 2021 in inclusive writing
    ("Séance du Conseil Municipal en date du 27 février 2014\nÉtaient présents : 1. Madame Odette LAFFONT 2. Madame "
     "Valérie ROCA-DELMAS 3. Monsieur Gérard FOURCADE Étaient excusés : 4. Monsieur Henri MARTRES Procuration à "
     "Monsieur Gérard FOURCADE 5. Madame Michèle ROUSSEL\nEtaient absent.e.s : néant\n",
     [("present", "Odette LAFFONT", None), ("present", "Valérie ROCA-DELMAS", None),
      ("present", "Gérard FOURCADE", None), ("excused", "Henri MARTRES", "Gérard FOURCADE"),
      ("excused", "Michèle ROUSSEL", None)], None),
    # a commune of 2011: initials then surnames, nothing between the members ("M. TEYSSIER" an initial among them)
    ("PROCES-VERBAL DE SEANCE DU MARDI 26 AVRIL 2011\nETAIENT PRESENTS : J. BRUNEL G. MARCILLAC M. TEYSSIER "
     "G. FAURIE adjoints au maire, B. LESTRADE S. DUPRAT Y. MAZEAU MC PEYRONNET, conseillers municipaux.\n",
     [("present", "J. BRUNEL", None), ("present", "G. MARCILLAC", None), ("present", "M. TEYSSIER", None),
      ("present", "G. FAURIE", None), ("present", "B. LESTRADE", None), ("present", "S. DUPRAT", None),
      ("present", "Y. MAZEAU", None), ("present", "MC PEYRONNET", None)], None),
    # a commune of the Aube (2015) set as one paragraph: the last list ends with its stop, the agenda's sentences after
    ("PROCES VERBAL DU CONSEIL MUNICIPAL SEANCE DU 10 JUIN 2015 Etaient présents : M VAUTHIER Gilles, M MARINI Serge, "
     "Mme AUBÉ Karine formant la majorité des membres en exercice. Absent(s) excusé(s) : Mme LECLERC Danielle pouvoir "
     "à M MARINI Serge. Absents : M BEAUCOUR Didier. Ajout ordre du jour : Unanimité. Gros travaux salle polyvalente "
     "et centre de loisirs. Retrait ordre du jour : Unanimité.\n",
     [("present", "VAUTHIER Gilles", None), ("present", "MARINI Serge", None), ("present", "AUBÉ Karine", None),
      ("excused", "LECLERC Danielle", "MARINI Serge"), ("absent", "BEAUCOUR Didier", None)], None),
    # a commune of 2017: a grantor's name broken over two lines of proxies
    ("SEANCE DU 29 JUIN 2017\n\nPrésents : Mme Jocelyne Devaux, M. Philippe Lemaître, Mme Nadia Belkacem.\n\n"
     "Absents ayant donné procuration : Mme Katty Dumont à Mme Nadia Belkacem et M. Philippe\n"
     "Lecomte à Mme Jocelyne Devaux.\n\nSecrétaire de séance : M. Philippe Lemaître\n",
     [("present", "Jocelyne Devaux", None), ("present", "Philippe Lemaître", None),
      ("present", "Nadia Belkacem", None), ("excused", "Katty Dumont", "Nadia Belkacem"),
      ("excused", "Philippe Lecomte", "Jocelyne Devaux")], "Philippe Lemaître"),
    # a procès-verbal of 2018: a name a paragraph, each group closed by its office and a stop
    ("Procès-verbal du Conseil Municipal du 26 février 2018\n\nPrésents : Nadège LARRIEU, Maire.\n\nCédric BERGEON"
     "\n\nBernard CASTAING Adjoints.\n\nValérie L’HOSTE\n\nJosiane VAN DAMME-LACOSTE Conseillers.\n\nAbsents excusés "
     "avec procuration :\n\nAgnès LÉGLISE\n\nSecrétaire de séance : Valérie L’HOSTE\n",
     [("present", "Nadège LARRIEU", None), ("present", "Cédric BERGEON", None), ("present", "Bernard CASTAING", None),
      ("present", "Valérie L’HOSTE", None), ("present", "Josiane VAN DAMME-LACOSTE", None),
      ("excused", "Agnès LÉGLISE", None)], "Valérie L’HOSTE"),
    # a town's compte rendu: the counts, then "Présents :" and initials
    ("COMPTE RENDU Nombre de conseillers : 29 Présents : 3 Votants : 4 Absents : 2 Présents : A. BOISSIEUX, N. "
     "CHABERT, J.M. BERTRAND. Absents : O. BERNIER qui donne pouvoir à N. CHABERT, K. BENSAID.\n",
     [("present", "A. BOISSIEUX", None), ("present", "N. CHABERT", None), ("present", "J.M. BERTRAND", None),
      ("excused", "O. BERNIER", "N. CHABERT"), ("absent", "K. BENSAID", None)], None),
    # a conseil communautaire of 2016: each member commune named by itself before its delegates
    ("PROCES-VERBAL DU CONSEIL COMMUNAUTAIRE du 13 avril 2016\nDélégués Titulaires Présents : Bessac : Josiane FABRE. "
     "Garrigoux : Patrick SOLANILLA ; Jessica MAURY. Gaujac : Bernard TESTUT.\n",
     [("present", "Josiane FABRE", None), ("present", "Patrick SOLANILLA", None), ("present", "Jessica MAURY", None),
      ("present", "Bernard TESTUT", None)], None),
    # a syndicat's procès-verbal of 2020: surname first, two members a line with nothing between them
    ("PROCES VERBAL DE LA SEANCE DU CONSEIL SYNDICAL DU 2 MARS 2020\n\nEtaient présents :\n\nGUYOT Arnaud HENRY "
     "Gérard\n\nDEMANGE Patrice DESFOSSEZ Cédric\n\nEtaient excusés :\n\nMme ANTOINE M. WOLFF\n",
     [("present", "GUYOT Arnaud", None), ("present", "HENRY Gérard", None), ("present", "DEMANGE Patrice", None),
      ("present", "DESFOSSEZ Cédric", None), ("excused", "ANTOINE", None), ("excused", "WOLFF", None)], None),
    # … but first names first, one a line, after "MM": not cut that way (a compte rendu of 2004)
    ("Compte rendu du conseil municipal du 05 Avril 2004\nETAIENT PRÉSENTS :\nMM Bernard SAUVAGEOT\n\nSylvie LEFORT\n"
     "Jacques PERRIGAUD\nJulien CASTRO\n",
     [("present", "Bernard SAUVAGEOT", None), ("present", "Sylvie LEFORT", None),
      ("present", "Jacques PERRIGAUD", None), ("present", "Julien CASTRO", None)], None),
    # a comité syndical of 2009 set as one paragraph: a sub-heading after the stop that ends the titulaires, the
    # secretary's designation after the last list's stop
    ("PROCES-VERBAL DU COMITE SYNDICAL Etaient présents : Membres titulaires : DEBRUYNE Paul, DEWAVRIN Jean-Marc. "
     "Membres suppléants avec Voix Délibératives : LEBLEU Agnès, DECLERCK Josiane. Etaient excusés : Odette PAGES, "
     "Paula FERREIRA DA SILVA. Désignation du secrétaire de séance : Madame Josiane DECLERCK est désignée secrétaire "
     "de séance\n",
     [("present", "DEBRUYNE Paul", None), ("present", "DEWAVRIN Jean-Marc", None), ("present", "LEBLEU Agnès", None),
      ("present", "DECLERCK Josiane", None), ("excused", "Odette PAGES", None),
      ("excused", "Paula FERREIRA DA SILVA", None)], "Josiane DECLERCK"),
    # communes of 2015 and 2016: "Excusés ou absents :", "Représentés par pouvoir écrit (5) :"
    ("COMPTE RENDU SÉANCE CONSEIL MUNICIPAL DU 19 OCTOBRE 2015\n\nPrésents : GUILLERMIN Thierry, PERRET Jean-Marc, "
     "DUCROUX Michel. Excusés ou absents : GRIFFON Émile (ayant donné procuration à GUILLERMIN Thierry).\n\n"
     "Représentés par pouvoir écrit (1) : O.LEMARCHAND donné à PERRET Jean-Marc\n",
     [("present", "GUILLERMIN Thierry", None), ("present", "PERRET Jean-Marc", None),
      ("present", "DUCROUX Michel", None), ("excused", "GRIFFON Émile", "GUILLERMIN Thierry"),
      ("excused", "O.LEMARCHAND", "PERRET Jean-Marc")], None),
    # a register of 2018: "qui ont pris part au vote : 11" among the counts is no vote, then bulleted headings
    ("EXTRAIT DU REGISTRE DES DELIBERATIONS DU CONSEIL MUNICIPAL\nSEANCE DU 11 SEPTEMBRE 2018\nNombre de membres\n"
     "afférents au conseil municipal : 15 Date de convocation : 04/09/2018 en exercice : 14 qui ont pris part au vote "
     ": 11\n\n- Etaient présents : Mme Martine LEROUX, Mrs Jean-Paul MOREL, Thierry CAUCHY\n\n-Absents qui ont donné "
     "pouvoir : Mr Ludovic ROY qui a donné pouvoir à Mr Thierry CAUCHY\n\nAbsents excusés : Mme Valérie MERCIER\n",
     [("present", "Martine LEROUX", None), ("present", "Jean-Paul MOREL", None), ("present", "Thierry CAUCHY", None),
      ("excused", "Ludovic ROY", "Thierry CAUCHY"), ("excused", "Valérie MERCIER", None)], None),
    # a town of 2015: the list after an hour's dash; an installation sitting of 2014: "… les conseillers municipaux
    # suivants :", one a line
    ("COMPTE RENDU Extrait des délibérations du Conseil Municipal Du 25 juin 2015 SALLE DES COLOMBES 18 h 00- Présents "
     ": BERTIN Jean-Paul, MARCHETTI Roger.\n\nÉtaient présents les conseillers municipaux suivants :\nM. LAURENT Yvon"
     "\nM. CHAMPENOIS Jean\n",
     [("present", "BERTIN Jean-Paul", None), ("present", "MARCHETTI Roger", None), ("present", "LAURENT Yvon", None),
      ("present", "CHAMPENOIS Jean", None)], None),
    # a commune of the Corrèze (2011): "SURNAME I." between dashes, "Procurations de vote :" after the absents
    ("COMPTE RENDU Etaient présents : FAURIE G. - VEYSSIERE J. - BOUDIE Ph. Absents : - BORIE M. - ESTIVAL G. - PAUTY "
     "A. Procurations de vote : - de ESTIVAL G. à BOUDIE Ph. - de BORIE M. à FAURIE G. Secrétaire de séance : - "
     "VEYSSIERE J.\n",
     [("present", "FAURIE G.", None), ("present", "VEYSSIERE J.", None), ("present", "BOUDIE Ph.", None),
      ("excused", "BORIE M.", "FAURIE G."), ("excused", "ESTIVAL G.", "BOUDIE Ph."), ("absent", "PAUTY A.", None)],
     "VEYSSIERE J."),
    # an extract of a conseil de communauté of 2019 set as one paragraph: headings without their colon, first
    # names first
    ("EXTRAIT DU REGISTRE DU CONSEIL DE COMMUNAUTE SEANCE DU 21 FEVRIER 2019 sous la présidence de Monsieur "
     "Robert SAGUIN, Président. Présents Robert SAGUIN, Lucie CODINE, Samuel SERRE. Absents excusés Josiane "
     "BARDIN et Alain CALMES. Absents non excusés Sandra SERRAT. Secrétaire de séance : Lucie CODINE.\n",
     [("present", "Robert SAGUIN", None), ("present", "Lucie CODINE", None), ("present", "Samuel SERRE", None),
      ("excused", "Josiane BARDIN", None), ("excused", "Alain CALMES", None),
      ("absent", "Sandra SERRAT", None)], "Lucie CODINE"),
    # a conseil communautaire of 2013: "Excusé(e)s" and "Présent(e)s" run into the header"s counts and dates,
    # initials first
    ("SEANCE DU 1 ER OCTOBRE 2013 sous la présidence de Monsieur Christian ROUBIER. Nombre de conseillers En "
     "exercice 31 Présents 25 Votants 25 Excusé(e)s S. Carrère, L. Bouysse Date de la convocation 24 "
     "septembre 2013 Présent(e)s C. Roubier, Président, E. Delmas, J. Vialard Secrétaire de séance : Jean "
     "Vialard\n",
     [("excused", "S. Carrère", None), ("excused", "L. Bouysse", None), ("present", "C. Roubier", None),
      ("present", "E. Delmas", None), ("present", "J. Vialard", None)], "Jean Vialard"),
    # a comité syndical of 2014: titulaires "présents et votants", titulaires replaced by their substitute
    # (excused), a heading without its colon
    ("COMPTE RENDU DE SEANCE\nDélégués titulaires présents et votants :\nM BRISSOT Gérard – M LEMAIRE Jean "
     "Paul – Mme VASSAL Martine\nDélégués titulaires absents remplacés par leur suppléant\nM DURANT Michel – "
     "M MALLOT Julien\nDélégués Titulaires absent excusés non remplacés par leur suppléant:\nM PERRAN Jérémie "
     "– Mme BOURDIN Ginette\n",
     [("present", "BRISSOT Gérard", None), ("present", "LEMAIRE Jean Paul", None),
      ("present", "VASSAL Martine", None), ("excused", "DURANT Michel", None), ("excused", "MALLOT Julien", None),
      ("excused", "PERRAN Jérémie", None), ("excused", "BOURDIN Ginette", None)], None),
    # a conseil communautaire of 2020: "TITULAIRES PRESENTS AVEC VOTE", substitutes present without a
    # vote (not members sitting)
    ("PROCES VERBAL DU CONSEIL COMMUNAUTAIRE DU LUNDI 21 SEPTEMBRE 2020\nTITULAIRES PRESENTS AVEC VOTE: "
     "MAURIN Christine, LAGARDE Jean Paul, DUMONT Amandine SUPPLEANTS PRESENTS SANS VOTE : ROCHER Thierry, "
     "BOYER Evelyne, EXCUSES: LAVERNE Albert (donne procuration à LAGARDE Jean Paul), DUPUIS Raymond, "
     "Secrétaire : LAGARDE Jean Paul\n",
     [("present", "MAURIN Christine", None), ("present", "LAGARDE Jean Paul", None),
      ("present", "DUMONT Amandine", None), ("excused", "LAVERNE Albert", "LAGARDE Jean Paul"),
      ("excused", "DUPUIS Raymond", None)], "LAGARDE Jean Paul"),
    # a comité of 2016: "… Mesdames et Messieurs les délégué(e)s du Pays :", each delegate"s commune in
    # parentheses
    ("COMPTE RENDU DU COMITE SYNDICAL DU 12 AVRIL 2016\nÉtaient présents Mesdames et Messieurs les "
     "délégué(e)s du Pays : Monsieur Philippe GIRARDIN (Ormenay), Mesdames Annie BERTIN (Barcon), Chantal "
     "MAUGIN (Le Bardet).\nEtaient excusés : Monsieur Denis LEBRUNE (Gidoux).\n",
     [("present", "Philippe GIRARDIN", None), ("present", "Annie BERTIN", None), ("present", "Chantal MAUGIN", None),
      ("excused", "Denis LEBRUNE", None)], None),
    # a procès-verbal of 2017: the members present by office, without a status word; initials for first names, "M."
    # among them
    ("Procès Verbal de la réunion du Conseil Municipal\n\nSéance du 26 janvier 2017\n\nMaire : H. "
     "SCHWEIZER\n\nConseillers Municipaux : R. MAILLOT, C. DEMAIS, M. DEGRAND, S. BOUZID\n\nProcurations : E. "
     "MESNIL à R. MAILLOT\n\nAbsents : L. GUIBAL\n\nH. SCHWEIZER déclare ouverte la séance.\n",
     [("present", "H. SCHWEIZER", None), ("present", "R. MAILLOT", None), ("present", "C. DEMAIS", None),
      ("present", "M. DEGRAND", None), ("present", "S. BOUZID", None), ("excused", "E. MESNIL", "R. MAILLOT"),
      ("absent", "L. GUIBAL", None)], None),
    # a compte rendu of 2020: "MAIRE :", "Adjoints :", "Conseillers :"
    ("CONSEIL MUNICIPAL N°06/2020 Mardi 27 octobre 2020\n\nMAIRE :J-J. BRUGUIN,\n\nAdjoints : X. POUJAL, V. "
     "MARTIN,\n\nConseillers : G. MALAVAL, J. MOULAN.\n\nONT DONNE PROCURATION :\n\nP. FERRER donne "
     "procuration à V. MARTIN.\n",
     [("present", "J-J. BRUGUIN", None), ("present", "X. POUJAL", None), ("present", "V. MARTIN", None),
      ("present", "G. MALAVAL", None), ("present", "J. MOULAN", None), ("excused", "P. FERRER", "V. MARTIN")], None),
    # a commune of 2019 as one paragraph: "Absente :" after a first name, an empty list before the next
    # heading
    ("COMPTE RENDU DU CONSEIL MUNICIPAL DU 11 JUILLET 2019 Présents : M. JOUAN Jean-Michel, Mme GAUTIER "
     "Isabelle Absente : Mme ROUXEL Élodie Absents non excusés : Pouvoirs : Mme FOUCHET Yvette à M. JOUAN "
     "Jean-Michel\n",
     [("present", "JOUAN Jean-Michel", None), ("present", "GAUTIER Isabelle", None),
      ("absent", "ROUXEL Élodie", None), ("excused", "FOUCHET Yvette", "JOUAN Jean-Michel")], None),
    # a commune of the Pyrénées-Atlantiques (2019): "Elu(e)s présent(e)s :", "Absent(e)(s) excusé(e)(s) :", surnames only
    # after plural civilities
    ("EXTRAIT DU REGISTRE DES DELIBERATIONS DU CONSEIL MUNICIPAL DU MERCREDI 13 FEVRIER 2019 sous la "
     "Présidence de Monsieur Michel ETCHEBARNE, Maire.\n\nElu(e)s présent(e)s : Monsieur ETCHEBARNE, Maire, "
     "Mesdames ARRAMBURU, LUCCHESI et BARDIN, et Messieurs IRIBAR et ELISSONDO. Absent(e)(s) ayant donné "
     "procuration : Madame ZUBIRIA à Monsieur IRIBAR. Absent(e)(s) excusé(e)(s) : Madame HARISPE. Secrétaire "
     "de séance : Monsieur IRIBAR.\n",
     [("present", "ETCHEBARNE", None), ("present", "ARRAMBURU", None), ("present", "LUCCHESI", None),
      ("present", "BARDIN", None), ("present", "IRIBAR", None), ("present", "ELISSONDO", None),
      ("excused", "ZUBIRIA", "IRIBAR"), ("excused", "HARISPE", None)], "IRIBAR"),
    # a commune of Alsace (2018) as one paragraph: the present list right after the chair"s office and its colon
    ("PROCÈS-VERBAL DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL SÉANCE DU LUNDI 14 MAI 2018 Sous la présidence de "
     "M. Francis STOLZ, Maire : Membres présents : Joseph HUBER, Sandrine KOEHLER. Membres absents : René "
     "LOPES (excusé), Véronique SCHMIDT (procuration à Joseph HUBER).\n",
     [("present", "Joseph HUBER", None), ("present", "Sandrine KOEHLER", None), ("excused", "René LOPES", None),
      ("excused", "Véronique SCHMIDT", "Joseph HUBER")], None),
    # a comité syndical of 2015: "Présents Délégués titulaires / communes :", each delegate"s commune in
    # parentheses, the substitutes who vote
    ("Procès-verbal n°5-15 Comité Syndical Les membres du Comité Syndical se sont réunis le 1er décembre 2015 "
     "Présents Délégués titulaires / communes : M. Alain RAGON (ANNOIX), Mme Céline TRANG (PIGNY), Délégués "
     "suppléants / communes avec voix délibérative : M. Joël DESBOIX (ALLOUIS)\n",
     [("present", "Alain RAGON", None), ("present", "Céline TRANG", None), ("present", "Joël DESBOIX", None)], None),
    # a comité of 2014: "Membres présents ou représentés :" (mostly the present)
    ("COMPTE RENDU DU COMITE DU 9 DECEMBRE 2014\nMembres présents ou représentés : M. Alain BOUTIN, Mme "
     "Fabienne TEXERAU, M. Jean MARTINEZ.\nExcusés : M. Paul ROUX.\n",
     [("present", "Alain BOUTIN", None), ("present", "Fabienne TEXERAU", None), ("present", "Jean MARTINEZ", None),
      ("excused", "Paul ROUX", None)], None),
    # a conseil de communauté of 2020: the men in a paragraph of their own after the women's closed by a stop; the
    # staff after the members' lists under "Assistaient à la réunion :" (not members)
    ("EXTRAIT DU REGISTRE DES DELIBERATIONS DU CONSEIL DE COMMUNAUTE\n\nSéance du 21 septembre 2020 Sous la présidence "
     "de Monsieur Jean-Michel VANDERSTRATEN.\n\nÉtaient présents : Mesdames Hélène CARRIÈRE, Josiane BERTOLO.\n\n"
     "Messieurs Bernard BERTONE, Jean Claude KOCHER, Jean-Michel VANDERSTRATEN.\n\nExcusés : Madame Ginette AUBRAY."
     "\n\nAssistaient à la réunion : Mesdames Laurence MAURIER, Marie Thérèse OBERLE. Monsieur Vincent KREMPEL.\n",
     [("present", "Hélène CARRIÈRE", None), ("present", "Josiane BERTOLO", None), ("present", "Bernard BERTONE", None),
      ("present", "Jean Claude KOCHER", None), ("present", "Jean-Michel VANDERSTRATEN", None),
      ("excused", "Ginette AUBRAY", None)], None),
    # a conseil communautaire of 2019: "Etaient présents MMES ET MS :"
    ("L'an deux mille dix-neuf, le 21 mai, les membres de l'assemblée de la Communauté de Communes se sont réunis sous "
     "la présidence de M. Gérard VANHOVE.\nEtaient présents MMES ET MS : ARNOULD Ghislaine, BERTHOD Marc, BOISSET "
     "Nathalie\nAbsents : BOULANGE Kévin\n",
     [("present", "ARNOULD Ghislaine", None), ("present", "BERTHOD Marc", None), ("present", "BOISSET Nathalie", None),
      ("absent", "BOULANGE Kévin", None)], None),
    # a conseil communautaire of 2020 as one paragraph: "Titulaires présents :" after the date, initials for first names
    # ("M. ARNOULT" one of them), the proxies' holder before a sentence opened by "Une"
    ("1 Compte-rendu Procès-verbal du conseil communautaire du 21/07/2020 Titulaires présents : B. ALTHAUS, J-M. "
     "ANDERMAT, T. BEGUIN Procurations : M. ARNOULT à B. ALTHAUS Une minute de silence est observée.\n",
     [("present", "B. ALTHAUS", None), ("present", "J-M. ANDERMAT", None), ("present", "T. BEGUIN", None),
      ("excused", "M. ARNOULT", "B. ALTHAUS")], None),
    # a village of 2008: "CONSEILLERS EN EXERCICE 15 : présents : 13 : NAME,NAME", the count between two colons
    ("REUNION DU CONSEIL MUNICIPAL du vendredi 26 septembre 2008\nCONSEILLERS EN EXERCICE 15 : présents : 13 : VERNEUIL "
     "Patrick,LAFARGUE Monique,ROUFFIAT Gérard\nABSENTS REPRESENTES :\nABSENTS EXCUSES :\n",
     [("present", "VERNEUIL Patrick", None), ("present", "LAFARGUE Monique", None), ("present", "ROUFFIAT Gérard", None)],
     None),
    # a commune of 2014 as one paragraph: initials after a group civility keep their names ("M." is no initial here),
    # "EXCUSE I. COUSSEAU" in capitals without its colon before an initial
    ("CONSEIL MUNICIPAL DATE RÉUNION : 26 novembre 2014 Sous la présidence de Monsieur Didier CHAUVEL, Maire. PRÉSENTS "
     ": Mesdames et Messieurs R. LE GUEN C. BRIANT A. GUILLON P. AUBIN - F. MERLOT, Adjoints EXCUSE I. COUSSEAUX "
     "(pouvoir à C. BRIANT) SECRÉTAIRE : F. MERLOT\n",
     [("present", "R. LE GUEN", None), ("present", "C. BRIANT", None), ("present", "A. GUILLON", None),
      ("present", "P. AUBIN", None), ("present", "F. MERLOT", None), ("excused", "I. COUSSEAUX", "C. BRIANT")],
     "F. MERLOT"),
    # a syndicat of 2009: bulleted sub-headings under "Présents :", the substitutes present "sans voix délibérante"
    # (not members sitting)
    ("Comité syndical du 21 décembre 2009\n\nPrésents :\n\n- Délégués titulaires :\n\n  • Monsieur Gilles CHARPIN,\n"
     "  • Madame Annie LAMOTHE,\n\n- Délégués suppléants : (Présents, mais assistant à la réunion sans voix "
     "délibérante)\n  • Monsieur Jean-Luc FERRAND,\n\nJosette MARTIN a été désignée comme secrétaire de séance.\n",
     [("present", "Gilles CHARPIN", None), ("present", "Annie LAMOTHE", None)], "Josette MARTIN"),
]


@pytest.mark.parametrize("read", ["text", "pdf"])
@pytest.mark.parametrize("text,rows,secretary", OTHER_HEADERS, ids=["one-paragraph", "substitute", "initials",
                                                                    "counts-box", "bullets", "surnames-dashes",
                                                                    "list-after-semicolon", "one-sided-dashes",
                                                                    "count-then-names", "no-one", "group-subheading",
                                                                    "broken-after-civility", "member-communes",
                                                                    "sentence-after-list", "chained-proxies",
                                                                    "ocr-civilities", "stars", "delegates-for-communes",
                                                                    "headings-in-a-run", "heading-alone-then-names",
                                                                    "a-sentence-a-member", "plural-marks",
                                                                    "surname-first-between-dashes", "counts-in-brackets",
                                                                    "also-present-first", "member-intercommunalities",
                                                                    "compound-initials", "a-proxy-a-line",
                                                                    "surnames-joined-by-stops", "surname-then-initial",
                                                                    "glued-first-names", "no-separators",
                                                                    "proxies-de-vote-dashed", "secretaries-then-date",
                                                                    "proxies-pour-voter", "hyphenated-first-name-after-star",
                                                                    "capitals-without-colon", "members-of-the-council-par",
                                                                    "members-present-after-counts",
                                                                    "le-ou-les-membres-open-parenthesis",
                                                                    "delegates-of-member-communautes",
                                                                    "staff-then-headings-without-colon",
                                                                    "sont-presents-verb-left-behind",
                                                                    "numbered-members-inclusive-writing",
                                                                    "initials-first-no-separators",
                                                                    "sentences-after-the-last-list",
                                                                    "grantor-broken-over-two-lines",
                                                                    "a-name-a-paragraph-offices",
                                                                    "counts-then-initials", "member-communes-by-name",
                                                                    "surname-first-two-a-line",
                                                                    "first-names-first-one-a-line",
                                                                    "sub-heading-after-a-stop", "excuses-ou-absents",
                                                                    "au-vote-count-bulleted-headings",
                                                                    "hour-dash-and-suivants", "procurations-de-vote",
                                                                    "run-in-headings-first-names",
                                                                    "inclusive-run-in-initials",
                                                                    "delegates-present-and-voting",
                                                                    "titulaires-with-vote-substitutes-without",
                                                                    "delegates-of-the-pays", "roster-by-office",
                                                                    "roster-by-office-adjoints",
                                                                    "feminine-heading-after-a-first-name",
                                                                    "elus-presents-inclusive",
                                                                    "present-after-the-chairs-colon",
                                                                    "present-then-delegates-by-commune",
                                                                    "present-or-represented",
                                                                    "gender-paragraphs-then-staff", "mmes-et-ms",
                                                                    "titulaires-after-the-date",
                                                                    "count-between-colons-then-names",
                                                                    "initials-under-group-civilities",
                                                                    "bulleted-seat-kinds-substitutes-without-voice"])
def test_headers_of_other_councils(text, rows, secretary, read, tmp_path):
    result = extract(text) if read == "text" else read_as_pdf(text, tmp_path)
    assert [(a.status, a.name, a.proxy_to) for a in result.rows.get("attendance", [])] == rows
    assert {d.secretary for d in result.rows["deliberations"]} == {secretary}


@pytest.mark.parametrize("read", ["text", "pdf"])
def test_the_chair_and_a_majority_tally_with_its_proxies_in_parentheses(read, tmp_path):
    text = OTHER_HEADERS[8][0]
    result = extract(text) if read == "text" else read_as_pdf(text, tmp_path)
    assert {d.president for d in result.rows["deliberations"]} == {"Laurent VIDAL"}
    assert [(v.pour, v.contre, v.abstention, v.outcome) for v in result.rows["votes"]] == [(3, 2, None, "adopted")]
    assert {d.president for d in extract(OTHER_HEADERS[9][0]).rows["deliberations"]} == {"Anne-Sophie POUILLOT"}


def test_an_office_run_into_the_next_members_name_is_no_part_of_it():
    # a commune's compte rendu of 2014: "…, Henri Bastide, Adjoints Evelyne Combes, …" (the comma after the
    # office left out)
    result = extract("COMPTE RENDU DE SEANCE du 17 décembre 2014\n\nMembres présents : Gilles Roumieu, Maire, Henri "
                     "Bastide, Adjoints Evelyne Combes, Marc Py, Conseillers Municipaux.\n\nMembres absents : /\n\n"
                     "Procès-verbal de la séance du 6 octobre 2014 : vote à l'unanimité.\n")
    assert [(a.status, a.name) for a in result.rows["attendance"]] == [
        ("present", "Gilles Roumieu"), ("present", "Henri Bastide"), ("present", "Evelyne Combes"),
        ("present", "Marc Py")]


@pytest.mark.parametrize("read", ["text", "pdf"])
def test_everyone_present_but_the_members_named_and_a_tally_of_counts_before_their_labels(read, tmp_path):
    # a commune's compte rendu of 2011 ("Etaient présents tous les conseillers en exercice, à l'exception de …,
    # absents excusés.") and one of 2018 ("par 7 voix POUR 0 voix CONTRE 1 ABSTENTION", the decision's sentence after
    # the request, not its first paragraph)
    text = ("CONSEIL MUNICIPAL SEANCE DU 18 NOVEMBRE 2011\n\nLe conseil municipal s'est assemblé sous la présidence "
            "de monsieur Pascal KERNEIS, maire.\n\nEtaient présents tous les conseillers en exercice, à l'exception de "
            "Messieurs Hervé COATANEA et Pascal TANGUY, absents excusés.\n\n"
            "1. Validation du compte-rendu de la séance ordinaire du 5 avril 2018\n\nMadame le Maire demande aux "
            "membres du Conseil Municipal la validation du compte-rendu.\n\nAprès un tour de table, le Conseil "
            "Municipal, par 7 voix POUR 0 voix CONTRE 1 ABSTENTION\n\nADOPTE tel que proposé le compte-rendu.\n")
    result = extract(text) if read == "text" else read_as_pdf(text, tmp_path)
    assert [(a.status, a.name) for a in result.rows["attendance"]] == [("excused", "Hervé COATANEA"),
                                                                      ("excused", "Pascal TANGUY")]
    assert [(v.pour, v.contre, v.abstention) for v in result.rows["votes"]] == [(7, 0, 1)]


def test_unanimity_with_its_number_of_votes():
    # "Le Compte rendu … est adopté à l'unanimité avec 25 voix." (a commune's compte rendu, 2021)
    (text,) = [case[0] for case in OTHER_HEADERS if "avec 5 voix" in case[0]]
    result = extract(text)
    assert [(v.pour, v.contre, v.unanimous) for v in result.rows["votes"]] == [(5, None, True)]


def test_a_tally_after_par_without_voix_in_the_decision_sentence():
    # "le Conseil municipal adopte par 10 POUR et 1 ABSTENTION (T MARCHAIS) le compte rendu" (a commune, 2013)
    (text,) = [case[0] for case in OTHER_HEADERS if "par 4 POUR" in case[0]]
    assert [(v.pour, v.contre, v.abstention) for v in extract(text).rows["votes"]] == [(4, None, 1)]


@pytest.mark.parametrize("text,president", [
    # the office and no name: the mayor the lists print with the office presides (a commune of the Vosges, 2016)
    ("COMPTE RENDU de la Séance ordinaire du lundi 23 Mai 2016\nLe Conseil Municipal s'est réuni sous la présidence "
     "de Monsieur le Maire, en session ordinaire.\nEtaient présents :\nM. Gérard CLAUDON, Maire\nJosette GERARDIN, "
     "1ère Adjointe\n\n1. Vente d'un terrain\nAdopté à l'unanimité.\n", "Gérard CLAUDON"),
    # "Président de séance :" run into the header's other lines (a commune of Alsace, 2017)
    ("PROCES-VERBAL DES DELIBERATIONS DU CONSEIL MUNICIPAL Séance du 23 novembre 2017 Convocation du 14 novembre "
     "2017 Début de séance : 20H00 Président de séance : Monsieur Emile KOVACIC, Maire\n\nPrésents : Emile KOVACIC, "
     "Anne MULLER.\n\n1. Vente d'un terrain\nAdopté à l'unanimité.\n", "Emile KOVACIC"),
    # a heading in capitals that names the chair, the opening sentence below it (a communauté d'agglomération, 2014)
    ("PROCES-VERBAL\nDU CONSEIL COMMUNAUTAIRE DU 28 AVRIL 2014\nSOUS LA PRESIDENCE DE M. THIERRY VALETTE\nL'an deux "
     "mille quatorze, le 28 avril à 18 h 30, le Conseil Communautaire s'est réuni.\nPRESENTS : M. Y. COMBET, Mme M. "
     "DELAYE.\n\n1. Election du président\nAdopté à l'unanimité.\n", "THIERRY VALETTE"),
    # a first name the text layer spaces around its hyphen (a syndicat, 2017)
    ("COMPTE RENDU DU COMITE SYNDICAL DU 20 JUIN 2017\nLe Comité s'est réuni sous la présidence de M. Jean- Marc "
     "LEVEAU, Président.\nPrésents : Jean-Marc LEVEAU, Louis GASNIER.\n\n1. Approbation du procès-verbal\nAdopté à "
     "l'unanimité.\n", "Jean-Marc LEVEAU"),
])
def test_who_presides_in_other_councils_wordings(text, president):
    assert {d.president for d in extract(text).rows["deliberations"]} == {president}


def test_the_sitting_date_is_not_the_date_of_the_minutes_it_approves():
    # a CCAS's sitting of 18 January 2021, whose agenda approves the minutes of 28 September 2020 ("la séance du …")
    text = ("COMPTE-RENDU DE LA SEANCE DU CONSEIL D'ADMINISTRATION DU CENTRE COMMUNAL D'ACTION SOCIALE DU 18 JANVIER "
            "2021\n\nLe Conseil d'Administration a été convoqué le 12 janvier 2021 pour délibérer sur l'ordre du jour "
            "suivant :\n1. Approbation du procès-verbal de la séance du 28 septembre 2020\n\nEtaient Présents : M. Alain "
            "KERN, Président, Mme Sylvie MOREAU.\n\n1. Approbation du procès-verbal\nAdopté à l'unanimité.\n")
    assert {d.session_date.isoformat() for d in extract(text).rows["deliberations"]} == {"2021-01-18"}


def test_the_outcome_closing_a_paragraph_of_an_item_is_its_vote():
    # a commune of Saône-et-Loire (2018): "… Il restera les toilettes de la salle des fêtes en 2020. Accepté à
    # l'unanimité 13 pour"
    text = ("COMPTE RENDU DE LA REUNION DU CONSEIL MUNICIPAL DU 7 JUIN 2018\n\nPrésents : Jean DUPONT, Marie MARTIN.\n\n"
            "1°) Projet éolien, 14 parcelles sont retenues. Le Conseil Municipal décide d'approuver le lancement de la "
            "phase étude : adopté à la majorité 12 pour, 1 abstention\n\n2°) Accès handicapés, sont concernés : Ecoles, "
            "mairie et restaurant scolaire.\n\nSubventions possibles environ 40 %. Il restera les toilettes de la salle "
            "des fêtes en 2020. Accepté à l'unanimité 13 pour\n")
    assert [(v.pour, v.abstention, v.unanimous) for v in extract(text).rows["votes"]] == [(12, 1, False),
                                                                                          (13, None, True)]


def test_vice_presidents_and_the_president_between_names_are_offices():
    # a communauté de communes of 2016 ("Jacques GUILLOUX – Président" / "Thierry LEMAITRE – …, Viceprésidents et
    # Vice-présidente") and a conseil régional's commission permanente of 2015 ("…, Vices présidents")
    text = ("COMPTE RENDU DU CONSEIL COMMUNAUTAIRE DU 17 OCTOBRE 2016\nÉtaient présents :\nJacques GUILLOUX – Président\n"
            "Thierry LEMAITRE – Alain CHESNEL, Viceprésidents et Vice-présidente\nYves CHESNEL – Nathalie COLLET, "
            "Monsieur Pascal DUPRAT, Vices présidents\n\n1. Approbation du compte rendu\nAdopté à l'unanimité.\n")
    assert [a.name for a in extract(text).rows["attendance"]] == [
        "Jacques GUILLOUX", "Thierry LEMAITRE", "Alain CHESNEL", "Yves CHESNEL", "Nathalie COLLET", "Pascal DUPRAT"]


@pytest.mark.parametrize("opening, president", [
    # a commune of the Seine-et-Marne (2017): the civility with a stop
    ("Le Conseil Municipal s'est réuni en séance publique le 26 janvier 2017 à 20h30 sous la présidence de Mme. "
     "Hélène SCHWEITZER, Maire.", "Hélène SCHWEITZER"),
    # a conseil communautaire of 2019: the president named by the office that opens the sitting
    ("M. Joseph PIERAGGI, Président de la communauté de communes, constate que le quorum est atteint.",
     "Joseph PIERAGGI"),
])
def test_the_chair_in_other_councils_openings(opening, president):
    text = (f"COMPTE RENDU DU CONSEIL MUNICIPAL\nSéance du 26 janvier 2017\n\n{opening}\n\n"
            "Présents : Hélène SCHWEITZER, Joseph PIERAGGI, Claire DEMAY.\n\n"
            "1. Approbation du procès-verbal\nLe procès-verbal est adopté à l'unanimité.\n")
    assert {d.president for d in extract(text).rows["deliberations"]} == {president}


def _roster_in_columns(tmp_path, names: dict[str, list[str]]) -> FileResult:
    """Minutes whose lists print their names in two columns without rulings or commas (a table without borders, as
    an office suite prints a roster), each heading alone on its line, rows 13 pt apart."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from pipeline.process import Options, process_file

    path = tmp_path / "roster.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    y = A4[1] - 60

    def line(x: float, text: str) -> None:
        pdf.setFont("Helvetica", 10)
        pdf.drawString(x, y, text)

    for text in ("COMMUNE DE VALBOIS", "PROCÈS-VERBAL DE LA SÉANCE DU CONSEIL MUNICIPAL DU 10 DÉCEMBRE 2019"):
        line(60, text)
        y -= 19
    for heading, entries in names.items():
        line(60, heading)
        y -= 13
        for k in range(0, len(entries), 2):
            for x, entry in zip((80, 320), entries[k:k + 2]):
                line(x, entry)
            y -= 13
        y -= 6
    line(60, "1. Approbation du procès-verbal de la séance précédente")
    y -= 13
    line(60, "Le procès-verbal est adopté à l'unanimité.")
    pdf.save()
    return process_file(path, Options(ocr="never"))


def test_a_roster_in_columns_without_commas_gives_one_member_a_cell(tmp_path):
    # surnames alone, and first names with surnames in small letters whose rows have no accents or descenders (their
    # ink boxes are short: the gap between two rows looks like a paragraph's); a proxy "à" its holder
    result = _roster_in_columns(tmp_path, {
        "Étaient présents :": ["Perrier Vernet", "Bellini Roustan", "Rouvier Charrier", "Chambon Delmotte",
                               "Masson-Fargier", "Brunel Orsi"],
        "Absents excusés :": ["MARCON", "REBOUL", "FERRAND L.", "LEMAIRE"],
        "Pouvoirs :": ["GONZALEZ à Brunel Orsi"],
        "Absents :": ["LYON", "MASSON"]})
    assert [(a.status, a.name, a.proxy_to) for a in result.rows["attendance"]] == [
        ("present", "Perrier Vernet", None), ("present", "Bellini Roustan", None),
        ("present", "Rouvier Charrier", None), ("present", "Chambon Delmotte", None), ("present", "Masson-Fargier", None),
        ("present", "Brunel Orsi", None), ("excused", "MARCON", None), ("excused", "REBOUL", None),
        ("excused", "FERRAND L.", None), ("excused", "LEMAIRE", None), ("excused", "GONZALEZ", "Brunel Orsi"),
        ("absent", "LYON", None), ("absent", "MASSON", None)]


def test_a_row_of_names_that_opens_like_a_roman_rank_goes_on_with_the_list(tmp_path):
    # capitals without accents or descenders (short ink boxes, wide gaps) and a row opening "V THERY": an initial, not
    # the rank V of an agenda
    result = _roster_in_columns(tmp_path, {
        "Étaient présents :": ["Marcel DUBRULLE", "Bernard LEGRAND"],
        "Absents :": ["C MAILLARD", "D LEROUX", "V THERY", "MC BOULET", "TAVERNIER", "A CARPENTIER"]})
    assert [(a.status, a.name) for a in result.rows["attendance"]] == [
        ("present", "Marcel DUBRULLE"), ("present", "Bernard LEGRAND"), ("absent", "C MAILLARD"),
        ("absent", "D LEROUX"), ("absent", "V THERY"), ("absent", "MC BOULET"), ("absent", "TAVERNIER"),
        ("absent", "A CARPENTIER")]
