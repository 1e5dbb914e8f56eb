"""Batch conversion: folders of minutes -> a mirrored folder of JSON files (or one JSON Lines stream).

    from referat_parser.batch import BatchOptions, run_batch
    summary = run_batch([Path("archive")], Path("out"), BatchOptions(jobs=2))
    print(summary.parsed, summary.failed)

* Discovery is recursive, follows symlinked folders once (symlink loops end), and reports
  unreadable folders as failures instead of stopping.
* Each input ``ROOT/a/b.txt`` of a folder input is written to ``OUT/a/b.json``; a file input to
  ``OUT/<stem>.json``. When several inputs would land on the same output, the first keeps it and
  the others get ``<name>.<ext>.json`` (and a number if that still collides): nothing is
  overwritten.
* Incremental: ``OUT/_manifest.jsonl`` records path, size, mtime, sha256 and parser version of
  every output; a re-run skips inputs whose size and mtime are unchanged (and hashes only those
  whose size or mtime changed, skipping them too when the content is the same).
* Failures go to ``OUT/_errors.jsonl``: one JSON object per line with ``file``, ``code``, ``message``.
"""

from __future__ import annotations

import contextlib
import fnmatch
import hashlib
import json
import os
import stat
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import IO, Any, Protocol

from .worker import FileResult, Mode, Task

DEFAULT_SUFFIXES = (".txt", ".md", ".pdf", ".html", ".htm", ".docx", ".xml")
MANIFEST = "_manifest.jsonl"
ERRORS = "_errors.jsonl"


class UsageError(ValueError):
    """A problem with the command as given (not with one input): the CLI exits 2."""


# --- discovery ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Input:
    path: Path  # as found (joined to the input given)
    rel: PurePosixPath  # relative to its input root; the file name for a file input
    size: int = 0
    mtime_ns: int = 0
    error: tuple[str, str] | None = None  # (code, message) when it cannot even be listed


def _matches(rel: PurePosixPath, pattern: str) -> bool:
    """gitignore-like: a pattern without '/' matches a file or folder name at any depth; a pattern
    with '/' matches the path relative to the input folder (or a folder that holds it)."""
    if "/" not in pattern.strip("/"):
        return any(fnmatch.fnmatchcase(part, pattern.strip("/")) for part in rel.parts)
    pattern = pattern.strip("/")
    text = rel.as_posix()
    if fnmatch.fnmatchcase(text, pattern) or fnmatch.fnmatchcase(text, pattern + "/*"):
        return True
    return any(fnmatch.fnmatchcase("/".join(rel.parts[:i]), pattern) for i in range(1, len(rel.parts)))


def _wanted(rel: PurePosixPath, globs: Sequence[str], excludes: Sequence[str]) -> bool:
    if any(_matches(rel, pattern) for pattern in excludes):
        return False
    if globs:
        return any(fnmatch.fnmatchcase(rel.name, g) if "/" not in g else fnmatch.fnmatchcase(rel.as_posix(), g)
                   for g in globs)
    return rel.suffix.lower() in DEFAULT_SUFFIXES


def _os_error(exc: OSError) -> tuple[str, str]:
    if isinstance(exc, FileNotFoundError):
        return "not_found", "no such file or folder"
    if isinstance(exc, PermissionError):
        return "permission_denied", "permission denied"
    return "unreadable", f"cannot read ({exc.strerror or exc})"


def discover(inputs: Sequence[Path], *, globs: Sequence[str] = (), excludes: Sequence[str] = (),
             skip: Sequence[Path] = ()) -> Iterator[Input]:
    """Every input file, in a stable order. Files given by name are always taken; folders are
    searched recursively for files matching ``globs`` (default: .txt, .md, .pdf, .xml) and not
    ``excludes``. Folders in ``skip`` (the output folder) are not entered."""
    skip_real = {os.path.realpath(p) for p in skip}
    for item in inputs:
        try:
            st = os.stat(item)
        except OSError as exc:
            yield Input(item, PurePosixPath(item.name or str(item)), error=_os_error(exc))
            continue
        if stat.S_ISDIR(st.st_mode):
            yield from _walk(item, globs, excludes, skip_real)
        else:
            yield Input(item, PurePosixPath(item.name), st.st_size, st.st_mtime_ns)


