"""Organisations that identify someone: employers, schools, GP surgeries, hospitals, units."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import regex
from presidio_analyzer import RecognizerResult

from toolkit.pii.contextual import _CZ_CHARS, _LexiconRecognizer, _result
from toolkit.pii.czech import CZECH_LETTERS, nominatives
from toolkit.pii.lexicon import TITLES, Lexicon, fold, read_list
from toolkit.pii.types import EntityType

__all__ = ["EMPLOYER_SLOT", "EmployerRecognizer", "OrganizationRecognizer"]

#: The name of the recognizer of employers named where only an employer fits; its spans
#: are kept even when the name is on the allow list ("off work from the DWP").
EMPLOYER_SLOT = "employer_slot"

_UP_CZ = "A-Z" + "".join(c for c in CZECH_LETTERS if c.isupper())
_ORG_KIND = (
    r"(?:Surgery|Medical\s+Cent(?:re|er)|Health\s+Cent(?:re|er)|Medical\s+Practice|"
    r"Family\s+Practice|Hospital|Infirmary|Hospice|Clinic|Primary\s+School|Secondary\s+School|"
    r"High\s+School|Grammar\s+School|Junior\s+School|Infant\s+School|School|Academy|College|"
    r"Sixth\s+Form(?:\s+College)?|Primary|Grammar|Church|Cathedral|Chapel|Mosque|Synagogue|"
    r"Gurdwara|Mandir|"
    r"University|Nursery|Ltd\.?|Limited|PLC|plc|PLLC|LLP|Inc\.?|LLC|Corp\.?|Group|Foundation|"
    r"Trust|Council|Pharmacy|Dental(?:\s+Practice)?|Solicitors|Associates|Partners|"
    r"Talking\s+Therapies|Therapies|Behaviou?ral\s+Health|Mental\s+Health\s+Services?|"
    r"Family\s+Health(?:\s+Cent(?:re|er))?|Collective|Cooperative|Co-operative|"
    r"Counsell?ing(?:\s+Services?|\s+Cent(?:re|er)|\s+Rooms)?|Psychology(?:\s+Services?)?|"
    r"Wellbeing\s+(?:Service|Cent(?:re|er)|Hub)|Recovery\s+Cent(?:re|er)|Care\s+Home|"
    r"(?:Community|Peer|Resource|Wellness|Youth|Advice|Day|Drop-in|Leisure|Garden)\s+"
    r"Cent(?:re|er)|(?:Family|Internal)\s+Medicine|Medical|Practice|"
    r"(?:Eating\s+Disorders?|Peer|Carers['’]?|Bereavement)\s+Support|CIC|CIO|"
    r"Eating\s+(?:Disorders?\s+)?Recovery|Family\s+(?:Care|Therapy|Services)|"
    r"Therapy\s+(?:Group|Cent(?:re|er)|Services)|"
    r"Casino|Hotel|Resort|Men['’]?s\s+Shed|Co\.|Company|Apartments|"
    r"(?:Therapy|Consulting|Treatment)\s+Rooms|"
    r"(?:RC|R\.C\.|CE|C\s+of\s+E|CofE)\s+(?:High|Primary|Junior|Infants?|First|Middle|"
    r"Secondary)|Store" + "".join(rf"(?<!{w}[ \t]Store)" for w in (
        "App", "Play", "Apple", "Epic", "Microsoft", "Xbox", "PlayStation", "Steam", "Nintendo",
        "Google", "Corner", "Dollar", "Thrift", "Convenience", "Grocery", "Online", "Charity"))
    + r"|Takeaway" + "".join(rf"(?<!{w}[ \t]Takeaway)" for w in (
        "Chinese", "Indian", "Thai", "Turkish", "Kebab", "Pizza", "Curry", "Local"))
    + r"|Shack|Diner|Grill|Tavern|Pantry|Deli|Emporium|Brasserie|Chippy|Bros\.?|"

    r"s\.\s?r\.\s?o\.|a\.\s?s\.)"
)
_CZ_KIND = (
    r"(?:[Zz]dravotní\s+středisko|[Pp]oliklinika|[Oo]rdinace|[Pp]sychiatrická\s+nemocnice|"
    r"[Ff]akultní\s+nemocnice|[Nn]emocnice|[Mm]ateřská\s+škola|[Zz]ákladní\s+škola|"
    r"[Ss]třední\s+škola|[Gg]ymnázium|[Vv]ysoká\s+škola|[Úú]řad\s+práce|"
    r"[Cc]entrum\s+duševního\s+zdraví|[Pp]edagogicko-psychologická\s+poradna|[Pp]oradna|"
    r"[Zz]ákladní\s+umělecká\s+škola|[Dd]ětský\s+domov|[Pp]sychiatrická\s+léčebna|"
    r"[Kk]linika|[Úú]stav|[Dd]omov\s+pro\s+seniory|[Oo]kresní\s+soud|[Kk]rajský\s+soud|"
    r"[Oo]bvodní\s+soud|[Mm]ěstský\s+soud|[Dd]enní\s+stacionář|[Ss]tacionář|[Kk]rizové\s+centrum|"
    r"[Oo]bchodní\s+akademie|[Aa]kademie|(?:[Aa]mbulance|[Oo]rdinace)(?:\s+(?:klinické\s+psychologie|"
    r"praktického\s+lékaře(?:\s+pro\s+"
    r"(?:děti\s+a\s+dorost|dospělé))?))?|[Pp]raktický\s+lékař(?:\s+pro\s+(?:děti\s+a\s+dorost|"
    r"dospělé))?|"
    r"[Pp]oradna\s+pro\s+rodinu(?:\s+a\s+mezilidské\s+vztahy)?|[Uu]niverzita|[Uu]čiliště)"
)


def _after_the(*words: str) -> str:
    """A look-behind for "at the ", "in the "...: where a pub's name starts."""
    return "(?:" + "|".join(rf"(?<=\b{w} the )" for w in words) + ")"


