"""OFN sync: the API client, pulling orders into the store, pushing the outbox. No Qt."""
