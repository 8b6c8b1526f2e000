"""Print a rendered HTML consent document to a tagged, accessible PDF with WeasyPrint.

The PDF is PDF/UA-1 (a tagged PDF with a structure tree, document language and title), so
screen readers can follow headings and lists and its text can be extracted. WeasyPrint is the
optional ``pdf`` extra and needs Pango (``make sysdeps`` installs the Debian libraries).
"""

from __future__ import annotations

import logging
import warnings

from toolkit.errors import ConfigError

__all__ = ["PDF_VARIANT", "html_to_pdf"]

PDF_VARIANT = "pdf/ua-1"


def html_to_pdf(html: str) -> bytes:
    """The PDF of ``html`` (PDF/UA-1, tagged)."""
    try:
        with warnings.catch_warnings():
            # Older system libraries make WeasyPrint warn at import; the PDF is still right.
            warnings.simplefilter("ignore", DeprecationWarning)
            import weasyprint
    except (ImportError, OSError) as exc:  # OSError: Pango or another system library missing
        raise ConfigError(
            f"PDF output needs WeasyPrint and its system libraries ({type(exc).__name__}); "
            "run `pip install 'confide[pdf]'` and `make sysdeps`",
            where="--format pdf",
        ) from None
    # WeasyPrint logs every unsupported CSS property; the stylesheet is ours and tested.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    document = weasyprint.HTML(string=html, base_url=".")
    pdf = document.write_pdf(pdf_variant=PDF_VARIANT, pdf_tags=True)
    assert pdf is not None
    return bytes(pdf)
