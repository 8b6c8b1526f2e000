"""Forms of personal data found by red-team probe lines (written by helpers who read no
confide code): spoken and spaced phone numbers, Czech 3-2-2-2 numbers, dodged e-mail
addresses, handles named by their platform, addresses in every style, and dates people
type. All values are invented."""

from __future__ import annotations

import pytest

from tests.pii._spans import found as _found
from tests.pii._spans import found_within, within_none
from toolkit.pii import EntityType, Redactor
from toolkit.pii.recognizers.spoken_phone import SpokenPhoneRecognizer, spoken_digits


@pytest.mark.parametrize("said, digits", [
    ("oh seven seven double oh, nine double oh, three four one", "07700900341"),
    ("oh seven seven double zero, nine hundred, four two one", "07700900421"),
    ("šest nula osm, čtyři čtyři pět, jedna jedna dva", "608445112"),
    ("0 7 7 0 0 - 9 0 0 - 6 6 6", "07700900666"),
    ("triple five, oh one four", "555014"),
    ("seven bananas", None),
    ("hundred and one", None),
])
def test_when_digits_are_said_one_by_one_then_spelt_out(said: str, digits: str | None) -> None:
    assert spoken_digits(said) == digits


@pytest.mark.parametrize("text, value", [
    ("Client: It's oh seven seven double oh, nine double oh, three four one, got that?",
     "oh seven seven double oh, nine double oh, three four one"),
    ("please call 0 7 7 0 0 9 0 0 2 1 9 its my mums", "0 7 7 0 0 9 0 0 2 1 9"),
    ("moje cislo: šest nula osm, čtyři čtyři pět, jedna jedna dva",
     "šest nula osm, čtyři čtyři pět, jedna jedna dva"),
])
def test_when_phone_number_is_said_digit_by_digit_then_found(
        redactor: Redactor, text: str, value: str) -> None:
    assert _found(redactor, text).get(value) == EntityType.PHONE_NUMBER.value


@pytest.mark.parametrize("text", ["rate it 1 2 3 4 5 6 7 8 9 10", "1 1 1 1 1 1 1 1 1 1",
                                  "one two three four five, once I caught a fish alive"])
def test_when_digits_count_or_repeat_then_no_phone(text: str) -> None:
    rec = SpokenPhoneRecognizer()
    assert rec.analyze(text, rec.supported_entities, None) == []


@pytest.mark.parametrize("text, value, kind", [
    ("napiš mi na 602 12 34 56, na messenger nechodím", "602 12 34 56", EntityType.PHONE_NUMBER),
    ("Tel.: 00420 724 55 66 77", "00420 724 55 66 77", EntityType.PHONE_NUMBER),
    ("Kdyby něco, jsem na čísle 736 21 09 87 nonstop.", "736 21 09 87",
     EntityType.PHONE_NUMBER),
    ("you can email me on tom.hale [at] gmail.com", "tom.hale [at] gmail.com",
     EntityType.EMAIL_ADDRESS),
    ("pošli mi to na honza.dvorak(at)centrum.cz", "honza.dvorak(at)centrum.cz",
     EntityType.EMAIL_ADDRESS),
    ("Write to me: chris (dot) dale (at) btinternet (dot) com",
     "chris (dot) dale (at) btinternet (dot) com", EntityType.EMAIL_ADDRESS),
    ("e-mail: lenka.maresova at gmail tecka com", "lenka.maresova at gmail tecka com",
     EntityType.EMAIL_ADDRESS),
    ("gmail: pat.obrien.1962 at gmail", "pat.obrien.1962 at gmail", EntityType.EMAIL_ADDRESS),
    ("add me on discord its vanta.moth", "vanta.moth", EntityType.SOCIAL_HANDLE),
    ("She sells on Vinted as saraswardrobe_ to make rent.", "saraswardrobe_",
     EntityType.SOCIAL_HANDLE),
    ("My daughter's BeReal is izzybee and strangers can see it.", "izzybee",
     EntityType.SOCIAL_HANDLE),
    ("Cashapp $TreyMoney22 if you wanna send me back the 20", "$TreyMoney22",
     EntityType.SOCIAL_HANDLE),
    ("Mail goes to PO Box 218, Ely, NV 89301 since we don't", "PO Box 218, Ely, NV 89301",
     EntityType.STREET_ADDRESS),
    ("It's the trailer at 8801 Highway 90 E, Lot 12, the white one",
     "8801 Highway 90 E, Lot 12", EntityType.STREET_ADDRESS),
    ("They dropped me at 7 S 200 W, Logan, UT and drove off.", "7 S 200 W, Logan, UT",
     EntityType.STREET_ADDRESS),
    ("Address on file: 410 Pine St., Ste. 300, Burlington, VT 05401",
     "410 Pine St., Ste. 300, Burlington, VT 05401", EntityType.STREET_ADDRESS),
    ("user: im at flat 2/1, 56 dumbarton rd, glasgow if anyone asks",
     "flat 2/1, 56 dumbarton rd, glasgow", EntityType.STREET_ADDRESS),
    ("She's at No. 3 Bridge Cottages, Hebden Bridge now", "No. 3 Bridge Cottages, Hebden Bridge",
     EntityType.STREET_ADDRESS),
    ("My nan's bungalow is 2 The Paddocks, Little Snoring, just outside",
     "2 The Paddocks, Little Snoring", EntityType.STREET_ADDRESS),
    ("i got a room on hope street near the uni", "hope street", EntityType.STREET_ADDRESS),
    ("Pracuju kousek od ul. 28. října, takže", "ul. 28. října", EntityType.STREET_ADDRESS),
    ("uzivatel: muzete poslat pomoc na tyrsova 6, cesky krumlov? je mi zle",
     "tyrsova 6, cesky krumlov", EntityType.STREET_ADDRESS),
    ("Bydlíme na sídlišti, Halasovo nám. 4.", "Halasovo nám. 4", EntityType.STREET_ADDRESS),
    ("it happened on 3 . 5 . 2021 and i still", "3 . 5 . 2021", EntityType.DATE),
    ("dob is 23rd nov 90", "23rd nov 90", EntityType.DATE),
    ("My last drink was the 14th of February.", "the 14th of February", EntityType.DATE),
    ("Date of incident: 15th  March  2022", "15th  March  2022", EntityType.DATE),
    ("Sessions run 4/9 to 11/12 this term.", "4/9 to 11/12", EntityType.DATE),
    ("schuzka je 14.3 nebo 15.3, uvidime", "15.3", EntityType.DATE),
    ("date of birth - seventh of march ninety-one", "seventh of march ninety-one",
     EntityType.DATE),
])
def test_when_probe_form_is_written_then_found_whole(
        redactor: Redactor, text: str, value: str, kind: EntityType) -> None:
    assert _found(redactor, text).get(value) == kind.value


@pytest.mark.parametrize("text", [
    "my insta is private now", "my username is forgotten", "i deleted twitter its toxic",
    "I'm at home dot by dot", "I was at gmail for 3 years", "I paid for 2.5 hours",
    "posledni 3 dny jsem na dne", "take the SR 9 bus",
])
def test_when_probe_look_alike_is_written_then_nothing_found(
        redactor: Redactor, text: str) -> None:
    assert _found(redactor, text) == {}


