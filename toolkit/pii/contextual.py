"""Recognizers that read the spaCy tokens: NER and names (places and organisations are in
:mod:`toolkit.pii.places` and :mod:`toolkit.pii.organizations`, on the same base).

They are Presidio ``EntityRecognizer`` subclasses, so the analyzer runs them beside the pattern
recognizers and every result names the recognizer that found it. Each works on the tokens of
one piece of text (``nlp_artifacts.tokens``), with the :class:`~toolkit.pii.lexicon.Lexicon`
supplying names, places and the words that are only sometimes names.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from typing import Any, ClassVar

from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult

from toolkit.pii.czech import CZECH_LETTERS, name_nominatives, nominatives
from toolkit.pii.lexicon import KIND_WORDS, TITLES, Lexicon, fold
from toolkit.pii.types import EntityType

__all__ = ["NameRecognizer", "NerRecognizer"]

_SENT_END = frozenset({".", "!", "?", ":", ";", '"', "“", "”", "…", "-", "–", "—", "(", ")", "|",
                       "·", "•"})
_RELATIONS = frozenset(
    """wife husband partner boyfriend girlfriend fiance fiancee fiancé fiancée son daughter
    mum mom mother dad father brother sister sibling cousin aunt auntie uncle nephew niece
    grandma grandmother grandad granddad grandfather gran nan nana grandson granddaughter
    friend mate bestie boss manager colleague coworker co-worker neighbour neighbor flatmate
    roommate housemate ex therapist counsellor counselor psychiatrist psychologist doctor gp
    teacher tutor supervisor baby kid child stepdad stepmum stepmom stepson stepdaughter carer
    keyworker caseworker worker lodger landlord landlady pastor priest vicar coach bf gf bff
    hubby wifey fella bloke lad missus rep buddy sponsor mentor adviser advisor midwife pal
    dietitian physio solicitor kids sons daughters brothers sisters mates friends cousins
    grandkids grandchildren children sestra sestrou sestře bratr bratrem brácha máma mámou
    mamka táta tátou taťka kamarád kamarádka kamarádkou kamaráda přítel přítelem přítelkyně
    manžel manželem manželka manželkou syn synem dcera dcerou babička děda teta strejda šéf
    šéfová kolega kolegyně soused sousedka""".split()
)

#: Czech relation words (folded), after which a name follows directly ("ségra Ančka").
_CZ_RELATIONS = frozenset("""segra segru segry bracha brachu mama mamka tata tatka kamarad
    kamos kamoska kamosi kamoske
    kamaradka kamaradku pritel pritele pritelkyne manzel manzelka syn dcera babicka deda teta
    strejda sef sefova sefka kolega kolegyne soused sousedka sestra bratr bratra sestru vedouci
    vedouciho""".split())
#: Czech kin words in the nominative, folded: the relations and "žena", "brat", "strýc".
_KIN_NOMINATIVES = _CZ_RELATIONS | {"zena", "brat", "stryc"}
#: "a book ", "the app ": a thing, before "called" and its name in quotes.
_THING_BEFORE = re.compile(r"\b(?i:a|an|the|this|that|my|his|her|their|our)[ \t]+[\w-]+[ \t]+$")
#: Chat words that are no surname ("my friend sam prolly thinks").
_SLANG = frozenset("""prolly probs defo deffo lowkey highkey srsly literally basically actually
    honestly legit tbh kinda sorta proper""".split())
#: Words after a Czech relation that are no name even before a past-tense verb (folded).
_CZ_NOT_SUBJECTS = frozenset("""furt porad prej pry navic obcas vubec nekdy nejak hrozne
    totiz dokonce nakonec akorat treba stejne jako prece jen uplne fakt vzdycky casto zrovna
    ted dneska vcera zitra taky tez spis asi mozna hlavne proste stale jeste ktera ktery
    ktere kterou kteri jenz jez zase zas pak hned uz nikdy dnes znova""".split())
#: Czech greetings before "tady X" / "jsem X" that open a chat (folded).
_CZ_GREETINGS = frozenset("cau ahoj cus nazdar zdravim dobry dobrej hej cauky ahojky".split())
#: Kin words used as titles, before a name with no "my": "nana pat", "Uncle Mike".
_KIN_TITLES = frozenset("nana nan grandma gran granny grandad grandpa auntie aunty aunt "
                        "uncle nanna nanny".split())
#: Words right before a name that make even an ordinary word a name ("called Grace").
_STRONG_CUES = frozenset({"called", "named", "name's", "names", "nicknamed"})
#: Greetings and thanks: a capitalised word right after one is a name ("Hi Cian,").
_GREETINGS = frozenset({"hi", "hello", "hey", "hiya", "heya", "thanks", "thank", "dear", "bye",
                        "morning", "evening", "afternoon", "cheers", "ta", "sorry", "night",
                        "birthday", "bday", "congrats", "congratulations"})
#: Word-like names that, in lower case after "my sister", are the verb, not the name.
_VERBS = frozenset("said will may might can drew rose saw sang hope hopes told thinks says "
                   "mark marks bill grant pat sue rob chase wants".split())
#: What follows "I'm" when it is not a name: "im sad", "i'm fine", "im frank about it".
_STATES = frozenset(
    """sad fine good ok okay well tired happy sorry glad lost scared alone free sure ready late
    back done low down up bad better worse angry upset anxious afraid stuck sick ill busy home
    here there out away off on over new old young single married divorced pregnant broke calm
    hopeful grateful nervous worried confused numb empty grace hope will may joy faith frank
    mark rose chase sunny honest serious fair kind brave strong weak cool warm cold hot hungry
    sober clean straight gay bi trans quiet shy""".split()
)
_SELF_CUES = frozenset({"i'm", "im", "i’m"})
#: Titles written as abbreviations, folded, without their full stop ("mudr", "mgr", "dr").
_ABBREVIATED_TITLES = frozenset(
    {t.rstrip(".") for t in TITLES if t.endswith(".")} | {"dr", "mr", "mrs", "ms", "mx"})
#: What follows the subject opening a Czech sentence: "pepa se zase opil", "Lubo mi psal".
_CZ_SUBJECT_NEXT = frozenset("""se si mi me mu ji je ma uz zase taky rika chce psal psala
    rekl rekla napsal napsala""".split())
#: The same, without the pronouns an imperative also takes ("Zkuste si", "Podívejte se").
_CZ_SUBJECT_NEXT_STRONG = _CZ_SUBJECT_NEXT - {"se", "si", "je", "ma"}

#: Small words inside Czech names of places and organisations (folded).
_CZ_NAME_LINKS = frozenset("nad pod na u v ve z ze pro o a při sv".split())

#: Czech prepositions that put a name in another case: "s Luckou", "k Petrovi" (folded).
_CZ_CASE_PREPOSITIONS = frozenset("s se k ke u o pro za na do od bez pred".split())

#: Czech words that are also given names on the lists (folded): names only after a cue,
#: when the line is Czech ("jsem tu poprvé", "měl jsem byt", "ani mi to neřekly").
_CZ_COLLIDE = frozenset("""tu sem ani nam mel mela meli rana mala male malo dal dala dali mam
    mas jen pak tak den rok noc lev ven hned""".split())
#: Czech function words that are no English words, as written: two on a line make it Czech.
_CZ_FUNCTION = frozenset("""jsem jsi je jsme jste jsou se si že na mně už taky byl byla
    bylo mám není nevím protože když tady ještě jedu jdu zítra dneska včera teď nebo jestli
    prostě hodně já oni jí nás vás bude budu nemám chci musím můžu proč kde kdy od té bych
    aby jen nic něco vůbec pořád trochu docela máme nemůžu nechci spolu doma bez při jako
    který která které jeho její jejich tento této""".split())

#: What follows "jsem" ("I am") when it is not a name, folded.
_CZ_STATES = frozenset("""doma tady tam venku zpatky sama sam v ve na u z ok okay fajn rada
    rad nemocna nemocny zvedavy ted uz jeste porad taky unavena unaveny nastvana nastvany
    smutna smutny zklamana zklamany vycerpana vycerpany ztracena ztraceny vystresovana
    vystresovany zoufala zoufaly hotova hotovy vzhuru""".split()) | _CZ_COLLIDE

#: What follows the name in "Is X still living in...?", "Does X know?".
_FRAME_NEXT = frozenset(
    """still someone somebody around coming involved living staying aware okay ok going home
    there know knows helping looking doing feeling back the one at in with your been
    from""".split()
)
#: Verbs after a lower-case word that make it the name of who does them ("bhatt keeps...").
_SUBJECT_VERBS = frozenset(
    """said says told keeps kept thinks thought wants wanted knows knew hates hated texted
    called asked filled took came left was is has had does did laughed shouted cried text
    texts messaged rang sent found put leaves works moved gave got went made brought picked
    drove helped lives lived stayed wrote says let lets created added removed joined
    covered""".split()
)
#: Adverbs between a subject and its verb: "fardowsa just texted".
_ADVERBS = frozenset("just always never still also really literally actually finally even "
                     "keeps usually sometimes often".split())
_POSSESSIVES = frozenset({"my", "our", "his", "her", "their", "your"})
#: Verbs after which a clause, and so its subject, follows: "you said dyfan is back".
_REPORTING = frozenset("said says say mentioned mention told tells think thought reckon guess "
                       "know knew".split())
_BE_HAVE = frozenset("is was has had isn't wasn't hasn't didn't doesn't won't can't 's ’s"
                     .split())
#: Auxiliaries before a subject in a question: "what did Tasleem say", "could brecken help".
_AUXILIARIES = frozenset("did does do could can would will should might".split())
#: Bare verbs that follow a subject in such a question.
_BASE_VERBS = frozenset(
    """say know think feel help come go get take make want need mean react see understand
    like mind do be have tell talk ring call text visit stay live cope manage""".split()
)

#: Words that open a clause whose subject follows: "when X at Y offered", "if X hears you".
_CLAUSE_OPENERS = frozenset("when if whether did does until unless once".split())
#: A present-tense verb after such a subject: "if X hears", "whether X knows".
_PRESENT_S = frozenset("hears knows notices sees thinks says feels finds cares worries minds "
                       "realises realizes".split())
#: Kin after a name's possessive "s" typed without its apostrophe ("jaydons mum").
_POSSESSED_KIN = frozenset("""mum mom mam dad nan gran sister brother bf gf boyfriend girlfriend
    ex wife husband partner""".split())
#: Chat interjections before a message's subject: "lol X fell over".
_INTERJECTIONS = frozenset("lol omg haha ugh wow lmao omfg".split())

#: Endings after a hyphen that make a word, not a name: "Sunny-ish", "Cat-like".
_WORD_SUFFIXES = frozenset("ish like less ful free type ly ness ers er y ism ist".split())
_MODALS = frozenset("can could will would should might must does did".split())
#: What follows "X," when X is someone spoken to: "Lešek, what you said", "Jigs, you're on".
_VOCATIVE_NEXT = frozenset("""what you you're youre your how i i'm im thank thanks can could
    would do did are is have has tell please welcome that this it's""".split())
