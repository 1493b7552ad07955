"""French deliberation formulas, kept as data: a new council's wording should mostly be a new row here.

Each table maps what a formula means to the patterns that print it. Patterns are ``regex`` (Unicode-aware),
compiled case-insensitively unless said otherwise; ``'`` stands for any apostrophe. A comment names the
documents a row was seen in.
"""

from __future__ import annotations

import regex

APOS = "['’`´]"
FLAGS = regex.IGNORECASE | regex.VERSION1
# Version 1 of ``regex`` folds case fully where it ignores case ("ß" matches "SS", "ﬁ" matches "FI"). The text read
# here never needs it: PDFium splits a ligature into its letters, and Tesseract's French model reads neither
# ligatures nor "ß". Simple case folding (version 0's, and the standard library's) compiles the formula tables in
# half the time and matches a little faster: a worker starts 0.3 s sooner.
SIMPLE_CASE = "(?-f)"


def compile_pattern(pattern: str, flags: int = 0) -> regex.Pattern:
    """``regex.compile``, with simple case folding where version 1 would fold case fully."""
    if flags & regex.IGNORECASE and flags & regex.VERSION1:
        pattern = SIMPLE_CASE + pattern
    return regex.compile(pattern, flags)


# Bullets a line of a list may open with: dashes (an em dash too, as OCR reads a dash: "—Gaz naturel : Rapport 2011",
# Aiglun 2012), dots, arrows, Wingdings glyphs of the private-use area ("\uf02d Pour : 15", Pierrefonds 2018), and "+"
# ("+ Présents : Jean-Pierre (Pr*), …", Couthenans 29/01/2021).
BULLETS = "-–—−•▪●◦■□➢✓+\uf000-\uf0ff"
# What OCR may read from a speck before a line's first word ("‘Pouvoirs :", a scanned roster): allowed where a bullet is
SPECKS = "‘’'`´"


def compile_rows(rows: list[tuple[str, str]], *, anchored: bool | str = True, flags: int = FLAGS
                 ) -> list[tuple[str, regex.Pattern]]:
    """(meaning, pattern) rows -> compiled patterns; ``'`` in a pattern matches every apostrophe. ``anchored``:
    at the start of the text (after spaces); ``"bulleted"``: also after a bullet opening it (``BULLETS``)."""
    start = {True: "^\\s*", False: "", "bulleted": f"^\\s*(?:[{BULLETS}{SPECKS}]\\s*)?"}[anchored]
    return [(meaning, compile_pattern(start + pattern.replace("'", APOS), flags)) for meaning, pattern in rows]


class Formula(tuple):
    """One wording of one meaning: the pattern, real examples it must match (verbatim from documents), and the
    documents they were seen in. A (meaning, pattern) pair, so that tables unpack like the older pair rows (and
    as fast: every line of an archive is tried against them), carrying its examples and sources beside."""

    def __new__(cls, meaning: str, pattern: regex.Pattern, examples: tuple[str, ...] = (),
                seen_in: tuple[str, ...] = ()) -> "Formula":
        row = super().__new__(cls, (meaning, pattern))
        row.examples, row.seen_in = tuple(examples), tuple(seen_in)
        return row

    @property
    def meaning(self) -> str:
        return self[0]

    @property
    def pattern(self) -> regex.Pattern:
        return self[1]


_UNIONS: dict[tuple[int, ...], tuple[tuple, tuple[regex.Pattern, ...]]] = {}


def union(*tables) -> tuple[regex.Pattern, ...]:
    """The patterns of these tables (of this module: they live as long as it) as one alternation per set of
    flags, so that one match says whether any row reads a line: every line of an archive is tried against the
    tables, and most lines match none of their rows. Kept by the tables' ids: the entry holds the tables, so no
    other object can take one of their ids while it is kept."""
    found = _UNIONS.get(tuple(map(id, tables)))
    if found is None:
        by_flags: dict[int, list[str]] = {}
        for table in tables:
            for _, pattern in table:
                by_flags.setdefault(pattern.flags, []).append(f"(?:{pattern.pattern})")
        found = _UNIONS[tuple(map(id, tables))] = (tables, tuple(compile_pattern("|".join(p), f)
                                                                  for f, p in by_flags.items()))
    return found[1]


def matches_any(text: str, *tables) -> bool:
    """Whether a row of the tables matches at the start of ``text`` (``any(p.match(text) for _, p in table)``)."""
    for u in union(*tables):  # (a loop, not any() over a generator: this runs on every line of an archive)
        if u.match(text):
            return True
    return False


def searches_any(text: str, *tables) -> bool:
    """Whether a row of the tables matches somewhere in ``text`` (``any(p.search(text) for _, p in table)``)."""
    for u in union(*tables):
        if u.search(text):
            return True
    return False


FORMULA_TABLES: dict[str, list[Formula]] = {}  # every table of Formula rows, by name, for the generated test
# Tables whose every meaning is looked for on its own (each count field of a header), not "first row wins".
EVERY_MEANING_TRIED: set[str] = {"PRINTED_COUNTS"}


def formulas(name: str, rows: list[tuple[str, str, tuple[str, ...], tuple[str, ...]]], *,
             anchored: bool | str = True, flags: int = FLAGS) -> list[Formula]:
    """(meaning, pattern, examples, seen_in) rows -> a named table of compiled formulas."""
    rows = [tuple(row) + ((),) * (4 - len(row)) for row in rows]  # seen_in may be left out
    table = [Formula(meaning, compiled, tuple(examples), tuple(seen_in))
             for (meaning, compiled), (_, _, examples, seen_in)
             in zip(compile_rows([(m, p) for m, p, _, _ in rows], anchored=anchored, flags=flags), rows)]
    FORMULA_TABLES[name] = table
    return table


# --- Attendance list headings -> status. Most specific first: the first match wins. --------------------------
# The last row is the general grammar of a heading: an optional verb ("Étaient", "Était", "Sont"), one or more
# status words joined by commas or "et" ("absent, excusé et a donné pouvoir"), an optional proxy clause, a short
# qualifier, then a colon. Its meaning "words" means: the status is read from the words (ATTENDANCE_WORDS).
_STATUS_WORD = (r"(?:absent|excus[ée]|pr[ée]sent|repr[ée]sent[ée]|ayant\s+vot[ée]\s+par\s+procuration)"
                # "Présent(e)s", "Excusé(e)(s)"; inclusive writing, "Etaient présent.e.s :", "excusé·e·s" (2021)
                r"(?:[.·]e(?:[.·]s)?|(?:\(e?s?\)|\(s\)|es|e|s)?(?:\(e?s?\)|\(s\)|s)?)")
_PROXY_CLAUSE = (r"(?:avec\s+(?:pouvoirs?|procurations?)|(?:(?:ayant|a|ont|avai(?:en)?t|qui\s+ont|qui\s+a)\s+)?(?:donn[ée](?:\(e?s?\)|e?s?)?|remis|d[ée]l[ée]gu[ée])\s+"
                 r"(?:(?:un|leur|son|sa)\s+)?(?:pouvoirs?|procurations?|d[ée]l[ée]gations?(?:\s+de\s+vote)?|"
                 r"mandats?(?:\s+de\s+vote)?))")
# What may stand between the status words and the colon: "à", "en application de l'article …", "lors du vote …"
# ("Représentés par pouvoir écrit (5) :", a procès-verbal of 2016: two of them)
_HEAD_TAIL = (r"(?:\s*(?:[àa]\b|en\s+s[ée]ance\b|"
              # "Délégués titulaires présents et votants :", "TITULAIRES PRESENTS AVEC VOTE:", "Délégués titulaires absents
              # remplacés par leur suppléant", "… absent excusés non remplacés par leur suppléant:" (a comité syndical,
              # 2014; a conseil communautaire, 2020)
              r"(?:et|,)\s+votante?s?\b|avec\s+(?:droit\s+de\s+)?vote\b|"
              # who the list is of, after its status: "Présents Délégués titulaires / communes :" (a comité syndical, 2015)
              r"(?:d[ée]l[ée]gu[ée]e?s|membres)(?:\s+(?:titulaires?|suppl[ée]ante?s?))?(?:\s*/\s*communes?)?\b|(?:non\s+)?remplac[ée]e?s?\s+par\s+(?:leurs?|son|sa|une?)\s+"
              r"suppl[ée]ante?s?\b|les\s+(?:conseill[eè]re?s(?:\s+municipa(?:ux|les))?|membres)\s+suivants\b|par\s+(?:pouvoirs?|procurations?|mandats?)(?:\s+[ée]crite?s?)?\b|"
              r"pour\s+(?:voter|le\s+vote)\b|en\s+application\b[^:\n]{0,100}|lors\b[^:\n]{0,60}|\([^)]{0,40}\)|\[[^\]]{0,10}\]|"
              # "Étaient présents Mesdames et Messieurs :", "… Mesdames et Messieurs les conseillers municipaux :"
              # "Etaient présents Mesdames et Messieurs les membres du Conseil Municipal :" (a compte rendu, 2015)
              # ("Étaient présents Mesdames et Messieurs les délégué(e)s du Pays :", a comité syndical of 2016)
              # ("Etaient présents MMES ET MS :", a conseil communautaire of 2019)
              r"(?:mesdames|messieurs|mmes|mm\.?|ms)(?:\s+et\s+(?:mesdames|messieurs|mmes|mm\.?|ms))?(?:\s+les\s+(?:conseill[eè]re?s"
              r"(?:\s+municipa(?:ux|les))?|membres(?:\s+du\s+conseil(?:\s+municipal|\s+communautaire|\s+syndical)?)?|"
              r"d[ée]l[ée]gu[ée](?:\(e\)|e)?s(?:\s+(?:du|de\s+la|de\s+l['’]|des)\s+[^:\n]{1,40})?))?)){0,2}"
              r"\s*:")
# Who the list is of, before its status: "Membres", "Conseillers municipaux", "Délégués", "Délégué suppléant",
# "Conseillers communautaires", "Élus" (an intercommunal council's delegates, a substitute sitting for one).
_SUBJECT = (r"(?:membre(?:s|\(s\))?|conseill[eè]re?s?|d[ée]l[ée]gu[ée]e?s?|[ée]lu(?:e|s|es|\(e\)s)?|titulaires?|suppl[ée]ante?s?)"
            r"(?:\s+(?:municipa(?:l|le|ux|les)|"
            r"communautaires?|d[ée]partementa(?:l|le|ux|les)|r[ée]giona(?:l|le|ux|les)|titulaires?|"
            r"suppl[ée]ante?s?))*")
# Between two status words of a heading: "absent, excusé", "absents et excusés", "ABSENTS - EXCUSES", "excusés/absents"
_STATUS_SEP = r"(?:\s*,\s*|\s+et\s+|\s+ou\s+|\s+[-–]\s+|\s*/\s*|\s+)"
# ("Noms des absents représentés :", a compte rendu of 2015; "Les membres présents en séance :", "Le ou les membre(s)
# absent(s) ayant donné un pouvoir :", a town's compte rendu of 2016)
_HEAD_VERB = r"(?:noms?\s+des\s+|(?:le\s+ou\s+)?les?\s+(?=" + _SUBJECT + r"))?(?:(?:[ée]tai(?:en)?ts?|sont|est|" + _SUBJECT + r")\s+)?"
# A heading run into its list without a colon ("Absents excusés Mme ARNAUD", "Présents Robert SAGUER, …"), and what
# may follow it: a civility and a name (whatever the heading's case), or a name as lists print them, initials first
# ("C. Rouquier", "J.-P. Fabrègues"), "Prénom NOM" or "NOM Prénom" (then only after a heading that opens with a capital)
RUN_IN_HEAD = (r"(?:(?:[ée]tai(?:en)?t|sont)\s+)?(?:pr[ée]sent|absent(?:e|s|es|\(e\)s|\(s\))?(?:\s+(?:non\s+)?excus[ée])?|"
                r"excus[ée])(?:e|s|es|\(e\)s|\(e\)|\(s\)|\(es\))?")
CIVILITY_THEN_NAME = r"(?-i:M\.|MM\.?|Mmes?|Mlle|Monsieur|Madame)\s+\p{Lu}"
LISTED_NAME = (r"(?-i:\p{Lu}\.\s*(?:-\s*\p{Lu}\.\s*)?\p{Lu}(?:\p{Ll}|\p{Lu}{2})|\p{Lu}\p{Ll}+(?:-\s?\p{Lu}\p{Ll}+)?\s+\p{Lu}{2,}|"
                r"\p{Lu}{2,}\s+\p{Lu}\p{Ll})")
