"""Render a consent-document profile to HTML, Markdown, plain text or PDF, checked.

Every rendering is checked twice before it is returned: against the disclosure checklist
derived from the consent policies (:mod:`toolkit.consent.checklist`) and against the
readability bars (:mod:`toolkit.consent.readability`). The result carries both reports; the
caller decides whether a miss is fatal (``confide consent render --strict``).

The document's version id is the SHA-256 of its canonical text: the plain-text rendering in
the same language with every version id in it replaced by ``sha256:`` and 64 zeros, Unicode
NFC, and every run of whitespace collapsed to one space (:func:`canonical_text`). A consent
record's ``notice.sha256`` holds this id, so what the person saw stays linked to what they
agreed to. Anyone can recompute it from the ``.txt`` file.
"""

from __future__ import annotations

import enum
import functools
import gettext
import hashlib
import re
import textwrap
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import jinja2
from babel.support import Translations
from markupsafe import Markup

from toolkit._resources import data_dir
from toolkit.consent._html_text import html_blocks
from toolkit.consent._profile_types import Language, Profile
from toolkit.consent._view import build_view
from toolkit.consent.checklist import ChecklistReport, check_document, required_elements
from toolkit.consent.policy import Policy, load_policies
from toolkit.consent.readability import ReadabilityReport, assess_blocks
from toolkit.errors import ConfigError

__all__ = [
    "PLACEHOLDER_ID",
    "Format",
    "RenderedDocument",
    "canonical_text",
    "md_escape",
    "render_document",
    "version_id_of",
]

PLACEHOLDER_ID = "sha256:" + "0" * 64
_ID = re.compile(r"sha256:[0-9a-f]{64}")
_WIDTH = 78


class Format(enum.Enum):
    """Output formats of ``confide consent render``."""

    HTML = "html"
    MARKDOWN = "md"
    TEXT = "txt"
    PDF = "pdf"

    @property
    def template_suffix(self) -> str:
        """The template variant this format is made from (PDF is printed from HTML)."""
        return "html" if self in (Format.HTML, Format.PDF) else self.value


@dataclass(frozen=True)
class RenderedDocument:
    """A rendered, checked consent document."""

    source: str
    format: Format
    language: Language
    content: bytes
    version_id: str
    readability: ReadabilityReport
    checklist: ChecklistReport
    #: Disclosure elements the document states (tagged, non-empty sections of its HTML).
    elements: frozenset[str]

    @property
    def text(self) -> str:
        """The document as text (HTML, Markdown or plain text; not for PDF)."""
        if self.format is Format.PDF:
            raise ValueError("a PDF has no text form; render txt for the canonical text")
        return self.content.decode("utf-8")

    @property
    def passed(self) -> bool:
        """True when the checklist and every readability bar are met."""
        return self.checklist.passed and self.readability.passed


def canonical_text(plain_text: str) -> str:
    """The canonical form of a plain-text rendering (see the module docstring)."""
    text = unicodedata.normalize("NFC", plain_text)
    text = _ID.sub(PLACEHOLDER_ID, text)
    return " ".join(text.split())


def version_id_of(plain_text: str) -> str:
    """The version id (64 hex digits) of a plain-text rendering."""
    return hashlib.sha256(canonical_text(plain_text).encode("utf-8")).hexdigest()


_MD_INLINE = re.compile(r"([\\`*_{}\[\]<>|~&])")
_MD_LINE_START = re.compile(r"^(?:([#+=-])|(\d+)([.)]))(?=\s|$)")


def md_escape(value: str) -> str:
    """Escape ``value`` so Markdown shows it literally (no HTML, links, emphasis or lists)."""
    escaped = _MD_INLINE.sub(r"\\\1", value)
    return _MD_LINE_START.sub(
        lambda m: "\\" + m.group(1) if m.group(1) else f"{m.group(2)}\\{m.group(3)}", escaped
    )


def _md_unescape(text: str) -> str:
    return re.sub(r"\\([\\`*_{}\[\]<>|~&#>+=.)-])", r"\1", text).replace("**", "")


@functools.cache
def _translations(lang: Language) -> gettext.NullTranslations:
    if lang is Language.EN:
        return gettext.NullTranslations()
    locale_dir = data_dir("templates") / "locale"
    catalogue = locale_dir / lang.value / "LC_MESSAGES" / "messages.mo"
    if not catalogue.is_file():
        raise ConfigError(
            f"no compiled {lang.english_name} catalogue; reinstall confide", where=catalogue
        )
    return Translations.load(str(locale_dir), locales=[lang.value], domain="messages")


def _oneline(value: Any) -> Any:
    joined = " ".join(str(value).split())
    return Markup(joined) if isinstance(value, Markup) else joined


def _prefix_lines(value: Any, prefix: str) -> Any:
    lines = str(value).strip("\n").split("\n")
    joined = "\n".join((prefix + line).rstrip() for line in lines)
    return Markup(joined) if isinstance(value, Markup) else joined


