"""Search keys for Vietnamese text typed with or without diacritics.

"BD 96789", "bđ-96789" and "BĐ-96789-TS" must all find the same vessel, and
"Hoai Nhon" must find "Hoài Nhơn". NFD decomposition strips tone and vowel marks,
but Đ/đ is a separate letter (U+0110/U+0111) that does not decompose: it is mapped to
D explicitly. Separators (spaces, dashes, dots) are dropped so the registration's
punctuation does not matter. Pure; any thread.
"""

from __future__ import annotations

import re
import unicodedata

_DROP = re.compile(r"[^0-9a-z]+")


def fold(text: str) -> str:
    """Lower-case ASCII letters and digits only: 'BĐ-96789-TS' -> 'bd96789ts'."""
    text = text.replace("Đ", "D").replace("đ", "d")
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _DROP.sub("", stripped.lower())


def matches(query: str, key: str) -> bool:
    """True when the folded query occurs in an already folded key ('' matches all)."""
    q = fold(query)
    return not q or q in key
