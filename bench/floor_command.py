"""The floor under `referat parse SEED -o DIR`: a typer command with exactly `parse`'s options that
does no parsing, and validates one small pydantic model (a script, run by bench_speed.py).

    python bench/floor_command.py SEED -o DIR --force --quiet

What it pays is what any typer + pydantic command of this shape pays, before any of our parsing:
the interpreter, importing typer and pydantic, typer coercing each option (typer 0.29, which
pyproject.toml keeps out, builds one pydantic TypeAdapter per option), and pydantic's first
validator, which looks for installed plugins through importlib.metadata. The gap between this and
`referat parse` is ours. A command that builds no model (an unchanged batch re-run) need not
import pydantic at all, so it can run below this floor.
"""

from __future__ import annotations

import inspect
import sys
from typing import Any

import typer
from pydantic import BaseModel

from referat_parser import cli  # typer only: the parse command's signature and command class


class _Written(BaseModel):
    path: str


def parse(**options: Any) -> None:
    _Written.model_validate({"path": str(options["inputs"][0])})


# parse's signature with its annotations as objects, also where the CLI module postpones them
# (strings, read in the CLI module's namespace).
_annotations = {name: eval(value, vars(cli)) if isinstance(value, str) else value
                for name, value in inspect.get_annotations(inspect.unwrap(cli.parse)).items()}
_signature = inspect.signature(cli.parse)
parse.__signature__ = _signature.replace(  # type: ignore[attr-defined]
    parameters=[p.replace(annotation=_annotations[p.name]) for p in _signature.parameters.values()],
    return_annotation=None)
parse.__annotations__ = _annotations

app = typer.Typer(add_completion=False)
app.command(cls=cli._OptionalValueCommand)(parse)

if __name__ == "__main__":
    app(sys.argv[1:])
