"""Kantara Consent Receipt v1.1 -> confide.consent/1, and recognising formats we do not read.

The mapping keeps what a v1.1 receipt says and reports, as ``INPUT-KANTARA-GAP`` findings, the
confide.consent/1 fields it has no way to express (notice version and hash, the withdrawal
information shown, rights, complaint authority, age, AI systems, expiry...). The receipt's
``piiPrincipalId`` becomes ``subject_id`` as is; the record policy warns when it looks like a
name, and no message ever quotes it.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from toolkit.consent import _fields as f
from toolkit.consent._cerberus import make_validator, schema_problems

__all__ = ["KANTARA_GAPS", "is_kantara_v11", "kantara_schema_errors", "map_kantara", "other_format"]

_STR = {"type": "string"}
_STR_LIST = {"type": "list", "schema": _STR}
_PURPOSE = {
    "type": "dict",
    "schema": {
        "purpose": _STR,
        "consentType": {**_STR, "required": True},
        "purposeCategory": {**_STR_LIST, "required": True},
        "piiCategory": {**_STR_LIST, "required": True},
        "primaryPurpose": {"type": "boolean"},
        "termination": {**_STR, "required": True},
        "thirdPartyDisclosure": {"type": "boolean", "required": True},
        "thirdPartyName": _STR,
    },
}
_CONTROLLER = {
    "type": "dict",
    "schema": {
        "piiController": {**_STR, "required": True},
        "onBehalf": {"type": "boolean"},
        "contact": {**_STR, "required": True},
        "address": {"type": "dict", "required": True},
        "email": {**_STR, "required": True},
        "phone": {**_STR, "required": True},
        "piiControllerUrl": _STR,
    },
}
#: The v1.1 JSON schema (DRAFT 6, 2017-11-17) in Cerberus form.
_SCHEMA: dict[str, Any] = {
    "version": {**_STR, "required": True},
    "jurisdiction": {**_STR, "required": True},
    "consentTimestamp": {"type": "integer", "min": 0, "required": True},
    "collectionMethod": {**_STR, "required": True},
    "consentReceiptID": {**_STR, "required": True},
    "publicKey": _STR,
    "language": _STR,
    "piiPrincipalId": {**_STR, "required": True},
    "piiControllers": {"type": "list", "required": True, "schema": _CONTROLLER},
    "policyUrl": {**_STR, "required": True},
    "services": {
        "type": "list",
        "required": True,
        "schema": {
            "type": "dict",
            "schema": {
                "service": {**_STR, "required": True},
                "purposes": {"type": "list", "required": True, "schema": _PURPOSE},
            },
        },
    },
    "sensitive": {"type": "boolean", "required": True},
    "spiCat": {**_STR_LIST, "required": True},
}

#: confide.consent/1 fields a Kantara CR v1.1 receipt cannot express.
KANTARA_GAPS: tuple[tuple[str, str], ...] = (
    ("context", "whether the consent is clinical or research"),
    ("notice.version", "the version of the notice shown"),
    ("notice.sha256", "a hash of the notice shown"),
    ("controller.dpo_contact", "the data protection officer's contact"),
    ("authority", "the supervisory authority for complaints"),
    ("disclosures", "what was shown before consent (withdrawal right and method, rights, AI)"),
    ("subject.age_at_consent", "the age of the person at consent"),
    ("events.0.method", "how consent was given, as a closed set (only free text)"),
    ("purposes.*.special_category_condition", "the Art. 9(2) condition for sensitive data"),
    ("purposes.*.retention", "retention as an ISO 8601 duration (only free text)"),
    ("recipients.*.country", "where recipients are, and the transfer mechanism"),
    ("ai_systems", "AI systems the person interacts with"),
    ("valid_until", "when the consent ends"),
)

_MVCR_KEYS = frozenset(
    {"sub", "svc", "policy_uri", "data_controller", "moc", "jti", "iss", "consent_payload"}
)


def is_kantara_v11(raw: Mapping[str, Any]) -> bool:
    return "consentReceiptID" in raw or str(raw.get("version", "")).startswith("KI-CR-v1.1")


def other_format(raw: Mapping[str, Any]) -> str | None:
    """Name a consent format we recognise but do not read, or ``None``."""
    if len(_MVCR_KEYS & raw.keys()) >= 2:
        return "legacy"
    nested = raw.get("record")
    version = str(
        raw.get("schema_version")
        or (nested.get("schema_version") if isinstance(nested, Mapping) else "")
    )
    if version.startswith("27560") or "receipt_id" in raw:
        return "an ISO/IEC TS 27560 (draft) consent record"
    if "@context" in raw or any(str(k).startswith(("dpv:", "dct:")) for k in raw):
        return "a W3C DPV (JSON-LD) consent record"
    return None


def kantara_schema_errors(raw: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(path, problem) for each way the receipt breaks the v1.1 schema."""
    problems = schema_problems(make_validator(_SCHEMA), raw)
    for i, service in f.mappings(raw.get("services")):
        for j, purpose in f.mappings(service.get("purposes")):
            if purpose.get("thirdPartyDisclosure") is True and not purpose.get("thirdPartyName"):
                path = f"services.{i}.purposes.{j}.thirdPartyName"
                problems.append((path, "required when thirdPartyDisclosure is true"))
    return problems


