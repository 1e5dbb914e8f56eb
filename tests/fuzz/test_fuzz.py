"""Fuzzing the reader and the parser with hypothesis, for a fixed budget; every crash found is
kept in tests/fuzz/regressions/ and replayed by ``test_regression``.

A crash is any exception other than ReferatError. When one is found, the input is written to
``regressions/<Exception>-<module>-<line>.<kind>`` (the smallest input per crash site is kept,
so hypothesis's shrinking leaves the minimal reproducer), and the test fails.

    python -m pytest tests/fuzz                               # CI budget (~200 examples each)
    REFERAT_FUZZ_EXAMPLES=20000 python -m pytest tests/fuzz   # a longer run

A native crash (a segfault in a PDF library) cannot be caught: the PDF fuzz target writes its
input to ``pending-native-crash.bin`` in pytest's temporary folder for the run first (never into
the source tree) and removes it after the parse, so a file left behind there is the input that
killed the process (pytest keeps the last three runs' folders: ``/tmp/pytest-of-$USER/``).

File kinds: ``.bin`` is replayed with parse_bytes, ``.txt`` (UTF-8, surrogates passed through)
with parse_text.
"""

from __future__ import annotations

import os
import traceback
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from referat_parser import ReferatError, parse_bytes, parse_text
from referat_parser.read import read_bytes

HERE = Path(__file__).resolve().parent
REGRESSIONS = HERE / "regressions"
FIXTURES = HERE.parent.parent / "fixtures"
EXAMPLES = int(os.environ.get("REFERAT_FUZZ_EXAMPLES", "200"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=False,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


# --- the harness ----------------------------------------------------------------------------

def crash_site(exc: BaseException) -> str:
    """'<Exception>-<module>-<line>' of the innermost frame in referat_parser (else the last)."""
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if "referat_parser" in f.filename] or frames
    frame = ours[-1] if ours else None
    where = f"{Path(frame.filename).stem}-{frame.lineno}" if frame else "unknown"
    return f"{type(exc).__name__}-{where}"


def save(data: bytes, kind: str, exc: BaseException) -> Path:
    path = REGRESSIONS / f"{crash_site(exc)}.{kind}"
    if not path.exists() or len(data) < path.stat().st_size:
        REGRESSIONS.mkdir(exist_ok=True)
        path.write_bytes(data)
    return path


def pdf_reader_missing(exc: BaseException) -> bool:
    """The PDF reader is written in parallel; until it lands, PDF input cannot be fuzzed."""
    return isinstance(exc, ModuleNotFoundError) and exc.name == "referat_parser.read.pdf"


def run_bytes(data: bytes) -> None:
    try:
        parse_bytes(data, path="<fuzz>")
    except ReferatError as exc:
        assert exc.code and exc.message and "\n" not in exc.message
    except Exception as exc:
        if pdf_reader_missing(exc):
            return
        path = save(data, "bin", exc)
        raise AssertionError(f"crash {crash_site(exc)}; input kept in {path}") from exc


def run_text(text: str) -> None:
    try:
        parse_text(text)
    except ReferatError as exc:
        assert exc.code and exc.message and "\n" not in exc.message
    except Exception as exc:
        path = save(text.encode("utf-8", errors="surrogatepass"), "txt", exc)
        raise AssertionError(f"crash {crash_site(exc)}; input kept in {path}") from exc


RUNNERS: dict[str, Callable[[bytes], None]] = {
    "bin": run_bytes,
    "txt": lambda data: run_text(data.decode("utf-8", errors="surrogatepass")),
}


# --- strategies -----------------------------------------------------------------------------

SEEDS = [p.read_bytes() for p in sorted(FIXTURES.glob("*.txt"))]
PDF_SEEDS = [p.read_bytes() for p in sorted((FIXTURES / "pdf").glob("*.pdf"))]

# Pieces of minutes, so random text reaches deep into the parser rather than stopping at
# "not minutes".
TOKENS = [
    "Beslutning", "Indstilling", "Sagsfremstilling", "Sagens indhold", "Kompetence", "Bilag", "Økonomi",
    "Beslutning i Byrådet den 3. maj 2021", "Beslutning i Økonomiudvalget den 12-04-2023",
    "Godkendt.", "Taget til efterretning.", "Anbefales.", "Udsat.", "Forkastet.", "Ikke godkendt",
    "Fraværende:", "Afbud:", "Stedfortræder:", "Mødedato:", "Mødetid:", "Mødested:", "Dagsorden", "Referat",
    "Byrådet", "Økonomiudvalget", "Teknik- og Miljøudvalget", "Slagelse Kommune", "Aarhus Kommune",
    "1.", "2.", "12.", "Punkt 3", "Sag nr. 7", "Pkt. 4:", "Åbent punkt", "Lukket punkt", "(A)", "(V)", "(Ø)",
    "For stemte 5 (A, V)", "imod stemte 2 (O)", "undlod at stemme", "Anders Andersen", "kl. 16.00",
    "15. januar 2024", "2024-01-15", "Sagsnr.", "00.01.00-A00-1-24", "Dok.nr.", "Side 1 af 3", "-",
    "–", "•", ":", ".", "(", ")", "Protokollat:", "Mindretalsudtalelse", "ønsker sin stemme ført til protokol",
]
minutes_text = st.lists(
    st.one_of(st.sampled_from(TOKENS), st.sampled_from([" ", " ", "\n", "\n", "\n\n", "\t", "\f", "\r\n"]),
              st.text(max_size=8)),
    max_size=300,
).map("".join)


@st.composite
def mutated_seed(draw: st.DrawFn) -> bytes:
    """A fixture with random byte-level damage: flips, cuts, insertions, encoding changes."""
    data = bytearray(draw(st.sampled_from(SEEDS)))
    kind = draw(st.sampled_from(["flip", "cut", "insert", "cp1252", "utf16", "splice"]))
    if kind == "flip":
        for _ in range(draw(st.integers(1, 50))):
            i = draw(st.integers(0, len(data) - 1))
            data[i] = draw(st.integers(0, 255))
    elif kind == "cut":
        i = draw(st.integers(0, len(data)))
        j = draw(st.integers(i, len(data)))
        del data[i:j]
    elif kind == "insert":
        i = draw(st.integers(0, len(data)))
        data[i:i] = draw(st.binary(max_size=200))
    elif kind == "cp1252":
        data = bytearray(data.decode("utf-8").encode("cp1252", errors="replace"))
    elif kind == "utf16":
        data = bytearray(data.decode("utf-8").encode(draw(st.sampled_from(["utf-16", "utf-16-le", "utf-16-be"]))))
    elif kind == "splice":
        other = draw(st.sampled_from(SEEDS))
        i, j = draw(st.integers(0, len(data))), draw(st.integers(0, len(other)))
        data = data[:i] + other[j:]
    return bytes(data)


@st.composite
def mutated_pdf(draw: st.DrawFn) -> bytes:
    """A fixture PDF with byte-level damage: flips, a cut, a zeroed or duplicated range."""
    data = bytearray(draw(st.sampled_from(PDF_SEEDS)))
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(["flip", "cut", "zero", "duplicate", "xref"]))
        i = draw(st.integers(0, len(data) - 1))
        j = draw(st.integers(i, min(len(data), i + 4096)))
        if kind == "flip":
            data[i] ^= 1 << draw(st.integers(0, 7))
        elif kind == "cut":
            del data[i:]
        elif kind == "zero":
            data[i:j] = bytes(j - i)
        elif kind == "duplicate":
            data[j:j] = data[i:j]
        elif kind == "xref":  # damage the cross-reference table, which readers must then rebuild
            at = data.rfind(b"xref")
            if at >= 0:
                data[at:at + 40] = bytes(draw(st.binary(min_size=40, max_size=40)))
        if not data:
            data = bytearray(b"%PDF-")
    return bytes(data)


