"""Record types of every output table (OUTPUTS.md), shared by the stages, the writers and the tests.

One dataclass per CSV. The order of the fields marked ``csv`` is the column order of the CSV, and the
Table Schema of each CSV (``models/schemas/<table>.json``) is generated from these types. Money is
``Decimal``, dates are ``datetime.date``; ``None`` is an empty cell ("unknown / not found").

This module imports nothing from ``pipeline``.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from enum import StrEnum
from datetime import date
from decimal import Decimal
from typing import Any, ClassVar


def col(description: str, *, enum: tuple[str, ...] | None = None, required: bool = False) -> Any:
    """A CSV column: an optional field (default ``None``) with its documentation for the Table Schema."""
    return field(default=None, metadata={"csv": True, "description": description, "enum": enum,
                                         "required": required})


def extra(description: str, default: Any = None) -> Any:
    """A field kept in the JSON record and the reports but not written to the CSV."""
    if isinstance(default, (list, dict)):
        return field(default_factory=type(default), metadata={"csv": False, "description": description})
    return field(default=default, metadata={"csv": False, "description": description})


@dataclass(frozen=True, slots=True)
class Source:
    """Where a value was read: the file's hash, the 1-based page and the raw text as printed."""

    sha256: str
    page: int | None
    raw: str


@dataclass(slots=True)
class Document:
    TABLE: ClassVar[str] = "documents"
    TITLE: ClassVar[str] = "One row per input file, including the files that failed."

    doc_id: str = col("Stable id of the file: the first 16 hex digits of its SHA-256.", required=True)
    source_file: str = col("Path of the file as given on the command line.")
    sha256: str = col("SHA-256 of the file's bytes.")
    pages: int = col("Number of pages.")
    text_source: str = col("Where the text came from: text layer, OCR, both, or none.",
                           enum=("text", "ocr", "mixed", "none"))
    status: str = col("ok: read and extracted; partial: read but little or nothing extracted; failed: unreadable.",
                      enum=("ok", "partial", "failed"), required=True)
    error: str = col("Why the file failed or is partial, in one sentence.")
    n_deliberations: int = col("Number of deliberations found in the file.")
    kind: str = col("deliberation: one or more deliberation acts or extracts; session_record: the minutes of a "
                    "sitting (procès-verbal, compte rendu, registre); other: not a deliberation (arrêté, budget "
                    "document, contract, bulletin, convocation), read but yielding no deliberation or SCDL row.",
                    enum=("deliberation", "session_record", "other"))
    kind_reason: str = extra("Why the file is of its kind, quoting what it prints (read by the document.kind rule).")


@dataclass(slots=True)
class Deliberation:
    TABLE: ClassVar[str] = "deliberations"
    TITLE: ClassVar[str] = "One row per deliberation."

    doc_id: str = col("Id of the source file.", required=True)
    delib_id: str = col("Deliberation number as printed, normalised (N°2024-273 -> 2024-273), or <doc_id>#<n>.",
                        required=True)
    collectivite: str = col("The collectivité (e.g. DEPARTEMENT DU PAS-DE-CALAIS).")
    assembly: str = col("The deliberating assembly (conseil municipal, commission permanente...).")
    session_date: date = col("Date of the session.")
    title: str = col("Title (object) of the deliberation.")
    president: str = col("Who presided the session.")
    secretary: str = col("Secretary of the session.")
    n_present: int = col("Members listed as present.")
    n_excused: int = col("Members listed as excused (including those who gave a proxy).")
    n_absent: int = col("Members listed as absent.")
    n_excused_no_vote: int = col("Members listed as excused without deliberative voice.")
    n_articles: int = col("Number of articles of the decision.")
    signatory: str = col("Who signed the deliberation.")
    signed_place: str = col("Place of signature.")
    signed_date: date = col("Date of signature.")
    page_start: int = col("First page of the deliberation.")
    page_end: int = col("Last page of the deliberation.")
    counts_printed: dict = extra("Counts the document prints (en_exercice, presents, votants, pouvoirs, absents) "
                                 "-> int, read by attendance.counts_vs_lists.", default={})
    counts_quote: str = extra("The printed text the counts were read from.")