ATTENDANCE_HEADINGS = formulas("ATTENDANCE_HEADINGS", [
    # people at the sitting who are not members (the secretary of the town hall, the director of services, the
    # press): their list ends the members' lists and gives no attendance row
    ("guests", r"(?:(?:assistai(?:en)?t|[ée]tai(?:en)?t)\s+(?:[ée]galement|en\s+outre|aussi)|[ée]galement\s+pr[ée]sent"
               r"(?:e|s|es|\(e?s?\))*)[^:\n]{0,40}:",
     ("Assistait également : Mme Sophie LEROY, secrétaire de mairie.", "Assistaient également à la séance :",
      "Également présents :", "Etait également présent :"), ()),
    # the town hall's staff: "Personnel administratif : Mrs MOULIN, PAGAT et VIALLON" (a commune's compte rendu, 2012)
    ("guests", r"personnel(?:\s+(?:administratif|communal|municipal))?(?:\s+pr[ée]sent)?\s*:",
     ("Personnel administratif : Mrs MOULIN, PAGAT et VIALLON",), ()),
    # the town hall's staff under the town hall's name: "Mairie : Myriam LE PAGE - Directrice générale des services"
    # (Aiglun 2012, a scan, right under "Absent sans pouvoir : Julien PONS")
    ("guests", r"mairie\s*:(?=\s*" + CIVILITY_THEN_NAME + r"|\s*" + LISTED_NAME + ")",
     ("Mairie : Myriam LE PAGE - Directrice générale des services",), ("Aiglun 2012",)),
    # substitutes who came but do not sit (their titular member is there): "SUPPLEANTS PRESENTS SANS VOTE :" (a conseil
    # communautaire, 2020)
    ("guests", r"suppl[ée]ante?s?\s+pr[ée]sente?s?\s+(?:sans\s+(?:droit\s+de\s+)?vote|non\s+votante?s?)\s*:",
     ("SUPPLEANTS PRESENTS SANS VOTE :", "Suppléants présents non votants :"), ()),
    # ("- Délégués suppléants : (Présents, mais assistant à la réunion sans voix délibérante)", a syndicat of 2009)
    ("guests", r"(?:d[ée]l[ée]gu[ée]s\s+)?suppl[ée]ante?s?\s*:\s*\([^)\n]{0,60}\bsans\s+voix\s+d[ée]lib[ée]ra(?:tive|nte)\s*\)",
     ("- Délégués suppléants : (Présents, mais assistant à la réunion sans voix délibérante)",), ()),
    ("excused_no_vote", r"excus[ée]*(?:\(e?s?\)|e?s?)?\s+sans\s+voix\s+d[ée]lib[ée]rative\s*:?",
     ("Excusés sans voix délibérative :",), ("Pas-de-Calais CP 2024",)),
    ("excused", r"absent(?:e|s|es)?\s+ayant\s+vot[ée]\s+par\s+procuration[^:]*:",
     ("Absents ayant voté par procuration en application de l'article L 2121-20 du Code Général des "
      "Collectivités Territoriales :",), ("Montpellier 2011-2014",)),
    ("excused", r"(?:procurations?|pouvoirs?)(?:\(s\))?(?:\s+de\s+vote)?(?:\s*\(\s*\d+\s*\))?\s*:",
     ("Procurations :", "Pouvoirs :", "Procurations (2) :", "Procuration(s) :", "Procurations de vote :",
      "‘Pouvoirs :"),
     ("Couthenans", "Putanges")),
    ("absent", _HEAD_VERB + r"absent(?:e|s|es|\(e?s?\))?\s+non\s+(?:excus|repr[ée]sent)[ée]*(?:e|s|es|\(e?s?\))*\s*:?",
     ("Absents non excusés :", "Absents non représentés :", "Absent(s) non excusé(s) :",
      "Conseillère absente non excusée", "Noms des absents non représentés :",
      "Le ou les membre(s) absent(s) non représenté(s) :"), ("Couthenans",)),
    # absent and represented by no one: "Absent sans pouvoir : Julien PONS" (Aiglun 2012, a scan)
    ("absent", _HEAD_VERB + r"absent(?:e|s|es|\(e?s?\))?\s+sans\s+(?:pouvoirs?|procurations?|excuses?)\s*:",
     ("Absent sans pouvoir : Julien PONS", "Absents sans procuration :"), ("Aiglun 2012",)),
    ("absent", r"(?:[ée]tai(?:en)?ts?\s+)?absent(?:e|s|es|\(e?s?\))?\s+et\s+absent(?:e|s|es|\(e?s?\))?\s+"
               r"excus[ée](?:e|s|es|\(e?s?\))*\s*:",
     # a list that merges the absent and the excused without saying who is which: absent, the weaker claim
     ("Absents et absent(s) excusé(s) :",), ("CC Lisières de l'Oise 2025",)),
    ("absent", r"(?:[ée]tai(?:en)?ts?\s+)?(?:absent(?:e|s|es|\(e?s?\))?\s+ou\s+excus[ée](?:e|s|es|\(e?s?\))*|"
               r"excus[ée](?:e|s|es|\(e?s?\))*\s+ou\s+absent(?:e|s|es|\(e?s?\))?)\s*:",
     ("Absents ou excusés :", "Excusés ou absents : GRIFFON Émile (ayant donné procuration à GUILLERMIN Thierry)"), ()),
    ("words", _HEAD_VERB + _STATUS_WORD + _STATUS_SEP + r"(?:(?:" + _STATUS_WORD + "|" + _PROXY_CLAUSE + r")"
              + _STATUS_SEP + r"?)*" + _HEAD_TAIL,
     ("Étaient présents :", "Etait absent, excusé et a donné pouvoir : Nadine MALHOMME à Georges CARRET",
      "Étaient présents Mesdames et Messieurs :", "Étaient présents Mesdames et Messieurs les conseillers municipaux :",
      "Étaient excusés et avaient donné pouvoir :",
      "Excusés ayant donné procuration :", "Absents ayant donné procuration à :", "Etait absent : Soraya BENBALA",
      "Absents excusés :", "Absentes excusées :", "Absents excusés ayant donné pouvoir :",
      "Absents représentés :", "Présents :", "Absents avec pouvoir :", "Absents et excusés :",
      "ABSENTS - EXCUSES :", "PRESENTS [13] :", "ABSENTS EXCUSES AYANT DONNE MANDAT DE VOTE [2]:",
      "Etaient présents Mesdames et Messieurs les membres du Conseil Municipal :", "Noms des absents représentés :",
      "Les membres présents en séance :", "Le ou les membre(s) absent(s) ayant donné un pouvoir :",
      "Représentés par pouvoir écrit (5) :", "Étaient présents les conseillers municipaux suivants :",
      "Etaient excusés/absents :", "Etaient présent.e.s :", "Etaient absent.e.s et excusé.e.s :",
      "Délégués titulaires présents et votants :", "TITULAIRES PRESENTS AVEC VOTE:",
      "Délégués Titulaires absent excusés non remplacés par leur suppléant:",
      "Étaient présents Mesdames et Messieurs les délégué(e)s du Pays :", "Elu(e)s présent(e)s :",
      "Présents Délégués titulaires / communes :", "Membres présents ou représentés :",
      "Etaient présents MMES ET MS :"),
     ("L'Arbresle 2013", "Bourg-en-Bresse 2016", "CC Lisières de l'Oise 2025", "Pas-de-Calais CP 2024",
      "Montpellier", "Putanges")),
    # the count, then the names: "Nombre de conseillers présents : 10 : BERTIN Gérard, MOREL Sylvie, …" (a commune's
    # compte rendu, 2022)
    # ("CONSEILLERS EN EXERCICE 15 : présents : 15 : VERNEUIL Patrick,LAFARGE Monique, …", a village of 2008)
    ("words", r"(?:nombre\s+de\s+" + _SUBJECT + r"\s+)?" + _STATUS_WORD + r"\s*:\s*\d{1,3}\s*:(?=\s*(?:"
              + CIVILITY_THEN_NAME + "|" + LISTED_NAME + "))",
     ("Nombre de conseillers présents : 10 : BERTIN Gérard", "présents : 15 : VERNEUIL Patrick"), ()),
    # everyone but the members named after it, without a colon: "Etaient présents tous les conseillers en exercice, à
    # l'exception de Messieurs Hervé COATANEA et Pascal TANGUY, absents excusés." (a commune's compte rendu, 2011)
    ("present", r"(?:[ée]tai(?:en)?t|sont)\s+pr[ée]sente?s?\s+tou(?:te)?s\s+les\s+(?:conseill[eè]re?s|membres|"
                r"d[ée]l[ée]gu[ée]e?s)[^:.;]{0,60}?(?=,?\s*(?:[àa]\s+l['’]exception\s+d|sauf\b|except[ée]))",
     ("Etaient présents tous les conseillers en exercice, à l'exception de Messieurs Hervé COATANEA",), ()),
    # the members present, by office, without a status word (the absent follow under their own headings): "Maire : H.
    # SCHWEITZER" / "Conseillers Municipaux : R. MAILLET, C. DEMAY, …" / "Procurations : …" (a procès-verbal, 2017),
    # "MAIRE :J-J. BRUGUIER," / "Adjoints : X. POUJOL, …" / "Conseillers : M. MALAVAL, …" (a compte rendu, 2020)
    ("present", r"(?:(?:le|la)\s+)?(?:maire|adjointe?s?(?:\s+au\s+maire)?|conseill[eè]re?s(?:\s+municipa(?:ux|les))?)\s*:"
                r"(?=\s*(?:" + CIVILITY_THEN_NAME + "|" + LISTED_NAME + r"|(?-i:\p{Lu}(?:\.|-\p{Lu}\.)\s*\p{Lu}{2,})))",
     ("Maire : H. SCHWEITZER", "Conseillers Municipaux : R. MAILLET, C. DEMAY", "MAIRE :J-J. BRUGUIER,",
      "Adjoints : X. POUJOL, V. MARTINI"), ()),
    # who attended, without a status word: "Assistaient à la séance :". As the first list, the members present; after
    # the members' lists, the people who are not members ("Assistaient à la réunion : Mesdames Laurence MAURER …", the
    # staff of a conseil de communauté, 2020): read as "Étaient également présents :" (extract.member_lists)
    ("guests", r"assistaient(?:\s+[àa]\s+la\s+(?:s[ée]ance|r[ée]union))?\s*:",
     ("Assistaient à la séance :", "Assistaient :"), ()),
    # "S'ÉTAIENT FAIT EXCUSER : Françoise CHAUVEAU (délégation de vote à Paul VERDELET)" (a département's
    # commission permanente, 2012)
    ("excused", r"s'[ée]tai(?:en)?t\s+fait(?:e|s|es)?\s+excuser\s*:", ("S'ÉTAIENT FAIT EXCUSER :",), ()),
    # a heading that is the proxy clause alone: "Avaient donné pouvoir :", "Ont donné procuration :"
    ("excused", r"(?:" + _SUBJECT + r"\s+)?(?:avai(?:en)?t|ont|a|ayant)\s+donn[ée]\s+(?:pouvoir|procuration|"
                r"d[ée]l[ée]gation)(?:\s+de\s+vote)?(?:\s*[àa]|\s+pour\s+voter)?\s*:",
     ("Avaient donné pouvoir :", "Ont donné procuration :", "Délégués ayant donné pouvoir :",
      "Avaient donné procuration pour voter :",
      "Conseillers ayant donné procuration :"), ("Dordogne CP sample (samples/)",)),
    # a heading in capitals without its colon, the first name right after it: "… sous la présidence de Monsieur Pascal
    # LORENZI, Maire. PRESENTS Pascal LORENZI, Fabien CORSINI, …" (a compte rendu, 2014)
    ("words", r"(?-i:(?:[ÉE]TAI(?:EN)?T\s+)?(?:PR[ÉE]SENTE?S?|ABSENTE?S?(?:\s+EXCUS[ÉE]E?S?)?|EXCUS[ÉE]E?S?|"
              r"REPR[ÉE]SENT[ÉE]E?S?|POUVOIRS|PROCURATIONS))(?=\s+(?:M\.|MM\.?|Mmes?|Monsieur|Madame|"
              # (or initials: "EXCUSE I. COUSSEAU (pouvoir à …) - … JL PASQUIER", a commune of 2014)
              r"(?-i:\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?\s+\p{Lu}|\p{Lu}{2,}\s+\p{Lu}\p{Ll}|\p{Lu}\.\s*(?:-?\s*\p{Lu}\.\s*)?"
              r"\p{Lu}{2,}|(?!(?:DE|DU|LA|LE|EN|AU)\b)\p{Lu}{2}\s+\p{Lu}{3,})))",
     ("PRESENTS Pascal LORENZI, Fabien CORSINI", "ABSENTS EXCUSES M. Paul DURAND", "EXCUSE I. COUSSEAU",
      "EXCUSES JL PASQUIER"), ()),
    # … or in small letters, a civility right after it: "… Mrs MOULIN, PAGAT et VIALLON Absents excusés Mme ARNAUD qui
    # avait donné pouvoir à Mme RIVOIRE … Absents M. DESCOURS" (a commune's compte rendu, 2012)
    # ("Sont excusés M. Guy MOREL qui donne pouvoir …", "Sont présents, Mmes Véronique DUPONCHEL, …", 2017)
    # … or a name as a list prints it, the heading's first letter a capital: "Présents Robert SAGUER, Lucien CODINA,
    # …", "Absents non excusés Sandrine SERRA" (an extract of a conseil de communauté, 2019), "Présent(e)s C. Rouquier,
    # Président, E. Delbos, …" (a conseil communautaire, 2013), "Sont excusés Françoise MAZAUD (pouvoir donné à …)"
    # (a procès-verbal, 2019)
    ("words", r"(?:(?-i:(?=\p{Lu}))" + RUN_IN_HEAD + r"(?=\s*,?\s+(?:" + CIVILITY_THEN_NAME + "|" + LISTED_NAME + r"))|"
              + RUN_IN_HEAD + r"(?=\s*,?\s+" + CIVILITY_THEN_NAME + "))",
     ("Absents excusés Mme ARNAUD qui avait donné pouvoir à Mme RIVOIRE", "Absents M. DESCOURS",
      "Sont excusés M. Guy MOREL qui donne pouvoir à Mme Marie-Christine BOUTON",
      "Sont présents, Mmes Véronique DUPONCHEL, Marie-Christine BOUTON", "Présents Robert SAGUER, Lucien CODINA",
      "Présent(e)s C. Rouquier, Président, E. Delbos",
      "Excusé(e)s S. Carrière, L. Bouyssou", "Sont excusés Françoise MAZAUD (pouvoir donné à Nadine COUTY)"), ()),
    ("words", _HEAD_VERB + _STATUS_WORD + _HEAD_TAIL,
     ("Excusé(s) :", "Absent(s) :", "Présents :", "Etaients présents :", "Présent(e)s :", "Délégués présents :",
      "Délégués absents :", "Délégué suppléant présent :", "Conseillers communautaires présents :",
      "Élus présents :"),
     ("Pas-de-Calais CP 2024", "Couthenans", "Putanges", "Montpellier")),
], anchored="bulleted")
# The start of a heading that wraps before its colon, completed with one: "Absents ayant voté par procuration en
# application de l'article L 2121-20 du Code Général des" (Montpellier CR 2011), "Excusés sans" / "voix délibérative
# :" (Pas-de-Calais CP 2024).
ATTENDANCE_WRAPPED = formulas("ATTENDANCE_WRAPPED", [
    ("wrapped", r"absent(?:e|s|es|\(e?s?\))?\b.*:", ("Absents ayant voté par procuration en application de l'article "
                                                    "L 2121-20 du Code Général des :",), ("Montpellier 2011",)),
    ("wrapped", r"excus[ée]*(?:e|s|es|\(e?s?\))?\s*sans\b.*:", ("Excusés sans :",), ("Pas-de-Calais CP 2024",)),
], anchored="bulleted")
# An attendance list printed as a table: the header cell of each column says what a mark in it means (a name in a
# proxy column is the holder). "Nom Prénom | Présent | Absent excusé | Absent | Pouvoir à" (a presence table).
ATTENDANCE_TABLE_COLUMNS = formulas("ATTENDANCE_TABLE_COLUMNS", [
    # one column whose cells say each member's status in words ("Conseillers municipaux | Présence": "Présent",
    # "Excusé", "Pouvoir à Jean DUPONT"), read by STATUS_CELL
    ("status", r"pr[ée]sences?\b|statut|situation|pr[ée]sent\s*/\s*absent", ("Présence", "Statut",
                                                                           "Présent / Absent"), ()),
    ("proxy", r"pouvoir|procuration|repr[ée]sent[ée]\s+par|mandataire", ("Pouvoir à", "Procuration donnée à",
                                                                        "Représenté par"), ()),
    ("absent", r"absent(?:e|s|es|\(e?s?\))?\s+non\s+excus", ("Absent non excusé",), ()),
    ("excused", r"excus", ("Absent excusé", "Excusé"), ()),
    ("absent", r"absent", ("Absent",), ()),
    ("present", r"pr[ée]sent", ("Présent", "Présents"), ()),
    ("name", r"\bnoms?\b|pr[ée]noms?|[ée]lus?|conseill[eè]re?s?|membres?|d[ée]l[ée]gu[ée]s?", ("Nom Prénom", "Élus",
                                                                                         "Conseillers"), ()),
], anchored=False)
# What a scan's speck after a lone mark or letter is read as: "X.", "P .", "p:", "P'".
SPECK_TAIL = r"\s*[.,:;'’`]?\s*$"
# A cell, or the piece of a member's row, that says their status in words: "Présent", "Absente excusée", "Pouvoir à
# Jean DUPONT" (the holder in ``to``). Whole cells only.
STATUS_CELL = formulas("STATUS_CELL", [
    ("excused", r"(?:absente?\s+(?:ayant\s+)?(?:donn[ée]\s+)?)?(?:pouvoir|procuration|mandat)(?:\s+donn[ée]e?)?\s+[àa]\s+"
                r"(?P<to>\p{Lu}.*)$", ("Pouvoir à Jean DUPONT", "procuration donnée à M. DUPONT",
                                              "Absent ayant donné pouvoir à Marie PETIT"), ()),
    ("excused", r"repr[ée]sent[ée]e?\s+par\s+(?P<to>\p{Lu}.*)$", ("Représentée par Mme Anne MARTIN",), ()),
    ("absent", r"absente?\s+non\s+excus[ée]e?\s*\.?\s*$", ("Absent non excusé",), ()),
    ("excused", r"(?:absente?\s+)?excus[ée]e?\s*\.?\s*$", ("Excusé", "Absente excusée", "excusée"), ()),
    ("absent", r"absente?\s*\.?\s*$", ("Absent", "absente"), ()),
    ("present", r"pr[ée]sente?\s*\.?\s*$", ("Présent", "présente"), ()),
    # the codes of a presence column whose header gives them ("Présence (P, A, E)"): P, E or AE, A
    # (OCR reads a lone letter in small letters, and a scan's speck after it as a stop: "p", "P.", "p:")
    ("present", r"P" + SPECK_TAIL, ("P", "P.", "p", "p:"), ()),
    ("excused", r"A?E" + SPECK_TAIL, ("E", "AE"), ()),
    ("absent", r"(?-i:A)" + SPECK_TAIL, ("A",), ()),
])
# A cell that marks a status: "X", "x", "✓", "oui", "P", "1" (and "X." where a scan's speck is read as a stop).
STATUS_MARK = compile_pattern(r"^\s*(?:[xX✓✔☑●•*]|oui|OUI|P|1)" + SPECK_TAIL)
# Where a member's name starts, as a list prints it: a civility, "Prénom NOM" or "NOM Prénom" (what may follow a
# sub-heading's colon, a rank, the stop before a sentence that is not a heading)
NAME_START = r"(?:(?:M\.|Mme|Mlle|Monsieur|Madame)\s|\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?\s+\p{Lu}{2,}|\p{Lu}{2,}\s+\p{Lu}\p{Ll})"
# A piece of a line that may be one member as lists print them, whole: capitalised words, initials and particles, a
# civility ("BOUSQUET L.", "Gilles Roumieu", "DUVERGER-LEFORT", "M. Jean DUPONT", "Marie de la FONTAINE"); the pieces
# of a row of names printed in columns
NAME_LIKE = compile_pattern(r"^\s*(?:(?:M\.|MM\.|Mme|Mmes|Mlle|Monsieur|Madame|Mr)\s+)?(?:\p{Lu}[\p{L}'’.-]*|de|du|des|d['’]|la|le|"
                          r"van|von)(?:\s+(?:\p{Lu}[\p{L}'’.-]*|de|du|des|d['’]\p{Lu}[\p{L}'’-]*|la|le|van|von)){0,5}\s*$",
                          regex.VERSION1)
# A member named in a list without separators: a civility and a name, or "Prénom NOM".
# ("Valérie L’HOSTE", "Josiane VAN DAMME-LACOSTE", a procès-verbal of 2018; surname first, "DEMANGE Patrice
# DESFOSSEZ Cédric", a syndicat's of 2020)
PERSON_IN_LIST = compile_pattern(r"(?:\b(?:M\.|Mme|Mlle|Monsieur|Madame)\s+\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)*)|(?:\b\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?\s+"
                               r"(?:\p{Lu}['’])?\p{Lu}{2,}(?:[- ]\p{Lu}{2,})*\b)|(?:\b\p{Lu}{2,}(?:[- ]\p{Lu}{2,})*\s+\p{Lu}\p{Ll}+"
                               r"(?:-\p{Lu}\p{Ll}+)?\b)", regex.VERSION1)
# How a heading's words give a status, the first match wins (meaning "words" above).
ATTENDANCE_WORDS = compile_rows([
    # (a delegate replaced by their substitute is excused, as in SUBSTITUTE below; "non remplacés" says nothing)
    # (a list of the members present or represented holds mostly the present: "Membres présents ou représentés :")
    ("present", r".*pr[ée]sent(?:e|s|es|\(e?s?\))*\s+ou\s+repr[ée]sent"),
    ("excused", r".*(?:pouvoir|procuration|d[ée]l[ée]gation|repr[ée]sent|(?<!non\s)remplac)"),
    ("absent", r".*non\s+excus"),
    ("excused", r".*excus"),
    ("absent", r".*absent"),
    ("present", r".*pr[ée]sent"),
])
# A delegate replaced by their substitute, among the members present: "Mmes DUPIN Sylvie remplacée par sa suppléante
# LAFFITTE Corinne" (a syndicat's comité, 2021), "M. Paul MARTIN représenté par son suppléant M. Luc PETIT". The
# delegate is excused (no proxy: the substitute votes in their own right), the substitute present.
SUBSTITUTE = compile_pattern(r"(?P<who>.+?)\s*,?\s+(?:remplac[ée]e?|repr[ée]sent[ée]e?|suppl[ée]{2}e?)\s+par\s+"
                           r"(?:(?:son|sa|leur)\s+)?(?:d[ée]l[ée]gu[ée]e?\s+)?suppl[ée]ante?\s*:?\s+(?P<sub>.+)",
                           regex.IGNORECASE | regex.VERSION1)
# Sub-headings inside a list that do not change the status: "Titulaires :", "Suppléants :" (delegates of an EPCI,
# CC Lisières de l'Oise 2025).
# The member commune or intercommunalité a syndicat's delegates sit for, printed before them: "Commune de Vallérac :
# Monsieur Charrier Commune de Borne : Monsieur Bellini, Commune d' : Messieurs Perrier, Vernet" (2019, some names left
# blank), "CDC DU LOUVADAIS :BOYER Gérard (T), …" (2022). A sub-heading of the list (ATTENDANCE_SUBHEADING), and a
# separator inside it (MEMBER_COMMUNE_LABEL).
# ("Délégués de la Communauté de Communes du Haut-Orbène :", a comité syndical's compte rendu of 2020)
_MEMBER_COMMUNE = (r"(?i:(?:d[ée]l[ée]gu[ée]s|repr[ée]sentants|membres)\s+(?:de\s+la|du|de\s+l['’]|des)\s+)?"
                   r"(?-i:Commune|Ville|COMMUNE|VILLE|CDC|CC|CA|Communaut[ée]|COMMUNAUT[ÉE])\b[^:,;]{0,60}?\s*:")
# ("Membres suppléants avec Voix Délibératives :", a comité syndical of 2009)
_SEAT_KIND = (r"(?:(?:d[ée]l[ée]gu[ée]s|membres)\s+)?(?:titulaires?|suppl[ée]ants?)(?:\s+(?:avec|sans)\s+voix\s+"
              r"d[ée]lib[ée]ratives?)?\s*:")
ATTENDANCE_SUBHEADING = formulas("ATTENDANCE_SUBHEADING", [
    ("subheading", _SEAT_KIND,
     ("Titulaires :", "Suppléants :", "Membres suppléants avec Voix Délibératives :"), ("CC Lisières de l'Oise 2025",)),
    ("subheading", _MEMBER_COMMUNE, ("CDC DU CONFLUENT ARTIGUE :", "Commune de Borne :",
                                     "Délégués de la Communauté de Communes du Haut-Orbène :"), ()),
    # "Etaient présents :" / "Mesdames et Messieurs les Conseillers Municipaux :" / "- Ginette LACROIX, …" (2011)
    ("subheading", r"(?:mesdames|messieurs)(?:\s+et\s+(?:mesdames|messieurs))?(?:\s+les\s+conseill[eè]re?s"
                   r"(?:\s+municipa(?:ux|les))?|\s+les\s+membres|\s+les\s+d[ée]l[ée]gu[ée]s)?\s*:",
     ("Mesdames et Messieurs les Conseillers Municipaux :",), ()),
], anchored="bulleted")  # ("Présents :" / "- Délégués titulaires :" / "• Monsieur Gilles CHARPY,", a syndicat of 2009)
# The same sub-heading inside a run of names, after the stop or comma that ends the group before it ("…, LEMAIRE Didier.
# Membres suppléants avec Voix Délibératives : LEBLEU Agnès, …")
SEAT_KIND_INSIDE = compile_pattern(r"(?<=[.;,])\s*" + _SEAT_KIND, FLAGS)
# A late arrival noted beside a name: "Myriam TRAVERSA (arrivée au début de la délibération n°03)" (Aiglun 2013),
# "(arrivé au point 5)", "(arrivée à partir de la question 4)". The member is present; the points before were voted
# without them.
ARRIVAL = formulas("ARRIVAL", [
    ("arrived_at", r"arriv[ée]+e?s?\s+(?:au\s+(?:d[ée]but\s+(?:de\s+la|du)\s+)?|[àa]\s+(?:partir\s+de\s+)?(?:la\s+|l')?|"
                   r"lors\s+(?:de\s+la|du)\s+|pendant\s+(?:la|le)\s+)(?:d[ée]lib[ée]ration|point|question|dossier|"
                   r"affaire|rapport)\s*(?:n°\s*)?(?P<num>\d{1,3})\b",
     ("(arrivée au début de la délibération n°03)", "arrivé au point 5", "arrivée à partir de la question 4"),
     ("Aiglun 2013",)),
], anchored=False)

# Offices printed between the names of a list, which are not members: "M. Jean DUPONT, Maire, Mme Claire MARTIN,
# M. Paul PETIT, Adjoints, MM. …, Conseillers municipaux" (Putanges, Montpellier, Pierrefonds lists).
# An office printed beside names: "Maire", "1er Adjoint", "Conseillers municipaux", "Vice-présidente", "Délégué
# suppléant"
_OFFICE_WORD = (r"(?:(?:le|la|les)\s+)?(?:\d+\s*(?:er|[eè]re|[eè]me|e)\s+)?(?:Maire|Maires?[- ]adjointe?s?|Adjointe?s?"
                r"(?:\s+au\s+maire)?|Conseill[eè]re?s?(?:\s+(?:municipa(?:l|le|les|ux)|d[ée]l[ée]gu[ée]e?s?|communautaires?|"
                r"d[ée]partementa(?:l|le|les|ux)|r[ée]giona(?:l|le|les|ux)))*|Vices?-?\s?pr[ée]sidente?s?|Pr[ée]sidente?s?|"
                r"D[ée]l[ée]gu[ée]e?s?(?:\s+(?:titulaires?|suppl[ée]ants?))?|Titulaires?|Suppl[ée]ants?)")