#: A capitalised word inside a name; a full stop after two small letters ends a sentence
#: ("Hazelwood PICU on Thursday. The PICU"), after one it abbreviates ("St.", "Co.").
_CAP = rf"(?:[{_UP_CZ}][\w'’&.-]*(?<![a-z]{{2}}\.)|&|of|and|the|on|upon|St\.?)"
_ORG_RE = re.compile(
    rf"\b(?:(?:St\.?|Saint|Dr\.?)\s+)?[{_UP_CZ}][\w'’.-]*(?<![a-z]{{2}}\.)(?:[ \t]+{_CAP}){{0,4}}"
    rf"[ \t]+{_ORG_KIND}"
    r"(?![\w])"
    rf"|\b(?:University|Univ\.)\s+of\s+[A-Z][\w'’ʻ-]*(?:\s+(?:at\s+)?[A-Z][\w'’ʻ-]*){{0,2}}"
    r"(?:\s+(?:and|&)\s+(?:St\.?\s+)?[A-Z][\w'’ʻ-]*)?"  # "of St Mark and St John"
    r"|\b(?:Všeobecná\s+fakultní\s+nemocnice|Thomayerova\s+nemocnice|"
    r"Nemocnice\s+na\s+Homolce|(?:ZŠ|MŠ|SŠ|SOŠ|SOU|VOŠ|OA|VŠ|SPŠ|SZŠ|SUPŠ|SPgŠ|ISŠ)\s+[\w-]+"
    r"(?:\s+[\w-]+){0,2}(?:\s+[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ][\w-]+)?)"
    r"|\b(?:Fakultní\s+|Městská\s+|Krajská\s+|Oblastní\s+|Všeobecná\s+fakultní\s+)?"
    r"[Nn]emocnice(?:\s+(?:u\s+sv\.\s+|na\s+)?[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ][\w-]*){1,3}"
    rf"|\b{_CZ_KIND}(?:\s+(?:(?:na|nad|pod|u|v|ve)\s+)?(?!(?:MUDr|MDDr|Mgr|JUDr|PhDr|PaedDr|Bc|"
    r"Ing|RNDr|Dr|Doc|Prof)\b)(?!" + _CZ_KIND + r")[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ][\w-]*){1,3}"
    r"|\b[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ][\w-]*(?:ova|ská|ského)(?:\s+[a-zá-ž]+(?:ká|ní|ná))?"
    r"\s+[Uu]niverzita"
    r"|\b(?:Ysbyty|Ysgol)\s+(?:(?:y|yr)\s+)?[A-Z][\w'’-]*(?:\s+(?:y\s+|yr\s+)?[A-Z][\w'’ô-]*){0,2}"
    r"|\b(?:Hafan|Canolfan|Tŷ|Cartref)\s+(?:y|yr)\s+[A-Z][\w'’-]*"
    # Czech shops, hotels and cafés by name: "Cukrárna U Veselé včelky", "Hotel Lesní zátiší"
    rf"|\b(?:Hotel|Penzion|Cukrárna|Zahradnictví|Kavárna|Restaurace|Hospoda|Pekárna|"
    r"Řeznictví|Květinářství|Knihkupectví|Autoservis|Kadeřnictví|Pivnice|Vinárna|Hostinec|"
    rf"Čajovna|Bistro)\s+(?:U\s+)?[{_UP_CZ}][\w-]*(?:\s+(?:[{_UP_CZ}][\w-]*|"
    r"[a-zá-ž]*[áéíóúůýčďěňřšťž][\w-]*|(?!(?:today|every|very|many|any|only|yesterday|"
    r"really|away|you|my|by|thank)\b)[a-z]+(?:y|u|ů|ích|ách)\b)){0,3}"
    r"|\b(?:Univerzita\s+Karlova|Univerzita\s+Palackého)"
    # "v Centru duševního zdraví Praha 8", "CDZ Praha 8", "pavilon 12"
    rf"|\b(?:[Cc]entr(?:um|a|u|em)\s+duševního\s+zdraví|CDZ)(?:\s+(?:[{_UP_CZ}][\w-]*|\d{{1,2}}\b)){{1,3}}"
    r"|\b[Pp]avilon\s+\d{1,3}[A-Z]?\b"
    # sports clubs: "TJ Sokol Velká Dobrá", "FK Tatran Lomnice"; pubs: "U Zlatého kohouta"
    rf"|\b(?:TJ|SK|FK|HC|SFK|MFK|FC|BK|TK)\s+[{_UP_CZ}][\w-]+(?:\s+[{_UP_CZ}][\w-]+){{0,3}}"
    rf"|\bU\s+[{_UP_CZ}][a-zá-ž]+(?:ého|ých|é)\s+[a-zá-ž]{{3,}}(?:a|y|u|ů|e)\b"
    # "(Rokycanská nemocnice)": a town's hospital named by its adjective alone
    rf"|\b[{_UP_CZ}][a-zá-ž]+(?:ská|cká|ní|ské|cké|ska|cka|ske|cke|ni)\s+(?:nemocnice|"
    r"nemocnici|nemocnicí|poliklinika|"
    r"poliklinice|léčebna|léčebně)\b"
    # "Hospice of the Valley", "Church of the Holy Family", "Sisters of Mercy"
    r"|\b(?:Hospice|Church|Diocese|Parish|Sisters|Brothers|Friends|Charities)\s+of\s+(?:the\s+)?"
    r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}"
    # a saint's church, school or hospital: "lunch club at St Chad's" (not "St Patrick's Day")
    r"|\bSt\.?\s+[A-Z][a-z]+['’]s\b(?!\s+(?i:day|eve|night|cross|well)\b)"
    # pubs and places named "the X of Y" after at/in: "at the Shoulder of Mutton"
    r"|" + _after_the("at", "in", "outside", "near", "to")
    + r"(?!(?:Isle|Bay|Gulf|Sea|Vale|Cape|Forest|Land|End|Middle|Book|Times|Age)\b)"
    r"[A-Z][a-z]+\s+of\s+(?:the\s+)?[A-Z][a-z]+\b"
    # Czech pubs, cafés and shops in any case, named "U X", "Na X": "v hospodě U Kocoura"
    rf"|\b(?:[Hh]ospod[aěyu]|[Kk]avárn[aěyu]|[Cc]ukrárn[aěyu]|[Rr]estaurac[ei]|[Pp]ekárn[aěyu]|"
    rf"[Vv]inárn[aěyu]|[Pp]ivnic[eií]|[Hh]ostin(?:ec|ci|ce)|[Ll]ékárn[aěyuo]u?|[Bb]istr[ou])\s+"
    rf"(?:U|Na|Pod|Za)\s+"
    rf"[{_UP_CZ}][\w-]*(?:\s+[a-zá-ž]+(?:a|y|u|ů|ích)\b)?"
    # local branches of Mind: "Mind in Furness", "Mind in Bexley"
    r"|\bMind\s+in\s+(?:the\s+)?[A-Z][\w'’-]+(?:\s+(?:and\s+)?[A-Z][\w'’-]+){0,2}"
    # pubs: "at the Lamb and Flag", "a letter from the Crown and Anchor"
    r"|" + _after_the("at", "from", "to", "in", "outside", "near", "behind")
    + r"[A-Z][a-z]+\s+(?:and|&)\s+[A-Z][a-z]+\b"
    # "Terapeutické centrum Modrý dům", "Filozofická fakulta UK": a Czech adjective, a kind
    rf"|(?:\b\d\.\s)?(?<![\w.])[{_UP_CZ}]?[a-zá-ž]+(?:ké|ká|ký|ní|ná|né)\s+(?:centrum|fakulta|"
    r"lékárna|nemocnice|poradna|klinika|ambulance|ordinace|škola|akademie|ústav|nadace|"
    r"pojišťovna|společnost)"
    rf"(?:\s+(?:(?:nad|pod|na|u|v|ve|pro|při)\s+)?[{_UP_CZ}][\w-]*){{1,3}}"
    # a ward named by one word: "pavilon Jitřenka", "oddělení Modrá"; a numbered ward
    rf"|\b(?:[a-zá-ž]{{3,}}(?:ové|ní|ké|né)[ \t]+)?(?:[Pp]avilon|[Oo]ddělení|[Ss]tanice)"
    rf"[ \t]+[{_UP_CZ}][\w-]+"
    r"|\bWard\s+\d{1,3}[A-Z]?\b"
    # Czech teaching hospitals and faculties by their short names: "FN Motol", "1. LF UK"
    rf"|\b(?:FN|VFN|FNKV|FNB|FNOL|FNHK|FNUSA|ÚVN|IKEM|PN|PL)\s+[{_UP_CZ}][\w-]+"
    r"|\b[1-3]\.\s?LF\s+UK\b|\b(?:LF|FF|PřF|MFF|FSV|PedF|FTVS)\s+(?:UK|MU|UP)\b"
    # Czech universities in any case: "na Masarykově univerzitě"
    rf"|\b[{_UP_CZ}][a-zá-ž]+(?:ova|ově|ovy|ovu|ovou|ská|ské|skou|ského)\s+[Uu]niverzit"
    r"(?:a|ě|y|u|ou)\b"
)
#: A labelled field: "Employer: Pendle Foods", "Insurance: Blue Cross", "pojišťovna: VZP".
_FIELD_RE = re.compile(
    r"\b(?i:employer|insurer|insurance|insurance[ \t]+company|health[ \t]+insurance|school|"
    r"nursery|university|pojišťovna|zaměstnavatel|škola)[ \t]*:[ \t]*"
    rf"([{_UP_CZ}\d][\w'’&.-]*(?:[ \t]+(?:[{_UP_CZ}&][\w'’&.-]*|of|and|the|for)){{0,6}})"
)
#: Field values that name no organisation ("Employer: Self-employed", "School: Year 9").
_NO_ORGANISATION = frozenset("""none n/a na self-employed self unemployed retired year student
    homemaker unknown not zadny zadna nezamestnany nezamestnana duchodce duchodkyne""".split())
