"""Recognizers that read the spaCy tokens: NER, names, places and organisations.

They are Presidio ``EntityRecognizer`` subclasses, so the analyzer runs them beside the pattern
recognizers and every result names the recognizer that found it. Each works on the tokens of
one piece of text (``nlp_artifacts.tokens``), with the :class:`~toolkit.pii.lexicon.Lexicon`
supplying names, places and the words that are only sometimes names.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any, ClassVar

from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult

from toolkit.pii.czech import PREPOSITIONS, nominatives
from toolkit.pii.lexicon import KIND_WORDS, TITLES, Lexicon, fold
from toolkit.pii.types import EntityType

__all__ = ["NameRecognizer", "NerRecognizer", "OrganizationRecognizer", "PlaceRecognizer"]

_SENT_END = frozenset({".", "!", "?", ":", ";", '"', "“", "”", "…", "-", "–", "—", "(", ")"})
_RELATIONS = frozenset(
    """wife husband partner boyfriend girlfriend fiance fiancee fiancé fiancée son daughter
    mum mom mother dad father brother sister sibling cousin aunt auntie uncle nephew niece
    grandma grandmother grandad granddad grandfather gran nan nana grandson granddaughter
    friend mate bestie boss manager colleague coworker co-worker neighbour neighbor flatmate
    roommate housemate ex therapist counsellor counselor psychiatrist psychologist doctor gp
    teacher tutor supervisor baby kid child stepdad stepmum stepmom stepson stepdaughter carer
    keyworker caseworker worker lodger landlord landlady pastor priest vicar coach bf gf bff
    hubby wifey fella bloke lad missus rep buddy sponsor mentor adviser advisor midwife
    dietitian physio solicitor kids sons daughters brothers sisters mates friends cousins
    grandkids grandchildren children""".split()
)
#: Words right before a name that make even an ordinary word a name ("called Grace").
_STRONG_CUES = frozenset({"called", "named", "name's", "names", "nicknamed"})
#: Greetings and thanks: a capitalised word right after one is a name ("Hi Cian,").
_GREETINGS = frozenset({"hi", "hello", "hey", "hiya", "heya", "thanks", "thank", "dear", "bye",
                        "morning", "evening", "afternoon", "cheers", "ta", "sorry", "night"})
#: Word-like names that, in lower case after "my sister", are the verb, not the name.
_VERBS = frozenset("said will may might can drew rose saw sang hope hopes told thinks says "
                   "mark marks bill grant pat sue rob chase wants".split())
#: What follows "I'm" when it is not a name: "im sad", "i'm fine", "im frank about it".
_STATES = frozenset(
    """sad fine good ok okay well tired happy sorry glad lost scared alone free sure ready late
    back done low down up bad better worse angry upset anxious afraid stuck sick ill busy home
    here there out away off on over new old young single married divorced pregnant broke calm
    hopeful grateful nervous worried confused numb empty grace hope will may joy faith frank
    mark rose chase sunny honest serious fair kind brave strong weak cool warm cold hot hungry
    sober clean straight gay bi trans quiet shy""".split()
)
_SELF_CUES = frozenset({"i'm", "im", "i’m"})
#: What follows the name in "Is X still living in...?", "Does X know?".
_FRAME_NEXT = frozenset(
    """still someone somebody around coming involved living staying aware okay ok going home
    there know knows helping looking doing feeling back the one at in with your""".split()
)
#: Verbs after a lower-case word that make it the name of who does them ("bhatt keeps...").
_SUBJECT_VERBS = frozenset(
    """said says told keeps kept thinks thought wants wanted knows knew hates hated texted
    called asked filled took came left was is has had does did laughed shouted cried text
    texts messaged rang sent found put leaves works moved gave got went made brought picked
    drove helped lives lived stayed wrote says""".split()
)
#: Adverbs between a subject and its verb: "fardowsa just texted".
_ADVERBS = frozenset("just always never still also really literally actually finally even "
                     "keeps".split())
_POSSESSIVES = frozenset({"my", "our", "his", "her", "their", "your"})
_MODALS = frozenset("can could will would should might must does did".split())
#: What follows "X," when X is someone spoken to: "Lešek, what you said", "Jigs, you're on".
_VOCATIVE_NEXT = frozenset("""what you you're youre your how i i'm im thank thanks can could
    would do did are is have has tell please welcome that this it's""".split())
#: Verbs after which a capitalised unknown word is someone talked to ("rang Oyelaran").
_TALK_VERBS = frozenset(
    """spoke speak speaking spoken talked talk talking chatted chat texted text texting messaged
    message rang ring phoned phone emailed told tell asked ask met meet meeting saw see
    seeing hugged called""".split()
)
_AFTER_CUES = frozenset({"said", "says", "told", "asked", "thinks", "thought", "wants", "'s", "’s"})
_PLACE_CUES = frozenset(
    """in from to near at around outside visit visiting visited moved move live lives living
    lived born raised grew towards toward via""".split()
)
#: Verbs before "from/in/to X" that make X a place: "moved here from", "grew up in".
_MOVE_WORDS = frozenset(
    """moved move moving here there live lives living lived born raised grew up flew fly
    flying travelled traveled travelling traveling went go going drove relocated based""".split()
)
#: Words before "in X" that make X where someone is: "my dad's in Krnov", "she's based in".
_HOME_WORDS = frozenset("""is 's ’s s dad's mum's dads mums family parents lives stays works
    studies flat house home place""".split())
_PARTICLES = frozenset({"van", "von", "de", "der", "den", "da", "di", "del", "la", "le", "bin",
                        "al", "el", "du", "ter", "st", "st.", "ap", "an", "ní", "nic", "ó",
                        "ua", "dos", "das", "ibn", "bint"})


#: Small words inside town names: "Wotton-under-Edge", "Roudnice nad Labem".
_TOWN_LINKS = frozenset("nad pod u v na under upon on le la de in by the and of y".split())


def _result(entity: EntityType, start: int, end: int, score: float,
            recognizer: EntityRecognizer, why: str) -> RecognizerResult:
    explanation = AnalysisExplanation(recognizer=recognizer.name, original_score=score,
                                      textual_explanation=why)
    return RecognizerResult(
        entity_type=entity.value, start=start, end=end, score=score,
        analysis_explanation=explanation,
        recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: recognizer.name,
                              RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: recognizer.id},
    )


def _sentence_start(tokens: Any, i: int) -> bool:
    """True when token ``i`` opens a sentence, a line or a speaker turn."""
    if i == 0:
        return True
    prev = tokens[i - 1]
    return (prev.is_space or prev.text in _SENT_END or "\n" in prev.whitespace_
            or (prev.is_punct and prev.text[-1:] in _SENT_END))  # "):" after "(9:33 AM"


def _is_initial(tok: Any) -> bool:
    """A middle initial: "J" or "J." (spaCy may keep the full stop on the token)."""
    text = tok.text.rstrip(".")
    return len(text) == 1 and text.isalpha() and text.isupper()


def _prev_words(tokens: Any, i: int, n: int = 3) -> list[str]:
    """Folded texts of up to ``n`` non-punctuation tokens before ``i`` on the same line."""
    out: list[str] = []
    j = i - 1
    while j >= 0 and len(out) < n:
        tok = tokens[j]
        if tok.is_space or "\n" in tok.whitespace_:
            break
        if not tok.is_punct:
            out.append(fold(tok.text))
        elif tok.text not in {",", "'"}:
            break
        j -= 1
    return out