ROLE_WORDS = compile_pattern(r"^\s*" + _OFFICE_WORD + r"\s*\.?\s*$", regex.IGNORECASE)
# The office that closes a group of names with its stop closes no list: "Présents : Nadège LARRIEU, Maire." /
# "Cédric BERGEON" / … / "Bernard CASTAING Adjoints." / "Damien PEYRELONGUE" … (a procès-verbal of 2018)
ENDS_WITH_OFFICE = compile_pattern(r"(?:,\s*|\s+)" + _OFFICE_WORD + r"\s*\.\s*$", regex.IGNORECASE)
# What an empty list prints instead of names: "Absent(s) : Aucun" (a SIVOS, 2014), "Excusés : néant", "Absents : /".
NO_ONE = compile_pattern(r"^\s*(?:aucun(?:e|\(e\))?|n[ée]ant|personne|sans\s+objet|/|-|–|0)\s*\.?\s*$", regex.IGNORECASE)
# An office printed after a member's name in a list, without a comma: "M.Delacroix Maire du Mesnil saint-Aubin",
# "Mme MORVAN déléguée du Mesnil saint-Aubin" (a syndicat's minutes, 2019). In small letters or capitalised, not in
# capitals (a surname).
OFFICE_AFTER_NAME = compile_pattern(
    r"(?<=\S)\s+(?:[Mm]aire(?:[- ][Aa]djointe?)?|[Aa]djointe?s?|[Dd][ée]l[ée]gu[ée]e?s?(?:\s+(?:titulaires?|suppl[ée]ante?s?))?|"
    r"[Cc]onseill[eè]re?s?(?:\s+[Mm]unicipa(?:l|le|ux|les))?|[Pp]r[ée]sidente?s?|[Vv]ices?[- ]?[Pp]r[ée]sidente?s?)"
    r"(?:\s+(?:de|du|des|d['’]|à|au|aux|de\s+la|de\s+l['’])\s*\S.*)?$", regex.VERSION1)
MEMBER_COMMUNE_LABEL = compile_pattern(r"(?:^|(?<=[\s,;.]))" + _MEMBER_COMMUNE + r"\s*", regex.VERSION1)
# ... or after them: "MM GUILLOT, PICARD et Mme RABIER pour BOURG LE VIDAME  MM RENAUD et P. CHAUVEAU pour
# BRESSEMONT" (a communauté de communes, 2016): the commune, in capitals, ends the group.
MEMBER_COMMUNE_AFTER = compile_pattern(r"\s+pour\s+(?:la\s+commune\s+(?:de\s+|d['’]\s*))?(?-i:\p{Lu}[\p{Lu}'’ -]*\p{Lu})"
                                     r"(?=\s{2,}|\s+(?:MM?\.?|Mmes?|M\.|Mme|Monsieur|Madame|Messieurs|Mesdames)\s|\s*[,;]|\s*$)",
                                     regex.VERSION1)
# An office printed before the next member's name, the comma after it left out: "…, Henri Bastide, Adjoints Evelyne
# Combes, …" (a commune's compte rendu, 2014)
OFFICE_BEFORE_NAME = compile_pattern(r"^\s*(?:Maire|Pr[ée]sidente?|Vices?[- ]?[Pp]r[ée]sidente?s?|Adjointe?s?|Conseill[eè]re?s?(?:\s+[Mm]unicipa(?:l|le|ux|les))?|"
                                   r"D[ée]l[ée]gu[ée]e?s?)\s+(?=\p{Lu})(?!(?i:municipa|communautaire|d[ée]l[ée]gu|titulaire|"
                                   r"suppl[ée]ant))", regex.VERSION1)
# A list heading that announces proxies ("Absents ayant donné pouvoir :", "Procurations :").
PROXY_HEADING_WORD = compile_pattern(r"procuration|pouvoir|d[ée]l[ée]gation|repr[ée]sent", regex.IGNORECASE)
# Names separated by spaced dashes ("Denis JUVIN - Catherine MARTEL", Flaux 2023), and the compound surname the
# same dash may join ("ROUVIER - COROUGE").
_FIRST_NAME = r"(?!(?:Mmes|Mme|Mlle|Mr|Messieurs|Mesdames|Monsieur|Madame)\b)\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?"
# Only beside a first name ("Philippe ROUVIER - COROUGE", "PUJOS - DARRIEU Marie"): between bare surnames the dash
# separates members ("MM. LANGLOIS - WAGNER - BENALI", a commune's minutes of 2017).
SPACED_SURNAME_HYPHEN = compile_pattern(
    # (the dash glued to the first part: "Marie-Odile BRIDOUX- VERSTRAETE", a compte rendu of 2015)
    r"(?:(?<=\b" + _FIRST_NAME + r"\s+)(?P<a>\p{Lu}{2,})\s*[-–]\s+(?P<b>\p{Lu}{2,}\b)(?!\s*\p{Ll})"
    r"|(?P<a>\b\p{Lu}{2,})\s+[-–]\s+(?P<b>\p{Lu}{2,})(?=\s+" + _FIRST_NAME + r"\b))", regex.VERSION1)
# (also after an initial's stop, "MIRAMOND P.– FONTANILLE S.", and doubled, "FAGES L. -- BOYER G", 2013)
DASH_SEPARATOR = compile_pattern(r"(?:\s+|(?<=\b\p{Lu}\.))[-–]{1,2}(?:\s+[-–]{1,2})*\s+", regex.VERSION1)
# Under a proxy heading, "grantor à holder": "Nadine MALHOMME à Georges CARRET" (L'Arbresle 2013), "Guillaume
# LACROIX à Sylviane CHENE" (Bourg-en-Bresse 2016), "MME Laurence CHAUVIN à Mr Michel SOISNARD" (Putanges 2019).
_HOLDER = r"(?P<to>(?:M\.|Mme|Mr|Monsieur|Madame|MME|\p{Lu}).+)$"
PROXY_PAIRS = formulas("PROXY_PAIRS", [
    ("proxy", r"(?i:procuration|pouvoir)\s+de\s+(?P<who>.+?)\s+[àa]\s+" + _HOLDER,
     ("Procuration de M. Jean DUPONT à Mme Claire MARTIN",), ()),
    ("proxy", r"(?P<who>.+?)\s+(?i:repr[ée]sent[ée]e?\s+)?par\s+" + _HOLDER,
     ("M. Henri GIRARD par Mme Claire MARTIN",), ()),
    ("proxy", r"(?P<who>.+?)\s+[àa]\s+" + _HOLDER,
     ("Nadine MALHOMME à Georges CARRET", "Guillaume LACROIX à Sylviane CHENE"),
     ("L'Arbresle 2013", "Bourg-en-Bresse 2016", "Putanges 2019")),
    # the "à" left out, two people each with a civility: the grantor, then the holder (Pierrefonds 2025, third
    # line of "Pouvoirs :" after two "Monsieur X à Monsieur Y")
    ("proxy", r"(?P<who>(?:Monsieur|Madame|M\.|Mme|Mr)\s+[^,;]+?)\s+"
              r"(?P<to>(?:Monsieur|Madame|M\.|Mme|Mr)\s+(?:(?!Monsieur|Madame|M\.|Mme|Mr)[^,;])+)$",
     ("Monsieur Jean-Claude THUILLIER Monsieur Michel LEBLANC",), ("Pierrefonds 2025",)),
], flags=regex.VERSION1)
# What a list of names may end with, after its last name: the quorum said in words. Not a name.
LIST_CLOSINGS = formulas("LIST_CLOSINGS", [
    ("quorum", r"\s+(?:formant|qui\s+forment|lesquels\s+forment|soit)\s+(?:ainsi\s+)?la\s+majorit[ée]\s+"
               r"(?:absolue\s+)?des\s+(?:membres|conseillers)[^,;:\n]*(?:\n[^,;:\n\p{Lu}]*)?",
     ("Paul DURAND formant la majorité des membres en exercice", "Anne PETIT, formant la majorité absolue des "
      "conseillers en fonction"), ()),
], anchored=False)
# A count printed after a list: "… Mme Sylvie VALENTE-LE HIR (25)" (CC Lisières de l'Oise 2025).
LIST_COUNT = compile_pattern(r"\s*\(\s*(?P<n>\d{1,3})\s*\)\s*\.?\s*$")

# A heading alone on its line without a colon, followed by the list on the next line ("Absent\nHélène",
# Couthenans 2021).
ATTENDANCE_BARE_HEADINGS = compile_rows([  # the heading is its own line
    ("absent", r"absent(?:e|s|es)?\s*$"),
    ("excused", r"excus[ée]*(?:e|s|es)?\s*$"),
    ("present", r"pr[ée]sent(?:e|s|es)?\s*$"),
])

# A member's status written after the name, on a line of its own: "Maryline : absente non excusée" (Couthenans
# 2023). Most specific first.
ATTENDANCE_INVERTED = compile_rows([
    ("absent", r"(?P<names>\p{Lu}[^:\n]{1,80}?)\s*:\s*absente?s?\s+non\s+excus[ée]*(?:e|s|es)?\s*\.?\s*$"),
    ("excused", r"(?P<names>\p{Lu}[^:\n]{1,80}?)\s*:\s*(?:absente?s?\s+)?excus[ée]*(?:e|s|es)?\s*\.?\s*$"),
    ("absent", r"(?P<names>\p{Lu}[^:\n]{1,80}?)\s*:\s*absente?s?\s*\.?\s*$"),
])

# A status note inside one entry of a list: "- Monsieur Jean-Claude THUILLIER (absent excusé)" (Pierrefonds).
ENTRY_STATUS = compile_pattern(r"\(\s*(?P<note>absente?s?\s+excus[ée]+e?s?|excus[ée]+e?s?|absente?s?"
                             r"(?:\s+non\s+excus[ée]+e?s?)?)\s*\)", regex.IGNORECASE)

# Proxies named later in a session record, in the body: "Madame Claverie (avec la procuration de Madame
# Capuozzi Boualam) sort de séance", "Messieurs Lannelongue (avec la procuration de Mme Deloncle), Bouillé …",
# "M. Passet avec sa procuration (H. Martin) sort de séance", "M. Passet et M. Subra avec leurs procurations
# (H. Martin et M. Morales)" (Montpellier CR 2011), "C. Dumont sort définitivement (avec la procuration de
# N. Canaud)" (Montpellier CR 2011-12). Groups: the holder(s) before, the grantor(s) after.
_BODY_NAME = r"(?:\p{Lu}\.\s*(?:-?\s*\p{Lu}\.?\s*)?)?\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)*"
_BODY_CIV = r"(?:(?:M\.|Mme|Mlle|Madame|Monsieur|Mesdames|Messieurs|MM\.)\s+)?"
BODY_PROXIES = [compile_pattern(p.replace("'", APOS), regex.VERSION1) for p in (
    r"(?P<holders>" + _BODY_CIV + _BODY_NAME + r")(?:\s+(?:sort(?:ent)?|entre(?:nt)?|revien(?:t|nent))(?:\s+"
    r"d[ée]finitivement)?(?:\s+(?:de|en)\s+(?:la\s+)?s[ée]ance)?)?\s*\(\s*avec\s+(?:la|sa)\s+procuration\s+de\s+"
    r"(?P<grantors>"
    + _BODY_CIV + _BODY_NAME + r")",
    r"(?P<holders>" + _BODY_CIV + _BODY_NAME + r"(?:\s+et\s+" + _BODY_CIV + _BODY_NAME + r")*)\s+avec\s+"
    r"(?:sa|leurs?)\s+procurations?\s*\(\s*(?P<grantors>[^)]+)\)",
)]

# --- What a document says it is: its designation, printed in its first lines. (kind, pattern, examples, seen_in).
# The first line that matches one of these, in reading order, names the document. "other" rows name documents that
# are not deliberations; they are classed "other" only when no attendance list and no vote is read in them (a
# deliberation may well cite an arrêté in its visas).
DOCUMENT_KINDS = formulas("DOCUMENT_KINDS", [
    ("session_record", r"(?:proc[èe]s[- ]verbal|compte[- ]rendu|extrait\s+du\s+proc[èe]s|registre\s+des\s+"
                       r"d[ée]lib[ée]rations\b.*\bs[ée]ance|r[ée]union\s+du\s+conseil)",
     ("PROCES-VERBAL DU CONSEIL MUNICIPAL", "COMPTE RENDU DE LA SEANCE DU", "Compte-rendu du conseil municipal du "
      "jeudi 19 décembre 2013"), ("Fargues-Saint-Hilaire 2018", "L'Arbresle 2013", "Aiglun 2013")),
    ("deliberation", r"(?:extrait\s+du\s+registre|d[ée]lib[ée]ration\s+(?:du|de\s+la|n°)|r[ée]publique\s+fran[çc]aise"
                     r".{0,40}d[ée]lib)",
     ("DELIBERATION du CONSEIL MUNICIPAL", "EXTRAIT DU REGISTRE DES DELIBERATIONS", "DELIBERATION DE LA COMMISSION "
      "PERMANENTE"), ("Bourg-en-Bresse 2016", "Montpellier 2014", "Pas-de-Calais CP 2024")),
    # a decision the mayor or president takes alone, by delegation: "DÉCISION DU MAIRE N° 2024-05" (not a
    # "Décision modificative", a budget deliberation)
    ("decision of the mayor or president", r"^\s*d[ée]cision\s+(?:du\s+(?:maire|pr[ée]sident)|municipale|n°)",
     ("DÉCISION DU MAIRE N° 2024-05", "Décision du Président n° 2023-118"), ()),
    ("arrêté", r"(?:arr[êe]t[ée]\s+(?:pr[ée]fectoral|municipal|du\s+maire|du\s+pr[ée]sident|n°)|le\s+pr[ée]fet\s+d)",
     ("ARRÊTÉ PRÉFECTORAL N° 2025-132-003", "LE PRÉFET DES ALPES-DE-HAUTE-PROVENCE"),
     ("Préfecture des Alpes-de-Haute-Provence 2025",)),
    ("convocation", r"convocation\s+(?:au|du|[àa]\s+la\s+s[ée]ance)|ordre\s+du\s+jour\s*$",
     ("Convocation au conseil municipal",), ()),
    ("bulletin", r"(?:bulletin|lettre)\s+(?:d'information|municipal)|journal\s+municipal|la\s+lettre\s+de\b",
     ("Bulletin d'information municipal – n°42 – juin 2024", "La Lettre de Beaumarais"),
     ("samples/not-a-deliberation.pdf",)),
    ("budget document", r"(?:budget\s+primitif|compte\s+administratif|d[ée]cision\s+modificative)\s+(?:\d{4}|de\s+l)",
     ("BUDGET PRIMITIF 2024",), ()),
    ("contract", r"(?:convention|contrat|avenant)\s+(?:de|d'|n°)", ("CONVENTION DE PARTENARIAT",), ()),
], anchored=False)
DOCUMENT_KIND_LINES = 40  # lines read from the top of the document for its designation

# --- Counts a document prints about its sitting: (field, pattern with a (?P<n>…) group, examples, seen_in). -----
_N = r"(?P<n>\d{1,3})"
PRINTED_COUNTS = formulas("PRINTED_COUNTS", [
    ("en_exercice", r"en\s+exercice\s*[:|]?\s*" + _N + r"\b",
     ("Nombre de Conseillers en exercice : 39", "Conseillers Municipaux en exercice : 23"),
     ("Bourg-en-Bresse 2016", "Fargues-Saint-Hilaire 2018", "L'Arbresle 2013")),
    ("en_exercice", _N + r"\s+(?:conseillers|membres|d[ée]l[ée]gu[ée]s)(?:\s+municipaux)?\s+en\s+exercice",
     ("23 conseillers en exercice",), ()),
    ("presents", r"(?:conseillers|membres)\s+pr[ée]sents\s*[:|]?\s*" + _N + r"\b",
     ("Nombre de conseillers présents : 21",), ("L'Arbresle 2013",)),
    ("presents", r"\(\s*" + _N + r"\s+pr[ée]sents?\b",
     ("(15 présents ; 6 pouvoirs)",), ("Fargues-Saint-Hilaire 2018",)),
    ("presents", r"\bpr[ée]sents?\s*[:|]\s*" + _N + r"\b(?!\s*(?:€|%|h\b|heures?))",
     ("Présents : 15", "En exercice : 19 Présents : 15 Votants : 17"), ()),
    # the count in the list's heading, or the three counts in a row after "en exercice"
    ("presents", r"\bpr[ée]sents?\s*\(\s*" + _N + r"\s*\)\s*:", ("Présents (15) :",), ()),
    ("presents", r"en\s+exercice\s*[:|]?\s*\d+\s*[,;–-]?\s*pr[ée]sents\s*[:|]?\s*" + _N + r"\b",
     ("Nombre de conseillers : en exercice 19, présents 15, votants 17",), ()),
    ("votants", r"(?:conseillers|membres)\s+votants\s*[:|]?\s*" + _N + r"\b",
     ("Nombre de conseillers votants : 28",), ("L'Arbresle 2013",)),
    # "Nombre de membres qui ont pris part à la délibération : 14" (Flaux's margin box, and many communes)
    ("votants", r"(?:qui\s+ont\s+)?pris\s+part\s+(?:au\s+vote|[àa]\s+la\s+d[ée]lib[ée]ration)\s*[:|]?\s*" + _N + r"\b",
     ("Nombre de membres qui ont pris part à la délibération : 14", "ayant pris part au vote : 12"), ()),
    ("votants", r"\bvotants\s*[:|]\s*" + _N + r"\b(?!\s*(?:€|%))", ("Votants : 27", "Présents : 15 Votants : 17"),
     ()),
    ("votants", r"en\s+exercice\s*[:|]?\s*\d+\s*[,;–-]?\s*pr[ée]sents\s*[:|]?\s*\d+\s*[,;–-]?\s*votants\s*[:|]?\s*"
                + _N + r"\b", ("Nombre de conseillers : en exercice 19, présents 15, votants 17",), ()),
    ("pouvoirs", r"\b" + _N + r"\s+(?:pouvoirs|procurations)\b", ("(15 présents ; 6 pouvoirs)",),
     ("Fargues-Saint-Hilaire 2018",)),
    ("pouvoirs", r"\b(?:pouvoirs|procurations|repr[ée]sent[ée]s)\s*[:|]\s*" + _N + r"\b(?!\s*(?:€|%))", ("Procurations : 6",), ()),
    ("pouvoirs", r"\b(?:pouvoirs|procurations|repr[ée]sent[ée]s)\s*\(\s*" + _N + r"\s*\)\s*:", ("Procurations (2) :",),
     ()),
], anchored=False, flags=FLAGS | regex.MULTILINE)

# --- Which date of the header is the sitting's: the words just before a date. ------------------------------
# A date after one of these is the sitting: "Séance publique du lundi 16 décembre 2011" (Montpellier CR 2011),
# "L'an deux mil dix-huit, le treize décembre" (Fargues 2018), "s'est réuni le …", "réunion du …".
SITTING_DATE_CONTEXT = compile_pattern(r"(?:s[ée]ance|r[ée]uni(?:on|e?s?)?|session|l'an\b|conseil\s+(?:municipal|"
                                     r"communautaire|d[ée]partemental|r[ée]gional)|assembl[ée]e)[^.;:]{0,40}$"
                                     .replace("'", APOS), regex.IGNORECASE)
# A date after one of these is not the sitting: the convocation, display, transmission or issue of the minutes
# ("Montpellier, le lundi 2 avril 2012" heading the minutes of 16 December 2011; "Date de Convocation : mardi 26
# janvier 2016", Bourg-en-Bresse 2016).
OTHER_DATE_CONTEXT = compile_pattern(r"(?:convocation|convoqu[ée]|affich[ée]|affichage|transmis|transmission|publi[ée]|"
                                   r"envoy[ée]|re[çc]u|accus[ée]|notifi[ée]|\p{Lu}[\p{L}-]+\s*,\s*le)[^.;]{0,30}$",
                                   regex.IGNORECASE | regex.VERSION1)

# The date of the minutes a sitting approves, never the sitting's own: "Approbation du procès-verbal de la séance du 28
# septembre 2020" (in the agenda of a CCAS's sitting of 18 January 2021).
APPROVED_MINUTES_DATE = compile_pattern(r"(?:approbation|adoption|approuv\w*|lecture)\s+(?:du|de\s+la|le|la)\s+"
                                      r"(?:proc[èe]s[- ]verbal|compte[- ]rendu)(?:\s+de\s+la\s+(?:derni[èe]re\s+)?"
                                      r"(?:s[ée]ance|r[ée]union)(?:\s+du\s+conseil(?:\s+\w+)?)?)?\s+(?:du|en\s+date\s+du)\s*$",
                                      regex.IGNORECASE)

