"""Outputs know their parser (README, "Versions"): the package version changes whenever the output of
any input changes, which the golden outputs stand for. tests/data/golden_digests.toml records, per
package version, a digest of the golden outputs it makes; a change of the goldens without a new
version (and a new line in that file) fails here."""

from __future__ import annotations

import hashlib
import json
import tomllib
from pathlib import Path

from referat_parser import SCHEMA_VERSION, __version__
from referat_parser.golden import expected_path, inputs

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
RECORD = Path(__file__).resolve().parent / "data" / "golden_digests.toml"
VERSION_FIELDS = ("schema_version", "parser_version")


def golden_digest(folder: Path) -> str:
    """SHA-256 of every expected output under ``folder`` (by path), without its version fields, so
    that only a change of what is parsed changes it."""
    sha = hashlib.sha256()
    for source in inputs(folder):
        data = json.loads(expected_path(source).read_text(encoding="utf-8"))
        for name in VERSION_FIELDS:
            data.pop(name, None)
        sha.update(source.relative_to(folder).as_posix().encode() + b"\0")
        sha.update(json.dumps(data, sort_keys=True, ensure_ascii=False).encode() + b"\0")
    return sha.hexdigest()


def recorded() -> dict[str, str]:
    with RECORD.open("rb") as handle:
        return tomllib.load(handle)["digests"]


def test_golden_outputs_change_only_with_the_version():
    digest, record = golden_digest(FIXTURES), recorded()
    assert __version__ in record, (
        f"no digest recorded for version {__version__}: after reviewing the golden outputs, add\n"
        f'"{__version__}" = "{digest}"\nto {RECORD.relative_to(ROOT)}')
    assert record[__version__] == digest, (
        f"the golden outputs changed but the version did not ({__version__}): bump __version__ in "
        f"src/referat_parser/version.py (and SCHEMA_VERSION if the output's shape changed), regenerate "
        f'the goldens (python tools/regen_golden.py) and add\n"<new version>" = "{digest}"\n'
        f"to {RECORD.relative_to(ROOT)}; a recorded line is never edited")


def test_golden_outputs_name_the_versions_that_made_them():
    for source in inputs(FIXTURES):
        data = json.loads(expected_path(source).read_text(encoding="utf-8"))
        assert (data["schema_version"], data["parser_version"]) == (SCHEMA_VERSION, __version__), source.name


def test_the_digest_sees_a_changed_output_and_ignores_the_version_fields(tmp_path: Path):
    source = next(iter(inputs(FIXTURES)))
    (tmp_path / source.name).write_bytes(source.read_bytes())
    expected = tmp_path / expected_path(source).name
    original = expected_path(source).read_text(encoding="utf-8")
    expected.write_text(original, encoding="utf-8")
    before = golden_digest(tmp_path)
    expected.write_text(original.replace(f'"parser_version": "{__version__}"', '"parser_version": "99.0"'),
                        encoding="utf-8")
    assert golden_digest(tmp_path) == before
    data = json.loads(original)
    data["items"] = data["items"][:-1]
    expected.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
    assert golden_digest(tmp_path) != before


def test_versions_are_well_formed_and_the_pyproject_takes_the_package_one():
    assert all(part.isdigit() for part in __version__.split(".")) and __version__.count(".") == 2
    assert all(part.isdigit() for part in SCHEMA_VERSION.split(".")) and SCHEMA_VERSION.count(".") == 1
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" in pyproject["project"]["dynamic"]
    assert pyproject["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "referat_parser.version.__version__"}