_ORG_CZ_LOWER_RE = re.compile(
    r"\b(?:poliklinik[ae]|ordinace|nemocnice|zdravotní\s+středisko|gymnázium|ambulance|"
    r"centrum|penzion|potraviny)\s+(?!" + _CZ_KIND + r")"
    r"(?:(?i:na|nad|pod|u|v|ve)\s+)?(?!(?:je|jsem|byl|byla|mi|mě|a|v|na)\b)[^\W\d_]{3,}",
)
_ORG_LOWER_RE = re.compile(
    r"\b((?:[a-z][a-z'’-]+\s+){1,2})(surgery|medical cent(?:re|er)|health cent(?:re|er)|"
    r"hospital|primary school|high school|academy|college|university|talking therapies|"
    r"psychotherapy collective|counsell?ing service|hospice)\b"
)
#: Adjectives before "local hospital", "new academy" that describe, not name, a place.
_EVALUATIVE = frozenset("""nice tiny posh busy crappy crap huge massive lovely big small little
    great good bad awful terrible horrible shit shitty rubbish decent fancy grim dodgy scary
    same usual nearest closest nearby other different whole entire""".split())
#: Lower-case counselling services named in a chat: "im on the waiting list at sweetgrass
#: counseling", "mesa ridge behavioral health" (names that are no English words, for counselling).
_COUNSELLING_LOWER_RE = re.compile(
    r"\b((?:[a-z][a-z'’-]+\s+){1,3})(counsell?ing(?:\s+(?:co-op|service|services|centre|center|"
    r"rooms))?|behaviou?ral\s+health)\b")
#: Words before "counselling" that name a kind of it, not a service: "telehealth counselling".
_NOT_SERVICE_NAMES = frozenset("""telehealth telephone teletherapy online virtual remote
    outpatient inpatient pediatric paediatric adolescent integrated""".split())
_GENERIC = frozenset(
    """mental general local psychiatric private public childrens children's community new old
    big small secondary primary high medical health dental nursing care day boarding state
    catholic same other different previous current last next first second third main nearest
    closest county city district teaching university special grammar junior infant sixth
    form walk-in walk in nhs gp art arts drama music dance sports language driving sunday
    night evening summer holiday medical law business nursing graduate english latin french
    german spanish welsh basic good bad proper best clinical reflective family internal
    evidence-based practice""".split()
)
#: Kind words that name no one on their own ("the High School", "at Sixth Form").
_PLAIN_KINDS = frozenset("""school schools college academy form sixth centre center hospital
    surgery clinic university practice unit team service services nursery infirmary""".split())
