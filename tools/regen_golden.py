"""Regenerate the expected JSON beside every fixture input. Review the diff like code.

    python tools/regen_golden.py            # fixtures/
    python tools/regen_golden.py some/dir
"""

from __future__ import annotations

import sys
from pathlib import Path

from referat_parser.golden import regenerate

if __name__ == "__main__":
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / "fixtures"
    for path in regenerate(folder):
        print(f"wrote {path}")
