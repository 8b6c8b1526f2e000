"""Towns and cities: the place lists, declined Czech towns, capitals and cues."""

from __future__ import annotations

from typing import Any

from presidio_analyzer import RecognizerResult

from toolkit.pii.contextual import (
    _CZ_CHARS,
    _HOME_WORDS,
    _MOVE_WORDS,
    _PLACE_CUES,
    _czech_line,
    _LexiconRecognizer,
    _prev_words,
    _result,
    _sentence_start,
)
from toolkit.pii.czech import PREPOSITIONS, nominatives
from toolkit.pii.lexicon import TITLES, Lexicon, fold
from toolkit.pii.types import EntityType

__all__ = ["PlaceRecognizer"]

#: Czech prepositions that are no English word.
_CZ_ONLY_PREPOSITIONS = frozenset("v ve z ze ke ode pri pred".split())
#: Common Czech nouns of places, folded, whose forms look like towns ("z města" is no Mesa).
_CZ_COMMON_PLACES_NOUNS = frozenset("""mesta meste mesto mestem prace praci skoly skole skolu
    domu doma nemocnice nemocnici obchodu obchode kina parku baru hospody hospode chaty chate
    chalupy chalupe vesnice vesnici centra centru nadrazi letiste""".split())
#: Prepositions of where and whither, after which a lower-case Czech word may be a town.
_WHERE_PREPOSITIONS = frozenset("v ve z ze do na u".split())
#: Cues after which a lower-case word on the town lists is that town, without a verb of
#: living or moving before them.
_WEAK_PLACE_CUES = frozenset("""mentioned mention near around outside visiting visit visited
    towards toward via obci obce městě města mesta meste vesnici vesnice""".split())
#: Every word a lower-case town may follow (as written, lower-cased).
_ANY_TOWN_CUE = _WEAK_PLACE_CUES | {"in", "to", "from", "near"}
#: Czech words for a settlement, after which a capitalised word names it ("v obci Babice").
_CZ_SETTLEMENT_CUES = frozenset("""obci obce obec městě města město mesta meste mesto vesnici
    vesnice vesnička vesničce městysi městyse""".split())
#: Small words inside town names: "Wotton-under-Edge", "Roudnice nad Labem".
_TOWN_LINKS = frozenset(
    "nad pod u v na under upon on over le la de in by the and of y en sur".split())


#: Whom one lives with or goes back to, between the verb and the place: "live with my mum in",
#: "went back to".
_WITH_WHOM = frozenset("""mum mom mam dad nan gran grandma grandad nanna parents sister brother
    aunt auntie uncle partner boyfriend girlfriend wife husband family friends mate mates kids
    cousin bf gf back""".split())
#: US states' postal codes: "Marietta OH", "born in Abbeville SC".
_US_STATES = frozenset("""AK AL AR AZ CA CO CT DC DE FL GA HI IA ID IL IN KS KY LA MA MD ME MI
    MN MO MS MT NC ND NE NH NJ NM NV NY OH OK OR PA RI SC SD TN TX UT VA VT WA WI WV WY""".split())


#: State codes that are also English words in capitals ("Thanks, OK").
_WORD_STATES = frozenset({"OK", "IN", "ME", "OR", "HI"})
#: The codes taken after a town: every state's but those.
_PLAIN_STATES = _US_STATES - _WORD_STATES