_JOBS = (
    r"(?:work|works|worked|working|job|jobs|shift|shifts|overtime|contract|employed|employer|"
    r"manager|boss|colleagues?|nurse|teacher|cashier|engineer|developer|analyst|driver|clerk|"
    r"assistant|intern|interning|internship|placement|volunteer|volunteering|apprentice|"
    r"apprenticeship|lecturer|receptionist|cleaner|barista|chef|waiter|waitress|accountant|"
    r"designer|consultant|technician|carer|staff|team|temping|studying|student|studies|"
    r"study|pracuju|pracuji|pracovala?|zaměstnan[áý]|brigáda|brigádu)"
)
_WORK_RE = re.compile(
    rf"\b(?i:{_JOBS})\s+(?:(?i:at|for|with|in|ve|v|u|na)\s+)"
    r"((?:[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ][\w'’&.-]*(?<![a-z]{2}\.)|[a-z][\w'’&-]*)"
    r"(?:\s+(?:[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ][\w'’&.-]*(?<![a-z]{2}\.)"
    r"|[a-zá-ž]*[áéíóúůýčďěňřšťž][\w-]*)){0,3})"
)
_UP = _UP_CZ
#: "what happened at Brightwell", "the degree at ČVUT", "so you left Aviva": a capitalised name
#: after at/left/joined, in the middle of a sentence, names a workplace or a school.
_AT_RE = re.compile(
    rf"\b(?:at|left|joined|join|quit|leaving|rang|phoned|called|contacted|out\s+of|"
    rf"been\s+with)\s"
    rf"([{_UP}][\w'’&.-]*(?<![a-z]{{2}}\.)(?:\s+(?:[{_UP}][\w'’&.-]*(?<![a-z]{{2}}\.)"
    rf"|[a-zá-ž]*[áéíóúůýčďěňřšťž][\w-]*)){{0,3}})"
)
#: "Davis, Reynolds and Williamson", "owens, duran and oneal": partners' surnames.
_FIRM_RE = re.compile(
    r"\b([A-Z][a-z'’]+|[a-z][a-z'’]+), ([A-Z][a-z'’]+|[a-z][a-z'’]+),? (?:and|&) "
    r"([A-Z][a-z'’]+|[a-z][a-z'’]+)\b"
)
_WORK_STOP = frozenset(
    """home work school uni college the a an my our his her their this that night nights
    weekend weekends part full home-based it all least last first least night the moment
    least firme firmy firmu firma skole skoly skolu ordinace ordinaci centru centra
    centrum""".split()
)


#: Kinds of organisation too common as plain words to be trusted alone ("the Mother and Baby
#: Unit", "my Support Team"): the name before them needs a word that is not English.
_WEAK_KIND_RE = re.compile(
    rf"\b[A-Z][\w'’.-]*(?:\s+{_CAP}){{0,4}}\s+(?:Unit|Hub|Team|Division|Agency|Club|"
    r"Regiment|Battalion|Brigade|Squadron|Bank|Cash\s+and\s+Carry|Co-op|Society|Association|"
    r"Project|Network|Services?|Recovery|Centre|Center|Ward|Farm|Transport|Couriers|"
    r"Mills?|High|Elementary|Middle|Works|Brewery|Distillery|Bakery|Depot|Wellbeing|"
    r"Intermediate|Psychiatry|Physicians|Pediatrics|Paediatrics|ReStore|PICU|CMHT|CAMHS|CRHT|"
    r"Call\s+Cent(?:re|er)|Charities|Parish)(?![\w])"
)
_WORD_RE = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
#: "the Tesco in Longsight", "went to Asda in Seacroft": a shop's branch, named by its town.
_BRANCH_RE = re.compile(
    r"\b(?:the|to|at|from|outside|near|into)[ \t]+([A-Z][\w'’&]+)[ \t]+(?:in|on)[ \t]+"
    r"([A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?)\b")
#: "at Boots on the High Street", "outside the Co-op on Market Street": a shop named by its
#: street (the shop's name may be an English word).
_SHOP_ON_STREET_RE = re.compile(
    r"\b(?:at|to|from|outside|near|opposite|behind|into)[ \t]+(?:the[ \t]+)?"
    r"([A-Z][\w'’&-]+(?:[ \t]+[A-Z][\w'’&-]+)?)[ \t]+on[ \t]+(?:the[ \t]+)?"
    r"((?:High|Main|Market|Church|Station|Bridge|Castle|Fore|Front|Back|Mill|Broad)[ \t]+Street"
    r"|High[ \t]+Road|Broadway|[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?[ \t]+(?:Street|Road|Lane|Avenue|"
    r"Parade|Square|Way|Row|Terrace|Close|Circle|Drive|Crescent|Place|Trail|Boulevard|Grove)"
    r"|(?:Route|Exit|Highway|Hwy|Interstate)[ \t]+\d{1,3})\b(?![-'’]\w)")
#: "It was the Tunnock's branch in Milnrow", "the Hare and Hounds branch": a business's branch.
_NAMED_BRANCH_RE = re.compile(
    r"\bthe[ \t]+([A-Z][\w'’&.-]*(?:[ \t]+(?:[A-Z][\w'’&.-]*|and|&|of)){0,3})[ \t]+branch\b")
#: Places people go that are no shop's name: "back to Work on the High Street".
_NOT_SHOPS = frozenset("""work town church mass school college court therapy group rehab uni
    library pride home gym hospital chapel mosque temple synagogue university""".split())
#: A hospital's ward or unit by its number or letter: "on Adolescent Unit 2", "on 4 West",
#: "z oddělení 9", "akutní příjem B", "denní stacionář C".
_WARD_RE = regex.compile(
    r"(?<=\b(?:on|from|to|onto|off|in|at)[ \t](?:the[ \t])?)(?:(?:[A-Z][a-z]+[ \t]+){1,2}Unit"
    r"[ \t]+\d{1,2}[A-Z]?|Ward[ \t]+\d{1,2}[A-Z]?(?:[ \t]+(?:North|South|East|West))?"
    r"|Unit[ \t]+\d{1,2}[A-Z])\b(?![ \t]+(?:of|in)\b)"
    r"|(?<=\b(?:on|from|to|onto|off)[ \t])\d{1,2}[ \t]?(?:West|East|North|South)\b"
    r"(?=[ \t]*(?:[,.;:)]|$)|[ \t]+(?:at|in|from|for|ward|unit)\b)"
    r"|\b(?i:oddělení|pavilon|pavilonu|pavilónu)[ \t]+(?:\d{1,2}[A-Z]?|[A-Z])\b(?![.,]?\d)"
    r"(?![ \t]+(?:roky?|let|dny|dní|dnů|týdn\w*|měsíc\w*|hodin\w*|krát|x)\b)"
    r"|\b(?:akutní[ \t]+)?příjem[ \t]+[A-Z]\b(?![ \t]+[a-zá-ž])"
    r"|\b(?:denní[ \t]+)?stacionář[ \t]+[A-Z]\b(?![ \t]+[a-zá-ž])",
    regex.MULTILINE)
