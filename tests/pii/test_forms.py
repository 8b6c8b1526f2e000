"""Forms of personal data found in real exports and letters (hand-written synthetic lines)."""

from __future__ import annotations

import pytest

from toolkit.pii import Redactor


@pytest.mark.parametrize("text, value", [
    ("CLIENT: it started after the party on 8/19.\n", "8/19"),
    ("THERAPIST: I'll send a pass to your teacher for 12/23.\n", "12/23"),
    ("THERAPIST: Speak on Wednesday 11/13.\n", "11/13"),
    ("user: they moved my appointment to 05-12\n", "05-12"),
    ("user: dads appointment got moved to 24-06\n", "24-06"),
    ("CLIENT: the hospital wants to see me on 25.7.22.\n", "25.7.22"),
])
def test_when_day_and_month_come_either_way_round_then_redacted(
        redactor: Redactor, text: str, value: str) -> None:
    assert value not in redactor.redact_text(text)


@pytest.mark.parametrize("text", [
    "CLIENT: I'd say I'm on 7/10 today.\n",
    "CLIENT: it was 2/3 of the time.\n",
    "CLIENT: I scored 9/21 on the GAD-7.\n",
    "CLIENT: version 1.2.10 of the app crashed.\n",
])
def test_when_numbers_are_scores_fractions_or_versions_then_kept(
        redactor: Redactor, text: str) -> None:
    assert redactor.redact_text(text) == text


@pytest.mark.parametrize("text, value", [
    ("Intake – Thornbury Talking Therapies – 3 June 2024\n", "Thornbury"),
    ("Hi, this is Sam with Redcliff Behavioral Health.\n", "Redcliff"),
    ("CLIENT: I was referred to Millbeck Family Counseling.\n", "Millbeck"),
    ("KLIENT: Můj syn chodí do Obchodní akademie Vsetín.\n", "Vsetín"),
    ("KLIENT: Diagnózu mi dali v Ambulance klinické psychologie Kroměříž.\n", "Kroměříž"),
    ("CLIENT: I did a year at Jihočeská zemědělská univerzita.\n", "Jihočeská"),
    ("CLIENT: I was in Ysbyty Glanrhyd for a week.\n", "Glanrhyd"),
    ("CLIENT: I've been with Brantwood Building nearly six years.\n", "Brantwood"),
    ("CLIENT: she's at Nando's till six.\n", "Nando"),
])
def test_when_organisation_is_named_by_its_kind_or_cue_then_redacted(
        redactor: Redactor, text: str, value: str) -> None:
    assert value not in redactor.redact_text(text)


@pytest.mark.parametrize("text, value", [
    ("Pt: The address is 106, Tannergate, Gateshead, NE9 2RA.\n", "Tannergate"),
    ("Pt: I've got 203, Kirkgate.\n", "Kirkgate"),
    ("Pt: it's 28, Bryn Celyn, Shrewsbury, SY4 6GX, yes?\n", "Celyn"),
    ("member: i live with my parents on Heol y Dderwen so theres no hiding\n", "Dderwen"),
    ("CLIENT: I'm at 185 Elmwood Avenue Apt. 16, Tuscaloosa AL, 35413 now.\n", "35413"),
    ("KLIENT: Bydlím na náměstí Míru, v rohovém domě.\n", "Míru"),
    ("KLIENT: Jsem na Palackého náměstí, poslední dům.\n", "Palackého"),
])
def test_when_street_has_no_type_word_or_a_welsh_or_czech_one_then_redacted(
        redactor: Redactor, text: str, value: str) -> None:
    assert value not in redactor.redact_text(text)


@pytest.mark.parametrize("text, value", [
    ("CLIENT: My dad lives in Stirling now.\n", "Stirling"),
    ("CLIENT: My sister lives out in Stirling, so I don't see her.\n", "Stirling"),
])
def test_when_a_town_shares_its_name_with_its_county_then_the_town_is_redacted(
        redactor: Redactor, text: str, value: str) -> None:
    assert value not in redactor.redact_text(text)


@pytest.mark.parametrize("text, value", [
    ("YP (9:33 AM): dvořáček keeps picking on me\n", "dvořáček"),
    ("user: otilie said she would come\n", "otilie"),
    ("Q: Is Ubah still living in Kilmarnock?\n", "Ubah"),
    ("Counselor: Does Precious know you're coming?\n", "Precious"),
    ("Student: My mum's Precious, she works late.\n", "Precious"),
])
def test_when_name_is_the_subject_or_asked_about_then_redacted(
        redactor: Redactor, text: str, value: str) -> None:
    assert value not in redactor.redact_text(text)


@pytest.mark.parametrize("text", [
    "user: nobody said anything\n", "user: mum said no\n", "user: work is hard\n",
    "THERAPIST: Is Wysa still helping?\n", "THERAPIST: Is Monday still okay?\n",
    "THERAPIST: Is Samaritans someone you would ring?\n",
])
def test_when_subject_or_question_has_no_name_then_kept(redactor: Redactor, text: str) -> None:
    assert redactor.redact_text(text) == text


@pytest.mark.parametrize("text, value", [
    ("Clinician: Is 773 986 718 okay for a text reminder?\n", "986"),
    ("KLIENT: volala mi z 724 701 398 včera\n", "701"),
])
def test_when_czech_mobile_is_grouped_or_cued_after_then_redacted(
        redactor: Redactor, text: str, value: str) -> None:
    assert value not in redactor.redact_text(text)


def test_when_nine_grouped_digits_are_not_a_mobile_then_kept(redactor: Redactor) -> None:
    text = "CLIENT: the flat cost 235 000 000 crowns, and I walked 12 345 678 steps.\n"
    assert redactor.redact_text(text) == text


@pytest.mark.parametrize("text", [
    "user: covid was awful\n", "user: insta was full of it\n", "user: uni was hard\n",
    "user: ptsd is the worst\n", "user: cbt was useful\n",
])
def test_when_chat_word_opens_a_sentence_before_a_verb_then_kept(redactor: Redactor,
                                                                 text: str) -> None:
    assert redactor.redact_text(text) == text
