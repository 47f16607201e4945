"""A test "sync engine" for journal folders: copies files between per-device folders the way
Syncthing, Nextcloud or a shared drive would, but badly (test helper).

Each device (till or staff copy) has its own folder; whatever a device writes there itself (an
"original": any file the engine did not write) is copied to every other device's folder at the
same relative path, after a random delay (so files arrive late and out of order). Seeded
(``seed``) so that a failure can be replayed; every action is kept in :attr:`FolderSync.log`.

What goes wrong, each with its own probability:
- ``truncate``: the final name shows a truncated copy first (a non-atomic copy caught half-way,
  or a drive that flushes late); the complete file replaces it later, in place.
- ``temp``: a temporary copy sits next to the file (``.syncthing.NAME.tmp``, ``~NAME``,
  ``NAME.part``), some removed when the copy completes, some left behind for ever (an engine
  that crashed).
- ``duplicate``: the same file arrives again later (written again, byte for byte).
- ``prealloc``: the final name shows the file at its full size but zeros first (a copier that
  preallocates), completed later in place.
Every copy keeps the source's modification time (as Syncthing does), so an incomplete copy
and the complete one may differ in nothing but their bytes.
Files whose name starts with a dot are a writer's own temporary files and are never copied
(Syncthing ignores them too).

:meth:`quiet` stops the faults and delivers everything still on its way; :meth:`settled` says
whether every original is complete in every folder.
"""

from __future__ import annotations

import heapq
import itertools
import os
import random
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType

TEMP_NAMES = (".syncthing.{}.tmp", "~{}", "{}.part")


@dataclass(order=True)
class _Job:
    due: float
    n: int
    kind: str = field(compare=False)  # copy | complete | duplicate | remove
    src: Path = field(compare=False)
    dst: Path = field(compare=False)


