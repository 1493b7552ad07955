"""SCDL open-data exports: ``scdl/deliberations.csv`` (Délibérations 2.1.5) and ``scdl/subventions.csv``
(Subventions 2.1.1), whose every row validates against its schema, the rows that lack a required field in
``scdl/deliberations_incomplete.csv`` and ``scdl/subventions_incomplete.csv`` (same columns, plus ``a_completer``:
what the row lacks), and the batch-scope rule ``scdl.publishable``: one finding per file.

The schemas are the official ones, copied unchanged into ``pipeline/export/schemas/``; the column order is theirs.
The choices where the records and the schemas meet are documented in docs/scdl.md:

- ``COLL_SIRET``/``idAttribuant``: the SIRET the document prints next to the collectivité's own name (a valid one,
  whose SIREN prefix fits the kind of collectivité: 21 commune, 22 département, 23 région, 20/24/25 groupement, or
  whose SIREN is the collectivité's in the official list ``data/collectivites.csv``), else ``--collectivites
  FILE.csv`` (name -> SIRET), else ``--coll-siret``, else ``data/known_collectivites.csv``; never guessed.
- One deliberations row per vote block (``DELIB_ID`` stays the deliberation's id; ``DELIB_OBJET`` names the
  articles of the block when there are several blocks); one row without vote columns when no vote was read.
- One subventions row per convention or avenant that commits an amount and is not the price of a service.
- A row that would not validate goes to the ``_incomplete`` file, never lost and never in the published file.
- A deliberation found in several files (same collectivité, number and date) is exported once, from the best copy
  (text layer before OCR, then the smallest doc_id); the other copies' findings say so.
- A file of kind ``other`` (not a deliberation) gives no SCDL row.

Light on purpose: the batch process imports this module, never the pipeline stages.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import NamedTuple

from models.records import Convention, Deliberation, FileResult, Finding, Vote
from pipeline.export.csv_tables import atomic_write_text, natural_key, sorted_results
from pipeline.normalize.ids import siret_exact

HERE = Path(__file__).resolve().parent
SCHEMA_DIR = HERE / "schemas"
DATA_DIR = HERE / "data"
DELIBERATIONS_SCHEMA = SCHEMA_DIR / "deliberations-2.1.5.schema.json"
SUBVENTIONS_SCHEMA = SCHEMA_DIR / "subventions-2.1.1.schema.json"
RULE_ID = "scdl.publishable"
SCDL_DIR = "scdl"
INCOMPLETE_FILE = "subventions_incomplete.csv"
DELIB_INCOMPLETE_FILE = "deliberations_incomplete.csv"
VOTING_STATUSES = ("present", "excused", "absent")
OBJET_MAX = 256  # subventions.objet and conditionsVersement: maxLength 256


@functools.cache
def schema_columns(path: Path) -> tuple[str, ...]:
    """The column names of an SCDL schema, in its order."""
    return tuple(f["name"] for f in json.loads(path.read_text(encoding="utf-8"))["fields"])


@dataclass(frozen=True, slots=True)
class OpenDataOptions:
    """Batch-level settings of the export (not per-file options: changing them re-reads no file)."""

    coll_siret: str | None = None  # --coll-siret: the collectivité's SIRET where the document prints none
    # --collectivites FILE.csv: (name key, name as written in the file, SIRET), for a folder mixing councils
    collectivites: tuple[tuple[str, str, str], ...] = ()

    def listed(self, name: str | None) -> tuple[str, str] | None:
        """(name as written, SIRET) of a collectivité named in --collectivites, by its name or distinctive name."""
        if not name or not self.collectivites:
            return None
        keys = {name_key(name), distinctive(None, collectivite_kind(name)[3])}
        found = official(name)
        if found:  # the name the official list gives it, when the printed one carries more words
            keys.add(distinctive(None, name_key(found.nom)))
        return next(((nom, siret) for key, nom, siret in self.collectivites if key in keys), None)


class CollectivitesFileError(ValueError):
    """The --collectivites file cannot be used; the message is one plain sentence."""


def read_collectivites(path: Path) -> tuple[tuple[str, str, str], ...]:
    """``--collectivites FILE.csv``: a header with ``nom`` and ``siret`` columns (``,`` or ``;`` separated), one
    collectivité a line, its name as the documents print it (``Commune de Pierrefonds``, or just ``Pierrefonds``)
    and its SIRET. Raises CollectivitesFileError with a plain sentence."""
    from stdnum.fr import siret as stdnum_siret

    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise CollectivitesFileError(f"cannot read the --collectivites file {str(path)!r} "
                                     f"({getattr(exc, 'strerror', None) or 'not UTF-8 text'})") from None
    delimiter = ";" if text.split("\n", 1)[0].count(";") > text.split("\n", 1)[0].count(",") else ","
    rows = list(csv.DictReader(io.StringIO(text), delimiter=delimiter))
    header = {(k or "").strip().lower(): k for k in (rows[0].keys() if rows else [])}
    if "nom" not in header or "siret" not in header:
        raise CollectivitesFileError(f"the --collectivites file {str(path)!r} needs a header line with the columns "
                                     f"nom and siret (e.g. nom,siret)")
    out = []
    for line, row in enumerate(rows, 2):
        nom, siret = (row[header["nom"]] or "").strip(), "".join((row[header["siret"]] or "").split())
        if not (len(siret) == 14 and siret.isdigit() and stdnum_siret.is_valid(siret)):
            raise CollectivitesFileError(f"line {line} of {str(path)!r}: {siret or 'an empty SIRET'} is not a "
                                         f"valid SIRET (14 digits that pass the Luhn check)")
        if nom:
            keys = (name_key(nom), distinctive(None, collectivite_kind(nom)[3]))
            out.extend((key, nom, siret) for key in dict.fromkeys(keys))
    return tuple(out)


# --- Text keys ------------------------------------------------------------------------------------------------

@functools.cache
def _fold_table() -> dict[int, str | None]:
    """str.translate's table for ``fold``: combining marks (the accents NFKD takes apart) dropped, apostrophes
    as ``'``, ligatures spelt out. One pass in C instead of a test per character: the official dataset's 36 000
    names are folded on every run."""
    marks = {c: None for c in range(0x110000) if unicodedata.combining(chr(c))}
    return {**marks, **{ord(c): "'" for c in "’`´‘"}, ord("œ"): "oe", ord("æ"): "ae"}


def fold(text: str | None) -> str:
    """Lower case, accents removed, apostrophes as ``'``, spaces collapsed: the text the rules are matched on."""
    text = unicodedata.normalize("NFKD", text or "").translate(_fold_table()).lower()
    return " ".join(text.translate(_fold_table()).split())  # again: lower() makes "Œ" "œ"