class _LexiconRecognizer(EntityRecognizer):
    """Base for recognizers that need the lexicon; nothing to load."""

    NAME = "confide"

    def __init__(self, lexicon: Lexicon, entities: Sequence[EntityType]) -> None:
        self.lexicon = lexicon
        super().__init__(supported_entities=[e.value for e in entities],
                         name=self.NAME, supported_language="en")

    def load(self) -> None:
        return None

    def _leading_word(self, first: str, second: str) -> bool:
        """Whether ``first`` opens a sentence before a given name rather than being one:
        "Honestly Sarah", "Ring Oskar" (yes); "Tom Jones", "Zbyszek Kowalski" (no)."""
        lex = self.lexicon
        if second not in lex.first_names:
            return False
        if first in lex.first_names and second in lex.surnames:
            return False  # a first name and a surname: "Tom Jones"
        return not lex.is_name(first) or first in lex.name_words

    def cue_strength(self, tokens: Any, i: int) -> int:
        """2 for a strong name cue before token ``i`` (title, relation, "called"), 1 weak, 0."""
        if (i >= 2 and tokens[i - 1].text == ":"
                and fold(tokens[i - 2].text) in {"name", "jmeno", "names"}):
            return 2  # "Name: Sieda Batukayev"
        prev = _prev_words(tokens, i, 3)
        if not prev:
            return 0
        if prev[0] in TITLES or prev[0].rstrip(".") in TITLES:
            return 2
        if prev[0] in _STRONG_CUES or prev[:2] in (["is", "name"], ["me", "call"],
                                                    ["'s", "name"], ["’s", "name"]):
            return 2
        if prev == ["name"] and tokens[i - 1].text == "Name" and _sentence_start(tokens, i - 1):
            return 2  # a form line: "Name Ealasaid Macrae | DOB ..."
        if (len(prev) >= 2 and prev[0] in {"'s", "’s", "is", "was"} and prev[1] in _RELATIONS
                and (len(prev) < 3 or prev[2] in _POSSESSIVES
                     or _POSSESSIVES & set(_prev_words(tokens, i, 4)[3:]))):
            return 2  # "My mum's Precious", "her brother is Digby", "my course rep is pao"
        if prev[0] in _RELATIONS and (len(prev) < 2 or prev[1] in {
                "my", "our", "his", "her", "their", "your", "best", "older", "younger", "little",
                "big", "step", "ex", "new", "old", "the", "a", "late", "eldest", "youngest"}):
            return 2
        if (prev[0] in _SELF_CUES or prev[:2] in (["am", "i"], ["is", "this"])
                or (prev[0] in {"m", "'m", "’m"} and prev[1:2] == ["i"])):
            return 1
        return 0

    @staticmethod
    def _titled(tokens: Any, i: int) -> bool:
        """A title right before token ``i`` ("dr okafor", "Mrs Dvořáková")."""
        prev = _prev_words(tokens, i, 1)
        return bool(prev) and (prev[0] in TITLES or prev[0].rstrip(".") in TITLES)


class NerRecognizer(_LexiconRecognizer):
    """spaCy's entities, mapped onto confide's types and filtered for conversation text."""

    NAME = "spacy_ner"
    _MAP: ClassVar[dict[str, EntityType]] = {
        "PERSON": EntityType.PERSON, "GPE": EntityType.LOCATION, "LOC": EntityType.LOCATION,
        "FAC": EntityType.LOCATION, "ORG": EntityType.ORGANIZATION,
    }

    def __init__(self, lexicon: Lexicon) -> None:
        super().__init__(lexicon, sorted(set(self._MAP.values())))

    def analyze(self, text: str, entities: list[str], nlp_artifacts: Any = None
                ) -> list[RecognizerResult]:
        if nlp_artifacts is None:
            return []
        tokens = nlp_artifacts.tokens
        out = []
        for ent in nlp_artifacts.entities:
            kind = self._MAP.get(ent.label_)
            if kind is None or kind.value not in entities:
                continue
            span = self._trim(tokens, ent.start, ent.end)
            if span is None:
                continue
            start, end = span
            if not self._keep(tokens, start, end, kind):
                continue
            out.append(_result(kind, tokens[start].idx, tokens[end - 1].idx + len(tokens[end - 1]),
                               0.85, self, f"spaCy {ent.label_}"))
        return out

    def _trim(self, tokens: Any, start: int, end: int) -> tuple[int, int] | None:
        """Drop titles, articles, punctuation and role words at the edges of an entity."""
        lex = self.lexicon
        edge = TITLES | {"my", "our", "hi", "hey", "hello", "dear", "thanks"}
        while start < end and (tokens[start].is_punct or tokens[start].is_space
                               or fold(tokens[start].text) in edge
                               or tokens[start].text in {"the", "a", "an"}
                               or fold(tokens[start].text) in lex.roles):
            start += 1
        while end > start and (tokens[end - 1].is_punct or tokens[end - 1].is_space
                               or fold(tokens[end - 1].text) in {"'s", "’s"}):
            end -= 1
        if start >= end:
            return None  # nothing but titles, greetings or punctuation ("Thank you, Doctor")
        if (end - start >= 2 and _sentence_start(tokens, start)
                and self._leading_word(fold(tokens[start].text), fold(tokens[start + 1].text))):
            start += 1  # "Take Sarah to ..." -> "Sarah"
        if start > 0 and tokens[start - 1].text == "[" and any(
                t.text == "]" for t in tokens[end:end + 4]):
            return None  # transcript annotations: [Inaudible], [Crosstalk begins]
        return (start, end) if start < end else None

    def _keep(self, tokens: Any, start: int, end: int, kind: EntityType) -> bool:
        lex = self.lexicon
        words = [t for t in tokens[start:end] if not t.is_punct and not t.is_space]
        if not words:
            return False
        folded = [fold(t.text) for t in words]
        joined = " ".join(folded)
        if joined in lex.allow or all(f in lex.allow for f in folded):
            return False
        if joined.removeprefix("the ") in lex.regions and (
                kind is not EntityType.PERSON or self.cue_strength(tokens, start) < 2):
            return False  # countries, states, counties: kept
        if kind is not EntityType.LOCATION and any(
                t.like_num or any(c.isdigit() for c in t.text) for t in words):
            return False  # "09:34", "Room 4"
        if all(t.is_lower for t in words) and not any(lex.is_name(f) for f in folded):
            return False  # lower-case words the English model took for a name ("říct anglicky")
        if kind is EntityType.ORGANIZATION and any(t.text in {"/", "|"} for t in words):
            return False  # "Focus group / interview": a heading, not a name
        if len(words) == 1:
            tok, f = words[0], folded[0]
            if (f in lex.english and not lex.is_name(f) and _sentence_start(tokens, start)
                    and (f,) not in lex.places):
                return False  # "Broadband's a joke", "Focus on...": a word opening a sentence
            if f.endswith(("ed", "ing")) and not lex.is_name(f) and kind is not \
                    EntityType.LOCATION:
                return False  # "Transcribed", "Checking": headers and verbs
            if f in lex.not_names or f in lex.roles:
                return False
            if tok.is_upper and ((len(tok) <= 5 and not lex.is_name(f)) or f in lex.english):
                return False  # acronyms (CBT, DBT, PHQ...) and shouted words (LOVE)
            if tok.is_lower and not (lex.is_plain_name(f) or (f,) in lex.places):
                return False
            if (kind is EntityType.PERSON and f in lex.name_words
                    and _sentence_start(tokens, start) and self.cue_strength(tokens, start) < 2):
                return False  # "Hope is..." / "Will you..."
        return True


