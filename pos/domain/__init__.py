"""Plain-Python business objects: no Qt, no SQL, no network."""
