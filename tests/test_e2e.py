"""End to end: the `referat` command on a folder of good and bad files, in a real process. It runs
as ``python -m referat_parser`` with the interpreter running the tests, so it runs wherever the
package is importable (the console script is the same ``cli.main``; test_console_script checks
that one when it is installed)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
REFERAT = [sys.executable, "-m", "referat_parser"]


def test_batch_with_good_and_bad_files(tmp_path: Path):
    archive, out = tmp_path / "in", tmp_path / "out"
    (archive / "sub").mkdir(parents=True)
    good = sorted(FIXTURES.glob("*.txt"))
    for path in good:
        shutil.copy(path, archive / "sub" / path.name)
    (archive / "empty.txt").write_bytes(b"")
    (archive / "garbage.txt").write_bytes(bytes(range(256)) * 16)
    result = subprocess.run([*REFERAT, "parse", str(archive), "-o", str(out), "--jobs", "2"],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 1, result.stderr
    for path in good:
        meeting = json.loads((out / "sub" / f"{path.stem}.json").read_text(encoding="utf-8"))
        assert meeting["source"]["path"] == str(archive / "sub" / path.name)
    errors = [json.loads(line) for line in (out / "_errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sorted((Path(e["file"]).name, e["code"]) for e in errors) == [("empty.txt", "empty"),
                                                                       ("garbage.txt", "binary")]
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines()[-1].startswith(f"referat: {len(good)} parsed, 2 failed")
    assert not list(out.rglob("*.tmp"))


@pytest.mark.skipif(sys.platform == "win32", reason="signals and named pipes")
def test_sigterm_stops_cleanly_and_a_rerun_continues(tmp_path: Path):
    sample = sorted(FIXTURES.glob("*.txt"))[0]
    fifo = tmp_path / "stuck.txt"
    os.mkfifo(fifo)  # reading it blocks: the batch is certainly still running when we stop it
    out = tmp_path / "out"
    process = subprocess.Popen([*REFERAT, "parse", str(sample), str(fifo), "-o", str(out), "--jobs", "1"],
                               stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    assert process.stderr is not None
    first = process.stderr.readline()  # "<sample> -> <output>": the first file is done
    assert first.startswith(str(sample))
    process.send_signal(signal.SIGTERM)
    rest = process.stderr.read()
    assert process.wait(timeout=60) == 130
    assert rest.splitlines()[-1].startswith("referat: interrupted after 1 files")
    assert {p.name for p in out.iterdir()} == {"_manifest.jsonl", f"{sample.stem}.json"}
    again = subprocess.run([*REFERAT, "parse", str(sample), "-o", str(out)], capture_output=True, text=True,
                           timeout=300)
    assert again.returncode == 0
    assert "0 parsed, 1 unchanged" in again.stderr


def test_help_runs():
    result = subprocess.run([*REFERAT, "--help"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    assert "parse" in result.stdout and "Examples:" in result.stdout


def test_console_script():
    """The installed `referat` script beside this interpreter (an editable or a normal install
    puts it there) runs the same command."""
    script = Path(sys.executable).with_name("referat")
    if not script.exists():
        script = Path(shutil.which("referat") or "referat")
    result = subprocess.run([str(script), "--version"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and result.stdout.startswith("referat ")
