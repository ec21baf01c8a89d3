"""Places the operator can go to by name: towns, communes and wards (by their name since
July 2025 or a former one), ports, islands, stations, vessels by registration. Typed with
or without diacritics ("quy nhon", "BD 96789"), matched on folded keys
(console/textnorm.py): names that start with what was typed first, then names where a
word starts with it, then any name containing it.

Pure and Qt-free: the "Go to" box (widgets/goto_box.py) builds one from the basemap's
place labels and communes and the live stores and asks it for suggestions as the
operator types. A place of a live layer (a vessel) keeps its layer and id, not a
position: its position is looked up when the operator goes there, so a moving vessel is
found where it is now.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from console.textnorm import fold

# the order suggestions of equal quality are listed in: settlements before objects
KIND_ORDER = (
    "city",
    "town",
    "ward",
    "commune",
    "special_zone",
    "port",
    "island",
    "archipelago",
    "former_ward",
    "former_commune",
    "former_township",
    "station",
    "camera",
    "vessel",
)


@dataclass(frozen=True, slots=True)
class Place:
    label: str  # what the operator reads ("Cảng cá Quy Nhơn", "BĐ-96789-TS Hải Âu 27")
    kind: str  # one of KIND_ORDER
    x: float | None = None  # map units (EPSG:3857) of a fixed place
    y: float | None = None
    layer_id: str | None = None  # a live object: where to look its position up, and select it
    item_id: str | None = None
    aliases: tuple[str, ...] = ()  # other names that find it (the English name, the owner)
    # the official name with its type word ("Phường Quy Nhơn Nam"): found when typed from
    # its start and resolved when typed whole, never by a part inside it, which would
    # run across the type word ("an nhon" in "Thị trấn Nhơn Hòa")
    formal: str = ""
    context: str = ""  # shown after the kind, to tell apart places of one name
    span_m: float | None = None  # how wide a view shows it (a commune); None: the default
    keys: tuple[str, ...] = field(default=(), compare=False)  # folded label and aliases
    words: tuple[str, ...] = field(default=(), compare=False)  # folded words of those
    formal_key: str = field(default="", compare=False)


def place(label: str, kind: str, **kwargs: object) -> Place:
    """A Place with its folded search keys."""
    aliases = tuple(kwargs.pop("aliases", ()))  # type: ignore[arg-type]
    formal = str(kwargs.pop("formal", ""))
    keys = tuple(dict.fromkeys(fold(t) for t in (label, *aliases) if t))
    words = tuple(
        dict.fromkeys(fold(w) for t in (label, *aliases) for w in t.split() if fold(w))
    )
    return Place(
        label,
        kind,
        aliases=aliases,
        formal=formal,
        keys=keys,
        words=words,
        formal_key=fold(formal),
        **kwargs,  # type: ignore[arg-type]
    )


class PlaceIndex:
    def __init__(self, places: list[Place]) -> None:
        self.places = places

    def __len__(self) -> int:
        return len(self.places)

    def suggest(self, text: str, limit: int = 12) -> list[Place]:
        """The best matches for what was typed, best first (at most `limit`)."""
        q = fold(text)
        if not q:
            return []
        ranked: list[tuple[int, int, str, Place]] = []
        for p in self.places:
            rank = _rank(p, q)
            if rank is not None:
                order = KIND_ORDER.index(p.kind) if p.kind in KIND_ORDER else len(KIND_ORDER)
                ranked.append((rank, order, p.label, p))
        ranked.sort(key=lambda r: r[:3])
        return [r[3] for r in ranked[:limit]]

    def resolve(self, text: str) -> Place | None:
        """The one place `text` names: an exact name (folded), or the only match."""
        q = fold(text)
        if not q:
            return None
        exact = [p for p in self.places if q in p.keys or q == p.formal_key]
        if exact:
            return exact[0]
        matches = self.suggest(text, limit=2)
        return matches[0] if len(matches) == 1 else None


def _rank(p: Place, q: str) -> int | None:
    """0: a name (or the official name) starts with it; 1: a word of a name does;
    2: a name contains it."""
    if any(k.startswith(q) for k in p.keys) or (p.formal_key and p.formal_key.startswith(q)):
        return 0
    if any(k.startswith(q) for k in p.words):
        return 1
    if any(q in k for k in p.keys):
        return 2
    return None
