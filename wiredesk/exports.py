"""Entry points of a package, loaded on first use.

Each stage package names its entry points in its ``__init__``; code outside the package
imports them from the package (``from wiredesk.articles import extract``), never from its
modules. Loading them on first use keeps ``import wiredesk.store`` from importing the
extraction or language models, and lets two stage packages use each other's entry points
without an import cycle.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from collections.abc import Callable, Iterable, Mapping


def lazy_exports(
    package: str, modules: Mapping[str, Iterable[str]]
) -> tuple[Callable[[str], object], Callable[[], list[str]], list[str]]:
    """``__getattr__``, ``__dir__`` and ``__all__`` for ``package``: each name in
    ``modules[m]`` is read from the package's module ``m`` when first asked for."""
    where = {name: module for module, names in modules.items() for name in names}
    # A name that is also a module of the package would turn into that module once the
    # module is imported (Python binds submodules on their package): refuse it here.
    submodules = {info.name for info in pkgutil.iter_modules(sys.modules[package].__path__)}
    clashes = sorted(set(where) & submodules)
    if clashes:
        raise ImportError(f"{package}: entry points named like its modules: {clashes}")

    def __getattr__(name: str) -> object:
        module = where.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{package}.{module}"), name)
        setattr(sys.modules[package], name, value)  # asked once, then a plain attribute
        return value

    def __dir__() -> list[str]:
        return sorted(set(where) | set(vars(sys.modules[package])))

    return __getattr__, __dir__, sorted(where)
