"""Address recognizers: UK/US street addresses, Czech street addresses and UK postcodes."""

from __future__ import annotations

import pytest
from presidio_analyzer import EntityRecognizer

from toolkit.pii.recognizers import (
    CzStreetAddressRecognizer,
    IntlStreetAddressRecognizer,
    PostcodeRecognizer,
    StreetAddressRecognizer,
)


def matched(recognizer: EntityRecognizer, text: str) -> list[str]:
    results = recognizer.analyze(text, entities=recognizer.supported_entities, nlp_artifacts=None)
    return [text[r.start : r.end] for r in sorted(results, key=lambda r: r.start)]


# -- UK and US street addresses -----------------------------------------------------------


@pytest.mark.parametrize(
    "address",
    [
        "12 Acacia Avenue",
        "Flat 3, 45 High Street",
        "14 Station Rd",
        "221B Baker Street",
        "221B Baker Street, London NW1 6XE",
        "12 Acacia Avenue, Leeds LS6 2AB",
        "12 Acacia Avenue, LS6 2AB",
        "12 St Mary's Road",
        "12-14 Church Lane",
        "Studio 12 O'Neill Isle",
        "1234 Elm St, Apt 5",
        "742 Evergreen Terrace, Springfield, IL 62704",
        "742 Evergreen Terrace, Springfield IL 62704",
        "500 W 2nd Ave Suite 300",
        "17066 Heather Grove Apt. 915",
        "08063 Swanson Pines",
        "1600 Martin Luther King Jr Boulevard",
    ],
)
def test_when_uk_or_us_address_is_written_then_reported_whole(address: str) -> None:
    text = f"I live at {address}. It's nice."
    assert matched(StreetAddressRecognizer(), text) == [address]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("i moved to 12 acacia avenue last month", "12 acacia avenue"),
        ("we're at 4 station rd now", "4 station rd"),
        ("she lives on Acacia Avenue with her dad", "Acacia Avenue"),
        ("the office is off Kingsway Road", "Kingsway Road"),
    ],
)
def test_when_address_is_lower_case_or_has_no_number_then_reported(
    text: str, expected: str
) -> None:
    assert matched(StreetAddressRecognizer(), text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "I counted 12 Street lamps on the way",
        "see page 12 and session 3",
        "we walked 3 miles down the road",
        "it was a 2 hour drive",
        "20 minute walk down the lane",
        "I have 2 Golden Retrievers",
        "it took 3 times around the block",
        "Top 10 Tips for Sleep",
        "PHQ-9 score 14 Monday",
        "I've been down this road before",
        "the high street was busy",
    ],
)
def test_when_number_and_street_word_are_not_an_address_then_not_reported(text: str) -> None:
    assert matched(StreetAddressRecognizer(), text) == []


def test_when_address_is_followed_by_a_sentence_then_the_sentence_is_not_the_town() -> None:
    text = "It's 12 Acacia Avenue, I think."
    assert matched(StreetAddressRecognizer(), text) == ["12 Acacia Avenue"]


# -- Czech street addresses ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Bydlím Vinohradská 1234/56.", "Vinohradská 1234/56"),
        ("Adresa: Dlouhá 12", "Dlouhá 12"),
        ("Na Příkopě 15, 110 00 Praha 1", "Na Příkopě 15, 110 00 Praha 1"),
        ("ul. Masarykova 8, Brno", "ul. Masarykova 8, Brno"),
        ("Masarykova 8", "Masarykova 8"),
        ("Karlovo náměstí 13", "Karlovo náměstí 13"),
        ("náměstí Míru 15", "náměstí Míru 15"),
        ("třída Tomáše Bati 21", "třída Tomáše Bati 21"),
        ("Horní Stromky 5", "Horní Stromky 5"),
        ("U Nového Dvora 136", "U Nového Dvora 136"),
        ("V Brůdku 8", "V Brůdku 8"),
        ("Izraelská 534, 578 69 Moravský Krumlov", "Izraelská 534, 578 69 Moravský Krumlov"),
        ("Vinohradská 12a", "Vinohradská 12a"),
        ("Palackého 1234/5b, Olomouc", "Palackého 1234/5b, Olomouc"),
    ],
)
def test_when_czech_address_is_written_then_reported(text: str, expected: str) -> None:
    assert matched(CzStreetAddressRecognizer(), text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Session 3",
        "Page 12",
        "Praha 1",  # a district, not a street
        "Windows 10",
        "I met José 2 weeks ago",
        "Score 7/10",
        "Before 2019 things were fine",
        "Dlouhá 12 minut",  # a duration in Czech
        "PHQ-9 was 14",
    ],
)
def test_when_capitalised_word_and_number_are_not_czech_address_then_not_reported(
    text: str,
) -> None:
    assert matched(CzStreetAddressRecognizer(), text) == []


def test_when_czech_address_is_followed_by_english_then_the_sentence_is_not_the_town() -> None:
    assert matched(CzStreetAddressRecognizer(), "Dlouhá 12, I think") == ["Dlouhá 12"]


# -- other European styles, units, US military ---------------------------------------------


@pytest.mark.parametrize(
    "address",
    [
        "Koskikatu 25",
        "Magrethevej 298",
        "Augsburger Strasse 36",
        "Koepenicker Str. 74 Suite 980",
        "Via delle Coste 41",
        "Rua do Arenque 1634",
        "Piroska u. 97",
        "6750 Koskikatu 25 Apt. 864",
        "1593 Pagari 18 Suite 932",
        "Apt. 595",
        "Suite 501",
        "PSC 0413, Box 8144",
        "APO AE 20040",
        "USCGC Berg",
    ],
)
def test_when_european_unit_or_military_address_is_written_then_reported(address: str) -> None:
    assert matched(IntlStreetAddressRecognizer(), f"send it to {address}, please") == [address]


