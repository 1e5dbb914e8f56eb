"""No module imports from a later stage than its own: the pipeline's stages stay in order.

lexicon -> read -> clean -> classify -> segment -> extract -> resolve -> model -> pipeline -> API/CLI.
Imports inside functions and under TYPE_CHECKING count too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "referat_parser"

# Stage of each module (a prefix of its dotted name inside the package), earliest first.
STAGES: list[tuple[str, ...]] = [
    ("errors", "lexicon", "version", "paths"),
    ("read", "parse_options"),
    ("clean",),
    ("lineclass",),
    ("segment",),
    ("drafts", "extract", "outline"),  # outline: an export's stated segments, applied to what extract found
    ("resolve",),
    ("models",),
    ("pipeline", "trace"),
    ("api", "output", "golden", "validate", "show", "table", "worker", "batch", "executors", "cli", "clidoc",
     "__init__", "__main__", "preload"),
]


def stage_of(module: str) -> int:
    head = module.split(".")[0]
    for rank, names in enumerate(STAGES):
        if head in names:
            return rank
    raise AssertionError(f"module {module!r} has no stage: add it to STAGES")


def modules() -> list[tuple[str, Path]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
        if parts[-1] == "__init__" and len(parts) > 1:
            parts = parts[:-1]
        found.append((".".join(parts), path))
    return found


def imported(module: str, path: Path) -> list[str]:
    """Modules of the package that ``module`` imports, as dotted names inside the package."""
    package = module.split(".")[:-1] if path.name != "__init__.py" else module.split(".")
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - (node.level - 1)] if node.level > 1 else package
                target = [*base, *(node.module.split(".") if node.module else [])]
            elif node.module and node.module.startswith("referat_parser"):
                target = node.module.split(".")[1:]
            else:
                continue
            names.append(".".join(target) if target else "__init__")
        elif isinstance(node, ast.Import):
            names.extend(alias.name.split(".", 1)[1] for alias in node.names
                         if alias.name.startswith("referat_parser."))
    return names


@pytest.mark.parametrize(("module", "path"), modules(), ids=[m for m, _ in modules()])
def test_imports_only_from_earlier_stages(module, path):
    own = stage_of(module)
    later = [name for name in imported(module, path) if stage_of(name) > own]
    assert not later, f"{module} (stage {own}) imports from later stages: {later}"


def test_the_check_sees_a_backward_import(tmp_path):
    """The check itself can fail: a lexicon module importing the segment stage is caught."""
    bad = tmp_path / "bad.py"
    bad.write_text("from ..segment import segment\n", encoding="utf-8")
    assert [name for name in imported("lexicon.bad", bad) if stage_of(name) > stage_of("lexicon.bad")] == ["segment"]
