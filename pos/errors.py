"""Errors people can act on, as opposed to bugs.

A :class:`KnownError` carries one clear sentence for the volunteer or hub staff; anything
else is a bug, logged with its traceback and shown with the log file's path.
"""


class KnownError(Exception):
    """An expected failure with a message fit to show a person as it is."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
