"""Search keys for Vietnamese text typed with or without diacritics.

"BD 96789", "bđ-96789" and "BĐ-96789-TS" must all find the same vessel, and
"Hoai Nhon" must find "Hoài Nhơn". NFD decomposition strips tone and vowel marks,
but Đ/đ is a separate letter (U+0110/U+0111) that does not decompose: it is mapped to
D explicitly. Separators (spaces, dashes, dots) are dropped so the registration's
punctuation does not matter. Pure; any thread.

Speed matters: the vessel list folds every new vessel's registration, name and owner
on the GUI thread (20,000 at once when a large fleet arrives). Folding character by
character through `unicodedata` costs ~5 µs per name; a precomputed `str.translate`
table for the Latin blocks Vietnamese uses does the same in C, and anything outside the
table takes the exact (slow) path, so results never differ.
"""

from __future__ import annotations

import re
import unicodedata

_DROP = re.compile(r"[^0-9a-z]+")


def _fold_exact(text: str) -> str:
    text = text.replace("Đ", "D").replace("đ", "d")
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _DROP.sub("", stripped.lower())


def _build_table() -> dict[int, str]:
    """code point -> folded ASCII ('' to drop) for Basic Latin, Latin-1, Latin
    Extended-A/B, combining marks and Latin Extended Additional (all Vietnamese letters
    with tone marks live in U+1EA0..U+1EF9)."""
    table: dict[int, str] = {}
    blocks = (range(0x0250), range(0x0300, 0x0370), range(0x1E00, 0x1F00))
    for block in blocks:
        for code in block:
            folded = _fold_exact(chr(code))
            # keep only 1:1 (or 1:0) foldings whose result is stable; others go slow
            if len(folded) <= 1:
                table[code] = folded
    return table


_TABLE = _build_table()


def fold(text: str) -> str:
    """Lower-case ASCII letters and digits only: 'BĐ-96789-TS' -> 'bd96789ts'."""
    quick = text.translate(_TABLE)
    if not quick or (quick.isascii() and quick.isalnum()):
        return quick
    return _fold_exact(text)


def matches(query: str, key: str) -> bool:
    """True when the folded query occurs in an already folded key ('' matches all)."""
    q = fold(query)
    return not q or q in key
