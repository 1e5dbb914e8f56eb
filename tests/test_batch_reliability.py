"""Batch reliability and start-up (issues 12 and 13): odd file names, the manifest's key, what a
run starts (no worker for one file or for nothing to do), and option checks made up front."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from referat_parser import ReferatError
from referat_parser.batch import ERRORS, MANIFEST, BatchOptions, UsageError, fingerprint, run_batch
from referat_parser.batch import manifest as manifest_module
from referat_parser.batch import run as run_module
from referat_parser.executors import InlineExecutor, ProcessPool
from referat_parser.parse_options import DEFAULT_PDF_BACKEND, ParseOptions
from referat_parser.paths import unescape_path

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SAMPLES = sorted(FIXTURES.glob("*.txt"))
LATIN1_NAME = b"m\xf8de-\xe6.txt"  # as old ZIP archives name files: not valid UTF-8


def latin1_folder(root: Path) -> tuple[Path, Path]:
    """good0.txt ... good4.txt and one minutes file whose name is Latin-1 bytes."""
    folder = root / "in"
    folder.mkdir()
    for i in range(5):
        shutil.copy(SAMPLES[i % len(SAMPLES)], folder / f"good{i}.txt")
    odd = Path(os.fsdecode(os.fsencode(folder) + b"/" + LATIN1_NAME))
    shutil.copy(SAMPLES[0], odd)
    return folder, odd


# --- file names that are not valid UTF-8 -----------------------------------------------------

def test_a_batch_with_a_latin1_file_name_parses_every_file(tmp_path: Path):
    folder, odd = latin1_folder(tmp_path)
    out = tmp_path / "out"
    summary = run_batch([folder], out, BatchOptions(jobs=1, timeout=60))  # the worker pool, as the CLI
    assert (summary.parsed, summary.failed) == (6, 0)
    target = Path(os.fsdecode(os.fsencode(out) + b"/m\xf8de-\xe6.json"))
    meeting = json.loads(target.read_text(encoding="utf-8"))
    assert meeting["source"]["path"] == '"' + str(folder).replace("\\", "\\\\") + '/m\\xf8de-\\xe6.txt"'
    assert os.fsencode(unescape_path(meeting["source"]["path"])) == os.fsencode(odd)
    entries = [json.loads(line) for line in (out / MANIFEST).read_text(encoding="utf-8").splitlines()]
    assert len(entries) == 6
    assert {os.fsencode(unescape_path(e["source"])) for e in entries} >= {os.fsencode(odd)}
    again = run_batch([folder], out, BatchOptions(jobs=1))
    assert (again.skipped, again.parsed) == (6, 0)


def test_a_failing_file_with_a_latin1_name_is_recorded_escaped(tmp_path: Path):
    folder, odd = latin1_folder(tmp_path)
    odd.write_bytes(b"")
    out = tmp_path / "out"
    summary = run_batch([folder], out, executor=InlineExecutor())
    assert (summary.parsed, summary.failed) == (5, 1)
    [error] = [json.loads(line) for line in (out / ERRORS).read_text(encoding="utf-8").splitlines()]
    assert error["code"] == "empty"
    assert os.fsencode(unescape_path(error["file"])) == os.fsencode(odd)


def test_the_cli_parses_a_single_latin1_named_file(tmp_path: Path):
    _, odd = latin1_folder(tmp_path)
    result = subprocess.run([sys.executable, "-m", "referat_parser", "parse", os.fsencode(odd)],
                            capture_output=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert os.fsencode(unescape_path(json.loads(result.stdout)["source"]["path"])) == os.fsencode(odd)
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "referat_parser", "parse", os.fsencode(odd), "-o", out],
                            capture_output=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert os.fsencode(out) + b"/m\xf8de-\xe6.json" in [os.fsencode(p) for p in out.iterdir()]
    assert b'"' + os.fsencode(odd).replace(b"\xf8", b"\\xf8").replace(b"\xe6", b"\\xe6") + b'"' in result.stderr


def test_an_output_name_of_255_bytes_is_written(tmp_path: Path):
    limit = os.pathconf(tmp_path, "PC_NAME_MAX")
    folder = tmp_path / "in"
    folder.mkdir()
    source = folder / ("r" * (limit - len(".json")) + ".txt")  # its output name is exactly `limit` bytes
    shutil.copy(SAMPLES[0], source)
    summary = run_batch([folder], tmp_path / "out", executor=InlineExecutor())
    assert (summary.parsed, summary.failed) == (1, 0)
    assert len((tmp_path / "out" / (source.stem + ".json")).name) == limit


# --- the manifest's key: what decides the output -------------------------------------------

def test_the_fingerprint_names_the_versions_and_changes_with_the_vocabularies(tmp_path: Path):
    from referat_parser import SCHEMA_VERSION, __version__

    assert fingerprint().startswith(f"{__version__}+schema{SCHEMA_VERSION}+")
    package = tmp_path / "pkg"
    shutil.copytree(Path(manifest_module.__file__).resolve().parent.parent / "vocab", package / "vocab")
    before = manifest_module.digest(package)
    assert manifest_module.digest(package) == before
    outcomes = package / "vocab" / "outcomes.toml"
    outcomes.write_text(outcomes.read_text(encoding="utf-8") + "\n# one more line\n", encoding="utf-8")
    assert manifest_module.digest(package) != before


def test_a_rerun_after_an_upgrade_parses_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    for sample in SAMPLES[:2]:
        shutil.copy(sample, folder / sample.name)
    assert run_batch([folder], out, executor=InlineExecutor()).parsed == 2
    assert run_batch([folder], out, executor=InlineExecutor()).skipped == 2
    monkeypatch.setattr(manifest_module, "fingerprint", lambda: "9.9.9+schema9.0+0123456789abcdef")
    upgraded = run_batch([folder], out, executor=InlineExecutor())
    assert (upgraded.parsed, upgraded.skipped) == (2, 0)
    entries = [json.loads(line) for line in (out / MANIFEST).read_text(encoding="utf-8").splitlines()]
    assert {e["fingerprint"] for e in entries} == {"9.9.9+schema9.0+0123456789abcdef"}


def test_an_old_manifest_without_a_fingerprint_is_parsed_again(tmp_path: Path):
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    shutil.copy(SAMPLES[0], folder / "a.txt")
    run_batch([folder], out, executor=InlineExecutor())
    entry = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    del entry["fingerprint"]
    entry["parser_version"] = "0.1.0+schema1.0"  # as 0.1.0 wrote it
    (out / MANIFEST).write_text(json.dumps(entry) + "\n", encoding="utf-8")
    assert run_batch([folder], out, executor=InlineExecutor()).parsed == 1


# --- what a run starts -----------------------------------------------------------------------

def no_pool(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a worker pool was started")

    monkeypatch.setattr(ProcessPool, "__init__", refuse)


def test_one_file_is_parsed_in_this_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    no_pool(monkeypatch)
    summary = run_batch([SAMPLES[0]], tmp_path / "out", BatchOptions(jobs=2, timeout=60, max_memory=4 << 30))
    assert (summary.parsed, summary.failed) == (1, 0)
    assert (tmp_path / "out" / f"{SAMPLES[0].stem}.json").exists()


def test_one_file_in_this_process_keeps_the_timeout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    import time

    from referat_parser import api

    no_pool(monkeypatch)
    monkeypatch.setattr(api, "parse_file", lambda *a, **k: time.sleep(5))
    summary = run_batch([SAMPLES[0]], tmp_path / "out", BatchOptions(timeout=0.2))
    assert summary.failures_by_code == {"timeout": 1}
    assert not list((tmp_path / "out").glob("*.tmp"))


def test_a_rerun_with_nothing_to_parse_starts_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    for sample in SAMPLES[:3]:
        shutil.copy(sample, folder / sample.name)
    run_batch([folder], out, executor=InlineExecutor())

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("an executor was made")

    monkeypatch.setattr(run_module, "make_executor", refuse)
    assert run_batch([folder], out, BatchOptions(jobs=2)).skipped == 3


def test_a_batch_parent_never_imports_the_parser_or_pydantic(tmp_path: Path):
    """The parent hands out paths; parsing (and pydantic) happen in the workers. A re-run with
    nothing to do therefore costs a stat per file, not the parser's start-up."""
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    for sample in SAMPLES[:3]:
        shutil.copy(sample, folder / sample.name)
    code = ("import sys\nfrom pathlib import Path\nfrom referat_parser.batch import BatchOptions, run_batch\n"
            "if __name__ == '__main__':\n"
            f"    s = run_batch([Path({str(folder)!r})], Path({str(out)!r}), BatchOptions(jobs=2))\n"
            "    print(s.parsed, s.skipped, sorted(m for m in ('pydantic', 'referat_parser.pipeline') if m in sys.modules))\n")
    script = tmp_path / "run.py"
    script.write_text(code, encoding="utf-8")
    first = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=300)
    assert first.stdout.split() == ["3", "0", "[]"], first.stderr
    again = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=300)
    assert again.stdout.split() == ["0", "3", "[]"], again.stderr