#: Verbs after which a capitalised unknown word is someone talked to ("rang Oyelaran").
_TALK_VERBS = frozenset(
    """spoke speak speaking spoken talked talk talking chatted chat texted text texting messaged
    message rang ring phoned phone emailed told tell asked ask met meet meeting saw see
    seeing hugged called contact contacted contacting mentioned mention""".split()
)
_AFTER_CUES = frozenset({"said", "says", "told", "asked", "thinks", "thought", "wants", "'s", "’s"})
#: Verbs of saying and messaging: after a word opening a sentence, they make it someone.
_SPEECH_VERBS = frozenset("""said says told tells thinks thought reckons texted messaged rang
    asked wants wanted knows knew laughed cried shouted replied invited blocked screamed
    snapped""".split())
#: What follows "X from" when X is someone: "Gaz from work", "Sunny from my course".
_FROM_GROUPS = frozenset("""work my our the school uni college church class next group
    upstairs downstairs""".split())

_PLACE_CUES = frozenset(
    """in from to near at around outside visit visiting visited moved move live lives living
    lived born raised grew towards toward via""".split()
)
#: Verbs before "from/in/to X" that make X a place: "moved here from", "grew up in".
_MOVE_WORDS = frozenset(
    """moved move moving here there live lives living lived born raised grew up flew fly
    flying travelled traveled travelling traveling went go going drove relocated based come
    came coming headed heading returned return returning""".split()
)
#: Words before "in X" that make X where someone is: "my dad's in Krnov", "she's based in".
_HOME_WORDS = frozenset("""is 's ’s s 'm ’m m am dad's mum's dads mums family parents lives
    stays works studies flat house home place""".split())

_PARTICLES = frozenset({"van", "von", "de", "der", "den", "da", "di", "del", "la", "le", "bin",
                        "al", "el", "du", "ter", "st", "st.", "ap", "an", "ní", "nic", "ó",
                        "ua", "dos", "das", "ibn", "bint"})


#: Unions used per token, built once.
_CLAUSE_VERBS = _SUBJECT_VERBS | _BE_HAVE | _MODALS
_RELATIONS_AND_VERBS = _RELATIONS | _VERBS
_GREETED_NEXT = _VOCATIVE_NEXT | {"u", "r", "hows"}
_CZ_CHARS = frozenset(CZECH_LETTERS)


_NAME_WORD_RE = r"[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ][\w'’-]+"
#: Vietnamese kin words, in lower case with their accents, that fold to a name ("bố" ~ "Bo",
#: "mẹ", "chị"): "had another row with bố" is about the speaker's father.
_VI_KIN = frozenset("bố mẹ chị ông bà cô chú dì cậu bác cháu".split())
#: The name under a letter's sign-off: "Yours sincerely,\n\nDr Ann Lee" (titles kept out).
_SIGNED = re.compile(
    r"^[ \t]*(?i:dictated[ \t]+but[ \t]+not[ \t]+read|yours[ \t]+(?:sincerely|faithfully|truly)|"
    r"kind[ \t]+regards|best[ \t]+wishes|with[ \t]+best[ \t]+wishes|warm[ \t]+regards|"
    r"many[ \t]+thanks|s[ \t]+pozdravem|s[ \t]+přátelským[ \t]+pozdravem)[.,]?[ \t]*\n(?:[ \t]*\n)?"
    r"[ \t]*(?:(?:Dr|Mr|Mrs|Ms|Mx|Prof|Mgr|MUDr|PhDr|Bc|Ing)\.?[ \t]+)?(" + _NAME_WORD_RE
    + r"(?:[ \t]+(?:" + _NAME_WORD_RE + r"|(?:mac|mc|an|de|van|von|t)[\w'’-]*)){1,3})"
    r"(?=[ \t]*(?:,|\(|$))",
    re.MULTILINE)
#: "– Haldane, Marsali –", "| Krátká, Vladislava |": a surname and given name set off by
#: dashes or pipes in a header line.
_HEADER_NAME = re.compile(r"(?<=[–—|][ \t])" + _NAME_WORD_RE + r",[ \t]" + _NAME_WORD_RE
                          + r"(?=[ \t][–—|])")

#: A chat export's system line: "14/03/2024, 19:02 - Gaz added Becks, +44 7700 900417 and
#: Tendai" (the members added or removed are people).
_ADDED = re.compile(r"(?m)(?:^|[-–][ \t]|\][ \t])(?:[A-Z][\w'’-]*(?:[ \t][A-Z][\w'’-]*)?|You)"
                    r"[ \t]+(?:added|removed)[ \t]+([^\n]{2,200}?)"
                    r"(?:[ \t]+(?:to|from)[ \t]+the[ \t]+(?:chat|group))?$")
#: One member named on such a line: one to three capitalised words.
_MEMBER = re.compile(_NAME_WORD_RE.replace("+", "*") + r"(?:[ \t]" + _NAME_WORD_RE.replace("+", "*")
                     + r"){0,2}")
#: Slots only a person's name fills, whatever the name looks like.
#: Dotted capitals that are no one's initials.
_NOT_INITIALS = frozenset("""U.S. U.K. A.M. P.M. N.B. P.S. D.C. E.U. G.P. A.D. B.C. Q.C. R.N. M.D.
    O.K. T.V. I.D. U.N. N.Y. L.A. D.J. M.P. P.E. R.I.P. A.K.A. E.T.A. D.O.B. B.A. M.A. B.S.
    M.S. P.T. O.T. I.T. H.R. U.S.A. A.S.A.P. R.S.V.P. C.V. N.H.S. S.T. A.A. N.A.
    A.E. E.R. I.C.U. A.I. S.O.S. T.B.C. T.B.A. F.A.Q. P.O. U.A.E. G.B. B.B.C. A.T.M. V.A.
    R.E. C.E.O. A.C. D.V.D. L.L.C. A.P. E.M. O.D. D.N.A. I.V. U.T.I. S.E.N. C.P.N. D.W.P.
    G.A.D. I.B.S. O.C.D. B.P.D. P.M.S. C.M.H.T. A.D.H.D. P.T.S.D. E.M.D.R. S.S.R.I. C.A.M.H.S.
    A.S.D. M.S.W. L.C.S.W. R.M.N. C.B.T. D.B.T. H.M.R.C. D.V.L.A. P.I.P. E.S.A. U.C.
    N.I.""".split())
#: Why two slots are found, which their checks below look for.
_QUOTED_NAME = "a name in quotes after 'called' or 'first name'"
_INITIALS = "a person's initials"
_SURNAME_FIRST = "'Surname, Given name' after a patient label"
_APPOSITIVE = "a name before ', my manager', ', my sister'"
_TRANSCRIBER = "who transcribed or typed it"
#: Days and seasons that open a sentence like a name: "Mondays, my manager is worst".
_NOT_WHEN = frozenset("""monday tuesday wednesday thursday friday saturday sunday mondays tuesdays
    wednesdays thursdays fridays saturdays sundays weekends weekdays mornings evenings nights
    summer winter spring autumn christmas easter ramadan""".split())
_LOWER_FRAME = "a lower-case name in a chat frame ('did you see what kez posted')"
#: Chat words that are neither English nor names ("what ppl said").
_CHAT_WORDS = frozenset("""ppl peeps fam smb bae prolly hun hon bezzie bestie bruv bby yall youse
    youz cpn sarge sensei bbf sooo soo ffs bruh welp oof yh yep nope okay ok lol omg tbh
    honestly anyway lockdown boyf roomie bestfriend bestmate hubs""".split())
#: Grandparents, aunts and parents in the words families use at home ("since nonna died").
_HOME_KIN = frozenset("""nonna nonno babcia dziadek abuela abuelo abuelita abuelito nain taid
    bampi bampa gramps grampy granda mammy aunty pappy opa oma nani nana dadi dada ammi abbu
    yiayia papou bubbe zayde babicka deda taita mamo tato mamka taťka tatka baba dedo""".split())