def test_when_chat_export_sender_is_an_english_word_among_people_then_redacted(
        redactor: Redactor) -> None:
    text = ("14/03/2024, 19:02 - Gaz added Becks, +44 7700 900417 and Tendai\n"
            "14/03/2024, 19:05 - Nest: yeh im in\n14/03/2024, 19:06 - Gaz: ok\n"
            "14/03/2024, 19:07 - Nest: see you there\n")
    found = _found(redactor, text)
    assert found.get("Becks") == found.get("Tendai") == EntityType.PERSON.value
    assert found.get("Nest") == EntityType.PERSON.value


@pytest.mark.parametrize("text", [
    "(09:31) Visitor: hi\n(09:32) Adviser: hello\n(09:33) Visitor: ok\n",
    "[19 Dec 2023, 13:26] Received: Sorry, bus\n[19 Dec 2023, 13:28] Sent: ok\n"
    "[19 Dec 2023, 13:29] Received: fine\n",
])
def test_when_english_word_senders_sit_beside_roles_or_each_other_then_kept(
        redactor: Redactor, text: str) -> None:
    found = _found(redactor, text)
    assert not {"Visitor", "Received", "Sent", "Adviser"} & set(found)


@pytest.mark.parametrize("text, value, kind", [
    # handles with hyphens, after "on X as", "X is", "shes ... on there", Czech "jsem jako"
    ("I'm on Hinge as fenwick-a, there's a group", "fenwick-a", EntityType.SOCIAL_HANDLE),
    ("My TikTok is bramley-r, I post the walk photos", "bramley-r", EntityType.SOCIAL_HANDLE),
    ("my ex posted about me on Hinge, shes lark-hollis22 on there", "lark-hollis22",
     EntityType.SOCIAL_HANDLE),
    ("Na Messenger jsem jako ota-vitek__sova5, je tam skupina", "ota-vitek__sova5",
     EntityType.SOCIAL_HANDLE),
    # Czech and English employers, schools and clinics after their cue
    ("Pracuju ve firmě hospoda U Zlatého kohouta, na směny", "hospoda U Zlatého kohouta",
     EntityType.ORGANIZATION),
    ("Paní doktorka mi z ordinace Praktik Lhota s.r.o. dala neschopenku",
     "ordinace Praktik Lhota s.r.o.", EntityType.ORGANIZATION),
    ("Studovala jsem na škole UMPRUM, skončila jsem v roce 2017.", "UMPRUM",
     EntityType.ORGANIZATION),
    ("Přes léto jsem byl hospitalizovaný (Rokycanská nemocnice), takže", "Rokycanská nemocnice",
     EntityType.ORGANIZATION),
    ("You said Awen at the Lamb and Flag called you into the office.", "Lamb and Flag",
     EntityType.ORGANIZATION),
    ("You said you first saw someone at Mind in Furness.", "Mind in Furness",
     EntityType.ORGANIZATION),
    ("Hi Shahzad, it's Ilse from Kernow Talking Together. Just confirming your slot.",
     "Kernow Talking Together", EntityType.ORGANIZATION),
    ("you: my boss casimir at Marshall of Cambridge basically said", "Marshall of Cambridge",
     EntityType.ORGANIZATION),
    # places
    ("bot: you mentioned plaistow earlier. is there somewhere calm", "plaistow",
     EntityType.LOCATION),
    ("Je mi 65, bydlím v obci Babice nad Svitavou a s psychiatrií", "Babice nad Svitavou",
     EntityType.LOCATION),
    # dates with a weekday and no year
    ("I'm at my sister's in Ripon till Mon, 09-01", "Mon, 09-01", EntityType.DATE),
    ("the meeting with Pritesh on Tue 5.7 is weighing on you", "Tue 5.7", EntityType.DATE),
    ("the meeting on neděle 25.V. is weighing on you", "neděle 25.V", EntityType.DATE),
    # names in chatbot frames
    ("[Replika] it sounds like oighrig really matters to you.", "oighrig", EntityType.PERSON),
    ("ChatGPT: ok fozia, i'm listening.", "fozia", EntityType.PERSON),
    ("you > i got a text from gormlaith saying she's worried", "gormlaith", EntityType.PERSON),
    ("ségra markétka mi píše z čísla, a já nemám sílu", "markétka", EntityType.PERSON),
    ("FACILITATOR: Efa here, for anyone new.", "Efa", EntityType.PERSON),
])
def test_when_blind6_form_is_written_then_found(
        redactor: Redactor, text: str, value: str, kind: EntityType) -> None:
    """Forms from the spent blind6 family (their general shape, with new values)."""
    assert _found(redactor, text).get(value) == kind.value


@pytest.mark.parametrize("text", [
    "I'm on Discord as well-known", "Mon 2.5 mg", "sun 3.5 hours", "see point 4. I. below",
    "ok then, lets go", "i got a text from work saying", "Everyone here, please sit",
])
def test_when_blind6_look_alike_is_written_then_nothing_found(
        redactor: Redactor, text: str) -> None:
    assert _found(redactor, text) == {}


