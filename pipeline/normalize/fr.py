"""French vocabulary used by the normalisers, kept as data (no regex logic here).

A new council's wording should mostly be a new row in one of these tables.
"""

from __future__ import annotations

# Month names as printed, lower case; accentless variants are common in annexes ("31 aout 2025",
# Pas-de-Calais CP 2024) and abbreviations appear in tables ("4 fév. 2013").
MONTHS: dict[str, int] = {
    "janvier": 1, "janv": 1, "jan": 1,
    "février": 2, "fevrier": 2, "févr": 2, "fevr": 2, "fév": 2, "fev": 2,
    "mars": 3,
    "avril": 4, "avr": 4,
    "mai": 5,
    "juin": 6,
    "juillet": 7, "juil": 7,
    "août": 8, "aout": 8, "aoùt": 8,
    "septembre": 9, "sept": 9, "sep": 9,
    "octobre": 10, "oct": 10,
    "novembre": 11, "nov": 11,
    "décembre": 12, "decembre": 12, "déc": 12, "dec": 12,
}

WEEKDAYS: tuple[str, ...] = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")

# Ordinal suffixes after a day number: "1er", "1 er" (Couthenans/Putanges wrap it: "1\ner"), "1ᵉʳ".
DAY_ORDINAL_SUFFIXES: tuple[str, ...] = ("er", "ier", "ᵉʳ")

# Words that make up French numbers (text2num turns a run of them into an int). "mil" is the
# registers' spelling of years ("deux mil onze", Putanges 2016-2022).
NUMBER_WORDS: tuple[str, ...] = (
    "zéro", "zero", "un", "une", "premier", "première", "deux", "trois", "quatre", "cinq", "six", "sept",
    "huit", "neuf", "dix", "onze", "douze", "treize", "quatorze", "quinze", "seize", "vingt", "vingts",
    "trente", "quarante", "cinquante", "soixante", "cent", "cents", "mille", "mil", "et",
)
# Words standing for zero in vote counts ("Contre : néant").
ZERO_WORDS: tuple[str, ...] = ("aucun", "aucune", "néant", "neant")

# Phrases introducing a whole year as a period ("pour l'année 2024", Pas-de-Calais CP 2024).
YEAR_PERIOD_PHRASES: tuple[str, ...] = ("pour l'année", "au titre de l'année", "pour l'exercice",
                                        "au titre de l'exercice")

# Civilities as printed -> normalised civility, and whether the form introduces a group of names
# ("Mesdames A, B et C ainsi que Messieurs D et E", Pas-de-Calais CP 2024).
CIVILITIES: dict[str, tuple[str, bool]] = {
    "m.": ("M.", False), "m": ("M.", False), "mr": ("M.", False), "mr.": ("M.", False),
    "monsieur": ("M.", False),
    "messieurs": ("M.", True), "mm.": ("M.", True), "mm": ("M.", True), "ms": ("M.", True),  # "Ms JAFFRES Alain – …"
    "mrs": ("M.", True),  # "Mrs LUCAS, PICHON" (Messieurs, 2012), not the English Mrs
    "mme": ("Mme", False), "mme.": ("Mme", False), "madame": ("Mme", False),
    "mmes": ("Mme", True), "mmes.": ("Mme", True), "mesdames": ("Mme", True),
    "mlle": ("Mme", False), "mlle.": ("Mme", False), "melle": ("Mme", False), "melle.": ("Mme", False),
    "mademoiselle": ("Mme", False),  # ("Melle. Esther NOEL", a procès-verbal of 2014)
}
# "MM." heads lists of men AND women in the Putanges registers ("Absents : MM. Florence HEE, Charlène
# LHEUREUX, …"), so a group it introduces gets no civility (unknown), not "M.".
AMBIGUOUS_GROUP_CIVILITIES: frozenset[str] = frozenset({"mm.", "mm"})

# Proxy phrasing: "Mme A (pouvoir à M. B)", "A a donné procuration à B", "A pouvoir donné à B",
# "A donne pouvoir à B" (Putanges 2022), "A (procuration à B)" (Couthenans 2021). Accents are optional when read.
PROXY_VERBS: tuple[str, ...] = ("a donné", "ayant donné", "donne", "donnant")
PROXY_NOUNS: tuple[str, ...] = ("procuration de vote", "pouvoir de vote", "mandat de vote", "pouvoir", "procuration",
                                "délégation de vote", "délégation")  # "… ayant donné procuration de vote à …" (2016)

# Currency markers after an amount: words are read in any case ("EUROS"), "EUR" only in capitals.
CURRENCY_WORDS: tuple[str, ...] = ("euros", "euro")
CURRENCY_SYMBOLS: tuple[str, ...] = ("€", "EUR")
# Scale before the currency: "15 k€", "7,2 M€", "10 millions d’euros", "3 Milliards €". Letters are
# case-sensitive (k/K, M), words are not.
SCALES: dict[str, int] = {"k": 1_000, "K": 1_000, "M": 1_000_000,
                          "million": 1_000_000, "millions": 1_000_000,
                          "milliard": 1_000_000_000, "milliards": 1_000_000_000}
# Tax flags as printed (any case; dotted forms may drop the last dot or add a space: "H. T.").
TAX_FLAGS: dict[str, tuple[str, ...]] = {
    "HT": ("H.T.", "HT", "hors taxes", "hors taxe"),
    "TTC": ("T.T.C.", "TTC", "toutes taxes comprises"),
}
