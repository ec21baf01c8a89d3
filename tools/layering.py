"""An import-linter contract for parts of an external package (`lint-imports` in .ci/run).

import-linter squashes external packages to their top-level name, so its `forbidden`
contract can ban `pyqtgraph` but not `PySide6.QtWidgets` while `PySide6.QtCore` stays
allowed -- and that is the rule of DESIGN.md: console/ may use QtCore signals, never
widgets or painting. This contract reads the import statements grimp recorded for each
module's imports of the external package and fails on any that names a forbidden part.
"""

from __future__ import annotations

import re

from grimp import ImportGraph
from importlinter import Contract, ContractCheck, fields, output


def _pattern(dotted: str) -> re.Pattern[str]:
    """Matches `import A.B`, `from A.B import x`, `from A.B.C import x`, `from A import B`."""
    package, _, part = dotted.partition(".")
    return re.compile(
        rf"(\b{re.escape(dotted)}\b)|(^\s*from\s+{re.escape(package)}\s+import\b.*\b{re.escape(part)}\b)"
    )


class ExternalPartsForbiddenContract(Contract):
    """Source packages must not import the listed parts (`package.module`) of an external
    package. Options: `source_modules` (packages, with their descendants) and
    `forbidden_parts` (dotted names whose first component is an external package)."""

    type_name = "forbidden_external_parts"

    source_modules = fields.ListField(subfield=fields.StringField())
    forbidden_parts = fields.ListField(subfield=fields.StringField())

    def check(self, graph: ImportGraph, verbose: bool) -> ContractCheck:
        modules: set[str] = set()
        for source in self.source_modules:  # type: ignore[attr-defined]
            modules |= {source, *graph.find_descendants(source)}
        broken = []
        for part in self.forbidden_parts:  # type: ignore[attr-defined]
            package = part.split(".")[0]
            pattern = _pattern(part)
            for module in sorted(graph.find_modules_that_directly_import(package) & modules):
                for detail in graph.get_import_details(importer=module, imported=package):
                    if pattern.search(detail["line_contents"]):
                        broken.append((module, part, detail["line_number"]))
        return ContractCheck(kept=not broken, metadata={"broken": broken})

    def render_broken_contract(self, check: ContractCheck) -> None:
        for module, part, line in check.metadata["broken"]:
            output.print_error(f"{module} (line {line}) imports {part}", bold=False)
            output.new_line()