# --- Layout: printed matter that is not the document's text. -----------------------------------------------------
# Stamps of the transmission to the préfecture (ACTES) and of receipt, printed over or beside the text.
STAMPS = formulas("STAMPS", [
    ("stamp", r"accus[ée]\s+de\s+r[ée]ception|re[çc]u\s+(?:le|en\s+pr[ée]fecture)\b|date\s+de\s+(?:t[ée]l[ée]transmission|"
              r"r[ée]ception\s+(?:en\s+)?pr[ée]fecture)|^\s*ID\s*:\s*\d{3}-\d{6,}|^\s*(?:Envoy[ée]|Re[çc]u|Publi[ée])\s+"
              r"(?:en\s+pr[ée]fecture\s+)?le\s+\d{2}/\d{2}/\d{4}\s*$",
     ("Accusé de réception en préfecture", "Reçu en préfecture le 12/12/2023", "ID : 030-213001142-20231117-DEL",
      "Date de télétransmission : 21/12/2023", "Envoyé en préfecture le 21/12/2023"),
     ("Flaux 2023 (préfecture du Gard stamp)",)),
], anchored=False)

# --- Header lines. ---------------------------------------------------------------------------------------
COLLECTIVITE = compile_pattern(
    r"^\s*(?:(?:D[ÉE]PARTEMENT|R[ÉE]GION|COMMUNE|VILLE|MAIRIE|M[ÉE]TROPOLE|COMMUNAUT[ÉE])\b.{2,80})$", regex.IGNORECASE)
# A collectivité named inside a sentence or after other words: "le Conseil Municipal de la Commune de FARGUES
# SAINT-HILAIRE, dûment convoqué" (Fargues 2018), "les membres du Conseil Communautaire de la Communauté de Communes
# des Lisières de L'Oise, légalement convoqués" (CC Lisières de l'Oise 2025), "Ville de Montpellier, le mercredi 22
# juin 2011" (Montpellier CR 2011), "Commune de L'Arbresle". The name runs over capitalised words and particles.
_PLACE_WORD = r"(?:\p{Lu}[\p{L}'’-]*|(?:d|l)['’]\p{Lu}[\p{L}'’-]*)"
_PLACE = _PLACE_WORD + r"(?:[\s-]+(?:(?:de|du|des|la|le|les|sur|sous|en|et|lès|lez|aux?)\s+)?" + _PLACE_WORD + r")*"
COLLECTIVITE_NAMED = formulas("COLLECTIVITE_NAMED", [
    ("commune", r"\b(?:(?-i:Commune|COMMUNE|Ville|VILLE|Mairie|MAIRIE))\s+(?:de\s+|d['’]\s?|du\s+)(?-i:" + _PLACE + r")",
     ("le Conseil Municipal de la Commune de FARGUES SAINT-HILAIRE, dûment convoqué", "Ville de Montpellier, le "
      "mercredi 22 juin 2011", "Commune de PUTANGES-LE-LAC"), ("Fargues-Saint-Hilaire 2018", "Montpellier CR 2011")),
    # the commune named by its council only: "Compte rendu du conseil municipal de Villeneuve-sur-Lot"
    ("commune", r"\bconseil\s+municipal\s+(?:de\s+|d['’]\s?)(?P<name>(?-i:" + _PLACE + r"))",
     ("Compte rendu du conseil municipal de Villeneuve-sur-Lot", "CONSEIL MUNICIPAL DE BEAUMONT"), ()),
    ("epci", r"\b(?-i:Communaut[ée]|COMMUNAUT[ÉE])\s+(?:de\s+communes|d['’]agglom[ée]ration|urbaine)\s+(?:de\s+|d['’]\s?|du\s+|des\s+)"
             r"(?-i:" + _PLACE + r")",
     ("les membres du Conseil Communautaire de la Communauté de Communes des Lisières de L'Oise, légalement",),
     ("CC Lisières de l'Oise 2025",)),
    ("departement", r"\b(?-i:D[ée]partement|D[ÉE]PARTEMENT)\s+(?:de\s+(?:la\s+|l['’])?|du\s+|des\s+|d['’])(?-i:" + _PLACE + r")",
     ("DEPARTEMENT DU PAS-DE-CALAIS",), ("Pas-de-Calais CP 2024",)),
    ("region", r"\b(?-i:R[ée]gion|R[ÉE]GION)\s+(?-i:" + _PLACE + r")", ("Région Hauts-de-France",), ()),
    # the collectivité named by its assembly: "CONSEIL RÉGIONAL DES HAUTS-DE-FRANCE", "Conseil départemental de la
    # Dordogne" (the SCDL export reads the kind from these words too); read within its line, as a name group
    ("region", r"(?P<name>\b(?-i:Conseil|CONSEIL)\s+(?-i:r[ée]gional|R[ÉE]GIONAL)\s+(?:(?:de\s+(?:la\s+|l['’])?|du\s+|des\s+|"
               r"d['’])\s?)?(?-i:" + _PLACE + r"))",
     ("CONSEIL RÉGIONAL DES HAUTS-DE-FRANCE", "Conseil régional Hauts-de-France"), ()),
    ("departement", r"(?P<name>\b(?-i:Conseil|CONSEIL)\s+(?-i:d[ée]partemental|D[ÉE]PARTEMENTAL)\s+(?:de\s+(?:la\s+|l['’])?|"
                    r"du\s+|des\s+|d['’]\s?)(?-i:" + _PLACE + r"))", ("Conseil départemental de la Dordogne",), ()),
], anchored=False)
# The council's own collectivité follows its name: "le Conseil Municipal de la Commune de …", "du Conseil
# Communautaire de la Communauté de Communes …".
COUNCIL_OF = compile_pattern(r"conseil\s+(?:municipal|communautaire|d[ée]partemental|r[ée]gional)\s+(?:de\s+la|du|de|des|"
                           r"de\s+l['’])\s*$", regex.IGNORECASE)
ASSEMBLY = compile_pattern(
    r"(?:COMMISSION\s+PERMANENTE(?:\s+DU\s+CONSEIL\s+D[ÉE]PARTEMENTAL|\s+DU\s+CONSEIL\s+R[ÉE]GIONAL)?"
    r"|CONSEIL\s+(?:MUNICIPAL|COMMUNAUTAIRE|D[ÉE]PARTEMENTAL|R[ÉE]GIONAL|M[ÉE]TROPOLITAIN)"
    r"|BUREAU\s+(?:COMMUNAUTAIRE|M[ÉE]TROPOLITAIN))", regex.IGNORECASE)
_OFFICE = (r"(?:(?:le|la|du)\s+(?:Maire|Pr[ée]sidente?)\s*,?\s*|(?:le|la)\s+doyen(?:ne)?\s+d'[âa]ge(?:\s+de\s+"
           r"l'assembl[ée]e)?\s*,?\s*|(?:le|la)\s+(?:premi[eè]re?|1(?:er|[eè]re))\s+adjointe?\s*,?\s*)?")
# ("sous la présidence de Mme. Hélène X", 2017; "sous la présidence du Maire, M BERTIN Gilles", 2022)
_CIVILITY = r"(?:(?:Monsieur|Madame|M\.|Mme\.?|Mr\.?|Mlle\.?|(?-i:M(?=\s+\p{Lu}{2})))\s+)?"
PRESIDENT = [
    # "PRESIDENCE DE MONSIEUR LUDOVIC LOQUET" (Pas-de-Calais): the header line, in capitals
    ("president", compile_pattern(r"PR[ÉE]SIDENCE\s+DE\s+(?:MONSIEUR|MADAME|M\.|MME)\s+(?P<name>[A-ZÀ-Ý' -]+?)\s*\.?$")),
    # "sous la présidence de Madame le Maire, Hélène Mandroux" (Montpellier), "sous la présidence de Monsieur le
    # doyen d'âge de l'Assemblée, Max LEVITA." (Montpellier 2014, the mayor's election),
    # "sous la Présidence de Monsieur Sébastien LEROUX." (Putanges); "présidé(e) par M. X"; "sous la présidence de
    # la première adjointe, Mme X"
    ("president", compile_pattern(
        (r"(?:sous\s+la\s+pr[ée]sidence\s+(?:de\s+|d'\s*|(?=du\s))|pr[ée]sid[ée]e?\s+par\s+)" + _CIVILITY + _OFFICE
         + _CIVILITY + r"(?P<name>(?-i:\p{Lu})[^,.;]+)")
        .replace("'", APOS), regex.IGNORECASE)),
    # "Président de séance : M. Jean DUPONT", "Présidence : Mme X", "Présidente : …" as a header line
    ("president", compile_pattern(
        (r"^\s*(?:[" + BULLETS + r"]\s*)?pr[ée]sid(?:ent|ente|ence)(?:\s+de\s+(?:la\s+)?s[ée]ance)?\s*:\s*" + _CIVILITY + _OFFICE
         + r"(?P<name>[^,.;\n]+)").replace("'", APOS), regex.IGNORECASE | regex.MULTILINE)),
    # "… Début de séance : 20H00 Président de séance : Monsieur Emile KOVACIC, Maire" (a commune of Alsace, 2017: the
    # line run into the header's others)
    ("president", compile_pattern(
        (r"\bpr[ée]sident(?:e)?\s+de\s+(?:la\s+)?s[ée]ance\s*:\s*" + _CIVILITY + _OFFICE + r"(?P<name>(?-i:\p{Lu})[^,.;\n]+)")
        .replace("'", APOS), regex.IGNORECASE)),
    # "M. Jean DUPONT, Maire, préside la séance", "Monsieur le Maire, Jean DUPONT, ouvre la séance"
    ("president", compile_pattern(
        # ("M. Joseph PIERAGGI, Président de la communauté de communes, constate que le quorum est atteint", a
        # conseil communautaire of 2019)
        r"(?:^|[.;]\s+)" + _CIVILITY + r"(?P<name>\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){1,3})\s*,\s*(?:Maire|"
        r"Pr[ée]sidente?)(?:\s+(?:de|du|des)\b[^,.;]{1,60})?\s*,\s*(?:(?:pr[ée]side|ouvre)\s+la\s+s[ée]ance|"
        r"d[ée]clare\s+(?:la\s+s[ée]ance\s+)?ouverte|constate\s+que\s+le\s+quorum)", regex.VERSION1)),
]
# The president named by the signature of a session record: "Madame Le Maire,\nHélène MANDROUX" at the end of the
# compte rendu (Montpellier CR 2011, whose header names no president); "Le maire, | Le secrétaire de séance" above
# "Daniel JUGY | Julien PONS" (Aiglun 2013: two columns, read one column at a time).
PRESIDENT_SIGNATURE = compile_pattern(
    r"(?m)^\s*(?:(?:Madame|Monsieur|M\.|Mme)\s+)?(?:[Ll]e|[Ll]a|LE|LA)\s+(?:[Mm]aire|MAIRE|[Pp]r[ée]sidente?|"
    r"PR[ÉE]SIDENTE?)\s*(?:,\s*|,?\s*\n\s*)"
    r"(?P<name>\p{Lu}[\p{Ll}'’]+(?:[- ]\p{Lu}[\p{Ll}'’]+)*\s+\p{Lu}{2,}(?:[- ']\p{Lu}{2,})*)\s*$",
    regex.VERSION1)
# The office of a session record's closing signature alone on its line, the signer's name some lines below, once
# a handwritten signature OCR'd as noise stands between them and mangles the first name ("Le Secrétaire, | Le
# Maire," … "Philippe GRANDIN | ästien LEROUX", Putanges 09/09/2024): the signer is the member of the lists whose
# surname is printed there (``deliberation.signature_president``).
# Who presides, named by their office ("Mme le Maire", "Le Président"): PRESIDENT_TITLE and the signature's office.
_PRESIDENT_OFFICE = r"(?:(?P<civility>M\.|Mme|Monsieur|Madame)\s+)?(?:le|la)\s+(?:Maire|Pr[ée]sidente?)"
SIGNING_OFFICE = formulas("SIGNING_OFFICE", [
    ("president", _PRESIDENT_OFFICE + r"\s*,?\s*$",
     ("Le Maire,", "Madame Le Maire,", "Le Président"), ("Putanges 2024", "Montpellier CR 2011")),
])
# A person named in a sentence: a civility or not, then capitalised words, initials and particles ("Mme Anne KLEIN",
# "Monsieur Grandin", "M. PERRAUD", "Mme Nolwenn LE BRIS", "Jean-Claude de la FONTAINE").
_SENTENCE_NAME = (r"(?-i:(?:(?:M\.|Mme|Mlle|Monsieur|Madame|Mr)\s+)?(?:(?:\p{Lu}[\p{L}'’-]*\.?|de|du|des|d'|la|le)\s+)*"
                  r"(?:\p{Lu}[\p{L}'’-]+|(?<=\p{Lu}{2,}\s)\p{Lu}\.))")  # (a final initial: "Mme PELTIER L. a été élue …")
# "Secrétaire : Mme CARON a été élue secrétaire de séance" (2023): the name stops where the sentence goes on
# ("Désignation du secrétaire de séance : Madame X est désignée secrétaire de séance", a comité syndical of 2011)
_SECRETARY_LINE = (r"(?:d[ée]signation\s+(?:du|de\s+la)\s+)?(?:secr[ée]taires?(?:\s+de\s+s[ée]ance)?|secr[ée]tariat\s+de\s+(?:la\s+)?s[ée]ance)\s*:\s*(?P<name>.+?)(?:\s+(?:(?:\S{1,2}\s+[ée]t[ée]|est)\s+)?"
                   r"(?:d[ée]sign[ée]|[ée]lu|nomm[ée])(?:\(e\)|e)?\b.*)?\s*\.?$")
SECRETARY = formulas("SECRETARY", [
    ("secretary", _SECRETARY_LINE, ("Secrétaire de séance : Julien PONS.", "Secrétaire : Mme Julie LEROY",
                                    "Désignation du secrétaire de séance : Madame Claudine ROUSSILLE est désignée "
                                    "secrétaire de séance"),
     ("Aiglun 2013", "Bourg-en-Bresse 2016")),
    # ("a été" as OCR may read it: "2 été", Flaux 31/03/2023)
    # (the name: the capitalised words just before the verb, "N° 59 - Election … Mme Anne KLEIN a été désignée …")
    ("secretary", r".*?(?P<name>" + _SENTENCE_NAME + r")\s+(?:(?:\S{1,2}\s+[ée]t[ée]|est)\s+)?"
                  r"(?:d[ée]sign[ée](?:\(e\)|e)?|[ée]lue?|nomm[ée]e?)\s+"
                  r"(?:en\s+tant\s+que\s+|comme\s+|en\s+qualit[ée]\s+de\s+)?secr[ée]taire",
     ("M. PERRAUD est désigné(e) en tant que secrétaire de séance.", "Mme Anne DUPONT a été élue secrétaire",
      "Monsieur Gilles GRANGE est élu secrétaire de séance.", "Mme Nolwenn LE BRIS a été désignée secrétaire de séance.",
      "Mme Sylvie COLAU est nommée secrétaire de séance.", "Monsieur Grandin est nommé secrétaire de séance"),
     ("L'Arbresle 2013", "Putanges 2022")),
    # the agenda's item that designates the secretary, the name after its colon: "▪ Désignation d'un secrétaire de
    # séance (article L.2121-15 du CGCT …). : Mme Anne-Marie DEFRANCE a été désignée." (CC Lisières de l'Oise 2025)
    ("secretary", r"(?:[-–•▪]\s*)?d[ée]signation\s+(?:d['’]\s*une?|du|de\s+la|des?)\s+secr[ée]taire(?:\s+de\s+s[ée]ance)?"
                  r"[^:]{0,160}:\s*(?P<name>.+?)(?:\s+(?:(?:\S{1,2}\s+[ée]t[ée]|est)\s+)?(?:d[ée]sign[ée]|[ée]lu|nomm[ée])(?:\(e\)|e)?"
                  r"\b.*)?\s*\.?$",
     ("▪ Désignation d'un secrétaire de séance (article L.2121-15 du CGCT applicable en vertu de l'article L. 5211-1 "
      "du CGCT). : Mme Anne-Marie DEFRANCE a été désignée.", "Désignation du secrétaire de séance : M. Paul PETIT"),
     ("CC Lisières de l'Oise 2025",)),
    # "Sur la proposition de Monsieur le Maire, le secrétaire de séance sera Monsieur Denis CHEVALLIER conformément
    # à l'article L 2121-15 …" (a commune's compte rendu, 2020)
    ("secretary", r".*?\b(?:le|la)\s+secr[ée]taire\s+de\s+s[ée]ance\s+(?:sera|est|a\s+[ée]t[ée])\s+"
                  r"(?P<name>(?:M\.|Mme|Monsieur|Madame)\s+\S.+?)(?:\s+(?:conform[ée]ment|en\s+application|selon)\b.*)?\s*\.?$",
     ("Sur la proposition de Monsieur le Maire, le secrétaire de séance sera Monsieur Denis CHEVALLIER conformément "
      "à l'article L 2121-15 du Code Général des Collectivités Territoriales.",), ()),
    ("secretary", r"(?:le\s+)?secr[ée]tariat(?:\s+de\s+(?:la\s+)?s[ée]ance)?\s+(?:a\s+[ée]t[ée]|est|sera)\s+assur[ée]\s+par"
                  r"\s*:?\s*(?P<name>.+?)\s*\.?$",
     ("Le secrétariat a été assuré par : Monsieur Bernard COQUEREL",), ()),
], anchored="bulleted")
# The line that names the secretary, which opens a section of its own.
SECRETARY_LINE = compile_pattern(r"^\s*(?:[" + BULLETS + r"]\s*)?" + _SECRETARY_LINE, FLAGS)  # (a bullet: "• Secrétaire …")
# The mayor or president named with their office in the list of members present ("Présents : M. Jean-Luc BONNET,
# Maire ; Mme Sophie CHAUVET, 1ère adjointe ; …"): who chairs the sitting when nothing else says it (the mayor
# presides the municipal council, CGCT L2121-14). Not a delegated mayor ("Maire délégué de …") nor a deputy.
LISTED_CHAIR = compile_pattern(r"(?:^|[,;:]|\bet\b)\s*(?P<name>[^,;:()]{3,60}?)\s*[,(–-]\s*(?:le\s+|la\s+)?"
                             r"(?:Maire|Pr[ée]sidente?)\b(?!\s*(?:d[ée]l[ée]gu|adjoint|de\s+(?:la\s+)?commission))",
                             regex.VERSION1)
# The line that names who chairs ("Président de séance : Yannig ROBIN, Maire."): a paragraph of its own, never the
# end of the attendance list above it.
PRESIDENT_LINE = compile_pattern(r"^\s*(?:[" + BULLETS + r"]\s*)?pr[ée]sid(?:ent|ente|ence)(?:\s+de\s+(?:la\s+)?s[ée]ance)?\s*:", FLAGS)
# "Étaient présents : tous les conseillers municipaux en exercice, à l'exception de : Mme X (pouvoir à M. Y), M. Z":
# everyone is present but the members named after the exception, who are absent (excused when they gave a proxy).
ALL_PRESENT = compile_pattern(r"\btou(?:te)?s\s+les\s+(?:conseill[eè]re?s|membres|d[ée]l[ée]gu[ée]e?s|[ée]lu(?:e|s|es)?)\b",
                            regex.IGNORECASE)
PRESENT_EXCEPT = compile_pattern(r"(?:^|\s)(?:[àa]\s+l['’]exception\s+d(?:e|u|es)|sauf|except[ée](?:e|s|es)?)\s*:?\s*",
                               regex.IGNORECASE)
# The line that names who presents a point ("Rapporteur : M. Eric RENAUD"): a paragraph of its own, neither the
# point's title nor the first words of its text.
RAPPORTEUR_LINE = compile_pattern(r"^\s*rapporteu(?:r|se)(?:\(e\)|e)?s?\s*:\s*\S", FLAGS)
# "N°2024-273", "n° 2013/45", "n° 24-CP-0412" (letters between the year and the rank), "N° 2024-04-17" (the
# sitting's month, then the rank), "N° 2024.00321" (a région's register)
NUMBER = compile_pattern(r"(?:^|\(|\s)(?:N°|n°|N\s?o\.?|Numéro)\s*(?P<num>[A-Z]{0,4}-?\s?\d{2,4}\s?[-/–.]\s?"
                       r"(?:[A-Z]{1,4}\s?[-/–]\s?)?\d{1,5}(?:[-/.]\d{1,5})?[A-Z]*)", regex.VERSION1)
# The object of a deliberation printed as its title: "Objet : Aide aux associations de l'insertion …"
OBJECT_LINE = compile_pattern(r"^\s*Objet\s*:\s*(?P<title>\S.{3,})$", regex.IGNORECASE)

