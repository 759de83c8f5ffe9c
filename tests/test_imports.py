"""No import cycle in ``src/presslens``: the module graph read with ``ast``, nothing imported.

An edge ``a -> b`` means module ``a`` imports module ``b`` somewhere, in a function too.
``from p import x`` imports ``p.x`` when ``p/x.py`` or ``p/x/`` exists, else ``p``; relative
imports are resolved; imports under ``if TYPE_CHECKING:`` are left out (they never run).
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Iterator
from itertools import pairwise
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = "presslens"

Edge = tuple[str, int]  # (imported module, line of the import)


def module_names(src: Path, package: str) -> dict[str, Path]:
    """Every module of ``package`` under ``src`` by dotted name (a package by its ``__init__``)."""
    names = {}
    for path in sorted((src / package).rglob("*.py")):
        parts = path.relative_to(src).with_suffix("").parts
        names[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return names


def is_type_checking(test: ast.expr) -> bool:
    """``TYPE_CHECKING`` or ``typing.TYPE_CHECKING``."""
    name = test.attr if isinstance(test, ast.Attribute) else getattr(test, "id", None)
    return name == "TYPE_CHECKING"


def import_nodes(nodes: Iterable[ast.AST]) -> Iterator[ast.Import | ast.ImportFrom]:
    """Every import statement in ``nodes`` at any depth, except under ``if TYPE_CHECKING:``."""
    for node in nodes:
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node
        elif isinstance(node, ast.If) and is_type_checking(node.test):
            yield from import_nodes(node.orelse)
        else:
            yield from import_nodes(ast.iter_child_nodes(node))


def known(name: str, modules: dict[str, Path]) -> str | None:
    """The longest prefix of the dotted ``name`` that is one of ``modules``."""
    parts = name.split(".")
    for end in range(len(parts), 0, -1):
        if (prefix := ".".join(parts[:end])) in modules:
            return prefix
    return None


def imports_of(module: str, modules: dict[str, Path]) -> list[Edge]:
    """The modules of the package that ``module`` imports, with the line of each import."""
    path = modules[module]
    here = module if path.name == "__init__.py" else module.rpartition(".")[0]
    edges = []
    for node in import_nodes(ast.parse(path.read_text(encoding="utf-8"), str(path)).body):
        if isinstance(node, ast.Import):
            targets = [known(alias.name, modules) for alias in node.names]
        else:
            base = node.module or ""
            if node.level:
                anchor = ".".join(here.split(".")[: len(here.split(".")) - node.level + 1])
                base = f"{anchor}.{base}" if base else anchor
            targets = [
                f"{base}.{alias.name}"
                if f"{base}.{alias.name}" in modules
                else known(base, modules)
                for alias in node.names
            ]
        edges += [(t, node.lineno) for t in targets if t is not None and t != module]
    return edges


def import_graph(src: Path, package: str) -> dict[str, dict[str, int]]:
    """``{module: {imported module: first line importing it}}`` for every module of ``package``."""
    modules = module_names(src, package)
    graph: dict[str, dict[str, int]] = {}
    for module in modules:
        graph[module] = {}
        for target, line in imports_of(module, modules):
            graph[module].setdefault(target, line)
    return graph


def strongly_connected(graph: dict[str, dict[str, int]]) -> list[list[str]]:
    """Tarjan's strongly connected components of more than one module, each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph[node]:
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
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

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(found)


def cycle_in(component: list[str], graph: dict[str, dict[str, int]]) -> list[str]:
    """One shortest cycle through the first module of ``component``, closed on itself."""
    start, members = component[0], set(component)
    paths = {start: [start]}
    queue = [start]
    for node in queue:
        for nxt in sorted(graph[node]):
            if nxt == start:
                return [*paths[node], start]
            if nxt in members and nxt not in paths:
                paths[nxt] = [*paths[node], nxt]
                queue.append(nxt)
    raise AssertionError(f"no cycle through {start}")  # a strongly connected component has one


