"""A simulator of the Open Food Network API (ofn-api.md) on 127.0.0.1, for tests and bench."""

from tests.ofn_sim.server import OFNSimulator

__all__ = ["OFNSimulator"]
