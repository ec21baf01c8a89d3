"""The operator's sentence for a file that cannot be shown, in the UI language.

Readers raise `FileLoadError` (console/file_errors.py) with a `FileProblem`; this is
the one place that words each problem for the operator. Anything else a reader may
raise (a library's own exception, an OS error) gets the general sentence: the raw
text of such errors (SQL, byte strings, stack-ish detail) is for the log only.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from console.file_errors import FileLoadError, FileProblem

CONTEXT = "FileProblem"

SENTENCES: dict[FileProblem, str] = {
    FileProblem.MISSING: QT_TRANSLATE_NOOP("FileProblem", "%1 was not found."),
    FileProblem.UNSUPPORTED_TYPE: QT_TRANSLATE_NOOP(
        "FileProblem",
        "%1 is not a kind of file the console can show. "
        "Use GeoJSON, GeoPackage, Shapefile or MBTiles.",
    ),
    FileProblem.UNREADABLE: QT_TRANSLATE_NOOP(
        "FileProblem",
        "%1 could not be read: the file is damaged or is not the format its name says.",
    ),
    FileProblem.NO_LAYER: QT_TRANSLATE_NOOP("FileProblem", "%1 contains no map layer."),
    FileProblem.NO_GEOMETRY: QT_TRANSLATE_NOOP("FileProblem", "%1 contains nothing to draw."),
    FileProblem.NO_CRS: QT_TRANSLATE_NOOP(
        "FileProblem",
        "%1 does not say which coordinate system it uses, so it cannot be placed on the "
        "map. Add a .prj file or set its coordinate system.",
    ),
    FileProblem.UNKNOWN_CRS: QT_TRANSLATE_NOOP(
        "FileProblem", "%1 uses a coordinate system that cannot be converted to the map."
    ),
    FileProblem.BAD_GEOMETRY: QT_TRANSLATE_NOOP(
        "FileProblem", "%1 contains broken coordinates and cannot be drawn."
    ),
    FileProblem.NOT_MBTILES: QT_TRANSLATE_NOOP(
        "FileProblem", "%1 is not an MBTiles tile file, or the file is damaged."
    ),
}
GENERAL = QT_TRANSLATE_NOOP("FileProblem", "%1 could not be loaded.")
SEE_LOG = QT_TRANSLATE_NOOP("FileProblem", "The technical details are in the log.")


def operator_sentence(exc: BaseException, name: str) -> str:
    """What to tell the operator about `exc` raised while loading the file `name`."""
    if isinstance(exc, FileLoadError):
        template, where = SENTENCES.get(exc.problem, GENERAL), exc.where
    else:
        template, where = GENERAL, name
    sentence = QCoreApplication.translate(CONTEXT, template).replace("%1", where)
    return sentence + " " + QCoreApplication.translate(CONTEXT, SEE_LOG)
