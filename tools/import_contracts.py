"""A contract type for import-linter: some modules may not import certain parts of an external
package (import-linter itself only forbids whole external packages). Used in pyproject.toml to
keep HTTP (`django.http`, `django.shortcuts`) out of services, selectors, rules and access."""

from __future__ import annotations

import fnmatch

from grimp import ImportGraph
from importlinter.application import output
from importlinter.domain import fields
from importlinter.domain.contract import Contract, ContractCheck


class ForbiddenSubmodulesContract(Contract):
    source_modules = fields.ListField(subfield=fields.StringField())
    forbidden_modules = fields.ListField(subfield=fields.StringField())

    def check(self, graph: ImportGraph, verbose: bool) -> ContractCheck:
        patterns = [str(p) for p in self.source_modules]  # type: ignore[attr-defined]
        forbidden = [str(m) for m in self.forbidden_modules]  # type: ignore[attr-defined]
        broken = []
        for module in sorted(graph.modules):
            if not any(fnmatch.fnmatchcase(module, p) for p in patterns):
                continue
            for package in {f.split(".")[0] for f in forbidden}:
                if package not in graph.modules:
                    continue
                for detail in graph.get_import_details(importer=module, imported=package):
                    line = str(detail["line_contents"])
                    if any(_imports(line, name) for name in forbidden):
                        broken.append((module, int(detail["line_number"]), line))
        return ContractCheck(kept=not broken, metadata={"broken": broken})

    def render_broken_contract(self, check: ContractCheck) -> None:
        for module, line_number, line in check.metadata["broken"]:
            output.print_error(f"{module}:{line_number}: {line}")


def _imports(line: str, name: str) -> bool:
    return line.startswith((f"from {name} ", f"from {name}.", f"import {name}"))
