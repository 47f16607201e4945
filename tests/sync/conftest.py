from tests.ofn_sim.fixtures import hub_db, ofn_client, ofn_sim, pulled_store

__all__ = ["hub_db", "ofn_client", "ofn_sim", "pulled_store"]