_NOT_KEY = re.compile(r"[^0-9a-z]+")


def name_key(text: str | None) -> str:
    """``Département du Pas-de-Calais`` -> ``DEPARTEMENT DU PAS DE CALAIS`` (hyphens, apostrophes as spaces)."""
    return " ".join(_NOT_KEY.sub(" ", fold(text)).upper().split())


# --- The collectivité: name and SIRET ---------------------------------------------------------------------------

# kind of collectivité -> (its name's leading words, the SIREN prefixes of that kind, the 9.x matière code)
KINDS = (
    ("departement", r"(?:LE )?(?:DEPARTEMENT|CONSEIL DEPARTEMENTAL|CONSEIL GENERAL)", ("22",), "9.2"),
    ("region", r"(?:LA )?(?:REGION|CONSEIL REGIONAL)", ("23",), "9.3"),
    ("commune", r"(?:LA )?(?:VILLE|COMMUNE|MAIRIE|CONSEIL MUNICIPAL)", ("21",), "9.1"),
    ("groupement", r"(?:LA )?(?:COMMUNAUTE (?:DE COMMUNES|D AGGLOMERATION|URBAINE)|METROPOLE|SYNDICAT(?: [A-Z]+)?"
                   r"|ETABLISSEMENT PUBLIC TERRITORIAL|POLE D EQUILIBRE TERRITORIAL(?: ET RURAL)?)",
     ("20", "24", "25"), "9.1"),
)
ARTICLE = r"(?: (?:DU|DE LA|DE L|DES|DE|D|L))?"


def collectivite_kind(name: str | None) -> tuple[str | None, tuple[str, ...], str, str]:
    """(kind, SIREN prefixes, fallback matière code, distinctive name key) of a collectivité's printed name:
    ``DEPARTEMENT DU PAS-DE-CALAIS`` -> ("departement", ("22",), "9.2", "PAS DE CALAIS")."""
    key = name_key(name)
    for kind, words, prefixes, code in KINDS:
        m = re.match(rf"{words}{ARTICLE} (?P<rest>.+)$", key)
        if m and len(m.group("rest")) >= 3:
            return kind, prefixes, code, m.group("rest")
    return None, ("2",), "9.1", key  # a collectivité's SIREN starts with 2 (public-law legal person)


@dataclass(frozen=True, slots=True)
class KnownCollectivite:
    siret: str
    nom: str
    keys: frozenset[str]
    source: str


@functools.cache
def known_collectivites() -> tuple[KnownCollectivite, ...]:
    with (DATA_DIR / "known_collectivites.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    return tuple(KnownCollectivite(r["siret"], r["nom"], frozenset({name_key(r["nom"])} | {
        name_key(n) for n in r["names"].split(";") if n.strip()}), r["source"]) for r in rows)


class Official(NamedTuple):
    """A collectivité of the official dataset (``data/collectivites.csv``, from the INSEE Code officiel
    géographique as published by Etalab): kind, INSEE code (SIREN for an EPCI), name, SIREN, département."""

    kind: str
    code: str
    nom: str
    siren: str
    departement: str

    def describe(self) -> str:
        where = f", département {self.departement}" if self.departement and self.kind == "commune" else ""
        siren = f", SIREN {self.siren}" if self.siren else ""
        return f"{self.kind} {self.nom} (code {self.code}{where}{siren})"


EPCI_WORDS = {"CC": "COMMUNAUTE DE COMMUNES", "CA": "COMMUNAUTE D AGGLOMERATION", "CU": "COMMUNAUTE URBAINE"}
DATASET_KIND = {"epci": "groupement"}


def distinctive(kind: str | None, key: str) -> str:
    """The part of a name key compared with the dataset: no leading article (``L ARBRESLE`` -> ``ARBRESLE``)."""
    return _ARTICLE_FIRST.sub("", key)


_ARTICLE_FIRST = re.compile(r"^(?:LE|LA|LES|L) ")


_BRACKETED = re.compile(r"\([^)]*\)")


@functools.cache
def official_index() -> dict[tuple[str, str], tuple[Official, ...]]:
    """(kind, distinctive name) -> the collectivités of the official dataset with that name."""
    index: dict[tuple[str, str], list[Official]] = {}
    with (DATA_DIR / "collectivites.csv").open(encoding="utf-8", newline="") as fh:
        rows = csv.reader(fh)
        if tuple(next(rows)) != Official._fields:
            raise ValueError(f"{DATA_DIR / 'collectivites.csv'}: the columns are not {', '.join(Official._fields)}")
        for entry in map(Official._make, rows):
            kind = DATASET_KIND.get(entry.kind, entry.kind)
            key = name_key(_BRACKETED.sub(" ", entry.nom) if "(" in entry.nom else entry.nom)
            if entry.kind == "epci":
                words = key.split(" ", 1)
                key = collectivite_kind(" ".join([EPCI_WORDS.get(words[0], words[0]), *words[1:]]))[3]
            index.setdefault((kind, distinctive(kind, key)), []).append(entry)
    return {k: tuple(v) for k, v in index.items()}