@dataclass(slots=True)
class Attendance:
    TABLE: ClassVar[str] = "attendance"
    TITLE: ClassVar[str] = "One row per member named in the attendance lists."

    doc_id: str = col("Id of the source file.", required=True)
    delib_id: str = col("Deliberation the list belongs to; empty when one list covers a whole session record.")
    status: str = col("Attendance status.", enum=("present", "excused", "absent", "excused_no_vote"), required=True)
    civility: str = col("M. or Mme, where printed.", enum=("M.", "Mme"))
    name: str = col("Name as printed, spaces collapsed, civility removed.", required=True)
    name_key: str = col("Upper case, accents and civility removed: the key to match two spellings of a member.")
    proxy_to: str = col("Name of the member holding this member's proxy, where printed.")
    page: int = col("Page where the name is printed.")
    member_id: str = col("Identity of the member across every file of the run (members.csv).")
    arrived_at: int = extra("The agenda point the member arrived at, where the list says so ('arrivée au début de "
                            "la délibération n°03'): the points before it were voted without them.")
    note: str = extra("The note printed beside the name in the list, verbatim.")


@dataclass(slots=True)
class Recusal:
    TABLE: ClassVar[str] = "recusals"
    TITLE: ClassVar[str] = "One row per member named as 'intéressé(e) à l'affaire' for a block."

    doc_id: str = col("Id of the source file.", required=True)
    delib_id: str = col("Deliberation.")
    block: int = col("1-based decision block the recusal stands in.")
    articles: list[int] = col("Articles of the block, ';'-joined.")
    civility: str = col("M. or Mme, where printed.", enum=("M.", "Mme"))
    name: str = col("Name as printed.", required=True)
    name_key: str = col("Matching key of the name.")
    kind: str = col("recused: took part neither in debate nor vote; interested_absent: interested and absent, "
                    "no proxy given.", enum=("recused", "interested_absent"))
    member_status: str = col("The member's attendance status, empty if not found in the lists.",
                             enum=("present", "excused", "absent", "excused_no_vote"))
    page: int = col("Page of the recusal sentence.")
    member_id: str = col("Identity of the member across every file of the run (members.csv).")


@dataclass(slots=True)
class Vote:
    TABLE: ClassVar[str] = "votes"
    TITLE: ClassVar[str] = "One row per decision block."

    doc_id: str = col("Id of the source file.", required=True)
    delib_id: str = col("Deliberation.")
    block: int = col("1-based decision block.")
    articles: list[int] = col("Articles voted in the block, ';'-joined.")
    pour: int = col("Votes for, as printed.")
    contre: int = col("Votes against, as printed.")
    abstention: int = col("Abstentions, as printed.")
    absents_no_delegation: int = col("Absent members without proxy, as printed.")
    outcome: str = col("Result of the vote.", enum=("adopted", "rejected", "unknown"))
    unanimous: bool = col("Whether unanimity is printed.")
    page: int = col("Page of the vote.")
    raw: str = extra("The vote as printed (the tally sentence or rows).")


@dataclass(slots=True)
class Article:
    TABLE: ClassVar[str] = "articles"
    TITLE: ClassVar[str] = "One row per article of the decision."

    doc_id: str = col("Id of the source file.", required=True)
    delib_id: str = col("Deliberation.")
    article: int = col("Article number.", required=True)
    block: int = col("Decision block of the article.")
    kind: str = col("financing: validates an amount; authorization: authorises to sign; imputation: budget "
                    "imputation; other.", enum=("financing", "authorization", "imputation", "other"))
    amount: Decimal = col("The article's total amount, if any.")
    n_items: int = col("Number of items the article counts (e.g. '7 dispositifs').")
    annexes: list[int] = col("Annex numbers the article cites, ';'-joined.")
    counterparty: str = col("Counterparty named by the article.")
    text: str = col("Text of the article.")
    page: int = col("Page of the article heading.")
    cited_articles: list[int] = extra("Articles an imputation article refers to ('articles 1, 5, 10 et 12').",
                                      default=[])
    numbered: bool = extra("False: a clause of a decision that numbers no articles ('- d'approuver ...'); "
                           "article is then its rank.", default=True)