_LOW = r"[a-zà-ÿčďěňřšťůž][a-zà-ÿčďěňřšťůž'’-]{2,}"
_LOW_NAME = rf"({_LOW}(?:[ \t]{_LOW})?)"
#: Where a chat names someone in lower case: "did you see what kez posted", "since annest
#: died", "when wenona said that", "its hanoras birthday", "rhonwen shouted at me".
_LOWER_FRAMES = (
    rf"\bwhat[ \t]+{_LOW_NAME}[ \t]+(?:posted|said|wrote|did|sent|texted|shared)\b",
    rf"\bwhen[ \t]+{_LOW_NAME}[ \t]+(?:said|did|told|posted|wrote|left|shouted|texted|messaged)\b",
    rf"\bsince[ \t]+{_LOW_NAME}[ \t]+(?:died|passed|left)\b",
    rf"\b(?i:you|u)[ \t]+mentioned[ \t]+{_LOW_NAME}(?=[ \t]+in[ \t]+[A-Z])",  # and a town
    rf"\bits[ \t]+({_LOW})s[ \t]+(?:birthday|bday)\b",
    rf"(?:^|[>:,.!?][ \t]*|\b(?:and|but|tbh|lol|apparently)[ \t]+){_LOW_NAME}[ \t]+"
    r"(?:shouted|yelled|screamed|snapped)[ \t]+at[ \t]+me\b",
    rf"(?:^|[>:,.!?][ \t]*|\b(?:and|but|no|tbh|lol|apparently)[ \t]+){_LOW_NAME}[ \t]+said[ \t]+"
    r"(?:i|im|i'm|i’m|that|it|its|it's)\b",
)
_NAME_SLOTS = (
    (re.compile(r"\b(?:Dr|Mr|Mrs|Ms|Mx|Miss|Prof|Professor|Doctor|Sir|Dame|Cllr|Revd?)\.?[ \t]+"
                r"((?:[A-Z]\.?[ \t]?){1,3}[ \t]*" + _NAME_WORD_RE + r")"),
     "title, initials and surname"),  # "Dr H Marsh-Whitaker", "for Dr A Nwosu"
    (re.compile(r"\b(?i:known[ \t]+as|goes[ \t]+by|go[ \t]+by|calls[ \t]+(?:him|her)self|"
                r"nicknamed|we[ \t]+call(?:ed)?[ \t]+(?:him|her|them))[ \t]+[\"“'‘(]?"
                r"([A-Z][\w'’-]*(?:[ \t][A-Z][\w'’-]*)?)"),
     "name after 'known as'"),  # "(known as TJ)", "she goes by Mo"
    (re.compile(r"\b(?i:caller[ \t]+name|account[ \t]+name|name[ \t]+on[ \t]+(?:the[ \t]+)?account|"
                r"account[ \t]+holder|cardholder|payee|next[ \t]+of[ \t]+kin)[ \t]*:[ \t]*[\"“]?"
                r"((?:[A-Z]\.?[ \t]+){0,3}[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]+){0,2})"),
     "name in a labelled field"),  # "Account name: R M Chiswick", 'Caller name: "TJ"'
    (re.compile(r'"(?i:real_?name|full_?name|first_?name|last_?name|sur_?name|given_?name|'
                r'sender_?name|from_?name|author_?name|name)"[ \t]*:[ \t]*"([^"\n]{2,60})"'),
     "name in a JSON field"),  # '"real_name": "Gareth Whelan"'
    (re.compile(r"\b(?i:called|calls[ \t]+(?:him|her)|call[ \t]+(?:him|her)|named|"
                r"first[ \t]+name|nicknamed?|known[ \t]+as|jménem|přezdívkou|říkali|říkají)"
                r"[ \t]*[:,]?[ \t]*[\"“„]"
                r"([A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ][\w'’-]*(?:[ \t][A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ][\w'’-]*)?)[\"”“]"),
     _QUOTED_NAME),  # 'who she called "Big Si"'
    (re.compile(r"(?<![\w.])((?:[A-Z]\.){2,3})(?![\w.]|[ \t]?[A-Z]\.|[ \t]?[A-Z][a-z])"),
     _INITIALS),  # "heads up — J.P. called", "handover — J.M."
    *((re.compile(frame, re.MULTILINE), _LOWER_FRAME) for frame in _LOWER_FRAMES),
    # a name spelt out letter by letter: "that's K-A-Y-L-E-I-G-H"
    (re.compile(r"(?<![\w-])((?:[A-Z]-){3,}[A-Z])(?![\w-])(?<![AEIOU]-[AEIOU])"),
     "a name spelt out"),  # not "A-E-I-O-U"
    (re.compile(r"(?<![\w'’])([A-Z][a-z'’-]+(?:[ \t][A-Z][a-z'’-]+)?),[ \t]+(?:my|our|his|her|"
                r"their)[ \t]+(?:(?:line[ \t]+)?manager|boss|supervisor|sister|brother|mum|mom|"
                r"mam|dad|(?:best[ \t]+)?friend|mate|pal|partner|husband|wife|son|daughter|cousin|"
                r"aunt|auntie|uncle|nan|nana|gran|granny|grandma|grandad|grandpa|neighbou?r|"
                r"colleague|flatmate|roommate|housemate|ex|girlfriend|boyfriend|fianc[ée]e?|"
                r"sponsor|coach|teacher|tutor|landlord|landlady|key[ \t]?worker|carer|caseworker|"
                r"social[ \t]+worker|stepdad|stepmum|stepmom|niece|nephew)\b"),
     _APPOSITIVE),  # "Gaz, my manager, put me on five in a row"
    (re.compile(r"\b(?:Patient|Pt|Re|Name|Pacient(?:ka)?|Jméno)[ \t]*:?"
                r"[ \t]+(" + _NAME_WORD_RE + r",[ \t]" + _NAME_WORD_RE + r")"
                r"(?=[ \t]*(?:[,(|;–—]|$))", re.MULTILINE),
     _SURNAME_FIRST),  # "Patient Wawrzyniak, Taranjit, NHS" (not "Re: Housing, Benefits")
    (re.compile(r"\b(?:Přepsal[a]?|Zapsal[a]?|(?i:transcribed|typed|dictated)[ \t]+by)[ \t]*:?"
                r"[ \t]+(?:(?:Dr|Mr|Mrs|Ms|Mx|Miss|Prof|Mgr|MUDr|PhDr|Bc|Ing)\.?[ \t]+)?"
                r"(" + _NAME_WORD_RE + r"(?:[ \t]+" + _NAME_WORD_RE + r"|[ \t]+[A-Z]\.?"
                r"(?![\w]))?)"),
     _TRANSCRIBER),  # "Přepsala Děpold K.", "Typed by Ann Lee"
)

#: What follows a name that opens a message to that person: "Dalisay you're a star".
_ADDRESSED_NEXT = frozenset({"you", "you're", "youre", "u", "i"})


def _past_tense(word: str) -> bool:
    """A regular past tense ("covered", "walked"), folded."""
    return len(word) > 4 and word.endswith("ed") and word.isalpha()


def _result(entity: EntityType, start: int, end: int, score: float,
            recognizer: EntityRecognizer, why: str) -> RecognizerResult:
    explanation = AnalysisExplanation(recognizer=recognizer.name, original_score=score,
                                      textual_explanation=why)
    return RecognizerResult(
        entity_type=entity.value, start=start, end=end, score=score,
        analysis_explanation=explanation,
        recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: recognizer.name,
                              RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: recognizer.id},
    )


def _sentence_start(tokens: Any, i: int) -> bool:
    """True when token ``i`` opens a sentence, a line or a speaker turn."""
    if i == 0:
        return True
    prev = tokens[i - 1]
    if _after_title_stop(tokens, i):
        return False  # "MUDr. Jáchym Pilař": the title's full stop ends no sentence
    return (prev.is_space or prev.text in _SENT_END or "\n" in prev.whitespace_
            or (prev.is_punct and prev.text[-1:] in _SENT_END))  # "):" after "(9:33 AM"


def _is_initial(tok: Any) -> bool:
    """A middle initial: "J" or "J." (spaCy may keep the full stop on the token)."""
    text = tok.text.rstrip(".")
    return len(text) == 1 and text.isalpha() and text.isupper()


def _hyphen_end(tokens: Any, j: int) -> int:
    """End of a lower-case word's hyphenated parts starting at token ``j`` ("soo-jin"): the
    hyphen is tight on both sides and each part is lower-case letters."""
    while (j + 1 < len(tokens) and tokens[j].text == "-" and not tokens[j - 1].whitespace_
           and not tokens[j].whitespace_ and tokens[j + 1].is_lower and tokens[j + 1].is_alpha):
        j += 2
    return j


def _title_before(tokens: Any, i: int) -> bool:
    """A title right before token ``i``: "Dr Okafor", "Mrs. Dvořáková", and "MUDr. Kratina",
    where spaCy splits the full stop from a title it does not know."""
    prev = _prev_words(tokens, i, 1)
    if prev and (prev[0] in TITLES or prev[0].rstrip(".") in TITLES):
        return True
    return _after_title_stop(tokens, i)


def _after_title_stop(tokens: Any, i: int) -> bool:
    """Token ``i`` follows an abbreviated title and its full stop, which spaCy split off
    ("MUDr. Kratina"); not a full word ("my sister. Kratom...")."""
    return (i >= 2 and tokens[i - 1].text == "." and not tokens[i - 2].whitespace_
            and fold(tokens[i - 2].text) in _ABBREVIATED_TITLES)


def _line_of(tok: Any) -> tuple[bool, bool]:
    """(shouted, Czech) for the line of ``tok``, computed once per line of its doc."""
    doc = tok.doc
    lines = doc.user_data.get("confide_lines")
    if lines is None:
        starts, flags = [], []
        pos = 0
        text = doc.user_data.get("confide_text")
        for line in (text if text is not None else doc.text).split("\n"):
            starts.append(pos)
            flags.append((_shouted_text(line), _czech_text(line.lower())))
            pos += len(line) + 1
        lines = doc.user_data["confide_lines"] = (starts, flags)
    starts, flags = lines
    return flags[bisect_right(starts, tok.idx) - 1]