@functools.cache
def official_by_siren() -> dict[str, Official]:
    """SIREN -> the commune or EPCI of the official dataset."""
    return {o.siren: o for entries in official_index().values() for o in entries if o.siren}


def official_name(siret: str | None) -> str | None:
    """The official name of the commune or EPCI whose SIREN begins a SIRET (for ``--coll-siret`` when the
    document's own name for its collectivité was not read)."""
    found = official_by_siren().get((siret or "")[:9])
    return found.nom if found else None


@functools.cache
def official(name: str | None) -> Official | None:
    """The collectivité a printed name designates in the official dataset, when exactly one has that kind and
    name (``Commune d'Aiglun`` is two communes: None)."""
    kind, _, _, rest = collectivite_kind(name)
    if not name or kind is None:
        return None
    words = distinctive(kind, rest).split()
    for end in range(len(words), 0, -1):  # "Ville de Montpellier, le mercredi 22 juin 2011": words read past it
        found = official_index().get((kind, " ".join(words[:end])), ())
        if found:
            return found[0] if len(found) == 1 else None
    return None


def luhn_ok(digits: str) -> bool:
    """The Luhn check of a SIRET written as 14 digits (what validata's french-siret-value check runs)."""
    return siret_exact(digits)


@dataclass(frozen=True, slots=True)
class Collectivite:
    nom: str | None  # COLL_NOM / nomAttribuant
    siret: str | None  # COLL_SIRET / idAttribuant
    source: str | None  # where the SIRET came from, in words
    problem: str | None = None  # why there is no SIRET
    note: str | None = None  # a remark worth the finding (e.g. --coll-siret differs from the printed SIRET)


def collectivite(result: FileResult, name: str | None, options: OpenDataOptions) -> Collectivite:
    """The collectivité of a deliberation: its official name and SIRET, and where the SIRET was read — the
    document, else ``--collectivites``, else ``--coll-siret``, else ``known_collectivites.csv``."""
    known_by_name = next((k for k in known_collectivites() if name_key(name) in k.keys), None) if name else None
    printed = printed_sirets(result, name)
    if len(printed) == 1:
        return _printed_collectivite(printed, name, known_by_name, options)
    ambiguous = _several_printed(printed)
    given = _given_collectivite(name, known_by_name, options, ambiguous)
    return given if given is not None else _unidentified_collectivite(name, ambiguous)


def _printed_collectivite(printed: dict[str, int | None], name: str | None, known_by_name: KnownCollectivite | None,
                          options: OpenDataOptions) -> Collectivite:
    """The one SIRET printed in the document wins over --coll-siret (which the note then mentions)."""
    siret, page = next(iter(printed.items()))
    known = next((k for k in known_collectivites() if k.siret == siret), known_by_name)
    note = None
    if options.coll_siret and options.coll_siret != siret:
        note = f"--coll-siret {options.coll_siret} was not used: the document prints {siret}"
    return Collectivite(known.nom if known else name, siret, f"printed in the document (page {page})", note=note)


def _several_printed(printed: dict[str, int | None]) -> str | None:
    """Why none of several printed SIRETs is taken, or None when fewer than two are printed."""
    if len(printed) <= 1:
        return None
    listed = ", ".join(f"{s} (page {p})" for s, p in sorted(printed.items()))
    return f"the document prints several SIRETs next to the collectivité's name ({listed})"


def _given_collectivite(name: str | None, known_by_name: KnownCollectivite | None, options: OpenDataOptions,
                        ambiguous: str | None) -> Collectivite | None:
    """The collectivité given outside the document: ``--collectivites``, else ``--coll-siret``, else
    ``known_collectivites.csv`` (unless the document prints several SIRETs); None when none applies."""
    in_file = options.listed(name)
    if in_file:  # the name the user wrote is the collectivité's name
        return Collectivite(in_file[0], in_file[1],
                            f"given in the --collectivites file (as “{in_file[0]}”)", note=ambiguous)
    if options.coll_siret:
        known = next((k for k in known_collectivites() if k.siret == options.coll_siret), known_by_name)
        return Collectivite(known.nom if known else (name or official_name(options.coll_siret)),
                            options.coll_siret, "given with --coll-siret", note=ambiguous)
    if known_by_name is not None and not ambiguous:
        return Collectivite(known_by_name.nom, known_by_name.siret, "known_collectivites.csv")
    return None


def _unidentified_collectivite(name: str | None, ambiguous: str | None) -> Collectivite:
    """No SIRET: the problem says what to give."""
    if not name:
        return Collectivite(None, None, None, "the collectivité's name was not read in the document: give its "
                                              "SIRET with --coll-siret (its name then comes from the official "
                                              "list of communes and EPCI)")
    found = official(name)
    which = f" (the {found.describe()} in the official list)" if found else ""
    return Collectivite(name, None, None, (ambiguous or f"no SIRET is printed next to “{name}”{which}: give it "
                                           f"with --collectivites FILE.csv or --coll-siret"))


