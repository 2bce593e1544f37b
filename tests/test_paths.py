"""desktop.paths finds resources/ and migrations/ in a checkout and inside the PyInstaller bundle.

The bundle itself is built and run by .ci/bundle-check; here a fake ``sys._MEIPASS`` stands in for it.
"""

from __future__ import annotations

import io
import shutil
import sys
from pathlib import Path

import pytest

import desktop
from desktop import console, paths

CHECKOUT = Path(desktop.__file__).resolve().parent.parent


@pytest.fixture
def fake_bundle(tmp_path, monkeypatch):
    """What build.spec lays out in dist/taizhang/_internal: resources/ and migrations/ side by side."""
    root = tmp_path / "_internal"
    shutil.copytree(CHECKOUT / "migrations", root / "migrations")
    (root / "resources" / "samples").mkdir(parents=True)
    shutil.copyfile(CHECKOUT / "resources" / "samples" / "roster.csv", root / "resources" / "samples" / "roster.csv")
    monkeypatch.setattr(sys, "_MEIPASS", str(root), raising=False)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    return root


def test_checkout_paths_point_at_the_project_folders():
    assert not paths.is_bundled()
    assert paths.app_root() == CHECKOUT
    assert paths.resources_dir() == CHECKOUT / "resources" and paths.resources_dir().is_dir()
    assert (paths.migrations_dir() / "0001_init.sql").is_file()
    assert (paths.samples_dir() / "roster.csv").is_file()
    assert paths.i18n_dir() == CHECKOUT / "resources" / "i18n"
    assert paths.icons_dir() == CHECKOUT / "resources" / "icons"


def test_bundle_paths_point_inside_meipass(fake_bundle):
    assert paths.is_bundled()
    assert paths.app_root() == fake_bundle
    for folder in (paths.resources_dir(), paths.migrations_dir(), paths.samples_dir(), paths.i18n_dir(),
                   paths.icons_dir()):
        assert fake_bundle in folder.parents, folder
    assert (paths.migrations_dir() / "0001_init.sql").is_file()


def test_the_store_migrates_from_the_bundle_copy(fake_bundle, tmp_path):
    from desktop.core.db import connection

    assert all(fake_bundle in p.parents for _, p in connection.migrations())
    db = connection.open_db(tmp_path / "new.db", create=True)
    try:
        assert db.execute("PRAGMA user_version").fetchone()[0] == len(list(fake_bundle.glob("migrations/*.sql")))
    finally:
        db.close()


def test_the_demo_reads_its_samples_from_the_bundle(fake_bundle):
    from desktop import demo

    (fake_bundle / "resources" / "samples" / "roster.csv").write_text(
        "学校代码,学校名称,学校类型,所属乡镇\nB001,打包测试小学,小学,城关镇\n", encoding="utf-8")
    assert [s["code"] for s in demo.sample_roster(None)] == ["B001"]


def test_a_checkout_is_not_mistaken_for_a_bundle_by_frozen_alone(monkeypatch):
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.delattr(sys, "_MEIPASS", raising=False)
    assert not paths.is_bundled()
    assert paths.app_root() == CHECKOUT


# desktop/console.py: where a windowed build prints (it belongs with the bundle plumbing tested here).

def test_console_leaves_existing_streams_alone(monkeypatch):
    out, err = io.StringIO(), io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    assert console.attach_parent_console() is False
    assert sys.stdout is out and sys.stderr is err


@pytest.mark.skipif(sys.platform == "win32", reason="on Windows it would attach to the test runner's console")
def test_console_gives_a_windowed_build_somewhere_to_print(monkeypatch):
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    assert console.attach_parent_console() is False
    try:
        print("不会崩溃 / does not crash")
        print("warning", file=sys.stderr)
    finally:
        sys.stdout.close()
        sys.stderr.close()
