"""The import rules of docs/architecture.md, checked on the source itself."""

from __future__ import annotations

import ast
import importlib
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
STAGE_PACKAGES = (
    "sources",
    "fetch",
    "articles",
    "entities",
    "quotes",
    "syndication",
    "aggregates",
    "store",
    "settings",
)
#: What the assets may take from the code location: the shared resources and partitions.
ASSETS_MAY_IMPORT = {"pipelines.resources", "pipelines.partitions"}


def imports(path: Path) -> list[tuple[int, str]]:
    """Every module ``path`` imports (at any depth of the file), with its line."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.append((node.lineno, node.module))
    return found


def python_files(*folders: str) -> list[Path]:
    return sorted(p for folder in folders for p in (REPO / folder).rglob("*.py"))


def package_of(path: Path) -> str | None:
    """The stage package a library file belongs to (None for the top-level modules)."""
    parts = path.relative_to(REPO).parts
    return parts[1] if parts[0] == "wiredesk" and len(parts) > 2 else None


def violations(folders: tuple[str, ...], forbidden: Callable[[Path, list[str]], bool]) -> list:
    """``path:line imports module`` for every import in ``folders`` that ``forbidden`` flags
    (it is given the importing file and the imported module's dotted parts)."""
    return [
        f"{path.relative_to(REPO)}:{line} imports {module}"
        for path in python_files(*folders)
        for line, module in imports(path)
        if forbidden(path, module.split("."))
    ]


def test_the_library_never_imports_dagster_the_assets_or_the_code_location() -> None:
    wrong = violations(
        ("wiredesk",), lambda _path, parts: parts[0] in {"dagster", "assets", "pipelines"}
    )
    assert wrong == []


def test_assets_take_only_the_shared_resources_and_partitions_from_the_code_location() -> None:
    wrong = violations(
        ("assets",),
        lambda _path, parts: parts[0] == "pipelines" and ".".join(parts) not in ASSETS_MAY_IMPORT,
    )
    assert wrong == []


def test_outside_a_stage_package_only_its_entry_points_are_imported() -> None:
    def into_another_package(path: Path, parts: list[str]) -> bool:
        inside = parts[0] == "wiredesk" and len(parts) >= 3 and parts[1] in STAGE_PACKAGES
        return inside and parts[1] != package_of(path)

    wrong = violations(("wiredesk", "assets", "pipelines", "benchmarks"), into_another_package)
    assert wrong == []


def test_the_store_imports_no_stage_package() -> None:
    wrong = violations(
        ("wiredesk/store",),
        lambda _path, parts: (
            parts[0] == "wiredesk"
            and len(parts) > 1
            and parts[1] in set(STAGE_PACKAGES) - {"store", "settings"}
        ),
    )
    assert wrong == []


def test_the_settings_import_no_other_package() -> None:
    """Every package reads its settings from here, so it sits below all of them."""
    wrong = violations(
        ("wiredesk/settings",),
        lambda _path, parts: (
            parts[0] == "wiredesk"
            and parts[:2] != ["wiredesk", "settings"]
            and parts != ["wiredesk", "exports"]
        ),
    )
    assert wrong == []


def _is_environ(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.Attribute)
        and node.attr == "environ"
        and isinstance(node.value, ast.Name)
        and node.value.id == "os"
    )


def _names_a_setting(node: ast.AST | None) -> bool:
    return isinstance(node, ast.Constant) and str(node.value).startswith("WIREDESK_")


def wiredesk_variable_reads(path: Path) -> list[int]:
    """Lines reading a ``WIREDESK_*`` variable: ``os.environ.get/setdefault/pop``,
    ``os.getenv`` or ``os.environ[...]`` (setting one for a child process is allowed)."""
    lines = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and node.args and _names_a_setting(node.args[0]):
            func = node.func
            if isinstance(func, ast.Attribute) and (
                (_is_environ(func.value) and func.attr in {"get", "setdefault", "pop"})
                or (func.attr == "getenv" and isinstance(func.value, ast.Name))
            ):
                lines.append(node.lineno)
        if (
            isinstance(node, ast.Subscript)
            and isinstance(node.ctx, ast.Load)
            and _is_environ(node.value)
            and _names_a_setting(node.slice)
        ):
            lines.append(node.lineno)
    return lines


def test_only_the_settings_read_wiredesk_variables() -> None:
    """A ``WIREDESK_*`` variable is read in one place, so file, environment and defaults agree."""
    wrong = [
        f"{path.relative_to(REPO)}:{line}"
        for path in python_files("wiredesk", "assets", "pipelines", "benchmarks")
        if not path.is_relative_to(REPO / "wiredesk" / "settings")
        for line in wiredesk_variable_reads(path)
    ]
    assert wrong == []


def test_the_variable_check_finds_a_read(tmp_path: Path) -> None:
    module = tmp_path / "reads.py"
    module.write_text(
        'import os\na = os.environ.get("WIREDESK_X")\nb = os.environ["WIREDESK_Y"]\n'
        'os.environ["WIREDESK_Z"] = "1"\n',
        encoding="utf-8",
    )
    assert wiredesk_variable_reads(module) == [2, 3]


@pytest.mark.parametrize("package", STAGE_PACKAGES)
def test_each_package_names_its_entry_points_and_each_one_exists(package: str) -> None:
    module = importlib.import_module(f"wiredesk.{package}")
    assert "Entry points" in (module.__doc__ or "")
    assert module.__all__, f"wiredesk.{package} exports nothing"
    missing = [name for name in module.__all__ if getattr(module, name, None) is None]
    assert missing == []
    with pytest.raises(AttributeError, match="no attribute 'not_an_entry_point'"):
        module.not_an_entry_point  # noqa: B018


def test_the_stage_packages_are_the_library_folders() -> None:
    """A new folder under wiredesk/ is a stage package and must follow the rules above."""
    folders = {p.name for p in (REPO / "wiredesk").iterdir() if (p / "__init__.py").exists()}
    assert folders == set(STAGE_PACKAGES)