@pytest.mark.parametrize(
    "text",
    [
        "in 2019 March 12 was a Tuesday",
        "see 120 Chapter 3",
        "I scored 140 Points 3 times",
        "we had 200 Big Macs 3 days ago",
        "Session 3",
        "the 2019 Season 2 finale",
        "I feel 100 Percent 3 out of 10",
    ],
)
def test_when_numbers_around_a_capitalised_word_are_not_an_address_then_not_reported(
    text: str,
) -> None:
    assert matched(IntlStreetAddressRecognizer(), text) == []


# -- UK postcodes -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "postcode",
    [
        "SW1A 1AA",
        "M1 1AE",
        "B33 8TH",
        "CR2 6XH",
        "DN55 1PT",
        "EC1A 1BB",
        "W1A 0AX",
        "GIR 0AA",
        "LS6 2AB",
        "sw1a 1aa",
        "m1 1ae",
        "SW1A1AA",
    ],
)
def test_when_postcode_has_a_valid_shape_then_reported(postcode: str) -> None:
    text = f"my postcode is {postcode}."
    assert matched(PostcodeRecognizer(), text) == [postcode]


@pytest.mark.parametrize(
    "text",
    [
        "SW1A 1CA",  # C never in the inward code
        "SW1A 1AI",  # nor I
        "M1 1KM",  # nor K or M
        "QA1 1AA",  # Q never first
        "VA1 1AA",
        "XA1 1AA",
        "AI1 1AA",  # I never second
        "AJ1 1AA",
        "A1 1AAA",  # too long
        "b33 8th",  # lower case reads as "8th"
        "on the m1 2nd junction",
        "HELLO1 1AA",
    ],
)
def test_when_postcode_breaks_position_rules_then_not_reported(text: str) -> None:
    assert matched(PostcodeRecognizer(), text) == []


# -- streets without a house number, Czech address blocks, postcodes in a question ---------


@pytest.mark.parametrize(
    "text, street",
    [
        ("The day centre on Delius Way has spaces.", "Delius Way"),
        ("living on Netmakers Row, second year", "Netmakers Row"),
        ("My mum still lives on Queen's Parade; I stayed.", "Queen's Parade"),
        ("I go to the cemetery on The Ridgeway every Sunday.", "The Ridgeway"),
        ("the walking, round Ropewalk. It helped.", "Ropewalk"),
        ("We moved to 172 Clover Ley for her job.", "172 Clover Ley"),
        ("Is that still going on at 61b Castlehill Loan?", "61b Castlehill Loan"),
    ],
)
def test_when_street_of_any_type_follows_a_preposition_then_reported(
        text: str, street: str) -> None:
    assert street in matched(StreetAddressRecognizer(), text)


@pytest.mark.parametrize(
    "text",
    [
        "I went on Tuesday to the Square.",
        "come on Way more fun than it sounds",
        "keep going to Norway, she says",
        "on Twitter all day",
    ],
)
def test_when_preposition_precedes_no_street_then_not_reported(text: str) -> None:
    assert matched(StreetAddressRecognizer(), text) == []


@pytest.mark.parametrize(
    "text, address",
    [
        ("your address as K Lesíku č. p. 159, Lenora, PSČ 384 42, has anything",
         "K Lesíku č. p. 159, Lenora, PSČ 384 42"),
        ("at Na Sídlišti 54, 703 00 Vítkovice, with her mother",
         "Na Sídlišti 54, 703 00 Vítkovice"),
        ("i live in Lipová alej 127/20, its the big block", "Lipová alej 127/20"),
        ("the gym on U Lípy instead of the pub", "U Lípy"),
        ("bus is stuck on Chelčického, be 10 mins late", "Chelčického"),
        ("Klient: Jana Nováková\nMariánská 4/15\n160 00 Dejvice\n", "160 00 Dejvice"),
        ("And the postcode for the letters, is that still 669 02?", "669 02"),
        ("Your home postcode on the system is 38837. Is that right?", "38837"),
    ],
)
def test_when_czech_street_block_or_postcode_in_a_question_then_reported(
        text: str, address: str) -> None:
    assert address in matched(CzStreetAddressRecognizer(), text)


def test_when_sidlo_labels_an_office_then_it_is_not_a_street_name() -> None:
    assert "Sídlo: Praha" not in " ".join(matched(CzStreetAddressRecognizer(), "Sídlo: Praha 4"))


@pytest.mark.parametrize(
    "text, address",
    [
        ("address:\n106 rúa olmos 44, belfast, south africa.\n",
         "106 rúa olmos 44, belfast, south africa"),
        ("Address: 7494 Hlíðarvegur 97 Suite 568, Danmarkshavn 35940\n",
         "7494 Hlíðarvegur 97 Suite 568, Danmarkshavn 35940"),
    ],
)
def test_when_address_follows_its_label_then_the_line_is_reported(text: str, address: str) -> None:
    assert address in matched(StreetAddressRecognizer(), text)


@pytest.mark.parametrize("text", ["Email address: jan@example.cz\n", "IP address: 10.0.0.1\n",
                                  "Address: none yet\n"])
def test_when_label_is_not_a_postal_address_then_nothing_is_reported(text: str) -> None:
    assert matched(StreetAddressRecognizer(), text) == []
