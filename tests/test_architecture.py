"""The core must stay Qt-free so the CLI, scripts and the merge never pull in the GUI toolkit."""

import ast
import subprocess
import sys
from pathlib import Path

import desktop

CORE = Path(desktop.__file__).parent / "core"


def test_core_sources_never_import_qt():
    offenders = []
    for path in CORE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] in ("PySide6", "PyQt5", "PyQt6", "shiboken6")]
    assert offenders == []


def test_importing_every_core_module_loads_no_qt():
    modules = [".".join(p.relative_to(CORE.parent.parent).with_suffix("").parts) for p in CORE.rglob("*.py")
               if p.stem != "__init__"] + ["desktop.cli", "desktop.demo"]
    code = ("import sys\n" + "".join(f"import {m}\n" for m in modules)
            + "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_services_name_their_submodules_explicitly():
    """`services.intake.merge_files`: no run-time name search (`__getattr__`) decides which module answers."""
    from desktop.core import services

    assert not hasattr(services, "__getattr__")
    source = (CORE / "services" / "__init__.py").read_text(encoding="utf-8")
    for sub in services.__all__:
        assert (CORE / "services" / f"{sub}.py").is_file()
        assert sub in source


# the faces (the GUI and the CLI) call services; these few vocabulary modules they may import too
FACE_ALLOWED = ("desktop.core.services", "desktop.core.errors", "desktop.core.words", "desktop.core.clock",
                "desktop.core.safetext",
                "desktop.core.numbers")


def _core_imports(path: Path) -> list[str]:
    """Every desktop.core module ``path`` imports (``from desktop.core import x`` counts as desktop.core.x)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found += [f"{node.module}.{a.name}" for a in node.names] if node.module == "desktop.core" else [node.module]
    return [m for m in found if m.startswith("desktop.core.")]


def _faces() -> list[Path]:
    root = CORE.parent
    return [*sorted((root / "gui").rglob("*.py")), root / "cli.py"]


def test_the_faces_import_only_services_and_the_vocabulary():
    """The GUI and the CLI go through desktop.core.services, never to the domains below it (ARCHITECTURE.md)."""
    offenders = [f"{path.relative_to(CORE.parent)}: {m}" for path in _faces() for m in _core_imports(path)
                 if not any(m == ok or m.startswith(ok + ".") for ok in FACE_ALLOWED)]
    assert offenders == []


def test_the_face_import_scan_sees_every_form_of_import(tmp_path):
    probe = tmp_path / "probe.py"
    probe.write_text("import desktop.core.db.connection\nfrom desktop.core import services, tasklist\n"
                     "from desktop.core.signing.crypto import format_fingerprint\n"
                     "def f():\n    from desktop.core.tasklist import store\n", encoding="utf-8")
    assert _core_imports(probe) == ["desktop.core.db.connection", "desktop.core.services", "desktop.core.tasklist",
                                    "desktop.core.signing.crypto", "desktop.core.tasklist"]
