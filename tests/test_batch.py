"""Batch conversion as a library: discovery, output layout, the manifest, executors and isolation."""

from __future__ import annotations

import faulthandler
import io
import json
import os
import shutil
import signal
import sys
import time
from pathlib import Path, PurePosixPath

import pytest

from referat_parser.batch import (
    ERRORS,
    MANIFEST,
    BatchOptions,
    Input,
    NoEvents,
    UsageError,
    discover,
    output_names,
    parse_size,
    run_batch,
)
from referat_parser.batch.discovery import suffix
from referat_parser.executors import DaskExecutor, InlineExecutor, ProcessPool
from referat_parser.output import temp_prefix
from referat_parser.worker import FileResult, Task, process_one, remove_partial

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SAMPLES = sorted(FIXTURES.glob("*.txt"))[:3]


def make_archive(root: Path) -> Path:
    """archive/ with two folders holding the same file name, a Markdown file and a non-input."""
    archive = root / "archive"
    (archive / "2023").mkdir(parents=True)
    (archive / "2024" / "udvalg").mkdir(parents=True)
    shutil.copy(SAMPLES[0], archive / "2023" / "referat.txt")
    shutil.copy(SAMPLES[1], archive / "2024" / "referat.txt")
    shutil.copy(SAMPLES[2], archive / "2024" / "udvalg" / "møde.md")
    (archive / "2024" / "notes.xlsx").write_bytes(b"PK\x03\x04")
    return archive


def outputs(out: Path) -> list[str]:
    return sorted(p.relative_to(out).as_posix() for p in out.rglob("*.json"))


def no_partial_files(folder: Path) -> bool:
    return not [p for p in folder.rglob("*.tmp")]


# --- discovery and layout -------------------------------------------------------------------

def test_discover_is_recursive_with_default_suffixes(tmp_path):
    archive = make_archive(tmp_path)
    found = [f.rel.as_posix() for f in discover([archive])]
    assert found == ["2023/referat.txt", "2024/referat.txt", "2024/udvalg/møde.md"]


def test_glob_and_exclude(tmp_path):
    archive = make_archive(tmp_path)
    assert [f.rel.as_posix() for f in discover([archive], globs=["*.md"])] == ["2024/udvalg/møde.md"]
    assert [f.rel.as_posix() for f in discover([archive], excludes=["udvalg"])] == [
        "2023/referat.txt", "2024/referat.txt"]
    assert [f.rel.as_posix() for f in discover([archive], excludes=["2024/*"])] == ["2023/referat.txt"]
    assert [f.rel.as_posix() for f in discover([archive], globs=["*.xlsx"])] == ["2024/notes.xlsx"]


def test_a_file_input_is_always_taken(tmp_path):
    path = tmp_path / "minutes.data"
    path.write_text("x", encoding="utf-8")
    assert [(f.rel.as_posix(), f.error) for f in discover([path])] == [("minutes.data", None)]


def test_missing_input_is_an_error_entry_not_an_exception(tmp_path):
    [entry] = discover([tmp_path / "nope.txt"])
    assert entry.error is not None and entry.error[0] == "not_found"


def test_symlink_loops_end(tmp_path):
    archive = make_archive(tmp_path)
    os.symlink(archive, archive / "2023" / "loop")  # a folder that contains itself
    os.symlink(archive / "a.txt", archive / "b.txt")  # b -> a -> b
    os.symlink(archive / "b.txt", archive / "a.txt")
    found = list(discover([archive]))
    names = [f.rel.as_posix() for f in found]
    assert names.count("2023/referat.txt") == 1
    loops = {f.rel.as_posix(): f.error for f in found if f.error}
    assert set(loops) == {"a.txt", "b.txt"}
    assert all(code == "unreadable" for code, _ in loops.values())


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every folder")
def test_unreadable_folder_is_reported_and_the_rest_found(tmp_path):
    archive = make_archive(tmp_path)
    locked = archive / "2023"
    locked.chmod(0)
    try:
        found = list(discover([archive]))
    finally:
        locked.chmod(0o755)
    assert [f.error[0] for f in found if f.error] == ["permission_denied"]
    assert "2024/referat.txt" in [f.rel.as_posix() for f in found]