@functools.cache
def _environment(suffix: str, lang: Language) -> jinja2.Environment:
    """The Jinja environment of one output kind and language, built once per process.

    Compiling the templates is most of the cost of a render; the loader still reloads a
    template whose file changed.
    """
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(data_dir("templates"))),
        undefined=jinja2.StrictUndefined,
        # HTML escapes every value; Markdown gets pre-escaped Markup values (see _md_view), so
        # autoescape there only guards values we forgot; plain text escapes nothing.
        autoescape=suffix in ("html", "md"),
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.policies["ext.i18n.trimmed"] = True
    env.filters["oneline"] = _oneline
    env.filters["prefix_lines"] = _prefix_lines
    env.install_gettext_translations(_translations(lang), newstyle=True)  # type: ignore[attr-defined]
    return env


@functools.cache
def _bundled_policies() -> tuple[Policy, ...]:
    return load_policies()


def _map_strings(value: Any, fn: Callable[[str], Any]) -> Any:
    if isinstance(value, str):
        return fn(value)
    if isinstance(value, dict):
        return {k: _map_strings(v, fn) for k, v in value.items()}
    if isinstance(value, list):
        return [_map_strings(v, fn) for v in value]
    return value


_DOUBLE_STOP = re.compile(r"(?<=[^\W\d_]\.)\.(?![.\w])")


def _tidy(text: str) -> str:
    """Drop the full stop a template adds after a value that ends with one ("B.V.." -> "B.V.")."""
    return _DOUBLE_STOP.sub("", text)


def _squeeze(text: str) -> str:
    lines = [line.rstrip() for line in _tidy(text).split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n") + "\n"


_LEAD = re.compile(r"^(\| )?( *)(- |\[ \] )?")


def _wrap(text: str) -> str:
    out: list[str] = []
    for line in text.split("\n"):
        if len(line) <= _WIDTH:
            out.append(line)
            continue
        lead = _LEAD.match(line)
        assert lead is not None
        box, indent, bullet = lead.group(1) or "", lead.group(2), lead.group(3) or ""
        out.extend(
            textwrap.wrap(
                line[lead.end() :],
                _WIDTH,
                initial_indent=line[: lead.end()],
                subsequent_indent=box + indent + " " * len(bullet),
                break_long_words=False,
                break_on_hyphens=False,
            )
        )
    return "\n".join(out)


class _Renderer:
    """Templates of one language, rendered from one profile view."""

    def __init__(self, profile: Profile, lang: Language) -> None:
        self.profile = profile
        self.lang = lang
        self.translations = _translations(lang)
        self.envs = {s: _environment(s, lang) for s in ("html", "md", "txt")}

    def view(self, version_id: str) -> dict[str, Any]:
        return build_view(self.profile, self.lang, self.translations, version_id)

    def render(self, suffix: str, view: dict[str, Any]) -> str:
        name = f"consent_{self.profile.context.value}.{suffix}.j2"
        context: dict[str, Any] = {"doc": view}
        if suffix == "md":
            context["doc"] = _map_strings(view, lambda s: Markup(md_escape(s)))
        if suffix == "html":
            context["css"] = Markup((data_dir("templates") / "_consent.css").read_text("utf-8"))
        text = self.envs[suffix].get_template(name).render(context)
        if suffix == "txt":
            return _wrap(_squeeze(text))
        return _squeeze(text) if suffix == "md" else _tidy(text)


def render_document(
    profile: Profile,
    fmt: Format = Format.HTML,
    lang: Language | None = None,
    *,
    policies: Sequence[Policy] | None = None,
) -> RenderedDocument:
    """Render ``profile`` as ``fmt`` in ``lang`` (default: the profile's language), checked.

    ``policies`` are the consent policies the checklist comes from (default: every bundled
    policy). Raises :class:`~toolkit.errors.ProfileError` if a text the document needs has no
    version in ``lang``.
    """
    lang = lang or profile.language
    renderer = _Renderer(profile, lang)
    digest = version_id_of(renderer.render("txt", renderer.view(PLACEHOLDER_ID)))
    view = renderer.view(f"sha256:{digest}")
    html = renderer.render("html", view)
    blocks = html_blocks(html)
    if fmt is Format.PDF:
        from toolkit.consent.render_pdf import html_to_pdf

        content = html_to_pdf(html)
        target = " ".join(b.text for b in blocks)
    else:
        text = html if fmt is Format.HTML else renderer.render(fmt.value, view)
        content = text.encode("utf-8")
        target = _target_text(fmt, text, blocks)
    pool = _bundled_policies() if policies is None else policies
    required, policy_ids = required_elements(profile.jurisdiction, profile.context.value, pool)
    checklist = check_document(required, policy_ids, blocks, target, fmt.value, view)
    return RenderedDocument(
        source=profile.source,
        format=fmt,
        language=lang,
        content=content,
        version_id=digest,
        readability=assess_blocks(blocks, lang),
        checklist=checklist,
        elements=frozenset(e for b in blocks for e in b.elements),
    )


def _target_text(fmt: Format, text: str, blocks: Any) -> str:
    """The words of the rendered text as a reader sees them, for the checklist."""
    if fmt is Format.HTML:
        return " ".join(b.text for b in blocks)
    if fmt is Format.MARKDOWN:
        return _md_unescape(re.sub(r"(?m)^> ?", "", text))
    return re.sub(r"(?m)^\| ?", "", text)
