<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AppController</name>
    <message>
        <location filename="../../desktop/gui/app.py" line="71"/>
        <source>这个数据文件还没有初始化：{path}</source>
        <translation>This database has not been set up yet: {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/app.py" line="91"/>
        <source>正在把数据文件升级到新版本：只在第一次用新版本打开时进行一次。
文件较大时需要几分钟，请不要关闭程序。</source>
        <translation>Upgrading the data file to the new version: this happens once, the first time the new version opens it.
A large file takes a few minutes; please do not close the program.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/app.py" line="94"/>
        <location filename="../../desktop/gui/app.py" line="100"/>
        <source>升级数据文件</source>
        <translation>Upgrade the data file</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/app.py" line="111"/>
        <source>升级数据文件失败：{error}</source>
        <translation>The data file could not be upgraded: {error}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/app.py" line="119"/>
        <source>这是教育局的数据文件，但本程序中的教育局端尚未完成。</source>
        <translation>This is a bureau database, but the bureau side of this program is not available yet.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/app.py" line="162"/>
        <source>本程序中的教育局端尚未完成。</source>
        <translation>The bureau side of this program is not available yet.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/app.py" line="176"/>
        <source>打开数据文件</source>
        <translation>Open database</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/app.py" line="177"/>
        <source>台账数据文件 (*.db)</source>
        <translation>Taizhang database (*.db)</translation>
    </message>
</context>
<context>
    <name>CarriedBox</name>
    <message>
        <location filename="../../desktop/gui/school/carried.py" line="59"/>
        <source>确认沿用</source>
        <translation>Confirm carried</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/carried.py" line="61"/>
        <source>上期的填报本期仍然属实：确认后导出时不再提示</source>
        <translation>Last period&apos;s answer still holds this period: once confirmed, the export no longer warns</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/carried.py" line="63"/>
        <source>本部分全部确认沿用</source>
        <translation>Confirm the whole section</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/carried.py" line="65"/>
        <source>确认本部分所有沿用上期、尚未确认的任务</source>
        <translation>Confirm every task of this section carried from the last period and not yet confirmed</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/carried.py" line="99"/>
        <source>沿用上期（{period}）· 已确认</source>
        <translation>Carried from last period ({period}) · confirmed</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/carried.py" line="101"/>
        <source>沿用上期（{period}）· 请确认仍然属实，或直接修改</source>
        <translation>Carried from last period ({period}) · confirm it still holds, or edit it</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/carried.py" line="104"/>
        <source>本期已填写（上期：{period}）</source>
        <translation>Answered this period (last period: {period})</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/carried.py" line="111"/>
        <source>撤销确认</source>
        <translation>Undo confirm</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/carried.py" line="112"/>
        <source>改回“沿用上期、未确认”，导出时会再提示</source>
        <translation>Back to &quot;carried, not confirmed&quot;; the export will remind you again</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/carried.py" line="114"/>
        <source>改回上期内容</source>
        <translation>Back to last period&apos;s answer</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/carried.py" line="115"/>
        <source>用上期的填报（状态、说明、完成值、佐证材料）替换本期对这项任务的填写</source>
        <translation>Replace this period&apos;s answer to the task with last period&apos;s (status, texts, achieved values, evidence)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/carried.py" line="118"/>
        <source>上期：{status} {progress}%</source>
        <translation>Last period: {status} {progress}%</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/carried.py" line="120"/>
        <source>；{narrative}</source>
        <translation>; {narrative}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/carried.py" line="122"/>
        <source>；完成值 {values}</source>
        <translation>; achieved {values}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/carried.py" line="124"/>
        <source>；佐证 {n} 份</source>
        <translation>; {n} evidence file(s)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/carried.py" line="133"/>
        <source>上期（{period}）：{value}</source>
        <translation>Last period ({period}): {value}</translation>
    </message>
</context>
<context>
    <name>CoverPrinter</name>
    <message>
        <location filename="../../desktop/gui/school/exportlog.py" line="84"/>
        <source>保存备案表（PDF）</source>
        <translation>Save the cover sheet (PDF)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/exportlog.py" line="85"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/exportlog.py" line="94"/>
        <source>打印备案表失败</source>
        <translation>Printing the cover sheet failed</translation>
    </message>
</context>
<context>
    <name>CrashReporter</name>
    <message>
        <location filename="../../desktop/gui/common/crashes.py" line="75"/>
        <source>台账 — 出现意外错误</source>
        <translation>Taizhang — unexpected error</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/common/crashes.py" line="76"/>
        <source>程序出现了意外错误，刚才的操作可能没有完成。</source>
        <translation>Something unexpected went wrong; what you just did may not have finished.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/common/crashes.py" line="78"/>
        <source>已保存的数据不会丢失。请先关闭本窗口，再重试刚才的操作；如果仍然出错，请重新启动程序。
若要求助，请把日志文件发给技术支持：
{path}</source>
        <translation>Data already saved is not lost. Close this message and try again; if it happens again, restart the program.
To ask for help, send this log file to your support contact:
{path}</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../desktop/gui/school/dashboard.py" line="125"/>
        <source>按状态（点击查看这些任务）</source>
        <translation>By status (click to list those tasks)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/dashboard.py" line="135"/>
        <source>需要留意</source>
        <translation>Needs attention</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/dashboard.py" line="137"/>
        <source>已超期未完成</source>
        <translation>Past deadline, not done</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/dashboard.py" line="138"/>
        <source>已完成但缺佐证材料</source>
        <translation>Done but no evidence</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/dashboard.py" line="139"/>
        <source>有提醒的任务</source>
        <translation>Tasks with warnings</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/dashboard.py" line="140"/>
        <source>教育局退回修改</source>
        <translation>Sent back by the bureau</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/dashboard.py" line="160"/>
        <source>{school} · {period} 完成情况</source>
        <translation>{school} · {period} progress</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/dashboard.py" line="163"/>
        <source>本校 {tasks} 项任务中，已完成 {done} 项（不适用的 {na} 项不计入）</source>
        <translation>{done} of this school&apos;s {tasks} tasks are done ({na} not applicable, not counted)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/dashboard.py" line="174"/>
        <source>本周期已导出 {n} 次报送文件，最近一次：第 {rev} 次，{at}（{file}）</source>
        <translation>Reports exported for this period: {n}; latest: revision {rev}, {at} ({file})</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/dashboard.py" line="178"/>
        <source>本周期还没有导出过报送文件。</source>
        <translation>No report has been exported for this period yet.</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <location filename="../../desktop/gui/common/datefield.py" line="35"/>
        <source>如 2026-07-10</source>
        <translation>e.g. 2026-07-10</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/common/datefield.py" line="36"/>
        <source>可直接输入 2026-07-10、2026/7/10 或 2026年7月10日，也可点右边的按钮选择</source>
        <translation>Type 2026-07-10, 2026/7/10 or 2026年7月10日, or pick it with the button on the right</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/common/datefield.py" line="49"/>
        <source>在日历中选择</source>
        <translation>Pick from the calendar</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../desktop/gui/common/errors.py" line="19"/>
        <source>出错了</source>
        <translation>Something went wrong</translation>
    </message>
</context>
<context>
    <name>EvidenceModel</name>
    <message>
        <location filename="../../desktop/gui/school/evidencemodel.py" line="51"/>
        <source>{name}
{size}，添加于 {added}
SHA-256：{sha}</source>
        <translation>{name}
{size}, added {added}
SHA-256: {sha}</translation>
    </message>
</context>
<context>
    <name>EvidenceView</name>
    <message>
        <location filename="../../desktop/gui/school/detail.py" line="90"/>
        <source>把照片或文件拖到这里</source>
        <translation>Drop photos or files here</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../desktop/gui/school/export.py" line="61"/>
        <source>备案表已保存并打开：{file}。打印后由负责人签字、加盖公章，交教育局。</source>
        <translation>Cover sheet saved and opened: {file}. Print it, have it signed and stamped, and hand it to the bureau.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/export.py" line="63"/>
        <source>没有生成备案表：{reason}</source>
        <translation>No cover sheet was written: {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/export.py" line="64"/>
        <source>导出报送文件</source>
        <translation>Export report</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/export.py" line="80"/>
        <source>导出前检查</source>
        <translation>Check before export</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/export.py" line="105"/>
        <source>我已看过以上提醒，仍然导出</source>
        <translation>I have read these warnings; export anyway</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/export.py" line="108"/>
        <source>检查通过：没有发现问题。</source>
        <translation>Check passed: no problems found.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/export.py" line="116"/>
        <source>保存到：</source>
        <translation>Save to:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/export.py" line="121"/>
        <source>选择位置…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/export.py" line="126"/>
        <source>私钥口令：</source>
        <translation>Key passphrase:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/export.py" line="145"/>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/export.py" line="149"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/export.py" line="161"/>
        <source>学校：{school}（{code}）
填报周期：{period}&#x3000;本次为第 {rev} 次报送
共 {tasks} 项任务，佐证材料 {files} 份</source>
        <translation>School: {school} ({code})
Period: {period} — this will be revision {rev}
{tasks} tasks, {files} evidence files</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/export.py" line="167"/>
        <source>必须先改正以下 {n} 个问题才能导出（双击可转到该任务）：</source>
        <translation>Fix these {n} problem(s) before exporting (double-click to go to the task):</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/export.py" line="168"/>
        <source>请确认以下 {n} 条提醒（可以导出）：</source>
        <translation>Please review these {n} warning(s) (export is allowed):</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/export.py" line="207"/>
        <source>保存报送文件</source>
        <translation>Save report</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/export.py" line="207"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/export.py" line="223"/>
        <source>文件夹不存在：{folder}</source>
        <translation>The folder does not exist: {folder}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/export.py" line="234"/>
        <source>正在写入并签名……</source>
        <translation>Writing and signing…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/export.py" line="245"/>
        <source>导出失败</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/export.py" line="260"/>
        <source>正在写入佐证材料 {done}/{total}……</source>
        <translation>Writing evidence {done}/{total}…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/export.py" line="267"/>
        <source>{period}，第 {rev} 次报送（共 {n} 项任务，佐证材料 {files} 份）</source>
        <translation>{period}, revision {rev} ({n} tasks, {files} evidence files)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/export.py" line="278"/>
        <source>已取消导出，没有写入任何文件。</source>
        <translation>Export cancelled; no file was written.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/export.py" line="280"/>
        <source>导出失败：{reason}</source>
        <translation>Export failed: {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/export.py" line="289"/>
        <source>正在取消……</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/export.py" line="305"/>
        <source>报送文件已导出并签名</source>
        <translation>The report has been exported and signed</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/export.py" line="332"/>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/export.py" line="332"/>
        <source>报送</source>
        <translation>Report</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/export.py" line="333"/>
        <source>报送码</source>
        <translation>Package code</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/export.py" line="333"/>
        <source>学校公钥指纹</source>
        <translation>School key fingerprint</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/export.py" line="335"/>
        <source>：</source>
        <translation>:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/export.py" line="340"/>
        <source>请把这个文件交给教育局（U 盘、邮件或工作群均可），不要用 Excel/WPS 修改后再保存，否则签名失效。需要纸质备案表时点“打印备案表”：报送码、指纹和二维码都印在上面，签字盖章后交教育局。如需更正，改好后再导出一次，版次自动加一。以后也可以在“文件 → 导出记录”里再打印。</source>
        <translation>Hand this file to the bureau (USB stick, e-mail or work chat). Do not edit and save it in Excel/WPS: that breaks the signature. For the paper record click &quot;Print cover sheet&quot;: the package code, fingerprint and QR code are on it; sign, stamp and hand it in. To correct something, edit and export again; the revision goes up by one. You can print it again later from File → Export history.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/export.py" line="352"/>
        <source>打印备案表…</source>
        <translation>Print cover sheet…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/export.py" line="354"/>
        <source>生成 A4 备案表（PDF，带二维码），打印后签字盖章交教育局</source>
        <translation>Writes the A4 cover sheet (PDF with a QR code) to print, sign, stamp and hand to the bureau</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/export.py" line="373"/>
        <source>正在生成备案表……</source>
        <translation>Writing the cover sheet…</translation>
    </message>
    <message>
        <source>请把这个文件交给教育局（U 盘、邮件或工作群均可），不要用 Excel/WPS 修改后再保存，否则签名失效。报送码和指纹印在文件的“封面”上，可打印封面签字盖章。如需更正，改好后再导出一次，版次自动加一。</source>
        <translation type="vanished">Give this file to the bureau (USB stick, e-mail or chat group). Do not edit and save it in Excel/WPS: that breaks the signature. The package code and the fingerprint are printed on the cover sheet, which can be printed, signed and stamped. To correct something, change it here and export again: the revision goes up by one.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/export.py" line="357"/>
        <source>打开所在文件夹</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/export.py" line="360"/>
        <source>完成</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>ExportLogDialog</name>
    <message>
        <location filename="../../desktop/gui/school/exportlog.py" line="121"/>
        <source>导出记录</source>
        <translation>Export history</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/exportlog.py" line="125"/>
        <source>本校导出过的每一份报送文件。选中一行，可以再打印它的备案表，或把签名原件另存一份（与当初导出的文件一字不差，报送码和校验值相同）。</source>
        <translation>Every report file this school exported. Select a row to print its cover sheet again, or to save another copy of the signed original (byte for byte the file exported then, same package code and checksum).</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/exportlog.py" line="131"/>
        <source>导出时间</source>
        <translation>Exported</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/exportlog.py" line="131"/>
        <source>填报周期</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/exportlog.py" line="131"/>
        <source>版次</source>
        <translation>Revision</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/exportlog.py" line="132"/>
        <source>报送码</source>
        <translation>Package code</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/exportlog.py" line="132"/>
        <source>文件名</source>
        <translation>File name</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/exportlog.py" line="132"/>
        <source>原件</source>
        <translation>Original</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/exportlog.py" line="143"/>
        <source>还没有导出过报送文件。</source>
        <translation>No report has been exported yet.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/exportlog.py" line="153"/>
        <source>打印备案表…</source>
        <translation>Print cover sheet…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/exportlog.py" line="156"/>
        <source>另存原件…</source>
        <translation>Save original again…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/exportlog.py" line="159"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/exportlog.py" line="168"/>
        <source>备案表已保存：{file}</source>
        <translation>Cover sheet saved: {file}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/exportlog.py" line="175"/>
        <source>已保存（{size}）</source>
        <translation>Kept ({size})</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/exportlog.py" line="176"/>
        <source>未保存（本版本之前导出）</source>
        <translation>Not kept (exported by an earlier version)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/exportlog.py" line="197"/>
        <source>这次导出的原件没有保存在本机（由较早的版本导出），请用当初导出的文件。</source>
        <translation>The original of this export is not kept on this PC (an earlier version exported it); use the file exported then.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/exportlog.py" line="203"/>
        <source>正在生成备案表……</source>
        <translation>Writing the cover sheet…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/exportlog.py" line="210"/>
        <source>另存报送文件原件</source>
        <translation>Save the signed original again</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/exportlog.py" line="211"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/exportlog.py" line="221"/>
        <source>正在保存……</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/exportlog.py" line="222"/>
        <source>另存原件失败</source>
        <translation>Saving the original failed</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/exportlog.py" line="224"/>
        <source>已另存：{file}（报送码 {code}）</source>
        <translation>Saved: {file} (package code {code})</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/exportlog.py" line="231"/>
        <source>没有完成：{reason}</source>
        <translation>Not done: {reason}</translation>
    </message>
</context>
<context>
    <name>FingerprintPage</name>
    <message>
        <location filename="../../desktop/gui/school/wizard.py" line="102"/>
        <source>核对教育局的公钥指纹</source>
        <translation>Compare the bureau&apos;s key fingerprint</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/wizard.py" line="103"/>
        <source>签名有效。请把下面的指纹与教育局通知（文件或工作群消息）中的指纹逐组比对，全部一致再继续。</source>
        <translation>The signature is valid. Compare the fingerprint below, group by group, with the one in the bureau&apos;s notice; continue only if every group matches.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/wizard.py" line="137"/>
        <source>我已逐组核对，指纹与教育局通知中的完全一致</source>
        <translation>I compared every group: the fingerprint matches the bureau&apos;s notice</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/wizard.py" line="141"/>
        <source>如果有任何一组不一致，请不要继续，立即与教育局联系：文件可能不是教育局发出的。</source>
        <translation>If any group differs, stop and contact the bureau: the file may not come from them.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/wizard.py" line="149"/>
        <source>发布单位：{county}
任务清单：{title}（第 {version} 版，{tasks} 项任务，{schools} 所学校）</source>
        <translation>Published by: {county}
Plan: {title} (version {version}, {tasks} tasks, {schools} schools)</translation>
    </message>
</context>
<context>
    <name>KeyPage</name>
    <message>
        <location filename="../../desktop/gui/school/wizard.py" line="265"/>
        <source>创建本校密钥并保存数据</source>
        <translation>Create the school key and save the data</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/wizard.py" line="266"/>
        <source>程序会为本校生成一把签名密钥，导出的报送文件都用它签名。</source>
        <translation>A signing key is created for your school; every exported report is signed with it.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/wizard.py" line="274"/>
        <source>可不填</source>
        <translation>optional</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/wizard.py" line="278"/>
        <source>密钥口令（可选）：</source>
        <translation>Key passphrase (optional):</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/wizard.py" line="280"/>
        <source>再输入一次：</source>
        <translation>Repeat passphrase:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/wizard.py" line="286"/>
        <source>设置口令后，每次导出报送文件都要输入它。口令忘记后无法找回，只能重新初始化（需教育局重新登记本校密钥）。多人共用的电脑建议设置。</source>
        <translation>With a passphrase, it is asked for at every export. A forgotten passphrase cannot be recovered: the school must start again and the bureau must register the new key. Recommended on shared computers.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/wizard.py" line="291"/>
        <source>数据文件：</source>
        <translation>Database file:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/wizard.py" line="295"/>
        <source>更改…</source>
        <translation>Change…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/wizard.py" line="300"/>
        <source>全部填报内容和佐证材料都保存在这一个文件里。备份请用“文件 → 备份数据文件”，或关闭程序后再复制它。</source>
        <translation>Everything you record, evidence included, is kept in this one file. To back it up use File → Back up data file, or close the program before copying it.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/wizard.py" line="329"/>
        <source>两次输入的口令不一致。</source>
        <translation>The two passphrases differ.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/wizard.py" line="334"/>
        <source>这个位置已经有一个数据文件，请换一个文件名。</source>
        <translation>A database already exists there; choose another file name.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/wizard.py" line="344"/>
        <source>未能创建数据文件：{reason}</source>
        <translation>Could not create the database: {reason}</translation>
    </message>
</context>
<context>
    <name>OpenPlanPage</name>
    <message>
        <location filename="../../desktop/gui/school/wizard.py" line="52"/>
        <source>打开教育局下发的任务清单</source>
        <translation>Open the plan workbook from the bureau</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/wizard.py" line="53"/>
        <source>教育局会通过 U 盘、邮件或工作群发来一个 Excel 文件（任务清单）。请选择这个文件。</source>
        <translation>The bureau sends an Excel file (the plan workbook) by USB stick, e-mail or chat group. Choose that file.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/wizard.py" line="58"/>
        <source>任务清单文件（.xlsx）</source>
        <translation>Plan workbook (.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/wizard.py" line="60"/>
        <source>选择文件…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/wizard.py" line="66"/>
        <source>程序会核对文件的数字签名：文件在发出后被改动过（例如用 Excel/WPS 打开后保存）将无法打开，请向教育局重新索取。</source>
        <translation>The digital signature is checked: a file changed after it was sent (for example opened and saved in Excel/WPS) is refused; ask the bureau for a new copy.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/wizard.py" line="87"/>
        <source>无法打开这个任务清单：{reason}</source>
        <translation>Cannot open this plan workbook: {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/wizard.py" line="91"/>
        <source>无法打开这个任务清单：文件已损坏，请向教育局重新索取。</source>
        <translation>Cannot open this plan workbook: the file is damaged; ask the bureau for a new copy.</translation>
    </message>
</context>
<context>
    <name>PlanChangeBox</name>
    <message>
        <location filename="../../desktop/gui/school/carried.py" line="152"/>
        <source>知道了</source>
        <translation>Seen</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/carried.py" line="165"/>
        <source>任务</source>
        <translation>Task</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/carried.py" line="165"/>
        <source>具体内容</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/carried.py" line="165"/>
        <source>完成时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/carried.py" line="167"/>
        <source>任务清单第 {v} 版新增了本任务。</source>
        <translation>Version {v} of the plan added this task.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/carried.py" line="169"/>
        <source>任务清单第 {v} 版修改了本任务：</source>
        <translation>Version {v} of the plan changed this task:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/carried.py" line="170"/>
        <source>{field}：原为“{old}”，现为“{new}”</source>
        <translation>{field}: was &quot;{old}&quot;, now &quot;{new}&quot;</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/carried.py" line="175"/>
        <source>佐证要求：现为“{rule}”</source>
        <translation>Evidence: now &quot;{rule}&quot;</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/carried.py" line="177"/>
        <source>量化指标有调整，请看下面的指标</source>
        <translation>The targets changed: see the targets below</translation>
    </message>
</context>
<context>
    <name>PlanChangesDialog</name>
    <message>
        <location filename="../../desktop/gui/school/planchanges.py" line="29"/>
        <source>任务清单变化</source>
        <translation>Plan changes</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/planchanges.py" line="38"/>
        <source>变化</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/planchanges.py" line="38"/>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/planchanges.py" line="38"/>
        <location filename="../../desktop/gui/school/planchanges.py" line="106"/>
        <source>任务</source>
        <translation>Task</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/planchanges.py" line="38"/>
        <source>原内容</source>
        <translation>Old text</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/planchanges.py" line="38"/>
        <source>新内容</source>
        <translation>New text</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/planchanges.py" line="39"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/planchanges.py" line="51"/>
        <source>选中一行，在这里看原内容和新内容的全文</source>
        <translation>Select a row to see the old and the new text in full here</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/planchanges.py" line="55"/>
        <source>全部标为已看</source>
        <translation>Mark all as seen</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/planchanges.py" line="65"/>
        <source>新增</source>
        <translation>Added</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/planchanges.py" line="65"/>
        <source>删除</source>
        <translation>Removed</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/planchanges.py" line="65"/>
        <source>修改</source>
        <translation>Changed</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/planchanges.py" line="72"/>
        <source>第 {v} 版 {kind}</source>
        <translation>v{v} {kind}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/planchanges.py" line="76"/>
        <source>已看</source>
        <translation>Seen</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/planchanges.py" line="76"/>
        <source>未看</source>
        <translation>Not seen</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/planchanges.py" line="87"/>
        <source>存档：{period}</source>
        <translation>Archived: {period}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/planchanges.py" line="88"/>
        <source>{status} {progress}%</source>
        <translation>{status} {progress}%</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/planchanges.py" line="95"/>
        <source>新增 {a} 项，删除 {r} 项（本校的填报记录已存档，没有删除），修改 {c} 项。加粗的是还没有看过的变化。</source>
        <translation>{a} added, {r} removed (this school&apos;s entries are archived, not deleted), {c} changed. Changes in bold are not seen yet.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/planchanges.py" line="99"/>
        <source>任务清单还没有修订过。</source>
        <translation>The plan has not been revised.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/planchanges.py" line="106"/>
        <source>具体内容</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/planchanges.py" line="106"/>
        <source>完成时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/planchanges.py" line="107"/>
        <source>佐证要求</source>
        <translation>Evidence rule</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/planchanges.py" line="112"/>
        <source>原{name}：{value}</source>
        <translation>Old {name}: {value}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/planchanges.py" line="114"/>
        <source>新{name}：{value}</source>
        <translation>New {name}: {value}</translation>
    </message>
</context>
<context>
    <name>ReuseDialog</name>
    <message>
        <location filename="../../desktop/gui/school/reuse.py" line="27"/>
        <source>从已有材料中选择</source>
        <translation>Choose from stored files</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/reuse.py" line="31"/>
        <source>同一份材料可以同时作为几项任务的佐证，只保存一份、只报送一次。</source>
        <translation>One file can back several tasks: it is stored once and sent once.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/reuse.py" line="38"/>
        <source>文件名</source>
        <translation>File name</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/reuse.py" line="38"/>
        <source>大小</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/reuse.py" line="38"/>
        <source>已用于</source>
        <translation>Used for</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/reuse.py" line="49"/>
        <source>本校还没有其他可选的材料。</source>
        <translation>This school has no other stored files to choose from.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/reuse.py" line="54"/>
        <source>用作本任务的佐证</source>
        <translation>Use for this task</translation>
    </message>
</context>
<context>
    <name>RosterModel</name>
    <message>
        <location filename="../../desktop/gui/school/rostermodel.py" line="33"/>
        <source>学校名称</source>
        <translation>School</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/rostermodel.py" line="33"/>
        <source>学校代码</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/rostermodel.py" line="33"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/rostermodel.py" line="33"/>
        <source>乡镇</source>
        <translation>Township</translation>
    </message>
</context>
<context>
    <name>SchoolPage</name>
    <message>
        <location filename="../../desktop/gui/school/wizard.py" line="161"/>
        <source>选择本校</source>
        <translation>Choose your school</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/wizard.py" line="162"/>
        <source>在教育局的学校名单中找到本校。可以输入学校名称或代码的一部分来查找。</source>
        <translation>Find your school in the bureau&apos;s roster. Type part of its name or code to search.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/wizard.py" line="166"/>
        <source>输入学校名称或代码查找，例如：第一小学</source>
        <translation>Search by name or code</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/wizard.py" line="195"/>
        <source>本校注册码：</source>
        <translation>Enrolment code:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/wizard.py" line="198"/>
        <source>教育局通知中本校的 8 位注册码，例如 ACDE-FGHJ（没有可不填）</source>
        <translation>The 8-character code for your school from the bureau&apos;s notice, e.g. ACDE-FGHJ (optional)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/wizard.py" line="203"/>
        <source>注册码证明报送文件确实来自本校，教育局收到后立即确认本校密钥。不填也能报送，但首次报送会标为“未确认”，需另行确认。请确认上面选中的学校正是本校：注册码只对本校有效。</source>
        <translation>The enrolment code proves that the report files come from your school; the bureau confirms your school&apos;s key as soon as it arrives. Without it you can still report, but the first report is marked “unconfirmed” until confirmed another way. Make sure the school selected above is yours: the code works only for your school.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/wizard.py" line="244"/>
        <source>已选择：{name}（{code}，{type}）</source>
        <translation>Selected: {name} ({code}, {type})</translation>
    </message>
</context>
<context>
    <name>SchoolSetupWizard</name>
    <message>
        <location filename="../../desktop/gui/school/wizard.py" line="369"/>
        <source>台账 · 学校端初次设置</source>
        <translation>Taizhang · school setup</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/wizard.py" line="373"/>
        <source>下一步 &gt;</source>
        <translation>Next &gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/wizard.py" line="374"/>
        <source>&lt; 上一步</source>
        <translation>&lt; Back</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/wizard.py" line="375"/>
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/wizard.py" line="376"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/wizard.py" line="386"/>
        <source>打开任务清单</source>
        <translation>Open plan workbook</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/wizard.py" line="387"/>
        <source>任务清单 (*.xlsx)</source>
        <translation>Plan workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/wizard.py" line="391"/>
        <source>数据文件保存位置</source>
        <translation>Where to keep the database</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/wizard.py" line="392"/>
        <source>台账数据文件 (*.db)</source>
        <translation>Taizhang database (*.db)</translation>
    </message>
</context>
<context>
    <name>SchoolWindow</name>
    <message>
        <location filename="../../desktop/gui/school/window.py" line="77"/>
        <source>台账 · {school} · {plan}</source>
        <translation>Taizhang · {school} · {plan}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/window.py" line="88"/>
        <source>{school}（{code}）· 所有修改都会自动保存</source>
        <translation>{school} ({code}) · every change is saved automatically</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/window.py" line="101"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/window.py" line="102"/>
        <source>导出报送文件(&amp;E)…</source>
        <translation>&amp;Export report…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/window.py" line="107"/>
        <source>导出记录（再打印备案表）(&amp;H)…</source>
        <translation>Export &amp;history (print cover sheets again)…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/window.py" line="109"/>
        <source>导出记录</source>
        <translation>Export history</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/window.py" line="110"/>
        <source>导出过的报送文件：再打印备案表，或另存签名原件</source>
        <translation>Exported report files: print a cover sheet again, or save the signed original again</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/window.py" line="113"/>
        <source>载入新版任务清单(&amp;U)…</source>
        <translation>Load &amp;updated plan…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/window.py" line="116"/>
        <source>任务清单变化(&amp;C)…</source>
        <translation>Plan &amp;changes…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/window.py" line="120"/>
        <source>载入审核意见(&amp;R)…</source>
        <translation>Load &amp;review feedback…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/window.py" line="122"/>
        <source>载入教育局发回的审核意见文件，退回修改的任务会在列表中标出</source>
        <translation>Load the feedback file from the bureau; tasks sent back are marked in the list</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/window.py" line="125"/>
        <source>备份数据文件(&amp;B)…</source>
        <translation>&amp;Back up database…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/window.py" line="129"/>
        <source>退出(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/window.py" line="134"/>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/window.py" line="135"/>
        <source>撤销(&amp;U)</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/window.py" line="139"/>
        <source>重做(&amp;R)</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/window.py" line="143"/>
        <source>查找任务(&amp;F)</source>
        <translation>&amp;Find task</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/window.py" line="149"/>
        <source>查看(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/window.py" line="150"/>
        <location filename="../../desktop/gui/school/window.py" line="276"/>
        <source>任务详情</source>
        <translation>Task</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/window.py" line="153"/>
        <location filename="../../desktop/gui/school/window.py" line="277"/>
        <source>总体情况</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/window.py" line="156"/>
        <location filename="../../desktop/gui/school/window.py" line="248"/>
        <source>任务列表</source>
        <translation>Task list</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/window.py" line="162"/>
        <source>语言(&amp;L)</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/window.py" line="166"/>
        <source>工具栏</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/window.py" line="171"/>
        <source>填报周期：</source>
        <translation>Period:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/window.py" line="177"/>
        <source>（{due} 截止）</source>
        <translation> (due {due})</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/window.py" line="198"/>
        <source>搜索任务（名称、内容、责任单位）</source>
        <translation>Search tasks (title, text, responsible units)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/window.py" line="206"/>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/window.py" line="209"/>
        <source>未完成（未开始+进行中）</source>
        <translation>Open (not started + in progress)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/window.py" line="211"/>
        <source>只看本校任务</source>
        <translation>My school&apos;s tasks only</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/window.py" line="214"/>
        <source>只列出适用于本校类型（{type}）的任务</source>
        <translation>Only tasks that apply to this school type ({type})</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/window.py" line="220"/>
        <source>已超期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/window.py" line="222"/>
        <source>缺佐证</source>
        <translation>No evidence</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/window.py" line="224"/>
        <source>已完成但没有佐证材料的任务</source>
        <translation>Done tasks without evidence</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/window.py" line="225"/>
        <source>有提醒</source>
        <translation>With warnings</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/window.py" line="227"/>
        <source>退回修改</source>
        <translation>Sent back</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/window.py" line="229"/>
        <source>教育局审核后退回修改的任务</source>
        <translation>Tasks the bureau sent back for correction</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/window.py" line="234"/>
        <source>清除筛选</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/window.py" line="306"/>
        <source>显示 {shown} 项任务（本校共 {total} 项）</source>
        <translation>Showing {shown} tasks (school total {total})</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/window.py" line="311"/>
        <source>已自动保存 {time}</source>
        <translation>Saved automatically {time}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/window.py" line="446"/>
        <source>载入新版任务清单</source>
        <translation>Load updated plan</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/window.py" line="447"/>
        <source>任务清单 (*.xlsx)</source>
        <translation>Plan workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/window.py" line="473"/>
        <source>已载入任务清单第 {version} 版</source>
        <translation>Plan version {version} loaded</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/window.py" line="486"/>
        <source>这是另一份任务清单</source>
        <translation>This is another plan</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/window.py" line="487"/>
        <source>选中的文件是《{new}》（第 {nv} 版），不是当前《{cur}》（第 {cv} 版）的更新。

如果是去年的清单，请不要切换。确定要改用这份新清单吗？</source>
        <translation>The selected file is “{new}” (version {nv}), not an update of the current “{cur}” (version {cv}).

If it is last year&apos;s plan, do not switch. Switch to this plan?</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/window.py" line="494"/>
        <source>载入审核意见</source>
        <translation>Load review feedback</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/window.py" line="495"/>
        <source>审核意见 (*.xlsx)</source>
        <translation>Review feedback (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/window.py" line="519"/>
        <source>已载入审核意见：退回修改 {n} 项，通过 {p} 项</source>
        <translation>Feedback loaded: {n} task(s) sent back, {p} passed</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/window.py" line="524"/>
        <source>备份数据文件</source>
        <translation>Back up database</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/window.py" line="525"/>
        <source>台账数据文件 (*.db)</source>
        <translation>Taizhang database (*.db)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/window.py" line="534"/>
        <source>已备份到 {path}</source>
        <translation>Backed up to {path}</translation>
    </message>
    <message>
        <source>语言</source>
        <translation type="vanished">Language</translation>
    </message>
    <message>
        <source>界面语言将在下次启动程序时切换。</source>
        <translation type="vanished">The language changes the next time Taizhang starts.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/window.py" line="539"/>
        <source>正在导出，请稍候……</source>
        <translation>Exporting, please wait…</translation>
    </message>
</context>
<context>
    <name>StartScreen</name>
    <message>
        <location filename="../../desktop/gui/common/start.py" line="32"/>
        <source>台账 Taizhang</source>
        <translation>Taizhang</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/common/start.py" line="38"/>
        <source>台账：县教育局工作要点台账</source>
        <translation>Taizhang: the county education plan ledger</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/common/start.py" line="43"/>
        <source>教育局把年度工作要点发给学校，学校逐项填写完成情况并上传佐证材料，导出签名文件报送教育局汇总。全部在本机完成，不需要联网。</source>
        <translation>The bureau sends its yearly plan to the schools; each school records what it has done, attaches evidence, and exports a signed file the bureau merges. Everything runs on this computer, offline.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/common/start.py" line="48"/>
        <source>我是学校：打开教育局下发的任务清单</source>
        <translation>I am a school: open the plan workbook from the bureau</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/common/start.py" line="49"/>
        <source>第一次使用：选择教育局发来的任务清单文件（.xlsx），核对指纹，选择本校。</source>
        <translation>First use: choose the plan workbook (.xlsx) the bureau sent, compare the fingerprint, pick your school.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/common/start.py" line="51"/>
        <source>我是教育局：创建县区台账</source>
        <translation>I am the bureau: create a county ledger</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/common/start.py" line="52"/>
        <source>导入工作要点和学校名单，发布任务清单，汇总各校报送的文件。</source>
        <translation>Import the plan and the school roster, publish the plan workbook, merge the schools&apos; reports.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/common/start.py" line="54"/>
        <source>我是市局：汇总各县区</source>
        <translation>I am the city bureau: sum up the counties</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/common/start.py" line="55"/>
        <source>导入各县区报送的县区汇总包，按县区、学校两级查看和导出汇总。</source>
        <translation>Import the county packages the counties send; view and export the summary by county and by school.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/common/start.py" line="75"/>
        <source>打开已有的数据文件…</source>
        <translation>Open an existing database…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/common/start.py" line="83"/>
        <source>语言 Language：</source>
        <translation>语言 Language:</translation>
    </message>
</context>
<context>
    <name>TaskDetail</name>
    <message>
        <location filename="../../desktop/gui/school/detail.py" line="152"/>
        <source>请在左侧选择一项任务。</source>
        <translation>Choose a task on the left.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/detail.py" line="183"/>
        <source>任务要求</source>
        <translation>What the plan asks</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/detail.py" line="197"/>
        <source>责任单位</source>
        <translation>Responsible units</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/detail.py" line="198"/>
        <source>完成时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/detail.py" line="199"/>
        <source>适用学校</source>
        <translation>Applies to</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/detail.py" line="200"/>
        <location filename="../../desktop/gui/school/detail.py" line="362"/>
        <source>：</source>
        <translation>:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/detail.py" line="216"/>
        <source>完成情况</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/detail.py" line="228"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/detail.py" line="232"/>
        <source>进度</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/detail.py" line="251"/>
        <source>不适用原因</source>
        <translation>Reason (not applicable)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/detail.py" line="254"/>
        <source>例如：本校无此学段</source>
        <translation>e.g. the school has no such grade</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/detail.py" line="261"/>
        <source>量化指标：</source>
        <translation>Targets:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/detail.py" line="274"/>
        <source>完成情况说明</source>
        <translation>What was done</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/detail.py" line="274"/>
        <source>做了什么、做到什么程度（可写数量、时间、范围）</source>
        <translation>What was done and how far (numbers, dates, scope)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/detail.py" line="275"/>
        <source>存在问题</source>
        <translation>Problems</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/detail.py" line="275"/>
        <source>遇到的困难和不足</source>
        <translation>Difficulties and shortcomings</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/detail.py" line="276"/>
        <source>下步打算</source>
        <translation>Next steps</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/detail.py" line="276"/>
        <source>接下来准备怎么做</source>
        <translation>What comes next</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/detail.py" line="296"/>
        <location filename="../../desktop/gui/school/detail.py" line="679"/>
        <source>佐证材料</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/detail.py" line="300"/>
        <source>把照片、文件拖到下面的框里，或点“添加文件”。</source>
        <translation>Drag photos and files into the box below, or click &quot;Add files&quot;.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/detail.py" line="304"/>
        <source>添加文件…</source>
        <translation>Add files…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/detail.py" line="307"/>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/detail.py" line="310"/>
        <location filename="../../desktop/gui/school/detail.py" line="743"/>
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/detail.py" line="313"/>
        <source>从已有材料选择…</source>
        <translation>From stored files…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/detail.py" line="315"/>
        <source>同一份材料用作几项任务的佐证：只保存一份，不必重复上传</source>
        <translation>Let one file back several tasks: stored once, no need to add it again</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/detail.py" line="346"/>
        <source>本任务不需要上传佐证材料（教育局规定）。</source>
        <translation>No evidence is needed for this task (set by the bureau).</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/detail.py" line="386"/>
        <location filename="../../desktop/gui/school/detail.py" line="452"/>
        <source>（未注明）</source>
        <translation>(not stated)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/detail.py" line="387"/>
        <source>全部学校</source>
        <translation>All schools</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/detail.py" line="417"/>
        <source>
口径：{definition}</source>
        <translation>
How to count: {definition}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/detail.py" line="421"/>
        <source>目标：{value}{unit}</source>
        <translation>Target: {value} {unit}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/detail.py" line="422"/>
        <source>目标：待教育局确定</source>
        <translation>Target: to be set by the bureau</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/detail.py" line="427"/>
        <source>完成值</source>
        <translation>Achieved</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/detail.py" line="431"/>
        <source>“{text}”的完成值</source>
        <translation>Achieved value for &quot;{text}&quot;</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/detail.py" line="455"/>
        <source>{deadline}（已超期）</source>
        <translation>{deadline} (overdue)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/detail.py" line="467"/>
        <source>教育局退回修改：{comment}
请按意见修改后重新导出报送。</source>
        <translation>Sent back by the bureau: {comment}
Correct it as asked, then export the report again.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/detail.py" line="468"/>
        <source>（未写意见）</source>
        <translation>(no comment)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/detail.py" line="483"/>
        <source>佐证材料（{n}）· 必需上传</source>
        <translation>Evidence ({n}) · required</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/detail.py" line="485"/>
        <source>佐证材料（{n}）</source>
        <translation>Evidence ({n})</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/detail.py" line="553"/>
        <source>未能保存：{reason}</source>
        <translation>Not saved: {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/detail.py" line="579"/>
        <source>选择佐证材料</source>
        <translation>Choose evidence files</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/detail.py" line="580"/>
        <source>所有文件 (*);;图片 (*.png *.jpg *.jpeg);;文档 (*.pdf *.docx *.xlsx)</source>
        <translation>All files (*);;Images (*.png *.jpg *.jpeg);;Documents (*.pdf *.docx *.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/detail.py" line="604"/>
        <location filename="../../desktop/gui/school/detail.py" line="609"/>
        <source>改回上期内容</source>
        <translation>Back to last period&apos;s answer</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/detail.py" line="605"/>
        <source>用上期的填报替换本期对这项任务的填写？本期的状态、说明和完成值会改回上期的；本期新加的佐证材料会从本任务移除。</source>
        <translation>Replace this period&apos;s answer to the task with last period&apos;s? The status, texts and achieved values go back to last period&apos;s; evidence added this period is removed from the task.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/detail.py" line="668"/>
        <source>正在处理佐证材料，请稍候</source>
        <translation>Still working on the evidence, please wait</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/detail.py" line="711"/>
        <source>有文件未能添加：</source>
        <translation>Some files could not be added:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/detail.py" line="718"/>
        <source>正在添加佐证材料：{names}</source>
        <translation>Adding evidence: {names}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/detail.py" line="739"/>
        <source>移除佐证材料</source>
        <translation>Remove evidence</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/detail.py" line="740"/>
        <source>从本任务中移除“{name}”？</source>
        <translation>Remove &quot;{name}&quot; from this task?</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/detail.py" line="610"/>
        <location filename="../../desktop/gui/school/detail.py" line="744"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/detail.py" line="752"/>
        <source>正在移除佐证材料…</source>
        <translation>Removing evidence…</translation>
    </message>
</context>
<context>
    <name>TaskTreeModel</name>
    <message>
        <location filename="../../desktop/gui/school/taskmodel.py" line="162"/>
        <source>任务</source>
        <translation>Task</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/taskmodel.py" line="162"/>
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/taskmodel.py" line="162"/>
        <source>时限</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/taskmodel.py" line="162"/>
        <source>佐证</source>
        <translation>Files</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/taskmodel.py" line="178"/>
        <source>退回</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/taskmodel.py" line="180"/>
        <source>沿用</source>
        <translation>Carried</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/taskmodel.py" line="181"/>
        <source>有变化</source>
        <translation>Changed</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/taskmodel.py" line="237"/>
        <source>未开始</source>
        <translation>Not started</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/taskmodel.py" line="237"/>
        <source>进行中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/taskmodel.py" line="238"/>
        <source>已完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/taskmodel.py" line="238"/>
        <source>不适用</source>
        <translation>Not applicable</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/taskmodel.py" line="243"/>
        <source>{title}
本节已完成 {done}/{total} 项</source>
        <translation>{title}
{done} of {total} tasks done in this section</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/taskmodel.py" line="247"/>
        <source>（不属于本校类型的任务）</source>
        <translation>(not a task for this school type)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/taskmodel.py" line="248"/>
        <source>状态：{status}，进度 {progress}%</source>
        <translation>Status: {status}, progress {progress}%</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/taskmodel.py" line="251"/>
        <source>已超过完成时限 {deadline}</source>
        <translation>Past the deadline {deadline}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/taskmodel.py" line="252"/>
        <source>佐证材料 {n} 份</source>
        <translation>{n} evidence file(s)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/taskmodel.py" line="254"/>
        <source>沿用上期的填报，尚未确认</source>
        <translation>Carried from the last period, not confirmed yet</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/taskmodel.py" line="256"/>
        <source>任务清单修订时改动了本任务，尚未查看</source>
        <translation>A revision of the plan changed this task; not seen yet</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/taskmodel.py" line="258"/>
        <source>有 {n} 条提醒</source>
        <translation>{n} warning(s)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/taskmodel.py" line="260"/>
        <source>教育局退回修改：{comment}</source>
        <translation>Sent back by the bureau: {comment}</translation>
    </message>
</context>
<context>
    <name>Warnings</name>
    <message>
        <location filename="../../desktop/gui/school/messages.py" line="12"/>
        <source>未开始</source>
        <translation>Not started</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/messages.py" line="13"/>
        <source>进行中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/messages.py" line="14"/>
        <source>已完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/messages.py" line="15"/>
        <source>不适用</source>
        <translation>Not applicable</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/messages.py" line="25"/>
        <source>标为“不适用”，但没有说明原因</source>
        <translation>Marked not applicable without a reason</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/messages.py" line="27"/>
        <source>已完成，但没有填写完成情况说明</source>
        <translation>Done, but &quot;what was done&quot; is empty</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/messages.py" line="29"/>
        <source>已完成，但没有上传佐证材料</source>
        <translation>Done, but no evidence is attached</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/messages.py" line="31"/>
        <source>已完成，但进度只有 {progress}%</source>
        <translation>Done, but progress is only {progress}%</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/messages.py" line="33"/>
        <source>已完成，但指标“{target}”没有填写完成值</source>
        <translation>Done, but no achieved value for &quot;{target}&quot;</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/messages.py" line="35"/>
        <source>“{text}”：完成值 {value}{unit} 低于目标 {target}{unit}</source>
        <translation>&quot;{text}&quot;: achieved {value}{unit} is below the target {target}{unit}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/messages.py" line="37"/>
        <source>“{text}”：完成值 {value}{unit} 高于上限 {target}{unit}</source>
        <translation>&quot;{text}&quot;: achieved {value}{unit} is above the limit {target}{unit}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/messages.py" line="39"/>
        <source>任务清单中没有适用于本校的任务</source>
        <translation>The plan has no task for this school</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/messages.py" line="41"/>
        <source>还没有填写任何任务</source>
        <translation>Nothing has been recorded yet</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/messages.py" line="43"/>
        <source>{count} 项任务仍为“未开始”</source>
        <translation>{count} task(s) are still not started</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/messages.py" line="45"/>
        <source>{count} 项任务已超过完成时限仍未完成</source>
        <translation>{count} task(s) are past their deadline and not done</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/messages.py" line="53"/>
        <source>{count} 项任务沿用上期内容，尚未确认或修改</source>
        <translation>{count} task(s) carried from the last period are not confirmed or edited yet</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/school/messages.py" line="55"/>
        <source>教育局要求本任务必须上传佐证材料，但还没有上传</source>
        <translation>The bureau requires evidence for this task, and none is attached</translation>
    </message>
</context>
</TS>