class NameRecognizer(_LexiconRecognizer):
    """People's names from the name lists, capitalised or not, helped by cues."""

    NAME = "name_lexicon"

    def __init__(self, lexicon: Lexicon) -> None:
        super().__init__(lexicon, [EntityType.PERSON])

    def analyze(self, text: str, entities: list[str], nlp_artifacts: Any = None
                ) -> list[RecognizerResult]:
        if nlp_artifacts is None or EntityType.PERSON.value not in entities:
            return []
        return [_result(EntityType.PERSON, s, e, score, self, why)
                for s, e, score, why in self._names(nlp_artifacts.tokens)]

    def _names(self, tokens: Any) -> Iterator[tuple[int, int, float, str]]:
        i, n = 0, len(tokens)
        while i < n:
            j = self._run_end(tokens, i)
            if j > i:
                found = self._judge_run(tokens, i, j)
                if found is not None:
                    yield found
                i = j
            else:
                i += 1

    def _token_class(self, tok: Any) -> str:
        """P plain name, A name that is also a word, N unknown word, X never a name."""
        f = fold(tok.text)
        lex = self.lexicon
        if (f in lex.not_names or f in lex.allow or f in lex.roles or f in TITLES
                or f in KIND_WORDS):
            return "X"
        if lex.is_name(f):
            return "A" if f in lex.name_words or f in lex.regions else "P"
        return "X" if f in lex.regions else "N"

    def _shape(self, tok: Any) -> str:
        """'cap' (Sarah, O'Brien, Dvořák), 'low' (sarah) or '' (anything else)."""
        t = tok.text
        if len(t) < 2 or not t[0].isalpha() or not t.replace("'", "").replace("’", "").isalpha():
            return ""
        if t[0].isupper() and not t.isupper():
            return "cap"
        if t.islower():
            return "low"
        return ""

    def _run_end(self, tokens: Any, i: int) -> int:
        """End of the run of same-shaped name candidates starting at ``i`` (``i`` if none)."""
        shape = self._shape(tokens[i])
        particle = (shape == "low" and tokens[i].text in _PARTICLES and i + 1 < len(tokens)
                    and self._shape(tokens[i + 1]) == "cap" and self._titled(tokens, i))
        if particle:
            shape = "cap"  # "Dr ap Dafydd", "Mr van Dijk"
        elif not shape or self._token_class(tokens[i]) == "X":
            return i
        if shape == "low" and fold(tokens[i].text) in _RELATIONS:
            return i  # "my son kwame": the relation is the cue, the name comes after it
        if shape == "low" and not self.lexicon.is_name(fold(tokens[i].text)) \
                and not self._titled(tokens, i):
            # "my son kwame", "my mate deano": an unknown word right after a relation
            if not (self._cued_unknown(tokens, i) or self._lower_subject(tokens, i)
                    or self._lower_name_slot(tokens, i)):
                return i
            j = i + 1
            while (j + 1 < len(tokens) and tokens[j].text == "-" and not tokens[j - 1].whitespace_
                   and not tokens[j].whitespace_ and tokens[j + 1].is_lower
                   and tokens[j + 1].is_alpha):
                j += 2  # "soo-jin"
            return j
        j = i + 1
        while j < len(tokens) and j - i < 4 and "\n" not in tokens[j - 1].whitespace_:
            tok = tokens[j]
            if tok.text == "-" and not tokens[j - 1].whitespace_ and j + 1 < len(tokens) \
                    and self._shape(tokens[j + 1]) == shape:
                j += 2  # Smith-Jones
                continue
            after = j + 2 if j + 1 < len(tokens) and tokens[j + 1].text == "." else j + 1
            if (shape == "cap" and _is_initial(tok) and after < len(tokens)
                    and self._shape(tokens[after]) == "cap"):
                # "Szabina J Gelencsér", "Ella H. Snider"
                j += 2 if tokens[j + 1].text == "." else 1
                continue
            if (shape == "cap" and tok.text in _PARTICLES and j + 1 < len(tokens)
                    and self._shape(tokens[j + 1]) == "cap" and tok.whitespace_):
                j += 1  # "Ieuan ap Dafydd", "Ludwig van Beethoven"
                continue
            if self._shape(tok) != shape or self._token_class(tok) == "X":
                break
            if shape == "low" and not self.lexicon.is_name(fold(tok.text)):
                break
            j += 1
        return j

    def _cued_unknown(self, tokens: Any, i: int) -> bool:
        """A lower-case word in no list and not English, right after a strong name cue."""
        f = fold(tokens[i].text)
        return (len(f) >= 3 and f not in self.lexicon.english
                and self._token_class(tokens[i]) == "N"
                and self.cue_strength(tokens, i) == 2)

    def _lower_subject(self, tokens: Any, i: int) -> bool:
        """"dvořáček keeps picking on me", "otilie said": a lower-case word that is no English
        word, opening a sentence, right before a verb people do."""
        f = fold(tokens[i].text)
        return (len(f) >= 3 and f not in self.lexicon.english and f not in self.lexicon.not_names
                and self._token_class(tokens[i]) in {"N", "P"} and _sentence_start(tokens, i)
                and i + 1 < len(tokens) and fold(tokens[i + 1].text) in _SUBJECT_VERBS)

    def _lower_name_slot(self, tokens: Any, i: int) -> bool:
        """A lower-case word in no list and not English where chat puts a name: after a
        greeting ("hey lloydie,"), as a vocative (", haeun."), in "is X around", "its X." or
        "this is X.", or opening a sentence before an adverb and a verb ("pao just texted")."""
        f = fold(tokens[i].text)
        lex = self.lexicon
        if (len(f) < 3 or f in lex.english or f in lex.not_names or not tokens[i].is_alpha
                or self._token_class(tokens[i]) != "N"):
            return False
        k = i + 1
        while (k + 1 < len(tokens) and tokens[k].text == "-" and not tokens[k].whitespace_
               and tokens[k + 1].is_alpha):
            k += 2  # "soo-jin"
        nxt = fold(tokens[k].text) if k < len(tokens) else ""
        ends = self._clause_end(tokens, k)
        prev = _prev_words(tokens, i, 2)
        if prev and prev[0] in _GREETINGS and (ends or nxt in {"-", "–", ":"}):
            return True
        if (i > 0 and tokens[i - 1].text == "," and ends and nxt != ","
                and not _CZ_CHARS & set(tokens[i].text)):
            return True  # ", haeun." (not "How has your sleep been, spánek?": a gloss)
        if (prev[:1] in (["is"], ["does"], ["has"]) and _sentence_start(tokens, i - 1)
                and nxt in _FRAME_NEXT):
            return True
        if ends and (prev[:1] == ["its"] or prev[:2] == ["'s", "it"] or prev[:2] == ["’s", "it"]
                     or self.cue_strength(tokens, i) >= 1):
            return True
        if nxt in {"here", "btw", "lol"} and self._clause_end(tokens, k + 1) \
                and (_sentence_start(tokens, i) or self.cue_strength(tokens, i) >= 1):
            return True  # "hey. kamaljit here.", "i'm vlastimila btw"
        return (_sentence_start(tokens, i) and nxt in _ADVERBS and k + 1 < len(tokens)
                and fold(tokens[k + 1].text) in _SUBJECT_VERBS)

    def _judge_run(self, tokens: Any, i: int, j: int) -> tuple[int, int, float, str] | None:
        classes = [self._token_class(t) for t in tokens[i:j] if t.text != "-"]
        while (len(classes) > 1 and classes[0] in {"N", "A"} and "P" in classes[1:]
               and _sentence_start(tokens, i) and tokens[i + 1].text != "-"
               and self._leading_word(fold(tokens[i].text), fold(tokens[i + 1].text))):
            # "Honestly Sarah ..." -> "Sarah"; but "Zbyszek Kowalski", "Tom Jones" stay whole
            i, classes = i + 1, classes[1:]
        cue = self.cue_strength(tokens, i)
        start, end = tokens[i].idx, tokens[j - 1].idx + len(tokens[j - 1])
        if self._shape(tokens[i]) == "low" and not (tokens[i].text in _PARTICLES and j > i + 1):
            return self._judge_lower(tokens, i, j, classes, cue, start, end)
        if "P" in classes:
            if len(classes) == 1 and classes[0] == "P" and cue == 0 and self._is_place(tokens, i):
                return None
            return start, end, 0.75 if cue else 0.65, "name list"
        if "A" in classes and (len(classes) >= 2 or cue == 2 or (self._after_cue(tokens, j)
                               and not _sentence_start(tokens, i))):
            return start, end, 0.7, "name list (word-like name) with cue"
        if cue == 2 or self._greeted(tokens, i):
            return start, end, 0.7, "capitalised word after a name cue"
        if len(classes) <= 2 and self._asked_about(tokens, i, j) and not self._is_place(tokens, i):
            return start, end, 0.6, "capitalised word in 'Is X still...?'"
        if (len(classes) <= 2 and set(classes) == {"N"} and not self._is_place(tokens, i)
                and not any(fold(t.text) in self.lexicon.english for t in tokens[i:j])
                and (self._spoken_to(tokens, i) or self._role_follows(tokens, j))):
            return start, end, 0.6, "unknown capitalised word after 'spoke to' / before (role)"
        if (len(classes) <= 2 and set(classes) == {"N"} and not self._is_place(tokens, i)
                and not any(fold(t.text) in self.lexicon.english for t in tokens[i:j])
                and self._name_position(tokens, i, j)):
            return start, end, 0.6, "unknown capitalised word where a name goes"
        if len(classes) == 1 and self._listed_with_names(tokens, i, j):
            return start, end, 0.6, "capitalised word in a list of names"
        if len(classes) <= 2 and not self._is_place(tokens, i) and (
                (cue == 1 and self._clause_end(tokens, j)) or self._vocative(tokens, i, j)):
            return start, end, 0.65, "capitalised word used as a name (I'm X, / , X.)"
        return None

    def _name_position(self, tokens: Any, i: int, j: int) -> bool:
        """"Bohunka does everything now", "Jasvir can be reached", "with Homer at the weekend",
        "Lešek, what you said...": where only a person fits."""
        nxt = fold(tokens[j].text) if j < len(tokens) else ""
        if fold(tokens[i].text) in _GREETINGS:
            return False  # "Hiya, thanks for..."
        if nxt in _SUBJECT_VERBS | _MODALS and nxt not in {"is", "was", "has", "had"}:
            return True
        prev = _prev_words(tokens, i, 1)
        if prev == ["with"] and (self._clause_end(tokens, j) or nxt in _PLACE_CUES | {
                "about", "at", "on", "for", "along", "last", "yesterday", "today", "tonight"}):
            return True
        return (_sentence_start(tokens, i) and nxt == "," and j + 1 < len(tokens)
                and fold(tokens[j + 1].text) in _VOCATIVE_NEXT)

    def _asked_about(self, tokens: Any, i: int, j: int) -> bool:
        """"Is Ubah still living in...?", "Does Precious know...?", "Was Nazrul involved?"."""
        if i == 0 or j >= len(tokens) or not _sentence_start(tokens, i - 1):
            return False
        if fold(tokens[i - 1].text) not in {"is", "was", "does", "did", "has", "will", "can",
                                             "could", "would"}:
            return False
        f = fold(tokens[i].text)
        return (fold(tokens[j].text) in _FRAME_NEXT and f not in self.lexicon.regions
                and (f,) not in self.lexicon.places)

    @staticmethod
    def _spoken_to(tokens: Any, i: int) -> bool:
        """"spoke to X", "texted X", "had a chat with X": someone is talked to."""
        prev = _prev_words(tokens, i, 2)
        return bool(prev) and (prev[0] in _TALK_VERBS or (
            prev[0] in {"to", "with"} and len(prev) > 1 and prev[1] in _TALK_VERBS))

    def _role_follows(self, tokens: Any, j: int) -> bool:
        """"Priyanka (CPN)", "Tomasz (care coordinator)": a role in brackets after a word."""
        if j + 2 >= len(tokens) or tokens[j].text != "(":
            return False
        inner = []
        for tok in tokens[j + 1:j + 5]:
            if tok.text == ")":
                return bool(inner) and (fold(" ".join(inner)) in self.lexicon.roles
                                        or any(fold(w) in self.lexicon.roles for w in inner)
                                        or all(w.isupper() and len(w) <= 5 for w in inner))
            inner.append(tok.text)
        return False

    def _listed_with_names(self, tokens: Any, i: int, j: int) -> bool:
        """"Efimiya, Mary, Ariana": an unknown word in a comma list beside a plain name."""
        if fold(tokens[i].text) in self.lexicon.english:
            return False
        after = j + 1 < len(tokens) and tokens[j].text in {",", "and", "&"} \
            and self._token_class(tokens[j + 1]) == "P"
        before = i >= 2 and tokens[i - 1].text in {",", "and", "&"} \
            and self._token_class(tokens[i - 2]) == "P"
        return after or before

    def _greeted(self, tokens: Any, i: int) -> bool:
        prev = _prev_words(tokens, i, 1)
        return bool(prev) and prev[0] in _GREETINGS

    @staticmethod
    def _clause_end(tokens: Any, j: int) -> bool:
        return (j >= len(tokens) or tokens[j].text in {",", ".", "!", "?", "and", "&", ";"}
                or "\n" in tokens[j - 1].whitespace_)

    def _vocative(self, tokens: Any, i: int, j: int) -> bool:
        """", Cian." / ", Cian?": a capitalised word between a comma and the end of a clause."""
        return (i > 0 and tokens[i - 1].text == "," and self._clause_end(tokens, j)
                and (j >= len(tokens) or tokens[j].text != ","))

    def _judge_lower(self, tokens: Any, i: int, j: int, classes: list[str], cue: int,
                     start: int, end: int) -> tuple[int, int, float, str] | None:
        first = fold(tokens[i].text)
        if (self._titled(tokens, i) and classes[0] in {"N", "P", "A"} and len(first) > 2
                and (first not in self.lexicon.english or classes[0] == "P")):
            return start, end, 0.6, "lower-case name after a title"  # not "Sir said"
        prev = _prev_words(tokens, i, 2)
        if prev[:2] in (["is", "name"], ["me", "call"]) and classes[0] != "X":
            return start, end, 0.6, "lower-case name after 'my name is'"
        if j == i + 1 and self._lower_subject(tokens, i):
            return start, end, 0.55, "lower-case word before a verb, opening a sentence"
        if first not in self.lexicon.first_names:
            # "hi im cian,", "my bf kuba": an unknown word that is not English, after a cue
            if (classes[0] == "N" and len(first) >= 3 and first not in self.lexicon.english
                    and (cue == 2 or (cue == 1 and self._clause_end(tokens, j))
                         or self._lower_name_slot(tokens, i))):
                return start, end, 0.55, "lower-case unknown word used as a name"
            return None
        if classes[0] == "P":
            return start, end, 0.6, "lower-case given name"
        if first in _VERBS or (cue == 1 and first in _STATES):
            return None
        nxt = tokens[j].text if j < len(tokens) else "."
        if cue == 2 or (cue == 1 and (nxt in {",", ".", "!", "?", "and", "&"} or j >= len(tokens))):
            return start, end, 0.6, "lower-case name after a cue"
        return None

    def _after_cue(self, tokens: Any, j: int) -> bool:
        return j < len(tokens) and fold(tokens[j].text) in _AFTER_CUES

    def _is_place(self, tokens: Any, i: int) -> bool:
        return (fold(tokens[i].text),) in self.lexicon.places


