"""Every page of the demo speaks Dutch and Danish: each demo user, set to `nl` then `da`, crawls
the links of the demo workspace from the dashboard, and no page shows an English text that the
catalogues translate (netlead's own strings and Django's, form widgets and validation messages
included).

The English texts looked for are the msgids of the active language's merged catalogue whose
translation differs from them. A page's texts are its text nodes and the texts a user reads or
hears from attributes (placeholder, title, aria-label, alt, a button's value), compared whole,
so a name that merely contains an English word is no finding. Texts with placeholders are
matched as patterns; very short texts, and English texts that are themselves a translation in
that language ("Team", "Status"), are too ambiguous to count."""

from __future__ import annotations

import os
import re
from collections import deque
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urldefrag, urlsplit

import pytest
from django.db import transaction
from django.test import Client
from django.utils.translation import trans_real

from netlead.accounts.models import User
from netlead.demo import load_demo
from netlead.demo.workspace import USERS
from netlead.workspaces.models import Workspace

LANGUAGES = ["nl", "da"]
#: Pages asked per user and language: the crawl is breadth-first, so these are the pages
#: nearest the dashboard.
PAGES_PER_USER = int(os.environ.get("NETLEAD_CRAWL_PAGES", "25"))
#: Shorter texts ("OK", "No", "Map") are too often a name, an abbreviation or the same word in
#: the other language to count.
SHORTEST = 4
#: Where the crawl does not go: leaving, other sites' pages, files and the admin.
SKIPPED = re.compile(
    r"^/(?:admin|api|static|media|accounts/logout)/|\.(?:csv|pdf|xlsx|json|zip|ics|svg|png)$"
    r"|/(?:download|export|pdf|csv|ics)/?$"
)
#: English words a language uses as they are, where the catalogue translates the same msgid:
#: the health check's Dutch wording keeps "Commitment" (frameworks/instruments/health_check.toml).
LOANWORDS = {"nl": {"Commitment"}, "da": set()}
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]|%[sd]|\{\w*\}")
READ_ATTRIBUTES = {"placeholder", "title", "aria-label", "alt"}
INVISIBLE = {"script", "style", "template"}


class _Texts(HTMLParser):
    """The page's text nodes and read attributes, whitespace collapsed."""

    def __init__(self, language: str) -> None:
        super().__init__(convert_charrefs=True)
        self.language = language
        self.texts: list[str] = []
        self.links: list[str] = []
        self._skipping = 0
        #: The tag of an element in another language ("English" in the language picker), and
        #: how deep inside such elements of that tag the parser is.
        self._foreign: tuple[str, int] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if self._foreign and self._foreign[0] == tag:
            self._foreign = (tag, self._foreign[1] + 1)
        elif not self._foreign and (values.get("lang") or self.language) != self.language:
            self._foreign = (tag, 1)
        if tag in INVISIBLE:
            self._skipping += 1
        for name in READ_ATTRIBUTES:
            if values.get(name) and not self._foreign:
                self.texts.append(_squash(values[name] or ""))
        if tag == "input" and values.get("type") in {"submit", "button"} and values.get("value"):
            self.texts.append(_squash(values["value"] or ""))
        if tag == "a" and values.get("href"):
            self.links.append(values["href"] or "")

    def handle_endtag(self, tag: str) -> None:
        if tag in INVISIBLE and self._skipping:
            self._skipping -= 1
        if self._foreign and self._foreign[0] == tag:
            depth = self._foreign[1] - 1
            self._foreign = (tag, depth) if depth else None

    def handle_data(self, data: str) -> None:
        if not self._skipping and not self._foreign and data.strip():
            self.texts.append(_squash(data))


def _squash(text: str) -> str:
    return " ".join(text.split())


