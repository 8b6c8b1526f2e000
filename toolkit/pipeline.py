"""Running redaction or detection over files: planning, workers, ordered atomic output.

The main process reads every file with its format handler and cuts the documents into chunks;
worker processes (each with its own :class:`~toolkit.pii.Redactor`, built once) analyse the
chunks; the main process writes the results back in order. Many small files and one huge JSONL
file go through the same path, and at most a few chunks are in flight at a time, so memory
stays flat whatever the input size. Output files are written to a temporary file beside the
target and renamed into place only when the whole file succeeded.
"""

from __future__ import annotations

import concurrent.futures as cf
import contextlib
import enum
import multiprocessing
import os
import shutil
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from toolkit.errors import ConfideError, ConfigError, DecodeError, InputError
from toolkit.formats import Format, FormatOptions, Problem, Unit, detect_format, get_handler
from toolkit.formats import open_output as _open_output
from toolkit.pii import RedactConfig, Redactor, Segment, Span
from toolkit.pii.engine import validate_config, warm_caches

__all__ = [
    "FileSummary", "Job", "Mode", "Runner", "UnitResult", "analyse", "default_workers",
    "plan_jobs",
]

_CHUNK_UNITS = 64
_CHUNK_CHARS = 32_000
_SKIP_NAMES = {".DS_Store", "Thumbs.db", "desktop.ini"}


class Mode(enum.StrEnum):
    REDACT = "redact"
    DETECT = "detect"


def default_workers() -> int:
    """All cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


@dataclass(frozen=True, slots=True)
class Job:
    """One input file and where its output goes (``-`` is stdin/stdout, None: no output)."""

    source: str
    target: str | None
    name: str  # as shown in messages and reports: relative to the input folder
    fmt: Format


@dataclass(frozen=True, slots=True)
class UnitResult:
    """One analysed document of a file."""

    job: Job
    unit: Unit
    spans: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class FileSummary:
    """What happened to one file."""

    job: Job
    units: int = 0
    spans: int = 0
    chars: int = 0
    problems: tuple[Problem, ...] = ()
    error: ConfideError | None = None

    @property
    def ok(self) -> bool:
        return self.error is None and not self.problems


# -- planning ----------------------------------------------------------------------------------


def _walk(root: Path) -> Iterator[Path]:
    for path in sorted(root.rglob("*")):
        if path.is_file() and not any(p.startswith(".") for p in path.relative_to(root).parts) \
                and path.name not in _SKIP_NAMES:
            yield path


def plan_jobs(inputs: Sequence[str], output: str | None, *, fmt: Format | None = None,
              in_place: bool = False, mode: Mode = Mode.REDACT) -> tuple[list[Job], list[str]]:
    """Jobs for ``inputs`` (files, folders, ``-``), and the files skipped (unknown type).

    One file goes to ``output`` (a file; stdout when omitted), a folder is mirrored into the
    folder ``output``, several inputs each go under ``output`` by name. An input is never an
    output unless ``in_place`` is asked for.
    """
    if not inputs:
        raise ConfigError("no input given; name files, folders or - for stdin", where="confide")
    if in_place and output is not None:
        raise ConfigError("--in-place and -o cannot be used together", where="confide")
    jobs: list[Job] = []
    skipped: list[str] = []
    single = len(inputs) == 1
    for raw in inputs:
        if raw == "-":
            target = output if output is not None else "-"
            if output is not None and (not single or Path(output).is_dir()):
                target = str(Path(output) / f"stdin.{(fmt or Format.TEXT).value}")
            jobs.append(Job("-", target if mode is Mode.REDACT else None, "<stdin>",
                            fmt or Format.TEXT))
            continue
        path = Path(raw)
        if path.is_dir():
            jobs += _folder_jobs(path, output, single, fmt, in_place, mode, skipped)
        elif path.exists():
            jobs.append(_file_job(path, output, single, fmt, in_place, mode))
        else:
            raise InputError("no such file or folder", where=raw)
    _check_outputs(jobs, in_place=in_place)
    return jobs, skipped


def _file_job(path: Path, output: str | None, single: bool, fmt: Format | None,
              in_place: bool, mode: Mode) -> Job:
    kind = detect_format(path, fmt)
    if mode is Mode.DETECT:
        return Job(str(path), None, str(path), kind)
    if in_place:
        target = str(path)
    elif output is None:
        if not single:
            raise ConfigError("several inputs need -o DIR", where="confide")
        target = "-"
    elif single and not Path(output).is_dir():
        target = output
    else:
        target = str(Path(output) / path.name)
    return Job(str(path), target, str(path), kind)


def _folder_jobs(root: Path, output: str | None, single: bool, fmt: Format | None,
                 in_place: bool, mode: Mode, skipped: list[str]) -> list[Job]:
    if mode is Mode.REDACT and output is None and not in_place:
        raise ConfigError("a folder needs -o DIR (its tree is mirrored there)", where=root)
    base = None if output is None else (Path(output) if single else Path(output) / root.name)
    if base is not None and base.resolve().is_relative_to(root.resolve()):
        raise ConfigError("the output folder must not be inside the input folder", where=base)
    jobs = []
    for path in _walk(root):
        try:
            kind = detect_format(path, fmt)
        except InputError:
            skipped.append(str(path))
            continue
        rel = path.relative_to(root)
        target = None
        if mode is Mode.REDACT:
            target = str(path) if in_place else str(base / rel)  # type: ignore[operator]
        jobs.append(Job(str(path), target, str(path), kind))
    return jobs


def _check_outputs(jobs: Sequence[Job], *, in_place: bool) -> None:
    sources = [Path(j.source) for j in jobs if j.source != "-"]
    resolved = {s.resolve() for s in sources}
    inodes = {_inode(s) for s in sources} - {None}
    seen: set[str] = set()
    for job in jobs:
        if job.target is None or job.target == "-":
            continue
        if job.target in seen:
            raise ConfigError("two inputs would be written to the same output", where=job.target)
        seen.add(job.target)
        if in_place:
            continue
        target = Path(job.target)
        if target.resolve() in resolved or _inode(target) in inodes:
            raise ConfigError("output would overwrite an input; choose another -o "
                              "(or --in-place to replace inputs on purpose)", where=job.target)


def _inode(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_dev, st.st_ino


# -- workers ---------------------------------------------------------------------------------

_WORKER: dict[str, Any] = {}  # the worker process's own Redactor, built by _init_worker


def _init_worker(config: RedactConfig) -> None:
    """Build the worker's engine, once per worker process."""
    _WORKER["redactor"] = Redactor(config)