def _walk(root: Path, globs: Sequence[str], excludes: Sequence[str], skip_real: set[str]) -> Iterator[Input]:
    seen: set[tuple[int, int]] = set()

    def visit(folder: Path, rel: PurePosixPath) -> Iterator[Input]:
        try:
            st = os.stat(folder)
            if (st.st_dev, st.st_ino) in seen or os.path.realpath(folder) in skip_real:
                return  # a symlink loop, a folder reached twice, or the output folder
            seen.add((st.st_dev, st.st_ino))
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            yield Input(folder, rel if rel.parts else PurePosixPath(folder.name), error=_os_error(exc))
            return
        for entry in entries:
            child = rel / entry.name
            path = folder / entry.name
            try:
                is_dir = entry.is_dir()  # follows symlinks; `seen` ends loops
            except OSError:
                is_dir = False
            if is_dir:
                if not any(_matches(child, pattern) for pattern in excludes):
                    yield from visit(path, child)
                continue
            if not _wanted(child, globs, excludes):
                continue
            try:
                est = entry.stat()
            except OSError as exc:  # a broken symlink or a symlink loop named like an input
                yield Input(path, child, error=_os_error(exc))
                continue
            if stat.S_ISREG(est.st_mode):
                yield Input(path, child, est.st_size, est.st_mtime_ns)

    yield from visit(root, PurePosixPath())


def plan_targets(files: Sequence[Input], out: Path) -> list[Path]:
    """The output file of each input: OUT/<rel>.json, with collisions resolved as the module says."""
    first = [PurePosixPath(f.rel).with_suffix(".json") for f in files]
    counts = Counter(first)
    used: set[PurePosixPath] = set(first)
    seen: set[PurePosixPath] = set()
    targets: list[Path] = []
    for f, rel in zip(files, first, strict=True):
        if counts[rel] > 1 and rel in seen:  # the first keeps <stem>.json, so every stem has one
            rel = PurePosixPath(f.rel).with_name(f.rel.name + ".json")
            base, n = rel, 2
            while rel in used:
                rel = base.with_name(f"{base.name[:-5]}-{n}.json")
                n += 1
            used.add(rel)
        else:
            seen.add(rel)
        targets.append(out.joinpath(*rel.parts))
    return targets


# --- the manifest ---------------------------------------------------------------------------

def parser_version() -> str:
    from . import __version__
    from .models import SCHEMA_VERSION

    return f"{__version__}+schema{SCHEMA_VERSION}"