@pytest.mark.parametrize("text, value, kind", [
    # dates: Roman months between slashes, upper-case Mon-DD-YYYY, "Month D of YYYY", "Dth/mon"
    ("Tatínek mi volal 14/IX/2023 a pohádali jsme se.", "14/IX/2023", EntityType.DATE),
    ("Follow-up note, OCT-02-2023, client seen alone", "OCT-02-2023", EntityType.DATE),
    ("I was on the list from March 3 of 2019 and heard nothing", "March 3 of 2019",
     EntityType.DATE),
    ("chat export ref 4471 17th/mar", "17th/mar", EntityType.DATE),
    # the month of a year, in English and Czech cases
    ("i only moved to hull in sept 2020 for uni", "sept 2020", EntityType.DATE),
    ("She went back to work in May of '21 and it fell apart.", "May of '21", EntityType.DATE),
    ("Rozvedli jsme se v říjnu 2018, od té doby", "říjnu 2018", EntityType.DATE),
    ("Obavy z návratu do práce po 3. dubnu. Jinak klid.", "3. dubnu", EntityType.DATE),
    # "the" and a day's ordinal ending a clause; ranges
    ("her birthday's the 26th right", "the 26th", EntityType.DATE),
    ("the rent is late, landlord wants it by the 5th of this month", "the 5th of this month",
     EntityType.DATE),
    ("jsem pryč od 12. do 16. 8. a pak zase", "12. do 16. 8", EntityType.DATE),
    ("admitted from 4/11 to 4/19/2023 then discharged", "4/11", EntityType.DATE),
    ("I'm off Jun 3–7, Priya is covering", "Jun 3–7", EntityType.DATE),
    # organisations with a lower-case kind after the name, Czech kinds, saints, "X of Y"
    ("My cousin works at Westgate Bus depot and hates it", "Westgate Bus depot",
     EntityType.ORGANIZATION),
    ("She was at Larchfield House eating disorder unit for a year", "Larchfield House eating "
     "disorder unit", EntityType.ORGANIZATION),
    ("I started at University of St Hild and St Bede in 2019", "University of St Hild and "
     "St Bede", EntityType.ORGANIZATION),
    ("Dopis mi poslala ambulance praktického lékaře Na Výsluní, prý", "ambulance praktického "
     "lékaře Na Výsluní", EntityType.ORGANIZATION),
    ("I saw MUDr. Říha at MUDr. Žďárský s.r.o. last week", "MUDr. Žďárský s.r.o",
     EntityType.ORGANIZATION),
    ("My GP referred me to the Quayside Counselling Rooms after that", "Quayside Counselling "
     "Rooms", EntityType.ORGANIZATION),
    ("My son's school, Sacred Heart RC Primary, rang again", "Sacred Heart RC Primary",
     EntityType.ORGANIZATION),
    ("Tom mentioned Hospice of the Downs runs a group", "Hospice of the Downs",
     EntityType.ORGANIZATION),
    ("She goes to a lunch club at St Aidan's on Fridays", "St Aidan's", EntityType.ORGANIZATION),
    ("are you still at the Fleece of Ramsbury on weds", "Fleece of Ramsbury",
     EntityType.ORGANIZATION),
    ("my therapist at wiltshire talking therapies said the same", "wiltshire talking therapies",
     EntityType.ORGANIZATION),
    # places: US town and state code, a Czech town on its river, lower-case towns after
    # "live with my mum in", "went back to"
    ("Her mother lives in Sandusky OH and visits", "Sandusky OH", EntityType.LOCATION),
    ("im Bořivoj from Bystřice nad Pernstejnem", "Bystřice nad Pernstejnem",
     EntityType.LOCATION),
    ("user: live with my nan in wivenhoe and she doesnt get it", "wivenhoe",
     EntityType.LOCATION),
    ("I went back to Chagford at the weekend and saw my dad", "Chagford", EntityType.LOCATION),
    # a street with its state code and ZIP after it
    ("We moved to 44 Mill Pond Road, Abingdon VA, VA 24210 in May", "44 Mill Pond Road, "
     "Abingdon VA, VA 24210", EntityType.STREET_ADDRESS),
    # names: "Hello again X", "Is it still X?", "Říkejte mi X", initials
    ("TH: Hello again Ofelia. Before we start", "Ofelia", EntityType.PERSON),
    ("Is it still Tendekai? What would help", "Tendekai", EntityType.PERSON),
    ("Klient: Říkejte mi Bohdanka, tak mi říkají všichni.", "Bohdanka", EntityType.PERSON),
    ("heads up — K.L. called the front desk, running late", "K.L", EntityType.PERSON),
    # a nine-digit insurance member ID or SSN, its name far before it
    ("And your member ID for the form, have you got it with you? It's 418253067?",
     "418253067", EntityType.US_SSN),
])
def test_when_blind7_or_probe_form_is_written_then_found(
        redactor: Redactor, text: str, value: str, kind: EntityType) -> None:
    """Forms from the spent blind7 family and the third probe set (new values)."""
    assert _found(redactor, text).get(value) == kind.value


@pytest.mark.parametrize("text", [
    "you may 2000 times", "we march 2020 people out", "for the 2nd time",
    "this is the 5th session", "she lives in the U.S. now",
    "at 9 A.M. tomorrow", "It Works, honestly", "Mám to v Excelu a v Teams.",
    "I live at home with my mum in a flat",
])
def test_when_blind7_look_alike_is_written_then_nothing_found(
        redactor: Redactor, text: str) -> None:
    assert _found(redactor, text) == {}


def test_when_address_is_followed_by_prose_then_it_ends_before_it(redactor: Redactor) -> None:
    text = "I live at 12 Oak Road, Springfield, IL 62704 now"
    assert _found(redactor, text) == {"12 Oak Road, Springfield, IL 62704":
                                      EntityType.STREET_ADDRESS.value}


@pytest.mark.parametrize("text, kept", [
    ("Henry the 8th.", "the 8th"), ("on St Patrick's Day we", "St Patrick's"),
    ("Obavy z návratu do práce po 3. dubnu.", "po 3. dubnu"),
])
def test_when_word_only_looks_like_part_of_a_date_or_name_then_not_taken(
        redactor: Redactor, text: str, kept: str) -> None:
    """A king's ordinal is no date, a saint's day is no church, "po" (after) is no Monday."""
    assert kept not in _found(redactor, text)


def test_when_unknown_village_follows_a_czech_preposition_then_redacted(
        redactor: Redactor) -> None:
    text = "Jarmil Vondra: vyzvednes me v Hradčín? autobus nejede"
    assert "Hradčín" in _found(redactor, text)


@pytest.mark.parametrize("text, value", [
    ("me: ok. im tesfaye\nAI: thanks for telling me that", "tesfaye"),
    ("uživatel: čau, tady bohunka. hroznej den", "bohunka"),
    ("uživatel: ahoj, jsem radoslava a zase nemůžu spát", "radoslava"),
    ("uživatel: s kojmír jsme se pohádali na Messengeru", "kojmír"),
    ("uživatel: můj přítel dobromil odešel a nebere telefon", "dobromil"),
    ("me: my sister halina brogden lives in hexham and wont pick up", "halina brogden"),
    ("Counsellor: Was it Tendayi who kept the flat on the estate?", "Tendayi"),
])
def test_when_name_sits_in_a_chat_or_czech_frame_then_found(
        redactor: Redactor, text: str, value: str) -> None:
    assert _found(redactor, text).get(value) == EntityType.PERSON.value


@pytest.mark.parametrize("text", [
    "user: last week was ok ish\nassistant: ok", "ahoj, jsem unavená a zase nemůžu spát",
    "ahoj, jsem unavena a zase", "s tebou jsme to probírali", "je pet a porad jsem vzhuru\nAI: ok",
])
def test_when_word_fills_a_name_frame_but_is_a_word_then_kept(
        redactor: Redactor, text: str) -> None:
    assert EntityType.PERSON.value not in _found(redactor, text).values()


@pytest.mark.parametrize("text, value, kind", [
    ("Datum: čt 14. 3. 2024 09:10", "čt 14. 3. 2024", EntityType.DATE),
    ("not seen by our service since Xmas 2022 comma", "Xmas 2022", EntityType.DATE),
    ("přestal jsem po vánocích 2021 a od té doby nic", "vánocích 2021", EntityType.DATE),
    ("a DUI from last New Year's Eve, and", "New Year's Eve", EntityType.DATE),
    ("they want the deposit by the 12th of next month.", "the 12th of next month",
     EntityType.DATE),
    ("Northgate Family Counseling Associates, PLLC", "Northgate Family Counseling Associates, "
     "PLLC", EntityType.ORGANIZATION),
    ("recidiva v pátek, v hospodě U Jelena, stud", "hospodě U Jelena", EntityType.ORGANIZATION),
    ("Skupina — Denní stacionář Modřín, úterý", "Denní stacionář Modřín",
     EntityType.ORGANIZATION),
    ("pracuje jako účetní u Komerční banky od jara", "Komerční banky", EntityType.ORGANIZATION),
    ("user: my mom keeps saying come back to altoona", "altoona", EntityType.LOCATION),
    ("user: yeah. my pal kez says just go back", "kez", EntityType.PERSON),
])
def test_when_third_probe_form_is_written_then_found(
        redactor: Redactor, text: str, value: str, kind: EntityType) -> None:
    assert _found(redactor, text).get(value) == kind.value


def test_when_prague_district_follows_then_it_is_part_of_the_place(redactor: Redactor) -> None:
    assert "Praze 6" in _found(redactor, "Bydlím teď v Praze 6 u nádraží.")


