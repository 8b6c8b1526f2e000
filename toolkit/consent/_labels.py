"""Client-facing labels for the codes of a profile, marked for translation.

The English strings are message ids of the Babel catalogue in ``templates/locale``; render.py
translates them with the same catalogue the templates use. Legal references stay in the
document so a reviewer can check them, but always after the plain words.
"""

from __future__ import annotations

from toolkit.consent._profile_types import (
    LawfulBasis,
    RecipientRole,
    SpecialCondition,
    TransferMechanism,
)

__all__ = [
    "BASIS_ARTICLE",
    "CATEGORIES",
    "CONDITION_ARTICLE",
    "HEALTH_CATEGORIES",
    "LAWFUL_BASIS",
    "MECHANISMS",
    "N_",
    "RECORDING_KINDS",
    "RIGHTS",
    "ROLES",
    "SPECIAL_CONDITIONS",
]


def N_(message: str) -> str:
    """Mark ``message`` for extraction; it is translated later, where the language is known."""
    return message


# code -> (label, is health data)
CATEGORIES: dict[str, tuple[str, bool]] = {
    "name": (N_("your name"), False),
    "contact_details": (N_("your contact details"), False),
    "date_of_birth": (N_("your date of birth"), False),
    "demographics": (N_("basic facts about you, such as your age and gender"), False),
    "chat_logs": (N_("the messages you write to the tool, and its replies"), True),
    "messages": (N_("messages between you and your therapist"), True),
    "mood_scores": (N_("the mood ratings you enter"), True),
    "questionnaire_scores": (N_("your answers to questionnaires"), True),
    "health": (N_("information about your health"), True),
    "mental_health": (N_("information about your mental health"), True),
    "audio": (N_("sound recordings of your sessions"), True),
    "video": (N_("video recordings of your sessions"), True),
    "transcript": (N_("written transcripts of your sessions"), True),
    "session_notes": (N_("notes about your sessions"), True),
    "summaries": (N_("summaries of your sessions made by the tool"), True),
    "usage_data": (N_("when and how you use the tool"), False),
    "device_data": (N_("technical data about your phone or computer"), False),
}
HEALTH_CATEGORIES = frozenset(code for code, (_, health) in CATEGORIES.items() if health)

LAWFUL_BASIS: dict[LawfulBasis, str] = {
    LawfulBasis.CONSENT: N_("your consent"),
    LawfulBasis.CONTRACT: N_("we need it to give you the service you asked for"),
    LawfulBasis.LEGAL_OBLIGATION: N_("a law says we must"),
    LawfulBasis.VITAL_INTERESTS: N_("to protect your life, or someone else's"),
    LawfulBasis.PUBLIC_TASK: N_("it is a task in the public interest"),
    LawfulBasis.LEGITIMATE_INTERESTS: N_("our legitimate interests, weighed against your rights"),
}
BASIS_ARTICLE: dict[LawfulBasis, str] = {
    LawfulBasis.CONSENT: "6(1)(a)",
    LawfulBasis.CONTRACT: "6(1)(b)",
    LawfulBasis.LEGAL_OBLIGATION: "6(1)(c)",
    LawfulBasis.VITAL_INTERESTS: "6(1)(d)",
    LawfulBasis.PUBLIC_TASK: "6(1)(e)",
    LawfulBasis.LEGITIMATE_INTERESTS: "6(1)(f)",
}

SPECIAL_CONDITIONS: dict[SpecialCondition, str] = {
    SpecialCondition.EXPLICIT_CONSENT: N_(
        "your explicit consent, which you give by signing the form"
    ),
    SpecialCondition.EMPLOYMENT_SOCIAL_SECURITY: N_("duties in employment and social security law"),
    SpecialCondition.NOT_FOR_PROFIT_BODY: N_("the work of a not-for-profit body you belong to"),
    SpecialCondition.MADE_PUBLIC: N_("information you have clearly made public yourself"),
    SpecialCondition.VITAL_INTERESTS: N_("to protect your life when you cannot give consent"),
    SpecialCondition.LEGAL_CLAIMS: N_("to make or defend legal claims"),
    SpecialCondition.SUBSTANTIAL_PUBLIC_INTEREST: N_(
        "an important public interest that the law sets out"
    ),
    SpecialCondition.HEALTH_OR_SOCIAL_CARE: N_(
        "to give you health care, by staff who must keep it confidential"
    ),
    SpecialCondition.PUBLIC_HEALTH: N_("public health"),
    SpecialCondition.ARCHIVING_RESEARCH_STATISTICS: N_(
        "scientific research, with the safeguards the law sets out"
    ),
}
CONDITION_ARTICLE: dict[SpecialCondition, str] = {
    SpecialCondition.EXPLICIT_CONSENT: "9(2)(a)",
    SpecialCondition.EMPLOYMENT_SOCIAL_SECURITY: "9(2)(b)",
    SpecialCondition.VITAL_INTERESTS: "9(2)(c)",
    SpecialCondition.NOT_FOR_PROFIT_BODY: "9(2)(d)",
    SpecialCondition.MADE_PUBLIC: "9(2)(e)",
    SpecialCondition.LEGAL_CLAIMS: "9(2)(f)",
    SpecialCondition.SUBSTANTIAL_PUBLIC_INTEREST: "9(2)(g)",
    SpecialCondition.HEALTH_OR_SOCIAL_CARE: "9(2)(h)",
    SpecialCondition.PUBLIC_HEALTH: "9(2)(i)",
    SpecialCondition.ARCHIVING_RESEARCH_STATISTICS: "9(2)(j)",
}

MECHANISMS: dict[TransferMechanism, str] = {
    TransferMechanism.ADEQUACY: N_(
        "an official decision that this country protects data well enough (an adequacy decision)"
    ),
    TransferMechanism.SCC: N_(
        "a contract with standard data protection terms approved by the regulators "
        "(standard contractual clauses)"
    ),
    TransferMechanism.IDTA: N_(
        "a contract approved by the ICO that protects your data "
        "(the International Data Transfer Agreement)"
    ),
    TransferMechanism.BCR: N_(
        "data protection rules that bind the whole company, approved by the regulators "
        "(binding corporate rules)"
    ),
    TransferMechanism.DEROGATION: N_(
        "a specific exception in the law, as no other safeguard is possible"
    ),
}

ROLES: dict[RecipientRole, str] = {
    RecipientRole.PROCESSOR: N_("They work for us and may only use your data as we tell them."),
    RecipientRole.SUB_PROCESSOR: N_("They work for one of our suppliers, under the same rules."),
    RecipientRole.JOINT_CONTROLLER: N_("They decide with us how your data is used."),
    RecipientRole.CONTROLLER: N_("They decide for themselves how they use the data we send."),
}

# right code (as in a consent record's disclosures.rights) -> label
RIGHTS: dict[str, str] = {
    "access": N_("get a copy of your information."),
    "rectification": N_("have wrong information corrected."),
    "erasure": N_("have your information deleted."),
    "restriction": N_("ask us to limit how we use your information."),
    "portability": N_("get your information in a form you can take elsewhere."),
    "objection": N_("object to how we use your information."),
    "human_review": N_("ask for a person to review a decision made by a computer."),
}

RECORDING_KINDS: dict[str, str] = {
    "audio": N_("sound recordings"),
    "video": N_("video recordings"),
    "transcript": N_("written transcripts"),
}
