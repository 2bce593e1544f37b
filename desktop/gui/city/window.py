"""The city window (市局, DESIGN §14): import county packages (files, folders, .zip) off the GUI thread, decide
on changed county keys, and look at the counties × figures with a drill-down to a county's schools and a
school's entries; the city summary workbook is written off the GUI thread too."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core import services
from desktop.core.errors import TaizhangError
from desktop.core.words import Outcome
from desktop.gui.bureau.chooser import Chooser
from desktop.gui.bureau.importpage import DropZone
from desktop.gui.city.keydialog import KeyApprovalDialog
from desktop.gui.city.models import (
    COL_NARRATIVE,
    CityEntriesModel,
    CityKeysModel,
    CityResultsModel,
    CitySchoolsModel,
    CountiesModel,
    percent,
)
from desktop.gui.common import i18n
from desktop.gui.common.errors import message
from desktop.gui.common.icons import icon
from desktop.gui.common.ops import BackgroundOp
from desktop.gui.common.tableviews import records_view

TAB_IMPORT, TAB_OVERVIEW = range(2)
FLUSH_MS = 100


class CityImportPage(QWidget):
    """Drop or choose county packages; one result row per file; changed county keys to approve or refuse."""

    finished = Signal(list)  # the outcomes, once the import is over
    approved = Signal(list)  # the outcomes of the files that waited for an approved key
    merged = Signal()

    def __init__(self, db, db_path: str, chooser: Chooser, parent=None):
        super().__init__(parent)
        self.db, self.db_path, self.chooser = db, db_path, chooser
        self.worker: BackgroundOp | None = None
        self._pending: list = []
        self._flush_timer = QTimer(self)
        self._flush_timer.setInterval(FLUSH_MS)
        self._flush_timer.timeout.connect(self._flush)
        self.results = CityResultsModel(self)
        self.keys = CityKeysModel(self)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 6, 8, 6)
        self.drop_zone = DropZone()
        self.drop_zone.dropped.connect(self.start_import)
        dz = QHBoxLayout(self.drop_zone)
        dz.setContentsMargins(16, 12, 16, 12)
        tip = QLabel(self.tr("把各县区报送的县区汇总包（.xlsx）、整个文件夹或 .zip 压缩包拖到这里，\n"
                             "或者点右边的按钮选择。同一文件重复导入不会重复计算。"))
        tip.setStyleSheet("font-size: 14px; color: #3c4043; border: none; background: transparent;")
        dz.addWidget(tip, 1)
        self.files_button = QPushButton(icon("open"), self.tr("选择文件…"))
        self.files_button.setObjectName("chooseFiles")
        self.files_button.clicked.connect(self.choose_files)
        self.folder_button = QPushButton(icon("open"), self.tr("选择文件夹…"))
        self.folder_button.setObjectName("chooseFolder")
        self.folder_button.clicked.connect(self.choose_folder)
        dz.addWidget(self.files_button)
        dz.addWidget(self.folder_button)
        lay.addWidget(self.drop_zone)
        row = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setObjectName("importProgress")
        self.progress.hide()
        row.addWidget(self.progress, 1)
        lay.addLayout(row)
        self.summary = QLabel(self.tr("还没有导入文件。"))
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        lay.addWidget(self.summary)
        self.table = records_view(self.results, "cityResults", 5)
        self.table.setWordWrap(True)  # a long reason wraps in its (stretching) column; rows grow to fit
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        split = QSplitter(Qt.Orientation.Vertical)
        split.setChildrenCollapsible(False)
        split.addWidget(self.table)
        box = QGroupBox(self.tr("县区密钥（电话核对指纹后批准）"))
        bl = QVBoxLayout(box)
        hint = QLabel(self.tr("第一次收到某县区的汇总包，或县区重装电脑后密钥变了，都列在这里：请打电话请县区教育局读出其密钥指纹，"
                              "逐组一致再批准；密钥更换批准后，等待的文件自动合并。"))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5f6368;")
        bl.addWidget(hint)
        self.keys_view = records_view(self.keys, "cityKeys", 2, single_selection=True)
        self.keys_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.keys_view.selectionModel().currentRowChanged.connect(lambda _c, _p: self._key_buttons())
        bl.addWidget(self.keys_view)
        kb = QHBoxLayout()
        self.approve_button = QPushButton(self.tr("批准所选密钥"))
        self.approve_button.setObjectName("approveKey")
        self.approve_button.clicked.connect(self.approve_selected)
        self.refuse_button = QPushButton(self.tr("拒绝"))
        self.refuse_button.setObjectName("refuseKey")
        self.refuse_button.clicked.connect(self.refuse_selected)
        kb.addWidget(self.approve_button)
        kb.addWidget(self.refuse_button)
        kb.addStretch(1)
        bl.addLayout(kb)
        split.addWidget(box)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        lay.addWidget(split, 1)
        self.reload()

    @property
    def running(self) -> bool:
        return self.worker is not None

    def reload(self) -> None:
        self.keys.load(services.rollup.key_requests(self.db))
        if self.keys.rowCount() > 0 and not self.keys_view.currentIndex().isValid():
            self.keys_view.selectRow(0)
        self._key_buttons()

    def _key_buttons(self) -> None:
        """Approve needs a selected key; refuse only a changed key (a first key is the county's only one)."""
        req = None if self.running else self._selected_key()
        self.approve_button.setEnabled(req is not None)
        self.refuse_button.setEnabled(req is not None and req["kind"] != "unconfirmed")

    def choose_files(self) -> None:
        paths = self.chooser.open_files(self.tr("选择县区汇总包"), "", self.tr("县区汇总包 (*.xlsx *.zip);;所有文件 (*)"))
        if paths:
            self.start_import(paths)

    def choose_folder(self) -> None:
        path = self.chooser.open_folder(self.tr("选择存放县区汇总包的文件夹"), "")
        if path:
            self.start_import([path])

    def start_import(self, paths: list) -> bool:
        if self.running:
            return False
        paths = [str(Path(p)) for p in paths]
        self.progress.setRange(0, 0)
        self.progress.show()
        self.summary.setText(self.tr("正在核验并合并…"))
        self.summary.setStyleSheet("")
        for w in (self.files_button, self.folder_button, self.approve_button, self.refuse_button):
            w.setEnabled(False)
        self.drop_zone.setAcceptDrops(False)

        def merge(job):
            job.count(services.intake.count_inputs(paths))
            return services.rollup.merge_files(job.db, paths, progress=job.progress, cancelled=job.cancelled)

        self.worker = (BackgroundOp(self, merge, db_path=self.db_path)
                       .with_progress(self._progressed, self._counted)
                       .on_success(self._completed)
                       .on_failure(self._failed)
                       .on_done(self._done))
        self._flush_timer.start()
        self.worker.run()
        return True

    def _counted(self, total: int, _weights=None) -> None:  # county packages are small: the bar counts files
        self.progress.setRange(0, max(total, 1))

    def _progressed(self, n: int, outcome) -> None:
        self._pending.append(outcome)
        self.progress.setValue(n)

    def _flush(self) -> None:
        if self._pending:
            batch, self._pending = self._pending, []
            self.results.append(batch)

    def _completed(self, outcomes: list) -> None:
        self._flush()
        c = self.results.counts()
        self.summary.setText(self.tr("导入完成：已合并 {a}，重复 {d}，旧版次 {s}，拒收 {r}").format(
            a=c.get(Outcome.ACCEPTED, 0), d=c.get(Outcome.DUPLICATE, 0), s=c.get(Outcome.STALE, 0),
            r=c.get(Outcome.REJECTED, 0)))
        if self.results.flagged():
            self.summary.setText(self.summary.text() + self.tr("；{n} 个汇总包含疑似重复材料（黄色行，仅提示，已合并），"
                                                               "详见“汇总”页各校填报和市级汇总表").format(n=self.results.flagged()))
        self.summary.setStyleSheet("color: #8a1c1c;" if c.get(Outcome.REJECTED) else "")
        self.finished.emit(outcomes)

    def _failed(self, exc) -> None:
        self._flush()
        self.summary.setText(message(exc))
        self.summary.setStyleSheet("color: #c5221f;")

    def _done(self) -> None:
        self._flush_timer.stop()
        self._flush()
        self.worker = None
        self.progress.hide()
        self.files_button.setEnabled(True)
        self.folder_button.setEnabled(True)
        self.drop_zone.setAcceptDrops(True)
        self.reload()
        self.merged.emit()

    def _selected_key(self) -> dict | None:
        return self.keys.record(self.keys_view.currentIndex().row())

    def ask_approval(self, request: dict) -> bool:
        """The person compared the fingerprint with the county and ticked that it matched."""
        return KeyApprovalDialog(request, self).exec() == QDialog.DialogCode.Accepted

    def approve_selected(self) -> bool:
        """Approve exactly the selected key once the person compared it; the files that waited for it merge off
        the GUI thread."""
        req = self._selected_key()
        if req is None or self.running or not self.ask_approval(req):
            return False
        county, fingerprint = req["county"], req["fingerprint"]  # exactly the key shown, never "the newest one"
        self.summary.setText(self.tr("正在批准{county}的密钥…").format(county=county))
        self.summary.setStyleSheet("")
        for w in (self.files_button, self.folder_button, self.approve_button, self.refuse_button):
            w.setEnabled(False)
        self.drop_zone.setAcceptDrops(False)

        def approved(outcomes: list) -> None:
            if outcomes:
                self.results.append(outcomes)
            self.summary.setText(self.tr("已批准{county}的密钥，合并了 {n} 个等待中的文件").format(
                county=county, n=sum(1 for o in outcomes if o.outcome == Outcome.ACCEPTED)))
            self.results.key_confirmed(county)
            self.approved.emit(outcomes)

        self.worker = (BackgroundOp(self, lambda job: services.rollup.approve_key(job.db, county, fingerprint),
                                    db_path=self.db_path, title=self.tr("批准县区密钥"))
                       .on_success(approved)
                       .on_failure(self._failed)
                       .on_done(self._done))
        self.worker.run()
        return True

    def refuse_selected(self) -> bool:
        req = self._selected_key()
        if req is None or self.running or req["kind"] == "unconfirmed":  # a first key is the county's only one
            return False
        if not self.chooser.confirm(self.tr("拒绝县区密钥"), self.tr("拒绝 {county} 的新密钥？用它签名的文件不会合并。")
                                    .format(county=req["county"])):
            return False
        services.rollup.refuse_key(self.db, req["county"], req["fingerprint"])
        self.reload()
        return True

    def shutdown(self) -> None:
        if self.worker is not None:
            self.worker.shutdown(60000)
            self.worker = None


class CityOverviewPage(QWidget):
    """Counties × figures; choosing a county shows its schools, choosing a school its entries."""

    exported = Signal(str)

    def __init__(self, db, db_path: str, chooser: Chooser, parent=None):
        super().__init__(parent)
        self.db, self.db_path, self.chooser = db, db_path, chooser
        self.data: dict | None = None
        self.export_worker: BackgroundOp | None = None
        self.counties = CountiesModel(self)
        self.schools = CitySchoolsModel(self)
        self.entries = CityEntriesModel(self)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 6, 8, 6)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("填报周期：")))
        self.period = QComboBox()
        self.period.setObjectName("cityPeriod")
        self.period.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.period.currentIndexChanged.connect(self._period_chosen)
        top.addWidget(self.period)
        self.headline = QLabel()
        self.headline.setObjectName("cityHeadline")
        self.headline.setWordWrap(True)
        top.addWidget(self.headline, 1)
        self.export_button = QPushButton(icon("export"), self.tr("导出市级汇总表…"))
        self.export_button.setObjectName("exportCitySummary")
        self.export_button.clicked.connect(self.export_summary)
        top.addWidget(self.export_button)
        lay.addLayout(top)
        split = QSplitter(Qt.Orientation.Vertical)
        self.counties_view = records_view(self.counties, "countiesView", 1, single_selection=True)
        self.counties_view.selectionModel().currentRowChanged.connect(lambda cur, _prev: self.show_county(cur.row()))
        split.addWidget(self._boxed(self.tr("各县区（按完成率排序）"), self.counties_view))
        lower = QSplitter(Qt.Orientation.Horizontal)
        self.schools_view = records_view(self.schools, "schoolsView", 1, single_selection=True)
        self.schools_view.selectionModel().currentRowChanged.connect(lambda cur, _prev: self.show_school(cur.row()))
        self.schools_box = self._boxed(self.tr("所选县区的学校"), self.schools_view)
        lower.addWidget(self.schools_box)
        self.entries_view = records_view(self.entries, "entriesView", COL_NARRATIVE)
        self.entries_box = self._boxed(self.tr("所选学校的填报"), self.entries_view)
        lower.addWidget(self.entries_box)
        lower.setSizes([600, 600])
        split.addWidget(lower)
        split.setSizes([220, 380])
        lay.addWidget(split, 1)

    @staticmethod
    def _boxed(title: str, view) -> QGroupBox:
        box = QGroupBox(title)
        bl = QVBoxLayout(box)
        bl.setContentsMargins(4, 4, 4, 4)
        bl.addWidget(view)
        return box

    def reload(self) -> None:
        wanted = self.period.currentData()
        self.data = services.rollup.city_figures(self.db, wanted)
        self.period.blockSignals(True)
        self.period.clear()
        for p in self.data["periods"]:
            self.period.addItem(p, p)
        if self.data["period"]:
            self.period.setCurrentIndex(self.period.findData(self.data["period"]))
        self.period.blockSignals(False)
        self.data["counties"].sort(key=lambda c: (c["rate"] is None, -(c["rate"] or 0), c["county"]))
        self.counties.load(self.data["counties"])
        self.schools.load([])
        self.entries.load([])
        self._headline()
        self.export_button.setEnabled(bool(self.data["counties"]) and self.export_worker is None)
        if self.data["counties"]:
            self.counties_view.selectRow(0)

    def _period_chosen(self, _index: int) -> None:
        if self.period.currentData():
            self.reload()

    def _headline(self) -> None:
        d = self.data
        if not d or not d["counties"]:
            self.headline.setText(self.tr("还没有导入县区汇总包：在“导入汇总包”页导入各县区报送的文件。"))
            return
        self.headline.setText(self.tr("{n} 个县区 · 学校 {schools} 所，已报送 {reported}，未报送 {missing} · 报送率 {rr} · 完成率 {rate}")
                              .format(n=len(d["counties"]), schools=d["n_schools"], reported=d["reported"],
                                      missing=len(d["missing"]), rr=percent(d["report_rate"]), rate=percent(d["rate"])))

    def show_county(self, row: int) -> None:
        county = self.counties.record(row)
        self.entries.load([])
        if county is None:
            self.schools.load([])
            return
        shared: dict[str, int] = {}  # school → how many of its entries share material with another county
        for g in self.data["copies"] if self.data else []:
            for (c, school), _task in g["items"]:
                if c == county["county"]:
                    shared[school] = shared.get(school, 0) + 1
        schools = sorted((p | {"copies": shared.get(p["code"], 0)} for p in county["figures"]["per_school"]),
                         key=lambda p: (not p["reported"], p["rank"] is None, p["rank"] or 0, p["code"]))
        self.schools.load(schools)
        self.schools_box.setTitle(self.tr("{county}的学校（{n} 所，未报送 {m} 所）").format(
            county=county["county"], n=len(schools), m=county["n_not_reported"]))
        self.entries_box.setTitle(self.tr("所选学校的填报"))

    def show_school(self, row: int) -> None:
        county = self.counties.record(self.counties_view.currentIndex().row())
        school = self.schools.record(row)
        if county is None or school is None:
            self.entries.load([])
            return
        detail = services.rollup.school_entries(self.db, county["county"], school["code"], self.data["period"],
                                                copies_found=self.data["copies"])
        self.entries.load(detail["entries"])
        title = (self.tr("{name}的填报（第 {n} 次报送）").format(name=school["name"], n=detail["revision"])
                 if detail["reported"] else self.tr("{name}：本周期未报送").format(name=school["name"]))
        flagged = sum(1 for e in detail["entries"] if e["copies"])
        if flagged:
            title += self.tr(" · {n} 项与其他县区学校的材料相同（疑似重复材料，黄色）").format(n=flagged)
        self.entries_box.setTitle(title)

    def export_summary(self) -> str | None:
        if not self.data or not self.data["counties"] or self.export_worker is not None:
            return None
        name = self.tr("{period}-市级汇总.xlsx").format(period=self.data["period"])
        path = self.chooser.save_file(self.tr("导出市级汇总表"), name, self.tr("Excel 工作簿 (*.xlsx)"))
        if not path:
            return None
        path, period = str(path), self.data["period"]
        self.export_button.setEnabled(False)
        self.export_button.setText(self.tr("正在生成…"))
        self.export_worker = (BackgroundOp(self, lambda job: services.rollup.write_city_summary(job.db, path, period=period),
                                           db_path=self.db_path, title=self.tr("导出市级汇总表"))
                              .on_success(lambda _r: self._written(path))
                              .on_failure(lambda exc: self.headline.setText(
                                  f"<span style='color:#c5221f'>{html.escape(message(exc))}</span>"))
                              .on_done(self._export_done))
        self.export_worker.run()
        return path

    def _written(self, path: str) -> None:
        self.headline.setText(self.tr("已生成：{path}").format(path=path))
        self.exported.emit(path)

    def _export_done(self) -> None:
        self.export_worker = None
        self.export_button.setText(self.tr("导出市级汇总表…"))
        self.export_button.setEnabled(bool(self.data and self.data["counties"]))

    def shutdown(self) -> None:
        if self.export_worker is not None:
            self.export_worker.shutdown(60000)
            self.export_worker = None


