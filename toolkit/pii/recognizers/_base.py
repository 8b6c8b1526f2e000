"""What every confide pattern recognizer shares: entity, name, flags and candidate windows.

A recognizer here is a Presidio :class:`~presidio_analyzer.PatternRecognizer` whose class
declares ``ENTITY`` (a :class:`~toolkit.pii.types.EntityType`), ``PATTERNS``, ``CONTEXT``
(lower-case single words, matched against lower-cased token texts by the engine) and, when the
identifier can be checked, ``validate_result`` (checksum: True -> score 1.0, False -> dropped,
None -> the pattern's own score) or ``invalidate_result`` (True -> dropped).

Speed: ``CANDIDATES`` are cheap regexes, one of which every real match contains (a run of
digits, an "@"...). The patterns only run on windows of ``REACH`` characters around them, cut at
whitespace, so a transcript full of prose and timestamps costs one fast scan per recognizer,
and a segment without a candidate costs one ``search``. Because windows start and end at
whitespace and reach further than any match (or its look-behind) extends, the results are the
same as running the patterns on the whole text.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, ClassVar, TypeAlias

import regex
from presidio_analyzer import EntityRecognizer, Pattern, PatternRecognizer, RecognizerResult

from toolkit.pii.types import EntityType

if TYPE_CHECKING:
    from presidio_analyzer.nlp_engine import NlpArtifacts

__all__ = ["END", "CandidateMixin", "ConfidePatternRecognizer", "candidate_windows", "digits_of"]

#: Where a match must not continue: a word character, or a separator followed by a digit
#: (so "12.3.4" or "00:12:45" never yields a piece of itself).
END = r"(?![\w]|[.,:/-]\d)"
_SNAP = 64  # how far a window edge may move to reach whitespace
Matcher: TypeAlias = "re.Pattern[str] | regex.Pattern[str]"


def digits_of(text: str) -> str:
    """The digits of ``text``, in order ("943 476-5919" -> "9434765919")."""
    return "".join(ch for ch in text if ch.isdigit())


def candidate_windows(
    text: str, candidates: tuple[Matcher, ...], reach: int
) -> list[tuple[int, int]]:
    """Disjoint, sorted ``(start, end)`` windows: ``reach`` characters around every match of
    any candidate, merged, widened to the nearest whitespace (no window cuts a token)."""
    found = sorted((m.start(), m.end()) for c in candidates for m in c.finditer(text))
    spans: list[list[int]] = []
    for first, last in found:
        start, end = first - reach, last + reach
        if spans and start <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], end)
        else:
            spans.append([start, end])
    size = len(text)
    windows = []
    for start, end in spans:
        start, end = max(0, start), min(size, end)
        low = max(0, start - _SNAP)
        while start > low and not text[start - 1].isspace():
            start -= 1
        high = min(size, end + _SNAP)
        while end < high and not text[end].isspace():
            end += 1
        windows.append((start, end))
    return windows


class CandidateMixin:
    """Run the patterns only near matches of ``CANDIDATES`` (empty: on the whole text).

    Mixed into a Presidio ``PatternRecognizer``. Each pattern runs with ``finditer(text, pos,
    endpos)`` over the windows, and every match goes through ``validate_result`` and
    ``invalidate_result`` and gets its ``AnalysisExplanation`` exactly as in Presidio. A
    subclass whose Presidio parent scans in its own way sets ``SLICE_WINDOWS`` to run that
    parent's ``analyze`` on each window instead.
    """

    ENTITY: ClassVar[EntityType]
    #: Cheap regexes (stdlib ``re`` or ``regex``, whichever scans faster) of which every real
    #: match contains at least one match.
    CANDIDATES: ClassVar[tuple[Matcher, ...]] = ()
    #: Characters on each side of a candidate; more than a match and its look-behind can span.
    REACH: ClassVar[int] = 40
    SLICE_WINDOWS: ClassVar[bool] = False

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: NlpArtifacts | None = None,
        regex_flags: int | None = None,
    ) -> list[RecognizerResult]:
        if not self.CANDIDATES:
            windows = [(0, len(text))]
        elif len(text) <= 4 * self.REACH:
            found = any(c.search(text) is not None for c in self.CANDIDATES)
            windows = [(0, len(text))] if found else []
        else:
            windows = candidate_windows(text, self.CANDIDATES, self.REACH)
        if not windows:
            return []
        if self.SLICE_WINDOWS:
            return self._analyze_slices(text, windows, entities, nlp_artifacts, regex_flags)
        return self._scan(text, windows, regex_flags)

    def _analyze_slices(
        self,
        text: str,
        windows: list[tuple[int, int]],
        entities: list[str],
        nlp_artifacts: NlpArtifacts | None,
        regex_flags: int | None,
    ) -> list[RecognizerResult]:
        results: list[RecognizerResult] = []
        for start, end in windows:
            part = super().analyze(text[start:end], entities, nlp_artifacts, regex_flags)  # type: ignore[misc]
            for result in part:
                result.start += start
                result.end += start
                results.append(result)
        return results

    def _scan(
        self, text: str, windows: list[tuple[int, int]], regex_flags: int | None
    ) -> list[RecognizerResult]:
        recognizer: PatternRecognizer = self  # type: ignore[assignment]
        flags = regex_flags or recognizer.global_regex_flags
        results: list[RecognizerResult] = []
        for pattern in recognizer.patterns:
            if pattern.compiled_regex is None or pattern.compiled_with_flags != flags:
                pattern.compiled_with_flags = flags
                pattern.compiled_regex = regex.compile(pattern.regex, flags=flags)
            finditer = pattern.compiled_regex.finditer
            for start, end in windows:
                # A window that could not end at whitespace cuts a long token: a match
                # touching that cut is a piece of the token, not a value of its own.
                cut = end < len(text) and not text[end].isspace()
                for match in finditer(text, start, end):
                    if cut and match.end() == end:
                        continue
                    result = self._result(recognizer, pattern, match, flags)
                    if result is not None:
                        results.append(result)
        return EntityRecognizer.remove_duplicates(results)

    @staticmethod
    def _result(
        recognizer: PatternRecognizer, pattern: Pattern, match: regex.Match[str], flags: int
    ) -> RecognizerResult | None:
        """Presidio's treatment of one match: validate, invalidate, explain."""
        start, end = match.span()
        if start == end:
            return None
        matched = match.group()
        validation = recognizer.validate_result(matched)
        score = pattern.score
        if validation is not None:
            score = EntityRecognizer.MAX_SCORE if validation else EntityRecognizer.MIN_SCORE
        if recognizer.invalidate_result(matched):
            score = EntityRecognizer.MIN_SCORE
        if score <= EntityRecognizer.MIN_SCORE:
            return None
        explanation = PatternRecognizer.build_regex_explanation(
            recognizer.name, pattern.name, pattern.regex, pattern.score, validation, flags
        )
        explanation.score = score
        return RecognizerResult(
            entity_type=recognizer.supported_entities[0],
            start=start,
            end=end,
            score=score,
            analysis_explanation=explanation,
            recognition_metadata={
                RecognizerResult.RECOGNIZER_NAME_KEY: recognizer.name,
                RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: recognizer.id,
            },
        )


class ConfidePatternRecognizer(CandidateMixin, PatternRecognizer):
    """Base of confide's own pattern recognizers (configured by class attributes)."""

    PATTERNS: ClassVar[list[Pattern]]
    CONTEXT: ClassVar[list[str]]
    #: Patterns are case-sensitive unless they say ``(?i:...)``, or a subclass adds IGNORECASE.
    FLAGS: ClassVar[int] = regex.MULTILINE

    def __init__(self, *, supported_language: str = "en", name: str | None = None) -> None:
        super().__init__(
            supported_entity=self.ENTITY.value,
            name=name or type(self).__name__,
            supported_language=supported_language,
            patterns=list(self.PATTERNS),
            context=list(self.CONTEXT),
            global_regex_flags=self.FLAGS,
        )