def map_kantara(raw: Mapping[str, Any]) -> dict[str, Any]:
    """Map a v1.1 receipt onto a confide.consent/1 record (without the fields it lacks)."""
    controllers = [c for c in raw.get("piiControllers") or [] if isinstance(c, Mapping)]
    first = controllers[0] if controllers else {}
    purposes, recipients = _purposes(raw)
    record: dict[str, Any] = {
        "schema_version": "confide.consent/1",
        "record_id": raw.get("consentReceiptID"),
        "subject_id": raw.get("piiPrincipalId"),
        "jurisdiction": raw.get("jurisdiction"),
        "language": raw.get("language"),
        "notice": {"id": raw.get("policyUrl")},
        "controller": {
            "name": first.get("piiController"),
            "contact": first.get("email") or first.get("phone") or first.get("contact"),
        },
        "recipients": recipients,
        "purposes": purposes,
    }
    stamp = raw.get("consentTimestamp")
    if isinstance(stamp, int) and not isinstance(stamp, bool) and stamp >= 0:
        consent_ids = [p["id"] for p in purposes if p.get("lawful_basis") == "consent"]
        implicit = any(p.get("_implicit") for p in purposes)
        event: dict[str, Any] = {
            "state": "given",
            "at": datetime.fromtimestamp(stamp, tz=UTC),
            "by": "subject",
            "purposes": consent_ids,
        }
        if implicit:
            event["method"] = "implied"
        record["events"] = [event]
    for purpose in purposes:
        purpose.pop("_implicit", None)
    return {k: v for k, v in record.items() if v is not None}


def _purposes(raw: Mapping[str, Any]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    purposes: list[dict[str, Any]] = []
    recipients: dict[str, dict[str, Any]] = {}
    for service in raw.get("services") or []:
        if not isinstance(service, Mapping):
            continue
        for item in service.get("purposes") or []:
            if not isinstance(item, Mapping):
                continue
            kind = str(item.get("consentType", "")).upper()
            purpose: dict[str, Any] = {
                "id": f"p{len(purposes) + 1}",
                "description": item.get("purpose"),
                "data_categories": list(item.get("piiCategory") or []),
                "required_for_service": bool(item.get("primaryPurpose", False)),
                "retention": item.get("termination"),
            }
            if kind in {"EXPLICIT", "IMPLICIT"}:
                purpose["lawful_basis"] = "consent"
                purpose["_implicit"] = kind == "IMPLICIT"
            purposes.append(purpose)
            name = item.get("thirdPartyName")
            if item.get("thirdPartyDisclosure") is True and isinstance(name, str):
                recipients.setdefault(name, {"name": name, "role": "third_party"})
    return purposes, list(recipients.values())
