"""Running a batch: plan the work (discovery, targets, the manifest), hand it to an executor, and
record each result (outputs, ``_errors.jsonl``, the manifest, the summary)."""

from __future__ import annotations

import contextlib
import json
import os
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from ..errors import UsageError
from ..paths import join
from .discovery import Input, discover
from .manifest import Manifest
from .options import BatchOptions
from .summary import Events, NoEvents, Summary
from .targets import check_no_input_replaced, check_output, output_names

if TYPE_CHECKING:
    from ..worker import FileResult, Mode, Task

ERRORS = "_errors.jsonl"


def make_executor(options: BatchOptions, files: int | None = None) -> Any:
    """The executor for ``files`` tasks: Dask when a scheduler is given, this process for
    --inline or for a single file (a worker process would cost more than the parse; the timeout
    and memory limit still apply), else the process pool."""
    from ..executors import DaskExecutor, InlineExecutor, ProcessPool

    if options.scheduler:
        return DaskExecutor(options.scheduler, timeout=options.timeout, jobs=options.jobs)
    if options.inline:
        return InlineExecutor()
    if files == 1:
        return InlineExecutor(timeout=options.timeout, max_memory=options.max_memory)
    return ProcessPool(options.jobs, timeout=options.timeout, max_memory=options.max_memory)


@dataclass
class _Plan:
    """The work of one run: tasks for the executor, failures found before parsing, and which
    manifest entry each output belongs to."""

    tasks: list[Task] = field(default_factory=list)
    early: list[FileResult] = field(default_factory=list)
    outputs: dict[str, tuple[Input, str]] = field(default_factory=dict)  # target -> (input, key)
    skipped: int = 0
    total: int = 0
    planned_bytes: int = 0


def _plan(inputs: Sequence[Path], out: Path | None, options: BatchOptions, mode: Mode,
          manifest: Manifest | None) -> _Plan:
    parse_options = options.parse_options()
    files = list(discover(inputs, globs=options.globs, excludes=options.excludes,
                          skip=[out] if out is not None else []))
    plan = _Plan(total=len(files))
    names: list[str] | list[None] = [None] * len(files)
    targets: list[str] | list[None] = [None] * len(files)
    if mode == "file" and out is not None:
        names = output_names(files)
        out_text = os.fspath(out)
        targets = [join(out_text, name) for name in names]
        check_no_input_replaced(files, targets)
    failed: list[tuple[Input, str | None, tuple[str, str]]] = []
    todo: list[tuple[Input, str | None]] = []
    for f, target, name in zip(files, targets, names, strict=True):
        if f.error is not None:
            failed.append((f, target, f.error))
            continue
        if manifest is not None and target is not None and name is not None:
            if not options.force and manifest.unchanged(f, target, name):
                plan.skipped += 1
                continue
            manifest.forget(name)
            plan.outputs[target] = (f, name)
        plan.planned_bytes += f.size
        todo.append((f, target))
    if failed or todo:  # an unchanged re-run makes neither, nor imports the worker module (2 ms)
        from ..worker import FileResult, Task

        plan.early = [FileResult(source=f.source, target=target, code=code, message=message)
                      for f, target, (code, message) in failed]
        plan.tasks = [Task(source=f.source, target=target, mode=mode, options=parse_options) for f, target in todo]
    return plan


class _Recorder:
    """Takes each result as it comes: counts it, writes its JSON Lines or its manifest entry or its
    failure, and tells the front end."""

    def __init__(self, summary: Summary, events: Events, plan: _Plan, *, jsonl: IO[str] | None,
                 manifest: Manifest | None, errors_path: Path | None) -> None:
        self.summary, self.events, self.plan = summary, events, plan
        self.jsonl, self.manifest, self.errors_path = jsonl, manifest, errors_path
        self._errors: IO[str] | None = None

    def __call__(self, result: FileResult) -> None:
        self.summary.add(result)
        if result.ok:
            if self.jsonl is not None and result.text is not None:
                self.jsonl.write(result.text)
                self.jsonl.flush()
            if self.manifest is not None and result.target in self.plan.outputs and result.sha256:
                item, key = self.plan.outputs.pop(result.target)
                self.manifest.record(key, item, result.sha256)
        elif self.errors_path is not None:
            if self._errors is None:
                self._errors = self.errors_path.open("a", encoding="utf-8")
            self._errors.write(json.dumps(result.error_record(), ensure_ascii=False) + "\n")
            self._errors.flush()
        result.text = None
        self.events.done(result)

    def close(self) -> None:
        if self._errors is not None:
            self._errors.close()
            self._errors = None
            self.summary.errors_file = self.errors_path


def run_batch(inputs: Sequence[Path], out: Path | None, options: BatchOptions | None = None, *,
              jsonl: IO[str] | None = None, events: Events | None = None, executor: Any = None) -> Summary:
    """Parse every input into ``out`` (one JSON file each) or, with ``jsonl``, write one meeting per
    line to that stream. Returns the summary; failures are in ``out/_errors.jsonl`` (file mode).
    KeyboardInterrupt stops the run cleanly (no partial files; the manifest keeps what finished)
    and is re-raised after the summary is marked ``interrupted``. Nothing is started (no worker,
    no import of the parser) when every input is unchanged since the last run."""
    options = options or BatchOptions()
    events = events or NoEvents()
    if out is None and jsonl is None:
        raise UsageError("give an output folder or a JSON Lines stream")
    started = time.monotonic()
    options.parse_options()  # refuse bad options before touching the output folder
    if out is not None:
        check_output(inputs, out)
    mode: Mode = "file" if jsonl is None else "jsonl"
    file_out = out if mode == "file" else None
    manifest = Manifest(file_out) if file_out is not None else None
    summary = Summary()
    recorder: _Recorder | None = None
    own_executor = executor is None
    try:
        plan = _plan(inputs, out, options, mode, manifest)
        summary.total, summary.skipped = plan.total, plan.skipped
        errors_path = file_out / ERRORS if file_out is not None else None
        if errors_path is not None:
            with contextlib.suppress(FileNotFoundError):
                errors_path.unlink()
        recorder = _Recorder(summary, events, plan, jsonl=jsonl, manifest=manifest, errors_path=errors_path)
        events.planned(len(plan.tasks) + len(plan.early), plan.skipped, plan.planned_bytes)
        for result in plan.early:
            recorder(result)
        if plan.tasks:
            executor = executor or make_executor(options, len(plan.tasks))
            for result in executor.run(plan.tasks):
                recorder(result)
    except KeyboardInterrupt:
        summary.interrupted = True
        raise
    finally:
        if executor is not None and own_executor:
            executor.close()
        if recorder is not None:
            recorder.close()
        if manifest is not None:
            manifest.close(compact=not summary.interrupted)
        summary.seconds = time.monotonic() - started
    return summary


def parse_to_text(path: Path, options: BatchOptions | None = None) -> FileResult:
    """Parse one file (in this process with the timeout and memory limit, or on the Dask cluster)
    and return its pretty JSON in ``result.text`` (or the failure)."""
    from ..worker import Task

    options = options or BatchOptions()
    task = Task(source=str(path), target=None, mode="text", options=options.parse_options())
    executor = make_executor(options, 1)
    try:
        return next(iter(executor.run([task])))
    finally:
        executor.close()

