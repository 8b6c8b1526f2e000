"""Read a rendered HTML document back as text blocks, with the disclosure elements around them.

Readability and the checklist both work from these blocks, so they judge exactly what the
reader sees: paragraph, list item and heading text, never markup, CSS or the ``<head>``.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser

__all__ = ["Block", "html_blocks"]

_BLOCKS = frozenset({"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "legend", "label"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_VOID = frozenset({"input", "meta", "link", "br", "hr", "img"})


@dataclass(frozen=True)
class Block:
    """One block of text: its tag, text, enclosing element ids, and how it is counted."""

    tag: str
    text: str
    elements: tuple[str, ...]
    skip: bool
    key_facts: bool

    @property
    def is_heading(self) -> bool:
        return self.tag in _HEADINGS


@dataclass
class _Open:
    tag: str
    element: str | None
    skip: bool
    key_facts: bool


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[_Open] = []
        self.blocks: list[Block] = []
        self.current: tuple[str, list[str]] | None = None
        self.in_body = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body":
            self.in_body = True
        if tag in _VOID:
            return
        attr = dict(attrs)
        parent_skip = bool(self.stack) and self.stack[-1].skip
        parent_key = bool(self.stack) and self.stack[-1].key_facts
        self.stack.append(
            _Open(
                tag=tag,
                element=attr.get("data-element"),
                skip=parent_skip or attr.get("data-readability") == "skip",
                key_facts=parent_key or "key-facts" in (attr.get("class") or "").split(),
            )
        )
        if tag in _BLOCKS and self.current is None:
            self.current = (tag, [])

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        if self.current is not None and self.current[0] == tag:
            self._flush()
        while self.stack:
            top = self.stack.pop()
            if top.tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.in_body and self.current is not None:
            self.current[1].append(data)

    def _flush(self) -> None:
        assert self.current is not None
        tag, parts = self.current
        self.current = None
        text = " ".join("".join(parts).split())
        if not text:
            return
        elements = tuple(o.element for o in self.stack if o.element and o.element != "key_facts")
        self.blocks.append(
            Block(
                tag=tag,
                text=text,
                elements=elements,
                skip=any(o.skip for o in self.stack),
                key_facts=any(o.key_facts for o in self.stack),
            )
        )


def html_blocks(html: str) -> tuple[Block, ...]:
    """The text blocks of ``html`` in document order."""
    parser = _Parser()
    parser.feed(html)
    parser.close()
    return tuple(parser.blocks)
