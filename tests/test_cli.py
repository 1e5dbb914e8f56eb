"""The `referat` command, driven in-process: every command, its exit statuses and its messages."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from referat_parser.cli import app
from referat_parser.models import Decision, Dissent, Item, Meeting, Participant, Section, Source, Span

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SAMPLES = sorted(FIXTURES.glob("*.txt"))[:3]
ROOT_USER = os.geteuid() == 0


def run(*args: str | Path) -> object:
    result = CliRunner().invoke(app, [str(a) for a in args], env={"COLUMNS": "100"})
    return result


def lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


def assert_no_traceback(result: object) -> None:
    assert "Traceback" not in result.output  # type: ignore[attr-defined]
    assert result.exception is None or isinstance(result.exception, SystemExit)  # type: ignore[attr-defined]


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    folder = tmp_path / "archive"
    (folder / "a").mkdir(parents=True)
    (folder / "b").mkdir()
    shutil.copy(SAMPLES[0], folder / "a" / "referat.txt")
    shutil.copy(SAMPLES[1], folder / "b" / "referat.txt")
    shutil.copy(SAMPLES[2], folder / "top.txt")
    return folder


def sample_meeting() -> Meeting:
    span = Span(start=0, end=1)
    return Meeting(
        parser_version="test", kind="minutes", municipality="Ærø Kommune", committee="Økonomiudvalget",
        date="2024-05-02", start_time="16:00", end_time="18:00", location="Rådhuset",
        source=Source(path="in/møde.txt", sha256="0" * 64, format="text", size=10),
        participants=[Participant(name="Anne Hansen", party="A", role="formand", present=True),
                      Participant(name="Bo Jensen", party="V", present=False)],
        items=[
            Item(order=0, number="1", title="Godkendelse af dagsorden", span=span,
                 decision=Decision(text="Godkendt.", outcome="approved", span=span)),
            Item(order=1, number="2", title="Budget 2025", case_number="00.30.00-S00-1-24", span=span,
                 sections=[Section(key="case", heading="Sagsfremstilling", text="Forslag til budget.", span=span),
                           Section(key="decision", heading="Beslutning", text="Anbefales, idet V og O tog forbehold.",
                                   span=span)],
                 decision=Decision(text="Anbefales, idet V og O tog forbehold.", outcome="recommended", span=span,
                                   dissents=[Dissent(party="V", text="V tog forbehold"),
                                             Dissent(party="O", text="O tog forbehold")])),
        ],
    )


@pytest.fixture
def meeting_json(tmp_path: Path) -> Path:
    path = tmp_path / "outputs" / "møde.json"
    path.parent.mkdir()
    path.write_text(sample_meeting().to_json(), encoding="utf-8")
    return path


# --- parse ----------------------------------------------------------------------------------

def test_one_file_prints_json_to_stdout():
    result = run("parse", SAMPLES[0], "--jobs", "1")
    assert result.exit_code == 0
    meeting = json.loads(result.stdout)
    assert meeting["source"]["path"] == str(SAMPLES[0])
    assert len(meeting["source"]["sha256"]) == 64


def test_folder_is_mirrored_under_out(archive: Path, tmp_path: Path):
    out = tmp_path / "out"
    result = run("parse", archive, "-o", out, "--jobs", "2")
    assert result.exit_code == 0, result.output
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.json")) == [
        "a/referat.json", "b/referat.json", "top.json"]
    assert f"{archive / 'top.txt'} -> {out / 'top.json'}" in result.stderr
    assert "3 parsed, 0 failed" in lines(result.stderr)[-1]


def test_plain_files_go_to_out_by_stem(tmp_path: Path):
    out = tmp_path / "out"
    result = run("parse", SAMPLES[0], SAMPLES[1], "-o", out, "-q")
    assert result.exit_code == 0
    assert sorted(p.name for p in out.glob("*.json")) == [SAMPLES[0].stem + ".json", SAMPLES[1].stem + ".json"]
    assert result.stderr == ""  # --quiet: nothing but errors


def test_rerun_skips_unchanged_and_force_redoes(archive: Path, tmp_path: Path):
    out = tmp_path / "out"
    assert run("parse", archive, "-o", out).exit_code == 0
    again = run("parse", archive, "-o", out)
    assert again.exit_code == 0
    assert "3 unchanged since the last run" in again.stderr
    assert "0 parsed, 3 unchanged" in lines(again.stderr)[-1]
    forced = run("parse", archive, "-o", out, "--force")
    assert "3 parsed" in lines(forced.stderr)[-1]


def test_glob_and_exclude_options(archive: Path, tmp_path: Path):
    out = tmp_path / "out"
    result = run("parse", archive, "-o", out, "--exclude", "b", "--glob", "*.txt", "-q")
    assert result.exit_code == 0
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.json")) == ["a/referat.json", "top.json"]


def test_jsonl_to_stdout_and_to_a_file(archive: Path, tmp_path: Path):
    result = run("parse", archive, "--jsonl", "-q")
    assert result.exit_code == 0
    assert len([json.loads(line) for line in result.stdout.splitlines()]) == 3
    target = tmp_path / "meetings.jsonl"
    result = run("parse", archive, "--jsonl", target, "-q")
    assert result.exit_code == 0
    assert len(target.read_text(encoding="utf-8").splitlines()) == 3
    assert not list(tmp_path.glob(".meetings.jsonl.*"))


def test_missing_file_is_one_line_and_exit_1(tmp_path: Path):
    missing = tmp_path / "nope.txt"
    result = run("parse", missing)
    assert result.exit_code == 1
    assert lines(result.stderr) == [f"referat: {missing}: no such file"]
    assert_no_traceback(result)


def test_missing_input_in_a_batch_does_not_stop_it(archive: Path, tmp_path: Path):
    out = tmp_path / "out"
    result = run("parse", archive, tmp_path / "nope.txt", "-o", out)
    assert result.exit_code == 1
    assert f"referat: {tmp_path / 'nope.txt'}: no such file or folder" in result.stderr
    assert len(list(out.rglob("*.json"))) == 3
    [error] = map(json.loads, (out / "_errors.jsonl").read_text(encoding="utf-8").splitlines())
    assert error["code"] == "not_found"


def test_bad_files_in_a_batch_are_listed(archive: Path, tmp_path: Path):
    (archive / "empty.txt").write_bytes(b"")
    (archive / "garbage.txt").write_bytes(bytes(range(1, 9)) * 300)
    os.symlink(archive / "gone.txt", archive / "dangling.txt")
    out = tmp_path / "out"
    result = run("parse", archive, "-o", out)
    assert result.exit_code == 1
    errors = {Path(e["file"]).name: e["code"]
              for e in map(json.loads, (out / "_errors.jsonl").read_text(encoding="utf-8").splitlines())}
    assert errors == {"empty.txt": "empty", "garbage.txt": "binary", "dangling.txt": "not_found"}
    for name in errors:
        assert sum(line.startswith(f"referat: {archive / name}: ") for line in lines(result.stderr)) == 1
    assert "3 parsed, 3 failed" in lines(result.stderr)[-1]
    assert_no_traceback(result)


def test_symlink_loops_do_not_hang(archive: Path, tmp_path: Path):
    os.symlink(archive, archive / "a" / "loop")
    os.symlink(archive / "y.txt", archive / "x.txt")
    os.symlink(archive / "x.txt", archive / "y.txt")
    out = tmp_path / "out"
    result = run("parse", archive, "-o", out)
    assert result.exit_code == 1
    assert len(list(out.rglob("*.json"))) == 3
    assert "Too many levels of symbolic links" in result.stderr or "cannot read" in result.stderr


@pytest.mark.skipif(ROOT_USER, reason="root can read anything")
def test_unreadable_file_and_folder_in_a_batch(archive: Path, tmp_path: Path):
    locked_file = archive / "locked.txt"
    shutil.copy(SAMPLES[0], locked_file)
    locked_file.chmod(0)
    (archive / "a").chmod(0)
    out = tmp_path / "out"
    try:
        result = run("parse", archive, "-o", out)
    finally:
        (archive / "a").chmod(0o755)
    assert result.exit_code == 1
    assert f"referat: {locked_file}: permission denied" in result.stderr
    assert f"referat: {archive / 'a'}: permission denied" in result.stderr
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.json")) == ["b/referat.json", "top.json"]


@pytest.mark.skipif(ROOT_USER, reason="root can read anything")
def test_unreadable_input_folder(tmp_path: Path, archive: Path):
    archive.chmod(0)
    try:
        result = run("parse", archive, "-o", tmp_path / "out")
    finally:
        archive.chmod(0o755)
    assert result.exit_code == 1
    assert f"referat: {archive}: permission denied" in result.stderr


@pytest.mark.skipif(ROOT_USER, reason="root can write anywhere")
def test_output_folder_without_write_permission(tmp_path: Path):
    out = tmp_path / "out"
    out.mkdir()
    out.chmod(0o500)
    try:
        result = run("parse", SAMPLES[0], "-o", out)
    finally:
        out.chmod(0o755)
    assert result.exit_code == 2
    assert lines(result.stderr) == [f"referat: cannot write to output folder {out}: permission denied"]


def test_output_folder_that_cannot_be_created(tmp_path: Path):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    result = run("parse", SAMPLES[0], "-o", blocker / "out")
    assert result.exit_code == 2
    assert lines(result.stderr) == [f"referat: cannot create output folder {blocker / 'out'}: Not a directory"]
    assert_no_traceback(result)


def test_output_equal_to_an_input_is_refused(archive: Path):
    result = run("parse", archive, "-o", archive)
    assert result.exit_code == 2
    assert "is also an input" in result.stderr
    json_input = archive / "meeting.json"
    json_input.write_text("{}", encoding="utf-8")
    result = run("parse", json_input, "-o", archive)
    assert result.exit_code == 2
    assert lines(result.stderr) == [f"referat: the output {json_input} would overwrite the input {json_input}; "
                                    "choose another output folder"]
    assert json_input.read_text(encoding="utf-8") == "{}"


def test_jsonl_file_equal_to_an_input_is_refused(tmp_path: Path):
    source = tmp_path / "minutes.txt"
    shutil.copy(SAMPLES[0], source)
    before = source.read_bytes()
    result = run("parse", source, "--jsonl", source)
    assert result.exit_code == 2
    assert lines(result.stderr) == [f"referat: the output {source} is also an input; choose another output file"]
    assert source.read_bytes() == before
    result = run("parse", source, "--jsonl", tmp_path)
    assert result.exit_code == 2
    assert lines(result.stderr) == [f"referat: cannot write {tmp_path}: it is a folder"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_named_pipe_is_read_as_a_stream(tmp_path: Path):
    import threading

    pipe = tmp_path / "minutes.txt"
    os.mkfifo(pipe)
    writer = threading.Thread(target=lambda: pipe.write_bytes(SAMPLES[0].read_bytes()))
    writer.start()
    result = run("parse", pipe)
    writer.join()
    assert result.exit_code == 0
    from_file = run("parse", SAMPLES[0])
    assert json.loads(result.stdout)["items"] == json.loads(from_file.stdout)["items"]


def test_endless_device_stops_at_the_size_limit():
    if not Path("/dev/zero").exists():
        pytest.skip("needs /dev/zero")
    result = run("parse", "/dev/zero", "--max-bytes", "1M")
    assert result.exit_code == 1
    assert lines(result.stderr) == ["referat: /dev/zero: stream is over the limit of 1,048,576 bytes"]


@pytest.mark.parametrize("args,message", [
    (["parse", "a.txt", "b.txt"], "a folder or several inputs need an output folder"),
    (["parse", "."], "a folder or several inputs need an output folder"),
    (["parse", "a.txt", "--max-memory", "lots", "-o", "{out}"], "not a size"),
    (["parse", "a.txt", "-o", "{out}", "--jsonl"], "either -o DIR or --jsonl"),
    (["validate"], "give JSON files or folders"),
    (["validate", "--update"], "--update needs --golden"),
    # An unknown PDF backend is refused at the start, even when no input is a PDF.
    (["parse", str(SAMPLES[0]), "--pdf-backend", "nope"], "unknown PDF backend 'nope' (choose pypdfium2 or pdfplumber)"),
    (["parse", str(SAMPLES[0]), "--pdf-backend", "nope", "-o", "{out}"], "unknown PDF backend 'nope'"),
    (["parse", str(SAMPLES[0]), "--pdf-backend", "nope", "--jsonl"], "unknown PDF backend 'nope'"),
])
def test_usage_errors_exit_2(args: list[str], message: str, tmp_path: Path):
    result = run(*[a.replace("{out}", str(tmp_path / "out")) for a in args])
    assert result.exit_code == 2
    assert message in result.stderr
    assert len(lines(result.stderr)) == 1


def test_unknown_option_is_a_usage_error():
    result = run("parse", "--no-such-option")
    assert result.exit_code == 2


def test_too_large_file_fails(tmp_path: Path):
    result = run("parse", SAMPLES[0], "-o", tmp_path / "out", "--max-bytes", "1K")
    assert result.exit_code == 1
    assert "over the limit" in result.stderr
    [error] = map(json.loads, (tmp_path / "out" / "_errors.jsonl").read_text(encoding="utf-8").splitlines())
    assert error["code"] == "too_large"


def test_timeout_in_a_batch(tmp_path: Path):
    fifo = tmp_path / "stuck.txt"
    os.mkfifo(fifo)
    result = run("parse", fifo, SAMPLES[0], "-o", tmp_path / "out", "--timeout", "1", "--jobs", "1")
    assert result.exit_code == 1
    assert f"referat: {fifo}: timed out after 1 s" in result.stderr
    assert (tmp_path / "out" / f"{SAMPLES[0].stem}.json").exists()


def test_not_minutes_is_a_note_and_strict_makes_it_fail(tmp_path: Path):
    english = tmp_path / "letter.txt"
    english.write_text("Dear customer,\nThank you for your order of three garden chairs.\nKind regards\n",
                       encoding="utf-8")
    result = run("parse", english)
    assert result.exit_code == 0
    assert json.loads(result.stdout)["kind"] == "not_minutes"
    assert "not recognised as minutes" in result.stderr
    assert run("parse", english, "--strict").exit_code == 1
    batch = run("parse", english, "-o", tmp_path / "out", "--strict")
    assert batch.exit_code == 1
    assert (tmp_path / "out" / "letter.json").exists()


def test_dask_not_installed_is_a_clear_usage_error(monkeypatch, tmp_path: Path):
    monkeypatch.setitem(sys.modules, "distributed", None)
    result = run("parse", SAMPLES[0], "-o", tmp_path / "out", "--scheduler", "tcp://127.0.0.1:1")
    assert result.exit_code == 2
    assert lines(result.stderr) == ['referat: Dask is not installed: pip install "referat[dask]"']


def test_parse_on_dask(tmp_path: Path, archive: Path):
    pytest.importorskip("distributed")
    out = tmp_path / "out"
    result = run("parse", archive, "-o", out, "--scheduler", "local", "--jobs", "1")
    assert result.exit_code == 0, result.output
    assert len(list(out.rglob("*.json"))) == 3


# --- schema, validate -----------------------------------------------------------------------

SCHEMA_FILE = Path(__file__).resolve().parent.parent / "src" / "referat_parser" / "schema" / "meeting.schema.json"


def test_committed_schema_is_current():
    """If this fails: referat schema > src/referat_parser/schema/meeting.schema.json, and review."""
    committed = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert committed == Meeting.model_json_schema(by_alias=True)


def test_schema_command_prints_the_committed_schema():
    result = run("schema")
    assert result.exit_code == 0
    assert result.stdout == SCHEMA_FILE.read_text(encoding="utf-8")


def test_validate_good_and_bad_outputs(tmp_path: Path, meeting_json: Path):
    bad = meeting_json.parent / "bad.json"
    data = json.loads(meeting_json.read_text(encoding="utf-8"))
    data["items"][0]["decision"]["outcome"] = "maybe"
    bad.write_text(json.dumps(data), encoding="utf-8")
    broken = meeting_json.parent / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    assert run("validate", meeting_json).exit_code == 0
    result = run("validate", meeting_json.parent)
    assert result.exit_code == 1
    problems = [line for line in lines(result.stderr) if "invalid" in line and ": " in line]
    assert [line.split(": ")[1] for line in problems[:2]] == [str(bad), str(broken)]
    assert "items.0.decision.outcome" in problems[0]
    assert "1 valid, 2 invalid" in result.stderr


def test_validate_reads_outputs_of_its_major_version_and_ignores_added_fields(meeting_json: Path):
    from referat_parser import SCHEMA_VERSION

    major = SCHEMA_VERSION.split(".")[0]
    data = json.loads(meeting_json.read_text(encoding="utf-8"))
    variants = {
        "added-field.json": {**data, "schema_version": SCHEMA_VERSION, "room_booking": {"id": 7}},
        "newer-minor.json": {**data, "schema_version": f"{major}.99", "summary": "a field of a later 1.x"},
        "older-minor.json": {**data, "schema_version": f"{major}.0"},
        "next-major.json": {**data, "schema_version": f"{int(major) + 1}.0"},
        "no-version.json": {key: value for key, value in data.items() if key != "schema_version"},
    }
    for name, content in variants.items():
        (meeting_json.parent / name).write_text(json.dumps(content), encoding="utf-8")
    result = run("validate", meeting_json.parent)
    assert result.exit_code == 1
    assert lines(result.stderr) == [
        f"referat: {meeting_json.parent / 'next-major.json'}: invalid: schema_version {int(major) + 1}.0 is not "
        f"readable by this referat (it reads schema {major}.x)",
        f"referat: {meeting_json.parent / 'no-version.json'}: invalid: schema_version: null is not a version "
        f'such as "{SCHEMA_VERSION}"',
        f"referat: 4 valid, 2 invalid (checked against schema {SCHEMA_VERSION}; outputs of schema {major}.99: "
        f"the fields added after {SCHEMA_VERSION} were not checked)",
    ]


def test_validate_real_parser_output(tmp_path: Path):
    out = tmp_path / "out"
    assert run("parse", *SAMPLES, "-o", out, "-q").exit_code == 0
    result = run("validate", out)
    assert result.exit_code == 0
    assert "3 valid, 0 invalid" in result.stderr


def test_validate_golden_update_then_check_then_diff(tmp_path: Path):
    golden = tmp_path / "golden"
    golden.mkdir()
    shutil.copy(SAMPLES[0], golden / "a.txt")
    updated = run("validate", "--golden", golden, "--update")
    assert updated.exit_code == 0
    assert (golden / "a.txt.json").exists()
    assert run("validate", "--golden", golden).exit_code == 0
    expected = golden / "a.txt.json"
    expected.write_text(expected.read_text(encoding="utf-8").replace('"kind": "', '"kind": "x'), encoding="utf-8")
    result = run("validate", "--golden", golden)
    assert result.exit_code == 1
    assert '-  "kind": "x' in result.stdout and '+  "kind": "' in result.stdout
    assert "1 golden file(s) differ" in result.stderr


# --- show, table ----------------------------------------------------------------------------

def test_show_meeting(meeting_json: Path):
    result = run("show", meeting_json)
    assert result.exit_code == 0
    for text in ("Ærø Kommune", "Økonomiudvalget", "2024-05-02", "16:00–18:00", "Anne Hansen (A)",
                 "Bo Jensen (V)", "Budget 2025", "recommended", "V, O"):
        assert text in result.stdout


def test_show_one_item(meeting_json: Path):
    result = run("show", meeting_json, "--item", "2")
    assert result.exit_code == 0
    assert "Sagsfremstilling" in result.stdout and "Forslag til budget." in result.stdout
    assert "00.30.00-S00-1-24" in result.stdout
    missing = run("show", meeting_json, "--item", "9")
    assert missing.exit_code == 1
    assert lines(missing.stderr) == [f"referat: {meeting_json}: no item 9 (the meeting has 2 items)"]


def test_show_a_minutes_file_with_whatever_the_parser_finds_now():
    result = run("show", SAMPLES[0])
    assert result.exit_code == 0
    assert str(SAMPLES[0]) in result.stdout.replace("\n", "")


def test_show_missing_and_invalid(tmp_path: Path):
    result = run("show", tmp_path / "nope.json")
    assert result.exit_code == 1
    assert lines(result.stderr) == [f"referat: {tmp_path / 'nope.json'}: no such file"]
    bad = tmp_path / "bad.json"
    bad.write_text("[]", encoding="utf-8")
    result = run("show", bad)
    assert result.exit_code == 1
    assert len(lines(result.stderr)) == 1
    assert_no_traceback(result)


def test_table_csv(meeting_json: Path, tmp_path: Path):
    target = tmp_path / "items.csv"
    result = run("table", meeting_json.parent, "-o", target)
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert [(r["item_number"], r["title"], r["outcome"], r["dissent_parties"]) for r in rows] == [
        ("1", "Godkendelse af dagsorden", "approved", ""), ("2", "Budget 2025", "recommended", "V; O")]
    assert rows[1]["municipality"] == "Ærø Kommune" and rows[1]["case_number"] == "00.30.00-S00-1-24"
    assert rows[1]["source_path"] == "in/møde.txt" and rows[1]["item_order"] == "1"
    stdout = run("table", meeting_json)
    assert stdout.exit_code == 0
    assert stdout.stdout.splitlines()[0].startswith("source_path,municipality,committee,date,item_order")


def test_table_from_jsonl_and_bad_inputs(tmp_path: Path, meeting_json: Path):
    stream = tmp_path / "m.jsonl"
    stream.write_text(sample_meeting().model_dump_json(by_alias=True) + "\n", encoding="utf-8")
    (tmp_path / "junk.json").write_text("[1, 2]", encoding="utf-8")
    result = run("table", stream, tmp_path / "junk.json")
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 3
    assert "junk.json: not a meeting" in result.stderr


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_table_names_each_wrongly_shaped_file_and_keeps_every_good_row(tmp_path: Path, meeting_json: Path, fmt: str):
    folder = meeting_json.parent
    (folder / "a-items-number.json").write_text('{"items": 5}', encoding="utf-8")
    (folder / "b-items-numbers.json").write_text('{"items": [1, 2]}', encoding="utf-8")
    (folder / "c-decision-text.json").write_text('{"items": [{"decision": "x"}]}', encoding="utf-8")
    (folder / "d-title-list.json").write_text('{"items": [{"order": 0, "title": ["x"]}]}', encoding="utf-8")
    (folder / "z-good.json").write_text(meeting_json.read_text(encoding="utf-8"), encoding="utf-8")
    if fmt == "parquet":
        pytest.importorskip("pyarrow.parquet")
    target = tmp_path / f"items.{fmt}"
    result = run("table", folder, "-o", target)
    assert result.exit_code == 1
    problems = lines(result.stderr)[:-1]
    assert problems == [
        f"referat: {folder / 'a-items-number.json'}: not a meeting (items is 5, not a list)",
        f"referat: {folder / 'b-items-numbers.json'}: not a meeting (items[0] is 1, not an object)",
        f'referat: {folder / "c-decision-text.json"}: not a meeting (items[0].decision is "x", not an object)',
        f'referat: {folder / "d-title-list.json"}: not a meeting (items[0].title is ["x"], not text)',
    ]
    assert lines(result.stderr)[-1] == f"referat: 4 rows -> {target}"
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
        titles = [r["title"] for r in rows]
    else:
        titles = __import__("pyarrow.parquet").parquet.read_table(target).column("title").to_pylist()
    assert titles == ["Godkendelse af dagsorden", "Budget 2025"] * 2
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
    assert_no_traceback(result)


def test_table_leaves_no_output_file_when_it_stops_half_way(monkeypatch, tmp_path: Path, meeting_json: Path):
    import referat_parser.table as table

    def broken(meeting: object) -> list[dict[str, object]]:
        raise RuntimeError("disk on fire")

    target = tmp_path / "items.csv"
    monkeypatch.setattr(table, "rows", broken)
    result = run("table", meeting_json, "-o", target)
    assert result.exit_code == 1
    assert "internal error (RuntimeError: disk on fire)" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["outputs"]


def test_table_parquet(meeting_json: Path, tmp_path: Path):
    parquet = pytest.importorskip("pyarrow.parquet")
    target = tmp_path / "items.parquet"
    result = run("table", meeting_json, "--format", "parquet", "-o", target)
    assert result.exit_code == 0
    table = parquet.read_table(target)
    assert table.column("title").to_pylist() == ["Godkendelse af dagsorden", "Budget 2025"]
    assert table.column("item_order").to_pylist() == [0, 1]


def test_table_parquet_without_pyarrow(monkeypatch, meeting_json: Path, tmp_path: Path):
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    result = run("table", meeting_json, "-o", tmp_path / "items.parquet")
    assert result.exit_code == 2
    assert lines(result.stderr) == ['referat: Parquet needs pyarrow: pip install "referat[parquet]"']


# --- help -----------------------------------------------------------------------------------

@pytest.mark.parametrize("command", [[], ["parse"], ["schema"], ["validate"], ["show"], ["table"]])
def test_help_has_examples(command: list[str]):
    result = run(*command, "--help")
    assert result.exit_code == 0
    assert "Examples:" in result.stdout
    assert "referat " in result.stdout.split("Examples:")[1]


def test_version():
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout.startswith("referat ")


def test_cli_import_stays_light():
    """`referat --help` must start fast (<= 150 ms): the CLI imports pydantic, rich, PDF libraries,
    dask and pyarrow only inside the commands that need them."""
    import subprocess

    code = ("import sys, referat_parser.cli; print(' '.join(sorted(m for m in ('pydantic', 'rich', 'pypdfium2', "
            "'pdfplumber', 'distributed', 'dask', 'pyarrow', 'rapidfuzz') if m in sys.modules)))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert result.stdout.strip() == ""


# Permission problems simulated, so they are tested when the suite runs as root (CI) too.

def test_unreadable_folder_and_file_simulated(monkeypatch, archive: Path, tmp_path: Path):
    import referat_parser.batch.discovery as discovery

    real_scandir = os.scandir
    locked_folder, locked_file = archive / "a", archive / "b" / "referat.txt"

    def scandir(path):  # type: ignore[no-untyped-def]
        if Path(path) == locked_folder:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    real_read_bytes = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self == locked_file:
            raise PermissionError(13, "Permission denied", str(self))
        return real_read_bytes(self)

    monkeypatch.setattr(discovery.os, "scandir", scandir)
    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    out = tmp_path / "out"
    result = run("parse", archive, "-o", out, "--inline")
    assert result.exit_code == 1
    assert f"referat: {locked_folder}: permission denied" in lines(result.stderr)
    assert f"referat: {locked_file}: permission denied" in lines(result.stderr)
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.json")) == ["top.json"]
    codes = sorted(e["code"] for e in map(json.loads, (out / "_errors.jsonl").read_text(encoding="utf-8").splitlines()))
    assert codes == ["permission_denied", "permission_denied"]
    assert_no_traceback(result)


def test_output_folder_not_writable_simulated(monkeypatch, tmp_path: Path):
    import referat_parser.batch.targets as targets

    out = tmp_path / "out"
    monkeypatch.setattr(targets.os, "access", lambda path, mode: Path(path) != out)
    result = run("parse", SAMPLES[0], "-o", out)
    assert result.exit_code == 2
    assert lines(result.stderr) == [f"referat: cannot write to output folder {out}: permission denied"]


def test_terminal_progress_and_summary_table(capsys):
    """The TTY path: a progress bar while files finish, error lines above it, a summary table."""
    from referat_parser.batch import Summary
    from referat_parser.cli import _print_summary, _Reporter
    from referat_parser.worker import FileResult

    reporter = _Reporter(quiet=False, tty=True, debug=False, log_files=True)
    reporter.planned(2, 1, 1000)
    good = FileResult(source="a.txt", target="out/a.json", ok=True, pages=3, items=2, kind="minutes",
                      outcomes={"approved": 2})
    bad = FileResult(source="b.txt", code="empty", message="the file is empty")
    reporter.done(good)
    reporter.done(bad)
    reporter.stop()
    summary = Summary(total=3, skipped=1)
    summary.add(good)
    summary.add(bad)
    _print_summary(summary, tty=True)
    err = capsys.readouterr().err
    assert "1 unchanged since the last run" in err
    assert "referat: b.txt: the file is empty" in err
    for text in ("files parsed", "decisions approved", "unchanged (skipped)", "empty"):
        assert text in err
    assert (reporter.done_files, reporter.pages) == (2, 3)
