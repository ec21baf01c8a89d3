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


class AcyclicContract(Contract):
    """No import cycle among the modules of the listed packages: a cycle welds its
    modules into one unit that can be neither tested nor changed alone. Imports made only
    for type checking (`if TYPE_CHECKING:`) are left out: they never run. Option:
    `packages`."""

    type_name = "acyclic"

    packages = fields.ListField(subfield=fields.StringField())

    def check(self, graph: ImportGraph, verbose: bool) -> ContractCheck:
        modules: set[str] = set()
        for package in self.packages:  # type: ignore[attr-defined]
            modules |= {package, *graph.find_descendants(package)}
        cycles = _cycles(graph, modules)
        return ContractCheck(kept=not cycles, metadata={"cycles": cycles})

    def render_broken_contract(self, check: ContractCheck) -> None:
        for cycle in check.metadata["cycles"]:
            output.print_error("cycle: " + " <-> ".join(cycle), bold=False)
            output.new_line()


def _runtime_imports(graph: ImportGraph, module: str, modules: set[str]) -> set[str]:
    """Modules of `modules` that `module` imports outside an `if TYPE_CHECKING:` block."""
    found = set()
    for imported in graph.find_modules_directly_imported_by(module) & modules:
        details = graph.get_import_details(importer=module, imported=imported)
        # grimp records the statement's line; a statement indented under TYPE_CHECKING is
        # the only indented import the code base uses besides lazy imports in functions,
        # which do run: tell them apart by the source line
        if not details or any(not _type_checking_only(module, d["line_number"]) for d in details):
            found.add(imported)
    return found


def _type_checking_only(module: str, line_number: int) -> bool:
    import importlib.util

    spec = importlib.util.find_spec(module)
    if spec is None or spec.origin is None:
        return False
    with open(spec.origin, encoding="utf-8") as f:
        lines = f.read().splitlines()
    for line in reversed(lines[: line_number - 1]):
        if line and not line[0].isspace():  # the enclosing top-level statement
            return line.startswith("if TYPE_CHECKING")
    return False


def _cycles(graph: ImportGraph, modules: set[str]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan, iterative)."""
    edges = {m: sorted(_runtime_imports(graph, m, modules)) for m in sorted(modules)}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for root in edges:
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            node, i = work.pop()
            if i == 0:
                index[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack.add(node)
            if i < len(edges[node]):
                work.append((node, i + 1))
                nxt = edges[node][i]
                if nxt not in index:
                    work.append((nxt, 0))
                elif nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
                continue
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return found