@dataclass(slots=True)
class Amount:
    TABLE: ClassVar[str] = "amounts"
    TITLE: ClassVar[str] = "One row per monetary amount found anywhere in the file."

    doc_id: str = col("Id of the source file.", required=True)
    delib_id: str = col("Deliberation.")
    section: str = col("Where the amount stands (article 1, budget, annexe 9...).")
    raw: str = col("The amount as printed.", required=True)
    value: Decimal = col("The amount.")
    currency: str = col("Currency code.", enum=("EUR",))
    context: str = col("The sentence or table row around the amount (<= 200 characters).")
    page: int = col("Page of the amount.")


@dataclass(slots=True)
class BudgetLine:
    TABLE: ClassVar[str] = "budget_lines"
    TITLE: ClassVar[str] = "One row per line of the budget imputation table."

    doc_id: str = col("Id of the source file.", required=True)
    delib_id: str = col("Deliberation.")
    code_operation: str = col("Operation code (e.g. C02-446A05).")
    imputation: str = col("Budget imputation, nature/fonction (e.g. 6568/93446).")
    label: str = col("Label of the operation.")
    ae: Decimal = col("Autorisation d'engagement.")
    depense: Decimal = col("Expense imputed.")
    page: int = col("Page of the line.")
    programme: str = extra("Programme the line belongs to, where the table prints one.")
    ceiling: str = extra("Which ceiling `ae` holds, as its column names it: AE, AP, crédits disponibles, crédits "
                         "inscrits.")
    table: int = extra("1-based rank of the line's table in its deliberation.")
    group: int = extra("1-based rank of the group of lines a subtotal row closes, within the table.")
    subtotal: Decimal = extra("The subtotal the table prints under the line's group, if any.")
    table_total: Decimal = extra("The total the table prints (its TOTAL row), if any.")


@dataclass(slots=True)
class Convention:
    TABLE: ClassVar[str] = "conventions"
    TITLE: ClassVar[str] = "One row per convention or avenant annexed to the deliberation."

    doc_id: str = col("Id of the source file.", required=True)
    delib_id: str = col("Deliberation.")
    annex: int = col("Annex number the deliberation gives it.")
    kind: str = col("convention or avenant.", enum=("convention", "avenant"))
    avenant_no: int = col("Avenant number.")
    convention_ref: str = col("Reference of the convention (e.g. 2023-01628).")
    counterparty: str = col("The other party.")
    siret: str = col("SIRET of the counterparty, 14 digits.")
    siret_valid: bool = col("Whether the SIRET passes its checksum.")
    representative: str = col("Who the parties block names as the counterparty's representative.")
    signatory: str = col("Who signs for the counterparty.")
    amount: Decimal = col("Amount the collectivité commits by this act.")
    period_start: date = col("Start of the period covered.")
    period_end: date = col("End of the period covered.")
    object: str = col("Object of the act.")
    page: int = col("First page of the act.")
    page_end: int = extra("Last page of the act.")
    signatory_page: int = extra("Page of the counterparty's signature.")
    address: str = extra("Address of the counterparty's seat.")
    representative_role: str = extra("Role of the representative (Président, Directrice...).")
    budget_chapter: str = extra("Budget chapter the participation is charged to (C02-446A05).")
    ibans: list[str] = extra("IBANs printed in the act.", default=[])
    funding_terms: list[str] = extra("What the act says its money is (vocab.FUNDING_TERMS meanings: "
                                     "service_price, state_aid, in_kind), each once; read by the SCDL "
                                     "Subventions export.", default=[])
    amount_before: Decimal = extra("An avenant's former amount, where it raises one ('portée de 24 000 € à "
                                   "29 500 €': 24 000); ``amount`` is the new total.")
    amount_added: Decimal = extra("The complement an avenant adds (printed, else new total − former amount).")
    signed_place: str = extra("Where the act says it is signed ('Fait à Périgueux, le …').")
    signed_date: date = extra("When the act says it is signed.")