def _shouted(tok: Any, lexicon: Lexicon) -> bool:
    """An ALL-CAPS word of 4+ letters that is not an acronym we know or an English word."""
    text = tok.text
    f = fold(text)
    return (len(text) >= 4 and text.isupper() and text.isalpha() and f not in lexicon.english
            and f not in lexicon.allow and f not in lexicon.regions and f not in lexicon.roles
            and f not in lexicon.not_names)


class PlaceRecognizer(_LexiconRecognizer):
    """Towns and cities of the UK, the Czech Republic and the US, in any case."""

    NAME = "place_lexicon"

    def __init__(self, lexicon: Lexicon) -> None:
        super().__init__(lexicon, [EntityType.LOCATION])
        self._max = lexicon.max_place_tokens
        self._first_words = frozenset(key[0] for key in lexicon.places)
        self._town_first_words = frozenset(key[0] for key in lexicon.towns)

    def analyze(self, text: str, entities: list[str], nlp_artifacts: Any = None
                ) -> list[RecognizerResult]:
        if nlp_artifacts is None or EntityType.LOCATION.value not in entities:
            return []
        tokens = nlp_artifacts.tokens
        folded = [fold(t.text) for t in tokens]
        out, i, n = [], 0, len(tokens)
        places = self.lexicon.places
        out += (self._shouted_places(tokens) + self._cued_places(tokens)
                + self._lower_cued_places(tokens) + self._czech_places(tokens, folded))
        towns = self.lexicon.towns
        while i < n:
            if folded[i] not in self._first_words and folded[i] not in self._town_first_words:
                i += 1
                continue
            for size in range(min(self._max, n - i), 0, -1):
                key = tuple(folded[i:i + size])
                listed = key in places and self._accept(tokens, i, key)
                if listed or (key in towns and self._accept_town(tokens, i, key)):
                    end_tok = tokens[i + size - 1]
                    out.append(_result(EntityType.LOCATION, tokens[i].idx,
                                       end_tok.idx + len(end_tok), 0.7 if listed else 0.6,
                                       self, "place list" if listed else "town list"))
                    i += size - 1
                    break
            i += 1
        return out

    def _accept_town(self, tokens: Any, i: int, key: tuple[str, ...]) -> bool:
        """A smaller town: capitalised ("Sevenoaks", "Kirkby Lonsdale"); one that is also a
        word or a name ("Deal", "Huntly", "Newton Abbot") only after a place cue."""
        words = [t for t in tokens[i:i + len(key)] if t.is_alpha]
        if not words or not all(w.text[:1].isupper() or w.text in _TOWN_LINKS
                                for w in words) or words[0].text.isupper():
            return False
        lex = self.lexicon
        names = [fold(w.text) for w in words if w.text not in _TOWN_LINKS]
        prev = _prev_words(tokens, i, 1)
        if bool(prev) and prev[0] in _PLACE_CUES:
            return len(names) > 1 or names[0] not in lex.not_names  # not "around Christmas"
        plain = [f for f in names if f not in lex.english and not lex.is_name(f)
                 and f not in lex.not_names]
        if len(names) == 1:
            return bool(plain) and not _sentence_start(tokens, i)
        return bool(plain)  # "Wotton-under-Edge", "Kirkby Lonsdale"

    def _czech_places(self, tokens: Any, folded: list[str]) -> list[RecognizerResult]:
        """"v Ostravě", "z Brna", "v Mladé Boleslavi": a declined town after a Czech
        preposition, found by undoing its case endings (see :mod:`toolkit.pii.czech`)."""
        out = []
        places = self.lexicon.places
        for i in range(1, len(tokens)):
            if folded[i - 1] not in PREPOSITIONS or not tokens[i].text[:1].isupper():
                continue
            for size in range(min(3, len(tokens) - i), 0, -1):
                words = tokens[i:i + size]
                if not all(t.is_alpha for t in words):
                    continue
                # only candidates that can start a listed place: keeps the product small
                keys = [(c,) for c in nominatives(folded[i]) if c in self._first_words]
                for f in folded[i + 1:i + size]:
                    keys = [(*k, c) for k in keys for c in nominatives(f)]
                if any(k in places for k in keys if k != tuple(folded[i:i + size])):
                    out.append(_result(EntityType.LOCATION, tokens[i].idx,
                                       words[-1].idx + len(words[-1]), 0.7, self,
                                       "Czech town, declined"))
                    break
        return out

    def _cued_places(self, tokens: Any) -> list[RecognizerResult]:
        """"moved here from Fortaleza": a capitalised word that is neither English nor a
        known name, right after a strong place cue."""
        out = []
        for i in range(2, len(tokens)):
            tok = tokens[i]
            if not tok.text[:1].isupper() or tok.text.isupper():
                continue
            prev = _prev_words(tokens, i, 3)
            if not prev or prev[0] not in {"from", "in", "to", "near", "outside"} or (
                    prev[0] == "to" and (len(prev) < 2 or prev[1] not in _MOVE_WORDS)):
                continue  # "to X" only after a move verb: "talked to X" is a person
            f = fold(tok.text)
            # "lives out in Stirling", "grew up in Marsh": after a verb of living or moving,
            # a surname-like word is a place too (a first name is still a person)
            lived = prev[0] != "to" and any(w in _MOVE_WORDS or w in _HOME_WORDS
                                            for w in prev[1:3])
            named = self.lexicon.is_name(f) and (f in self.lexicon.first_names or not lived)
            if (tok.text[:1].isupper() and not tok.text.isupper() and tok.is_alpha
                    and f not in self.lexicon.english and not named
                    and f not in self.lexicon.allow and f not in self.lexicon.regions
                    and f not in self.lexicon.not_names):
                out.append(_result(EntityType.LOCATION, tok.idx, tok.idx + len(tok), 0.55,
                                   self, "unknown capitalised word after a place cue"))
        return out

    def _lower_cued_places(self, tokens: Any) -> list[RecognizerResult]:
        """"my dad's in kozlovice", "moved to ústí nad labem": lower-case towns in chat that are
        not English words, after a place cue with a verb of living or moving."""
        out = []
        lex = self.lexicon
        for i, tok in enumerate(tokens):
            f = fold(tok.text)
            if not (tok.is_lower and tok.is_alpha and len(f) > 3 and f not in lex.english
                    and f not in lex.not_names and not lex.is_name(f) and f not in lex.allow):
                continue
            prev = _prev_words(tokens, i, 3)
            if not (len(prev) >= 2 and prev[0] in {"in", "to", "from", "near"}
                    and (prev[1] in _MOVE_WORDS or prev[1] in _HOME_WORDS)):
                continue
            j = i + 1
            while j + 1 < len(tokens) and tokens[j].text in {"nad", "pod", "u", "v"} \
                    and tokens[j + 1].is_alpha:
                j += 2  # "ústí nad labem"
            out.append(_result(EntityType.LOCATION, tok.idx, tokens[j - 1].idx
                               + len(tokens[j - 1]), 0.55, self, "lower-case town after a cue"))
        return out

    def _shouted_places(self, tokens: Any) -> list[RecognizerResult]:
        """Towns in capitals after a place cue: "flew to LEPPEN", "grew up in SUND"."""
        out = []
        for i, tok in enumerate(tokens):
            if not _shouted(tok, self.lexicon):
                continue
            prev = _prev_words(tokens, i, 1)
            if not (prev and prev[0] in _PLACE_CUES):
                continue
            j = i + 1
            while j < len(tokens) and j - i < 3 and _shouted(tokens[j], self.lexicon):
                j += 1
            end_tok = tokens[j - 1]
            out.append(_result(EntityType.LOCATION, tok.idx, end_tok.idx + len(end_tok), 0.6,
                               self, "capitalised place after a place cue"))
        return out

    def _accept(self, tokens: Any, i: int, key: tuple[str, ...]) -> bool:
        first = tokens[i].text
        prev = _prev_words(tokens, i, 1)
        cued = bool(prev) and prev[0] in _PLACE_CUES
        if " ".join(key) in self.lexicon.regions:
            # a county that is also its town ("Stirling", "Durham"): the town after "in"
            return cued and first[:1].isupper() and not first.isupper()
        ambiguous = len(key) == 1 and key[0] in self.lexicon.place_words
        if ambiguous and key[0] in self.lexicon.name_words | self.lexicon.not_names:
            return False
        if first[:1].isupper() and not first.isupper():
            return cued or not (ambiguous or (_sentence_start(tokens, i) and len(key) == 1
                                and self.lexicon.is_name(key[0])))
        return first.islower() and not ambiguous and (cued or len("".join(key)) >= 4)


