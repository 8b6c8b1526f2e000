"""Street addresses in UK and US style: a house number, a street name and a street type.

"12 Acacia Avenue", "Flat 3, 45 High Street", "221B Baker Street, London NW1 6XE",
"1234 Elm St, Apt 5", "742 Evergreen Terrace, Springfield, IL 62704",
"500 W 2nd Ave Suite 300". Czech addresses have their own recognizer.
"""

from __future__ import annotations

import re
from typing import ClassVar

import regex
from presidio_analyzer import Pattern

from toolkit.pii.recognizers._base import ConfidePatternRecognizer
from toolkit.pii.recognizers.uk_postcode import POSTCODE_REGEX
from toolkit.pii.types import EntityType

__all__ = ["STREET_TYPES", "StreetAddressRecognizer"]

#: Street types (UK, US and the USPS list Faker draws from) and their usual abbreviations.
STREET_TYPES = (
    "Alley Avenue Ave Av Boulevard Blvd Branch Bridge Broadway Brook Brooks Burg Burgs Bypass "
    "Camp Canyon Cape Causeway Center Centers Centre Circle Circles Cir Circus Cliff Cliffs Close "
    "Cl Club Common Corner Corners Course Court Courts Ct Cove Coves Creek Crescent Cres Crest "
    "Crossing Crossroad Curve Dale Dam Divide Drive Drives Dr Drove Embankment Esplanade Estate "
    "Estates Expressway Extension Extensions Fall Falls Ferry Field Fields Flats Ford "
    "Fords Forest Forge Forges Fork Forks Fort Freeway Garden Gardens Gdns Gate Gateway Glen Glens "
    "Green Greens Grove Groves Gr Harbor Harbors Harbour Haven Heights Hts Highway Hwy Hill Hills "
    "Hollow Inlet Island Islands Isle Junction Junctions Key Keys Knoll Knolls Lake Lakes Land "
    "Landing Lane Ln Light Lights Loaf Lock Locks Lodge Loop Mall Manor Manors Meadow Meadows "
    "Mead Mews Mill Mills Mission Motorway Mount Mountain Mountains Neck Orchard Oval Overpass "
    "Parade Pde Park Parks Parkway Parkways Pkwy Pass Passage Path Pike Pine Pines Place Pl Plain "
    "Plains Plaza Point Points Port Ports Prairie Promenade Quay Radial Ramp Ranch Rapid Rapids "
    "Rest Ridge Ridges Rise River Road Roads Rd Route Row Rue Run Shoal Shoals Shore Shores "
    "Skyway Spring Springs Spur Spurs Square Squares Sq Station Stravenue Stream Street Streets "
    "St Summit Terrace Terr Throughway Trace Track Trafficway Trail Trl Tunnel Turnpike Underpass "
    "Union Unions Vale Valley Valleys Via Viaduct View Views Village Villages Ville Vista Walk "
    "Walks Wall Way Ways Well Wells Wharf Yard Loan Ley Fold Wynd Brae Croft Chase Gait Vennel "
    "Ridgeway Cottages Brow Garth Reach Drift Nook Bend"
).split()
#: Street types that are safe in lower-case chat ("12 acacia avenue"): not everyday words.
_LOWER_TYPES = "street st road rd avenue ave lane ln crescent terrace boulevard blvd".split()
#: Street types safe in lower case right after "live on", "grew up on", "moved to".
_CUED_LOWER_TYPES = [*_LOWER_TYPES, "close", "drive", "grove", "gardens", "mews", "crescent",
                     "way", "walk", "row", "hill", "rise", "parade", "place", "square", "cottages",
                     "pike", "court", "gardens"]
