"""Identifiers: SIRET/SIREN, IBAN, RNA, deliberation and convention numbers, budget codes, from real documents.

Sources (first field of each row): "seed" = shared/seed/pas-de-calais_cp_2024-06-17_n2024-273.txt, "spec" =
shared/spec/DOMAIN.md or OUTPUTS.md, "brief" = an example from the task brief, other values are PDFs under
shared/corpus/.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.normalize.ids import (
    find_ibans,
    find_sirets,
    iban_valid,
    parse_budget_code,
    parse_convention_ref,
    parse_delib_number,
    parse_iban,
    parse_siren,
    parse_siret,
    rna_valid,
    siren_valid,
    siret_valid,
)

SEED = "seed"
SPEC = "spec"
BRIEF = "brief"
MTP_097 = "montpellier/2013-02-04-0000061097.pdf"
MTP_278 = "montpellier/2013-06-17-0000064278.pdf"
MTP_SUB14 = "montpellier/VilleMTP_MTP_AttribSub_2014.pdf"
MTP_123 = "montpellier/2013-02-04-0000061123.pdf"
PIE_2017 = "pierrefonds/compte-rendu-03-10-2017.pdf"
PUT_0311 = "putanges/seance-du-11-03-2019-deliberations.pdf"
PUT_0729 = "putanges/seance-du-29-07-2019-deliberations.pdf"
PUT_2020 = "putanges/registre-deliberations-seance-du-16-novembre-2020.pdf"
PUT_2022 = "putanges/cr-registre-des-deliberations-de-la-seance-du-29-mars-2022.pdf"
PUT_1205 = "putanges/registre-deliberations-pv-du-conseil-municipal-du-5-decembre-2022.pdf"
ARRETE = "non_deliberation/arrete-prefectoral-2025-132-003.pdf"

# (source, text, expected value | refusal reason, checksum valid?)
SIRET_CASES = [
    (SEED, "48054398200023", "48054398200023", True),  # Le Cheval Bleu
    (SEED, "343 097 333 00078", "34309733300078", True),  # ADIL
    (SEED, "SIRET : 343 097 333 00078", "34309733300078", True),
    (SEED, "SIRET 487 822 892 00013", "48782289200013", True),  # Blanzy Pourre
    (SEED, "SIRET  413 516 089 00013", "41351608900013", True),  # Résidence Pour Tous
    (SEED, "22620001200012", "22620001200012", True),  # Département du Pas-de-Calais, CNFPT grid
    (SEED, "sous le n° 48054398200023", "48054398200023", True),
    (SEED, "00001005162", "a SIRET has 14 digits, found 11", False),  # "N° de compte" of the CNFPT RIB
    (SEED, "Code Banque 10071", "a SIRET has digits only", False),
    (SEED, "CS40031", "a SIRET has digits only", False),
    (SEED, "SIRET", "no digits", False),
]

# (source, text, expected value | refusal reason, checksum valid?)
SIREN_CASES = [
    (MTP_097, "213401722", "213401722", True),  # Ville de Montpellier, in the prefecture acknowledgement id
    (SEED, "343 097 333", "343097333", True),
    (SEED, "48054398200023", "a SIREN has 9 digits, found 14", False),
]

# (source, text, expected compact | refusal reason, checksum valid?)
IBAN_CASES = [
    (SEED, "IBAN FR76 1007 1750 0000 0010 0516 217 ", "FR7610071750000000100516217", True),
    (SEED, "FR76 1007 1750 0000 0010 0516 217", "FR7610071750000000100516217", True),
    (SEED, "BIC TRPUFRP1", "not an IBAN: expected 2 letters, 2 check digits and 10 to 30 letters or digits", False),
    (SEED, "Clé 17", "not an IBAN: expected 2 letters, 2 check digits and 10 to 30 letters or digits", False),
]

# (source, text, [(value, raw), ...])
FIND_SIRET_CASES = [
    (SEED, "BULLY-LES-MINES, identifié(e) au répertoire SIRET sous le n° 48054398200023 représenté(e) par Marie-Andrée",
     [("48054398200023", "48054398200023")]),
    (SEED, "identifié au répertoire sous le numéro SIRET : 343 097 333 00078, représentée ",
     [("34309733300078", "343 097 333 00078")]),
    (SEED, "identifiée  au   répertoire  sous  le  numéro   SIRET 487 822 892 00013, représentée par son Président",
     [("48782289200013", "487 822 892 00013")]),
    (SEED, "N° de compte 00001005162 \nClé 17 \nIBAN FR76 1007 1750 0000 0010 0516 217 ", []),
    (MTP_097, "06/02/2013 06/02/2013 034-213401722-20130204-0000061097-DE", []),
    (SEED, "Adresse 80 rue de Reuilly CS 41232 75578 PARIS CEDEX 12 ", []),
]

# (source, text, [(compact, raw), ...])
FIND_IBAN_CASES = [
    (SEED, "N° de compte 00001005162 \nClé 17 \nIBAN FR76 1007 1750 0000 0010 0516 217 \nBIC TRPUFRP1 ",
     [("FR7610071750000000100516217", "FR76 1007 1750 0000 0010 0516 217")]),
    (SEED, "IBAN FR76 1007 1750 0000 0010 0516 217 BIC TRPUFRP1",
     [("FR7610071750000000100516217", "FR76 1007 1750 0000 0010 0516 217")]),
    (SEED, "C02-446A05 6568/93446", []),
]

# (source, text, expected | refusal reason)
DELIB_NUMBER_CASES = [
    (SEED, "(N°2024-273)", "2024-273"),
    (SEED, "N°2024-273", "2024-273"),
    (SEED, "n°2021-257", "2021-257"),
    (SEED, "n°2022-498", "2022-498"),
    (SEED, "n°2022-503", "2022-503"),
    (SEED, "n°2023-115", "2023-115"),
    (SEED, "Loi n°90-449", "unexpected characters in a number"),
    (MTP_097, "n° 2013 / 11", "2013/11"),
    (MTP_SUB14, "n° 2014 / 121", "2014/121"),
    (MTP_278, "n° 2013 / 260", "2013/260"),
    (MTP_123, "n°2012/634", "2012/634"),
    (PIE_2017, "n°2017_17", "2017_17"),
    (PUT_0311, "2019-03-01", "2019-03-01"),
    (PUT_0729, "numéro 2019-05-08", "2019-05-08"),
    (PUT_1205, "n°2022032921", "2022032921"),
    (PUT_2022, "20220329 2", "digit groups separated only by a space"),
    (PUT_2020, "N° 3/2020", "3/2020"),
    (ARRETE, "N° 2025-132-003", "2025-132-003"),
    (SEED, "N° de compte", "no digits"),
    (BRIEF, "DE-2013/86", "DE-2013/86"),
    (BRIEF, "n°2021–257", "2021-257"),
]

# (source, text, expected | refusal reason)
CONVENTION_REF_CASES = [
    (SEED, "n° 2023-01628", "2023-01628"),
    (SEED, "2023-01628", "2023-01628"),
    (SEED, "N°2023-01628", "2023-01628"),
    (SEED, "n°2023-01628.", "2023-01628"),
    (SEED, "n° 2024 – 04102", "2024-04102"),
    (SEED, "n° 2023-06665", "2023-06665"),
    (SEED, "convention 2023-06665", "2023-06665"),
    (SEED, "AVENANT N°2", "2"),
    (SEED, "n° ", "no number"),
]

# (source, text, expected | refusal reason)
BUDGET_CODE_CASES = [
    (SEED, "C02-446A05", "C02-446A05"),
    (SEED, "C02-428C02", "C02-428C02"),
    (SEED, "C01-444H03", "C01-444H03"),
    (SEED, "C01-444H02", "C01-444H02"),
    (SEED, "C02-428O10", "C02-428O10"),
    (SEED, "C02-428B02", "C02-428B02"),
    (SEED, "C02-441B02", "C02-441B02"),
    (SEED, "C02-428B04", "C02-428B04"),
    (SEED, "« C02-446A05 »", "C02-446A05"),
    (SEED, "6568/93446", "6568/93446"),
    (SEED, "6568/93428", "6568/93428"),
    (SEED, "6568/93444", "6568/93444"),
    (SEED, "6568/93441", "6568/93441"),
    (MTP_SUB14, "6574", "6574"),
    (SEED, "Indemnisation des", "not a budget operation code (C02-446A05) or imputation (6568/93446)"),
    (SEED, "AE €", "not a budget operation code (C02-446A05) or imputation (6568/93446)"),
    (SEED, "2021-2027", "not a budget operation code (C02-446A05) or imputation (6568/93446)"),
]


def _id(case) -> str:
    return repr(case[1])[:60]


def _check(got, expected):
    if expected is None or (isinstance(expected, str) and " " in expected and not expected[0].isdigit()):
        assert got.value is None and got.reason == expected
    else:
        assert got.reason is None and got.value == expected


@pytest.mark.parametrize("case", SIRET_CASES, ids=_id)
def test_parse_siret(case):
    _, text, expected, valid = case
    got = parse_siret(text)
    if valid or expected.isdigit():
        assert got.value == expected and got.reason is None
        assert siret_valid(got.value) is valid
    else:
        assert got.value is None and got.reason == expected


@pytest.mark.parametrize("case", SIREN_CASES, ids=_id)
def test_parse_siren(case):
    _, text, expected, valid = case
    got = parse_siren(text)
    if expected.isdigit():
        assert got.value == expected and siren_valid(got.value) is valid
    else:
        assert got.value is None and got.reason == expected


@pytest.mark.parametrize("case", IBAN_CASES, ids=_id)
def test_parse_iban(case):
    _, text, expected, valid = case
    got = parse_iban(text)
    if valid:
        assert got.value == expected and iban_valid(got.value)
    else:
        assert got.value is None and got.reason == expected


def test_checksums_catch_one_wrong_digit():
    assert siret_valid("48054398200023") and not siret_valid("48054398200024")
    assert iban_valid("FR7610071750000000100516217") and not iban_valid("FR7610071750000000100516218")
    assert not siret_valid(None) and not iban_valid("") and not siren_valid("abc")  # type: ignore[arg-type]


@pytest.mark.parametrize("case", FIND_SIRET_CASES, ids=_id)
def test_find_sirets(case):
    _, text, expected = case
    found = find_sirets(text)
    assert [(v, raw) for v, raw, _, _ in found] == expected
    for _, raw, start, end in found:
        assert text[start:end] == raw


@pytest.mark.parametrize("case", FIND_IBAN_CASES, ids=_id)
def test_find_ibans(case):
    _, text, expected = case
    found = find_ibans(text)
    assert [(v, raw) for v, raw, _, _ in found] == expected
    for _, raw, start, end in found:
        assert text[start:end] == raw


@pytest.mark.parametrize("case", DELIB_NUMBER_CASES, ids=_id)
def test_parse_delib_number(case):
    _, text, expected = case
    got = parse_delib_number(text)
    if " " in expected or not any(c.isdigit() for c in expected):
        assert got.value is None and got.reason == expected
    else:
        assert got.value == expected and got.reason is None


@pytest.mark.parametrize("case", CONVENTION_REF_CASES, ids=_id)
def test_parse_convention_ref(case):
    _, text, expected = case
    got = parse_convention_ref(text)
    if " " in expected:
        assert got.value is None and got.reason == expected
    else:
        assert got.value == expected and got.reason is None


@pytest.mark.parametrize("case", BUDGET_CODE_CASES, ids=_id)
def test_parse_budget_code(case):
    _, text, expected = case
    got = parse_budget_code(text)
    if " " in expected:
        assert got.value is None and got.reason == expected
    else:
        assert got.value == expected and got.reason is None


@pytest.mark.parametrize("text,expected", [
    ("W623001234", True),  # brief: "W" + 9 digits
    ("w623001234", True),
    ("W62300123", False),
    ("623001234", False),
    ("48054398200023", False),  # seed: a SIRET is not an RNA number
])
def test_rna_valid(text, expected):
    assert rna_valid(text) is expected


def test_bad_input_is_not_an_exception():
    for fn in (parse_siret, parse_siren, parse_iban, parse_delib_number, parse_convention_ref, parse_budget_code):
        assert fn(None).reason == "not a string"  # type: ignore[arg-type]
    assert find_sirets(None) == [] and find_ibans(None) == []  # type: ignore[arg-type]
    assert rna_valid(None) is False  # type: ignore[arg-type]

ANY_TEXT = st.one_of(st.text(), st.text(alphabet="0123456789 N°n-–/FRWC\u00a0"))


@settings(max_examples=200, deadline=None, database=None)
@given(text=ANY_TEXT)
def test_never_raises_on_any_text(text):
    for fn in (parse_siret, parse_siren, parse_iban, parse_delib_number, parse_convention_ref, parse_budget_code):
        result = fn(text)
        assert (result.value is None) != (result.reason is None)
    for finder in (find_sirets, find_ibans):
        for _, raw, start, end in finder(text):
            assert text[start:end] == raw
    assert isinstance(siret_valid(text), bool) and isinstance(iban_valid(text), bool) and isinstance(rna_valid(text), bool)
