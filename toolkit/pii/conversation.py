"""What makes a transcript different from prose: speaker labels, timestamps, repetition.

* Speaker labels at the start of a line (``THERAPIST:``, ``P07:``, ``[00:12:45] Sarah Jones:``)
  are either roles, kept as they are, or names, redacted like any name.
* Timestamps are structure, never personal data.
* Once a name or identifier is found anywhere in a document, every other occurrence of it is
  redacted too, in any case and with or without accents (``Dvořák`` / ``dvorak``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from toolkit.pii.czech import czech_forms
from toolkit.pii.lexicon import KIND_WORDS, TITLES, Lexicon, fold
from toolkit.pii.types import EntityType, Segment, SegmentKind, Span

__all__ = ["Labels", "TermMatcher", "find_labels", "propagate"]

#: 14:22, 00:12:45, 00:01:02.500, and elapsed time as some recorders write it: 6m31s, 1h02m05s.
_TIME = r"(?:\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?|(?:\d{1,2}h)?\d{1,2}m\d{1,2}s)"
#: The date before a message's time in chat exports: "12/03/2024, ", "[2024-03-12 ",
#: "12 Mar 2024 at ", "Tue 12 Mar, ", "March 12, 2024 ".
_EXPORT_DATE = (
    r"\[?(?:[A-Za-z]{3,9},?[ \t])?(?:\d{1,4}[./-] ?\d{1,2}(?:[./-] ?\d{2,4})?\.?"
    r"|\d{1,2}\.?[ \t][A-Za-z]{3,9}\.?(?:[ \t]\d{4})?|[A-Za-z]{3,9}[ \t]\d{1,2}(?:,[ \t]\d{4})?)"
    r"(?:,?[ \t](?:at[ \t])?|[ \t][·•][ \t])"  # "26 Feb 2022 · 10:29 · Paresh:"
)
#: The time (and, in exports, the date) before a speaker label.
_TS = rf"(?:{_EXPORT_DATE})?[\[(]?{_TIME}(?:[ \t]?[AaPp]\.?[Mm]\.?)?[\])]?"
_LABEL_LINE = re.compile(
    rf"^[ \t]*(?P<ts>{_TS}[ \t]*(?:[-–|·•][ \t]*)?)?(?:~[ \t]?)?[*_]{{0,2}}"
    r"(?P<label>[^\W\d_][\w.'’()&-]*,?(?:[ \t][\w.'’()&-]+){0,3}?)[*_]{0,2}"
    r"(?:[ \t]?[\u2190-\u2bff\ufe0f\u200d\U0001f000-\U0001faff]{1,6})?"  # "Becks 🌸: ..."
    rf"(?P<ts_after>[ \t]*[\[(]{_TIME}[\])])?"  # "Lea [00:01:38,426]: ..."
    r"(?P<sep>[ \t]*:[*_]{0,2}|[ \t]*>(?=[ \t])|[ \t]+[—–|](?=[ \t])|[ \t]+wrote:|\t(?=\S)"
    r"|\.(?=[ \t]))"
    r"(?=[ \t\"“']|$)",
    re.MULTILINE,
)
#: Timestamps that are transcript structure: at the start of a line, or in brackets anywhere.
#: A bare time inside a sentence is left to the recognizers ("2003-08-28 12:13:52" is a date).
#: Chat-export lines that start with a user name: "<aoife_k92> hi", "aoife_k92 · 21:04",
#: "sarah.j (14:03): ...", "**tom_h:** ...". Only user-name shapes count (see is_username).
_USER_LINE = re.compile(
    r"^[ \t]*(?:\[[^\]\n]{1,25}\][ \t]*)?[<*]{0,2}(?P<label>@?[A-Za-z][\w.\-]{2,31})[>*]{0,2}"
    r"(?=[ \t]*(?:[·•|:>—–]|\(|\[)|[ \t]+[a-z])",
    re.MULTILINE,
)
#: A message's stamp in a chat export: "[31. 8. 2023 00:17]", "08/01/2025 14:30", "(09:41)".
_STAMP = rf"(?:\[[^\]\n]{{1,30}}\]|{_TS})"
_SENDER = r"(?P<label>@?[^\W\d_][\w.\-'’]{0,31}(?:[ \t][^\W\d_][\w.\-'’]{0,20}){0,2}?)"
#: Where a chat export puts its sender, whatever the sender looks like: after a stamp in
#: angle brackets ("08/01/2025 14:30 <ao-505> hi"), alone on the line after a bracketed
#: stamp ("[31. 8. 2023 00:17] z.michalikova" + the message on the next line), before the time
#: at the end of the line ("lbartu71  04:55"), between pipes after a time
#: ("09:35 | p.kollarova | ..."), or before ">>", "»" or "›".
_SENDER_LINES = (
    re.compile(rf"^[ \t]*(?:{_STAMP}[ \t]*(?:[-–|·•][ \t]*)?)?<(?P<label>[\w.\-'’@]{{2,32}})>",
               re.MULTILINE),
    re.compile(rf"^[ \t]*\[[^\]\n]{{1,30}}\][ \t]*{_SENDER}[ \t]*\n(?=[ \t]*[^\s\[])",
               re.MULTILINE),
    re.compile(rf"^[ \t]*{_SENDER}[ \t]+[\[(]?{_TIME}(?:[ \t]?[AaPp]\.?[Mm]\.?)?[\])]?[ \t]*$",
               re.MULTILINE),
    re.compile(rf"^[ \t]*{_STAMP}[ \t]*[|·•][ \t]*{_SENDER}[ \t]*[|·•]", re.MULTILINE),
    re.compile(rf"^[ \t]*(?:{_STAMP}[ \t]*)?{_SENDER}[ \t]*(?:>>|»|›)", re.MULTILINE),
    # a sender in brackets opening the line: "[e__linklater73] hi, evander here"
    re.compile(r"^[ \t]*\[(?P<label>[A-Za-z][\w.\-]{2,31})\][ \t]+(?=\S)", re.MULTILINE),
    # a CSV export: '"shadowpengu1n","2024-03-12T23:14:07.331+00:00","anyone up"'
    re.compile(r'^[ \t]*"(?P<label>[^"\n,]{2,32})",[ \t]*"?\d{4}-\d\d-\d\d[T ]', re.MULTILINE),
    # a JSON export: '"display_name": "priya.d"', '"author": "gaz.w"'
    re.compile(r'"(?i:display_?name|user_?name|screen_?name|nick_?name|author|sender)"[ \t]*:'
               r'[ \t]*"(?P<label>[^"\n]{2,40})"'),
)
#: "Amrik (HV)", "Artem (assessor)": a name labelled with its role.
_ROLE_IN_BRACKETS = re.compile(r"(?P<name>[^\W\d_][\w.'’-]*(?: [^\W\d_][\w.'’-]*)?) "
                               r"\((?P<role>[^()]{1,30})\)")
#: What a chat export writes in brackets after a member's name: "Lea (admin): ...".
_CHAT_STATUSES = frozenset("""admin administrator host co-host cohost moderator mod owner
    creator you me guest organiser organizer facilitator""".split())
_TIMESTAMP = re.compile(rf"(?:^[ \t]*{_TIME}(?![\w:])|[\[(]{_TIME}[\])])", re.MULTILINE)
_ROLE = re.compile(r"^(?P<role>[^\W\d_]+(?: [^\W\d_]+)?)[ _#-]?(?:\d{1,3}|[a-z])?$")
_PROPAGATED = frozenset(EntityType) - {EntityType.DATE}


@dataclass(frozen=True, slots=True)
class Labels:
    """Protected ranges (roles, timestamps) and name labels found in one segment."""

    protected: tuple[tuple[int, int], ...]
    names: tuple[tuple[int, int], ...]
    handles: tuple[tuple[int, int], ...] = ()  # user-name labels ("aoife_k92:")


#: Labels of form fields and message headers (folded): "Adresa:", "From:", "Next of kin:".
_FIELD_LABELS = frozenset("""adresa jmeno prijmeni telefon tel mobil email e-mail datum
    bydliste kontakt pojistovna zamestnavatel poznamka poznamky lekar address name
    phone mobile tel. dob date employer school insurance insurer postcode diagnosis notes
    note subject from to cc bcc re ref reference occupation referrer allergies medication
    medications sent hospitalizace dg dg. diagnoza medikace lecba doporuceni podpis misto
    anamneza zaver souhrn terapie nalez stav duvod vypracoval vypracovala projekt tazatel
    tazatelka respondent mode site service study venue location duration summary signed
    signature impression assessment history plan outcome attendees present apologies
    consent risk prubeh""".split()) | {
    "next of kin", "trvale bydliste", "rodne cislo", "date of birth", "nhs number",
    "gp practice", "na vedomi", "kontaktni osoba", "zdravotni pojistovna", "osetrujici lekar",
    "datum rozhovoru", "vyzkumny projekt", "reason for admission", "hospital course",
    "presenting complaint", "date of interview"}


def is_role(label: str, lexicon: Lexicon) -> bool:
    """``THERAPIST``, ``P07``, ``Speaker 2``, ``Client A``, ``Woebot``, ``CalmBot``..."""
    folded = fold(label.strip().strip("()[]"))
    if folded in lexicon.roles or folded in lexicon.allow or folded in _FIELD_LABELS:
        return True
    if re.fullmatch(r"[a-z]{2,5}\.", folded) and any(
            r.startswith(folded[:-1]) for r in lexicon.roles if len(r) >= 5 and " " not in r):
        return True  # "Int.", "Th.", "Cl.": a role cut short, with its full stop
    bare = label.strip().strip("()[]")
    if re.fullmatch(r"[a-z]+[ _-]?(?:bot|gpt|assistant|companion|coach)", folded) or \
            re.fullmatch(r"[A-Za-z]*[a-z]AI|[A-Za-z]+[ _-](?i:ai)", bare):
        return True  # "therapybot", "Calm AI", "MindAI", "moodcoach" (not "Kai", "Mai")
    if re.fullmatch(r"[A-Z]{1,4}\d{0,3}|[A-Z]{1,3}[ -]?\d{1,3}", bare):
        return True  # "FAC", "YP", "PWP", "M2", "F1", "R 3": roles and participant codes
    words = folded.replace("-", " ").split()
    if len(words) > 1 and any(w in lexicon.roles and len(w) > 2 for w in words) and not any(
            w not in lexicon.roles and (w not in lexicon.english or lexicon.is_plain_name(w))
            and not w.isdigit() and len(w) > 1 for w in words):
        return True  # "Support Worker", "SESSION LEAD", "Research Assistant 2" (not "Name X Y")
    m = _ROLE.match(folded)
    return bool(m) and (m.group("role") in lexicon.roles or m.group("role") in lexicon.allow)


def is_username(label: str) -> bool:
    """"aoife_k92", "sarah.j", "tom1990": a chat user name (letters with digits, _ or .)."""
    return bool(re.fullmatch(r"@?(?=[\w.\-]*[a-z])(?=[\w.\-]*[\d_.])[A-Za-z][\w.\-]{2,30}",
                             label)) and not label.endswith(".")


def _lower_name(label: str, lexicon: Lexicon) -> bool:
    """"aoife:", "tom k:": a lower-case label made of names that are not English words."""
    words = label.split()
    return (0 < len(words) <= 2 and label.islower()
            and all((lexicon.is_name(fold(w)) and fold(w) not in lexicon.english)
                    or len(w) == 1 for w in words) and len(words[0]) > 1)


def _nickname(label: str, lexicon: Lexicon) -> bool:
    """"kez:", "jojo:", "ngoc anh:" on stamped or repeated chat lines: one or two lower-case
    words that are not English words (roles such as "user" or "bot" are recognised before
    this)."""
    words = label.split(" ")
    return 0 < len(words) <= 2 and all(
        w.isalpha() and w.islower() and len(w) >= 2 and fold(w) not in lexicon.english
        and fold(w) not in lexicon.not_names for w in words)


def _handle_like(label: str, lexicon: Lexicon) -> bool:
    """"estefaniaxcortes", "jae-wonxbarrientos": one lower-case token in a sender position
    that is not an English word or a chat word."""
    folded = fold(label.lstrip("@"))
    return (label == label.lower() and " " not in label and len(folded) >= 3
            and re.fullmatch(r"[a-z][a-z0-9._\-]*[a-z0-9]", folded) is not None
            and folded not in lexicon.english and folded not in lexicon.not_names
            and folded not in lexicon.roles and folded not in lexicon.allow)


def _shouted_name(label: str, lexicon: Lexicon, said: set[str]) -> bool:
    """"IDIL:", "CRIS:": a short label in capitals that is a name, not a role code like
    "FAC" or "PWP": a listed given name, or written as a name elsewhere ("I'm Idil")."""
    if not re.fullmatch(r"[A-Z]{3,4}", label) or not re.search(r"[AEIOUY]", label):
        return False
    folded = fold(label)
    if folded in lexicon.roles or folded in lexicon.allow or folded in lexicon.english:
        return False
    return label.title() in said or folded in lexicon.first_names


def _name_like(label: str, lexicon: Lexicon) -> bool:
    words = [w for w in label.replace("-", " ").replace(",", " ").split() if w]
    if not words or len(words) > 4 or not all(w[0].isupper() for w in words):
        return False
    folded = [fold(w) for w in words]
    if any(f in lexicon.not_names - TITLES for f in folded):
        return False
    if len(words) == 1 and not words[0].isupper() and folded[0] not in lexicon.english \
            and folded[0] not in lexicon.allow and folded[0] not in lexicon.regions:
        return True  # "Ubul: ...": one capitalised word that is not an English word
    return folded[0] in TITLES or any(lexicon.is_name(f) for f in folded)


def _label_shaped(label: str) -> bool:
    """ALL CAPS, or one to three capitalised words: what a label before a dash looks like."""
    words = label.split()
    return label.isupper() or (len(words) <= 3 and all(w[:1].isupper() for w in words))


def _strip_title(text: str, start: int) -> int:
    """Offset after leading titles ("Dr ", "Mrs. ") of the label at ``start``."""
    m = re.match(r"(?:(?:[A-Za-z]+\.?)\s+)", text[start:])
    while m and fold(m.group().strip()) in TITLES:
        start += m.end()
        m = re.match(r"(?:(?:[A-Za-z]+\.?)\s+)", text[start:])
    return start


def find_labels(segments: Sequence[Segment], lexicon: Lexicon) -> list[Labels]:
    """Speaker labels and timestamps of every segment of one document."""
    found: list[list[tuple[int, int, str, bool, bool]]] = []
    counts: Counter[str] = Counter()
    for seg in segments:
        items: list[tuple[int, int, str, bool, bool]] = []
        if seg.kind is SegmentKind.SPEAKER:
            stripped = seg.text.strip()
            if stripped:
                start = seg.text.index(stripped)
                items.append((start, start + len(stripped), stripped, False, False))
        else:
            for m in _USER_LINE.finditer(seg.text):
                if is_username(m.group("label")):
                    items.append((m.start("label"), m.end("label"), m.group("label"), False,
                                  False))
            for m in _LABEL_LINE.finditer(seg.text):
                if m.group("sep").strip() != ":" and not _label_shaped(m.group("label")):
                    continue  # "Well — I mean": a dash only marks a label that looks like one
                if m.group("sep") == "." and " " in m.group("label").strip():
                    continue  # "Ji-woo. Thanks": a full stop marks one-word labels only
                items.append((m.start("label"), m.end("label"), m.group("label"),
                              bool(m.group("ts") or m.group("ts_after")), False))
            for regex in _SENDER_LINES:
                for m in regex.finditer(seg.text):
                    items.append((m.start("label"), m.end("label"), m.group("label"), True,
                                  True))
        counts.update(fold(item[2]) for item in items)
        found.append(items)
    said = {w for seg in segments for w in re.findall(r"\b[A-Z][a-z]{2,3}\b", seg.text)}
    out = []
    for seg, items in zip(segments, found, strict=True):
        protected = [m.span() for m in _TIMESTAMP.finditer(seg.text)]
        names: list[tuple[int, int]] = []
        handles: list[tuple[int, int]] = []
        roles = 0
        worded: list[tuple[int, int]] = []  # stamped senders that are English words ("Nest")
        given: list[tuple[int, int]] = []  # labels that are given names and words ("WILL")
        for start, end, label, stamped, sender in items:
            if seg.text[end:end + 1] == "." and counts[fold(label)] < 3 \
                    and not is_role(label + ".", lexicon):
                continue  # "Sertraline. It helps.": a full stop is a label's only when repeated
            bracket = _ROLE_IN_BRACKETS.fullmatch(label)
            status = bracket is not None and fold(bracket.group("role")) in _CHAT_STATUSES
            if bracket and (is_role(bracket.group("role"), lexicon) or status) \
                    and not is_role(bracket.group("name"), lexicon) \
                    and (status or fold(bracket.group("name")) not in lexicon.english):
                names.append((start, start + len(bracket.group("name"))))  # "Amrik (HV)"
            elif _shouted_name(label, lexicon, said):
                names.append((start, end))
            elif (counts[fold(label)] >= 2 and fold(label) in lexicon.first_names
                  and (re.fullmatch(r"[A-Z]{2,4}", label) or (
                      label.isalpha() and label.istitle() and not _name_like(label, lexicon)))
                  and fold(label) not in lexicon.roles
                  and fold(label) not in lexicon.allow):
                given.append((start, end))  # "DEAN:" (not a role code like "PWP:"), "Will:"
            elif sender and re.fullmatch(r"[a-z]{1,3}[-_.]\d{3,}", label):
                handles.append((start, end))  # "<ot-610>": a user name, not the role "OT 6"
            elif is_role(label, lexicon):
                protected.append((start, end))
                roles += 1
            elif is_username(label) or ((sender or (counts[fold(label)] >= 2 and "-" in label))
                                        and _handle_like(label, lexicon)):
                handles.append((start, end))
            elif sender and not _name_like(label, lexicon) and not (
                    counts[fold(label)] >= 2 and _label_shaped(label)
                    and fold(label) not in lexicon.not_names
                    and not all(fold(w) in lexicon.english for w in label.split())):
                continue  # "Ok  12:01": a sender position holds a name, a handle or a role
            elif (seg.kind is SegmentKind.SPEAKER or _name_like(label, lexicon)
                  or _lower_name(label, lexicon)
                  or ((counts[fold(label)] >= 2 or stamped) and _nickname(label, lexicon))
                  or (stamped and counts[fold(label)] >= 2 and label.islower()
                      and fold(label) in lexicon.first_names)  # "- viola:" in an export
                  or ((counts[fold(label)] >= 2 or stamped) and _label_shaped(label)
                      and fold(label) not in lexicon.not_names
                      and not all(fold(w) in lexicon.english for w in label.split()))):
                names.append((_strip_title(seg.text, start) if seg.kind is SegmentKind.TEXT
                              else start, end))
            elif (stamped and counts[fold(label)] >= 2 and label.istitle() and " " not in label
                  and fold(label) not in lexicon.not_names and fold(label) not in lexicon.allow):
                worded.append((start, end))
        if given and names:
            names += given  # "DEAN:" beside "PRIYA:" (and "THERAPIST:"): both are people
        if worded and names and not roles:
            # "22/10/2025, 01:49 - Nest: ..." among senders who are people: a nickname too
            # (not "Visitor:" beside "Adviser:", nor "Received:" beside "Sent:")
            names += worded
        out.append(Labels(tuple(protected), tuple(n for n in names if n[0] < n[1]),
                          tuple(handles)))
    return out


class TermMatcher:
    """Finds any of a set of terms as whole words, ignoring case and accents.

    Matching runs on the folded text (:func:`fold_aligned`), which keeps every offset, so a
    match there is the same span of the original text.
    """

    def __init__(self, terms: Iterable[str]) -> None:
        # a regex of every term would be compiled anew for each document; plain string
        # search is much cheaper and finds the same matches
        self._terms = [(t, t.split()) for t in {fold(" ".join(t.split())) for t in terms
                                                if t.strip()}]

    def __bool__(self) -> bool:
        return bool(self._terms)

    def spans(self, folded: str) -> Iterator[tuple[int, int, str]]:
        """(start, end, folded term) of each match in ``folded`` (a :func:`fold_aligned` text):
        whole words, any run of whitespace between a term's words, the longest term where two
        start at the same place, and no two matches overlapping (leftmost first)."""
        found = []
        size = len(folded)
        for term, words in self._terms:
            first = words[0]
            pos = folded.find(first)
            while pos != -1:
                end = _rest_of_term(folded, pos + len(first), words)
                if end is not None and (pos == 0 or not _word_char(folded[pos - 1])) and (
                        end == size or not _word_char(folded[end])):
                    found.append((pos, end, term))
                pos = folded.find(first, pos + 1)
        found.sort(key=lambda m: (m[0], m[0] - m[1]))
        last = -1
        for start, end, term in found:
            if start >= last:
                yield start, end, term
                last = end


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _rest_of_term(text: str, pos: int, words: list[str]) -> int | None:
    """Where a term whose first word ends at ``pos`` ends, its other words each after some
    whitespace; None if they are not there."""
    for word in words[1:]:
        if pos >= len(text) or not text[pos].isspace():
            return None
        while pos < len(text) and text[pos].isspace():
            pos += 1
        if not text.startswith(word, pos):
            return None
        pos += len(word)
    return pos


def _seed_terms(texts: Sequence[str], spans: Iterable[Span], lexicon: Lexicon
                ) -> dict[str, tuple[EntityType, bool]]:
    """Folded term -> (type, word-like?) for every value worth finding again."""
    terms: dict[str, tuple[EntityType, bool]] = {}
    for span in spans:
        if span.entity_type not in _PROPAGATED:
            continue
        value = texts[span.segment][span.start:span.end].strip()
        folded = fold(" ".join(value.split()))
        if len(folded) < 2 or folded in lexicon.allow:
            continue
        terms.setdefault(folded, (span.entity_type, _word_like(folded, span, lexicon)))
        if span.entity_type is EntityType.PERSON:
            for part in value.split():  # "Ha-eun" of "Ha-eun Redcloud", whole
                f = fold(part.strip(".,'’"))
                if ("-" in f and part[:1].isupper() and f not in lexicon.english
                        and not all(p in lexicon.english for p in f.split("-"))):
                    terms.setdefault(f, (EntityType.PERSON, False))
            for part in re.split(r"[\s\-]+", value):
                f = fold(part.strip(".,'’"))
                if not (lexicon.is_name(f) or part[:1].isupper()):
                    continue  # "text Sarah": only name-like parts echo
                if (len(f) >= 2 and f not in TITLES and f not in lexicon.allow
                        and f not in KIND_WORDS
                        and f not in lexicon.roles
                        and f not in lexicon.not_names and not f.isdigit()):
                    terms.setdefault(f, (EntityType.PERSON, f in lexicon.name_words or (
                        not lexicon.is_name(f) and f in lexicon.english)))
                    if f.isalpha() and f not in lexicon.name_words and (
                            lexicon.is_name(f) or fold(part) != part.lower()):
                        for form in czech_forms(f):  # "Honza" found: "Honzo", "Honzovi" too
                            if (form not in lexicon.english and form not in lexicon.allow
                                    and form not in lexicon.not_names):
                                terms.setdefault(form, (EntityType.PERSON, False))
    return terms



def _word_like(folded: str, span: Span, lexicon: Lexicon) -> bool:
    """Echo only capitalised forms: names that are words, one-word names not on the name
    lists ("Uni", found by NER, must not make every "uni" a name), and one-word organisations
    that are English words ("Boots" must not make every "boots" a shop)."""
    if folded in lexicon.name_words or folded in lexicon.not_names:
        return True
    if span.entity_type is EntityType.ORGANIZATION and " " not in folded \
            and folded in lexicon.english:
        return True  # one word; "the grange medical practice" echoes in lower case too
    return (span.entity_type is EntityType.PERSON and " " not in folded
            and not lexicon.is_name(folded) and folded in lexicon.english)


def propagate(texts: Sequence[str], folded: Sequence[str], spans: Sequence[Span],
              lexicon: Lexicon, protected: Sequence[Sequence[tuple[int, int]]]) -> list[Span]:
    """Every other occurrence, in any segment, of a value already found in the document."""
    terms = _seed_terms(texts, spans, lexicon)
    matcher = TermMatcher(terms)
    out = []
    for index, text in enumerate(texts):
        for start, end, term in matcher.spans(folded[index]):
            kind, word_like = terms.get(term, (EntityType.PERSON, True))
            if word_like and not text[start:start + 1].isupper():
                continue  # "hope", "will": only capitalised forms echo a name
            if any(s < end and start < e for s, e in protected[index]):
                continue
            out.append(Span(index, start, end, kind, 0.8, "document_consistency"))
    return out
