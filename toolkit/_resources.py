"""Find the bundled ``policies/`` and ``templates/`` folders.

In a wheel they are packaged as ``toolkit/_data/<name>`` (see ``pyproject.toml``); in a source
checkout or an editable install they are the top-level folders of the repository.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from toolkit.errors import ConfigError

__all__ = ["data_dir"]


def data_dir(name: str) -> Path:
    """Return the directory of bundled data ``name`` (``"policies"`` or ``"templates"``)."""
    packaged = Path(str(resources.files("toolkit"))) / "_data" / name
    if packaged.is_dir():
        return packaged
    source = Path(__file__).resolve().parent.parent / name
    if source.is_dir():
        return source
    raise ConfigError(
        f"bundled folder {name!r} not found; reinstall confide (pip install .)", where="confide"
    )