def printed_sirets(result: FileResult, name: str | None) -> dict[str, int | None]:
    """Valid SIRETs printed next to the collectivité's own name (its distinctive words in the 60 characters
    around the number) whose SIREN prefix fits its kind, and valid SIRETs anywhere in the document whose SIREN is
    the collectivité's in the official list: SIRET -> first page."""
    if not name:
        return {}
    _, prefixes, _, distinctive_words = collectivite_kind(name)
    found_official = official(name)
    siren = found_official.siren if found_official else None
    found: dict[str, int | None] = {}
    for ident in result.identifiers:
        if ident.kind != "siret" or not ident.valid or not ident.value.startswith(prefixes):
            continue
        if f" {distinctive_words} " in f" {name_key(ident.context)} " or (siren and ident.value[:9] == siren):
            found.setdefault(ident.value, ident.page)
    return found


# --- Matière (@ctes nomenclature, level 2) ----------------------------------------------------------------------

@functools.cache
def nomenclature() -> dict[str, tuple[str, str]]:
    """code -> (matière, sous-matière) as printed in the nomenclature."""
    with (DATA_DIR / "actes_nomenclature.csv").open(encoding="utf-8", newline="") as fh:
        return {r["code"]: (r["matiere"], r["sous_matiere"]) for r in csv.DictReader(fh)}


def matiere_nom(code: str) -> str:
    """``7.9`` -> ``finances locales/prise de participation sem etc.``: lower case with accents, no comma or
    parenthesis, level 1 and level 2 joined by ``/`` (the schema's DELIB_MATIERE_NOM)."""
    def clean(text: str) -> str:
        return " ".join(re.sub(r"[,()]", " ", text).split()).lower()

    level1, level2 = nomenclature()[code]
    return f"{clean(level1)}/{clean(level2)}"


@functools.cache
def matiere_rules() -> tuple[tuple[str, re.Pattern], ...]:
    with (DATA_DIR / "actes_rules.csv").open(encoding="utf-8", newline="") as fh:
        rules = tuple((r["code"], re.compile(r["pattern"])) for r in csv.DictReader(fh))
    unknown = {code for code, _ in rules} - set(nomenclature())
    if unknown:
        raise ValueError(f"actes_rules.csv uses codes that are not in the nomenclature: {sorted(unknown)}")
    return rules


def classify(title: str | None, articles: Iterable[str], collectivite_name: str | None) -> tuple[str, str]:
    """(code, how) for a deliberation: the first rule matching its title, else its articles, else 9.x."""
    for where, text in (("title", fold(title)), ("articles", fold(" ".join(articles)))):
        if not text:
            continue
        for code, pattern in matiere_rules():
            m = pattern.search(text)
            if m:
                return code, f"its {where} says “{m.group(0)}”"
    _, _, code, _ = collectivite_kind(collectivite_name)
    return code, "no rule matched its title or articles (other domains of its kind of collectivité)"


# --- Deliberations rows -----------------------------------------------------------------------------------------

def of(result: FileResult, table: str, delib_id: str | None) -> list:
    return [r for r in result.rows.get(table, []) if r.delib_id == delib_id]


def voting_members(result: FileResult, delib_id: str) -> int:
    """Members who can vote: present, excused, absent (not "sans voix délibérative"), each once; the
    deliberation's own list, else the session's list."""
    rows = of(result, "attendance", delib_id) or of(result, "attendance", None)
    return len({r.name_key or r.name for r in rows if r.status in VOTING_STATUSES})


def vote_columns(vote: Vote | None, effectif: int) -> tuple[dict, str | None]:
    """VOTE_* of one block, consistent with the schema's checks (REEL = POUR + CONTRE + ABSTENTION,
    EFFECTIF >= REEL, all five or none); a problem when printed counts cannot be written."""
    empty = dict.fromkeys(("VOTE_EFFECTIF", "VOTE_REEL", "VOTE_POUR", "VOTE_CONTRE", "VOTE_ABSTENTION"))
    if vote is None or (vote.pour is None and vote.contre is None and vote.abstention is None):
        return empty, None  # no counts printed ("adopté à l'unanimité"): nothing to write
    # Councils print only the categories that got votes ("24 voix pour, 15 abstentions"): the others are 0.
    pour, contre, abstention = vote.pour or 0, vote.contre or 0, vote.abstention or 0
    reel = pour + contre + abstention
    if not effectif and vote.absents_no_delegation is not None:
        effectif = reel + vote.absents_no_delegation  # the members who could vote, as the vote itself counts them
    if not effectif:
        return empty, None  # counts without the number of members: VOTE_* must be all or nothing
    if effectif < reel:
        return empty, (f"block {vote.block}: {reel} votes cast for {effectif} voting members; the vote columns "
                       f"are left empty")
    return {"VOTE_EFFECTIF": effectif, "VOTE_REEL": reel, "VOTE_POUR": pour, "VOTE_CONTRE": contre,
            "VOTE_ABSTENTION": abstention}, None


BUDGET_NAME = re.compile(r"\bbudget\s+(?:annexe\s+[^,.;:()]{2,60}?(?=\s*[,.;:()]|\s+(?:comme|selon|pour)\b|$)|"
                         r"principal|g[ée]n[ée]ral|d[ée]partemental|communal|r[ée]gional|communautaire|"
                         r"m[ée]tropolitain)\b", re.IGNORECASE)