def analyse(redactor: Redactor, docs: list[tuple[Segment, ...]], mode: Mode
             ) -> list[tuple[tuple[str, ...] | None, tuple[Span, ...]]]:
    if mode is Mode.DETECT:
        return [(None, tuple(spans)) for spans in redactor.detect_many(docs)]
    return [(r.segments, r.spans) for r in redactor.redact_many(docs)]


def _work(docs: list[tuple[Segment, ...]], mode: Mode
          ) -> list[tuple[tuple[str, ...] | None, tuple[Span, ...]]]:
    return analyse(_WORKER["redactor"], docs, mode)


class _Done:
    """A finished computation with the interface of a future (one-process runs)."""

    def __init__(self, value: Any = None, error: BaseException | None = None) -> None:
        self._value = value
        self._error = error

    def result(self) -> Any:
        if self._error is not None:
            raise self._error
        return self._value


# -- the run ---------------------------------------------------------------------------------


@dataclass
class _FileState:
    job: Job
    tmp: Path | None = None
    out: TextIO | None = None
    units: int = 0
    spans: int = 0
    chars: int = 0
    problems: list[Problem] = field(default_factory=list)
    error: ConfideError | None = None

    def summary(self) -> FileSummary:
        return FileSummary(self.job, self.units, self.spans, self.chars,
                           tuple(self.problems), self.error)


class _WorkerDied(ConfideError):
    """The process pool broke: the whole run stops."""


_Result = tuple[tuple[str, ...] | None, tuple[Span, ...]]


@dataclass
class _Batch:
    """Consecutive documents, from one or more files, analysed by one worker call."""

    parts: list[tuple[_FileState, list[Unit]]] = field(default_factory=list)
    units: int = 0
    chars: int = 0
    future: Any = None

    def add(self, state: _FileState, unit: Unit) -> None:
        if not self.parts or self.parts[-1][0] is not state:
            self.parts.append((state, []))
        self.parts[-1][1].append(unit)
        self.units += 1
        self.chars += sum(len(s.text) for s in unit.segments)

    def full(self) -> bool:
        return self.units >= _CHUNK_UNITS or self.chars >= _CHUNK_CHARS

    def docs(self) -> list[tuple[Segment, ...]]:
        return [u.segments for _, units in self.parts for u in units]


def _states(pending: Iterable[_Batch | _FileState], batch: _Batch,
            ended: Iterable[_FileState]) -> Iterator[_FileState]:
    for item in pending:
        if isinstance(item, _FileState):
            yield item
        else:
            yield from (state for state, _ in item.parts)
    yield from (state for state, _ in batch.parts)
    yield from ended


