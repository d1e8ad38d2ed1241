"""The apps' imports form no cycle and core imports no feature app (README "Layout"): a feature reaches
another through Wagtail hooks, settings or the other app's public blocks, never in a circle."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APPS = sorted(path.parent.name for path in ROOT.glob("*/apps.py"))


def imports_between_apps():
    """{app: {imported app: first module that imports it}}, migrations left out."""
    graph = {app: {} for app in APPS}
    for app in APPS:
        for module in sorted((ROOT / app).rglob("*.py")):
            if "migrations" in module.parts:
                continue
            for node in ast.walk(ast.parse(module.read_text(), str(module))):
                if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    names = [node.module]
                elif isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                else:
                    continue
                for name in names:
                    target = name.split(".")[0]
                    if target in graph and target != app:
                        graph[app].setdefault(target, str(module.relative_to(ROOT)))
    return graph


def find_cycle(graph):
    state, stack = {}, []

    def visit(app):
        state[app] = "open"
        stack.append(app)
        for target in graph[app]:
            if state.get(target) == "open":
                return stack[stack.index(target) :] + [target]
            if target not in state and (cycle := visit(target)):
                return cycle
        state[app] = "done"
        stack.pop()
        return None

    for app in graph:
        if app not in state and (cycle := visit(app)):
            return cycle
    return None


def test_the_graph_is_read_from_the_real_apps():
    graph = imports_between_apps()
    assert {"core", "home", "news", "indicators"} <= set(graph)
    assert "news" in graph["home"]  # home composes the news widgets: the reader must see that edge


def test_core_imports_no_feature_app():
    assert imports_between_apps()["core"] == {}


def test_no_import_cycle_between_apps():
    graph = imports_between_apps()
    cycle = find_cycle(graph)
    assert cycle is None, " -> ".join(f"{a} ({graph[a][b]})" for a, b in zip(cycle, cycle[1:], strict=False))