def budget_columns(result: FileResult, d: Deliberation) -> dict:
    """BUDGET_ANNEE/BUDGET_NOM when the deliberation imputes expenses (an imputation article or a budget table):
    the session's year, and the budget the imputation names ("imputées sur le budget départemental"), else
    "budget principal" (an imputation that names no budget annexe is on the main budget)."""
    articles = of(result, "articles", d.delib_id)
    imputations = [a for a in articles if a.kind == "imputation"]
    if (not imputations and not of(result, "budget_lines", d.delib_id)) or d.session_date is None:
        return {"BUDGET_ANNEE": None, "BUDGET_NOM": None}
    named = None
    for a in imputations or articles:
        m = BUDGET_NAME.search(" ".join((a.text or "").split()))
        if m:
            named = m.group(0).lower()
            break
    name = named or "budget principal"
    return {"BUDGET_ANNEE": str(d.session_date.year), "BUDGET_NOM": name[:1].upper() + name[1:]}


def article_span(numbers: list[int]) -> str:
    if not numbers:
        return ""
    if len(numbers) == 1:
        return f"article {numbers[0]}"
    if len(numbers) > 2 and numbers == list(range(numbers[0], numbers[-1] + 1)):
        return f"articles {numbers[0]} à {numbers[-1]}"
    return "articles " + ", ".join(map(str, numbers[:-1])) + f" et {numbers[-1]}"


def deliberation_rows(result: FileResult, d: Deliberation, coll: Collectivite) -> tuple[list[dict], list[str]]:
    """The rows of one deliberation (one per vote block) and the reasons they cannot be published as they are."""
    problems = []
    if not coll.nom:
        problems.append("COLL_NOM is unknown (the collectivité's name was not found)")
    if not coll.siret:
        problems.append(f"COLL_SIRET is unknown: {coll.problem}")
    elif not luhn_ok(coll.siret):
        problems.append(f"COLL_SIRET {coll.siret} ({coll.source}) fails its Luhn check")
    if d.session_date is None:
        problems.append("DELIB_DATE is unknown (no session date was read)")
    if not d.title:
        problems.append("DELIB_OBJET is unknown (no title was read)")
    articles = of(result, "articles", d.delib_id)
    code, _ = classify(d.title, [a.text or "" for a in articles], d.collectivite)
    base = {"COLL_NOM": coll.nom, "COLL_SIRET": coll.siret, "DELIB_ID": d.delib_id, "DELIB_DATE": d.session_date,
            "DELIB_MATIERE_CODE": code, "DELIB_MATIERE_NOM": matiere_nom(code), "DELIB_OBJET": d.title,
            **budget_columns(result, d), "PREF_ID": None, "PREF_DATE": None, "DELIB_URL": None}
    votes = sorted(of(result, "votes", d.delib_id), key=lambda v: v.block or 0)
    effectif = voting_members(result, d.delib_id)
    rows = []
    for vote in votes or [None]:
        columns, problem = vote_columns(vote, effectif)
        if problem:
            problems.append(problem)
        row = {**base, **columns}
        if len(votes) > 1 and d.title:
            span = article_span(list(vote.articles or [])) or f"bloc {vote.block}"
            row["DELIB_OBJET"] = f"{d.title} ({span})"
        rows.append(row)
    return rows, problems


# --- Subventions rows -------------------------------------------------------------------------------------------

@dataclass(slots=True)
class Subsidy:
    """What the export does with one convention or avenant."""

    convention: Convention
    status: str  # pass: in subventions.csv; fail: in subventions_incomplete.csv; skip: not a subsidy
    reason: str
    row: dict | None = None
    missing: list[str] = field(default_factory=list)  # what a "fail" row lacks


def convention_label(c: Convention) -> str:
    kind = "Avenant" if c.kind == "avenant" else "Convention"
    annex = f" (annexe {c.annex})" if c.annex else ""
    return f"{kind} with {c.counterparty or 'an unnamed counterparty'}{annex}"


def euros(value: Decimal) -> str:
    """185000 -> "185 000,00 €", as the documents print it."""
    whole, cents = f"{value:.2f}".split(".")
    return f"{int(whole):,}".replace(",", " ") + f",{cents} €"


def shorten(text: str, limit: int = OBJET_MAX) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:") + "…"


def payment_terms(result: FileResult, c: Convention, decided: date) -> tuple[str, str]:
    """(conditionsVersement, datesPeriodeVersement) from the act's payment schedule.

    Conditions: one payment "versée en totalité" -> ``unique``; several payments -> ``échelonné``; no schedule
    printed -> a plain description. Period: from the deliberation's date (nothing of this act is paid before it
    is decided) to 31 December of the last budget year the schedule charges (payments already made under an
    earlier act left aside), else to the end of the act's period, else to the end of the session's year.
    """
    payments = [p for p in of(result, "payments", c.delib_id) if p.annex == c.annex]
    if not payments:
        conditions = "modalités de versement non précisées dans l'acte annexé"
    elif len(payments) == 1 and payments[0].kind == "single":
        conditions = "unique"
    else:
        conditions = "échelonné"
    to_come = [p for p in payments if not re.search(r"\bdeja verse", fold(p.condition))]
    years = [p.budget_year for p in to_come if p.budget_year]
    end = None
    if years and max(years) >= decided.year:
        end = date(max(years), 12, 31)
    elif c.period_end and c.period_end >= decided:
        end = c.period_end
    if end is None:
        end = date(decided.year, 12, 31)
    return conditions, f"{decided.isoformat()}/{end.isoformat()}"


def beneficiary_ids(result: FileResult, c: Convention) -> tuple[str | None, str | None]:
    """(SIRET, RNA): the SIRET of the act's parties block, and an RNA number printed in the act's pages (when
    exactly one is)."""
    last = max(c.page_end or c.page or 0, c.page or 0)
    rnas = {i.value for i in result.identifiers if i.kind == "rna" and c.page and i.page
            and c.page <= i.page <= last}
    return c.siret, (rnas.pop() if len(rnas) == 1 else None)


