"""Flatten outputs into one row per agenda item (CSV, or Parquet with pyarrow) for analysis.

Reads the JSON with the json module, not the pydantic model, so it is fast and also works on
outputs of older parser versions."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from .batch import UsageError

COLUMNS = ["source_path", "municipality", "committee", "date", "item_order", "item_number", "title",
           "case_number", "outcome", "dissent_parties", "decision_text"]
BATCH_ROWS = 10_000  # rows per Parquet row group, so memory stays bounded


class ParquetNotInstalled(UsageError):
    pass


def meetings(paths: Sequence[Path], problems: list[str]) -> Iterator[dict[str, Any]]:
    """Every meeting in the given JSON / JSON Lines files and folders (recursively; files whose
    name starts with '_' such as _errors.jsonl are bookkeeping and skipped)."""
    for path in paths:
        if path.is_dir():
            files = [p for p in sorted(path.rglob("*")) if p.suffix in (".json", ".jsonl") and p.is_file()
                     and not p.name.startswith("_")]
        elif path.exists():
            files = [path]
        else:
            problems.append(f"{path}: no such file or folder")
            continue
        for file in files:
            try:
                if file.suffix == ".jsonl":
                    with file.open(encoding="utf-8") as handle:
                        for number, line in enumerate(handle, 1):
                            if line.strip():
                                yield _checked(json.loads(line), f"{file}:{number}")
                else:
                    yield _checked(json.loads(file.read_text(encoding="utf-8")), str(file))
            except (OSError, ValueError) as exc:
                problems.append(f"{file}: not a meeting ({exc})")


def _checked(data: Any, where: str) -> dict[str, Any]:
    if not isinstance(data, dict) or "items" not in data:
        raise ValueError(f"{where}: no 'items'")
    return data


def rows(meeting: dict[str, Any]) -> Iterator[dict[str, Any]]:
    source = (meeting.get("source") or {}).get("path")
    for item in meeting.get("items") or []:
        decision = item.get("decision") or {}
        parties: list[str] = []
        for dissent in decision.get("dissents") or []:
            party = dissent.get("party")
            if party and party not in parties:
                parties.append(party)
        yield {
            "source_path": source, "municipality": meeting.get("municipality"),
            "committee": meeting.get("committee"), "date": meeting.get("date"),
            "item_order": item.get("order"), "item_number": item.get("number"), "title": item.get("title"),
            "case_number": item.get("case_number"), "outcome": decision.get("outcome"),
            "dissent_parties": "; ".join(parties), "decision_text": decision.get("text"),
        }


def iter_rows(paths: Sequence[Path], problems: list[str]) -> Iterator[dict[str, Any]]:
    for meeting in meetings(paths, problems):
        yield from rows(meeting)


def write_csv(records: Iterator[dict[str, Any]], out: Path | None) -> int:
    handle = sys.stdout if out is None else out.open("w", encoding="utf-8", newline="")
    count = 0
    try:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        for record in records:
            writer.writerow(record)
            count += 1
    finally:
        if out is not None:
            handle.close()
    return count


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
    with pa.parquet.ParquetWriter(str(out), schema) as writer:
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