# --- Deliberation body. ------------------------------------------------------------------------------------
VISA = compile_pattern(r"^\s*Vu\b", regex.IGNORECASE)
DECISION_OPEN = compile_rows([
    # "Après avoir délibéré, les Membres du Conseil Communautaire ont, à l'unanimité :" (CC Lisières de l'Oise,
    # 18/12/2025), "Après délibération, le Conseil municipal, à l'unanimité, décide"
    ("open", r"Apr[èe]s\s+(?:en\s+)?avoir\s+d[ée]lib[ée]r[ée]|Apr[èe]s\s+d[ée]lib[ée]ration\b"),
    ("open", r"D[ÉE]CIDE\s*:?\s*$"),
    ("open", r"D[ÉE]LIB[ÈE]RE\s*:?\s*$"),
])
# --- Decisions written as clauses, not numbered articles (communes). Each clause starts with the verb of the
# decision, the council being the subject of the lead sentence: "Après en avoir délibéré, le Conseil Municipal,
# à l'unanimité des Membres présents ; • Donne pouvoir à Monsieur le Maire … • Décide de s'acquitter des frais …
# • Charge Monsieur le Maire …" (Putanges registers); "En conséquence, il est demandé au Conseil Municipal :
# - d'approuver le projet de convention … - d'autoriser Madame le Maire … à signer …" (Montpellier 2013).
# Rows: (verb as the clause prints it in the 3rd person, the same verb in the infinitive).
CLAUSE_VERBS = [
    ("approuve", "approuver"), ("adopte", "adopter"), ("d[ée]cide", "d[ée]cider"), ("autorise", "autoriser"),
    ("charge", "charger"), ("donne", "donner"), ("valide", "valider"), ("fixe", "fixer"), ("accepte", "accepter"),
    ("dit", "dire"), ("pr[ée]cise", "pr[ée]ciser"), ("sollicite", "solliciter"), ("attribue", "attribuer"),
    ("d[ée]signe", "d[ée]signer"), (r"prend\s+acte", r"prendre\s+acte"), ("[ée]met", "[ée]mettre"),
    ("mandate", "mandater"), ("accorde", "accorder"), ("vote", "voter"), ("retient", "retenir"),
    ("confie", "confier"), ("arr[êe]te", "arr[êe]ter"), ("demande", "demander"), ("s'engage", "s'engager"),
    ("habilite", "habiliter"), ("opte", "opter"), ("renouvelle", "renouveler"), ("modifie", "modifier"),
    ("abroge", "abroger"), ("cr[ée]e", "cr[ée]er"), ("supprime", "supprimer"), ("instaure", "instaurer"),
    ("inscrit", "inscrire"), ("pr[ée]voit", "pr[ée]voir"), ("affecte", "affecter"), ("confirme", "confirmer"),
    ("ent[ée]rine", "ent[ée]riner"), ("reconduit", "reconduire"), ("octroie", "octroyer"), ("alloue", "allouer"),
    ("d[ée]l[èe]gue", "d[ée]l[ée]guer"), ("refuse", "refuser"), ("rejette", "rejeter"), ("c[èe]de", "c[ée]der"),
    ("acquiert", "acqu[ée]rir"), ("retire", "retirer"), ("d[ée]classe", "d[ée]classer"), ("classe", "classer"),
    ("impute", "imputer"), ("proc[èe]de", "proc[ée]der"), ("signe", "signer"), ("conclut", "conclure"),
]
_THIRD = "|".join(third for third, _ in CLAUSE_VERBS).replace("'", APOS)
_INFINITIVE = "|".join(inf for _, inf in CLAUSE_VERBS).replace("'", APOS)
# A clause: the verb first, capitalised or after a bullet, then a word ("Décide de", "Autorise Monsieur").
CLAUSE_START = compile_pattern(
    r"^\s*(?:(?P<bullet>[-–−•▪●◦➢✓\uf000-\uf0ff])\s*)?(?:(?:de\s+|d" + APOS + r"\s*)(?:" + _INFINITIVE + r")|(?:"
    + _THIRD + r"))\b(?=\s*\S)", regex.IGNORECASE | regex.VERSION1)
# The sentence that hands the clauses to the council, where the decision is not opened by DECISION_OPEN.
CLAUSE_LEAD = compile_rows([
    # "En conséquence, il est demandé au Conseil Municipal :", "il est proposé au Conseil Municipal :"
    # (Montpellier 2013), "Je vous propose :", "Le Conseil Municipal décide :"
    ("lead", r".{0,120}?\b(?:il\s+est\s+(?:donc\s+)?(?:propos|demand)[ée]\s+au\s+conseil|(?:vous\s+)?propose\s+"
             r"(?:au\s+conseil|de\s+bien\s+vouloir)|je\s+vous\s+(?:propose|demande))\b[^:]{0,80}:\s*$"),
    # "Le Conseil Municipal, après en avoir délibéré, décide :"
    ("lead", r".{0,160}?\b(?:d[ée]cide|d[ée]lib[èe]re)\s*:\s*$"),
])

# "Article 1 :", "Article   2   :", "Article 1  4   :" (the seed's text layer split 14), "ARTICLE 3 -"
ARTICLE = compile_pattern(r"^\s*Article\s+(?P<num>\d(?:\s{0,3}\d){0,2})(?:\s*(?:er|ier))?\s*[:\-–.]\s*(?P<rest>.*)$",
                        regex.IGNORECASE)
# Lines that start a vote: the counts, or a result formula.
_MINUTES_APPROVED = (r"(?:Le|La)\s+(?:proc[èe]s-verbal|compte[- ]rendu)\b[^.;:]{0,80}?\b(?:est|a\s+[ée]t[ée])\s+"
                     r"(?:approuv|adopt)[ée]")
VOTE_START = compile_rows([
    ("conditions", r"Dans\s+les\s+conditions\s+de\s+vote"),
    # "POUR | 21" (Fargues-Saint-Hilaire 2018: label and number in two columns)
    # … or before the next count: "Pour 13 / Contre 2 / Abstention 0" (not "Pour 2013, la Ville …", Montpellier)
    ("count", r"(?-i:POUR|Pour|CONTRE|Contre|ABSTENTIONS?|Abstentions?)\s*\|?\s*(?:\d+\s*(?:$|\()|\d{1,3}\s*[/;–-]|"
              r"\d{1,3}\s*,\s*(?i:contre|abstention))"),
    # "A L'UNANIMITE des votants (31 voix), 8 abstentions" (Bourg-en-Bresse 2016), "À l'unanimité, le conseil …"
    ("result", r"[àa]\s+l'unanimit[ée]"),
    ("count", r"(?:Pour|Contre|Abstentions?|Absents?\s+sans\s+d[ée]l[ée]gation(?:\s+de\s+vote)?|Votants?|"
              r"Exprim[ée]s?|Nombre\s+de\s+votants)\s*:"),
    # "(Adopté)", "Adopté à l'unanimité", not a decision verb ("➢ Approuve la proposition …", Putanges)
    ("result", r"\(?\s*(?:Adopt[ée]e?s?|Rejet[ée]e?s?|Approuv[ée]e?s?)\b(?!\s+(?:la|le|les|l'|un|une|des|du|de|d'|"
               r"ce|cette|ces|son|sa|ses|leur|leurs)\b)"),
    # "Le Conseil Municipal accepte d'ajouter à l'ordre du jour …", "Le Conseil Municipal donne également son
    # accord pour …" (Putanges registers: procedural decisions before the numbered deliberations)
    ("result", r"Le\s+Conseil(?:\s+Municipal)?\s+(?:[ée]galement\s+)?(?:adopte|approuve|rejette|accepte|refuse|"
               r"donne\s+(?:[ée]galement\s+)?son\s+accord)"),
    ("result", r"Votes?\s*:"),
    # "Vote à main levée : unanimité", "Votes pour : 12 ; votes contre : 2", "Suffrages exprimés : 14 – Pour : 12",
    # "DÉCISION : adopté à l'unanimité", "Unanimité" alone on its line
    ("result", r"Votes?\s+(?:[àa]\s+main\s+lev[ée]e|[àa]\s+bulletins?\s+secrets?|pour|contre)\s*:"),
    # "Le vote à main levée, conformément à l'article L.2121-21 du CGCT, donne le résultat suivant : UNANIMITE."
    # (CC Lisières de l'Oise 13/03/2025)
    ("result", r"Le\s+vote\s+[àa]\s+main\s+lev[ée]e\b"),
    # "▪ Approbation à l'unanimité du compte-rendu …" opening its line (not "a déjà recueilli votre approbation à
    # l'unanimité" in a sentence, Putanges 2022), and the approval of the minutes in a sentence (MINUTES_APPROVED)
    ("result", r"(?:approbation|adoption)\s+[àa]\s+l.unanimit"),
    # "Approbation à la majorité : 10 pour (8 + 2 procurations) et 5 contre (…)", "Accord à la majorité : 10 pour …"
    # (a commune's compte rendu, 2022)
    ("result", r"(?:approbation|adoption|accord|avis\s+favorable)\s+[àa]\s+la\s+majorit[ée]\b"),
    ("result", _MINUTES_APPROVED),
    ("count", r"Suffrages\s+exprim[ée]s\s*:"),
    ("result", r"D[ée]cision\s*:\s*(?:adopt|rejet|approuv)"),
    ("result", r"Unanimit[ée]\s*(?:\([^)]{0,40}\))?\s*\.?\s*$"),
    # "Voix pour : 13 ; Voix contre : 2"
    ("count", r"Voix\s+(?:pour|contre)\s*:"),
    # "Résultat du vote : Unanimité", "Décision adoptée à la majorité : 10 voix pour, 3 contre, 2 abstentions"
    ("result", r"R[ée]sultats?\s+d[ue]s?\s+votes?\s*:"),
    ("result", r"(?:D[ée]cision|D[ée]lib[ée]ration|Proposition|Motion)\s+(?:adopt[ée]e|rejet[ée]e|approuv[ée]e)\b"),
    # a ballot counted: "Après avoir procédé au dépouillement des votes et constatant que les projets ont recueillis
    # les voix suivantes : - 21 suffrages exprimés …" (Fargues-Saint-Hilaire 2018, the choice of a buyer)
    ("result", r"Apr[èe]s\s+avoir\s+proc[ée]d[ée]\s+au\s+d[ée]pouillement"),
    # "Vote favorable à l'unanimité." (Aiglun 2013), "Avis favorable à l'unanimité", "Vote défavorable"
    ("result", r"(?:Vote|Avis)\s+(?:favorable|d[ée]favorable)\b"),
    # "Pour à l'unanimité", "Pour, à l'unanimité" (Pierrefonds 2018-2023: the VOTE cell of a subsidy table row)
    ("result", r"Pour\s*,?\s*[àa]\s+l'unanimit[ée]"),
    # the counts opening the line ("12 voix pour, 3 abstentions"), "Résultat : adopté par 14 voix pour et 1
    # contre", "Votée à l'unanimité", "Voté à la majorité"
    ("count", r"\d+\s+voix\s+pour\b"),
    # a tally alone on its line: "15 pour" (a commune's compte rendu, 2019)
    ("count", r"\d{1,3}\s+(?:voix\s+)?pour\s*\.?\s*$"),
    ("result", r"R[ée]sultats?\s*:\s*(?:adopt|rejet|approuv|unanimit|\d)"),
    ("result", r"Vot[ée]e?s?\s+(?:[àa]\s+l'unanimit|[àa]\s+la\s+majorit|par\s+\d)"),
])
# Counts inside a vote, in every printed form. Each row: (field, pattern with a (?P<n>...) group).
NUM = r"(?P<n>\d+|[a-zéèêàâîôûç-]+(?:\s+et\s+[a-zéèêàâîôûç-]+)?)"
# After a count word: no colon ("Pour : 57 Contre : /" is a label after a count), unless the voters follow it,
# each with a civility ("2 contre : M. Paul DURAND, Mme Claire PETIT"; not "Pour : 56 Contre : Abstention :").
_NOT_A_LABEL = r"(?:(?!\s*:)|(?=\s*:\s*(?:M\.|MM\.|Mme|Mmes|Monsieur|Madame|Messieurs|Mesdames)\s))"
_NO_COUNT_BEFORE = r"(?<!\d\s{0,3}(?:voix|votes?)\s+)"
VOTE_COUNTS = compile_rows([
    # "Pour : 24 voix", "Contre : 0 voix", "Abstention : 15", "Absents sans délégation de vote : 5"
    ("pour", r"\bPour\s*:\s*" + NUM),
    # Label–number rows of a small table: "POUR | 21", "CONTRE | 1 (Jean Marie SALANON)" (Fargues-Saint-Hilaire
    # 2018), "Votants | 27"
    # "POUR 21 CONTRE 0 ABSTENTION 0" once the rows are read as one text: a capitalised label, its number, then
    # the end, a parenthesis or the next capitalised label (not "2 votes contre 1 abstention", Couthenans)
    # (not a label that follows its own count: "par 7 voix POUR 0 voix CONTRE 1 ABSTENTION", a commune of 2018)
    ("pour", _NO_COUNT_BEFORE + r"\b(?-i:POUR|Pour)\s*\|?\s*(?P<n>\d+)(?=\s*(?:$|\(|[-–,;/.]|\b(?-i:CONTRE|Contre|ABSTENTIONS?|Abstentions?)\b))"),
    ("contre", _NO_COUNT_BEFORE + r"\b(?-i:CONTRE|Contre)\s*\|?\s*(?P<n>\d+)(?=\s*(?:$|\(|[-–,;/.]|\b(?-i:POUR|Pour|ABSTENTIONS?|Abstentions?)\b))"),
    ("abstention", _NO_COUNT_BEFORE + r"\b(?-i:ABSTENTIONS?|Abstentions?)\s*\|?\s*(?P<n>\d+)(?=\s*(?:$|\(|[-–,;/.]|\b(?-i:POUR|Pour|CONTRE|Contre)\b))"),
    # "A L'UNANIMITE des votants (31 voix), 8 abstentions" (Bourg-en-Bresse 2016): the unanimity of those who
    # voted, with their number
    ("pour", r"\bunanimit[ée]\s+des\s+(?:votants|suffrages\s+exprim[ée]s|voix\s+exprim[ée]es)\s*\(\s*(?P<n>\d+)\s*"
             r"(?:voix|votes?|votants)?\s*\)"),
    # "Vote : Pour, 17" (Pierrefonds 2018)
    ("pour", r"\bVote\s*:\s*Pour\s*,\s*" + NUM),
    ("contre", r"\bContre\s*:\s*" + NUM),
    # "Adopté par 13 voix sur 15 votants"
    ("pour", r"\bpar\s+(?P<n>\d+)\s+voix\s+sur\s+\d+\b"),
    # "Adopté par 12 voix contre 3": the majority, then the minority
    ("pour", r"\bpar\s+(?P<n>\d+)\s+voix\s+contre\s+\d+\b"),
    ("contre", r"\bpar\s+\d+\s+voix\s+contre\s+(?P<n>\d+)\b"),
    # "À l'unanimité (19 voix)", "adopté à l'unanimité avec 25 voix" (a commune's compte rendu, 2021)
    ("pour", r"\bunanimit[ée]\s*\(\s*(?P<n>\d+)\s*(?:voix|votes?|votants)\s*\)"),
    ("pour", r"\bunanimit[ée]\s+(?:avec|par)\s+(?P<n>\d+)\s+(?:voix|votes?)\b"),
    # An election: the candidate's votes are the "pour" ("M. Paul PETIT obtient 10 voix et est élu", "a obtenu 21
    # voix"; GOLD.md convention)
    ("pour", r"\b(?:obtient|a\s+obtenu|ayant\s+obtenu|recueille|a\s+recueilli)\s+(?P<n>\d+)\s+(?:voix|suffrages)"),
    ("abstention", r"\bAbstentions?(?:\(s\))?\s*:\s*" + NUM),
    ("absents_no_delegation", r"\bAbsents?\s+sans\s+d[ée]l[ée]gation(?:\s+de\s+vote)?\s*:\s*" + NUM),
    # "par 20 voix pour, 3 contre et 4 abstentions", "14 pour / 0 contre / 0 abstention" (Couthenans),
    # "à la majorité des voix et une abstention" (Putanges 2019). The first match that reads as a count wins.
    # Not a label that follows a count: "Pour : 57 Contre : /" (Montpellier CR 2011-12) has no "57 contre".
    ("pour", r"\b(?:par\s+)?" + NUM + r"\s+(?:voix\s+|votes?\s+)?pour\b" + _NOT_A_LABEL),
    ("contre", r"\b" + NUM + r"\s+(?:voix\s+|votes?\s+)?contre\b" + _NOT_A_LABEL + r"(?!\s+\d+\s*(?:$|[.;,)]))"),
    ("abstention", r"\b" + NUM + r"\s+abstentions?\b" + _NOT_A_LABEL),
], anchored=False)
# Members named with their vote: the label, an optional count, then the names in parentheses or after "de" —
# "CONTRE | 1 (Jean Marie SALANON)" (Fargues-Saint-Hilaire 2018), "8 abstentions (groupe d'union de la droite et
# du centre et Mme VEILLEROT)" (Bourg-en-Bresse 2016), "Contre : 2 (M. X, Mme Y)" (Pierrefonds), "abstention de
# Monsieur BASILE". Groups: position word, names.
_POSITION = r"(?P<position>pour|contre|abstentions?|abstenus?|ne\s+prend\s+pas\s+part\s+au\s+vote|ne\s+prennent\s+pas\s+part\s+au\s+vote)"
NAMED_VOTERS = formulas("NAMED_VOTERS", [
    ("named", r"\b" + _POSITION + r"\s*[:|]?\s*(?:\d+|[a-zéèû-]+)?\s*(?:voix|votes?)?\s*\((?P<names>[^)]{3,200})\)",
     ("CONTRE | 1 (Jean Marie SALANON)", "Contre : 2 (M. DUPONT, Mme DURAND)",
      "Ne prend pas part au vote : 1 (M. Eric RENAUD)"),
     ("Fargues-Saint-Hilaire 2018", "Pierrefonds 2023")),
    ("named", r"\b(?:\d+|une?|deux|trois|quatre|cinq|six|sept|huit|neuf|dix)\s+(?:voix\s+)?" + _POSITION
     + r"\s*\((?P<names>[^)]{3,200})\)",
     ("8 abstentions (groupe d'union de la droite et du centre et Mme VEILLEROT)", "2 voix contre (M. A et M. B)"),
     ("Bourg-en-Bresse 2016",)),
    ("named", r"\b" + _POSITION + r"\s+(?:de|du)\s+(?P<names>(?:M\.|Mme|MM\.|Monsieur|Madame|Messieurs|Mesdames)"
     r"\s+[^.;:()]{2,120})",
     ("abstention de Monsieur BASILE",), ("Issue 15 (Lannion-style minutes)",)),
    # a count, the position, a colon, the names: "à la majorité (2 contre : MM. LOISEAU et NEAU)"
    ("named", r"\b(?:\d+|une?|deux|trois|quatre|cinq|six|sept|huit|neuf|dix)\s+(?:voix\s+)?" + _POSITION
     + r"\s*:\s*(?P<names>(?:M\.|Mme|MM\.|Monsieur|Madame|Messieurs|Mesdames)\s+(?:(?:MM?|Mmes?|Mlle)\.|[^.;:()]){2,120})",
     ("2 contre : MM. LOISEAU et NEAU", "1 abstention : Mme Claire PETIT", "2 contre : M. DUPONT, M. MARTIN"), ()),
    # the names, then how they voted: "M. DURAND et Mme PETIT votant contre", "Mme X s'abstenant"
    ("named", r"(?P<names>(?:M\.|Mme|MM\.|Monsieur|Madame|Messieurs|Mesdames)\s+[^.;:()]{2,120}?)\s+(?:votant\s+"
              r"(?P<position>pour|contre)|s['’](?P<position>abstenant))\b",
     ("M. DURAND et Mme PETIT votant contre", "Mme Claire PETIT s'abstenant"), ()),
], anchored=False)
# Words of a parenthesis that names a group, not members: "(groupe d'union de la droite …)", "(liste …)".
VOTER_GROUP = compile_pattern(r"^\s*(?:le\s+|la\s+|les\s+)?(?:groupes?|listes?|opposition|majorit[ée]|[ée]lus?)\b",
                            regex.IGNORECASE)

