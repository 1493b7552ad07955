"""The ``delib`` command: extract, validate, inspect."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from pipeline import __version__

EXIT_OK, EXIT_FAILED_FILES, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
EXIT_BROKEN_PIPE = 141  # as a shell reports a command ended by SIGPIPE
STAGES = ("ingest", "layout", "segment", "extract")
CSV_DIALECTS = ("default", "excel-fr")
OCR_MODES = ("never", "auto", "always")


def add_extract_parser(sub) -> None:
    """The ``extract`` command's options."""
    ex = sub.add_parser("extract", help="extract every table from PDFs into CSV files",
                        description="Read PDFs (files, folders searched recursively, glob patterns) and write "
                                    "every table of the output contract, deliberations.xlsx and the SCDL files into "
                                    "--out. Exit status: 0 all files ok, 1 some files failed (everything else is "
                                    "still written), 2 usage error (one sentence on stderr says which).")
    ex.add_argument("inputs", nargs="+", metavar="INPUT", help="PDF file, folder, or glob pattern")
    ex.add_argument("--out", required=True, type=Path, metavar="DIR", help="output folder (created if needed)")
    ex.add_argument("--jobs", type=int, default=None, metavar="N",
                    help="files processed in parallel (default: number of cores)")
    ex.add_argument("--quiet", action="store_true", help="no progress bar or summary on stderr")
    ex.add_argument("--timeout", type=float, default=120.0, metavar="SECONDS",
                    help="a file still being read after this long is stopped and reported failed (default: 120)")
    ex.add_argument("--memory-limit", type=int, default=2048, metavar="MB",
                    help="memory ceiling of each worker process; a file needing more is reported failed "
                         "(default: 2048)")
    ex.add_argument("--resume", action="store_true",
                    help="reuse the results stored in DIR/.delib by an earlier run (same file content, same "
                         "pipeline version and options): only new or changed files are read")
    ex.add_argument("--engine", choices=("local", "dask"), default="local",
                    help="local: worker processes on this machine (default); dask: a Dask cluster")
    ex.add_argument("--scheduler", metavar="ADDRESS",
                    help="the Dask scheduler for --engine dask, e.g. tcp://10.0.0.5:8786")
    ex.add_argument("--ocr", choices=OCR_MODES, default="auto",
                    help="OCR (Tesseract, French) of scanned pages: never; auto = pages without a usable text "
                         "layer (default); always = every page")
    ex.add_argument("--csv-dialect", choices=CSV_DIALECTS, default="default",
                    help="default: the output contract (comma, decimal point, UTF-8); excel-fr: for French Excel "
                         "(';' separator, decimal comma, UTF-8 with BOM). The SCDL files always follow their schema")
    ex.add_argument("--lang", choices=("fr", "en"), default="fr",
                    help="language of the reports and index.html (default: fr); the CSVs keep their column names")
    ex.add_argument("--reviews", type=Path, metavar="FILE",
                    help="review marks of the findings (default: reviews.csv in the output folder)")
    ex.add_argument("--coll-siret", metavar="SIRET",
                    help="SIRET of the collectivité, for the SCDL exports (COLL_SIRET, idAttribuant) of the "
                         "documents that print none")
    ex.add_argument("--collectivites", type=Path, metavar="FILE.csv",
                    help="a CSV with the columns nom,siret (one collectivité a line, its name as the documents "
                         "print it): the SIRET of each collectivité of a folder mixing councils, for the SCDL "
                         "exports of the documents that print none")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="delib",
        description="Turn French local-government deliberation PDFs into tables you can load, and check them.")
    parser.add_argument("--version", action="version", version=f"delib {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    add_extract_parser(sub)

    val = sub.add_parser("validate", help="check PDFs and print their validation report",
                         description="Extract each PDF and print, file by file, the validation rules that failed "
                                     "(with their page), those skipped and why, the document's own contradictions "
                                     "apart from what delib could not read. Exit status: 1 when a document rule "
                                     "of severity error failed, else 0; 2 usage error.")
    val.add_argument("inputs", nargs="+", metavar="FILE_OR_DIR", help="PDF file, folder, or glob pattern")
    val.add_argument("--jobs", type=int, default=1, metavar="N", help="files processed in parallel (default: 1)")
    val.add_argument("--all", action="store_true", help="also list the rules that passed")
    val.add_argument("--ocr", choices=OCR_MODES, default="auto", help="OCR of scanned pages (default: auto)")
    val.add_argument("--timeout", type=float, default=120.0, metavar="SECONDS",
                     help="a file still being read after this long is stopped and reported failed (default: 120)")
    val.add_argument("--memory-limit", type=int, default=2048, metavar="MB",
                     help="memory ceiling of each worker process (default: 2048)")

    ins = sub.add_parser("inspect", help="show what one stage produced for one file",
                         description="Print what a pipeline stage produced for one PDF, to see why a value was "
                                     "or was not extracted.")
    ins.add_argument("file", type=Path, metavar="FILE")
    ins.add_argument("--stage", choices=STAGES, default="ingest", help="stage to show (default: ingest)")
    ins.add_argument("--page", type=int, default=None, metavar="N", help="only this page")
    ins.add_argument("--json", action="store_true", help="machine-readable output")
    ins.add_argument("--png", type=Path, default=None, metavar="DIR",
                     help="with --stage layout: draw the blocks on the page images into DIR")
    ins.add_argument("--ocr", choices=OCR_MODES, default="auto",
                     help="OCR of scanned pages, as for extract (default: auto)")
    return parser


def cmd_extract(args: argparse.Namespace) -> int:
    from pipeline.batch import BatchStats, InputError, extract
    from pipeline.dask_engine import SchedulerError
    from pipeline.isolate import WorkerStartError

    collectivites, usage = extract_usage_error(args)
    if usage:
        print(f"delib extract: error: {usage}", file=sys.stderr)
        return EXIT_USAGE

    def check_configuration() -> None:  # before the first file is read (not at all if --resume finds all done)
        if not check_ocr("extract", args.ocr):
            raise _ConfigurationError()

    stats = BatchStats()
    try:
        # Options fields, not process.Options: the batch process never imports the pipeline stages.
        results = extract(args.inputs, args.out, jobs=args.jobs, quiet=args.quiet, options={"ocr": args.ocr},
                          timeout=args.timeout, memory_mb=args.memory_limit, resume=args.resume,
                          engine=args.engine, scheduler=args.scheduler, before_first_file=check_configuration,
                          stats=stats, csv_dialect=args.csv_dialect, coll_siret=args.coll_siret,
                          collectivites=collectivites, lang=args.lang, reviews=args.reviews)
    except _ConfigurationError:
        return EXIT_USAGE
    except (InputError, SchedulerError, WorkerStartError) as exc:
        print(f"delib extract: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print(f"delib extract: interrupted; the files finished are kept in {args.out / '.delib'}: run the same "
              f"command with --resume to go on", file=sys.stderr)
        return 130
    failed = [r.document for r in results if r.document.status == "failed"]
    if not args.quiet:
        print_extract_summary(args, results, stats, failed)
    return EXIT_FAILED_FILES if failed else EXIT_OK


def extract_option_error(args: argparse.Namespace) -> str | None:
    """The first ``extract`` option out of range or used without the one it needs -> its usage error, else None.
    ``--coll-siret``, checked last, is made compact in ``args`` (``226 200 012 00012`` -> ``22620001200012``)."""
    checks = (  # (it is wrong, what to say), in the order they are reported
        (args.jobs is not None and args.jobs < 1, "--jobs must be at least 1"),
        (not args.timeout > 0, "--timeout must be a positive number of seconds"),
        (args.memory_limit < 128,
         "--memory-limit must be at least 128 (MB): a worker needs about 100 MB to load the pipeline"),
        (args.engine == "dask" and not args.scheduler,
         "--engine dask needs --scheduler ADDRESS (e.g. tcp://HOST:8786)"),
        (args.scheduler and args.engine != "dask", "--scheduler is only used with --engine dask"),
    )
    for wrong, usage in checks:
        if wrong:
            return usage
    if args.coll_siret is not None:
        args.coll_siret, usage = check_siret(args.coll_siret)
        return usage
    return None


def extract_usage_error(args: argparse.Namespace) -> tuple[tuple, str | None]:
    """Every check of the ``extract`` command line before a file is read -> (the ``--collectivites`` rows, the first
    usage error or None): the options, then the ``--collectivites`` file, then the ``--out`` folder."""
    usage = extract_option_error(args)
    collectivites: tuple = ()
    if not usage and args.collectivites is not None:
        collectivites, usage = load_collectivites(args.collectivites)
    return collectivites, usage or check_out_dir(args.out)


def print_extract_summary(args: argparse.Namespace, results: list, stats, failed: list) -> None:
    """The run in one line on stderr, then one line per failed file and why."""
    reused = f", {stats.reused} reused" if stats.reused else ""
    written = "tables written to" if stats.outputs_written else "tables already up to date in"
    print(f"{len(results)} files ({stats.processed} read{reused}), {len(failed)} failed; "
          f"{written} {args.out}", file=sys.stderr)
    for doc in failed:
        print(f"  failed: {doc.source_file}: {doc.error}", file=sys.stderr)


def check_siret(text: str) -> tuple[str, str | None]:
    """``--coll-siret``: 14 digits (spaces allowed) that pass the Luhn check -> (compact SIRET, usage error)."""
    from stdnum.fr import siret

    compact = "".join(text.split())
    if not (len(compact) == 14 and compact.isdigit() and siret.is_valid(compact)):
        return compact, (f"--coll-siret {text!r} is not a valid SIRET (14 digits that pass the Luhn check, "
                         f"e.g. 22620001200012)")
    return compact, None


def check_out_dir(out: Path) -> str | None:
    """``--out``: a folder that exists or can be made, and can be written into -> None, else the usage error."""
    import os
    import tempfile

    if out.exists() and not out.is_dir():
        return f"--out {str(out)!r} is a file, not a folder: give a folder to write the tables into"
    try:
        out.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=out):
            pass
    except OSError as exc:
        reason = exc.strerror.lower() if exc.strerror else "it cannot be written"
        if isinstance(exc, (NotADirectoryError, FileExistsError)):
            reason = "part of its path is a file"
        return f"cannot write into the output folder {str(out)!r} ({reason})"
    if not os.access(out, os.W_OK):
        return f"cannot write into the output folder {str(out)!r} (permission denied)"
    return None


