"""Operators get one sentence in their language for a file that cannot be shown;
the technical detail (SQL, byte strings) never reaches that sentence."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from console.file_errors import FileLoadError, FileProblem
from console.geo.vector_io import VectorFileError, read_vector
from console.i18n import install_translator
from widgets.file_problem_text import GENERAL, SENTENCES, operator_sentence

RAW = "sqlite3_prepare_v2(SELECT 1 FROM gpkg_contents) failed; Raw error: b'\\xff\\xfe'"


def test_every_problem_has_its_own_sentence():
    assert set(SENTENCES) == set(FileProblem)
    assert len(set(SENTENCES.values()) | {GENERAL}) == len(FileProblem) + 1


@pytest.mark.parametrize("problem", list(FileProblem))
def test_sentence_names_the_file_and_hides_the_detail(qapp, problem):
    text = operator_sentence(FileLoadError("roads.gpkg / roads", problem, RAW), "x")
    assert "roads.gpkg / roads" in text
    assert "sqlite3" not in text and "b'" not in text and "Raw error" not in text
    assert text.endswith("The technical details are in the log.")


def test_unknown_exception_gets_the_general_sentence(qapp):
    text = operator_sentence(RuntimeError(RAW), "coast.gpkg")
    assert text == "coast.gpkg could not be loaded. The technical details are in the log."


def test_scrambled_geopackage_in_vietnamese(qapp, tmp_path):
    scrambled = tmp_path / "ranh_gioi.gpkg"
    scrambled.write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 64)
    with pytest.raises(VectorFileError) as caught:
        read_vector(scrambled)
    assert caught.value.problem is FileProblem.UNREADABLE
    translator = install_translator(QApplication.instance(), "vi")
    try:
        text = operator_sentence(caught.value, scrambled.name)
    finally:
        QApplication.instance().removeTranslator(translator)
    assert text == (
        "Không đọc được ranh_gioi.gpkg: tệp bị hỏng hoặc không đúng định dạng như tên tệp. "
        "Chi tiết kỹ thuật có trong tệp nhật ký."
    )
