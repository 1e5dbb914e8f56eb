"""Where the files of a batch are parsed: one seam, three implementations.

An executor takes an iterable of :class:`~referat_parser.worker.Task` and yields one
:class:`~referat_parser.worker.FileResult` per task, in completion order. It is responsible for
isolation: a task that hangs past ``timeout`` or kills its worker becomes a failed result, and the
batch goes on.

* :class:`InlineExecutor` runs in the calling process: with no limits for tests and debugging, or
  with a per-file timeout (SIGALRM) and memory limit (RLIMIT_AS) for a batch of one file, where a
  worker process would cost more than the parse.
* :class:`ProcessPool` runs N worker processes; a hung worker is killed and replaced, a crashed one
  replaced, and each worker can be given an address-space limit (RLIMIT_AS) as a memory guard.
* :class:`DaskExecutor` submits the same function to a Dask cluster (``pip install "referat[dask]"``).
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import time
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from .errors import UsageError
from .worker import FileResult, Task, process_one, remove_partial

if TYPE_CHECKING:
    # multiprocessing is imported by the pool only: a batch of one file runs inline and would pay
    # ~20 ms of start-up for a module it never uses.
    from multiprocessing.connection import Connection


class Executor(Protocol):
    def run(self, tasks: Iterable[Task]) -> Iterator[FileResult]:
        """Yield one result per task (completion order)."""
        ...

    def close(self) -> None:
        """Stop all work now (also on Ctrl-C): kill what is running and remove partial outputs."""
        ...


class InlineExecutor:
    """Parse in this process, one file after the other. Without limits (the default) there is no
    isolation at all; with ``timeout`` or ``max_memory`` each file runs under a SIGALRM timer (main
    thread only) and an address-space limit, restored afterwards. A native crash still ends the
    calling process: use the ProcessPool for more than one file."""

    def __init__(self, *, timeout: float | None = None, max_memory: int | None = None) -> None:
        self.timeout = timeout
        self.max_memory = max_memory

    def run(self, tasks: Iterable[Task]) -> Iterator[FileResult]:
        for task in tasks:
            if not self.timeout and not self.max_memory:
                yield process_one(task)
                continue
            with _guards(self.timeout, self.max_memory):
                try:
                    result = process_one(task)
                except _Timeout:
                    remove_partial(task.target)
                    result = FileResult.failure(task, "timeout", f"timed out after {self.timeout:g} s")
            yield result

    def close(self) -> None:
        pass


class _Timeout(BaseException):
    """Raised by SIGALRM; a BaseException so that the parser's own handlers do not catch it."""


@contextlib.contextmanager
def _guards(timeout: float | None, max_memory: int | None) -> Iterator[None]:
    """Per-file limits for parsing in this process: an address-space limit and a SIGALRM timer
    (main thread only). Both are restored afterwards."""
    import resource
    import threading

    previous_limit = resource.getrlimit(resource.RLIMIT_AS)
    if max_memory:
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_AS, (max_memory, previous_limit[1]))
    timer = bool(timeout) and threading.current_thread() is threading.main_thread()

    def alarm(_signum: int, _frame: object) -> None:
        raise _Timeout

    previous_handler = signal.signal(signal.SIGALRM, alarm) if timer else None
    if timer:
        signal.setitimer(signal.ITIMER_REAL, float(timeout))  # type: ignore[arg-type]
    try:
        yield
    finally:
        if timer:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous_handler)
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_AS, previous_limit)


# --- process pool ---------------------------------------------------------------------------

def _worker_main(conn: Connection, max_memory: int | None,
                 target: Callable[[Task], FileResult] = process_one) -> None:
    """Loop of one worker process: receive a task, send back its result, until told to stop."""
    # Ctrl-C goes to the whole process group; the parent decides what stops and cleans up.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if max_memory:
        import resource

        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_AS, (max_memory, max_memory))
    try:
        conn.send(_READY)
    except (BrokenPipeError, OSError):
        return
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        try:
            result = target(task)
        except MemoryError:
            result = FileResult.failure(task, "out_of_memory", "out of memory (over the per-file memory limit)")
        except BaseException as exc:  # process_one catches everything; a custom target may not
            result = FileResult.failure(task, "internal_error", f"internal error ({type(exc).__name__}: {exc})")
        try:
            conn.send(result)
        except (BrokenPipeError, OSError):
            return
        if result.code == "out_of_memory":
            return  # a worker that ran out of memory may be in a bad state: the parent starts a new one


_READY = "ready"
STARTUP_TIMEOUT = 120.0  # seconds a new worker may take to import the parser


class WorkerStartError(RuntimeError):
    """Worker processes die before they are ready: the batch cannot run at all."""


