"""Document-level decisions: labels, allow and deny lists, consistency, overlaps.

The recognizers look at one piece of text at a time; :class:`DocumentResolver` sees the whole
document and turns their candidate spans into the final, non-overlapping list.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from toolkit.errors import ConfigError
from toolkit.pii.config import RedactConfig
from toolkit.pii.conversation import TermMatcher, find_labels, propagate
from toolkit.pii.lexicon import Lexicon, fold, fold_aligned
from toolkit.pii.organizations import EMPLOYER_SLOT
from toolkit.pii.types import EntityType, Segment, Span

__all__ = ["DocumentResolver", "parse_deny"]

#: When overlapping spans of equal length disagree, the earlier type in this list wins.
_PRIORITY = (
    EntityType.UK_NHS, EntityType.CZ_BIRTH_NUMBER, EntityType.UK_NINO, EntityType.CREDIT_CARD,
    EntityType.IBAN_CODE, EntityType.US_SSN, EntityType.EMAIL_ADDRESS, EntityType.URL,
    EntityType.IP_ADDRESS, EntityType.SOCIAL_HANDLE, EntityType.PHONE_NUMBER,
    EntityType.STREET_ADDRESS, EntityType.UK_POSTCODE, EntityType.DATE, EntityType.PERSON,
    EntityType.ORGANIZATION, EntityType.LOCATION,
)
_RANK = {kind: i for i, kind in enumerate(_PRIORITY)}
#: Words that may follow an allow-listed name without making it personal data ("Wysa app").
_ALLOW_TAIL = frozenset(
    "app apps bot chatbot ai therapy programme program service services line helpline score "
    "scores scale questionnaire assessment team website platform course session sessions".split()
)
_EDGE = " \t\r\n.,;:!?\"'’“”()[]{}<>|·•»›«‹–—*"


_PAIRS = {"(": ")", "[": "]", "{": "}", "<": ">", "“": "”", '"': '"'}


def _strip_edges(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop spaces and punctuation at the edges, but keep a bracket whose partner is inside."""
    while start < end and text[start] in _EDGE:
        close = _PAIRS.get(text[start])
        if close is not None and close in text[start + 1:end]:
            break
        start += 1
    while end > start and text[end - 1] in _EDGE:
        opener = next((o for o, c in _PAIRS.items() if c == text[end - 1]), None)
        if opener is not None and opener in text[start:end - 1]:
            break
        end -= 1
    return start, end


#: Types whose value is a name: one found inside a hyphenated word ("Lipová" of
#: "Lipová-lázně", "Smith" of "Smith-Rowe") takes in the whole word.
_WHOLE_WORD_TYPES = frozenset({EntityType.PERSON, EntityType.LOCATION, EntityType.ORGANIZATION,
                               EntityType.STREET_ADDRESS})
_ORDINAL_START = re.compile(r"(?i)(?:\d{1,2}|[a-z]+(?:[- ][a-z]+)?)(?:st|nd|rd|th)\b")
_THE_BEFORE = re.compile(r"(?<![\w])(?i:the)[ \t]+$")
_INITIAL_AFTER = re.compile(r" [A-Z](?=[.,)|]|$)", re.MULTILINE)
#: Workplaces and big stores named after a business: "Amazon warehouse", "Walmart Supercenter".
_WORKPLACES = r"warehouse|depot|sorting[ \t]+office|factory|superstore"
_BIG_STORES = ("supercenter", "supermarket", "hypermarket", "megastore")
#: A kind in lower case after an organisation's name belongs to it: "Northern Rail depot",
#: "Harebell House eating disorder unit", "Kettle & Crumb café".
_ORG_TAIL = re.compile(
    r"[ \t]+(?:(?:eating[ \t]+disorders?|mental[ \t]+health|crisis|inpatient|outpatient|"
    r"perinatal|addiction|drug[ \t]+and[ \t]+alcohol|psychiatric|rehab|recovery)[ \t]+)?"
    r"(?:unit|hub|café|cafe|branch|campus|ward|clinic|surgery|store|plant|hut|shop|garage|yard|"
    r"sklad|pobočka|prodejna|" + _WORKPLACES + r"|(?i:" + "|".join(_BIG_STORES)
    + r"|fulfill?ment(?:[ \t]+cent(?:re|er))?|distribution[ \t]+cent(?:re|er)"
    r"|call[ \t]+cent(?:re|er)))\b"
    r"(?![-'’]\w)"
    r"|,?[ \t]+(?:PLLC|LLC|LLP|Inc\.|Inc\b|Ltd\.|Ltd\b|s\.[ \t]?r\.[ \t]?o\.|a\.[ \t]?s\.)")
