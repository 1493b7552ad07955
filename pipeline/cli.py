"""The ``delib`` command: extract, inspect."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from pipeline import __version__

EXIT_OK, EXIT_FAILED_FILES, EXIT_USAGE = 0, 1, 2
STAGES = ("ingest",)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="delib",
        description="Turn French local-government deliberation PDFs into tables you can load, and check them.")
    parser.add_argument("--version", action="version", version=f"delib {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    ex = sub.add_parser("extract", help="extract every table from PDFs into CSV files",
                        description="Read PDFs (files, folders searched recursively, glob patterns) and write "
                                    "every table of the output contract into --out. Exit status: 0 all files ok, "
                                    "1 some files failed (everything else is still written), 2 usage error.")
    ex.add_argument("inputs", nargs="+", metavar="INPUT", help="PDF file, folder, or glob pattern")
    ex.add_argument("--out", required=True, type=Path, metavar="DIR", help="output folder (created if needed)")
    ex.add_argument("--jobs", type=int, default=None, metavar="N",
                    help="files processed in parallel (default: number of cores)")
    ex.add_argument("--quiet", action="store_true", help="no progress line on stderr")

    ins = sub.add_parser("inspect", help="show what one stage produced for one file",
                         description="Print what a pipeline stage produced for one PDF, to see why a value was "
                                     "or was not extracted.")
    ins.add_argument("file", type=Path, metavar="FILE")
    ins.add_argument("--stage", choices=STAGES, default="ingest", help="stage to show (default: ingest)")
    ins.add_argument("--page", type=int, default=None, metavar="N", help="only this page")
    ins.add_argument("--json", action="store_true", help="machine-readable output")
    return parser


def cmd_extract(args: argparse.Namespace) -> int:
    from pipeline.batch import InputError, extract

    if args.jobs is not None and args.jobs < 1:
        print("delib extract: error: --jobs must be at least 1", file=sys.stderr)
        return EXIT_USAGE
    try:
        results = extract(args.inputs, args.out, jobs=args.jobs, quiet=args.quiet)
    except InputError as exc:
        print(f"delib extract: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    failed = [r.document for r in results if r.document.status == "failed"]
    if not args.quiet:
        print(f"{len(results)} files, {len(failed)} failed; tables written to {args.out}", file=sys.stderr)
        for doc in failed:
            print(f"  failed: {doc.source_file}: {doc.error}", file=sys.stderr)
    return EXIT_FAILED_FILES if failed else EXIT_OK


def cmd_inspect(args: argparse.Namespace) -> int:
    from pipeline.ingest import IngestError, ingest

    try:
        doc = ingest(args.file, tables=True)
    except IngestError as exc:
        print(f"delib inspect: {args.file}: {exc}", file=sys.stderr)
        return EXIT_FAILED_FILES
    pages = [p for p in doc.pages if args.page is None or p.number == args.page]
    if args.json:
        out = {"doc_id": doc.doc_id, "sha256": doc.sha256, "text_source": doc.text_source, "pages": [
            {"page": p.number, "text_source": p.text_source, "n_chars": p.n_chars, "n_images": p.n_images,
             "lines": [{"top": ln.top, "x0": ln.x0, "x1": ln.x1, "text": ln.text,
                        "segments": [s[2] for s in ln.segments]} for ln in p.lines],
             "tables": [{"bbox": t.bbox, "rows": t.rows} for t in p.tables]} for p in pages]}
        print(json.dumps(out, ensure_ascii=False, indent=1))
        return EXIT_OK
    print(f"{doc.path}  doc_id={doc.doc_id}  pages={len(doc.pages)}  text_source={doc.text_source}")
    for p in pages:
        print(f"\n=== page {p.number}  text_source={p.text_source}  chars={p.n_chars}  images={p.n_images}  "
              f"lines={len(p.lines)}  tables={len(p.tables)}")
        for ln in p.lines:
            text = " | ".join(s[2] for s in ln.segments)
            print(f"{ln.top:7.1f} {ln.x0:6.1f}  {text}")
        for i, t in enumerate(p.tables, 1):
            print(f"--- table {i} ({len(t.rows)} rows)")
            for row in t.rows:
                print("  | " + " | ".join(c or "" for c in row))
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    handler = {"extract": cmd_extract, "inspect": cmd_inspect}[args.command]
    try:
        return handler(args)
    except KeyboardInterrupt:
        print("delib: interrupted", file=sys.stderr)
        return 130
    except OSError as exc:  # e.g. the output folder cannot be written
        print(f"delib: error: {exc}", file=sys.stderr)
        return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
