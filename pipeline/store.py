"""Per-file results on disk, so a batch loses nothing when it stops and a re-run skips what is done.

Layout: ``OUT/.delib/results/<sha256[:2]>/<sha256>-<pipeline version>-<options>.pickle``, one file per input
content, written atomically (temporary file, fsync, rename) the moment its file is finished. A run interrupted
by Ctrl-C, a crash or a power cut keeps every result it had written; ``--resume`` reuses them.

The key is the content (SHA-256 of the bytes, the same hash as ``doc_id``, so a renamed or moved file is still
found), the *pipeline version* and the per-file options. The pipeline version is ``pipeline.__version__`` plus
a digest of every source and data file of ``pipeline/`` and ``models/`` and of the versions of the libraries
that read the PDFs and the text: any change to the code or to those libraries gives new keys, so a result is
never reused by code that would not have produced it. Results of other versions are left in place (they are
what an older checkout would reuse); delete ``OUT/.delib`` to reclaim the space.

A result stored after a timeout or the memory ceiling records the limit it ran under: ``--resume`` reuses it
only when this run's limit is not larger (a re-run with ``--timeout 600`` tries the file again). Crashes are
not stored: the file is tried again.

The files are pickles of ``models.records.FileResult``: load them only from an output folder you wrote.

``OUT/.delib/assembled.json`` records the last complete assembly of the tables: a key (the inputs' names and
contents in order, the pipeline version, the options, the batch options) and the size and modification time of
every file it wrote. A ``--resume`` that reads no file and finds the same key with every output untouched has
nothing to write, and writes nothing (this is what makes a re-run over an unchanged archive take seconds).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import pickle
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

from pipeline import __version__

STORE_DIR = ".delib"
ASSEMBLY_RECORD = "assembled.json"
VERSION_HOOK = "DELIB_TEST_PIPELINE_VERSION"
# Libraries whose version changes what is read from a PDF (text, positions, tables, dates, numbers).
LIBRARIES = ("pypdfium2", "pdfplumber", "pdfminer.six", "dateparser", "regex", "text2num", "python-stdnum",
             "pytesseract")
_SOURCE_SUFFIXES = {".py", ".json", ".tsv", ".csv", ".txt", ".yaml", ".yml", ".toml"}


def content_hash(path: Path) -> str:
    """SHA-256 of the file's bytes (the same digest ``ingest`` gives ``doc_id``)."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def pipeline_version() -> str:
    """``<__version__>+<12 hex digits>``: the release, the code of pipeline/ and models/, the libraries.

    Test hook: ``DELIB_TEST_PIPELINE_VERSION`` replaces it (tests that resume across processes while the
    working tree is being edited)."""
    return os.environ.get(VERSION_HOOK) or _code_version()


@lru_cache(maxsize=1)
def _code_version() -> str:
    from importlib import metadata

    root = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for folder in ("pipeline", "models"):
        for path in sorted((root / folder).rglob("*")):
            if path.suffix in _SOURCE_SUFFIXES and "__pycache__" not in path.parts and path.is_file():
                digest.update(path.relative_to(root).as_posix().encode() + b"\0")
                digest.update(path.read_bytes() + b"\0")
    for name in LIBRARIES:
        try:
            version = metadata.version(name)
        except metadata.PackageNotFoundError:
            version = "-"
        digest.update(f"{name}={version}\0".encode())
    return f"{__version__}+{digest.hexdigest()[:12]}"


def options_key(options: Any) -> str:
    """8 hex digits that change with any per-file option (``process.Options`` is a dataclass)."""
    fields = dataclasses.asdict(options) if dataclasses.is_dataclass(options) else options
    return hashlib.sha256(repr(sorted(fields.items())).encode()).hexdigest()[:8]


@dataclasses.dataclass(slots=True)
class Stored:
    """One stored result: the ``FileResult``, and the limit it hit (``("timeout", s)``, ``("memory", MB)``)."""

    result: Any
    limited_by: tuple[str, float] | None = None


class ResultStore:
    def __init__(self, out_dir: Path, options: Any, version: str | None = None) -> None:
        self.out_dir = Path(out_dir)
        self.root = self.out_dir / STORE_DIR / "results"
        self.suffix = f"-{version or pipeline_version()}-{options_key(options)}.pickle"

    def assembly_key(self, inputs: list[tuple[str, str | None]], **batch_options: Any) -> str:
        """What the tables are assembled from: (name, content hash) of every input in order, the pipeline
        version and per-file options (``suffix``), and the batch-level options."""
        text = json.dumps([self.suffix, inputs, sorted(batch_options.items())], default=str)
        return hashlib.sha256(text.encode()).hexdigest()

    def is_assembled(self, key: str) -> bool:
        """The outputs of the assembly ``key`` are all there, as that assembly left them."""
        try:
            record = json.loads((self.out_dir / STORE_DIR / ASSEMBLY_RECORD).read_text(encoding="utf-8"))
            if record["key"] != key or not record["outputs"]:
                return False
            for name, (size, mtime_ns) in record["outputs"].items():
                stat = (self.out_dir / name).stat()
                if stat.st_size != size or stat.st_mtime_ns != mtime_ns:
                    return False
        except (OSError, ValueError, KeyError, TypeError):
            return False
        return True

    def record_assembly(self, key: str, outputs: list[Path]) -> None:
        """After the tables of ``key`` are written (``outputs``: every file written)."""
        entries = {}
        for path in outputs:
            stat = Path(path).stat()
            entries[Path(path).relative_to(self.out_dir).as_posix()] = [stat.st_size, stat.st_mtime_ns]
        record = self.out_dir / STORE_DIR / ASSEMBLY_RECORD
        record.parent.mkdir(parents=True, exist_ok=True)
        tmp = record.with_name(record.name + ".tmp")
        tmp.write_text(json.dumps({"key": key, "outputs": entries}, sort_keys=True), encoding="utf-8")
        os.replace(tmp, record)

    def forget_assembly(self) -> None:
        """Before the tables are written: until the new record exists, no assembly is known complete."""
        (self.out_dir / STORE_DIR / ASSEMBLY_RECORD).unlink(missing_ok=True)

    def path_for(self, sha256: str) -> Path:
        return self.root / sha256[:2] / f"{sha256}{self.suffix}"

    def load(self, sha256: str, *, timeout: float, memory_mb: int) -> Stored | None:
        """The stored result for this content, if it can stand for a run with these limits."""
        try:
            with open(self.path_for(sha256), "rb") as fh:
                stored = pickle.load(fh)
        except FileNotFoundError:
            return None
        except Exception:  # a damaged or foreign file: process the input again (it is then overwritten)
            return None
        if not isinstance(stored, Stored):
            return None
        if stored.limited_by is not None:
            kind, limit = stored.limited_by
            if (kind == "timeout" and timeout > limit) or (kind == "memory" and memory_mb > limit):
                return None  # this run allows more: try again
        return stored

    def save(self, sha256: str, stored: Stored) -> None:
        path = self.path_for(sha256)
        path.parent.mkdir(parents=True, exist_ok=True)
        data = pickle.dumps(stored, protocol=pickle.HIGHEST_PROTOCOL)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        _fsync_dir(path.parent)


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable (POSIX); a no-op where folders cannot be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
