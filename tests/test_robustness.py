"""Bad and awkward files through the public API: each gives one ReferatError naming the file and
the problem with a stable code; huge and pathological inputs parse with linear work (issue 6)."""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
import tomllib
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
# Sizes of the linear-work checks: SMALL and 4 * SMALL characters.
SMALL = 25_000


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


# --- huge and pathological inputs: linear work, bounded memory ------------------------------
# No clocks here: speed is the benchmark's business (bench/bench_scaling.py prints time and memory
# at 1x, 2x and 4x). Growth is checked by counting function calls, which is deterministic: a
# quadratic loop in the parser multiplies them by about 16 for four times the input. A regex that
# backtracks catastrophically makes no extra calls; the hang guard (a child process with a budget
# a hundred times the normal cost) catches that.

HANG_GUARD = 60.0  # seconds for a few hundred kB; normal parses take well under one second


def peak_mib(func: Callable[[], object]) -> float:
    gc.collect()
    tracemalloc.start()
    try:
        func()
        return tracemalloc.get_traced_memory()[1] / (1024 * 1024)
    finally:
        tracemalloc.stop()


def call_count(func: Callable[[], object]) -> int:
    """Python and C function calls made by ``func()``: a clock-free measure of work."""
    calls = 0

    def profile(frame: object, event: str, arg: object) -> None:
        nonlocal calls
        if event in ("call", "c_call"):
            calls += 1

    sys.setprofile(profile)
    try:
        func()
    finally:
        sys.setprofile(None)
    return calls


