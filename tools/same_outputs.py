"""Check that a refactoring or a speed-up changed no output: parse a set of inputs before and after
and compare the JSON, file by file.

    python tools/same_outputs.py record DIR [INPUT ...]   # parse INPUTs into DIR (the reference)
    python tools/same_outputs.py check DIR [INPUT ...]    # parse again and compare with DIR

INPUT defaults to the bundled fixtures, tests/cases and, where present, the shared measurement
sets (../shared/seeds, ../shared/corpus/docs, ../shared/realdocs), which are read, never copied.
Exit status 1 when any output differs; the differing files are listed.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from referat_parser import ReferatError, parse_file
from referat_parser.batch import DEFAULT_SUFFIXES

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_INPUTS = [ROOT / "fixtures", ROOT / "tests" / "cases", ROOT.parent / "shared" / "seeds",
                  ROOT.parent / "shared" / "corpus" / "docs", ROOT.parent / "shared" / "realdocs"]


def inputs(folders: list[Path]) -> list[Path]:
    return sorted(p for folder in folders if folder.exists() for p in folder.rglob("*")
                  if p.is_file() and p.suffix.lower() in DEFAULT_SUFFIXES)


def key(path: Path) -> str:
    return str(path.resolve()).replace("/", "__")


def output(path: Path) -> str:
    try:
        data = json.loads(parse_file(path).to_json())
    except ReferatError as exc:
        return f"error: {exc}"
    data.pop("parser_version", None)
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)


def main() -> int:
    if len(sys.argv) < 3 or sys.argv[1] not in ("record", "check"):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    mode, folder = sys.argv[1], Path(sys.argv[2])
    sources = inputs([Path(a) for a in sys.argv[3:]] or DEFAULT_INPUTS)
    folder.mkdir(parents=True, exist_ok=True)
    differ = []
    for source in sources:
        target = folder / f"{key(source)}.json"
        text = output(source)
        if mode == "record":
            target.write_text(text, encoding="utf-8")
        elif not target.exists() or target.read_text(encoding="utf-8") != text:
            differ.append(source)
    if mode == "check":
        for source in differ:
            print(f"differs: {source}")
        print(f"{len(sources) - len(differ)} of {len(sources)} outputs unchanged")
    else:
        print(f"recorded {len(sources)} outputs in {folder}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
