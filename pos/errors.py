"""Errors people can act on, as opposed to bugs.

A :class:`KnownError` carries a code and its parameters, not a sentence: the English
template of each code is in :mod:`pos.messages`, and whoever shows the error words it in
the reader's language (``messages.word_error(exc, language)``: the UI with the UI
language, the CLI with the user's). ``str(exc)`` and ``exc.message`` stay English, for
logs and tracebacks. Anything that is not a KnownError is a bug, logged with its
traceback and shown with the log file's path.

Raise one as ``KnownError("till.already_open")`` or
``KnownError("order.missing", number=number)``; add the code's template to
:data:`pos.messages.ERRORS` (a test checks every code raised has one).
"""

from __future__ import annotations

from typing import Any

from pos import messages


class KnownError(Exception):
    """An expected failure: a code from :data:`pos.messages.ERRORS` and its parameters."""

    def __init__(self, code: str, /, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params

    @property
    def message(self) -> str:
        """The English sentence (logs, tracebacks); show people ``messages.word_error``."""
        return messages.word(self.code, self.params, messages.SOURCE)

    def __str__(self) -> str:
        return self.message

    def __reduce__(self) -> tuple[Any, ...]:
        # Subclasses take other arguments (AlreadyCollected(info)); rebuild from the state
        # so an error crosses a process boundary (PDF workers) with its code and params.
        return (_restore, (type(self), self.args, self.__dict__))


def _restore(cls: type[KnownError], args: tuple[Any, ...], state: dict[str, Any]) -> KnownError:
    error = cls.__new__(cls)
    error.args = args
    error.__dict__.update(state)
    return error
