"""Texts written by facilitators: "one per line" lists, and lesson texts and assignment
instructions in Markdown (CommonMark: headings, emphasis, lists, links, tables). Raw HTML is not allowed (markdown-it escapes it) and markdown-it
refuses javascript: and other unsafe link targets, so the output is safe to show."""

from __future__ import annotations

from markdown_it import MarkdownIt

_MARKDOWN = MarkdownIt("commonmark", {"html": False}).enable("table")


def lines(text: str) -> list[str]:
    """The non-empty lines of a text field written "one per line", stripped."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def render_markdown(text: str, *, top_level: int = 3) -> str:
    """HTML of `text`; its headings start at `top_level` (# becomes <h3> by default) so they
    fit under the page's own headings."""
    tokens = _MARKDOWN.parse(text or "")
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            token.tag = f"h{min(6, int(token.tag[1]) + top_level - 1)}"
    return _MARKDOWN.renderer.render(tokens, _MARKDOWN.options, {})