#: A word every ward above has: the cheap test before the look-behinds run.
_WARD_HINT = re.compile(r"Unit|Ward|West|East|North|South|oddělení|Oddělení|pavil|Pavil|příjem|"
                        r"stacionář")
#: Military units: "the 10th Mountain Division", "2 Rifles", "1st Cavalry Division".
_UNIT_RE = re.compile(
    r"\b\d{1,3}(?:st|nd|rd|th)?\s+(?:[A-Z][a-z]+\s+){0,2}(?:Division|Regiment|Brigade|"
    r"Battalion|Rifles|Squadron|Commando|Corps|Infantry|Cavalry|Airborne|Marines|Signals|"
    r"Lancers|Hussars|Dragoons|Guards|Fusiliers)\b"
)
#: A ward or unit named by one word: "the Kestrel Unit", "Lapwing Ward" (not "the Crisis Unit").
_NAMED_UNIT_RE = re.compile(
    r"\b([A-Z][a-z]{3,})\s+(?:(?:Mother\s+and\s+Baby|Eating\s+Disorders?|Crisis|Assessment|"
    r"Perinatal|Inpatient|Acute|Older\s+Adults?|Dementia|Adolescent|Psychiatric|Rehabilitation|"
    r"Addictions?|Detox|Recovery|Day)\s+)?(?:Unit|Ward|Suite|Wing)\b")
_GENERIC_UNIT = frozenset(
    """mother baby crisis intensive care assessment acute stroke maternity psychiatric
    inpatient eating discharge recovery rehabilitation admissions observation emergency
    dementia childrens children's adolescent older medical surgical cardiac renal burns
    neonatal special high dependency day night secure forensic treatment perinatal mental
    health this that which every each another same new old main private general""".split()
)
_TIME_WORDS = frozenset(
    """last next this that every year week month day today tonight tomorrow yesterday morning
    afternoon evening night weekend monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december
    i i'm i've it it's we he she they you""".split()
)
#: Capitalised words, joined by "of", "in", "and", "&": the shape of a proper name.
_CAP_RUN_RE = re.compile(
    r"(?<![\w'’])[A-Z][\w'’-]*(?:\s+(?:(?:of|in|and|&|the)\s+)?[A-Z][\w'’-]*)+"
)
_CZ_LINKS = frozenset("v ve na pro o a u z ze nad pod při hl m sv".split())
#: What a Czech organisation is, so that a run with one capital is a name ("Fio banka",
#: "Policejní akademie"), not a phrase ("Rodné číslo", "Na shledanou").
_CZ_ORG_WORDS_FOLDED = frozenset(fold(w) for w in """ústav centrum nemocnice škola akademie
    univerzita banka podnik ambulance oddělení stacionář společnost poradna ordinace klinika
    poliklinika léčebna domov spolek nadace
    sdružení úřad fakulta institut gymnázium učiliště drogerie potraviny stavebniny vinařství
    pekárna lesy pošta pojišťovna služba služby agentura družstvo firma závod knihovna
    divadlo muzeum hotel restaurace kavárna obchod středisko dům jesle školka""".split())
_CZECH_HINT = re.compile(
    "[" + "".join(sorted(_CZ_CHARS)) + "]|(?i:\\b(?:"
    + "|".join(sorted(_CZ_ORG_WORDS_FOLDED, key=len, reverse=True)) + ")\\b)"
)


#: Czech kinds of shop and business written in lower case before their name ("hospoda U Bílého
#: koníčka", "vinařství U Kapličky").
_CZ_SHOP_KINDS = (r"(?:hospoda|hospody|hospodě|vinařství|cukrárna|cukrárny|cukrárně|knihkupectví|"
                  r"kavárna|kavárny|kavárně|pekárna|pekárny|pekárně|restaurace|bistro|obchod|"
                  r"zahradnictví|květinářství|řeznictví|kadeřnictví|hotel|penzion)")
