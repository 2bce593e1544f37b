"""The domain vocabulary, in one place.

Every word that is stored in the database or a manifest is a member of one of these enums, and the
member's value is the stored word itself (``Status.DONE == "已完成"``), so the schema and the wire
format do not change. Code elsewhere names the member, never the literal (tests/test_words.py checks).
"""

from __future__ import annotations

from enum import Enum


class Word(str, Enum):
    """A stored word: compares equal to its value and prints as it."""

    def __str__(self) -> str:
        return str(self.value)


class Status(Word):
    """What a school says about one task (entries.status, entries[].status)."""

    NOT_STARTED = "未开始"
    IN_PROGRESS = "进行中"
    DONE = "已完成"
    NOT_APPLICABLE = "不适用"


STATUSES: tuple[Status, ...] = tuple(Status)

NOT_REPORTED = "未报送"  # a school × period with no accepted file: its own state, never a 0 % rate

# fills for the summary matrix and the bureau overview (RGB hex, no '#')
STATUS_COLOURS: dict[str, str] = {
    Status.DONE: "A9D08E", Status.IN_PROGRESS: "FFE699", Status.NOT_STARTED: "F4B084",
    Status.NOT_APPLICABLE: "D9D9D9", NOT_REPORTED: "BDD7EE",
}


class Outcome(Word):
    """What the merge did with one received file (submissions.outcome)."""

    ACCEPTED = "accepted"
    DUPLICATE = "duplicate"
    STALE = "stale"
    REJECTED = "rejected"


class Reason(Word):
    """Why (submissions.reason_code); the GUI and errors.py turn a code into words."""

    SAME_FILE = "same_file"
    SAME_PACKAGE = "same_package"
    INVALID = "invalid"
    OTHER_COUNTY = "other_county"
    UNKNOWN_PLAN = "unknown_plan"
    UNKNOWN_SCHOOL = "unknown_school"
    UNKNOWN_PERIOD = "unknown_period"
    PERIOD_CLOSED = "period_closed"
    UNKNOWN_TASK = "unknown_task"
    OLD_KEY = "old_key"
    KEY_PENDING = "key_pending"
    STALE = "stale"
    CONFLICT = "conflict"
    ZIP_SHAPE = "zip_shape"  # not in the strict zip layout our writer makes
    MANIFEST_STRICT = "manifest_strict"  # signed JSON not in canonical form, or out of bounds
    ACTIVE_CONTENT = "active_content"  # formulas, external links, DDE
    OTHER_LAYOUT = "other_layout"  # written by another version of the sheet layout: ask for a new export
    SHEETS_MISMATCH = "sheets_mismatch"  # the visible sheets are not what the signed data shows
    RESAVED = "resaved"  # opened and saved by a spreadsheet program after export: signature and evidence lost
    KEY_OTHER_SCHOOL = "key_other_school"  # the signing key is already another school's (DESIGN §16)
    ENROLMENT_WRONG = "enrolment_wrong"  # the report's enrolment proof does not match the school's code
    UNCONFIRMED_KEY = "unconfirmed_key"  # accepted, but signed by a first key nobody has confirmed yet
    SET_ASIDE = "set_aside"  # accepted from an unconfirmed key, set aside when the school was confirmed
    NOT_A_FILE = "not_a_file"  # a FIFO, device or other special file in an imported folder
    OUTSIDE_FOLDER = "outside_folder"  # a link in an imported folder that leads out of it
    WRONG_ROLE = "wrong_role"  # a school report given to a city, a county package given to a county


SUSPECTED_COPY = "疑似重复材料"  # the same evidence or narrative from different schools: flagged, never rejected


class CopyKind(Word):
    """What two schools' reports share (records.copies)."""

    EVIDENCE = "evidence"  # the same evidence file (SHA-256)
    NARRATIVE = "narrative"  # the same 完成情况说明 text


class ReviewState(Word):
    """The bureau's decision on a school's task or whole report (reviews.state, feedback items[].state)."""

    UNREVIEWED = "未审核"
    PASSED = "通过"
    RETURNED = "退回修改"


REVIEW_STATES: tuple[ReviewState, ...] = tuple(ReviewState)

# fills for the review column of the matrix and the summary (RGB hex, no '#')
REVIEW_COLOURS: dict[str, str] = {
    ReviewState.UNREVIEWED: "EDEDED", ReviewState.PASSED: "C6EFCE", ReviewState.RETURNED: "FFC7CE",
}


class ReviewWhy(Word):
    """Why a review decision was replaced (review_history.why)."""

    DECISION = "decision"
    CHANGED = "changed"


class KeyStatus(Word):
    """The state of a key in trusted_keys."""

    PINNED = "pinned"
    PENDING = "pending"
    RETIRED = "retired"
    REFUSED = "refused"


class Confirmation(Word):
    """How a pinned key came to be trusted (trusted_keys.confirmation, DESIGN §16)."""

    UNCONFIRMED = "unconfirmed"  # trust on first use only: shown as 未确认, never locks a school out
    ENROLMENT = "enrolment"  # the report proved the school's enrolment code
    PAPER = "paper"  # the stamped 备案表 named this key (paper-check)
    APPROVED = "approved"  # a person at the bureau approved exactly this fingerprint
    COMPARED = "compared"  # school side: the person compared (or gave) the county fingerprint


class OwnerKind(Word):
    """Whose key a trusted_keys row is."""

    COUNTY = "county"
    SCHOOL = "school"


class Role(Word):
    """What this install is (identity.role)."""

    COUNTY = "county"
    SCHOOL = "school"
    CITY = "city"


class PackageKind(Word):
    """manifest.kind of a signed package."""

    PLAN = "plan"
    REPORT = "report"
    FEEDBACK = "feedback"
    COUNTY = "county"


# school types a roster and a task's applicability use (学段)
SCHOOL_TYPES: tuple[str, ...] = ("小学", "初中", "九年一贯制", "完全中学", "高中", "幼儿园", "职业学校", "特殊教育")

# A school of one type also runs the grades of others: a task for 初中 applies to a 完全中学.
COVERS: dict[str, frozenset[str]] = {
    "九年一贯制": frozenset({"小学", "初中"}),
    "完全中学": frozenset({"初中", "高中"}),
    "十二年一贯制": frozenset({"小学", "初中", "高中"}),
    "中学": frozenset({"初中", "高中"}),
    "初级中学": frozenset({"初中"}),
    "高级中学": frozenset({"高中"}),
}

# plan documents the reader takes (converted ones need LibreOffice or pdftotext)
CONVERTED_PLAN_SUFFIXES: tuple[str, ...] = (".doc", ".wps", ".wpt", ".rtf", ".odt", ".pdf")
PLAN_DOCUMENT_SUFFIXES: tuple[str, ...] = (".docx", ".txt", ".text", *CONVERTED_PLAN_SUFFIXES)
# a task table in a workbook is a plan too; a dropped .xlsx is otherwise a school's report
PLAN_SUFFIXES: tuple[str, ...] = (*PLAN_DOCUMENT_SUFFIXES, ".xlsx")


class EvidenceRule(Word):
    """What the bureau asks as evidence for one task (tasks.evidence_rule, plan manifest tasks[].evidence)."""

    REQUIRED = "必需"
    OPTIONAL = "可选"
    NOT_NEEDED = "不需"


EVIDENCE_RULES: tuple[EvidenceRule, ...] = tuple(EvidenceRule)


class PlanChange(Word):
    """What a revised plan did to one task, as the school sees it (plan_changes.kind)."""

    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"
