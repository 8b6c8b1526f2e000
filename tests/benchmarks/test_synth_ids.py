"""Synthetic identifiers carry valid checksums; the validators reject corrupted ones."""

from __future__ import annotations

import random
import re
from datetime import date

import pytest

from benchmarks.synth import ids

SEEDS = range(40)


@pytest.mark.parametrize(
    ("make", "valid"),
    [
        (lambda r: ids.make_nhs(r, "spaced"), ids.is_valid_nhs),
        (lambda r: ids.make_nhs(r, "plain"), ids.is_valid_nhs),
        (lambda r: ids.make_nhs(r, "dashed"), ids.is_valid_nhs),
        (lambda r: ids.make_nino(r, spaced=True), ids.is_valid_nino),
        (lambda r: ids.make_nino(r, spaced=False), ids.is_valid_nino),
        (lambda r: ids.make_nino(r, spaced=False, split=True), ids.is_valid_nino),
        (ids.make_card, ids.is_valid_luhn),
        (lambda r: ids.make_card(r, "dashed"), ids.is_valid_luhn),
        (lambda r: ids.make_card(r, "compact"), ids.is_valid_luhn),
        (lambda r: ids.make_iban(r, "GB"), ids.is_valid_iban),
        (lambda r: ids.make_iban(r, "CZ"), ids.is_valid_iban),
        (lambda r: ids.make_iban(r, "CZ", "compact"), ids.is_valid_iban),
        (lambda r: ids.make_cz_birth_number(r, date(1985, 6, 12), female=True),
         ids.is_valid_cz_birth_number),
        (lambda r: ids.make_cz_birth_number(r, date(2005, 1, 31), female=False, extra20=True,
                                            slash=False), ids.is_valid_cz_birth_number),
        (lambda r: f"LS6 {ids.make_uk_inward(r)}", ids.is_valid_uk_postcode),
    ],
)
def test_when_identifier_is_generated_then_its_checksum_is_valid(make, valid) -> None:
    for seed in SEEDS:
        value = make(random.Random(seed))
        assert valid(value), value


@pytest.mark.parametrize(
    ("valid", "value", "expected"),
    [
        (ids.is_valid_nhs, "943 476 5919", True),  # NHS Digital's published example
        (ids.is_valid_nhs, "943 476 5918", False),
        (ids.is_valid_nhs, "943 476 591", False),
        (ids.is_valid_nino, "AB 12 34 56 C", True),
        (ids.is_valid_nino, "QQ 12 34 56 C", False),  # the HMRC placeholder prefix
        (ids.is_valid_nino, "GB 12 34 56 C", False),  # forbidden prefix
        (ids.is_valid_nino, "DA 12 34 56 C", False),  # D is never first
        (ids.is_valid_nino, "QQ 12 34 56 E", False),  # suffix A-D only
        (ids.is_valid_cz_birth_number, "780123/3506", True),  # 7801233506 = 11 * 709203046
        (ids.is_valid_cz_birth_number, "780123/3507", False),
        (ids.is_valid_cz_birth_number, "781323/3505", False),  # mod 11 fine, month 13
        (ids.is_valid_luhn, "4539 1488 0343 6467", True),
        (ids.is_valid_luhn, "4539 1488 0343 6468", False),
        (ids.is_valid_iban, "GB82 WEST 1234 5698 7654 32", True),  # the ECBS example
        (ids.is_valid_iban, "GB82 WEST 1234 5698 7654 33", False),
        (ids.is_valid_uk_postcode, "SW1A 1AA", True),
        (ids.is_valid_uk_postcode, "LS6 2CB", False),  # C never in the inward code
    ],
)
def test_when_value_is_checked_then_validator_agrees_with_the_rule(valid, value, expected) -> None:
    assert valid(value) is expected


def test_when_cz_birth_number_is_for_a_woman_then_month_has_50_added() -> None:
    value = ids.make_cz_birth_number(random.Random(1), date(1990, 3, 7), female=True)
    assert value[:6] == "905307"
    assert int(value.replace("/", "")) % 11 == 0


def test_when_birth_year_is_before_1954_then_ten_digit_number_is_refused() -> None:
    with pytest.raises(ValueError, match="1954"):
        ids.make_cz_birth_number(random.Random(1), date(1950, 1, 1), female=False)


@pytest.mark.parametrize("seed", range(10))
def test_when_ip_is_generated_then_it_is_public(seed: int) -> None:
    import ipaddress

    assert ipaddress.ip_address(ids.make_ip(random.Random(seed))).is_global


@pytest.mark.parametrize(
    ("make", "shape"),
    [
        (lambda r: ids.make_uk_mobile(r, "spaced3"), r"07\d{3} \d{3} \d{3}"),
        (lambda r: ids.make_uk_mobile(r, "intl_compact"), r"\+447\d{9}"),
        (lambda r: ids.make_uk_mobile(r, "dashed"), r"07\d{3}-\d{6}"),
        (lambda r: ids.make_uk_landline(r, "compact"), r"0\d{9,10}"),
        (lambda r: ids.make_uk_landline(r, "intl0"), r"\+44 \(0\)\d{2,4} [\d ]{6,9}"),
        (lambda r: ids.make_cz_phone(r, "dashed"), r"\+420-\d{3}-\d{3}-\d{3}"),
        (lambda r: ids.make_cz_phone(r, "brackets"), r"\(\+420\) \d{3} \d{3} \d{3}"),
        (lambda r: ids.make_us_phone(r, "one"), r"1-[2-9]\d\d-[2-9]\d\d-\d{4}"),
        (lambda r: ids.make_us_phone(r, "spaced"), r"[2-9]\d\d [2-9]\d\d \d{4}"),
        (lambda r: ids.make_us_phone(r, "plain"), r"[2-9]\d\d[2-9]\d\d\d{4}"),
        (lambda r: ids.make_us_phone(r, "intl_brackets"), r"\+1 \([2-9]\d\d\) [2-9]\d\d-\d{4}"),
        (lambda r: ids.make_ssn(r, "spaced"), r"\d{3} \d\d \d{4}"),
        (lambda r: ids.make_ssn(r, "plain"), r"\d{9}"),
        (ids.make_ssn, r"\d{3}-\d\d-\d{4}"),
    ],
)
def test_when_a_phone_or_ssn_style_is_asked_for_then_the_value_has_that_shape(make, shape):
    for seed in SEEDS:
        value = make(random.Random(seed))
        assert re.fullmatch(shape, value), value


@pytest.mark.parametrize("split", ["dev", "test", "holdout"])
def test_when_a_town_makes_a_postcode_then_it_is_a_valid_uk_postcode(split: str) -> None:
    from benchmarks.synth.model import Split
    from benchmarks.synth.pools import Town, load_yaml

    rng = random.Random(3)
    for name, code in load_yaml(Split(split), "pools")["towns"]["uk"]:
        for _ in range(5):
            value = Town(name, "uk", code).postcode(rng)
            assert ids.is_valid_uk_postcode(value), (name, value)
