"""SCDL open-data exports: ``scdl/deliberations.csv`` (Délibérations 2.1.5) and ``scdl/subventions.csv``
(Subventions 2.1.1), from the records of every file, plus the ``scdl.publishable`` findings that say why a file's
rows cannot be published as they are.

The schemas are the official ones, copied unchanged into ``pipeline/export/schemas/``; the column order is theirs.
The choices where the records and the schemas meet are documented in the README ("Open-data exports"):

- ``COLL_SIRET``/``idAttribuant``: the SIRET the document prints next to the collectivité's own name (a valid one,
  whose SIREN prefix fits the kind of collectivité: 21 commune, 22 département, 23 région, 20/24/25 groupement),
  else ``--coll-siret``, else ``data/known_collectivites.csv``; never guessed. Unknown: rows still written, and the
  deliberation's ``scdl.publishable`` finding fails.
- One deliberations row per vote block (``DELIB_ID`` stays the deliberation's id; ``DELIB_OBJET`` names the
  articles of the block when there are several blocks); one row without vote columns when no vote was read.
- One subventions row per convention or avenant that commits an amount and is not the price of a service.
  A row whose beneficiary has no SIRET or RNA printed (or whose SIRET fails its checksum) goes to
  ``scdl/subventions_incomplete.csv`` (same columns) for a person to complete, so that ``subventions.csv`` stays
  valid; its finding fails.
- A deliberation found in several files (same collectivité, number and date) is exported once, from the best copy
  (text layer before OCR, then the smallest doc_id); the other copies' findings say so.

Light on purpose: the batch process imports this module, never the pipeline stages.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

from models.records import Convention, Deliberation, FileResult, Finding, Vote
from pipeline.export.csv_tables import atomic_write_text, natural_key, sorted_results

HERE = Path(__file__).resolve().parent
SCHEMA_DIR = HERE / "schemas"
DATA_DIR = HERE / "data"
DELIBERATIONS_SCHEMA = SCHEMA_DIR / "deliberations-2.1.5.schema.json"
SUBVENTIONS_SCHEMA = SCHEMA_DIR / "subventions-2.1.1.schema.json"
RULE_ID = "scdl.publishable"
SCDL_DIR = "scdl"
INCOMPLETE_FILE = "subventions_incomplete.csv"
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


# --- Text keys ------------------------------------------------------------------------------------------------

def fold(text: str | None) -> str:
    """Lower case, accents removed, apostrophes as ``'``, spaces collapsed: the text the rules are matched on."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[’`´‘]", "'", text).replace("œ", "oe").replace("æ", "ae")
    return " ".join(text.split())


def name_key(text: str | None) -> str:
    """``Département du Pas-de-Calais`` -> ``DEPARTEMENT DU PAS DE CALAIS`` (hyphens, apostrophes as spaces)."""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", fold(text)).upper().split())


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


def luhn_ok(digits: str) -> bool:
    """The Luhn check of a SIRET (what validata's french-siret-value check runs, La Poste's exception included)."""
    from stdnum.fr import siret

    return bool(re.fullmatch(r"\d{14}", digits or "")) and bool(siret.is_valid(digits))


@dataclass(frozen=True, slots=True)
class Collectivite:
    nom: str | None  # COLL_NOM / nomAttribuant
    siret: str | None  # COLL_SIRET / idAttribuant
    source: str | None  # where the SIRET came from, in words
    problem: str | None = None  # why there is no SIRET
    note: str | None = None  # a remark worth the finding (e.g. --coll-siret differs from the printed SIRET)