@dataclass(slots=True)
class Operation:
    TABLE: ClassVar[str] = "operations"
    TITLE: ClassVar[str] = "One row per operation of the annexed report (theme -> operation)."

    doc_id: str = col("Id of the source file.", required=True)
    delib_id: str = col("Deliberation.")
    annex: int = col("Annex number of the report.")
    theme: int = col("Theme number (Thématique N).")
    theme_title: str = col("Title of the theme.")
    operation: str = col("Operation number as printed (1, 1 et 1.bis, complémentaire 2).", required=True)
    title: str = col("Title of the operation.")
    dispositif: str = col("Dispositif code(s), ';'-joined (1.1;1.1 bis).")
    n_structures: int = col("Number of structures funded, where printed.")
    amount: Decimal = col("Amount of the operation (its total where several amounts are printed).")
    places: int = col("Places (d'accueil, d'accompagnement) where printed: the first figure.")
    period_start: date = col("Start of the period.")
    period_end: date = col("End of the period.")
    counterparty: str = col("Structure named by the operation, where there is one.")
    fund: str = col("Another fund that pays the operation instead of the collectivité's budget (FSL), if said.")
    page: int = col("Page of the operation heading.")
    text: str = extra("The operation's text, for the reconciliation with the conventions.")


@dataclass(slots=True)
class Payment:
    TABLE: ClassVar[str] = "payments"
    TITLE: ClassVar[str] = "One row per payment (versement) of a convention's or avenant's schedule."

    doc_id: str = col("Id of the source file.", required=True)
    delib_id: str = col("Deliberation.")
    annex: int = col("Annex number of the convention.")
    counterparty: str = col("The convention's counterparty.")
    rank: int = col("Rank of the payment (1er, 2ème versement...).")
    amount: Decimal = col("Amount of the payment, where printed.")
    kind: str = col("advance (avance), interim (intermédiaire), balance (solde), single (versement unique) or "
                    "other.", enum=("advance", "interim", "balance", "single", "other"))
    condition: str = col("When or on what condition it is paid, as printed.")
    budget_year: int = col("Budget year it is charged to.")
    page: int = col("Page of the payment.")


@dataclass(slots=True)
class Finding:
    TABLE: ClassVar[str] = "findings"
    TITLE: ClassVar[str] = "One row per validation rule evaluated, passes included."

    doc_id: str = col("Id of the source file.", required=True)
    delib_id: str = col("Deliberation, empty for a file-level rule.")
    rule: str = col("Rule id (RULES.md).", required=True)
    severity: str = col("Severity of the rule.", enum=("error", "warning", "info"), required=True)
    status: str = col("Outcome of the rule.", enum=("pass", "fail", "skip"), required=True)
    message: str = col("One plain sentence saying what was checked and found.")
    expected: str = col("What the rule expected.")
    found: str = col("What was found.")
    page: int = col("Page of the evidence.")
    family: str = col("document: the PDF contradicts itself or prints an invalid identifier; reading: what delib "
                      "could not read, read with low confidence, or cannot publish.",
                      enum=("document", "reading"))
    quote: str = col("The printed text the finding rests on, verbatim (<= 300 characters).")
    title: str = col("Title of the deliberation the finding is about.")
    block: int = extra("Decision block the finding is about, where it is about one (part of its review key).")


@dataclass(slots=True)
class VoteMember:
    TABLE: ClassVar[str] = "vote_members"
    TITLE: ClassVar[str] = "One row per member named in a vote (against, abstaining, not voting...)."

    doc_id: str = col("Id of the source file.", required=True)
    delib_id: str = col("Deliberation.")
    block: int = col("Decision block of the vote.")
    position: str = col("How the member is named as voting.", enum=("pour", "contre", "abstention", "not_voting"),
                        required=True)
    civility: str = col("M. or Mme, where printed.", enum=("M.", "Mme"))
    name: str = col("Name as printed.", required=True)
    name_key: str = col("Matching key of the name.")
    page: int = col("Page of the vote.")
    member_id: str = col("Identity of the member across every file of the run (members.csv).")


@dataclass(slots=True)
class Member:
    TABLE: ClassVar[str] = "members"
    TITLE: ClassVar[str] = "One row per member identity across the files of the run."

    member_id: str = col("Identity of the member: stable across runs on the same inputs.", required=True)
    collectivite: str = col("The collectivité the member sits for.")
    name: str = col("The fullest printed form of the name.", required=True)
    name_key: str = col("Matching key of that name.")
    variants: list[str] = col("Every printed form of the name, ';'-joined.")
    first_session: date = col("Date of the first sitting where the member is listed.")
    last_session: date = col("Date of the last sitting where the member is listed.")
    sessions: int = col("Sittings where the member is listed.")
    present: int = col("Sittings where the member is listed present.")
    excused: int = col("Sittings where the member is listed excused.")
    absent: int = col("Sittings where the member is listed absent.")
    proxies_given: int = col("Proxies the member gave.")
    proxies_held: int = col("Proxies the member held.")
    recusals: int = col("Recusals of the member.")
    votes_contre: int = col("Votes where the member is named as voting against.")
    votes_abstention: int = col("Votes where the member is named as abstaining.")