class Manifest:
    """``OUT/_manifest.jsonl``: one line per output (later lines win), appended as files finish so
    an interrupted run keeps its progress, and compacted at the end of a run."""

    def __init__(self, out: Path) -> None:
        self.path = out / MANIFEST
        self.entries: dict[str, dict[str, Any]] = {}
        self._handle: IO[str] | None = None
        with contextlib.suppress(OSError), self.path.open(encoding="utf-8") as handle:
            for line in handle:
                with contextlib.suppress(ValueError, KeyError, TypeError):
                    entry = json.loads(line)
                    self.entries[entry["output"]] = entry

    def unchanged(self, item: Input, target: Path, key: str, version: str) -> bool:
        """Whether ``target`` is the current output of ``item``: cheap (stat only) when size and
        mtime are those recorded, else the content hash decides."""
        entry = self.entries.get(key)
        if (not entry or entry.get("parser_version") != version or entry.get("source") != os.path.abspath(item.path)
                or not target.exists()):
            return False
        if entry.get("size") == item.size and entry.get("mtime_ns") == item.mtime_ns:
            return True
        if entry.get("size") != item.size:
            return False
        try:
            digest = _sha256(item.path)
        except OSError:
            return False
        if digest != entry.get("sha256"):
            return False
        self.record(key, item, digest, version)  # same content, new mtime: remember the cheap answer
        return True

    def record(self, key: str, item: Input, sha256: str, version: str) -> None:
        entry = {"output": key, "source": os.path.abspath(item.path), "size": item.size,
                 "mtime_ns": item.mtime_ns, "sha256": sha256, "parser_version": version}
        self.entries[key] = entry
        if self._handle is None:
            self._handle = self.path.open("a", encoding="utf-8")
        self._handle.write(json.dumps(entry, ensure_ascii=False) + "\n")
        self._handle.flush()

    def forget(self, key: str) -> None:
        self.entries.pop(key, None)

    def close(self, *, compact: bool) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None
        if compact and self.entries:
            from .output import write_atomic

            write_atomic(self.path, "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in self.entries.values()))


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


# --- options, events, summary ---------------------------------------------------------------

@dataclass
class BatchOptions:
    jobs: int | None = None  # None: all cores
    timeout: float | None = 60.0  # seconds per file
    max_memory: int | None = None  # bytes of address space per worker
    max_bytes: int | None = 200 * 1024 * 1024
    max_pages: int | None = 5000
    pdf_backend: str = "pypdfium2"
    globs: Sequence[str] = ()
    excludes: Sequence[str] = ()
    force: bool = False
    scheduler: str | None = None  # Dask scheduler address, or "local"
    inline: bool = False  # parse in this process (no isolation; for debugging)


class Events(Protocol):
    """What a front end (the CLI's progress bar or log lines) is told as a batch runs."""

    def planned(self, total: int, skipped: int, total_bytes: int) -> None: ...

    def done(self, result: FileResult) -> None: ...


class _NoEvents:
    def planned(self, total: int, skipped: int, total_bytes: int) -> None:
        pass

    def done(self, result: FileResult) -> None:
        pass


@dataclass
class Summary:
    total: int = 0  # inputs found
    parsed: int = 0
    skipped: int = 0  # unchanged since the last run
    failed: int = 0
    not_minutes: int = 0
    items: int = 0
    pages: int = 0
    bytes: int = 0
    warnings: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)
    failures_by_code: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0
    interrupted: bool = False
    errors_file: Path | None = None

    def add(self, result: FileResult) -> None:
        if result.ok:
            self.parsed += 1
            self.items += result.items
            self.pages += result.pages
            self.bytes += result.size
            self.warnings += result.warnings
            self.outcomes.update(result.outcomes)
            if result.kind == "not_minutes":
                self.not_minutes += 1
        else:
            self.failed += 1
            self.failures_by_code[result.code or "unknown"] += 1

    def line(self) -> str:
        """The summary as one line (for logs)."""
        parts = [f"{self.parsed} parsed"]
        if self.skipped:
            parts.append(f"{self.skipped} unchanged")
        parts.append(f"{self.failed} failed")
        parts.append(f"{self.items} items")
        if self.outcomes:
            parts.append("decisions: " + ", ".join(f"{k} {v}" for k, v in sorted(self.outcomes.items())))
        parts.append(f"{self.warnings} warnings")
        if self.not_minutes:
            parts.append(f"{self.not_minutes} not minutes")
        rate = f" ({self.parsed / self.seconds:.1f} files/s)" if self.seconds > 0 and self.parsed else ""
        return ", ".join(parts) + f" in {self.seconds:.1f} s{rate}"


# --- running --------------------------------------------------------------------------------

def make_executor(options: BatchOptions) -> Any:
    from .executors import DaskExecutor, InlineExecutor, ProcessPool

    if options.scheduler:
        return DaskExecutor(options.scheduler, timeout=options.timeout, jobs=options.jobs)
    if options.inline:
        return InlineExecutor()
    return ProcessPool(options.jobs, timeout=options.timeout, max_memory=options.max_memory)