# A count printed as the whole council: "Pour à l'unanimité" gives no number for "pour" (Pierrefonds).
POUR_UNANIMOUS = compile_pattern(r"\bPour\s*,?\s*[àa]\s+l.unanimit", regex.IGNORECASE)
OUTCOMES = compile_rows([
    # "Proposition non retenue par le conseil municipal" (Couthenans 2021)
    ("rejected", r"\b(?:rejet[ée]e?s?|rejette|n.est\s+pas\s+adopt[ée]e?|non\s+adopt[ée]e?|non\s+retenue?s?|"
                 r"n'accepte\s+pas|n'adopte\s+pas|refuse)\b"),
    # "Le Conseil Municipal accepte …", "… donne son accord" (Putanges registers)
    ("adopted", r"\b(?:adopt[ée]e?s?|adopte|approuv[ée]e?s?|approuve|accepte|vote\s+favorable|(?:est|sont)\s+"
                r"(?:[ée]lue?s?|proclam[ée]e?s?\s+[ée]lue?s?|d[ée]sign[ée]e?s?)|donne\s+(?:[ée]galement\s+)?son\s+"
                r"accord)\b"),
], anchored=False)
# "à la majorité des voix et une abstention" (Putanges 2019): carried by the majority, unless the counts say the
# majority was against ("à la majorité (26 voix contre, 1 abstention et 3 pour)", Putanges 2022).
MAJORITY = compile_pattern(r"\b[àa]\s+la\s+majorit[ée]\b", regex.IGNORECASE)
# A vote printed inside a sentence: "Voter pour donner aux associations … : Vote : 14 pour / 0 contre / 0 abstention
# adopté" (Couthenans), "4 votes contre 8 votes pour".
# Two counts in a row: "0 contre, 0 abstention, 11 pour", "Adoption à 0 Contre, 0 abstention, 11 voix pour",
# "10 votes pour. 2 Abstentions", "2 votes contre 1 abstention 9 votes pour" (Couthenans 2022-2023), "12 POUR – 2
# CONTRE – 1 ABSTENTION".
_COUNT_TERM = r"\d+\s+(?:voix\s+|votes?\s+)?(?:pour|contre|abstentions?)\b"
# "… le compte rendu est adopté à l'unanimité." (Putanges registers: approval of the previous minutes);
# "Proposition non retenue par le conseil municipal." (Couthenans 2021).
# ("Excusés avec Délégation de vote : 6", "… qui ont pris part au vote : 11" are counts of the sitting, comptes rendus
# of 2021 and 2018)
VOTE_ANYWHERE = compile_pattern(r"\bVotes?(?<!\b(?:de|au)\s+Votes?)\s*:\s*(?:\d|pour\b|contre\b|[àa]\s+l.unanimit)|\b\d+\s+(?:voix\s+|votes?\s+)?pour"
                              r"\s*[/,]|\b\d+\s+votes?\s+(?:pour|contre)\b|\b" + _COUNT_TERM + r"\s*[,/.;–-]?\s*(?:et\s+)?"
                              + _COUNT_TERM + r"|\b(?:est|sont)\s+(?:adopt|approuv)[ée]e?s?\s+(?:[àa]\s+l.unanimit|"
                              r"[àa]\s+la\s+majorit|par\s+\d)"
                              r"|\bproposition\s+non\s+retenue\b"
                              # the outcome closing the paragraph: "… en 2020. Accepté à l'unanimité 13 pour" (2018)
                              r"|\b(?:adopt|approuv|accept|vot)[ée]e?s?\s+[àa]\s+(?:l.unanimit[ée]|la\s+majorit[ée])[^.;]{0,30}[.;]?\s*$"
                              # the council's decision with its vote, inside a paragraph: "… et après en avoir
                              # délibéré, le conseil municipal décide à l’unanimité de verser …" (a compte rendu, 2023)
                              r"|\b(?:conseil(?:\s+municipal|\s+communautaire|\s+syndical)?|comit[ée](?:\s+syndical)?|"
                              r"assembl[ée]e)\s*,?\s+(?:d[ée]cide|approuve|accepte|adopte|autorise|valide|vote|[ée]met|"
                              r"donne|refuse|rejette)\s*,?\s+(?:[àa]\s+l.unanimit|[àa]\s+la\s+majorit|par\s+\d)"
                              # … its subject a paragraph before: "CONSIDERANT qu'aucune remarque n'a été émise …,
                              # décide à l'unanimité d'adopter le procès-verbal" (a commune's register, 2017)
                              r"|\bd[ée]cide\s*,?\s+[àa]\s+l.unanimit"
                              # an election by the council: "… se porte candidat et est élu secrétaire de séance à
                              # l’unanimité." (a compte rendu, 2017)
                              r"|\b(?:est|sont)\s+(?:[ée]lu|d[ée]sign[ée]|nomm[ée])e?s?\b[^.;]{0,60}?[àa]\s+l.unanimit"
                              # "… donne le résultat suivant : UNANIMITE." (CC Lisières de l'Oise 13/03/2025)
                              r"|\br[ée]sultat\s+suivant\s*:\s*(?:unanimit|\d)", regex.IGNORECASE)
# The approval of the last sitting's minutes said in a sentence of its own, which names what it approves (the point
# it closes is titled by it; a row of VOTE_START): "Le procès-verbal de la séance du 6 mars 2025 est approuvé."
# (Pierrefonds 2024, 2025), "Le compte-rendu de la séance du … a été approuvé ;" (CC Lisières de l'Oise 18/12/2025).
MINUTES_APPROVED = compile_pattern(r"^\s*" + _MINUTES_APPROVED, FLAGS)
APPROVAL_TITLE = compile_pattern(r"^\s*(?:Approbation|Adoption)\s+(?:du|de\s+la|des)\b", regex.IGNORECASE)
# A vote given inside the decision sentence: "Après en avoir délibéré, le Conseil Municipal, à l'unanimité des
# Membres présents ;" (Putanges), "par 20 voix pour, 3 contre et 4 abstentions".
# ("… adopte par 10 POUR et 1 ABSTENTION (T MARCHAIS) le compte rendu", "rejette, par 7 CONTRE et 4 ABSTENTIONS",
# a commune's compte rendu, 2013)
INLINE_VOTE = compile_pattern(r"unanimit[ée]|\b\d+\s+voix\s+pour|\b[àa]\s+la\s+majorit[ée]|\b\d+\s+pour\b\s*[,/]|"
                            r"\bpar\s+\d+\s+(?:voix\s+)?(?:pour|contre)\b", regex.IGNORECASE)
# A decision of a list, opened by a bullet and its verb ("- approuve à l'unanimité le compte administratif 2023 ;",
# "- vote par 5 voix pour et 2 contre les taux …", "- autorise à l'unanimité le Maire …", a compte rendu sommaire):
# with INLINE_VOTE, a vote of its own.
LISTED_DECISION = compile_pattern(r"^\s*[-–−•▪●]\s*(?!(?:de|des|du|le|la|les|une?)\b)\p{Ll}[\p{Ll}éè]+[et]\b")
# The subject of a decision sentence without "Après en avoir délibéré": "Le Conseil Municipal, à l'unanimité des
# Membres présents, à l'exception de Monsieur X qui ne prend pas part au vote" (Putanges).
# Also a sentence that opens with its vote: "A l'unanimité des Membres présents, le Conseil Municipal ;",
# "Décide, à l'unanimité des Membres présents," (Putanges 2019).
# "Après avoir entendu cet exposé, le Conseil municipal, à l'unanimité des Membres présents :", "L'Assemblée
# accepte, à l'unanimité, l'ajout de deux rapports" (Putanges 2022).
DECISION_SUBJECT = compile_pattern(r"^\s*(?:(?:Le|Les\s+membres\s+du)\s+Conseil\b|L['’]Assembl[ée]e\b|"
                                 r"Apr[èe]s\s+avoir\s+entendu\b|D[ée]cide\s*,?\s+[àa]\s+l(?:a\s|['’])|"
                                 r"[AÀ]\s+l.unanimit[ée]|[AÀ]\s+la\s+majorit[ée])", regex.IGNORECASE)
# "à l'unanimité", "unanimement", and the common slip "l'unaminité"
UNANIMOUS = compile_pattern(r"\bunanimit[ée]|\bunanimement\b|\bunaminit[ée]", regex.IGNORECASE)

# --- Recusals: members who take no part. Each row: (kind, pattern found in the sentence). -----------------
_PART = r"(?:part\s+|pris\s+part\s+)?"
_DEBATE = r"(?:(?:ni\s+)?aux?\s+d[ée]bats?\s+(?:ni|et|,)\s*)?"  # "au débat ni", "ni aux débats ni"
RECUSALS = formulas("RECUSALS", [
    ("interested_absent", r"int[ée]ress[ée]*(?:e|s|es|\(e?s?\))?\s+[àa]\s+l'affaire\s+et\s+excus",
     ("intéressés à l'affaire et excusés, n'ont pas donné de délégation de vote",), ("Pas-de-Calais CP 2024",)),
    ("recused", r"int[ée]ress[ée]*(?:e|s|es|\(e?s?\))?\s+[àa]\s+l'affaire",
     ("intéressés à l'affaire, n'ont pris part ni au débat ni au vote",), ("Pas-de-Calais CP 2024",)),
    # "qui ne prend pas part au vote" (Putanges), "ne participe pas au vote", "ne participe pas au débat ni au
    # vote", "ne prend part ni au débat ni au vote"
    ("recused", r"ne\s+(?:prend|prennent|participe|participent|prenant|participant)\s+(?:pas|ni)\s+" + _PART
                + _DEBATE + r"(?:ni\s+)?au\s+vote",
     ("qui ne prend pas part au vote", "ne participent pas au vote", "ne participe pas au débat ni au vote",
      "M. DURAND ne participant pas au vote", "Mme X ne prenant pas part au vote"),
     ("Putanges 2019", "Montpellier CR 2011")),
    ("recused", r"ne\s+prenn?(?:d|ent)\s+part\s+ni\s+aux?\s+d[ée]bats?\s+ni\s+au\s+vote",
     ("Mme X ne prend part ni au débat ni au vote", "Mme X, concernée, ne prend part ni aux débats ni au vote"),
     ()),
    # "M. X s'abstient de prendre part au vote", "s'abstiennent de participer au vote"
    ("recused", r"s'abstien(?:t|nent)\s+de\s+(?:prendre\s+part|participer)\s+(?:aux?\s+d[ée]bats?\s+et\s+)?au\s+vote",
     ("M. Paul DURAND s'abstient de prendre part au vote",), ()),
    # "M.TANGUY précise qu'ayant pris part à la rédaction du document, il ne prendra pas part au vote."
    # (Pierrefonds 2017; the pronoun is resolved to the sentence's subject, see PRONOUN_SUBJECT)
    ("recused", r"ne\s+(?:prendr|participer)(?:a|ont)\s+pas\s+(?:part\s+)?" + _DEBATE + r"au\s+vote",
     ("il ne prendra pas part au vote",), ("Pierrefonds 2017",)),
    ("recused", r"n'(?:a(?:yant)?|ont)\s+pas\s+pris\s+part\s+" + _DEBATE + r"au\s+vote|n'(?:a|ont)\s+pris\s+part\s+ni\s+"
                r"au\s+d[ée]bat\s+ni\s+au\s+vote",
     ("n'ayant pas pris part au vote", "n'a pris part ni au débat ni au vote"), ("Montpellier 2013",)),
    # "Monsieur BAECHLER ne prenant pas part au vote" (Putanges 2019)
    ("recused", r"ne\s+prenant\s+pas\s+part\s+" + _DEBATE + r"au\s+vote",
     ("Monsieur BAECHLER ne prenant pas part au vote",), ("Putanges 2019",)),
    # "s'étant retiré(e) de la salle pour ce point", "s'est retirée pour ce vote"
    ("recused", r"s'(?:[ée]tant|est|sont)\s+retir[ée](?:\(e\)|e)?s?\b.{0,40}?\b(?:pour|pendant|lors)\s+(?:d[ue]|ce|le|la|les)"
                r"\s+(?:vote|point|d[ée]bat|d[ée]lib[ée]ration|dossier)",
     ("s'étant retirée de la salle pour ce point", "M. Paul DURAND, directement intéressé, s'est retiré lors du vote"),
     ()),
    # A departure is a movement, not a recusal, unless it is tied to a vote: "Madame le maire quitte la séance."
    # before the vote of the compte administratif, then "Madame le maire réintègre la séance" after it (Pierrefonds
    # 2018, 2023). "M. X sort de séance." between two items (Montpellier CR 2011) and "Mme SIGAUD … quitte la
    # séance à 22h24" (Pierrefonds 2017) are movements. See RETURNS and segment.DecisionMachine.close.
    ("departure", r"sort(?:ent)?\s+de\s+(?:la\s+)?(?:salle|s[ée]ance)",
     ("M. X sort de séance", "sortent de la salle"), ("Montpellier CR 2011",)),
    ("departure", r"quitte(?:nt)?\s+la\s+(?:s[ée]ance|salle)(?!\s+[àa]\s+\d)|se\s+retire(?:nt)?\b",
     ("Madame le maire quitte la séance.", "se retire"), ("Pierrefonds 2018",)),
], anchored=False)
# Words a recusal's names are sometimes cut at that name no member: an article or a preposition opening the "name"
# ("Les", "Pour la Sauvegarde du Patrimoine des Forêts du Compiégnois", Montpellier 2011, Pierrefonds 2025).
NOT_A_MEMBER = compile_pattern(r"^(?:les?|la|l['’]|des?|du|aux?|pour|par|sur|dans|en|et|avec|ces?|cette|son|sa|ses|leurs?)"
                             r"(?:\s|$)", regex.IGNORECASE)
# A member who left comes back: "Madame le maire réintègre la séance" (Pierrefonds), "M. X entre en séance",
# "reviennent en séance" (Montpellier CR 2011).
RETURNS = compile_pattern(r"\b(?:r[ée]int[èe]gre(?:nt)?|revien(?:t|nent)|rentre(?:nt)?|entre(?:nt)?|regagne(?:nt)?)\s+"
                        r"(?:en\s+|dans\s+)?(?:la\s+)?(?:s[ée]ance|salle)", regex.IGNORECASE)
# A recusal that says which vote it is about: "quitte la séance pour ce vote" (no return needed then).
# (or because the member is interested in the matter: "Mme Claire PETIT, intéressée, quitte la séance.")
DEPARTURE_FOR_VOTE = compile_pattern(r"\b(?:pour|pendant|lors\s+d[ue])\s+(?:le|ce|les|ces)\s+votes?\b|"
                                   r"\bint[ée]ress[ée](?:e|s|es|\(e?s?\))?\b", regex.IGNORECASE)
# Words that join names in a list ("A, B et C ainsi que Messieurs D et E") and name particles.
NAME_LINK = compile_pattern(r"et|ainsi|que|de|du|des|la|le|d'|l'|van|von|MM|Mmes|Mme|M|Mlle".replace("'", APOS),
                          regex.VERSION1)
# A line that starts a list of members ("Madame le Maire, Messieurs Lévita, …", Montpellier CR 2011).
NAME_LIST_START = compile_pattern(r"^\s*(?:M\.|MM\.|Mme|Mmes|Mlle|Monsieur|Madame|Messieurs|Mesdames)(?:\s|$)")
# Who presides, named by their office ("Mme le Maire ne prend pas part au vote", Montpellier CR 2011).
PRESIDENT_TITLE = compile_pattern(_PRESIDENT_OFFICE, regex.IGNORECASE)
# A signature for the president, not by them: "Pour le Maire et par délégation", "L'Adjoint délégué",
# "Pour Madame Le Maire, Monsieur le Premier Adjoint" (Montpellier CR 2011).
SIGNED_FOR_PRESIDENT = compile_pattern(r"\bpour\s+(?:(?:M\.|Mme|Monsieur|Madame)\s+)?(?:le|la)\s+(?:maire|pr[ée]sidente?)|"
                                     r"d[ée]l[ée]gation|adjointe?|vice-?\s?pr[ée]sidente?", regex.IGNORECASE)
PRESIDENT_TITLE_WORD = compile_pattern(r"Maire|Pr[ée]sidente?", regex.IGNORECASE)
# A description after the names of a recusal ("… membres du Conseil d'administration du G.I.P. ne prennent pas
# part au vote", "… administrateurs de la SERM", "… en tant que président de l'association").
# The point a recusal is about, when it says so: "ne participent pas au vote de l'affaire 64" (Montpellier CR 2011-12).
RECUSAL_TARGET = compile_pattern(r"\bau\s+vote\s+(?:de\s+l['’]affaire|du\s+point|du\s+dossier|"
                               r"de\s+la\s+d[ée]lib[ée]ration)\s+(?:n°\s*)?(?P<num>\d{1,3})\b", regex.IGNORECASE)
# A recusal whose subject is a pronoun: the member is the subject of the sentence ("M.TANGUY précise qu'…, il ne
# prendra pas part au vote", Pierrefonds 2017).
PRONOUN_SUBJECT = compile_pattern(r"(?:^|[\s,;])(?:il|elle)s?\s*$", regex.IGNORECASE)
# Where a sentence starts: after . ! ? that do not end a civility or an initial ("M. X", "J.-P. Y").
SENTENCE_START = compile_pattern(r"(?<!\b(?:M|MM|Mme|Mmes|Mlle|\p{Lu}))[.!?]\s+(?=\p{Lu})", regex.VERSION1)
# Names printed after the formula: "Les administrateurs de la SERM présents ne prennent pas part au vote :
# M. Lévita, S. Fleurence, M. Passet" (Montpellier CR 2011-12).
RECUSAL_NAMES_AFTER = compile_pattern(r"^\s*:\s*(?P<names>[^;]+)")
# The description may be capitalised: "Monsieur Joël LECOEUR, Administrateur au Crédit Agricole, ne prend pas part
# au vote" (Putanges 2019-11).
RECUSAL_DESCRIPTION = compile_pattern(
    r"(?<=\p{Lu}[\p{L}'’.-]*)[\s,]+(?i:en\s+(?:tant\s+que|qualit[ée]\s+de)\s+|(?:membres?|administrat(?:eur|rice)s?|"
    r"pr[ée]sidente?s?|repr[ée]sentante?s?|adh[ée]rente?s?|salari[ée]e?s?|conseill(?:er|[eè]re)s?|adjointe?s?|"
    r"int[ée]ress[ée]e?s?)\b).*$", regex.DOTALL | regex.VERSION1)
# The member's movement said between the names and the formula: "Mme Claire PETIT se retire et ne participe pas au
# vote", "M. Paul DURAND, conseiller intéressé, quitte la salle et ne prend part ni au débat ni au vote".
# The departures of RECUSALS, at the end of the text before the formula.
RECUSAL_MOVEMENT = compile_pattern(r"[\s,]*(?:" + "|".join(f.pattern.pattern for f in RECUSALS if f.meaning == "departure")
                                 + r")(?:\s+et)?[\s,]*$", FLAGS)
# --- Articles: what an article does. (kind, pattern at the start of the article's text). ------------------
ARTICLE_KINDS = compile_rows([
    ("imputation", r".{0,200}?\b(?:sont\s+imput[ée]e?s|imput[ée]e?s?\s+sur|imputation|seront\s+pr[ée]lev[ée]e?s\s+sur|"
                   r"pr[ée]lev[ée]e?s\s+sur\s+les\s+cr[ée]dits)"),
    # "Autoriser le Président du Conseil départemental à signer" (Pas-de-Calais), "D'autoriser Madame le Maire"
    # (Montpellier), "Autorise Monsieur le Maire ou son représentant à signer" (Putanges); not "D'autoriser le
    # dépôt d'une demande de subvention" (Montpellier 2013): someone is authorised.
    ("authorization", r"(?:D'|de\s+)?autoris(?:er|e)\s+(?:Monsieur|Madame|M\.|Mme|(?:le|la)\s+(?:Pr[ée]sidente?|"
                      r"Maire|Vice|Adjointe?|Directeur|Directrice|Conseill|Bureau|Commission|D[ée]partement))"),
    # "Donne pouvoir à Monsieur le Maire ou son représentant de signer …" (Putanges registers)
    ("authorization", r"(?:de\s+)?donn(?:er|e)\s+(?:pouvoir|d[ée]l[ée]gation|mandat)\s+[àa]\s+(?:le|la|Monsieur|"
                      r"Madame)\b.{0,120}?\bsign"),
    ("financing", r"(?:De\s+)?(?:valider|attribuer|accorder|approuver)\s+(?:le|la|les|une?|au)\s+"
                  r"(?:financement|participation|subvention|r[ée]partition|montant)"),
])
# The word before an article's total amount ("soit un total de 600 000 €").
TOTAL_WORD = compile_pattern(r"total", regex.IGNORECASE)
# A counterparty that is a set listed elsewhere ("avec les structures citées dans la thématique 1 de l'annexe 6").
PLURAL_PARTIES = compile_pattern(r"(?:les\s+)?structures\b", regex.IGNORECASE)
ITEMS = compile_pattern(r"\b(?P<n>\d+)\s+(?P<what>dispositifs?|structures?|conventions?|avenants?|op[ée]rations?|"
                      r"actions?|associations?|subventions?|projets?)\b", regex.IGNORECASE)