def _shouted_text(line: str) -> bool:
    """At least four words, nine in ten of them in capitals: capitals mark nothing there."""
    words = [w for w in line.split() if any(c.isalpha() for c in w)]
    return len(words) >= 4 and sum(w.isupper() for w in words) >= 0.9 * len(words)


def _czech_text(line: str) -> bool:
    """Two Czech function words, or one and two letters only Czech writes (``line``
    lower-cased). Czech names alone ("kateřina thinks...") do not make a line Czech."""
    function_words = sum(w.strip(".,!?") in _CZ_FUNCTION for w in line.split())
    return function_words >= 2 or (
        function_words == 1 and sum(line.count(c) for c in "ěščřžůňťď") >= 2)


def _shouted_line(tok: Any) -> bool:
    """Whether the line of ``tok`` is written in capitals ("MY DAD GARY IS SO ANNOYING")."""
    return _line_of(tok)[0]


def _czech_line(tok: Any) -> bool:
    """Whether the line of ``tok`` is Czech."""
    return _line_of(tok)[1]


def _kin_form(folded: str) -> bool:
    """"přítelem", "tátou", "ženou": a relative in another case, not a given name."""
    return folded in _CZ_RELATIONS or folded in _RELATIONS or any(
        c in _KIN_NOMINATIVES for c in nominatives(folded))


def _czech_state(word: str) -> bool:
    """"jsem unavená", "jsem doma": what follows "jsem" when it is not a name."""
    f = fold(word)
    return word[-1:] in {"á", "ý", "í", "é"} or f in _CZ_STATES


def _prev_words(tokens: Any, i: int, n: int = 3) -> list[str]:
    """Folded texts of up to ``n`` non-punctuation tokens before ``i`` on the same line."""
    out: list[str] = []
    j = i - 1
    while j >= 0 and len(out) < n:
        tok = tokens[j]
        if tok.is_space or "\n" in tok.whitespace_:
            break
        if not tok.is_punct:
            out.append(fold(tok.text))
        elif tok.text not in {",", "'"}:
            break
        j -= 1
    return out


class _LexiconRecognizer(EntityRecognizer):
    """Base for recognizers that need the lexicon; nothing to load."""

    NAME = "confide"

    def __init__(self, lexicon: Lexicon, entities: Sequence[EntityType]) -> None:
        self.lexicon = lexicon
        super().__init__(supported_entities=[e.value for e in entities],
                         name=self.NAME, supported_language="en")

    def load(self) -> None:
        return None

    def _leading_word(self, first: str, second: str) -> bool:
        """Whether ``first`` opens a sentence before a given name rather than being one:
        "Honestly Sarah", "Ring Oskar" (yes); "Tom Jones", "Zbyszek Kowalski" (no)."""
        lex = self.lexicon
        if second not in lex.first_names:
            return False
        if first in lex.first_names and second in lex.surnames:
            return False  # a first name and a surname: "Tom Jones"
        return not lex.is_name(first) or first in lex.name_words

    def cue_strength(self, tokens: Any, i: int) -> int:
        """2 for a strong name cue before token ``i`` (title, relation, "called"), 1 weak, 0."""
        if (i >= 2 and tokens[i - 1].text == ":"
                and fold(tokens[i - 2].text) in {"name", "jmeno", "names"}):
            return 2  # "Name: Sieda Batukayev"
        if _title_before(tokens, i):
            return 2
        if tokens[i].text[:1] == "@" or (i >= 1 and tokens[i - 1].text == "@"
                                         and not tokens[i - 1].whitespace_):
            return 2  # "@Tomáš Kolínský": a mention
        prev = _prev_words(tokens, i, 3)
        if not prev:
            return 0
        if prev[0] in _STRONG_CUES or prev[:2] in (["is", "name"], ["me", "call"],
                                                    ["'s", "name"], ["’s", "name"]):
            return 2
        if prev == ["name"] and tokens[i - 1].text == "Name" and _sentence_start(tokens, i - 1):
            return 2  # a form line: "Name Ealasaid Macrae | DOB ..."
        if (len(prev) >= 2 and prev[0] in {"'s", "’s", "is", "was"} and prev[1] in _RELATIONS
                and (len(prev) < 3 or prev[2] in _POSSESSIVES
                     or _POSSESSIVES & set(_prev_words(tokens, i, 4)[3:]))):
            return 2  # "My mum's Precious", "her brother is Digby", "my course rep is pao"
        if prev[0] in _KIN_TITLES and not _sentence_start(tokens, i) and (
                tokens[i].text[:1].isupper() or self.lexicon.is_name(fold(tokens[i].text))):
            return 2  # "food with nana pat", "tell grandma jo", "Auntie Lorraine rang"
        if prev[0] in _RELATIONS and (len(prev) < 2 or prev[1] in {
                "my", "our", "his", "her", "their", "your", "best", "older", "younger", "little",
                "big", "step", "ex", "new", "old", "the", "a", "late", "eldest", "youngest"}):
            return 2
        if prev[:2] in (["se", "jmenuju"], ["se", "jmenuji"], ["mi", "rikejte"], ["mi", "rikej"],
                        ["mi", "rikaji"], ["mi", "rikaj"], ["me", "oslovujte"]):
            return 2  # "jmenuju se Miroš", "Říkejte mi Elenka"
        if prev[0] in _CZ_RELATIONS and (tokens[i].text[:1].isupper()
                                         or self.lexicon.is_name(fold(tokens[i].text))):
            return 2  # "ségra markétka mi píše", "šéf Prokůpek": no article in Czech (but
            # not "máma dělá", "syn nepřišel": a verb follows as often as a name)
        if (prev[0] in _SELF_CUES or prev[:2] in (["am", "i"], ["is", "this"])
                or (prev[:2] in (["'s", "it"], ["’s", "it"]) and tokens[i].text[:1].isupper())
                or (prev[0] in {"m", "'m", "’m"} and prev[1:2] == ["i"])
                or (prev[0] == "jsem" and not _czech_state(tokens[i].text))):
            return 1
        return 0

    @staticmethod
    def _titled(tokens: Any, i: int) -> bool:
        """A title right before token ``i`` ("dr okafor", "Mrs Dvořáková", "MUDr. Kratina")."""
        return _title_before(tokens, i)


class NerRecognizer(_LexiconRecognizer):
    """spaCy's entities, mapped onto confide's types and filtered for conversation text."""

    NAME = "spacy_ner"
    _MAP: ClassVar[dict[str, EntityType]] = {
        "PERSON": EntityType.PERSON, "GPE": EntityType.LOCATION, "LOC": EntityType.LOCATION,
        "FAC": EntityType.LOCATION, "ORG": EntityType.ORGANIZATION,
    }

    def __init__(self, lexicon: Lexicon) -> None:
        super().__init__(lexicon, sorted(set(self._MAP.values())))

    def analyze(self, text: str, entities: list[str], nlp_artifacts: Any = None
                ) -> list[RecognizerResult]:
        if nlp_artifacts is None:
            return []
        tokens = nlp_artifacts.tokens
        out = []
        for ent in nlp_artifacts.entities:
            kind = self._MAP.get(ent.label_)
            if kind is None or kind.value not in entities:
                continue
            span = self._trim(tokens, ent.start, ent.end)
            if span is None:
                continue
            start, end = span
            if not self._keep(tokens, start, end, kind):
                continue
            out.append(_result(kind, tokens[start].idx, tokens[end - 1].idx + len(tokens[end - 1]),
                               0.85, self, f"spaCy {ent.label_}"))
        return out

    def _trim(self, tokens: Any, start: int, end: int) -> tuple[int, int] | None:
        """Drop titles, articles, punctuation and role words at the edges of an entity."""
        lex = self.lexicon
        edge = TITLES | {"my", "our", "hi", "hey", "hello", "dear", "thanks"}
        while start < end and (tokens[start].is_punct or tokens[start].is_space
                               or fold(tokens[start].text) in edge
                               or tokens[start].text in {"the", "a", "an"}
                               or fold(tokens[start].text) in lex.roles):
            start += 1
        while end > start and (tokens[end - 1].is_punct or tokens[end - 1].is_space
                               or fold(tokens[end - 1].text) in {"'s", "’s"}):
            end -= 1
        if start >= end:
            return None  # nothing but titles, greetings or punctuation ("Thank you, Doctor")
        if (end - start >= 2 and _sentence_start(tokens, start)
                and self._leading_word(fold(tokens[start].text), fold(tokens[start + 1].text))):
            start += 1  # "Take Sarah to ..." -> "Sarah"
        if start > 0 and tokens[start - 1].text == "[" and any(
                t.text == "]" for t in tokens[end:end + 4]):
            return None  # transcript annotations: [Inaudible], [Crosstalk begins]
        return (start, end) if start < end else None

    def _czech_entity(self, words: list[Any], folded: list[str]) -> bool:
        """On a Czech line the English model tags ordinary phrases; a name or a place there
        is capitalised word by word ("Nemocnice Na Bulovce", "Rychnov nad Kněžnou"), and a
        single word opening a sentence must be on a name or place list."""
        if any(t.is_lower and f not in _CZ_NAME_LINKS for t, f in zip(words, folded, strict=True)):
            return False
        if len(words) == 1:  # "Těžká depresivní fáze": one capitalised word needs a list
            lex = self.lexicon
            return lex.is_name(folded[0]) or (folded[0],) in lex.places or any(
                c in lex.first_names or (c,) in lex.places
                for c in name_nominatives(folded[0]) | nominatives(folded[0]))
        return True

    def _keep(self, tokens: Any, start: int, end: int, kind: EntityType) -> bool:
        lex = self.lexicon
        words = [t for t in tokens[start:end] if not t.is_punct and not t.is_space]
        if not words:
            return False
        folded = [fold(t.text) for t in words]
        joined = " ".join(folded)
        if joined in lex.allow or all(f in lex.allow for f in folded):
            return False
        if _czech_line(words[0]) and not self._czech_entity(words, folded):
            return False  # the English model on a Czech sentence: "ta hádka s mámou"
        if joined.removeprefix("the ") in lex.regions and (
                kind is not EntityType.PERSON or self.cue_strength(tokens, start) < 2):
            return False  # countries, states, counties: kept
        if kind is not EntityType.LOCATION and any(
                t.like_num or any(c.isdigit() for c in t.text) for t in words):
            return False  # "09:34", "Room 4"
        if all(t.is_lower for t in words) and not any(lex.is_name(f) for f in folded):
            return False  # lower-case words the English model took for a name ("říct anglicky")
        if kind is EntityType.ORGANIZATION and any(t.text in {"/", "|"} for t in words):
            return False  # "Focus group / interview": a heading, not a name
        if len(words) == 1:
            tok, f = words[0], folded[0]
            if (f in lex.english and not lex.is_name(f) and _sentence_start(tokens, start)
                    and (f,) not in lex.places):
                return False  # "Broadband's a joke", "Focus on...": a word opening a sentence
            if f.endswith(("ed", "ing")) and not lex.is_name(f) and kind is not \
                    EntityType.LOCATION:
                return False  # "Transcribed", "Checking": headers and verbs
            if f in lex.not_names or f in lex.roles:
                return False
            if tok.is_upper and ((len(tok) <= 5 and not lex.is_name(f)) or f in lex.english):
                return False  # acronyms (CBT, DBT, PHQ...) and shouted words (LOVE)
            if tok.is_lower and not (lex.is_plain_name(f) or (f,) in lex.places):
                return False
            if (kind is EntityType.PERSON and f in lex.name_words
                    and _sentence_start(tokens, start) and self.cue_strength(tokens, start) < 2):
                return False  # "Hope is..." / "Will you..."
        return True


