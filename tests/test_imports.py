"""The batch and command-line modules import one another without cycles (issue 12: UsageError
lived in batch.py, so batch and executors imported each other). Every import counts, including
those inside functions, since a cycle there still ties the modules together."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "referat_parser"
# The modules whose imports this test guards (the batch package, the workers, the CLI, ...).
GUARDED = ("referat_parser.batch", "referat_parser.executors", "referat_parser.worker", "referat_parser.errors",
           "referat_parser.output", "referat_parser.table", "referat_parser.validate", "referat_parser.cli",
           "referat_parser.api", "referat_parser.paths", "referat_parser.parse_options", "referat_parser.preload")


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    """The referat_parser modules ``path`` imports (a package import counts as its __init__)."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("referat_parser"))
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                target = f"{base}.{node.module}" if node.module else base
            else:
                target = node.module or ""
            if target.startswith("referat_parser"):
                found.add(target)
                found.update(f"{target}.{alias.name}" for alias in node.names)  # `from . import cli`
    return found


def graph() -> dict[str, set[str]]:
    modules = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    return {name: {m for m in imports(path) if m in modules and m != name} for name, path in modules.items()}


def guarded(name: str) -> bool:
    return any(name == g or name.startswith(g + ".") for g in GUARDED)


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Cycles through a guarded module: one path back to itself per guarded module on a cycle."""
    found = []
    for start in sorted(n for n in edges if guarded(n)):
        stack, seen = [(start, [start])], set()
        while stack:
            node, path = stack.pop()
            for nxt in sorted(edges.get(node, ())):
                if nxt == start:
                    found.append([*path, start])
                    stack.clear()
                    break
                # A cycle through the package __init__ alone (submodules importing their package's
                # version constants) is how Python packages work, not a tie between modules.
                if nxt not in seen and nxt != "referat_parser":
                    seen.add(nxt)
                    stack.append((nxt, [*path, nxt]))
    return found


def test_the_batch_and_cli_modules_have_no_import_cycles():
    assert cycles(graph()) == []


def test_the_cycle_finder_finds_a_cycle():
    edges = {"referat_parser.batch.run": {"referat_parser.executors"},
             "referat_parser.executors": {"referat_parser.batch.run"}}
    assert cycles(edges) == [["referat_parser.batch.run", "referat_parser.executors", "referat_parser.batch.run"],
                             ["referat_parser.executors", "referat_parser.batch.run", "referat_parser.executors"]]