#: ... and makes a business of a name taken for a person or a place: "Royal Mail sorting
#: office", "Amazon warehouse" (a big store only capitalised: "London supermarket prices").
_BUSINESS_TAIL = re.compile(r"[ \t]+(?:" + _WORKPLACES + r"|distribution[ \t]+cent(?:re|er)"
                            r"|call[ \t]+cent(?:re|er)|"
                            + "|".join(w.title() for w in _BIG_STORES)
                            + r"|(?i:fulfill?ment[ \t]+cent(?:re|er)))\b(?![-'’]\w)")
_DISTRICT_NUMBER = re.compile(r"[ \t]\d{1,2}(?![\w:]|[.,]\d)(?![ \t]+(?:roky?|let|dny|dní|"
                              r"týdn\w*|měsíc\w*|hodin\w*|krát|x)\b)")
_HYPHENATED_AFTER = re.compile(r"(?:-[^\W\d_]+)+")
_HYPHENATED_BEFORE = re.compile(r"(?:[^\W\d_]+-)+$")


def _whole_compound(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen ``start:end`` over the rest of a hyphenated word it is part of."""
    if text[end:end + 1] == "-" and (m := _HYPHENATED_AFTER.match(text, end)) is not None:
        end = m.end()
    if start and text[start - 1] == "-" and (
            m := _HYPHENATED_BEFORE.search(text, max(0, start - 40), start)) is not None and (
            m.start() == 0 or not text[m.start() - 1].isalnum()):
        start = m.start()
    return start, end


def _whole_word_echo(span: Span, texts: Sequence[str]) -> Span:
    """An echo of a name inside a hyphenated word takes in the whole word ("Min" of
    "Min-ji")."""
    if span.entity_type not in _WHOLE_WORD_TYPES:
        return span
    start, end = _whole_compound(texts[span.segment], span.start, span.end)
    if (start, end) == (span.start, span.end):
        return span
    return Span(span.segment, start, end, span.entity_type, span.score, span.recognizer)


def parse_deny(entries: Iterable[str]) -> dict[str, EntityType]:
    """``--deny`` entries: ``word`` (a PERSON) or ``TYPE:word``."""
    out: dict[str, EntityType] = {}
    for entry in entries:
        kind, sep, value = entry.partition(":")
        if sep and kind.strip().upper() in EntityType.__members__:
            out[value.strip()] = EntityType(kind.strip().upper())
        elif entry.strip():
            out[entry.strip()] = EntityType.PERSON
    if any(not v for v in out):
        raise ConfigError("empty --deny entry", where="--deny")
    return out


class DocumentResolver:
    """Turns candidate spans into the final spans of one document."""

    recognizer_names = ("speaker_label", "document_consistency", "deny_list")

    def __init__(self, lexicon: Lexicon, config: RedactConfig,
                 wanted: frozenset[EntityType]) -> None:
        self.lexicon = lexicon
        self.threshold = config.score_threshold
        self.wanted = wanted
        deny = parse_deny(config.deny)
        self._deny = TermMatcher(deny)
        self._deny_types = {fold(" ".join(k.split())): v for k, v in deny.items()}
        # allowed phrases of several words: anything found inside one is kept
        self._allow = TermMatcher(a for a in lexicon.allow if " " in a.strip())
        self._user_allow = frozenset(fold(" ".join(a.split())) for a in config.allow)

    def resolve(self, segments: Sequence[Segment], candidates: Iterable[Span]) -> list[Span]:
        texts = [s.text for s in segments]
        folded = [fold_aligned(t) for t in texts]
        labels = find_labels(segments, self.lexicon)
        protected = [lab.protected for lab in labels]
        spans = [s for s in candidates if s.score >= self.threshold]
        spans += [Span(i, start, end, EntityType.PERSON, 0.9, "speaker_label")
                  for i, lab in enumerate(labels) for start, end in lab.names]
        spans += [Span(i, start, end, EntityType.SOCIAL_HANDLE, 0.9, "speaker_label")
                  for i, lab in enumerate(labels) for start, end in lab.handles]
        spans = [t for s in spans if (t := self._trim(s, texts, protected)) is not None]
        spans = [s for s in spans if not self._allowed(texts[s.segment][s.start:s.end],
                                                       employer=s.recognizer == EMPLOYER_SLOT)
                 and not _service_number(s, texts)]
        spans = self._outside_allowed_phrases(spans, folded)
        spans += self._denied(folded)
        spans = [_address_block(_address_around(s, texts[s.segment], self.lexicon),
                                texts[s.segment], self.lexicon) for s in spans]
        spans = _join_branches(_merge([s for s in spans if s.entity_type in self.wanted], texts),
                               texts, self.lexicon)
        if EntityType.LOCATION in self.wanted:
            spans = _merge([*spans, *_places_moved_to(spans, texts, self.lexicon)], texts)
        echoes = [_whole_word_echo(s, texts) for s in propagate(texts, folded, spans,
                                                                 self.lexicon, protected)]
        return _merge([*spans, *(s for s in echoes if s.entity_type in self.wanted)], texts)

    def _trim(self, span: Span, texts: Sequence[str],
              protected: Sequence[Sequence[tuple[int, int]]]) -> Span | None:
        """Cut protected ranges (roles, timestamps) and edge punctuation out of a span."""
        start, end = span.start, span.end
        for p_start, p_end in protected[span.segment]:
            if p_start <= start < p_end:
                start = p_end
            if p_start < end <= p_end:
                end = p_start
        text = texts[span.segment]
        start, end = _strip_edges(text, start, end)
        if end - start < 2 and not text[start:end].isdigit():
            return None
        if span.entity_type in _WHOLE_WORD_TYPES:
            start, end = _whole_compound(text, start, end)
        if (span.entity_type is EntityType.DATE and _ORDINAL_START.match(text, start)
                and (m := _THE_BEFORE.search(text, max(0, start - 5), start))):
            start = m.start()  # "on the 3rd", "the fourteenth of May": "the" goes with it
        kind = span.entity_type
        if kind is EntityType.ORGANIZATION and (m := _ORG_TAIL.match(text, end)):
            end = m.end()
        elif kind in (EntityType.PERSON, EntityType.LOCATION) \
                and (m := _BUSINESS_TAIL.match(text, end)):
            end, kind = m.end(), EntityType.ORGANIZATION
        if (m := _DISTRICT_NUMBER.match(text, end)) is not None \
                and fold(text[start:end]) in {"praha", "prague", "praze", "prahy"}:
            end = m.end()  # "Praha 5", "v Praze 10": the district is part of the place
        if span.entity_type is EntityType.PERSON and (m := _INITIAL_AFTER.match(text, end)):
            end = m.end()  # "Bolanle A.", "Joon-ho T": the initial of the surname
        if (start, end, kind) == (span.start, span.end, span.entity_type):
            return span
        return Span(span.segment, start, end, kind, span.score, span.recognizer)

    def _allowed(self, value: str, *, employer: bool = False) -> bool:
        """Whether a found value is on the allow list. An employer named where only an
        employer fits ("off work from the DWP") is kept out of the default list; only the
        user's own ``--allow`` lets it through."""
        allow = self._user_allow if employer else self.lexicon.allow
        folded = fold(" ".join(value.split()))
        if folded in allow or folded.removeprefix("the ") in allow:
            return True
        words = folded.split()
        return len(words) > 1 and words[0] in allow and all(w in _ALLOW_TAIL for w in words[1:])

    def _outside_allowed_phrases(self, spans: list[Span], folded: Sequence[str]) -> list[Span]:
        if not self._allow or not spans:
            return spans
        ranges = {i: [(a, b) for a, b, _ in self._allow.spans(folded[i])]
                  for i in {s.segment for s in spans}}
        return [s for s in spans if s.recognizer == EMPLOYER_SLOT
                or not any(a <= s.start and s.end <= b for a, b in ranges[s.segment])]

    def _denied(self, folded: Sequence[str]) -> list[Span]:
        return [Span(i, start, end, self._deny_types.get(term, EntityType.PERSON), 1.0,
                     "deny_list")
                for i, text in enumerate(folded) for start, end, term in self._deny.spans(text)]


#: A line that continues an address block: a unit, a box, or a short run of town, region,
#: state code, country and postcode words ("Suite 245", " FÜRLING", " Austria 25173", ", CO").
_UNIT_LINE = re.compile(
    r"[ \t>]*,?[ \t]*(?:Suite|Ste\.?|Apt\.?|Apartment|Unit|Flat|Floor|Fl\.|Room|P\.?O\.? Box|Box|"
    r"APO|FPO|DPO)\b[^\n]{0,40}", re.IGNORECASE)
_PLACE_LINE = re.compile(
    r"[ \t>]*,?[ \t]*(?:[^\W\d_][\w'’.-]*|\d{3,6}(?:-\d{4})?|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}|"
    r"\d{3} \d{2})(?:[ \t,]+(?:[^\W\d_][\w'’.-]*|\d{3,6}(?:-\d{4})?|[A-Z]{1,2}\d[A-Z\d]? ?"
    r"\d[A-Z]{2}|\d{3} \d{2})){0,4}[ \t]*[.,?!]?")


#: A town line that ends in its postcode or state and ZIP, with prose after it.
_TOWN_AND_CODE = re.compile(
    r"[ \t>]*[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,3}(?:,?[ \t]+[A-Z]{2}[ \t]+\d{5}"
    r"(?:-\d{4})?|,?[ \t]+[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2}|,?[ \t]+\d{3}[ \t]?\d{2})\b")


def _address_line(line: str, lexicon: Lexicon) -> int:
    """How much of ``line`` continues an address block (0: none). The rest of the line, if
    any, must start with sentence punctuation ("... Cyprus 36903? I am in Leeds"), unless the
    line opens with a town and its postcode or state and ZIP ("Johnson City, TN 37608 rather
    than ...")."""
    if not line.strip():
        return 0
    unit = _UNIT_LINE.match(line)
    if unit and (unit.end() == len(line) or line[unit.end()] in "?!.,;"):
        return unit.end()
    place = _PLACE_LINE.match(line)
    if not place or place.end() > 60:
        return 0
    if place.end() < len(line) and line[place.end() - 1] not in "?!.":
        town = _TOWN_AND_CODE.match(line)  # "Johnson City, TN 37608 rather than her work"
        return town.end() if town else 0
    words = [w.strip(",.?!>") for w in line[:place.end()].replace(",", " ").split()]
    words = [w for w in words if w]
    if not words:
        return 0
    if any(w[:1].isdigit() for w in words) or " ".join(fold(w) for w in words) in lexicon.regions:
        return place.end()  # a postcode or a country: the strongest sign
    # towns: capitalised words that are not ordinary English words
    return place.end() if all(
        w[:1].isupper() and (w.isupper() or fold(w) not in lexicon.english) for w in words
    ) else 0


#: What may stand before a street on the same line: a flat or unit ("flat 2/1, ", "3F2, ",
#: "Flat 9, Block B, "), a house number written out ("No. 3 ") or a house's name ("The Old
#: Forge, ", "Rose Cottage, ").
_BEFORE_STREET = re.compile(
    r"(?:(?i:flat|apt\.?|apartment|unit|units|studio|suite|room|block|no\.?|number)[ \t]*"
    r"(?:\d[\w/-]{0,6}|[A-Z]\b),?[ \t]*|\d{1,3}F\d{1,2},[ \t]*"
    r"|(?:The[ \t]+)?(?:[A-Z][\w'’-]+[ \t]+){0,2}"
    r"(?:Cottages?|Forge|House|Barn|Farm|Lodge|Mill|Stables|Rectory|Vicarage|Bungalow|Villa|"
    r"Hall|Court|Croft),[ \t]*|(?i:no\.|number)[ \t]*"
    r"|The[ \t]+[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+)?,[ \t]*)+$")  # "The Maltings, "
#: A town after a street on the same line: ", glasgow", ", Ampleforth" (checked on the lists).
_TOWN_AFTER = re.compile(r",[ \t]*([^\W\d_][\w'’-]*(?:[ \t]+[^\W\d_][\w'’-]*){0,2})")


#: A direction (and a unit) after a US street: "5417 22nd Ave NW, Apt 3".
_DIRECTION_AFTER = re.compile(r"[ \t]+(?:N|S|E|W|NE|NW|SE|SW)\b(?:,?[ \t]+(?:Apt|Apartment|Unit|"
                               r"Suite|Ste|#)\.?[ \t]*#?\d{1,5}[A-Za-z]?\b)?(?![\w'’-])")
#: A state's code and ZIP after a street address on the same line (the code may be missing
#: when the address already ends in one).
_STATE_ZIP_AFTER = re.compile(r",?[ \t]+((?:[A-Z]{2},?[ \t]+){1,2})?\d{5}(?:-\d{4})?(?![\w-])")
_ENDS_IN_STATE = re.compile(r"\b[A-Z]{2}$")


def _address_around(span: Span, text: str, lexicon: Lexicon) -> Span:
    """Widen a street address over its flat or house name before it and a listed town after
    it, on the same line ("flat 2/1, 56 dumbarton rd, glasgow")."""
    if span.entity_type is not EntityType.STREET_ADDRESS:
        return span
    start, end = span.start, span.end
    line_start = text.rfind("\n", 0, start) + 1
    m = _BEFORE_STREET.search(text, max(line_start, start - 60), start)
    if m is not None and (m.start() == line_start or not text[m.start() - 1].isalnum()):
        start = m.start()
    m = _TOWN_AFTER.match(text, end)
    if m is not None:
        words = list(re.finditer(r"\S+", m.group(1)))
        for n in range(len(words), 0, -1):
            key = tuple(fold(w.group()) for w in words[:n])
            if key in lexicon.places or key in lexicon.towns:
                end = m.start(1) + words[n - 1].end()
                break
    m = _DIRECTION_AFTER.match(text, end)
    if m is not None:
        end = m.end()  # "5417 22nd Ave NW", "1200 K St SE, Apt 4"
    m = _STATE_ZIP_AFTER.match(text, end)
    if m is not None and (m.group(1) or _ENDS_IN_STATE.search(text, start, end)):
        end = m.end()  # "..., Abbeville SC, SC 29603", "..., Nashville IN 47414"
    if (start, end) == (span.start, span.end):
        return span
    return Span(span.segment, start, end, span.entity_type, span.score, span.recognizer)


def _address_block(span: Span, text: str, lexicon: Lexicon) -> Span:
    """Extend a street address over the lines that continue it (town, region, postcode)."""
    if span.entity_type is not EntityType.STREET_ADDRESS:
        return span
    end = span.end
    rest = text[end:text.find("\n", end) if "\n" in text[end:] else len(text)]
    if rest.strip(" \t,.\r"):
        return span  # the address goes on in prose on the same line
    end += len(rest)
    lines_taken = 0
    while end < len(text) and text[end] == "\n" and lines_taken < 5:
        nxt = text.find("\n", end + 1)
        line = text[end + 1:nxt if nxt != -1 else len(text)].rstrip("\r")
        if not line.strip() and lines_taken:  # one blank line inside a block, then a strong line
            after = text.find("\n", end + 2)
            line2 = text[end + 2:after if after != -1 else len(text)]
            taken = _address_line(line2, lexicon)
            if taken and any(c.isdigit() for c in line2[:taken]):
                end, lines_taken = end + 2 + taken, lines_taken + 1
                if taken < len(line2):
                    break
                continue
            break
        taken = _address_line(line, lexicon)
        if not taken:
            break
        end, lines_taken = end + 1 + taken, lines_taken + 1
        if taken < len(line):
            break  # the block ended inside this line
    end = len(text[:end].rstrip(" \t.,?!"))
    if end <= span.end:
        return span
    return Span(span.segment, span.start, end, span.entity_type, span.score, span.recognizer)


#: Freephone, public-body and helpline prefixes: an organisation's number, not a person's.
_SERVICE_PREFIXES = ("0800", "0808", "0300", "0330", "0345", "0370", "116", "44800", "44808",
                     "44300", "800")


def _service_number(span: Span, texts: Sequence[str]) -> bool:
    if span.entity_type is not EntityType.PHONE_NUMBER:
        return False
    digits = "".join(c for c in texts[span.segment][span.start:span.end] if c.isdigit())
    return digits.startswith(_SERVICE_PREFIXES[:-1]) or (
        digits.startswith("800") and len(digits) == 10)  # US toll-free 800


def _merge(spans: list[Span], texts: Sequence[str]) -> list[Span]:
    """Union overlapping spans (the longest decides the type); join "Sarah" + " " + "Jones"."""
    out: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.segment, s.start, -s.end)):
        if out and out[-1].segment == span.segment and span.start < out[-1].end:
            out[-1] = _union(out[-1], span)
            continue
        if (out and out[-1].segment == span.segment
                and out[-1].entity_type is span.entity_type is EntityType.PERSON
                and re.fullmatch(r"[ \t]", texts[span.segment][out[-1].end:span.start])):
            out[-1] = _union(out[-1], span)
            continue
        out.append(span)
    return out


