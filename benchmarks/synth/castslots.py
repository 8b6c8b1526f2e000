"""How each value slot of a :class:`~benchmarks.synth.cast.Cast` is drawn.

``FIXED`` slots are drawn once per document and repeat verbatim (an address, a phone number);
``PER_CALL`` slots are drawn afresh at every use (a date, a relative day, a crisis line).
What is gold and what is not is decided here, once: see benchmarks/README.md, "What is gold".
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from datetime import date, timedelta
from typing import TYPE_CHECKING

from benchmarks.synth import ids
from benchmarks.synth.model import DecoyKind as D
from benchmarks.synth.model import Fill
from benchmarks.synth.model import NeutralKind as N
from toolkit.pii.types import EntityType as E

if TYPE_CHECKING:
    from benchmarks.synth.cast import Cast

__all__ = ["CONTACT", "FIXED", "PER_CALL", "ascii_fold", "format_date"]

SlotFn = Callable[["Cast"], Fill]


def ascii_fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


_ORDINAL_WORDS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
).split()
_CZ_MONTHS_GENITIVE = ("ledna února března dubna května června července srpna září října "
                       "listopadu prosince").split()
_CZ_WEEKDAYS = "pondělí úterý středa čtvrtek pátek sobota neděle".split()
_ROMAN = "I II III IV V VI VII VIII IX X XI XII".split()


def _ordinal_words(day: int) -> str:
    """``21`` -> ``twenty-first`` (days of the month only)."""
    if day <= 20:
        return _ORDINAL_WORDS[day - 1]
    stem = "twent" if day < 30 else "thirt"
    return f"{stem}ieth" if day % 10 == 0 else f"{stem}y-{_ORDINAL_WORDS[day % 10 - 1]}"


def format_date(pattern: str, d: date) -> str:
    """Format ``d``: ``{d} {dd} {dth} {dthw} {m} {mm} {Y} {yy} {Month} {Mon} {month} {mon}
    {cz_month} {weekday}`` (``dthw``: "twenty-first"; ``cz_month``: Czech genitive, "března"),
    and ``{MON}`` ("MAR"), ``{roman}`` (month in Roman numerals, "III"), ``{wkd}`` ("Fri") and
    ``{cz_weekday}`` ("pátek")."""
    suffix = "th" if 10 <= d.day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(d.day % 10, "th")
    month = d.strftime("%B")
    return pattern.format(
        d=d.day, dd=f"{d.day:02d}", dth=f"{d.day}{suffix}", m=d.month, mm=f"{d.month:02d}",
        Y=d.year, yy=f"{d.year % 100:02d}", Month=month, Mon=month[:3], month=month.lower(),
        mon=month[:3].lower(), weekday=d.strftime("%A"), dthw=_ordinal_words(d.day),
        cz_month=_CZ_MONTHS_GENITIVE[d.month - 1], MON=month[:3].upper(),
        roman=_ROMAN[d.month - 1], wkd=d.strftime("%a"), cz_weekday=_CZ_WEEKDAYS[d.weekday()],
    )


def _style(c: Cast, key: str, default: str) -> str:
    """A format style from the split's table, or ``default`` (without drawing) if it has none."""
    return _choice(c, key) if key in c.formats else default


def _choice(c: Cast, key: str) -> str:
    table = c.formats[key]
    return str(c.rng.choice(table[c.locale] if isinstance(table, dict) else table))


def _name_parts(c: Cast, role: str) -> dict[str, str]:
    p = c.person(role)
    first, last = ascii_fold(p.first).lower(), ascii_fold(p.last).lower().replace("'", "")
    return {"first": first, "last": last.replace(" ", ""), "f": first[0], "l": last[0],
            "yy": f"{c.dob.year % 100:02d}", "n2": str(c.rng.randint(1, 99)),
            "n3": str(c.rng.randint(100, 999)), "hex": f"{c.rng.getrandbits(24):06x}"}


# --- places


def _street_name(c: Cast) -> Fill:
    return Fill.whole(c.pools.street(c.rng, c.locale), E.STREET_ADDRESS)


def _street(c: Cast) -> Fill:
    name = c.resolve("street_name", None).text
    num = c.rng.randint(1, 240)
    pattern = _choice(c, "street")
    apt = f"{c.rng.randint(1, 9)}{c.rng.choice('ABCD')}"
    text = pattern.format(street=name, n=num, n2=c.rng.randint(1, 30), flat=c.rng.randint(1, 12),
                          apt=apt, apt_letter=c.rng.choice("ab"))
    return Fill.whole(text, E.STREET_ADDRESS)


def _postcode(c: Cast) -> Fill:
    code = c.home.postcode(c.rng)
    return Fill.whole(code, E.UK_POSTCODE if c.locale == "uk" else E.STREET_ADDRESS)


def _address(c: Cast) -> Fill:
    text = _choice(c, "address").format(
        street=c.resolve("street", None).text, town=c.home.name,
        postcode=c.resolve("postcode", None).text, state=c.home.state)
    return Fill.whole(text, E.STREET_ADDRESS)