def describe(cycle: list[str], graph: dict[str, dict[str, int]], src: Path, package: str) -> str:
    """``a -> b -> a`` and, for each arrow, the file and line of the import."""
    files = module_names(src, package)
    steps = [
        f"    {files[a].relative_to(src)}:{graph[a][b]} imports {b}" for a, b in pairwise(cycle)
    ]
    return " -> ".join(cycle) + "\n" + "\n".join(steps)


def cycles(src: Path, package: str) -> list[str]:
    """A description of one cycle per tangle of mutually importing modules."""
    graph = import_graph(src, package)
    found = []
    for component in strongly_connected(graph):
        cycle = cycle_in(component, graph)
        text = describe(cycle, graph, src, package)
        if len(component) > len(cycle) - 1:
            text += f"\n    (one of the cycles among {', '.join(component)})"
        found.append(text)
    return found


def test_no_import_cycle_in_the_package() -> None:
    if found := cycles(SRC, PACKAGE):
        pytest.fail(
            f"{len(found)} import cycle(s) in src/{PACKAGE} (a module may import a sibling "
            "package's module, never in a circle; move what both sides need below them):\n"
            + "\n".join(found),
            pytrace=False,
        )


# The packages and top-level modules from the top down (README's Layout): each imports only
# those after it. The one arrow allowed upwards: eval fnc1 refits the stance model for its
# cross-validation row, while training scores with evaluate.metrics.
LAYERS = (
    *("__main__", "cli", "web", "training", "evaluate", "datasets", "store", "export"),
    "__init__",
    *("api", "corpus"),
    *("settings", "pipeline", "components", "models", "nlp", "text", "io", "schema"),
    *("lexicons", "extras", "errors"),
)
UPWARDS = {("presslens.evaluate.fnc1", "presslens.training.stance")}


def layer(module: str) -> int:
    """The position in LAYERS of the package or top-level module holding ``module``."""
    parts = module.split(".")
    return LAYERS.index(parts[1] if len(parts) > 1 else "__init__")


def test_packages_import_only_those_below_them() -> None:
    graph = import_graph(SRC, PACKAGE)
    upwards = sorted(
        f"{a} -> {b} (line {line})"
        for a, targets in graph.items()
        for b, line in targets.items()
        if layer(b) < layer(a) and (a, b) not in UPWARDS
    )
    assert upwards == [], "imports against the layer order of README's Layout"


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def test_the_graph_resolves_relative_submodule_and_function_imports(tmp_path: Path) -> None:
    src = write(
        tmp_path,
        {
            "pkg/__init__.py": "from pkg.api import run\n",
            "pkg/api.py": "from . import util\nfrom .sub import helper\n",
            "pkg/util.py": "def f():\n    from pkg.sub.helper import g\n",
            "pkg/sub/__init__.py": "",
            "pkg/sub/helper.py": (
                "from typing import TYPE_CHECKING\nfrom .. import util\n"
                "if TYPE_CHECKING:\n    from pkg.api import run\nelse:\n    import pkg.sub\n"
            ),
        },
    )
    assert import_graph(src, "pkg") == {
        "pkg": {"pkg.api": 1},
        "pkg.api": {"pkg.util": 1, "pkg.sub.helper": 2},
        "pkg.util": {"pkg.sub.helper": 2},
        "pkg.sub": {},
        "pkg.sub.helper": {"pkg.util": 2, "pkg.sub": 6},
    }
    (cycle,) = cycles(src, "pkg")
    assert cycle.startswith("pkg.sub.helper -> pkg.util -> pkg.sub.helper\n")


def test_from_a_package_import_a_name_imports_the_package(tmp_path: Path) -> None:
    src = write(
        tmp_path,
        {
            "pkg/__init__.py": "from pkg.api import run\n",
            "pkg/api.py": "def run():\n    from pkg import VERSION\n",
        },
    )
    (cycle,) = cycles(src, "pkg")
    assert cycle.splitlines()[0] == "pkg -> pkg.api -> pkg"
