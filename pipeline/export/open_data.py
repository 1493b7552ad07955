"""The open-data step of a batch: SCDL exports (scdl/), the SQLite database and the Excel workbook, after the
contract's CSVs.

``prepare`` runs before findings.csv and the reports are written: it decides which copy of each deliberation is
exported and evaluates the batch-scope rule ``scdl.publishable`` once per file with the batch's settings
(``--coll-siret``, ``--collectivites``). ``write_open_data`` then writes scdl/deliberations.csv,
scdl/deliberations_incomplete.csv, scdl/subventions.csv, scdl/subventions_incomplete.csv and deliberations.sqlite;
``write_workbook_of`` writes deliberations.xlsx (from the CSVs just written, in their dialect).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from models.records import FileResult
from pipeline.export import scdl
from pipeline.export.csv_tables import dialect_for
from pipeline.export.sqlite import write_sqlite
from pipeline.export.workbook import write_workbook


def prepare(results: list[FileResult], options: scdl.OpenDataOptions = scdl.OpenDataOptions()) -> scdl.Plan:
    plan = scdl.plan(results, options)
    scdl.refresh_findings(results, plan)
    return plan


def write_open_data(results: Iterable[FileResult], out_dir: Path, plan: scdl.Plan,
                    csv_dialect: str = "default", members: list | None = None) -> list[Path]:
    """The SCDL exports and the database (``members``: the run's members table, ``pipeline.members``). The
    workbook is written apart (``write_workbook_of``), side by side with them."""
    results = list(results)
    return [*scdl.write_scdl(results, out_dir, plan), write_sqlite(results, out_dir, members)]


def write_workbook_of(out_dir: Path, csv_dialect: str = "default") -> list[Path]:
    """deliberations.xlsx from the CSVs written in ``out_dir``, in their dialect."""
    dialect = dialect_for(csv_dialect)
    return [write_workbook(out_dir, dialect.delimiter, dialect.decimal)]
