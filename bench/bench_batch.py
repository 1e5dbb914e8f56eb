"""Benchmark of batch conversion (a script, not a test).

    python bench/bench_batch.py                 # 2,000 documents; about 5 minutes on 2 cores
    python bench/bench_batch.py --files 400 --small 100 --no-dask
    python bench/bench_batch.py --rerun         # the `referat` command: 600 files, first run vs re-run,
                                                # and one file with -o (whole processes)

Builds an archive in a temporary folder from the fixtures: copies of fixtures/*.txt with small
edits (years, dates and case numbers changed, a line added) spread over municipality/year
folders, plus copies of fixtures/pdf/*.pdf (every tenth document) when that folder exists. Then:

1. --jobs 1 and --jobs 2 on the whole archive (files/s, MB/s, speed-up; goal >= 1.8x);
2. a re-run with nothing changed (goal <= 5% of the first run);
3. peak memory, parent + all workers, for a small and the full archive (goal: flat);
4. the same batch on a Dask LocalCluster (2 worker processes), if dask is installed.

``--rerun`` measures the command as a user runs it instead (the ``referat`` script beside this
Python, each run a fresh process): an archive of ``--rerun-files`` documents (default 600) parsed
with ``-o``, then parsed again with nothing changed (goal: at most 5% of the first run; no worker
is started), and ``referat parse FILE -o DIR`` for one seed (parsed in the command's own process).

Every measured run is a fresh Python process (so start-up, imports and the worker pool are paid
as a user pays them) that samples the RSS and CPU time of itself and all its descendants every
20 ms, and records the load average, since a shared machine makes wall-clock speed-ups noisy.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"

YEAR = re.compile(r"\b(20[012]\d)\b")
DATE = re.compile(r"\b(\d{1,2})\.(\s?)(januar|februar|marts|april|maj|juni|juli|august|september|oktober|"
                  r"november|december)\b", re.IGNORECASE)
NUMBER = re.compile(r"\b(\d{2}\.\d{2}\.\d{2}-[A-ZÆØÅ]\d{2}-)(\d+)(-\d{2})\b")


def vary(text: str, rng: random.Random, index: int) -> str:
    """A plausible other meeting: other year and days, other case numbers, one extra line."""
    year = rng.randrange(2010, 2026)
    text = YEAR.sub(str(year), text)
    text = DATE.sub(lambda m: f"{rng.randrange(1, 29)}.{m.group(2)}{m.group(3)}", text)
    text = NUMBER.sub(lambda m: f"{m.group(1)}{rng.randrange(1, 999)}{m.group(3)}", text)
    return text + f"\nBilag {index}: Notat af {rng.randrange(1, 28)}.{rng.randrange(1, 12)}.{year}\n"


def build_archive(folder: Path, count: int, seed: int = 5) -> tuple[int, int]:
    """``count`` documents under ``folder``; returns (files, bytes)."""
    rng = random.Random(seed)
    texts = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))]
    pdfs = sorted((FIXTURES / "pdf").glob("*.pdf")) if (FIXTURES / "pdf").is_dir() else []
    total = 0
    for i in range(count):
        sub = folder / f"kommune{i % 20:02d}" / str(2010 + i % 15)
        sub.mkdir(parents=True, exist_ok=True)
        if pdfs and i % 10 == 9:
            target = sub / f"referat_{i:05d}.pdf"
            shutil.copy(pdfs[i // 10 % len(pdfs)], target)
        else:
            target = sub / f"referat_{i:05d}.txt"
            target.write_text(vary(texts[i % len(texts)], rng, i), encoding="utf-8")
        total += target.stat().st_size
    return count, total


# The measured run, in a fresh process: run_batch (or referat.executors.DaskExecutor) + RSS sampler.
DRIVER = textwrap.dedent('''
    import json, os, sys, threading, time
    from pathlib import Path

    def tree_rss(root):
        children = {}
        for pid in os.listdir("/proc"):
            if pid.isdigit():
                try:
                    with open(f"/proc/{pid}/stat") as f:
                        ppid = int(f.read().rsplit(")", 1)[1].split()[1])
                    children.setdefault(ppid, []).append(int(pid))
                except (OSError, IndexError, ValueError):
                    pass
        total, todo = 0, [root]
        while todo:
            pid = todo.pop()
            todo.extend(children.get(pid, []))
            try:
                with open(f"/proc/{pid}/status") as f:
                    for line in f:
                        if line.startswith("VmRSS:"):
                            total += int(line.split()[1]) * 1024
                with open(f"/proc/{pid}/stat") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
                cpu[pid] = (int(fields[11]) + int(fields[12])) / TICKS  # utime + stime, last seen
            except (OSError, IndexError, ValueError):
                pass
        return total

    TICKS = os.sysconf("SC_CLK_TCK")
    cpu = {}

    peak = 0
    stop = threading.Event()

    def sample():
        global peak
        while not stop.is_set():
            peak = max(peak, tree_rss(os.getpid()))
            stop.wait(0.02)

    threading.Thread(target=sample, daemon=True).start()
    load_before = os.getloadavg()[0]
    started = time.perf_counter()
    archive, out, jobs, mode = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    from referat_parser.batch import BatchOptions, run_batch
    executor = None
    if mode == "dask":
        import distributed
        from referat_parser.executors import DaskExecutor
        cluster = distributed.LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                                           dashboard_address=None)
        client = distributed.Client(cluster)
        ready = time.perf_counter() - started
        executor = DaskExecutor(client, timeout=120)
    else:
        ready = 0.0
    summary = run_batch([Path(archive)], Path(out), BatchOptions(jobs=jobs, timeout=120), executor=executor)
    seconds = time.perf_counter() - started
    if mode == "dask":
        executor.close(); client.close(); cluster.close()
    stop.set()
    import resource
    self_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    child_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    print(json.dumps({"seconds": seconds, "startup": ready, "parsed": summary.parsed, "skipped": summary.skipped,
                      "failed": summary.failed, "bytes": summary.bytes, "items": summary.items,
                      "peak_tree_rss": peak, "maxrss_parent": self_rss, "maxrss_largest_child": child_rss,
                      "failures": dict(summary.failures_by_code), "cpu_seconds": sum(cpu.values()),
                      "load_before": load_before, "load_after": os.getloadavg()[0]}))
''')


def measure(archive: Path, out: Path, jobs: int, mode: str = "pool") -> dict[str, float]:
    result = subprocess.run([sys.executable, "-c", DRIVER, str(archive), str(out), str(jobs), mode],
                            capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"benchmark run failed:\n{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def mb(n: float) -> str:
    return f"{n / 1e6:.1f} MB"


def report(label: str, run: dict[str, float], files: int, size: int) -> None:
    rate = files / run["seconds"]
    print(f"{label:<34} {run['seconds']:7.1f} s  {rate:6.1f} files/s  {size / 1e6 / run['seconds']:5.2f} MB/s  "
          f"parsed {run['parsed']:.0f} skipped {run['skipped']:.0f} failed {run['failed']:.0f}  "
          f"peak RSS (parent+workers) {mb(run['peak_tree_rss'])}  CPU {run['cpu_seconds']:.1f} s  "
          f"load {run['load_before']:.1f}->{run['load_after']:.1f}", flush=True)


def command(args: list[str]) -> tuple[float, float, str]:
    """Run the ``referat`` command in a fresh process: (wall seconds, CPU seconds of it and its
    children, standard error)."""
    script = Path(sys.executable).with_name("referat")
    cmd = [str(script)] if script.exists() else [sys.executable, "-m", "referat_parser"]
    before = os.times()
    started = time.perf_counter()
    result = subprocess.run([*cmd, *args], capture_output=True, text=True, check=False)
    wall = time.perf_counter() - started
    after = os.times()
    if result.returncode not in (0, 1):
        raise SystemExit(f"referat {' '.join(args)} failed:\n{result.stderr}")
    return wall, (after.children_user - before.children_user) + (after.children_system - before.children_system), \
        result.stderr


def rerun(files: int, jobs: int, repeats: int) -> None:
    """The command's first run and unchanged re-run on ``files`` documents, and one file with -o."""
    with tempfile.TemporaryDirectory(prefix="referat-bench-") as tmp:
        work = Path(tmp)
        count, size = build_archive(work / "archive", files)
        print(f"archive: {count} documents, {mb(size)}; --jobs {jobs}; load {os.getloadavg()[0]:.1f}")
        # Workers are children of the fork server, not of the command, so the first run's CPU time
        # is not visible here: it is reported by wall time only.
        first = command(["parse", str(work / "archive"), "-o", str(work / "out"), "--jobs", str(jobs), "--quiet"])
        print(f"first run          {first[0]:7.2f} s wall  {count / first[0]:6.1f} files/s")
        again = [command(["parse", str(work / "archive"), "-o", str(work / "out"), "--jobs", str(jobs)])
                 for _ in range(repeats)]
        assert all(f"{count} unchanged" in run[2] for run in again), again[0][2]
        median = sorted(again)[len(again) // 2]
        print(f"re-run, unchanged  {median[0]:7.2f} s wall  {median[1]:6.2f} s CPU  (median of {repeats}: "
              f"{', '.join(f'{r[0]:.2f}' for r in again)} s; no worker started, everything in one process)")
        print(f"re-run / first run: {100 * median[0] / first[0]:.1f}% of the wall time (goal <= 5%)")
        seed = sorted(FIXTURES.glob("*.txt"))[0]
        single = sorted(command(["parse", str(seed), "-o", str(work / "one"), "--force", "--quiet"])
                        for _ in range(repeats))
        print(f"referat parse {seed.name} -o DIR: median {single[len(single) // 2][0] * 1000:.0f} ms wall, "
              f"{single[len(single) // 2][1] * 1000:.0f} ms CPU ({repeats} runs; whole process, parsed in-process)")
        print(f"load after: {os.getloadavg()[0]:.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--small", type=int, default=500)
    parser.add_argument("--no-dask", action="store_true")
    parser.add_argument("--only-speedup", action="store_true", help="only --jobs 1 vs --jobs 2")
    parser.add_argument("--rerun", action="store_true", help="the referat command: first run vs unchanged re-run")
    parser.add_argument("--rerun-files", type=int, default=600)
    parser.add_argument("--jobs", type=int, default=2, help="workers for --rerun (default 2)")
    parser.add_argument("--repeats", type=int, default=5, help="runs of each fast measurement in --rerun")
    args = parser.parse_args()

    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, {time.strftime('%Y-%m-%d %H:%M')}")
    if args.rerun:
        rerun(args.rerun_files, args.jobs, args.repeats)
        return
    with tempfile.TemporaryDirectory(prefix="referat-bench-") as tmp:
        work = Path(tmp)
        archive, small = work / "archive", work / "small"
        files, size = build_archive(archive, args.files)
        small_files, small_size = build_archive(small, args.small)
        pdfs = len(list(archive.rglob("*.pdf")))
        print(f"archive: {files} documents ({pdfs} PDF), {mb(size)}; small archive: {small_files} documents")

        one = measure(archive, work / "out1", 1)
        report("--jobs 1", one, files, size)
        two = measure(archive, work / "out2", 2)
        report("--jobs 2", two, files, size)
        print(f"speed-up --jobs 2 / --jobs 1: {one['seconds'] / two['seconds']:.2f}x (goal >= 1.8x); "
              f"CPU seconds {one['cpu_seconds']:.0f} vs {two['cpu_seconds']:.0f} (other load on the machine "
              "shows as a load average above the jobs)")
        if args.only_speedup:
            return
        again = measure(archive, work / "out2", 2)
        report("re-run, nothing changed", again, files, size)
        print(f"re-run / first run: {100 * again['seconds'] / two['seconds']:.1f}% (goal <= 5%)")
        mem_small = measure(small, work / "out_small", 2)
        report(f"--jobs 2, {small_files} files", mem_small, small_files, small_size)
        print(f"peak RSS parent+workers: {mb(mem_small['peak_tree_rss'])} for {small_files} files, "
              f"{mb(two['peak_tree_rss'])} for {files} files (goal: flat); parent alone (ru_maxrss) "
              f"{mb(mem_small['maxrss_parent'])} vs {mb(two['maxrss_parent'])}")
        if one["failures"] or two["failures"]:
            print(f"failures by code: {two['failures']}")
        if not args.no_dask:
            try:
                import distributed  # noqa: F401
            except ImportError:
                print('dask: not installed (pip install "referat[dask]"); skipped')
            else:
                dask = measure(archive, work / "out_dask", 2, "dask")
                report("dask LocalCluster, 2 workers", dask, files, size)
                per_task = (dask["seconds"] - dask["startup"] - two["seconds"]) / files * 1000
                print(f"dask cluster start-up {dask['startup']:.2f} s; extra per task vs the process pool "
                      f"{per_task:.2f} ms")


if __name__ == "__main__":
    main()
