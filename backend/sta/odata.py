"""The OData query options SensorThings v1.1 uses (OGC 18-088, section 9.3), parsed into
small trees the server evaluates over in-memory entities.

Supported: `$filter` with eq ne gt ge lt le, and or not, parentheses, paths
(`Datastream/@iot.id`, `properties/kind`), string / number / boolean / null / ISO 8601
date-time literals and the string functions substringof, startswith, endswith;
`$orderby` (`a desc, b`), `$select`, `$expand` with nested options
(`Datastreams($expand=Observations($top=1;$orderby=phenomenonTime desc))`).
Anything else is a `QueryError` naming what was not understood, answered 400.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from backend.timefmt import parse_instant


class QueryError(ValueError):
    """A query option the server cannot read; the message says which and why."""


@dataclass(frozen=True)
class Instant:
    """A date-time literal, as epoch seconds (entities keep times as epoch seconds)."""

    t: float


@dataclass(frozen=True)
class Path:
    parts: tuple[str, ...]


@dataclass(frozen=True)
class Literal:
    value: Any


@dataclass(frozen=True)
class Op:
    name: str  # eq ne gt ge lt le and or not, or a function name
    args: tuple[Any, ...]


@dataclass
class Options:
    """The query options of one collection request or one `$expand` level."""

    filter: Op | None = None
    orderby: list[tuple[Path, bool]] = field(default_factory=list)  # (path, descending)
    select: list[str] | None = None
    expand: dict[str, Options] = field(default_factory=dict)
    top: int | None = None
    skip: int = 0
    count: bool = False


_TOKEN = re.compile(
    r"\s*(?:"
    r"(?P<string>'(?:[^']|'')*')"
    r"|(?P<datetime>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2}))"
    r"|(?P<number>-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)"
    r"|(?P<name>@?[A-Za-z_][A-Za-z0-9_.@]*(?:/@?[A-Za-z_][A-Za-z0-9_.@]*)*)"
    r"|(?P<punct>[(),])"
    r")"
)
COMPARISONS = ("eq", "ne", "gt", "ge", "lt", "le")
FUNCTIONS = {"substringof": 2, "startswith": 2, "endswith": 2}


def _tokens(text: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    pos = 0
    text = text.rstrip()
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if m is None or m.end() == pos:
            raise QueryError(f"$filter: cannot read {text[pos:pos + 20]!r}")
        kind = m.lastgroup or ""
        out.append((kind, m.group(kind)))
        pos = m.end()
    return out


class _Parser:
    def __init__(self, text: str) -> None:
        self.tokens = _tokens(text)
        self.i = 0

    def peek(self) -> tuple[str, str] | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def take(self) -> tuple[str, str]:
        token = self.peek()
        if token is None:
            raise QueryError("$filter: ends too early")
        self.i += 1
        return token

    def expect(self, value: str) -> None:
        token = self.take()
        if token[1] != value:
            raise QueryError(f"$filter: expected {value!r}, found {token[1]!r}")

    def word(self, *words: str) -> str | None:
        token = self.peek()
        if token and token[0] == "name" and token[1] in words:
            self.i += 1
            return token[1]
        return None

    def parse(self) -> Op:
        node = self.disjunction()
        if self.peek() is not None:
            raise QueryError(f"$filter: unexpected {self.peek()[1]!r}")  # type: ignore[index]
        if not isinstance(node, Op):
            raise QueryError("$filter: not a condition")
        return node

    def disjunction(self) -> Any:
        node = self.conjunction()
        while self.word("or"):
            node = Op("or", (node, self.conjunction()))
        return node

    def conjunction(self) -> Any:
        node = self.negation()
        while self.word("and"):
            node = Op("and", (node, self.negation()))
        return node

    def negation(self) -> Any:
        if self.word("not"):
            return Op("not", (self.negation(),))
        return self.comparison()

    def comparison(self) -> Any:
        left = self.operand()
        op = self.word(*COMPARISONS)
        if op is None:
            return left
        return Op(op, (left, self.operand()))

    def operand(self) -> Any:
        kind, value = self.take()
        if value == "(":
            node = self.disjunction()
            self.expect(")")
            return node
        if kind == "string":
            return Literal(value[1:-1].replace("''", "'"))
        if kind == "datetime":
            try:
                return Literal(Instant(parse_instant(value)))
            except ValueError as exc:
                raise QueryError(f"$filter: {exc}") from None
        if kind == "number":
            return Literal(float(value))
        if kind == "name":
            if value in ("true", "false"):
                return Literal(value == "true")
            if value == "null":
                return Literal(None)
            nxt = self.peek()
            if nxt and nxt[1] == "(":
                return self.function(value)
            return Path(tuple(value.split("/")))
        raise QueryError(f"$filter: unexpected {value!r}")

    def function(self, name: str) -> Op:
        if name not in FUNCTIONS:
            raise QueryError(f"$filter: function {name!r} is not supported")
        self.expect("(")
        args = [self.disjunction()]
        while self.peek() and self.peek()[1] == ",":  # type: ignore[index]
            self.take()
            args.append(self.disjunction())
        self.expect(")")
        if len(args) != FUNCTIONS[name]:
            raise QueryError(f"$filter: {name} takes {FUNCTIONS[name]} arguments")
        return Op(name, tuple(args))


MAX_FILTER_CHARS = 4000


def parse_filter(text: str) -> Op:
    if len(text) > MAX_FILTER_CHARS:
        raise QueryError(f"$filter longer than {MAX_FILTER_CHARS} characters")
    try:
        return _Parser(text).parse()
    except RecursionError:  # "((((...": nested deeper than any real query
        raise QueryError("$filter nests too deeply") from None


# --- evaluation ---------------------------------------------------------------------------

Resolve = Callable[[dict, tuple[str, ...]], Any]


def _value(node: Any, entity: dict, resolve: Resolve) -> Any:
    if isinstance(node, Literal):
        return node.value.t if isinstance(node.value, Instant) else node.value
    if isinstance(node, Path):
        return resolve(entity, node.parts)
    return evaluate(node, entity, resolve)


def _compare(op: str, a: Any, b: Any) -> bool:
    if op == "eq":
        return a == b
    if op == "ne":
        return a != b
    if a is None or b is None:
        return False  # OData: an ordering comparison with null is false
    if isinstance(a, bool) != isinstance(b, bool) or isinstance(a, str) != isinstance(b, str):
        return False
    if isinstance(a, float) and math.isnan(a):
        return False
    return {"gt": a > b, "ge": a >= b, "lt": a < b, "le": a <= b}[op]


def evaluate(node: Op, entity: dict, resolve: Resolve) -> bool:
    """Whether `entity` passes the filter; `resolve(entity, path)` reads a property path."""
    name, args = node.name, node.args
    if name == "and":
        return evaluate(args[0], entity, resolve) and evaluate(args[1], entity, resolve)
    if name == "or":
        return evaluate(args[0], entity, resolve) or evaluate(args[1], entity, resolve)
    if name == "not":
        return not evaluate(args[0], entity, resolve)
    values = [_value(a, entity, resolve) for a in args]
    if name in COMPARISONS:
        a, b = values
        if isinstance(a, int | float) and isinstance(b, int | float) and not isinstance(a, bool):
            a, b = float(a), float(b)
        return _compare(name, a, b)
    if not all(isinstance(v, str) for v in values):
        return False
    if name == "substringof":
        return values[0] in values[1]
    if name == "startswith":
        return values[0].startswith(values[1])
    return values[0].endswith(values[1])  # endswith


def time_bounds(node: Op | None, path: tuple[str, ...]) -> tuple[float, float]:
    """The [lo, hi] of `path` that every entity passing `node` must lie in, read from the
    comparisons joined by `and` at the top (so a store can fetch only that window)."""
    lo, hi = -math.inf, math.inf
    if node is None:
        return lo, hi
    if node.name == "and":
        a, b = time_bounds(node.args[0], path), time_bounds(node.args[1], path)
        return max(a[0], b[0]), min(a[1], b[1])
    if node.name in ("gt", "ge", "lt", "le", "eq") and len(node.args) == 2:
        left, right = node.args
        flip = {"gt": "lt", "ge": "le", "lt": "gt", "le": "ge", "eq": "eq"}
        name = node.name
        if isinstance(right, Path) and isinstance(left, Literal):
            left, right, name = right, left, flip[name]
        if (isinstance(left, Path) and left.parts == path and isinstance(right, Literal)
                and isinstance(right.value, Instant)):
            t = right.value.t
            if name in ("gt", "ge"):
                lo = t
            elif name in ("lt", "le"):
                hi = t
            else:
                lo = hi = t
    return lo, hi


# --- $orderby, $select, $expand -----------------------------------------------------------

def _split_top(text: str, sep: str) -> list[str]:
    """Split at `sep` outside parentheses and quotes."""
    parts, depth, quoted, start = [], 0, False, 0
    for i, ch in enumerate(text):
        if ch == "'":
            quoted = not quoted
        elif not quoted and ch == "(":
            depth += 1
        elif not quoted and ch == ")":
            depth -= 1
            if depth < 0:
                raise QueryError("unbalanced parentheses")
        elif not quoted and depth == 0 and ch == sep:
            parts.append(text[start:i])
            start = i + 1
    if depth != 0:
        raise QueryError("unbalanced parentheses")
    parts.append(text[start:])
    return [p.strip() for p in parts if p.strip()]


def parse_orderby(text: str) -> list[tuple[Path, bool]]:
    out = []
    for part in _split_top(text, ","):
        words = part.split()
        if len(words) > 2 or (len(words) == 2 and words[1].lower() not in ("asc", "desc")):
            raise QueryError(f"$orderby: cannot read {part!r}")
        out.append((Path(tuple(words[0].split("/"))), len(words) == 2
                    and words[1].lower() == "desc"))
    return out


def _int_option(name: str, text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise QueryError(f"{name} must be a whole number, not {text[:20]!r}") from None
    if value < 0:
        raise QueryError(f"{name} must not be negative")
    return value


def parse_options(params: dict[str, str], sep: str = "&") -> Options:
    """Options from request parameters (`$top` ...) or a nested `$expand(...)` body."""
    del sep
    options = Options()
    for key, value in params.items():
        if key == "$filter":
            options.filter = parse_filter(value)
        elif key == "$orderby":
            options.orderby = parse_orderby(value)
        elif key == "$select":
            options.select = [s.strip() for s in value.split(",") if s.strip()]
        elif key == "$expand":
            options.expand = parse_expand(value)
        elif key == "$top":
            options.top = _int_option("$top", value)
        elif key == "$skip":
            options.skip = _int_option("$skip", value)
        elif key == "$count":
            if value not in ("true", "false"):
                raise QueryError("$count must be true or false")
            options.count = value == "true"
    return options


def parse_expand(text: str) -> dict[str, Options]:
    """`A($top=1;$expand=B),C/D` -> {A: options(top 1, expand B), C: options(expand D)}."""
    out: dict[str, Options] = {}
    for item in _split_top(text, ","):
        name, _, rest = item.partition("(")
        name = name.strip()
        inner = Options()
        if rest:
            if not rest.endswith(")"):
                raise QueryError(f"$expand: cannot read {item!r}")
            params = {}
            for option in _split_top(rest[:-1], ";"):
                key, eq, value = option.partition("=")
                if not eq:
                    raise QueryError(f"$expand: cannot read option {option!r}")
                params[key.strip()] = value.strip()
            inner = parse_options(params)
        head, slash, tail = name.partition("/")
        if slash:  # A/B is A expanded with B expanded inside it
            nested = out.setdefault(head, Options())
            nested.expand.update(parse_expand(tail if not rest else f"{tail}({rest}"))
        elif head in out:
            merged = out[head]
            merged.expand.update(inner.expand)
        else:
            out[head] = inner
    return out
