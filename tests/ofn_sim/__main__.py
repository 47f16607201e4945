"""Run the simulator on its own: ``python -m tests.ofn_sim --orders 2000 --latency 0.02``.

Prints ``URL KEY`` on one line when ready, then serves until stdin closes (a benchmark runs it
in a separate process, as a real server would be). Binds 127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import sys

from tests.ofn_sim.server import OFNSimulator


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--orders", type=int, default=60)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--latency", type=float, default=0.0)
    args = ap.parse_args()
    with OFNSimulator(orders=args.orders, seed=args.seed) as sim:
        sim.latency = args.latency
        print(sim.url, sim.key, flush=True)
        for line in sys.stdin:
            if line.strip() == "stats":
                print(sum(sim.hits.values()), sim.max_in_flight, sim.connections, flush=True)


if __name__ == "__main__":
    main()