def check_output(inputs: Sequence[Path], out: Path) -> None:
    """Refuse an output folder that is an input, or that cannot be created or written."""
    out_real = os.path.realpath(out)
    for item in inputs:
        if os.path.realpath(item) == out_real:
            raise UsageError(f"the output {out} is also an input; choose another output folder")
    if out.exists() and not out.is_dir():
        raise UsageError(f"cannot use {out} as output folder: it is a file")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"cannot create output folder {out}: {exc.strerror or exc}") from None
    if not os.access(out, os.W_OK | os.X_OK):
        raise UsageError(f"cannot write to output folder {out}: permission denied")


def check_jsonl_target(inputs: Sequence[Path], target: Path) -> None:
    """Refuse a --jsonl file that is one of the inputs (it would be replaced by the output)."""
    target_real = os.path.realpath(target)
    for item in inputs:
        if os.path.realpath(item) == target_real:
            raise UsageError(f"the output {target} is also an input; choose another output file")
    if target.is_dir():
        raise UsageError(f"cannot write {target}: it is a folder")


def run_batch(inputs: Sequence[Path], out: Path | None, options: BatchOptions | None = None, *,
              jsonl: IO[str] | None = None, events: Events | None = None, executor: Any = None) -> Summary:
    """Parse every input into ``out`` (one JSON file each) or, with ``jsonl``, write one meeting per
    line to that stream. Returns the summary; failures are in ``out/_errors.jsonl`` (file mode).
    KeyboardInterrupt stops the run cleanly (no partial files; the manifest keeps what finished)
    and is re-raised after the summary is marked ``interrupted``."""
    from .api import ParseOptions

    options = options or BatchOptions()
    events = events or _NoEvents()
    if out is None and jsonl is None:
        raise UsageError("give an output folder or a JSON Lines stream")
    started = time.monotonic()
    summary = Summary()
    version = parser_version()
    parse_options = ParseOptions(pdf_backend=options.pdf_backend, max_bytes=options.max_bytes,
                                 max_pages=options.max_pages)
    if out is not None:
        check_output(inputs, out)
    files = list(discover(inputs, globs=options.globs, excludes=options.excludes,
                          skip=[out] if out is not None else []))
    summary.total = len(files)
    mode: Mode = "file" if jsonl is None else "jsonl"
    targets: list[Path | None] = list(plan_targets(files, out)) if mode == "file" and out is not None else \
        [None] * len(files)
    if mode == "file":
        input_files = {os.path.realpath(f.path) for f in files if f.rel.suffix.lower() == ".json"}
        for f, target in zip(files, targets, strict=True):
            if target is not None and os.path.realpath(target) in input_files:
                raise UsageError(f"the output {target} would overwrite the input {f.path}; "
                                 "choose another output folder")
    manifest = Manifest(out) if mode == "file" and out is not None else None
    errors_path = out / ERRORS if out is not None and mode == "file" else None
    if errors_path is not None:
        with contextlib.suppress(FileNotFoundError):
            errors_path.unlink()
    errors_handle: IO[str] | None = None
    keys: dict[str, tuple[Input, str]] = {}
    early: list[FileResult] = []
    tasks: list[Task] = []
    planned_bytes = 0
    for f, target in zip(files, targets, strict=True):
        if f.error is not None:
            early.append(FileResult(source=str(f.path), target=str(target) if target else None,
                                    code=f.error[0], message=f.error[1]))
            continue
        if manifest is not None and target is not None and out is not None:
            key = target.relative_to(out).as_posix()
            if not options.force and manifest.unchanged(f, target, key, version):
                summary.skipped += 1
                continue
            manifest.forget(key)
            keys[str(target)] = (f, key)
        planned_bytes += f.size
        tasks.append(Task(source=str(f.path), target=str(target) if target else None, mode=mode,
                          options=parse_options))
    del files, targets
    events.planned(len(tasks) + len(early), summary.skipped, planned_bytes)

    def handle(result: FileResult) -> None:
        nonlocal errors_handle
        summary.add(result)
        if result.ok:
            if jsonl is not None and result.text is not None:
                jsonl.write(result.text)
                jsonl.flush()
            if manifest is not None and result.target in keys and result.sha256:
                item, key = keys.pop(result.target)
                manifest.record(key, item, result.sha256, version)
        elif errors_path is not None:
            if errors_handle is None:
                errors_handle = errors_path.open("a", encoding="utf-8")
            errors_handle.write(json.dumps({"file": result.source, "code": result.code, "message": result.message},
                                           ensure_ascii=False) + "\n")
            errors_handle.flush()
        result.text = None
        events.done(result)

    own_executor = executor is None
    try:
        for result in early:
            handle(result)
        if tasks:
            executor = executor or make_executor(options)
            for result in executor.run(tasks):
                handle(result)
    except KeyboardInterrupt:
        summary.interrupted = True
        raise
    finally:
        if executor is not None and own_executor:
            executor.close()
        if errors_handle is not None:
            errors_handle.close()
            summary.errors_file = errors_path
        if manifest is not None:
            manifest.close(compact=not summary.interrupted)
        summary.seconds = time.monotonic() - started
    return summary