#: Lower-case words that start counts, not street names ("3 miles down the road").
_NOT_NAMES = (
    "a an the my your our his her their its this that these those of on in at to by for from "
    "down up across along over off into onto past round around near and or but more other "
    "mile miles km minute minutes min mins hour hours hr hrs day days week weeks month months "
    "year years time times block blocks stop stops lane lanes way car cars bus buses people kids "
    "houses doors streets roads"
).split()
#: Capitalised words after a comma that start a sentence rather than name a town.
_NOT_TOWNS = (
    "I I'm I've I'll I'd But And So Then The It It's We He She They You My Yes No Okay OK Ok "
    "Well Oh Um Uh Which That This If When Because Or Just Like Not Also Actually Anyway Please "
    "Thanks Thank Sorry Right Yeah Hmm Mm Is Was Are Were Do Did Have Has Had Can Could Would "
    "Should Will What Where Who Why How Near Next Opposite Behind"
).split()


def _alternation(words: list[str] | tuple[str, ...]) -> str:
    return "(?:" + "|".join(sorted(map(re.escape, words), key=lambda w: (-len(w), w))) + ")"


_HOUSE = r"\d{1,5}[A-Za-z]?(?:[-/–]\d{1,5}[A-Za-z]?)?"  # "41–43 Market Street"
_UNIT_WORD = r"(?:Flat|Apartment|Apt|Unit|Studio|Suite|Ste|Room|Fl|Lot|Trailer)\.?"
_UNIT = (r"(?:" + _UNIT_WORD + r"[ \t]*#?|#)(?:\d{1,5}[A-Za-z]?|[A-Z](?![\w'’]))")  # "Apt 5",
# "Flat 3", "#12", "Unit C"
_DIRECTION = r"(?:N|S|E|W|NE|NW|SE|SW|North|South|East|West)\.?"
_NAME_WORD = r"(?:\p{Lu}[\p{L}'’-]*|\d{1,3}(?:st|nd|rd|th))"
#: Lower-case words inside a street's name: "Bois d'Arc Drive", "Maes y Dderwen".
_PARTICLE = r"(?:d['’]\p{Lu}\p{L}*|de|du|del|de[ \t]+la|la|le|van|von|y|yr)"
_NAME_WORDS = (_NAME_WORD + r"[ \t]+(?:(?:" + _NAME_WORD + r"|" + _PARTICLE + r")[ \t]+){0,3}")
#: A street type, with the full stop of an abbreviation when a comma and more of the address
#: follow ("410 Pine St., Ste. 300").
_TYPE = (_alternation(STREET_TYPES) + r"(?![\w'’])(?:(?<=\b(?:St|Rd|Ave|Av|Dr|Ln|Ct|Blvd|Pl|Cres|"
         r"Gdns|Terr|Cir|Pkwy|Hwy|Sq|Trl|Cl|Gr|Hts|Pde))\.(?=,))?")
_STOP_TOWN = r"(?!" + _alternation(_NOT_TOWNS) + r"\b)"
_TOWN_WORD = r"\p{Lu}\p{Ll}[\p{L}'’-]*"  # "Springfield", not a state code such as "IL"
_TOWN = _STOP_TOWN + _TOWN_WORD + r"(?:[ \t]+" + _TOWN_WORD + r"){0,2}"
#: The US states' and DC's postal codes, as character classes (faster than 51 alternatives).
_STATE = (r"(?:A[KLRZ]|C[AOT]|D[CE]|FL|GA|HI|I[ADLN]|K[SY]|LA|M[ADEINOST]|N[CDEHJMVY]|O[HKR]|PA"
          r"|RI|S[CD]|T[NX]|UT|V[AT]|W[AIVY])")
#: "IL 62704", "AL, 35413", a UK postcode, or a state's code alone ("Logan, UT").
_POSTAL = (r"(?:[A-Z]{2},?[ \t]+\d{5}(?:-\d{4})?|" + POSTCODE_REGEX + r"|" + _STATE
           + r"(?![\w]|[ \t]*\d))")