def subsidies(result: FileResult, d: Deliberation, coll: Collectivite) -> list[Subsidy]:
    """One finding per act of the deliberation: skipped (no amount, the price of a service), left incomplete
    (``fail``, with what is missing) or exported (``pass``)."""
    out = []
    for c in of(result, "conventions", d.delib_id):
        label = convention_label(c)
        skipped = _not_a_subsidy(c, label)
        out.append(skipped if skipped is not None else _subsidy(result, d, coll, c, label))
    return out


def _not_a_subsidy(c: Convention, label: str) -> Subsidy | None:
    """A ``skip`` finding for an act without an amount or one that pays for a service; None for a subsidy."""
    if c.amount is None or c.amount <= 0:
        return Subsidy(c, "skip", f"{label}: no amount committed by the act was read, so it is not "
                                  f"exported as a subsidy.")
    if "service_price" in (c.funding_terms or []):
        return Subsidy(c, "skip", f"{label}: the act pays for a service (“en contrepartie de la "
                                  f"réalisation…”), which is not a subsidy; not exported.")
    return None


def _subsidy(result: FileResult, d: Deliberation, coll: Collectivite, c: Convention, label: str) -> Subsidy:
    """The act's row of scdl/subventions.csv: ``pass`` when complete, else ``fail`` with what is missing."""
    siret, rna = beneficiary_ids(result, c)
    decided = d.session_date
    conditions, period = payment_terms(result, c, decided) if decided else (None, None)
    terms = c.funding_terms or []
    nature = "aide en numéraire" + (";aide en nature" if "in_kind" in terms else "")
    row = {"nomAttribuant": coll.nom, "idAttribuant": coll.siret, "dateConvention": decided,
           "referenceDecision": d.delib_id if "#" not in (d.delib_id or "") else None,
           "nomBeneficiaire": c.counterparty, "idBeneficiaire": siret, "rnaBeneficiaire": rna,
           "objet": shorten(c.object or d.title or ""), "montant": c.amount, "nature": nature,
           "conditionsVersement": shorten(conditions) if conditions else None,
           "datesPeriodeVersement": period, "idRAE": None,
           "notificationUE": "oui" if "state_aid" in terms else "non",
           "pourcentageSubvention": Decimal("1.00"), "dispositifAide": None}
    missing = _subsidy_gaps(c, siret, rna, decided, row)
    amount = euros(c.amount)
    if missing:
        return Subsidy(c, "fail", f"{label}: {amount} left out of scdl/subventions.csv and written to "
                                  f"scdl/{INCOMPLETE_FILE} to be completed: {'; '.join(missing)}.", row, missing)
    ids = " and ".join(f"{k} {v}" for k, v in (("SIRET", siret), ("RNA", rna)) if v)
    return Subsidy(c, "pass", f"{label}: {amount} to a beneficiary identified by {ids}, "
                              f"{conditions}, paid {period}.", row)


def _subsidy_gaps(c: Convention, siret: str | None, rna: str | None, decided: date | None, row: dict) -> list[str]:
    """What keeps a subsidy out of the published file, in words."""
    missing = []
    if not c.counterparty:
        missing.append("the beneficiary's name was not read")
    if siret and not luhn_ok(siret):
        missing.append(f"the SIRET printed for the beneficiary, {siret}, fails its Luhn check")
    elif not siret and not rna:
        missing.append("no SIRET or RNA number is printed for the beneficiary")
    if decided is None:
        missing.append("the deliberation's date (dateConvention) is unknown")
    if not row["objet"]:
        missing.append("the act's object was not read")
    return missing


# --- The plan of a batch: identities and copies ---------------------------------------------------------------

SOURCE_RANK = {"text": 0, "mixed": 1, "ocr": 2}
STATUS_RANK = {"ok": 0, "partial": 1}


@dataclass(slots=True)
class Plan:
    """The batch's settings and which file each deliberation is exported from (one copy per deliberation)."""

    options: OpenDataOptions = field(default_factory=OpenDataOptions)
    copies: dict[tuple[str, str], FileResult] = field(default_factory=dict)  # (doc_id, delib_id) -> exported copy

    def copy_of(self, result: FileResult, delib_id: str) -> FileResult | None:
        """The other file this deliberation is exported from, or None when it is exported from this one."""
        kept = self.copies.get((result.document.doc_id, delib_id))
        return None if kept is None or kept.document.doc_id == result.document.doc_id else kept


def preference(result: FileResult) -> tuple:
    doc = result.document
    return (SOURCE_RANK.get(doc.text_source or "", 3), STATUS_RANK.get(doc.status or "", 2), doc.doc_id,
            doc.source_file or "")


def plan(results: Iterable[FileResult], options: OpenDataOptions = OpenDataOptions()) -> Plan:
    """Which copy of each deliberation is exported: a deliberation with a printed number and a date that several
    files hold (same collectivité, number, date) is exported from the best file only."""
    out = Plan(options)
    first: dict[tuple, FileResult] = {}
    for result in sorted(results, key=preference):
        for d in result.rows.get("deliberations", []):
            if not d.delib_id or "#" in d.delib_id or d.session_date is None:
                continue
            coll = collectivite(result, d.collectivite, options)
            key = (coll.siret or name_key(d.collectivite), d.delib_id, d.session_date)
            kept = first.setdefault(key, result)
            out.copies[(result.document.doc_id, d.delib_id)] = kept
    return out


# --- Schema gaps: what keeps a row out of the published file ------------------------------------------------

@functools.cache
def schema_constraints(path: Path) -> tuple[tuple[str, dict], ...]:
    return tuple((f["name"], f.get("constraints") or {}) for f in json.loads(path.read_text(encoding="utf-8"))
                 ["fields"])


