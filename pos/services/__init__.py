"""Use cases over the store: what the till, staff and printers ask for."""