@dataclass
class _Worker:
    process: Any  # multiprocessing.Process (context-specific class)
    conn: Connection
    task: Task | None = None
    deadline: float = 0.0


# Imported once by the fork server, before it forks any worker: the parser with its vocabularies
# loaded and its regular expressions compiled (see preload.py).
PRELOAD = ["referat_parser.preload"]


def _context(start_method: str | None = None) -> Any:
    """forkserver where available: workers are forked from a server that imported and warmed the
    parser once (starting or replacing a worker then costs a fork), and forking is safe while the
    parent runs threads (the progress bar); spawn elsewhere."""
    import multiprocessing as mp

    if start_method:
        return mp.get_context(start_method)
    if sys.platform != "win32" and "forkserver" in mp.get_all_start_methods():
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(PRELOAD)
        return ctx
    return mp.get_context("spawn")


class ProcessPool:
    """``jobs`` worker processes with per-file timeout, memory guard and crash isolation."""

    def __init__(self, jobs: int | None = None, *, timeout: float | None = 60.0,
                 max_memory: int | None = None, target: Callable[[Task], FileResult] = process_one,
                 start_method: str | None = None) -> None:
        """``target`` is the per-file function (a module-level function, as workers import it by
        name); ``start_method`` a multiprocessing start method (default: forkserver, or spawn)."""
        self.jobs = max(1, jobs or os.cpu_count() or 1)
        self.timeout = timeout
        self.max_memory = max_memory
        self.target = target
        self._ctx = _context(start_method)
        self._workers: list[_Worker] = []

    def _start(self) -> _Worker:
        parent, child = self._ctx.Pipe()
        process = self._ctx.Process(target=_worker_main, args=(child, self.max_memory, self.target),
                                    daemon=True)
        process.start()
        child.close()
        # Wait for the worker's hello, so a worker that cannot even start (say, a script that runs
        # a batch on import without an `if __name__ == "__main__":` guard) stops the batch with a
        # clear message instead of failing every file as "worker_crashed".
        ready = False
        with contextlib.suppress(EOFError, OSError):
            ready = parent.poll(STARTUP_TIMEOUT) and parent.recv() == _READY
        if not ready:
            if process.is_alive():
                process.kill()
            process.join(timeout=5)
            parent.close()
            raise WorkerStartError(
                f"a worker process could not start (exit status {process.exitcode}); when calling the batch "
                "from a script, put the call under `if __name__ == \"__main__\":`")
        worker = _Worker(process, parent)
        self._workers.append(worker)
        return worker

    def _retire(self, worker: _Worker, *, kill: bool) -> None:
        if kill and worker.process.is_alive():
            worker.process.kill()
        worker.process.join(timeout=5)
        with contextlib.suppress(OSError):
            worker.conn.close()
        if worker.task is not None:
            remove_partial(worker.task.target)
            worker.task = None
        if worker in self._workers:
            self._workers.remove(worker)

    def run(self, tasks: Iterable[Task]) -> Iterator[FileResult]:
        todo = iter(tasks)
        exhausted = False
        try:
            while True:
                exhausted = yield from self._hand_out(todo, exhausted)
                busy = [w for w in self._workers if w.task is not None]
                if not busy:
                    if exhausted:
                        return
                    continue
                self._wait(busy)
                yield from self._collect(busy)
        finally:
            self.close()

    def _hand_out(self, todo: Iterator[Task], exhausted: bool) -> Generator[FileResult, None, bool]:
        """Hand a task to every idle worker, starting workers (up to ``jobs``) only for work there
        is; the generator's value says whether the tasks are exhausted."""
        while not exhausted:
            idle = next((w for w in self._workers if w.task is None), None)
            if idle is None and len(self._workers) >= self.jobs:
                break
            task = next(todo, None)
            if task is None:
                return True
            if idle is None:
                idle = self._start()
            idle.task = task
            idle.deadline = time.monotonic() + self.timeout if self.timeout else float("inf")
            try:
                idle.conn.send(task)
            except (BrokenPipeError, OSError):
                yield FileResult.failure(task, "worker_crashed", "the worker process died before starting")
                self._retire(idle, kill=True)
        return exhausted

    @staticmethod
    def _wait(busy: list[_Worker]) -> None:
        """Until a busy worker answers, dies, or the first deadline passes."""
        from multiprocessing.connection import wait

        wait_for = min(w.deadline for w in busy) - time.monotonic()
        wait([obj for w in busy for obj in (w.conn, w.process.sentinel)],
             timeout=None if wait_for == float("inf") else max(0.0, wait_for))

    def _collect(self, busy: list[_Worker]) -> Iterator[FileResult]:
        """The results of the busy workers that answered, died or ran out of time."""
        now = time.monotonic()
        for worker in busy:
            task = worker.task
            assert task is not None
            if worker.conn.poll():
                try:
                    result: FileResult = worker.conn.recv()
                except (EOFError, OSError):
                    yield self._crashed(worker, task)
                    continue
                worker.task = None
                yield result
                if result.code == "out_of_memory":
                    self._retire(worker, kill=False)
            elif not worker.process.is_alive():
                yield self._crashed(worker, task)
            elif now >= worker.deadline:
                self._retire(worker, kill=True)
                yield FileResult.failure(task, "timeout", f"timed out after {self.timeout:g} s")

    def _crashed(self, worker: _Worker, task: Task) -> FileResult:
        worker.process.join(timeout=5)
        code = worker.process.exitcode
        self._retire(worker, kill=True)
        if code is not None and code < 0:
            try:
                how = f"killed by signal {signal.Signals(-code).name}"
            except ValueError:
                how = f"killed by signal {-code}"
        else:
            how = f"exit status {code}"
        if code == -signal.SIGKILL and self.max_memory:
            return FileResult.failure(task, "out_of_memory", f"the worker was killed ({how}); out of memory?")
        return FileResult.failure(task, "worker_crashed", f"the worker process died ({how})")

    def close(self) -> None:
        for worker in list(self._workers):
            if worker.task is None:
                with contextlib.suppress(OSError):
                    worker.conn.send(None)
        for worker in list(self._workers):
            self._retire(worker, kill=worker.task is not None)

    def __enter__(self) -> ProcessPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# --- Dask -----------------------------------------------------------------------------------

