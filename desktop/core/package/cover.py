"""The printed 备案表 (DESIGN §11): an A4 PDF of what a verified report package claims, with its QR code.

Nobody needs to open the signed workbook to print its cover (and so nobody is invited to save it).
This module only reads the verified package; it never touches the database. The QR code carries

    TZ1|<kind>|<county>|<school code>|<period>|<revision>|<package code>|<first 16 hex of the file's SHA-256>

so the bureau can scan the stamped paper and find the file it names (``paper-check``).

PDF: reportlab with its built-in Adobe CID font ``STSong-Light`` (Adobe-GB1), which is referenced, not
embedded: the file stays a few kilobytes and every PDF viewer on Chinese Windows (Edge, WPS, Acrobat)
substitutes its own Song typeface. See docs/decisions.md.
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from desktop.core.db.atomic import atomic_target
from desktop.core.errors import TaizhangError
from desktop.core.package.container import VerifiedPackage
from desktop.core.package.reportbook import package_code
from desktop.core.signing import crypto
from desktop.core.words import STATUSES, PackageKind

QR_PREFIX = "TZ1"
FONT = "STSong-Light"
SEAL_MM = 50  # the seal itself is about 40–42 mm across; DESIGN asks for at least 45 mm
QR_MM = 36
PLEDGE = ("本单位承诺：本表所列电子文件由本单位使用台账程序导出，所报内容真实、准确、完整；"
          "报送给教育局的电子文件与本表报送码、文件摘要一致。")


@dataclass(frozen=True)
class CoverFacts:
    """Everything the 备案表 states, taken from the verified manifest and the file itself."""

    kind: str
    county: str
    school_code: str
    school_name: str
    plan_title: str
    plan_version: int
    period: str
    revision: int
    created_at: str
    counts: dict[str, int]
    tasks: int
    evidence_count: int
    evidence_bytes: int
    package_code: str
    fingerprint: str
    file_sha256: str
    file_name: str

    @property
    def qr_text(self) -> str:
        fields = (QR_PREFIX, self.kind, self.county, self.school_code, self.period, str(self.revision),
                  self.package_code, self.file_sha256[:16])
        return "|".join(f.replace("|", "/") for f in fields)


def facts(pkg: VerifiedPackage, file_name: str | None = None) -> CoverFacts:
    """What the 备案表 of a verified report says (a plan or feedback file has no 备案表)."""
    m = pkg.manifest
    if pkg.kind != PackageKind.REPORT:
        raise TaizhangError("备案表只用于学校报送文件", "a cover sheet is printed only for a school report")
    statuses = Counter(e.get("status") for e in m.get("entries", []) if isinstance(e, dict))
    evidence = [e for e in m.get("evidence", []) if isinstance(e, dict)]
    unique = {e.get("sha256"): e.get("size", 0) for e in evidence}
    plan = m.get("plan") or {}
    return CoverFacts(
        kind=str(m["kind"]), county=str(m.get("county", "")), school_code=str(m["school"]["code"]),
        school_name=str(m["school"]["name"]), plan_title=str(plan.get("title", "")),
        plan_version=int(plan.get("version", 0)), period=str(m["period"]), revision=int(m["revision"]),
        created_at=str(m.get("created_at", "")), counts={s: statuses.get(s, 0) for s in STATUSES},
        tasks=sum(statuses.values()), evidence_count=len(evidence),
        evidence_bytes=sum(s for s in unique.values() if isinstance(s, int)),
        package_code=package_code(str(m["package_id"])), fingerprint=pkg.fingerprint,
        file_sha256=pkg.file_sha256, file_name=file_name or (pkg.path.name if pkg.path else ""))


def human_size(n: int) -> str:
    if n < 1024:
        return f"{n} 字节"
    if n < 1 << 20:
        return f"{n / 1024:.1f} KB"
    return f"{n / (1 << 20):.1f} MB"


def _when(iso: str) -> str:
    return iso[:16].replace("T", " ")


def write_cover(f: CoverFacts, target: str | os.PathLike) -> Path:
    """Write the A4 备案表 PDF to ``target`` (temp file, then rename)."""
    with atomic_target(target) as tmp:
        _draw(f, str(tmp))
    return Path(target)


def _draw(f: CoverFacts, path: str) -> None:
    """The page drawn top to bottom. Long on purpose: each block's position follows the one above it, and
    reading the page in one function is reading it as the clerk does."""
    import segno
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen.canvas import Canvas

    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    width, height = A4
    left, right = 20 * mm, width - 20 * mm
    c = Canvas(path, pagesize=A4, pageCompression=1, invariant=1)
    c.setTitle(f"{f.school_name} {f.period} 第{f.revision}次报送 备案表")
    c.setAuthor("台账 Taizhang")
    c.setSubject(f.qr_text)

    y = height - 22 * mm
    c.setFont(FONT, 20)
    c.drawCentredString(width / 2, y, "工作台账报送备案表")
    y -= 8 * mm
    c.setFont(FONT, 11)
    c.drawCentredString(width / 2, y, f"{f.county}　{f.plan_title}（第 {f.plan_version} 版）")

    counts = "，".join(f"{s} {f.counts[s]}" for s in STATUSES)
    fp_groups = crypto.format_fingerprint(f.fingerprint, per_line=8).split("\n")
    rows: list[tuple[str, list[str]]] = [
        ("报送单位", [f"{f.school_name}（代码 {f.school_code}）"]),
        ("填报周期", [f.period]),
        ("报送版次", [f"第 {f.revision} 次报送"]),
        ("导出时间", [_when(f.created_at)]),
        ("任务完成情况", [f"共 {f.tasks} 项：{counts}"]),
        ("佐证材料", [f"{f.evidence_count} 份，共 {human_size(f.evidence_bytes)}"]),
        ("电子文件", [f.file_name or "—"]),
        ("文件摘要 SHA-256", [f.file_sha256[:32], f.file_sha256[32:]]),
        ("学校公钥指纹", fp_groups),
    ]
    y -= 10 * mm
    label_w = 38 * mm
    c.setLineWidth(0.6)
    top = y + 6 * mm
    c.line(left, top, right, top)
    for label, lines in rows:
        h = (6 * len(lines) + 3) * mm
        c.setFont(FONT, 11)
        c.drawString(left + 2 * mm, top - 6 * mm, label)
        mono = label in ("文件摘要 SHA-256", "学校公钥指纹")
        for i, line in enumerate(lines):
            if mono:
                c.setFont("Courier", 10.5)
            c.drawString(left + label_w + 2 * mm, top - (6 + 6 * i) * mm, line)
            c.setFont(FONT, 11)
        top -= h
        c.line(left, top, right, top)
    c.line(left, y + 6 * mm, left, top)
    c.line(left + label_w, y + 6 * mm, left + label_w, top)
    c.line(right, y + 6 * mm, right, top)

    # The package code, large: it is what is read over the phone and typed at the bureau.
    y = top - 14 * mm
    c.setFont(FONT, 12)
    c.drawString(left, y, "报送码")
    c.setFont("Courier-Bold", 26)
    c.drawString(left + 18 * mm, y - 1 * mm, " ".join(f.package_code[i:i + 4] for i in range(0, 8, 4)))

    # The pledge, wrapped to the width of the page.
    y -= 12 * mm
    c.setFont(FONT, 11)
    for line in _wrap(PLEDGE, FONT, 11, right - left, pdfmetrics):
        c.drawString(left, y, line)
        y -= 6.5 * mm

    # Lines to fill in by hand, left; the seal box, right.
    seal = SEAL_MM * mm
    seal_x, seal_top = right - seal, y - 2 * mm
    y -= 10 * mm
    c.setFont(FONT, 12)
    for label in ("填报人（签字）", "联系电话", "单位负责人（签字）", "日期"):
        c.drawString(left, y, f"{label}：")
        x0 = left + pdfmetrics.stringWidth(f"{label}：", FONT, 12) + 1 * mm
        if label == "日期":
            c.drawString(x0 + 2 * mm, y, "          年        月        日")
        c.line(x0, y - 1.5 * mm, seal_x - 8 * mm, y - 1.5 * mm)
        y -= 13 * mm
    c.setDash(3, 2)
    c.rect(seal_x, seal_top - seal, seal, seal)
    c.setDash()
    c.setFont(FONT, 10)
    c.drawCentredString(seal_x + seal / 2, seal_top - seal - 5 * mm, f"单位盖章（框 {SEAL_MM}×{SEAL_MM} 毫米）")

    # The QR code, drawn module by module as vector squares (no image library needed).
    qr = segno.make(f.qr_text, error="m", micro=False, eci=True)  # ECI: readers decode UTF-8 right
    matrix = [list(row) for row in qr.matrix_iter(scale=1, border=4)]
    size = QR_MM * mm
    module = size / len(matrix)
    qx, qy = left, 24 * mm
    c.setFillGray(0)
    for r, row in enumerate(matrix):
        for col, dark in enumerate(row):
            if dark:
                c.rect(qx + col * module, qy + size - (r + 1) * module, module, module, stroke=0, fill=1)
    c.setFont(FONT, 9)
    notes = ["教育局核对：用台账程序扫描此码或输入报送码（taizhang paper-check 报送码），",
             "即可找到与本表对应的电子文件、收到时间及其签名公钥指纹。",
             "本表由台账程序根据已签名的电子文件生成；电子文件请勿用 Excel/WPS 打开后保存。"]
    for i, line in enumerate(notes):
        c.drawString(qx + size + 4 * mm, qy + size - (6 + 5 * i) * mm, line)
    c.setFont(FONT, 7)
    c.drawString(qx + size + 4 * mm, qy + 3 * mm, f.qr_text)
    c.showPage()
    c.save()


def _wrap(text: str, font: str, size: float, width: float, metrics) -> list[str]:
    """Break Chinese text into lines no wider than ``width`` (any character may end a line)."""
    lines, line = [], ""
    for ch in text:
        if metrics.stringWidth(line + ch, font, size) > width:
            lines.append(line)
            line = ch
        else:
            line += ch
    return [*lines, line] if line else lines