# --- fuzz targets ---------------------------------------------------------------------------

@FUZZ
@given(st.binary(max_size=4096))
def test_fuzz_bytes(data):
    run_bytes(data)


@FUZZ
@given(st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff", b"\xff\xfe\x00\x00",
                        b"PK\x03\x04", b"{\\rtf", b"<html>"]), st.binary(max_size=512))
def test_fuzz_bytes_after_magic(head, data):
    run_bytes(head + data)


@FUZZ
@given(mutated_seed())
def test_fuzz_damaged_fixtures(data):
    run_bytes(data)


@FUZZ
@given(st.text(max_size=2000))
def test_fuzz_text(text):
    run_text(text)


@FUZZ
@given(minutes_text)
def test_fuzz_minutes_like_text(text):
    run_text(text)


@FUZZ
@given(st.binary(max_size=4096))
def test_fuzz_reader_raises_only_referat_errors(data):
    try:
        read_bytes(data)
    except ReferatError:
        pass
    except ModuleNotFoundError as exc:
        assert pdf_reader_missing(exc)


@FUZZ
@given(st.binary(max_size=2048))
def test_fuzz_pdf_like_bytes(data):
    run_bytes(b"%PDF-1.4\n" + data)


@pytest.fixture(scope="module")
def pending_crash(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the PDF fuzz target keeps the input it is parsing (see the module docstring)."""
    return tmp_path_factory.mktemp("fuzz-pdf") / "pending-native-crash.bin"


@settings(FUZZ, max_examples=max(EXAMPLES // 4, 10))
@given(data=mutated_pdf())
def test_fuzz_damaged_pdfs(pending_crash: Path, data: bytes):
    # A native crash (segfault in a PDF library) kills the test process before anything can be
    # saved, so the input is written first and removed once it parsed.
    pending_crash.write_bytes(data)
    run_bytes(data)
    pending_crash.unlink()


def test_fuzzing_writes_nothing_into_the_source_tree_but_regressions():
    assert not (REGRESSIONS / "pending-native-crash.bin").exists()
    assert not [p for p in HERE.iterdir() if p.suffix in (".bin", ".txt")]


def test_lone_surrogate_in_text():
    """A str can hold a lone surrogate (an undecodable byte carried by surrogateescape), which
    UTF-8 cannot: it is replaced with U+FFFD and counted in a warning."""
    meeting = parse_text("Beslutning\n\udce6 Godkendt.\n\ud800\n")
    assert [(w.code, w.message) for w in meeting.warnings if w.code == "replaced_surrogates"] == [
        ("replaced_surrogates", "2 lone surrogate(s) (bytes that were never decoded) replaced with U+FFFD")]
    assert "\ufffd Godkendt." in meeting.to_json()
    clean = parse_text("Beslutning\n\ufffd Godkendt.\n")  # a U+FFFD already there is not counted
    assert "replaced_surrogates" not in [w.code for w in clean.warnings]


# --- replaying every crash ever found -------------------------------------------------------

def regression_files() -> list[Path]:
    return sorted(p for p in REGRESSIONS.glob("*") if p.suffix.lstrip(".") in RUNNERS)


def test_there_are_regressions_to_replay():
    """test_regression below must run over real inputs (an empty folder would make it a skip)."""
    assert len(regression_files()) >= 3


@pytest.mark.parametrize("path", regression_files(), ids=lambda p: p.name)
def test_regression(path: Path):
    RUNNERS[path.suffix.lstrip(".")](path.read_bytes())
