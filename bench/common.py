"""Helpers shared by the benchmarks: demo databases, timing, percentiles."""

from __future__ import annotations

import os
import platform
import shutil
import statistics
import time
from collections.abc import Callable
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out"
# Demo hubs are cached outside the checkout so every worktree (and a re-run after a clean)
# reuses them: a 100,000-order hub takes minutes to build.
DEMO_CACHE = Path(os.environ.get("FOODHUB_BENCH_CACHE", "/tmp/foodhub-bench"))


def demo_db(orders: int, seed: int = 7) -> Path:
    """A cached demo database with ``orders`` orders (built once, copied per use)."""
    from pos.services.demo import write_demo

    DEMO_CACHE.mkdir(parents=True, exist_ok=True)
    cached = DEMO_CACHE / f"demo-{orders}-{seed}.sqlite"
    if not cached.exists():
        tmp = cached.with_suffix(".tmp")
        if tmp.exists():
            tmp.unlink()
        write_demo(tmp, orders=orders, seed=seed)
        for suffix in ("-wal", "-shm", ".lock"):
            Path(str(tmp) + suffix).unlink(missing_ok=True)
        tmp.rename(cached)
    return cached


def fresh_copy(src: Path, name: str) -> Path:
    OUT.mkdir(exist_ok=True)
    target = OUT / name
    for suffix in ("", "-wal", "-shm", ".lock"):
        Path(str(target) + suffix).unlink(missing_ok=True)
    shutil.copyfile(src, target)
    return target


def timings_ms(fn: Callable[[], object], repeat: int, warmup: int = 3) -> list[float]:
    for _ in range(warmup):
        fn()
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def summary(values: list[float]) -> str:
    p50, p95, mean = pct(values, 50), pct(values, 95), statistics.fmean(values)
    return f"p50 {p50:7.3f} ms  p95 {p95:7.3f} ms  mean {mean:7.3f} ms"


def machine() -> str:
    return f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
