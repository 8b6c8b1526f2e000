"""Run a command and measure it: wall time, CPU time, peak memory of the whole process tree.

Peak RSS comes two ways: ``ru_maxrss`` from ``wait4`` (the largest single process of the tree,
exact) and a sampled sum of ``VmRSS`` over the live process tree every 50 ms from ``/proc``
(what the machine really had to hold when a tool runs several worker processes).
"""

from __future__ import annotations

import os
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Measured", "measure"]


@dataclass(frozen=True)
class Measured:
    returncode: int
    wall_s: float
    cpu_s: float  # user + system of the process and its waited-for descendants
    max_rss_mb: float  # largest single process (ru_maxrss)
    tree_rss_mb: float | None  # sampled peak of the sum over the process tree (Linux only)
    stdout: str
    stderr: str


def _children(pid: int) -> list[int]:
    out: list[int] = []
    task_dir = Path(f"/proc/{pid}/task")
    try:
        for task in task_dir.iterdir():
            text = (task / "children").read_text()
            out += [int(x) for x in text.split()]
    except OSError:
        pass
    return out


def _rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def _tree_rss_kb(root: int) -> int:
    total, stack, seen = 0, [root], set()
    while stack:
        pid = stack.pop()
        if pid in seen:
            continue
        seen.add(pid)
        total += _rss_kb(pid)
        stack += _children(pid)
    return total


class _Sampler(threading.Thread):
    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peak_kb = 0
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            self.peak_kb = max(self.peak_kb, _tree_rss_kb(self.pid))
            self.stop.wait(0.05)


def measure(cmd: list[str], *, log_dir: Path, name: str, env: dict[str, str] | None = None
            ) -> Measured:
    """Run ``cmd`` to completion; its stdout/stderr go to ``log_dir/name.{out,err}``."""
    log_dir.mkdir(parents=True, exist_ok=True)
    out_path, err_path = log_dir / f"{name}.out", log_dir / f"{name}.err"
    with out_path.open("w") as out, err_path.open("w") as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, stdin=subprocess.DEVNULL, env=env)
        sampler = _Sampler(proc.pid) if Path("/proc").is_dir() else None
        if sampler is not None:
            sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        if sampler is not None:
            sampler.stop.set()
            sampler.join()
    return Measured(
        returncode=proc.returncode, wall_s=wall, cpu_s=usage.ru_utime + usage.ru_stime,
        max_rss_mb=usage.ru_maxrss / 1024,
        tree_rss_mb=sampler.peak_kb / 1024 if sampler is not None else None,
        stdout=out_path.read_text(), stderr=err_path.read_text(),
    )
