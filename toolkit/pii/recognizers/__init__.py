"""confide's pattern recognizers, one per file, and the factory the engine builds them with.

Every recognizer is a Presidio ``PatternRecognizer`` for one :class:`EntityType`, named after
its class (the name is the "recognizer" of a report), for language "en". Context words are
lower-case single words; the engine's context enhancer compares them with lower-cased tokens.

============================  ================  ==========================================
recognizer                    entity            check
============================  ================  ==========================================
NhsNumberRecognizer           UK_NHS            mod-11 check digit
NationalInsuranceRecognizer   UK_NINO           HMRC prefix and suffix letter rules
PostcodeRecognizer            UK_POSTCODE       Royal Mail position rules
UkPhoneRecognizer             PHONE_NUMBER      phonenumbers, region GB
CzPhoneRecognizer             PHONE_NUMBER      phonenumbers, region CZ
UsPhoneRecognizer             PHONE_NUMBER      phonenumbers (possible), region US
IntlPhoneRecognizer           PHONE_NUMBER      phonenumbers, the prefix's country
CuedPhoneRecognizer           PHONE_NUMBER      7-15 digits after a phone cue
SpokenPhoneRecognizer         PHONE_NUMBER      9-13 digits said or typed one by one
StreetAddressRecognizer       STREET_ADDRESS    UK and US style
CzStreetAddressRecognizer     STREET_ADDRESS    Czech style
IntlStreetAddressRecognizer   STREET_ADDRESS    other European styles, units, US military
CzBirthNumberRecognizer       CZ_BIRTH_NUMBER   date, month offsets, mod 11
CalendarDateRecognizer        DATE              real calendar day; birth cue lifts score
EmailAddressRecognizer        EMAIL_ADDRESS     public suffix (offline)
SpokenEmailRecognizer         EMAIL_ADDRESS     "x dot y at z dot cz": a known suffix said
WebAddressRecognizer          URL               public suffix (offline)
CuedWebAddressRecognizer      URL               any public suffix, after a web cue
SocialHandleRecognizer        SOCIAL_HANDLE     not an email domain, not "@5pm", not a placeholder
IpAddressRecognizer           IP_ADDRESS        ipaddress
PaymentCardRecognizer         CREDIT_CARD       Luhn
IbanCodeRecognizer            IBAN_CODE         mod 97 and country format
SsnRecognizer                 US_SSN            Presidio's invalidation rules
============================  ================  ==========================================

Class names differ from Presidio's own (``EmailRecognizer``, ``DateRecognizer``...) on purpose:
Presidio's registry finds predefined recognizers by class name among all subclasses, so a
clash would let plain Presidio, loaded in the same process, pick up ours.
"""

from __future__ import annotations

from collections.abc import Collection

from presidio_analyzer import EntityRecognizer

from toolkit.pii.recognizers._tld import offline_extractor
from toolkit.pii.recognizers.credit_card import PaymentCardRecognizer
from toolkit.pii.recognizers.cued_phone import CuedPhoneRecognizer
from toolkit.pii.recognizers.cz_birth_number import CzBirthNumberRecognizer
from toolkit.pii.recognizers.cz_phone import CzPhoneRecognizer
from toolkit.pii.recognizers.cz_street_address import CzStreetAddressRecognizer
from toolkit.pii.recognizers.date import CalendarDateRecognizer
from toolkit.pii.recognizers.email_address import EmailAddressRecognizer, SpokenEmailRecognizer
from toolkit.pii.recognizers.iban import IbanCodeRecognizer
from toolkit.pii.recognizers.informal_date import InformalDateRecognizer
from toolkit.pii.recognizers.intl_phone import IntlPhoneRecognizer
from toolkit.pii.recognizers.intl_street_address import IntlStreetAddressRecognizer
from toolkit.pii.recognizers.ip_address import IpAddressRecognizer
from toolkit.pii.recognizers.social_handle import SocialHandleRecognizer
from toolkit.pii.recognizers.spoken_phone import SpokenPhoneRecognizer
from toolkit.pii.recognizers.street_address import StreetAddressRecognizer
from toolkit.pii.recognizers.uk_nhs import NhsNumberRecognizer
from toolkit.pii.recognizers.uk_nino import NationalInsuranceRecognizer
from toolkit.pii.recognizers.uk_phone import UkPhoneRecognizer
from toolkit.pii.recognizers.uk_postcode import PostcodeRecognizer
from toolkit.pii.recognizers.url import CuedWebAddressRecognizer, WebAddressRecognizer
from toolkit.pii.recognizers.us_phone import UsPhoneRecognizer
from toolkit.pii.recognizers.us_ssn import SsnRecognizer
from toolkit.pii.types import EntityType