ANNEX_REFS = compile_pattern(r"\bannexes?\s+(?P<nums>\d+(?:\s*(?:,|et|à)\s*\d+)*)", regex.IGNORECASE)
CITED_ARTICLES = compile_pattern(r"\barticles?\s+(?P<nums>\d+(?:\s*(?:,|et)\s*\d+)+|\d+)\b(?!\s*(?:du|de\s+la)\s+"
                               r"(?:code|loi|r[èe]glement|convention))", regex.IGNORECASE)
# The sentence around "avec" in an article that authorises a signature, for the spaCy fallback when COUNTERPARTY
# reads no counterparty: from "avec" to the end of the sentence, at most 200 characters.
# "avec les structures citées dans la thématique 1 de l'annexe 6" (Pas-de-Calais CP 2024) names a plural set,
# listed elsewhere: no single counterparty, the model is not run.
SIGN_WITH = compile_pattern(r"(?:sign\w*|conclu\w*|pass\w*)\b[^.;]{0,120}?\bavec\b(?!\s+(?:les|des|ces|leurs|chacune?|"
                          r"l.ensemble|tou(?:te)?s)\b)[^.;]{2,200}", regex.IGNORECASE)
# The proper name right after "avec" when COUNTERPARTY reads none: capitalised words and the particles between
# them ("signer avec la Caisse d'Allocations Familiales de l'Orne la convention", "signer la convention (MOE) avec
# Orne Métropole (projet dessertes)", Putanges 2019). Trailing particles are trimmed by the caller.
_PROPER = r"(?:\p{Lu}[\p{L}\p{N}&'’.\-]*|[dl]['’]\p{Lu}[\p{L}'’\-]*)"
NAME_AFTER_WITH = compile_pattern(
    r"\bavec\s+(?:l['’]|le\s+|la\s+|les\s+)?(?P<who>" + _PROPER + r"(?:\s+(?:" + _PROPER
    + r"|de|du|des|et|en|sur|sous|la|le|les|&))*)", regex.VERSION1)
NAME_PARTICLES = ("de", "du", "des", "et", "en", "sur", "sous", "la", "le", "les", "&")
COUNTERPARTY = compile_pattern(
    (r"\bavec\s+(?:l'|le\s+|la\s+|les\s+)?(?P<who>[^,]{2,80}?)\s*,\s*(?:l'avenant|la\s+convention|les?\s+\d|"
     r"l[ae]s?\s+avenants?|une\s+convention)").replace("'", APOS), regex.IGNORECASE | regex.VERSION1)

# --- Signature. --------------------------------------------------------------------------------------------
# "Fait à Périgueux, le …", "Fait et délibéré à Périgueux, le …": where and when a deliberation or an act is signed
_DONE_AT = r"Fait\s+(?:et\s+d[ée]lib[ée]r[ée]\s+)?[àa]\s+"
SIGNATURE_HEAD = compile_rows([
    # "LE PRESIDENT DU CONSEIL DEPARTEMENTAL," (Pas-de-Calais)
    ("signatory_title", r"(?:LE|LA)\s+PR[ÉE]SIDENTE?\s+DU\s+CONSEIL\b.*$"),
    # "Le Maire,", and the name after it on the same paragraph ("Le Maire,\nPierre LAMBERT")
    ("signatory_title", r"(?:LE|LA)\s+MAIRE\s*,?(?:\s*$|\s+(?-i:\p{Lu}[\p{L}'’-]+)(?:\s+(?-i:\p{Lu}[\p{L}'’-]+)){1,3}\s*$)"),
    # "Fait à Saint-Marcellin, le 5 avril 2024", "Fait et délibéré les jour, mois et an susdits."
    ("signatory_title", _DONE_AT + r"(?-i:\p{Lu})[^,\n]{1,40},?\s+le\s+\d|Fait\s+et\s+d[ée]lib[ée]r[ée]\b"),
    # "Pour extrait conforme, Madame le Maire" (Montpellier)
    ("signatory_title", r"Pour\s+extrait\s+conforme.*$"),
    ("signatory_title", r"Pour\s+copie\s+conforme.*$"),
], flags=FLAGS)
# The office and the name on one line: "Pour extrait conforme, Le Maire, Jean DUPONT", "Le Président, Paul MARTIN"
SIGNATORY_AFTER_OFFICE = compile_pattern(r"(?i:(?:le|la)\s+(?:maire|pr[ée]sidente?))\s*,\s*(?P<name>[^,]+?)\s*\.?$",
                                       regex.VERSION1)
# "ARRAS, le 17 juin 2024", "Fait à Saint-Marcellin, le 5 avril 2024", "Fait et délibéré à Périgueux, le …"
SIGNED_AT = compile_pattern(r"^\s*(?:" + _DONE_AT + r")?(?P<place>[A-ZÉÈ][\p{L}' -]{1,40}?)\s*,"
                          r"\s+le\s+(?P<date>\d.{4,30}?)\s*$", regex.VERSION1)

# --- Where the annexes start (a new document after the deliberation's signature). -------------------------
ANNEX_LABEL = compile_pattern(r"^\s*Annexe\s+(?:N°\s*)?(?P<num>\d+)\s*$", regex.IGNORECASE)

# --- Deliberation headings inside a session record: each opens one deliberation. --------------------------
DELIB_HEADINGS = formulas("DELIB_HEADINGS", [
    # Putanges registers: the rank is not always zero-padded
    ("numbered", r"(?P<num>20\d\d-\d\d-\d{1,2}(?:\s?(?:BIS|TER|[A-D]))?)\s*[-–:]?\s+(?P<title>\S.{3,})$",
     ("2019-07-01 TRANSFERT DE PROPRIETE : PARCELLE", "2019-03-12BIS RECTIFICATION", "2019-11-1 MODIFICATION DES STATUTS"),
     ("Putanges 2019",)),
    # the session date then the rank; parse_delib_number refuses the space, so they are positions
    ("numbered", r"(?P<num>20\d{6}\s\d{1,2})\s+(?P<title>\p{Lu}.{3,})$",
     ("20220329 1 APPROBATION DU COMPTE DE GESTION 2021", "20221205 2 Modification des statuts"), ("Putanges 2022",)),
    ("numbered", r"(?i:d[ée]lib[ée]ration|dcm|del)\s*(?i:n°\s*)?(?P<num>\d{4}\s?[-/]\s?\d{1,4})\s*[-–:]?\s*"
                 r"(?P<title>.*)$",
     ("DCM 2022-45 : Tarifs", "Délibération n° 2022-12 : Vente", "DEL2025-02 : Vote du compte financier unique",
      "DÉLIBÉRATION N° 2024-011 : Vente d'un terrain"),
     ("CC Lisières de l'Oise 2025",)),
    # the year, letters, the rank: "Délibération 2024-DEL-011 – Vente d'un terrain"
    ("numbered", r"(?i:d[ée]lib[ée]ration\s*(?:n°\s*)?)?(?P<num>(?:19|20)\d\d-(?-i:[A-Z]{2,4})-\d{1,4})\s*[-–:]?\s*"
                 r"(?P<title>(?:\p{Lu}|«|\").*|)$",
     ("Délibération 2024-DEL-011 – Vente d'un terrain", "2023-CM-45 : Tarifs municipaux"), ()),
    # the rank then the year: "N° 12/2024 – Tarifs du cimetière"
    ("numbered", r"(?-i:N|n)°\s*(?P<num>\d{1,4}\s?/\s?(?:19|20)\d\d)\s*[-–:]\s*(?P<title>(?:\p{Lu}|«|\").{3,})$",
     ("N° 12/2024 – Tarifs du cimetière", "n°3/2023 : Vente d'un terrain"), ()),
    # letters then a number with its year
    ("numbered", r"(?:D[ée]lib[ée]ration\s*(?:n°\s*)?)?(?P<num>(?-i:[A-Z]{1,4})\s?-?\s?\d{2,4}[-/.]\d{1,4}"
                 r"(?:[-/.]\d{2,4})?)(?:\s*[-–:]\s*(?:Objet\s*:\s*)?|\s*$)(?P<title>(?:\p{Lu}|«|\").*|)$",
     ("Délibération D2018-67", "D2024-48 - Objet : Gratuité inscription bibliothèque",
      "DL-055-07-13 - Signature du marché", "DE-2013/86 - Vente d'un terrain"),
     ("Fargues-Saint-Hilaire 2018", "Pierrefonds 2024", "L'Arbresle 2013")),
    # "n° 2013/45 - Objet", "N°2020-045 : Title": a printed number with its year, after "n°"
    ("numbered", r"(?-i:N|n)°\s*(?P<num>(?:19|20)\d\d\s?[-/.]\s?\d{1,4})\s*[-–:]\s*(?P<title>(?:\p{Lu}|«|\").{3,})$",
     ("n° 2013/45 - Acquisition d'un terrain", "N°2020-045 : Budget supplémentaire"), ()),
    # "2020-045 : Budget …", "2013/45 – Acquisition …": a year, a rank, a dash or colon, a title
    ("numbered", r"(?P<num>(?:19|20)\d\d[-/.]\d{2,4})\s*[-–:]\s*(?P<title>(?:\p{Lu}|«|\").{3,})$",
     ("2020-045 : Budget supplémentaire", "2013/45 – Acquisition d'un terrain"), ()),
    # an agenda rank named as such: "Point n°3 : Subvention au club", "Affaire n° 5 – Vente", "Question n° 2 :"
    ("item", r"(?:(?i:point|affaire|question|dossier|d[ée]lib[ée]ration|objet|rapport)\s+(?i:n°\s*)?|(?i:n°)\s*)"
             r"(?P<num>(?!0)\d{1,3})\s*[-–:.]\s*(?P<title>(?:\p{Lu}|«|\").{3,})$",
     ("Point n°3 : Subvention au club", "Affaire n° 5 – Vente d'un terrain", "Question n° 2 : Tarifs",
      "Délibération n°1 : Vente d'un terrain", "Rapport n° 4 : Tarifs", "N°2 - Subvention au club"), ()),
    # A dash after the rank only before a word in capitals ("2-TERRAINS Acquisition", "7 - RESEAUX - SYNDICAT …",
    # Aiglun 2016): "5 - Les taux de redevances sont fixés …" is an item of a list in the text (Flaux 17/11/2023).
    # the rapporteur's name may stand before the number on the same line, or only the first name when the surname
    # wraps below it, or the mayor; a title may open with « or a quote. A number with a leading zero is a budget
    # chapter ("001 Solde d'exécution …", Pierrefonds), not an agenda position.
    ("item", r"(?:(?:(?:M\.|Mme|Monsieur|Madame)\s+(?:le|la)\s+(?i:maire|pr[ée]sidente?)|"
             r"(?!(?i:article|annexe|chapitre|titre|lot|tranche|phase|page|point|section|pour|contre|vote|soit|total)"
             r"\b)\p{Lu}[\p{Ll}\p{Lu}'-]+"
             r"(?:\s+\p{Lu}[\p{Lu}'-]+)?)\s+)?(?P<num>(?!0)\d{1,3}(?:\.\d{1,2}){0,2})\s*(?:[.)/°]\s*(?:[-–]\s+)?|\s+|"
             r"\s*[-–]\s*(?=\p{Lu}{2,}\b))(?P<title>[\p{Lu}«\"“].{3,})$",
     ("1. Quartier Près d'Arènes", "Philippe SAUREL 5. Programme", "Sophie 4 Manifestation",
      "1/ Délibération reversement", "3 Tarification cimetière", "6.1 Ecole", "2-TERRAINS Acquisition terrains",
      "3- ELUS — Congrès des maires 2016", "7 - RESEAUX - SYNDICAT D’ENERGIE", "2° Tarifs du cimetière",
      "3. - Subvention au club"),
     ("Montpellier CR 2011", "Couthenans 2021", "Aiglun 2016")),
    # a rank, a spaced dash, a capitalised title: "1 – Vente d'un terrain communal". A numbered sentence of the text
    # reads the same ("5 - Les taux sont fixés chaque année."): these are headings only as a run of ranks that
    # follow each other, and only where no stronger heading kind orders the record (``segment.ranked_chain``).
    ("ranked", r"(?P<num>(?!0)\d{1,3})\s+[-–]\s+(?P<title>[\p{Lu}«\"“].{3,})$",
     ("1 – Vente d'un terrain communal", "2 - Tarifs de la cantine scolaire"), ()),
    ("item", r"(?P<num>(?:I{1,3}|IV|VI{0,3}|IX|XI{0,3}))\s*[.)/–-]?\s+(?P<title>\p{Lu}.{3,})$",
     ("I Convention de mise à disposition de personnel.", "III Adhésion aux associations.",
      "IV Plan de sauvegarde communal.", "II – Tarifs du cimetière"), ("Couthenans 2021",)),
    # sub-points voted one by one
    ("dash", r"[-–−]\s+(?P<title>\p{Lu}[\p{Ll}'’].{3,})$",
     ("- Approbation du compte administratif 2022", "− Approbation du compte de gestion 2015"), ("Pierrefonds",)),
], flags=regex.VERSION1)
# The parts of an agenda point numbered under its rank, each with its own vote: "20240909 6 Fête du Lac :
# délibérations relatives à …" then "6-1 Indemnisation des propriétaires", "6-2 Subvention au comité des fêtes de
# Chênedouit" (Putanges 09/09/2024). ``segment.sub_numbered_points`` holds the rank to the point's.
SUB_POINTS = formulas("SUB_POINTS", [
    ("sub", r"(?P<rank>\d{1,3})\s?[-.]\s?(?P<sub>\d{1,2})\s*[-–:.)]?\s+(?P<title>[\p{Lu}«\"“].{3,})$",
     ("6-1 Indemnisation des propriétaires", "9-2 Monsieur et madame Renou", "4.2 - Tarifs de la cantine"),
     ("Putanges 2024",)),
], flags=regex.VERSION1)
# A line that looks like a heading but is a table row: its "title" holds several amounts ("16 Emprunts et dettes
# assimilées 0,00 0,00 95 803,03", Pierrefonds 2023 budget table).
NOT_A_TITLE = compile_pattern(r"\d,\d{2}\b.*\d,\d{2}\b")
# Heading kinds from the strongest to the weakest (see segment.decision_points).
HEADING_LEVELS = ({"numbered"}, {"numbered", "item"}, {"numbered", "item", "ranked"},
                  {"numbered", "item", "ranked", "dash"})
# Bullets and dashes that may stand before a formula ("- Contre : 2 (...)", Pierrefonds; Wingdings glyphs of the
# private-use area: "\uf02d Pour : 15", Pierrefonds 2018; a minus sign: "− Pour : 16", Pierrefonds 2016).
LEADING_BULLET = compile_pattern(r"^\s*[-–—−•▪●◦■□➢✓\uf000-\uf0ff]\s*")

# The column of a table that gives each row its own vote: "VOTE" (Pierrefonds 2023 subsidy table: "Pour à
# l'unanimité. M. LUDER ne prend pas part au vote." in the row's cell).
VOTE_COLUMN = compile_pattern(r"^\s*(?:votes?|r[ée]sultats?\s+du\s+vote|d[ée]cision\s+du\s+conseil)\s*$",
                            regex.IGNORECASE)

# --- Tables: columns found by the meaning of their header (BUDGET_COLUMNS, SUBSIDY_COLUMNS). ------------------
# A page that may hold a subsidy table (cheap text test before pdfplumber is opened on it).
SUBSIDY_PAGE_HINT = compile_pattern(r"b[ée]n[ée]ficiaire|association|organisme|structure|tiers", regex.IGNORECASE)
# A page where a table may have a subsidy header: a word every beneficiary column header of SUBSIDY_COLUMNS holds.
SUBSIDY_HEADER_HINT = compile_pattern(r"b[ée]n[ée]ficiaire|association|organisme|structure|tiers|raison",
                                    regex.IGNORECASE)
# What a cell of each column looks like, for tables whose text came out flattened.
OPERATION_CODE = compile_pattern(r"\b[A-Z]\d{2}-[0-9A-Z]{4,8}\b")
IMPUTATION_CODE = compile_pattern(r"\b\d{3,4}\s*/\s*\d{2,6}\b")
BARE_AMOUNT = compile_pattern(r"(?<![\d,.])-?\d{1,3}(?:[ \u00a0\u202f.]\d{3})*,\d{2}(?![\d])")
# Subsidy tables: a beneficiary column and an amount column (Montpellier 2013-2014 attributions).
SUBSIDY_COLUMNS = compile_rows([  # in priority order within each meaning
    ("beneficiary", r"b[ée]n[ée]ficiaire|nom\s+(?:de\s+l.)?(?:association|organisme|structure)|raison\s+sociale"),
    ("beneficiary", r"^(?!code)(?:association|organisme|structure|tiers)s?\b"),
    ("project", r"nom\s+du\s+projet|projet|objet|action|[ée]coles?|[ée]tablissements?"),
    ("amount", r"montant|subventions?\s+(?:vot[ée]es|propos[ée]es|accord[ée]es)|subvention|somme"),
], anchored=False)

# --- Annexes: documents, the report's operations, conventions. ---------------------------------------------
ANNEX_OBJECT = compile_pattern(r"^\s*Objet\s*:\s*", regex.IGNORECASE)
THEME_HEADING = compile_pattern(r"^\s*Th[ée]matique\s+(?P<num>\d+)\b\s*(?P<title>.*)$", regex.IGNORECASE)
# "Opération 3 :", "Opérations 1 et 1.bis :", "Opération complémentaire 2 :" (Pas-de-Calais report)
OPERATION_HEADING = compile_pattern(
    r"^\s*Op[ée]rations?\s+(?P<num>(?:compl[ée]mentaire\s+)?\d+(?:\s*(?:et|,)\s*\d+(?:\s?\.?\s?bis)?)*"
    r"(?:\s?\.?\s?bis)?)\s*:", regex.IGNORECASE | regex.MULTILINE)
PROPOSAL = compile_pattern(r"\bil\s+(?:vous\s+)?est\s+(?:donc\s+|[ée]galement\s+|aussi\s+)?propos[ée]",
                         regex.IGNORECASE)
ADDITIONAL_PROPOSAL = compile_pattern(r"\b(?:Parall[èe]lement|En\s+outre|De\s+plus|Par\s+ailleurs)\s*,?\s*il\s+"
                                    r"(?:vous\s+)?est\s+(?:aussi\s+|[ée]galement\s+)?propos[ée]", regex.IGNORECASE)
# Operations paid by another fund than the collectivité's budget ("au titre du FSL", Pas-de-Calais report).
OTHER_FUNDS = [("FSL", compile_pattern(r"\bFSL\b|Fonds\s+(?:de\s+)?Solidarit[ée]\s+(?:pour\s+le\s+)?Logement",
                                     regex.IGNORECASE))]