def _address_block(c: Cast) -> Fill:
    """The address over several lines, as on a letter (blind headers)."""
    text = _choice(c, "address_block").format(
        street=c.resolve("street", None).text, town=c.home.name,
        postcode=c.resolve("postcode", None).text, state=c.home.state)
    return Fill.whole(text, E.STREET_ADDRESS)


def _town2(c: Cast) -> Fill:
    return Fill.whole(c.pools.mentioned_town(c.rng, c.locale, avoid=c.home.name), E.LOCATION)


def _town3(c: Cast) -> Fill:
    name = c.pools.mentioned_town(c.rng, c.locale, avoid=c.resolve("town2", None).text)
    return Fill.whole(name, E.LOCATION)


# --- contact details


def _mobile(c: Cast) -> Fill:
    style = _choice(c, "mobile")
    makers = {"uk": ids.make_uk_mobile, "us": ids.make_us_phone}
    text = ids.make_cz_phone(c.rng, style) if c.locale == "cz" else makers[c.locale](c.rng, style)
    return Fill.whole(text, E.PHONE_NUMBER)


def _landline(c: Cast) -> Fill:
    style = _choice(c, "landline")
    if c.locale == "uk":
        text = ids.make_uk_landline(c.rng, style)
    elif c.locale == "cz":
        text = ids.make_cz_phone(c.rng, style, mobile=False)
    else:
        text = ids.make_us_phone(c.rng, style)
    return Fill.whole(text, E.PHONE_NUMBER)


def _email_of(role: str, key: str) -> SlotFn:
    def draw(c: Cast) -> Fill:
        user = _choice(c, f"{key}_user").format(**_name_parts(c, role))
        return Fill.whole(f"{user}@{_choice(c, f'{key}_domain')}", E.EMAIL_ADDRESS)

    return draw


def _handle(c: Cast) -> Fill:
    return Fill.whole(_choice(c, "handle").format(**_name_parts(c, "client")), E.SOCIAL_HANDLE)


def _username(c: Cast) -> Fill:
    """A chat or forum user name without the @ (holdout chat labels)."""
    return Fill.whole(_choice(c, "username").format(**_name_parts(c, "client")), E.SOCIAL_HANDLE)


def _url(c: Cast) -> Fill:
    return Fill.whole(_choice(c, "url").format(**_name_parts(c, "client")), E.URL)


def _url_of(role: str, key: str) -> SlotFn:
    """A personal web address made from ``role``'s name (a practice site, a blog)."""
    return lambda c: Fill.whole(_choice(c, key).format(**_name_parts(c, role)), E.URL)


def _role_mobile(c: Cast, role: str) -> Fill:
    """``{role.mobile}``: the client's is ``{mobile}``; anyone else's is their own number."""
    if role == "client":
        return c.resolve("mobile", None)
    style = _style(c, "contact_mobile", "") or _choice(c, "mobile")
    makers = {"uk": ids.make_uk_mobile, "us": ids.make_us_phone}
    text = ids.make_cz_phone(c.rng, style) if c.locale == "cz" else makers[c.locale](c.rng, style)
    return Fill.whole(text, E.PHONE_NUMBER)


def _role_user(c: Cast, role: str) -> Fill:
    """``{role.user}``: a chat user name made from the person's name (the client's is
    ``{username}``)."""
    if role == "client":
        return c.resolve("username", None)
    return Fill.whole(_choice(c, "username").format(**_name_parts(c, role)), E.SOCIAL_HANDLE)


def _ref(c: Cast) -> Fill:
    """A case or ticket reference (a log id: not personal data)."""
    return Fill.whole(_choice(c, "ref").format(n=c.rng.randint(1, 99999), y=c.session_date.year),
                      D.SESSION_META)


def _ip(c: Cast) -> Fill:
    return Fill.whole(ids.make_ip(c.rng), E.IP_ADDRESS)


# --- identifiers


def _natid(c: Cast) -> Fill:
    if c.locale == "uk":
        return Fill.whole(ids.make_nhs(c.rng, _choice(c, "nhs")), E.UK_NHS)
    if c.locale == "cz":
        client = c.person("client")
        slash = _choice(c, "birth_number") == "slash"
        text = ids.make_cz_birth_number(c.rng, c.dob, client.female, slash=slash,
                                        extra20=c.rng.random() < 0.05)
        return Fill.whole(text, E.CZ_BIRTH_NUMBER)
    return Fill.whole(ids.make_ssn(c.rng, _style(c, "ssn", "dashed")), E.US_SSN)


def _natid_name(c: Cast) -> Fill:
    return Fill.whole(c.pools.pick(c.rng, "id_name", c.locale), D.ID_LABEL)


def _nino(c: Cast) -> Fill:
    if c.locale != "uk":
        return _natid(c)
    style = _choice(c, "nino")
    return Fill.whole(ids.make_nino(c.rng, spaced=style == "spaced", split=style == "split"),
                      E.UK_NINO)


def _card(c: Cast) -> Fill:
    return Fill.whole(ids.make_card(c.rng, _style(c, "card", "spaced")), E.CREDIT_CARD)