class CityWindow(QMainWindow):
    def __init__(self, db_path: str, *, chooser: Chooser | None = None, parent=None):
        super().__init__(parent)
        self.setObjectName("cityWindow")
        self.db_path = str(db_path)
        self.db = services.workspaces.open_database(self.db_path)
        if not services.rollup.is_city(self.db):
            self.db.close()
            raise TaizhangError("这不是市局的数据文件", "this is not a city database")
        self.chooser = chooser or Chooser(self)
        self.city = services.rollup.city_info(self.db)
        self.setWindowTitle(self.tr("台账 · {city}教育局（市局汇总）").format(city=self.city["city"]))
        self.setWindowIcon(icon("bureau"))
        self.tabs = QTabWidget()
        self.tabs.setObjectName("cityTabs")
        self.importer = CityImportPage(self.db, self.db_path, self.chooser)
        self.overview = CityOverviewPage(self.db, self.db_path, self.chooser)
        self.tabs.addTab(self.importer, icon("open"), self.tr("导入汇总包"))
        self.tabs.addTab(self.overview, icon("export"), self.tr("汇总"))
        self.setCentralWidget(self.tabs)
        self.importer.merged.connect(self.overview.reload)
        self.overview.exported.connect(
            lambda path: self.statusBar().showMessage(self.tr("市级汇总表已导出：{path}").format(path=path), 15000))
        menu = self.menuBar().addMenu(self.tr("文件(&F)"))
        menu.addAction(self.tr("导入汇总包(&I)…"), self.importer.choose_files)
        menu.addAction(self.tr("导入文件夹(&D)…"), self.importer.choose_folder)
        menu.addAction(self.tr("导出市级汇总表(&S)…"), self.overview.export_summary)
        menu.addSeparator()
        menu.addAction(self.tr("退出(&X)"), self.close)
        i18n.fill_language_menu(self.menuBar().addMenu(self.tr("语言(&L)")), self)
        self.statusBar().showMessage(self.tr("市局公钥指纹：{fp}").format(fp=self.city["fingerprint_groups"]))
        self.overview.reload()
        self.tabs.setCurrentIndex(TAB_OVERVIEW if self.overview.data and self.overview.data["counties"] else TAB_IMPORT)
        self.setMinimumSize(900, 560)
        self.resize(1200, 760)

    def closeEvent(self, event):
        self.importer.shutdown()
        self.overview.shutdown()
        self.db.close()
        super().closeEvent(event)
