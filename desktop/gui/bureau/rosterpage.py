"""Roster (学校名单) and reporting periods (填报周期): import, edit in place, add, close."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core import services
from desktop.core.errors import TaizhangError
from desktop.gui.bureau.chooser import Chooser
from desktop.gui.bureau.rostermodels import COL_NAME, COL_TYPE, PeriodsModel, SchoolsModel, TypeDelegate
from desktop.gui.common.datefield import DateField
from desktop.gui.common.errors import message
from desktop.gui.common.tableviews import FIT_ROWS


class RosterPage(QWidget):
    changed = Signal()
    saved = Signal(str)  # a file written for the user (名单模板, 注册码清单): the window says where

    def __init__(self, ws: services.workspaces.CountyWorkspace, chooser: Chooser, parent=None):
        super().__init__(parent)
        self.setObjectName("rosterPage")
        self.ws, self.db, self.chooser = ws, ws.db, chooser
        self.schools = SchoolsModel(lambda code, **f: services.roster.update_school(self.db, code, **f), self)
        self.periods = PeriodsModel(lambda name, **f: services.roster.update_period(self.db, name, **f), self)
        for m in (self.schools, self.periods):
            m.failed.connect(self._error)
            m.edited.connect(self._edited)
        self._build()

    def _build(self) -> None:
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 6, 8, 6)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        lay.addWidget(splitter, 1)

        box = QGroupBox(self.tr("学校名单"))
        bl = QVBoxLayout(box)
        top = QHBoxLayout()
        self.import_button = QPushButton(self.tr("从 Excel 导入学校名单…"))
        self.import_button.setObjectName("importRoster")
        self.import_button.setToolTip(self.tr("表头需要有“学校代码”“学校名称”，可以有“学校类型”“所属乡镇”。已有学校按代码更新。"))
        self.import_button.clicked.connect(self.import_roster)
        top.addWidget(self.import_button)
        self.template_button = QPushButton(self.tr("保存名单模板…"))
        self.template_button.setObjectName("saveRosterTemplate")
        self.template_button.setToolTip(self.tr("一张填好表头和示例的学校名单（Excel），填好后用“从 Excel 导入学校名单”导入"))
        self.template_button.clicked.connect(lambda: self.save_template())
        top.addWidget(self.template_button)
        self.count_label = QLabel()
        top.addWidget(self.count_label)
        top.addStretch(1)
        self.codes_button = QPushButton(self.tr("保存注册码清单…"))
        self.codes_button.setObjectName("saveEnrolmentCodes")
        self.codes_button.setToolTip(self.tr("每校一个注册码，随正式通知发给学校（CSV，可用 Excel/WPS 打开打印）"))
        self.codes_button.clicked.connect(self.save_codes)
        top.addWidget(self.codes_button)
        self.remove_button = QPushButton(self.tr("删除所选学校"))
        self.remove_button.setObjectName("removeSchool")
        self.remove_button.clicked.connect(self.remove_school)
        top.addWidget(self.remove_button)
        bl.addLayout(top)
        self.schools_view = QTableView()
        self.schools_view.setObjectName("schoolsView")
        self.schools_view.setModel(self.schools)
        self.schools_view.setItemDelegateForColumn(COL_TYPE, TypeDelegate(self.schools_view))
        self.schools_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.schools_view.setAlternatingRowColors(True)
        self.schools_view.verticalHeader().setVisible(False)
        self.schools_view.verticalHeader().setDefaultSectionSize(26)
        # the columns fit a bounded sample of the rows: with no bound (or 0) a view on a hidden tab measures
        # every row, a county's thousand schools on the window's first layout and after each import
        self.schools_view.horizontalHeader().setResizeContentsPrecision(FIT_ROWS)
        self.schools_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.schools_view.horizontalHeader().setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        bl.addWidget(self.schools_view, 1)
        add = QHBoxLayout()
        self.new_code = QLineEdit()
        self.new_code.setObjectName("newSchoolCode")
        self.new_code.setPlaceholderText(self.tr("学校代码"))
        self.new_code.setMaximumWidth(110)
        self.new_name = QLineEdit()
        self.new_name.setObjectName("newSchoolName")
        self.new_name.setPlaceholderText(self.tr("学校名称"))
        self.new_type = QComboBox()
        self.new_type.setEditable(True)
        self.new_type.addItems(services.roster.school_types())
        self.new_township = QLineEdit()
        self.new_township.setPlaceholderText(self.tr("所属乡镇"))
        self.new_township.setMaximumWidth(110)
        add_button = QPushButton(self.tr("添加学校"))
        add_button.setObjectName("addSchool")
        add_button.clicked.connect(self.add_school)
        for w in (self.new_code, self.new_name, self.new_type, self.new_township, add_button):
            add.addWidget(w)
        bl.addLayout(add)
        splitter.addWidget(box)

        pbox = QGroupBox(self.tr("填报周期"))
        pl = QVBoxLayout(pbox)
        hint = QLabel(self.tr("学校按周期报送；截止日期之后收到的文件在汇总中标为“逾期”。关闭的周期不再接收文件。"))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5f6368;")
        pl.addWidget(hint)
        self.periods_view = QTableView()
        self.periods_view.setObjectName("periodsView")
        self.periods_view.setModel(self.periods)
        self.periods_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.periods_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.periods_view.verticalHeader().setVisible(False)
        self.periods_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.periods_view.horizontalHeader().setStretchLastSection(True)
        pl.addWidget(self.periods_view, 1)
        buttons = QHBoxLayout()
        self.close_button = QPushButton(self.tr("关闭 / 重新开放"))
        self.close_button.setObjectName("togglePeriod")
        self.close_button.clicked.connect(self.toggle_period)
        self.remove_period_button = QPushButton(self.tr("删除周期"))
        self.remove_period_button.setObjectName("removePeriod")
        self.remove_period_button.clicked.connect(self.remove_period)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.remove_period_button)
        buttons.addStretch(1)
        pl.addLayout(buttons)
        add = QHBoxLayout()
        self.period_name = QLineEdit()
        self.period_name.setObjectName("newPeriodName")
        self.period_name.setMinimumWidth(170)
        self.period_name.setPlaceholderText(self.tr("周期名称，如 2027年上半年"))
        self.period_due = DateField(QDate.currentDate().addMonths(1))
        self.period_due.setObjectName("newPeriodDue")
        self.period_due.edit.returnPressed.connect(self.add_period)
        add_period = QPushButton(self.tr("添加周期"))
        add_period.setObjectName("addPeriod")
        add_period.clicked.connect(self.add_period)
        add.addWidget(self.period_name, 1)
        add.addWidget(QLabel(self.tr("截止：")))
        add.addWidget(self.period_due)
        add.addWidget(add_period)
        pl.addLayout(add)
        splitter.addWidget(pbox)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        self.error = QLabel()
        self.error.setObjectName("rosterError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c5221f;")
        lay.addWidget(self.error)

    def reload(self) -> None:
        rows = services.roster.schools(self.db)
        codes = {c["school"]: c for c in services.intake.enrolment_codes(self.db)} if rows else {}
        for r in rows:
            r["enrolment"], r["enrolled"] = codes[r["code"]]["code"], codes[r["code"]]["used"]
        self.schools.load(rows)
        self.count_label.setText(self.tr("共 {n} 所学校").format(n=len(rows)))
        self.periods.load(services.roster.period_list(self.db))

    # ------------------------------------------------------------------ actions
    def _error(self, exc: BaseException) -> None:
        self.error.setText(message(exc))

    def _edited(self) -> None:
        self.error.clear()
        self.changed.emit()

    def _run(self, fn, *args, **kwargs) -> bool:
        try:
            fn(self.db, *args, **kwargs)
        except TaizhangError as exc:
            self._error(exc)
            return False
        self.error.clear()
        self.reload()
        self.changed.emit()
        return True

    def save_codes(self, path: str | None = None) -> bool:
        path = path or self.chooser.save_file(self.tr("保存注册码清单"), self.tr("学校注册码.csv"), self.tr("CSV 文件 (*.csv)"))
        if not path:
            return False
        try:
            services.intake.write_enrolment_list(self.db, path)
        except TaizhangError as exc:
            self._error(exc)
            return False
        self.error.clear()
        self.saved.emit(path)
        return True

    def save_template(self, path: str | None = None) -> bool:
        path = path or self.chooser.save_file(self.tr("保存学校名单模板"), self.tr("学校名单模板.xlsx"),
                                              self.tr("Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv)"))
        if not path:
            return False
        if not path.lower().endswith((".xlsx", ".csv")):
            path += ".xlsx"
        try:
            services.roster.save_roster_template(path)
        except TaizhangError as exc:
            self._error(exc)
            return False
        self.error.clear()
        self.saved.emit(path)
        return True

    def import_roster(self, path: str | None = None) -> bool:
        path = path or self.chooser.open_file(self.tr("导入学校名单"), "", self.tr("学校名单 (*.xlsx *.csv)"))
        return bool(path) and self._run(services.roster.import_roster, path)

    def add_school(self) -> bool:
        ok = self._run(services.roster.add_school, self.new_code.text(), self.new_name.text(), self.new_type.currentText(),
                       self.new_township.text())
        if ok:
            self.new_code.clear()
            self.new_name.clear()
            self.new_township.clear()
        return ok

    def remove_school(self) -> bool:
        row = self.schools.row_data(self.schools_view.currentIndex().row())
        if row is None:
            self.error.setText(self.tr("请先选择要删除的学校"))
            return False
        if not self.chooser.confirm(self.tr("删除学校"), self.tr("从名单中删除“{name}”？").format(name=row["name"])):
            return False
        return self._run(services.roster.remove_school, row["code"])

    def add_period(self) -> bool:
        try:
            due = self.period_due.day()
        except TaizhangError as exc:
            self.error.setText(message(exc))
            return False
        spec = f"{self.period_name.text().strip()}:{due}"
        ok = self._run(services.roster.add_period, spec)
        if ok:
            self.period_name.clear()
        return ok

    def _period(self) -> dict | None:
        row = self.periods.row_data(self.periods_view.currentIndex().row())
        if row is None:
            self.error.setText(self.tr("请先选择一个填报周期"))
        return row

    def toggle_period(self) -> bool:
        row = self._period()
        return row is not None and self._run(services.roster.update_period, row["name"], closed=not row["closed"])

    def remove_period(self) -> bool:
        row = self._period()
        if row is None or not self.chooser.confirm(self.tr("删除周期"), self.tr("删除填报周期“{name}”？").format(name=row["name"])):
            return False
        return self._run(services.roster.remove_period, row["name"])