#: Cues after which only an employer or a school fits (a space stands for any run of blanks).
_EMPLOYER_CUE = "|".join([
    "off (?:work|sick) from",
    "(?:ring|rang|ringing|rung|call|called|calling|phone|phoned) in sick (?:at|to|with)",
    "on (?:a |the |my )?(?:shift|shifts|nights|lates|earlies) at",
    "(?:HR|human resources|occupational health(?: team)?|personnel|payroll|(?:line )?manager|"
    "boss|supervisor|union rep) (?:at|from)",
    "(?:got|get|getting|have|had|found|offered|lost|started|starting|start|took|take|"
    "applied for) (?:a|the|my|this|that|her|his|new|a new) (?:job|role|post|position|"
    "placement|internship|apprenticeship|contract) (?:at|with)",
    "expecting (?:you|me|him|her|them) back at",
    "(?:drive|drives|drove|driving|driven|deliver|delivers|delivered|delivering) for",
    "signed off from",
    "(?:works?|worked|working) (?:days|nights|weekends|shifts|lates|earlies|part-time|"
    "full-time|part time|full time) (?:at|for)",
    "(?:warehouse|shift|store|area|duty|team|night|ward) (?:supervisor|manager|lead|leader) at",
    "(?:studied|studies|studying|enrolled|graduated|started|starting) at",
    "interview(?:ed)? (?:at|for)",
    "(?:work|works|worked|working|job) as (?:a|an) [a-z-]+(?: [a-z-]+)? (?:at|for|with)",
    "(?:work|works|worked|working|job|jobs|shift|shifts|tills|till|checkouts|nights|lates|"
    "earlies|placement|internship|apprenticeship|contract|volunteer|volunteering|volunteers)"
    " (?:at|for|with)",
    "(?:dělám|dělá|dělal[a]?|pracuju|pracuji|pracuje|pracoval[a]?|učím|učí|jezdím|jezdí)"
    " (?:v|ve|na|u|pro)",
    "(?:studuju|studuje|studoval[a]?|studovala? jsem|studoval jsem) (?:na|v|ve)",
    # "pracuje jako IT analytik u České spořitelny"
    "(?:pracuju|pracuji|pracuje|pracoval[a]?|dělám|dělá) jako(?: [a-zá-žA-Z]+){1,3} (?:u|v|ve|pro)",
    # Czech: "ve firmě X", "z firmy X", "z ordinace X", "na škole X", "v centru X"
    "(?:ve|z|pro|u|do) (?:firmě|firmy|firmu)",
    "(?:z|v|do) (?:ordinace|ordinaci)",
    "(?:na|ze|do) (?:škole|školy|školu)",
    "(?:v|do|z) (?:centru|centra)|centrum",
    # "my boss casimir at Marshall of Cambridge", "it's Ilse from Cornwall Talking Together"
    "(?:boss|manager|supervisor|line manager) [a-zá-ž'’-]+ (?:at|from)",
    "it['’]?s [A-Za-zÁ-Žá-ž]+ from",
    "(?:temp|temps|temped|temping) (?:for|at|with)",
    "employed (?:by|at)",
]).replace(" ", r"[ \t]+")
#: "I've been off work from Costa since...", "ring in sick at the DWP", "back at HMRC next
#: month": a cue after which only an employer (or a school) fits, then its capitalised name.
_EMPLOYER_RE = re.compile(
    rf"\b(?i:{_EMPLOYER_CUE})[ \t]+(?:the[ \t]+)?"
    rf"((?:\d\.[ \t]+[a-zá-ž]*[áéíóúůýčďěňřšťž][\w-]*|[{_UP}][\w'’&.-]*|{_CZ_SHOP_KINDS})"
    rf"(?:[ \t]+(?:U[ \t]+[{_UP}][\w-]*[ \t]+[a-zá-ž]{{3,}}|[{_UP}][\w'’&.-]*"
    r"|[a-zá-ž]*[áéíóúůýčďěňřšťž][\w-]*|of|and|&|fakulta|lékárna|bank[ayuo]|bance|bankou"
    r"|pojišťovna|nemocnice"
    r"|škola|s\.[ \t]?r\.[ \t]?o\.|"
    r"a\.[ \t]?s\.|z\.[ \t]?s\.|–|v|ve|nad|pod|na))"
    r"{0,4})"
)
_CZ_CUE_RE = re.compile(r"(?i:děl|prac|uč|jezd|studuj|studoval)")
#: Words after an employer cue that name a time, a place in general or a holiday.

_NOT_EMPLOYER = frozenset("""christmas easter xmas home work school uni college thanksgiving
    halloween diwali eid ramadan hanukkah passover""".split())
#: ... and the holidays named in more than one word, matched as phrases ("New Look" is a shop).
_NOT_EMPLOYER_PHRASES = ("new year", "bank holiday", "half term")
#: Names too large to identify anyone, even as an employer.
_TOO_LARGE = frozenset({"nhs", "the nhs", "nhs trust", "gp"})


class _OrganizationBase(_LexiconRecognizer):
    """Base of the recognizers that find organisations with the lexicon."""

    def __init__(self, lexicon: Lexicon) -> None:
        super().__init__(lexicon, [EntityType.ORGANIZATION])


class EmployerRecognizer(_OrganizationBase):
    """An employer or a school named after a cue that only they fit (see ``_EMPLOYER_RE``).

    Its spans are kept even when the name is on the default allow list ("the DWP", "HMRC":
    public bodies that are kept when spoken of, but name someone's workplace here)."""

    NAME = EMPLOYER_SLOT

    def analyze(self, text: str, entities: list[str], nlp_artifacts: Any = None
                ) -> list[RecognizerResult]:
        if EntityType.ORGANIZATION.value not in entities:
            return []
        out = []
        lex = self.lexicon
        for m in _EMPLOYER_RE.finditer(text):
            words = [(w.start(), w.end(), w.group()) for w in re.finditer(r"\S+", m.group(1))]
            for k, (_, _, word) in enumerate(words[:-1]):
                if word.endswith(".") and len(word) > 4 and word[-2].isalpha() \
                        and word.count(".") == 1 and words[k + 1][2][:1].isupper():
                    words = words[:k + 1]  # "Cornwall Talking Together. Just confirming"
                    break
            while len(words) > 1 and (words[-1][2] in {"of", "and", "&", "v", "ve", "na", "nad",
                                                        "pod", "–"}
                                      or fold(words[-1][2]) in _TIME_WORDS):
                words.pop()  # "HMRC Last year", "Costa and"
            folded = fold(" ".join(w for _, _, w in words)).rstrip(".")
            first = fold(words[0][2])
            if re.fullmatch(r"[A-Z]{1,3}\d+", words[0][2]):
                continue  # "P02": a participant code
            if ((first in _TIME_WORDS and not (words[0][2][:1].isupper() and first in {
                    "next", "last", "this", "every"})) or first in _NOT_EMPLOYER
                    or folded.startswith(_NOT_EMPLOYER_PHRASES) or folded in _TOO_LARGE
                    or (first in lex.roles and len(words) == 1) or first in TITLES):
                continue
            if _CZ_CUE_RE.match(m.group(0)) and len(words) == 1 and any(
                    (c,) in lex.places or c in lex.regions for c in nominatives(first)):
                continue  # "pracuju v Brně": a town after a Czech cue is where, not who
            out.append(_result(EntityType.ORGANIZATION, m.start(1) + words[0][0],
                               m.start(1) + words[-1][1], 0.7, self,
                               "employer after a cue only an employer fits"))
        return out


def _known_organisations(lexicon: Lexicon) -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """Two matchers of ``data/organisations.txt``: the names that are no English word ("Asda",
    "B&M", "Pilgrim's Pride") anywhere, and those that are ("Boots", "Target", "Scope") only
    where a business goes: after at/from/to/for/with/near (and "the")."""
    plain, worded = [], []
    for name in read_list("organisations.txt"):
        if fold(name) in lexicon.allow:
            continue
        words = [fold(w) for w in re.findall(r"[^\W\d_]+", name)]
        (worded if all(w in lexicon.english for w in words) else plain).append(name)

    def alternation(names: list[str]) -> str:
        return "|".join(regex.escape(n) for n in sorted(names, key=len, reverse=True))

    edge_before, edge_after = r"(?<![\w&'’.-])", r"(?![\w&'’-]|\.\w)"
    cue = (r"(?<=\b(?:at|from|to|for|with|near|outside|into|joined|left|quit|by)[ \t]+"
           r"(?:the[ \t]+)?)")
    return (regex.compile(edge_before + "(?:" + alternation(plain) + ")" + edge_after),
            regex.compile(cue + "(?:" + alternation(worded) + ")" + edge_after))


