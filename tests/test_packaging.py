"""The real wheel (``pip install .``, not editable) carries policies/ and templates/ and finds
them: built offline here with the hatchling the test extra installs."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("hatchling")
    out = tmp_path_factory.mktemp("wheel")
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-build-isolation", "--no-deps", "-q",
         "--disable-pip-version-check", str(ROOT), "-w", str(out)],
        capture_output=True, text=True, check=False,
        env={**os.environ, "PIP_NO_INDEX": "1"},
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return next(out.glob("confide-*.whl"))


def test_when_wheel_is_built_then_policies_templates_and_data_are_inside(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    policies = {p.name for p in (ROOT / "policies").glob("*.yaml")}
    assert {f"toolkit/_data/policies/{p}" for p in policies} <= names
    templates = {p.relative_to(ROOT / "templates").as_posix()
                 for p in (ROOT / "templates").rglob("*") if p.is_file()}
    assert {f"toolkit/_data/templates/{t}" for t in templates} <= names
    assert "toolkit/pii/data/english_words.txt.gz" in names
    assert any(n.startswith("confide-0.1.0.dist-info/entry_points") for n in names)


def test_when_wheel_is_installed_then_it_finds_its_own_data(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    code = ("from toolkit._resources import data_dir; print(data_dir('policies')); "
            "print(data_dir('templates'))")
    env = {**os.environ, "PYTHONPATH": str(site)}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=tmp_path, env=env, check=True)
    assert all(line.startswith(str(site)) for line in done.stdout.split())
    listed = subprocess.run([sys.executable, "-m", "toolkit.cli", "policy", "list"],
                            capture_output=True, text=True, cwd=tmp_path, env=env, check=False)
    assert listed.returncode == 0 and "GDPR-7.3-WITHDRAW-RIGHT" in listed.stdout
