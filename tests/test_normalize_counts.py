"""Counts: votes, members, places, ETP, in digits and in words, from real documents.

Sources (first field of each row): "seed" = shared/seed/pas-de-calais_cp_2024-06-17_n2024-273.txt, "brief" =
an example from the task brief, other values are PDFs under shared/corpus/.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.normalize.counts import parse_count

SEED = "seed"
BRIEF = "brief"
MTP_CR0702 = "montpellier/CR_CM_07_02_2011.pdf"
COU_1028 = "couthenans/CR_conseil_municipal_28_10_2022.pdf"
COU_1007 = "couthenans/CR_conseil_municipal_07_10_2022.pdf"
COU_1105 = "couthenans/CR_reunion_20211105.pdf"
PIE_2023D = "pierrefonds/CM-05-decembre-2023.pdf"
PIE_2016 = "pierrefonds/compte-rendu-04-04-2016.pdf"
PIE_2020 = "pierrefonds/compte-rendu-11-06-2020.pdf"
PUT_0311 = "putanges/seance-du-11-03-2019-deliberations.pdf"
PUT_1205 = "putanges/registre-deliberations-pv-du-conseil-municipal-du-5-decembre-2022.pdf"

# (source, text, expected int | Decimal | refusal reason)
COUNT_CASES = [
    # seed: vote blocks (DOMAIN.md: 24+0+15+5 = 44)
    (SEED, "24 voix", 24),
    (SEED, "Pour  :  24 voix  (Groupe  Socialiste,  Républicain  et  Citoyen ;  Groupe  Communiste  et", 24),
    (SEED, "Contre : 0 voix ", 0),
    (SEED, "Abstention :  15 (Groupe Socialiste,  Républicain et  Citoyen ;  Groupe Communiste et", 15),
    (SEED, "Absents  sans  délégation  de  vote :  5  (Groupe  Socialiste,  Républicain  et  Citoyen ;", 5),
    (SEED, "Pour  :  34 voix  (Groupe  Socialiste,  Républicain  et  Citoyen ;  Groupe  Communiste  et", 34),
    (SEED, "Abstention : 6 (Groupe Socialiste, Républicain et Citoyen ; Groupe Union pour le Pas-", 6),
    # seed: report (places, structures, ETP with a decimal comma)
    (SEED, "8,5 ETP", Decimal("8.5")),
    (SEED, "1,5 ETP  ", Decimal("1.5")),
    (SEED, "14 ETP", 14),
    (SEED, "18 801 places d’accueil", 18801),
    (SEED, "10 849 places d’accompagnement", 10849),
    (SEED, "3047 places d’accompagnement", 3047),
    (SEED, "78 structures", 78),
    (SEED, "7 dispositifs", 7),
    (SEED, "Fait en deux exemplaires originaux", "no number"),
    (SEED, "deux exemplaires originaux", 2),
    (SEED, "50 3 1 3", "bad digit grouping"),  # CNFPT grid cells glued together
    (SEED, "1er versement", "not a count (amount, percentage or ordinal)"),
    (SEED, "50% de la participation financière", "not a count (amount, percentage or ordinal)"),
    (SEED, "500 euros", "not a count (amount, percentage or ordinal)"),
    (SEED, "2ème versement", "not a count (amount, percentage or ordinal)"),
    # Montpellier CR 2011
    (MTP_CR0702, "Pour : 59 ", 59),
    (MTP_CR0702, "Contre : 1 (M. Viguié) ", 1),
    (MTP_CR0702, "Abstention : 7 ", 7),
    (MTP_CR0702, "Adopté à l’unanimité", "no number"),
    # Pierrefonds
    (PIE_2023D, "- Abstentions : 2 (M. THUILLIER et M. LEBLANC)", 2),
    (PIE_2023D, "- Pour : 16", 16),
    (PIE_2020, "- Contre : 1, M. TANGUY car il souhaite choisir", 1),
    # Couthenans: several counts in one sentence are refused (the vote extractor splits them first)
    (COU_1007, "13 votes pour", 13),
    (COU_1028, "6 voix Contre, 0 Abstention, 5 pour", "several numbers"),
    (COU_1105, "2 contre 3 absentions 6 votes pour", "several numbers"),
    (COU_1105, "12 votes pour.", 12),
    # Putanges, Pierrefonds: words
    (PUT_1205, "Quorum : 13", 13),
    (PUT_1205, "Nombre de conseillers présents : 24", 24),
    (PUT_0311, "une abstention le Conseil municipal", 1),
    (PIE_2020, "quatre membres du conseil municipal", 4),
    (PIE_2020, "trois membres titulaires", 3),
    (PIE_2016, "deux conseillers municipaux", 2),
    # brief
    (BRIEF, "15", 15),
    (BRIEF, "vingt-quatre voix", 24),
    (BRIEF, "dix-sept", 17),
    (BRIEF, "trente et un", 31),
    (BRIEF, "dix-septième", "no number"),
    (BRIEF, "-3 voix", "negative count"),
    (BRIEF, "", "no number"),
]


@pytest.mark.parametrize("case", COUNT_CASES, ids=lambda c: repr(c[1])[:60])
def test_parse_count_real_strings(case):
    _, text, expected = case
    got = parse_count(text)
    assert got.raw == text
    if isinstance(expected, str):
        assert got.value is None and got.reason == expected
    else:
        assert got.reason is None
        assert got.value == expected and type(got.value) is type(expected)


def test_seed_votes_add_up_to_44_members():
    # DOMAIN.md: pour + contre + abstention + absents sans délégation = 44, first block of the seed
    block = ["Pour  :  24 voix  (Groupe", "Contre : 0 voix ", "Abstention :  15 (Groupe", "Absents  sans  délégation  de  vote :  5  ("]
    assert sum(parse_count(s).value for s in block) == 44


def test_bad_input_is_not_an_exception():
    assert parse_count(None).reason == "not a string"  # type: ignore[arg-type]
    assert parse_count("voix").reason == "no number"


UNITS = ["zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze",
         "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit", "dix-neuf"]
TENS = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}


def words(n: int) -> str:
    if n < 20:
        return UNITS[n]
    t, u = divmod(n, 10)
    if t in (7, 9):
        return ("soixante" if t == 7 else "quatre-vingt") + ("-et-" if n == 71 else "-") + UNITS[10 + u]
    base = TENS.get(t, "quatre-vingt")
    if u == 0:
        return base + ("s" if t == 8 else "")
    return base + (" et un" if u == 1 and t != 8 else "-" + UNITS[u])


@settings(max_examples=200, deadline=None, database=None)
@given(n=st.integers(min_value=0, max_value=99), unit=st.sampled_from(["", " voix", " membres", " abstentions"]))
def test_count_in_words_and_digits_round_trip(n, unit):
    assert parse_count(words(n) + unit).value == n
    assert parse_count(f"{n}{unit}").value == n


@settings(max_examples=200, deadline=None, database=None)
@given(text=st.one_of(st.text(), st.text(alphabet="0123456789 ,.:-voixPurétdeuxvingtrois()€%")))
def test_never_raises_on_any_text(text):
    result = parse_count(text)
    assert (result.value is None) != (result.reason is None)
    assert result.value is None or result.value >= 0
