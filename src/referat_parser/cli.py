"""The `referat` command: arguments and terminal output only; the work is done in api.py."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from . import __version__

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode="rich",
    help="Turn Danish municipal meeting minutes (text or PDF) into structured JSON.",
)

INPUT_SUFFIXES = {".txt", ".md", ".pdf"}


def _err(message: str) -> None:
    sys.stderr.write(f"referat: {message}\n")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"referat {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    """Turn Danish municipal meeting minutes (text or PDF) into structured JSON."""


def _expand(inputs: list[Path]) -> list[tuple[Path, Path]]:
    """(file, path relative to its input root) for every input file; folders are searched recursively."""
    found: list[tuple[Path, Path]] = []
    for item in inputs:
        if item.is_dir():
            for path in sorted(item.rglob("*")):
                if path.is_file() and path.suffix.lower() in INPUT_SUFFIXES:
                    found.append((path, path.relative_to(item)))
        else:
            found.append((item, Path(item.name)))
    return found


@app.command()
def parse(
    inputs: Annotated[list[Path], typer.Argument(help="Minutes files (.txt, .md, .pdf) or folders.")],
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Write one JSON file per input here.")] = None,
    strict: Annotated[bool, typer.Option(help="Exit 1 when an input is not recognised as minutes.")] = False,
    pdf_backend: Annotated[str, typer.Option(help="PDF text backend: pypdfium2 (fast) or pdfplumber.")] = "pypdfium2",
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only print errors.")] = False,
    debug: Annotated[bool, typer.Option(help="Show tracebacks for unexpected errors.")] = False,
) -> None:
    """Parse minutes into JSON: to stdout for one input, or one file per input with -o.

    [b]Examples[/b]

      referat parse referat.txt

      referat parse a.txt b.pdf archive/ -o out
    """
    from .api import ParseOptions, parse_file
    from .errors import ReferatError
    from .output import write_atomic

    options = ParseOptions(pdf_backend=pdf_backend)
    files = _expand(inputs)
    if out is None and len(files) != 1:
        _err("several inputs need an output folder: add -o DIR")
        raise typer.Exit(2)
    failed = not_minutes = 0
    for path, rel in files:
        try:
            meeting = parse_file(path, options=options)
        except ReferatError as exc:
            _err(str(exc))
            failed += 1
            continue
        except Exception as exc:  # a parser bug must not stop a batch
            if debug:
                raise
            _err(f"{path}: internal error ({type(exc).__name__}: {exc}); rerun with --debug")
            failed += 1
            continue
        if meeting.kind == "not_minutes":
            not_minutes += 1
            lang = f" (language: {meeting.language})" if meeting.language and meeting.language != "da" else ""
            _err(f"{path}: not recognised as minutes{lang}; writing kind 'not_minutes' with no items")
        text = meeting.to_json()
        if out is None:
            sys.stdout.write(text)
        else:
            target = out / rel.with_suffix(".json")
            write_atomic(target, text)
            if not quiet:
                _err(f"{path} -> {target}")
    if failed:
        raise typer.Exit(1)
    if strict and not_minutes:
        raise typer.Exit(1)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the output."""
    import json

    from .models import Meeting

    sys.stdout.write(json.dumps(Meeting.model_json_schema(by_alias=True), indent=2, ensure_ascii=False) + "\n")


def main() -> None:
    app()
