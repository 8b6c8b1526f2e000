"""Defaults per jurisdiction: crisis contacts and the data-protection complaint authority.

A profile may override both; for a jurisdiction not listed here it must give them.
"""

from __future__ import annotations

from toolkit.consent._profile_types import Authority, CrisisContact, Text

__all__ = ["DEFAULT_AUTHORITY", "DEFAULT_CRISIS_CONTACTS"]

_DANGER_EN = "Call if your life, or someone else's, is in danger now."
_DANGER_CS = "Volejte, pokud je právě teď ohrožen váš život nebo život někoho jiného."


def _contact(key: str, number: str, name: dict[str, str], when: dict[str, str]) -> CrisisContact:
    return CrisisContact(
        name=Text.fixed(f"crisis_contacts[{key}].name", **name),
        number=number,
        when=Text.fixed(f"crisis_contacts[{key}].when", **when),
    )


DEFAULT_CRISIS_CONTACTS: dict[str, tuple[CrisisContact, ...]] = {
    "GB": (
        _contact(
            "999",
            "999",
            {"en": "emergency services", "cs": "tísňová linka (záchranná služba, policie, hasiči)"},
            {"en": _DANGER_EN, "cs": _DANGER_CS},
        ),
        _contact(
            "111",
            "111",
            {"en": "NHS 111", "cs": "NHS 111 (zdravotní linka britského zdravotnictví)"},
            {
                "en": "Call for urgent help with your mental health when it is not an emergency.",
                "cs": "Volejte, pokud potřebujete naléhavou pomoc s duševním zdravím "
                "a nejde o ohrožení života.",
            },
        ),
        _contact(
            "116 123",
            "116 123",
            {"en": "Samaritans", "cs": "Samaritans (linka pomoci v angličtině)"},
            {
                "en": "Call to talk to someone, day or night. It is free.",
                "cs": "Volejte, pokud si potřebujete s někým promluvit, ve dne i v noci. "
                "Hovor je zdarma.",
            },
        ),
    ),
    "CZ": (
        _contact(
            "112",
            "112",
            {"en": "emergency services", "cs": "jednotné evropské číslo tísňového volání"},
            {"en": _DANGER_EN, "cs": _DANGER_CS},
        ),
        _contact(
            "155",
            "155",
            {
                "en": "ambulance (Zdravotnická záchranná služba)",
                "cs": "zdravotnická záchranná služba",
            },
            {
                "en": "Call for urgent medical help.",
                "cs": "Volejte, pokud potřebujete naléhavou lékařskou pomoc.",
            },
        ),
        _contact(
            "116 123",
            "116 123",
            {
                "en": "Linka první psychické pomoci (crisis helpline)",
                "cs": "Linka první psychické pomoci",
            },
            {
                "en": "Call to talk to someone in a crisis, day or night. It is free.",
                "cs": "Volejte, pokud si v krizi potřebujete s někým promluvit, "
                "ve dne i v noci. Hovor je zdarma.",
            },
        ),
    ),
}

DEFAULT_AUTHORITY: dict[str, Authority] = {
    "GB": Authority(
        code="ICO",
        name=Text.fixed(
            "complaint_authority.name",
            en="the Information Commissioner's Office (ICO)",
            cs="britský Úřad informačního komisaře (Information Commissioner's Office, ICO)",
        ),
        contact="ico.org.uk/make-a-complaint, 0303 123 1113",
    ),
    "CZ": Authority(
        code="UOOU",
        name=Text.fixed(
            "complaint_authority.name",
            en="the Czech data protection office (Úřad pro ochranu osobních údajů, ÚOOÚ)",
            cs="Úřad pro ochranu osobních údajů (ÚOOÚ)",
        ),
        contact="www.uoou.gov.cz, Pplk. Sochora 27, 170 00 Praha 7, +420 234 665 111",
    ),
}