def parse_to_text(path: Path, options: BatchOptions | None = None) -> FileResult:
    """Parse one file in an isolated worker (timeout, memory guard) and return its pretty JSON in
    ``result.text`` (or the failure)."""
    from .api import ParseOptions

    options = options or BatchOptions()
    parse_options = ParseOptions(pdf_backend=options.pdf_backend, max_bytes=options.max_bytes,
                                 max_pages=options.max_pages)
    task = Task(source=str(path), target=None, mode="text", options=parse_options)
    if options.inline or not options.scheduler:
        # One file needs no pool: the same guards (timeout, memory limit) apply in this process,
        # which exits afterwards, and a worker's start-up (~1 s) is saved.
        from .worker import process_one

        with _guards(None if options.inline else options.timeout, None if options.inline else options.max_memory):
            try:
                return process_one(task)
            except _Timeout:
                return FileResult.failure(task, "timeout", f"took longer than {options.timeout:g} s (--timeout)")
    executor = make_executor(options)
    try:
        return next(iter(executor.run([task])))
    finally:
        executor.close()


class _Timeout(BaseException):
    """Raised by SIGALRM; a BaseException so that the parser's own handlers do not catch it."""


@contextlib.contextmanager
def _guards(timeout: float | None, max_memory: int | None) -> Iterator[None]:
    """Per-file limits for parsing in this process: an address-space limit and a SIGALRM timer
    (main thread only). Both are restored afterwards."""
    import resource
    import signal
    import threading

    previous_limit = resource.getrlimit(resource.RLIMIT_AS)
    if max_memory:
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_AS, (max_memory, previous_limit[1]))
    timer = timeout and threading.current_thread() is threading.main_thread()

    def alarm(_signum: int, _frame: object) -> None:
        raise _Timeout

    previous_handler = signal.signal(signal.SIGALRM, alarm) if timer else None
    if timer:
        signal.setitimer(signal.ITIMER_REAL, float(timeout))  # type: ignore[arg-type]
    try:
        yield
    finally:
        if timer:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous_handler)
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_AS, previous_limit)


def parse_size(text: str) -> int:
    """'512M', '2G', '1.5GB', '100000' -> bytes."""
    value = text.strip().upper().removesuffix("B").removesuffix("I")
    units = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30, "T": 1 << 40}
    factor = 1
    if value and value[-1] in units:
        factor = units[value[-1]]
        value = value[:-1]
    try:
        number = float(value)
    except ValueError:
        raise UsageError(f"not a size: {text!r} (use e.g. 500M or 2G)") from None
    if number <= 0:
        raise UsageError(f"size must be positive: {text!r}")
    return int(number * factor)
