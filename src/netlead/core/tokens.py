"""Secret tokens for links, feeds and invitations. The database only ever holds a token's hash;
comparisons run in constant time."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

from django.conf import settings
from django.core.mail.utils import DNS_NAME


def new_token() -> str:
    """A fresh random token for a link that is shown or sent once."""
    return secrets.token_urlsafe(32)


def new_salt() -> str:
    return secrets.token_hex(16)


def token_for(salt: str, purpose: str) -> str:
    """The token derived from `salt` and the server's secret, so the same link can be sent again
    (a reminder) while only its hash is stored; `purpose` keeps links of different kinds apart."""
    digest = hmac.new(
        settings.SECRET_KEY.encode(), f"{purpose}:{salt}".encode(), hashlib.sha256
    ).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def token_matches(token: str, token_hash: str) -> bool:
    return hmac.compare_digest(hash_token(token), token_hash)


def response_key(token: str, purpose: str) -> str:
    """The key of an anonymous response that belongs to `token`: a different hash from the
    invitation's, so a stored response cannot be matched to its invitation row."""
    return hashlib.sha256(f"{purpose}:{token}".encode()).hexdigest()


#: Purpose of `repeatable_message_id`'s keyed hash.
MESSAGE_ID_PURPOSE = "netlead.mail.message-id"


def repeatable_message_id(key: str) -> str:
    """The Message-ID of a mail that a task may send again: a task killed between the mail
    leaving and its COMMIT sends it once more, and with the same `key` it is the same message,
    which mail programs that sort by Message-ID show once. A keyed hash, so it tells nothing
    about the key."""
    return f"<{token_for(key, MESSAGE_ID_PURPOSE)}@{DNS_NAME}>"
