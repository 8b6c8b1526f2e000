"""Online identifiers: email, URL, social handles and IP addresses; and the proof that the
public-suffix check never reaches for the network."""

from __future__ import annotations

import logging
import socket
from typing import Any

import pytest
from presidio_analyzer import EntityRecognizer

from toolkit.pii.recognizers import (
    CuedWebAddressRecognizer,
    EmailAddressRecognizer,
    IpAddressRecognizer,
    SocialHandleRecognizer,
    SpokenEmailRecognizer,
    WebAddressRecognizer,
    build_recognizers,
)
from toolkit.pii.types import EntityType


def matched(recognizer: EntityRecognizer, text: str) -> list[str]:
    results = recognizer.analyze(text, entities=recognizer.supported_entities, nlp_artifacts=None)
    return [text[r.start : r.end] for r in sorted(results, key=lambda r: r.start)]


@pytest.fixture(scope="module")
def web() -> dict[EntityType, EntityRecognizer]:
    wanted = {EntityType.EMAIL_ADDRESS, EntityType.URL}
    found = build_recognizers(wanted)
    assert [type(r) for r in found] == [EmailAddressRecognizer, SpokenEmailRecognizer,
                                        WebAddressRecognizer, CuedWebAddressRecognizer]
    return {EntityType.EMAIL_ADDRESS: found[0], EntityType.URL: found[2]}


@pytest.fixture(scope="module")
def cued_url() -> EntityRecognizer:
    return build_recognizers({EntityType.URL})[1]


# -- email ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("email me at jane.doe@example.co.uk, ok", "jane.doe@example.co.uk"),
        ("UtaKortig@jourrapide.com", "UtaKortig@jourrapide.com"),
        ("write to p.novak+notes@seznam.cz.", "p.novak+notes@seznam.cz"),
        ("<sam_k92@mail.example.org>", "sam_k92@mail.example.org"),
    ],
)
def test_when_email_has_a_known_suffix_then_reported(
    web: dict[EntityType, EntityRecognizer], text: str, expected: str
) -> None:
    assert matched(web[EntityType.EMAIL_ADDRESS], text) == [expected]


@pytest.mark.parametrize(
    "text", ["foo@bar.invalidtld", "name@localhost", "@handle only", "a @ b dot com", "x@y"]
)
def test_when_email_has_no_public_suffix_then_not_reported(
    web: dict[EntityType, EntityRecognizer], text: str
) -> None:
    assert matched(web[EntityType.EMAIL_ADDRESS], text) == []


# -- URL ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("see https://www.example.org/path?q=1.", "https://www.example.org/path?q=1"),
        ("http://www.ScrapbookInsider.com.pt/", "http://www.ScrapbookInsider.com.pt/"),
        ("visit www.example.co.uk today", "www.example.co.uk"),
        ("my blog smith-jones.com/about, have a look", "smith-jones.com/about"),
        ("novak.cz", "novak.cz"),
        ("example.co.uk", "example.co.uk"),
        ("(https://example.it)", "https://example.it"),  # any suffix after a scheme
        ("http://192.168.0.1/admin", "http://192.168.0.1/admin"),
        ("my drawings, about.me/ethel.coyle, that's", "about.me/ethel.coyle"),  # short + path
    ],
)
def test_when_url_has_scheme_www_or_common_suffix_then_reported(
    web: dict[EntityType, EntityRecognizer], text: str, expected: str
) -> None:
    assert matched(web[EntityType.URL], text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "it was fine.so I left",  # .so is a suffix, and a missing space
        "and then.it was over",
        "open main.py and notes.md",  # file names
        "e.g. this, i.e. that",
        "version 3.8.0",
        "Mr.Smith",
        "jane@example.com",  # an email's domain is not a URL
        "foo.invalidtld",
    ],
)
def test_when_dotted_text_is_not_a_web_address_then_not_reported(
    web: dict[EntityType, EntityRecognizer], text: str
) -> None:
    assert matched(web[EntityType.URL], text) == []


# -- no network -----------------------------------------------------------------------------


