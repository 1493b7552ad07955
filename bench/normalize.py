"""Throughput of the normalisers over the real strings of the tests.

Run from the repository root:  python bench/normalize.py [--seconds 0.3]

The strings are the parametrised tables of tests/test_normalize_*.py (loaded from the files, so the bench and
the tests always use the same real strings). Each normaliser is warmed up once (dateparser's one-off start-up and
its cache for the rare fallback forms are not counted), then called over its table repeatedly for ``--seconds``.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import time
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.normalize import (  # noqa: E402
    find_amounts,
    find_dates,
    find_ibans,
    find_periods,
    find_sirets,
    iban_valid,
    name_key,
    parse_amount,
    parse_budget_code,
    parse_convention_ref,
    parse_count,
    parse_date,
    parse_decimal,
    parse_delib_number,
    parse_iban,
    parse_period,
    parse_siret,
    same_person,
    siret_valid,
    split_names,
    split_proxy,
    strip_civility,
)


def load(name: str) -> Any:
    path = ROOT / "tests" / f"test_normalize_{name}.py"
    spec = importlib.util.spec_from_file_location(f"_bench_{name}", path)
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def texts(rows: list[tuple]) -> list[str]:
    return [row[1] for row in rows]


def benches() -> list[tuple[str, Callable[[Any], Any], list[Any]]]:
    a, d, n, i, c = load("amounts"), load("dates"), load("names"), load("ids"), load("counts")
    find_marked = [row[1] for row in a.FIND_CASES if not row[2]]
    find_bare = [row[1] for row in a.FIND_CASES if row[2]] + [a.SEED_BUDGET_TABLE]
    pairs = [(row[1], row[2]) for row in n.SAME_CASES] + [(x, y) for x, y, _ in n.CROSS_DOCUMENT_PAIRS]
    all_dates = texts(d.DATE_CASES) + texts(d.FIND_DATE_CASES) + texts(d.PERIOD_CASES)
    return [
        ("parse_decimal", parse_decimal, texts(a.DECIMAL_CASES)),
        ("parse_amount", parse_amount, texts(a.AMOUNT_CASES)),
        ("find_amounts", find_amounts, find_marked),
        ("find_amounts(bare=True)", lambda t: find_amounts(t, bare=True), find_bare),
        ("parse_count", parse_count, texts(c.COUNT_CASES)),
        ("parse_date", parse_date, texts(d.DATE_CASES)),
        ("find_dates", find_dates, all_dates),
        ("parse_period", parse_period, texts(d.PERIOD_CASES)),
        ("find_periods", find_periods, all_dates),
        ("split_names", split_names, texts(n.SPLIT_CASES)),
        ("split_proxy", split_proxy, texts(n.PROXY_CASES)),
        ("strip_civility", strip_civility, texts(n.CIVILITY_CASES)),
        ("name_key", name_key, texts(n.KEY_CASES)),
        ("same_person", lambda p: same_person(*p), pairs),
        ("parse_siret", parse_siret, texts(i.SIRET_CASES)),
        ("siret_valid", siret_valid, [row[2] for row in i.SIRET_CASES if row[3]]),
        ("parse_iban", parse_iban, texts(i.IBAN_CASES)),
        ("iban_valid", iban_valid, [row[2] for row in i.IBAN_CASES if row[3]]),
        ("find_sirets", find_sirets, texts(i.FIND_SIRET_CASES)),
        ("find_ibans", find_ibans, texts(i.FIND_IBAN_CASES)),
        ("parse_delib_number", parse_delib_number, texts(i.DELIB_NUMBER_CASES)),
        ("parse_convention_ref", parse_convention_ref, texts(i.CONVENTION_REF_CASES)),
        ("parse_budget_code", parse_budget_code, texts(i.BUDGET_CODE_CASES)),
    ]


def measure(fn: Callable[[Any], Any], items: list[Any], seconds: float) -> tuple[float, int]:
    for item in items:  # warm-up: regex caches, dateparser start-up for the rare fallback
        fn(item)
    calls = 0
    start = time.perf_counter()
    deadline = start + seconds
    while True:
        for item in items:
            fn(item)
        calls += len(items)
        now = time.perf_counter()
        if now >= deadline:
            return calls / (now - start), calls


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=0.3, help="time spent on each normaliser")
    args = parser.parse_args(argv)
    rows = benches()
    print(f"{'normaliser':26} {'strings':>7} {'calls/s':>12} {'µs/call':>9}")
    total = 0
    for name, fn, items in rows:
        rate, _ = measure(fn, items, args.seconds)
        total += len(items)
        print(f"{name:26} {len(items):7d} {rate:12,.0f} {1e6 / rate:9.1f}")
    print(f"{total} strings from tests/test_normalize_*.py")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