class DaskNotInstalled(UsageError):
    pass


def _import_distributed() -> Any:
    try:
        import distributed
    except ImportError as exc:
        raise DaskNotInstalled('Dask is not installed: pip install "referat[dask]"') from exc
    return distributed


class DaskExecutor:
    """Run the batch on a Dask cluster. The workers write the output files themselves, so the
    output folder (and the inputs) must be on a file system they all see.

    ``scheduler`` is an address (``tcp://host:8786``), ``"local"`` for a LocalCluster on this
    machine, or an existing ``distributed.Client``. The timeout is approximate: a task that runs
    too long is reported as timed out and abandoned (Dask cannot stop a running task).
    """

    def __init__(self, scheduler: Any, *, timeout: float | None = 60.0, jobs: int | None = None) -> None:
        distributed = _import_distributed()
        self.timeout = timeout
        self._own_cluster = None
        if isinstance(scheduler, distributed.Client):
            self.client, self._own_client = scheduler, False
        else:
            if scheduler == "local":
                self._own_cluster = distributed.LocalCluster(
                    n_workers=jobs or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                    dashboard_address=None)
                scheduler = self._own_cluster
            self.client, self._own_client = distributed.Client(scheduler), True

    def run(self, tasks: Iterable[Task]) -> Iterator[FileResult]:
        distributed = _import_distributed()
        threads = max(1, sum(self.client.nthreads().values()))
        limit = 2 * threads  # bounded in-flight work keeps memory flat on both sides
        in_flight: dict[Any, tuple[Task, float]] = {}
        todo = iter(tasks)
        exhausted = False
        try:
            while True:
                while not exhausted and len(in_flight) < limit:
                    task = next(todo, None)
                    if task is None:
                        exhausted = True
                        break
                    future = self.client.submit(process_one, task, pure=False)
                    deadline = time.monotonic() + self.timeout if self.timeout else float("inf")
                    in_flight[future] = (task, deadline)
                if not in_flight:
                    return
                soonest = min(deadline for _, deadline in in_flight.values()) - time.monotonic()
                with contextlib.suppress(distributed.TimeoutError, TimeoutError):
                    distributed.wait(list(in_flight), return_when="FIRST_COMPLETED",
                                     timeout=None if soonest == float("inf") else max(0.01, soonest))
                now = time.monotonic()
                for future in list(in_flight):
                    task, deadline = in_flight[future]
                    if future.done():
                        del in_flight[future]
                        try:
                            yield future.result()
                        except Exception as exc:
                            yield FileResult.failure(task, "worker_crashed",
                                                     f"the Dask task failed ({type(exc).__name__}: {exc})")
                    elif now >= deadline:
                        del in_flight[future]
                        future.cancel()
                        yield FileResult.failure(task, "timeout", f"timed out after {self.timeout:g} s")
        finally:
            for future in in_flight:
                future.cancel()
                remove_partial(in_flight[future][0].target)

    def close(self) -> None:
        if self._own_client:
            with contextlib.suppress(Exception):
                self.client.close()
        if self._own_cluster is not None:
            with contextlib.suppress(Exception):
                self._own_cluster.close()
            self._own_cluster = None
