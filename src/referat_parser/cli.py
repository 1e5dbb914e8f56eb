"""The `referat` command: arguments and terminal output only; the work is done in library modules
(api, batch, executors, show, table, validate) that Python users can call too.

Start-up time matters (`referat --help` should take well under 150 ms), so this module imports
only typer at the top; rich, pydantic and the PDF libraries are imported inside the commands.
"""

import contextlib
import functools
import os
import signal
import sys
from collections.abc import Callable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer
from typer.core import TyperCommand

from .paths import escape_path

if TYPE_CHECKING:
    from .batch import Summary
    from .worker import FileResult

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,  # plain click help: rich costs ~60 ms of start-up for every --help
    pretty_exceptions_enable=False,
    context_settings={"max_content_width": 100, "help_option_names": ["-h", "--help"]},
)

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130

F = TypeVar("F", bound=Callable[..., Any])


def _err(message: str) -> None:
    sys.stderr.write(f"referat: {message}\n")
    sys.stderr.flush()


def _version(value: bool) -> None:
    if value:
        from . import __version__

        typer.echo(f"referat {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    """Turn Danish municipal meeting minutes (text or PDF) into structured JSON.

    \b
    Examples:
      referat parse referat.txt                 # JSON to stdout
      referat parse archive/ -o out             # a folder of minutes -> out/**/*.json
      referat show out/2024/byraad.json --item 3
      referat table out -o items.csv
      referat validate out/
    """


def _guarded(func: F) -> F:
    """Report unexpected errors as one line (exit 1) instead of a traceback, unless --debug."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except (typer.Exit, typer.Abort, SystemExit):
            raise
        except KeyboardInterrupt:
            _err("interrupted")
            raise typer.Exit(EXIT_INTERRUPTED) from None
        except Exception as exc:
            from .errors import ReferatError, UsageError

            if kwargs.get("debug"):
                raise
            if isinstance(exc, UsageError):
                _err(str(exc))
                raise typer.Exit(EXIT_USAGE) from None
            if isinstance(exc, ReferatError):
                _err(str(exc))
                raise typer.Exit(EXIT_FAILED) from None
            if isinstance(exc, BrokenPipeError):  # `referat ... | head`: stop quietly, like other tools
                with contextlib.suppress(OSError, ValueError):
                    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
                raise typer.Exit(EXIT_FAILED) from None
            if type(exc).__name__ == "WorkerStartError":
                _err(str(exc))
                raise typer.Exit(EXIT_FAILED) from None
            if isinstance(exc, OSError):
                where = f"{exc.filename}: " if exc.filename else ""
                _err(f"{where}{exc.strerror or exc}")
                raise typer.Exit(EXIT_FAILED) from None
            _err(f"internal error ({type(exc).__name__}: {exc}); rerun with --debug")
            raise typer.Exit(EXIT_FAILED) from None

    return wrapper  # type: ignore[return-value]


@contextlib.contextmanager
def _sigterm_as_interrupt() -> Iterator[None]:
    """SIGTERM stops a batch like Ctrl-C does: cleanly, with exit status 130."""

    def handler(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    try:
        previous = signal.signal(signal.SIGTERM, handler)
    except ValueError:  # not the main thread
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


# --- parse ----------------------------------------------------------------------------------

class _Reporter:
    """Progress on a terminal (rich bar), plain log lines otherwise, only errors with --quiet."""

    def __init__(self, *, quiet: bool, tty: bool, debug: bool, log_files: bool, strict: bool = False) -> None:
        self.quiet, self.tty, self.debug, self.log_files, self.strict = quiet, tty, debug, log_files, strict
        self.progress: Any = None
        self.task: Any = None
        self.done_files = self.pages = 0

    def planned(self, total: int, skipped: int, total_bytes: int) -> None:
        if self.quiet:
            return
        if skipped:
            self._say(f"{skipped} unchanged since the last run (use --force to redo them)")
        if self.tty and total:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )

            self.progress = Progress(
                TextColumn("[bold]parsing"), BarColumn(), MofNCompleteColumn(), TextColumn("files"),
                TextColumn("{task.fields[pages]} pages"), TextColumn("{task.fields[rate]} files/s"),
                TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
                console=Console(stderr=True), transient=True)
            self.task = self.progress.add_task("parse", total=total, pages=0, rate="-")
            self.progress.start()

    def _say(self, message: str) -> None:
        if self.progress is not None:
            self.progress.console.print(message, markup=False, highlight=False, soft_wrap=True)
        else:
            sys.stderr.write(message + "\n")
            sys.stderr.flush()

    def done(self, result: "FileResult") -> None:
        self.done_files += 1
        self.pages += result.pages
        if not result.ok:
            self._say(f"referat: {result.error_line()}")
            if self.debug and result.traceback:
                self._say(result.traceback.rstrip())
        elif result.kind == "not_minutes" and (self.strict or not self.quiet):
            lang = f" (language: {result.language})" if result.language and result.language != "da" else ""
            self._say(f"referat: {escape_path(result.source)}: not recognised as minutes{lang}; "
                      "writing kind 'not_minutes' with no items")
        elif self.log_files and not self.quiet and self.progress is None:
            source = escape_path(result.source)
            self._say(f"{source} -> {escape_path(result.target)}" if result.target else source)
        if self.progress is not None:
            elapsed = self.progress.tasks[0].elapsed or 0.0
            rate = f"{self.done_files / elapsed:.1f}" if elapsed > 0 else "-"
            self.progress.update(self.task, advance=1, pages=self.pages, rate=rate)

    def stop(self) -> None:
        if self.progress is not None:
            self.progress.stop()
            self.progress = None


def _print_summary(summary: "Summary", *, tty: bool) -> None:
    if not tty:
        sys.stderr.write(f"referat: {summary.line()}\n")
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title="referat parse", show_header=False, title_justify="left")
    table.add_column(style="bold")
    table.add_column(justify="right")
    table.add_row("files parsed", str(summary.parsed))
    if summary.skipped:
        table.add_row("unchanged (skipped)", str(summary.skipped))
    table.add_row("items", str(summary.items))
    for outcome, count in sorted(summary.outcomes.items()):
        table.add_row(f"  decisions {outcome}", str(count))
    table.add_row("warnings", str(summary.warnings))
    if summary.not_minutes:
        table.add_row("not minutes", str(summary.not_minutes))
    table.add_row("failed", f"[red]{summary.failed}[/red]" if summary.failed else "0")
    for code, count in sorted(summary.failures_by_code.items()):
        table.add_row(f"  {code}", str(count))
    if summary.errors_file:
        table.add_row("errors in", str(summary.errors_file))
    rate = f"{summary.parsed / summary.seconds:.1f} files/s" if summary.seconds and summary.parsed else ""
    table.add_row("time", f"{summary.seconds:.1f} s {rate}".strip())
    Console(stderr=True).print(table)