SIRET_COLUMNS = ("COLL_SIRET", "idAttribuant", "idBeneficiaire")  # the schemas' french-siret-value checks
WHY_EMPTY = {"DELIB_DATE": "no session date was read", "DELIB_OBJET": "no title was read",
             "dateConvention": "the deliberation's date is unknown",
             "nomBeneficiaire": "the beneficiary's name was not read", "objet": "the act's object was not read"}


def row_gaps(row: dict, schema: Path) -> list[str]:
    """Why a row would not validate against its schema: required values missing, patterns, lengths, enums and
    SIRET checksums (the custom vote and budget checks hold by construction)."""
    gaps = []
    for name, constraints in schema_constraints(schema):
        value = cell(row.get(name))
        if not value:
            if constraints.get("required"):
                gaps.append(f"{name} is empty" + (f" ({WHY_EMPTY[name]})" if name in WHY_EMPTY else ""))
            continue
        if "pattern" in constraints and not re.fullmatch(constraints["pattern"], value):
            gaps.append(f"{name} {value!r} does not have the expected form")
        elif len(value) > constraints.get("maxLength", len(value)):
            gaps.append(f"{name} is longer than {constraints['maxLength']} characters")
        elif "enum" in constraints and value not in constraints["enum"]:
            gaps.append(f"{name} {value!r} is not one of the schema's values")
        elif name in SIRET_COLUMNS and not luhn_ok(value):
            gaps.append(f"{name} {value} fails its Luhn check")
    if "idBeneficiaire" in row and not (row.get("idBeneficiaire") or row.get("rnaBeneficiaire")):
        gaps.append("neither idBeneficiaire (SIRET) nor rnaBeneficiaire (RNA) is known")
    return gaps


# --- The scdl.publishable finding: one per file, evaluated by the batch --------------------------------------

TITLE = "The file's SCDL open-data rows can be published as they are"


def register_rule() -> None:
    """Register ``scdl.publishable`` in the rule catalogue (its id, severity, family and title, read by the
    reports). It is a batch-scope rule: a worker evaluating one file yields nothing for it; the batch evaluates
    it once per file with ``file_finding`` (``refresh_findings``)."""
    from pipeline.reconcile import RULES, Rule

    RULES.setdefault(RULE_ID, Rule(RULE_ID, "info", TITLE, lambda ctx: iter(()), "reading"))


@dataclass(slots=True)
class FileRows:
    """What the SCDL exports get from one file."""

    deliberations: list[dict] = field(default_factory=list)
    deliberations_incomplete: list[dict] = field(default_factory=list)
    subventions: list[dict] = field(default_factory=list)
    subventions_incomplete: list[dict] = field(default_factory=list)
    elsewhere: list[str] = field(default_factory=list)  # deliberations exported from another file
    not_subsidies: int = 0
    pages: list[int] = field(default_factory=list)  # pages of the deliberations with incomplete rows
    notes: list[str] = field(default_factory=list)  # where COLL_SIRET came from, votes left out


INCOMPLETE_COLUMN = "a_completer"  # last column of the *_incomplete.csv files: what the row lacks


def file_rows(result: FileResult, plan_: Plan) -> FileRows:
    """The SCDL rows of one file, complete or incomplete (each incomplete row says what it lacks)."""
    out = FileRows()
    if result.document.kind == "other":
        return out  # not a deliberation (OUTPUTS.md): no SCDL row
    for d in sorted(result.rows.get("deliberations", []), key=lambda d: natural_key(d.delib_id)):
        kept = plan_.copy_of(result, d.delib_id)
        if kept is not None:
            out.elsewhere.append(f"deliberation {d.delib_id} is exported from {kept.document.source_file}")
            continue
        coll = collectivite(result, d.collectivite, plan_.options)
        rows, problems = deliberation_rows(result, d, coll)
        for note in (f"COLL_SIRET {coll.siret} {coll.source}" if coll.siret else None, coll.note,
                     *(f"deliberation {d.delib_id}, {p}" for p in problems if p.startswith("block "))):
            if note and note not in out.notes:
                out.notes.append(note)  # where COLL_SIRET came from, and vote counts left out
        for row in rows:
            gaps = explained(row_gaps(row, DELIBERATIONS_SCHEMA), coll)
            if gaps:
                out.deliberations_incomplete.append({**row, INCOMPLETE_COLUMN: "; ".join(gaps)})
                if d.page_start not in out.pages:
                    out.pages.append(d.page_start)
            else:
                out.deliberations.append(row)
        add_subsidy_rows(out, result, d, coll)
    return out


ATTRIBUTOR_GAPS = ("COLL_SIRET is empty", "COLL_NOM is empty", "idAttribuant is empty", "nomAttribuant is empty")


def explained(gaps: list[str], coll: Collectivite) -> list[str]:
    """Schema gaps in words: an unknown collectivité says why it is unknown and what to do, once."""
    return list(dict.fromkeys(coll.problem if g in ATTRIBUTOR_GAPS and coll.problem else g for g in gaps))


def add_subsidy_rows(out: FileRows, result: FileResult, d: Deliberation, coll: Collectivite) -> None:
    """A deliberation's subsidy rows into ``out``: complete, incomplete (with what they lack), or not a subsidy."""
    for sub in subsidies(result, d, coll):
        if sub.status == "skip":
            out.not_subsidies += 1
            continue
        gaps = explained(row_gaps(sub.row, SUBVENTIONS_SCHEMA), coll)
        if sub.missing:  # the subsidy's own words already say the beneficiary is not identified
            gaps = [g for g in gaps if not g.startswith("neither idBeneficiaire")]
        if sub.status == "pass" and not gaps:
            out.subventions.append(sub.row)
        else:
            why = "; ".join(dict.fromkeys([*sub.missing, *gaps]))
            out.subventions_incomplete.append({**sub.row, INCOMPLETE_COLUMN: why})


