"""Rendering consent documents: golden files, formats, accessibility, escaping, honesty."""

from __future__ import annotations

import os
import re
from html.parser import HTMLParser

import pytest

from tests.consent._render_support import GOLDEN, base, example, md_text, profile_from
from toolkit.consent.profile import Language
from toolkit.consent.render import (
    PLACEHOLDER_ID,
    Format,
    canonical_text,
    md_escape,
    render_document,
    version_id_of,
)

TEXT_FORMATS = [Format.HTML, Format.MARKDOWN, Format.TEXT]
# (golden file, example profile, language): one golden rendering per template and format.
GOLDENS = [
    (f"consent_{ctx}.{fmt.value}", name, Language.EN)
    for ctx, name in (("clinical", "cbt-chatbot"), ("research", "research-study"))
    for fmt in TEXT_FORMATS
] + [("consent_clinical.cs.txt", "ai-notetaker", Language.CS)]


@pytest.mark.parametrize(("golden", "name", "lang"), GOLDENS, ids=[g[0] for g in GOLDENS])
def test_when_example_is_rendered_then_output_matches_golden(
    golden: str, name: str, lang: Language
) -> None:
    fmt = Format(golden.rsplit(".", 1)[1])
    text = render_document(example(name), fmt, lang).text
    path = GOLDEN / golden
    if os.environ.get("CONFIDE_UPDATE_GOLDEN"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), (
        f"{golden} changed; review the diff and rerun with CONFIDE_UPDATE_GOLDEN=1"
    )


@pytest.mark.parametrize("name", ["cbt-chatbot", "ai-notetaker", "research-study"])
@pytest.mark.parametrize("fmt", TEXT_FORMATS, ids=lambda f: f.value)
def test_when_example_is_rendered_then_checklist_and_readability_pass(
    name: str, fmt: Format
) -> None:
    document = render_document(example(name), fmt)
    assert document.checklist.passed, document.checklist.misses
    assert document.readability.passed, document.readability.misses
    assert document.checklist.checks, "the checklist comes from the bundled policies"


@pytest.mark.parametrize("fmt", TEXT_FORMATS, ids=lambda f: f.value)
def test_when_rendered_then_document_states_its_version_id(fmt: Format) -> None:
    profile = example("cbt-chatbot")
    document = render_document(profile, fmt)
    assert f"sha256:{document.version_id}" in document.text
    plain = render_document(profile, Format.TEXT).text
    assert version_id_of(plain) == document.version_id


def test_when_canonical_text_is_built_then_ids_and_whitespace_do_not_matter() -> None:
    text = "Version id:\n  sha256:" + "ab" * 32 + "\n\nHello   world\n"
    assert canonical_text(text) == f"Version id: {PLACEHOLDER_ID} Hello world"
    rewrapped = text.replace("\n", " ").replace("ab", "cd")
    assert version_id_of(rewrapped) == version_id_of(text)


def test_when_profile_text_changes_then_version_id_changes() -> None:
    data = base()
    first = render_document(profile_from(data), Format.TEXT).version_id
    data["ai_systems"][0]["cannot"] = ["give you medical advice or a diagnosis."]
    assert render_document(profile_from(data), Format.TEXT).version_id != first


def test_when_rendered_twice_then_output_is_identical() -> None:
    profile = example("research-study")
    assert render_document(profile, Format.HTML).content == render_document(profile).content


INJECTED = "<script>alert(1)</script>"


def _injected_profile() -> dict:
    data = base()
    data["controller"]["name"] = f"Riverside {INJECTED} CIC"
    data["clinician"]["name"] = f"Alex {INJECTED}"
    data["ai_systems"][0]["name"] = f"Lumo{INJECTED}"
    data["ai_systems"][0]["provider"] = f"Lumo Labs {INJECTED} Ltd"
    data["data"]["recipients"][0]["name"] = f"Lumo Labs {INJECTED} Ltd"
    data["ai_systems"][0]["purpose"] = f"to help you {INJECTED} journal"
    data["ai_systems"][0]["cannot"] = ['give <img src=x onerror="alert(1)"> advice.']
    data["purposes"][0]["title"] = f"Journal **bold** [link](http://x.example) {INJECTED}"
    data["withdrawal_method"] = "tell Alex & <b>email</b> us"
    return data


def test_when_profile_fields_contain_markup_then_html_escapes_them() -> None:
    html = render_document(profile_from(_injected_profile()), Format.HTML).text
    assert "<script>" not in html and "<img" not in html and "<b>" not in html
    assert html.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 6
    assert "tell Alex &amp; &lt;b&gt;email&lt;/b&gt; us" in html