class Runner:
    """Runs one mode over jobs with ``workers`` processes (1: in this process)."""

    def __init__(self, config: RedactConfig, *, mode: Mode = Mode.REDACT, workers: int = 1,
                 options: FormatOptions | None = None, dask_address: str | None = None) -> None:
        self.config = config
        self.mode = mode
        self.workers = max(1, workers)
        self.dask_address = dask_address
        self.options = options or FormatOptions()
        self._redactor: Redactor | None = None
        self._stdout: TextIO | None = None
        self._stack = contextlib.ExitStack()

    def run(self, jobs: Sequence[Job], *,
            on_unit: Callable[[UnitResult], None] | None = None,
            on_file: Callable[[FileSummary], None] | None = None) -> list[FileSummary]:
        """Process every job; a file that fails does not stop the others."""
        with self._stack:
            if self.dask_address is not None:
                from toolkit.dask import DaskExecutor

                validate_config(self.config)
                with DaskExecutor(self.dask_address, self.config) as cluster:
                    return self._run(jobs, cluster, on_unit, on_file)
            if self.workers == 1:
                if self._redactor is None:
                    self._redactor = Redactor(self.config)
                return self._run(jobs, None, on_unit, on_file)
            # A config error is caught here first, so workers never fail in their initializer.
            validate_config(self.config)
            method = "fork" if os.name == "posix" else "spawn"
            if method == "fork":
                # the model and the word lists, loaded once here, reach every forked worker
                # for free; each worker then builds its own (light) engine around them
                warm_caches(self.config)
            ctx = multiprocessing.get_context(method)
            with cf.ProcessPoolExecutor(self.workers, mp_context=ctx, initializer=_init_worker,
                                        initargs=(self.config,)) as pool:
                return self._run(jobs, pool, on_unit, on_file)

    def _submit(self, pool: Any, docs: list[tuple[Segment, ...]]) -> Any:
        if pool is None:
            assert self._redactor is not None
            try:
                return _Done(analyse(self._redactor, docs, self.mode))
            except Exception as exc:  # raised again, like a worker's, when the result is read
                return _Done(error=exc)
        return pool.submit(_work, docs, self.mode)

    def _run(self, jobs: Sequence[Job], pool: Any,
             on_unit: Callable[[UnitResult], None] | None,
             on_file: Callable[[FileSummary], None] | None) -> list[FileSummary]:
        """Read every job, analyse its documents in batches, write the results in order.

        A batch holds documents from one file or from several small ones, so a folder of short
        transcripts keeps every worker busy (and spaCy's ``nlp.pipe`` batching full) just as
        one large file does. The queue holds batches and file ends in reading order; at most
        ``window`` batches are in flight.
        """
        window = 8 if self.dask_address is not None else 3 * self.workers
        pending: deque[_Batch | _FileState] = deque()
        in_flight = 0
        summaries: list[FileSummary] = []
        batch = _Batch()
        ended: list[_FileState] = []  # files read to the end whose last units are in ``batch``

        def drain() -> None:
            nonlocal in_flight
            item = pending.popleft()
            if isinstance(item, _FileState):
                summaries.append(self._finish(item))
                if on_file is not None:
                    on_file(summaries[-1])
                return
            in_flight -= 1
            for state, units, results in self._results(pool, item):
                if results is not None:
                    self._emit(state, units, results, on_unit)

        def flush() -> None:
            nonlocal batch, in_flight
            if batch.parts:
                batch.future = self._submit(pool, batch.docs())
                pending.append(batch)
                in_flight += 1
                batch = _Batch()
            pending.extend(ended)
            ended.clear()
            while in_flight > window or (in_flight == 0 and pending):
                drain()

        try:
            for job in jobs:
                state = _FileState(job)
                try:
                    for unit in self._units(state):
                        batch.add(state, unit)
                        if batch.full():
                            flush()
                except ConfideError as exc:
                    state.error = exc
                ended.append(state)
                if not batch.parts:
                    flush()
            flush()
            while pending:
                drain()
        finally:  # interrupted: no temporary file is left behind
            for state in {id(s): s for s in _states(pending, batch, ended)}.values():
                self._discard(state)
        return summaries

    def _results(self, pool: Any, batch: _Batch
                 ) -> Iterator[tuple[_FileState, list[Unit], list[_Result] | None]]:
        """Each file's share of a batch's results (None for a file that failed).

        If a batch of several files fails, each file's share is analysed again on its own,
        so one file that trips a bug fails alone.
        """
        try:
            results = self._wait(batch.future, batch.parts[0][0])
        except _WorkerDied:
            raise
        except ConfideError as exc:
            if len({id(state) for state, _ in batch.parts}) == 1:
                state = batch.parts[0][0]
                state.error = state.error or exc
                yield state, batch.parts[0][1], None
                return
            for state, units in batch.parts:
                if state.error is not None:
                    continue
                try:
                    part = self._wait(self._submit(pool, [u.segments for u in units]), state)
                except _WorkerDied:
                    raise
                except ConfideError as err:
                    state.error = state.error or err
                    part = None
                yield state, units, part
            return
        start = 0
        for state, units in batch.parts:
            yield state, units, results[start:start + len(units)]
            start += len(units)

    @staticmethod
    def _wait(future: Any, state: _FileState) -> list[_Result]:
        try:
            return future.result()  # type: ignore[no-any-return]
        except BrokenProcessPool:
            raise _WorkerDied("a worker process died (out of memory?); "
                              "retry with fewer --workers", where="confide") from None
        except ConfideError:
            raise
        except Exception as exc:  # a bug on some input: this file fails, the others go on
            if os.environ.get("CONFIDE_DEBUG"):
                raise
            raise ConfideError(
                f"internal error while analysing ({type(exc).__name__}); nothing was "
                "written for this file; rerun with CONFIDE_DEBUG=1 and report it",
                where=state.job.name) from None

    def _units(self, state: _FileState) -> Iterator[Unit]:
        job = state.job
        _reject_binary(job)
        handler = get_handler(job.fmt, self.options)
        for item in handler.read(job.source, source=job.name):
            if isinstance(item, Problem):
                state.problems.append(item)
            else:
                yield item

    def _emit(self, state: _FileState, units: list[Unit],
              results: list[tuple[tuple[str, ...] | None, tuple[Span, ...]]],
              on_unit: Callable[[UnitResult], None] | None) -> None:
        if state.error is not None:
            return
        try:
            for unit, (texts, spans) in zip(units, results, strict=True):
                if texts is not None:
                    self._output(state).write(unit.render(texts))
                state.units += 1
                state.spans += len(spans)
                state.chars += sum(len(s.text) for s in unit.segments)
                if on_unit is not None:
                    on_unit(UnitResult(state.job, unit, spans))
        except OSError as exc:
            state.error = InputError(f"cannot write ({exc.strerror})", where=state.job.target)
        except ValueError as exc:  # a unit that cannot be rendered back: never write it raw
            state.error = ConfideError(f"cannot write a document back ({exc})",
                                       where=state.job.name)

    def _output(self, state: _FileState) -> TextIO:
        if state.out is None:
            target = state.job.target
            if target is None:
                raise ConfigError("no output for this job", where=state.job.name)
            if target == "-":
                if self._stdout is None:
                    self._stdout = self._stack.enter_context(_open_output("-"))
                state.out = self._stdout
            else:
                path = Path(target)
                path.parent.mkdir(parents=True, exist_ok=True)
                state.tmp = path.with_name(f".{path.name}.confide-{os.getpid()}.tmp")
                state.out = state.tmp.open("w", encoding="utf-8", newline="")
        return state.out

    def _finish(self, state: _FileState) -> FileSummary:
        """Close the output; rename it into place, or remove it if the file failed.

        With ``--in-place``, a file with malformed parts keeps its original: they would be
        left out of the output, and replacing the input would delete them.
        """
        job = state.job
        if job.target == job.source and state.problems and state.error is None:
            state.error = InputError("malformed parts (listed above); the original is kept "
                                     "unchanged", where=job.name)
        try:
            if state.out is None and state.error is None and job.target not in (None, "-"):
                self._output(state)  # an empty input still gets its (empty) output
            if state.out is not None and job.target != "-":
                state.out.close()
                assert state.tmp is not None and job.target is not None
                if state.error is None:
                    if job.target == job.source:
                        shutil.copymode(job.source, state.tmp)
                    state.tmp.replace(job.target)
            elif state.out is not None:
                state.out.flush()
        except OSError as exc:
            state.error = InputError(f"cannot write ({exc.strerror})", where=job.target)
        if state.error is not None:
            self._discard(state)
        return state.summary()

    @staticmethod
    def _discard(state: _FileState) -> None:
        """Close and remove a file's temporary output."""
        if state.tmp is None:
            return
        with contextlib.suppress(OSError):
            if state.out is not None:
                state.out.close()
        state.tmp.unlink(missing_ok=True)


def _reject_binary(job: Job) -> None:
    """A file with NUL bytes is binary: refuse it before any parsing."""
    if job.source == "-" or not Path(job.source).is_file():
        return  # stdin, a pipe or a FIFO: the first bytes could be read only once
    try:
        with Path(job.source).open("rb") as fh:
            head = fh.read(8192)
    except OSError as exc:
        raise InputError(f"cannot read ({exc.strerror})", where=job.name) from None
    if b"\x00" in head:
        raise DecodeError("binary file (contains NUL bytes), not text; skipped",
                          where=job.name)