@pytest.mark.parametrize(("name", "expected_suffix", "output"), [
    ("a.txt", ".txt", "a.json"), ("a.b.txt", ".txt", "a.b.json"), (".profile", "", ".profile.json"),
    ("notes.", "", "notes..json"), ("x", "", "x.json"), ("a..txt", ".txt", "a..json"), (".a.md", ".md", ".a.json"),
    ("ø.PDF", ".PDF", "ø.json"),
])
def test_suffixes_and_output_names(name, expected_suffix, output):
    """The rules pathlib followed up to Python 3.13 (3.14 counts a trailing dot), kept whatever Python runs."""
    assert suffix(name) == expected_suffix
    assert output_names([Input(f"d/{name}", f"d/{name}")]) == [f"d/{output}"]


def test_the_current_folder_as_input_gives_paths_without_dot_slash(tmp_path, monkeypatch):
    make_archive(tmp_path)
    monkeypatch.chdir(tmp_path / "archive")
    found = list(discover([Path(".")]))
    assert [f.source for f in found] == ["2023/referat.txt", "2024/referat.txt", os.path.join("2024", "udvalg", "møde.md")]
    assert [f.path for f in found] == [Path(f.rel_posix) for f in found]


def test_outputs_in_the_current_folder_are_named_without_dot_slash(tmp_path, monkeypatch):
    make_archive(tmp_path)
    monkeypatch.chdir(tmp_path)
    targets: list[str | None] = []

    class Seen(NoEvents):
        def done(self, result: FileResult) -> None:
            targets.append(result.target)

    run_batch([Path("archive")], Path("."), events=Seen(), executor=InlineExecutor())
    assert sorted(targets) == ["2023/referat.json", "2024/referat.json", os.path.join("2024", "udvalg", "møde.json")]


def test_an_input_given_as_paths_is_kept_as_text():
    found = Input(Path("a") / "x.txt", PurePosixPath("a/x.txt"))
    assert (found.source, found.rel_posix, found.path, found.rel) == ("a/x.txt", "a/x.txt", Path("a/x.txt"),
                                                                       PurePosixPath("a/x.txt"))


def test_targets_mirror_the_tree_and_never_collide(tmp_path):
    files = [Input("a/x.txt", "a/x.txt"), Input("b/x.txt", "b/x.txt"), Input("c/y.txt", "c/y.txt"),
             Input("c/y.md", "c/y.md"), Input("y.txt", "y.txt"), Input("other/y.txt", "y.txt"),
             Input("third/y.txt", "y.txt")]
    targets = output_names(files)
    assert targets == ["a/x.json", "b/x.json", "c/y.json", "c/y.md.json", "y.json", "y.txt.json", "y.txt-2.json"]
    assert len(set(targets)) == len(targets)


def test_parse_size():
    assert parse_size("512M") == 512 << 20
    assert parse_size("2G") == 2 << 30
    assert parse_size("1.5GB") == int(1.5 * (1 << 30))
    assert parse_size("100000") == 100000
    with pytest.raises(UsageError):
        parse_size("lots")


# --- running --------------------------------------------------------------------------------

def test_batch_writes_mirrored_outputs_and_a_manifest(tmp_path):
    archive, out = make_archive(tmp_path), tmp_path / "out"
    summary = run_batch([archive], out, executor=InlineExecutor())
    assert (summary.total, summary.parsed, summary.failed) == (3, 3, 0)
    assert outputs(out) == ["2023/referat.json", "2024/referat.json", "2024/udvalg/møde.json"]
    meeting = json.loads((out / "2024" / "referat.json").read_text(encoding="utf-8"))
    assert meeting["source"]["path"] == str(archive / "2024" / "referat.txt")
    manifest = [json.loads(line) for line in (out / MANIFEST).read_text(encoding="utf-8").splitlines()]
    assert sorted(e["output"] for e in manifest) == outputs(out)
    assert not (out / ERRORS).exists()


