"""Amounts: real strings from the seed and the corpus, exact Decimal values, refusals, round trips.

Sources (first field of each row): "seed" = shared/seed/pas-de-calais_cp_2024-06-17_n2024-273.txt, other
values are PDFs under shared/corpus/ (text layer read with pypdfium2). Strings are copied as printed.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.normalize.amounts import find_amounts, parse_amount, parse_decimal

D = Decimal
SEED = "seed"
MTP_097 = "montpellier/2013-02-04-0000061097.pdf"
MTP_099 = "montpellier/2013-02-04-0000061099.pdf"
MTP_122 = "montpellier/2013-02-04-0000061122.pdf"
MTP_278 = "montpellier/2013-06-17-0000064278.pdf"
MTP_CR0702 = "montpellier/CR_CM_07_02_2011.pdf"
MTP_CR0905 = "montpellier/CR_CM_09_05_2011.pdf"
MTP_SUB14 = "montpellier/VilleMTP_MTP_AttribSub_2014.pdf"
COU_0604 = "couthenans/CR_reunion_20210604.pdf"
COU_0129 = "couthenans/CR_reunion_20210129.pdf"
COU_0121 = "couthenans/CR_reunion_20220121.pdf"
COU_1007 = "couthenans/CR_conseil_municipal_07_10_2022.pdf"
COU_1105 = "couthenans/CR_reunion_20211105.pdf"
PUT_2016 = "putanges/compte-rendu-seance-du-12-04-2016.pdf"
PUT_0311 = "putanges/seance-du-11-03-2019-deliberations.pdf"
PUT_1217 = "putanges/seance-du-17-12-2019-deliberations.pdf"
PUT_2020 = "putanges/registre-deliberations-seance-du-16-novembre-2020.pdf"
PIE_2023D = "pierrefonds/CM-05-decembre-2023.pdf"
PIE_2023A = "pierrefonds/CM-11-avril-2023.pdf"
PIE_2017 = "pierrefonds/compte-rendu-03-10-2017.pdf"
PIE_2016 = "pierrefonds/compte-rendu-04-04-2016.pdf"
PIE_2018 = "pierrefonds/compte-rendu-10-04-2018.pdf"

# (source, text, expected Decimal | refusal reason)
DECIMAL_CASES = [
    # seed: budget table after "Article 14" (AE € and Dépense € columns)
    (SEED, "8 395 650,00", D("8395650.00")),
    (SEED, "5 867 917,70", D("5867917.70")),
    (SEED, "667 500,00", D("667500.00")),
    (SEED, "561 140,00", D("561140.00")),
    (SEED, "1 583 100,00", D("1583100.00")),
    (SEED, "1 259 869,05", D("1259869.05")),
    (SEED, "13 989 480,46", D("13989480.46")),
    (SEED, "687 145,98", D("687145.98")),
    (SEED, "100 000,00", D("100000.00")),
    (SEED, "600 000,00", D("600000.00")),
    (SEED, "532 000,00", D("532000.00")),
    (SEED, "60 000,00", D("60000.00")),
    (SEED, "45 000,00", D("45000.00")),
    (SEED, "2 870 691,00", D("2870691.00")),
    (SEED, "657 200,24", D("657200.24")),
    # seed: decimal point in the report, narrow no-break space in the CNFPT grid
    (SEED, "1 525 742.70", D("1525742.70")),
    (SEED, "171.90", D("171.90")),
    (SEED, "1\u202f200,00", D("1200.00")),
    (PIE_2023A, "1 382 953,31", D("1382953.31")),
    (PIE_2023A, "1 234 441.79", D("1234441.79")),
    # dot thousands (Montpellier, Putanges, Couthenans)
    (MTP_097, "1.200.000", D("1200000")),
    (MTP_097, "300.000", D("300000")),
    (PUT_2016, "33.394,77", D("33394.77")),
    (PUT_2016, "-13.967,53", D("-13967.53")),
    (PUT_2016, "- 48.854,96", D("-48854.96")),
    (COU_0129, "8.024", D("8024")),
    # apostrophe thousands (Couthenans)
    (COU_0604, "1’697", D("1697")),
    (COU_0604, "-8’355,59", D("-8355.59")),
    (COU_0604, "-22'973,41", D("-22973.41")),
    (PUT_1217, "0,50", D("0.50")),
    # refused: glued table cells, identifiers, dates
    (SEED, "50 3 1 3      1\u202f200,00", "bad digit grouping"),
    (MTP_122, "5 0 1 500", "bad digit grouping"),
    (MTP_122, "48 500 14 550", "bad digit grouping"),
    (MTP_122, "150 00 150 000", "bad digit grouping"),
    (SEED, "343 097 333 00078", "bad digit grouping"),
    (SEED, "2021-2027", "unexpected characters"),
    (SEED, "6568/93446", "unexpected characters"),
    (SEED, "C02-446A05", "unexpected characters"),
    (SEED, "01/07/2021", "unexpected characters"),
    (MTP_CR0905, "31.12.2010", "bad digit grouping"),
    (SEED, ".......................", "no digits"),
    (SEED, "Coût", "no digits"),
]

# (source, text, (value, unit, tax) | refusal reason)
AMOUNT_CASES = [
    # seed: articles and report
    (SEED, "7 127 786,75  €", (D("7127786.75"), None, None)),
    (SEED, "902 200,24 €", (D("902200.24"), None, None)),
    (SEED, "687 145,98 €", (D("687145.98"), None, None)),
    (SEED, "993 140,00 €", (D("993140.00"), None, None)),
    (SEED, "1 525 742.70 €", (D("1525742.70"), None, None)),
    (SEED, "914 100 €", (D("914100.00"), None, None)),
    (SEED, "13 200 euros", (D("13200.00"), None, None)),
    (SEED, "345 769.05 €", (D("345769.05"), None, None)),
    (SEED, "14 439,60 \n€", (D("14439.60"), None, None)),
    (SEED, "37 130.40€", (D("37130.40"), None, None)),
    (SEED, "25 785€/an", (D("25785.00"), "an", None)),
    (SEED, "36 099€", (D("36099.00"), None, None)),
    (SEED, "600 000€", (D("600000.00"), None, None)),
    (SEED, "28 907,31 €", (D("28907.31"), None, None)),
    (SEED, "358 238.67 €", (D("358238.67"), None, None)),
    (SEED, "5 000€", (D("5000.00"), None, None)),
    (SEED, "800 euros / jour / groupe", (D("800.00"), "jour", None)),
    (SEED, "1200 euros / jour / groupe", (D("1200.00"), "jour", None)),
    (SEED, "52 800 euros", (D("52800.00"), None, None)),
    (SEED, "1\u202f200,00 €", (D("1200.00"), None, None)),
    (SEED, "171.90€/mois/logement", (D("171.90"), "mois", None)),
    # Montpellier: HT flags, M€
    (MTP_097, "300.000 € H.T.", (D("300000.00"), None, "HT")),
    (MTP_097, "1.200.000 € H.T..", (D("1200000.00"), None, "HT")),
    (MTP_099, "475 150.00 € H.T.", (D("475150.00"), None, "HT")),
    (MTP_099, "38 436.15 € H.T.", (D("38436.15"), None, "HT")),
    (MTP_099, "497 284.50 € HT.", (D("497284.50"), None, "HT")),
    (MTP_278, "170 824,37 € HT.", (D("170824.37"), None, "HT")),
    (MTP_CR0702, "7,2 M€", (D("7200000.00"), None, None)),
    (MTP_CR0702, "4 M€", (D("4000000.00"), None, None)),
    (MTP_CR0905, "2.5 M€", (D("2500000.00"), None, None)),
    (MTP_SUB14, "2500 euro", (D("2500.00"), None, None)),
    (MTP_122, "350 637 €", (D("350637.00"), None, None)),
    # Couthenans: apostrophes, signs, dot thousands, units
    (COU_1007, "10 millions d’euros", (D("10000000.00"), None, None)),
    (COU_0604, "– 1’697€", (D("-1697.00"), None, None)),
    (COU_0604, "+20’000 €", (D("20000.00"), None, None)),
    (COU_0604, "-22'973,41€", (D("-22973.41"), None, None)),
    (COU_0604, "65800€", (D("65800.00"), None, None)),
    (COU_0604, "250€ / jour", (D("250.00"), "jour", None)),
    (COU_0604, "144€/ mois", (D("144.00"), "mois", None)),
    (COU_0604, "18€ /élève", (D("18.00"), "élève", None)),
    (COU_0121, "620.000€", (D("620000.00"), None, None)),
    (COU_0129, "28.500€", (D("28500.00"), None, None)),
    # Putanges: dot thousands, TTC, sign on the next line
    (PUT_0311, "1.650,00 €", (D("1650.00"), None, None)),
    (PUT_0311, "20.000 € TTC", (D("20000.00"), None, "TTC")),
    (PUT_0311, "3.930,94 \n€ HT", (D("3930.94"), None, "HT")),
    (PUT_0311, "4.717,13 € TTC", (D("4717.13"), None, "TTC")),
    (PUT_0311, "(4.550,00 €)", (D("4550.00"), None, None)),
    (PUT_2016, "- 48.854,96 €", (D("-48854.96"), None, None)),
    (PUT_2020, "15 600 euros HT", (D("15600.00"), None, "HT")),
    (PUT_2020, "3 Milliards €", (D("3000000000.00"), None, None)),
    # Pierrefonds: decimal point, HT/TTC
    (PIE_2023D, "400 000.00 € HT.", (D("400000.00"), None, "HT")),
    (PIE_2023D, "1,55 € HT", (D("1.55"), None, "HT")),
    (PIE_2023D, "12.50 €", (D("12.50"), None, None)),
    (PIE_2023A, "60,09 euros", (D("60.09"), None, None)),
    (PIE_2023A, "- 232 747 €", (D("-232747.00"), None, None)),
    (PIE_2016, "4023.64 € TTC", (D("4023.64"), None, "TTC")),
    (PIE_2018, "0.50 €", (D("0.50"), None, None)),
    # refused
    (SEED, "50 3 1 3      1\u202f200,00 €", "bad digit grouping"),
    (SEED, "8 395 650,00", "no currency marker"),
    (SEED, "18 801 places", "no currency marker"),
    (MTP_SUB14, "548 EURO-GRECE", "no currency marker"),
    (COU_1105, "l’euro symbolique", "no digits"),
    (PIE_2017, "Matin 1.80 € 2 € 2.20 €", "several amounts"),
    (PIE_2016, "4023.64 € TTC 3500 € TTC", "several amounts"),
    (MTP_122, "1 470 1 470 € €", "not a single amount"),
    (MTP_122, "48 500 14 550 € €", "not a single amount"),
]

# (source, text, bare, [(raw, value), ...])
FIND_CASES = [
    # seed: CNFPT grid, glued count cells before the amounts
    (SEED, "50 3 1 3      1\u202f200,00 €     3\u202f600,00 € ", False,
     [("1\u202f200,00 €", D("1200.00")), ("3\u202f600,00 €", D("3600.00"))]),
    (SEED, "40 2 4 8      4\u202f800,00 € 9\u202f600,00 €    ", False,
     [("4\u202f800,00 €", D("4800.00")), ("9\u202f600,00 €", D("9600.00"))]),
    # seed: counts next to an amount are not money
    (SEED, "montant total de 1 525 742.70 €, 18 801 places d’accueil et 1000 places d’accompagnement, sur ", False,
     [("1 525 742.70 €", D("1525742.70"))]),
    # seed: a list bullet is not a minus sign
    (SEED, "- 500 000€ au titre du FPEL \n\n- 100 000€ au titre du fonds de solvabilisation. ", False,
     [("500 000€", D("500000.00")), ("100 000€", D("100000.00"))]),
    (SEED, "Blanzy Pourre qui bénéficie à ce jour de 7 FAL/ALT pour un montant annuel de 14 439,60 \n€ au titre du FSL.",
     False, [("14 439,60 \n€", D("14439.60"))]),
    (SEED, "représentant 25 785€/an) à 35 AML soit 36 099€.", False,
     [("25 785€/an", D("25785.00")), ("36 099€", D("36099.00"))]),
    (SEED, "Il est proposé d’attribuer à l’ADIL une participation financière de 100 000 € pour l’année 2024. ", False,
     [("100 000 €", D("100000.00"))]),
    # seed: budget table rows; only bare=True reads the cells, never the codes or the years
    (SEED, "C02-446A05 6568/93446\nIndemnisation des\n\norganismes référents\n8 395 650,00 5 867 917,70", False, []),
    (SEED, "C02-446A05 6568/93446\nIndemnisation des\n\norganismes référents\n8 395 650,00 5 867 917,70", True,
     [("8 395 650,00", D("8395650.00")), ("5 867 917,70", D("5867917.70"))]),
    (SEED, "C01-444H02 6568/93444\nAppui aux parcours intégrés\n\n2021-2027\n13 989 480,46 687 145,98", True,
     [("13 989 480,46", D("13989480.46")), ("687 145,98", D("687145.98"))]),
    (SEED, "Vu la délibération n°2021-257 du Conseil départemental en date du 01/07/2021", True, []),
    (SEED, "numéro SIRET : 343 097 333 00078, représentée ", True, []),
    (SEED, "Opération 4 : Contrepartie FSE coordinateurs Logement d'abord (dispositif 2.13) ", True, []),
    # Couthenans: signs, apostrophes, account numbers after the amount
    (COU_0604, "Mouvement de -22'973,41€ du 10.222 au 10.68 ", True, [("-22'973,41€", D("-22973.41"))]),
    (COU_0604, "CRPP Investissement Charges : +20’000 € au 21.32, vu les prix du bois travaillé ", False,
     [("+20’000 €", D("20000.00"))]),
    (COU_0604, "Tarif de 250€ / jour & mission de 5 jours => soit 1250€ au total. ", False,
     [("250€ / jour", D("250.00")), ("1250€", D("1250.00"))]),
    (COU_0129, "On a maintenant trois devis (d’environ 26.500 à 28.500€ pour 120m² et avec désamiantage inclus).", False,
     [("28.500€", D("28500.00"))]),
    # Montpellier: garbled table cells
    (MTP_122, "5581 Institut de Recherche pour le Développement P 5 0 1 500 € 00 € ", False,
     [("1 500 €", D("1500.00"))]),
    (MTP_122, "5233 Conseil Départemental de l'Acces au Droit F 1 470 1 470 € € ", False,
     [("1 470 €", D("1470.00"))]),
    (MTP_122, "5223 Montpellier Agglo Athlétic Méditerranée P 48 500 14 550 € € ", False,
     [("14 550 €", D("14550.00"))]),
    (MTP_SUB14, "548 EURO-GRECE FRANCE F 1 000 € ", False, [("1 000 €", D("1000.00"))]),
    (MTP_SUB14, "406 ECHECS CLUB MONTPELLIER ECM P CHESSATHLON 2013/2014 1 900 € ", False,
     [("1 900 €", D("1900.00"))]),
    (MTP_CR0702, "d'emprunt - Emprunts de 7,2 M€ et de 3,9 M€ auprès du CIC Société Bordelaise ", False,
     [("7,2 M€", D("7200000.00")), ("3,9 M€", D("3900000.00"))]),
    (MTP_099, "nouveau montant de ce lot à 497 284.50 € HT., soit une augmentation de 4,66 % par rappor", True,
     [("497 284.50 € HT", D("497284.50"))]),
    # Pierrefonds: several per line, mixed decimal marks
    (PIE_2017, "Matin 1.80 € 2 € 2.20 € ", False,
     [("1.80 €", D("1.80")), ("2 €", D("2.00")), ("2.20 €", D("2.20"))]),
    (PIE_2023A, "Fonctionnement 1 234 441.79 € 1 347 999,22 € 113 557,43 €", False,
     [("1 234 441.79 €", D("1234441.79")), ("1 347 999,22 €", D("1347999.22")), ("113 557,43 €", D("113557.43"))]),
    (PIE_2023A, "Totaux dépenses 1 382 953,31 1 234 441,79 1 547 197,14", False, []),
    (PIE_2023A, "Totaux dépenses 1 382 953,31 1 234 441,79 1 547 197,14", True,
     [("1 382 953,31", D("1382953.31")), ("1 234 441,79", D("1234441.79")), ("1 547 197,14", D("1547197.14"))]),
    (PIE_2023A, "coefficient correcteur qui est de - 232 747 €. Ce coefficient", False, [("- 232 747 €", D("-232747.00"))]),
    # Putanges: a dash between two tariffs is not a sign; a dash after "Déficit … :" is
    (PUT_1217, "Barrières 0,50 € - 0,25 € par journée supplémentaire", False,
     [("0,50 €", D("0.50")), ("0,25 €", D("0.25"))]),
    (PUT_2016, " Déficit d’investissement : - 48.854,96 €", False, [("- 48.854,96 €", D("-48854.96"))]),
    (PUT_0311, "d’un montant de 3.930,94 \n€ HT soit 4.717,13 € TTC.", False,
     [("3.930,94 \n€ HT", D("3930.94")), ("4.717,13 € TTC", D("4717.13"))]),
]

# seed: the budget table after "Article 14" (text layer as extracted); DOMAIN.md: Dépense total 9 710 272,97 €
SEED_BUDGET_TABLE = """Code
Opération

