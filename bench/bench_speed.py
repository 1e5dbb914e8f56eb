"""The speed goals in one run, each beside its baseline (a script, not a test).

    python bench/bench_speed.py             # about 2 minutes on 2 cores
    python bench/bench_speed.py --quick     # fewer repeats, no 600-file archive
    python bench/bench_speed.py --archive-only --repeat 5   # only the archive (4.)

Measured, in this order, on the same machine within minutes of each other:

1. Start-up, whole processes (median of --repeat runs, wall and CPU): ``python -c pass``, importing
   typer alone, importing pydantic's BaseModel alone, both together, the same command line as the
   parse run by a typer command with parse's options that parses nothing and validates one small
   model (bench/floor_command.py: the floor any typer + pydantic command of this shape pays),
   ``referat --help`` and ``referat parse SEED -o DIR``; then where the parse's time goes, phase by
   phase, in a fresh process.
2. Text: ``parse_text`` on ~2 MB of concatenated seeds against a bare 40-name heading-regex scan of
   the same text (MB/s), and the cost of a 2 kB document (many different 2 kB documents parsed
   after warm-up; the fixed part is what is left after the per-byte cost).
3. PDF: ``parse_file`` on a 200-page PDF against bare pypdfium2 text extraction (pages/s of CPU).
4. Archive: ``referat parse ARCHIVE -o OUT`` on 600 documents (three first runs), then the unchanged
   re-run, alternated with the floor command on the same arguments.

Start-up is measured with a bytecode cache (PYTHONPYCACHEPREFIX) and a warm compiled-pattern cache,
as a user's second run has them; the first run after an install pays ~150 ms more once.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from bench_batch import build_archive  # noqa: E402
from bench_pdf import bare_pdfium, best_of, build_pdf  # noqa: E402

ROOT = BENCH.parent
FIXTURES = ROOT / "fixtures"
SEED = FIXTURES / "003_f9388b16bac5857a.txt"

# The phases of one `referat parse SEED -o DIR`, timed in a fresh process (CPU seconds).
PHASES = r"""
import json, sys, time
clock = time.process_time
marks = [("interpreter", clock())]
import typer
marks.append(("import typer", clock()))
import referat_parser.cli
marks.append(("import the CLI module", clock()))
import pydantic.main
marks.append(("import pydantic", clock()))
from referat_parser import api, models
marks.append(("import the parser modules", clock()))
models.Meeting.model_rebuild()
marks.append(("build the pydantic validators", clock()))
from referat_parser.lexicon import data, patterns
data.headings(); patterns.date; patterns.outcome
marks.append(("vocabularies and first patterns", clock()))
meeting = api.parse_file(sys.argv[1])
marks.append(("first parse (rest of the patterns, lazy tables)", clock()))
text = meeting.to_json()
marks.append(("JSON", clock()))
api.parse_file(sys.argv[1])
marks.append(("(a second parse of the same file, for comparison)", clock()))
print(json.dumps([(name, end - start) for (_, start), (name, end) in zip(marks, marks[1:])]))
"""


def referat_command() -> list[str]:
    beside = Path(sys.executable).with_name("referat")
    return [str(beside)] if beside.exists() else [sys.executable, "-m", "referat_parser"]


def process(args: list[str], repeat: int) -> tuple[float, float]:
    """Median (wall, CPU) seconds of ``args`` as a fresh process."""
    walls, cpus = [], []
    for _ in range(repeat):
        before = children_cpu()
        start = time.perf_counter()
        subprocess.run(args, check=True, capture_output=True)
        walls.append(time.perf_counter() - start)
        cpus.append(children_cpu() - before)
    return statistics.median(walls), statistics.median(cpus)


def children_cpu() -> float:
    """CPU seconds of finished child processes, to the microsecond (os.times counts 10 ms ticks)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def row(name: str, figure: str, goal: str = "") -> None:
    print(f"  {name:<52} {figure:>22}  {goal}")


def startup(repeat: int, out: Path) -> None:
    print(f"1. start-up, whole process (median of {repeat}; wall / CPU)")
    py = sys.executable
    subprocess.run([*referat_command(), "parse", str(SEED), "-o", str(out), "--force", "--quiet"], check=True)  # warm
    cases = [
        ("python -c pass", [py, "-c", "pass"], ""),
        ("import typer", [py, "-c", "import typer"], ""),
        ("import pydantic (BaseModel)", [py, "-c", "from pydantic import BaseModel"], ""),
        ("import typer + pydantic", [py, "-c", "import typer; from pydantic import BaseModel"], ""),
        ("the same command line, parsing nothing: the floor", [py, str(BENCH / "floor_command.py"), str(SEED),
                                                                 "-o", str(out), "--force", "--quiet"], ""),
        ("referat --help", [*referat_command(), "--help"], "goal <= 80 ms"),
        (f"referat parse {SEED.name} -o DIR",
         [*referat_command(), "parse", str(SEED), "-o", str(out), "--force", "--quiet"], "goal <= 150 ms"),
    ]
    for name, args, goal in cases:
        wall, cpu = process(args, repeat)
        row(name, f"{1000 * wall:5.0f} / {1000 * cpu:4.0f} ms", goal)
    runs = [json.loads(subprocess.run([py, "-c", PHASES, str(SEED)], check=True, capture_output=True,
                                      text=True).stdout) for _ in range(repeat)]
    print("   where `referat parse SEED` spends its CPU (median of the phases, fresh processes):")
    for index, (name, _) in enumerate(runs[0]):
        row("  " + name, f"{1000 * statistics.median(run[index][1] for run in runs):5.1f} ms")