def _after_move(prev: list[str]) -> bool:
    """"moved to", "lives in", "my dad's from", "live with my mum in", "went back to": a place
    cue after a verb of living or moving (``prev``: the folded words before a token, nearest
    first)."""
    return (len(prev) >= 2 and prev[0] in {"in", "to", "from", "near"}
            and (prev[1] in _MOVE_WORDS or prev[1] in _HOME_WORDS
                 or (prev[1] in {"hers", "his", "theirs", "ours", "nans", "mums", "dads"}
                     and len(prev) > 2 and prev[2] == "at")  # "stay at hers in larkhall"
                 or (prev[1] in _WITH_WHOM and any(w in _MOVE_WORDS for w in prev[2:5]))))


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
        # first words of any listed place or town: the one lookup on every token
        self._any_first_words = self._first_words | {key[0] for key in lexicon.towns}

    def analyze(self, text: str, entities: list[str], nlp_artifacts: Any = None
                ) -> list[RecognizerResult]:
        if nlp_artifacts is None or EntityType.LOCATION.value not in entities:
            return []
        tokens = nlp_artifacts.tokens
        folded = [fold(t.text) for t in tokens]
        out, i, n = [], 0, len(tokens)
        places = self.lexicon.places
        out += (self._shouted_places(tokens) + self._cued_places(tokens)
                + self._lower_cued_places(tokens) + self._czech_places(tokens, folded)
                + self._shaped_places(tokens, folded))
        towns = self.lexicon.towns
        while i < n:
            if folded[i] not in self._any_first_words:
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
        if not names:
            return False  # "over", "la": a link word alone is no town
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
        places, towns = self.lexicon.places, self.lexicon.towns
        for i in range(1, len(tokens)):
            if folded[i - 1] not in PREPOSITIONS:
                continue
            if not tokens[i].text[:1].isupper() and not (
                    tokens[i].is_lower and len(folded[i]) >= 4
                    and folded[i] not in _CZ_COMMON_PLACES_NOUNS
                    and folded[i] not in self.lexicon.english
                    and folded[i - 1] in _WHERE_PREPOSITIONS
                    and (folded[i - 1] in _CZ_ONLY_PREPOSITIONS or _czech_line(tokens[i]))):
                continue  # lower-case only on a Czech line: "jedu do ostravy", "v liberci"
            for size in range(min(3, len(tokens) - i), 0, -1):
                words = tokens[i:i + size]
                if not all(t.is_alpha for t in words):
                    continue
                # only candidates that can start a listed place: keeps the product small
                keys = [(c,) for c in nominatives(folded[i]) if c in self._any_first_words]
                for f in folded[i + 1:i + size]:
                    keys = [(*k, c) for k in keys for c in nominatives(f)]
                lower = tokens[i].is_lower  # a lower-case form: the main list only
                if any(k in places or (k in towns and not lower) for k in keys
                       if k != tuple(folded[i:i + size])):
                    out.append(_result(EntityType.LOCATION, tokens[i].idx,
                                       words[-1].idx + len(words[-1]), 0.7, self,
                                       "Czech town, declined"))
                    break
            else:
                if self._unknown_after_czech_preposition(tokens, folded, i):
                    out.append(_result(EntityType.LOCATION, tokens[i].idx,
                                       tokens[i].idx + len(tokens[i]), 0.55, self,
                                       "unknown capitalised word after v/do/z on a Czech line"))
        return out

    def _unknown_after_czech_preposition(self, tokens: Any, folded: list[str], i: int) -> bool:
        """"bydlí v Rožná", "vyzvedneš mě v Dalečín?": a capitalised word on no list and no
        name, after a Czech preposition of where, in a Czech sentence, is a village."""
        tok, lex, f = tokens[i], self.lexicon, folded[i]
        return (folded[i - 1] in {"v", "ve", "do", "z", "ze"} and tok.is_alpha
                and tok.text[:1].isupper() and not tok.text.isupper() and len(f) >= 4
                and not _sentence_start(tokens, i - 1)
                and (_czech_line(tok) or bool(_CZ_CHARS & set(tok.text)))
                and f not in lex.english and not lex.is_name(f) and f not in lex.not_names
                and f not in lex.allow and f not in lex.regions and f not in lex.roles
                and not any(c in lex.first_names or c in lex.surnames for c in nominatives(f)))

    def _cued_places(self, tokens: Any) -> list[RecognizerResult]:
        """"moved here from Fortaleza": a capitalised word that is neither English nor a
        known name, right after a strong place cue."""
        out = []
        for i in range(2, len(tokens)):
            tok = tokens[i]
            if not tok.text[:1].isupper() or tok.text.isupper():
                continue
            prev = _prev_words(tokens, i, 3)
            if prev and prev[0] in _CZ_SETTLEMENT_CUES and tok.is_alpha:
                j = i + 1  # "v obci Babice nad Svitavou", "ve městě Paseky nad Jizerou"
                while (j + 1 < len(tokens) and tokens[j].text in {"nad", "pod", "u", "v"}
                       and tokens[j + 1].text[:1].isupper()):
                    j += 2
                out.append(_result(EntityType.LOCATION, tok.idx, tokens[j - 1].idx
                                   + len(tokens[j - 1]), 0.6, self, "town after 'v obci'"))
                continue
            if not prev or prev[0] not in {"from", "in", "to", "near", "outside"} or (
                    prev[0] == "to" and (len(prev) < 2 or (prev[1] not in _MOVE_WORDS and not (
                        prev[1] == "back" and prev[2:3] and prev[2] in _MOVE_WORDS)))):
                continue  # "to X" only after a move verb ("went back to X"): "talked to X" is a
                # person
            f = fold(tok.text)
            # "lives out in Stirling", "grew up in Marsh": after a verb of living or moving,
            # a surname-like word is a place too (a first name is still a person)
            lived = prev[0] != "to" and any(w in _MOVE_WORDS or w in _HOME_WORDS
                                            for w in prev[1:3])
            named = self.lexicon.is_name(f) and (f in self.lexicon.first_names or not lived)
            if (tok.text[:1].isupper() and not tok.text.isupper() and tok.is_alpha
                    and f not in self.lexicon.english and not named
                    and f not in self.lexicon.allow and f not in self.lexicon.regions
                    and f not in self.lexicon.not_names and f not in TITLES):
                out.append(_result(EntityType.LOCATION, tok.idx, tok.idx + len(tok), 0.55,
                                   self, "unknown capitalised word after a place cue"))
        return out

    def _shaped_places(self, tokens: Any, folded: list[str]) -> list[RecognizerResult]:
        """Places known by their shape: "Lipnice nad Sazavou" (a Czech town on its river),
        "in Marietta OH" (a US town and its state's code after a place cue), "Dayton, OH" (with
        a comma, no cue needed)."""
        out = []
        lex = self.lexicon
        for i in range(len(tokens) - 1):
            tok = tokens[i]
            if not (tok.is_alpha and tok.text[:1].isupper() and not tok.text.isupper()):
                continue
            if (i + 2 < len(tokens) and folded[i + 1] in {"nad", "pod"} and tokens[i + 2].is_alpha
                    and tokens[i + 2].text[:1].isupper() and tokens[i + 1].text.islower()
                    and not any(c in lex.first_names for c in nominatives(folded[i + 2]))
                    and not (_sentence_start(tokens, i) and (folded[i],) not in lex.towns
                             and (folded[i],) not in lex.places)):
                end_tok = tokens[i + 2]
                out.append(_result(EntityType.LOCATION, tok.idx, end_tok.idx + len(end_tok),
                                   0.6, self, "Czech town on its river (X nad Y)"))
                continue
            prev = _prev_words(tokens, i, 1)
            comma_state = (i + 2 < len(tokens) and tokens[i + 1].text == ","
                           and tokens[i + 2].text in _PLAIN_STATES
                           and not lex.is_name(folded[i]) and folded[i] not in lex.english)
            if not comma_state and (not prev or prev[0] not in {"in", "from", "near", "to",
                                                                 "outside"}):
                continue  # "Location: Dayton, OH" needs no cue
            j = i + 1  # "in Cedar Key FL"
            while j < i + 3 and j < len(tokens) and tokens[j].is_alpha \
                    and tokens[j].text[:1].isupper() and not tokens[j].text.isupper():
                j += 1
            k = j + 1 if j < len(tokens) and tokens[j].text == "," else j
            if (k < len(tokens) and tokens[k].text in _PLAIN_STATES
                    and not (k + 1 < len(tokens) and tokens[k + 1].text[:1].isdigit())
                    and not any((folded[m] in lex.english or lex.is_name(folded[m]))
                                and (folded[m],) not in lex.places for m in range(i, j))):
                out.append(_result(EntityType.LOCATION, tok.idx, tokens[k].idx + 2, 0.6, self,
                                   "US town and state code after a place cue"))
        return out

    def _lower_cued_places(self, tokens: Any) -> list[RecognizerResult]:
        """"my dad's in kozlovice", "moved to ústí nad labem": lower-case towns in chat that are
        not English words, after a place cue with a verb of living or moving."""
        out = []
        lex = self.lexicon
        for i, tok in enumerate(tokens):
            f = fold(tok.text)
            if tok.is_lower and tok.is_alpha and (size := self._lower_town_size(tokens, i)):
                end_tok = tokens[i + size - 1]  # "i live in much wenlock": a listed town
                out.append(_result(EntityType.LOCATION, tok.idx, end_tok.idx + len(end_tok),
                                   0.55, self, "lower-case town after a cue"))
                continue
            if not (tok.is_lower and tok.is_alpha and len(f) > 3 and f not in lex.english
                    and f not in lex.not_names and not lex.is_name(f) and f not in lex.allow):
                continue
            if not _after_move(_prev_words(tokens, i, 5)):
                continue
            j = i + 1
            while j + 1 < len(tokens) and tokens[j].text in {"nad", "pod", "u", "v"} \
                    and tokens[j + 1].is_alpha:
                j += 2  # "ústí nad labem"
            out.append(_result(EntityType.LOCATION, tok.idx, tokens[j - 1].idx
                               + len(tokens[j - 1]), 0.55, self, "lower-case town after a cue"))
        return out

    def _lower_town_size(self, tokens: Any, i: int) -> int:
        """The number of words of a listed town of two or three lower-case words starting at
        token ``i`` after a cue of living or moving ("moved to much wenlock"), else 0."""
        if i == 0 or tokens[i - 1].lower_ not in _ANY_TOWN_CUE:
            return 0  # the cheap test first: this runs on every lower-case word
        prev = _prev_words(tokens, i, 5)
        lex = self.lexicon
        if not _after_move(prev):
            # a listed town that is no English word or name after a weaker cue: "you mentioned
            # plaistow earlier", "went to hathersage"
            if not prev or prev[0] not in _WEAK_PLACE_CUES:
                return 0
            for size in range(min(3, len(tokens) - i), 0, -1):
                words = tokens[i:i + size]
                key = tuple(fold(t.text) for t in words)
                if (all(t.is_lower and t.is_alpha for t in words)
                        and (key in lex.places or key in lex.towns)
                        and (size > 1 or (key[0] not in lex.english and not lex.is_name(key[0])
                                          and key[0] not in lex.not_names and len(key[0]) > 2))):
                    return size
            return 0
        for size in range(min(3, len(tokens) - i), 1, -1):
            words = tokens[i:i + size]
            if all(t.is_lower and t.is_alpha for t in words):
                key = tuple(fold(t.text) for t in words)
                if key in lex.places or key in lex.towns:
                    return size
        return 0

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
