"""The shape of the code, held by tests: which layer may import which, no import circles, module sizes."""

from __future__ import annotations

import ast
import subprocess
import sys
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path

import pytest

import kinerja_desktop

PACKAGE = Path(kinerja_desktop.__file__).parent
NAME = "kinerja_desktop"
QT = ("PySide6", "shiboken6", "PyQt5", "PyQt6")


@dataclass(frozen=True)
class Rule:
    """Modules matching ``where`` (glob over dotted names) must not import any of ``forbidden``."""

    where: str
    forbidden: tuple[str, ...]
    why: str
    unless: tuple[str, ...] = ()  # modules matching these are exempt


RULES = (
    Rule(f"{NAME}.core*", (*QT, f"{NAME}.ui", f"{NAME}.cli", f"{NAME}.app"), "core works without a screen"),
    Rule(
        f"{NAME}.core.rules*",
        (
            f"{NAME}.core.db",
            f"{NAME}.core.services",
            f"{NAME}.core.model",
            f"{NAME}.core.exchange",
            f"{NAME}.core.documents",
            f"{NAME}.core.workspace",
            "sqlalchemy",
        ),
        "rules are pure functions of the regulation",
    ),
    Rule(
        f"{NAME}.core.model*",
        (
            f"{NAME}.core.db",
            f"{NAME}.core.services",
            f"{NAME}.core.exchange",
            f"{NAME}.core.documents",
            f"{NAME}.core.workspace",
            "sqlalchemy",
        ),
        "plain records know no database",
    ),
    Rule(
        f"{NAME}.core.validation*",
        (
            f"{NAME}.core.db",
            f"{NAME}.core.services",
            f"{NAME}.core.exchange",
            f"{NAME}.core.documents",
            f"{NAME}.core.workspace",
            "sqlalchemy",
        ),
        "row rules are pure: a form, a roster and a package hand them plain values",
    ),
    Rule(
        f"{NAME}.core.documents*",
        (
            f"{NAME}.core.services",
            f"{NAME}.core.db",
            f"{NAME}.core.exchange",
            f"{NAME}.core.workspace",
            "sqlalchemy",
        ),
        "documents print plain records and rules; services → documents is one way",
    ),
    Rule(
        f"{NAME}.core.db*",
        (
            f"{NAME}.core.services",
            f"{NAME}.core.exchange",
            f"{NAME}.core.documents",
            f"{NAME}.core.workspace",
        ),
        "the database layer serves the others",
    ),
    Rule(
        f"{NAME}.core.services*",
        (f"{NAME}.core.exchange", f"{NAME}.core.workspace", f"{NAME}.core.demo"),
        "services sit below the exchange and the workspace",
    ),
    Rule(
        f"{NAME}.cli*",
        (*QT, f"{NAME}.ui", f"{NAME}.app"),
        "subcommands run without a screen",
        unless=(f"{NAME}.cli",),  # the entry point opens the GUI when no subcommand is given
    ),
    Rule(
        f"{NAME}.ui*",
        (f"{NAME}.cli", f"{NAME}.core.db.models"),
        "widgets get plain records, not ORM rows",
    ),
)


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, ast.Module]:
    return {_module_name(p): ast.parse(p.read_text(encoding="utf-8")) for p in sorted(PACKAGE.rglob("*.py"))}


MODULES = _modules()


def _imports(tree: ast.Module) -> list[str]:
    """Every module named by an import statement anywhere in the module (functions and
    TYPE_CHECKING blocks included), with ``from a import b`` counted as both ``a`` and ``a.b``."""
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
            names += [f"{node.module}.{alias.name}" for alias in node.names]
    return names


def _names(prefix: str, name: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.where)
def test_forbidden_imports(rule: Rule) -> None:
    checked = 0
    offenders: list[str] = []
    for module, tree in MODULES.items():
        if not fnmatch(module, rule.where) or module in rule.unless:
            continue
        checked += 1
        for imported in _imports(tree):
            offenders += [f"{module} → {imported}" for f in rule.forbidden if _names(f, imported)]
    assert checked > 0, f"no module matches {rule.where}"
    assert sorted(set(offenders)) == [], rule.why


def test_the_rules_see_real_imports() -> None:
    """The walk really reads the package: a known import is found, so no offender means something."""
    assert len(MODULES) > 200
    assert f"{NAME}.core.services.access" in _imports(MODULES[f"{NAME}.core.services.akun"])
    assert "PySide6.QtWidgets" in _imports(MODULES[f"{NAME}.ui.common.dialogs"])


def _graph() -> dict[str, set[str]]:
    """Module → the modules of the package it imports. ``from a import b`` counts as importing the
    submodule ``a.b`` when there is one, else ``a``; a package's own ``__init__`` modules above a module
    are left out (Python has them initialised, or initialising, before the module runs)."""
    graph: dict[str, set[str]] = {m: set() for m in MODULES}
    for module, tree in MODULES.items():
        named: list[str] = []
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                named += [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                subs = [f"{node.module}.{alias.name}" for alias in node.names]
                named += [sub if sub in MODULES else node.module for sub in subs]
        for imported in named:
            target = imported
            while target and target not in MODULES:
                target = target.rpartition(".")[0]
            if (
                target
                and target != module
                and target.startswith(NAME)
                and not module.startswith(target + ".")
            ):
                graph[module].add(target)
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for start in graph:
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    top = stack.pop()
                    on_stack.discard(top)
                    component.append(top)
                    if top == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_the_import_graph_has_no_circles() -> None:
    """Counting every import (inside functions and TYPE_CHECKING blocks too), and a package's
    ``__init__`` as the module its submodules' importers load first."""
    graph = _graph()
    for module in list(graph):  # importing a.b.c runs a/__init__ and a/b/__init__ first
        parts = module.split(".")
        for i in range(2, len(parts)):
            parent = ".".join(parts[:i])
            if parent in graph and parent != module:
                for importer, targets in graph.items():
                    if module in targets and importer != parent and not importer.startswith(parent + "."):
                        targets.add(parent)
    assert _cycles(graph) == []


def test_the_cycle_finder_finds_a_circle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_module_is_over_600_lines() -> None:
    """One concept per module; over 600 lines is a sign a module holds more than one (the first
    migration is the schema as it was created, a record rather than code to carry on)."""
    sizes = {
        m: len(p.read_text(encoding="utf-8").splitlines())
        for p in PACKAGE.rglob("*.py")
        if "migrations" not in (m := _module_name(p))
    }
    assert {m: n for m, n in sizes.items() if n > 600} == {}


def test_importing_every_core_module_loads_no_qt() -> None:
    code = (
        "import importlib, pkgutil, sys, kinerja_desktop.core as c\n"
        "for m in pkgutil.walk_packages(c.__path__, c.__name__ + '.'):\n"
        "    if '.migrations' not in m.name: importlib.import_module(m.name)\n"
        "print(sorted(k for k in sys.modules if k.split('.')[0] in ('PySide6', 'shiboken6')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_the_command_line_loads_no_qt() -> None:
    code = (
        "import importlib, pkgutil, sys, kinerja_desktop.cli as c\n"
        "for m in pkgutil.walk_packages(c.__path__, c.__name__ + '.'): importlib.import_module(m.name)\n"
        "print(sorted(k for k in sys.modules if k.split('.')[0] in ('PySide6', 'shiboken6')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
