"""Identifier recognizers: NHS number, National Insurance number, Czech birth number, payment
card, IBAN and US SSN. Valid and invalid values side by side; no spaCy model needed."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from presidio_analyzer import EntityRecognizer

from toolkit.pii.recognizers import (
    CzBirthNumberRecognizer,
    IbanCodeRecognizer,
    NationalInsuranceRecognizer,
    NhsNumberRecognizer,
    PaymentCardRecognizer,
    SsnRecognizer,
)
from toolkit.pii.recognizers.credit_card import luhn_ok
from toolkit.pii.recognizers.cz_birth_number import birth_date_of, is_valid_cz_birth_number
from toolkit.pii.recognizers.uk_nhs import is_valid_nhs_number, nhs_check_digit


def found(recognizer: EntityRecognizer, text: str) -> list[tuple[str, float]]:
    """(matched text, score) of every result, in text order."""
    results = recognizer.analyze(text, entities=recognizer.supported_entities, nlp_artifacts=None)
    return [(text[r.start : r.end], r.score) for r in sorted(results, key=lambda r: r.start)]


def matched(recognizer: EntityRecognizer, text: str) -> list[str]:
    return [value for value, _ in found(recognizer, text)]


# -- NHS number ---------------------------------------------------------------------------


def _nhs_numbers(count: int, *, valid: bool) -> list[str]:
    """Synthetic NHS numbers (seeded): with the right check digit, or with a wrong one."""
    rng = random.Random(2)
    out: list[str] = []
    while len(out) < count:
        first = f"{rng.randrange(10**9):09d}"
        check = nhs_check_digit(first)
        if check is None:
            continue
        last = check if valid else (check + 1 + rng.randrange(9)) % 10
        out.append(first + str(last))
    return out


def _nhs_remainder_ten() -> str:
    """Nine digits whose check digit would be 10 (never issued), with every last digit 0-9."""
    rng = random.Random(3)
    while True:
        first = f"{rng.randrange(10**9):09d}"
        if nhs_check_digit(first) is None:
            return first


def _spaced(digits: str, sep: str) -> str:
    return f"{digits[:3]}{sep}{digits[3:6]}{sep}{digits[6:]}"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("NHS number 943 476 5919 on the letter", "943 476 5919"),
        ("NHS number 943-476-5919 on the letter", "943-476-5919"),
        ("NHS number 9434765919 on the letter", "9434765919"),
        *[(f"nhs no. {_spaced(n, ' ')}.", _spaced(n, " ")) for n in _nhs_numbers(5, valid=True)],
        *[(f"({n})", n) for n in _nhs_numbers(3, valid=True)],
    ],
)
def test_when_nhs_number_has_valid_checksum_then_reported_with_full_score(
    text: str, expected: str
) -> None:
    assert found(NhsNumberRecognizer(), text) == [(expected, 1.0)]


@pytest.mark.parametrize(
    "text",
    [
        *[_spaced(n, " ") for n in _nhs_numbers(5, valid=False)],
        *[_spaced(_nhs_remainder_ten() + str(d), "-") for d in range(10)],
        "000 000 0000",  # passes mod 11, but all the same digit
        "1111111111",
        "943 476-5919",  # mixed separators
        "943 476 591",  # nine digits
        "943 476 59190",  # eleven digits
        "ref 9434765919123",  # inside a longer number
    ],
)
def test_when_nhs_number_has_bad_checksum_then_not_reported(text: str) -> None:
    assert found(NhsNumberRecognizer(), text) == []


def test_when_nhs_check_digit_computed_then_it_matches_the_published_example() -> None:
    assert nhs_check_digit("943476591") == 9
    assert is_valid_nhs_number("9434765919")
    assert not is_valid_nhs_number("9434765918")


# -- National Insurance number ------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("NINO AB123456C", "AB123456C"),
        ("my NI number is AB 12 34 56 C.", "AB 12 34 56 C"),
        ("it's ce 123456 d", "ce 123456 d"),
        ("HJ123456A", "HJ123456A"),
        ("ZY 65 43 21 B", "ZY 65 43 21 B"),
        ("OA123456D", "OA123456D"),  # O may come first
    ],
)
def test_when_nino_follows_the_letter_rules_then_reported(text: str, expected: str) -> None:
    assert matched(NationalInsuranceRecognizer(), text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "DA123456C",  # D never first
        "FA123456C",
        "IA123456C",
        "QQ123456C",  # Q never first (QQ is the specimen prefix)
        "UA123456C",
        "VA123456C",
        "AD123456C",  # D never second
        "AO123456C",  # O never second
        "BG123456A",  # not allocated
        "GB123456A",
        "KN123456A",
        "NK123456A",
        "NT123456A",
        "TN123456A",  # temporary numbers
        "ZZ123456A",
        "AB123456E",  # suffix A-D only
        "AB12345C",  # five digits
        "XAB123456C",  # inside a longer token
    ],
)
def test_when_nino_breaks_the_letter_rules_then_not_reported(text: str) -> None:
    assert matched(NationalInsuranceRecognizer(), text) == []


# -- Czech birth number (rodné číslo) -----------------------------------------------------


def _birth_number(yy: int, mm: int, dd: int, serial: int = 123) -> str:
    """A ten-digit birth number with the mod-11 check digit (serial keeps it synthetic)."""
    first = f"{yy:02d}{mm:02d}{dd:02d}{serial:03d}"
    check = int(first) % 11
    if check == 10:  # the pre-1985 exception: check digit 0
        check = 0
    return f"{first[:6]}/{first[6:]}{check}"


def _birth_number_bad_check(yy: int, mm: int, dd: int, serial: int = 123) -> str:
    good = _birth_number(yy, mm, dd, serial)
    return good[:-1] + str((int(good[-1]) + 1) % 10)


def _remainder_ten_birth_number() -> str:
    """A real one of the exceptional form: first nine digits leave 10, check digit 0."""
    for serial in range(1000):
        first = f"780412{serial:03d}"
        if int(first) % 11 == 10:
            return f"780412/{serial:03d}0"
    raise AssertionError("no serial found")


@pytest.mark.parametrize(
    "text, expected",
    [
        (f"RČ {_birth_number(85, 3, 12)}", _birth_number(85, 3, 12)),  # man, 1985
        (f"RČ {_birth_number(85, 53, 12)}", _birth_number(85, 53, 12)),  # woman: +50
        (f"RČ {_birth_number(10, 23, 12)}", _birth_number(10, 23, 12)),  # man, +20 (2010)
        (f"RČ {_birth_number(10, 73, 12)}", _birth_number(10, 73, 12)),  # woman, +70 (2010)
        (f"RČ {_birth_number(54, 1, 1)}", _birth_number(54, 1, 1)),  # first ten-digit year
        (f"RČ {_birth_number(0, 2, 29)}", _birth_number(0, 2, 29)),  # 29 Feb 2000
        (f"born {_birth_number(92, 12, 31).replace('/', '')} ok",
         _birth_number(92, 12, 31).replace("/", "")),
        (f"RČ {_remainder_ten_birth_number()}", _remainder_ten_birth_number()),
    ],
)
def test_when_birth_number_has_valid_date_and_checksum_then_reported_with_full_score(
    text: str, expected: str
) -> None:
    assert found(CzBirthNumberRecognizer(), text) == [(expected, 1.0)]


@pytest.mark.parametrize(
    "text",
    [
        _birth_number_bad_check(85, 3, 12),  # bad checksum
        _birth_number(85, 2, 30),  # 30 February
        _birth_number(85, 13, 1),  # month 13
        _birth_number(85, 63, 1),  # woman's month 13
        _birth_number(45, 3, 12),  # ten digits, "45" = 2045: in the future
        "550312/123",  # nine digits after 1953
        "481332/123",  # nine digits, day 32
        "000000/0000",
    ],
)
def test_when_birth_number_has_bad_date_or_checksum_then_not_reported(text: str) -> None:
    assert not is_valid_cz_birth_number(text)
    assert not is_valid_cz_birth_number(text, any_offset_year=True)
    assert found(CzBirthNumberRecognizer(), text) == []


@pytest.mark.parametrize("text", [_birth_number(85, 23, 12),  # +20 only from 2004
                                  _birth_number(65, 73, 17)])  # +70 only from 2004
def test_when_birth_number_offset_predates_its_rule_then_found_without_full_confidence(
        text: str) -> None:
    assert not is_valid_cz_birth_number(text)
    assert is_valid_cz_birth_number(text, any_offset_year=True)
    assert found(CzBirthNumberRecognizer(), text) == [(text, 0.5)]
    assert found(CzBirthNumberRecognizer(), text.replace("/", "")) == [(text.replace("/", ""), 0.3)]


@pytest.mark.parametrize(
    "text, expected, score",
    [
        ("RČ 480312/123", "480312/123", 0.5),  # nine digits: no checksum, keeps its score
        ("rodné číslo 480312123", "480312123", 0.3),  # without the slash: needs context
    ],
)
def test_when_birth_number_has_nine_digits_then_reported_with_pattern_score(
    text: str, expected: str, score: float
) -> None:
    assert found(CzBirthNumberRecognizer(), text) == [(expected, score)]


@pytest.mark.parametrize(
    "digits, born",
    [
        ("8503121234", dt.date(1985, 3, 12)),
        ("8553121234", dt.date(1985, 3, 12)),
        ("1023121234", dt.date(2010, 3, 12)),
        ("1073121234", dt.date(2010, 3, 12)),
        ("480312123", dt.date(1948, 3, 12)),
        ("8523121234", None),
        ("4503121234", None),
    ],
)
def test_when_birth_number_decoded_then_date_of_birth_follows_the_month_offsets(
    digits: str, born: dt.date | None
) -> None:
    assert birth_date_of(digits, today=dt.date(2025, 6, 1)) == born


# -- payment cards, IBAN, SSN -------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("card 4111 1111 1111 1111 exp 12/27", "4111 1111 1111 1111"),  # Visa test number
        ("card 5555-5555-5555-4444", "5555-5555-5555-4444"),  # Mastercard test number
        ("card 2223003122003222", "2223003122003222"),  # Mastercard 2-series test number
        ("amex 3782 822463 10005", "3782 822463 10005"),  # Amex test number
        ("maestro 6759649826438453", "6759649826438453"),  # Maestro test number
        ("visa 4111111111111111110", "4111111111111111110"),  # 19 digits in one run
    ],
)
def test_when_card_number_passes_luhn_then_reported(text: str, expected: str) -> None:
    assert found(PaymentCardRecognizer(), text) == [(expected, 1.0)]


@pytest.mark.parametrize(
    "text",
    [
        "card 4111 1111 1111 1112",
        "card 5555-5555-5555-4445",
        "id 2223003122003223",
        "call +447700900007",  # a phone number, even though its digits pass Luhn
    ],
)
def test_when_card_number_fails_luhn_then_not_reported(text: str) -> None:
    assert found(PaymentCardRecognizer(), text) == []


def test_when_luhn_computed_then_known_test_numbers_pass() -> None:
    assert luhn_ok("4111111111111111")
    assert not luhn_ok("4111111111111112")
    assert not luhn_ok("")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("IBAN GB82 WEST 1234 5698 7654 32 please", "GB82 WEST 1234 5698 7654 32"),
        ("IBAN GB82WEST12345698765432", "GB82WEST12345698765432"),
        ("účet CZ65 0800 0000 1920 0014 5399", "CZ65 0800 0000 1920 0014 5399"),
    ],
)
def test_when_iban_passes_mod_97_then_reported(text: str, expected: str) -> None:
    assert found(IbanCodeRecognizer(), text) == [(expected, 1.0)]


@pytest.mark.parametrize(
    "text", ["IBAN GB82 WEST 1234 5698 7654 33", "CZ65 0800 0000 1920 0014 5398"]
)
def test_when_iban_fails_mod_97_then_not_reported(text: str) -> None:
    assert found(IbanCodeRecognizer(), text) == []


@pytest.mark.parametrize("text, expected", [("SSN 536-22-8725", "536-22-8725")])
def test_when_ssn_is_well_formed_then_reported(text: str, expected: str) -> None:
    assert matched(SsnRecognizer(), text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "SSN 078-05-1120",  # the Woolworth wallet sample
        "SSN 123-45-6789",  # the textbook sample
        "SSN 666-12-3456",  # area 666 never issued
        "SSN 000-12-3456",
        "SSN 536-00-8725",  # zero group
        "SSN 536-22-0000",
        "SSN 536-22.8725",  # mixed delimiters
        "SSN 555-55-5555",  # all the same digit
    ],
)
def test_when_ssn_breaks_an_issuing_rule_then_not_reported(text: str) -> None:
    assert matched(SsnRecognizer(), text) == []


@pytest.mark.parametrize("text, expected", [
    ("My social security number is 536904399.", "536904399"),
    ("her SSN ends... it's 536904399", "536904399"),
    ("soc sec 536-90-4399", "536-90-4399"),
])
def test_when_ssn_is_named_a_few_words_before_then_any_grouping_is_reported(
        text: str, expected: str) -> None:
    assert expected in matched(SsnRecognizer(), text)


def test_when_nine_digits_have_no_ssn_name_near_then_they_score_low() -> None:
    found = SsnRecognizer().analyze("order 536904399 shipped", entities=["US_SSN"])
    assert all(r.score < 0.3 for r in found)
