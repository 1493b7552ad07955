"""Table Schemas (frictionless / Table Schema spec) generated from the record types.

``python -m models.schema`` writes ``models/schemas/<table>.json``; a test checks the committed files are current.
"""

from __future__ import annotations

import json
import sys
import types
import typing
from datetime import date
from decimal import Decimal
from pathlib import Path

from models.records import RECORD_TYPES, csv_fields

SCHEMA_DIR = Path(__file__).parent / "schemas"


def base_type(hint: object) -> object:
    """The Python type behind a hint (``list[int]`` -> list, ``int | None`` -> int)."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        return base_type(args[0])
    return origin or hint


def table_schema(record_type: type) -> dict:
    hints = typing.get_type_hints(record_type)
    out_fields = []
    for f in csv_fields(record_type):
        py = base_type(hints[f.name])
        spec: dict = {"name": f.name, "description": f.metadata["description"]}
        constraints: dict = {}
        if py is int:
            spec["type"] = "integer"
        elif py is Decimal:
            spec["type"] = "number"
            spec["decimalChar"] = "."
            spec["bareNumber"] = True
        elif py is date:
            spec["type"] = "date"
            spec["format"] = "%Y-%m-%d"
        elif py is bool:
            spec["type"] = "boolean"
            spec["trueValues"] = ["true"]
            spec["falseValues"] = ["false"]
        elif py is list:
            spec["type"] = "string"
        else:
            spec["type"] = "string"
        if f.metadata.get("enum"):
            constraints["enum"] = list(f.metadata["enum"])
        if f.metadata.get("required"):
            constraints["required"] = True
        if constraints:
            spec["constraints"] = constraints
        out_fields.append(spec)
    return {
        "name": record_type.TABLE,
        "title": f"{record_type.TABLE}.csv",
        "description": record_type.TITLE,
        "fields": out_fields,
        "missingValues": [""],
    }


def write_schemas(directory: Path = SCHEMA_DIR) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for record_type in RECORD_TYPES:
        path = directory / f"{record_type.TABLE}.json"
        path.write_text(json.dumps(table_schema(record_type), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    for p in write_schemas(Path(sys.argv[1]) if len(sys.argv) > 1 else SCHEMA_DIR):
        print(p)