# Organisations named by what they are: "Riverside Surgery", "Fakultní nemocnice Brno".
_ORG_KIND = (
    r"(?:Surgery|Medical\s+Cent(?:re|er)|Health\s+Cent(?:re|er)|Medical\s+Practice|"
    r"Family\s+Practice|Hospital|Infirmary|Hospice|Clinic|Primary\s+School|Secondary\s+School|"
    r"High\s+School|Grammar\s+School|Junior\s+School|Infant\s+School|School|Academy|College|"
    r"University|Nursery|Ltd\.?|Limited|PLC|plc|LLP|Inc\.?|LLC|Corp\.?|Group|Foundation|"
    r"Trust|Council|Pharmacy|Dental(?:\s+Practice)?|Solicitors|Associates|Partners|"
    r"Talking\s+Therapies|Therapies|Behaviou?ral\s+Health|Mental\s+Health\s+Services?|"
    r"Counsell?ing(?:\s+Services?|\s+Cent(?:re|er))?|Psychology(?:\s+Services?)?|"
    r"Wellbeing\s+(?:Service|Cent(?:re|er)|Hub)|Recovery\s+Cent(?:re|er)|Care\s+Home|"
    r"s\.\s?r\.\s?o\.|a\.\s?s\.)"
)
_CZ_KIND = (
    r"(?:[Zz]dravotní\s+středisko|[Pp]oliklinika|[Oo]rdinace|[Pp]sychiatrická\s+nemocnice|"
    r"[Ff]akultní\s+nemocnice|[Nn]emocnice|[Mm]ateřská\s+škola|[Zz]ákladní\s+škola|"
    r"[Ss]třední\s+škola|[Gg]ymnázium|[Vv]ysoká\s+škola|[Úú]řad\s+práce|"
    r"[Cc]entrum\s+duševního\s+zdraví|[Pp]edagogicko-psychologická\s+poradna|[Pp]oradna|"
    r"[Zz]ákladní\s+umělecká\s+škola|[Dd]ětský\s+domov|[Pp]sychiatrická\s+léčebna|"
    r"[Kk]linika|[Úú]stav|[Dd]omov\s+pro\s+seniory|[Kk]rizové\s+centrum|"
    r"[Oo]bchodní\s+akademie|[Aa]kademie|[Aa]mbulance(?:\s+klinické\s+psychologie)?|"
    r"[Pp]oradna\s+pro\s+rodinu(?:\s+a\s+mezilidské\s+vztahy)?|[Uu]niverzita|[Uu]čiliště)"
)
_CAP = r"(?:[A-Z][\w'’&.-]*|&|of|and|the|on|upon|St\.?)"
_ORG_RE = re.compile(
    rf"\b(?:(?:St\.?|Saint|Dr\.?)\s+)?[A-Z][\w'’.-]*(?:\s+{_CAP}){{0,4}}\s+{_ORG_KIND}(?![\w])"
    rf"|\bUniversity\s+of\s+[A-Z][\w'’ʻ-]*(?:\s+(?:at\s+)?[A-Z][\w'’ʻ-]*){{0,2}}"
    r"|\b(?:Všeobecná\s+fakultní\s+nemocnice|Thomayerova\s+nemocnice|"
    r"Nemocnice\s+na\s+Homolce|(?:ZŠ|MŠ|SŠ|SOŠ|SOU|VOŠ|OA|VŠ)\s+[\w-]+(?:\s+[\w-]+){0,2})"
    r"|\b(?:Fakultní\s+|Městská\s+|Krajská\s+|Oblastní\s+|Všeobecná\s+fakultní\s+)?"
    r"[Nn]emocnice(?:\s+(?:u\s+sv\.\s+|na\s+)?[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ][\w-]*){1,3}"
    rf"|\b{_CZ_KIND}(?:\s+(?:(?:na|nad|pod|u|v|ve)\s+)?[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ][\w-]*){{1,3}}"
    r"|\b[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ][\w-]*(?:ova|ská|ského)(?:\s+[a-zá-ž]+(?:ká|ní|ná))?"
    r"\s+[Uu]niverzita"
    r"|\b(?:Ysbyty|Ysgol)\s+(?:(?:y|yr)\s+)?[A-Z][\w'’-]*(?:\s+(?:y\s+|yr\s+)?[A-Z][\w'’ô-]*){0,2}"
    r"|\b(?:Univerzita\s+Karlova|Univerzita\s+Palackého)"
)
_ORG_CZ_LOWER_RE = re.compile(
    r"\b(?:poliklinik[ae]|ordinace|nemocnice|zdravotní\s+středisko|gymnázium|ambulance|"
    r"centrum|penzion|potraviny)\s+"
    r"(?:(?i:na|nad|pod|u|v|ve)\s+)?(?!(?:je|jsem|byl|byla|mi|mě|a|v|na)\b)[^\W\d_]{3,}",
)
_ORG_LOWER_RE = re.compile(
    r"\b((?:[a-z][a-z'’-]+\s+){1,2})(surgery|medical cent(?:re|er)|health cent(?:re|er)|"
    r"hospital|primary school|high school|academy|college|university)\b"
)
_GENERIC = frozenset(
    """mental general local psychiatric private public childrens children's community new old
    big small secondary primary high medical health dental nursing care day boarding state
    catholic same other different previous current last next first second third main nearest
    closest county city district teaching university special grammar junior infant sixth
    form walk-in walk in nhs gp art arts drama music dance sports language driving sunday
    night evening summer holiday medical law business nursing graduate""".split()
)
_JOBS = (
    r"(?:work|works|worked|working|job|jobs|shift|shifts|overtime|contract|employed|employer|"
    r"manager|boss|colleagues?|nurse|teacher|cashier|engineer|developer|analyst|driver|clerk|"
    r"assistant|intern|interning|internship|placement|volunteer|volunteering|apprentice|"
    r"apprenticeship|lecturer|receptionist|cleaner|barista|chef|waiter|waitress|accountant|"
    r"designer|consultant|technician|carer|staff|team|temping|studying|student|studies|"
    r"study|pracuju|pracuji|pracovala?|zaměstnan[áý]|brigáda|brigádu)"
)
_WORK_RE = re.compile(
    rf"\b(?i:{_JOBS})\s+(?:(?i:at|for|with|in|ve|v|u|na)\s+)"
    r"((?:[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ][\w'’&.-]*|[a-z][\w'’&-]*)"
    r"(?:\s+(?:[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ][\w'’&.-]*|[a-zá-ž]*[áéíóúůýčďěňřšťž][\w-]*)){0,3})"
)
_UP = "A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ"
#: "what happened at Brightwell", "the degree at ČVUT", "so you left Aviva": a capitalised name
#: after at/left/joined, in the middle of a sentence, names a workplace or a school.
_AT_RE = re.compile(
    rf"\b(?:at|left|joined|join|quit|leaving|rang|phoned|called|contacted|out\s+of|"
    rf"been\s+with)\s"
    rf"([{_UP}][\w'’&.-]*(?:\s+(?:[{_UP}][\w'’&.-]*|[a-zá-ž]*[áéíóúůýčďěňřšťž][\w-]*)){{0,3}})"
)
#: "Davis, Reynolds and Williamson", "owens, duran and oneal": partners' surnames.
_FIRM_RE = re.compile(
    r"\b([A-Z][a-z'’]+|[a-z][a-z'’]+), ([A-Z][a-z'’]+|[a-z][a-z'’]+),? (?:and|&) "
    r"([A-Z][a-z'’]+|[a-z][a-z'’]+)\b"
)
_WORK_STOP = frozenset(
    """home work school uni college the a an my our his her their this that night nights
    weekend weekends part full home-based it all least last first least night the moment
    least""".split()
)