__all__ = [
    "RECOGNIZER_CLASSES",
    "CalendarDateRecognizer",
    "CuedPhoneRecognizer",
    "CuedWebAddressRecognizer",
    "CzBirthNumberRecognizer",
    "CzPhoneRecognizer",
    "CzStreetAddressRecognizer",
    "EmailAddressRecognizer",
    "IbanCodeRecognizer",
    "InformalDateRecognizer",
    "IntlPhoneRecognizer",
    "IntlStreetAddressRecognizer",
    "IpAddressRecognizer",
    "NationalInsuranceRecognizer",
    "NhsNumberRecognizer",
    "PaymentCardRecognizer",
    "PostcodeRecognizer",
    "SocialHandleRecognizer",
    "SpokenEmailRecognizer",
    "SpokenPhoneRecognizer",
    "SsnRecognizer",
    "StreetAddressRecognizer",
    "UkPhoneRecognizer",
    "UsPhoneRecognizer",
    "WebAddressRecognizer",
    "build_recognizers",
]

#: Every pattern recognizer, in the order ``build_recognizers`` returns them.
RECOGNIZER_CLASSES: tuple[type[EntityRecognizer], ...] = (
    NhsNumberRecognizer,
    NationalInsuranceRecognizer,
    PostcodeRecognizer,
    UkPhoneRecognizer,
    CzPhoneRecognizer,
    UsPhoneRecognizer,
    IntlPhoneRecognizer,
    CuedPhoneRecognizer,
    SpokenPhoneRecognizer,
    StreetAddressRecognizer,
    CzStreetAddressRecognizer,
    IntlStreetAddressRecognizer,
    CzBirthNumberRecognizer,
    CalendarDateRecognizer,
    InformalDateRecognizer,
    EmailAddressRecognizer,
    SpokenEmailRecognizer,
    WebAddressRecognizer,
    CuedWebAddressRecognizer,
    SocialHandleRecognizer,
    IpAddressRecognizer,
    PaymentCardRecognizer,
    IbanCodeRecognizer,
    SsnRecognizer,
)
_NEEDS_EXTRACTOR = (EmailAddressRecognizer, WebAddressRecognizer, CuedWebAddressRecognizer)


def build_recognizers(entities: Collection[EntityType] | None = None) -> list[EntityRecognizer]:
    """New instances of the pattern recognizers for ``entities`` (None: for every entity).

    Entities no pattern recognizer covers (PERSON, LOCATION, ORGANIZATION come from the NER
    model) are ignored. The email and URL recognizers share one offline public-suffix lookup.
    Build once per engine: each call compiles nothing new but does build that lookup.
    """
    wanted = set(EntityType) if entities is None else {EntityType(e) for e in entities}
    classes = [cls for cls in RECOGNIZER_CLASSES if cls.ENTITY in wanted]  # type: ignore[attr-defined]
    extractor = offline_extractor() if any(c in _NEEDS_EXTRACTOR for c in classes) else None
    recognizers: list[EntityRecognizer] = []
    for cls in classes:
        if cls in _NEEDS_EXTRACTOR:
            recognizers.append(cls(extractor=extractor))  # type: ignore[call-arg]
        else:
            recognizers.append(cls())
    return recognizers
