"""Bureau GUI fixtures: a chooser that answers instead of modal dialogs, report packages with
problems (tampered, new key), drag-and-drop events, and a batch of packages for the slow tests."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest


class FakeChooser:
    """Answers the window's questions from lists given by the test; records what was asked."""

    def __init__(self):
        self.files: list = []  # answers to open_file / open_files / open_folder, in order
        self.saves: list = []  # answers to save_file
        self.confirm_answer = True
        self.passphrase_answer: str | None = None
        self.asked: list[tuple[str, str]] = []

    def _next(self, queue, default=None):
        return queue.pop(0) if queue else default

    def open_file(self, title, folder, filters):
        self.asked.append(("open_file", title))
        return self._next(self.files)

    def open_files(self, title, folder, filters):
        self.asked.append(("open_files", title))
        answer = self._next(self.files, [])
        return answer if isinstance(answer, list) else [answer]

    def open_folder(self, title, folder):
        self.asked.append(("open_folder", title))
        return self._next(self.files)

    def save_file(self, title, suggested, filters):
        self.asked.append(("save_file", title))
        answer = self._next(self.saves)
        return None if answer is None else str(answer)

    def passphrase(self, title, label):
        self.asked.append(("passphrase", title))
        return self.passphrase_answer

    def confirm(self, title, text):
        self.asked.append(("confirm", title))
        return self.confirm_answer


@pytest.fixture
def chooser():
    return FakeChooser()


def tamper(src: Path, dst: Path) -> Path:
    """A report changed after signing (a row typed into the 任务完成情况 sheet)."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "xl/worksheets/sheet2.xml":
                data = data.replace(b"</sheetData>", b"<row r=\"999\"><c r=\"A999\" t=\"inlineStr\"><is><t>\xe5\xb7\xb2\xe5\xae\x8c\xe6\x88\x90</t></is></c></row></sheetData>")
                assert data != zin.read(info.filename)
            zout.writestr(info.filename, data)
    return dst


def reinstalled_report(world: Path, code: str, out: Path, times: int = 2) -> Path:
    """The school reinstalled its PC (new key) and exported again: a key-change request at the bureau."""
    from desktop.core import services
    from desktop.core.db.connection import open_db
    from desktop.core.records import entries

    fresh = out.parent / f"reinstalled-{code}.db"
    services.setup.school_init(world / "plan.xlsx", code, fresh, county_fingerprint=services.setup.plan_fingerprint(world / "plan.xlsx"))
    db = open_db(fresh)
    try:
        plan = db.execute("SELECT plan_id FROM plans").fetchone()[0]
        task = services.reporting.school_tasks(db)[0]["task_id"]
        period = db.execute("SELECT name FROM periods ORDER BY due_date LIMIT 1").fetchone()[0]
        entries.save_entry(db, code, plan, task, period, status="进行中", narrative="重装电脑后重新填报")
        for _ in range(times):  # revision 2 from the new install, newer than what was merged
            services.reporting.export_report(db, out, period=period)
    finally:
        db.close()
    return out


@pytest.fixture(scope="session")
def many_template(tmp_path_factory) -> Path:
    """70 schools' reports (enough for the merge to check files in worker processes)."""
    from desktop import demo

    out = tmp_path_factory.mktemp("many") / "demo"
    demo.run(out, schools=70, merge=False, say=lambda _msg: None)
    return out


@pytest.fixture
def many(many_template, tmp_path) -> Path:
    dst = tmp_path / "many"
    shutil.copytree(many_template, dst)
    return dst


@pytest.fixture
def tampered():
    return tamper


@pytest.fixture
def reinstalled():
    return reinstalled_report


@pytest.fixture
def publish(qtbot):
    """``publish(win)``: press Publish and wait for the signed file; the content, or None when nothing was written
    (the publish runs on a worker thread)."""
    def run(win, out=None):
        got: list = []
        win.published.connect(got.append)
        try:
            if win.publish(out) is None:
                return None
            qtbot.waitUntil(lambda: win.publish_op is None, timeout=30000)
        finally:
            win.published.disconnect(got.append)
        return got[-1] if got else None
    return run