#: What joins a business to the town or street of its branch: "Greggs in Walkley",
#: "Dollar General on Route 9", "the Ship Inn at Porthgain".
_BRANCH_GAP = re.compile(r"[ \t]+(?:in|on|at|off)[ \t]+(?:the[ \t]+)?")
#: ... in Czech, only after what was taken for an organisation: "Penny v Rakovníku".
_CZ_BRANCH_GAP = re.compile(r"[ \t]+(?:v|ve|na)[ \t]+")
_PLACE_KINDS = frozenset({EntityType.LOCATION, EntityType.STREET_ADDRESS, EntityType.PERSON,
                          EntityType.ORGANIZATION})
#: A name that follows one of these is a place of business, not a person ("at the Golden
#: Lion in Todmorden", "outside Dollar General on Route 9").
_BUSINESS_BEFORE = re.compile(r"(?:\b(?i:the)|\b(?:at|outside|near|opposite|behind))[ \t]+$")


#: A branch's town that nothing else found: "Hartleys Joinery in Reddish" (not "in March",
#: "on Mondays", "at Christmas").
_BRANCH_TOWN = re.compile(
    r"[ \t]+(?:in|on|at)[ \t]+([A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?)\b(?![-'’]\w)")
_NOT_TOWN = frozenset(
    """january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday mondays tuesdays wednesdays
    thursdays fridays saturdays sundays christmas easter weekends weekdays the this that
    first last next year form ramadan eid lent lockdown nights days freshers summer winter
    spring autumn english spanish french german polish czech maths""".split())