def check_inputs_have_pdfs(inputs: list[str]) -> str | None:
    """At least one PDF among the inputs -> None, else the usage error naming the folders searched."""
    from pipeline.batch import InputError, collect_inputs

    try:
        if collect_inputs(inputs):
            return None
    except InputError:
        return None  # a missing input: the batch says which, as before
    return f"no PDF found in {', '.join(repr(i) for i in inputs)} (folders are searched for *.pdf files)"


def load_collectivites(path: Path) -> tuple[tuple, str | None]:
    """``--collectivites FILE.csv`` -> (its rows, None), or ((), the usage error)."""
    from pipeline.export.scdl import CollectivitesFileError, read_collectivites

    try:
        return read_collectivites(path), None
    except CollectivitesFileError as exc:
        return (), str(exc)


class _ConfigurationError(Exception):
    """A configuration check failed; it has already said why on stderr."""


def check_ocr(command: str, mode: str) -> bool:
    """Configuration check before the first file: ``--ocr always`` needs Tesseract; ``auto`` only warns."""
    if mode == "never":
        return True
    from pipeline.ocr import OcrUnavailable, check_available

    try:
        check_available()
    except OcrUnavailable as exc:
        if mode == "always":
            print(f"delib {command}: error: {exc}", file=sys.stderr)
            return False
        print(f"delib {command}: warning: {exc}", file=sys.stderr)
    return True