@pytest.mark.parametrize("text", ["v hospodě na návsi jsme seděli", "come to terms with it",
                                  "Christmas is hard", "Prague 2:1 Brno"])
def test_when_third_probe_look_alike_is_written_then_no_new_span(
        redactor: Redactor, text: str) -> None:
    found = _found(redactor, text)
    assert not {"hospodě na návsi", "terms", "Christmas", "Prague 2"} & set(found)


@pytest.mark.parametrize("text, value, kind", [
    ("her uncle, who she called \"Big Mo\", has been turning up", "Big Mo", EntityType.PERSON),
    ("Caller: male, 50s, first name \"Dwayne\". Calling from a car park", "Dwayne",
     EntityType.PERSON),
    ("NEW PATIENT INTAKE - Red Mesa Psychiatry PLLC, Tempe", "Red Mesa Psychiatry PLLC",
     EntityType.ORGANIZATION),
    ("my new address is 2210 14th Ave SE, Apt 7, Olympia now", "2210 14th Ave SE, Apt 7",
     EntityType.STREET_ADDRESS),
    ("date of birth the 4th of the 11th, 2009. He is under", "the 4th of the 11th, 2009",
     EntityType.DATE),
    ("uživatel: bydlím s kubou a terkou na žižkově", "terkou", EntityType.PERSON),
    ("uživatel: od té doby co odešel honza a já musím dělat za dva", "honza", EntityType.PERSON),
])
def test_when_fourth_probe_form_is_written_then_found(
        redactor: Redactor, text: str, value: str, kind: EntityType) -> None:
    """The value lies inside one found span of its type (the span may reach further)."""
    assert kind.value in found_within(redactor, text, value)


@pytest.mark.parametrize("text, kept", [
    ("Caller gave address to ambulance while on speaker: 41 Bute Street", "ambulance"),
    ("Zprávu obdrží: praktický lékař MUDr. Jiří Vlček, pacient.", "praktický lékař MUDr"),
    ("o problému ví jen babička, která bydlí jinde.", "která"),
    ("Nechci skončit tam, kde jsem byla loni.", "loni"),
    ("Jak jste se měla od minula?", "měla"),
    ("Jak to dopadlo s tou hospitalizací?", "tou"),
    ("the app called \"Calm\" helps", "Calm"),
])
def test_when_fourth_probe_look_alike_is_written_then_kept(
        redactor: Redactor, text: str, kept: str) -> None:
    assert kept not in _found(redactor, text)


def test_when_word_like_name_labels_speak_beside_named_speakers_then_redacted(
        redactor: Redactor) -> None:
    """"WILL:" is a four-letter capital label, like the role code "PWP"; beside "LORRAINE:"
    it is a person, and "Will here." with it; "I will be honest" keeps its verb."""
    text = ("LORRAINE: Welcome back.\nWILL: Will here. I will be honest.\n"
            "LORRAINE: Glad you made it.\nWILL: My sister gave me a lift.\n")
    spans = redactor.detect([text])
    values = [text[s.start:s.end] for s in spans]
    assert values.count("WILL") == 2 and "Will" in values
    assert not any(text[s.start:s.end] == "will" for s in spans)


def test_when_word_like_name_label_sits_beside_a_role_then_kept(redactor: Redactor) -> None:
    assert _found(redactor, "THERAPIST: hi\nHOPE: ok\nTHERAPIST: so\nHOPE: yes\n") == {}


@pytest.mark.parametrize("text, value, kind", [
    ("Re: Mr Aled Pryce, date of birth fourteenth of the third seventy-nine, new paragraph",
     "fourteenth of the third seventy-nine", EntityType.DATE),
    ("Boxing Day 2022, we went to the Duke of Wellington. Ten years married.",
     "Duke of Wellington", EntityType.ORGANIZATION),
    ("kontrola je v Krajske nemocnici Jihlava, jdu s tebou", "Krajske nemocnici",
     EntityType.ORGANIZATION),
    ("Student 3. ročníku SPŠ elektrotechnická Písek. Od září", "SPŠ elektrotechnická Písek",
     EntityType.ORGANIZATION),
    ("Tenant of Willow Creek Apartments since spring", "Willow Creek Apartments",
     EntityType.ORGANIZATION),
    ("SELF-REFERRAL FORM - Tamarside Wellbeing (online)", "Tamarside Wellbeing",
     EntityType.ORGANIZATION),
    ("Referred from Paducah, KY by her PCP", "Paducah, KY", EntityType.LOCATION),
])
def test_when_fifth_probe_form_is_written_then_found(
        redactor: Redactor, text: str, value: str, kind: EntityType) -> None:
    assert kind.value in found_within(redactor, text, value)


@pytest.mark.parametrize("text, kept", [
    ("the first of the second half was better", "the first of the second"),
    ("Thanks Sam, OK see you", "OK"),
])
def test_when_fifth_probe_look_alike_is_written_then_kept(
        redactor: Redactor, text: str, kept: str) -> None:
    assert within_none(redactor, text, kept)


@pytest.mark.parametrize("text, value", [
    ("I can't go into the Morrisons in Harehills on my own", "Morrisons"),
    ("Then I went to Lidl in Chapeltown after", "Lidl"),
])
def test_when_shop_is_named_with_its_town_then_its_name_is_redacted(
        redactor: Redactor, text: str, value: str) -> None:
    # an organisation (with its town), or a name by spaCy's reading
    assert found_within(redactor, text, value)


@pytest.mark.parametrize("text, value, kind", [
    ("smlouva je na me a na ni, Slunecna 1174/38", "Slunecna 1174/38",
     EntityType.STREET_ADDRESS),
    ("chata u Rymarova, adresa Hraběšice 17", "Hraběšice 17", EntityType.STREET_ADDRESS),
    ("první den v nové práci v Lékárně U Bílého jelena", "Lékárně U Bílého jelena",
     EntityType.ORGANIZATION),
    ("Soud: Krajský soud v Hradci Králové", "Krajský soud v Hradci Králové",
     EntityType.ORGANIZATION),
    ("jsem v PN Bohnice do 20.2., pak", "PN Bohnice", EntityType.ORGANIZATION),
    ("Mark this day on the calendar: 4.8.24.", "4.8.24", EntityType.DATE),
    ("Flat 2B, The Granary, 9 Mill Rd, Ely", "Flat 2B, The Granary, 9 Mill Rd",
     EntityType.STREET_ADDRESS),
])
def test_when_sixth_probe_form_is_written_then_found(
        redactor: Redactor, text: str, value: str, kind: EntityType) -> None:
    assert kind.value in found_within(redactor, text, value)


def test_when_four_letter_name_labels_speak_beside_named_speakers_then_redacted(
        redactor: Redactor) -> None:
    """"DEAN:" has the shape of a role code ("PWP:"); beside "PRIYA:" it is a person."""
    text = "THERAPIST: hi\nDEAN: Nowhere.\nPRIYA: He was.\nDEAN: I was not.\nPRIYA: ok\n"
    found = [text[s.start:s.end] for s in redactor.detect([text])]
    assert found.count("DEAN") == 2 and "THERAPIST" not in found
    assert _found(redactor, "PWP: hi\nCL: ok\nPWP: so\nCL: yes\n") == {}