#: "from Castlederg to Walkley": after a place and "to", a capitalised word is a place too.
_TO_PLACE = re.compile(r"[ \t]+to[ \t]+([A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?)\b(?![-'’]\w)")
_FROM_BEFORE = re.compile(r"\bfrom[ \t]+$")


def _next_starts_before(spans: list[Span], i: int, end: int) -> bool:
    """Whether the span after ``spans[i]`` starts in the same segment before ``end``: text
    something else found, which a widened span must not take over."""
    return i + 1 < len(spans) and spans[i + 1].segment == spans[i].segment \
        and spans[i + 1].start < end


def _places_moved_to(spans: list[Span], texts: Sequence[str], lexicon: Lexicon) -> list[Span]:
    """The second place of "from PLACE to X", when nothing found X (spaCy takes some towns
    for organisations, so the first may be either)."""
    out = []
    for i, span in enumerate(spans):
        text = texts[span.segment]
        if span.entity_type not in (EntityType.LOCATION, EntityType.ORGANIZATION) \
                or not _FROM_BEFORE.search(
                text, max(0, span.start - 6), span.start):
            continue
        m = _TO_PLACE.match(text, span.end)
        if m is None or _next_starts_before(spans, i, m.end()):
            continue
        words = [fold(w) for w in m.group(1).split()]
        if any(w in _NOT_TOWN or w in lexicon.not_names or w in lexicon.roles
               or (w in lexicon.english and (w,) not in lexicon.places) for w in words):
            continue  # "from Leeds to London" is found anyway; "from Leeds to Monday" is not
        out.append(Span(span.segment, m.start(1), m.end(1), span.entity_type, span.score,
                        span.recognizer))  # what the first was taken for ("Omagh": ORG)
    return out


