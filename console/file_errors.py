"""Why a file the operator asked for cannot be shown: one kind of error for every reader.

An error from a file reader has two audiences. The log (and an administrator) needs
the technical detail: GDAL's or SQLite's own words, the SQL, the bytes it could not
decode. The operator needs one sentence in their language that says what is wrong
with the file and what would fix it. So a reader raises `FileLoadError` with a
`FileProblem` (what is wrong, as data) next to its technical message (`str(exc)`);
the view turns the problem into a translated sentence (`widgets/file_problem_text.py`)
and logs the detail. No Qt here: the core stays free of translation machinery.
"""

from __future__ import annotations

from enum import Enum


class FileProblem(Enum):
    MISSING = "missing"  # no such file
    UNSUPPORTED_TYPE = "unsupported_type"  # a suffix no reader handles
    UNREADABLE = "unreadable"  # damaged, or not the format its name says
    NO_LAYER = "no_layer"  # a container with no table to draw
    NO_GEOMETRY = "no_geometry"  # readable, but nothing to draw
    NO_CRS = "no_crs"  # cannot be placed on the map
    UNKNOWN_CRS = "unknown_crs"  # a CRS that cannot be transformed to the map
    BAD_GEOMETRY = "bad_geometry"  # non-finite or out-of-range coordinates
    NOT_MBTILES = "not_mbtiles"  # an SQLite file without the MBTiles tables


class FileLoadError(ValueError):
    """A file (or one table of it) cannot be shown.

    `where`: the file name, with the table when there is one (what the operator knows
    the file by). `problem`: what is wrong. `str(exc)`: the technical detail, for logs.
    """

    def __init__(self, where: str, problem: FileProblem, detail: str) -> None:
        super().__init__(f"{where}: {detail}")
        self.where = where
        self.problem = problem
