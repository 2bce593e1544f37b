"""GUI test fixtures: a small signed plan workbook built from a hand-written task tree, a school
database initialised from it, and settings kept out of the user's real QSettings."""

from __future__ import annotations

import shutil
import struct
import zlib
from pathlib import Path

import pytest

SCHOOLS = [
    {"code": "SLX001", "name": "示例县城关第一小学", "type": "小学", "township": "城关镇"},
    {"code": "SLX002", "name": "示例县东河初级中学", "type": "初中", "township": "东河乡"},
    {"code": "SLX003", "name": "示例县西岭幼儿园", "type": "幼儿园", "township": "西岭镇"},
]


def parsed_plan(n_tasks: int | None = None) -> dict:
    """A parsed plan (the shape ``plan parse --json`` gives), written by hand for tests."""
    if n_tasks is not None:
        headings, tasks = [], []
        per = 10
        for h in range((n_tasks + per - 1) // per):
            headings.append({"path": [str(h + 1)], "title": f"第{h + 1}部分 工作要点"})
            for k in range(min(per, n_tasks - h * per)):
                i = h * per + k
                tasks.append({"path": [str(h + 1), f"({k + 1})"], "title": f"任务{i} 推进专项工作{'甲乙丙丁'[i % 4]}",
                              "text": f"任务{i} 推进专项工作，完成相关指标。关键词{i % 7}", "units": ["教育股"],
                              "deadline": f"2026-{(i % 12) + 1:02d}",
                              "targets": [{"text": f"建成{i % 9 + 1}处", "value": str(i % 9 + 1), "unit": "处"}],
                              "applies_to": [] if i % 5 else ["幼儿园"]})
        return {"title": "合成计划", "year": 2026, "headings": headings, "tasks": tasks}
    return {
        "title": "示例县2026年教育工作要点",
        "year": 2026,
        "headings": [
            {"path": ["一"], "title": "加强党的建设"},
            {"path": ["二"], "title": "提升教育质量"},
        ],
        "tasks": [
            {"path": ["一", "1"], "title": "深入开展主题教育", "text": "深入开展主题教育。各中小学召开专题会议不少于2次。",
             "units": ["办公室", "各中小学"], "deadline": "2026-03",
             "targets": [{"text": "召开专题会议不少于2次", "value": "2", "unit": "次"}], "applies_to": ["小学", "初中"]},
            {"path": ["一", "2"], "title": "加强师德师风建设", "text": "加强师德师风建设，开展师德专题培训。",
             "units": ["人事股"], "deadline": "2099-12", "targets": [], "applies_to": []},
            {"path": ["二", "1"], "title": "建设校园阅读角", "text": "建设校园阅读角，全县建成60处。近视率不超过5%。",
             "units": ["教育股"], "deadline": "2099-06",
             "targets": [{"text": "建成60处", "value": "60", "unit": "处"},
                         {"text": "近视率不超过5%", "value": "5", "unit": "%"},
                         {"text": "培训教师x人", "value": None, "unit": "人", "placeholder": True}],
             "applies_to": []},
            {"path": ["二", "2"], "title": "规范幼儿园保教工作", "text": "规范幼儿园保教工作。", "units": ["各幼儿园"],
             "deadline": None, "targets": [], "applies_to": ["幼儿园"]},
            {"path": ["二", "3"], "title": "推进课后服务", "text": "推进课后服务，每天不少于1小时。", "units": ["教育股"],
             "deadline": "2099-09", "targets": [{"text": "每天不少于1小时", "value": "1", "unit": "小时"}],
             "applies_to": []},
        ],
    }


def build_plan_workbook(folder: Path, parsed: dict | None = None, schools=SCHOOLS) -> Path:
    """County init → save the parsed plan → roster → periods → publish; returns the plan workbook."""
    from desktop.core import services
    from desktop.core.db.connection import open_db, transaction
    from desktop.core.roster import store as roster_store
    from desktop.core.signing import identity
    from desktop.core.tasklist import store as task_store

    folder.mkdir(parents=True, exist_ok=True)
    county = folder / "county.db"
    services.setup.county_init(county, "示例县")
    db = open_db(county)
    try:
        with transaction(db):
            task_store.save_parsed_plan(db, parsed or parsed_plan(), county=identity.load(db).county,
                                       source_name="plan.txt")
            roster_store.replace_roster(db, schools)
            roster_store.upsert_period(db, "2026年上半年", "2026-07-15")
            roster_store.upsert_period(db, "2026年全年", "2099-01-15")
        services.tasklist.publish(db, folder / "plan.xlsx")
    finally:
        db.close()
    return folder / "plan.xlsx"


def png_bytes(width: int = 40, height: int = 30, rgb=(30, 120, 200)) -> bytes:
    """A small valid PNG (for image evidence and thumbnails)."""
    raw = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


# Qt's offscreen platform warns whenever a shown top-level window's minimum size changes (message
# boxes do it themselves). Real platforms support it; qutebrowser ignores the same message.
OFFSCREEN_NOISE = r"^This plugin does not support propagateSizeHints\(\)$"


def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, monkeypatch):
    """QSettings and the data folder under tmp_path, so tests never touch the user's own."""
    from PySide6.QtCore import QSettings

    from desktop.gui.common import locations

    ini = str(tmp_path / "settings" / "taizhang.ini")
    monkeypatch.setattr(locations, "settings", lambda: QSettings(ini, QSettings.Format.IniFormat))
    monkeypatch.setattr(locations, "data_dir", lambda: _mk(tmp_path / "data"))
    yield