def _branch_town(value: str, lexicon: Lexicon) -> bool:
    """A known place, or capitalised words that are neither English nor a time ("Reddish";
    not "Year Eleven", "Lockdown", "Nights")."""
    words = tuple(fold(w) for w in value.split())
    if any(w in _NOT_TOWN for w in words):
        return False
    return words in lexicon.places or not any(w in lexicon.english for w in words)


def _join_branches(spans: list[Span], texts: Sequence[str], lexicon: Lexicon) -> list[Span]:
    """One organisation of a business and its branch's place: "Greggs in Walkley"."""
    out: list[Span] = []
    for i, span in enumerate(spans):
        if span.entity_type is EntityType.ORGANIZATION and (
                m := _BRANCH_TOWN.match(texts[span.segment], span.end)) is not None \
                and _branch_town(m.group(1), lexicon) \
                and not _next_starts_before(spans, i, m.end()):
            span = Span(span.segment, span.start, m.end(), span.entity_type, span.score,
                        span.recognizer)
        prev = out[-1] if out else None
        if prev is not None and prev.segment == span.segment \
                and span.entity_type in _PLACE_KINDS:
            text = texts[span.segment]
            gap = _BRANCH_GAP.fullmatch(text, prev.end, span.start) is not None or (
                prev.entity_type is EntityType.ORGANIZATION
                and span.entity_type is EntityType.LOCATION
                and _CZ_BRANCH_GAP.fullmatch(text, prev.end, span.start) is not None)
            business = prev.entity_type is EntityType.ORGANIZATION or (
                prev.entity_type in (EntityType.PERSON, EntityType.LOCATION)
                and span.entity_type is not EntityType.PERSON
                and _BUSINESS_BEFORE.search(text, max(0, prev.start - 12), prev.start)
                is not None) or (
                prev.entity_type is EntityType.PERSON and span.entity_type is EntityType.PERSON
                and _THE_BEFORE.search(text, max(0, prev.start - 6), prev.start) is not None)
            if gap and business and not any(
                    fold(w) in _NOT_TOWN for w in text[span.start:span.end].split()):
                out[-1] = Span(prev.segment, prev.start, span.end, EntityType.ORGANIZATION,
                               max(prev.score, span.score), prev.recognizer)
                continue
        out.append(span)
    return out


def _union(a: Span, b: Span) -> Span:
    best = max((a, b), key=lambda s: (s.length, -_RANK[s.entity_type], s.score))
    return Span(a.segment, min(a.start, b.start), max(a.end, b.end), best.entity_type,
                max(a.score, b.score), best.recognizer)
