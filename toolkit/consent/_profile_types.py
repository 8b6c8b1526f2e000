"""The typed form of a consent-document profile: enums and frozen dataclasses.

Free-text fields that a client reads are :class:`Text` (one string per language); names,
contacts and numbers are plain strings, the same in every language.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

from toolkit.consent.policy import Context  # one Context for records, policies and profiles
from toolkit.errors import ProfileError

__all__ = [
    "EEA",
    "AiSystem",
    "Authority",
    "Category",
    "Clinician",
    "Context",
    "Controller",
    "CrisisContact",
    "DataSection",
    "DocumentInfo",
    "Duration",
    "EthicsApproval",
    "Language",
    "LawfulBasis",
    "Profile",
    "Purpose",
    "Recipient",
    "RecipientRole",
    "Recording",
    "Research",
    "SpecialCondition",
    "Study",
    "Text",
    "TransferMechanism",
]

# EU member states plus Iceland, Liechtenstein and Norway: transfers between them need no
# safeguard of their own.
EEA = frozenset(
    "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE "
    "IS LI NO".split()
)


class Language(enum.Enum):
    """Languages a document can be rendered in."""

    EN = "en"
    CS = "cs"

    @property
    def tag(self) -> str:
        """BCP 47 tag used in the document and the consent record."""
        return {"en": "en-GB", "cs": "cs-CZ"}[self.value]

    @property
    def locale(self) -> str:
        """Babel locale for dates, units and country names."""
        return {"en": "en_GB", "cs": "cs_CZ"}[self.value]

    @property
    def english_name(self) -> str:
        return {"en": "English", "cs": "Czech"}[self.value]


class LawfulBasis(enum.Enum):
    """GDPR Art. 6(1) lawful bases."""

    CONSENT = "consent"
    CONTRACT = "contract"
    LEGAL_OBLIGATION = "legal_obligation"
    VITAL_INTERESTS = "vital_interests"
    PUBLIC_TASK = "public_task"
    LEGITIMATE_INTERESTS = "legitimate_interests"


class SpecialCondition(enum.Enum):
    """GDPR Art. 9(2) conditions for health (special category) data."""

    EXPLICIT_CONSENT = "explicit_consent"  # 9(2)(a)
    EMPLOYMENT_SOCIAL_SECURITY = "employment_social_security"  # 9(2)(b)
    VITAL_INTERESTS = "vital_interests"  # 9(2)(c)
    NOT_FOR_PROFIT_BODY = "not_for_profit_body"  # 9(2)(d)
    MADE_PUBLIC = "made_public"  # 9(2)(e)
    LEGAL_CLAIMS = "legal_claims"  # 9(2)(f)
    SUBSTANTIAL_PUBLIC_INTEREST = "substantial_public_interest"  # 9(2)(g)
    HEALTH_OR_SOCIAL_CARE = "health_or_social_care"  # 9(2)(h)
    PUBLIC_HEALTH = "public_health"  # 9(2)(i)
    ARCHIVING_RESEARCH_STATISTICS = "archiving_research_statistics"  # 9(2)(j)


class TransferMechanism(enum.Enum):
    """Safeguards for sending personal data abroad (GDPR Chapter V)."""

    ADEQUACY = "adequacy"
    SCC = "scc"
    IDTA = "idta"
    BCR = "bcr"
    DEROGATION = "derogation"


class RecipientRole(enum.Enum):
    """How a recipient stands to the controller."""

    PROCESSOR = "processor"
    SUB_PROCESSOR = "sub_processor"
    JOINT_CONTROLLER = "joint_controller"
    CONTROLLER = "controller"


@dataclass(frozen=True)
class Text:
    """A client-facing text in one or more languages, with the field it came from."""

    field: str
    where: str
    variants: tuple[tuple[str, str], ...]

    def get(self, lang: Language) -> str:
        """The text in ``lang``; a :class:`ProfileError` naming the field if there is none."""
        for code, value in self.variants:
            if code == lang.value:
                return value
        have = ", ".join(code for code, _ in self.variants)
        raise ProfileError(
            f"{self.field} has no {lang.english_name} ({lang.value}) text, only {have}; "
            f"write it as {{{have}: ..., {lang.value}: ...}}",
            where=self.where,
        )

    @staticmethod
    def fixed(field: str, **variants: str) -> Text:
        """A built-in text (defaults), given per language code."""
        return Text(field=field, where="confide defaults", variants=tuple(variants.items()))


@dataclass(frozen=True)
class Duration:
    """An ISO 8601 duration such as ``P2Y`` or ``P1Y6M`` (years, months, weeks, days)."""

    iso: str
    years: int = 0
    months: int = 0
    weeks: int = 0
    days: int = 0

    def add_to(self, when: dt.datetime) -> dt.datetime:
        """``when`` plus this duration (month arithmetic clamps to the month's last day)."""
        month_index = when.month - 1 + self.months + 12 * self.years
        year, month = when.year + month_index // 12, month_index % 12 + 1
        day = when.day
        while True:
            try:
                shifted = when.replace(year=year, month=month, day=day)
                break
            except ValueError:
                day -= 1
        return shifted + dt.timedelta(weeks=self.weeks, days=self.days)


@dataclass(frozen=True)
class DocumentInfo:
    id: str
    version: str
    date: dt.date
    consent_valid_for: Duration


@dataclass(frozen=True)
class Controller:
    name: str
    contact: str
    dpo_contact: str
    complaints_contact: str


@dataclass(frozen=True)
class Clinician:
    name: str
    role: Text
    contact: str


@dataclass(frozen=True)
class Study:
    team: str
    lead: str
    contact: str


@dataclass(frozen=True)
class AiSystem:
    name: str
    provider: str
    purpose: Text
    can: tuple[Text, ...]
    cannot: tuple[Text, ...]
    interacts_with_client: bool
    emotion_recognition: bool
    emotion_recognition_detail: Text | None
    automated_decisions: bool
    automated_decisions_detail: Text | None
    data_location: str | None
    trains_on_client_data: bool
    self_hosted: bool
    human_review: Text | None
    purposes: tuple[str, ...]


@dataclass(frozen=True)
class Recording:
    audio: bool
    video: bool
    transcript: bool
    detail: Text | None
    if_no: Text | None

    @property
    def any(self) -> bool:
        return self.audio or self.video or self.transcript


@dataclass(frozen=True)
class Category:
    """A data category: a known code (labelled by confide) or a code with its own label."""

    code: str
    label: Text | None
    health: bool


@dataclass(frozen=True)
class Recipient:
    name: str
    role: RecipientRole
    country: str
    does: Text
    transfer_mechanism: TransferMechanism | None


@dataclass(frozen=True)
class DataSection:
    categories: tuple[Category, ...]
    retention: Duration
    recipients: tuple[Recipient, ...]


@dataclass(frozen=True)
class Purpose:
    id: str
    title: Text
    description: Text
    lawful_basis: LawfulBasis
    special_category_condition: SpecialCondition | None
    data_categories: tuple[str, ...]
    required_for_service: bool
    retention: Duration
    retention_note: Text | None
    automated_decision_making: bool
    trains_ai: bool
    consent_statement: Text | None


@dataclass(frozen=True)
class CrisisContact:
    name: Text
    number: str
    when: Text


@dataclass(frozen=True)
class Authority:
    code: str
    name: Text
    contact: str


@dataclass(frozen=True)
class EthicsApproval:
    committee: str
    ref: str
    date: dt.date


@dataclass(frozen=True)
class Research:
    study_id: str
    title: Text
    aims: Text
    why_you: Text | None
    involvement: tuple[Text, ...]
    ethics_approval: EthicsApproval
    data_withdrawal_deadline: dt.date
    debriefing: Text
    risks: tuple[Text, ...]
    benefits: tuple[Text, ...]
    quotes: bool
    anonymised_after_deadline: bool


@dataclass(frozen=True)
class Profile:
    """A validated consent-document profile."""

    source: str
    document: DocumentInfo
    language: Language
    context: Context
    jurisdiction: str
    controller: Controller
    clinician: Clinician | None
    study: Study | None
    ai_systems: tuple[AiSystem, ...]
    recording: Recording
    data: DataSection
    purposes: tuple[Purpose, ...]
    withdrawal_method: Text
    crisis_contacts: tuple[CrisisContact, ...]
    complaint_authority: Authority
    confidentiality_limits: tuple[Text, ...]
    research: Research | None
