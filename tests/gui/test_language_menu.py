"""The language menu both windows share: picking a language saves it and says, in both languages, when it applies."""

from PySide6.QtWidgets import QMainWindow, QMessageBox

from desktop.gui.common import i18n


def test_picking_english_saves_it_and_shows_a_bilingual_notice(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    menu = window.menuBar().addMenu("语言(&L)")
    i18n.fill_language_menu(menu, window)
    actions = {a.text(): a for a in menu.actions()}
    assert actions["中文"].isChecked() and not actions["English"].isChecked()
    actions["English"].trigger()
    assert i18n.saved_language() == "en"
    [box] = window.findChildren(QMessageBox)
    assert box.isVisible()  # shown with open(): the test would hang here if it blocked
    assert "下次启动" in box.text() and "next time Taizhang starts" in box.text()
    box.close()


def test_core_messages_wait_for_the_restart_like_the_rest_of_the_ui(qtbot):
    """pick() speaks the installed language: choosing English in the menu changes neither until the restart."""
    from PySide6.QtWidgets import QApplication

    from desktop.core.errors import TaizhangError
    from desktop.gui.common.errors import message

    window = QMainWindow()
    qtbot.addWidget(window)
    menu = window.menuBar().addMenu("语言(&L)")
    i18n.fill_language_menu(menu, window)
    {a.text(): a for a in menu.actions()}["English"].trigger()
    assert i18n.saved_language() == "en" and i18n.current_language() == "zh_CN"
    assert i18n.pick("中文", "English") == "中文"
    assert message(TaizhangError("找不到", "not found")) == "找不到"
    app = QApplication.instance()
    try:
        assert i18n.install(app) == "en"  # the restart installs the saved choice
        assert i18n.pick("中文", "English") == "English" and message(TaizhangError("找不到", "not found")) == "not found"
        assert i18n.install(app, "zh_CN") == "zh_CN"  # the start screen switches at once: so do the messages
        assert i18n.pick("中文", "English") == "中文"
    finally:
        i18n.save_language("zh_CN")
        i18n.install(app)
    for box in window.findChildren(QMessageBox):
        box.close()


def test_without_a_translation_file_the_messages_stay_chinese_too(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QApplication

    monkeypatch.setattr(i18n, "i18n_dir", lambda: tmp_path / "nowhere")
    app = QApplication.instance()
    try:
        assert i18n.install(app, "en") == "zh_CN"
        assert i18n.pick("中文", "English") == "中文"
    finally:
        monkeypatch.undo()
        i18n.install(app, "zh_CN")
