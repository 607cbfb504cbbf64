"""Every module's ``__all__`` lists exactly its public definitions, and docstrings cite only what exists."""

import __future__

import importlib
import inspect
import pkgutil
import re
from pathlib import Path

import pytest

import mlhelpers
import mlhelpers.losses

ROOT = Path(__file__).resolve().parents[1]
MODULES = sorted(
    name
    for _, name, _ in pkgutil.walk_packages(mlhelpers.__path__, "mlhelpers.")
    if not any(part.startswith("_") for part in name.split(".")[1:])
)


def _assigned_at_top_level(module) -> set[str]:
    """Names a module's own source assigns at its top level (constants; not imported ones)."""
    import ast

    names = set()
    for node in ast.parse(inspect.getsource(module)).body:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
        names.update(t.id for t in targets if isinstance(t, ast.Name))
    return names


def defined_here(module) -> set[str]:
    """Public names the module defines: its functions and classes (a package's: its submodules'), and its constants."""
    names = set()
    constants = _assigned_at_top_level(module)
    for name, value in vars(module).items():
        if name.startswith("_") or inspect.ismodule(value) or isinstance(value, __future__._Feature):
            continue
        if inspect.isclass(value) or callable(value):
            origin = value.__module__
            if origin == module.__name__ or (hasattr(module, "__path__") and origin.startswith(module.__name__ + ".")):
                names.add(name)
        elif name in constants:
            names.add(name)
    return names


def public_elsewhere(name, module) -> bool:
    """``name`` is in the ``__all__`` of the mlhelpers module it comes from (a re-export of a public name)."""
    value = getattr(module, name)
    if not callable(value):  # a constant: which other module lists this very object?
        return any(
            other != module.__name__ and getattr(importlib.import_module(other), name, None) is value
            for other in MODULES
            if name in getattr(importlib.import_module(other), "__all__", ())
        )
    origin = importlib.import_module(value.__module__)
    return origin is not module and name in getattr(origin, "__all__", ())


@pytest.mark.parametrize("name", ["mlhelpers", *MODULES])
def test_all_equals_the_public_definitions(name):
    module = importlib.import_module(name)
    assert len(module.__all__) == len(set(module.__all__)), "duplicates in __all__"
    listed = set(module.__all__)
    assert defined_here(module) <= listed, "defined but not in __all__"
    assert all(hasattr(module, n) for n in listed), "listed but not there"
    assert {n for n in listed - defined_here(module) if not public_elsewhere(n, module)} == set(), "listed, not defined here"


def test_the_listed_names_that_were_missing():
    import mlhelpers.data
    import mlhelpers.solvers

    assert "train_test_indices" in mlhelpers.data.__all__
    assert "fit_logistic_saga" in mlhelpers.solvers.__all__


def test_logistic_cost_docstring_says_what_the_code_does():
    doc = mlhelpers.logistic_cost.__doc__
    assert "logaddexp" not in doc and "logaddexp" not in inspect.getsource(mlhelpers.losses._logistic_losses)
    assert "log1p(exp(-|z_n|))" in doc


@pytest.mark.parametrize("name", ["mlhelpers", *MODULES])
def test_docstrings_cite_only_documents_that_exist(name):
    module = importlib.import_module(name)
    source = inspect.getsource(module)
    for cited in set(re.findall(r"\b([\w/.-]+\.md)\b", source)):
        assert list(ROOT.rglob(Path(cited).name)), f"{name} cites {cited}, which is not in the repository"


WIDGET_MODULES = sorted(p for p in (ROOT / "mlhelpers" / "widgets").glob("*.py"))


@pytest.mark.parametrize("path", WIDGET_MODULES, ids=[p.stem for p in WIDGET_MODULES])
def test_widgets_import_no_private_names_of_other_modules(path):
    """The explorers use the model and plotting code through its public names only
    (a private name may come from the widgets' own machinery, ``._explorer`` and the like)."""
    import ast

    private = [
        f"{node.module}.{alias.name}"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.ImportFrom) and node.level >= 2
        for alias in node.names
        if alias.name.startswith("_")
    ]
    assert not private, f"{path.name} imports private names of other modules: {private}"
