"""The redaction engine: Presidio's analyzer behind one small class.

:class:`Redactor` is built once from a :class:`~toolkit.pii.config.RedactConfig` (it loads the
spaCy pipeline and the recognizers) and then analyses any number of documents. Documents are
streamed in chunks; the text of a chunk goes through spaCy's ``nlp.pipe`` in one batch, with
every component but NER switched off, and then through Presidio's ``AnalyzerEngine`` with the
precomputed NLP artifacts, so spaCy runs once per text. Document-level steps (speaker labels,
consistency, allow/deny lists, overlap resolution) follow in :mod:`toolkit.pii.resolve`.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import islice
from typing import Any

from presidio_analyzer import AnalyzerEngine, RecognizerRegistry, RecognizerResult
from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer
from presidio_analyzer.nlp_engine import NlpArtifacts, NlpEngine

from toolkit.pii.config import RedactConfig
from toolkit.pii.contextual import NameRecognizer, NerRecognizer
from toolkit.pii.lexicon import Lexicon
from toolkit.pii.model import load_pipeline
from toolkit.pii.operators import Operator, apply_spans, make_operator
from toolkit.pii.organizations import EmployerRecognizer, OrganizationRecognizer
from toolkit.pii.places import PlaceRecognizer
from toolkit.pii.recognizers import build_recognizers
from toolkit.pii.resolve import DocumentResolver
from toolkit.pii.types import EntityType, RedactedDocument, Segment, SegmentKind, Span

__all__ = ["Document", "Redactor", "validate_config", "warm_caches"]

#: A document: its segments (plain strings are TEXT segments).
Document = Sequence[Segment | str]

_PIECE_CHARS = 8_000  # long texts are cut at line breaks into pieces of about this size
_CHUNK_CHARS = 400_000  # documents are analysed in chunks of about this much text

logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)
logging.getLogger("presidio-anonymizer").setLevel(logging.ERROR)


@dataclass(frozen=True, slots=True)
class _Piece:
    doc: int
    segment: int
    offset: int
    text: str


class _PrecomputedNlp(NlpEngine):  # type: ignore[misc]
    """The NlpEngine Presidio asks for; confide always passes artifacts it computed itself."""

    def __init__(self, nlp: Any) -> None:
        self._nlp = nlp

    def load(self) -> None:
        return None

    def is_loaded(self) -> bool:
        return True

    def process_text(self, text: str, language: str) -> NlpArtifacts:
        return artifacts(self._nlp(text))

    def process_batch(self, texts: Iterable[str], language: str, batch_size: int = 1,
                      n_process: int = 1, as_tuples: bool = False) -> Iterator[Any]:
        for text, doc in zip(texts, self._nlp.pipe(texts, batch_size=batch_size), strict=True):
            yield text, artifacts(doc)

    def is_stopword(self, word: str, language: str) -> bool:
        return bool(self._nlp.vocab[word].is_stop)

    def is_punct(self, word: str, language: str) -> bool:
        return bool(self._nlp.vocab[word].is_punct)

    def get_supported_entities(self) -> list[str]:
        return [e.value for e in EntityType]

    def get_supported_languages(self) -> list[str]:
        return ["en"]


class _ContextEnhancer(LemmaContextAwareEnhancer):  # type: ignore[misc]
    """Presidio's context enhancer, run only where it can change something.

    Presidio deep-copies and re-scans every result; here results of recognizers without
    context words, validated ones (score 1.0), ones already lifted, and ones that already pass
    the score threshold (context can only raise a score, so it changes nothing that is
    redacted) pass straight through.
    """

    def __init__(self, threshold: float) -> None:
        # context words after the value count too ("5551234567 is her landline")
        super().__init__(context_suffix_count=3)
        self.threshold = threshold

    def enhance_using_context(self, text: str, raw_results: list[RecognizerResult],
                              nlp_artifacts: NlpArtifacts, recognizers: list[Any],
                              context: list[str] | None = None) -> list[RecognizerResult]:
        with_context = {r.id for r in recognizers if r.context}
        todo, done = [], []
        for result in raw_results:
            meta = result.recognition_metadata or {}
            if (result.score < self.threshold
                    and meta.get(RecognizerResult.RECOGNIZER_IDENTIFIER_KEY)
                    in with_context
                    and not meta.get(RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY)):
                todo.append(result)
            else:
                done.append(result)
        if not todo:
            return done
        return done + super().enhance_using_context(text, todo, nlp_artifacts, recognizers,
                                                    context)


class _Artifacts(NlpArtifacts):  # type: ignore[misc]
    """NLP artifacts of one spaCy doc, built cheaply.

    ``tokens`` is a list of the doc's tokens, each created once (indexing a ``Doc`` creates a
    new ``Token`` every time); lower-cased token texts stand in for lemmas, and the words among
    them are the keywords Presidio's context enhancer looks through (it counts a context word
    only if it is a keyword). Both are computed only when the enhancer asks for them.
    """

    def __init__(self, doc: Any) -> None:  # no super().__init__: nothing eager
        self.doc = doc
        self.tokens = list(doc)
        self.entities = list(doc.ents)
        self.scores = [0.85] * len(self.entities)
        self.nlp_engine = None
        self.language = "en"

    @cached_property
    def tokens_indices(self) -> list[int]:
        return [t.idx for t in self.tokens]

    @cached_property
    def lemmas(self) -> list[str]:
        return [t.lower_ for t in self.tokens]

    @cached_property
    def keywords(self) -> frozenset[str]:  # type: ignore[override]
        return frozenset(t.lower_ for t in self.tokens if t.is_alpha)


def artifacts(doc: Any) -> NlpArtifacts:
    """NLP artifacts of a spaCy doc (see :class:`_Artifacts`)."""
    return _Artifacts(doc)


def _as_segment(item: Segment | str) -> Segment:
    return item if isinstance(item, Segment) else Segment(item)


def _pieces(index: int, segments: Sequence[Segment]) -> Iterator[_Piece]:
    """Cut the TEXT segments of a document into pieces at line breaks."""
    for s, seg in enumerate(segments):
        text = seg.text
        if seg.kind is not SegmentKind.TEXT or not text.strip():
            continue
        start = 0
        while start < len(text):
            end = len(text)
            if end - start > _PIECE_CHARS:
                # at a line break; failing that at a space, so no value is cut in two
                cut = text.rfind("\n", start, start + _PIECE_CHARS)
                if cut <= start:
                    cut = text.rfind(" ", start, start + _PIECE_CHARS)
                end = cut + 1 if cut > start else start + _PIECE_CHARS
            yield _Piece(index, s, start, text[start:end])
            start = end


def _chunks(documents: Iterable[Document]) -> Iterator[list[tuple[Segment, ...]]]:
    """Group documents into chunks of about ``_CHUNK_CHARS`` characters."""
    chunk: list[tuple[Segment, ...]] = []
    size = 0
    for doc in documents:
        segments = tuple(_as_segment(s) for s in doc)
        chunk.append(segments)
        size += sum(len(s.text) for s in segments)
        if size >= _CHUNK_CHARS:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def validate_config(config: RedactConfig) -> None:
    """Raise the ConfigError or ModelError that building an engine from ``config`` would,
    cheaply, without loading the model (used before starting worker processes)."""
    from toolkit.pii.model import model_path
    from toolkit.pii.resolve import parse_deny

    parse_deny(config.deny)
    model_path(config.model)
    make_operator(config)


def warm_caches(config: RedactConfig) -> None:
    """Load what every engine of this process shares: the spaCy pipeline and the lexicon."""
    load_pipeline(config.model, verify=config.verify_model)
    Lexicon.builtin()


class Redactor:
    """Detects and redacts personal data in documents. Build once, use for many documents."""

    def __init__(self, config: RedactConfig | None = None, *, nlp: Any = None) -> None:
        self.config = config or RedactConfig()
        self._nlp = nlp if nlp is not None else load_pipeline(
            self.config.model, verify=self.config.verify_model)
        self.lexicon = Lexicon.builtin().with_allow(self.config.allow,
                                                    default=self.config.default_allow)
        wanted = self.config.entities or frozenset(EntityType)
        self._entities = sorted(e.value for e in wanted)
        self._analyzer = self._build_analyzer(wanted)
        self._resolver = DocumentResolver(self.lexicon, self.config, wanted)
        self._operator: Operator | None = None

    def _build_analyzer(self, wanted: frozenset[EntityType]) -> AnalyzerEngine:
        ours = [NerRecognizer(self.lexicon), NameRecognizer(self.lexicon),
                PlaceRecognizer(self.lexicon), OrganizationRecognizer(self.lexicon),
                EmployerRecognizer(self.lexicon)]
        recognizers = [*build_recognizers(wanted), *ours]
        registry = RecognizerRegistry(recognizers=recognizers, supported_languages=["en"])
        return AnalyzerEngine(registry=registry, nlp_engine=_PrecomputedNlp(self._nlp),
                              supported_languages=["en"],
                              context_aware_enhancer=_ContextEnhancer(
                                  self.config.score_threshold))


    @property
    def nlp(self) -> Any:
        """The spaCy pipeline (NER only); shared, treat as read-only."""
        return self._nlp

    @property
    def recognizer_names(self) -> list[str]:
        """Names of every recognizer, as they appear in spans and reports."""
        return sorted({r.name for r in self._analyzer.registry.recognizers}
                      | set(self._resolver.recognizer_names))

    @property
    def operator(self) -> Operator:
        if self._operator is None:
            self._operator = make_operator(self.config)
        return self._operator

    # -- detection -------------------------------------------------------------------------

    def detect(self, document: Document) -> list[Span]:
        """Spans of personal data in one document, sorted by segment and offset."""
        return next(self.detect_many([document]))

    def detect_many(self, documents: Iterable[Document]) -> Iterator[list[Span]]:
        """Spans for each document, in order; streams, holding one chunk at a time."""
        for chunk in _chunks(documents):
            yield from self._detect_chunk(chunk)

    def _detect_chunk(self, chunk: list[tuple[Segment, ...]]) -> Iterator[list[Span]]:
        pieces = [p for d, segs in enumerate(chunk) for p in _pieces(d, segs)]
        found: list[list[Span]] = [[] for _ in chunk]
        docs = self._nlp.pipe((p.text for p in pieces), batch_size=self.config.batch_size)
        for piece, doc in zip(pieces, docs, strict=True):
            found[piece.doc].extend(self._analyze_piece(piece, doc))
        for segments, spans in zip(chunk, found, strict=True):
            yield self._resolver.resolve(segments, spans)

    def _analyze_piece(self, piece: _Piece, doc: Any) -> Iterator[Span]:
        doc.user_data["confide_text"] = piece.text  # doc.text would rebuild it token by token
        results: list[RecognizerResult] = self._analyzer.analyze(
            piece.text, language="en", entities=self._entities, nlp_artifacts=artifacts(doc),
            score_threshold=0.0)
        for r in results:
            name = (r.recognition_metadata or {}).get(RecognizerResult.RECOGNIZER_NAME_KEY, "")
            yield Span(piece.segment, piece.offset + r.start, piece.offset + r.end,
                       EntityType(r.entity_type), round(float(r.score), 4), str(name))

    # -- redaction -------------------------------------------------------------------------

    def redact(self, document: Document) -> RedactedDocument:
        """The redacted segments of one document, and the spans found."""
        return next(self.redact_many([document]))

    def redact_many(self, documents: Iterable[Document]) -> Iterator[RedactedDocument]:
        """Redact each document in order; streams like :meth:`detect_many`."""
        operator = self.operator
        docs_iter = iter(documents)
        while True:
            batch = [tuple(_as_segment(s) for s in d) for d in islice(docs_iter, 256)]
            if not batch:
                return
            for segments, spans in zip(batch, self.detect_many(batch), strict=True):
                replace = operator.for_document()
                by_segment: list[list[Span]] = [[] for _ in segments]
                for span in spans:
                    by_segment[span.segment].append(span)
                texts = tuple(apply_spans(seg.text, found, replace)
                              for seg, found in zip(segments, by_segment, strict=True))
                yield RedactedDocument(texts, tuple(spans))

    def redact_text(self, text: str) -> str:
        """Redact one plain text (a transcript, a message)."""
        return self.redact([text]).segments[0]
