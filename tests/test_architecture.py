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
