"""How parse time and peak memory grow with input size: they should grow linearly.

    python bench/bench_scaling.py                 # 1x, 2x, 4x of 10 MB, plus a 2 MB line
    python bench/bench_scaling.py --base-mb 2     # quicker
    python bench/bench_scaling.py --pathological  # also the adversarial inputs of tests/data/pathological.toml

Inputs are built by concatenating fixtures/*.txt until the size is reached. Time is measured
without tracemalloc (it slows allocation-heavy code down several times); peak memory is
measured in a second run with it. The "per MB" and "peak/size" columns make linear growth
visible: they stay flat. CPU time is reported beside wall time because a shared machine makes
wall time noisy.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
import tomllib
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from referat_parser import ReferatError, parse_text

ROOT = Path(__file__).resolve().parent.parent
MB = 1024 * 1024


def corpus() -> str:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures").glob("*.txt"))]
    if not texts:
        sys.exit("no fixtures/*.txt to build inputs from")
    return "\n".join(texts) + "\n"


def grow(seed: str, size: int) -> str:
    """``seed`` repeated (whole documents, as a batch concatenation would be) to ``size`` bytes."""
    seed_bytes = len(seed.encode("utf-8"))
    text = seed * (size // seed_bytes + 1)
    # Cut on a line boundary near the target so every input ends cleanly.
    cut = text.rfind("\n", 0, int(size * len(seed) / seed_bytes))
    return text[: cut + 1]


def single_line(seed: str, size: int) -> str:
    """The fixtures as one line of ``size`` bytes (a file whose line breaks were lost)."""
    flat = " ".join(seed.split()) + " "
    text = flat * (size // len(flat.encode("utf-8")) + 1)
    return text.encode("utf-8")[:size].decode("utf-8", errors="ignore").rstrip() + "\n"


def measure(text: str, parse: Callable[[str], object] = parse_text) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds, peak MiB of Python allocations) for one parse of ``text``.
    CPU time is the steadier figure on a shared machine."""
    gc.collect()
    start, cpu = time.perf_counter(), time.process_time()
    parse(text)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    gc.collect()
    tracemalloc.start()
    try:
        parse(text)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return seconds, cpu, peak / MB


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base-mb", type=float, default=10.0, help="size of the 1x input in MB (default 10)")
    parser.add_argument("--line-mb", type=float, default=2.0, help="size of the single-line input in MB (default 2)")
    parser.add_argument("--pathological", action="store_true",
                        help="also time each adversarial input of tests/data/pathological.toml at 100 kB and 400 kB")
    args = parser.parse_args(argv)

    seed = corpus()
    cases: list[tuple[str, Callable[[], str]]] = []
    for factor in (1, 2, 4):
        cases.append((f"{factor}x fixtures", lambda f=factor: grow(seed, int(args.base_mb * f * MB))))
    for factor in (1, 2):
        cases.append((f"{factor}x one line", lambda f=factor: single_line(seed, int(args.line_mb * f * MB))))

    # Rows are printed as they are measured: the large cases take minutes.
    print(f"{'input':<14} {'size MB':>8} {'wall s':>8} {'CPU s':>8} {'CPU s/MB':>9} {'peak MiB':>9} {'peak/size':>10}",
          flush=True)
    for name, build in cases:
        text = build()
        mb = len(text.encode("utf-8")) / MB
        seconds, cpu, peak = measure(text)
        del text
        print(f"{name:<14} {mb:8.1f} {seconds:8.2f} {cpu:8.2f} {cpu / mb:9.3f} {peak:9.1f} {peak / mb:10.1f}",
              flush=True)
    if args.pathological:
        pathological()


def pathological(size: int = 100_000) -> None:
    """CPU time of each adversarial input of tests/data/pathological.toml (a unit repeated, after
    the document's head if it has one) at 1x and 4x ``size``: the ratio stays near 4."""
    with (ROOT / "tests" / "data" / "pathological.toml").open("rb") as handle:
        table = tomllib.load(handle)
    inputs: dict[str, tuple[str, str]] = {name: ("", unit) for name, unit in table["units"].items()}
    inputs.update({name: (doc["head"], doc["unit"]) for name, doc in table.get("documents", {}).items()})
    print(f"\n{'pathological input':<26} {'CPU s 1x':>9} {'CPU s 4x':>9} {'ratio':>6}", flush=True)
    for name, (head, unit) in inputs.items():
        cpu = []
        for factor in (1, 4):
            text = head + (unit * (factor * size // len(unit) + 1))[: factor * size] + "\n"
            start = time.process_time()
            try:
                parse_text(text)
            except ReferatError:  # blank-only inputs are rejected, quickly
                pass
            except RecursionError:
                print(f"{name:<26} RecursionError at {factor}x", flush=True)
                break
            cpu.append(time.process_time() - start)
        else:
            ratio = cpu[1] / cpu[0] if cpu[0] > 0.001 else float("nan")
            print(f"{name:<26} {cpu[0]:9.3f} {cpu[1]:9.3f} {ratio:6.1f}", flush=True)


if __name__ == "__main__":
    main()
