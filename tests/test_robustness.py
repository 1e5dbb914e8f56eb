"""Bad and awkward files through the public API: each gives one ReferatError naming the file and
the problem with a stable code; huge and pathological inputs parse in linear time (issue 6)."""

from __future__ import annotations

import gc
import multiprocessing
import os
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from referat_parser import ParseOptions, ReferatError, parse_bytes, parse_file, parse_text
from referat_parser.errors import CODES

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SEED = "\n".join(p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))) + "\n"
SLOW = os.environ.get("REFERAT_SLOW_TESTS") == "1"
# Sizes of the linear-time checks: SMALL and 4 * SMALL characters, each case within TIMEOUT.
SMALL = 25_000
TIMEOUT = 20.0


def parse_error(path: Path, options: ParseOptions | None = None) -> ReferatError:
    with pytest.raises(ReferatError) as info:
        parse_file(path, options=options or ParseOptions())
    error = info.value
    assert error.code in CODES
    assert error.path == str(path)
    assert str(error) == f"{path}: {error.message}"
    assert "\n" not in str(error)
    return error


# --- files that cannot be read --------------------------------------------------------------

def test_missing_file(tmp_path: Path):
    assert parse_error(tmp_path / "nope.txt").code == "not_found"


def test_directory_instead_of_file(tmp_path: Path):
    assert parse_error(tmp_path).code == "is_directory"


def test_symlink_loop(tmp_path: Path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.symlink_to(b)
    b.symlink_to(a)
    assert parse_error(a).code == "unreadable"


def test_dangling_symlink(tmp_path: Path):
    link = tmp_path / "gone.txt"
    link.symlink_to(tmp_path / "missing.txt")
    assert parse_error(link).code == "not_found"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file(tmp_path: Path):
    path = tmp_path / "secret.txt"
    path.write_text("Beslutning\nGodkendt.\n", encoding="utf-8")
    path.chmod(0)
    try:
        assert parse_error(path).code == "permission_denied"
    finally:
        path.chmod(0o644)


@pytest.mark.parametrize("name,data,code", [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"\n \r\n\t\n", "empty"),
    ("blank.pdf", b"   \n", "empty"),
    ("garbage.txt", bytes(range(256)) * 8, "binary"),
    ("word.txt", b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 64, "binary"),
])
def test_bad_content_names_the_file(tmp_path: Path, name, data, code):
    path = tmp_path / name
    path.write_bytes(data)
    assert parse_error(path).code == code


def test_parse_bytes_names_the_path():
    with pytest.raises(ReferatError) as info:
        parse_bytes(b"", path="upload/x.txt")
    assert str(info.value) == "upload/x.txt: file is empty"


# --- limits ---------------------------------------------------------------------------------

def test_max_bytes_rejects_a_larger_file(tmp_path: Path):
    path = tmp_path / "big.txt"
    path.write_bytes(SEED.encode("utf-8"))
    size = path.stat().st_size
    error = parse_error(path, ParseOptions(max_bytes=size - 1))
    assert error.code == "too_large"
    assert f"{size:,}" in error.message and f"{size - 1:,}" in error.message


def test_max_bytes_accepts_a_file_at_the_limit(tmp_path: Path):
    path = tmp_path / "big.txt"
    path.write_bytes(SEED.encode("utf-8"))
    meeting = parse_file(path, options=ParseOptions(max_bytes=path.stat().st_size))
    assert meeting.source.size == path.stat().st_size


def test_max_bytes_none_means_no_limit(tmp_path: Path):
    path = tmp_path / "big.txt"
    path.write_bytes(SEED.encode("utf-8"))
    assert parse_file(path, options=ParseOptions(max_bytes=None)).source.format == "text"


def test_max_pages_rejects_a_longer_pdf(tmp_path: Path):
    pytest.importorskip("referat_parser.read.pdf", reason="the PDF reader has not landed yet")
    canvas = pytest.importorskip("reportlab.pdfgen.canvas")
    path = tmp_path / "three.pdf"
    c = canvas.Canvas(str(path))
    for page in range(3):
        for n, line in enumerate(SEED.splitlines()[page * 40:(page + 1) * 40]):
            c.drawString(40, 800 - 14 * n, line[:90])
        c.showPage()
    c.save()
    error = parse_error(path, ParseOptions(max_pages=2))
    assert error.code == "too_many_pages"
    assert parse_file(path, options=ParseOptions(max_pages=3)).source.pages == 3


def test_default_limits_are_set():
    options = ParseOptions()
    assert options.max_bytes is not None and options.max_bytes >= 40 * 1024 * 1024
    assert options.max_pages is not None


# --- huge and pathological inputs: linear time, bounded memory ------------------------------

def best_time(func: Callable[[], object], repeat: int = 2) -> float:
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


def peak_mib(func: Callable[[], object]) -> float:
    gc.collect()
    tracemalloc.start()
    try:
        func()
        return tracemalloc.get_traced_memory()[1] / (1024 * 1024)
    finally:
        tracemalloc.stop()