def test_when_email_and_url_are_validated_then_no_network_is_attempted(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    attempts: list[str] = []

    def refuse(*args: Any, **kwargs: Any) -> Any:
        attempts.append(repr(args[:2]))
        raise OSError("network is off in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    caplog.set_level(logging.DEBUG)

    email, url = EmailAddressRecognizer(), WebAddressRecognizer()  # each builds its own lookup
    text = "mail jane.doe@example.co.uk or see https://www.example.org and novak.cz"

    assert matched(email, text) == ["jane.doe@example.co.uk"]
    assert matched(url, text) == ["https://www.example.org", "novak.cz"]
    assert attempts == []
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]


def test_when_factory_builds_email_and_url_then_they_share_one_suffix_lookup() -> None:
    email, _spoken, url, cued = build_recognizers({EntityType.EMAIL_ADDRESS, EntityType.URL})
    assert email._extractor is url._extractor is cued._extractor  # type: ignore[attr-defined]


# -- social handles -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("follow me @sam_k.92!", "@sam_k.92"),
        ("she's @JaneDoe on insta", "@JaneDoe"),
        ("(@ab)", "@ab"),
        ("my tiktok is @" + "a" * 30, "@" + "a" * 30),
        ("u/throwaway123 posted", "u/throwaway123"),
        ("see /u/some_one there", "/u/some_one"),
    ],
)
def test_when_handle_is_written_then_reported(text: str, expected: str) -> None:
    assert matched(SocialHandleRecognizer(), text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "meet @ 5pm",
        "meet @5pm",
        "@10 tomorrow",
        "just @",
        "@a",  # one character
        "jane.doe@example.com",  # the domain of an email
        "r/anxiety is a subreddit",
        "@" + "a" * 31,  # longer than any platform allows
    ],
)
def test_when_at_sign_is_not_a_handle_then_not_reported(text: str) -> None:
    assert matched(SocialHandleRecognizer(), text) == []


# -- IP addresses ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("from 192.168.0.1 last night", "192.168.0.1"),
        ("10.0.0.254", "10.0.0.254"),
        ("host 2001:db8::1 replied", "2001:db8::1"),
        ("fe80::1ff:fe23:4567:890a", "fe80::1ff:fe23:4567:890a"),
        ("6e40:4041:c617:e898:c11:40d2:c669:2eb4", "6e40:4041:c617:e898:c11:40d2:c669:2eb4"),
    ],
)
def test_when_ip_address_is_valid_then_reported(text: str, expected: str) -> None:
    assert matched(IpAddressRecognizer(), text) == [expected]


@pytest.mark.parametrize(
    "text", ["256.1.1.1", "1.2.3", "00:12:45", "[00:01:02.500]", "version 3.8.0", "a::b::c"]
)
def test_when_ip_address_is_invalid_or_a_timestamp_then_not_reported(text: str) -> None:
    assert matched(IpAddressRecognizer(), text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("my portfolio is kezdraws.art", "kezdraws.art"),
        ("see my page at obi.photography/prints", "obi.photography/prints"),
        ("Website: studio-lumen.design.", "studio-lumen.design"),
        ("check out quietfox.studio for my work", "quietfox.studio"),
    ],
)
def test_when_domain_on_a_word_suffix_follows_a_web_cue_then_reported(
        cued_url: EntityRecognizer, web: dict[EntityType, EntityRecognizer], text: str,
        expected: str) -> None:
    assert matched(cued_url, text) == [expected]
    assert matched(web[EntityType.URL], text) == []  # without its cue it would not be one


@pytest.mark.parametrize(
    "text",
    ["i was at work.it was awful", "tired.today i could not", "my site is down.so annoying",
     "the page is fine", "visit mum.thanks"],
)
def test_when_words_run_together_without_a_web_cue_or_suffix_then_no_url(
        cued_url: EntityRecognizer, text: str) -> None:
    assert matched(cued_url, text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("add me on insta, im kestrel.obi_", "kestrel.obi_"),
        ("im nightowl.kez on insta", "nightowl.kez"),
        ("my username on the forum is QuietFox88", "QuietFox88"),
        ("my handle there is quiet.fox.88", "quiet.fox.88"),
        ("From: kez_o99", "kez_o99"),
        ("thanks sleepless_in_leeds, that helped", "sleepless_in_leeds"),
        ("my twitch is zed_plays", "zed_plays"),
    ],
)
def test_when_user_name_has_no_at_sign_but_a_cue_or_underscore_then_reported(
        text: str, expected: str) -> None:
    assert matched(SocialHandleRecognizer(), text) == [expected]


@pytest.mark.parametrize(
    "text",
    ["im bored on insta", "my username is forgotten", "PERSON_1 said hi", "see /u/ and r/x",
     "x is 2.5", "name_", "_private", "Dear <client_name>,", "Hi {first_name}", "[staff_id]",
     "my_notes.txt", "#self_care"],
)
def test_when_cue_has_no_user_name_shape_then_no_handle(text: str) -> None:
    assert matched(SocialHandleRecognizer(), text) == []
