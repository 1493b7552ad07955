"""Precision, recall and F1 per table against the hand-written expected files of tests/expected/.

    python bench/accuracy.py [--only NAME] [--show-errors]

Groups: ``corpus`` (the text-layer documents of ../shared/corpus), ``ocr`` (scans, ``ocr__*.json``, read by
OCR), ``seed`` (every rendering of the reference in samples/, styles a-f of make_samples.py). Rows are compared
as multisets of keys (attendance: status + name key + proxy key;
recusals: deliberation + block + name key + kind; votes: deliberation + block + the four counts + outcome +
unanimity; articles: number + block + kind + amount). A deliberation is referred to by its printed number, or by
its position (#k) when none is printed (see ``delib_ref``). Files whose PDF is missing (no ../shared/corpus) are
skipped.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

import pandas as pd

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from models.records import FileResult  # noqa: E402
from pipeline.normalize.names import name_key  # noqa: E402
from pipeline.process import process_file  # noqa: E402

EXPECTED = REPO / "tests" / "expected"
SHARED = REPO.parent / "shared"
SAMPLES = REPO / "samples"
TABLES = ("attendance", "recusals", "votes", "articles")


def group_of(path: Path) -> str:
    """seed (the samples), ocr (scans, read by OCR: tests/test_ocr.py), corpus (the text-layer documents)."""
    return "seed" if path.name.startswith("samples__") else "ocr" if path.name.startswith("ocr__") else "corpus"


def sources(expected: dict) -> list[Path]:
    src = expected["source"]
    if src.startswith("samples/"):
        return sorted(SAMPLES.glob("pas-de-calais_cp_2024-06-17_n2024-273_*.pdf"))
    return [SHARED / src]


def delib_ref(delib_id: str | None, doc_id: str | None = None) -> str:
    """A printed deliberation number (it has a year: 2019-07-01, 2013/11) identifies a deliberation; an agenda
    position (#3, or a bare "3") does not survive one missed or extra point, so rows of unnumbered points are
    compared without it, nor their block number (whether a sub-point is a deliberation of its own or a block of
    the point above it is a reading of the layout, not a fact of the document)."""
    delib_id = delib_id or ""
    return delib_id if re.search(r"\d{4}", delib_id) and "#" not in delib_id else ""


def _int(v):
    return None if v in (None, "") else int(v)


def keys(table: str, rows: list[dict], doc_id: str | None = None) -> Counter:
    out: Counter = Counter()
    for r in rows:
        if table == "attendance":
            out[(r["status"], name_key(r["name"]), name_key(r.get("proxy_to") or ""))] += 1
        elif table == "recusals":
            ref = delib_ref(r.get("delib_id"), doc_id)
            out[(ref, _int(r.get("block")) if ref else None, name_key(r["name"]), r["kind"])] += 1
        elif table == "votes":
            ref = delib_ref(r.get("delib_id"), doc_id)
            out[(ref, _int(r.get("block")) if ref else None, _int(r.get("pour")),
                 _int(r.get("contre")), _int(r.get("abstention")), _int(r.get("absents_no_delegation")),
                 r.get("outcome"), bool(r.get("unanimous")))] += 1
        elif table == "articles":
            amount = r.get("amount")
            out[(int(r["article"]), _int(r.get("block")), r.get("kind"),
                 None if amount in (None, "") else f"{float(amount):.2f}")] += 1
    return out


def result_rows(result: FileResult, table: str) -> list[dict]:
    rows = []
    for record in result.rows.get(table, []):
        row = {f: getattr(record, f) for f in record.__dataclass_fields__}
        rows.append(row)
    return rows


def score(expected: Counter, found: Counter) -> tuple[int, int, int]:
    tp = sum((expected & found).values())
    return tp, sum(found.values()), sum(expected.values())


def measure(only: str | None = None, groups: tuple[str, ...] | None = None, show_errors: bool = False,
            results: dict[str, FileResult] | None = None) -> list[dict]:
    """One line per expected file, PDF and table: group, file, table, tp, found, expected. ``results`` (source
    path -> FileResult), when given, is filled with what was extracted, for further checks."""
    lines = []
    for path in sorted(EXPECTED.glob("*.json")):
        if only and only not in path.name or groups and group_of(path) not in groups:
            continue
        expected = json.loads(path.read_text(encoding="utf-8"))
        for pdf in sources(expected):
            if not pdf.is_file():
                continue
            result = process_file(pdf)
            if results is not None:
                results[str(pdf)] = result
            doc_id = result.document.doc_id
            for table in TABLES:
                if table not in expected:
                    continue
                exp = keys(table, expected[table])
                got = keys(table, result_rows(result, table), doc_id)
                tp, n_found, n_exp = score(exp, got)
                lines.append({"group": group_of(path), "file": pdf.name, "table": table, "tp": tp, "found": n_found,
                              "expected": n_exp})
                if show_errors and exp != got:
                    print(f"--- {pdf.name} {table}")
                    for k in (exp - got):
                        print("  missing", k)
                    for k in (got - exp):
                        print("  extra  ", k)
    return lines


def totals(lines: list[dict]) -> pd.DataFrame:
    """Precision, recall and F1 per group and table (rows pooled over the files)."""
    df = pd.DataFrame(lines)
    out = df.groupby(["group", "table"])[["tp", "found", "expected"]].sum().reset_index()
    out["precision"] = out.tp / out.found.where(out.found > 0)
    out["recall"] = out.tp / out.expected.where(out.expected > 0)
    out["f1"] = 2 * out.precision * out.recall / (out.precision + out.recall)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="only expected files whose name contains this")
    parser.add_argument("--show-errors", action="store_true", help="print missing and extra rows")
    args = parser.parse_args(argv)
    lines = measure(args.only, show_errors=args.show_errors)
    if not lines:
        print("no expected file has its PDF here")
        return 1
    df = pd.DataFrame(lines)
    per_file = df.assign(
        precision=lambda d: d.tp / d.found.where(d.found > 0),
        recall=lambda d: d.tp / d.expected.where(d.expected > 0))
    pd.set_option("display.width", 160)
    pd.set_option("display.max_rows", 500)
    print(per_file.to_string(index=False, float_format=lambda v: f"{v:.3f}"))
    print()
    print(totals(lines).to_string(index=False, float_format=lambda v: f"{v:.3f}"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
