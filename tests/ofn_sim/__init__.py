"""A simulator of the Open Food Network API (v0 orders, v1 customers) on 127.0.0.1, for tests
and benchmarks; server.py lists the behaviour it copies from OFN."""

from tests.ofn_sim.server import OFNSimulator

__all__ = ["OFNSimulator"]