def test_when_profile_fields_contain_markup_then_markdown_shows_it_literally() -> None:
    md = render_document(profile_from(_injected_profile()), Format.MARKDOWN).text
    assert not re.search(r"(?<!\\)<(?:script|img|b>)", md), "no unescaped tag"
    assert not re.search(r"(?<!\\)\[link(?<!\\)\]\(", md), "no live link"
    assert r"\<script\>" in md and r"\*\*bold\*\*" in md
    assert INJECTED in md_text(md)
    markdown_it = pytest.importorskip("markdown_it")
    rendered = markdown_it.MarkdownIt("commonmark").render(md)
    assert "<script>" not in rendered and "<a href" not in rendered and "<img" not in rendered


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("# heading", r"\# heading"),
        ("- item", r"\- item"),
        ("1. first", r"1\. first"),
        ("version 1.0", "version 1.0"),
        ("a_b*c`d", r"a\_b\*c\`d"),
        ("Smith & Co <x>", r"Smith \& Co \<x\>"),
        ("plain words, nothing else.", "plain words, nothing else."),
    ],
)
def test_when_value_is_markdown_escaped_then_only_active_characters_change(
    value: str, expected: str
) -> None:
    assert md_escape(value) == expected


WAIVER = re.compile(
    r"no liability|not liable|not be liable|waive|disclaim|at your own risk|hold harmless|"
    r"indemnif|without warranty|no warranty|as is\b|release .{0,20}from",
    re.IGNORECASE,
)


@pytest.mark.parametrize(
    ("name", "lang"),
    [("cbt-chatbot", Language.EN), ("ai-notetaker", Language.EN), ("ai-notetaker", Language.CS),
     ("research-study", Language.EN)],
)  # fmt: skip
def test_when_rendered_then_no_disclaimer_or_waiver_language(name: str, lang: Language) -> None:
    text = render_document(example(name), Format.TEXT, lang).text
    assert not WAIVER.search(text)
    czech_waiver = re.compile(r"odpovědnost\w* nenese|vzdáváte|zříkáte|bez záruky", re.IGNORECASE)
    assert not czech_waiver.search(text)


class _Structure(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.headings: list[int] = []
        self.inputs: list[dict[str, str | None]] = []
        self.label_for: set[str] = set()
        self.html_lang: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = dict(attrs)
        if tag == "html":
            self.html_lang = attr.get("lang")
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag == "input":
            self.inputs.append(attr)
        if tag == "label" and attr.get("for"):
            self.label_for.add(str(attr["for"]))


@pytest.mark.parametrize(
    ("name", "lang", "tag"),
    [("cbt-chatbot", Language.EN, "en-GB"), ("research-study", Language.EN, "en-GB"),
     ("ai-notetaker", Language.CS, "cs-CZ")],
)  # fmt: skip
def test_when_html_is_rendered_then_it_is_accessible(name: str, lang: Language, tag: str) -> None:
    html = render_document(example(name), Format.HTML, lang).text
    parser = _Structure()
    parser.feed(html)
    assert parser.html_lang == tag
    assert parser.headings[0] == 1 and parser.headings.count(1) == 1
    for before, after in zip(parser.headings, parser.headings[1:], strict=False):
        assert after <= before + 1, "no heading level is skipped"
    assert parser.inputs, "the consent form has inputs"
    for attr in parser.inputs:
        assert attr.get("id") in parser.label_for, f"input {attr.get('id')} has a label"
        assert "checked" not in attr, "never pre-ticked"
    assert "@page" in html and "A4" in html, "print-ready CSS"


@pytest.mark.parametrize("fmt", TEXT_FORMATS, ids=lambda f: f.value)
def test_when_form_is_rendered_then_one_unticked_box_per_consent_purpose(fmt: Format) -> None:
    profile = example("research-study")
    text = render_document(profile, fmt).text
    marker = {Format.HTML: 'id="consent-form"', Format.MARKDOWN: "## Consent form",
              Format.TEXT: "CONSENT FORM"}[fmt]  # fmt: skip
    form = text[text.index(marker) :]
    for purpose in profile.purposes:
        label = (
            purpose.consent_statement.get(Language.EN)
            if purpose.consent_statement
            else (purpose.title.get(Language.EN) + ": I agree.")
        )
        assert label in (form if fmt is not Format.MARKDOWN else md_text(form))
    boxes = {Format.HTML: r'type="checkbox"', Format.MARKDOWN: r"- \[ \] ", Format.TEXT: r"\[ \] "}
    ticks = len(re.findall(boxes[fmt], form))
    # one box per purpose; md and txt also draw Yes/No boxes for recording and quotes
    expected = len(profile.purposes) + (0 if fmt is Format.HTML else 4)
    assert ticks == expected
    assert "[x]" not in text.lower() and not re.search(r"<input[^>]*\bchecked", text)


def test_when_tool_records_then_form_has_a_separate_yes_no_for_recording() -> None:
    html = render_document(example("ai-notetaker"), Format.HTML, Language.EN).text
    assert 'name="consent-recording" value="yes"' in html
    assert 'name="consent-recording" value="no"' in html
    assert "Do you agree to us making sound recordings and written transcripts" in html


def test_when_nothing_is_recorded_then_no_recording_question() -> None:
    html = render_document(example("cbt-chatbot"), Format.HTML).text
    assert "consent-recording" not in html
    assert "We do not record your sessions" in html
