"""Czech street addresses: "Vinohradská 1234/56", "Na Příkopě 15, 110 00 Praha 1"."""

from __future__ import annotations

import re
from typing import ClassVar

import regex
from presidio_analyzer import Pattern

from toolkit.pii.czech import CZECH_LETTERS
from toolkit.pii.recognizers._base import ConfidePatternRecognizer
from toolkit.pii.types import EntityType

__all__ = ["CzStreetAddressRecognizer"]

_UP = "A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ"
_LO = "a-záčďéěíňóřšťúůýž"
_DIACRITIC = CZECH_LETTERS
#: A capitalised word (Dlouhá, Praha), but not a verb or label that introduces an address.
_WORD = (
    rf"(?!(?:Bydl\w*|Adres\w*|Sídlo|Sídlem|Trval\w*|Kontaktní|Doručovací)\b)[{_UP}][{_LO}]+"
    rf"(?:-[{_UP}{_LO}][{_LO}]+)*"  # Brno-střed, Frýdek-Místek
)
#: Lower-case words inside a street or town name: Czech connectors, or words with diacritics.
_LOWER = (rf"(?:nad|pod|na|u|v|ve|k|ke|za|z|ze|do|od|při|mezi|alej|cesta|sady|stezka|okruh|"
          rf"stoka|"
          rf"[{_LO}]*[{_DIACRITIC}][{_LO}]*)")
_NAME_TAIL = rf"(?:[ \t]+(?:{_WORD}|{_LOWER})){{0,3}}"
#: A lower-case genitive inside a street name without accents ("U Lípy svobody", "U Obecního
#: domu"), but not an English word that follows the name ("on Na Příkopě every day").
_GENITIVE = (r"(?!(?:every|very|many|any|only|they|today|you|my|by|early|lately|really|nearby|"
             r"yesterday|daily|weekly|family|party|city|away|why|lady|busy|ready|study|story|"
             r"thank|menu|guru|thru|emu)\b)[a-z]{3,}(?:u|y|ů)\b")
#: Czech-looking first word: a diacritic anywhere, or a possessive "-ova/-ovo/-ovy" ending.
_CZECH_LOOK = rf"(?=[{_UP}][{_LO}]*[{_DIACRITIC}]|[{_UP}][{_LO}]*ov[aoy]\b)"
#: A street named after a person, both names in the genitive ("Karla Čapka", "Boženy Němcové").
_PERSON_STREET = (rf"[{_UP}][{_LO}]+[ay][ \t]+(?=[ÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ]|[{_UP}][{_LO}]*[{_DIACRITIC}])"
                  rf"(?![{_UP}][{_LO}]*á\b)[{_UP}][{_LO}]+(?:a|e|é|y|ho|ů)\b")
#: A house number without a letter ("2x" is twice, not a house).
_PLAIN_HOUSE = r"\d{1,4}(?:/\d{1,4}[a-z]?)?(?![\w/])"
#: ... but not a past-tense verb that starts a sentence ("Přišel 12. 3.", "Měla 3 děti").
_NOT_VERB = rf"(?![{_UP}][{_LO}]*(?:l|la|li|lo|ly)\b)"
#: Descriptive (land-registry) number, optional /orientation number, optional letter.
_HOUSE = r"(?:č\.[ \t]?p\.[ \t]?|čp\.[ \t]?|č\.[ \t]?)?\d{1,4}[a-zA-Z]?(?:/\d{1,4}[a-zA-Z]?)?"
_NOT_COUNT = (
    r"(?![ \t]*(?:years?|yrs?|months?|weeks?|days?|hours?|hrs?|minutes?|mins?|seconds?|times?"
    r"|x|%|am|pm|let|roky|roku|měsíc\w*|týd\w*|dn[ůyí]|hodin\w*|minut\w*|krát)\b)"
)
_NOT_TOWN = r"(?!(?:I|It|But|And|So|Then|The|We|He|She|They|You|My|Yes|No|Okay|Well|Oh)\b)"
_TOWN = _NOT_TOWN + _WORD + rf"(?:[ \t]+(?:{_WORD}|{_LOWER})){{0,3}}(?:[ \t]+\d{{1,2}}\b)?"
_PSC = r"(?:PSČ[ \t]?)?\d{3}[ \t]?\d{2}"  # PSČ, "110 00", "PSČ 110 00"
_PSC_TOWN = rf"{_PSC}(?![\d])(?:[ \t]+{_TOWN})?"  # "110 00 Praha 1", "602 00"
#: ", 110 00 Praha" or ", Vinohrady" or ", Vinohrady, 120 00 Praha"
_TAIL = rf"(?:,?[ \t]+{_PSC_TOWN}|,[ \t]*{_TOWN}(?:,?[ \t]+{_PSC_TOWN})?)?"
_START = r"(?<![\w.-])"
_END = r"(?![\w/])" + _NOT_COUNT


