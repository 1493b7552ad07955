"""Member names in attendance lists, recusals and proxies.

Lists as printed: "M. Jean-Claude LEROY, Mme Mireille HINGREZ-CÉRÉDA, M. Daniel\\nMACIEJASZ" (Pas-de-Calais
CP 2024, names wrapped mid-name), "Mesdames Mme Fatima AIT-CHIKHEBBIH, … et Evelyne NACHEL ainsi que
Messieurs …" (group civilities), "Brahim ABBOU, Frédéric ARAGON, Michel ASLANIAN,Marie-Josée AUGE-CAUMON" and
"Christian DUMONT Christian DUPRAZ" (Montpellier 2013: missing space or comma), "MM. DRUGEON Serge, LEFOYER
Roland" (Putanges 2016: surname first), "Maryline LECESTRE (pouvoir donné à Adeline Texeira)" (Couthenans).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import regex
from rapidfuzz.distance import Levenshtein

from pipeline import vocab

from . import fr
from ._text import collapse_spaces, normalize_dashes, strip_accents

__all__ = ["Person", "CIVILITIES", "strip_civility", "name_key", "same_person", "split_names", "split_proxy",
           "holder_only", "before_the_text_goes_on", "mask_parens", "without_stops", "initials_for_first_names"]

CIVILITIES = fr.CIVILITIES


@dataclass(frozen=True, slots=True)
class Person:
    civility: str  # "M." | "Mme" | ""
    name: str  # as printed, spaces collapsed, civility removed

    @property
    def key(self) -> str:
        return name_key(self.name)


# --------------------------------------------------------------------------------------------------
# Civilities

_CIV_ALT = "|".join(sorted((re.escape(k) for k in CIVILITIES), key=len, reverse=True))
# A civility is followed by a space, the end, or (if it ends with a dot) directly by the name: "M.TANGUY",
# "MM.Gérard CRUBLE" (Pierrefonds 2020, Putanges 2019).
_CIV_RE = re.compile(r"(?P<civ>" + _CIV_ALT + r")(?:\s+|$|(?<=\.)(?=[^\W\d_]))", re.IGNORECASE)


def _strip_civilities(text: str) -> tuple[str, str | None, str, str]:
    """Strip leading civilities; return (individual civility, list-group civility or None, rest, table civility).

    "Mesdames Mme Fatima X" -> ("Mme", "Mme", "Fatima X", "Mme"); "Messieurs Bruno X" -> ("", "M.", "Bruno X",
    "M."); "MM. Florence HEE" -> ("", "", "Florence HEE", "M."): "MM." heads mixed lists in Putanges, so the
    group it opens gets no civility, while the table value (CIVILITIES) stays "M.".
    """
    individual = ""
    group: str | None = None
    table = ""
    s = text
    while True:
        m = _CIV_RE.match(s)
        if not m:
            garbled = _OCR_CIVILITY.match(s)  # "M°*° Marion JUSTRABO", "M'* Sylviane LAURO" (a scan's OCR): which one
            if garbled:                       # is unknown
                s = s[garbled.end():]
            break
        key = m.group("civ").lower()
        civ, is_group = CIVILITIES[key]
        table = civ
        if is_group:
            group = "" if key in fr.AMBIGUOUS_GROUP_CIVILITIES else civ
            individual = ""
        else:
            individual = civ
        s = s[m.end():].lstrip()
    return individual, group, s, table


_OCR_CIVILITY = re.compile(r"M[°*'’\"]+\s+(?=[A-ZÀ-Ý])")


def strip_civility(text: str) -> tuple[str, str]:
    """"Mme Mireille HINGREZ-CÉRÉDA" -> ("Mme", "Mireille HINGREZ-CÉRÉDA");
    doubled "Mesdames Mme X" -> ("Mme", "X").

    The civility is normalised with CIVILITIES to "M." or "Mme" ("" when there is none).
    """
    if not isinstance(text, str):
        return "", ""
    _, _, rest, table = _strip_civilities(collapse_spaces(_clean(text)))
    return table, rest


# A member named by an initial for the first name: "R. MAILLET", "J-J. BRUGUIER", "J.-P. Fabrègues", "Ph. BOUDIE" (not
# "M.", which may be "Monsieur")
_INITIAL_FIRST = re.compile(r"^\s*(?:[A-LN-ZÀ-Ý]\.|[A-ZÀ-Ý]\.?\s?-\s?[A-ZÀ-Ý]\.|[A-Z][hrt]\.)\s*[A-ZÀ-Ý]")
_CIVILITY_WORD = re.compile(r"\b(?:Mmes?|Mlle|Melle|Madame|Monsieur|Mesdames|Messieurs|MM|Mr)\b")


def initials_for_first_names(entries: list[str]) -> bool:
    """Whether a list names its members by an initial and a surname ("R. MAILLET, C. DEMAY, M. DEGRAND, T. COLLET", a
    procès-verbal of 2017): its "M." is then an initial too, not "Monsieur". Half the entries or more open with
    another initial, and none with a civility."""
    if any(_CIVILITY_WORD.search(entry) for entry in entries):
        return False
    initials = sum(1 for entry in entries if _INITIAL_FIRST.match(entry))
    return initials >= 2 and 2 * initials >= len(entries)


# --------------------------------------------------------------------------------------------------
# Keys


_APOSTROPHE_TABLE = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'"})
_NON_NAME = re.compile(r"[^\w'\- ]|_")
_AROUND_HYPHEN = re.compile(r"\s*-\s*")
_AROUND_APOS = re.compile(r"\s*'\s*")
# pdfium marks a hyphen at a line break with U+FFFE ("Jean\ufffeClaude THUILLIER", Pierrefonds 2023), which
# ingest keeps as "-" where it may be a compound's hyphen; "Jean-\n¨Pierre Gohin" (Putanges 2022) has a stray
# diaeresis.
_BROKEN_HYPHEN = re.compile(r"\ufffe\s*|-[ \t]*\r?\n\s*¨?")
_HYPHENATION = re.compile(r"\u00ad\s*")  # a name hyphenated at a line's end (``pipeline.ingest``): one word


def _clean(text: str) -> str:
    return _HYPHENATION.sub("", _BROKEN_HYPHEN.sub("-", text))


def name_key(name: str) -> str:
    """OUTPUTS.md key: upper case, accents removed, civility removed, hyphens and apostrophes kept
    (’ -> '), single spaces. "Mme Mireille HINGREZ-CÉRÉDA" -> "MIREILLE HINGREZ-CEREDA"."""
    return _name_key(name) if isinstance(name, str) else ""


@lru_cache(maxsize=65536)  # a run compares the same names again and again (members, recusals, votes)
def _name_key(name: str) -> str:
    _, rest = strip_civility(name)
    s = strip_accents(normalize_dashes(rest.translate(_APOSTROPHE_TABLE))).upper()
    s = _NON_NAME.sub(" ", s)
    s = _AROUND_HYPHEN.sub("-", collapse_spaces(s))
    s = _AROUND_APOS.sub("'", s)
    return s.strip("-' ")


def same_person(a: str, b: str) -> bool:
    """Same member, tolerating only accents, case, hyphen-vs-space and civility:
    "Mme Mireille HINGREZ-CÉRÉDA" ~ "Mireille HINGREZ-CEREDA", "Jean Claude LEROY" ~ "Jean-Claude LEROY".
    A surname alone never matches a full name."""
    ka, kb = name_key(a).replace("-", " "), name_key(b).replace("-", " ")
    return bool(ka) and ka == kb


def find_member(name: str, attendance: list):
    """The attendance row (anything with ``name`` and ``name_key``) of a name: same person (accents, case,
    hyphens, doubled civilities aside), or the only member with that surname when the text gives a surname alone
    ("M. Passet")."""
    key = name_key(name)
    for row in attendance:
        if row.name_key == key or same_person(row.name, name):
            return row
    words = key.split()
    if len(words) == 1:
        hits = _one_each([row for row in attendance
                          if row.name_key.split()[-1:] == words or words[0] in row.name_key.split()])
        if len(hits) == 1:
            return hits[0]
        if not hits:  # a surname misspelt by one letter ("Gauthier-Medeiros" for GAUTIER-MEDEIROS)
            hits = _one_each([row for row in attendance if any(
                len(w) >= MIN_FUZZY_SURNAME and Levenshtein.distance(w, words[0]) <= 1 for w in row.name_key.split())])
            if len(hits) == 1:
                return hits[0]
    hits = _one_each([row for row in attendance if initials_match(key, row.name_key)])
    return hits[0] if len(hits) == 1 else None


MIN_FUZZY_SURNAME = 6  # letters: a shorter surname one letter away is another name, not a slip
MISREAD_NAME_SIMILARITY = 0.85  # normalized Levenshtein similarity of a full name OCR misread to its member's


def as_listed(name: str, attendance: list) -> str:
    """A member named outside the lists, spelt as the lists print them: by the surname alone ("M. PERRAUD est
    désigné(e) en tant que secrétaire de séance" -> "Jean-Claude PERRAUD", the one member of that surname), or
    misread by OCR ("Sébastien LERC UX" -> "Sébastien LEROUX", ``misread_member``); any other name as printed."""
    row = find_member(name, attendance) if len(name_key(name).split()) == 1 else misread_member(name, attendance)
    return row.name if row is not None else name


def misread_member(name: str, attendance: list):
    """The one attendance row whose name a full name misread by OCR stands for ("Sébastien LERC UX" for
    Sébastien LEROUX, Putanges 16/12/2024): its key is ``MISREAD_NAME_SIMILARITY`` alike, and no other row's is.
    None when the name is a member's (``find_member``) or is like none or several."""
    key = name_key(name)
    if len(key.split()) < 2 or find_member(name, attendance) is not None:
        return None
    hits = _one_each([row for row in attendance
                      if Levenshtein.normalized_similarity(key, row.name_key) >= MISREAD_NAME_SIMILARITY])
    return hits[0] if len(hits) == 1 else None


def _one_each(rows: list) -> list:
    """One row per member (a member listed twice, present then excused, is one member)."""
    seen: dict[str, object] = {}
    for row in rows:
        seen.setdefault(row.name_key, row)
    return list(seen.values())


def initials_match(short: str, full: str) -> bool:
    """Two keys of one member printed in two forms: the words in another order ("ALLAIS FLORENCE" / "FLORENCE
    ALLAIS"), or first names given by their initials ("S FLEURENCE" / "SERGE FLEURENCE", "J-L GELY" /
    "JEAN-LOUIS GELY", Montpellier CR 2011). The surname must be printed in full in both."""
    a, b = short.replace(".", " ").split(), full.replace(".", " ").split()
    if not a or not b:
        return False
    if sorted(a) == sorted(b):
        return True
    common = [w for w in a if len(w) > 2 and w in b]
    if not common:
        return False
    rest_a = [w for w in a if w not in common]
    rest_b = [w for w in b if w not in common]
    if not rest_a or len(rest_a) > len(rest_b):
        return False
    return all(_initials(w) and _initials(w) == _initials_of(v) for w, v in zip(rest_a, rest_b))


def _initials(word: str) -> str:
    """ "J-L" -> "JL", "S" -> "S"; "" for a word that is not initials."""
    parts = word.split("-")
    return "".join(parts) if all(len(p) == 1 for p in parts) else ""


def _initials_of(word: str) -> str:
    return "".join(p[0] for p in word.split("-") if p)


# --------------------------------------------------------------------------------------------------
# Proxies

def _phrase(words: str) -> str:
    """Regex for a vocabulary phrase: any spacing, accents optional ("délégation" ~ "delegation")."""
    rx = re.escape(words).replace(r"\ ", r"\s+")
    return rx.replace("é", "[ée]").replace("è", "[èe]")


_PROXY_NOUN = "(?:" + "|".join(sorted(map(_phrase, fr.PROXY_NOUNS), key=len, reverse=True)) + ")"
_GIVE = "(?:" + "|".join(sorted(map(_phrase, fr.PROXY_VERBS), key=len, reverse=True)) + ")"
_TO = r"(?:à|a|au)"
_CIV_WORD = "(?:" + _CIV_ALT + ")"
_PROXY_PATTERNS = [
    # "Procuration de Mme Sophie MOREAU à M. Paul PETIT"
    re.compile(r"(?:" + _PROXY_NOUN + r")\s+de\s+(?P<a>.+?)\s+" + _TO + r"\s+(?P<b>.+)", re.IGNORECASE | re.S),
    # "Mme A (pouvoir à M. B)", "A (pouvoir donné à B)", "A (procuration à B)", "A (pouvoir donné B)"
    re.compile(r"(?P<a>.*?)\s*\(\s*(?:" + _GIVE + r"\s+)?" + _PROXY_NOUN + r"(?:\s+donn[ée]e?)?"
               r"(?:\s+" + _TO + r")?\s+(?P<b>[^)]*?)\s*\)(?P<after>.*)", re.IGNORECASE | re.S),
    # "A a donné procuration à B", "A donne pouvoir à B" (Putanges 2022), "A qui a donné pouvoir à B"
    re.compile(r"(?P<a>.+?)\s+(?:qui\s+)?" + _GIVE + r"\s+" + _PROXY_NOUN + r"\s+" + _TO + r"\s+(?P<b>.+)",
               re.IGNORECASE | re.S),
    # "M. Henri GIRARD représenté par Mme Claire MARTIN"
    re.compile(r"(?P<a>.+?)\s+repr[ée]sent[ée]e?\s+par\s+(?P<b>.+)", re.IGNORECASE | re.S),
    # "A pouvoir donné à B", "MARECHAL Jacques, pouvoir à BARRAU Guy" (2024)
    re.compile(r"(?P<a>.+?)(?:\s+|\s*,\s*)" + _PROXY_NOUN + r"(?:\s+donn[ée]e?)?\s+" + _TO + r"\s+(?P<b>.+)",
               re.IGNORECASE | re.S),
    # "Mme HEE Florence à Mr DRUGEON Serge" (Putanges 2016), "Madame A à Monsieur B" (Pierrefonds)
    re.compile(r"(?P<a>[^\W\d_].*?)\s+à\s+(?P<b>" + _CIV_WORD + r"(?:\s+|(?<=\.)).+)", re.IGNORECASE | re.S),
]
_PARENS = re.compile(r"\([^()]*\)?|\)")
# B stops at the next clause: "Monsieur Lévita et sort définitivement" (Montpellier CR 2011).
# (and where the header goes on after the list: "… à Catherine VINAS Date de la convocation", Flaux 2021's OCR)
# (or a sentence: "… à M RENAUDIN" / "Le Maire ouvre la séance à 20 h 03.", 2013)
# Where the text goes on after a name: a header's next label ("Date de la convocation") or a sentence ("Le Maire ouvre
# …", "Une minute de silence …", "L'an …")
_NEXT_TEXT = (r"(?:Date|Nombre|Ordre|Secr[ée]taire)\s+d|(?:Le|La|Les|Il|Elle|Un|Une)\s+(?:[a-zàâçéèêëîïôûùüÿœæ]|Maire|"
              r"Pr[ée]sident|Conseil)|L['’]an\b")
_B_END = re.compile(r"\s*(?:[,;(]|\s+et\s+|\s+jusqu|\s+(?:" + _NEXT_TEXT + r")).*$", re.S)
_EDGE = " \t\n.,;:-–*"
_INITIAL_STOP = re.compile(r"(?:^|[\s.-])(?:[^\W\d_]|[A-ZÀ-Ý]{2}|[A-Z][hrt])\.$")  # "BOUSQUET L.", "COMBES J.L.", "BONNAUD JP."
_INITIALS_WORD = re.compile(r"[A-ZÀ-Ý]{2}|[A-Z][hrt]")  # "JP", "MJ", "JCL", "Ch", "Th", "Ph"


def without_stops(text: str) -> str:
    """The text without the spaces and stops around it, but with the stop that closes a final initial ("BOUSQUET L.",
    "COMBES J.L.", "BONNAUD JP.")."""
    core = text.strip(" ").lstrip(" .").rstrip(" .")
    return core + "." if text.rstrip(" ").endswith(".") and core and _INITIAL_STOP.search(core + ".") else core


def _edges(name: str) -> str:
    """The name without the punctuation around it, but with the stop that closes a final initial."""
    stripped = name.strip(_EDGE)
    if stripped and name.rstrip(" \t\n,;:-–*").endswith(".") and _INITIAL_STOP.search(stripped + "."):
        return stripped + "."
    return stripped


_TEXT_GOES_ON = re.compile(r"\s+(?:" + _NEXT_TEXT + r"|(?:Date|Nombre|Ordre|Secr[ée]taire)\s*$|"
                           # the sentence goes on with its verb: "Monsieur Henri CARON se porte candidat et est élu
                           # secrétaire de séance" (a compte rendu, 2017), "… qui accepte"
                           r"(?:se|est|a|ont|sont|qui|sera)\s+[a-zàâçéèêëîïôûùüÿœæ]).*$", re.S)


def before_the_text_goes_on(text: str) -> str:
    """A name without the header or the sentence the text goes on with after it ("BESNARD Daniel Date de convocation
    : 20 novembre", 2015; "R. Montagnac Date", the rest of the header's label already cut, 2013); a list of names
    stays whole ("Bertrand DUBOIS ; Marc LEVEQUE")."""
    return _TEXT_GOES_ON.sub("", text)


def holder_only(text: str) -> str:
    """A proxy's holder without what the text goes on with after the name (``_B_END``)."""
    return _edges(_B_END.sub("", text))


def split_proxy(text: str) -> tuple[str, str | None]:
    """Separate a proxy entry into (grantor, holder): "Mme A (pouvoir à M. B)" -> ("Mme A", "M. B"),
    "A a donné procuration à B", "A pouvoir donné à B", "A donne pouvoir à B" -> ("A", "B").

    Both parts keep their civility as printed (spaces collapsed). Without a proxy, returns the text with
    parenthetical remarks removed and ``None``: "Mathieu FIGINI (pas de pouvoir donné)" -> ("Mathieu FIGINI", None).
    """
    if not isinstance(text, str):
        return "", None
    s = collapse_spaces(_clean(text))
    for rx in _PROXY_PATTERNS:
        m = rx.fullmatch(s)
        if m:
            a = _edges(collapse_spaces(_PARENS.sub(" ", m.group("a"))))
            b = _edges(_B_END.sub("", m.group("b")))
            if a and b and any(c.isalpha() for c in b):
                return a, b
    return _edges(collapse_spaces(_PARENS.sub(" ", s))), None


# --------------------------------------------------------------------------------------------------
# Lists of names

# List bullets at a line start: "- ", "− ", "• ", "➢ ", "✓ ", and Wingdings private-use glyphs ("\uf0b7").
_BULLET = re.compile(r"(?:^|\n)[ \t]*(?:(?:[-−–•▪●◦■□➢✓*]|[\uf000-\uf0ff])[ \t]*)+")  # (repeated: "• • • M. X")
# Item separators; a full stop ends an item too ("… à monsieur Philippe Grandin. Monsieur Jean-Pierre Gohin
# donne pouvoir …", Putanges 2022) unless it closes a civility or an initial ("M. X", "J. DUPONT").
_SEPARATOR = re.compile(r"[,;/&]|\s+(?P<and>et|ainsi\s+que)\s+|(?P<stop>(?P<word>[^\W\d_]+)\.)\s+(?=[^\W\d_])")


def mask_parens(s: str) -> str:
    """Same-length copy of ``s`` with everything inside parentheses replaced by NUL (an unclosed one runs to
    the end), so separators inside "(M. THUILLIER et M. LEBLANC)" are not seen. A parenthesis left open before the
    next one opens, with a list going on inside it, closed at its first comma: "Damien PEREGO (sauf question, Odette
    CHAPUIS, …, Gilles REGNIER (sauf question 1)" (a town's compte rendu, 2016)."""
    out = []
    depth, start = 0, -1
    for i, c in enumerate(s):
        if c == "(":
            if depth == 1:
                comma = _LIST_GOES_ON.search(s, start, i)
                if comma:  # the first one was never closed: it ends at its comma
                    out[comma.start():] = s[comma.start():i]
                    depth = 0
            if depth == 0:
                start = i
            depth += 1
        if depth:
            out.append("\0")
        else:
            out.append(c)
        if c == ")" and depth:
            depth -= 1
    return "".join(out)


_LIST_GOES_ON = re.compile(r",\s*(?:(?:M\.|Mme|Monsieur|Madame)\s+)?[A-ZÀ-Ý][\w'’-]*\s+[A-ZÀ-Ý]{2,}")


def _kind(tok: str) -> str:
    letters = [c for c in tok if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return "UPPER"
    if letters and letters[0].isupper() and any(c.islower() for c in letters):
        return "Cap"
    return "other"


def _split_glued(name: str) -> list[str]:
    """"Christian DUMONT Christian DUPRAZ" -> two names: cut where a SURNAME in capitals is followed by a
    capitalised first name, if what is before already has a first name and what follows has a SURNAME.
    "DRUGEON Serge" (surname first) is left whole."""
    toks = name.split(" ")
    if len(toks) < 4:
        return [name]
    kinds = [_kind(t) for t in toks]
    out, start = [], 0
    for i in range(1, len(toks)):
        if kinds[i - 1] == "UPPER" and kinds[i] == "Cap" and "Cap" in kinds[start:i - 1] and "UPPER" in kinds[i + 1:]:
            out.append(" ".join(toks[start:i]))
            start = i
    out.append(" ".join(toks[start:]))
    return out


# A line starting with a civility starts a new item when the previous line ended a name ("… à Mr DRUGEON
# Serge\n Mme CASTEL Catherine à …", Putanges 2016), not after "à", "et" or a civility ("M.\nSteeve BRIOIS").
_LINE_CIVILITY = re.compile(
    r"(?P<prev>[^\W\d_]+)[ \t]*\n[ \t]*(?=" + _CIV_WORD + r"\s)",
    re.IGNORECASE,
)
_NOT_A_NAME_END = frozenset({"à", "a", "au", "de", "du", "par", "et", "que"})
# "Présents :", "Absents ayant donné procuration :", "+ Présents :": a label before the first colon.
_LABEL = re.compile(r"^[^,:]{0,160}:\s*(?=\S)")


def _looks_like_a_name(label: str) -> bool:
    """"Jean DUPONT :" is a name before a colon, "Étaient présents :" / "ABSENTS EXCUSES :" are labels."""
    kinds = [_kind(t) for t in label.split()]
    return "UPPER" in kinds and "Cap" in kinds


def _line_break(m: re.Match) -> str:
    prev = m.group("prev")
    low = prev.lower()
    if low in _NOT_A_NAME_END or low in CIVILITIES or low + "." in CIVILITIES:
        return m.group()
    return prev + ";"


def _chunks(text: str) -> list[tuple[str, bool]]:
    """Top-level items of a list: (item, follows "ainsi que")."""
    s = _clean(text).lstrip()
    label = _LABEL.match(s)
    if label and not _CIV_RE.match(s) and not _looks_like_a_name(label.group()):
        s = s[label.end():]
    s = _LINE_CIVILITY.sub(_line_break, _BULLET.sub(";", s))
    masked = mask_parens(s)
    items: list[tuple[str, bool]] = []
    pos, reset = 0, False
    for m in _SEPARATOR.finditer(masked):
        if m.group("stop"):
            word = m.group("word")
            # (nor initials: "JP. COSTES, MJ. LOMBARDI", 2020; "Ch. BOURDERIOUX")
            if len(word) < 2 or word.lower() + "." in CIVILITIES or word.lower() in CIVILITIES \
                    or _INITIALS_WORD.fullmatch(word):
                continue
            items.append((s[pos:m.end("word")], reset))
            reset = False
            pos = m.end()
            continue
        items.append((s[pos:m.start()], reset))
        reset = bool(m.group("and")) and m.group("and").startswith("ainsi")
        pos = m.end()
    items.append((s[pos:], reset))
    return items


# A second civility inside one entry opens another member, where the comma between them was left out: "M. CYPRIEN
# Mme LENOIR" (a list of Présents, 2023). Not after a word that links two people ("pouvoir à M. X", "représenté par
# Mme Y"), nor a civility that is the first of two ("M. et Mme").
_INNER_CIVILITY = re.compile(r"(?<=[^\W\d_]{2})\s+(?=(?:M\.|MM\.?|Mmes|Mme|Mlle|Melle|Mr|Monsieur|Madame)\.?\s+[^\W\d_])")


_PARTICLE_WORDS = frozenset({"de", "du", "des", "d'", "d’", "la", "le", "van", "von", "der", "den", "di", "da", "del",
                             "dit", "dite", "ép.", "épouse", "née", "né", "veuve", "et"})


# A surname printed with its particle first: "de LAVERGNE", "de VILLENEUVE Arnaud", "d'ARTIGUES".
_PARTICLE_NAME = re.compile(r"^(?:de|du|des|d'|d’|van|von|di|da|del)\s*[A-ZÀ-Ý][A-ZÀ-Ý'’-]+\b")
_NOT_A_NAME_START = frozenset({"Le", "La", "Les", "L'", "L’", "Il", "Elle", "Ils", "Ce", "Cette", "Un", "Une", "Aucun",
                               "Aucune", "Après", "Avant", "Pour", "Vu"})


# Words of the page that run into a list and are no member: "ORDRE DU JOUR", "Présentation", "Approbation", "L'Assemblée"
# (a list whose end the layout does not mark, 2013-2023).
_HEADING_WORDS = frozenset({"ORDRE", "DU", "JOUR", "PRESENTATION", "APPROBATION", "ASSEMBLEE", "L'ASSEMBLEE", "SONT",
                            "EN", "DATE", "DE", "LA", "SEANCE", "QUORUM", "VOTE", "SECRETAIRE", "SECRETAIRES",
                            "DELIBERATION", "DELIBERATIONS", "COMPTE", "RENDU", "COMPTE-RENDU", "CONVOCATION", "NEANT",
                            "ABSENTS", "PRESENTS", "EXCUSES", "POUVOIRS", "PROCURATIONS", "ETAIENT", "ETAIT"})


def _heading_words_only(name: str) -> bool:
    return all(strip_accents(w).upper().replace("’", "'") in _HEADING_WORDS for w in name.split())


def _before_prose(text: str) -> str:
    """The name before the sentence that goes on after it: "TANGUY qui indique ne pas comprendre …" -> "TANGUY",
    "Gauthier-Medeiros avec sa procuration" -> "Gauthier-Medeiros"; a sentence and no name ("Le quorum étant
    atteint") -> "". A word in small letters that is no particle ends the name ("Marie de la FONTAINE" is one)."""
    words = text.split()
    for k, word in enumerate(words):
        if word[:1].islower() and word.lower() not in _PARTICLE_WORDS:
            words = words[:k]
            break
    while words and words[-1] in _PARTICLE_WORDS:  # "… de" left before the sentence; not "LE VAN", a surname
        words.pop()
    if not words or words[0] in _NOT_A_NAME_START:
        return ""
    return before_the_text_goes_on(" ".join(words))  # "L. Bouysse Date" (of "Date de la convocation", 2013)


def _split_at_civilities(item: str) -> list[str]:
    parts, start = [], 0
    for m in _INNER_CIVILITY.finditer(item):
        before = item[start:m.start()].split()
        if before and before[-1].lower() not in _NOT_A_NAME_END and before[-1].lower() not in CIVILITIES:
            parts.append(item[start:m.start()])
            start = m.end()
    return [*parts, item[start:]]


def split_names(text: str) -> list[Person]:
    """Split an attendance or recusal list into persons (civility, name as printed).

    Items are separated by commas, semicolons, "/", "&", " et ", " ainsi que " and list bullets; line breaks
    inside a name are joined. A plural civility ("Mesdames", "Messieurs", "Mmes") applies to every following
    name without its own civility until the next plural civility or "ainsi que". Parenthetical remarks and
    proxies are left out: "Mme X (pouvoir à M. Y)" gives X only (see ``split_proxy``). Items that are not
    names (no letters, digits inside, starting in lower case such as "à compter de 21h49") are dropped.
    """
    if not isinstance(text, str):
        return []
    people: list[Person] = []
    group = ""
    for raw_item, after_ainsi_que in _chunks(text):
        if after_ainsi_que:
            group = ""
        item = collapse_spaces(raw_item)
        if not item:
            continue
        item, _ = split_proxy(item)
        for part in _split_at_civilities(item):
            own, new_group, rest, _ = _strip_civilities(part)
            if new_group is not None:
                group = new_group
            rest = _edges(rest)
            rest = _before_prose(rest)
            if not rest or any(c.isdigit() for c in rest) or not (rest[0].isupper() or _PARTICLE_NAME.match(rest)) \
                    or _heading_words_only(rest):
                continue
            for j, name in enumerate(_split_glued(rest)):
                civ = own if (own and j == 0) else group
                people.append(Person(civ, _edges(name)))  # "Franck MOREAU- Roland VASSEUR" (2011)
    return people


def group_civility(text: str) -> str | None:
    """The civility a plural one at the head of a list entry gives the names after it ("Mmes ANDRÉ" -> "Mme",
    "Messieurs Charles X" -> "M."), "" when it is a group civility that says no gender ("MM."), None when the
    entry opens with no group civility."""
    return _strip_civilities(collapse_spaces(text))[1] if isinstance(text, str) else None


def names_a_person(text: str) -> bool:
    """A civility, the president's title or a "First-name SURNAME" pair: "de Monsieur BAECHLER" names someone,
    "du SIAC de Fromentel" does not."""
    return bool(_PERSON_CIVILITY.search(text) or vocab.PRESIDENT_TITLE.search(text) or _FIRST_SURNAME.search(text))


_PERSON_CIVILITY = regex.compile(r"(?:^|\s)(?:M\.|MM\.|Mme|Mmes|Mlle|Monsieur|Madame|Messieurs|Mesdames)(?:\s|$)")
_FIRST_SURNAME = regex.compile(r"\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?\s+\p{Lu}{2,}", regex.VERSION1)

# --------------------------------------------------------------------------------------------------
# A printed name read as its parts (first names, initials, surname): members across files (pipeline.members),
# the signer of a closing signature (extract.deliberation)

PARTICLES = frozenset({"DE", "DU", "DES", "LE", "LA", "VAN", "VON", "DI", "DA", "DEL", "D'"})
_INITIALS = re.compile(r"^(?:[A-ZÀ-Ý][.\-]+)+[A-ZÀ-Ý]?\.?$|^[A-ZÀ-Ý]\.?$")


@dataclass(frozen=True, slots=True)
class Form:
    """A printed name read as its parts, each a name key; ``bare`` is one word whose part is unknown."""

    first: str = ""
    initials: str = ""
    surname: str = ""
    bare: str = ""
    civility: str = ""

    @property
    def full(self) -> bool:
        return bool(self.first and self.surname)


@lru_cache(maxsize=65536)
def word_key(word: str) -> str:
    return name_key(word).replace(" ", "-")


def _is_initials(word: str) -> bool:
    return bool(_INITIALS.match(word)) and ("." in word or "-" in word or len(word) == 1)


def is_capitals(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters)


def _name_words(rest: str) -> list[str]:
    """The words of a printed name (a comma separates like a space; a word of punctuation alone is no word)."""
    return [w for w in re.split(r"[\s,]+", rest.replace("’", "'")) if w and word_key(w)]


def _one_word_form(word: str, letters: str, has_initials: bool, civility: str) -> Form:
    """One word besides the initials: a surname when initials, a civility or capitals go with it (``F. DUPUIS``,
    ``M. Grandin``, ``JEANROY``), else a word whose part is unknown (``Yves``)."""
    if has_initials or civility or is_capitals(word):
        return Form(initials=letters, surname=word_key(word), civility=civility)
    return Form(bare=word_key(word), civility=civility)


def _first_and_surname(others: list[str]) -> tuple[list[str], list[str]]:
    """Two words or more (initials aside) cut into first names and surname: the capitals are the surname
    (``DESMARES Elisabeth``); all in capitals or all in small letters, first names then the surname, the last word
    (``Sébastien Leroux``) with the particle before it when three words or more."""
    caps = [w for w in others if is_capitals(w)]
    lower = [w for w in others if not is_capitals(w)]
    if caps and lower:
        return lower, caps
    cut = len(others) - 1
    if cut > 1 and word_key(others[cut - 1]) in PARTICLES:
        cut -= 1
    return others[:cut], others[cut:]


def _parts_form(first: list[str], surname: list[str], letters: str, civility: str) -> Form:
    """The form of first names and surname; a particle among the first names goes to the surname."""
    first_key = "-".join(word_key(w) for w in first if word_key(w) not in PARTICLES)
    particle = [w for w in first if word_key(w) in PARTICLES]
    surname_key = " ".join(word_key(w) for w in particle + surname)
    if not first_key:
        return Form(initials=letters, surname=surname_key, civility=civility)
    return Form(first=first_key, initials=letters, surname=surname_key, civility=civility)


@lru_cache(maxsize=65536)
def parse_name(printed: str, civility: str = "") -> Form:
    """The parts of a printed name: ``parse_name("Jean-Pierre JEANROY")`` -> first JEAN-PIERRE, surname
    JEANROY; ``parse_name("J-L Gély")`` -> initials JL, surname GELY; ``parse_name("Yves")`` -> bare YVES."""
    civ, rest = strip_civility(printed or "")
    civility = civ or civility or ""
    words = _name_words(rest)
    if not words:
        return Form(civility=civility)
    initials = [w for w in words if _is_initials(w)]
    others = [w for w in words if not _is_initials(w)]
    letters = name_key("".join(c for w in initials for c in w if c.isalpha()))
    if len(others) == 1:  # then not both capitals and small letters
        return _one_word_form(others[0], letters, bool(initials), civility)
    first, surname = _first_and_surname(others)
    return _parts_form(first, surname, letters, civility)