def collectivite(result: FileResult, name: str | None, options: OpenDataOptions) -> Collectivite:
    """The collectivité of a deliberation: its official name and SIRET, and where the SIRET was read."""
    known_by_name = next((k for k in known_collectivites() if name_key(name) in k.keys), None) if name else None
    printed = printed_sirets(result, name)
    if len(printed) == 1:
        siret, page = next(iter(printed.items()))
        known = next((k for k in known_collectivites() if k.siret == siret), known_by_name)
        note = None
        if options.coll_siret and options.coll_siret != siret:
            note = f"--coll-siret {options.coll_siret} was not used: the document prints {siret}"
        return Collectivite(known.nom if known else name, siret, f"printed in the document (page {page})",
                            note=note)
    if len(printed) > 1:
        listed = ", ".join(f"{s} (page {p})" for s, p in sorted(printed.items()))
        ambiguous = f"the document prints several SIRETs next to the collectivité's name ({listed})"
    else:
        ambiguous = None
    if options.coll_siret:
        known = next((k for k in known_collectivites() if k.siret == options.coll_siret), known_by_name)
        return Collectivite(known.nom if known else name, options.coll_siret, "given with --coll-siret",
                            note=ambiguous)
    if known_by_name is not None and not ambiguous:
        return Collectivite(known_by_name.nom, known_by_name.siret, "known_collectivites.csv")
    if not name:
        return Collectivite(None, None, None, "the collectivité's name was not found in the document")
    return Collectivite(name, None, None, (ambiguous or f"no SIRET is printed next to “{name}”, it is not in "
                                           f"known_collectivites.csv, and --coll-siret was not given"))


def printed_sirets(result: FileResult, name: str | None) -> dict[str, int | None]:
    """Valid SIRETs printed next to the collectivité's own name (its distinctive words in the 60 characters
    around the number) whose SIREN prefix fits its kind: SIRET -> first page."""
    if not name:
        return {}
    _, prefixes, _, distinctive = collectivite_kind(name)
    found: dict[str, int | None] = {}
    for ident in result.identifiers:
        if ident.kind != "siret" or not ident.valid or not ident.value.startswith(prefixes):
            continue
        if f" {distinctive} " in f" {name_key(ident.context)} ":
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
    out = []
    for c in of(result, "conventions", d.delib_id):
        label = convention_label(c)
        if c.amount is None or c.amount <= 0:
            out.append(Subsidy(c, "skip", f"{label}: no amount committed by the act was read, so it is not "
                                          f"exported as a subsidy."))
            continue
        if "service_price" in (c.funding_terms or []):
            out.append(Subsidy(c, "skip", f"{label}: the act pays for a service (“en contrepartie de la "
                                          f"réalisation…”), which is not a subsidy; not exported."))
            continue
        siret, rna = beneficiary_ids(result, c)
        decided = d.session_date
        conditions, period = payment_terms(result, c, decided) if decided else (None, None)
        nature = "aide en numéraire" + (";aide en nature" if "in_kind" in (c.funding_terms or []) else "")
        row = {"nomAttribuant": coll.nom, "idAttribuant": coll.siret, "dateConvention": decided,
               "referenceDecision": d.delib_id if "#" not in (d.delib_id or "") else None,
               "nomBeneficiaire": c.counterparty, "idBeneficiaire": siret, "rnaBeneficiaire": rna,
               "objet": shorten(c.object or d.title or ""), "montant": c.amount, "nature": nature,
               "conditionsVersement": shorten(conditions) if conditions else None,
               "datesPeriodeVersement": period, "idRAE": None,
               "notificationUE": "oui" if "state_aid" in (c.funding_terms or []) else "non",
               "pourcentageSubvention": Decimal("1.00"), "dispositifAide": None}
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
        amount = euros(c.amount)
        if missing:
            out.append(Subsidy(c, "fail", f"{label}: {amount} left out of scdl/subventions.csv and written to "
                                          f"scdl/{INCOMPLETE_FILE} to be completed: {'; '.join(missing)}.", row))
        else:
            ids = " and ".join(f"{k} {v}" for k, v in (("SIRET", siret), ("RNA", rna)) if v)
            out.append(Subsidy(c, "pass", f"{label}: {amount} to a beneficiary identified by {ids}, "
                                          f"{conditions}, paid {period}.", row))
    return out


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


# --- The finding ------------------------------------------------------------------------------------------------