_TAIL = (
    r"(?:[ \t]+\((?i:top|ground|first|second|third|basement|upstairs|downstairs|attic|rear|"
    r"back|front)[ \t]+(?i:flat|floor|maisonette)\))?"  # "148 Bracken Walk (top flat)"
    r"(?:,?[ \t]+" + _UNIT + r")?"  # , Apt 5 / Suite 300
    r"(?:,[ \t]*" + _TOWN + r"|[ \t]+" + _TOWN + r"(?=,?[ \t]+(?:[A-Z]{2},?[ \t]+\d{5}|"
    + POSTCODE_REGEX + r")))?"  # , Springfield (the comma may go before a postcode)
    r"(?:,?[ \t]+" + _POSTAL + r")?"
    r"(?![\w])"
)
#: "Flat 3, 45" / "Studio 12" (the house number may then be missing) / "45".
_START = (
    r"(?<![\w/.:£$€-])(?:" + _UNIT + r",?[ \t]+(?:" + _HOUSE + r",?[ \t]+)?|"
    r"(?:\d{1,5}[ \t]+)?" + _HOUSE + r",?[ \t]+)"  # "370 3911 Fourth Avenue": two numbers
)
_NAMED_TYPES = (
    "(?:Street|Road|Avenue|Lane|Close|Drive|Crescent|Terrace|Grove|Gardens|Mews|Boulevard"
    "|Rd|St|Ave|Ct|Dr|Ln|Blvd|Pl|Cres|Gdns|Terr)(?![\\w'’])"
)
#: Street types that name a street after "on", "along", "round"... with no house number
#: ("the day centre on Delius Way", "living on Netmakers Row").
_CUED_TYPES = (
    "(?:Street|Road|Avenue|Lane|Close|Drive|Crescent|Terrace|Grove|Gardens|Mews|Boulevard"
    "|Way|Row|Walk|Parade|Place|Square|Rise|Fold|Loan|Ley|Wynd|Brae|Court|Trail|Circle"
    "|Parkway|Pike|Alley|Bend|Quay|Wharf|Yard|Croft|Chase|Embankment|Promenade|Esplanade"
    "|Passage|Vale|Hill|Brow|Garth|Reach|Drift|Hollow|Villas|Rd|St|Ave|Ct|Dr|Ln|Blvd|Pl|Cres"
    "|Gdns|Terr|Cir"
    "|Ter|Pkwy)(?![\\w'’])"
)

#: One side of "the corner of Oak Street and 5th Avenue": capitalised words, numbers and
#: street abbreviations, up to five.
_CORNER_WORD = r"(?:\p{Lu}[\p{L}'’.-]*|\d[\p{L}\d]*|(?:str|st|rd|ave|ln|dr|blvd)\.?(?![\w]))"
_CORNER_PART = _CORNER_WORD + r"(?:[ \t]+" + _CORNER_WORD + r"){0,4}"
_LOWER_WORD = r"(?!" + _alternation(_NOT_NAMES) + r"\b)[a-z][a-z'’-]+"


