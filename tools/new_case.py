"""Start a test case: parse tests/cases/NAME.txt and write the whole output to tests/cases/NAME.json.

    python tools/new_case.py NAME

Then cut the JSON down to what the case is about (the test compares only the keys that are left),
add a "_why" key saying what pattern the case shows, and review both files in the diff.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from referat_parser import parse_text

CASES = Path(__file__).resolve().parent.parent / "tests" / "cases"


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    case = CASES / f"{sys.argv[1]}.txt"
    if not case.is_file():
        print(f"no such case: {case}", file=sys.stderr)
        return 2
    data = json.loads(parse_text(case.read_text(encoding="utf-8"), path=case.name).to_json())
    for key in ("schema_version", "parser_version", "source"):
        data.pop(key, None)
    data = {"_why": "TODO: what this case shows", **data}
    case.with_suffix(".json").write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {case.with_suffix('.json')}: cut it down to what the case is about")
    return 0


if __name__ == "__main__":
    sys.exit(main())
