"""Every error a user can cause, named for its condition.

The CLI turns any NewsgraphError into one line on stderr and a non-zero exit; anything
else escaping is a bug.
"""


class NewsgraphError(Exception):
    """Base of the errors that are the user's input, not our bug."""

    exit_code = 1


class InputNotFound(NewsgraphError):
    exit_code = 2


class EmptyInput(NewsgraphError):
    pass


class BinaryInput(NewsgraphError):
    pass


class InputTooLarge(NewsgraphError):
    pass


class NotUtf8(NewsgraphError):
    """Bytes that are not UTF-8; we never guess an encoding, because evidence offsets index the text."""


class NotADate(NewsgraphError):
    """A publication date given by the user that is not a calendar date."""


class NotAnArticle(NewsgraphError):
    pass


class UnsupportedLanguage(NewsgraphError):
    pass


class ModelNotFound(NewsgraphError):
    pass


class StoreError(NewsgraphError):
    pass


class NoSuchEntity(NewsgraphError):
    """No entity has this name, alias or id (newsgraph.graph.queries re-exports it)."""
