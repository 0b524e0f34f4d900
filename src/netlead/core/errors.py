"""Access errors, free of HTTP. Access functions raise them; the view layer turns them into
404 and 403 (`netlead.core.middleware.AccessErrorMiddleware`), and an API or an export task
can turn them into whatever it answers with."""

from __future__ import annotations


class NotFound(Exception):
    """The object does not exist for this user (outside their workspace or network)."""


class Forbidden(Exception):
    """The user reaches the object, but their role is too low for what they ask."""


class AlreadySubmitted(Exception):
    """An answer through a personal link was already handed in; nothing was changed."""