def test_rerun_skips_unchanged_and_redoes_changed(tmp_path):
    archive, out = make_archive(tmp_path), tmp_path / "out"
    run_batch([archive], out, executor=InlineExecutor())
    again = run_batch([archive], out, executor=InlineExecutor())
    assert (again.skipped, again.parsed) == (3, 0)
    # Same content, new mtime: hashed once, still skipped.
    touched = archive / "2023" / "referat.txt"
    os.utime(touched, ns=(time.time_ns(), time.time_ns() + 10**9))
    assert run_batch([archive], out, executor=InlineExecutor()).skipped == 3
    # Changed content: parsed again.
    with touched.open("a", encoding="utf-8") as handle:
        handle.write("\nMødet hævet kl. 18.00\n")
    changed = run_batch([archive], out, executor=InlineExecutor())
    assert (changed.skipped, changed.parsed) == (2, 1)
    # A deleted output is redone; --force redoes everything.
    (out / "2024" / "referat.json").unlink()
    assert run_batch([archive], out, executor=InlineExecutor()).parsed == 1
    forced = run_batch([archive], out, BatchOptions(force=True), executor=InlineExecutor())
    assert (forced.skipped, forced.parsed) == (0, 3)


def test_an_unchanged_rerun_leaves_the_manifest_as_it_is(tmp_path):
    archive, out = make_archive(tmp_path), tmp_path / "out"
    run_batch([archive], out, executor=InlineExecutor())
    manifest = out / "_manifest.jsonl"
    before = manifest.stat()
    assert run_batch([archive], out, executor=InlineExecutor()).skipped == 3
    after = manifest.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)  # not rewritten
    # Superseded lines (an interrupted run appends and does not compact) are compacted by the next run.
    with manifest.open("a", encoding="utf-8") as handle:
        handle.write(manifest.read_text(encoding="utf-8").splitlines()[0] + "\n")
    assert run_batch([archive], out, executor=InlineExecutor()).skipped == 3
    assert len(manifest.read_text(encoding="utf-8").splitlines()) == 3


def rewrite_manifest(out: Path, damage) -> None:  # type: ignore[no-untyped-def]
    manifest = out / "_manifest.jsonl"
    manifest.write_bytes(b"".join(line + b"\n" for line in damage(manifest.read_bytes().splitlines())))


def test_damaged_manifest_lines_are_left_out_and_the_rest_kept(tmp_path):
    archive, out = make_archive(tmp_path), tmp_path / "out"
    run_batch([archive], out, executor=InlineExecutor())
    # A line cut short (a killed run) and a damaged byte spoil only their own lines.
    rewrite_manifest(out, lambda lines: [lines[0][:-9], lines[1].replace(b'"output"', b'"outp\xff"'), lines[2]])
    assert run_batch([archive], out, executor=InlineExecutor()).skipped == 1
    entries = [json.loads(line) for line in (out / MANIFEST).read_text(encoding="utf-8").splitlines()]
    assert sorted(e["output"] for e in entries) == outputs(out)  # compacted whole again
    assert run_batch([archive], out, executor=InlineExecutor()).skipped == 3


def test_a_manifest_line_holding_two_values_is_not_trusted(tmp_path):
    archive, out = make_archive(tmp_path), tmp_path / "out"
    run_batch([archive], out, executor=InlineExecutor())
    rewrite_manifest(out, lambda lines: [lines[0], lines[1], lines[2] + b', {"output": "x.json"}'])
    assert run_batch([archive], out, executor=InlineExecutor()).skipped == 2


def test_file_names_with_line_separators_are_kept_across_runs(tmp_path):
    archive = tmp_path / "archive"
    archive.mkdir()
    for name in ("a\u2028b.txt", "c\x85d.txt"):
        shutil.copy(SAMPLES[0], archive / name)
    out = tmp_path / "out"
    assert run_batch([archive], out, executor=InlineExecutor()).parsed == 2
    assert run_batch([archive], out, executor=InlineExecutor()).skipped == 2


def test_failures_go_to_errors_jsonl_and_the_batch_goes_on(tmp_path):
    archive, out = make_archive(tmp_path), tmp_path / "out"
    (archive / "empty.txt").write_bytes(b"")
    (archive / "garbage.txt").write_bytes(bytes(range(256)) * 8)
    summary = run_batch([archive], out, executor=InlineExecutor())
    assert (summary.parsed, summary.failed) == (3, 2)
    errors = [json.loads(line) for line in (out / ERRORS).read_text(encoding="utf-8").splitlines()]
    assert {(Path(e["file"]).name, e["code"]) for e in errors} == {("empty.txt", "empty"), ("garbage.txt", "binary")}
    assert all(e["message"] and "\n" not in e["message"] for e in errors)
    # Failures are retried on the next run, and a clean run removes the old error file.
    (archive / "empty.txt").unlink()
    (archive / "garbage.txt").unlink()
    assert run_batch([archive], out, executor=InlineExecutor()).failed == 0
    assert not (out / ERRORS).exists()


