"""YAML loading for config, rule and vocabulary files.

Everything is loaded with the safe loader (the C one when PyYAML has it), and mappings keep
the line of each key so that errors can say ``file:line``. Anchors and aliases are refused:
no config needs them and they are the way to build a "billion laughs" document.
"""
from __future__ import annotations

from typing import Any

import yaml

try:  # the C loader is several times faster on the vocab files
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]


class YamlError(Exception):
    """A YAML document that cannot be used; ``line`` is 1-based or None."""

    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.line = line


class LineDict(dict):
    """A dict that remembers the 1-based line of each key (``.lines``) and its own (``.line``)."""

    line: int = 0

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.lines: dict[Any, int] = {}


class LineList(list):
    line: int = 0

    def __init__(self, *args):
        super().__init__(*args)
        self.lines: list[int] = []


def _construct(node: yaml.Node, loader: yaml.BaseLoader) -> Any:
    if isinstance(node, yaml.MappingNode):
        out = LineDict()
        out.line = node.start_mark.line + 1
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise YamlError("merge keys (<<) are not supported", key_node.start_mark.line + 1)
            key = _construct(key_node, loader)
            if isinstance(key, (dict, list)):
                raise YamlError("a key must be a plain value", key_node.start_mark.line + 1)
            if key in out:
                raise YamlError(f"duplicate key {key!r}", key_node.start_mark.line + 1)
            out[key] = _construct(value_node, loader)
            out.lines[key] = key_node.start_mark.line + 1
        return out
    if isinstance(node, yaml.SequenceNode):
        out_list = LineList(_construct(n, loader) for n in node.value)
        out_list.line = node.start_mark.line + 1
        out_list.lines = [n.start_mark.line + 1 for n in node.value]
        return out_list
    try:
        return loader.construct_object(node, deep=True)
    except (ValueError, OverflowError) as exc:  # 5000-digit ints, 2024-13-45, ...
        raise YamlError(_value_problem(node, exc), node.start_mark.line + 1) from None


def _value_problem(node: yaml.Node, exc: Exception) -> str:
    """One line for a scalar YAML recognises (an int, a date) but Python cannot build."""
    value = str(getattr(node, "value", ""))
    shown = value if len(value) <= 40 else value[:20] + "..." + value[-10:]
    reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    if "Exceeds the limit" in reason and "integer" in reason:
        reason = f"a number with {len(value)} digits is too large"
    elif node.tag.endswith(":timestamp"):
        reason = f"not a valid date ({reason}); quote it to keep it as text"
    return f"cannot use the value {shown!r}: {reason}"


def _has_alias(text: str) -> bool:
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent):
            return True
    return False


def load(text: str) -> Any:
    """Parse one YAML document into LineDict/LineList/scalars. Raises YamlError."""
    try:
        if ("*" in text or "&" in text) and _has_alias(text):
            # Find the alias line for the message.
            for event in yaml.parse(text, Loader=_Loader):
                if isinstance(event, yaml.AliasEvent):
                    mark = event.start_mark
                    raise YamlError("anchors and aliases are not allowed", mark.line + 1 if mark else None)
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
            if node is None:
                return None
            return _construct(node, loader)  # type: ignore[arg-type]  # the C loader constructs the same nodes
        finally:
            loader.dispose()
    except YamlError:
        raise
    except RecursionError:
        raise YamlError("invalid YAML: nested too deeply") from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = " ".join((exc.problem or str(exc)).split())
        raise YamlError(f"invalid YAML: {problem}", line) from None
    except yaml.YAMLError as exc:
        raise YamlError(f"invalid YAML: {' '.join(str(exc).split())}") from None
    except (ValueError, OverflowError) as exc:  # pragma: no cover - _construct names the line
        raise YamlError(f"invalid YAML: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}") from None


def load_fast(text: str) -> Any:
    """Plain safe load without line tracking. Raises YamlError like ``load``; callers must
    not pass text that may hold aliases (``load`` refuses them)."""
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - the safe loader
    except (ValueError, OverflowError):
        # A value Python cannot build (a huge int, an impossible date): the line-tracking
        # loader says which line.
        return load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = " ".join((exc.problem or str(exc)).split())
        raise YamlError(f"invalid YAML: {problem}", mark.line + 1 if mark is not None else None) from None
    except yaml.YAMLError as exc:
        raise YamlError(f"invalid YAML: {' '.join(str(exc).split())}") from None


def plain(value: Any) -> Any:
    """The same data as plain dicts and lists (no line numbers), e.g. to cache or compare."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def line_of(container: Any, key: Any, default: int | None = None) -> int | None:
    """Line of ``key`` in a LineDict, of index ``key`` in a LineList, else ``default``."""
    if isinstance(container, LineDict):
        return container.lines.get(key, default)
    if isinstance(container, LineList) and isinstance(key, int) and 0 <= key < len(container.lines):
        return container.lines[key]
    return getattr(container, "line", default) or default


def type_word(value: Any) -> str:
    """What a YAML value is, for messages: "a mapping", "a list", "a boolean (true/false)", ..."""
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return "a boolean (true/false)"
    if isinstance(value, (int, float)):
        return "a number"
    if value is None:
        return "empty"
    return "a string" if isinstance(value, str) else f"a {type(value).__name__}"