PARTIES_START = compile_pattern(r"^\s*Entre\b", regex.IGNORECASE)
PARTIES_OTHER = compile_pattern(r"(?m)^\s*Et(?:\s+|$)")
REPRESENTED_BY = [compile_pattern(p, regex.VERSION1) for p in (
    # "représentée par son Président, Jean-Noël VERFAILLIE", "représenté par sa Présidente Hélène GUY"
    r"repr[ée]sent[ée]*(?:\(e\))?\s+par\s+(?:son|sa|leur)\s+(?P<role>\p{Lu}[\p{L}()]+(?:\s+(?:de|du|des|\p{Ll}+))?)"
    r"\s*,?\s+(?P<name>(?:(?:M\.|Mme|Monsieur|Madame)\s+)?\p{Lu}[\p{Ll}'’]+(?:[- ]\p{Lu}[\p{Ll}'’]+)*\s+"
    r"\p{Lu}{2,}(?:[- ']\p{Lu}{2,})*)",
    # "représenté(e) par Marie-Andrée PAU, Président(e)", "représenté par Elisa LOOSFELD, Directrice du CNFPT"
    r"repr[ée]sent[ée]*(?:\(e\))?\s+par\s+(?P<name>(?:(?:M\.|Mme|Monsieur|Madame)\s+)?\p{Lu}[\p{Ll}'’]+"
    r"(?:[- ]\p{Lu}[\p{Ll}'’]+)*\s+\p{Lu}{2,}(?:[- ']\p{Lu}{2,})*)\s*,\s*(?P<role>[^,]{2,60})",
)]
# The amount a convention commits, by the first formula that matches.
COMMITMENT = [(name, compile_pattern(p, regex.IGNORECASE | regex.VERSION1)) for name, p in (
    # "185 000 €, imputés sur le budget de l'année 2024" (the session's year)
    ("budget_year", r"\d{1,3}(?:[ \u00a0\u202f.]\d{3})*(?:,\d{2})?\s*€\s*,?\s*imput[ée]e?s?\s+sur\s+le\s+budget\s+"
                    r"de\s+l.ann[ée]e\s+\d{4}"),
    # "La subvention maximum qui peut être accordée s'élève donc à 37 130.40 €"
    ("amounts_to", r"s.[ée]l[èe]ve(?:nt)?\s+(?:donc\s+)?[àa]\s+(?!\s*:)[^.;:]{0,10}?\d[\d \u00a0\u202f.,]*\s*"
                   r"(?:€|euros?)"),
    # "Soit 600 000 € en 2024."
    ("total", r"\bSoit\s+\d[\d \u00a0\u202f.,]*\s*(?:€|euros?)\s+en\s+\d{4}"),
    # "la participation du FSL est estimé à un montant maximum de 18 000 €"
    ("maximum", r"(?:participation|subvention|contribution)[^.;]{0,60}?montant\s+maximum\s+de\s+[^.;]{0,25}"),
    ("annual_budget", r"budget\s+annuel\s+maximal[^.;]{0,60}"),
    # "Article 2 : Engagements du Département … : 20 000 € soit 22 sessions" (FACE)
    ("engagement", r"Engagements?\s+du\s+D[ée]partement.{0,400}?\d[\d \u00a0\u202f.,]*\s*(?:€|euros?)"),
)]
# Signature blocks: "Pour Le Cheval Bleu", "Pour l'ADIL du Nord et du Pas-de-Calais," — not the collectivité's.
SIGN_FOR = compile_pattern(r"^\s*Pour\s+(?:l['’]|le\s+|la\s+|les\s+)?(?!p[ée]riode|ann[ée]e|dur[ée]e|m[ée]moire|rappel|"
                         r"extrait|copie|ce\b|cela|information|la\s+p[ée]riode)\p{L}[^.;:]{1,70},?\s*$",
                         regex.IGNORECASE | regex.VERSION1)
SIGN_FOR_COLLECTIVITE = compile_pattern(r"^\s*Pour\s+(?:le|la|l['’])\s*(?:D[ée]partement|R[ée]gion|Commune|Ville|"
                                      r"Pr[ée]sident|M[ée]tropole|Maire)", regex.IGNORECASE)
PERSON_LINE = compile_pattern(r"^(?:(?:M\.|Mme|Monsieur|Madame)\s+)?\p{Lu}[\p{Ll}'’]+(?:[- ]\p{Lu}[\p{Ll}'’]+)*\s+"
                            r"\p{Lu}{2,}(?:[- ']\p{Lu}{2,})*\.?$", regex.VERSION1)
PAYMENT = compile_pattern(r"\b(?P<rank>\d+)\s*(?:er|ère|ème|e)\s+versement\b", regex.IGNORECASE)
PAYMENT_SINGLE = compile_pattern(r"(?P<rank>)(?:\ben\s+un\s+versement\s+unique|\bversement\s+unique|\bvers[ée]e?\s+en\s+"
                               r"totalit[ée])", regex.IGNORECASE)
PAYMENT_KINDS = [(name, compile_pattern(p, regex.IGNORECASE)) for name, p in (
    ("advance", r"\bavance\b"), ("interim", r"interm[ée]diaire"), ("balance", r"\bsolde\b"),
    ("single", r"\bunique\b|en\s+totalit[ée]"))]

# --- What a convention's money is (read by the SCDL Subventions export). A meaning is kept when any of its
# patterns matches the act's text. A subsidy cannot be the price of a service (loi n° 2000-321, art. 9-1), so
# "service_price" acts are not exported as subsidies.
FUNDING_TERMS = compile_rows([
    # "En contrepartie de la réalisation des actions de formation, le Département s'engage à verser une
    # participation financière établie selon le type de formation" (Pas-de-Calais CP 2024, CNFPT avenant)
    ("service_price", r"en\s+contrepartie\s+(?:de\s+la\s+r[ée]alisation|des?\s+(?:prestations?|services?|"
                      r"actions?\s+de\s+formation))"),
    # aid granted under the de minimis regulations or a State-aid scheme notified to the European Commission
    ("state_aid", r"\bde\s+minimis\b|\b1407\s*/\s*2013\b|\b2023\s*/\s*2831\b|aides?\s+d'[ée]tat\s+notifi[ée]e?s?|"
                  r"r[ée]gime\s+(?:d'aides?\s+)?notifi[ée]|\bSA\.\s?\d{5,6}\b"),
    ("in_kind", r"aide\s+en\s+nature|mise\s+[àa]\s+disposition\s+(?:gratuite|[àa]\s+titre\s+gratuit)|"
                r"valorisation\s+des\s+(?:aides|contributions)\s+en\s+nature"),
], anchored=False)


# --- Budget tables and annexed acts, read by meaning (moved from extract/budget.py and extract/annexes.py). ---
_MONEY = r"\d{1,3}(?:[ \u00a0\u202f.]\d{3})*(?:,\d{1,2})?\s*(?:€|euros?)"
BUDGET_COLUMNS = formulas("BUDGET_COLUMNS", [
    ("label", r"libell[ée]s?(?:\s+(?:de\s+l.)?op[ée]ration)?|intitul[ée]|\bobjet\b|b[ée]n[ée]ficiaires?|"
              r"d[ée]signation", ("Libellé Opération", "Libellé", "Intitulé", "Bénéficiaire")),
    ("imputation", r"imputations?(?:\s+budg[ée]taires?)?|nature\s*/\s*fonction|chapitre\s*/\s*(?:article|nature)"
                   r"(?:\s*/\s*fonction)?|article\s*/\s*fonction",
     ("Imputation budgétaire", "Nature/Fonction", "Chapitre/Article")),
    # "Code" alone is no operation: a beneficiary's code in a subsidy list ("CODE | STRUCTURE | Nature | Montant")
    ("code_operation", r"code\s*(?:d.)?\s*op[ée]ration|\bop[ée]rations?\b", ("Code Opération", "Opération")),
    ("programme", r"\bprogrammes?\b", ("Programme",)),
    ("chapitre", r"\bchap(?:itres?|\.)", ("Chapitre", "Chap.")),
    ("nature", r"\bnatures?\b|\barticles?\b|\bcomptes?\b", ("Nature", "Article", "Compte")),
    ("fonction", r"\bfonct(?:ions?|\.)|\bsous-fonction\b", ("Fonction", "Fonct.")),
    ("ae", r"\bAE\b|\bAP\b|autorisations?\s+d.(?:engagement|programme)|cr[ée]dits?\s+(?:disponibles|inscrits|"
           r"ouverts)|\bdisponibles?\b", ("AE €", "AP", "Crédits disponibles", "Crédits inscrits")),
    ("depense", r"d[ée]penses?|\bCP\b|cr[ée]dits?\s+de\s+paiement|montants?(?:\s+(?:propos[ée]s?|affect[ée]s?|"
                r"vot[ée]s?|attribu[ée]s?|de\s+l.aide))?|\bsubventions?\b",
     ("Dépense €", "CP", "Crédits de paiement", "Montant proposé", "Montant affecté")),
    ("recette", r"\brecettes?\b", ("Recette",)),
], anchored=False, flags=regex.IGNORECASE | regex.VERSION1)

BUDGET_CEILINGS = formulas("BUDGET_CEILINGS", [
    ("AE", r"\bAE\b|autorisations?\s+d.engagement", ("AE €",)),
    ("AP", r"\bAP\b|autorisations?\s+de\s+programme", ("AP",)),
    ("crédits disponibles", r"disponibles?", ("Crédits disponibles",)),
    ("crédits inscrits", r"inscrits|ouverts", ("Crédits inscrits",)),
], anchored=False, flags=regex.IGNORECASE | regex.VERSION1)

BUDGET_TOTAL_ROWS = formulas("BUDGET_TOTAL_ROWS", [
    ("subtotal", r"^\s*(?:sous[- ]?total|total\s+(?:du\s+|de\s+l.)?(?:programme|chapitre|op[ée]ration))\b",
     ("Sous-total Insertion", "Total programme Jeunesse")),
    ("total", r"^\s*(?:totaux|total(?:\s+g[ée]n[ée]ral)?|montant\s+total|total\s+des\s+d[ée]penses)\b",
     ("TOTAL", "Total général", "TOTAUX")),
], anchored=False, flags=regex.IGNORECASE | regex.VERSION1)

IMPUTATION_WORDING = formulas("IMPUTATION_WORDING", [
    ("imputed", r"\bimput[ée]e?s?\s+(?:sur|au|à|comme)|\bsont\s+imput[ée]e?s|\bimputation\b",
     ("sont imputées comme suit", "imputés sur le chapitre 65")),
    ("taken_from", r"\bseront\s+pr[ée]lev[ée]e?s\s+sur|\bpr[ée]lev[ée]e?s\s+sur\s+les\s+cr[ée]dits",
     ("seront prélevés sur les crédits inscrits",)),
    ("entered", r"\binscrits?\s+(?:au|aux)\s+(?:chapitre|budget|programme)", ("inscrits au chapitre 65",)),
], anchored=False, flags=regex.IGNORECASE | regex.VERSION1)

ACT_TITLES = formulas("ACT_TITLES", [
    ("avenant", r"^\s*AVENANT(?:\s+N°\s*\d+|\s+\d+)?\b", ("AVENANT N° 1", "AVENANT 2 A LA CONVENTION")),
    ("convention", r"^\s*(?:CONVENTION\b|Convention\s+(?:n°|N°)\s*\d)",
     ("CONVENTION D'OBJECTIFS ET DE MOYENS", "Convention n° 2024-01377")),
], anchored=False, flags=regex.VERSION1)

PARTIES_OTHER_FORMS = formulas("PARTIES_OTHER_FORMS", [
    ("other_party", r"(?m)^\s*(?:Et|ET)\s*:?(?:\s+|$)", ("ET", "Et l'association …", "ET : L'association")),
    ("other_party", r"(?i)\bd.une\s+part\s*,?\s*(?:et|ET)\b", ("…, d'une part, et la Mission Locale",)),
], anchored=False, flags=regex.VERSION1)

ACT_SIGNED_AT = formulas("ACT_SIGNED_AT", [
    ("signed", r"\b" + _DONE_AT + r"(?P<place>\p{Lu}[\p{L}'’ -]{1,40}?)\s*,?\s+le\s+(?P<date>\d{1,2}(?:er)?\s+\p{L}+"
               r"\s+\d{4}|\d{1,2}/\d{1,2}/\d{4})", ("Fait à Périgueux, le 16 septembre 2024",
                                                   "Fait à Arras le 01/07/2024")),
], anchored=False, flags=regex.VERSION1)

ACT_AMOUNTS = formulas("ACT_AMOUNTS", [
    ("raised", r"port[ée]e?s?\s+de\s+(?P<before>" + _MONEY + r")\s+[àa]\s+(?P<amount>" + _MONEY + r")",
     ("est portée de 24 000 € à 29 500 €",)),
    ("subsidy", r"\bune\s+(?:subvention|participation|contribution|aide)(?:\s+(?:de\s+fonctionnement|"
                r"d.investissement|financi[èe]re|forfaitaire))?\s+(?:d.un\s+montant\s+(?:maximal\s+|maximum\s+)?)?"
                r"de\s+(?P<amount>" + _MONEY + r")", ("une subvention de 23 500 €", "une aide d'un montant de 8 000 €")),
    ("maximum", r"d.un\s+montant\s+(?:maximal|maximum)\s+de\s+(?P<amount>" + _MONEY + r")",
     ("d'un montant maximal de 12 000 €",)),
], anchored=False, flags=regex.VERSION1 | regex.IGNORECASE)

# --- Items of a session record that are only information: kept apart from the voted deliberations. -----------
# A heading that owns no vote and whose title reads like one of these rows is an information item
# (``segment.information_starts``), written to information.csv with the row's meaning as its kind:
#   decisions_delegation: the account of the decisions the mayor or president took by delegation (CGCT
#       L.2122-22 / L.2122-23 for a commune, L.5211-10 for an EPCI);
#   questions_diverses: "questions diverses", with or without "informations";
#   prise_acte: a report or a communication the council takes note of ("rapport d'activité", "communication du
#       rapport", "(pour information)");
#   information: "informations", "informations diverses", "information relative à …".
# The title is read after its printed number ("IX. QUESTIONS DIVERSES – INFORMATIONS" -> "QUESTIONS DIVERSES –
# INFORMATIONS"); a category before a dash may stand before it ("ELUS – Décisions prises par le maire …").
_INFO_CATEGORY = r"(?:\p{Lu}[\p{Lu}/ ]{1,30}\s*[-–]\s*)?"
INFORMATION_HEADINGS = formulas("INFORMATION_HEADINGS", [
    ("decisions_delegation",
     r"(?:(?:M\.|Mme|Monsieur|Madame)\s+(?:le|la)\s+(?:maire|pr[ée]sidente?)\s+)?" + _INFO_CATEGORY +
     r"(?:articles?\s+L\.?\s?(?:2122-2[23]|5211-10)\b.{0,120}?[-–]\s*)?"
     r"(?:lecture\s+des\s+|compte[- ]rendu\s+des\s+|information\s+sur\s+les\s+|liste\s+des\s+|relev[ée]\s+des\s+)?"
     r"d[ée]cisions\s+(?:prises|du\s+(?:maire|pr[ée]sident)|municipales\s+prises|de\s+(?:M\.|Mme|Monsieur|Madame)"
     r"\s+(?:le|la)\s+(?:maire|pr[ée]sidente?))\b.*$",
     ("Décisions prises par le maire en vertu de l'article L.2122-22 du CGCT",
      "Décisions prises par délégation du Conseil Municipal au maire :",
      "DECISIONS PRISES EN VERTU DES POUVOIRS DELEGUES",
      "ELUS – Décisions prises par le maire dans le cadre de sa délégation de pouvoirs de la part du",
      "Mme le Maire Articles L 2122-22 et L 2122-23 du Code Général des Collectivités Territoriales – Lecture des "
      "décisions prises depuis la dernière séance publique du Conseil municipal",
      "Compte rendu des décisions du Maire"),
     ("Pierrefonds 2024", "L'Arbresle 2013", "Aiglun 2013", "Montpellier CR 2011",
      "issue 14 (the last example)")),
    ("questions_diverses",
     r"(?:informations?\s+(?:et\s+)?)?questions\s+diverses(?:\s*[-–]\s*informations?)?\s*[.:]?\s*$",
     ("QUESTIONS DIVERSES", "QUESTIONS DIVERSES – INFORMATIONS", "INFORMATIONS ET QUESTIONS DIVERSES",
      "Questions diverses :", "Questions diverses."),
     ("Putanges 2016", "L'Arbresle 2013", "Aiglun 2013", "Couthenans 2021", "Pierrefonds 2024")),
    ("prise_acte",
     r"(?:(?:communication|pr[ée]sentation)\s+(?:au\s+conseil\s+\p{L}+\s+)?du\s+rapport\b|"
     r"rapports?\s+(?:annuels?\s+)?d'activit[ée]s?\b|.*\(\s*pour\s+information\s*\)\s*$).*$",
     ("Communication au Conseil Municipal du rapport retraçant l'activité de la Communauté",
      "Rapport d'activité 2012 de la CCPA",
      "Communication du rapport d'activité 2023 du SDE (pour information)"),
     ("Montpellier CR 2011", "L'Arbresle 2013", "issue 14 (the last example)")),
    ("information",
     r"(?:informations?(?:\s+diverses|\s+du\s+maire|\s+g[ée]n[ée]rales)?\s*[.:]?\s*$|"
     r"information\s+(?:relative\s+[àa]|sur)\s+(?:la|le|les|l')\b.*$|communications?\s*[-–:]\s*\S.*$)",
     ("Informations diverses", "Information", "Informations.",
      "Information relative à la décision portant sur le transfert de crédits entre chapitres",
      "INFORMATION SUR L'OPERATION D'AMENAGEMENT DE TERRAIN POUR L'ENTREPRISE SASIC –",
      "COMMUNICATION – TRAVAUX D'ETUDE ET DE CONCEPTION POUR LE PROJET D'UNE ŒUVRE « IN"),
     ("Fargues-Saint-Hilaire 2018", "Pierrefonds 2020", "Couthenans 2021", "Putanges 2019")),
], flags=regex.IGNORECASE | regex.VERSION1)
# What the text of a heading that owns no vote says when the council only takes note: the item is information
# even when its title is a plain subject ("DL-055-07-13 - Signature du marché …" then "Les membres du conseil
# municipal prennent acte de cette décision.", L'Arbresle 2013).
INFORMATION_TEXT = formulas("INFORMATION_TEXT", [
    ("prise_acte", r"\b(?:prend|pr\p{L}?nnent|prendre|(?:a|ont)\s+pris)\s+acte\b",
     ("Les membres du conseil municipal prennent acte de cette décision.", "Le conseil municipal prend acte.",
      "les membres du conseil prnnent acte du rapport d'activité 2012"),
     ("L'Arbresle 2013", "Montpellier CR 2011")),
    ("information", r"\bpour\s+information\b|\b(?:informe|porte\s+[àa]\s+la\s+connaissance\s+d)\s*(?:le\s+conseil|"
                    r"l'assembl[ée]e|les\s+(?:membres|conseillers|[ée]lus))",
     ("Rapport du Semoctom 2017 : joint à la convocation du conseil municipal pour information.",
      "Madame le maire informe les membres du conseil municipal qu'au vu de la nécessité"),
     ("Fargues-Saint-Hilaire 2018", "Pierrefonds 2020")),
    ("information", r"\(\s*pas\s+de\s+d[ée]lib[ée]ration\b",
     ("COMMUNE DELEGUEE DE PUTANGES PONT ECREPIN (pas de délibération – voir compte rendu)",
      "SITU » PERENNE SUR LE LAC DE RABODANGES. ( pas de délibération – voir compte rendu)"), ("Putanges 2019",)),
], anchored=False, flags=regex.IGNORECASE | regex.VERSION1)

# The closing of a sitting: what a session record prints after it, on the next pages, is annexed to it (a report,
# a convention), not more points of the sitting (Aiglun 26/02/2016: a CLECT report annexed after "Séance close").
SITTING_CLOSED = formulas("SITTING_CLOSED", [
    ("closed", r"\bs[ée]ance\b[^.;:]{0,40}?\b(?:est\s+)?(?:lev[ée]e|close|cl[ôo]tur[ée]e)\b"
               r"|\b(?:l[èe]ve|cl[ôo]t|cl[ôo]ture)\s+la\s+s[ée]ance\b",
     ("L'ordre du jour étant épuisé, la séance est levée à 22h06.", "Séance close à 20h00,",
      "Séance du conseil municipal close à 21h30.", "Plus rien n'étant à délibérer, la séance est levée à 22H00.",
      "Monsieur le Maire lève la séance à 21 h 15."),
     ("Putanges 2024", "Aiglun 2016", "Aiglun 2015", "Montpellier CR 2011")),
], anchored=False)
# --- The first lines of an extract, in a file of extracts that follow one another without a page break. ------
# (``segment.extract_starts``: where an extract's attendance list follows the previous extract's vote on the same
# page, the extract starts at the first of these lines after that vote.)
EXTRACT_OPENERS = formulas("EXTRACT_OPENERS", [
    ("letterhead", r"(?:D[ÉE]PARTEMENT|R[ÉE]GION|COMMUNE|VILLE|M[ÉE]TROPOLE|COMMUNAUT[ÉE])\s+(?:DE|DU|DES|D')\b.{2,80}$",
     ("COMMUNE DE PUTANGES-LE-LAC", "DEPARTEMENT du GARD", "Communauté de Communes des Lisières de l'Oise"),
     ("Putanges", "Flaux", "CC Lisières de l'Oise 2025")),
    ("extract", r"extrait\s+du\s+(?:registre|proc[èe]s[- ]verbal)\b",
     ("Extrait du registre des", "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL"),
     ("Montpellier 2013", "DOMAIN.md")),
    ("sitting", r"s[ée]ance\s+(?:publique\s+|ordinaire\s+|extraordinaire\s+)?du\b",
     ("Séance publique du", "Séance du lundi 1 février 2016", "Séance du 13 mars 2025 à 19h30"),
     ("Montpellier 2013", "Bourg-en-Bresse 2016", "CC Lisières de l'Oise 2025")),
])