class NameRecognizer(_LexiconRecognizer):
    """People's names from the name lists, capitalised or not, helped by cues."""

    NAME = "name_lexicon"

    def __init__(self, lexicon: Lexicon) -> None:
        super().__init__(lexicon, [EntityType.PERSON])

    def analyze(self, text: str, entities: list[str], nlp_artifacts: Any = None
                ) -> list[RecognizerResult]:
        if nlp_artifacts is None or EntityType.PERSON.value not in entities:
            return []
        found = [_result(EntityType.PERSON, s, e, score, self, why)
                 for s, e, score, why in self._names(nlp_artifacts.tokens)]
        for m in _SIGNED.finditer(text):  # "Dictated but not read.\nHyun-woo Pettibone, ..."
            found.append(_result(EntityType.PERSON, m.start(1), m.end(1), 0.7, self,
                                 "name under a letter's sign-off"))
        for m in _HEADER_NAME.finditer(text):  # "Session 11 (CBT) – Haldane, Marsali – Fri ..."
            found.append(_result(EntityType.PERSON, m.start(), m.end(), 0.65, self,
                                 "'Surname, Given name' between separators"))
        for m in _ADDED.finditer(text):  # "Gaz added Becks, +44 7700 900417 and Tendai"
            for item in re.finditer(r"[^,]+", m.group(1)):
                for part in re.split(r"[ \t]+and[ \t]+", item.group()):
                    name = part.strip()
                    if (_MEMBER.fullmatch(name) and fold(name) != "you"
                            and fold(name) not in _RELATIONS and fold(name) not in _KIN_TITLES
                            and fold(name) not in self.lexicon.roles):  # not "added Mum"
                        start = m.start(1) + item.start() + item.group().index(part) \
                            + (len(part) - len(part.lstrip()))
                        found.append(_result(EntityType.PERSON, start, start + len(name), 0.7,
                                             self, "member added in a chat export"))
        for regex, why in _NAME_SLOTS:
            for m in regex.finditer(text):
                value = m.group(1)
                if (fold(value) in self.lexicon.allow or fold(value) in self.lexicon.roles
                        or fold(value) in _RELATIONS):
                    continue  # "Next of kin: Mum (01632 960444)"
                letters = fold(value.replace(".", ""))
                if why == _INITIALS and (
                        value.upper() in _NOT_INITIALS or letters in self.lexicon.allow
                        or letters in self.lexicon.roles or letters in self.lexicon.english):
                    continue  # "my C.P.N.", "the D.W.P.": acronyms, not someone's initials
                if why == _QUOTED_NAME and _THING_BEFORE.search(
                        text, max(0, m.start() - 40), m.start()) and all(
                        fold(w) in self.lexicon.english and not self.lexicon.is_name(fold(w))
                        for w in value.split()):
                    continue  # 'a book called "Atomic Habits"' (not 'who she called "Big Mo"')
                if why == _LOWER_FRAME and any(
                        self._never_a_name(fold(w)) or fold(w) in self.lexicon.english
                        or w in _VI_KIN
                        or all(fold(p) in self.lexicon.english for p in w.split("-"))
                        for w in value.split()):
                    continue  # "what everyone posted", "since nan died", "what ppl said"
                words = value.replace(",", " ").split()
                if why in (_SURNAME_FIRST, _APPOSITIVE, _TRANSCRIBER) and any(
                        self._never_a_name(fold(w)) or fold(w) in _NOT_WHEN
                        or (fold(w) in self.lexicon.english and not self.lexicon.is_name(fold(w)))
                        for w in words):
                    continue  # "Re: Housing, Benefits", "Sooo, my ex", "Typed by Admin Team"
                if why == _SURNAME_FIRST and any(w.isupper() for w in words):
                    continue  # "Re: ADHD, ASD" ("Re: Sertraline, Citalopram" is allowed above)
                found.append(_result(EntityType.PERSON, m.start(1), m.end(1), 0.7, self, why))
        return found

    def _never_a_name(self, folded: str) -> bool:
        """A word that fills a name slot without being a name: a relative ("nonna"), a chat
        word ("ppl"), a role, an allowed term or a word on the not-a-name list (folded)."""
        lex = self.lexicon
        return (folded in lex.not_names or folded in _RELATIONS or folded in _CHAT_WORDS
                or folded in _HOME_KIN or folded in lex.allow or folded in lex.roles)

    def _names(self, tokens: Any) -> Iterator[tuple[int, int, float, str]]:
        i, n = 0, len(tokens)
        while i < n:
            j = self._run_end(tokens, i)
            if j > i:
                found = self._judge_run(tokens, i, j)
                if found is not None:
                    yield found
                i = j
            else:
                i += 1

    def _token_class(self, tok: Any) -> str:
        """P plain name, A name that is also a word, N unknown word, X never a name."""
        f = fold(tok.text)
        lex = self.lexicon
        if (f in lex.not_names or f in lex.allow or f in lex.roles or f in TITLES
                or f in KIND_WORDS or tok.text in _VI_KIN):
            return "X"
        if lex.is_name(f):
            return "A" if f in lex.name_words or f in lex.regions else "P"
        if f in lex.regions:
            return "X"
        if self._czech_declined_name(tok, f):
            return "P"  # "s Luckou", "Kubovi", "Jaroslave,"
        return "N"

    def _czech_declined_name(self, tok: Any, f: str) -> bool:
        """A capitalised word that is a Czech given name in another case, on a Czech line:
        "s Luckou", "Kubovi", "s Vítkem" anywhere; "Jaroslave," "s Lucku" only as a vocative
        or after a preposition, since verbs end the same way ("Beru olanzapine")."""
        if not tok.text[:1].isupper() or tok.text.isupper() or f in self.lexicon.english:
            return False
        if not any(c in self.lexicon.first_names for c in name_nominatives(f)):
            return False
        if not (f.endswith("ovi") or _czech_line(tok) or _CZ_CHARS & set(tok.text)):
            return False
        doc, i = tok.doc, tok.i
        prev = fold(doc[i - 1].text) if i > 0 else ""
        nxt = doc[i + 1].text if i + 1 < len(doc) else ""
        if prev in _CZ_CASE_PREPOSITIONS or nxt in {",", "!"}:
            return True
        return f.endswith(("ovi", "ou", "em")) and not _sentence_start(doc, i)


    def _shape(self, tok: Any) -> str:
        """'cap' (Sarah, O'Brien, Dvořák), 'low' (sarah) or '' (anything else)."""
        t = tok.text
        if t[0] == "@" and t[1:2].isupper() and t[1:].isalpha() and not t[1:].isupper():
            return "cap"  # "@Tomáš": a mention
        if len(t) < 2 or not t[0].isalpha() or not t.replace("'", "").replace("’", "").isalpha():
            return ""
        if t[0].isupper() and not t.isupper():
            return "cap"
        if t.islower():
            return "low"
        if len(t) >= 3 and _shouted_line(tok):
            return "low"  # "MY DAD GARY IS SO ANNOYING": read as lower-case chat
        return ""

    def _run_end(self, tokens: Any, i: int) -> int:
        """End of the run of same-shaped name candidates starting at ``i`` (``i`` if none)."""
        shape = self._shape(tokens[i])
        particle = (shape == "low" and tokens[i].text in _PARTICLES and i + 1 < len(tokens)
                    and self._shape(tokens[i + 1]) == "cap" and self._titled(tokens, i))
        if particle:
            shape = "cap"  # "Dr ap Dafydd", "Mr van Dijk"
        elif not shape or self._token_class(tokens[i]) == "X":
            return i
        if shape == "low" and fold(tokens[i].text) in _RELATIONS_AND_VERBS:
            return i  # "my son kwame", "you said feargal": the cue, then the name
        if shape == "low" and not self.lexicon.is_name(fold(tokens[i].text)) \
                and not self._titled(tokens, i):
            # "my son kwame", "my mate deano": an unknown word right after a relation
            if not (self._cued_unknown(tokens, i) or self._lower_subject(tokens, i)
                    or self._lower_name_slot(tokens, i)):
                return i
            return self._lower_surname_end(tokens, _hyphen_end(tokens, i + 1))
        j = i + 1
        while j < len(tokens) and j - i < 4 and "\n" not in tokens[j - 1].whitespace_:
            tok = tokens[j]
            if tok.text == "-" and not tokens[j - 1].whitespace_ and j + 1 < len(tokens) \
                    and not tok.whitespace_ and (self._shape(tokens[j + 1]) == shape or (
                        shape == "cap" and self._shape(tokens[j + 1]) == "low"
                        and len(tokens[j + 1].text) <= 4
                        and tokens[j + 1].text not in _WORD_SUFFIXES)):
                j += 2  # Smith-Jones, Ji-woo, Soo-ah
                continue
            after = j + 2 if j + 1 < len(tokens) and tokens[j + 1].text == "." else j + 1
            if (shape == "cap" and _is_initial(tok) and after < len(tokens)
                    and self._shape(tokens[after]) == "cap"):
                # "Szabina J Gelencsér", "Ella H. Snider"
                j += 2 if tokens[j + 1].text == "." else 1
                continue
            if (shape == "cap" and tok.text in _PARTICLES and j + 1 < len(tokens)
                    and self._shape(tokens[j + 1]) == "cap" and tok.whitespace_):
                j += 1  # "Ieuan ap Dafydd", "Ludwig van Beethoven"
                continue
            if self._shape(tok) != shape or self._token_class(tok) == "X":
                break
            if shape == "low" and (not self.lexicon.is_name(fold(tok.text))
                                   or fold(tok.text) in _RELATIONS
                                   or fold(tok.text) in _SUBJECT_VERBS  # "alvaro said"
                                   or fold(tok.text) in _CZ_NAME_LINKS):  # "radek na mě"
                if fold(tok.text) not in _RELATIONS:
                    j = self._lower_surname_end(tokens, j)
                break  # "best friend fidencio": the relation ends the run, the name follows
            j += 1
        return j

    def _lower_surname_end(self, tokens: Any, j: int) -> int:
        """"my sister genowefa crichton lives in...": an unknown lower-case word after a
        lower-case name and before a verb its owner does is the surname; the run ends after
        it (``j``: the end of the run so far)."""
        if j + 1 >= len(tokens) or "\n" in tokens[j - 1].whitespace_:
            return j
        tok, f = tokens[j], fold(tokens[j].text)
        if (tok.is_lower and tok.is_alpha and len(f) >= 4 and f not in self.lexicon.english
                and f not in self.lexicon.not_names and f not in _RELATIONS_AND_VERBS
                and f not in _SLANG
                and fold(tokens[j + 1].text) in _SUBJECT_VERBS):
            return j + 1
        return j


    def _cued_unknown(self, tokens: Any, i: int) -> bool:
        """A lower-case word in no list and not English, right after a strong name cue."""
        f = fold(tokens[i].text)
        return (len(f) >= 3 and f not in self.lexicon.english
                and self._token_class(tokens[i]) == "N"
                and self.cue_strength(tokens, i) == 2)

    def _lower_subject(self, tokens: Any, i: int) -> bool:
        """"dvořáček keeps picking on me", "otilie said": a lower-case word that is no English
        word, opening a sentence, right before a verb people do."""
        f = fold(tokens[i].text)
        return (len(f) >= 3 and f not in self.lexicon.english and f not in self.lexicon.not_names
                and self._token_class(tokens[i]) in {"N", "P"} and _sentence_start(tokens, i)
                and i + 1 < len(tokens) and (fold(tokens[i + 1].text) in _SUBJECT_VERBS or (
                    fold(tokens[i + 1].text) in _MODALS - {"does", "did"}
                    and f not in _GREETINGS and f not in _CHAT_WORDS and f not in _SLANG)))

    def _lower_name_slot(self, tokens: Any, i: int) -> bool:
        """A lower-case word in no list and not English where chat puts a name: after a
        greeting ("hey lloydie,"), as a vocative (", haeun."), in "is X around", "its X." or
        "this is X.", or opening a sentence before an adverb and a verb ("pao just texted")."""
        f = fold(tokens[i].text)
        lex = self.lexicon
        if (len(f) < 3 or f in lex.english or f in lex.not_names or not tokens[i].is_alpha
                or self._token_class(tokens[i]) not in {"N", "P"}):
            return False
        k = _hyphen_end(tokens, i + 1)
        nxt = fold(tokens[k].text) if k < len(tokens) else ""
        ends = self._clause_end(tokens, k)
        prev = _prev_words(tokens, i, 2)
        if ends and prev[:2] == ["you", "see"]:
            return True  # "good to see you nimco."
        if prev[:2] == ["like", "sounds"] and nxt in {"really", "matters", "is", "means"}:
            return True  # "it sounds like oighrig really matters to you"
        if ends and prev[:1] == ["ok"]:
            return True  # "ok fozia, i'm listening"
        if (ends or nxt in {"a", "jsem", "tady"}) and (
                (prev[:1] == ["tady"] and prev[1:2] and prev[1] in _CZ_GREETINGS)
                or (prev[:1] == ["jsem"] and prev[1:2] and prev[1] in _CZ_GREETINGS
                    and not _czech_state(tokens[i].text))):
            return True  # "čau, tady drahuše.", "ahoj, jsem zbyslava a zase nemůžu spát"
        if (_czech_line(tokens[i]) and prev[:1] in (["s"], ["se"], ["a"])
                and f.endswith(("ou", "em")) and len(f) > 4
                and f not in lex.not_names and f not in _CZ_COLLIDE
                and not _kin_form(f)
                and any(c in lex.first_names for c in nominatives(f) if c != f)):
            return True  # "bydlím s kubou a terkou": a given name in the instrumental
        if prev[:1] == ["s"] and nxt in {"jsme", "jsem"} and not _kin_form(f) and f not in {
                "tebou", "nim", "ni", "nimi", "vami", "nami", "mnou", "sebou", "nikym"}:
            return True  # "s svatobor jsme se pohádali": X and I
        if (prev[:1] and prev[0] in _CZ_RELATIONS and tokens[i - 1].text != ","
                and f not in _CZ_NOT_SUBJECTS and not _czech_state(tokens[i].text)
                and ((len(nxt) > 3 and nxt.endswith(("l", "la", "li", "lo"))
                      and nxt not in self.lexicon.english) or nxt in _CZ_SUBJECT_NEXT_STRONG)):
            return True  # "můj přítel kojata odešel", "segra kateryna rika": kin, name, verb
        if f not in _CHAT_WORDS and f not in _SLANG and f not in _RELATIONS and (
                (prev[:2] == ["and", "me"] and nxt in _SUBJECT_VERBS | {"are", "were", "have"})
                or (prev[:1] == ["told"] and nxt == "and" and k + 1 < len(tokens)
                    and fold(tokens[k + 1].text) in {"she", "he", "they"})):
            return True  # "me and carmine had another fight", "i told chipo and she said ok"
        if prev[:1] == ["from"] and prev[1:2] in (["text"], ["message"], ["call"], ["email"],
                                                  ["dm"], ["voicemail"], ["letter"]):
            return True  # "i got a text from gormlaith saying..."
        if (_sentence_start(tokens, i) and nxt == "and" and k + 2 < len(tokens)
                and self._token_class(tokens[k + 1]) in {"N", "P"}
                and fold(tokens[k + 2].text) in _SUBJECT_VERBS):
            return True  # "daiva and astrid went out without me"
        if (prev[:1] == ["and"] and i >= 2 and _sentence_start(tokens, i - 2)
                and self._token_class(tokens[i - 2]) in {"N", "P"} and nxt in _SUBJECT_VERBS):
            return True  # "... and astrid went out"
        if prev and prev[0] in _GREETINGS and (ends or nxt in {"-", "–", ":"}
                                               or nxt in _GREETED_NEXT):
            return True  # "hey lloydie,", "hiya kez u still up"
        if (i > 0 and tokens[i - 1].text == "," and ends and nxt != ","
                and not _CZ_CHARS & set(tokens[i].text)):
            return True  # ", haeun." (not "How has your sleep been, spánek?": a gloss)
        if (prev[:1] in (["is"], ["does"], ["has"]) and _sentence_start(tokens, i - 1)
                and (nxt in _FRAME_NEXT or nxt == "ever")):
            return True  # "Has lowdy ever hurt you?"
        if prev[:1] == ["pick"] and nxt == "up":
            return True  # "can someone pick morfydd up from school"
        if (_sentence_start(tokens, i) and f.endswith("s") and len(f) > 4
                and nxt in _POSSESSED_KIN and f[:-1] not in lex.english):
            return True  # "rhianydds mum hates me": a name and its owner's "s", no apostrophe
        if ends and (prev[:1] == ["its"] or prev[:2] == ["'s", "it"] or prev[:2] == ["’s", "it"]
                     or prev[:2] == ["me", "its"] or prev[:3] in (["me", "'s", "it"],
                                                                 ["me", "’s", "it"])
                     or self.cue_strength(tokens, i) >= 1):
            return True
        if (k < len(tokens) and tokens[k].is_space and "\n" in tokens[k].text and len(f) >= 4
                and (prev[:2] in (["m", "i"], ["'m", "i"], ["’m", "i"], ["am", "i"])
                     or prev[:1] == ["im"])):
            return True  # "ok. im dawit\nAI: thanks for telling me": the message ends there
        if nxt in {"here", "btw", "lol", "tady"} and self._clause_end(tokens, k + 1) \
                and (_sentence_start(tokens, i) or self.cue_strength(tokens, i) >= 1
                     or (prev and prev[0] in _GREETINGS)):  # "hiya, rhi here,"
            return True  # "hey. kamaljit here.", "i'm vlastimila btw"
        if self._reported_subject(tokens, i, k):
            return True  # "you said dyfan is back", "could brecken at the uni help"
        return (_sentence_start(tokens, i) and nxt in _ADVERBS and k + 1 < len(tokens)
                and fold(tokens[k + 1].text) in _SUBJECT_VERBS)

    def _reported_subject(self, tokens: Any, i: int, k: int) -> bool:
        """"you said dyfan is back", "you mentioned Arshad was", "what did Tasleem say",
        "could brecken at the uni help": a word between a reporting verb or an auxiliary and
        the verb it is the subject of."""
        prev = _prev_words(tokens, i, 2)
        if not prev or k >= len(tokens):
            return False
        nxt = fold(tokens[k].text)
        if prev[0] in _REPORTING or (prev[0] in {"me", "us"} and prev[1:2] in (
                ["told"], ["tell"], ["tells"])):  # "you told me Nighat has been..."
            if nxt in _ADVERBS and k + 1 < len(tokens):  # "you told me nadija usually calls"
                nxt2 = fold(tokens[k + 1].text)
                return nxt2 in _CLAUSE_VERBS or _past_tense(nxt2) or (
                    nxt2.endswith("s") and nxt2[:-1] in _BASE_VERBS)
            return (nxt in _CLAUSE_VERBS or _past_tense(nxt) or (
                nxt in {"at", "from"}  # "you said Caspian at Ardmore had noticed"
                and any(fold(t.text) in _CLAUSE_VERBS for t in tokens[k + 1:k + 6])))
        return prev[0] in _AUXILIARIES and (nxt in _BASE_VERBS or nxt in _ADVERBS or (
            nxt in {"at", "from"} and any(fold(t.text) in _BASE_VERBS
                                          for t in tokens[k + 1:k + 5])))

    def _judge_run(self, tokens: Any, i: int, j: int) -> tuple[int, int, float, str] | None:
        classes = [self._token_class(t) for t in tokens[i:j] if t.text != "-"]
        while (len(classes) > 1 and classes[0] in {"N", "A"} and "P" in classes[1:]
               and _sentence_start(tokens, i) and tokens[i + 1].text != "-"
               and self._leading_word(fold(tokens[i].text), fold(tokens[i + 1].text))):
            # "Honestly Sarah ..." -> "Sarah"; but "Zbyszek Kowalski", "Tom Jones" stay whole
            i, classes = i + 1, classes[1:]
        cue = self.cue_strength(tokens, i)
        start, end = tokens[i].idx, tokens[j - 1].idx + len(tokens[j - 1])
        if self._shape(tokens[i]) == "low" and not (tokens[i].text in _PARTICLES and j > i + 1):
            return self._judge_lower(tokens, i, j, classes, cue, start, end)
        if "P" in classes:
            if len(classes) == 1 and classes[0] == "P" and cue == 0 and self._is_place(tokens, i):
                return None
            initial = self._initial_before(tokens, i)
            if initial is not None and len(classes) == 1:
                return tokens[initial].idx, end, 0.75, "initial and surname"  # "D. Bose"
            return start, end, 0.75 if cue else 0.65, "name list"
        if "A" in classes and (len(classes) >= 2 or cue == 2 or (self._after_cue(tokens, j)
                               and not _sentence_start(tokens, i))):
            return start, end, 0.7, "name list (word-like name) with cue"
        if len(classes) == 1 and classes[0] in {"A", "N"} \
                and self._subject_frame(tokens, i, j):
            return start, end, 0.65, "word-like name as the subject of a speech verb"
        if cue == 2 or self._greeted(tokens, i):
            return start, end, 0.7, "capitalised word after a name cue"
        if _czech_line(tokens[i]):  # the English frames below read Czech words wrongly
            nxt = fold(tokens[j].text) if j < len(tokens) else ""
            if (len(classes) == 1 and classes[0] == "N" and _sentence_start(tokens, i)
                    and (nxt in _CZ_SUBJECT_NEXT_STRONG
                         or (len(nxt) > 3 and nxt.endswith(("la", "li", "ly"))))):
                return start, end, 0.6, "capitalised word as the subject of a Czech sentence"
            if (len(classes) <= 2 and set(classes) == {"N"} and not _sentence_start(tokens, i)
                    and not self._is_place(tokens, i)
                    and not (tokens[i].text[-1:] in "áýéí" and not tokens[i].text.endswith("ová"))
                    and not any(fold(t.text) in self.lexicon.english for t in tokens[i:j])):
                return start, end, 0.55, "capitalised word inside a Czech sentence"
            if len(classes) <= 2 and not self._is_place(tokens, i) and self._vocative(
                    tokens, i, j):
                return start, end, 0.65, "capitalised word used as a name (, X.)"
            if len(classes) == 1 and self._listed_with_names(tokens, i, j):
                return start, end, 0.6, "capitalised word in a list of names"
            return None
        if len(classes) <= 2 and self._asked_about(tokens, i, j) and not self._is_place(tokens, i):
            return start, end, 0.6, "capitalised word in 'Is X still...?'"
        if (len(classes) <= 2 and set(classes) == {"N"} and not self._is_place(tokens, i)
                and not any(fold(t.text) in self.lexicon.english for t in tokens[i:j])
                and (self._spoken_to(tokens, i) or self._role_follows(tokens, j))):
            return start, end, 0.6, "unknown capitalised word after 'spoke to' / before (role)"
        if (len(classes) <= 2 and set(classes) == {"N"} and not self._is_place(tokens, i)
                and not any(fold(t.text) in self.lexicon.english for t in tokens[i:j])
                and self._name_position(tokens, i, j)):
            return start, end, 0.6, "unknown capitalised word where a name goes"
        if (len(classes) <= 2 and set(classes) == {"N"} and not self._is_place(tokens, i)
                and not any(fold(t.text) in self.lexicon.english for t in tokens[i:j])
                and (self._reported_subject(tokens, i, j) or self._opens_a_question(tokens, i, j))):
            return start, end, 0.6, "unknown capitalised word as the subject of a verb"
        if (len(classes) == 1 and j + 1 < len(tokens) and _is_initial(tokens[j])
                and tokens[j].text != "I" and (tokens[j].text.endswith(".") or tokens[j + 1].text
                                               in {".", ",", ")", "-", "–", "(", ":"})):
            return start, end, 0.6, "word before a surname's initial"  # " - Hope A. - present"
        initial = self._initial_before(tokens, i)
        if initial is not None and len(classes) <= 2 and not any(
                fold(t.text) in self.lexicon.english and self._token_class(t) != "P"
                for t in tokens[i:j]):
            return tokens[initial].idx, end, 0.65, "initial and surname"
        hyphenated = j - i == 3 and tokens[i + 1].text == "-"  # "Ji-woo"
        if (len(classes) == 1 or hyphenated) and self._listed_with_names(tokens, i, j):
            return start, end, 0.6, "capitalised word in a list of names"
        if len(classes) <= 2 and not self._is_place(tokens, i) and (
                (cue == 1 and self._clause_end(tokens, j)) or self._vocative(tokens, i, j)):
            return start, end, 0.65, "capitalised word used as a name (I'm X, / , X.)"
        return None

    def _name_position(self, tokens: Any, i: int, j: int) -> bool:
        """"Bohunka does everything now", "Jasvir can be reached", "with Homer at the weekend",
        "Lešek, what you said...": where only a person fits."""
        nxt = fold(tokens[j].text) if j < len(tokens) else ""
        if fold(tokens[i].text) in _GREETINGS:
            return False  # "Hiya, thanks for..."
        if nxt in _SUBJECT_VERBS | _MODALS and nxt not in {"is", "was", "has", "had"}:
            return True
        if _sentence_start(tokens, i) and (
                _past_tense(nxt) or nxt[:1] == "!" or nxt in _ADDRESSED_NEXT
                or (nxt == "." and i > 0 and tokens[i - 1].text == ":")):
            return True  # "Romilly covered for me", "Dalisay!!", "Member 2: Elgan. My..."
        prev = _prev_words(tokens, i, 3)
        ends = self._clause_end(tokens, j)
        if (prev[:1] == ["again"] and prev[1:2] and prev[1] in _GREETINGS) or (
                ends and prev == ["still", "it", "is"]) or (
                nxt == "who" and prev[:2] in (["it", "was"], ["it", "is"], ["it", "wasn't"])):
            return True  # "Hello again Teuila.", "Is it still Fatoumata?", "Was it Ayo who..."
        if prev[:1] in (["mentioned"], ["mention"]) and nxt in {
                "a", "again", "before", "earlier", "last", "once", "twice", "today"}:
            return True  # "You mentioned Dari a lot last time"
        if prev[:2] in (["and", "me"], ["and", "i"]) and (
                nxt in _CLAUSE_VERBS or nxt in {"are", "were", "have", "had"}):
            return True  # "Me and Idil are talking again"
        if (i >= 2 and tokens[i - 1].text == "," and nxt == ","
                and fold(tokens[i - 2].text) in self.lexicon.roles):
            return True  # "The social worker, Adeel, said she'd ring"
        if prev[:1] == ["pick"] and nxt == "up":
            return True  # "can someone pick Morfydd up from Ysgol Tryfan"
        if prev[:1] and prev[0] in _CLAUSE_OPENERS and (
                (nxt in {"at", "from", "in"} and j + 1 < len(tokens)
                 and tokens[j + 1].text[:1].isupper() and tokens[j + 1].text != "The")
                or nxt in _PRESENT_S):
            return True  # "When Maryan at Sainsbury's offered", "If Karthikeyan hears you"
        if prev[:1] and prev[0] in _INTERJECTIONS and nxt in _SPEECH_VERBS | {
                "fell", "came", "went", "left", "cried", "laughed"}:
            return True  # "lol Kyrylo fell over outside the chippy"
        prev = prev[:1]
        if prev == ["with"] and (self._clause_end(tokens, j) or _is_initial(tokens[j])
                                 or nxt in _PLACE_CUES | {
                "about", "at", "on", "for", "along", "last", "yesterday", "today", "tonight"}):
            return True
        if (_sentence_start(tokens, i) and nxt == "here" and j + 1 < len(tokens)
                and tokens[j + 1].text in {",", ".", "!"}):
            return True  # "Efa here, for anyone new"
        return (_sentence_start(tokens, i) and nxt == "," and j + 1 < len(tokens)
                and fold(tokens[j + 1].text) in _VOCATIVE_NEXT)

    def _subject_frame(self, tokens: Any, i: int, j: int) -> bool:
        """"Will said he'd come", "Gaz from work's been covering", "India and I met": a
        capitalised word opening a sentence, in a frame only a person fits (a speech verb
        after it, "from work" / "from my course", "and I")."""
        if not _sentence_start(tokens, i) or j + 1 >= len(tokens) or self._is_place(tokens, i):
            return False
        f = fold(tokens[i].text)
        if f in self.lexicon.english and f not in self.lexicon.name_words:
            return False  # "Mum said", "Everyone from work"
        nxt, after = fold(tokens[j].text), fold(tokens[j + 1].text)
        return (nxt in _SPEECH_VERBS
                or (nxt in {"keeps", "kept"} and f not in self.lexicon.english
                    and after in {"saying", "telling", "asking", "texting", "ringing", "calling"})
                or (nxt == "from" and after in _FROM_GROUPS)
                or (nxt == "and" and after in {"i", "me"}))

    @staticmethod
    def _opens_a_question(tokens: Any, i: int, j: int) -> bool:
        """"Przemek how did the interview go??": a message opens with the name of whoever it
        asks."""
        return (_sentence_start(tokens, i) and j < len(tokens)
                and fold(tokens[j].text) in {"how", "what", "when", "where", "why"})


    @staticmethod
    def _initial_before(tokens: Any, i: int) -> int | None:
        """Index of an initial right before token ``i`` ("D. Bose", "M. Hladík"), written where
        a name stands alone: at the start of a line or after a separator ("/", "|", "," ...)."""
        if i >= 2 and tokens[i - 1].text == "." and not tokens[i - 2].whitespace_ \
                and _is_initial(tokens[i - 2]):
            k = i - 2
        elif i >= 1 and _is_initial(tokens[i - 1]) and tokens[i - 1].text.endswith("."):
            k = i - 1
        else:
            return None
        if k == 0 or "\n" in tokens[k - 1].whitespace_ or tokens[k - 1].is_space \
                or tokens[k - 1].is_punct or tokens[k - 1].like_num \
                or tokens[k - 1].text in {"by", "to", "cc", "from"}:


            return k
        return None

    def _asked_about(self, tokens: Any, i: int, j: int) -> bool:
        """"Is Ubah still living in...?", "Does Precious know...?", "Was Nazrul involved?"."""
        if i == 0 or j >= len(tokens) or not (_sentence_start(tokens, i - 1) or (
                i >= 2 and (tokens[i - 2].text == ","  # "Remind me, is Yuting the one..."
                            or fold(tokens[i - 2].text) in {"how", "where", "why"}))):
            return False
        if fold(tokens[i - 1].text) not in {"is", "was", "does", "did", "has", "will", "can",
                                             "could", "would"}:
            return False
        f = fold(tokens[i].text)
        return (fold(tokens[j].text) in _FRAME_NEXT and f not in self.lexicon.regions
                and (f,) not in self.lexicon.places)

    @staticmethod
    def _spoken_to(tokens: Any, i: int) -> bool:
        """"spoke to X", "texted X", "had a chat with X": someone is talked to."""
        prev = _prev_words(tokens, i, 2)
        return bool(prev) and (prev[0] in _TALK_VERBS or (
            prev[0] in {"to", "with"} and len(prev) > 1 and prev[1] in _TALK_VERBS))

    def _role_follows(self, tokens: Any, j: int) -> bool:
        """"Priyanka (CPN)", "Tomasz (care coordinator)": a role in brackets after a word."""
        if j + 2 >= len(tokens) or tokens[j].text != "(":
            return False
        inner = []
        for tok in tokens[j + 1:j + 5]:
            if tok.text == ")":
                return bool(inner) and (fold(" ".join(inner)) in self.lexicon.roles
                                        or any(fold(w) in self.lexicon.roles for w in inner)
                                        or all(w.isupper() and len(w) <= 5 for w in inner))
            inner.append(tok.text)
        return False

    def _listed_with_names(self, tokens: Any, i: int, j: int) -> bool:
        """"Efimiya, Mary, Ariana": an unknown word in a comma list beside a plain name."""
        if fold(tokens[i].text) in self.lexicon.english:
            return False
        after = j + 1 < len(tokens) and tokens[j].text in {",", "and", "&"} \
            and self._token_class(tokens[j + 1]) == "P"
        before = i >= 2 and tokens[i - 1].text in {",", "and", "&"} \
            and self._token_class(tokens[i - 2]) == "P"
        return after or before

    def _greeted(self, tokens: Any, i: int) -> bool:
        prev = _prev_words(tokens, i, 1)
        return bool(prev) and prev[0] in _GREETINGS

    @staticmethod
    def _clause_end(tokens: Any, j: int) -> bool:
        return (j >= len(tokens) or tokens[j].text in {",", ".", "!", "?", "and", "&", ";"}
                or "\n" in tokens[j - 1].whitespace_)

    def _vocative(self, tokens: Any, i: int, j: int) -> bool:
        """", Cian." / ", Cian?": a capitalised word between a comma and the end of a clause."""
        return (i > 0 and tokens[i - 1].text == "," and self._clause_end(tokens, j)
                and (j >= len(tokens) or tokens[j].text != ","))

    def _judge_lower(self, tokens: Any, i: int, j: int, classes: list[str], cue: int,
                     start: int, end: int) -> tuple[int, int, float, str] | None:
        first = fold(tokens[i].text)
        if (self._titled(tokens, i) and classes[0] in {"N", "P", "A"} and len(first) > 2
                and (first not in self.lexicon.english or classes[0] == "P")):
            return start, end, 0.6, "lower-case name after a title"  # not "Sir said"
        prev = _prev_words(tokens, i, 2)
        if prev[:2] in (["is", "name"], ["me", "call"]) and classes[0] != "X":
            return start, end, 0.6, "lower-case name after 'my name is'"
        if j == i + 1 and self._lower_subject(tokens, i):
            return start, end, 0.55, "lower-case word before a verb, opening a sentence"
        if first not in self.lexicon.first_names:
            # "hi im cian,", "my bf kuba": an unknown word that is not English, after a cue
            if (classes[0] in {"N", "P"} and len(first) >= 3
                    and first not in self.lexicon.english
                    and (cue == 2 or (cue == 1 and self._clause_end(tokens, j))
                         or self._lower_name_slot(tokens, i))):
                return start, end, 0.55, "lower-case unknown word used as a name"
            return None
        if classes[0] == "P":
            if _czech_line(tokens[i]) and (
                    (cue < 2 and first in _CZ_COLLIDE)
                    or (cue == 0 and not self._czech_subject(tokens, i, j))):
                return None  # "jsem tu poprvé", "přišly záda": Czech words, not names
            return start, end, 0.6, "lower-case given name"
        if first in _VERBS or (cue == 1 and first in _STATES):
            return None
        nxt = tokens[j].text if j < len(tokens) else "."
        if cue == 2 or (cue == 1 and (nxt in {",", ".", "!", "?", "and", "&"} or j >= len(tokens))):
            return start, end, 0.6, "lower-case name after a cue"
        return None

    @staticmethod
    def _czech_subject(tokens: Any, i: int, j: int) -> bool:
        """"pepa se zase opil", "kája mi napsala": a lower-case name opening a Czech sentence,
        before the pronoun that follows a subject."""
        opens = _sentence_start(tokens, i) or (
            i > 0 and fold(tokens[i - 1].text) in {"ze", "a", "ale", "kdyz", "protoze",
                                                   "jestli", "tak", "nez"})
        if opens and j < len(tokens) and fold(tokens[j].text) in _CZ_SUBJECT_NEXT:
            return True
        # "od té doby co odešel honza a ...": the subject after its past-tense verb
        prev = fold(tokens[i - 1].text) if i > 0 else ""
        return (len(prev) > 3 and prev.endswith(("l", "la", "li")) and prev.isalpha()
                and fold(tokens[i].text) not in _CZ_COLLIDE
                and j < len(tokens) and tokens[j].text in {",", "a"})


    def _after_cue(self, tokens: Any, j: int) -> bool:
        return j < len(tokens) and fold(tokens[j].text) in _AFTER_CUES

    def _is_place(self, tokens: Any, i: int) -> bool:
        return (fold(tokens[i].text),) in self.lexicon.places