class StreetAddressRecognizer(ConfidePatternRecognizer):
    """UK and US street addresses with an optional flat/unit, town, postcode or state + ZIP.

    A house number must come first and the street type last, with one to four capitalised
    (or ordinal, "2nd") name words between: "I was 12 Street lamps" or "session 3" never
    match. In lower-case chat, one or two non-function words before an unambiguous type
    ("12 acacia avenue") score lower. A street named after "on/in/at/off/near" without a
    number ("lives on Acacia Avenue") scores lowest.
    """

    ENTITY = EntityType.STREET_ADDRESS
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "street address",
            _START + r"(?:" + _DIRECTION + r"[ \t]+)?" + _NAME_WORDS + _TYPE
            + r"(?:[ \t]+[NSEW](?![\w]))?" + _TAIL,  # "22515 Mountain Hwy E"
            0.6,
        ),
        Pattern(
            "street address (lower case)",
            _START + _LOWER_WORD + r"(?:[ \t]+" + _LOWER_WORD + r")?[ \t]+"
            + _alternation(_LOWER_TYPES) + r"\b" + _TAIL,
            0.5,
        ),
        Pattern(
            "numbered street in lower case after a cue",  # "at 9 sefton close"
            r"(?<=\b(?i:at|to|on|from|is|in)[ \t]+)\d{1,5}[a-z]?[ \t]+(?:[nsew][ \t]+)?"
            + _LOWER_WORD + r"(?:[ \t]+" + _LOWER_WORD + r")?[ \t]+"
            + _alternation(_CUED_LOWER_TYPES) + r"\b(?:,?[ \t]+(?:apt|unit|flat|suite)\.?[ \t]*#?"
            r"\d{1,5}[a-z]?\b)?",
            0.5,
        ),
        Pattern(
            "street corner",
            r"\b(?i:the[ \t]+)?(?i:corner)[ \t]+of[ \t]+" + _CORNER_PART + r"[ \t]+(?i:and|&)[ \t]+"
            + _CORNER_PART,
            0.6,
        ),
        Pattern(
            "street name after a preposition",
            r"\b(?=\p{Lu})(?<=\b(?i:on|in|at|off|near|along|live|lives)[ \t]+)(?:" + _NAME_WORD
            + r"[ \t]+){1,3}" + _NAMED_TYPES + _TAIL,
            0.5,
        ),
        Pattern(
            "street name of another type after a preposition",  # "along Spinners Way"
            r"(?<=\b(?i:on|off|along|round|around|down|up|past|via|near|at|to)[ \t]+)"
            r"(?:(?=\p{Lu})(?:" + _NAME_WORD + r"[ \t]+){1,3}" + _CUED_TYPES
            + r"|The[ \t]+\p{Lu}\p{Ll}+way|\p{Lu}\p{Ll}+(?:walk|gate|fold|croft))" + _TAIL,
            0.5,
        ),
        Pattern(
            "numbered rural road",  # "County Road 14", "63 Rural Route 3, Apt 9B, ..."
            r"(?:" + _START + r")?\b(?:(?:County|Rural|State|Farm[ \t]+to[ \t]+Market|Ranch|Forest|"
            r"Township|Parish|Fire|US)[ \t]+(?:Road|Rd|Route|Rte|Highway|Hwy|Trail|Lane)[ \t]+"
            r"\d{1,4}[A-Z]?)(?![\w])" + _TAIL,
            0.55,
        ),
        Pattern(
            "post office box",  # "PO Box 218, Ely, NV 89301", "RR 2 Box 47, Hillsboro, WI"
            r"\b(?:P\.?[ \t]?O\.?[ \t]?Box|(?:RR|HC|Rural[ \t]+Route)[ \t]?\d{1,3},?[ \t]+Box)"
            r"[ \t]+\d{1,6}" + _TAIL,
            0.6,
        ),
        Pattern(
            "house number on a numbered highway",  # "8801 Highway 90 E, Lot 12"
            _START + r"(?:(?:US|State|County|Farm[ \t]+to[ \t]+Market)[ \t]+)?(?:Highway|Hwy|Route|"
            r"Rte|Road|Rd)[ \t]+\d{1,4}(?:[ \t]+[NSEW]\b)?" + _TAIL,
            0.55,
        ),
        Pattern(
            "US grid address",  # "2200 E Colfax", "7 S 200 W, Logan, UT", "227 e 14th st"
            _START + r"(?:[NSEW][ \t]+(?:\d{1,4}[ \t]+[NSEW]\b|\p{Lu}\p{Ll}{2,}(?![\w'’]))"
            r"|[nsew][ \t]+\d{1,3}(?:st|nd|rd|th)"
            r"[ \t]+(?:st|street|ave|avenue|rd|road|pl|place)\b\.?)" + _TAIL,
            0.5,
        ),
        Pattern(
            "lettered avenue",  # "5012 Avenue F", "12 Street J"
            _START + r"(?:Avenue|Ave|Street|St|Road|Rd)[ \t]+[A-Z](?![\w'’])" + _TAIL,
            0.55,
        ),
        Pattern(
            "house number, The ..., town",  # "2 The Paddocks, Little Snoring"
            _START + r"The[ \t]+\p{Lu}\p{Ll}+(?:[ \t]+\p{Lu}\p{Ll}+)?,[ \t]*" + _TOWN
            + r"(?:,?[ \t]+" + _POSTAL + r")?(?![\w])",
            0.55,
        ),
        Pattern(
            "lower-case street after on",  # "a room on hope street", "at my mate's on pinfold lane"
            r"\b(?i:on|off|near)[ \t]+\K(?!(?:main|ring|back|side|high|long|open|busy|dirt|"
            r"wrong|right|same|country|slip|toll|bumpy|quiet|dead|one|two|this|that)\b)"
            + _LOWER_WORD + r"(?:[ \t]+" + _LOWER_WORD
            + r")?[ \t]+(?:street|lane|avenue|close|crescent|grove|terrace|road|rd)\b",
            0.5,
        ),
        Pattern(
            "house number and a -gate street",  # "106, Skinnergate", "Flat 7 229 Westgate"
            _START + r"\p{Lu}\p{Ll}+gate(?![\w'’])" + _TAIL,
            0.55,
        ),
        Pattern(
            "house number, street, town and postcode",  # "203, Sandgate Mount, Leeds, LS6 2AB"
            _START + r"(?:(?:" + _NAME_WORD + r"|" + _PARTICLE + r")[ \t]+){0,3}" + _NAME_WORD
            + r",[ \t]*" + _TOWN
            + r",?[ \t]+" + _POSTAL + r"(?![\w])",
            0.6,
        ),
        Pattern(
            "Welsh street",  # "Stryd Fawr", "Heol y Felin", "38 Ffordd yr Orsaf"
            r"(?:" + _START + r")?\b(?:Stryd|Heol|Ffordd|Lôn|Rhodfa|Cilgant|Maes|Llys|Clos|Cwrt)"
            r"[ \t]+"
            r"(?:(?:y|yr|'r)[ \t]+)?\p{Lu}[\p{L}'’-]+(?:[ \t]+\p{Lu}[\p{L}'’-]+)?" + _TAIL,
            0.55,
        ),
        Pattern(
            "address after its label",  # "Address: 106 rúa olmos 44, belfast" (any country)
            r"(?<=\b(?<!(?i:e-?mail|ip|web|mac|wallet)[ \t])"
            r"(?i:address|adresa|bydliště)[ \t]*:[ \t]*\n?[ \t]*)"
            r"(?=[^\n]{0,80}\d)[^\s:@][^\n@]{2,100}?(?=[ \t.]*(?:\n|$))",
            0.55,
        ),
        Pattern(
            "street name after 'live on' (lower case)",
            r"(?<=\b(?i:live|lives|living|lived|grew[ \t]+up|house|flat|moved|stay|staying|stays|"
            r"i'?m|i’m|i[ \t]+am|we'?re|we[ \t]+are|yours|mine|ours)[ \t]+(?i:on|in|to|off)[ \t]+)"
            + _LOWER_WORD + r"(?:[ \t]+" + _LOWER_WORD
            + r")?[ \t]+" + _alternation(_CUED_LOWER_TYPES) + r"\b" + _TAIL,
            0.5,
        ),
    ]
    CONTEXT: ClassVar[list[str]] = [
        "address", "live", "lives", "living", "moved", "street", "road", "flat", "house", "home",
    ]  # fmt: skip
    #: A house number before a capital or an ordinal; a lower-case street type; a street type.
    CANDIDATES = (
        regex.compile(r"[0-9][A-Za-z]?,?[ \t]+(?:[A-Z]|[0-9]{1,3}(?:st|nd|rd|th)\b)"),
        re.compile(" " + _alternation(_CUED_LOWER_TYPES) + r"\b"),
        re.compile(_CUED_TYPES),
        regex.compile(r"The \p{Lu}\p{Ll}+way|\p{Ll}(?:walk|gate|fold|croft)\b"),
        re.compile(r"(?i:corner of|address[ \t]*:|adresa[ \t]*:|bydliště[ \t]*:)"),
        re.compile(r"gate\b|\b(?:Stryd|Heol|Ffordd|Lôn|Rhodfa|Cilgant|Maes|Llys|Clos|Cwrt) "),
        re.compile(r"\b(?:County|Rural|State|Market|Ranch|Forest|Township|Parish|Fire|US) "
                   r"(?:Road|Rd|Route|Rte|Highway|Hwy|Trail|Lane) [0-9]"),
    )
    REACH = 180
