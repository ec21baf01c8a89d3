"""The import-linter contract for parts of external packages (tools/layering.py), and the
repo's own contracts in pyproject.toml, which CI runs with `lint-imports`."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from grimp import ImportGraph

from tools.layering import ExternalPartsForbiddenContract

ROOT = Path(__file__).resolve().parents[1]


def _graph(*imports: tuple[str, str]) -> ImportGraph:
    graph = ImportGraph()
    for module in ("app", "app.core", "app.core.rules", "app.ui"):
        graph.add_module(module)
    graph.add_module("PySide6", is_squashed=True)
    for number, (importer, line) in enumerate(imports, 1):
        graph.add_import(
            importer=importer, imported="PySide6", line_number=number, line_contents=line
        )
    return graph


def _check(graph: ImportGraph):
    contract = ExternalPartsForbiddenContract(
        "core has no widgets",
        session_options={},
        contract_options={
            "source_modules": ["app.core"],
            "forbidden_parts": ["PySide6.QtWidgets", "PySide6.QtGui"],
        },
    )
    return contract.check(graph, verbose=False)


def test_qtcore_is_allowed_and_widgets_outside_the_source_too() -> None:
    graph = _graph(
        ("app.core.rules", "from PySide6.QtCore import QObject, Signal"),
        ("app.ui", "from PySide6.QtWidgets import QWidget"),
    )
    assert _check(graph).kept


@pytest.mark.parametrize(
    "line",
    [
        "from PySide6.QtWidgets import QWidget",
        "from PySide6.QtGui import QColor",
        "import PySide6.QtGui",
        "from PySide6 import QtCore, QtWidgets",
    ],
)
def test_every_spelling_of_a_forbidden_part_breaks_it(line: str) -> None:
    check = _check(_graph(("app.core.rules", line)))
    assert not check.kept
    assert check.metadata["broken"][0][0] == "app.core.rules"


def test_the_repo_keeps_its_contracts() -> None:
    tool = shutil.which("lint-imports", path=str(Path(sys.executable).parent)) or "lint-imports"
    done = subprocess.run(
        [str(tool), "--no-cache"],
        check=False,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout[-3000:]
