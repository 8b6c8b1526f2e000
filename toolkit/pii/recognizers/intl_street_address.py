"""Street addresses in other European forms, flat/suite numbers alone, US military addresses.

"Koskikatu 25", "Magrethevej 298", "Augsburger Strasse 36", "Via delle Coste 41",
"Rua do Arenque 1634", "6750 Koskikatu 25 Apt. 864", "Apt. 595", "PSC 0413, Box 8144",
"APO AE 20040". UK, US and Czech styles have their own recognizers.
"""

from __future__ import annotations

import re
from typing import ClassVar

import regex
from presidio_analyzer import Pattern

from toolkit.pii.recognizers._base import ConfidePatternRecognizer
from toolkit.pii.types import EntityType

__all__ = ["IntlStreetAddressRecognizer"]

#: Street-type endings and words of Danish, Norwegian, Swedish, Finnish, Estonian, German,
#: Dutch, Frisian and Hungarian street names.
_ENDINGS = (
    "vej|vei|veien|gade|gatan|gata|vägen|väg|tie|katu|kuja|polku|tee|straße|strasse|weg|gasse"
    "|platz|allee|laan|straat|plein|wei|utca"
)
_TYPE_WORDS = r"(?:Straße|Strasse|Str\.|Weg|Gasse|Platz|Allee|Laan|Straat|Plein|utca|u\.)"
#: Romance (and other) street words that come first: "Via delle Coste", "Rua do Arenque".
_LEADERS = (
    r"(?:Via|Viale|Piazza|Piazzetta|Piazzale|Corso|Largo|Vicolo|Strada|Rua|Avenida|Travessa"
    r"|Praça|Calle|Carrer|Paseo|Plaza|Rue|Chemin|Allée|Quai)"
)
_CONNECTOR = r"(?:de|do|da|dos|das|del|della|delle|dei|degli|di|des|du|la|le|les|van|von|der)"
_CAP = r"\p{Lu}[\p{L}'’-]*"
_HOUSE = r"\d{1,4}[A-Za-z]?"
_UNIT = r"(?:[ \t]+(?:Apt|Apartment|Suite|Ste|Unit|Flat)\.?[ \t]*#?\d{1,5}[A-Za-z]?)?"
_END = r"(?![\w/:-]|[.,]\d)"
_NOT_COUNT = (
    r"(?![ \t]+(?:times?|days?|weeks?|months?|years?|hours?|minutes?|mins?|people|of|out|x)\b)"
)
#: Where an address given after a cue ends: the end of the sentence, or a comma and a word
#: that goes on in prose, or a word that starts the rest of the clause ("... last night").
_CLAUSE_END = (
    r"(?=[ \t]*(?:[.?!;](?:[ \t]+\p{Lu}|[ \t]*$)|[?!;]|$|,[ \t]+(?:please|thanks|cheers|ok|and|"
    r"but|so|which|for|if|because)\b|[ \t]+(?:last|this|next|for[ \t]+this|for[ \t]+my|"
    r"on[ \t]+the|by|before|after|from|in[ \t]+case|in[ \t]+its|since|until|till|rather|now|"
    r"but|so|though|too|anymore|then|instead|again|because|when|while|(?:with|and)(?=[ \t]+"
    r"\p{Ll}))\b))"
)
_START = r"(?<![\w/.:£$€-])(?:\d{1,5}[ \t]+)?"  # Faker's "6750 Koskikatu 25"
#: First words that make "12 Chapter 3" or "14 March 2019" something other than an address.
_NOT_STREET = (
    r"(?!(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Monday|Tuesday|Wednesday"
    r"|Thursday|Friday|Saturday|Sunday|Chapter|Page|Pages|Session|Sessions|Step|Steps|Part"
    r"|Level|Grade|Year|Years|Week|Weeks|Day|Days|Room|Floor|Question|Figure|Table|Version"
    r"|Season|Episode|Series|Round|Mile|Miles|Hours|Minutes|Times|Out|Of|And|Or|To|At|In"
    r"|On|For|The|PHQ|GAD|CBT|DBT|EMDR|Top|Number|No|Item|Items|Line|Lines|Score)\b)"
)


