"""Word lists the contextual recognizers use: names, places, roles, the allow-list.

Given names and surnames come from Faker's person providers for the locales our studies meet
(UK, Irish, US, Czech, Slovak, Polish, German, Indian, Arabic, Turkish...). The other lists are
data files in ``toolkit/pii/data/``. Everything is built once per engine.
"""

from __future__ import annotations

import gzip
import importlib
import pkgutil
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from pathlib import Path

__all__ = ["KIND_WORDS", "TITLES", "Lexicon", "fold", "fold_aligned", "read_list"]

_DATA = Path(__file__).resolve().parent / "data"

_FIRST_ATTRS = ("first_names", "first_names_male", "first_names_female")
_LAST_ATTRS = ("last_names", "last_names_male", "last_names_female")

#: Capitalised words that are never names on their own here.
_NOT_NAMES = frozenset(
    """january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday christmas easter ramadan eid
    diwali hanukkah god lord christ allah bible english british czech american
    muslim jewish hindu sikh buddhist catholic protestant polish slovak german irish
    welsh scottish indian pakistani nigerian romanian ukrainian italian spanish french chinese
    african caribbean asian european mum mam dad mom mummy
    daddy nan nana gran granny grandma grandad grandpa auntie uncle sis bro okay ok yeah yes
    no hi hello hey bye thanks thank sorry please dear sir madam mr mrs ms miss mx dr
    doctor prof professor nurse therapist client patient session week weekend today
    tomorrow yesterday morning evening night hmm mm uh um ah oh wow lol omg tbh idk
    """.split()
)
_CHAT_WORDS = frozenset(
    """im ive id ill dont cant wont didnt isnt wasnt u ur r ya yeah yep nah ok okay lol omg
    tbh idk imo btw pls plz thx ty gonna wanna gotta kinda sorta dunno cos coz cuz bc tho
    thru nite tmrw tmr rn ngl fr wtf smh hmm hm mm mhm uh um erm er ah oh aw ew yay meh huh
    haha xx xxx ha eh oi ta cheers mate bloody anyway anyways alright aight innit yup nope
    ooh man iban postcode address phone email covid corona insta uni meds telly footy vape
    vaping sixth-form selfie selfies dm dms gf bf ex appt appts bday bdays til msg msgs txt
    convo convos pic pics tues weds thurs nar tel gon wan tri asi""".split()
)
#: Common Czech words that NER, trained on English, takes for names ("Nevím", "Ahoj").
_CZECH_WORDS = frozenset(
    """ano ne nevím vím jo jasně no tak taky také ale a i že jsem jsi je jsme jste jsou byl byla
    bylo mám máš má máme mít dobrý dobrá dobře den dne ahoj čau díky děkuji děkuju prosím
    promiňte promiň pane paní slečno doktore doktorko sestři mami tati babi dědo teda možná
    prostě vlastně hm no jo nic něco někdo nikdo všechno vždycky nikdy teď dneska včera zítra
    ráno večer týden měsíc rok říct říkat mluvit anglicky česky jak proč kdy kde co kdo
    pak potom pořád jen jenom už ještě hodně moc trochu práce práci doma domů máma mámy mámou
    táta táty sestra bratr manžel manželka dcera syn kamarád kamarádka šéf šéfová řekli řekla
    řekl narodila narodil bydlím bydlí pracuju pracuji pracuje chodím chodí jezdím chci musím
    můžu nemůžu bojím spím nespím cítím myslím zkusím zkusit ať aby když protože jestli pokud
    tady tam oni vy mě mně tě jeho její jejich můj moje tvůj tvoje náš naše bez přes mezi
    včera byli byly jsme šlo šla šel""".split()
)
#: Capitalised words that name a kind of place or organisation, never part of a person's name.
KIND_WORDS = frozenset(
    """clinic surgery hospital centre center practice school academy college university nursery
    trust council pharmacy street st road rd lane ln avenue ave close drive dr way court crescent
    gardens place terrace grove hill row square mews walk parade boulevard blvd park house
    ltd limited plc inc llc group foundation church station airport bank services service
    community health medical""".split()
)
#: Names that are also common capitalised words here: they need a cue ("my friend Christian").
_WORDLIKE = frozenset({"christian", "jesus", "jordan", "israel", "india", "georgia",
                       "virginia", "florence", "paris", "chelsea", "sydney", "austin"})
#: Titles: kept outside a PERSON span but a strong cue that a name follows.
TITLES = frozenset(
    "dr dr. doctor mr mr. mrs mrs. ms ms. miss mx mx. prof prof. professor sir dame mister missus "
    "nurse sister pan paní pane slečna ing. ing mgr. mgr mudr. mudr phdr. phdr bc. bc doc. "
    "pani slecna doktor doktorka doktore doktorko "
    "doc rndr. rndr paeddr. paeddr judr. judr mvdr. mvdr".split()
)