@pytest.mark.parametrize("text, kept", [
    ("My C.P.N. said I should rest.", "C.P.N"),
    ("s přítelem jsme se rozešli.", "přítelem"),
    ("s tátou jsme nemluvili.", "tátou"),
    ("hádal jsem se s ženou", "ženou"),
    ("můj přítel zase odešel", "zase"),
    ("I read a book called \"Atomic Habits\" last week.", "Atomic Habits"),
    ("She calls them \"Bad Days\".", "Bad Days"),
    ("čau, jsem vzhůru a nemůžu spát.", "vzhůru"),
    ("im okk\nAI: ok", "okk"),
    ("my friend sam prolly thinks so", "sam prolly"),
    ("Vyhrála nad Annou.", "Vyhrála nad Annou"),
    ("I talked to Sam, OK?", "Sam, OK"),
    ("Dnes: Panika 7/10, spánek 4/10.", "Panika 7/10"),
    ("It was St Stephen's day so everything was shut.", "St Stephen's"),
    ("I'm the 3rd, if you count my half-brother.", "the 3rd"),
    ("Python 3.9.18 broke it", "3.9.18"),
    ("Byla jsem v Praze 3x.", "Praze 3"),
    ("Bydlela jsem v Praze 2 roky.", "Praze 2"),
    ("Brain keeps saying no.", "Brain"),
])
def test_when_review_look_alike_is_written_then_not_taken(
        redactor: Redactor, text: str, kept: str) -> None:
    """False positives a reviewer found in this session's rules (before they were fixed)."""
    assert kept not in _found(redactor, text)


def test_when_street_name_has_and_in_it_then_the_address_stays_whole(
        redactor: Redactor) -> None:
    text = "my address is 12 Castle and Ball Lane, Leeds"
    assert any("12 Castle and Ball Lane" in span for span in _found(redactor, text))


def test_when_us_town_and_state_end_the_message_then_both_are_taken(
        redactor: Redactor) -> None:
    assert "Blorvington OH" in _found(redactor, "I grew up in Blorvington OH")


@pytest.mark.parametrize("text, value, kind", [
    # dates: year, month and day run together; a weekday and a day said in words; a Roman
    # month without a year, written without a space
    ("We had it out again on 20230418.", "20230418", EntityType.DATE),
    ("Same time on 20241102, then.", "20241102", EntityType.DATE),
    ("So the Monday after Friday sixth is when it started.", "Friday sixth", EntityType.DATE),
    ("My nan died on Tuesday twenty-second.", "Tuesday twenty-second", EntityType.DATE),
    ("We argued again on Sunday first.", "Sunday first", EntityType.DATE),
    ("Volala vám maminka 09.X.? Jak to dopadlo?", "09.X", EntityType.DATE),
    ("Uvidíme se 21.V. v devět.", "21.V", EntityType.DATE),
    # a business and its branch's town or street, as one organisation
    ("I work nights at Pondlake Tyres in Ossett, stacking.", "Pondlake Tyres in Ossett",
     EntityType.ORGANIZATION),
    ("im at Greggs in Mirfield till nine", "Greggs in Mirfield", EntityType.ORGANIZATION),
    ("I made it to Boots on the High Street twice.", "Boots on the High Street",
     EntityType.ORGANIZATION),
    ("she's at the Co-op on Tanner Street now", "Co-op on Tanner Street",
     EntityType.ORGANIZATION),
    ("he's parked outside Waffle House on Exit 31.", "Waffle House on Exit 31",
     EntityType.ORGANIZATION),
    ("payday at the Royal Mail sorting office in Kelso", "Royal Mail sorting office in Kelso",
     EntityType.ORGANIZATION),
    # wards and units by their number, name or letter
    ("I was in Tolworth General, on Adolescent Unit 3, for a month.", "Adolescent Unit 3",
     EntityType.ORGANIZATION),
    ("I was on the Heron Mother and Baby Unit for a bit.", "Heron Mother and Baby Unit",
     EntityType.ORGANIZATION),
    ("I was in Mercy Valley, on 6 West, from May.", "6 West", EntityType.ORGANIZATION),
    ("Byla jsem v PN Kosmonosy na oddělení 7, pak doma.", "oddělení 7",
     EntityType.ORGANIZATION),
    ("zpráva z Nemocnice Kolín, akutní příjem C, uvádí", "akutní příjem C",
     EntityType.ORGANIZATION),
    # kinds of business after their name
    ("things at Dooley's Feed Store have been bad", "Dooley's Feed Store",
     EntityType.ORGANIZATION),
    ("Letter to Dr. Hale, Bitterroot Family Physicians.", "Bitterroot Family Physicians",
     EntityType.ORGANIZATION),
    ("from my course at Univ. of Montana", "Univ. of Montana", EntityType.ORGANIZATION),
    ("Did your GP at ordinace praktického lékaře Lhotka know?",
     "ordinace praktického lékaře Lhotka", EntityType.ORGANIZATION),
    # street types and a town between the street and its postcode
    ("she lives on 14b Quarry Brow, near me", "14b Quarry Brow", EntityType.STREET_ADDRESS),
    ("pick me up from Flat 4, 22 Mill Garth?", "Flat 4, 22 Mill Garth",
     EntityType.STREET_ADDRESS),
    ("Is 8 Bargeman's Reach still right?", "8 Bargeman's Reach", EntityType.STREET_ADDRESS),
    ("the flat on Aspen Hollow Cir should be ready", "Aspen Hollow Cir",
     EntityType.STREET_ADDRESS),
    ("your address as 12 Kirk Row Tongue IV27 4XY. I", "12 Kirk Row Tongue IV27 4XY",
     EntityType.STREET_ADDRESS),
    ("living on 9 Willow Bend #2C then", "9 Willow Bend #2C", EntityType.STREET_ADDRESS),
    ("Vyrůstala jsem v ulici Smetanovo nábřeží, kousek od školy.", "Smetanovo nábřeží",
     EntityType.STREET_ADDRESS),
])
def test_when_seventh_form_family_is_written_then_found(
        redactor: Redactor, text: str, value: str, kind: EntityType) -> None:
    """Forms behind the leaks of a spent blind family (values invented)."""
    assert kind.value in found_within(redactor, text, value)


@pytest.mark.parametrize("text, kept", [
    ("see you Monday first thing", "Monday first"),
    ("the ref is 20240515, quote it", "20240515"),
    ("case no. 20231123 is closed", "20231123"),
    ("build 20240515 crashed", "20240515"),
    ("4. I. Úvod do terapie", "4. I"),
    ("Turn to Unit 2 of the workbook.", "Unit 2"),
    ("I downloaded it from the App Store", "App Store"),
    ("my sister Sarah in Leeds", "Sarah in Leeds"),
    ("I was at Leeds in 2019", "Leeds in 2019"),
    ("we were out of reach", "reach"),
])
def test_when_seventh_family_look_alike_is_written_then_not_taken(
        redactor: Redactor, text: str, kept: str) -> None:
    assert within_none(redactor, text, kept)