def test_an_unchanged_rerun_of_the_command_imports_neither_pydantic_nor_the_worker(tmp_path: Path):
    """The whole command, typer included: with typer below 0.29 (pyproject.toml: 0.29 builds pydantic
    adapters for the options on every run) a re-run with nothing to parse needs no pydantic."""
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    for sample in SAMPLES[:3]:
        shutil.copy(sample, folder / sample.name)
    arguments = ["parse", str(folder), "-o", str(out), "--quiet"]
    subprocess.run([sys.executable, "-m", "referat_parser", *arguments, "--inline"], check=True, timeout=300)
    code = ("import sys\nfrom referat_parser import cli\n"
            f"sys.argv = ['referat', *{arguments!r}]\n"
            "try:\n    cli.main()\nexcept SystemExit as stop:\n    status = stop.code\n"
            "print(status, sorted(m for m in ('pydantic', 'referat_parser.models', 'referat_parser.worker') "
            "if m in sys.modules))\n")
    again = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert again.stdout.split() == ["0", "[]"], (again.stdout, again.stderr)


def test_the_workers_warm_up_document_parses():
    """The fork server parses batch/warm_up.txt before forking workers (preload.py): it must
    parse, or every worker would start cold."""
    from referat_parser.preload import warm_up

    assert warm_up() >= 2


# --- options checked before anything runs ----------------------------------------------------

def test_the_default_pdf_backend_is_one_the_reader_has():
    from referat_parser.read.pdf import BACKENDS

    assert DEFAULT_PDF_BACKEND in BACKENDS
    assert ParseOptions().pdf_backend == DEFAULT_PDF_BACKEND


def test_an_unknown_pdf_backend_is_refused_whatever_the_inputs(tmp_path: Path):
    with pytest.raises(ReferatError) as info:
        ParseOptions(pdf_backend="nope")
    assert info.value.code == "bad_option"
    with pytest.raises(UsageError, match="unknown PDF backend 'nope'"):
        run_batch([SAMPLES[0]], tmp_path / "out", BatchOptions(pdf_backend="nope"))
    assert not (tmp_path / "out").exists()  # refused before the output folder was made
