"""The open-data step of a batch: SCDL exports (scdl/) and the SQLite database, after the contract's CSVs.

``prepare`` runs before findings.csv and the reports are written: it decides which copy of each deliberation is
exported and re-evaluates the ``scdl.publishable`` findings with the batch's settings (``--coll-siret``).
``write_open_data`` then writes scdl/deliberations.csv, scdl/subventions.csv, scdl/subventions_incomplete.csv and
deliberations.sqlite.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from models.records import FileResult
from pipeline.export import scdl
from pipeline.export.sqlite import write_sqlite


def prepare(results: list[FileResult], options: scdl.OpenDataOptions = scdl.OpenDataOptions()) -> scdl.Plan:
    plan = scdl.plan(results, options)
    scdl.refresh_findings(results, plan)
    return plan


def write_open_data(results: Iterable[FileResult], out_dir: Path, plan: scdl.Plan) -> list[Path]:
    results = list(results)
    return [*scdl.write_scdl(results, out_dir, plan), write_sqlite(results, out_dir)]
