"""The OFN simulator fixtures (from the sync work) for the reconcile-after-push tests."""

try:
    from tests.ofn_sim.fixtures import hub_db, ofn_client, ofn_sim, pulled_store
except ImportError:  # the simulator is not in this build: the tests skip themselves
    pass
else:
    __all__ = ["hub_db", "ofn_client", "ofn_sim", "pulled_store"]