def test_jsonl_stream_has_one_meeting_per_line(tmp_path):
    archive = make_archive(tmp_path)
    stream = io.StringIO()
    summary = run_batch([archive], None, jsonl=stream, executor=InlineExecutor())
    lines = stream.getvalue().splitlines()
    assert summary.parsed == len(lines) == 3
    assert sorted(Path(json.loads(line)["source"]["path"]).name for line in lines) == [
        "møde.md", "referat.txt", "referat.txt"]


def test_output_that_is_an_input_is_refused(tmp_path):
    archive = make_archive(tmp_path)
    with pytest.raises(UsageError, match="also an input"):
        run_batch([archive], archive, executor=InlineExecutor())
    json_input = archive / "meeting.json"
    json_input.write_text("{}", encoding="utf-8")
    with pytest.raises(UsageError, match="would overwrite the input"):
        run_batch([json_input], archive, executor=InlineExecutor())
    assert json_input.read_text(encoding="utf-8") == "{}"


def test_output_folder_inside_the_input_is_not_searched(tmp_path):
    archive = make_archive(tmp_path)
    out = archive / "out"
    run_batch([archive], out, BatchOptions(globs=["*.txt", "*.json", "*.md"]), executor=InlineExecutor())
    again = run_batch([archive], out, BatchOptions(globs=["*.txt", "*.json", "*.md"]), executor=InlineExecutor())
    assert again.total == 3