class IntlStreetAddressRecognizer(ConfidePatternRecognizer):
    """European street names with a house number, lone flat/suite numbers, US military mail.

    The street must carry a street word ("-vej", "-katu", "Strasse", "Via", "Rua"...), or sit
    between a three-to-five-digit number and a house number as Faker writes foreign addresses
    ("1593 Pagari 18"), which scores lower, never starts with a month, weekday or counting
    word ("2019 March 12", "120 Chapter 3") and is not followed by one ("... 3 times").
    """

    ENTITY = EntityType.STREET_ADDRESS
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "European street and number",
            _START + r"(?:" + _CAP + r"(?i:" + _ENDINGS + r")|" + _CAP + r"(?:[ \t]+" + _CAP
            + r"){0,2}[ \t]+" + _TYPE_WORDS + r"|" + _LEADERS + r"(?:[ \t]+(?:" + _CONNECTOR
            + r"|" + _CAP + r")){1,4})[ \t]+" + _HOUSE + _UNIT + _END,
            0.6,
        ),
        Pattern(
            "number, street, number",
            r"(?<![\w/.:£$€-])\d{3,5}[ \t]+" + _NOT_STREET + _CAP + r"(?:[ \t]+(?:" + _CAP + r"|"
            + _CONNECTOR + r")){0,3}[ \t]+" + _HOUSE + _UNIT + _END + _NOT_COUNT,
            0.5,
        ),
        Pattern(
            "address after an address cue",  # "my new address is 27534 Þorsteinsgata 63"
            r"(?<=\b(?i:(?<!(?i:e-?mail|ip|web|mac|wallet)[ \t])address(?:es)?(?:[ \t]+(?:is|was|"
            r"are|will[ \t]+be|to|with|here[ \t]+they[ \t]+are)|[ \t]*:)|lives?[ \t]+at|"
            r"living[ \t]+at|located[ \t]+at|arrived[ \t]+at|sent[ \t]+to\?[ \t]+user)[ \t]*[:,]?"
            r"[ \t]+)(?!(?i:home|work|the[ \t]+(?:same|moment|weekend|end))\b)(?![^\s@]*@)"
            r"(?=[^\n.?!;]{0,60}\d)[\p{L}\d#][^\n?!;]{2,100}?"
            + _CLAUSE_END,
            0.5,
        ),
        Pattern(
            "house number after a place cue",  # "I now live in 633 Strada Provinciale 65"
            r"(?<=\b(?i:live[ \t]+in|lived[ \t]+in|living[ \t]+in|(?:send|sent)(?:[ \t]+(?:a[ \t]+"
            r"new[ \t]+one|it|this|them|the[ \t]+\w+))?[ \t]+to|return[ \t]+(?:it[ \t]+)?to|meet"
            r"[ \t]+you[ \t]+at|office[ \t]+is[ \t]+at|it'?s[ \t]+in)[ \t]+)"
            r"\d{1,6}[ \t]+(?:\d{1,4}[ \t]+)?(?:\p{Lu}|(?i:ul|rue|via|calle)\b)[^\n?!;]{2,90}?"
            + _CLAUSE_END,
            0.5,
        ),
        Pattern(
            "apartment or suite number",
            r"\b(?:Apt|Apartment|Suite|Ste)\.?[ \t]*#?\d{1,5}[A-Za-z]?" + _END,
            0.5,
        ),
        Pattern(
            "US military address",
            r"\b(?:PSC[ \t]+\d{4},?[ \t]+Box[ \t]+\d{4}|Unit[ \t]+\d{4}[ \t]+Box[ \t]+\d{4}"
            r"|USNS[ \t]+\p{Lu}\p{L}+|USNV[ \t]+\p{Lu}\p{L}+|USS[ \t]+\p{Lu}\p{L}+"
            r"|USCGC[ \t]+\p{Lu}\p{L}+|[ADF]PO[ \t]+A[AEP][ \t]+\d{5})\b",
            0.6,
        ),
    ]
    CONTEXT: ClassVar[list[str]] = ["address", "adresse", "indirizzo", "live", "lives", "post"]
    #: A number after a street ending; a number before a capital; a leading street word; a
    #: unit or military word.
    CANDIDATES = (
        regex.compile(r"[0-9](?<=(?i:" + _ENDINGS + r"|str\.|weg|u\.)[ \t]+[0-9])"),
        regex.compile(r"[0-9][ \t]+\p{Lu}"),
        re.compile(_LEADERS + r"[ \t]"),
        re.compile(r"[ABPSU](?:pt|partment|uite|te|ox [0-9]|O A[AEP]|SNS|SNV|SS|SCGC)"),
        regex.compile(r"(?i:address|live[sd]? at|living at|located at|arrived at|sent to\?|"
                   r"live[d]? in|living in|to [0-9]|meet you at|office is at|s in [0-9])"),
    )
    REACH = 120

    def invalidate_result(self, pattern_text: str) -> bool:
        """An address given after a cue needs its house number ("address to ambulance while
        on speaker: 41 Bute Street" ends before the street when "while" ends the clause)."""
        return not any(c.isdigit() for c in pattern_text) and not pattern_text.startswith(
            ("USNS", "USNV", "USS", "USCGC"))
