"""The Czech message catalogue: complete, consistent with the templates, compiled."""

from __future__ import annotations

import re
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po

from tests.consent._render_support import ROOT, example
from toolkit.consent.profile import Language
from toolkit.consent.readability import MAX_SENTENCE_WORDS
from toolkit.consent.render import Format, render_document

LOCALE = ROOT / "templates" / "locale"
PO = LOCALE / "cs" / "LC_MESSAGES" / "messages.po"
MO = PO.with_suffix(".mo")
KEYWORDS = {**DEFAULT_KEYWORDS, "N_": None, "ngettext": (1, 2)}
_PLACEHOLDER = re.compile(r"%\(\w+\)s")


def _extracted_ids() -> set[str]:
    """Message ids found now in the templates and the label modules (as pybabel extract would)."""
    ids: set[str] = set()
    jinja_opts = {"extensions": "jinja2.ext.i18n", "trimmed": "true", "newstyle_gettext": "true"}
    for _, _, message, _, _ in extract_from_dir(
        str(ROOT / "templates"), [("**.j2", "jinja2")], {"**.j2": jinja_opts}, keywords=KEYWORDS
    ):
        ids.add(message[0] if isinstance(message, tuple) else message)
    for module in ("_labels.py", "_view.py"):
        folder = ROOT / "toolkit" / "consent"
        for _, _, message, _, _ in extract_from_dir(
            str(folder), [(module, "python")], keywords=KEYWORDS
        ):
            ids.add(message[0] if isinstance(message, tuple) else message)
    return ids


def _catalogue():  # type: ignore[no-untyped-def]
    with PO.open("rb") as handle:
        return read_po(handle, locale="cs")


def test_when_templates_are_scanned_then_every_message_has_a_czech_translation() -> None:
    catalogue = _catalogue()
    have = {m.id[0] if isinstance(m.id, tuple) else m.id for m in catalogue if m.id}
    missing = _extracted_ids() - have
    assert not missing, f"untranslated: {sorted(missing)[:5]} (run pybabel extract/update)"
    for message in catalogue:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(strings), f"empty translation for {message.id!r}"
        assert not message.fuzzy, f"fuzzy translation for {message.id!r}"


def test_when_translated_then_placeholders_are_kept() -> None:
    for message in _catalogue():
        if not message.id:
            continue
        source = message.id[0] if isinstance(message.id, tuple) else message.id
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for string in strings:
            assert set(_PLACEHOLDER.findall(string)) == set(_PLACEHOLDER.findall(source)), source


def _messages(catalog: Any) -> dict[Any, Any]:
    def key(value: Any) -> Any:
        return tuple(value) if isinstance(value, list | tuple) else value

    # the header (id "") names Babel's version, so it is left out
    return {key(m.id): key(m.string) for m in catalog if m.id}


def test_when_catalogue_is_compiled_then_mo_matches_po() -> None:
    compiled = BytesIO()
    write_mo(compiled, _catalogue())
    compiled.seek(0)
    with MO.open("rb") as shipped:
        assert _messages(read_mo(shipped)) == _messages(read_mo(compiled)), (
            "run: pybabel compile -d templates/locale -l cs")


def test_when_rendered_in_czech_then_no_english_template_text_is_left() -> None:
    text = render_document(example("ai-notetaker"), Format.TEXT, Language.CS).text
    for english in ("The most important things to know", "computer program", "Your rights",
                    "Consent form", "is not a therapist", "We collect"):  # fmt: skip
        assert english not in text
    assert "Identifikátor verze: sha256:" in text.replace("\n", " ")
    assert "čl. 9 odst. 2 písm. a) GDPR" in text.replace("\n", " ")


def test_when_rendered_in_czech_then_sentences_stay_short() -> None:
    report = render_document(example("ai-notetaker"), Format.HTML, Language.CS).readability
    assert report.whole.longest_sentence <= MAX_SENTENCE_WORDS
    assert report.whole.sentences > 100


def test_when_profile_text_lacks_czech_then_rendering_in_czech_names_the_field() -> None:
    from toolkit.errors import ProfileError

    with pytest.raises(ProfileError, match=r"has no Czech \(cs\) text"):
        render_document(example("cbt-chatbot"), Format.TEXT, Language.CS)


def test_when_catalogue_folder_is_listed_then_sources_and_binaries_are_both_present() -> None:
    assert {p.name for p in Path(PO.parent).iterdir()} >= {"messages.po", "messages.mo"}
    assert (LOCALE / "messages.pot").is_file() and (LOCALE / "babel.cfg").is_file()