def _mk(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture(scope="session")
def plan_template(tmp_path_factory) -> Path:
    return build_plan_workbook(tmp_path_factory.mktemp("plan"))


@pytest.fixture
def plan_file(plan_template, tmp_path) -> Path:
    dst = tmp_path / "任务清单.xlsx"
    shutil.copy(plan_template, dst)
    return dst


@pytest.fixture(scope="session")
def school_template(plan_template, tmp_path_factory) -> Path:
    from desktop.core import services

    db = tmp_path_factory.mktemp("school") / "school.db"
    services.setup.school_init(plan_template, "SLX001", db, county_fingerprint=services.setup.plan_fingerprint(plan_template))
    return db


@pytest.fixture
def school_db(school_template, tmp_path) -> Path:
    """A fresh copy of an initialised school database (城关第一小学, a 小学)."""
    dst = tmp_path / "school.db"
    shutil.copy(school_template, dst)
    return dst


@pytest.fixture
def workspace(school_db):
    from desktop.core import services

    ws = services.reporting.open_workspace(school_db)
    yield ws
    services.reporting.close_workspace(ws)


@pytest.fixture
def png_file(tmp_path) -> Path:
    path = tmp_path / "活动照片.png"
    path.write_bytes(png_bytes())
    return path


def drop_paths(widget, paths):
    """Drag ``paths`` (files/folders as file URLs) onto ``widget`` (its viewport for item views) and drop
    them, as a user does; returns the drop event."""
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent
    from PySide6.QtWidgets import QApplication

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    target = widget.viewport() if hasattr(widget, "viewport") else widget
    pos = target.rect().center()
    enter = QDragEnterEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted(), "the widget refuses the drag"
    drop = QDropEvent(QPointF(pos), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, drop)
    return drop


@pytest.fixture
def drop():
    return drop_paths


@pytest.fixture
def english(tmp_path, monkeypatch):
    """The UI in English, from .qm files compiled now from every resources/i18n/*_en.ts (so a test never
    depends on a stale build); Chinese again afterwards."""
    import shutil
    import subprocess
    import sys

    from PySide6.QtWidgets import QApplication

    from desktop.gui.common import i18n
    from desktop.paths import resources_dir

    lrelease = shutil.which("pyside6-lrelease") or str(Path(sys.executable).parent / "pyside6-lrelease")
    folder = tmp_path / "i18n"
    folder.mkdir()
    for ts in sorted((resources_dir() / "i18n").glob("*_en.ts")):
        subprocess.run([lrelease, str(ts), "-qm", str(folder / ts.with_suffix(".qm").name)], check=True,
                       capture_output=True)
    monkeypatch.setattr(i18n, "i18n_dir", lambda: folder)
    app = QApplication.instance()
    i18n.save_language("en")
    assert i18n.install(app) == "en"
    yield
    i18n.save_language("zh_CN")
    i18n.install(app)