@pytest.mark.parametrize("text, value", [
    ("Re: Soo-ah Varga, Keene. Soo-ah describes poor sleep. I will review Soo-ah in May.",
     "Soo-ah describes"),
    ("Patient Brzezinski, Harpal, NHS no. 943 476 5919, seen today.", "Brzezinski, Harpal"),
    ("Přepsala Bohdana K.", "Bohdana K"),
])
def test_when_name_is_echoed_hyphenated_or_filed_surname_first_then_found(
        redactor: Redactor, text: str, value: str) -> None:
    name = value.removesuffix(" describes")
    assert EntityType.PERSON.value in found_within(redactor, text, name)
    if name == "Soo-ah":
        assert sum(span == "Soo-ah" for span in _found(redactor, text)) >= 1


@pytest.mark.parametrize("text, value, whole", [
    ("He works full time at Hartleys Joinery in Tottington, although", "Hartleys Joinery",
     "Hartleys Joinery in Tottington"),
    ("I worked at Hartleys Joinery in March.", "Hartleys Joinery", "Hartleys Joinery"),
    ("I'm at Hartleys Joinery on Mondays.", "Hartleys Joinery", "Hartleys Joinery"),
])
def test_when_organisation_is_named_with_its_town_then_the_town_goes_with_it(
        redactor: Redactor, text: str, value: str, whole: str) -> None:
    assert _found(redactor, text).get(whole) == EntityType.ORGANIZATION.value


@pytest.mark.parametrize("text, value, kind", [
    ("Pan Ngô žije s manželkou Nguyễn Thị Lan v Kladně.", "Nguyễn Thị Lan", EntityType.PERSON),
    ("Yeah. Gaz, my manager, put me on nights.", "Gaz", EntityType.PERSON),
    ("nemuzu spat uz od patku 8.3.", "patku 8.3", EntityType.DATE),
    ("he moved out on the 15th of this month and", "15th of this month", EntityType.DATE),
    ("She has moved to 1815 Fordem Ave, Unit C with her aunt", "1815 Fordem Ave, Unit C",
     EntityType.STREET_ADDRESS),
    ("The office is at 41–43 Kiln Street now.", "41–43 Kiln Street", EntityType.STREET_ADDRESS),
    ("its by the Stater Bros in Upland", "Stater Bros in Upland", EntityType.ORGANIZATION),
    ("hraje za TJ Sokol Horní Dubá každou neděli.", "TJ Sokol Horní Dubá",
     EntityType.ORGANIZATION),
    ("Jen v pátek, a jen do U Zlatého kohouta.", "U Zlatého kohouta", EntityType.ORGANIZATION),
])
def test_when_eighth_probe_form_is_written_then_found(
        redactor: Redactor, text: str, value: str, kind: EntityType) -> None:
    assert kind.value in found_within(redactor, text, value)


@pytest.mark.parametrize("text, kept", [
    ("Linh: had another row with bố. he found my letter", "bố"),
    ("Linh: mẹ just cried all night", "mẹ"),
    ("Honestly, my manager is awful.", "Honestly"),
    ("Monday, my mum rang.", "Monday"),
])
def test_when_eighth_probe_look_alike_is_written_then_kept(
        redactor: Redactor, text: str, kept: str) -> None:
    assert within_none(redactor, text, kept)


@pytest.mark.parametrize("text, value, kind", [
    ("We moved from Leeds to Hengrove in 2016, when I was nine.", "Hengrove",
     EntityType.LOCATION),
    ("email me or ring the office on 571 614 579.", "571 614 579", EntityType.PHONE_NUMBER),
    ("kiaran did you see what tamsyn posted", "tamsyn", EntityType.PERSON),
    ("its been a year since oriel died. ok maybe", "oriel", EntityType.PERSON),
    ("How did it feel when dervla said that?", "dervla", EntityType.PERSON),
    ("You mentioned zuleika in Ambleside. Could she come?", "zuleika", EntityType.PERSON),
    ("work is a nightmare, brannoc shouted at me in front of everyone", "brannoc",
     EntityType.PERSON),
    ("meurig > ysolde said i was being dramatic", "ysolde", EntityType.PERSON),
    ("did you see what thanh huyen posted", "thanh huyen", EntityType.PERSON),
])
def test_when_ninth_form_family_is_written_then_found(
        redactor: Redactor, text: str, value: str, kind: EntityType) -> None:
    """Names in lower-case chat frames, a place after 'from PLACE to', an office's number."""
    assert kind.value in found_within(redactor, text, value)


@pytest.mark.parametrize("text, kept", [
    ("did you see what everyone posted", "everyone"),
    ("its been a year since nan died", "nan"),
    ("what ppl said hurt", "ppl"),
    ("How did it respond when you mentioned self-harm?", "self-harm"),
    ("you mentioned sertraline.", "sertraline"),
    ("I drove from Leeds to Christmas lunch", "Christmas"),
])
def test_when_ninth_family_look_alike_is_written_then_kept(
        redactor: Redactor, text: str, kept: str) -> None:
    assert within_none(redactor, text, kept)


@pytest.mark.parametrize("text, kept", [
    # a reviewer's list of false positives in this session's rules (before they were fixed)
    ("what cpn said hurt. the cpn is new. My CPN visits weekly.", "cpn"),
    ("Mondays, my manager is worst. I hate Mondays.", "Mondays"),
    ("since nonna died i cant eat", "nonna"),
    ("its abuelas birthday tomorrow", "abuela"),
    ("Sooo, my ex texted me", "Sooo"),
    ("I worked at Greggs in Year Eleven.", "Year Eleven"),
    ("I cried at Tesco in Ramadan.", "Ramadan"),
    ("I'm working at Amazon on Nights now.", "Nights"),
    ("I went back to Work on the High Street.", "Work on"),
    ("We sat fifth in the league.", "sat fifth"),
    ("Byl jsem na oddělení 3 týdny.", "oddělení 3"),
    ("Čistý příjem K dispozici nemá.", "příjem K"),
    ("I'm stuck on Unit 3 in my college course.", "Unit 3"),
    ("Re: ADHD, ASD", "ADHD"),
    ("Re: Sertraline, Citalopram", "Sertraline"),
    ("Typed by Medical Secretary", "Medical Secretary"),
    ("We got a Chinese Takeaway on Friday and I binged.", "Chinese Takeaway"),
    ("I went to the Corner Store for milk.", "Corner Store"),
    ("Got it from the Xbox Store.", "Xbox Store"),
    ("Viz bod 2.V.", "2.V"),
    ("I went AFK Again lol.", "AFK"),
])
def test_when_review_of_branch_and_frame_rules_look_alike_is_written_then_kept(
        redactor: Redactor, text: str, kept: str) -> None:
    assert within_none(redactor, text, kept)


@pytest.mark.parametrize("text, value, kind", [
    ("So 9. 3. 20:14 Bara: holky dneska?", "9. 3", EntityType.DATE),
    ("my date of birth is august twenty second nineteen ninety one and",
     "august twenty second nineteen ninety one", EntityType.DATE),
    ("the mould's been there since october twenty twenty two and",
     "october twenty twenty two", EntityType.DATE),
    ("my sister kayleigh that's K-A-Y-L-E-I-G-H not the normal way", "K-A-Y-L-E-I-G-H",
     EntityType.PERSON),
])
def test_when_eighth_probe_spoken_form_is_written_then_found(
        redactor: Redactor, text: str, value: str, kind: EntityType) -> None:
    assert kind.value in found_within(redactor, text, value)