#: Kinds of organisation too common as plain words to be trusted alone ("the Mother and Baby
#: Unit", "my Support Team"): the name before them needs a word that is not English.
_WEAK_KIND_RE = re.compile(
    rf"\b[A-Z][\w'’.-]*(?:\s+{_CAP}){{0,4}}\s+(?:Unit|Hub|Team|Division|Agency|Club|"
    r"Regiment|Battalion|Brigade|Squadron|Bank|Cash\s+and\s+Carry|Co-op|Society|Association|"
    r"Project|Network|Services?|Recovery|Centre|Center|Ward|Farm|Transport|Couriers|"
    r"Mills?)(?![\w])"
)
_WORD_RE = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
#: Military units: "the 10th Mountain Division", "2 Rifles", "1st Cavalry Division".
_UNIT_RE = re.compile(
    r"\b\d{1,3}(?:st|nd|rd|th)?\s+(?:[A-Z][a-z]+\s+){0,2}(?:Division|Regiment|Brigade|"
    r"Battalion|Rifles|Squadron|Commando|Corps|Infantry|Cavalry|Airborne|Marines|Signals|"
    r"Lancers|Hussars|Dragoons|Guards|Fusiliers)\b"
)
#: A ward or unit named by one word: "the Kestrel Unit", "Lapwing Ward" (not "the Crisis Unit").
_NAMED_UNIT_RE = re.compile(r"\b([A-Z][a-z]{3,})\s+(?:Unit|Ward|Suite|Wing)\b")
_GENERIC_UNIT = frozenset(
    """mother baby crisis intensive care assessment acute stroke maternity psychiatric
    inpatient eating discharge recovery rehabilitation admissions observation emergency
    dementia childrens children's adolescent older medical surgical cardiac renal burns
    neonatal special high dependency day night secure forensic treatment perinatal mental
    health this that which every each another same new old main private general""".split()
)
_TIME_WORDS = frozenset(
    """last next this that every year week month day today tonight tomorrow yesterday morning
    afternoon evening night weekend monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december
    i i'm i've it it's we he she they you""".split()
)
#: Capitalised words, joined by "of", "in", "and", "&": the shape of a proper name.
_CAP_RUN_RE = re.compile(
    r"(?<![\w'’])[A-Z][\w'’-]*(?:\s+(?:(?:of|in|and|&|the)\s+)?[A-Z][\w'’-]*)+"
)
_CZ_CHARS = frozenset("áčďéěíňóřšťúůýžÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ")
_CZ_LINKS = frozenset("v ve na pro o a u z ze nad pod při hl m sv".split())
#: What a Czech organisation is, so that a run with one capital is a name ("Fio banka",
#: "Policejní akademie"), not a phrase ("Rodné číslo", "Na shledanou").
_CZ_ORG_WORDS = frozenset(
    """ústav centrum nemocnice škola akademie univerzita banka podnik ambulance oddělení
    stacionář společnost poradna ordinace klinika poliklinika léčebna domov spolek nadace
    sdružení úřad fakulta institut gymnázium učiliště drogerie potraviny stavebniny vinařství
    pekárna lesy pošta pojišťovna služba služby agentura družstvo firma závod knihovna
    divadlo muzeum hotel restaurace kavárna obchod středisko dům jesle školka""".split()
)