def _iban(c: Cast) -> Fill:
    if c.locale == "us":
        return _card(c)
    country = "GB" if c.locale == "uk" else "CZ"
    return Fill.whole(ids.make_iban(c.rng, country, _style(c, "iban", "grouped")), E.IBAN_CODE)


# --- dates (specific dates are gold; relative ones, years, ages and times are decoys)


def _day(text: str) -> Fill:
    """A gold date; a leading "the " is not part of it (as with organisations)."""
    skip = 4 if text.startswith("the ") else 0
    return Fill(text, ((skip, len(text), E.DATE),))


def _dob(c: Cast) -> Fill:
    return _day(c.fmt_date(c.dob, "dob"))


def _date(c: Cast) -> Fill:
    return _day(c.fmt_date(c.past_date()))


def _recent(c: Cast) -> Fill:
    d = c.session_date - timedelta(days=c.rng.randint(3, 120))
    return _day(c.fmt_date(d))


def _appt(c: Cast) -> Fill:
    d = c.session_date + timedelta(days=c.rng.randint(5, 90))
    return _day(c.fmt_date(d))


def _chat_date(c: Cast) -> Fill:
    d = c.session_date + timedelta(days=c.rng.randint(-60, 60))
    return _day(c.fmt_date(d, "chat_date"))


def _session_date(c: Cast) -> Fill:
    return _day(c.fmt_date(c.session_date, "header_date"))


def _age(c: Cast) -> Fill:
    years = (c.session_date - c.dob).days // 365
    return Fill.whole(str(years), D.AGE)


def _year(c: Cast) -> Fill:
    return Fill.whole(str(c.session_date.year - c.rng.randint(1, 15)), D.YEAR)


def _org(kind: str) -> SlotFn:
    def draw(c: Cast) -> Fill:
        name = c.pools.org(c.rng, kind, c.locale)
        skip = 4 if name.startswith("the ") else 0  # "the" is not part of the name
        return Fill(name, ((skip, len(name), E.ORGANIZATION),))

    return draw


def _pick(key: str, mark: D | N) -> SlotFn:
    return lambda c: Fill.whole(c.pools.pick(c.rng, key, c.locale), mark)


def _scale(c: Cast) -> Fill:
    text = c.pools.pick(c.rng, "scale").format(n=c.rng.randint(3, 24))
    return Fill.whole(text, D.SCALE)


def _session(c: Cast) -> Fill:
    return Fill.whole(str(c.rng.randint(2, 14)), D.SESSION_META)


def _pid(c: Cast) -> Fill:
    return Fill.whole(_choice(c, "pid").format(n=c.rng.randint(1, 40)), D.ROLE_LABEL)


FIXED: dict[str, SlotFn] = {
    "town": lambda c: Fill.whole(c.home.name, E.LOCATION),
    "town2": _town2, "town3": _town3, "street_name": _street_name, "street": _street,
    "postcode": _postcode, "address": _address, "mobile": _mobile, "landline": _landline,
    "email": _email_of("client", "email"), "work_email": _email_of("therapist", "work_email"),
    "handle": _handle, "username": _username, "url": _url, "ip": _ip, "natid": _natid,
    "natid_name": _natid_name,
    "nino": _nino, "card": _card, "iban": _iban,
    "employer": _org("employer"), "employer2": _org("employer"), "school": _org("school"),
    "uni": _org("uni"), "surgery": _org("surgery"), "hospital": _org("hospital"),
    "clinic": _org("clinic"),
    "country": _pick("country", N.COUNTRY), "nationality": _pick("nationality", N.NATIONALITY),
    "region": _pick("region", N.REGION), "ai": _pick("ai", D.AI_TOOL),
    "ai2": _pick("ai", D.AI_TOOL), "therapy": _pick("therapy", D.THERAPY),
    "med": _pick("med", D.MEDICATION), "scale_name": _pick("scale_name", D.SCALE),
    "service": _pick("service", D.SERVICE), "pid": _pid,
    # used by the blind templates only
    "work_url": _url_of("therapist", "work_url"), "unit": _org("unit"), "ref": _ref,
    "address_block": _address_block,
    "sleep_app": _pick("sleep_app", D.AI_TOOL), "service2": _pick("service", D.SERVICE),
}
PER_CALL: dict[str, SlotFn] = {
    "dob": _dob, "date": _date, "recent": _recent, "appt": _appt, "chat_date": _chat_date,
    "session_date": _session_date, "age": _age, "year": _year, "scale": _scale,
    "session": _session, "crisis": _pick("crisis", D.CRISIS_LINE),
    "emergency": _pick("emergency", D.CRISIS_LINE), "platform": _pick("platform", D.PLATFORM),
    "relday": _pick("relday", D.RELATIVE_DATE), "duration": _pick("duration", D.DURATION),
    "time": _pick("time", D.TIME),
}
# Per-person contact values, drawn once per person: ``{peer.mobile}``, ``{peer2.user}``.
CONTACT: dict[str, Callable[[Cast, str], Fill]] = {"mobile": _role_mobile, "user": _role_user}