class FolderSync:
    def __init__(
        self,
        folders: list[Path],
        *,
        seed: int = 0,
        max_delay: float = 0.4,
        truncate: float = 0.2,
        temp: float = 0.2,
        duplicate: float = 0.2,
        prealloc: float = 0.1,
        interval: float = 0.02,
    ) -> None:
        self.folders = [Path(f) for f in folders]
        for f in self.folders:
            f.mkdir(parents=True, exist_ok=True)
        self.seed = seed
        self.rng = random.Random(seed)
        self.max_delay = max_delay
        self.p_truncate, self.p_temp, self.p_duplicate = truncate, temp, duplicate
        self.p_prealloc = prealloc
        self.interval = interval
        self.faulty = True
        self.log: list[str] = []
        self.counts: dict[str, int] = {
            "copy": 0, "truncated": 0, "temp": 0, "duplicate": 0, "preallocated": 0,
        }  # fmt: skip
        self._ours: set[Path] = set()  # files the engine wrote (not originals)
        self._scheduled: set[tuple[Path, Path]] = set()  # (src, dst) with a copy on its way
        self._jobs: list[_Job] = []
        self._n = itertools.count()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.errors: list[BaseException] = []

    # running ------------------------------------------------------------------------
    def start(self) -> FolderSync:
        self._thread = threading.Thread(target=self._loop, name="folder-sync", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=10)
            self._thread = None

    def __enter__(self) -> FolderSync:
        return self.start()

    def __exit__(
        self, t: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                self.pump()
            except BaseException as exc:  # reported by the test through .errors
                self.errors.append(exc)
                return
            time.sleep(self.interval)

    # one round ------------------------------------------------------------------------
    def originals(self) -> list[tuple[Path, Path]]:
        """(folder, relative path) of every complete file a device wrote itself."""
        found = []
        for folder in self.folders:
            for path in folder.rglob("*"):
                if path.name.startswith(".") or not path.is_file() or path in self._ours:
                    continue
                found.append((folder, path.relative_to(folder)))
        return found

    def pump(self, now: float | None = None) -> None:
        """Schedule copies of new originals, then do the jobs that are due."""
        with self._lock:
            now = time.monotonic() if now is None else now
            for folder, rel in self.originals():
                src = folder / rel
                for other in self.folders:
                    dst = other / rel
                    if other == folder or (src, dst) in self._scheduled:
                        continue
                    self._scheduled.add((src, dst))
                    delay = self.rng.uniform(0, self.max_delay) if self.faulty else 0.0
                    self._push(now + delay, "copy", src, dst)
            while self._jobs and self._jobs[0].due <= now:
                job = heapq.heappop(self._jobs)
                self._do(job, now)

    def _push(self, due: float, kind: str, src: Path, dst: Path) -> None:
        heapq.heappush(self._jobs, _Job(due, next(self._n), kind, src, dst))

    def _later(self) -> float:
        return self.rng.uniform(0.02, self.max_delay) if self.faulty else 0.0

    def _do(self, job: _Job, now: float) -> None:
        try:
            data = job.src.read_bytes()
            mtime = job.src.stat().st_mtime_ns
        except FileNotFoundError:  # an original never disappears; a temp copy may
            data, mtime = b"", None
        dst = job.dst
        dst.parent.mkdir(parents=True, exist_ok=True)
        rng = self.rng
        if job.kind == "remove":
            dst.unlink(missing_ok=True)
            self.log.append(f"remove {dst}")
            return
        if job.kind == "copy" and self.faulty:
            if rng.random() < self.p_temp:
                temp = dst.with_name(rng.choice(TEMP_NAMES).format(dst.name))
                self._write(temp, data[: rng.randrange(len(data) + 1)], atomic=False)
                self.counts["temp"] += 1
                self.log.append(f"temp {temp}")
                if rng.random() < 0.7:  # the engine cleans up; otherwise it stays for ever
                    self._push(now + self._later(), "remove", temp, temp)
            roll = rng.random()
            if data and roll < self.p_truncate + self.p_prealloc:
                if roll < self.p_truncate:
                    partial, what = data[: rng.randrange(len(data))], "truncated"
                else:
                    partial, what = b"\0" * len(data), "preallocated"
                self._write(dst, partial, atomic=False, mtime=mtime)
                self.counts[what] += 1
                self.log.append(f"{what} {dst}")
                self._push(now + self._later(), "complete", job.src, dst)
                return
        atomic = job.kind != "complete" and rng.random() < 0.5
        self._write(dst, data, atomic=atomic, mtime=mtime)
        self.counts["copy"] += 1
        self.log.append(f"{job.kind} {dst}")
        if job.kind == "copy" and self.faulty and rng.random() < self.p_duplicate:
            self.counts["duplicate"] += 1
            self._push(now + self._later(), "duplicate", job.src, dst)

    def _write(self, path: Path, data: bytes, *, atomic: bool, mtime: int | None = None) -> None:
        self._ours.add(path)
        if atomic:  # Syncthing's way: a temporary name in the same folder, then a rename
            temp = path.with_name(f".syncthing.{path.name}.tmp")
            temp.write_bytes(data)
            if mtime is not None:
                os.utime(temp, ns=(mtime, mtime))
            os.replace(temp, path)
        else:  # a plain copy over the final name
            with open(path, "wb") as f:
                f.write(data)
            if mtime is not None:
                os.utime(path, ns=(mtime, mtime))

    # the quiet round ------------------------------------------------------------------
    def quiet(self) -> None:
        """No more faults or delays: everything on its way and every new file arrives
        complete at the next pump."""
        with self._lock:
            self.faulty = False
            jobs, self._jobs = self._jobs, []
            for job in jobs:
                self._push(0.0, "complete" if job.kind != "remove" else "remove", job.src, job.dst)
        self.pump()

    def settled(self) -> bool:
        """Every original is complete, byte for byte, in every folder."""
        with self._lock:
            if self._jobs:
                return False
            for folder, rel in self.originals():
                data = (folder / rel).read_bytes()
                for other in self.folders:
                    try:
                        if (other / rel).read_bytes() != data:
                            return False
                    except FileNotFoundError:
                        return False
            return True

    def settle(self, timeout: float = 20.0) -> None:
        """Pump until :meth:`settled` (after :meth:`quiet`)."""
        deadline = time.monotonic() + timeout
        while not self.settled():
            assert time.monotonic() < deadline, f"folders never settled (seed {self.seed})"
            self.pump()
            time.sleep(0.01)
