"""Batch conversion: folders of minutes -> a mirrored folder of JSON files (or one JSON Lines stream).

    from referat_parser.batch import BatchOptions, run_batch
    summary = run_batch([Path("archive")], Path("out"), BatchOptions(jobs=2))
    print(summary.parsed, summary.failed)

One module per part, each usable on its own:

* ``discovery``: which files (recursive, symlink loops end, unreadable folders are failures);
* ``targets``: where each output goes (``OUT/a/b.json``, collisions never overwrite) and the
  checks made before anything is parsed;
* ``manifest``: ``OUT/_manifest.jsonl``, so a re-run parses only inputs that changed or were made
  by another parser (the key is ``manifest.fingerprint()``);
* ``options``: BatchOptions and their checks;
* ``summary``: the events a front end is told and the summary of a run;
* ``run``: ``run_batch`` and ``parse_to_text``, which tie these together and hand the work to an
  executor (``referat_parser.executors``). Failures go to ``OUT/_errors.jsonl``: one JSON object
  per line with ``file``, ``code``, ``message``.
"""

from __future__ import annotations

from ..errors import UsageError
from .discovery import DEFAULT_SUFFIXES, Input, discover
from .manifest import MANIFEST, Manifest, fingerprint
from .options import BatchOptions, parse_size
from .run import ERRORS, make_executor, parse_to_text, run_batch
from .summary import Events, NoEvents, Summary
from .targets import check_jsonl_target, check_no_input_replaced, check_output, output_names

__all__ = [
    "DEFAULT_SUFFIXES",
    "ERRORS",
    "MANIFEST",
    "BatchOptions",
    "Events",
    "Input",
    "Manifest",
    "NoEvents",
    "Summary",
    "UsageError",
    "check_jsonl_target",
    "check_no_input_replaced",
    "check_output",
    "discover",
    "fingerprint",
    "make_executor",
    "output_names",
    "parse_size",
    "parse_to_text",
    "run_batch",
]