@pytest.mark.parametrize("text, kept", [
    ("you may twenty twenty", "may twenty"),
    ("the A-E-I-O-U vowels", "A-E-I-O-U"),
])
def test_when_eighth_probe_spoken_look_alike_is_written_then_kept(
        redactor: Redactor, text: str, kept: str) -> None:
    assert within_none(redactor, text, kept)


@pytest.mark.parametrize("text, value, kind", [
    # dates in shapes a ninth family used: Czech "roku" and comma, glued "r.", spaced Roman
    # months, ordinal-hyphen-month, glued month and day, a two-digit year after the day
    ("Sezení bylo 4. května roku 2021 ve středu.", "4. května roku 2021", EntityType.DATE),
    ("Dne 17. ledna, 2019 přišla sama.", "17. ledna, 2019", EntityType.DATE),
    ("Narozen 3.11.1979r. v Kolíně.", "3.11.1979", EntityType.DATE),
    ("Kontrola 14 .3. 2023 proběhla.", "14 .3. 2023", EntityType.DATE),
    ("Datum vyšetření: 21 IX 2022.", "21 IX 2022", EntityType.DATE),
    ("Seen on 14th-Mar-2023 in clinic.", "14th-Mar-2023", EntityType.DATE),
    ("my cousins wedding is on the nov14 and i cant face it", "nov14", EntityType.DATE),
    ("havent heard from him since feb 3 23\nok", "feb 3 23", EntityType.DATE),
    ("Session exported twenty-third - account x", "twenty-third", EntityType.DATE),
    ("havent heard from u since nineteenth\nok", "nineteenth", EntityType.DATE),
    # a sentence-opening past-tense verb is no street ("Přišel 12."): the date stays whole
    ("Přišel 14 .3. 2023 na kontrolu.", "14 .3. 2023", EntityType.DATE),
    # streets: a floor in brackets, a rank's abbreviation, Czech street nouns
    ("They live at 27 Larkspur Way (ground floor) now.", "27 Larkspur Way (ground floor)",
     EntityType.STREET_ADDRESS),
    ("bytem Gen. Kutlvašra č.p. 118, Olomouc. Dál", "Gen. Kutlvašra č.p. 118",
     EntityType.STREET_ADDRESS),
    ("Bydlí na adrese Pekařská stoka 9, 602 00 Brno?", "Pekařská stoka 9",
     EntityType.STREET_ADDRESS),
    ("problémy s domácím na Husovo předměstí. Jak", "Husovo předměstí",
     EntityType.STREET_ADDRESS),
    # handles named by their cue alone
    ("My username on there was quietmarrow, I think.", "quietmarrow", EntityType.SOCIAL_HANDLE),
    ("Her email is dobbin-k-772 on everything.", "dobbin-k-772", EntityType.SOCIAL_HANDLE),
    # speakers after elapsed-time stamps
    ("[2m10s] OSWIN: Right.\n[2m40s] TAMAR: Hi.\n[3m05s] OSWIN: So.", "OSWIN",
     EntityType.PERSON),
    ("(1m02s) BRYNMOR: Morning.\n(1m30s) PERPETUA: Hello.", "BRYNMOR", EntityType.PERSON),
    # a name where only a person fits: clause openers, interjections
    ("When Oyelola at Greggs offered you the shifts, what did you say?", "Oyelola",
     EntityType.PERSON),
    ("If Thandeka hears you crying, what then?", "Thandeka", EntityType.PERSON),
    ("lol Zbigniew fell over outside the chippy", "Zbigniew", EntityType.PERSON),
    # organisations: kinds, branches, lower-case services, number-word names
    ("She was admitted to Larchmere PICU on Thursday.", "Larchmere PICU",
     EntityType.ORGANIZATION),
    ("the referral to Brackenfield CMHT yet?", "Brackenfield CMHT", EntityType.ORGANIZATION),
    ("i'm outside Walmart Supercenter in Lubbock, where are u", "Walmart Supercenter",
     EntityType.ORGANIZATION),
    ("I started at Amazon fulfillment center in 2012", "Amazon fulfillment center",
     EntityType.ORGANIZATION),
    ("ale ordinace Zdravotní středisko Lhotka má formulář.", "Zdravotní středisko Lhotka",
     EntityType.ORGANIZATION),
    ("Říkal jste, že leží na oddělení 4C.", "oddělení 4C", EntityType.ORGANIZATION),
    ("im on the waiting list at quillfern counseling", "quillfern counseling",
     EntityType.ORGANIZATION),
    ("hi, im on the waiting list at wyndmoor behavioral health", "wyndmoor behavioral health",
     EntityType.ORGANIZATION),
    ("im at kettering business academy still", "kettering business academy",
     EntityType.ORGANIZATION),
    ("mornings at Saint Oswin's Parish and weekends", "Saint Oswin's Parish",
     EntityType.ORGANIZATION),
])
def test_when_blind9_form_is_written_then_found(
        redactor: Redactor, text: str, value: str, kind: EntityType) -> None:
    """General forms behind a spent family's leaks, each with values of our own."""
    assert kind.value in found_within(redactor, text, value)


@pytest.mark.parametrize("text, kept", [
    ("It was the first time. On the first floor.", "first"),
    ("She is third in the queue.", "third"),
    ("since first meeting her I knew", "first"),
    ("Přišel 12 minut pozdě.", "Přišel"),
    ("Měla 3 děti.", "Měla"),
    ("we tried grief counselling and marriage counselling", "grief counselling"),
    ("went to my local surgery", "local surgery"),
    ("She was on Larchmere PICU on Monday. The PICU was full.", "The PICU"),
    ("She was on Larchmere PICU on Monday. The PICU was full.", "Monday. The"),
    ("my handle is really bad and my username is private now", "private"),
    ("email is 5pm-ish", "5pm-ish"),
    ("When Mum at home said it, I cried.", "Mum"),
    ("I take 5 mg in the morning.", "5 mg"),
    # a reviewer's list of false positives in these rules (before they were fixed)
    ("I follow kumar12 on there", "mar12"),
    ("my password was Omar2019 lol", "mar20"),
    ("The code on the box was Dec23 and it was expired.", "Dec23"),
    ("Flight BA Sep12 cancelled", "Sep12"),
    ("my daughter just started fifth.", "fifth"),
    ("we've been best friends since third, honestly", "third"),
    ("I was twentieth - worst score", "twentieth"),
    ("From the first, I knew.", "first"),
    ("By the third, I was crying.", "third"),
    ("Called CAMHS today about it.", "Called"),
    ("GP and CMHT both said no.", "GP and"),
    ("Our Parish priest visited.", "Our Parish"),
    ("Most Charities are stretched.", "Most Charities"),
    ("The Call Centre job is killing me.", "Call Centre"),
    ("I had person-centred counselling", "person-centred"),
    ("referred to outpatient behavioral health", "outpatient"),
    ("i was in cbt counselling", "cbt"),
    ("the nice local hospital was full", "nice local hospital"),
    ("my kids go to the tiny local primary school", "tiny local"),
    ("kamos furt chce penize", "furt"),
    ("kamoska prej psala", "prej"),
    ("sef obcas mi nadava", "obcas"),
    ("Cyklistická stezka byla zavřená", "Cyklistická stezka"),
    ("Zahrádkářská kolonie byla prázdná", "kolonie"),
    ("Bílá hora 1620 byla porážka", "Bílá hora"),
    ("Malé pole 3 hektary", "Malé pole"),
    ("what i can't handle is bein alone", "bein"),
    ("my username was sooo cringe", "sooo"),
    ("the email was pre-approved by my GP", "pre-approved"),
    ("Gen. Anxiety 7 score was high", "Anxiety 7"),
    ("as per Prof. Taylor 2021 guidance", "Taylor 2021"),
    ("When Lockdown in 2020 started", "Lockdown"),
    ("When Chemo at the hospital started", "Chemo"),
    ("omg Vinted scammed me", "Vinted"),
    ("If Ozempic helps, fine.", "Ozempic"),
    ("Tady vedro, nejde se spat.", "vedro"),
    ("me and bae had a row", "bae"),
    ("i told roomie and she laughed", "roomie"),
    ("Appt is Nov 12 10 at the surgery", "12 10"),
    ("My mood was low on March 4 10.", "4 10"),
    ("Schůzka je 5. května, 2000 Kč záloha", "2000"),
    ("He scored 3 X 2020 on that", "3 X 2020"),
    ("Track 4 IV 2019 remastered", "4 IV 2019"),
    ("London supermarket prices are crazy", "London supermarket"),
    ("Step-mum Claire phoned. My step-mum is kind.", "step-mum"),
])
def test_when_blind9_look_alike_is_written_then_kept(
        redactor: Redactor, text: str, kept: str) -> None:
    assert within_none(redactor, text, kept)


