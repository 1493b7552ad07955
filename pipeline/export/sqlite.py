"""deliberations.sqlite: every table of the output contract in one SQLite database, for Datasette or any SQL client.

Built with sqlite-utils from the same records and in the same row order as the CSVs (``datasette
outputs/deliberations.sqlite`` browses it). Keys:

- ``documents`` has the primary key ``doc_id``; ``deliberations`` has ``(doc_id, delib_id)``;
- every other table has an ``id`` primary key, its row number in the CSV (``votes`` row ``id = 3`` is the third
  data row of votes.csv), a foreign key ``doc_id`` -> ``documents`` and ``(doc_id, delib_id)`` ->
  ``deliberations`` (a row whose ``delib_id`` is empty, e.g. a session's attendance list, references no
  deliberation), and indexes on those join columns and on the columns people join or filter on (``name_key``,
  ``counterparty``, ``siret``, ``rule``, ``annex``).
- ``members`` (one row per member of the run, ``pipeline.members``) has a unique index on ``member_id``, which
  the ``member_id`` of ``attendance``, ``recusals`` and ``vote_members`` references (a foreign key; an empty
  ``member_id`` references nothing).
- Should a natural key repeat (the same content given under two paths; a number printed twice in one file), that
  table falls back to an ``id`` key too and the foreign keys to it are left out (SQLite needs a unique parent
  key): the database keeps every row of the CSVs, always.

Types: integers and booleans (0/1) are INTEGER, money is REAL (SQLite has no decimal type; the CSVs keep the exact
value), dates are ISO TEXT, lists are ``;``-joined TEXT as in the CSVs. The file is built under a temporary name
and renamed, like the CSVs.
"""

from __future__ import annotations

import os
import typing
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from pathlib import Path

from models.records import TABLES, FileResult, Member, csv_fields
from models.schema import base_type
from pipeline.export.csv_tables import format_value, run_members, sorted_results, table_records

FILE_NAME = "deliberations.sqlite"
NATURAL_KEYS = {"documents": ("doc_id",), "deliberations": ("doc_id", "delib_id")}
# tables whose member_id column references members.member_id
MEMBER_TABLES = ("attendance", "recusals", "vote_members")
# extra indexes, beyond the join columns doc_id and (doc_id, delib_id)
INDEXES = {
    "attendance": [("name_key",), ("member_id",)],
    "recusals": [("name_key",), ("member_id",)],
    "vote_members": [("name_key",), ("member_id",)],
    "members": [("collectivite",), ("name_key",)],  # and a unique index on member_id (see write_sqlite)
    "conventions": [("doc_id", "delib_id", "annex"), ("counterparty",), ("siret",)],
    "payments": [("doc_id", "delib_id", "annex"), ("counterparty",)],
    "operations": [("doc_id", "delib_id", "annex")],
    "findings": [("rule", "status")],
    "amounts": [("section",)],
    "information": [("kind",)],
}


def sql_type(py: object) -> type:
    if py in (int, bool):
        return int
    if py is Decimal:
        return float
    return str


def sql_value(value: object) -> object:
    if value is None:
        return None
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, int):
        return value
    if isinstance(value, (date, list, tuple)):
        return format_value(value)
    return str(value)


def table_rows(table: str, results: list[FileResult], members: list[Member] | None = None) -> list[dict]:
    """The rows of one table, in the CSV's order, as SQL values."""
    names = [f.name for f in csv_fields(TABLES[table])]
    return [{name: sql_value(getattr(record, name)) for name in names}
            for record in table_records(table, results, members)]


def unique(rows: list[dict], key: tuple[str, ...]) -> bool:
    keys = [tuple(r[k] for k in key) for r in rows]
    return all(None not in k for k in keys) and len(set(keys)) == len(keys)


def creation_order() -> list[str]:
    """The tables in the order they are created: members before the tables whose rows reference it."""
    return sorted(TABLES, key=lambda t: (t != "documents", t != "deliberations", t != "members"))