class CzStreetAddressRecognizer(ConfidePatternRecognizer):
    """A Czech street name, a house number (with optional /orientation number) and a town.

    The street must look Czech so that English "Session 3" or "Page 12" never match: after
    "ul." / "ulice" / "nám." / "náměstí" / "třída" / "nábřeží", after a preposition ("Na",
    "U", "V", "K", "Pod", "Nad", "Za", "Před"), with a Czech letter ("Dlouhá 12") or a
    possessive ending ("Masarykova 8"), or followed by a postcode and town.
    """

    ENTITY = EntityType.STREET_ADDRESS
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "CZ address after ulice/náměstí",
            r"\b(?i:ul\.|ulice|ulici|ulicí|nám\.|náměstí|nábř\.|nábřeží|tř\.|třída)[ \t]*" + _WORD
            + r"\.?"
            + rf"(?:[ \t]+(?:{_WORD}\.?|{_LOWER})){{0,3}}"  # "Tř. Čsl. legií 96/8"
            + r"[ \t]+" + _HOUSE + _END + _TAIL,
            0.6,
        ),
        Pattern(
            "CZ address after a preposition",
            _START + r"(?:Na|U|V|Ve|K|Ke|Pod|Nad|Za|Před|Při|Mezi)[ \t]+" + _WORD
            + rf"(?:[ \t]+(?:{_WORD}|{_LOWER}|{_GENITIVE})){{0,3}}"  # "U Mlýnské strouhy 23/18"
            + r"[ \t]+" + _HOUSE + _END + _TAIL,
            0.55,
        ),
        Pattern(  # "Gen. Svobody č.p. 224", "Pplk. Sochora 224, Únětice, 252 62"
            "CZ address named after an abbreviated rank",
            _START + r"(?:Gen|Kpt|Plk|Pplk|Mjr|Sv|Arm)\.[ \t]*" + _WORD + _NAME_TAIL
            + r"[ \t]+(?:(?:č\.[ \t]?p\.[ \t]?|čp\.[ \t]?|č\.[ \t]?)" + _HOUSE + _END + _TAIL
            + r"|" + _HOUSE + _END + r",?[ \t]+" + _PSC_TOWN + r"|" + _HOUSE + _END + r",[ \t]*"
            + _TOWN + r",?[ \t]+" + _PSC_TOWN + r")",
            0.6,
        ),
        Pattern(  # "Generála Svobody 41", "Kardinála Berana 216"
            "CZ address named after a rank",
            _START + r"(?:Generála|Kardinála|Kapitána|Plukovníka|Majora|Profesora|Doktora|"
            r"Biskupa|Svatého|Svaté|Bratří|Sester)[ \t]+" + _WORD + _NAME_TAIL + r"[ \t]+"
            + _PLAIN_HOUSE + _NOT_COUNT + _TAIL,
            0.6,
        ),
        Pattern(  # "Karla Čapka 5, Líbeznice"
            "CZ address named after a person",
            _START + _PERSON_STREET + r"[ \t]+" + _PLAIN_HOUSE + _NOT_COUNT + _TAIL,
            0.55,
        ),
        Pattern(  # "Josefa Lady 150/6": a Czech house number with its orientation number
            "CZ address with a slashed house number",
            _START + rf"[{_UP}][{_LO}]*(?:a|y|e|ů|ího|ého)[ \t]+" + _WORD
            + r"[ \t]+(?!(\d+)/\1\b)(?:3[2-9]|[4-9]\d|\d{3,4})/\d{1,4}[a-zA-Z]?" + _END + _TAIL,
            0.55,
        ),
        Pattern(  # "v ulici Bratří Veverkových", "ulice V Podhájí": a street named without a number
            "CZ street after ulice, without a number",
            r"\b(?i:ulice|ulici|ulicí)[ \t]+\K(?:(?:(?:Na|U|V|Ve|K|Ke|Pod|Nad|Za|Před|Při)[ \t]+"
            + _WORD + r"|(?:" + _WORD + r"[ \t]+)?" + rf"[{_UP}][{_LO}]{{2,}}"
            + r"(?:ská|cká|ní|ova|ovo|ého|ých|ů|ího|ická))(?![\w-]|[ \t]*\d))",
            0.5,
        ),
        Pattern(
            "CZ address (Czech street name)",
            _START + _CZECH_LOOK + _NOT_VERB + _WORD + _NAME_TAIL + r"[ \t]+" + _HOUSE + _END
            + _TAIL,
            0.55,
        ),
        Pattern(
            # "náměstí Svobody", "Masarykovo náměstí", "Tyršovo nábřeží", "Vinohradská třída"
            "CZ square without a number",
            r"\b(?:(?i:náměstí|nám\.)[ \t]+" + _WORD + r"(?:[ \t]+" + _WORD + r")?"
            r"|" + _WORD + r"(?<=(?:ovo|ské|cké|ní|né|ké|ho))[ \t]+náměstí"
            r"|" + _WORD + r"(?<=(?:ovo|ova|ská|cká|ské|cké|ní|ná|ká))[ \t]+(?:nábřeží|třída|"
            r"třídě|třídu|alej|aleji)|" + _WORD + r"(?<=ovo)[ \t]+předměstí)"
            r"(?![\w])",  # "Jiráskovo předměstí"
            0.5,
        ),
        Pattern(
            "postcode or ZIP after its name",
            # "postcode is 669 02", "the postcode for the letters, is that still 52051?"
            r"(?<=\b(?i:psč|postcode|post code|postal code|zip|zip code|post office code)"
            r"(?:'s|’s|:|[^.?!\n\d]{0,40}?\b(?i:is|still|was|now))?[ \t]+)"
            r"(?:\d{3}[ \t]?\d{2}|\d{4,6}(?:-\d{4})?)(?![\w])",
            0.6,
        ),
        Pattern(
            "CZ street without a number, after a preposition",  # "on U Lípy svobody"
            r"(?<=\b(?i:on|along|off|round|around|down|up|past|near|in|at)[ \t]+)"
            rf"(?:(?i:tř\.|třída|ul\.|ulice|nábř\.)[ \t]*{_WORD}\.?"
            rf"(?:[ \t]+(?:{_WORD}\.?|{_LOWER}))"
            r"{0,2}(?<!\.)|"  # "on Tř. Čsl. legií"
            rf"(?:Na|U|V|Ve|K|Ke|Pod|Nad|Za|Před|Při)[ \t]+{_WORD}"
            rf"(?:[ \t]+(?:{_WORD}|{_LOWER}|{_GENITIVE})){{0,2}}|(?=[{_UP}][{_LO}]*[{_DIACRITIC}])"
            rf"[{_UP}][{_LO}]+(?:[ \t]+(?:alej|třída|nábřeží|cesta|sady))?)"
            r"(?![\w])",
            0.5,
        ),
        Pattern(
            "CZ postcode and town opening a line",  # the last line of an address block
            rf"^[ \t]*{_PSC}[ \t]+{_TOWN}(?![\w])",
            0.55,
        ),
        Pattern(
            "street named after a date",  # "ul. 28. října", "náměstí 14. října 12"
            r"\b(?i:ul\.|ulice|ulici|nám\.|náměstí|tř\.|třída)[ \t]*\d{1,2}\.[ \t]?(?i:ledna|února|"
            r"března|dubna|května|června|července|srpna|září|října|listopadu|prosince)"
            r"(?:[ \t]+" + _HOUSE + r")?" + _END,
            0.6,
        ),
        Pattern(
            "street named after initials",  # "T. G. Masaryka 2947, Kladno"
            _START + r"(?:[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ]\.[ \t]?){1,3}" + _WORD + r"[ \t]+" + _HOUSE + _END
            + _TAIL,
            0.6,
        ),
        Pattern(
            "Czech street typed without accents, with both numbers",  # "Delnicka 1174/38"
            _START + r"[A-Z][a-z]+(?:ova|ovo|ska|cka|ni|na|eho|ka)[ \t]+\d{2,4}/\d{1,4}[a-zA-Z]?"
            + r"(?<!/10)(?<!/100)"
            + _END + _TAIL,
            0.55,
        ),
        Pattern(
            "place and number after a Czech address word",  # "adresa Janovice 42"
            r"(?<=\b(?i:adresa|adresu|adresou|bytem|bydliště|bydliste|trvale[ \t]+bytem)[ \t]*:?"
            r"[ \t]+)" + _WORD + r"(?:[ \t]+(?:" + _WORD + r"|" + _LOWER + r")){0,2}[ \t]+" + _HOUSE
            + _END + _TAIL,
            0.55,
        ),
        Pattern(
            "square with a number",  # "Halasovo nám. 4", "Masarykovo náměstí 12"
            _START + _WORD + r"[ \t]+(?:nám\.|náměstí)[ \t]+" + _HOUSE + _END + _TAIL,
            0.6,
        ),
        Pattern(
            "lower-case Czech street and number",  # "bydlim na lidicka 45", ", tyrsova 6, ..."
            r"(?:\b(?i:na|ulice|ulici|adresa:?|bydlím|bydlim)|[,.:])[ \t]+\K"
            r"(?!(?:poslední|posledni|další|dalsi|první|prvni|jiná|jina)\b)"
            rf"[{_LO}]{{3,}}(?:ova|ová|ská|ska|cká|cka|ní|ni|ého|eho)"
            # "hlavni trida 582"
            r"(?:[ \t]+(?:třída|trida|ulice|náměstí|namesti|nábřeží|nabrezi))?"
            r"[ \t]+\d{1,4}(?:/\d{1,4})?"
            rf"[a-z]?{_END}(?:,[ \t]*[{_LO}]{{3,}}(?:[ \t]+[{_LO}]{{3,}})?(?=[ \t]*(?:[.,!?]|$)))?",
            0.5,
        ),
        Pattern(
            "Czech street named in another case",  # "v Husově ulici", "na Masarykově náměstí"
            _START + rf"[{_UP}][{_LO}]+(?:ově|ské|cké|ého|é|í|ou)[ \t]+(?:ulici|ulice|ulicí|ulic|"
            r"náměstí|třídě|třídu|třídy|třída|nábřeží)\b",
            0.55,
        ),
        Pattern(
            "CZ address with postcode",
            _START + _WORD + _NAME_TAIL + r"[ \t]+" + _HOUSE + r",?[ \t]+" + _PSC + r"[ \t]+"
            + _TOWN,
            0.6,
        ),
    ]
    CONTEXT: ClassVar[list[str]] = [
        "adresa", "adrese", "bydlím", "bydliště", "ulice", "address", "live", "lives",
    ]  # fmt: skip
    #: A house number after a capitalised word or a word with a Czech letter.
    CANDIDATES = (
        regex.compile(rf"[0-9](?<=(?:\b[{_UP}][{_LO}]+|[{_DIACRITIC}][{_LO}]*)[ \t]+[0-9])"),
        regex.compile(r"(?i:psč|postcode|post code|postal code|zip|post office code)"),
        regex.compile(r"č\.[ \t]?(?:p\.[ \t]?)?[0-9]"),  # "V Zátiší č. 12"
        regex.compile(r"(?i:náměstí|nám\.|ulic|třídě|třídu|třídy|nábřeží|ul\.)"),
        re.compile(rf"[{_LO}](?:ova|ová|ská|ska|cká|cka|ní|ni|ého|eho) (?:[0-9]|trida |třída "
                   r"|ulice |namesti |náměstí )"),
        regex.compile(rf"\b(?:Na|U|V|Ve|K|Ke|Pod|Nad|Za|Před|Při) [{_UP}]"),
        regex.compile(rf"[{_DIACRITIC}]|ov[aoy]\b"),
        regex.compile(r"(?m:^)[ \t]*[0-9]{3} ?[0-9]{2} "),
    )
    REACH = 100