@dataclass(slots=True)
class Information:
    TABLE: ClassVar[str] = "information"
    TITLE: ClassVar[str] = ("One row per item of a session record that is only information and owns no vote "
                            "(an addition to the output contract).")

    doc_id: str = col("The file the item is printed in.", required=True)
    item: str = col("The item's number as printed, when it has one.")
    title: str = col("The item's title as printed.", required=True)
    kind: str = col("decisions_delegation: the account of the decisions the mayor or president took by delegation "
                    "(CGCT L.2122-22, L.5211-10); questions_diverses: \"questions diverses\"; prise_acte: a report "
                    "or a decision the council takes note of, without a vote; information: any other information.",
                    enum=("information", "decisions_delegation", "prise_acte", "questions_diverses"),
                    required=True)
    page_start: int = col("First page of the item.")
    page_end: int = col("Last page of the item.")
    after_delib_id: str = extra("The deliberation printed just before the item, if any.")


RECORD_TYPES: tuple[type, ...] = (Document, Deliberation, Attendance, Recusal, Vote, Article, Amount, BudgetLine,
                                  Convention, Operation, Payment, Finding, VoteMember, Member, Information)
TABLES: dict[str, type] = {t.TABLE: t for t in RECORD_TYPES}


def csv_fields(record_type: type) -> list[dataclasses.Field]:
    """The CSV columns of a record type, in order."""
    return [f for f in dataclasses.fields(record_type) if f.metadata.get("csv")]


def columns(record_type: type) -> list[str]:
    return [f.name for f in csv_fields(record_type)]


@dataclass(frozen=True, slots=True)
class Identifier:
    """A SIRET, SIREN, IBAN or RNA number printed anywhere in the file, with its checksum verdict (not a CSV
    table: it feeds the ids.* rules, the reports and the SCDL exports)."""

    kind: str  # siret | siren | iban | rna
    value: str  # compact
    raw: str
    valid: bool
    page: int | None
    context: str = ""


class FailureKind(StrEnum):
    """Why a file has no complete result, as data: the batch and the tests compare kinds, never messages."""

    TIMEOUT = "timeout"  # still being read when its time ran out (file timeout plus the OCR'd pages' budget)
    MEMORY = "memory"  # needed more memory than its worker's ceiling
    CRASH = "crash"  # its worker process died (a signal: the PDF library crashed on it)
    ERROR = "error"  # an unexpected error outside the per-file guard
    # the file itself cannot be read (ingest refuses it):
    MISSING = "missing"  # not a regular file
    EMPTY = "empty"  # 0 bytes, or a PDF without pages
    NOT_PDF = "not_pdf"  # no PDF header
    ENCRYPTED = "encrypted"  # a password or an unsupported security handler
    DAMAGED = "damaged"  # damaged or truncated


@dataclass(slots=True)
class FileResult:
    """Everything extracted from one input file: its documents.csv row and the rows of every other table."""

    document: Document
    rows: dict[str, list] = field(default_factory=dict)  # table name -> records of that table
    identifiers: list[Identifier] = field(default_factory=list)
    annexes_present: list[int] = field(default_factory=list)  # annex numbers found in the file
    ocr_pages: list[int] = field(default_factory=list)  # pages read by OCR
    low_confidence: list[tuple[int, str, float]] = field(default_factory=list)  # (page, raw, confidence) from OCR
    dropped: list[tuple[int | None, str | None, str]] = field(default_factory=list)  # (page, quote, why): read, left out
    failure: FailureKind | None = None  # a failure the file's own guard caught (MemoryError: MEMORY)

    def add(self, record: Any) -> None:
        self.rows.setdefault(record.TABLE, []).append(record)

    def extend(self, records: list) -> None:
        for record in records:
            self.add(record)
