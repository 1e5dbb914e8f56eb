"""Benchmark the PDF reader on a 200-page A4 minutes PDF (a script, not a test).

    python bench/bench_pdf.py                 # build the PDF, time everything, print a table
    python bench/bench_pdf.py --pages 400     # another size
    python bench/bench_pdf.py --skip-plumber  # without the slow pdfplumber baseline

The PDF repeats the pages of the committed fixture PDFs (fixtures/pdf/) until it has the wanted
number of pages. Reported, on one core, in one run:

* ``parse_file`` with the default backend (read + clean + segment + extract), pages/s,
* the reader alone (``read_pdf_bytes``), pypdfium2 and pdfplumber backends,
* bare pypdfium2 text extraction (``get_textpage().get_text_range()`` per page),
* bare pdfplumber ``extract_text`` per page (closing each page),
* peak memory of ``parse_file`` at 50 and at the full page count, both backends, each in a
  fresh process (peak RSS from getrusage, and the Python-heap peak from tracemalloc).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures" / "pdf"


def build_pdf(pages: int, target: Path) -> Path:
    """A PDF of ``pages`` pages made by repeating the fixture PDFs' pages."""
    import pypdfium2 as pdfium

    sources = [pdfium.PdfDocument(path) for path in sorted(FIXTURES.glob("*.pdf"))]
    out = pdfium.PdfDocument.new()
    while len(out) < pages:
        for src in sources:
            take = min(len(src), pages - len(out))
            if take <= 0:
                break
            out.import_pages(src, list(range(take)))
    with target.open("wb") as fh:
        out.save(fh)
    for src in sources:
        src.close()
    out.close()
    return target


def best_of(fn: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Best (wall, CPU) seconds of ``repeat`` runs. CPU time is the fairer figure on a shared
    machine: it leaves out the time spent waiting for a core."""
    walls, cpus = [], []
    for _ in range(repeat):
        start, cpu = time.perf_counter(), time.process_time()
        fn()
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    return min(walls), min(cpus)


def bare_pdfium(path: Path) -> None:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(path)
    for i in range(len(pdf)):
        page = pdf[i]
        textpage = page.get_textpage()
        textpage.get_text_range()
        textpage.close()
        page.close()
    pdf.close()


def bare_plumber(path: Path) -> None:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.close()


def child(path: Path, backend: str) -> None:
    """Run in a fresh process: parse once and print peak memory as JSON."""
    from referat_parser.api import ParseOptions, parse_file

    tracemalloc.start()
    meeting = parse_file(path, options=ParseOptions(pdf_backend=backend))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"pages": meeting.source.pages, "rss_mb": rss_kb / 1024, "py_peak_mb": peak / 2**20}))


def memory(path: Path, backend: str) -> dict[str, float]:
    out = subprocess.run([sys.executable, __file__, "--child", str(path), "--backend", backend],
                         check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--skip-plumber", action="store_true")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--backend", default="pypdfium2", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.backend)
        return

    from referat_parser.api import ParseOptions, parse_file
    from referat_parser.read.pdf import read_pdf_bytes

    with tempfile.TemporaryDirectory() as tmp:
        big = build_pdf(args.pages, Path(tmp) / f"minutes_{args.pages}.pdf")
        small = build_pdf(50, Path(tmp) / "minutes_50.pdf")
        data = big.read_bytes()
        n = args.pages
        print(f"{n}-page PDF, {len(data) / 2**20:.1f} MB; best of {args.repeat}; one core\n")
        rows: list[tuple[str, tuple[float, float]]] = []
        rows.append(("parse_file (default: pypdfium2)", best_of(lambda: parse_file(big), args.repeat)))
        rows.append(("read_pdf_bytes (pypdfium2)", best_of(lambda: read_pdf_bytes(data), args.repeat)))
        rows.append(("bare pypdfium2 get_text_range", best_of(lambda: bare_pdfium(big), args.repeat)))
        if not args.skip_plumber:
            rows.append(("bare pdfplumber extract_text", best_of(lambda: bare_plumber(big), 1)))
            options = ParseOptions(pdf_backend="pdfplumber")
            rows.append(("parse_file (pdfplumber backend)", best_of(lambda: parse_file(big, options=options), 1)))
        width = max(len(name) for name, _ in rows)
        print(f"{'':{width}}  {'wall s':>8}  {'pages/s':>8}  {'CPU s':>8}  {'pages/s':>8}  {'CPU ms/page':>11}")
        for name, (wall, cpu) in rows:
            print(f"{name:{width}}  {wall:8.3f}  {n / wall:8.0f}  {cpu:8.3f}  {n / cpu:8.0f}  {1000 * cpu / n:11.2f}")
        times = dict(rows)
        bare = times["bare pypdfium2 get_text_range"][1]
        print(f"\nCPU time over bare pypdfium2: parse_file {times['parse_file (default: pypdfium2)'][1] / bare:.1f}x, "
              f"reader {times['read_pdf_bytes (pypdfium2)'][1] / bare:.1f}x")
        print("\npeak memory of parse_file (fresh process each):")
        backends = ("pypdfium2",) if args.skip_plumber else ("pypdfium2", "pdfplumber")
        for backend in backends:
            for path in (small, big):
                m = memory(path, backend)
                print(f"  {backend:10s} {m['pages']:4d} pages: peak RSS {m['rss_mb']:6.1f} MB, "
                      f"Python heap peak {m['py_peak_mb']:6.1f} MB")


if __name__ == "__main__":
    main()