class OrganizationRecognizer(_OrganizationBase):
    """Employers, schools, GP surgeries and hospitals named in the text."""

    NAME = "organization_patterns"

    def __init__(self, lexicon: Lexicon) -> None:
        super().__init__(lexicon)
        self._known, self._known_cued = _known_organisations(lexicon)

    def analyze(self, text: str, entities: list[str], nlp_artifacts: Any = None
                ) -> list[RecognizerResult]:
        if EntityType.ORGANIZATION.value not in entities:
            return []
        out = []
        for start, end, why in self._matches(text):
            span = text[start:end]
            if fold(span) in self.lexicon.allow or all(
                    w in _GENERIC or w in _PLAIN_KINDS for w in fold(span).split()) or (
                    re.fullmatch(r"(?i:the)[ \t]+(?:PICU|CMHT|CAMHS|CRHT)", span)):
                continue  # "the High School", "Sixth Form", "The PICU": a kind with no name
            out.append(_result(EntityType.ORGANIZATION, start, end, 0.7, self, why))
        return out

    def _czechish(self, word: str) -> bool:
        return any(c in _CZ_CHARS for c in word) or fold(word) not in self.lexicon.english

    def _town_names(self, text: str) -> Iterator[tuple[int, int, str]]:
        """"Mind in Bradford", "Healthy Minds Calderdale", "Larne Timber": capitalised words
        around a town's name make the name of something in that town."""
        for m in _CAP_RUN_RE.finditer(text):
            words = [(m.start() + w.start(), m.start() + w.end(), w.group())
                     for w in _WORD_RE.finditer(m.group())]
            found = self._town_name(words)
            if found is None:  # "Larne Timber in Blaenau Ffestiniog": try each side of "in"
                cuts = [k for k, (_, _, w) in enumerate(words) if w == "in"]
                for part in (words[:cuts[0]], words[cuts[-1] + 1:]) if cuts else ():
                    found = found or self._town_name(part)
            if found is not None:
                yield found[0], found[1], "organisation named with its town"

    def _town_name(self, words: list[tuple[int, int, str]]) -> tuple[int, int] | None:
        lex = self.lexicon
        while len(words) > 1 and words[0][2] != "The" and (
                fold(words[0][2]) in lex.not_names - {"mind"} or fold(words[0][2]) in TITLES) \
                and not words[1][2].endswith(("'s", "’s")):
            words = words[1:]  # "Yesterday Leeds...", "Dr Bradford" (not "Dr Gray's")
        while words and (words[-1][2] in {"of", "in", "and", "at", "the", "The"}
                         or fold(words[-1][2]) in _TIME_WORDS):
            words = words[:-1]  # "Leeds Last year"
        folded = [fold(w) for _, _, w in words]
        if sum(w[:1].isupper() for _, _, w in words) < 2:
            return None
        town = next(((k, n) for n in (3, 2, 1) for k in range(len(folded) - n + 1)
                     if tuple(folded[k:k + n]) in lex.places and words[k][2][:1].isupper()),
                    None)
        if town is None:
            return None
        k, n = town
        rest = [f for idx, f in enumerate(folded)
                if not k <= idx < k + n and words[idx][2][:1].isupper()]
        if not rest or all(lex.is_name(f) and f not in lex.english for f in rest) \
                or all(f in lex.regions or (f,) in lex.places for f in rest):
            return None  # "Anna Bradford" is a person; "Leeds Bradford" two towns
        return words[0][0], words[-1][1]

    def _foreign_names(self, text: str) -> Iterator[tuple[int, int, str]]:
        """"at Ústav pro péči o matku a dítě after", "at Fio banka": a capitalised run of
        Czech words inside an English sentence names an organisation (or a place)."""
        if _CZECH_HINT.search(text) is None:
            return  # no Czech letter and no Czech organisation word: nothing to find
        words = list(_WORD_RE.finditer(text))
        i = 1
        while i < len(words):
            w = words[i].group()
            if not (w[0].isupper() and self._czechish(w)):
                i += 1
                continue
            j = i + 1
            while j < len(words) and (self._czechish(words[j].group())
                                      or words[j].group() in _CZ_LINKS):
                gap = text[words[j - 1].end():words[j].start()]
                if gap != " " and not (gap == ". " and words[j - 1].group() in _CZ_LINKS):
                    break  # "hl. m. Prahy" runs on; "Klient. Rodné číslo" does not
                j += 1
            while j - 1 > i and words[j - 1].group() in _CZ_LINKS:
                j -= 1
            run = [x.group() for x in words[i:j]]
            prev = words[i - 1].group()
            span = text[words[i].start():words[j - 1].end()]
            capitals = sum(x[0].isupper() for x in run)
            if (2 <= len(run) <= 8 and "\n" not in span
                    and (any(c in _CZ_CHARS for c in span)
                         or any(x.islower() and x not in _CZ_LINKS for x in run[1:]))
                    and (capitals >= 2 or any(fold(x) in _CZ_ORG_WORDS_FOLDED for x in run))
                    and fold(prev) in self.lexicon.english and not self._czechish(prev)
                    and tuple(fold(span).split()) not in self.lexicon.places
                    and fold(" ".join(span.split())) not in self.lexicon.regions
                    and not any(fold(x) in self.lexicon.allow for x in run)):
                yield words[i].start(), words[j - 1].end(), "Czech name in an English sentence"
            i = j

    def _lower_org_names(self, words: list[str]) -> list[str]:
        """The name words before a lower-case kind, without the leading "at", "the", "my",
        "local"...; empty if only such words, or only generic ones ("business"), are left."""
        keep = 0  # the trailing words that are names, not "the", "my", "local"...
        while keep < len(words) and words[-1 - keep] not in _GENERIC \
                and fold(words[-1 - keep]) not in self.lexicon.not_names:
            keep += 1
        if keep:
            return words[len(words) - keep:]
        keep = 0  # "corby business academy": a generic word after a name no English word
        while keep < len(words) and fold(words[-1 - keep]) not in self.lexicon.not_names:
            keep += 1
        words = words[len(words) - keep:]
        while words and words[0] in _GENERIC:
            words = words[1:]
        return words if words and fold(words[0]) not in _EVALUATIVE else []

    def _matches(self, text: str) -> Iterator[tuple[int, int, str]]:
        for known in (self._known, self._known_cued):
            for m in known.finditer(text):
                yield m.start(), m.end(), "a well-known employer, chain or charity"
        for m in _ORG_RE.finditer(text):
            start = m.start()
            words = m.group().split()
            # do not swallow a leading sentence word: "Yesterday Riverside Surgery" -> keep 1
            before = text[:start].rstrip(" \t")
            opens = not before or before[-1] in ".!?:;\n\"“(" or before.endswith((" -", " –"))
            while opens and len(words) > 2 and fold(words[0]) in self.lexicon.not_names \
                    and words[0] != "The" and not words[1].endswith(("'s", "’s")):
                start = text.index(words[1], start + len(words[0]))
                words = words[1:]
            yield start, m.end(), "organisation name with its kind"
        for m in _FIELD_RE.finditer(text):
            first = fold(m.group(1).split()[0].rstrip(".,;"))
            if first not in _NO_ORGANISATION and first not in _TIME_WORDS:
                yield m.start(1), m.end(1), "organisation in a labelled field"
        for m in _ORG_LOWER_RE.finditer(text):
            names = self._lower_org_names(m.group(1).split())
            if names:  # "the corby business academy" -> "corby business academy"
                start = text.rindex(" ".join(names), m.start(), m.start(2))
                yield start, m.end(), "lower-case organisation name with its kind"
        for m in _COUNSELLING_LOWER_RE.finditer(text):
            names = self._lower_org_names(m.group(1).split())
            if names and all(w.isalpha() for w in names) and any(
                    len(w) >= 5 and fold(w) not in self.lexicon.english
                    and w not in _NOT_SERVICE_NAMES for w in names):  # not "grief counselling"
                start = text.rindex(" ".join(names), m.start(), m.start(2))
                yield start, m.end(), "lower-case counselling service with its name"
        for m in _ORG_CZ_LOWER_RE.finditer(text):
            if fold(m.group().split()[-1]) not in self.lexicon.not_names:
                yield m.start(), m.end(), "Czech organisation kind and name"
        for m in _FIRM_RE.finditer(text):
            names = [fold(w) for w in (m.group(1), m.group(2), m.group(3))]
            if all(n in self.lexicon.surnames and n not in self.lexicon.first_names
                   for n in names):
                yield m.start(), m.end(), "firm named after its partners"
        for m in _AT_RE.finditer(text):
            value = m.group(1)
            first = fold(value.split()[0].split("'")[0].split("’")[0].rstrip("."))
            lex = self.lexicon
            if first in lex.not_names or first in lex.allow or first in lex.roles \
                    or first in lex.regions or (first,) in lex.places or first in TITLES \
                    or first in _TIME_WORDS or first in _NOT_EMPLOYER:
                continue  # "at Christmas", "at Easter"
            if lex.is_name(first) and not re.fullmatch(r"\S+['’]s", value):
                continue  # "at Wendy's", "at Nando's": a business (or someone's home) anyway
            yield m.start(1), m.end(1), "capitalised name after at/left/joined"
        for m in _WEAK_KIND_RE.finditer(text):
            words = [fold(w) for w in _WORD_RE.findall(m.group())[:-1]]
            if any(w not in self.lexicon.english and w not in _GENERIC
                   and w not in self.lexicon.not_names for w in words if len(w) > 2):
                yield m.start(), m.end(), "organisation name with a common kind"
        lex = self.lexicon
        for m in _BRANCH_RE.finditer(text):
            name, town = fold(m.group(1)), tuple(fold(m.group(2)).split())
            placed = town in lex.places or all(
                w not in lex.english and not lex.is_name(w) and w not in lex.not_names
                and w not in _TIME_WORDS for w in town)
            if (placed and name not in lex.english and name not in lex.allow
                    and name not in lex.roles and (name,) not in lex.places
                    and name not in lex.regions and not lex.is_name(name)
                    and name not in _TIME_WORDS):
                yield m.start(1), m.end(1), "a shop's branch named by its town"
        for m in _NAMED_BRANCH_RE.finditer(text):
            first = fold(m.group(1).split()[0])
            if first not in _TIME_WORDS and first not in lex.roles and first not in lex.allow \
                    and first not in lex.not_names and (first,) not in lex.places \
                    and not lex.is_name(first.rstrip("s").rstrip("'’")):
                yield m.start(1), m.end(1), "a business named by its branch"
        for m in _SHOP_ON_STREET_RE.finditer(text):
            first = fold(m.group(1).split()[0])
            if first not in _TIME_WORDS and first not in lex.roles and first not in lex.allow \
                    and first not in _NOT_SHOPS and first not in TITLES \
                    and first not in lex.regions \
                    and first not in lex.first_names and first not in lex.not_names:
                yield m.start(1), m.end(2), "a shop named by its street"
        if _WARD_HINT.search(text):
            for m in _WARD_RE.finditer(text):
                yield m.start(), m.end(), "a hospital's ward by its number"
        yield from self._foreign_names(text)
        yield from self._town_names(text)
        for m in _UNIT_RE.finditer(text):
            yield m.start(), m.end(), "military unit"
        for m in _NAMED_UNIT_RE.finditer(text):
            if fold(m.group(1)) not in _GENERIC_UNIT and fold(m.group(1)) not in self.lexicon.allow:
                yield m.start(), m.end(), "ward or unit named by one word"
        for m in _WORK_RE.finditer(text):
            value = m.group(1)
            first = value.split()[0]
            if fold(first) in _WORK_STOP or fold(first) in self.lexicon.not_names:
                continue
            if len(value.split()) == 1 and any((c,) in self.lexicon.places
                                               for c in nominatives(fold(first))):
                continue  # "pracuju v Brně", "works in Leeds": where, not who
            if first.islower():
                value = first  # lower-case chat: one word ("i work at tesco")
            yield m.start(1), m.start(1) + len(value), "employer after a work cue"
