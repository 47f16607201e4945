"""The PySide6 front end: the only package (with pos.app) that imports Qt."""
