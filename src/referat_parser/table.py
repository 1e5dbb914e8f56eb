"""Flatten outputs into one row per agenda item (CSV, or Parquet with pyarrow) for analysis.

Reads the JSON with the json module, not the pydantic model, so it is fast and also works on
outputs of older parser versions. A file that is not a meeting of the expected shape is one
problem line naming it; its rows are left out, every other file's rows are written. The output
file is written under a temporary name and renamed when complete: never half a table."""

from __future__ import annotations

import contextlib
import csv
import json
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from .errors import UsageError
from .output import open_temp, publish
from .paths import escape_path

COLUMNS = ["source_path", "municipality", "committee", "date", "item_order", "item_number", "title",
           "case_number", "outcome", "dissent_parties", "decision_text"]
BATCH_ROWS = 10_000  # rows per Parquet row group, so memory stays bounded


class ParquetNotInstalled(UsageError):
    pass


def meetings(paths: Sequence[Path], problems: list[str]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every meeting in the given JSON / JSON Lines files and folders (recursively; files whose
    name starts with '_' such as _errors.jsonl are bookkeeping and skipped), with where it is."""
    for path in paths:
        if path.is_dir():
            files = [p for p in sorted(path.rglob("*")) if p.suffix in (".json", ".jsonl") and p.is_file()
                     and not p.name.startswith("_")]
        elif path.exists():
            files = [path]
        else:
            problems.append(f"{escape_path(path)}: no such file or folder")
            continue
        for file in files:
            where = escape_path(file)
            try:
                if file.suffix == ".jsonl":
                    with file.open(encoding="utf-8") as handle:
                        for number, line in enumerate(handle, 1):
                            if line.strip():
                                yield f"{where}:{number}", json.loads(line)
                else:
                    yield where, json.loads(file.read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                problems.append(f"{where}: not a meeting ({exc})")


class NotAMeeting(ValueError):
    """JSON that is not a meeting of the shape the table reads; the message says what is wrong."""


def _object(value: Any, where: str) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise NotAMeeting(f"{where} is {json.dumps(value)[:40]}, not an object")
    return value


def _list(value: Any, where: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise NotAMeeting(f"{where} is {json.dumps(value)[:40]}, not a list")
    return value


def _text(value: Any, where: str) -> str | None:
    if value is not None and not isinstance(value, str):
        raise NotAMeeting(f"{where} is {json.dumps(value)[:40]}, not text")
    return value


def rows(meeting: Any) -> list[dict[str, Any]]:
    """The item rows of one meeting, all or none: raises NotAMeeting naming the first field of
    the wrong shape."""
    if not isinstance(meeting, dict) or "items" not in meeting:
        raise NotAMeeting("no 'items'")
    source = _text(_object(meeting.get("source"), "source").get("path"), "source.path")
    header = {key: _text(meeting.get(key), key) for key in ("municipality", "committee", "date")}
    out = []
    for index, item in enumerate(_list(meeting["items"], "items")):
        where = f"items[{index}]"
        item = _object(item, where)
        decision = _object(item.get("decision"), f"{where}.decision")
        parties: list[str] = []
        for number, dissent in enumerate(_list(decision.get("dissents"), f"{where}.decision.dissents")):
            party = _text(_object(dissent, f"{where}.decision.dissents[{number}]").get("party"),
                          f"{where}.decision.dissents[{number}].party")
            if party and party not in parties:
                parties.append(party)
        order = item.get("order")
        if order is not None and (not isinstance(order, int) or isinstance(order, bool)):
            raise NotAMeeting(f"{where}.order is {json.dumps(order)[:40]}, not a number")
        out.append({
            "source_path": source, **header, "item_order": order,
            "item_number": _text(item.get("number"), f"{where}.number"),
            "title": _text(item.get("title"), f"{where}.title"),
            "case_number": _text(item.get("case_number"), f"{where}.case_number"),
            "outcome": _text(decision.get("outcome"), f"{where}.decision.outcome"),
            "dissent_parties": "; ".join(parties),
            "decision_text": _text(decision.get("text"), f"{where}.decision.text"),
        })
    return out


def iter_rows(paths: Sequence[Path], problems: list[str]) -> Iterator[dict[str, Any]]:
    for where, meeting in meetings(paths, problems):
        try:
            yield from rows(meeting)
        except NotAMeeting as exc:
            problems.append(f"{where}: not a meeting ({exc})")


def write_csv(records: Iterator[dict[str, Any]], out: Path | None) -> int:
    if out is None:
        return _csv_rows(records, sys.stdout)
    with _atomic(out) as tmp, open(tmp, "w", encoding="utf-8", newline="") as handle:
        return _csv_rows(records, handle)


def _csv_rows(records: Iterator[dict[str, Any]], handle: IO[str]) -> int:
    writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for record in records:
        writer.writerow(record)
        count += 1
    return count


@contextlib.contextmanager
def _atomic(out: Path) -> Iterator[str]:
    """A temporary file beside ``out``, renamed to it when the block completes, removed if not."""
    fd, tmp = open_temp(out)
    os.close(fd)
    try:
        yield tmp
        publish(tmp, out)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _pyarrow() -> Any:
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError as exc:
        raise ParquetNotInstalled('Parquet needs pyarrow: pip install "referat[parquet]"') from exc
    return pyarrow


def write_parquet(records: Iterator[dict[str, Any]], out: Path) -> int:
    pa = _pyarrow()
    schema = pa.schema([(name, pa.int64() if name == "item_order" else pa.string()) for name in COLUMNS])
    count = 0
    with _atomic(out) as tmp, pa.parquet.ParquetWriter(tmp, schema) as writer:
        batch: list[dict[str, Any]] = []
        for record in records:
            batch.append(record)
            if len(batch) >= BATCH_ROWS:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                count += len(batch)
                batch = []
        if batch or not count:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            count += len(batch)
    return count


def write_table(paths: Sequence[Path], out: Path | None, fmt: str = "csv") -> tuple[int, list[str]]:
    """Write the item rows of all meetings under ``paths``; returns (rows, problems)."""
    problems: list[str] = []
    records = iter_rows(paths, problems)
    if fmt == "parquet":
        if out is None:
            raise ValueError("parquet needs an output file")
        _pyarrow()  # fail before reading anything
        count = write_parquet(records, out)
    else:
        count = write_csv(records, out)
    return count, problems