def grow(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


with (Path(__file__).parent / "data" / "pathological.toml").open("rb") as _handle:
    _TABLE = tomllib.load(_handle)
# name -> (head, unit): the input is the head, then the unit repeated to the size under test.
PATHOLOGICAL: dict[str, tuple[str, str]] = {
    "fixtures": ("", SEED),
    "one-line-fixtures": ("", " ".join(SEED.split()) + " "),
    **{name: ("", unit) for name, unit in _TABLE["units"].items()},
    **{name: (doc["head"], doc["unit"]) for name, doc in _TABLE["documents"].items()},
}


def in_child(func: Callable[[], Any], timeout: float) -> Any:
    """``func()`` run in a forked process; None when it has not finished after ``timeout`` (a
    catastrophic regex must fail the test, not hang the suite)."""
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


def growth(func: Callable[[str], object], small: str, large: str) -> tuple[int, int] | None:
    """Call counts of ``func`` on both inputs, after one warm-up call (caches, compiled regexes)."""
    def counts() -> tuple[int, int]:
        func(small)
        return call_count(lambda: func(small)), call_count(lambda: func(large))
    return in_child(counts, HANG_GUARD)


@pytest.mark.parametrize("name", list(PATHOLOGICAL))
def test_parse_work_is_linear(name):
    """Four times the input makes at most about four times the calls (quadratic would be sixteen);
    recursion per repeated unit shows as a RecursionError in the child, and fails too."""
    head, unit = PATHOLOGICAL[name]
    size = max(len(unit), SMALL)  # whole documents, not a prefix of one
    small, large = head + grow(unit, size) + "\n", head + grow(unit, 4 * size) + "\n"
    counts = growth(parse_or_empty, small, large)
    assert counts is not None, f"{name}: {4 * size // 1000} kB did not parse within {HANG_GUARD:.0f}s"
    c_small, c_large = counts
    assert c_large <= 5 * c_small + 1000, f"{name}: {c_small} -> {c_large} calls for 4x the input"


class _CountingList(list):  # type: ignore[type-arg]
    """A list that counts the elements read through it, slices included."""

    read = 0

    def __getitem__(self, key):  # type: ignore[no-untyped-def]
        value = super().__getitem__(key)
        _CountingList.read += len(value) if isinstance(key, slice) else 1
        return value


class _CountingStr(str):
    """A string that counts the characters read through slices of it."""

    read = 0

    def __getitem__(self, key):  # type: ignore[no-untyped-def]
        value = super().__getitem__(key)
        _CountingStr.read += len(value)
        return value


def test_a_title_repeated_in_the_contents_is_looked_up_in_linear_work():
    """Each occurrence of an item's title in the contents is checked for a number printed right before
    it; reading the whole text before every occurrence made a contents that repeats a title quadratic
    (8,000 repeats: 11 s)."""
    from referat_parser.segment.contents import _number_in

    repeats = 4000
    front = _CountingStr("Indholdsfortegnelse " + "Budget " * repeats)
    _CountingStr.read = 0
    assert _number_in(front, "Budget") is None
    assert _CountingStr.read <= 40 * repeats, f"{_CountingStr.read} characters read for {repeats} occurrences"


def test_body_follows_reads_only_up_to_the_next_line_with_text():
    """Asked at the start of a long document, the question looks at the next lines, not at (or
    copies) the rest: once per line, a copy of the rest made 40,000 "Ad 1)" lines cost 6x the
    time of 10,000. Work, not time, is asserted: a slice is one call, which call counts miss."""
    from referat_parser.lineclass import Info, Kind
    from referat_parser.segment.lines import body_follows as _body_follows

    infos = _CountingList([Info(Kind.NUMBERED), Info(Kind.BLANK), Info(Kind.BLANK), Info(Kind.TEXT)]
                          + [Info(Kind.TEXT)] * 10_000)
    _CountingList.read = 0
    assert _body_follows(infos, 0) is True
    assert _CountingList.read <= 4, f"{_CountingList.read} line infos read to find the next text line"
    _CountingList.read = 0
    assert _body_follows(infos, len(infos) - 1) is False  # nothing follows the last line


def test_two_megabyte_line_parses_in_bounded_memory():
    text = grow(" ".join(SEED.split()) + " ", 2 * 1024 * 1024) + "\n"
    assert "\n" not in text[:-1]
    peak = in_child(lambda: peak_mib(lambda: parse_text(text)), timeout=HANG_GUARD)
    assert peak is not None, f"a 2 MB line did not parse within {HANG_GUARD:.0f}s"
    assert peak < 60 * 2, f"peak {peak:.0f} MiB for a 2 MB line"


def test_memory_grows_linearly():
    small, large = grow(SEED, 250_000), grow(SEED, 1_000_000)
    peaks = in_child(lambda: (peak_mib(lambda: parse_text(small)), peak_mib(lambda: parse_text(large))),
                     HANG_GUARD)
    assert peaks is not None, f"1 MB of fixtures did not parse within {HANG_GUARD:.0f}s"
    p_small, p_large = peaks
    assert p_large <= 6 * p_small + 1, f"peak {p_small:.1f} -> {p_large:.1f} MiB for 4x the input"


@pytest.mark.skipif(not SLOW, reason="set REFERAT_SLOW_TESTS=1 to parse a 40 MB file")
def test_forty_megabyte_file(tmp_path: Path):
    path = tmp_path / "huge.txt"
    path.write_text(grow(SEED, 40 * 1024 * 1024), encoding="utf-8")
    items = in_child(lambda: len(parse_file(path).items), timeout=20 * HANG_GUARD)
    assert items is not None, f"40 MB did not parse within {20 * HANG_GUARD:.0f}s"
    assert items > 0


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
        counts = growth(read_bytes, data[: len(data) // 4], data)
        assert counts is not None, f"{name}: 4 MB were not decoded within {HANG_GUARD:.0f}s"
        c_small, c_large = counts
        assert c_large <= 5 * c_small + 1000, f"{name}: {c_small} -> {c_large} calls"


def test_call_count_tells_quadratic_from_linear():
    """The measure above can fail: a loop over all earlier lines per line is caught, a single pass is not."""
    def quadratic(text: str) -> None:
        lines = text.split("\n")
        for i in range(len(lines)):
            any(line.startswith("x") for line in lines[:i])

    def linear(text: str) -> None:
        sum(len(line) for line in text.split("\n"))

    small, large = grow("ab\n", 3_000), grow("ab\n", 12_000)
    for func, linear_growth in ((linear, True), (quadratic, False)):
        counts = growth(func, small, large)
        assert counts is not None
        c_small, c_large = counts
        assert (c_large <= 5 * c_small + 1000) is linear_growth, (func.__name__, c_small, c_large)


def test_every_code_in_the_source_is_registered_and_documented():
    """Scripts match on codes: each one raised or warned in the source is listed and documented."""
    import re

    from referat_parser.errors import WARNING_CODES
    from referat_parser.worker import BATCH_CODES

    source = "\n".join(p.read_text(encoding="utf-8") for p in (FIXTURES.parent / "src").rglob("*.py"))
    raised = set(re.findall(r'ReferatError\(\s*"([a-z_0-9]+)"', source))
    warned = set(re.findall(r'warnings\.append\(\(\s*"([a-z_0-9]+)"', source))
    warned |= set(re.findall(r'Warning\(code="([a-z_0-9]+)"', source))
    assert raised and warned
    assert raised - set(CODES) == set()
    assert warned - set(WARNING_CODES) == set()
    docs = (FIXTURES.parent / "docs" / "errors.md").read_text(encoding="utf-8")
    listed = [*CODES, *BATCH_CODES, *WARNING_CODES]
    assert [code for code in listed if f"`{code}`" not in docs] == []


def test_item_titles_are_compared_with_members_names_only_when_shaped_like_a_name(monkeypatch):
    """A title that is a member's name is no title (resolve.PLAUSIBLE); comparing every title with every
    member made a long member list and many items quadratic (2,000 of each: 16 s)."""
    from referat_parser import resolve
    from referat_parser.drafts import ItemDraft, SpanRef
    from referat_parser.lexicon.attendance import ParticipantRef

    calls = 0
    real = resolve.find_person

    def counting(*args, **kwargs):  # type: ignore[no-untyped-def]
        nonlocal calls
        calls += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(resolve, "find_person", counting)
    members = [ParticipantRef(f"Anne{n} Hansen", "A", None, None) for n in range(100)]
    items = [ItemDraft(order=n, span=SpanRef(0, 1), number=str(n), title=f"Anlæg af sti nummer {n}") for n in range(100)]
    items.append(ItemDraft(order=100, span=SpanRef(0, 1), number="100", title="Anne7 Hansen"))
    resolve._plausible_titles(items, members)
    assert items[-1].title is None and items[0].title == "Anlæg af sti nummer 0"
    assert calls <= 1, f"{calls} titles compared with the member list"
