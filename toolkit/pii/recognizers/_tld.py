"""An offline public-suffix lookup for the email and URL recognizers."""

from __future__ import annotations

import tldextract

__all__ = ["offline_extractor"]


def offline_extractor() -> tldextract.TLDExtract:
    """A TLDExtract on the public-suffix snapshot bundled with tldextract.

    No suffix-list URL and no cache directory: it never touches the network or the disk.
    (Presidio's recognizers call the module-level ``tldextract.extract``, which downloads the
    list and prints a traceback when offline.) Build it once and share it.
    """
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)
