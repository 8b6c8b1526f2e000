"""PDF output: a tagged PDF/UA-1 document whose text can be extracted."""

from __future__ import annotations

from io import BytesIO

import pytest

from tests.consent._render_support import example, normalise, pdf_text
from toolkit.consent.profile import Language
from toolkit.consent.render import Format, render_document

pytest.importorskip("weasyprint")
pypdf = pytest.importorskip("pypdf")


@pytest.fixture(scope="module")
def clinical_pdf() -> bytes:
    return render_document(example("cbt-chatbot"), Format.PDF).content


def test_when_pdf_is_rendered_then_it_is_tagged_with_language_and_title(
    clinical_pdf: bytes,
) -> None:
    reader = pypdf.PdfReader(BytesIO(clinical_pdf))
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"]), "a tagged PDF"
    assert "/StructTreeRoot" in root, "with a structure tree"
    assert root["/Lang"] == "en-GB"
    assert reader.metadata is not None and reader.metadata.title == "Using Thistle in your therapy"
    xmp = root["/Metadata"].get_object().get_data().decode("utf-8")
    assert "pdfuaid" in xmp, "declared PDF/UA"


def test_when_pdf_is_rendered_then_its_text_can_be_extracted(clinical_pdf: bytes) -> None:
    text = normalise(pdf_text(clinical_pdf))
    for phrase in (
        "The most important things to know",
        "Thistle is a computer program",
        "Thistle Digital Health Ltd",
        "999",
        "116 123",
        "dpo@northbrook.example",
        "Consent form",
    ):
        assert phrase in text, phrase


def test_when_pdf_is_rendered_then_it_states_the_version_id(clinical_pdf: bytes) -> None:
    digest = render_document(example("cbt-chatbot"), Format.TEXT).version_id
    assert f"sha256:{digest}" in normalise(pdf_text(clinical_pdf)).replace(" ", "")


def test_when_czech_pdf_is_rendered_then_czech_text_survives() -> None:
    pdf = render_document(example("ai-notetaker"), Format.PDF, Language.CS).content
    reader = pypdf.PdfReader(BytesIO(pdf))
    assert reader.trailer["/Root"]["/Lang"] == "cs-CZ"
    text = normalise(pdf_text(pdf))
    assert "To nejdůležitější" in text
    assert "Úřad pro ochranu osobních údajů" in text