def cmd_validate(args: argparse.Namespace) -> int:
    from pipeline.batch import InputError, Task, collect_inputs, failure_message
    from pipeline.isolate import Limits, WorkerStartError, run_pool
    from pipeline.process import failed_result
    from pipeline.report_text import terminal_report

    usage = None
    if args.jobs < 1:
        usage = "--jobs must be at least 1"
    elif not args.timeout > 0:
        usage = "--timeout must be a positive number of seconds"
    elif args.memory_limit < 128:
        usage = "--memory-limit must be at least 128 (MB): a worker needs about 100 MB to load the pipeline"
    if usage:
        print(f"delib validate: error: {usage}", file=sys.stderr)
        return EXIT_USAGE
    if not check_ocr("validate", args.ocr):
        return EXIT_USAGE
    try:
        paths = collect_inputs(args.inputs)
    except InputError as exc:
        print(f"delib validate: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    # The same isolated workers as extract: a timeout, a memory ceiling and a crash guard per file.
    limits = Limits(timeout=args.timeout, memory_mb=args.memory_limit)
    tasks = [Task(index=i, name=str(p), path=str(p), sha256="") for i, p in enumerate(paths)]
    results = []
    try:
        for task, outcome in run_pool(tasks, min(args.jobs, len(tasks)), limits, {"ocr": args.ocr}):
            results.append(outcome.result if outcome.kind == "ok"
                           else failed_result(Path(task.path), failure_message(outcome, limits)))
    except WorkerStartError as exc:
        print(f"delib validate: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    text, errors = terminal_report(results, show_passes=args.all)
    print(text)
    return EXIT_FAILED_FILES if errors else EXIT_OK


def cmd_inspect_segment(doc) -> int:
    from pipeline.segment import segment

    seg = segment(doc)
    kind = "file of extracts" if seg.extracts else "session record" if seg.multi else "single deliberation"
    print(f"{doc.path}  doc_id={doc.doc_id}  {kind}  deliberations={len(seg.deliberations)}  "
          f"information items={len(seg.information)}  annex sections={len(seg.annexes)}")

    def show(section, indent="  "):
        label = f" {section.label}" if section.label else ""
        block = f" (block {section.block})" if section.block else ""
        pages = f"p.{section.page}" + (f"-{section.page_end}" if section.page_end != section.page else "")
        first = section.paragraphs[0].flat[:90] if section.paragraphs else ""
        print(f"{indent}{section.kind}{label}{block}  {pages}  {first}")

    if seg.session:
        print("\n== session (applies to every deliberation)")
        for section in seg.session:
            show(section)
    for d in seg.deliberations:
        number = f" n°{d.number}" if d.number else ""
        print(f"\n== deliberation {d.index}{number}  pages {d.page_start}-{d.page_end}")
        for section in d.sections:
            show(section)
    for item in seg.information:  # kept apart in information.csv
        number = f" {item.item}" if item.item else ""
        print(f"\n== information item{number} ({item.kind}, after deliberation {item.after})  pages "
              f"{item.page_start}-{item.page_end}  {item.title[:90]}")
    if seg.annexes:
        print("\n== annexes")
        for section in seg.annexes:
            show(section)
    return EXIT_OK


def cmd_inspect_layout(doc, args: argparse.Namespace) -> int:
    """The blocks of each page in reading order: text, margin notes, running headers/footers, stamps."""
    from pipeline.layout import draw_blocks, layout

    blocks = [b for b in layout(doc) if args.page is None or b.page == args.page]
    print(f"{doc.path}  doc_id={doc.doc_id}  pages={len(doc.pages)}  blocks={len(blocks)}")
    for b in blocks:
        x0, top, x1, bottom = b.bbox
        first = b.lines[0].text[:90]
        print(f"p.{b.page:<3} {b.kind:8s} ({x0:5.0f},{top:5.0f})-({x1:5.0f},{bottom:5.0f}) {len(b.lines):3d} lines  {first}")
    if args.png:
        files = draw_blocks(doc.path, blocks, args.png, [args.page] if args.page else None)
        print(f"{len(files)} page image(s) written to {args.png}")
    return EXIT_OK


def page_usage_error(args: argparse.Namespace, doc) -> str | None:
    """``--page N``: a page of the file -> None, else the usage error."""
    if args.page is None or 1 <= args.page <= len(doc.pages):
        return None
    return (f"--page {args.page} is not a page of {args.file}, which has "
            f"{len(doc.pages)} page{'s' if len(doc.pages) != 1 else ''}")


def ingest_json(doc, pages: list) -> dict:
    """``inspect --json``: the document and, for each page asked for, its lines (with their segments and OCR
    confidence) and tables."""
    return {"doc_id": doc.doc_id, "sha256": doc.sha256, "text_source": doc.text_source, "pages": [
        {"page": p.number, "text_source": p.text_source, "n_chars": p.n_chars, "n_images": p.n_images,
         "ocr_angle": p.ocr_angle,
         "lines": [{"top": ln.top, "x0": ln.x0, "x1": ln.x1, "text": ln.text,
                    "segments": [s[2] for s in ln.segments], "conf": ln.conf} for ln in p.lines],
         "tables": [{"bbox": t.bbox, "rows": t.rows} for t in p.tables]} for p in pages]}


def print_ingest_page(p) -> None:
    """One page as ingest read it: a heading, its lines (position, OCR confidence, segments), its tables."""
    skew = f"  skew={p.ocr_angle:+.2f}°" if p.ocr_angle is not None else ""
    print(f"\n=== page {p.number}  text_source={p.text_source}  chars={p.n_chars}  images={p.n_images}  "
          f"lines={len(p.lines)}  tables={len(p.tables)}{skew}")
    for ln in p.lines:
        text = " | ".join(s[2] for s in ln.segments)
        conf = f" {ln.conf:4.0f}%" if ln.conf is not None else ""  # OCR: mean word confidence
        print(f"{ln.top:7.1f} {ln.x0:6.1f}{conf}  {text}")
    for i, t in enumerate(p.tables, 1):
        print(f"--- table {i} ({len(t.rows)} rows)")
        for row in t.rows:
            print("  | " + " | ".join(c or "" for c in row))


def cmd_inspect_ingest(doc, args: argparse.Namespace) -> int:
    """The text of each page as ingest read it (text layer or OCR), line by line, and the tables found."""
    pages = [p for p in doc.pages if args.page is None or p.number == args.page]
    if args.json:
        print(json.dumps(ingest_json(doc, pages), ensure_ascii=False, indent=1))
        return EXIT_OK
    print(f"{doc.path}  doc_id={doc.doc_id}  pages={len(doc.pages)}  text_source={doc.text_source}")
    for p in pages:
        print_ingest_page(p)
    return EXIT_OK


def cmd_inspect(args: argparse.Namespace) -> int:
    from pipeline.ingest import IngestError, ingest

    if not check_ocr("inspect", args.ocr):
        return EXIT_USAGE
    try:
        doc = ingest(args.file, tables=True, ocr=args.ocr)
    except IngestError as exc:
        print(f"delib inspect: {args.file}: {exc}", file=sys.stderr)
        return EXIT_FAILED_FILES
    usage = page_usage_error(args, doc)
    if usage:
        print(f"delib inspect: error: {usage}", file=sys.stderr)
        return EXIT_USAGE
    if args.stage == "segment":
        return cmd_inspect_segment(doc)
    if args.stage == "layout":
        return cmd_inspect_layout(doc, args)
    if args.stage == "extract":
        return cmd_inspect_extract(doc)
    return cmd_inspect_ingest(doc, args)


def cmd_inspect_extract(doc) -> int:
    """The extraction stage's intermediates: the session's context, each deliberation's records, the annexes'."""
    from pipeline.extract.deliberation import extraction
    from pipeline.segment import segment

    ex = extraction(doc, segment(doc))
    fields = {k: v for k, v in ex.session.fields.items() if not k.endswith(("_page", "_sure"))}
    print(f"{doc.path}  doc_id={doc.doc_id}  deliberations={len(ex.deliberations)}")
    if fields or ex.session.attendance:
        print(f"\n== session  {fields}  counts={ex.session.counts}  attendance={len(ex.session.attendance)}")
    for records in ex.deliberations:
        d = records.deliberation
        print(f"\n== {d.delib_id}  p.{d.page_start}-{d.page_end}  {d.session_date}  {d.title or ''}"[:160])
        for name in ("attendance", "recusals", "votes", "vote_members", "articles", "budget_lines", "amounts"):
            rows = getattr(records, name)
            if rows:
                print(f"  {name:13s} {len(rows):4d}  " + "; ".join(_row_summary(r) for r in rows[:4])[:130])
        for page, quote, why in records.dropped:
            print(f"  left out      p.{page}  {why}: {quote}"[:160])
    a = ex.annexes
    print(f"\n== annexes  {len(a.conventions)} conventions, {len(a.payments)} payments, {len(a.operations)} "
          f"operations, {len(a.amounts)} amounts, annexes {a.annexes_present}")
    return EXIT_OK


def _row_summary(row) -> str:
    for name in ("name", "raw", "label", "text", "position"):
        value = getattr(row, name, None)
        if value:
            extra = ""
            if hasattr(row, "pour") and row.pour is not None:
                extra = f" ({row.pour}/{row.contre}/{row.abstention})"
            return f"{str(value)[:40]}{extra}"
    return type(row).__name__


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    handler = {"extract": cmd_extract, "validate": cmd_validate, "inspect": cmd_inspect}[args.command]
    try:
        usage = check_inputs_have_pdfs(args.inputs) if hasattr(args, "inputs") else None
        if usage:
            print(f"delib {args.command}: error: {usage}", file=sys.stderr)
            return EXIT_USAGE
        code = handler(args)
        sys.stdout.flush()  # a closed pipe shows here, inside the handler below
        return code
    except KeyboardInterrupt:
        print("delib: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `delib inspect … | head`: the reader has gone; end quietly
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    except OSError as exc:  # e.g. the output folder stops being writable during the run
        print(f"delib {args.command}: error: {plain_os_error(exc)}", file=sys.stderr)
        return EXIT_USAGE
    except Exception as exc:  # a bug: one sentence, never a traceback
        print(f"delib {args.command}: internal error ({type(exc).__name__}: {exc}); please report it with the "
              f"command you ran", file=sys.stderr)
        return EXIT_INTERNAL


def plain_os_error(exc: OSError) -> str:
    """``[Errno 30] Read-only file system: 'out/x'`` -> ``cannot write 'out/x': read-only file system``."""
    reason = (exc.strerror or type(exc).__name__).lower()
    where = f" {str(exc.filename)!r}" if exc.filename else ""
    verb = "write" if isinstance(exc, (PermissionError, IsADirectoryError, NotADirectoryError)) \
        or exc.errno in (28, 30) else "use"
    return f"cannot {verb}{where}: {reason}"


def _silence_stdout() -> None:
    """Point stdout at /dev/null so that the interpreter's last flush does not fail again on the closed pipe."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


if __name__ == "__main__":
    sys.exit(main())