@pytest.mark.parametrize("text, value, kind", [
    # forms behind a tenth family's leaks, each with values of our own
    ("KIERAN: I was on Unit 7C for three months.", "Unit 7C", EntityType.ORGANIZATION),
    ("I was on Ward 9 South at the General for a year", "Ward 9 South",
     EntityType.ORGANIZATION),
    ("Byla jsem na Pavilon F dva týdny.", "Pavilon F", EntityType.ORGANIZATION),
    ("It was the Bettys branch in Harrogate that let me go", "Bettys",
     EntityType.ORGANIZATION),
    ("I work the till at the Wegmans off Larkfield Terrace.", "Wegmans",
     EntityType.ORGANIZATION),
    ("Pracuju v ulici Bratří Čapků, hlavně noční.", "Bratří Čapků", EntityType.STREET_ADDRESS),
    ("sraz u vchodu, ulice Na Výsluní?", "Na Výsluní", EntityType.STREET_ADDRESS),
    ("Bydleli jsme na adrese Boženy Němcové 14, Kolín, než", "Boženy Němcové 14",
     EntityType.STREET_ADDRESS),
    ("The police came round to Josefa Suka 210/4 twice", "Josefa Suka 210/4",
     EntityType.STREET_ADDRESS),
    ("The police came round to Kardinála Berana 17 twice", "Kardinála Berana 17",
     EntityType.STREET_ADDRESS),
    ("drop-in at Pplk. Sochora 12, Únětice, 252 62 on Thursdays", "Pplk. Sochora 12",
     EntityType.STREET_ADDRESS),
    ("They've been living on Jubilee Villas since May", "Jubilee Villas",
     EntityType.STREET_ADDRESS),
    ("I had a job interview at Amazon fulfillment last week.", "Amazon fulfillment",
     EntityType.ORGANIZATION),
    # well-known employers and chains, from the list
    ("How did it feel, going back to B&M after so long?", "B&M", EntityType.ORGANIZATION),
    ("I volunteer at Age UK on Tuesdays.", "Age UK", EntityType.ORGANIZATION),
    ("I got a job at Boots.", "Boots", EntityType.ORGANIZATION),
    ("vzali mě do Kauflandu, teda do Kaufland Kolín", "Kaufland", EntityType.ORGANIZATION),
    # speakers and chat members
    ("9/2/22, 1:15 PM - ~ Dianne: hey\n9/2/22, 1:18 PM - ~ Lor Vang: hi\n"
     "9/2/22, 1:19 PM - ~ Lor Vang: ok", "Lor Vang", EntityType.PERSON),
    ("[5. 5. 2025 19:00] Bára added Šimonka to the chat\n[5. 5. 2025 19:37] Bára: hey",
     "Šimonka", EntityType.PERSON),
    ("AI: That sounds scary. Has tamsin-lee ever hurt you?", "tamsin-lee", EntityType.PERSON),
    ("can someone pick Eirlys up from school at 3.15", "Eirlys", EntityType.PERSON),
])
def test_when_blind10_form_is_written_then_found(
        redactor: Redactor, text: str, value: str, kind: EntityType) -> None:
    assert kind.value in found_within(redactor, text, value)


@pytest.mark.parametrize("text, kept", [
    ("I'm stuck on Unit 3 in my college course.", "Unit 3"),
    ("The branch manager said the branch meeting is off.", "branch"),
    ("My boots are wet.", "boots"),
    ("Boots on the ground, as they say.", "Boots"),
    ("Target was hit hard in the session.", "Target"),
    ("the UK is big", "UK"),
    ("I work at Asda. Tesco is better.", "Asda. Tesco"),
    ("ulice je dlouhá a tichá", "je dlouhá"),
    ("Pacientka Jana Dvořáková 45 let, bez obtíží.", "Dvořáková 45"),
    ("THERAPIST: So.\nPlan: a.\nCLIENT: b\nPlan: c\nPlan: d", "Plan"),
    ("can you pick Monday up with them", "Monday"),
    # a reviewer's list of false positives in these rules (before they were fixed)
    ("Client rated Panic Attack 3/10 this week.", "Panic Attack"),
    ("Custody Arrangement 50/50 since May.", "Custody Arrangement"),
    ("Dr Patel: So.\nHusband: No.\nDr Patel: Ok.\nHusband: Yes.\nDr Patel: Fine.\n"
     "Husband: Right.", "Husband"),
    ("I went to Boots. My boots were soaked.", "boots"),
    ("Bydleli jsme v ulici Komenského celé dětství.", "celé dětství"),
    ("To je VŠE, co chci říct.", "VŠE"),
    ("We went to Costa Rica in May.", "Costa"),
    ("I'm in Bay 3 Window Side.", "3 Window Side"),
    ("moje nová škola Je hrozná", "škola Je"),
    ("I was at the Corner off Main Street.", "Corner off"),
    ("My mum's side is the Smith branch.", "Smith branch"),
    ("Module 3 of the Recovery Unit 4 course.", "Recovery Unit 4"),
    ("You added Mum to the group", "Mum"),
])
def test_when_blind10_look_alike_is_written_then_kept(
        redactor: Redactor, text: str, kept: str) -> None:
    assert within_none(redactor, text, kept)


@pytest.mark.parametrize("text, value", [
    ("Petra Nováková 3 děti, rozvedená.", "Nováková"),
    ("Doktora Nováka 3x jsem viděla", "Nováka"),
    ("Pacientka Jana Dvořáková 45 let, bez obtíží.", "Dvořáková"),
])
def test_when_czech_person_is_followed_by_a_count_then_no_street(
        redactor: Redactor, text: str, value: str) -> None:
    """A client described by name and a count ("3 děti", "2x") is no street named after a
    person or a rank."""
    assert EntityType.STREET_ADDRESS.value not in found_within(redactor, text, value)
