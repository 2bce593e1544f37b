"""Overview of one reporting period: the school × task matrix coloured by status (click a cell for the
school's entry and evidence), completion per task and per school, who has not reported or was late,
and the summary workbook export."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.core import services
from desktop.core.errors import TaizhangError
from desktop.core.words import CopyKind, Status
from desktop.gui.bureau.chooser import Chooser
from desktop.gui.bureau.messages import (
    NOT_APPLICABLE_COLOR,
    NOT_REPORTED_COLOR,
    STATUS_COLORS,
    field_label,
    percent,
    status_name,
)
from desktop.gui.bureau.overviewmodels import (
    CARRIED_CONFIRMED,
    CARRIED_UNCONFIRMED,
    SCHOOL_STATE_COL,
    CarriedMarkDelegate,
    EvidenceModel,
    MatrixModel,
    RecordsModel,
    SchoolFilter,
    carried_legend_pixmap,
    school_columns,
    task_columns,
)
from desktop.gui.common.errors import message
from desktop.gui.common.icons import icon
from desktop.gui.common.ops import BackgroundOp
from desktop.gui.common.tableviews import records_view
from desktop.gui.common.wheel import shift_wheel_scrolls_sideways

CELL_WIDTH = 46
TAB_MATRIX, TAB_TASKS, TAB_SCHOOLS = range(3)


class CellDetail(QWidget):
    """What one school reported on one task, with its evidence files."""

    def __init__(self, db, chooser: Chooser, parent=None):
        super().__init__(parent)
        self.setObjectName("cellDetail")
        self.db, self.chooser = db, chooser
        self.detail: dict | None = None
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 0, 0, 0)
        self.text = QTextBrowser()
        self.text.setObjectName("cellText")
        self.text.setOpenLinks(False)
        lay.addWidget(self.text, 3)
        lay.addWidget(QLabel(self.tr("佐证材料：")))
        self.evidence = EvidenceModel(self)
        self.evidence_view = QTableView()
        self.evidence_view.setObjectName("evidenceView")
        self.evidence_view.setModel(self.evidence)
        self.evidence_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.evidence_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.evidence_view.verticalHeader().setVisible(False)
        self.evidence_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.evidence_view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.evidence_view.doubleClicked.connect(lambda index: self.open_evidence(index.row()))
        lay.addWidget(self.evidence_view, 1)
        row = QHBoxLayout()
        self.open_button = QPushButton(self.tr("打开"))
        self.open_button.setObjectName("openEvidence")
        self.open_button.clicked.connect(lambda: self.open_evidence(self.evidence_view.currentIndex().row()))
        self.save_button = QPushButton(self.tr("另存为…"))
        self.save_button.setObjectName("saveEvidence")
        self.save_button.clicked.connect(lambda: self.save_evidence(self.evidence_view.currentIndex().row()))
        row.addWidget(self.open_button)
        row.addWidget(self.save_button)
        row.addStretch(1)
        lay.addLayout(row)
        self.show_detail(None)

    def show_detail(self, detail: dict | None) -> None:
        self.detail = detail
        if detail is None:
            self.text.setHtml(self.tr("<p style='color:#5f6368'>点击左侧表格中的格子，查看该校对这项任务的填报内容和佐证材料。</p>"))
            self.evidence.load([])
            self.open_button.setEnabled(False)
            self.save_button.setEnabled(False)
            return
        self.text.setHtml(self._html(detail))
        self.evidence.load(detail["evidence"])
        has = bool(detail["evidence"])
        self.open_button.setEnabled(has)
        self.save_button.setEnabled(has)
        if has:
            self.evidence_view.selectRow(0)

    def _html(self, d: dict) -> str:
        e, t, s = d["entry"], d["task"], d["school"]
        esc = html.escape
        parts = [f"<h3 style='margin:0'>{esc(s['name'])}</h3>",
                 f"<p style='margin:2px 0 8px 0'><b>{esc(t['task_id'])}</b> {esc(t['title'])}</p>"]
        if d["submission"] is None:
            not_reported = self.tr("该校本周期还没有报送。")
            parts.append(f"<p style='color:#c5221f'>{esc(not_reported)}</p>")
            return "".join(parts)
        sub = d["submission"]
        when = self.tr("第 {n} 次报送 · 导出于 {at}").format(
            n=sub["revision"], at=(sub["created_at"] or "")[:16].replace("T", " "))
        parts.append(f"<p style='color:#5f6368'>{esc(when)}</p>")
        color = STATUS_COLORS.get(e["status"], "#ffffff")
        status = status_name(e["status"])
        if e["status"] == Status.IN_PROGRESS and e["progress"]:
            status = self.tr("{status}（{n}%）").format(status=status, n=e["progress"])
        parts.append(f"<p><span style='background:{color}; padding:2px 6px'>&nbsp;{esc(status)}&nbsp;</span></p>")
        if e.get("carried_from"):
            if e.get("carried_confirmed"):
                line = self.tr("沿用上期（{period}）的填报，学校已确认仍然属实").format(period=esc(e["carried_from"]))
                colour = "#1a73e8"
            else:
                line = self.tr("沿用上期（{period}）的填报，学校未确认也未修改").format(period=esc(e["carried_from"]))
                colour = "#b06000"
            parts.append(f"<p style='margin:2px 0; color:{colour}'><b>{line}</b></p>")
        rows = [(self.tr("完成情况说明"), e["narrative"]), (self.tr("存在问题"), e["problems"]),
                (self.tr("下步打算"), e["next_steps"])]
        if e["status"] == Status.NOT_APPLICABLE:
            rows.insert(0, (self.tr("不适用原因"), e["na_reason"]))
        for label, value in rows:
            parts.append(f"<p style='margin:6px 0 0 0'><b>{esc(field_label(label))}</b>"
                         f"{esc(value) or '<span style=color:#9aa0a6>—</span>'}</p>")
        if d["targets"]:
            heading = field_label(self.tr("量化指标"))
            parts.append(f"<p style='margin:8px 0 2px 0'><b>{esc(heading)}</b></p><ul style='margin:0'>")
            for x in d["targets"]:
                target = x["value"] if x["value"] is not None else self.tr("待定")
                got = x["reported"] if x["reported"] not in (None, "") else "—"
                # the values are escaped; the sentence around them (and its <b>) is the translator's
                line = self.tr("{text}：目标 {target}{unit}，填报 <b>{got}</b>").format(
                    text=esc(x["text"]), target=esc(str(target)), unit=esc(x["unit"]), got=esc(str(got)))
                parts.append(f"<li>{line}</li>")
            parts.append("</ul>")
        for g in d.get("copies", []):  # 疑似重复材料: shown for a person to check, never a rejection
            others = self.tr("、").join(g["others"][:8]) + ("…" if len(g["others"]) > 8 else "")
            if g["kind"] == CopyKind.EVIDENCE:
                line = self.tr("疑似重复材料：佐证材料“{name}”与 {schools} 的文件完全相同").format(
                    name=esc(g["label"]), schools=esc(others))
            else:
                line = self.tr("疑似重复材料：完成情况说明与 {schools} 的完全相同").format(schools=esc(others))
            parts.append(f"<p style='margin:8px 0 0 0; color:#b06000'><b>{line}</b></p>")
        return "".join(parts)

    def _item(self, row: int) -> dict | None:
        return self.evidence.item(row)

    def open_evidence(self, row: int) -> Path | None:
        item = self._item(row)
        if item is None:
            return None
        folder = services.files.temp_folder() / item["sha256"][:16]
        folder.mkdir(exist_ok=True)
        name = Path(item["name"]).name or item["sha256"]
        try:
            path = services.files.save_evidence(self.db, item["sha256"], folder / name)
        except (TaizhangError, OSError) as exc:
            self.text.append(f"<p style='color:#c5221f'>{html.escape(message(exc))}</p>")
            return None
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        return path

    def save_evidence(self, row: int) -> Path | None:
        item = self._item(row)
        if item is None:
            return None
        target = self.chooser.save_file(self.tr("保存佐证材料"), item["name"], self.tr("所有文件 (*)"))
        if not target:
            return None
        try:
            return services.files.save_evidence(self.db, item["sha256"], target)
        except (TaizhangError, OSError) as exc:
            self.text.append(f"<p style='color:#c5221f'>{html.escape(message(exc))}</p>")
            return None


class OverviewPage(QWidget):
    exported = Signal(str)
    review_requested = Signal(str, str, str)  # school code, task id ('' for none), period

    def __init__(self, ws: services.workspaces.CountyWorkspace, chooser: Chooser, parent=None):
        super().__init__(parent)
        self.setObjectName("overviewPage")
        self.ws, self.db, self.db_path, self.chooser = ws, ws.db, ws.path, chooser
        self.export_worker: BackgroundOp | None = None
        self._busy_button: QPushButton | None = None
        self._idle_text = ""
        self.data: dict | None = None
        self._chosen: str | None = None
        self._loader: BackgroundOp | None = None  # reload_in_background in flight
        self._load_again = False
        self.matrix = MatrixModel(self)
        self.tasks = RecordsModel(task_columns(), self)
        self.schools = RecordsModel(school_columns(), self)
        self.schools.colors = lambda r, col: ("#c5221f" if not r["reported"] else "#b06000" if r["late"] else None) \
            if col == SCHOOL_STATE_COL else None
        self.school_filter = SchoolFilter(self)
        self.school_filter.setSourceModel(self.schools)
        self._build()

    def _build(self) -> None:
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 6, 8, 6)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("填报周期：")))
        self.period = QComboBox()
        self.period.setObjectName("overviewPeriod")
        self.period.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.period.currentIndexChanged.connect(self._period_chosen)
        top.addWidget(self.period)
        self.headline = QLabel()
        self.headline.setObjectName("headline")
        self.headline.setTextFormat(Qt.TextFormat.RichText)
        self.headline.linkActivated.connect(self._headline_link)
        self.headline.setWordWrap(True)  # English figures run longer: they wrap, the window stays within 1280
        top.addWidget(self.headline, 1)
        self.export_button = QPushButton(icon("export"), self.tr("导出汇总表…"))
        self.export_button.setObjectName("exportSummary")
        self.export_button.clicked.connect(self.export_summary)
        top.addWidget(self.export_button)
        self.remind_button = QPushButton(icon("export"), self.tr("催报通知…"))
        self.remind_button.setObjectName("writeReminders")
        self.remind_button.setToolTip(self.tr("每校一份可粘贴到工作群的文字、每个乡镇一份，另有一份可打印的催报通知（.docx）"))
        self.remind_button.clicked.connect(self.write_reminders)
        top.addWidget(self.remind_button)
        self.bulletin_button = QPushButton(icon("export"), self.tr("通报草稿…"))
        self.bulletin_button.setObjectName("writeBulletin")
        self.bulletin_button.setToolTip(self.tr("按汇总表的数字起草通报（.docx），修改后印发"))
        self.bulletin_button.clicked.connect(self.write_bulletin)
        top.addWidget(self.bulletin_button)
        self.county_button = QPushButton(icon("export"), self.tr("县区汇总包…"))
        self.county_button.setObjectName("writeCountyPackage")
        self.county_button.setToolTip(self.tr("报送市局：签名的县区汇总包（各校当前的填报、学校名单和本局的汇总数字）"))
        self.county_button.clicked.connect(self.write_county_package)
        top.addWidget(self.county_button)
        lay.addLayout(top)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("overviewTabs")
        lay.addWidget(self.tabs, 1)
        # matrix
        mw = QWidget()
        ml = QVBoxLayout(mw)
        ml.setContentsMargins(0, 4, 0, 0)
        legend = QHBoxLayout()
        # the status names are those of the cell detail (messages.status_name)
        for text, color in ([(status_name(st), c) for st, c in STATUS_COLORS.items()]
                            + [(self.tr("未报送"), NOT_REPORTED_COLOR), (self.tr("不适用于该校类型"), NOT_APPLICABLE_COLOR)]):
            chip = QLabel(text)
            chip.setStyleSheet(f"background: {color}; border: 1px solid #dadce0; border-radius: 3px; padding: 1px 6px;")
            legend.addWidget(chip)
        legend.addSpacing(10)
        self.carried_legend: dict[str, QLabel] = {}  # the words beside each corner mark, with the count
        for kind, tip in (
                (CARRIED_UNCONFIRMED, self.tr("学校沿用了上一周期的填报，既没有确认也没有修改（格子文字为斜体）")),
                (CARRIED_CONFIRMED, self.tr("学校沿用了上一周期的填报，并确认本期仍然属实"))):
            mark = QLabel()
            mark.setPixmap(carried_legend_pixmap(kind))
            mark.setToolTip(tip)
            words = QLabel()
            words.setObjectName(f"carriedLegend-{kind}")
            words.setToolTip(tip)
            self.carried_legend[kind] = words
            legend.addWidget(mark)
            legend.addWidget(words)
        legend.addStretch(1)
        hint = QLabel(self.tr("点击格子查看详情，双击审核"))
        hint.setToolTip(self.tr("把鼠标停在列标题上可看任务名称；没有角标的格子是学校本期新填的"))
        hint.setStyleSheet("color: #5f6368;")
        legend.addWidget(hint)
        ml.addLayout(legend)
        split = QSplitter(Qt.Orientation.Horizontal)
        self.matrix_view = QTableView()
        self.matrix_view.setObjectName("matrixView")
        self.matrix_view.setModel(self.matrix)
        self.matrix_view.setItemDelegate(CarriedMarkDelegate(self.matrix_view))
        self.matrix_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.matrix_view.setWordWrap(False)
        self.matrix_view.setShowGrid(True)
        h = self.matrix_view.horizontalHeader()
        h.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        h.setDefaultSectionSize(CELL_WIDTH)
        h.setMinimumSectionSize(CELL_WIDTH)
        v = self.matrix_view.verticalHeader()
        v.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        v.setDefaultSectionSize(24)
        self.matrix_view.selectionModel().currentChanged.connect(self._cell_changed)
        self.matrix_view.clicked.connect(self._cell_changed)
        self.matrix_view.doubleClicked.connect(self._review_cell)
        shift_wheel_scrolls_sideways(self.matrix_view)
        split.addWidget(self.matrix_view)
        self.detail = CellDetail(self.db, self.chooser)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([900, 360])
        ml.addWidget(split, 1)
        self.tabs.addTab(mw, self.tr("学校×任务"))
        # per task
        self.tasks_view = self._records_view(self.tasks, "tasksView", stretch=1)
        self.tabs.addTab(self.tasks_view, self.tr("按任务"))
        # per school
        sw = QWidget()
        sl = QVBoxLayout(sw)
        sl.setContentsMargins(0, 4, 0, 0)
        fl = QHBoxLayout()
        fl.addWidget(QLabel(self.tr("显示：")))
        self.school_mode = QComboBox()
        self.school_mode.setObjectName("schoolMode")
        self.school_mode.addItem(self.tr("全部学校"), SchoolFilter.ALL)
        self.school_mode.addItem(self.tr("未报送的学校"), SchoolFilter.MISSING)
        self.school_mode.addItem(self.tr("逾期报送的学校"), SchoolFilter.LATE)
        self.school_mode.currentIndexChanged.connect(lambda _i: self.school_filter.set_mode(self.school_mode.currentData()))
        fl.addWidget(self.school_mode)
        fl.addStretch(1)
        sl.addLayout(fl)
        self.schools_view = self._records_view(self.school_filter, "schoolsOverview", stretch=1)
        self.schools_view.doubleClicked.connect(self._review_school_row)
        self.review_button = QPushButton(self.tr("审核该校…"))
        self.review_button.setObjectName("reviewSchool")
        self.review_button.clicked.connect(
            lambda: self._review_school_row(self.schools_view.currentIndex()))
        fl.insertWidget(fl.count() - 1, self.review_button)
        sl.addWidget(self.schools_view, 1)
        self.tabs.addTab(sw, self.tr("按学校"))

    def _records_view(self, model, name: str, stretch: int) -> QTableView:
        view = records_view(model, name, stretch, alternating=True)
        if isinstance(model, SchoolFilter):
            view.setSortingEnabled(True)
            view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        return view

    # ------------------------------------------------------------------ data
    def _period_chosen(self, _index: int) -> None:
        self._chosen = self.period.currentData()
        self.reload()

    @staticmethod
    def _figures(db, wanted: str | None) -> tuple[list, str | None, dict | None]:
        """The periods, the one to show (the user's choice, else the one most schools reported for: see
        services.standing.overview_period) and its figures."""
        periods = services.roster.period_list(db)
        if wanted is None or wanted not in {p["name"] for p in periods}:
            wanted = (services.standing.overview_period(db) or periods[0]["name"]) if periods else None
        return periods, wanted, services.standing.overview(db, wanted) if wanted else None

    @property
    def loading(self) -> bool:
        return self._loader is not None

    def reload(self) -> None:
        self._apply(*self._figures(self.db, self._chosen))

    def reload_in_background(self) -> None:
        """The reload after an import: the figures of a whole county take a second or more, so they are computed
        on a worker thread (its own connection) and then shown; a reload asked for meanwhile runs after it."""
        if self._loader is not None:
            self._load_again = True
            return
        wanted = self._chosen
        self._loader = (BackgroundOp(self, lambda job: self._figures(job.db, wanted), db_path=self.db_path,
                                     title=self.tr("刷新总览"))
                        .on_success(lambda r: self._apply(*r))
                        .on_done(self._loaded))
        self._loader.run()

    def _loaded(self) -> None:
        self._loader = None
        if self._load_again:
            self._load_again = False
            self.reload_in_background()

    def _apply(self, periods: list, wanted: str | None, data: dict | None) -> None:
        self.period.blockSignals(True)
        try:
            self.period.clear()
            for p in periods:
                text = p["name"] + (self.tr("（{due} 截止）").format(due=p["due_date"]) if p["due_date"] else "")
                self.period.addItem(text, p["name"])
            self.period.setCurrentIndex(max(0, self.period.findData(wanted)))
        finally:
            self.period.blockSignals(False)
        self.data = data
        self.matrix.load(self.data)
        self.tasks.load(self.data["per_task"] if self.data else [])
        self.schools.load(self.data["per_school"] if self.data else [])
        self.detail.show_detail(None)
        self._headline()
        self._enable_outputs()

    def _enable_outputs(self) -> None:
        ready = bool(self.data and self.data["plan"]["version"]) and self.export_worker is None
        for button in (self.export_button, self.remind_button, self.bulletin_button, self.county_button):
            button.setEnabled(ready)

    def _carried_counts(self) -> None:
        """The legend of the corner marks says how many cells carry each (the headline has no room left)."""
        rows = self.data["per_school"] if self.data else []
        unconfirmed = sum(p.get("n_carried_unconfirmed", 0) for p in rows)
        confirmed = sum(p.get("n_carried", 0) for p in rows) - unconfirmed
        self.carried_legend[CARRIED_UNCONFIRMED].setText(self.tr("沿用未确认 {n}").format(n=unconfirmed))
        self.carried_legend[CARRIED_CONFIRMED].setText(self.tr("沿用已确认 {n}").format(n=confirmed))

    def _headline(self) -> None:
        self._carried_counts()
        d = self.data
        if d is None:
            self.headline.setText(self.tr("还没有工作计划或填报周期。"))
            return
        n = len(d["schools"])
        missing, late = len(d["missing"]), len(d["late"])
        parts = [self.tr("应报 <b>{n}</b> 所").format(n=n), self.tr("已报送 <b>{n}</b>").format(n=d["reported"])]
        parts.append(self.tr("<a href='late' style='color:#b06000'>逾期 {n}</a>").format(n=late) if late
                     else self.tr("逾期 0"))
        parts.append(self.tr("<a href='missing' style='color:#c5221f'>未报送 {n}</a>").format(n=missing) if missing
                     else self.tr("未报送 0"))
        parts.append(self.tr("已报学校总体完成率 <b>{r}</b>").format(r=percent(d["rate"])))
        self.headline.setText("&nbsp;&nbsp;" + " · ".join(parts))

    def _headline_link(self, link: str) -> None:
        self.tabs.setCurrentIndex(TAB_SCHOOLS)
        mode = SchoolFilter.MISSING if link == "missing" else SchoolFilter.LATE
        self.school_mode.setCurrentIndex(self.school_mode.findData(mode))

    def _cell_changed(self, index: QModelIndex, _previous=None) -> None:
        cell = self.matrix.cell(index)
        if cell is None or self.data is None:
            self.detail.show_detail(None)
            return
        try:
            detail = services.standing.school_task_detail(self.db, self.data["period"], *cell)
        except TaizhangError as exc:
            self.detail.text.setHtml(html.escape(message(exc)))
            return
        self.detail.show_detail(detail)

    def _review_cell(self, index: QModelIndex) -> None:
        cell = self.matrix.cell(index)
        if cell is not None and self.data is not None:
            self.review_requested.emit(cell[0], cell[1], self.data["period"])

    def _review_school_row(self, index: QModelIndex) -> None:
        if not index.isValid() or self.data is None:
            return
        record = self.schools.record(self.school_filter.mapToSource(index).row())
        if record is not None and record["reported"]:
            self.review_requested.emit(record["code"], "", self.data["period"])

    def export_summary(self) -> str | None:
        """Ask where, then write the summary workbook on a worker thread (``exported`` when written)."""
        if self.data is None or self.export_worker is not None:
            return None
        name = self.tr("{title}-{period}-汇总.xlsx").format(title=self.data["plan"]["title"], period=self.data["period"])
        path = self.chooser.save_file(self.tr("导出汇总表"), name, self.tr("Excel 工作簿 (*.xlsx)"))
        if not path:
            return None
        period = self.data["period"]
        return self._write(self.export_button, self.tr("导出汇总表"), path,
                           lambda job: services.standing.write_summary(job.db, path, period=period))

    def write_reminders(self) -> str | None:
        """Ask for a folder, then write the 催报 notices into it on a worker thread."""
        if self.data is None or self.export_worker is not None:
            return None
        path = self.chooser.open_folder(self.tr("催报通知保存到哪个文件夹"), "")
        if not path:
            return None
        period = self.data["period"]
        return self._write(self.remind_button, self.tr("催报通知"), path,
                           lambda job: services.standing.write_reminders(job.db, path, period=period))

    def write_bulletin(self) -> str | None:
        """Ask where, then write the draft 通报 on a worker thread."""
        if self.data is None or self.export_worker is not None:
            return None
        name = self.tr("{period}通报（草稿）.docx").format(period=self.data["period"])
        path = self.chooser.save_file(self.tr("通报草稿"), name, self.tr("Word 文档 (*.docx)"))
        if not path:
            return None
        period = self.data["period"]
        return self._write(self.bulletin_button, self.tr("通报草稿"), path,
                           lambda job: services.standing.write_bulletin(job.db, path, period=period))

    def write_county_package(self) -> str | None:
        """Ask where, whether the evidence files go along, and the key's passphrase; then sign and write the
        county package for the city on a worker thread."""
        if self.data is None or self.export_worker is not None:
            return None
        name = self.tr("{title}-{period}-县区汇总包.xlsx").format(title=self.data["plan"]["title"],
                                                              period=self.data["period"])
        path = self.chooser.save_file(self.tr("县区汇总包（报送市局）"), name, self.tr("Excel 工作簿 (*.xlsx)"))
        if not path:
            return None
        with_evidence = self.chooser.confirm(
            self.tr("是否附带佐证材料文件"),
            self.tr("汇总包总是登记各校的佐证材料（文件名、大小、SHA-256）。是否把佐证材料文件本身也放进汇总包？"
                    "文件会大很多；市局没有要求时请选“否”。"))
        passphrase = None
        if services.setup.county_info(self.db)["key_protected"]:
            passphrase = self.chooser.passphrase(self.tr("输入密钥口令"), self.tr("签名县区汇总包需要本局密钥的口令："))
            if passphrase is None:
                return None
        period = self.data["period"]
        return self._write(self.county_button, self.tr("县区汇总包"), path,
                           lambda job: services.rollup.county_export(job.db, path, period=period,
                                                                     with_evidence=with_evidence, passphrase=passphrase))

    def _write(self, button: QPushButton, title: str, path: str, fn) -> str:
        """Run ``fn`` off the GUI thread with ``button`` showing it is busy; ``exported(path)`` when done."""
        path = str(path)
        self._idle_text = button.text()
        self._busy_button = button
        for b in (self.export_button, self.remind_button, self.bulletin_button, self.county_button):
            b.setEnabled(False)
        button.setText(self.tr("正在生成…"))
        self.export_worker = (BackgroundOp(self, fn, db_path=self.db_path, title=title)
                              .on_success(lambda _result: self._written(path))
                              .on_failure(self._export_failed)
                              .on_done(self._export_done))
        self.export_worker.run()
        return path

    def _written(self, path: str) -> None:
        self.headline.setText(self.tr("已生成：{path}").format(path=html.escape(path)))
        self.exported.emit(path)

    def _export_failed(self, exc) -> None:
        self.headline.setText(f"<span style='color:#c5221f'>{html.escape(message(exc))}</span>")

    def _export_done(self) -> None:
        self.export_worker = None
        if self._busy_button is not None:
            self._busy_button.setText(self._idle_text)
        self._enable_outputs()

    def shutdown(self) -> None:
        if self._loader is not None:
            self._loader.shutdown(60000)
            self._loader = None
        if self.export_worker is not None:
            self.export_worker.shutdown(60000)
            self.export_worker = None
