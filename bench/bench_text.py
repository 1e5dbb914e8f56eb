"""Text parsing throughput and start-up time (a script, not a test).

    python bench/bench_text.py            # ~10 MB concatenation of the seed fixtures
    python bench/bench_text.py --mb 40
    python bench/bench_text.py --small    # fixed cost: ms per small (~2 kB) document after warm-up

Reports, in one run on the same text:
- MB/s of ``parse_text`` (the whole pipeline: clean, segment, extract, pydantic model);
- MB/s of a bare scan of the same text with a 40-name heading regex, the ceiling we compare to;
- with ``--small``, instead: ms per ~2 kB document, parsing many different slices of the seeds (cut
  at paragraph boundaries) after warm-up, which is the fixed cost a document pays whatever its size;
- whole-process wall time of ``referat --help`` and of ``referat parse`` on one seed (median of 5).
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"


def corpus(megabytes: float) -> str:
    seeds = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))]
    unit = "\n\n".join(seeds)
    copies = max(1, int(megabytes * 1024 * 1024 / len(unit.encode("utf-8"))))
    return "\n\n".join([unit] * copies)


def small_documents(size: int = 2048) -> list[str]:
    """Slices of at most about ``size`` characters of every seed, cut at blank lines, each seed's slices starting
    at several offsets so that no two documents are alike."""
    docs = []
    for path in sorted(FIXTURES.glob("*.txt")):
        paragraphs = path.read_text(encoding="utf-8").split("\n\n")
        for offset in range(4):
            current: list[str] = []
            length = 0
            for paragraph in paragraphs[offset:]:
                if current and length + len(paragraph) > size:
                    docs.append("\n\n".join(current))
                    current, length = [], 0
                current.append(paragraph)
                length += len(paragraph) + 2
    return docs


def small(repeat: int) -> None:
    from referat_parser import parse_text

    docs = small_documents()
    for doc in docs:  # warm-up: every pattern and vocabulary these documents need
        parse_text(doc)
    rounds = []
    for _ in range(repeat):
        start = time.perf_counter()
        for doc in docs:
            parse_text(doc)
        rounds.append((time.perf_counter() - start) / len(docs))
    chars = sum(map(len, docs)) / len(docs)
    print(f"{len(docs)} documents of {chars:,.0f} characters on average, {repeat} rounds")
    print(f"parse_text per document: {1000 * min(rounds):6.2f} ms best, {1000 * statistics.median(rounds):6.2f} ms median")


def heading_regex() -> re.Pattern[str]:
    from referat_parser.lexicon.data import headings

    names = sorted(headings().exact, key=len, reverse=True)[:40]
    return re.compile(r"^(?:" + "|".join(map(re.escape, names)) + r")\s*:?\s*$", re.IGNORECASE | re.MULTILINE)


def timed(func, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        best = min(best, time.perf_counter() - start)
    return best


def process_time(args: list[str], repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(args, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mb", type=float, default=10.0, help="size of the concatenated input in MB")
    parser.add_argument("--small", action="store_true", help="report ms per small (~2 kB) document instead")
    parser.add_argument("--rounds", type=int, default=5, help="rounds over the small documents (--small)")
    args = parser.parse_args()
    if args.small:
        small(args.rounds)
        return

    from referat_parser import parse_text

    text = corpus(args.mb)
    size = len(text.encode("utf-8")) / 1024 / 1024
    parse_text(text[:50000])  # warm caches (vocabularies, compiled patterns)

    regex = heading_regex()
    scan = timed(lambda: sum(1 for _ in regex.finditer(text)))
    parse = timed(lambda: parse_text(text), repeat=1)
    print(f"input: {size:.1f} MB ({len(text.splitlines()):,} lines)")
    print(f"bare heading-regex scan: {size / scan:8.1f} MB/s")
    print(f"parse_text (pipeline):   {size / parse:8.1f} MB/s  ({100 * scan / parse:.1f} % of the scan)")

    # The console script installed beside this interpreter: a version manager's shim on PATH (pyenv)
    # would add its own start-up to every figure.
    beside = Path(sys.executable).with_name("referat")
    referat = [str(beside) if beside.exists() else shutil.which("referat") or "referat"]
    seed = str(FIXTURES / "003_f9388b16bac5857a.txt")
    print(f"python -c pass:          {1000 * process_time([sys.executable, '-c', 'pass']):6.0f} ms")
    print(f"referat --help:          {1000 * process_time([*referat, '--help']):6.0f} ms")
    print(f"referat parse one seed:  {1000 * process_time([*referat, 'parse', seed]):6.0f} ms")


if __name__ == "__main__":
    main()
