"""Reader and pipeline throughput for each input format, side by side (a script, not a test).

    python bench/bench_formats.py              # the seeds as text, HTML, Word and PDF, ~3 MB each
    python bench/bench_formats.py --mb 10
    python bench/bench_formats.py --page FILE  # also one large saved page of your own (not committed)

The same five meetings (fixtures/*.txt and their HTML, Word and PDF renderings in fixtures/) are
read again and again until about ``--mb`` megabytes of each format have been read. Per format:

- input MB/s of the reader alone (``read_bytes``: bytes -> lines) and of the whole pipeline
  (``parse_bytes``: reader + clean, segment, extract, pydantic model), in CPU seconds of this process;
- the text the reader gives per second (MB of line text), which compares formats whose files are
  of different sizes for the same meeting;
- for HTML and Word, the bare parser's ceiling: lexbor building the DOM, and zipfile + ElementTree
  unpacking and parsing the document part, without any walk.
"""

from __future__ import annotations

import argparse
import io
import time
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
FORMATS = {"text": ("*.txt", FIXTURES), "html": ("*.html", FIXTURES / "html"),
           "docx": ("*.docx", FIXTURES / "docx"), "pdf": ("*.pdf", FIXTURES / "pdf")}


def files(kind: str) -> list[bytes]:
    pattern, folder = FORMATS[kind]
    return [path.read_bytes() for path in sorted(folder.glob(pattern))]


def cpu(func: Callable[[], object], repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        func()
        best = min(best, time.process_time() - start)
    return best


def rounds(data: list[bytes], megabytes: float) -> int:
    return max(1, round(megabytes * 1024 * 1024 / sum(len(d) for d in data)))


def bare_html(data: bytes) -> None:
    from selectolax.lexbor import LexborHTMLParser

    LexborHTMLParser(data.decode("utf-8", errors="replace"))


def bare_docx(data: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        ET.fromstring(archive.read("word/document.xml"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mb", type=float, default=3.0, help="megabytes of each format to read")
    parser.add_argument("--page", type=Path, help="a large saved web page to measure as well")
    args = parser.parse_args()

    from referat_parser.api import parse_bytes
    from referat_parser.read import read_bytes

    print(f"{'format':<8} {'files':>5} {'MB read':>8} {'reader MB/s':>12} {'text MB/s':>10} "
          f"{'parse MB/s':>11} {'bare MB/s':>10}")
    for kind in FORMATS:
        data = files(kind)
        if not data:
            continue
        n = rounds(data, args.mb if kind != "pdf" else args.mb / 4)
        total = n * sum(len(d) for d in data) / 1024 / 1024
        docs = [read_bytes(d) for d in data]  # warm up: imports, vocabularies
        text_mb = n * sum(len("\n".join(line.text for line in doc.lines).encode()) for doc in docs) / 1024 / 1024
        read = cpu(lambda data=data, n=n: [read_bytes(d) for _ in range(n) for d in data])
        parse = cpu(lambda data=data, n=n: [parse_bytes(d) for _ in range(n) for d in data], repeat=1)
        bare = {"html": bare_html, "docx": bare_docx}.get(kind)
        bare_rate = ""
        if bare is not None:
            seconds = cpu(lambda data=data, n=n, bare=bare: [bare(d) for _ in range(n) for d in data])
            bare_rate = f"{total / seconds:10.1f}"
        print(f"{kind:<8} {len(data):>5} {total:8.1f} {total / read:12.1f} {text_mb / read:10.1f} "
              f"{total / parse:11.1f} {bare_rate:>10}")
    if args.page:
        data = args.page.read_bytes()
        size = len(data) / 1024 / 1024
        read = cpu(lambda: read_bytes(data))
        parse = cpu(lambda: parse_bytes(data), repeat=1)
        print(f"{args.page.name}: {size:.2f} MB, reader {size / read:.1f} MB/s, parse {size / parse:.1f} MB/s, "
              f"bare lexbor {size / cpu(lambda: bare_html(data)):.1f} MB/s")


if __name__ == "__main__":
    main()
