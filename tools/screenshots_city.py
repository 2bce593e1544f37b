"""Screenshots of the city window for docs/screenshots (run under Xvfb with a CJK font):

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python tools/screenshots_city.py

Builds six counties' packages, a city database, imports them (one school report dropped by mistake, one
re-keyed county), and shoots the start screen, the import page and the summary with a drill-down, each at
1280×720 and 1600×1000.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from PySide6.QtCore import QEventLoop, QSettings, QStandardPaths, QTimer  # noqa: E402

SIZES = {"1280": (1280, 720), "1600": (1600, 1000)}
COUNTIES = (("甘州区", 36), ("临泽县", 18), ("高台县", 22), ("山丹县", 20), ("民乐县", 28), ("肃南县", 12))


class ScriptedChooser:
    def __init__(self):
        self.saves: list[str] = []

    def open_file(self, *a):
        return None

    def open_files(self, *a):
        return []

    def open_folder(self, *a):
        return None

    def save_file(self, *a):
        return self.saves.pop(0) if self.saves else None

    def passphrase(self, *a):
        return None

    def confirm(self, *a):
        return True


def settle(ms: int = 200) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_for(signal, timeout_ms: int = 120000) -> None:
    loop = QEventLoop()
    signal.connect(lambda *a: loop.quit())
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--out", default=str(ROOT / "docs" / "screenshots"))
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="taizhang-city-shots-"))
    QStandardPaths.setTestModeEnabled(True)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(work / "settings"))
    from desktop.gui.app import make_app

    app = make_app()
    from desktop.core import services
    from desktop.gui.city.window import TAB_IMPORT, TAB_OVERVIEW, CityWindow
    from desktop.gui.common.start import StartScreen
    from tests.bench.test_city_bench import _tasks, write_county_package
    from tests.conftest import make_county, write_reports

    rng = random.Random(7)
    packages = work / "packages"
    packages.mkdir()
    tasks = _tasks(24)
    for name, n in COUNTIES:
        write_county_package(packages / f"{name}-县区汇总包.xlsx", name, n, tasks, rng)
    # a school's report sent to the city by mistake, and 临泽县 again with a new key
    _db, plan = make_county(work / "county", 3, n_tasks=6, county="某县")
    stray = write_reports(work / "reports", plan, 1)[0]
    (packages / "某县某校报送.xlsx").write_bytes(stray.read_bytes())
    rekeyed = work / "临泽县-重装后.xlsx"
    write_county_package(rekeyed, "临泽县", 18, tasks, rng)
    city = work / "city.db"
    services.rollup.city_init(city, "张掖市")

    shots = []

    def shot(widget, name: str) -> None:
        for label, size in SIZES.items():
            widget.resize(*size)
            settle()
            path = out / f"city-{name}-{label}.png"
            widget.grab().save(str(path))
            shots.append(path)

    start = StartScreen()
    start.show()
    settle()
    shot(start, "start")
    start.close()

    win = CityWindow(str(city), chooser=ScriptedChooser())
    win.show()
    win.importer.start_import([packages])
    wait_for(win.importer.finished)
    settle(300)
    win.importer.start_import([rekeyed])
    wait_for(win.importer.finished)
    settle(300)
    win.tabs.setCurrentIndex(TAB_IMPORT)
    shot(win, "import")
    win.importer.approve_selected()
    win.tabs.setCurrentIndex(TAB_OVERVIEW)
    ov = win.overview
    ov.counties_view.selectRow(0)
    settle()
    ov.schools_view.selectRow(0)
    shot(win, "summary")
    win.close()
    app.processEvents()
    for p in shots:
        print(p)
    return 0


if __name__ == "__main__":
    sys.exit(main())
