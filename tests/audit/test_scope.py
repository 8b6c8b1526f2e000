"""What belongs to the dataset: patterns, default consent files, files outside the manifest."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from toolkit.audit import AuditOptions, FileStatus, audit_dataset
from toolkit.audit.dataset import matches
from toolkit.errors import ConfigError
from toolkit.pii import Redactor

from ._dataset import NOW, Dataset, text_transcript

KEY = b"scope-test-key-0123456789"


@pytest.mark.parametrize(("path", "patterns", "expected"), [
    ("raw/a.txt", ["raw/"], True), ("raw/deep/a.txt", ["./raw/"], True),
    ("rawish/a.txt", ["raw/"], False), ("a/b/c.vtt", ["*.vtt"], True),
    ("a/b/c.vtt", ["a/*"], True), ("README.md", ["docs/*", "README.md"], True),
    ("notes.txt", [], False),
])
def test_when_path_is_matched_against_patterns_then_globs_and_folders_work(
        path: str, patterns: list[str], expected: bool) -> None:
    assert matches(path, patterns) is expected


def _options(root: Path, **kwargs: object) -> AuditOptions:
    return AuditOptions(dataset=root, key=KEY, workers=1,  # type: ignore[arg-type]
                        now=datetime.fromisoformat(NOW), **kwargs)


def test_when_consents_are_a_folder_in_the_dataset_then_they_are_found_and_not_audited(
        tmp_path: Path, redactor: Redactor) -> None:
    ds = Dataset(tmp_path / "d")
    ds.file("s/a.txt", text_transcript(), "S1")
    ds.consent("S1")
    (tmp_path / "d" / "consents").mkdir(parents=True)
    root = ds.write(consents="consents/records.jsonl")
    result = audit_dataset(_options(root))
    assert result.findings == () and result.consent_records == 1
    assert [e.path for e in result.files] == ["s/a.txt"]
    assert result.consent_sources == ("consents/records.jsonl",)


def test_when_nothing_names_consent_records_then_config_error_says_how(tmp_path: Path) -> None:
    ds = Dataset(tmp_path / "d")
    ds.file("s/a.txt", text_transcript(), "S1")
    root = ds.write(consents="elsewhere.jsonl")
    with pytest.raises(ConfigError, match="--consents"):
        audit_dataset(_options(root))


def test_when_unlisted_audio_is_present_then_it_is_not_in_manifest_and_not_scanned(
        tmp_path: Path, redactor: Redactor) -> None:
    ds = Dataset(tmp_path / "d")
    ds.file("s/a.txt", text_transcript(), "S1")
    ds.consent("S1")
    root = ds.write()
    (root / "s" / "a.m4a").write_bytes(b"\x00\x00\x00 ftypM4A ")
    result = audit_dataset(_options(root))
    (finding,) = result.findings
    assert (finding.kind.code, finding.file) == ("file-not-in-manifest", "s/a.m4a")
    status = {e.path: e.status for e in result.files}
    assert status == {"s/a.m4a": FileStatus.FINDINGS, "s/a.txt": FileStatus.CLEAN}
