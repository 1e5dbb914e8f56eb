"""The disk cache of compiled lexicon patterns (lexicon/stored.py) rebuilds exactly the patterns
that ``re.compile`` makes, and never turns a cache problem into an error."""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import pytest

from referat_parser.lexicon import patterns as P
from referat_parser.lexicon import stored

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = [line for path in sorted((ROOT / "fixtures").glob("*.txt"))
          for line in path.read_text(encoding="utf-8").splitlines()[:400]]


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("REFERAT_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(stored, "_loaded", None)
    return tmp_path


def _sources() -> dict[str, object]:
    return {name: (lambda name=name: P.source(name)) for name in P.TEMPLATES}


def test_every_stored_pattern_is_the_compiled_one(cache_dir: Path) -> None:
    assert stored.fill(_sources())
    assert list(cache_dir.glob("patterns-*.marshal")), "the cache file is written"
    stored._loaded = None  # read back from the file, as a new process would
    for name in P.TEMPLATES:
        rebuilt = stored.pattern(name)
        assert rebuilt is not None, name
        expected = re.compile(*P.source(name))
        assert (rebuilt.pattern, rebuilt.flags, rebuilt.groups, rebuilt.groupindex) == (
            expected.pattern, expected.flags, expected.groups, expected.groupindex), name
        for line in SAMPLE:
            found, want = rebuilt.search(line), expected.search(line)
            assert (found and (found.span(), found.groups())) == (want and (want.span(), want.groups())), (name, line)


def test_a_damaged_cache_file_falls_back_to_compiling(cache_dir: Path) -> None:
    assert stored.fill(_sources())
    for path in cache_dir.glob("patterns-*.marshal"):
        path.write_bytes(b"\x00not marshal")
    stored._loaded = None
    assert stored.pattern("date") is None
    assert P.compile_pattern("date").search("mødet den 3. marts 2021")


def test_a_damaged_entry_falls_back_to_compiling(cache_dir: Path) -> None:
    stored._loaded = {"date": ("x", 0, [1, 2, 3], 0, {}, (None,))}
    assert stored.pattern("date") is None
    assert P.compile_pattern("date").search("mødet den 3. marts 2021")


def test_the_cache_can_be_turned_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REFERAT_CACHE_DIR", "")
    monkeypatch.setattr(stored, "_loaded", None)
    assert stored.folder() is None
    assert not stored.fill(_sources())
    assert stored.pattern("date") is None
    assert P.compile_pattern("date").search("mødet den 3. marts 2021")


def _fresh_vocabularies(monkeypatch: pytest.MonkeyPatch) -> dict[str, object]:
    from referat_parser.lexicon import data

    uncached = getattr(data._vocabularies, "__wrapped__", data._vocabularies)
    monkeypatch.setattr(data, "_vocabularies", uncached)
    return uncached()


def test_stored_vocabularies_are_the_parsed_files(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tomllib

    first = _fresh_vocabularies(monkeypatch)  # parses the files and stores them
    assert list(cache_dir.glob("vocab-*.marshal"))
    assert stored.load("vocab") == first
    parsed = {p.stem: tomllib.loads(p.read_text(encoding="utf-8"))
              for p in (ROOT / "src" / "referat_parser" / "vocab").glob("*.toml")}
    assert _fresh_vocabularies(monkeypatch) == parsed  # read back from the cache


def test_a_damaged_vocabulary_cache_is_parsed_again(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fresh_vocabularies(monkeypatch)
    for path in cache_dir.glob("vocab-*.marshal"):
        path.write_bytes(b"\x01\x02")
    assert stored.load("vocab") is None
    assert "headings" in _fresh_vocabularies(monkeypatch)


def test_stored_gate_requirements_are_the_worked_out_ones(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from referat_parser.lexicon import gates

    monkeypatch.setattr(gates, "_table", gates._table.__wrapped__)
    monkeypatch.setattr(gates, "requirement", gates.requirement.__wrapped__)
    gates.requirement("date")  # works out every pattern's requirement and stores them
    table = stored.load("gates")
    assert isinstance(table, dict) and set(table) == set(P.TEMPLATES)
    assert any(need is not None for need in table.values())
    for name in P.TEMPLATES:
        assert gates.requirement(name) == gates._requirement(name), name


def test_a_relative_or_unexpanded_cache_folder_turns_the_cache_off(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without a home, '~' stays '~': the cache must not land in the working directory."""
    monkeypatch.delenv("REFERAT_CACHE_DIR", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setattr("os.path.expanduser", lambda path: path)
    assert stored.folder() is None
    monkeypatch.setenv("REFERAT_CACHE_DIR", "relative/cache")
    assert stored.folder() is None
    monkeypatch.delenv("REFERAT_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", "relative")  # ignored, as the XDG specification says
    monkeypatch.setattr("os.path.expanduser", lambda path: path.replace("~", "/home/someone"))
    assert stored.folder() == Path("/home/someone/.cache/referat")


def test_an_unwritable_folder_works_nothing_out_ahead(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Where nothing can be stored, compiling every pattern ahead would only cost: patterns compile
    one by one and the gates' tables are not built."""
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("REFERAT_CACHE_DIR", str(blocker / "cache"))
    monkeypatch.setattr(stored, "_loaded", None)
    built: list[str] = []
    assert not stored.fill({"date": lambda: built.append("date") or P.source("date")})
    assert stored.table("gates", lambda: built.append("gates") or {}) is None
    assert built == []
    assert P.compile_pattern("date").search("mødet den 3. marts 2021")
    assert not (blocker / "cache").exists()


def test_cache_files_are_readable_by_other_users(cache_dir: Path) -> None:
    assert stored.fill(_sources())
    for path in cache_dir.glob("patterns-*.marshal"):
        assert path.stat().st_mode & 0o777 == 0o644


# --- digests of the package's files, kept beside their sizes and change times -----------------

def _tree(root: Path) -> list[Path]:
    (root / "sub").mkdir(parents=True)
    files = [root / "a.toml", root / "sub" / "b.py"]
    for index, path in enumerate(files):
        path.write_text(f"value = {index}\n", encoding="utf-8")
    return files


@pytest.fixture
def settled_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stored, "SETTLED_NS", 0)  # files written by the test count as settled


def test_a_stored_digest_is_the_worked_out_one_and_is_read_back(cache_dir: Path, tmp_path: Path, settled_at_once: None,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from referat_parser import version

    files = _tree(tmp_path / "pkg")
    expected = version.files_digest(tmp_path / "pkg", files)
    assert stored.cached_digest("test", tmp_path / "pkg", files) == expected
    monkeypatch.setattr(version, "files_digest", lambda root, files: pytest.fail("worked out again"))
    assert stored.cached_digest("test", tmp_path / "pkg", reversed(files)) == expected


def test_a_changed_file_is_digested_again_even_with_its_old_size_and_time(cache_dir: Path, tmp_path: Path,
                                                                          settled_at_once: None) -> None:
    from referat_parser import version

    files = _tree(tmp_path / "pkg")
    before = stored.cached_digest("test", tmp_path / "pkg", files)
    time.sleep(0.05)  # past the file system's clock tick
    old = files[1].stat()
    files[1].write_text("value = 7\n", encoding="utf-8")  # the same size
    os.utime(files[1], ns=(old.st_atime_ns, old.st_mtime_ns))  # and the old modification time
    after = stored.cached_digest("test", tmp_path / "pkg", files)
    assert after == version.files_digest(tmp_path / "pkg", files) != before
    # An added file counts too; another name over the same root keeps its own digest.
    added = [*files, tmp_path / "pkg" / "c.json"]
    added[-1].write_text("{}", encoding="utf-8")
    assert stored.cached_digest("test", tmp_path / "pkg", added) == version.files_digest(tmp_path / "pkg", added)
    assert stored.cached_digest("other", tmp_path / "pkg", files) == after


def test_a_digest_of_files_just_written_is_not_stored(cache_dir: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from referat_parser import version

    files = _tree(tmp_path / "pkg")
    stored.cached_digest("test", tmp_path / "pkg", files)
    calls = []
    monkeypatch.setattr(version, "files_digest", lambda root, files: calls.append(root) or "worked out")
    assert stored.cached_digest("test", tmp_path / "pkg", files) == "worked out" and calls


def test_a_damaged_digest_cache_is_worked_out_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from referat_parser import version

    files = _tree(tmp_path / "pkg")
    expected = version.files_digest(tmp_path / "pkg", files)
    monkeypatch.setenv("REFERAT_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / "digests.marshal").write_bytes(b"\x00garbage")
    assert stored.cached_digest("test", tmp_path / "pkg", files) == expected


def test_with_the_cache_off_a_stored_digest_is_not_read(cache_dir: Path, tmp_path: Path, settled_at_once: None,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from referat_parser import version

    files = _tree(tmp_path / "pkg")
    stored.cached_digest("test", tmp_path / "pkg", files)  # stored in cache_dir
    monkeypatch.setenv("REFERAT_CACHE_DIR", "")
    monkeypatch.setattr(version, "files_digest", lambda root, files: "worked out")
    assert stored.cached_digest("test", tmp_path / "pkg", files) == "worked out"


def test_entries_of_roots_that_are_gone_are_dropped(cache_dir: Path, tmp_path: Path, settled_at_once: None) -> None:
    import marshal
    import shutil

    kept, gone = _tree(tmp_path / "kept"), _tree(tmp_path / "gone")
    stored.cached_digest("test", tmp_path / "gone", gone)
    shutil.rmtree(tmp_path / "gone")
    stored.cached_digest("test", tmp_path / "kept", kept)
    table = marshal.loads((cache_dir / "digests.marshal").read_bytes())
    assert list(table) == [f"test:{tmp_path / 'kept'}"]