def gap_counts(rows: list[dict]) -> str:
    """``COLL_SIRET is empty: ... (12 rows); DELIB_OBJET is empty (1 row)``: each reason once, with its count."""
    counts: dict[str, int] = {}
    for row in rows:
        for reason in row[INCOMPLETE_COLUMN].split("; "):
            counts[reason] = counts.get(reason, 0) + 1
    return "; ".join(f"{reason} ({n} row{'s' if n > 1 else ''})" for reason, n in counts.items())


def file_finding(result: FileResult, plan_: Plan) -> Finding:
    """The file's one ``scdl.publishable`` finding: pass when every SCDL row of the file validates, fail with
    what is missing and for how many rows, skip when the file gives no SCDL row."""
    rows = file_rows(result, plan_)
    complete = len(rows.deliberations) + len(rows.subventions)
    incomplete = len(rows.deliberations_incomplete) + len(rows.subventions_incomplete)
    parts, found = [], []
    if rows.deliberations_incomplete:
        parts.append(f"{len(rows.deliberations_incomplete)} deliberation row(s) are in "
                     f"scdl/deliberations_incomplete.csv: {gap_counts(rows.deliberations_incomplete)}")
        found.append(gap_counts(rows.deliberations_incomplete))
    if rows.subventions_incomplete:
        parts.append(f"{len(rows.subventions_incomplete)} subsidy row(s) are in scdl/{INCOMPLETE_FILE}: "
                     f"{gap_counts(rows.subventions_incomplete)}")
        found.append(gap_counts(rows.subventions_incomplete))
    extra = [*rows.notes]
    if rows.elsewhere:
        extra.append("; ".join(rows.elsewhere))
    if rows.not_subsidies:
        extra.append(f"{rows.not_subsidies} act(s) are not exported as subsidies (no amount, or the price of a "
                     f"service)")
    tail = f" ({'; '.join(extra)})" if extra else ""
    if incomplete:
        status = "fail"
        message = (f"{incomplete} of the file's {complete + incomplete} SCDL rows cannot be published as they "
                   f"are: {'; '.join(parts)}{tail}.")
    elif complete:
        status = "pass"
        message = (f"The file's {len(rows.deliberations)} SCDL deliberation row(s) and {len(rows.subventions)} "
                   f"subsidy row(s) carry every field their schema requires{tail}.")
    else:
        status = "skip"
        message = f"The file gives no SCDL row: it holds no deliberation of its own{tail}."
    return Finding(doc_id=result.document.doc_id, delib_id=None, rule=RULE_ID, severity="info", status=status,
                   message=message, expected="every field the SCDL schemas require" if incomplete else None,
                   found="; ".join(found) or None, page=rows.pages[0] if rows.pages else None, family="reading")


# --- Writing ----------------------------------------------------------------------------------------------------

def cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return f"{value.quantize(Decimal('0.01')):f}"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def csv_text(columns: tuple[str, ...], rows: list[dict]) -> str:
    """The schema's columns in its order; comma, decimal point, UTF-8 without BOM, as the SCDL files are read."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(columns), lineterminator="\n", extrasaction="raise")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: cell(row.get(k)) for k in columns})
    return buf.getvalue()


def tables(results: Iterable[FileResult], plan_: Plan) -> FileRows:
    """The rows of every file of the run, each content once (the same content under another path is exported
    once)."""
    out = FileRows()
    seen: set[str] = set()
    for result in sorted_results(results):
        if result.document.doc_id in seen:
            continue
        seen.add(result.document.doc_id)
        rows = file_rows(result, plan_)
        out.deliberations.extend(rows.deliberations)
        out.deliberations_incomplete.extend(rows.deliberations_incomplete)
        out.subventions.extend(rows.subventions)
        out.subventions_incomplete.extend(rows.subventions_incomplete)
    return out


def write_scdl(results: Iterable[FileResult], out_dir: Path, plan_: Plan) -> list[Path]:
    """scdl/deliberations.csv and scdl/subventions.csv (every row validates), and their ``_incomplete`` files:
    the same columns plus ``a_completer``, what each row lacks (headers always)."""
    t = tables(results, plan_)
    folder = Path(out_dir) / SCDL_DIR
    delib_cols, subv_cols = schema_columns(DELIBERATIONS_SCHEMA), schema_columns(SUBVENTIONS_SCHEMA)
    written = []
    for name, columns, rows in (("deliberations.csv", delib_cols, t.deliberations),
                                (DELIB_INCOMPLETE_FILE, (*delib_cols, INCOMPLETE_COLUMN), t.deliberations_incomplete),
                                ("subventions.csv", subv_cols, t.subventions),
                                (INCOMPLETE_FILE, (*subv_cols, INCOMPLETE_COLUMN), t.subventions_incomplete)):
        path = folder / name
        atomic_write_text(path, csv_text(columns, rows))
        written.append(path)
    return written


def refresh_findings(results: list[FileResult], plan_: Plan) -> None:
    """Evaluate ``scdl.publishable`` once per file with the batch's settings (``--coll-siret``,
    ``--collectivites``) and copies, before findings.csv and the reports are written: the file's earlier
    findings of that rule are replaced by one. A file that was never evaluated (timeout, crash: no findings at
    all) is left as it is."""
    register_rule()
    for result in results:
        findings = result.rows.get("findings")
        if not findings:
            continue
        result.rows["findings"] = [*(f for f in findings if f.rule != RULE_ID), file_finding(result, plan_)]