def _size(text: str | None) -> int | None:
    from .batch import parse_size

    return None if text is None or text.strip().lower() in ("", "0", "none") else parse_size(text)


def _options(**kw: Any) -> Any:
    from .batch import BatchOptions

    return BatchOptions(
        jobs=kw["jobs"], timeout=kw["timeout"] if kw["timeout"] and kw["timeout"] > 0 else None,
        max_memory=_size(kw["max_memory"]), max_bytes=_size(kw["max_bytes"]),
        max_pages=kw["max_pages"] or None, pdf_backend=kw["pdf_backend"], globs=kw["glob"] or (),
        excludes=kw["exclude"] or (), force=kw["force"], scheduler=kw["scheduler"], inline=kw["inline"])


class _OptionalValueCommand(TyperCommand):
    """Lets ``--jsonl`` go without a value (click's optional-value options are not exposed by typer):
    a bare ``--jsonl`` (last, or followed by another option) means stdout, as ``--jsonl -``."""

    optional_value = ("--jsonl",)

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        fixed: list[str] = []
        for index, arg in enumerate(args):
            fixed.append(arg)
            if arg in self.optional_value:
                following = args[index + 1] if index + 1 < len(args) else None
                if following is None or (following.startswith("-") and following != "-"):
                    fixed.append("-")
        return super().parse_args(ctx, fixed)


