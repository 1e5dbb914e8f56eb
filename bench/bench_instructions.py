"""Instructions, not seconds: the speed goals' workloads counted with valgrind (a script, not a test).

    python bench/bench_instructions.py                    # this checkout
    PYTHONPATH=<other checkout>/src python bench/bench_instructions.py   # the same for other code

On a shared machine wall and CPU time drift by tens of percent between runs; the number of
instructions a workload executes does not depend on load, so two versions of the code can be
compared minutes or days apart. Needs valgrind (callgrind) on the PATH; each count takes 5-60 s.

Whole processes count everything from the interpreter's start; the workloads inside one process
count only the measured call (callgrind is switched on around an ``eval`` of it, after a warm-up).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
SEED = ROOT / "fixtures" / "003_f9388b16bac5857a.txt"

# Run in a child process under callgrind; the measured call is the one inside eval().
WORKLOADS = {
    "small": "docs = small_documents()\nfor d in docs: parse_text(d)\neval('[parse_text(d) for d in docs]')",
    "text": ("seeds = '\\n\\n'.join(p.read_text(encoding='utf-8') for p in sorted(FIXTURES.glob('*.txt')))\n"
             "parse_text(seeds[:50000])\neval('parse_text(seeds)')"),
    "pdf": "p = build_pdf(66, Path(sys.argv[1]))\nparse_file(p)\neval('parse_file(p)')",
    "pdf_bare": "p = build_pdf(66, Path(sys.argv[1]))\nbare_pdfium(p)\neval('bare_pdfium(p)')",
}
PRELUDE = (f"import sys\nfrom pathlib import Path\nsys.path.insert(0, {str(BENCH)!r})\n"
           "from bench_speed import small_documents, FIXTURES\nfrom bench_pdf import build_pdf, bare_pdfium\n"
           "from referat_parser import parse_file, parse_text\n")


def count(args: list[str], *, toggled: bool) -> int:
    """Instructions callgrind collected running ``args`` (only inside eval() when ``toggled``)."""
    options = ["--collect-atstart=no", "--toggle-collect=builtin_eval"] if toggled else []
    done = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *options, *args],
                          capture_output=True, text=True, check=True)
    found = re.search(r"Collected : (\d+)", done.stderr)
    if found is None:
        raise SystemExit(f"valgrind printed no count for {args}")
    return int(found.group(1))


def main() -> int:
    if shutil.which("valgrind") is None:
        print("valgrind is not installed", file=sys.stderr)
        return 2
    os.environ.setdefault("PYTHONHASHSEED", "0")  # the same hash order in every run
    py = sys.executable
    referat = [py, str(Path(py).with_name("referat"))] if Path(py).with_name("referat").exists() else [py, "-m", "referat_parser"]
    with tempfile.TemporaryDirectory(prefix="referat-instructions-") as tmp:
        out = str(Path(tmp) / "out")
        parse = [*referat, "parse", str(SEED), "-o", out, "--force", "--quiet"]
        subprocess.run(parse, check=True)  # warm the bytecode and pattern caches
        sys.path.insert(0, str(BENCH))
        from bench_batch import build_archive

        archive, archive_out = Path(tmp) / "archive", str(Path(tmp) / "archive-out")
        build_archive(archive, 600)
        rerun = [*referat, "parse", str(archive), "-o", archive_out, "--quiet"]
        subprocess.run(rerun, check=False, capture_output=True)  # the first run, not counted
        rows = [
            ("referat parse SEED -o DIR (whole process)", count(parse, toggled=False)),
            ("unchanged re-run of 600 files (whole process)", count(rerun, toggled=False)),
            ("floor: parse's command line, no parsing", count([py, str(BENCH / "floor_command.py"), *parse[len(referat) + 1:]],
                                                              toggled=False)),
            ("referat --help (whole process)", count([*referat, "--help"], toggled=False)),
            ("import typer (whole process)", count([py, "-c", "import typer"], toggled=False)),
        ]
        for name, code in WORKLOADS.items():
            script = Path(tmp) / f"{name}.py"
            script.write_text(PRELUDE + code + "\n", encoding="utf-8")
            rows.append((f"{name}: the measured call", count([py, str(script), str(Path(tmp) / "bench66.pdf")], toggled=True)))
    for name, instructions in rows:
        print(f"  {name:<48} {instructions / 1e6:>10,.0f}M")
    return 0


if __name__ == "__main__":
    sys.exit(main())