def test_output_folder_that_is_a_file_is_refused(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(UsageError, match="cannot"):
        run_batch([SAMPLES[0]], blocker / "out", executor=InlineExecutor())
    with pytest.raises(UsageError, match="it is a file"):
        run_batch([SAMPLES[0]], blocker, executor=InlineExecutor())


def test_remove_partial_deletes_only_temporary_files_of_the_target(tmp_path):
    target = tmp_path / "a.json"
    mine = tmp_path / f"{temp_prefix(target)}x1.tmp"
    other = tmp_path / f"{temp_prefix(tmp_path / 'b.json')}x1.tmp"
    mine.write_text("half", encoding="utf-8")
    other.write_text("other", encoding="utf-8")
    remove_partial(str(target))
    assert sorted(p.name for p in tmp_path.iterdir()) == [other.name]


# --- isolation in the process pool ----------------------------------------------------------

def misbehave(task: Task) -> FileResult:
    """A worker function for the tests: crash, hang or eat memory depending on the file name."""
    name = Path(task.source).name
    if name.startswith("crash"):
        faulthandler.disable()  # pytest's fault handler would print a traceback for the test's crash
        os.kill(os.getpid(), signal.SIGSEGV)
    if name.startswith("hang"):
        time.sleep(3600)
    if name.startswith("big"):
        bytearray(1 << 30)  # over the 256 MB address-space guard the test sets
    return process_one(task)


def pool(**kw: object) -> ProcessPool:
    return ProcessPool(2, target=misbehave, start_method="fork", **kw)  # type: ignore[arg-type]


def test_crash_timeout_and_memory_are_per_file_failures(tmp_path):
    archive, out = make_archive(tmp_path), tmp_path / "out"
    for name in ("crash.txt", "hang.txt", "big.txt"):
        shutil.copy(SAMPLES[0], archive / name)
    import resource

    soft, _ = resource.getrlimit(resource.RLIMIT_AS)
    if soft != resource.RLIM_INFINITY:
        pytest.skip("address space already limited")
    summary = run_batch([archive], out, executor=pool(timeout=2, max_memory=768 << 20))
    assert (summary.parsed, summary.failed) == (3, 3)
    errors = {Path(e["file"]).name: e for e in map(json.loads, (out / ERRORS).read_text(encoding="utf-8").splitlines())}
    assert errors["crash.txt"]["code"] == "worker_crashed"
    assert "SIGSEGV" in errors["crash.txt"]["message"]
    assert errors["hang.txt"]["code"] == "timeout"
    assert errors["big.txt"]["code"] == "out_of_memory"
    assert outputs(out) == ["2023/referat.json", "2024/referat.json", "2024/udvalg/møde.json"]
    assert no_partial_files(out)


def test_real_pool_parses_with_forkserver(tmp_path):
    archive, out = make_archive(tmp_path), tmp_path / "out"
    summary = run_batch([archive], out, BatchOptions(jobs=2, timeout=30))
    assert (summary.parsed, summary.failed) == (3, 0)
    assert len(outputs(out)) == 3


@pytest.mark.skipif(sys.platform == "win32", reason="named pipes")
def test_a_file_that_blocks_forever_times_out(tmp_path):
    fifo = tmp_path / "stuck.txt"
    os.mkfifo(fifo)
    out = tmp_path / "out"
    summary = run_batch([fifo, SAMPLES[0]], out, BatchOptions(jobs=1, timeout=1))
    assert (summary.parsed, summary.failed) == (1, 1)
    [error] = map(json.loads, (out / ERRORS).read_text(encoding="utf-8").splitlines())
    assert (error["file"], error["code"]) == (str(fifo), "timeout")


def test_interrupt_stops_cleanly_and_a_rerun_continues(tmp_path):
    archive, out = tmp_path / "archive", tmp_path / "out"
    archive.mkdir()
    for name in ("good.txt", "hang1.txt", "hang2.txt"):
        shutil.copy(SAMPLES[0], archive / name)

    class StopAfterFirst:
        def planned(self, total: int, skipped: int, total_bytes: int) -> None:
            pass

        def done(self, result: FileResult) -> None:
            raise KeyboardInterrupt  # as Ctrl-C (or SIGTERM in the CLI) would

    with pytest.raises(KeyboardInterrupt):
        run_batch([archive], out, events=StopAfterFirst(), executor=pool(timeout=60))
    assert no_partial_files(out)
    assert outputs(out) == ["good.json"]  # the worker still parsing hang1.txt was stopped
    again = run_batch([archive], out, BatchOptions(excludes=["hang*"]), executor=InlineExecutor())
    assert (again.skipped, again.parsed) == (1, 0)


# --- Dask -----------------------------------------------------------------------------------

def test_dask_runs_the_same_batch(tmp_path):
    distributed = pytest.importorskip("distributed")
    archive, out = make_archive(tmp_path), tmp_path / "out"
    (archive / "empty.txt").write_bytes(b"")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        executor = DaskExecutor(client, timeout=60)
        summary = run_batch([archive], out, executor=executor)
        executor.close()
    assert (summary.parsed, summary.failed) == (3, 1)
    assert outputs(out) == ["2023/referat.json", "2024/referat.json", "2024/udvalg/møde.json"]
    [error] = map(json.loads, (out / ERRORS).read_text(encoding="utf-8").splitlines())
    assert error["code"] == "empty"


def test_dask_missing_gives_a_clear_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(UsageError, match=r'pip install "referat\[dask\]"'):
        DaskExecutor("tcp://127.0.0.1:1")


def test_a_script_without_main_guard_gets_a_clear_error(tmp_path):
    """forkserver workers import the main script again; unguarded, they die before they are ready.
    That must stop the batch with advice, not fail every file as worker_crashed. (Two files: one
    alone is parsed in the calling process, without workers.)"""
    import subprocess

    script = tmp_path / "convert.py"
    script.write_text(
        "from pathlib import Path\n"
        "from referat_parser.batch import BatchOptions, run_batch\n"
        f"run_batch([Path({str(SAMPLES[0])!r}), Path({str(SAMPLES[1])!r})], Path({str(tmp_path / 'out')!r}), "
        "BatchOptions(jobs=1))\n",
        encoding="utf-8")
    result = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=300)
    assert result.returncode != 0
    assert "WorkerStartError" in result.stderr and '__name__ == "__main__"' in result.stderr


def test_single_file_in_process_keeps_the_timeout(tmp_path, monkeypatch):
    import time

    from referat_parser import api
    from referat_parser.batch import BatchOptions, parse_to_text

    source = tmp_path / "slow.txt"
    source.write_text("Beslutning\nGodkendt.\n", encoding="utf-8")
    monkeypatch.setattr(api, "parse_file", lambda *a, **k: time.sleep(5))
    result = parse_to_text(source, BatchOptions(timeout=0.2))
    assert (result.ok, result.code) == (False, "timeout")