def _columns_and_key(table: str, rows: list[dict], keys: dict[str, tuple[str, ...]]) \
        -> tuple[dict[str, type], str | tuple[str, ...]]:
    """The SQL columns of one table and its primary key: its natural key when it is unique, else ``id``, the row
    number in the CSV (numbered here, in ``rows``)."""
    record_type = TABLES[table]
    hints = typing.get_type_hints(record_type)
    columns: dict[str, type] = {}
    pk: str | tuple[str, ...]
    if table in keys:
        pk = keys[table] if len(keys[table]) > 1 else keys[table][0]
    else:
        columns["id"] = int
        pk = "id"
        for i, row in enumerate(rows, 1):
            row["id"] = i
    for f in csv_fields(record_type):
        columns[f.name] = sql_type(base_type(hints[f.name]))
    return columns, pk


def _foreign_keys(table: str, columns: dict[str, type], keys: dict[str, tuple[str, ...]],
                  members_unique: bool) -> list[tuple]:
    """The foreign keys of one table, to the parents whose key is unique (SQLite needs a unique parent key)."""
    foreign_keys: list[tuple] = []
    if table != "documents" and "documents" in keys and "doc_id" in columns:
        foreign_keys.append(("doc_id", "documents", "doc_id"))
    if table not in ("documents", "deliberations") and "deliberations" in keys and "delib_id" in columns:
        foreign_keys.append((("doc_id", "delib_id"), "deliberations", ("doc_id", "delib_id")))
    if table in MEMBER_TABLES and members_unique:
        foreign_keys.append(("member_id", "members", "member_id"))
    return foreign_keys


def _create_indexes(db, table: str, columns: dict[str, type], keys: dict[str, tuple[str, ...]],
                    members_unique: bool) -> None:
    """The indexes of one table, once its rows are in: the join columns, then those of ``INDEXES``."""
    if table == "members" and members_unique:  # the key the member_id of other tables references
        db[table].create_index(["member_id"], unique=True, find_unique_name=True)
    if "doc_id" in columns and keys.get(table, ("",))[0] != "doc_id":  # a key on doc_id indexes it
        db[table].create_index(["doc_id"], find_unique_name=True)
    if "delib_id" in columns and table != "deliberations":
        db[table].create_index(["doc_id", "delib_id"], find_unique_name=True)
    for index in INDEXES.get(table, []):
        db[table].create_index(list(index), find_unique_name=True)


def _write_table(db, table: str, rows: list[dict], keys: dict[str, tuple[str, ...]], members_unique: bool) -> None:
    """Create one table (with its columns even when it has no rows), insert its rows, index it."""
    columns, pk = _columns_and_key(table, rows, keys)
    not_null = [f.name for f in csv_fields(TABLES[table]) if f.metadata.get("required")] + (
        ["id"] if pk == "id" else [])
    db[table].create(columns, pk=pk, foreign_keys=_foreign_keys(table, columns, keys, members_unique),
                     not_null=not_null)
    if rows:
        db[table].insert_all(rows)
    _create_indexes(db, table, columns, keys, members_unique)


def write_sqlite(results: Iterable[FileResult], out_dir: Path, members: list[Member] | None = None) -> Path:
    """Write ``out_dir/deliberations.sqlite`` with every table of the contract (a table with no rows still
    exists, with its columns). ``members``: the run's members table (``pipeline.members``); the ``member_id``
    of attendance, recusals and vote_members references it."""
    import sqlite_utils  # imported here: only the batch's last step needs it

    ordered = sorted_results(results)
    members = run_members(ordered) if members is None else members
    path = Path(out_dir) / FILE_NAME
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.unlink(missing_ok=True)
    try:
        db = sqlite_utils.Database(tmp)
        # A temporary file, renamed over the database once whole: a crash leaves no half database to roll
        # back, so neither a journal nor an fsync per transaction is needed (they were 60 % of the time). Like
        # every output, it is rewritten by the next --resume if a power cut leaves it short.
        db.execute("PRAGMA journal_mode = OFF")
        db.execute("PRAGMA synchronous = OFF")
        rows = {table: table_rows(table, ordered, members) for table in TABLES}
        keys = {table: key for table, key in NATURAL_KEYS.items() if unique(rows[table], key)}
        members_unique = unique(rows["members"], ("member_id",))
        for table in creation_order():
            _write_table(db, table, rows[table], keys, members_unique)
        db.conn.commit()
        db.close()
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path
