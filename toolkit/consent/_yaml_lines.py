"""Load YAML while remembering the line of every mapping and key (for error messages)."""

from __future__ import annotations

from typing import Any

import yaml

__all__ = ["LineMap", "load_yaml_with_lines"]


class LineMap(dict[str, Any]):
    """A YAML mapping that knows its own line and the line of each of its keys (1-based)."""

    line: int = 0
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        """The line of ``key`` if present, else the line of the mapping itself."""
        return self.key_lines.get(key, self.line)


class _Loader(yaml.SafeLoader):
    """A safe loader that builds :class:`LineMap` mappings."""


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LineMap:
    loader.flatten_mapping(node)
    result = LineMap()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        result[str(key)] = loader.construct_object(value_node, deep=True)
        result.key_lines[str(key)] = key_node.start_mark.line + 1
    return result


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load_yaml_with_lines(text: str) -> Any:
    """Parse ``text``; mappings come back as :class:`LineMap`. Raises ``yaml.YAMLError``."""
    return yaml.load(text, Loader=_Loader)  # _Loader is a SafeLoader subclass
