"""Synthetic identifiers with valid checksums, and the validators that prove they are valid.

Every ``make_*`` function takes a :class:`random.Random` and returns a formatted string; the
matching ``is_valid_*`` function checks the same rule independently (tests run both).
Nothing here is real: numbers are drawn at random in valid formats.
"""

from __future__ import annotations

import ipaddress
import random
import re
import string
from datetime import date

__all__ = [
    "is_valid_cz_birth_number",
    "is_valid_iban",
    "is_valid_luhn",
    "is_valid_nhs",
    "is_valid_nino",
    "is_valid_uk_postcode",
    "make_card",
    "make_cz_birth_number",
    "make_cz_phone",
    "make_iban",
    "make_ip",
    "make_nhs",
    "make_nino",
    "make_ssn",
    "make_uk_inward",
    "make_uk_landline",
    "make_uk_mobile",
    "make_us_phone",
]

# --- NHS number: 10 digits, weights 10..2 on the first nine, check = 11 - (sum mod 11).


def _nhs_check(first9: str) -> int | None:
    total = sum(int(d) * w for d, w in zip(first9, range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        return 0
    return None if check == 10 else check


def make_nhs(rng: random.Random, style: str = "spaced") -> str:
    """A valid NHS number; ``style`` is ``spaced`` (943 476 5919), ``plain`` or ``dashed``."""
    while True:
        first9 = str(rng.randint(4, 9)) + "".join(rng.choice(string.digits) for _ in range(8))
        check = _nhs_check(first9)
        if check is not None:
            break
    digits = first9 + str(check)
    if style == "plain":
        return digits
    sep = "-" if style == "dashed" else " "
    return f"{digits[:3]}{sep}{digits[3:6]}{sep}{digits[6:]}"


def is_valid_nhs(value: str) -> bool:
    digits = re.sub(r"[\s-]", "", value)
    if not re.fullmatch(r"\d{10}", digits):
        return False
    return _nhs_check(digits[:9]) == int(digits[9])


# --- UK National Insurance number (HMRC NIM39110 rules).

_NINO_FIRST = "ABCEGHJKLMNOPRSTWXYZ"  # not D F I Q U V
_NINO_SECOND = "ABCEGHJKLMNPRSTWXYZ"  # not D F I O Q U V
_NINO_BAD_PREFIX = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}


def make_nino(rng: random.Random, spaced: bool = True, split: bool = False) -> str:
    """``spaced`` AB 12 34 56 C, else AB123456C; ``split`` AB123456 C (suffix apart)."""
    while True:
        prefix = rng.choice(_NINO_FIRST) + rng.choice(_NINO_SECOND)
        if prefix not in _NINO_BAD_PREFIX:
            break
    digits = "".join(rng.choice(string.digits) for _ in range(6))
    suffix = rng.choice("ABCD")
    if spaced:
        return f"{prefix} {digits[:2]} {digits[2:4]} {digits[4:]} {suffix}"
    if split:
        return f"{prefix}{digits} {suffix}"
    return f"{prefix}{digits}{suffix}"


def is_valid_nino(value: str) -> bool:
    v = value.replace(" ", "").upper()
    if not re.fullmatch(r"[A-Z]{2}\d{6}[A-D]", v):
        return False
    return v[0] in _NINO_FIRST and v[1] in _NINO_SECOND and v[:2] not in _NINO_BAD_PREFIX


# --- UK postcode: real outward code (from the place pools) + a valid inward code.

_INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"  # never C I K M O V
_POSTCODE_RE = re.compile(
    r"(GIR 0AA|[A-PR-UWYZ]([0-9]{1,2}|[A-HK-Y][0-9]{1,2}|[0-9][A-HJKPS-UW]"
    r"|[A-HK-Y][0-9][ABEHMNPRVWXY]) ?[0-9][ABD-HJLNP-UW-Z]{2})"
)


def make_uk_inward(rng: random.Random) -> str:
    return f"{rng.randint(0, 9)}{rng.choice(_INWARD_LETTERS)}{rng.choice(_INWARD_LETTERS)}"


def is_valid_uk_postcode(value: str) -> bool:
    return _POSTCODE_RE.fullmatch(value.upper()) is not None


# --- Phone numbers.

_UK_MOBILE_PREFIX = ["071", "072", "073", "074", "075", "077", "078", "079"]
# (area code, local number length) for real UK geographic codes.
_UK_AREAS = [("0113", 7), ("0114", 7), ("0115", 7), ("0116", 7), ("0117", 7), ("0118", 7),
             ("0121", 7), ("0131", 7), ("0141", 7), ("0151", 7), ("0161", 7), ("020", 8),
             ("029", 8), ("028", 8), ("01223", 6), ("01865", 6), ("01904", 6), ("01392", 6)]


def _digits(rng: random.Random, n: int, first: str = "123456789") -> str:
    return rng.choice(first) + "".join(rng.choice(string.digits) for _ in range(n - 1))


def make_uk_mobile(rng: random.Random, style: str = "national") -> str:
    """``national`` 07700 900123, ``compact`` 07700900123, ``intl`` +44 7700 900123,
    ``intl0`` +44 (0)7700 900123, ``intl_compact`` +447700900123, ``spaced3`` 07700 900 123,
    ``dashed`` 07700-900123, ``intl_spaced`` +44 7700 900 123, ``paren`` (07700) 900123."""
    body = rng.choice(_UK_MOBILE_PREFIX)[1:] + "".join(rng.choice(string.digits) for _ in range(8))
    formats = {
        "intl": f"+44 {body[:4]} {body[4:]}", "intl0": f"+44 (0){body[:4]} {body[4:]}",
        "compact": f"0{body}", "intl_compact": f"+44{body}",
        "spaced3": f"0{body[:4]} {body[4:7]} {body[7:]}", "dashed": f"0{body[:4]}-{body[4:]}",
        "intl_spaced": f"+44 {body[:4]} {body[4:7]} {body[7:]}",
        "paren": f"(0{body[:4]}) {body[4:]}",
    }
    return formats.get(style, f"0{body[:4]} {body[4:]}")


def make_uk_landline(rng: random.Random, style: str = "national") -> str:
    area, n = rng.choice(_UK_AREAS)
    local = _digits(rng, n, "2345678")
    if n == 8:
        local_fmt = f"{local[:4]} {local[4:]}"
    elif n == 7:
        local_fmt = f"{local[:3]} {local[3:]}"
    else:
        local_fmt = local
    if style == "intl":
        return f"+44 {area[1:]} {local_fmt}"
    if style == "intl0":
        return f"+44 (0){area[1:]} {local_fmt}"
    if style == "brackets":
        return f"({area}) {local_fmt}"
    if style == "compact":
        return f"{area}{local}"
    return f"{area} {local_fmt}"


_CZ_MOBILE = ["601", "602", "603", "604", "605", "606", "607", "608", "702", "704", "720",
              "721", "723", "724", "728", "730", "731", "732", "736", "737", "739", "773",
              "774", "775", "776", "777", "778", "779", "790", "799"]
_CZ_FIXED = ["2", "38", "46", "47", "48", "49", "51", "53", "54", "55", "56", "57", "58", "59"]


def make_cz_phone(rng: random.Random, style: str = "intl", mobile: bool = True) -> str:
    """Czech number: ``intl`` +420 603 123 456, ``national`` 603 123 456, ``00`` 00420603123456,
    ``compact`` +420603123456, ``dashed`` +420-603-123-456, ``brackets`` (+420) 603 123 456,
    ``plain`` 603123456, ``00_spaced`` 00420 603 123 456."""
    if mobile:
        nine = rng.choice(_CZ_MOBILE) + "".join(rng.choice(string.digits) for _ in range(6))
    else:
        head = rng.choice(_CZ_FIXED)
        nine = head + "".join(rng.choice(string.digits) for _ in range(9 - len(head)))
    grouped = f"{nine[:3]} {nine[3:6]} {nine[6:]}"
    if style == "national":
        return grouped
    if style == "00":
        return f"00420{nine}"
    if style == "compact":
        return f"+420{nine}"
    if style == "dashed":
        return f"+420-{nine[:3]}-{nine[3:6]}-{nine[6:]}"
    if style == "brackets":
        return f"(+420) {grouped}"
    if style == "plain":
        return nine
    if style == "00_spaced":
        return f"00420 {grouped}"
    return f"+420 {grouped}"


def make_us_phone(rng: random.Random, style: str = "dashed") -> str:
    """NANP number with valid area/exchange: ``dashed`` 406-555-0147, ``brackets``
    (406) 555-0147, ``intl`` +1 406 555 0147, ``dots``, ``one`` 1-406-555-0147, ``spaced``
    406 555 0147, ``plain`` 4065550147, ``intl_brackets`` +1 (406) 555-0147."""
    area = f"{rng.randint(2, 9)}{rng.randint(0, 8)}{rng.randint(0, 9)}"
    exch = f"{rng.randint(2, 9)}{rng.randint(0, 9)}{rng.randint(0, 9)}"
    if exch[1:] == "11":
        exch = exch[0] + "21"
    line = f"{rng.randint(0, 9999):04d}"
    formats = {
        "brackets": f"({area}) {exch}-{line}", "intl": f"+1 {area} {exch} {line}",
        "dots": f"{area}.{exch}.{line}", "one": f"1-{area}-{exch}-{line}",
        "spaced": f"{area} {exch} {line}", "plain": f"{area}{exch}{line}",
        "intl_brackets": f"+1 ({area}) {exch}-{line}",
    }
    return formats.get(style, f"{area}-{exch}-{line}")


# --- Czech birth number (rodné číslo): YYMMDD/XXXX, women +50 on the month, +20 for numbers
# issued when a day's series ran out (from 2004); the ten-digit number is divisible by 11.


def make_cz_birth_number(
    rng: random.Random, born: date, female: bool, slash: bool = True, extra20: bool = False
) -> str:
    if born.year < 1954:
        raise ValueError("ten-digit birth numbers start in 1954")
    month = born.month + (50 if female else 0) + (20 if extra20 else 0)
    head = f"{born.year % 100:02d}{month:02d}{born.day:02d}"
    while True:
        serial = rng.randint(0, 999)
        base = int(head + f"{serial:03d}")
        check = (-base * 10) % 11
        if check < 10:
            break
    tail = f"{serial:03d}{check}"
    return f"{head}/{tail}" if slash else head + tail


def is_valid_cz_birth_number(value: str) -> bool:
    digits = value.replace("/", "")
    if not re.fullmatch(r"\d{10}", digits) or int(digits) % 11 != 0:
        return False
    month = int(digits[2:4])
    for offset in (0, 20, 50, 70):
        if 1 <= month - offset <= 12:
            return 1 <= int(digits[4:6]) <= 31
    return False


# --- US SSN, payment card, IBAN, IP address.


def make_ssn(rng: random.Random, style: str = "dashed") -> str:
    """``dashed`` 123-45-6789, ``spaced`` 123 45 6789, ``plain`` 123456789."""
    area = rng.choice([a for a in range(1, 900) if a != 666])
    sep = {"spaced": " ", "plain": ""}.get(style, "-")
    return f"{area:03d}{sep}{rng.randint(1, 99):02d}{sep}{rng.randint(1, 9999):04d}"


def _luhn_check(payload: str) -> int:
    total = 0
    for i, ch in enumerate(reversed(payload)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            d -= 9 if d > 9 else 0
        total += d
    return (10 - total % 10) % 10


def make_card(rng: random.Random, style: str = "spaced") -> str:
    """A Luhn-valid 16-digit card number: ``spaced`` in fours, ``dashed`` or ``compact``."""
    prefix = rng.choice(["4", "51", "52", "53", "54", "55"])
    payload = prefix + "".join(rng.choice(string.digits) for _ in range(15 - len(prefix)))
    num = payload + str(_luhn_check(payload))
    sep = {"dashed": "-", "compact": ""}.get(style, " ")
    return sep.join(num[i : i + 4] for i in range(0, 16, 4))


def is_valid_luhn(value: str) -> bool:
    digits = re.sub(r"[\s-]", "", value)
    return digits.isdigit() and _luhn_check(digits[:-1]) == int(digits[-1])


def _iban_mod97(country: str, bban: str) -> int:
    rearranged = bban + country + "00"
    numeric = "".join(str(int(c, 36)) for c in rearranged)
    return 98 - int(numeric) % 97


def make_iban(rng: random.Random, country: str = "GB", style: str = "grouped") -> str:
    """A mod-97-valid IBAN, ``grouped`` in fours or ``compact``."""
    if country == "GB":
        bank = "".join(rng.choice(string.ascii_uppercase) for _ in range(4))
        bban = bank + "".join(rng.choice(string.digits) for _ in range(14))
    elif country == "CZ":
        bank = rng.choice(["0100", "0300", "0800", "2010", "0600", "5500"])
        bban = bank + "".join(rng.choice(string.digits) for _ in range(16))
    else:
        raise ValueError(f"no IBAN format for {country}")
    iban = f"{country}{_iban_mod97(country, bban):02d}{bban}"
    if style == "compact":
        return iban
    return " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))


def is_valid_iban(value: str) -> bool:
    v = value.replace(" ", "").upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}", v):
        return False
    numeric = "".join(str(int(c, 36)) for c in v[4:] + v[:4])
    return int(numeric) % 97 == 1


def make_ip(rng: random.Random) -> str:
    """A public-looking IPv4 address (no private, loopback or reserved ranges)."""
    while True:
        addr = ipaddress.IPv4Address(rng.getrandbits(32))
        if addr.is_global and not addr.is_multicast:
            return str(addr)