def small_documents(size: int = 2048) -> list[str]:
    """The seeds cut at line ends into documents of about ``size`` bytes."""
    documents = []
    for path in sorted(FIXTURES.glob("*.txt")):
        part: list[str] = []
        length = 0
        for line in path.read_text(encoding="utf-8").splitlines():
            part.append(line)
            length += len(line.encode()) + 1
            if length >= size:
                documents.append("\n".join(part))
                part, length = [], 0
    return documents


def text(megabytes: float) -> None:
    from referat_parser import parse_text
    from referat_parser.lexicon.data import headings

    seeds = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt")))
    body = "\n\n".join([seeds] * max(1, int(megabytes * 2**20 / len(seeds.encode()))))
    size = len(body.encode()) / 2**20
    names = sorted(headings().exact, key=len, reverse=True)[:40]
    scan = re.compile(r"^(?:" + "|".join(map(re.escape, names)) + r")\s*:?\s*$", re.IGNORECASE | re.MULTILINE)
    parse_text(body[:50_000])  # warm: vocabularies, patterns, validators
    _, bare = best_of(lambda: sum(1 for _ in scan.finditer(body)), 3)
    _, full = best_of(lambda: parse_text(body), 3)  # best of 3: CPU time on a shared machine still drifts
    print(f"2. text ({size:.1f} MB of seeds; CPU)")
    row("bare 40-name heading-regex scan", f"{size / bare:6.1f} MB/s")
    row("parse_text, whole pipeline", f"{size / full:6.2f} MB/s", f"goal >= 5 MB/s ({100 * bare / full:.1f} % of the scan)")
    documents = small_documents()
    _, spent = best_of(lambda: [parse_text(d) for d in documents], 3)
    mean_kb = statistics.mean(len(d.encode()) for d in documents) / 1024
    per_document = spent / len(documents)
    fixed = per_document - mean_kb / 1024 / (size / full)
    row(f"one {mean_kb:.1f} kB document ({len(documents)} different ones)", f"{1000 * per_document:6.2f} ms")
    row("  of which fixed (beyond the per-byte cost)", f"{1000 * fixed:6.2f} ms", "goal <= 1 ms")


def pdf(pages: int, folder: Path) -> None:
    from referat_parser import parse_file

    path = build_pdf(pages, folder / "bench.pdf")
    parse_file(path)  # warm
    _, bare = best_of(lambda: bare_pdfium(path), 3)
    _, full = best_of(lambda: parse_file(path), 3)
    print(f"3. PDF ({pages} pages; CPU, best of 3)")
    row("bare pypdfium2 get_text_range", f"{pages / bare:6.0f} pages/s")
    row("parse_file, whole pipeline", f"{pages / full:6.0f} pages/s",
        f"goal >= 300 pages/s and <= 3x bare ({full / bare:.1f}x)")


def archive(files: int, folder: Path, repeat: int) -> None:
    """First runs (each into a new folder) and unchanged re-runs, alternated with the floor command on
    the same arguments, so that a drift of the machine's speed moves all three alike."""
    count, size = build_archive(folder / "archive", files)
    firsts = []
    for index in range(3):
        command = [*referat_command(), "parse", str(folder / "archive"), "-o", str(folder / f"out{index}"), "--quiet"]
        start = time.perf_counter()
        subprocess.run(command, check=False, capture_output=True)
        firsts.append(time.perf_counter() - start)
    floor = [sys.executable, str(BENCH / "floor_command.py"), *command[len(referat_command()) + 1:]]
    again, floors = [], []
    for _ in range(3 * repeat):
        again.append(process(command, 1)[0])
        floors.append(process(floor, 1)[0])
    first, rerun, base = (statistics.median(runs) for runs in (firsts, again, floors))
    print(f"4. archive ({count} documents, {size / 1e6:.1f} MB; wall; median of 3 first runs, "
          f"of {3 * repeat} re-runs and floors alternated)")
    row("first run", f"{first:6.2f} s", f"({', '.join(f'{t:.2f}' for t in firsts)})")
    row("unchanged re-run", f"{rerun:6.3f} s", f"goal <= 5 % of the first ({100 * rerun / first:.1f} %)")
    row("the floor, the same arguments", f"{base:6.3f} s", f"({100 * base / first:.1f} % of the first run)")
    # The floor imports pydantic; a re-run with nothing to parse builds no model and need not.
    row("the re-run minus the floor", f"{1000 * (rerun - base):+6.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="3 repeats, no archive")
    parser.add_argument("--repeat", type=int, default=7, help="runs of each whole-process measure")
    parser.add_argument("--files", type=int, default=600, help="documents in the archive")
    parser.add_argument("--archive-only", action="store_true", help="only the archive (4.)")
    args = parser.parse_args()
    repeat = 3 if args.quick else args.repeat
    print(f"python {sys.version.split()[0]}, load {os.getloadavg()[0]:.1f}, {time.strftime('%Y-%m-%d %H:%M')}")
    with tempfile.TemporaryDirectory(prefix="referat-speed-") as tmp:
        folder = Path(tmp)
        if not args.archive_only:
            startup(repeat, folder / "one")
            text(2.0)
            pdf(200, folder)
        if not args.quick or args.archive_only:
            archive(args.files, folder, repeat)
    print(f"load after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