def publishable(result: FileResult, plan_: Plan | None,
                finding: Callable[..., Finding]) -> Iterator[Finding]:
    """The ``scdl.publishable`` findings of one file: one per deliberation (its scdl/deliberations.csv rows), one
    per convention or avenant (its scdl/subventions.csv row). ``finding(delib_id, status, message, expected,
    found, page)`` builds a Finding (reconcile's Context.finding, bound to the rule id)."""
    plan_ = plan_ or plan([result])
    for d in result.rows.get("deliberations", []):
        kept = plan_.copy_of(result, d.delib_id)
        if kept is not None:
            yield finding(d.delib_id, "skip", f"The same deliberation (same collectivité, number {d.delib_id} and "
                                              f"date) is exported once, from {kept.document.source_file} "
                                              f"({kept.document.doc_id}).", page=d.page_start)
            continue
        coll = collectivite(result, d.collectivite, plan_.options)
        rows, problems = deliberation_rows(result, d, coll)
        code = rows[0]["DELIB_MATIERE_CODE"]
        _, how = classify(d.title, [a.text or "" for a in of(result, "articles", d.delib_id)], d.collectivite)
        if problems:
            yield finding(d.delib_id, "fail", f"The SCDL deliberation rows cannot be published as they are: "
                                              f"{'; '.join(problems)}.", "a valid SCDL Délibérations row",
                          "; ".join(problems), d.page_start)
        else:
            notes = [f"COLL_SIRET {coll.siret} {coll.source}", f"matière {code} because {how}",
                     f"{len(rows)} row(s)"]
            if "#" in d.delib_id:
                notes.append("no deliberation number is printed, so DELIB_ID is delib's own id")
            if coll.note:
                notes.append(coll.note)
            yield finding(d.delib_id, "pass", "The SCDL deliberation rows are valid: " + "; ".join(notes) + ".",
                          page=d.page_start)
        for s in subsidies(result, d, coll):
            yield finding(d.delib_id, s.status, s.reason, page=s.convention.page)


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


@dataclass(slots=True)
class Tables:
    deliberations: list[dict] = field(default_factory=list)
    subventions: list[dict] = field(default_factory=list)
    incomplete: list[dict] = field(default_factory=list)


def tables(results: Iterable[FileResult], plan_: Plan) -> Tables:
    out = Tables()
    seen: set[str] = set()
    for result in sorted_results(results):
        if result.document.doc_id in seen:
            continue  # the same content under another path: exported once
        seen.add(result.document.doc_id)
        delibs = sorted(result.rows.get("deliberations", []), key=lambda d: natural_key(d.delib_id))
        for d in delibs:
            if plan_.copy_of(result, d.delib_id) is not None:
                continue
            coll = collectivite(result, d.collectivite, plan_.options)
            rows, _ = deliberation_rows(result, d, coll)
            out.deliberations.extend(rows)
            for s in subsidies(result, d, coll):
                if s.status == "pass":
                    out.subventions.append(s.row)
                elif s.status == "fail":
                    out.incomplete.append(s.row)
    return out


def write_scdl(results: Iterable[FileResult], out_dir: Path, plan_: Plan) -> list[Path]:
    """scdl/deliberations.csv, scdl/subventions.csv and scdl/subventions_incomplete.csv (headers always)."""
    t = tables(results, plan_)
    folder = Path(out_dir) / SCDL_DIR
    delib_cols, subv_cols = schema_columns(DELIBERATIONS_SCHEMA), schema_columns(SUBVENTIONS_SCHEMA)
    written = []
    for name, columns, rows in (("deliberations.csv", delib_cols, t.deliberations),
                                ("subventions.csv", subv_cols, t.subventions),
                                (INCOMPLETE_FILE, subv_cols, t.incomplete)):
        path = folder / name
        atomic_write_text(path, csv_text(columns, rows))
        written.append(path)
    return written


def refresh_findings(results: list[FileResult], plan_: Plan) -> None:
    """Re-evaluate ``scdl.publishable`` on every file with the batch's settings (``--coll-siret``) and copies,
    in place of what the worker found alone, before findings.csv and the reports are written. A file that was
    never evaluated (timeout, crash: no findings at all) is left as it is."""
    from pipeline.reconcile import RULES, Context

    spec = RULES[RULE_ID]
    for result in results:
        findings = result.rows.get("findings")
        if not findings:
            continue
        fresh = list(spec.check(Context(result, open_data=plan_)))
        at = next((i for i, f in enumerate(findings) if f.rule == RULE_ID), len(findings))
        kept = [f for f in findings if f.rule != RULE_ID]
        result.rows["findings"] = kept[:at] + fresh + kept[at:]