def english_texts(language: str) -> tuple[set[str], list[re.Pattern[str]]]:
    """The English texts the catalogues of `language` translate: whole texts, and patterns for
    texts with placeholders."""
    catalog = trans_real.translation(language)._catalog
    translations: set[str] = set()
    pairs: list[tuple[str, str]] = []
    for key, value in catalog.items():
        if isinstance(key, tuple):  # a plural form: (msgid, index)
            key = key[0]
        msgid = key.split("\x04", 1)[-1]  # "context\x04msgid"
        if not msgid or not value or value == msgid:
            continue
        translations.add(_squash(value))
        pairs.append((_squash(msgid), _squash(value)))
    whole: set[str] = set()
    patterns: list[re.Pattern[str]] = []
    for msgid, _value in pairs:
        if msgid in translations or msgid in LOANWORDS[language] or "\n" in msgid:
            continue
        if PLACEHOLDER.search(msgid):
            literal = PLACEHOLDER.sub("\0", msgid)
            if len(literal.replace("\0", "").strip(" .,:;")) < 2 * SHORTEST:
                continue
            pattern = "".join(
                ".+?" if part == "\0" else re.escape(part) for part in re.split("(\0)", literal)
            )
            patterns.append(re.compile(f"^{pattern}$"))
        elif len(msgid) >= SHORTEST and any(c.isalpha() for c in msgid):
            whole.add(msgid)
    return whole, patterns


def _inside(href: str, current: str, prefixes: tuple[str, ...]) -> str | None:
    path = urldefrag(href)[0]
    if not path or path.startswith(("mailto:", "tel:", "javascript:")):
        return None
    parts = urlsplit(path)
    if parts.netloc and parts.netloc != "testserver":
        return None
    target = parts.path if parts.path.startswith("/") else None
    if target is None or SKIPPED.search(target) or not target.startswith(prefixes):
        return None
    return target + (f"?{parts.query}" if parts.query else "")


def crawl(
    client: Client, language: str, start: str, prefixes: tuple[str, ...], limit: int
) -> Iterator[tuple[str, _Texts]]:
    """The HTML pages reached from `start` by links under `prefixes`, breadth first."""
    seen = {start}
    queue = deque([start])
    asked = 0
    while queue and asked < limit:
        path = queue.popleft()
        response = client.get(path)
        asked += 1
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        parser = _Texts(language)
        parser.feed(response.content.decode())
        yield path, parser
        for href in parser.links:
            target = _inside(href, path, prefixes)
            if target and target not in seen:
                seen.add(target)
                queue.append(target)


@pytest.fixture(scope="module")
def demo(django_db_setup: None, django_db_blocker: Any) -> Iterator[Workspace]:
    with django_db_blocker.unblock(), transaction.atomic():
        loaded = load_demo()
        yield loaded.workspace
        transaction.set_rollback(True)


def _findings(texts: list[str], whole: set[str], patterns: list[re.Pattern[str]]) -> set[str]:
    found: set[str] = set()
    for text in texts:
        if text in whole or (len(text) >= 2 * SHORTEST and any(p.match(text) for p in patterns)):
            found.add(text)
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_demo_page_speaks_the_users_language(
    demo: Workspace, db: None, language: str
) -> None:
    whole, patterns = english_texts(language)
    assert "This field is required." in whole  # Django's own catalogue is looked in too
    slug = demo.slug
    prefixes = (f"/w/{slug}/", "/notifications/", "/accounts/profile/", "/privacy/")
    findings: dict[str, set[str]] = {}
    pages = 0
    for email, *_ in USERS:
        user = User.objects.get(email=email)
        user.language = language
        user.save(update_fields=["language"])
        client = Client()
        client.force_login(user)
        for path, parser in crawl(client, language, f"/w/{slug}/", prefixes, PAGES_PER_USER):
            pages += 1
            for text in _findings(parser.texts, whole, patterns):
                findings.setdefault(text, set()).add(path)
    assert pages > 40
    report = "\n".join(
        f"{text!r} on {len(paths)} page(s), e.g. {sorted(paths)[0]}"
        for text, paths in sorted(findings.items())
    )
    assert not findings, f"English texts on {language} pages:\n{report}"