def _fold_table() -> dict[int, str]:
    """Code point -> its lower-case letter without accents, one character for one."""
    table: dict[int, str] = {}
    # Latin letters up to Cyrillic, and Latin Extended Additional: Vietnamese "Nguyễn", "Thị"
    for code in (*range(0x41, 0x530), *range(0x1E00, 0x1F00)):
        ch = chr(code)
        low = ch.lower()
        if len(low) != 1:
            continue
        base = "".join(c for c in unicodedata.normalize("NFKD", low)
                       if not unicodedata.combining(c))
        out = base if len(base) == 1 else low
        if out != ch:
            table[code] = out
    table[ord("’")] = "'"
    # letters without a Unicode decomposition: "Michał" ~ "Michal", "Đurić" ~ "Duric"
    for letter, base in ("łl", "Łl", "đd", "Đd", "øo", "Øo", "ıi", "ħh", "Ħh"):
        table[ord(letter)] = base
    return table


_FOLD = _fold_table()


def fold_aligned(text: str) -> str:
    """:func:`fold` that keeps every character in place (same length, same offsets)."""
    return text.translate(_FOLD)


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Case- and accent-insensitive key: ``"Dvořák"`` -> ``"dvorak"``."""
    return text.translate(_FOLD)


def read_list(name: str) -> tuple[str, ...]:
    """Lines of ``data/<name>`` without comments and blanks."""
    lines = (_DATA / name).read_text(encoding="utf-8").splitlines()
    return tuple(s.strip() for s in lines if s.strip() and not s.lstrip().startswith("#"))


def _iter(value: object) -> list[str]:
    try:
        return [str(v) for v in value]  # type: ignore[attr-defined]
    except TypeError:  # a provider attribute that is a property, not a list
        return []


def _faker_names(attrs: Iterable[str]) -> frozenset[str]:
    """Names in Latin script from every person provider Faker has."""
    import faker.providers.person as people

    out: set[str] = set()
    for info in pkgutil.iter_modules(people.__path__):
        try:
            provider = importlib.import_module(f"faker.providers.person.{info.name}").Provider
        except (ImportError, AttributeError):  # pragma: no cover
            continue
        for attr in attrs:
            for name in _iter(getattr(provider, attr, ())):
                for part in name.replace("-", " ").split():
                    if len(part) > 1 and part.isalpha() and all(ord(c) < 0x250 for c in part):
                        out.add(fold(part))
    return frozenset(out)


def _english_words() -> frozenset[str]:
    """SCOWL's English words via Debian's wamerican (see data/SCOWL-COPYRIGHT.txt), with
    their British spellings (colour, organise, centre, travelled, paediatric, sceptical)."""
    with gzip.open(_DATA / "english_words.txt.gz", "rt", encoding="utf-8") as fh:
        words = frozenset(line.strip() for line in fh if line.strip() and line[0] != "#")
    return EnglishWords(words | british_spellings(words))


#: Regular endings and what the stem may have lost: "messaging" -> "message".
_INFLECTIONS = (("ing", ("", "e")), ("ed", ("", "e")), ("es", ("",)), ("s", ("",)),
                ("ies", ("y",)), ("ied", ("y",)), ("er", ("", "e")), ("ers", ("", "e")),
                ("ly", ("", "le")), ("ness", ("",)))


class EnglishWords(frozenset[str]):
    """A word list that also holds the regular inflections of its words ("messaging",
    "texted", "worries"), which the SCOWL list leaves out for many words."""

    def __contains__(self, word: object) -> bool:
        if frozenset.__contains__(self, word):
            return True
        if not isinstance(word, str) or len(word) < 5:
            return False
        for suffix, endings in _INFLECTIONS:
            if not word.endswith(suffix):
                continue
            stem = word[: -len(suffix)]
            if suffix in {"s", "es"} and len(stem) < 4:
                continue  # "jigs", "bobs": too short to tell a plural from a name
            if any(frozenset.__contains__(self, stem + e) for e in endings):
                return True
            if len(stem) > 2 and stem[-1] == stem[-2] and frozenset.__contains__(self, stem[:-1]):
                return True  # "travelling", "shopped"
        return False


#: American -> British spelling rules: (pattern on the American word, replacement).
_BRITISH = tuple((re.compile(a), b) for a, b in (
    (r"([^aeou])or(s|ed|ing|ful|fully|less|ite|ites|able|ably|ism|ist|ists|y)?$", r"\1our\2"),
    (r"iz(e|es|ed|ing|ation|ations|er|ers)$", r"is\1"),
    (r"yz(e|es|ed|ing|er|ers)$", r"ys\1"),
    (r"([^aeiou])ter(s)?$", r"\1tre\2"),
    (r"([aeiou])l(ed|ing|er|ers)$", r"\1ll\2"),
    (r"og$", r"ogue"),
    (r"ense$", r"ence"),
    (r"^skeptic", r"sceptic"),
))
#: Greek and Latin digraphs that American spelling drops (pediatric -> paediatric).
_DIGRAPHS = {"pedia": "paedia", "pedic": "paedic", "hema": "haema", "hemo": "haemo",
             "anemi": "anaemi", "anesth": "anaesth", "edema": "oedema",
             "estrogen": "oestrogen", "diarrhea": "diarrhoea", "esophag": "oesophag",
             "leukem": "leukaem", "fetus": "foetus", "fetal": "foetal", "gyneco": "gynaeco",
             "orthoped": "orthopaed"}


def british_spellings(words: Iterable[str]) -> frozenset[str]:
    """British forms of American words, by rule; a rule that makes a non-word ("doctour")
    only adds a string no one writes."""
    out = set()
    for word in words:
        for pattern, repl in _BRITISH:
            if pattern.search(word) is not None:
                out.add(pattern.sub(repl, word))
        for american, british in _DIGRAPHS.items():
            if american in word and british not in word:
                out.add(word.replace(american, british, 1))
    return frozenset(out)


def _nationalities() -> frozenset[str]:
    return frozenset(fold(w) for line in read_list("nationalities.txt") for w in line.split())


def _extra_names() -> frozenset[str]:
    return frozenset(fold(w) for line in read_list("names_extra.txt") for w in line.split())


def _regions() -> frozenset[str]:
    """Folded names of countries, states, counties and regions (kept, not redacted)."""
    names = list(read_list("regions.txt"))
    for module, attrs in (("en_US", ("countries", "states")), ("en_GB", ("counties",)),
                          ("cs_CZ", ("states",))):
        try:
            provider = importlib.import_module(f"faker.providers.address.{module}").Provider
        except ImportError:  # pragma: no cover
            continue
        for attr in attrs:
            names += _iter(getattr(provider, attr, ()))
    return frozenset(fold(n) for n in names)


def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(fold(w) for w in STOP_WORDS)


def _towns(places: dict[tuple[str, ...], str], regions: frozenset[str],
           allow: frozenset[str]) -> frozenset[tuple[str, ...]]:
    """Folded token tuples of GeoNames towns (see data/GEONAMES-NOTICE.txt) that are not in
    the main place list, a country or region, or the allow-list."""
    with gzip.open(_DATA / "towns_geonames.txt.gz", "rt", encoding="utf-8") as fh:
        names = [line.strip() for line in fh if line.strip() and line[0] != "#"]
    out = set()
    for name in names:
        folded = fold(name)
        key = tuple(folded.replace("-", " - ").split())
        if key in places or folded in allow or folded in regions:
            continue  # "California", "Cornwall", "Mexico": US towns named after regions
        out.add(key)
    return frozenset(out)


def _czech_cities() -> tuple[str, ...]:
    try:
        provider = importlib.import_module("faker.providers.address.cs_CZ").Provider
    except ImportError:  # pragma: no cover
        return ()
    return tuple(getattr(provider, "cities", ()))


@dataclass(frozen=True)
class Lexicon:
    """Folded word sets; see the module docstring for sources."""

    first_names: frozenset[str]
    surnames: frozenset[str]
    name_words: frozenset[str]  # names that are also English words: need more evidence
    not_names: frozenset[str]
    places: dict[tuple[str, ...], str]  # folded token tuple -> canonical place name
    regions: frozenset[str]  # countries, states, counties: kept
    place_words: frozenset[str]  # places that are also English words
    #: smaller towns (GeoNames): matched only when capitalised, and with a cue when they are
    #: also a word or a name ("in Deal", "from Huntly")
    towns: frozenset[tuple[str, ...]]
    roles: frozenset[str]
    allow: frozenset[str]  # folded allow-list entries (built-in + user)
    english: frozenset[str]  # lower-case English words (SCOWL), to tell words from names

    @classmethod
    @cache
    def builtin(cls) -> Lexicon:
        """The built-in lexicon (cached per process; it is immutable)."""
        places: dict[tuple[str, ...], str] = {}
        for place in (*read_list("places.txt"), *_czech_cities()):
            places[tuple(fold(place).replace("-", " - ").split())] = place
        regions = _regions()
        allow = frozenset(fold(a) for a in read_list("allow.txt"))
        return cls(
            first_names=_faker_names(_FIRST_ATTRS) | _extra_names(),
            surnames=_faker_names(_LAST_ATTRS),
            name_words=frozenset(read_list("name_words.txt")) | _WORDLIKE,
            not_names=(_NOT_NAMES | _CHAT_WORDS | _stop_words() | _nationalities()
                       | frozenset(fold(w) for w in _CZECH_WORDS)),
            places=places,
            regions=regions,
            place_words=frozenset(read_list("place_words.txt")),
            towns=_towns(places, regions, allow),
            roles=frozenset(fold(r) for r in read_list("roles.txt")),
            allow=allow,
            english=_english_words(),
        )

    def with_allow(self, extra: Iterable[str], *, default: bool = True) -> Lexicon:
        """A copy whose allow-list is the user's ``extra`` on top of (or instead of) ours."""
        base = self.allow if default else frozenset()
        return replace(self, allow=base | {fold(a) for a in extra})

    @property
    def max_place_tokens(self) -> int:
        return max((len(k) for k in (*self.places, *self.towns)), default=1)

    def is_name(self, folded: str) -> bool:
        return folded in self.first_names or folded in self.surnames

    def is_plain_name(self, folded: str) -> bool:
        """A name that is not also an ordinary word or a blocked word."""
        return (
            self.is_name(folded)
            and folded not in self.name_words
            and folded not in self.not_names
            and folded not in self.allow
        )