_CZ_ORG_WORDS_FOLDED = frozenset(fold(w) for w in _CZ_ORG_WORDS)
_CZECH_HINT = re.compile(
    "[" + "".join(sorted(_CZ_CHARS)) + "]|(?i:\\b(?:"
    + "|".join(sorted(_CZ_ORG_WORDS_FOLDED, key=len, reverse=True)) + ")\\b)"
)


class OrganizationRecognizer(_LexiconRecognizer):
    """Employers, schools, GP surgeries and hospitals named in the text."""

    NAME = "organization_patterns"

    def __init__(self, lexicon: Lexicon) -> None:
        super().__init__(lexicon, [EntityType.ORGANIZATION])

    def analyze(self, text: str, entities: list[str], nlp_artifacts: Any = None
                ) -> list[RecognizerResult]:
        if EntityType.ORGANIZATION.value not in entities:
            return []
        out = []
        for start, end, why in self._matches(text):
            span = text[start:end]
            if fold(span) in self.lexicon.allow:
                continue
            out.append(_result(EntityType.ORGANIZATION, start, end, 0.7, self, why))
        return out

    def _czechish(self, word: str) -> bool:
        return any(c in _CZ_CHARS for c in word) or fold(word) not in self.lexicon.english

    def _town_names(self, text: str) -> Iterator[tuple[int, int, str]]:
        """"Mind in Bradford", "Healthy Minds Calderdale", "Larne Timber": capitalised words
        around a town's name make the name of something in that town."""
        for m in _CAP_RUN_RE.finditer(text):
            words = [(m.start() + w.start(), m.start() + w.end(), w.group())
                     for w in _WORD_RE.finditer(m.group())]
            found = self._town_name(words)
            if found is None:  # "Larne Timber in Blaenau Ffestiniog": try each side of "in"
                cuts = [k for k, (_, _, w) in enumerate(words) if w == "in"]
                for part in (words[:cuts[0]], words[cuts[-1] + 1:]) if cuts else ():
                    found = found or self._town_name(part)
            if found is not None:
                yield found[0], found[1], "organisation named with its town"

    def _town_name(self, words: list[tuple[int, int, str]]) -> tuple[int, int] | None:
        lex = self.lexicon
        while len(words) > 1 and words[0][2] != "The" and (
                fold(words[0][2]) in lex.not_names - {"mind"} or fold(words[0][2]) in TITLES) \
                and not words[1][2].endswith(("'s", "’s")):
            words = words[1:]  # "Yesterday Leeds...", "Dr Bradford" (not "Dr Gray's")
        while words and (words[-1][2] in {"of", "in", "and", "at", "the", "The"}
                         or fold(words[-1][2]) in _TIME_WORDS):
            words = words[:-1]  # "Leeds Last year"
        folded = [fold(w) for _, _, w in words]
        if sum(w[:1].isupper() for _, _, w in words) < 2:
            return None
        town = next(((k, n) for n in (3, 2, 1) for k in range(len(folded) - n + 1)
                     if tuple(folded[k:k + n]) in lex.places and words[k][2][:1].isupper()),
                    None)
        if town is None:
            return None
        k, n = town
        rest = [f for idx, f in enumerate(folded)
                if not k <= idx < k + n and words[idx][2][:1].isupper()]
        if not rest or all(lex.is_name(f) and f not in lex.english for f in rest) \
                or all(f in lex.regions or (f,) in lex.places for f in rest):
            return None  # "Anna Bradford" is a person; "Leeds Bradford" two towns
        return words[0][0], words[-1][1]

    def _foreign_names(self, text: str) -> Iterator[tuple[int, int, str]]:
        """"at Ústav pro péči o matku a dítě after", "at Fio banka": a capitalised run of
        Czech words inside an English sentence names an organisation (or a place)."""
        if _CZECH_HINT.search(text) is None:
            return  # no Czech letter and no Czech organisation word: nothing to find
        words = list(_WORD_RE.finditer(text))
        i = 1
        while i < len(words):
            w = words[i].group()
            if not (w[0].isupper() and self._czechish(w)):
                i += 1
                continue
            j = i + 1
            while j < len(words) and (self._czechish(words[j].group())
                                      or words[j].group() in _CZ_LINKS):
                gap = text[words[j - 1].end():words[j].start()]
                if gap != " " and not (gap == ". " and words[j - 1].group() in _CZ_LINKS):
                    break  # "hl. m. Prahy" runs on; "Klient. Rodné číslo" does not
                j += 1
            while j - 1 > i and words[j - 1].group() in _CZ_LINKS:
                j -= 1
            run = [x.group() for x in words[i:j]]
            prev = words[i - 1].group()
            span = text[words[i].start():words[j - 1].end()]
            capitals = sum(x[0].isupper() for x in run)
            if (2 <= len(run) <= 8 and "\n" not in span
                    and (any(c in _CZ_CHARS for c in span)
                         or any(x.islower() and x not in _CZ_LINKS for x in run[1:]))
                    and (capitals >= 2 or any(fold(x) in _CZ_ORG_WORDS_FOLDED for x in run))
                    and fold(prev) in self.lexicon.english and not self._czechish(prev)
                    and tuple(fold(span).split()) not in self.lexicon.places
                    and fold(" ".join(span.split())) not in self.lexicon.regions
                    and not any(fold(x) in self.lexicon.allow for x in run)):
                yield words[i].start(), words[j - 1].end(), "Czech name in an English sentence"
            i = j

    def _matches(self, text: str) -> Iterator[tuple[int, int, str]]:
        for m in _ORG_RE.finditer(text):
            start = m.start()
            words = m.group().split()
            # do not swallow a leading sentence word: "Yesterday Riverside Surgery" -> keep 1
            while len(words) > 2 and fold(words[0]) in self.lexicon.not_names \
                    and words[0] != "The" and not words[1].endswith(("'s", "’s")):
                start = text.index(words[1], start + len(words[0]))
                words = words[1:]
            yield start, m.end(), "organisation name with its kind"
        for m in _ORG_LOWER_RE.finditer(text):
            names = m.group(1).split()
            keep = 0  # the trailing words that are names, not "the", "my", "local"...
            while keep < len(names) and names[-1 - keep] not in _GENERIC \
                    and fold(names[-1 - keep]) not in self.lexicon.not_names:
                keep += 1
            if keep:
                start = text.rindex(names[-keep], m.start(), m.start(2))
                yield start, m.end(), "lower-case organisation name with its kind"
        for m in _ORG_CZ_LOWER_RE.finditer(text):
            if fold(m.group().split()[-1]) not in self.lexicon.not_names:
                yield m.start(), m.end(), "Czech organisation kind and name"
        for m in _FIRM_RE.finditer(text):
            names = [fold(w) for w in (m.group(1), m.group(2), m.group(3))]
            if all(n in self.lexicon.surnames and n not in self.lexicon.first_names
                   for n in names):
                yield m.start(), m.end(), "firm named after its partners"
        for m in _AT_RE.finditer(text):
            value = m.group(1)
            first = fold(value.split()[0].split("'")[0].split("’")[0])
            lex = self.lexicon
            if first in lex.not_names or first in lex.allow or first in lex.roles \
                    or first in lex.regions or (first,) in lex.places or first in TITLES:
                continue
            if lex.is_name(first) and not re.fullmatch(r"\S+['’]s", value):
                continue  # "at Wendy's", "at Nando's": a business (or someone's home) anyway
            yield m.start(1), m.end(1), "capitalised name after at/left/joined"
        for m in _WEAK_KIND_RE.finditer(text):
            words = [fold(w) for w in _WORD_RE.findall(m.group())[:-1]]
            if any(w not in self.lexicon.english and w not in _GENERIC
                   and w not in self.lexicon.not_names for w in words if len(w) > 2):
                yield m.start(), m.end(), "organisation name with a common kind"
        yield from self._foreign_names(text)
        yield from self._town_names(text)
        for m in _UNIT_RE.finditer(text):
            yield m.start(), m.end(), "military unit"
        for m in _NAMED_UNIT_RE.finditer(text):
            if fold(m.group(1)) not in _GENERIC_UNIT and fold(m.group(1)) not in self.lexicon.allow:
                yield m.start(), m.end(), "ward or unit named by one word"
        for m in _WORK_RE.finditer(text):
            value = m.group(1)
            first = value.split()[0]
            if fold(first) in _WORK_STOP or fold(first) in self.lexicon.not_names:
                continue
            if first.islower():
                value = first  # lower-case chat: one word ("i work at tesco")
            yield m.start(1), m.start(1) + len(value), "employer after a work cue"