@app.command(cls=_OptionalValueCommand)
@_guarded
def parse(
    inputs: Annotated[list[Path], typer.Argument(help="Minutes files (.txt, .md, .pdf, .html, .htm, .docx, .xml) or folders (searched "
                                                      "recursively).", show_default=False, metavar="INPUT...")],
    out: Annotated[Path | None, typer.Option("--out", "-o", metavar="DIR", help="Write one JSON file per input here, "
                                             "mirroring the input folders.")] = None,
    jsonl: Annotated[str | None, typer.Option(
        "--jsonl", metavar="[FILE]",
        help="Stream one meeting per line (JSON Lines) to FILE, or to stdout without FILE.")] = None,
    glob: Annotated[list[str] | None, typer.Option(
        "--glob", metavar="PATTERN", help="Only files matching this pattern in folders (repeatable; default *.txt *.md *.pdf *.xml).",
        show_default=False)] = None,
    exclude: Annotated[list[str] | None, typer.Option(
        "--exclude", metavar="PATTERN", help="Skip files and folders matching this pattern (repeatable).", show_default=False)] = None,
    jobs: Annotated[int | None, typer.Option("--jobs", "-j", min=1, metavar="N", help="Parallel worker processes "
                                             "[default: all cores].", show_default=False)] = None,
    timeout: Annotated[float, typer.Option(metavar="SECONDS", help="Seconds one file may take (0: no limit).")] = 60.0,
    max_memory: Annotated[str, typer.Option(
        metavar="SIZE", help="Memory limit per worker (address space, RLIMIT_AS); a file that needs more "
        "fails with out_of_memory (0: no limit).")] = "4G",
    max_bytes: Annotated[str, typer.Option(metavar="SIZE", help="Fail files larger than this, e.g. 50M "
                                           "(0: no limit).")] = "200M",
    max_pages: Annotated[int, typer.Option(metavar="N", help="Fail PDFs with more pages than this (0: no limit).")] = 5000,
    force: Annotated[bool, typer.Option("--force", help="Parse every input, even if unchanged since the last "
                                        "run.")] = False,
    strict: Annotated[bool, typer.Option("--strict", help="Exit 1 when an input is not recognised as minutes.")] = False,
    pdf_backend: Annotated[str, typer.Option(metavar="NAME", help="PDF text backend: pypdfium2 (fast) or pdfplumber.")] = "pypdfium2",
    scheduler: Annotated[str | None, typer.Option(
        metavar="ADDRESS", help="Run on a Dask cluster: tcp://HOST:PORT, or 'local' (needs pip install \"referat[dask]\").")] = None,
    inline: Annotated[bool, typer.Option("--inline", help="Parse in this process, no worker processes "
                                         "(no timeout or memory guard; for debugging).")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only print errors (and, with --strict, inputs "
                                        "that are not minutes).")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks for unexpected errors.")] = False,
) -> None:
    """Parse minutes into JSON files, JSON Lines, or stdout.

    One input without -o prints its JSON to stdout; -o DIR writes one JSON file per input;
    --jsonl streams one meeting per line.

    Folders are searched recursively; OUT mirrors their layout (IN/a/b.txt -> OUT/a/b.json), a file
    input goes to OUT/<stem>.json. A re-run skips inputs unchanged since the last run
    (OUT/_manifest.jsonl). Failures are listed in OUT/_errors.jsonl (file, code, message).
    Exit status: 0 all parsed, 1 some failed, 2 usage error, 130 interrupted.

    \b
    Examples:
      referat parse referat.txt > referat.json
      referat parse a.txt b.pdf archive/ -o out
      referat parse archive/ -o out --jobs 4 --timeout 120 --max-memory 2G
      referat parse archive/ -o out --glob '*.pdf' --exclude drafts
      referat parse archive/ --jsonl meetings.jsonl
      referat parse archive/ -o /shared/out --scheduler tcp://10.0.0.5:8786
    """
    from .batch import run_batch
    from .errors import UsageError

    options = _options(jobs=jobs, timeout=timeout, max_memory=max_memory, max_bytes=max_bytes,
                       max_pages=max_pages, pdf_backend=pdf_backend, glob=glob, exclude=exclude, force=force,
                       scheduler=scheduler, inline=inline)
    if out is not None and jsonl is not None:
        raise UsageError("use either -o DIR or --jsonl, not both")
    single = len(inputs) == 1 and not inputs[0].is_dir()
    if out is None and jsonl is None:
        if not single:
            raise UsageError("a folder or several inputs need an output folder (-o DIR) or --jsonl")
        _parse_one_to_stdout(inputs[0], options, strict=strict, quiet=quiet, debug=debug)
        return
    if jsonl not in (None, "-"):
        from .batch import check_jsonl_target

        check_jsonl_target(inputs, Path(jsonl))
    tty = sys.stderr.isatty()
    reporter = _Reporter(quiet=quiet, tty=tty, debug=debug, log_files=jsonl is None, strict=strict)
    summary = None
    try:
        with _sigterm_as_interrupt(), _jsonl_stream(jsonl) as stream:
            summary = run_batch(inputs, out, options, jsonl=stream, events=reporter)
    except KeyboardInterrupt:
        reporter.stop()
        _err(f"interrupted after {reporter.done_files} files; outputs so far are complete, "
             "run the same command again to continue")
        raise typer.Exit(EXIT_INTERRUPTED) from None
    finally:
        reporter.stop()
    if not quiet:
        _print_summary(summary, tty=tty)
    if summary.failed:
        raise typer.Exit(EXIT_FAILED)
    if strict and summary.not_minutes:
        raise typer.Exit(EXIT_FAILED)


@contextlib.contextmanager
def _jsonl_stream(target: str | None) -> Iterator[Any]:
    """stdout, or a file written under a temporary name and renamed when the run completes."""
    if target is None:
        yield None
        return
    if target == "-":
        yield sys.stdout
        return
    from .output import open_temp, publish

    path = Path(target)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = open_temp(path)
    except OSError as exc:
        from .errors import UsageError
        from .paths import escape_path

        raise UsageError(f"cannot write {escape_path(path)}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            yield handle
        publish(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def _parse_one_to_stdout(path: Path, options: Any, *, strict: bool, quiet: bool, debug: bool) -> None:
    from .batch import parse_to_text

    result = parse_to_text(path, options)
    if not result.ok:
        _err(result.error_line())
        if debug and result.traceback:
            sys.stderr.write(result.traceback)
        raise typer.Exit(EXIT_FAILED)
    if result.kind == "not_minutes" and (strict or not quiet):
        lang = f" (language: {result.language})" if result.language and result.language != "da" else ""
        _err(f"{escape_path(path)}: not recognised as minutes{lang}; writing kind 'not_minutes' with no items")
    sys.stdout.write(result.text or "")
    if strict and result.kind == "not_minutes":
        raise typer.Exit(EXIT_FAILED)


# --- schema, validate -----------------------------------------------------------------------

@app.command()
def schema() -> None:
    """Print the JSON Schema of the output.

    The same schema is committed as src/referat_parser/schema/meeting.schema.json.

    \b
    Examples:
      referat schema > meeting.schema.json
    """
    from .validate import schema_text

    sys.stdout.write(schema_text())


@app.command()
@_guarded
def validate(
    paths: Annotated[list[Path] | None, typer.Argument(help="JSON outputs, or folders of them.", metavar="JSON...",
                                                       show_default=False)] = None,
    golden: Annotated[Path | None, typer.Option(metavar="DIR", help="Parse every input in DIR and compare with the expected "
                                                "JSON beside it (NAME.txt -> NAME.txt.json).")] = None,
    update: Annotated[bool, typer.Option("--update", help="With --golden: rewrite the expected files "
                                         "instead of comparing.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only print problems.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks for unexpected errors.")] = False,
) -> None:
    """Check JSON outputs against the output model, or golden fixtures against the parser.

    An output is checked against the schema of its own major version: this referat's schema, whose
    version the summary names; fields added by a newer minor version are ignored, and an output of
    another major version is invalid. Each invalid file is reported in one line; exit status 1 if
    any file is invalid or differs.

    \b
    Examples:
      referat validate out/
      referat validate out/a.json out/b.json
      referat validate --golden fixtures           # diff parser output against fixtures/*.json
      referat validate --golden fixtures --update  # regenerate them (review the diff!)
    """
    if golden is not None:
        if paths:
            raise _usage("give either JSON files or --golden DIR, not both")
        _validate_golden(golden, update=update, quiet=quiet)
        return
    if update:
        raise _usage("--update needs --golden DIR")
    if not paths:
        raise _usage("give JSON files or folders to validate, or --golden DIR")
    _validate_outputs(paths, quiet=quiet)


def _validate_golden(golden: Path, *, update: bool, quiet: bool) -> None:
    from .validate import check_golden, update_golden

    if update:
        written = update_golden(golden)
        for path in written:
            sys.stderr.write(f"wrote {path}\n")
        if not quiet:
            _err(f"{len(written)} expected file(s) updated")
        return
    differences = check_golden(golden)
    for difference in differences:
        sys.stdout.write(difference.diff if difference.diff.endswith("\n") else difference.diff + "\n")
    if differences:
        _err(f"{len(differences)} golden file(s) differ; after review: referat validate --golden {golden} --update")
        raise typer.Exit(EXIT_FAILED)
    if not quiet:
        _err(f"golden fixtures in {golden}: all match")


def _validate_outputs(paths: list[Path], *, quiet: bool) -> None:
    from .validate import validate_paths
    from .version import SCHEMA_VERSION

    checked = bad = 0
    newer: set[str] = set()
    for problem in validate_paths(paths, newer):
        checked += 1
        if problem is not None:
            bad += 1
            _err(problem)
    if not checked:
        raise _usage("no JSON files found")
    if not quiet:
        unchecked = (f"; outputs of schema {', '.join(sorted(newer))}: the fields added after {SCHEMA_VERSION} "
                     "were not checked") if newer else ""
        _err(f"{checked - bad} valid, {bad} invalid (checked against schema {SCHEMA_VERSION}{unchecked})")
    if bad:
        raise typer.Exit(EXIT_FAILED)


def _usage(message: str) -> Exception:
    from .errors import UsageError

    return UsageError(message)


# --- show, table ----------------------------------------------------------------------------

@app.command()
@_guarded
def show(
    file: Annotated[Path, typer.Argument(help="A minutes file (.txt, .md, .pdf, .html, .docx, .xml) or a JSON output.", metavar="FILE",
                                         show_default=False)],
    item: Annotated[str | None, typer.Option("--item", "-i", metavar="N", help="Show the sections of one item: its number "
                                             "as printed (e.g. 3 or 12.1) or its position.")] = None,
    trace: Annotated[bool, typer.Option("--trace", help="Show why: per line the rule that classified it and the "
                                        "boundary rule that decided about it; per field the rule that found it.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks for unexpected errors.")] = False,
) -> None:
    """Show a meeting: header, participants and a table of items; or one item's sections; or the trace.

    \b
    Examples:
      referat show fixtures/000_825b12544cf79305.txt
      referat show out/byraad-2024-05-02.json
      referat show out/byraad-2024-05-02.json --item 4
      referat show fixtures/000_825b12544cf79305.txt --trace
    """
    from .show import ItemNotFound, load_meeting, render, render_trace

    if trace:
        from .api import trace_file

        if file.suffix.lower() == ".json":
            _err(f"{file}: --trace needs the minutes file, not a JSON output")
            raise typer.Exit(EXIT_USAGE)
        render_trace(trace_file(file))
        return
    meeting = load_meeting(file)
    try:
        render(meeting, item=item)
    except ItemNotFound as exc:
        _err(f"{escape_path(file)}: {exc}")
        raise typer.Exit(EXIT_FAILED) from None


class TableFormat(StrEnum):
    csv = "csv"
    parquet = "parquet"


@app.command()
@_guarded
def table(
    paths: Annotated[list[Path], typer.Argument(help="Output folders or JSON / JSON Lines files.", metavar="OUTPUT...",
                                                show_default=False)],
    out: Annotated[Path | None, typer.Option("--out", "-o", metavar="FILE", help="File to write [default: CSV to stdout].",
                                             show_default=False)] = None,
    format: Annotated[TableFormat | None, typer.Option(
        "--format", "-f", metavar="csv|parquet", help="csv or parquet [default: from the -o suffix, else csv].",
        show_default=False)] = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks for unexpected errors.")] = False,
) -> None:
    """One row per agenda item, with its meeting's fields, as CSV or Parquet.

    Columns: source_path, municipality, committee, date, item_order, item_number, title,
    case_number, outcome, dissent_parties (joined with '; '), decision_text.
    Parquet needs pip install "referat[parquet]".

    \b
    Examples:
      referat table out > items.csv
      referat table out -o items.csv
      referat table out meetings.jsonl --format parquet -o items.parquet
    """
    from .table import write_table

    fmt = format.value if format else ("parquet" if out is not None and out.suffix == ".parquet" else "csv")
    if fmt == "parquet" and out is None:
        raise _usage("parquet needs an output file: -o FILE.parquet")
    count, problems = write_table(paths, out, fmt)
    for problem in problems:
        _err(problem)
    if out is not None:
        _err(f"{count} rows -> {out}")
    if problems:
        raise typer.Exit(EXIT_FAILED)


def _main_is_this_package() -> None:
    """The console script ``referat`` is this package's ``__main__`` in all but name; say so.
    multiprocessing then treats it as it treats ``python -m referat_parser``: a worker process does
    not run the script again (importing the CLI, typer and click) before its first file."""
    main_module = sys.modules.get("__main__")
    if main_module is not None and getattr(main_module, "__spec__", None) is None:
        from importlib.machinery import ModuleSpec

        main_module.__spec__ = ModuleSpec("referat_parser.__main__", None)


def main() -> None:
    _main_is_this_package()
    try:
        app()
    except KeyboardInterrupt:
        _err("interrupted")
        sys.exit(EXIT_INTERRUPTED)
