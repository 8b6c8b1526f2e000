"""Readability of a rendered consent document, computed offline by our own implementation.

The bars (issue 5): Flesch-Kincaid grade <= 8 and Flesch Reading Ease >= 60 over the whole
text, grade <= 6 for the key-facts box, and no sentence over 25 words. For Czech only the
sentence-length bar applies: the Flesch formulas are calibrated on English syllable and word
lengths and mean nothing for Czech.

What is counted: the text of paragraphs, list items, form labels and questions of the HTML
rendering (see :mod:`toolkit.consent._html_text`). Headings are not sentences and are left
out, and so are the version line and the fill-in lines of the form (``data-readability="skip"``).
A list item or paragraph is at least one sentence even without a full stop. A word is a run of
characters with a letter or digit; numbers, email addresses and web addresses count as one word
with the syllables of their letters (at least one).

Syllables are counted by English spelling rules (vowel groups, silent endings); the tests check
this counter against the CMU Pronouncing Dictionary and the whole result against textstat.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from toolkit.consent._html_text import Block, html_blocks
from toolkit.consent._profile_types import Language

__all__ = [
    "MAX_GRADE",
    "MAX_KEY_FACTS_GRADE",
    "MAX_SENTENCE_WORDS",
    "MIN_READING_EASE",
    "ReadabilityReport",
    "TextStats",
    "assess_blocks",
    "assess_html",
    "count_syllables",
    "sentences",
    "text_stats",
    "words",
]

MAX_GRADE = 8.0
MIN_READING_EASE = 60.0
MAX_KEY_FACTS_GRADE = 6.0
MAX_SENTENCE_WORDS = 25

_ABBREVIATIONS = frozenset(
    "e.g i.e etc dr mr mrs ms st no vs approx tel ref fig "
    "čl odst písm tj např apod atd č sb tzv mj resp popř ul s.r.o a.s".split()
)  # fmt: skip
_BOUNDARY = re.compile(
    r"([.!?…]+[\"'”’)\]]*)\s+(?=[\"'“‘(\[]?[^\W\d_a-zžščřďťňěáíéóúůý])", re.UNICODE
)
_WORD = re.compile(r"\S*[^\W_]\S*", re.UNICODE)
_TRIM = re.compile(r"^[^\w]+|[^\w]+$", re.UNICODE)
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")
_TWO_SYLLABLE_PAIRS = re.compile(
    r"(?<![cgst])i[ao]|(?<!p)eo|(?<![gq])ua(?!y)|(?<!q)uo|iu|(?<!q)ui(?=[aeiou]|ty)|[aeiou]ing|yi"
)
# Common words that spelling rules get wrong (syllables as in the CMU Pronouncing Dictionary).
_IRREGULAR = {
    "people": 2, "any": 2, "anyone": 3, "anything": 3, "anybody": 4, "many": 2, "every": 2,
    "everything": 3, "everyone": 3, "someone": 2, "something": 2, "sometimes": 2,
    "elsewhere": 2, "interest": 2, "interested": 3, "especially": 3, "being": 2, "area": 3,
    "idea": 3, "create": 2, "science": 2, "quiet": 2, "our": 2, "ours": 2, "hour": 2,
    "hours": 2, "business": 2, "evening": 2, "different": 3, "family": 3, "several": 3,
}  # fmt: skip


@dataclass(frozen=True)
class TextStats:
    """Counts and Flesch figures of some text."""

    sentences: int
    words: int
    syllables: int
    longest_sentence: int

    @property
    def grade(self) -> float:
        """Flesch-Kincaid grade level."""
        if not self.words:
            return 0.0
        return 0.39 * self.words / self.sentences + 11.8 * self.syllables / self.words - 15.59

    @property
    def reading_ease(self) -> float:
        """Flesch Reading Ease (higher is easier)."""
        if not self.words:
            return 100.0
        return 206.835 - 1.015 * self.words / self.sentences - 84.6 * self.syllables / self.words


@dataclass(frozen=True)
class ReadabilityReport:
    """The readability figures of one document and the bars it misses."""

    language: Language
    whole: TextStats
    key_facts: TextStats
    long_sentences: tuple[str, ...]
    misses: tuple[str, ...]

    @property
    def passed(self) -> bool:
        return not self.misses

    @property
    def formulas_apply(self) -> bool:
        return self.language is Language.EN

    def summary(self) -> str:
        """One line for stderr, e.g. ``readability: grade 5.9 (<= 8) ...``."""
        parts = []
        if self.formulas_apply:
            parts += [
                f"Flesch-Kincaid grade {self.whole.grade:.1f} (<= {MAX_GRADE:g})",
                f"Reading Ease {self.whole.reading_ease:.1f} (>= {MIN_READING_EASE:g})",
                f"key facts grade {self.key_facts.grade:.1f} (<= {MAX_KEY_FACTS_GRADE:g})",
            ]
        else:
            parts.append(f"Flesch formulas not applied to {self.language.english_name}")
        parts.append(
            f"longest sentence {self.whole.longest_sentence} words (<= {MAX_SENTENCE_WORDS})"
        )
        verdict = "ok" if self.passed else "MISSED: " + "; ".join(self.misses)
        return "readability: " + ", ".join(parts) + f" - {verdict}"


def sentences(text: str) -> list[str]:
    """Split a block of text into sentences (abbreviations and ordinals do not end one)."""
    out: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        before = text[start : match.start()].split()
        last = before[-1].lower().rstrip(".") if before else ""
        if last in _ABBREVIATIONS:
            continue
        out.append(text[start : match.end(1)].strip())
        start = match.end()
    tail = text[start:].strip()
    if tail:
        out.append(tail)
    return [s for s in out if words(s)]


def words(sentence: str) -> list[str]:
    """The words of ``sentence``, stripped of surrounding punctuation."""
    return [_TRIM.sub("", w) for w in _WORD.findall(sentence)]


def count_syllables(word: str) -> int:
    """English syllables of ``word`` by spelling rules; at least 1 for any word."""
    parts = [p for p in re.split(r"[-–/@.:_]+", word.lower()) if p]
    total = sum(_syllables_of_part(p) for p in parts)
    return max(1, total)


def _syllables_of_part(part: str) -> int:
    letters = re.sub(r"[^a-z]", "", part.replace("’", "'").split("'")[0])
    if not letters:
        return 1 if any(ch.isdigit() for ch in part) else 0
    if letters in _IRREGULAR:
        return _IRREGULAR[letters]
    if len(letters) <= 3:
        return 1
    count = len(_VOWEL_GROUPS.findall(letters))
    count += len(_TWO_SYLLABLE_PAIRS.findall(letters))
    count -= _silent_endings(letters)
    count -= len(re.findall(r"[^aeiouy]e(?:ly|ment|ful|ness|ty)", letters))  # "safely"
    return max(1, count)


def _silent_endings(letters: str) -> int:
    """1 if the word ends in a silent e, -ed or -es ("make", "asked", "makes"), else 0."""
    if re.search(r"[^aeiouy]e$", letters):
        return 0 if re.search(r"[^aeiouy]le$", letters) else 1  # "table" keeps its e
    if re.search(r"[^aeiouy]ed$", letters):
        return 0 if re.search(r"[td]ed$", letters) else 1  # "wanted" keeps its -ed
    if letters.endswith("es") and len(letters) > 3:
        if re.search(r"(?:[sxzcg]|ch|sh)es$|[^aeiouy]les$", letters):
            return 0  # "boxes", "pages", "tables"
        return 0 if letters[-3] in "aeiouy" and not letters.endswith("ues") else 1
    return 0


def text_stats(sentence_list: Iterable[str]) -> TextStats:
    """Counts over ``sentence_list`` (each already one sentence)."""
    n_sentences = n_words = n_syllables = longest = 0
    for sentence in sentence_list:
        ws = words(sentence)
        if not ws:
            continue
        n_sentences += 1
        n_words += len(ws)
        n_syllables += sum(count_syllables(w) for w in ws)
        longest = max(longest, len(ws))
    return TextStats(n_sentences, n_words, n_syllables, longest)


def assess_blocks(blocks: Iterable[Block], language: Language) -> ReadabilityReport:
    """Readability of the counted (non-heading, non-skipped) ``blocks``."""
    counted = [b for b in blocks if not b.is_heading and not b.skip]
    all_sentences = [s for b in counted for s in sentences(b.text)]
    key_sentences = [s for b in counted if b.key_facts for s in sentences(b.text)]
    whole, key = text_stats(all_sentences), text_stats(key_sentences)
    long = tuple(s for s in all_sentences if len(words(s)) > MAX_SENTENCE_WORDS)
    misses: list[str] = []
    if language is Language.EN:
        if whole.grade > MAX_GRADE:
            misses.append(f"grade {whole.grade:.1f} > {MAX_GRADE:g}")
        if whole.reading_ease < MIN_READING_EASE:
            misses.append(f"Reading Ease {whole.reading_ease:.1f} < {MIN_READING_EASE:g}")
        if key.grade > MAX_KEY_FACTS_GRADE:
            misses.append(f"key facts grade {key.grade:.1f} > {MAX_KEY_FACTS_GRADE:g}")
    for sentence in long:
        opening = " ".join(words(sentence)[:6])
        misses.append(f"{len(words(sentence))}-word sentence ({opening} ...)")
    return ReadabilityReport(language, whole, key, long, tuple(misses))


def assess_html(html: str, language: Language) -> ReadabilityReport:
    """Readability of a rendered HTML document."""
    return assess_blocks(html_blocks(html), language)