def grow(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


# Inputs that make a backtracking regex or a quadratic loop show itself. Each is a pattern
# repeated to the size; ``\n`` is added at the end only.
PATHOLOGICAL: dict[str, str] = {
    "fixtures": SEED,
    "one-line-fixtures": " ".join(SEED.split()) + " ",
    "letters-no-space": "abcdefghijklmnopqrstuvwxyzæøå",
    "words-no-punctuation": "abc def ",
    "names-no-punctuation": "Anders Andersen ",
    "spaces": " ",
    "blank-lines": "\n",
    "space-lines": " \t \n",
    "digits-and-dots": "1.2.3.4.5.6.7.8.9.",
    "numbered-items": "1. Godkendelse af dagsorden\n",
    "heading-words": "Beslutning Indstilling Sagsfremstilling Bilag ",
    "heading-lines": "Beslutning\n",
    "colon-heavy": "Beslutning: Godkendt: ",
    "dashes": "- - – — ",
    "hyphen-line-ends": "Beskæftigelses-\n",
    "dates": "den 15. januar 2024 kl. 16.00 ",
    "names-parties": "Anders Andersen (A), Bent Bentsen (V) og ",
    "votes": "For stemte 5 (A, V), imod stemte 2 (O), ",
    "case-numbers": "Sagsnr. 00.01.00-A00-1-24 ",
    "brackets": "((((([[[[[",
    "quotes": "\"“”'’«»",
    "upper-case": "ØKONOMIUDVALGET TEMA 1 ",
    "punctuation": ".,;:!?",
}


def in_child(func: Callable[[], Any], timeout: float) -> Any:
    """``func()`` run in a forked process; None when it takes longer than ``timeout`` (a quadratic
    regex must fail the test, not hang the suite)."""
    ctx = multiprocessing.get_context("fork")
    receive, send = ctx.Pipe(duplex=False)

    def target() -> None:
        send.send(func())
        send.close()

    child = ctx.Process(target=target, daemon=True)
    child.start()
    send.close()
    try:
        return receive.recv() if receive.poll(timeout) else None
    finally:
        if child.is_alive():
            child.kill()
        child.join()


def parse_or_empty(text: str) -> None:
    try:
        parse_text(text)
    except ReferatError as exc:  # blank-only inputs are rejected; that is fine here
        assert exc.code == "empty"


@pytest.mark.parametrize("name", list(PATHOLOGICAL))
def test_parse_time_is_linear(name):
    """Four times the input must take well under sixteen times as long (quadratic would)."""
    unit = PATHOLOGICAL[name]
    size = len(unit) if len(unit) > SMALL else SMALL  # whole documents, not a prefix of one
    small, large = grow(unit, size) + "\n", grow(unit, 4 * size) + "\n"
    times = in_child(lambda: [best_time(lambda t=t: parse_or_empty(t)) for t in (small, large)], TIMEOUT)
    assert times is not None, f"{name}: {4 * size // 1000} kB did not parse within {TIMEOUT:.0f}s"
    t_small, t_large = times
    # Linear: about 4x. Allow noise and fixed costs; quadratic would be about 16x.
    assert t_large <= max(8 * t_small, 0.05), f"{name}: {t_small:.3f}s -> {t_large:.3f}s for 4x the input"


def test_two_megabyte_line_parses_quickly_in_bounded_memory():
    text = grow(" ".join(SEED.split()) + " ", 2 * 1024 * 1024) + "\n"
    assert "\n" not in text[:-1]
    result = in_child(lambda: (best_time(lambda: parse_text(text), repeat=1), peak_mib(lambda: parse_text(text))),
                      timeout=60)
    assert result is not None, "a 2 MB line did not parse within 60s"
    seconds, peak = result
    assert seconds < 20, f"{seconds:.1f}s for a 2 MB line"
    assert peak < 60 * 2, f"peak {peak:.0f} MiB for a 2 MB line"


def test_memory_grows_linearly():
    small, large = grow(SEED, 250_000), grow(SEED, 1_000_000)
    peaks = in_child(lambda: (peak_mib(lambda: parse_text(small)), peak_mib(lambda: parse_text(large))), TIMEOUT * 3)
    assert peaks is not None, f"1 MB of fixtures did not parse within {TIMEOUT * 3:.0f}s"
    p_small, p_large = peaks
    assert p_large <= 6 * p_small + 1, f"peak {p_small:.1f} -> {p_large:.1f} MiB for 4x the input"


@pytest.mark.skipif(not SLOW, reason="set REFERAT_SLOW_TESTS=1 to parse a 40 MB file")
def test_forty_megabyte_file(tmp_path: Path):
    path = tmp_path / "huge.txt"
    path.write_text(grow(SEED, 40 * 1024 * 1024), encoding="utf-8")
    seconds = best_time(lambda: parse_file(path), repeat=1)
    assert seconds < 300, f"{seconds:.0f}s for 40 MB"


def test_reader_is_linear_on_every_decoding_path():
    """The decoder's own paths (legacy, mixed, mojibake repair, UTF-16) on 4 MB."""
    from referat_parser.read import read_bytes

    text = grow(SEED, 1_000_000)
    mixed = b"".join(line.encode("cp1252", errors="replace") if i % 3 == 0 else line.encode()
                     for i, line in enumerate(text.splitlines(keepends=True)))
    mojibake = "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in text[:200_000].encode())
    cases = {
        "utf-8": text.encode(),
        "cp1252": text.encode("cp1252", errors="replace"),
        "mixed": mixed,
        "mojibake": (mojibake + text[200_000:]).encode(),
        "utf-16": text.encode("utf-16"),
    }
    for name, data in cases.items():
        t_small = best_time(lambda d=data: read_bytes(d[: len(d) // 4]))
        t_large = best_time(lambda d=data: read_bytes(d))
        assert t_large <= max(8 * t_small, 0.05), f"{name}: {t_small:.3f}s -> {t_large:.3f}s"