Imputation
budgétaire

Libellé Opération AE € Dépense €

C02-446A05 6568/93446
Indemnisation des

organismes référents
8 395 650,00 5 867 917,70

C02-428C02 6568/93428 Accompagnement des jeunes 667 500,00 561 140,00

C01-444H03 6568/93444
Référent insertion

professionnelle
1 583 100,00 1 259 869,05

C01-444H02 6568/93444
Appui aux parcours intégrés

2021-2027
13 989 480,46 687 145,98

C02-428O10 6568/93428
Agence départementale pour
l’information sur le logement

(EPF)
100 000,00 100 000,00

C02-428B02 6568/93428 Logement des Jeunes 600 000,00 532 000,00
C02-441B02 6568/93441 Inclusion budgétaire (EPF) 60 000,00 45 000,00

C02-428B04 6568/93428
Politique inclusive en faveur

du logement
2 870 691,00 657 200,24
"""


def _id(case) -> str:
    return repr(case[1])[:60]


@pytest.mark.parametrize("case", DECIMAL_CASES, ids=_id)
def test_parse_decimal_real_strings(case):
    _, text, expected = case
    got = parse_decimal(text)
    assert got.raw == text
    if isinstance(expected, str):
        assert got.value is None and not got.ok
        assert got.reason == expected
    else:
        assert got.ok and got.reason is None
        assert got.value == expected and str(got.value) == str(expected)


@pytest.mark.parametrize("case", AMOUNT_CASES, ids=_id)
def test_parse_amount_real_strings(case):
    _, text, expected = case
    got = parse_amount(text)
    if isinstance(expected, str):
        assert got.value is None
        assert got.reason == expected
        return
    value, unit, tax = expected
    assert got.ok, got.reason
    money = got.value
    assert (money.value, money.unit, money.tax, money.currency) == (value, unit, tax, "EUR")
    assert money.value.as_tuple().exponent == -2  # quantized to cents
    assert money.raw == text


@pytest.mark.parametrize("case", FIND_CASES, ids=lambda c: f"{'bare' if c[2] else 'marked'}-{_id(c)}")
def test_find_amounts_real_strings(case):
    _, text, bare, expected = case
    found = find_amounts(text, bare=bare)
    assert [(m.raw, m.value) for m in found] == expected
    for m in found:
        assert text[m.start:m.end] == m.raw
        assert isinstance(m.value, Decimal)


def test_seed_budget_table_adds_up_to_the_articles():
    cells = [m.value for m in find_amounts(SEED_BUDGET_TABLE, bare=True)]
    assert len(cells) == 16
    ae, depense = cells[0::2], cells[1::2]
    assert sum(depense) == D("9710272.97")  # DOMAIN.md: articles 1 + 5 + 10 + 12
    assert sum(depense) == D("7127786.75") + D("902200.24") + D("687145.98") + D("993140.00")
    assert ae[0] == D("8395650.00")
    assert find_amounts(SEED_BUDGET_TABLE) == []  # no euro sign in the cells


def test_find_amounts_bad_input_is_not_an_exception():
    assert find_amounts("") == []
    assert find_amounts(None) == []  # type: ignore[arg-type]
    assert parse_amount(None).reason == "not a string"  # type: ignore[arg-type]
    assert parse_decimal(12).reason == "not a string"  # type: ignore[arg-type]


# --------------------------------------------------------------------------------------------------
# Round trips: any amount written in a French style parses back to itself.

STYLES = [
    # (thousands separator, decimal mark)
    (" ", ","), ("\u00a0", ","), ("\u202f", ","), (".", ","), ("’", ","), ("", ","),
    (" ", "."), ("\u00a0", "."), ("\u202f", "."), ("", "."),
]
SUFFIXES = [" €", "€", " euros", " EUR", " \n€"]
cents = st.integers(min_value=-(10**12), max_value=10**12)  # up to 10^10 euros, negative too


def write_french(value: Decimal, thousands: str, decimal: str, with_cents: bool = True) -> str:
    sign = "-" if value < 0 else ""
    int_part, frac = f"{abs(value):.2f}".split(".")
    groups = []
    while int_part:
        groups.insert(0, int_part[-3:])
        int_part = int_part[:-3]
    return sign + thousands.join(groups) + (decimal + frac if with_cents else "")


@settings(max_examples=200, deadline=None, database=None)
@given(cents=cents, style=st.sampled_from(STYLES))
def test_decimal_round_trip(cents, style):
    value = D(cents) / 100
    text = write_french(value, *style)
    assert parse_decimal(text).value == value


@settings(max_examples=200, deadline=None, database=None)
@given(cents=cents, style=st.sampled_from(STYLES), suffix=st.sampled_from(SUFFIXES))
def test_amount_round_trip(cents, style, suffix):
    value = D(cents) / 100
    text = write_french(value, *style) + suffix
    got = parse_amount(text)
    assert got.ok, (text, got.reason)
    assert got.value.value == value
    found = find_amounts("Le montant est de " + text + " pour 2024.")
    assert [m.value for m in found] == [value]


@settings(max_examples=200, deadline=None, database=None)
@given(euros=st.integers(min_value=0, max_value=10**10),
       style=st.sampled_from([(" ", ""), ("\u00a0", ""), ("\u202f", ""), (".", ""), ("’", "")]))
def test_whole_euros_without_cents_round_trip(euros, style):
    text = write_french(D(euros), style[0], ",", with_cents=False) + " €"
    assert parse_amount(text).value.value == D(euros)


# Bad text is data: any string gives a value or a reason, never an exception.
ANY_TEXT = st.one_of(st.text(), st.text(alphabet="0123456789 ,.'’-–()€\n\u00a0\u202fkMeurosHTC/"))


@settings(max_examples=200, deadline=None, database=None)
@given(text=ANY_TEXT)
def test_never_raises_on_any_text(text):
    for result in (parse_decimal(text), parse_amount(text)):
        assert (result.value is None) != (result.reason is None)
    for bare in (False, True):
        for m in find_amounts(text, bare=bare):
            assert text[m.start:m.end] == m.raw and m.value.as_tuple().exponent == -2
