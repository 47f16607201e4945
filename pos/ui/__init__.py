"""The PySide6 front end: the only package (with pos.app) that imports Qt."""

from pos.ui.qt_import import quicken_feature_check

quicken_feature_check()  # before any of our Qt modules is imported (see its docstring)
