<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name></name>
    <message>
        <location filename="../../desktop/gui/bureau/messages.py" line="20"/>
        <source>已合并</source>
        <translation>Merged</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/messages.py" line="20"/>
        <source>重复，未改动</source>
        <translation>Duplicate, unchanged</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/messages.py" line="20"/>
        <source>旧版次，只存历史</source>
        <translation>Older revision, kept in history</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/messages.py" line="21"/>
        <source>拒收</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/messages.py" line="32"/>
        <location filename="../../desktop/gui/bureau/messages.py" line="33"/>
        <source>无需处理</source>
        <translation>Nothing to do</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/messages.py" line="34"/>
        <source>学校后来又报送过更新的版本，无需处理</source>
        <translation>The school has since sent a newer revision; nothing to do</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/messages.py" line="35"/>
        <source>请学校用台账重新导出后再报送（不要用 Excel 或 WPS 打开后另存）</source>
        <translation>Ask for a new export; do not re-save it in Excel/WPS</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/messages.py" line="36"/>
        <source>文件不是报给本局的，请退回学校</source>
        <translation>Not addressed to this bureau: return it to the school</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/messages.py" line="37"/>
        <source>学校用的不是本局发布的任务清单，请学校载入最新任务清单后重新导出</source>
        <translation>Not our plan workbook: ask the school to load the latest one</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/messages.py" line="38"/>
        <source>请先在“学校与周期”中把这所学校加入名单，再重新导入</source>
        <translation>Add the school in &quot;Schools and periods&quot;, then import again</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/messages.py" line="39"/>
        <source>请先在“学校与周期”中添加该填报周期，再重新导入</source>
        <translation>Add the period in &quot;Schools and periods&quot;, then import again</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/messages.py" line="40"/>
        <source>该周期已关闭；如需接收，请先重新开放该周期</source>
        <translation>The period is closed; reopen it to accept the file</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/messages.py" line="41"/>
        <source>请学校载入最新任务清单后重新导出</source>
        <translation>Ask the school to load the latest plan and export again</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/messages.py" line="42"/>
        <source>学校重装过软件或换了电脑：电话核实后在下方批准或拒绝新密钥</source>
        <translation>New key: confirm by phone, then approve or refuse below</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/messages.py" line="43"/>
        <source>同一版次有两份不同文件，请与学校核实以哪份为准，让学校再导出一次</source>
        <translation>Two files, same revision: ask the school, have it export again</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/messages.py" line="44"/>
        <source>文件结构不是台账导出的样子（可能被压缩软件或其他程序改写过）：请学校重新导出原文件后再报送</source>
        <translation>The file&apos;s structure is not what Taizhang writes (a zip tool or another program rewrote it): ask the school to export again and send the original file</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/messages.py" line="45"/>
        <source>文件里签名的数据不合规范：请与学校核实，并让学校用台账重新导出</source>
        <translation>The signed data in the file is malformed: check with the school and ask it to export again with Taizhang</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/messages.py" line="46"/>
        <source>文件含有公式或外部链接（台账导出的文件没有）：不要在 Excel/WPS 中打开它，请与学校核实来源</source>
        <translation>The file contains formulas or external links (Taizhang never writes them): do not open it in Excel or WPS; check with the school where it came from</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/messages.py" line="47"/>
        <source>文件由另一版本的台账导出：请学校把台账升级到与本局相同的版本后重新导出</source>
        <translation>The file was exported by another version of Taizhang: ask the school to update Taizhang to the bureau&apos;s version and export again</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/messages.py" line="48"/>
        <source>工作表显示的内容与签名的数据不一致：文件不是台账原样导出的，请与学校核实并让学校重新导出</source>
        <translation>What the sheets show differs from the signed data: the file is not as Taizhang exported it; check with the school and ask for a new export</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/messages.py" line="79"/>
        <source>{label}：</source>
        <translation>{label}: </translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/messages.py" line="84"/>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/messages.py" line="89"/>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/messages.py" line="94"/>
        <source>{name}（{code}）</source>
        <translation>{name} ({code})</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/messages.py" line="99"/>
        <source>县局密钥指纹通知.txt</source>
        <translation>county-key-fingerprint-notice.txt</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/messages.py" line="112"/>
        <source>任务名称</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/messages.py" line="112"/>
        <source>责任单位</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/messages.py" line="112"/>
        <location filename="../../desktop/gui/bureau/overviewmodels.py" line="265"/>
        <source>完成时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/messages.py" line="112"/>
        <source>量化指标</source>
        <translation>Targets</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewmodels.py" line="77"/>
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewmodels.py" line="77"/>
        <source>进行</source>
        <translation>Doing</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewmodels.py" line="77"/>
        <location filename="../../desktop/gui/bureau/overviewmodels.py" line="270"/>
        <location filename="../../desktop/gui/bureau/overviewmodels.py" line="297"/>
        <source>未开始</source>
        <translation>To do</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewmodels.py" line="78"/>
        <location filename="../../desktop/gui/bureau/overviewmodels.py" line="271"/>
        <source>不适用</source>
        <translation>N/A</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewmodels.py" line="79"/>
        <source>未报</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewmodels.py" line="268"/>
        <location filename="../../desktop/gui/bureau/overviewmodels.py" line="295"/>
        <source>已完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewmodels.py" line="269"/>
        <location filename="../../desktop/gui/bureau/overviewmodels.py" line="296"/>
        <source>进行中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewmodels.py" line="83"/>
        <location filename="../../desktop/gui/bureau/overviewmodels.py" line="279"/>
        <source>未报送</source>
        <translation>Not reported</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewmodels.py" line="39"/>
        <source>沿用上期，学校未确认</source>
        <translation>Carried from last period, not confirmed by the school</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewmodels.py" line="39"/>
        <source>沿用上期，学校已确认</source>
        <translation>Carried from last period, confirmed by the school</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewmodels.py" line="83"/>
        <source>不适用于该校类型</source>
        <translation>Not for this school type</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewmodels.py" line="192"/>
        <source>佐证材料 {n} 个</source>
        <translation>{n} evidence file(s)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewmodels.py" line="263"/>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewmodels.py" line="264"/>
        <source>任务</source>
        <translation>Task</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewmodels.py" line="266"/>
        <source>适用学校</source>
        <translation>Applicable</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewmodels.py" line="267"/>
        <source>已报学校</source>
        <translation>Reported</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewmodels.py" line="272"/>
        <location filename="../../desktop/gui/bureau/overviewmodels.py" line="298"/>
        <source>完成率</source>
        <translation>Completion</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewmodels.py" line="273"/>
        <source>审核</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewmodels.py" line="273"/>
        <source>通过 {p}，退回 {r}</source>
        <translation>{p} passed, {r} sent back</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewmodels.py" line="280"/>
        <source>逾期报送</source>
        <translation>Late</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewmodels.py" line="280"/>
        <source>按时报送</source>
        <translation>On time</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewmodels.py" line="282"/>
        <source>{state}（密钥未确认）</source>
        <translation>{state} (key not confirmed)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewmodels.py" line="287"/>
        <source>学校代码</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewmodels.py" line="288"/>
        <source>学校名称</source>
        <translation>School</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewmodels.py" line="289"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewmodels.py" line="290"/>
        <source>乡镇</source>
        <translation>Township</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewmodels.py" line="291"/>
        <source>报送情况</source>
        <translation>Report</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewmodels.py" line="292"/>
        <source>版次</source>
        <translation>Revision</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewmodels.py" line="293"/>
        <source>报送时间</source>
        <translation>Exported at</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewmodels.py" line="294"/>
        <source>适用任务</source>
        <translation>Applicable tasks</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewmodels.py" line="299"/>
        <source>审核状态</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewmodels.py" line="299"/>
        <source>{state}（通过 {p}，退回 {r}）</source>
        <translation>{state} ({p} passed, {r} sent back)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewmodels.py" line="305"/>
        <source>未审核</source>
        <translation>Not reviewed</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewmodels.py" line="305"/>
        <source>通过</source>
        <translation>Passed</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewmodels.py" line="306"/>
        <source>退回修改</source>
        <translation>Sent back</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewmodels.py" line="342"/>
        <source>文件名</source>
        <translation>File name</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewmodels.py" line="342"/>
        <source>大小</source>
        <translation>Size</translation>
    </message>
</context>
<context>
    <name>BureauWindow</name>
    <message>
        <location filename="../../desktop/gui/bureau/window.py" line="43"/>
        <source>台账 · {county}教育局</source>
        <translation>Taizhang · {county} Education Bureau</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/window.py" line="55"/>
        <source>首页</source>
        <translation>Home</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/window.py" line="56"/>
        <source>计划核对</source>
        <translation>Plan review</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/window.py" line="57"/>
        <source>学校与周期</source>
        <translation>Schools and periods</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/window.py" line="58"/>
        <source>导入报送</source>
        <translation>Import reports</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/window.py" line="59"/>
        <source>汇总情况</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/window.py" line="60"/>
        <source>审核</source>
        <translation>Review reports</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/window.py" line="66"/>
        <source>已保存：{path}</source>
        <translation>Saved: {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/window.py" line="73"/>
        <source>汇总表已导出：{path}</source>
        <translation>Summary workbook exported: {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/window.py" line="80"/>
        <source>数据文件：{path}</source>
        <translation>Database: {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/window.py" line="97"/>
        <source>导入计划(&amp;P)…</source>
        <translation>Import &amp;plan…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/window.py" line="99"/>
        <source>打开教育局的工作要点文件（.docx、.txt、.xlsx），识别出任务</source>
        <translation>Open the bureau&apos;s work plan (.docx, .txt, .xlsx) and find its tasks</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/window.py" line="100"/>
        <source>发布任务清单(&amp;B)…</source>
        <translation>Pu&amp;blish plan workbook…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/window.py" line="102"/>
        <source>写出签名的任务清单文件（.xlsx），发给各学校</source>
        <translation>Write the signed plan workbook (.xlsx) to send to the schools</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/window.py" line="103"/>
        <source>导入报送文件(&amp;I)…</source>
        <translation>&amp;Import reports…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/window.py" line="106"/>
        <source>导入文件夹(&amp;D)…</source>
        <translation>Import &amp;folder…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/window.py" line="108"/>
        <source>导出汇总表(&amp;S)…</source>
        <translation>Export &amp;summary workbook…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/window.py" line="111"/>
        <source>导出县区汇总包(&amp;C)…</source>
        <translation>Export &amp;county package…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/window.py" line="113"/>
        <source>报送市局：签名的县区汇总包（各校当前的填报、学校名单和本局的汇总数字）</source>
        <translation>For the city: the signed county package (every school&apos;s current entries, the roster and this bureau&apos;s figures)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/window.py" line="114"/>
        <source>保存指纹通知(&amp;N)…</source>
        <translation>Save fingerprint &amp;notice…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/window.py" line="115"/>
        <source>备份数据文件(&amp;K)…</source>
        <translation>Bac&amp;k up database…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/window.py" line="116"/>
        <source>退出(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/window.py" line="117"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/window.py" line="125"/>
        <source>语言(&amp;L)</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/window.py" line="127"/>
        <source>工具栏</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/window.py" line="170"/>
        <source>导入{state}：{n} 个文件，合并 {a} 个</source>
        <translation>Import {state}: {n} file(s), {a} merged</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/window.py" line="171"/>
        <source>已取消</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/window.py" line="171"/>
        <source>完成</source>
        <translation>finished</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/window.py" line="187"/>
        <source>打开工作要点文件</source>
        <translation>Open the work plan</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/window.py" line="192"/>
        <source>重新导入计划</source>
        <translation>Import the plan again</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/window.py" line="193"/>
        <source>已经有计划《{title}》。如果导入的是同一份计划的修订稿，编号相同的任务保持原来的任务编号，但核对时做的修改会被新文件的内容替换。继续导入吗？</source>
        <translation>There is already a plan, &quot;{title}&quot;. If this is a revision of the same plan, tasks with the same numbers keep their task IDs, but changes made during the review are replaced by the new file. Import anyway?</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/window.py" line="196"/>
        <source>正在识别计划文件：{name}…</source>
        <translation>Reading the plan file: {name}…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/window.py" line="212"/>
        <source>识别出 {n} 项任务，请逐项核对</source>
        <translation>{n} tasks found; please review each one</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/window.py" line="200"/>
        <location filename="../../desktop/gui/bureau/window.py" line="217"/>
        <source>无法导入计划</source>
        <translation>Could not import the plan</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/window.py" line="234"/>
        <source>还不能发布</source>
        <translation>Cannot publish yet</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/window.py" line="239"/>
        <source>仍然发布吗？</source>
        <translation>Publish anyway?</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/window.py" line="240"/>
        <location filename="../../desktop/gui/bureau/window.py" line="246"/>
        <source>发布任务清单</source>
        <translation>Publish plan workbook</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/window.py" line="244"/>
        <source>{title}-任务清单-第{version}版.xlsx</source>
        <translation>{title}-task-list-v{version}.xlsx</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/window.py" line="246"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/window.py" line="251"/>
        <source>输入密钥口令</source>
        <translation>Key passphrase</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/window.py" line="251"/>
        <source>发布任务清单需要本局密钥的口令：</source>
        <translation>Enter the passphrase of the bureau key to publish the plan workbook:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/window.py" line="255"/>
        <source>正在签名并写出任务清单…</source>
        <translation>Signing and writing the task list…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/window.py" line="257"/>
        <location filename="../../desktop/gui/bureau/window.py" line="265"/>
        <source>发布失败</source>
        <translation>Publishing failed</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/window.py" line="274"/>
        <source>已发布第 {v} 版：{path}</source>
        <translation>Version {v} published: {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/window.py" line="275"/>
        <source>任务清单已发布</source>
        <translation>Plan workbook published</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/window.py" line="276"/>
        <source>已写出第 {v} 版任务清单：
{path}

请把这个文件和“指纹通知”一起发给各学校。</source>
        <translation>Version {v} of the plan workbook was written to:
{path}

Send this file to the schools together with the fingerprint notice.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/window.py" line="301"/>
        <source>备份数据文件</source>
        <translation>Back up database</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/window.py" line="302"/>
        <source>台账数据文件 (*.db)</source>
        <translation>Taizhang database (*.db)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/window.py" line="310"/>
        <source>已备份到：{path}</source>
        <translation>Backed up to: {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/window.py" line="187"/>
        <source>计划文件 (*.docx *.txt *.xlsx *.doc *.wps *.pdf)</source>
        <translation>Plan files (*.docx *.txt *.xlsx *.doc *.wps *.pdf)</translation>
    </message>
</context>
<context>
    <name>Carried</name>
    <message>
        <location filename="../../desktop/gui/bureau/schoolreview.py" line="82"/>
        <source>沿用上期（{period}）的填报，学校已确认仍然属实</source>
        <translation>Carried from last period ({period}); the school confirmed it still holds</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/schoolreview.py" line="84"/>
        <source>沿用上期（{period}）的填报，学校未确认也未修改</source>
        <translation>Carried from last period ({period}); the school has neither confirmed nor edited it</translation>
    </message>
</context>
<context>
    <name>CellDetail</name>
    <message>
        <location filename="../../desktop/gui/bureau/overviewpage.py" line="76"/>
        <source>佐证材料：</source>
        <translation>Evidence:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewpage.py" line="89"/>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewpage.py" line="92"/>
        <source>另存为…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewpage.py" line="104"/>
        <source>&lt;p style=&apos;color:#5f6368&apos;&gt;点击左侧表格中的格子，查看该校对这项任务的填报内容和佐证材料。&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:#5f6368&apos;&gt;Click a cell in the table on the left to see what the school reported on that task, and its evidence.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewpage.py" line="133"/>
        <source>{status}（{n}%）</source>
        <translation>{status} ({n}%)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewpage.py" line="137"/>
        <source>沿用上期（{period}）的填报，学校已确认仍然属实</source>
        <translation>Carried from last period ({period}); the school confirmed it still holds</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewpage.py" line="140"/>
        <source>沿用上期（{period}）的填报，学校未确认也未修改</source>
        <translation>Carried from last period ({period}); the school has neither confirmed nor edited it</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewpage.py" line="143"/>
        <source>完成情况说明</source>
        <translation>What was done</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewpage.py" line="143"/>
        <source>存在问题</source>
        <translation>Problems</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewpage.py" line="144"/>
        <source>下步打算</source>
        <translation>Next steps</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewpage.py" line="146"/>
        <source>不适用原因</source>
        <translation>Reason (not applicable)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewpage.py" line="154"/>
        <source>待定</source>
        <translation>not set</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewpage.py" line="157"/>
        <source>{text}：目标 {target}{unit}，填报 &lt;b&gt;{got}&lt;/b&gt;</source>
        <translation>{text}: target {target}{unit}, reported &lt;b&gt;{got}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewpage.py" line="162"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewpage.py" line="164"/>
        <source>疑似重复材料：佐证材料“{name}”与 {schools} 的文件完全相同</source>
        <translation>Suspected copy: the evidence file “{name}” is identical to one sent by {schools}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewpage.py" line="167"/>
        <source>疑似重复材料：完成情况说明与 {schools} 的完全相同</source>
        <translation>Suspected copy: the narrative is identical to the one written by {schools}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewpage.py" line="193"/>
        <source>保存佐证材料</source>
        <translation>Save evidence</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewpage.py" line="193"/>
        <source>所有文件 (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewpage.py" line="123"/>
        <source>该校本周期还没有报送。</source>
        <translation>This school has not reported for this period yet.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewpage.py" line="127"/>
        <source>第 {n} 次报送 · 导出于 {at}</source>
        <translation>Revision {n} · exported {at}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewpage.py" line="151"/>
        <source>量化指标</source>
        <translation>Targets</translation>
    </message>
</context>
<context>
    <name>CountySetupDialog</name>
    <message>
        <location filename="../../desktop/gui/bureau/setup.py" line="125"/>
        <source>创建县区台账</source>
        <translation>Create a county ledger</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/setup.py" line="124"/>
        <source>完成，进入教育局台账</source>
        <translation>Done: open the bureau ledger</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/setup.py" line="138"/>
        <source>本机将作为县教育局的台账：导入工作要点、发布任务清单、汇总各校报送。程序会为本局生成一把签名密钥，学校凭它的指纹确认任务清单确实来自本局。</source>
        <translation>This computer becomes the county education bureau&apos;s ledger: import the work plan, publish the plan workbook and merge the schools&apos; reports. A signing key is created for the bureau; its fingerprint lets the schools confirm that the plan workbook really comes from you.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/setup.py" line="145"/>
        <source>例如：民乐县</source>
        <translation>e.g. Minle County</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/setup.py" line="147"/>
        <source>县区名称：</source>
        <translation>County name:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/setup.py" line="148"/>
        <source>数据文件保存在：</source>
        <translation>Database file:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/setup.py" line="152"/>
        <source>可不填</source>
        <translation>optional</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/setup.py" line="153"/>
        <source>密钥口令（可选）：</source>
        <translation>Key passphrase (optional):</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/setup.py" line="157"/>
        <source>再输入一次口令：</source>
        <translation>Repeat passphrase:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/setup.py" line="159"/>
        <source>设置口令后，每次发布任务清单都要输入口令。口令忘记后无法找回，只能重新创建密钥并通知各学校。</source>
        <translation>With a passphrase, it is asked for every time you publish the plan workbook. A forgotten passphrase cannot be recovered: you would have to create a new key and tell every school.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/setup.py" line="177"/>
        <source>请填写县区名称</source>
        <translation>Enter the county name</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/setup.py" line="183"/>
        <source>两次输入的口令不一致</source>
        <translation>The two passphrases differ</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/setup.py" line="198"/>
        <source>{county}的台账已创建</source>
        <translation>The ledger for {county} has been created</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/setup.py" line="201"/>
        <source>这是本局签名密钥的指纹。请把它随任务清单一起通知各学校（或打印在通知上）：学校第一次打开任务清单时，会核对程序显示的指纹与通知上的是否一致。</source>
        <translation>This is the fingerprint of the bureau&apos;s signing key. Send it to every school with the plan workbook (or print it on the notice): when a school first opens the plan workbook, it checks that the fingerprint shown matches the one in the notice.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/setup.py" line="208"/>
        <source>以后也可以在教育局台账的“首页”查看和保存指纹。</source>
        <translation>You can view and save the fingerprint later on the &quot;Home&quot; tab of the bureau ledger.</translation>
    </message>
</context>
<context>
    <name>FingerprintPanel</name>
    <message>
        <location filename="../../desktop/gui/bureau/fingerprint.py" line="57"/>
        <source>复制指纹</source>
        <translation>Copy fingerprint</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/fingerprint.py" line="60"/>
        <source>保存给学校的指纹通知…</source>
        <translation>Save fingerprint notice for schools…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/fingerprint.py" line="62"/>
        <source>保存为文本文件，随任务清单一起发给各学校，供学校核对</source>
        <translation>Save a text file to send to the schools with the plan workbook, so they can check the fingerprint</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/fingerprint.py" line="76"/>
        <source>指纹已复制</source>
        <translation>Fingerprint copied</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/fingerprint.py" line="79"/>
        <source>保存指纹通知</source>
        <translation>Save fingerprint notice</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/fingerprint.py" line="79"/>
        <source>文本文件 (*.txt)</source>
        <translation>Text files (*.txt)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/fingerprint.py" line="87"/>
        <source>已保存：{path}</source>
        <translation>Saved: {path}</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../../desktop/gui/bureau/homepage.py" line="28"/>
        <source>{county}教育局 · 工作要点台账</source>
        <translation>{county} Education Bureau · work plan ledger</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/homepage.py" line="33"/>
        <source>本局签名密钥指纹（发给各学校核对）</source>
        <translation>Bureau signing key fingerprint (send it to the schools to check)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/homepage.py" line="40"/>
        <source>年度工作步骤</source>
        <translation>Steps for the year</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/homepage.py" line="45"/>
        <source>① 导入工作要点</source>
        <translation>① Import the work plan</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/homepage.py" line="45"/>
        <source>导入计划…</source>
        <translation>Import plan…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/homepage.py" line="46"/>
        <source>② 核对识别出的任务</source>
        <translation>② Review the tasks found</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/homepage.py" line="46"/>
        <source>去核对</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/homepage.py" line="47"/>
        <source>③ 学校名单</source>
        <translation>③ School roster</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/homepage.py" line="47"/>
        <source>去编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/homepage.py" line="48"/>
        <source>④ 填报周期</source>
        <translation>④ Reporting periods</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/homepage.py" line="48"/>
        <source>去设置</source>
        <translation>Set up</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/homepage.py" line="49"/>
        <source>⑤ 发布任务清单</source>
        <translation>⑤ Publish the plan workbook</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/homepage.py" line="49"/>
        <source>发布…</source>
        <translation>Publish…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/homepage.py" line="50"/>
        <source>⑥ 导入学校报送</source>
        <translation>⑥ Import school reports</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/homepage.py" line="50"/>
        <source>去导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/homepage.py" line="51"/>
        <source>⑦ 查看汇总、导出汇总表</source>
        <translation>⑦ Overview and summary workbook</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/homepage.py" line="51"/>
        <source>去查看</source>
        <translation>View</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/homepage.py" line="82"/>
        <source>还没有导入。支持 .docx、.txt、.xlsx（Word 的 .doc/.wps 请另存为 .docx）</source>
        <translation>Not imported yet. Accepts .docx, .txt and .xlsx (save Word .doc/.wps files as .docx first)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/homepage.py" line="83"/>
        <source>导入后逐项核对：任务名称、责任单位、完成时限、量化指标、适用学校</source>
        <translation>After importing, check each task: title, responsible units, deadline, targets, applicable schools</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/homepage.py" line="85"/>
        <source>《{title}》：{n} 项任务</source>
        <translation>&quot;{title}&quot;: {n} tasks</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/homepage.py" line="87"/>
        <source>有 {n} 个量化指标的目标值还没填写（原文中是 x、xx 等占位符）</source>
        <translation>{n} target value(s) still to fill in (placeholders such as x or xx in the source)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/homepage.py" line="90"/>
        <source>量化指标都已有目标值；发布前请再逐项核对一遍</source>
        <translation>Every target has a value; check each task once more before publishing</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/homepage.py" line="91"/>
        <source>{n} 所学校</source>
        <translation>{n} schools</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/homepage.py" line="91"/>
        <source>还没有学校名单</source>
        <translation>No school roster yet</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/homepage.py" line="94"/>
        <source>（{d} 截止）</source>
        <translation> (due {d})</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/homepage.py" line="95"/>
        <source>（已关闭）</source>
        <translation> (closed)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/homepage.py" line="98"/>
        <source>还没有填报周期</source>
        <translation>No reporting period yet</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/homepage.py" line="100"/>
        <source>尚未发布</source>
        <translation>Not published yet</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/homepage.py" line="102"/>
        <source>已发布第 {v} 版，之后又有修改：重新发布后请把新任务清单发给学校</source>
        <translation>Version {v} published and changed since: publish again and send the new plan workbook to the schools</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/homepage.py" line="104"/>
        <source>已发布第 {v} 版（{at}）</source>
        <translation>Version {v} published ({at})</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/homepage.py" line="108"/>
        <source>已收到 {n} / {total} 所学校的报送</source>
        <translation>Reports received from {n} of {total} schools</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/homepage.py" line="111"/>
        <source>；{n} 所学校换了新密钥，待批准</source>
        <translation>; {n} school(s) sent a new key, waiting for approval</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/homepage.py" line="113"/>
        <source>；{n} 所学校的首次密钥未确认（电话核对指纹后在“导入报送”页确认）</source>
        <translation>; {n} school(s) with an unconfirmed first key (check the fingerprint by phone, then confirm it under Import reports)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/homepage.py" line="115"/>
        <source>学校×任务完成情况、未报送和逾期学校</source>
        <translation>Progress by school and task; missing and late schools</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <location filename="../../desktop/gui/bureau/importpage.py" line="133"/>
        <source>把学校报送的文件（.xlsx）、整个文件夹或 .zip 压缩包拖到这里，
或者点右边的按钮选择。同一文件重复导入不会重复计算。</source>
        <translation>Drag the schools&apos; report files (.xlsx), whole folders or .zip archives here,
or use the buttons on the right. A file imported twice is counted once.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/importpage.py" line="137"/>
        <source>选择文件…</source>
        <translation>Choose files…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/importpage.py" line="140"/>
        <source>选择文件夹…</source>
        <translation>Choose folder…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/importpage.py" line="153"/>
        <source>取消导入</source>
        <translation>Cancel import</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/importpage.py" line="155"/>
        <source>已经合并的文件保留，没有开始的文件不导入；不会有合并了一半的文件</source>
        <translation>Files already merged stay merged and the rest are not imported; no file is ever half merged</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/importpage.py" line="161"/>
        <source>还没有导入文件。</source>
        <translation>No files imported yet.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/importpage.py" line="167"/>
        <source>只看有问题的文件</source>
        <translation>Show problem files only</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/importpage.py" line="196"/>
        <source>双击已合并的文件，审核该校的报送</source>
        <translation>Double-click a merged file to review that school&apos;s report</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/importpage.py" line="209"/>
        <source>学校密钥：待批准的新密钥与未确认的首次密钥</source>
        <translation>School keys: new keys awaiting approval and unconfirmed first keys</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/importpage.py" line="212"/>
        <source>学校重装系统或换电脑后，会用新的密钥签名。请先打电话与学校核对新指纹，确认无误再批准：批准后，等待中的文件立即合并；拒绝则一直不合并。“未确认”是没有用注册码的首次密钥：数据已合并但带未确认标记，批准时只确认您核对过的那一个指纹。</source>
        <translation>After a school reinstalls its PC it signs with a new key. Phone the school and compare the new fingerprint before approving: once approved, the waiting files merge at once; refused, they never merge. “Unconfirmed” is a first key sent without an enrolment code: its data is merged but marked unconfirmed; an approval confirms exactly the fingerprint you checked.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/importpage.py" line="239"/>
        <source>核实无误，批准新密钥</source>
        <translation>Verified: approve new key</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/importpage.py" line="242"/>
        <source>拒绝</source>
        <translation>Refuse</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/importpage.py" line="278"/>
        <source>选择学校报送的文件</source>
        <translation>Choose the schools&apos; report files</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/importpage.py" line="279"/>
        <source>报送文件 (*.xlsx *.zip);;所有文件 (*)</source>
        <translation>Report files (*.xlsx *.zip);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/importpage.py" line="284"/>
        <source>选择存放报送文件的文件夹</source>
        <translation>Choose the folder with the report files</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/importpage.py" line="291"/>
        <location filename="../../desktop/gui/bureau/importpage.py" line="491"/>
        <source>正在导入，请等这一批完成或取消后再导入</source>
        <translation>An import is running; wait for it to finish or cancel it first</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/importpage.py" line="307"/>
        <source>正在查找文件…</source>
        <translation>Looking for files…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/importpage.py" line="332"/>
        <source>正在取消：当前文件合并完后停止…</source>
        <translation>Cancelling: stopping after the current file…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/importpage.py" line="344"/>
        <source>找到 {n} 个文件，正在核验并合并…</source>
        <translation>{n} file(s) found; checking and merging…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/importpage.py" line="370"/>
        <source>{done} / {total} 个文件</source>
        <translation>{done} / {total} files</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/importpage.py" line="372"/>
        <source>（{done} / {total}）</source>
        <translation> ({done} / {total})</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/importpage.py" line="378"/>
        <source>已合并 {n}</source>
        <translation>merged {n}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/importpage.py" line="379"/>
        <source>重复 {n}</source>
        <translation>duplicate {n}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/importpage.py" line="380"/>
        <source>旧版次 {n}</source>
        <translation>older revision {n}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/importpage.py" line="380"/>
        <source>拒收 {n}</source>
        <translation>rejected {n}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/importpage.py" line="381"/>
        <source>已取消：处理了 {n} / {total} 个文件（未处理的文件没有导入，可以再导入一次）</source>
        <translation>Cancelled after {n} of {total} files (the rest were not imported; you can import them again)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/importpage.py" line="382"/>
        <source>导入完成：{n} 个文件</source>
        <translation>Import finished: {n} file(s)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/importpage.py" line="383"/>
        <source>{head} —— {counts}</source>
        <translation>{head} — {counts}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/importpage.py" line="385"/>
        <source>（用时 {s} 秒）</source>
        <translation> ({s} s)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/importpage.py" line="387"/>
        <source>。有被拒收的文件：勾选“只看有问题的文件”查看原因和处理办法。</source>
        <translation>. Some files were rejected: tick &quot;Show problem files only&quot; to see why and what to do.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/importpage.py" line="439"/>
        <source>选中一行，这里显示完整的原因和处理办法。</source>
        <translation>Select a row to see its whole reason and what to do here.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/importpage.py" line="443"/>
        <source>{file}：{outcome}</source>
        <translation>{file}: {outcome}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/importpage.py" line="447"/>
        <source>怎么办：{advice}</source>
        <translation>What to do: {advice}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/importpage.py" line="465"/>
        <source>未确认的密钥（首次使用，无注册码）：{fp}
与该校电话核对一致后可批准确认；该校用注册码报送时会自动确认。</source>
        <translation>Unconfirmed key (first use, no enrolment code): {fp}
Approve it once it matches what the school reads to you on the phone; a report with the school&apos;s enrolment code confirms it automatically.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/importpage.py" line="470"/>
        <source>（未确认）</source>
        <translation> (unconfirmed)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/importpage.py" line="471"/>
        <source>待批准密钥指纹：{new}
在用密钥指纹：{old}</source>
        <translation>Key awaiting approval: {new}
Key in use: {old}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/importpage.py" line="477"/>
        <source>请先选择一条密钥更换申请</source>
        <translation>Select a key change request first</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/importpage.py" line="484"/>
        <source>请先打电话与{name}核对新密钥指纹：

{fp}

核对一致后批准。批准后，该校等待中的 {n} 个文件会立即合并。</source>
        <translation>Phone {name} first and compare the new key fingerprint:

{fp}

Approve only if it matches. Once approved, the school&apos;s {n} waiting file(s) are merged at once.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/importpage.py" line="487"/>
        <source>

该校原有的未确认密钥发来的数据将被搁置（保留在历史中）。</source>
        <translation>

The data sent by this school&apos;s earlier, unconfirmed key will be set aside (kept in history).</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/importpage.py" line="488"/>
        <location filename="../../desktop/gui/bureau/importpage.py" line="509"/>
        <source>批准新密钥</source>
        <translation>Approve new key</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/importpage.py" line="495"/>
        <source>正在合并{name}等待中的文件…</source>
        <translation>Merging the files from {name} that were waiting…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/importpage.py" line="502"/>
        <source>已批准{name}的新密钥，合并了 {n} 个等待中的文件。</source>
        <translation>New key of {name} approved; {n} waiting file(s) merged.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/importpage.py" line="526"/>
        <source>拒绝新密钥</source>
        <translation>Refuse new key</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/importpage.py" line="526"/>
        <source>拒绝{name}的新密钥？用这把密钥签名的文件都不会合并。</source>
        <translation>Refuse the new key of {name}? No file signed with this key will be merged.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/importpage.py" line="530"/>
        <source>未确认的密钥不能单独拒绝：另一个密钥到达时再批准那一个</source>
        <translation>An unconfirmed key cannot be refused on its own: approve the other key when it arrives</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/importpage.py" line="537"/>
        <source>已拒绝{name}的新密钥。</source>
        <translation>New key of {name} refused.</translation>
    </message>
</context>
<context>
    <name>KeyRequestsModel</name>
    <message>
        <location filename="../../desktop/gui/bureau/importmodels.py" line="160"/>
        <source>学校</source>
        <translation>School</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/importmodels.py" line="160"/>
        <source>首次收到</source>
        <translation>First received</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/importmodels.py" line="160"/>
        <source>待定密钥指纹</source>
        <translation>Key awaiting decision</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/importmodels.py" line="160"/>
        <source>在用密钥指纹</source>
        <translation>Key in use</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/importmodels.py" line="161"/>
        <source>等待合并的文件</source>
        <translation>Files waiting</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/importmodels.py" line="179"/>
        <source>（未确认）</source>
        <translation> (unconfirmed)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/importmodels.py" line="182"/>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/importmodels.py" line="188"/>
        <source> 未确认</source>
        <translation> unconfirmed</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <location filename="../../desktop/gui/bureau/overviewpage.py" line="231"/>
        <source>填报周期：</source>
        <translation>Period:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewpage.py" line="243"/>
        <source>导出汇总表…</source>
        <translation>Export summary workbook…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewpage.py" line="247"/>
        <source>催报通知…</source>
        <translation>Reminders…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewpage.py" line="249"/>
        <source>每校一份可粘贴到工作群的文字、每个乡镇一份，另有一份可打印的催报通知（.docx）</source>
        <translation>One text per school and per township to paste into a chat group, and one printable reminder notice (.docx)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewpage.py" line="252"/>
        <source>通报草稿…</source>
        <translation>Draft bulletin…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewpage.py" line="254"/>
        <source>按汇总表的数字起草通报（.docx），修改后印发</source>
        <translation>Draft a bulletin (.docx) from the summary&apos;s figures, to edit before issuing</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewpage.py" line="257"/>
        <source>县区汇总包…</source>
        <translation>County package…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewpage.py" line="259"/>
        <source>报送市局：签名的县区汇总包（各校当前的填报、学校名单和本局的汇总数字）</source>
        <translation>For the city: the signed county package (every school&apos;s current entries, the roster and this bureau&apos;s figures)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewpage.py" line="274"/>
        <source>未报送</source>
        <translation>Not reported</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewpage.py" line="274"/>
        <source>不适用于该校类型</source>
        <translation>Not for this school type</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewpage.py" line="281"/>
        <source>学校沿用了上一周期的填报，既没有确认也没有修改（格子文字为斜体）</source>
        <translation>The school carried its answer from the last period and has neither confirmed nor edited it (italic text)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewpage.py" line="282"/>
        <source>学校沿用了上一周期的填报，并确认本期仍然属实</source>
        <translation>The school carried its answer from the last period and confirmed it still holds</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewpage.py" line="293"/>
        <source>点击格子查看详情，双击审核</source>
        <translation>Click a cell for details, double-click to review</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewpage.py" line="294"/>
        <source>把鼠标停在列标题上可看任务名称；没有角标的格子是学校本期新填的</source>
        <translation>Hover over a column header for the task name; a cell without a corner mark is a new answer of this period</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewpage.py" line="324"/>
        <source>学校×任务</source>
        <translation>Schools × tasks</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewpage.py" line="327"/>
        <source>按任务</source>
        <translation>By task</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewpage.py" line="333"/>
        <source>显示：</source>
        <translation>Show:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewpage.py" line="336"/>
        <source>全部学校</source>
        <translation>All schools</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewpage.py" line="337"/>
        <source>未报送的学校</source>
        <translation>Not reported</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewpage.py" line="338"/>
        <source>逾期报送的学校</source>
        <translation>Reported late</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewpage.py" line="345"/>
        <source>审核该校…</source>
        <translation>Review this school…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewpage.py" line="351"/>
        <source>按学校</source>
        <translation>By school</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewpage.py" line="389"/>
        <source>刷新总览</source>
        <translation>Refresh the overview</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewpage.py" line="405"/>
        <source>（{due} 截止）</source>
        <translation> (due {due})</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewpage.py" line="428"/>
        <source>沿用未确认 {n}</source>
        <translation>Carried, unconfirmed: {n}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewpage.py" line="429"/>
        <source>沿用已确认 {n}</source>
        <translation>Carried, confirmed: {n}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewpage.py" line="435"/>
        <source>还没有工作计划或填报周期。</source>
        <translation>No work plan or reporting period yet.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewpage.py" line="439"/>
        <source>应报 &lt;b&gt;{n}&lt;/b&gt; 所</source>
        <translation>Expected &lt;b&gt;{n}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewpage.py" line="439"/>
        <source>已报送 &lt;b&gt;{n}&lt;/b&gt;</source>
        <translation>reported &lt;b&gt;{n}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewpage.py" line="440"/>
        <source>&lt;a href=&apos;late&apos; style=&apos;color:#b06000&apos;&gt;逾期 {n}&lt;/a&gt;</source>
        <translation>&lt;a href=&apos;late&apos; style=&apos;color:#b06000&apos;&gt;late {n}&lt;/a&gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewpage.py" line="441"/>
        <source>逾期 0</source>
        <translation>late 0</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewpage.py" line="442"/>
        <source>&lt;a href=&apos;missing&apos; style=&apos;color:#c5221f&apos;&gt;未报送 {n}&lt;/a&gt;</source>
        <translation>&lt;a href=&apos;missing&apos; style=&apos;color:#c5221f&apos;&gt;missing {n}&lt;/a&gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewpage.py" line="443"/>
        <source>未报送 0</source>
        <translation>missing 0</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewpage.py" line="444"/>
        <source>已报学校总体完成率 &lt;b&gt;{r}&lt;/b&gt;</source>
        <translation>completion (reported schools) &lt;b&gt;{r}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewpage.py" line="480"/>
        <source>{title}-{period}-汇总.xlsx</source>
        <translation>{title}-{period}-summary.xlsx</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewpage.py" line="481"/>
        <location filename="../../desktop/gui/bureau/overviewpage.py" line="485"/>
        <source>导出汇总表</source>
        <translation>Export summary workbook</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewpage.py" line="481"/>
        <location filename="../../desktop/gui/bureau/overviewpage.py" line="518"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewpage.py" line="492"/>
        <source>催报通知保存到哪个文件夹</source>
        <translation>Folder for the reminders</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewpage.py" line="496"/>
        <source>催报通知</source>
        <translation>Reminders</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewpage.py" line="503"/>
        <source>{period}通报（草稿）.docx</source>
        <translation>{period} bulletin (draft).docx</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewpage.py" line="504"/>
        <location filename="../../desktop/gui/bureau/overviewpage.py" line="508"/>
        <source>通报草稿</source>
        <translation>Draft bulletin</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewpage.py" line="504"/>
        <source>Word 文档 (*.docx)</source>
        <translation>Word document (*.docx)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewpage.py" line="516"/>
        <source>{title}-{period}-县区汇总包.xlsx</source>
        <translation>{title}-{period}-county-package.xlsx</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewpage.py" line="518"/>
        <source>县区汇总包（报送市局）</source>
        <translation>County package (for the city)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewpage.py" line="522"/>
        <source>是否附带佐证材料文件</source>
        <translation>Include the evidence files?</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewpage.py" line="523"/>
        <source>汇总包总是登记各校的佐证材料（文件名、大小、SHA-256）。是否把佐证材料文件本身也放进汇总包？文件会大很多；市局没有要求时请选“否”。</source>
        <translation>The package always lists the schools&apos; evidence (name, size, SHA-256). Put the evidence files themselves into the package too? It gets much larger; choose &quot;No&quot; unless the city asked for them.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewpage.py" line="527"/>
        <source>输入密钥口令</source>
        <translation>Key passphrase</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewpage.py" line="527"/>
        <source>签名县区汇总包需要本局密钥的口令：</source>
        <translation>Signing the county package needs this bureau&apos;s key passphrase:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewpage.py" line="531"/>
        <source>县区汇总包</source>
        <translation>County package</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewpage.py" line="542"/>
        <source>正在生成…</source>
        <translation>Writing…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/overviewpage.py" line="551"/>
        <source>已生成：{path}</source>
        <translation>Written: {path}</translation>
    </message>
</context>
<context>
    <name>PaperCheckBar</name>
    <message>
        <location filename="../../desktop/gui/bureau/papercheck.py" line="42"/>
        <source>核对纸质备案表：</source>
        <translation>Check a paper cover sheet:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/papercheck.py" line="45"/>
        <source>报送码（8 位）或扫描二维码得到的文字</source>
        <translation>Package code (8 characters) or the scanned QR text</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/papercheck.py" line="50"/>
        <source>核对</source>
        <translation>Check</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/papercheck.py" line="52"/>
        <source>查出这份纸质备案表对应的已收到文件；学校首次使用的密钥也可以据此确认</source>
        <translation>Finds the received file a paper cover sheet names; a school&apos;s first key can be confirmed by it</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/papercheck.py" line="76"/>
        <location filename="../../desktop/gui/bureau/papercheck.py" line="83"/>
        <source>按纸质备案表确认密钥</source>
        <translation>Confirm the key by the paper cover sheet</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/papercheck.py" line="77"/>
        <source>纸质备案表上盖有{name}的公章，且报送码与收到的文件一致？

确认后，该校用这把密钥签名的数据不再标“未确认”。</source>
        <translation>Does the paper cover sheet carry the seal of {name}, and does its package code match the file received?

Once confirmed, the data signed with this key is no longer marked &quot;unconfirmed&quot;.</translation>
    </message>
</context>
<context>
    <name>PaperResultDialog</name>
    <message>
        <location filename="../../desktop/gui/bureau/papercheck.py" line="108"/>
        <source>核对纸质备案表</source>
        <translation>Check a paper cover sheet</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/papercheck.py" line="124"/>
        <source>据此确认该校密钥</source>
        <translation>Confirm this school&apos;s key by this paper</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/papercheck.py" line="138"/>
        <source>没有收到报送码为 {code} 的文件。</source>
        <translation>No file with package code {code} was received.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/papercheck.py" line="140"/>
        <source>收到过同一报送码的文件，但与纸质备案表上的文件摘要不符：纸上的不是收到的那份文件，请与学校核实。</source>
        <translation>A file with this package code was received, but its checksum differs from the one on the paper: the paper is not for the file received. Check with the school.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/papercheck.py" line="142"/>
        <source>请核对报送码是否抄写正确；如果无误，说明学校还没有报送这份文件，或文件还没有导入。</source>
        <translation>Check that the code was copied right; if it was, the school has not sent this file yet or it has not been imported.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/papercheck.py" line="144"/>
        <source>找到了这份备案表对应的文件：</source>
        <translation>The file this cover sheet names was received:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/papercheck.py" line="149"/>
        <source>学校</source>
        <translation>School</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/papercheck.py" line="150"/>
        <source>填报周期</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/papercheck.py" line="150"/>
        <source>{period}，第 {rev} 次报送</source>
        <translation>{period}, revision {rev}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/papercheck.py" line="152"/>
        <source>收到时间</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/papercheck.py" line="153"/>
        <source>导入结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/papercheck.py" line="154"/>
        <source>签名公钥指纹</source>
        <translation>Signer key fingerprint</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/papercheck.py" line="155"/>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/papercheck.py" line="165"/>
        <source>已按纸质备案表确认该校密钥。</source>
        <translation>The school&apos;s key is confirmed by the paper cover sheet.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/papercheck.py" line="167"/>
        <source>重新合并了 {n} 个文件。</source>
        <translation>{n} file(s) merged again.</translation>
    </message>
</context>
<context>
    <name>PeriodsModel</name>
    <message>
        <location filename="../../desktop/gui/bureau/rostermodels.py" line="135"/>
        <source>填报周期</source>
        <translation>Reporting period</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/rostermodels.py" line="135"/>
        <source>截止日期</source>
        <translation>Due date</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/rostermodels.py" line="135"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/rostermodels.py" line="135"/>
        <source>已报送学校</source>
        <translation>Schools reported</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/rostermodels.py" line="139"/>
        <source>已关闭</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/rostermodels.py" line="139"/>
        <source>接收中</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/rostermodels.py" line="143"/>
        <source>未设</source>
        <translation>Not set</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/rostermodels.py" line="150"/>
        <source>格式：YYYY-MM-DD，双击修改</source>
        <translation>Format: YYYY-MM-DD; double-click to change</translation>
    </message>
</context>
<context>
    <name>PlanTreeModel</name>
    <message>
        <location filename="../../desktop/gui/bureau/plantree.py" line="30"/>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/plantree.py" line="30"/>
        <source>任务</source>
        <translation>Task</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/plantree.py" line="30"/>
        <source>完成时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/plantree.py" line="30"/>
        <source>指标</source>
        <translation>Targets</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/plantree.py" line="121"/>
        <source>有 {n} 个指标还没有填写目标值</source>
        <translation>{n} target(s) without a target value</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/plantree.py" line="123"/>
        <source>编号 {id}</source>
        <translation>No. {id}</translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <location filename="../../desktop/gui/bureau/importmodels.py" line="38"/>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/importmodels.py" line="38"/>
        <source>学校</source>
        <translation>School</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/importmodels.py" line="38"/>
        <source>周期</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/importmodels.py" line="38"/>
        <source>版次</source>
        <translation>Revision</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/importmodels.py" line="38"/>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/importmodels.py" line="39"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/importmodels.py" line="39"/>
        <source>怎么办</source>
        <translation>What to do</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/importmodels.py" line="96"/>
        <source>第 {n} 次</source>
        <translation>#{n}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/importmodels.py" line="99"/>
        <source>（疑似重复材料）</source>
        <translation> (suspected copy)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/importmodels.py" line="103"/>
        <source>首次报送</source>
        <translation>First report</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../../desktop/gui/bureau/reviewpage.py" line="76"/>
        <location filename="../../desktop/gui/bureau/reviewpage.py" line="224"/>
        <source>原文</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/reviewpage.py" line="92"/>
        <source>载入原文…</source>
        <translation>Load source text…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/reviewpage.py" line="94"/>
        <source>这个计划没有保存原文：选择原来的计划文件，以便对照核对</source>
        <translation>The source text of this plan was not kept: choose the original plan file to compare against</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/reviewpage.py" line="104"/>
        <source>识别出的任务</source>
        <translation>Tasks found</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/reviewpage.py" line="128"/>
        <source>← 升一级</source>
        <translation>← Outdent</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/reviewpage.py" line="129"/>
        <source>移到上一级：排在原上级之后</source>
        <translation>Move up one level, after its former parent</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/reviewpage.py" line="130"/>
        <source>降一级 →</source>
        <translation>Indent →</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/reviewpage.py" line="131"/>
        <source>移到下一级：成为前一项的下级</source>
        <translation>Move down one level, under the item above</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/reviewpage.py" line="132"/>
        <source>在光标处拆分</source>
        <translation>Split at cursor</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/reviewpage.py" line="133"/>
        <source>在右侧“具体内容”中把光标放在要拆开的位置，再点这里</source>
        <translation>Put the cursor where the task should be split in &quot;Text&quot; on the right, then click here</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/reviewpage.py" line="134"/>
        <source>与下一项合并</source>
        <translation>Merge with next</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/reviewpage.py" line="134"/>
        <source>把紧跟着的同级任务并入这一项</source>
        <translation>Merge the next task at the same level into this one</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/reviewpage.py" line="135"/>
        <location filename="../../desktop/gui/bureau/reviewpage.py" line="255"/>
        <source>设为标题</source>
        <translation>Make heading</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/reviewpage.py" line="135"/>
        <source>在标题和具体任务之间切换</source>
        <translation>Switch between heading and task</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/reviewpage.py" line="136"/>
        <source>新增任务</source>
        <translation>New task</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/reviewpage.py" line="136"/>
        <source>在这一项之后新增一项同级任务</source>
        <translation>Add a task at the same level after this one</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/reviewpage.py" line="137"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/reviewpage.py" line="137"/>
        <source>删除误识别的任务（已有学校报送的不能删除）</source>
        <translation>Delete a wrongly detected task (not once schools have reported on it)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/reviewpage.py" line="180"/>
        <source>还没有导入工作计划。点击上方“导入计划”，或把计划文件（.docx、.txt、.xlsx）拖到窗口里。</source>
        <translation>No work plan imported yet. Click &quot;Import plan&quot; above, or drag a plan file (.docx, .txt, .xlsx) into the window.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/reviewpage.py" line="206"/>
        <source>草稿，尚未发布</source>
        <translation>draft, not published yet</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/reviewpage.py" line="208"/>
        <source>已发布第 {v} 版；之后有修改，重新发布后成为第 {n} 版</source>
        <translation>version {v} published; changed since, publishing again makes version {n}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/reviewpage.py" line="210"/>
        <source>已发布第 {v} 版</source>
        <translation>version {v} published</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/reviewpage.py" line="211"/>
        <source>《{title}》 · {n} 项任务 · {status}</source>
        <translation>&quot;{title}&quot; · {n} tasks · {status}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/reviewpage.py" line="213"/>
        <source> · &lt;span style=&apos;color:#b06000&apos;&gt;{n} 个指标待填写目标值&lt;/span&gt;</source>
        <translation> · &lt;span style=&apos;color:#b06000&apos;&gt;{n} target value(s) to fill in&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/reviewpage.py" line="224"/>
        <source>原文：{name}</source>
        <translation>Source: {name}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/reviewpage.py" line="226"/>
        <source>没有保存这个计划的原文。点击下方“载入原文…”选择原计划文件。</source>
        <translation>The source text of this plan was not kept. Click &quot;Load source text…&quot; below to choose the original plan file.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/reviewpage.py" line="255"/>
        <source>设为任务</source>
        <translation>Make task</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/reviewpage.py" line="384"/>
        <source>删除任务</source>
        <translation>Delete task</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/reviewpage.py" line="384"/>
        <source>删除“{title}”？</source>
        <translation>Delete &quot;{title}&quot;?</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/reviewpage.py" line="393"/>
        <source>选择原计划文件</source>
        <translation>Choose the original plan file</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/reviewpage.py" line="393"/>
        <source>计划文件 (*.docx *.txt *.xlsx *.doc *.wps *.pdf)</source>
        <translation>Plan files (*.docx *.txt *.xlsx *.doc *.wps *.pdf)</translation>
    </message>
</context>
<context>
    <name>ReviewState</name>
    <message>
        <location filename="../../desktop/gui/bureau/schoolreview.py" line="44"/>
        <source>未审核</source>
        <translation>Not reviewed</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/schoolreview.py" line="45"/>
        <source>通过</source>
        <translation>Passed</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/schoolreview.py" line="46"/>
        <source>退回修改</source>
        <translation>Sent back</translation>
    </message>
</context>
<context>
    <name>RosterPage</name>
    <message>
        <location filename="../../desktop/gui/bureau/rosterpage.py" line="51"/>
        <source>学校名单</source>
        <translation>School roster</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/rosterpage.py" line="54"/>
        <source>从 Excel 导入学校名单…</source>
        <translation>Import roster from Excel…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/rosterpage.py" line="56"/>
        <source>表头需要有“学校代码”“学校名称”，可以有“学校类型”“所属乡镇”。已有学校按代码更新。</source>
        <translation>The header row needs the columns code and name (学校代码, 学校名称); type and township (学校类型, 所属乡镇) are optional. Schools already listed are updated by code.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/rosterpage.py" line="59"/>
        <source>保存名单模板…</source>
        <translation>Save roster template…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/rosterpage.py" line="61"/>
        <source>一张填好表头和示例的学校名单（Excel），填好后用“从 Excel 导入学校名单”导入</source>
        <translation>A school roster with its headers and an example (Excel); fill it in and use &quot;Import the school list from Excel&quot;</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/rosterpage.py" line="67"/>
        <source>保存注册码清单…</source>
        <translation>Save enrolment codes…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/rosterpage.py" line="69"/>
        <source>每校一个注册码，随正式通知发给学校（CSV，可用 Excel/WPS 打开打印）</source>
        <translation>One enrolment code per school, sent to the school with the official notice (CSV, opens in Excel/WPS to print)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/rosterpage.py" line="72"/>
        <source>删除所选学校</source>
        <translation>Remove selected school</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/rosterpage.py" line="94"/>
        <source>学校代码</source>
        <translation>School code</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/rosterpage.py" line="98"/>
        <source>学校名称</source>
        <translation>School name</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/rosterpage.py" line="103"/>
        <source>所属乡镇</source>
        <translation>Township</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/rosterpage.py" line="105"/>
        <source>添加学校</source>
        <translation>Add school</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/rosterpage.py" line="113"/>
        <source>填报周期</source>
        <translation>Reporting periods</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/rosterpage.py" line="115"/>
        <source>学校按周期报送；截止日期之后收到的文件在汇总中标为“逾期”。关闭的周期不再接收文件。</source>
        <translation>Schools report once per period; files received after the due date are marked late in the overview. A closed period accepts no more files.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/rosterpage.py" line="129"/>
        <source>关闭 / 重新开放</source>
        <translation>Close / reopen</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/rosterpage.py" line="132"/>
        <location filename="../../desktop/gui/bureau/rosterpage.py" line="268"/>
        <source>删除周期</source>
        <translation>Delete period</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/rosterpage.py" line="143"/>
        <source>周期名称，如 2027年上半年</source>
        <translation>Period name, e.g. 2027 H1</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/rosterpage.py" line="147"/>
        <source>添加周期</source>
        <translation>Add period</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/rosterpage.py" line="151"/>
        <source>截止：</source>
        <translation>Due:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/rosterpage.py" line="171"/>
        <source>共 {n} 所学校</source>
        <translation>{n} schools</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/rosterpage.py" line="194"/>
        <source>保存注册码清单</source>
        <translation>Save enrolment codes</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/rosterpage.py" line="194"/>
        <source>学校注册码.csv</source>
        <translation>enrolment-codes.csv</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/rosterpage.py" line="194"/>
        <source>CSV 文件 (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/rosterpage.py" line="207"/>
        <source>保存学校名单模板</source>
        <translation>Save the school roster template</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/rosterpage.py" line="207"/>
        <source>学校名单模板.xlsx</source>
        <translation>school roster template.xlsx</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/rosterpage.py" line="208"/>
        <source>Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv)</source>
        <translation>Excel workbook (*.xlsx);;CSV file (*.csv)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/rosterpage.py" line="223"/>
        <source>导入学校名单</source>
        <translation>Import school roster</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/rosterpage.py" line="223"/>
        <source>学校名单 (*.xlsx *.csv)</source>
        <translation>School roster (*.xlsx *.csv)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/rosterpage.py" line="238"/>
        <source>请先选择要删除的学校</source>
        <translation>Select the school to remove first</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/rosterpage.py" line="240"/>
        <source>删除学校</source>
        <translation>Remove school</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/rosterpage.py" line="240"/>
        <source>从名单中删除“{name}”？</source>
        <translation>Remove &quot;{name}&quot; from the roster?</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/rosterpage.py" line="259"/>
        <source>请先选择一个填报周期</source>
        <translation>Select a reporting period first</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/rosterpage.py" line="268"/>
        <source>删除填报周期“{name}”？</source>
        <translation>Delete the reporting period &quot;{name}&quot;?</translation>
    </message>
</context>
<context>
    <name>SchoolReviewPage</name>
    <message>
        <location filename="../../desktop/gui/bureau/schoolreview.py" line="151"/>
        <source>填报周期：</source>
        <translation>Period:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/schoolreview.py" line="156"/>
        <source>审核人：</source>
        <translation>Reviewer:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/schoolreview.py" line="166"/>
        <source>写出本校审核意见…</source>
        <translation>Write feedback for this school…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/schoolreview.py" line="170"/>
        <source>写出全部审核意见…</source>
        <translation>Write all feedback files…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/schoolreview.py" line="172"/>
        <source>为每所已有审核结论的学校写出一份审核意见文件，放到所选文件夹</source>
        <translation>Write one feedback file for every school with a decision, into the folder you choose</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/schoolreview.py" line="192"/>
        <source>总体意见（学校会在审核意见文件的封面上看到）</source>
        <translation>Overall comment (the school sees it on the cover of the feedback file)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/schoolreview.py" line="194"/>
        <source>总体通过</source>
        <translation>Pass overall</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/schoolreview.py" line="198"/>
        <source>总体退回修改</source>
        <translation>Send back overall</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/schoolreview.py" line="214"/>
        <source>本项结论</source>
        <translation>Decision on this task</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/schoolreview.py" line="218"/>
        <source>常用意见…</source>
        <translation>Quick comments…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/schoolreview.py" line="225"/>
        <source>退回修改时请写明要改什么</source>
        <translation>When sending back, say what to correct</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/schoolreview.py" line="228"/>
        <source>通过</source>
        <translation>Passed</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/schoolreview.py" line="233"/>
        <source>退回修改</source>
        <translation>Sent back</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/schoolreview.py" line="296"/>
        <source>{n} 所学校的报送可审核</source>
        <translation>{n} school report(s) to review</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/schoolreview.py" line="297"/>
        <source>这个周期还没有已合并的报送。</source>
        <translation>No report has been merged for this period yet.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/schoolreview.py" line="320"/>
        <source>{code} 在这个周期还没有已合并的报送</source>
        <translation>{code} has no merged report for this period</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/schoolreview.py" line="351"/>
        <source>&lt;b&gt;{school}&lt;/b&gt; 第 {rev} 次报送 · 总体：&lt;b&gt;{state}&lt;/b&gt; · 通过 {p}，退回 {r}，未审核 {u}</source>
        <translation>&lt;b&gt;{school}&lt;/b&gt; revision {rev} · overall: &lt;b&gt;{state}&lt;/b&gt; · {p} passed, {r} sent back, {u} not reviewed</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/schoolreview.py" line="386"/>
        <source>&lt;p&gt;填报状态：&lt;b&gt;{status}&lt;/b&gt;，进度 {p}%&lt;/p&gt;</source>
        <translation>&lt;p&gt;Status: &lt;b&gt;{status}&lt;/b&gt;, progress {p}%&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/schoolreview.py" line="391"/>
        <source>完成情况说明</source>
        <translation>What was done</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/schoolreview.py" line="391"/>
        <source>存在问题</source>
        <translation>Problems</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/schoolreview.py" line="392"/>
        <source>下步打算</source>
        <translation>Next steps</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/schoolreview.py" line="396"/>
        <source>佐证材料</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/schoolreview.py" line="399"/>
        <source>&lt;p style=&apos;color:#5f6368&apos;&gt;{state}：{who}，{when}（第 {rev} 次报送）&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:#5f6368&apos;&gt;{state}: {who}, {when} (revision {rev})&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/schoolreview.py" line="404"/>
        <source>&lt;h4 style=&apos;color:#b06000&apos;&gt;自审核的第 {a} 次报送以来的改动&lt;/h4&gt;</source>
        <translation>&lt;h4 style=&apos;color:#b06000&apos;&gt;Changed since the reviewed revision {a}&lt;/h4&gt;</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/schoolreview.py" line="426"/>
        <source> 第{n}项</source>
        <translation> no. {n}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/schoolreview.py" line="459"/>
        <source>退回修改请写明意见（可从“常用意见”中选）。</source>
        <translation>Write what to correct before sending back (or pick a quick comment).</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/schoolreview.py" line="506"/>
        <location filename="../../desktop/gui/bureau/schoolreview.py" line="525"/>
        <source>写出审核意见</source>
        <translation>Write feedback</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/schoolreview.py" line="506"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/schoolreview.py" line="517"/>
        <source>审核意见文件放到哪个文件夹</source>
        <translation>Folder for the feedback files</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/schoolreview.py" line="524"/>
        <source>正在写出审核意见…</source>
        <translation>Writing feedback…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/schoolreview.py" line="533"/>
        <source>已写出 {n} 份审核意见：{files}</source>
        <translation>{n} feedback file(s) written: {files}</translation>
    </message>
</context>
<context>
    <name>SchoolsModel</name>
    <message>
        <location filename="../../desktop/gui/bureau/rostermodels.py" line="104"/>
        <source>学校代码</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/rostermodels.py" line="104"/>
        <source>学校名称</source>
        <translation>School</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/rostermodels.py" line="104"/>
        <source>学校类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/rostermodels.py" line="104"/>
        <source>所属乡镇</source>
        <translation>Township</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/rostermodels.py" line="104"/>
        <source>注册码</source>
        <translation>Enrolment code</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/rostermodels.py" line="109"/>
        <source>（已使用）</source>
        <translation> (used)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/rostermodels.py" line="114"/>
        <source>随通知发给该校的一次性注册码：学校在初次设置时输入，教育局收到其报送即确认该校密钥</source>
        <translation>The one-time code sent to this school with the notice: the school types it at first setup, and its first report then confirms its key</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/rostermodels.py" line="120"/>
        <source>学校代码是报送文件里识别学校的依据，不能修改</source>
        <translation>Reports identify the school by this code; it cannot be changed</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/schoolreview.py" line="54"/>
        <source>学校</source>
        <translation>School</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/schoolreview.py" line="54"/>
        <source>版次</source>
        <translation>Rev.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/schoolreview.py" line="54"/>
        <source>总体结论</source>
        <translation>Overall</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/schoolreview.py" line="54"/>
        <source>退回</source>
        <translation>Back</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <location filename="../../desktop/gui/bureau/setup.py" line="49"/>
        <source>创建</source>
        <translation>Create</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/setup.py" line="52"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/setup.py" line="64"/>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/setup.py" line="71"/>
        <source>数据文件保存位置</source>
        <translation>Where to keep the database</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/setup.py" line="72"/>
        <source>台账数据文件 (*.db)</source>
        <translation>Taizhang database (*.db)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/setup.py" line="83"/>
        <source>保存数据文件的文件夹不存在：{path}</source>
        <translation>The folder for the database does not exist: {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/setup.py" line="85"/>
        <source>这个位置已经有一个数据文件，请换一个文件名（或在开始页“打开已有的数据文件”）</source>
        <translation>A database already exists there; choose another file name (or use &quot;Open an existing database&quot; on the start screen)</translation>
    </message>
</context>
<context>
    <name>StatusName</name>
    <message>
        <location filename="../../desktop/gui/bureau/messages.py" line="70"/>
        <source>已完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/messages.py" line="71"/>
        <source>进行中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/messages.py" line="72"/>
        <source>未开始</source>
        <translation>Not started</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/messages.py" line="73"/>
        <source>不适用</source>
        <translation>N/A</translation>
    </message>
</context>
<context>
    <name>TargetsModel</name>
    <message>
        <location filename="../../desktop/gui/bureau/targetsmodel.py" line="27"/>
        <source>指标（原文）</source>
        <translation>Target (as written)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/targetsmodel.py" line="27"/>
        <source>目标值</source>
        <translation>Target value</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/targetsmodel.py" line="27"/>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/targetsmodel.py" line="27"/>
        <source>口径说明（怎么统计）</source>
        <translation>How to count</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/targetsmodel.py" line="47"/>
        <source>待填写</source>
        <translation>To fill in</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/targetsmodel.py" line="52"/>
        <source>原文中的目标值是占位符（如 x、xx、**），请填写具体数字</source>
        <translation>The source has a placeholder here (such as x, xx, **); enter the actual number</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/targetsmodel.py" line="54"/>
        <source>告诉学校这个数怎么统计（例如：按人次计，同一人多次只计一次）；学校填报时能看到</source>
        <translation>Tell the schools how to count this figure (e.g. per person, each person once); schools see it when they fill in</translation>
    </message>
</context>
<context>
    <name>TaskEditor</name>
    <message>
        <location filename="../../desktop/gui/bureau/taskeditor.py" line="55"/>
        <source>必需</source>
        <translation>Required</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/taskeditor.py" line="56"/>
        <source>必需：学校必须上传佐证材料</source>
        <translation>Required: the school must attach evidence</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/taskeditor.py" line="57"/>
        <source>可选（默认）</source>
        <translation>Optional (default)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/taskeditor.py" line="58"/>
        <source>可选：学校可以上传（默认）</source>
        <translation>Optional: the school may attach evidence (default)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/taskeditor.py" line="59"/>
        <source>不需</source>
        <translation>Not needed</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/taskeditor.py" line="60"/>
        <source>不需：不要求上传，学校端不显示佐证材料框</source>
        <translation>Not needed: none asked for; the school does not see the evidence box</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/taskeditor.py" line="64"/>
        <source>学校是否要为本任务上传佐证材料；“不需”时学校端不显示佐证材料框</source>
        <translation>Whether schools attach evidence for this task; with &quot;Not needed&quot; the school does not see the evidence box</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/taskeditor.py" line="118"/>
        <source>编号：</source>
        <translation>Number:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/taskeditor.py" line="129"/>
        <source>具体内容：</source>
        <translation>Text:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/taskeditor.py" line="132"/>
        <source>用顿号分隔，例如：基础教育股、各中小学</source>
        <translation>Separated by commas, e.g. Education Section, all schools</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/taskeditor.py" line="137"/>
        <source>年-月，例如 2026-06；不限时留空</source>
        <translation>Year-month, e.g. 2026-06; empty if none</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/taskeditor.py" line="146"/>
        <source>佐证材料：</source>
        <translation>Evidence:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/taskeditor.py" line="154"/>
        <source>适用学校（学校只看到适用于本校类型的任务；都不勾选 = 所有学校）：</source>
        <translation>Applies to (none ticked = all schools):</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/taskeditor.py" line="165"/>
        <source>指定学校：</source>
        <translation>Named schools:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/taskeditor.py" line="168"/>
        <source>学校名称，用顿号分隔</source>
        <translation>School names, separated by commas</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/taskeditor.py" line="171"/>
        <source>按责任单位推断</source>
        <translation>Infer from units</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/taskeditor.py" line="173"/>
        <source>根据“责任单位”中的各中小学、各幼儿园等重新推断适用学校</source>
        <translation>Work out the applicable schools again from the responsible units (such as &quot;all schools&quot; or &quot;all kindergartens&quot;)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/taskeditor.py" line="181"/>
        <source>添加指标</source>
        <translation>Add target</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/taskeditor.py" line="184"/>
        <source>删除指标</source>
        <translation>Remove target</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/taskeditor.py" line="229"/>
        <source>在左侧选择一项任务进行核对和修改</source>
        <translation>Choose a task on the left to review and edit it</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/taskeditor.py" line="231"/>
        <source>标题</source>
        <translation>Heading</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/taskeditor.py" line="231"/>
        <source>任务</source>
        <translation>Task</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/taskeditor.py" line="232"/>
        <source>{kind} · 编号 {id}</source>
        <translation>{kind} · No. {id}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/taskeditor.py" line="358"/>
        <source>新指标</source>
        <translation>New target</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/taskeditor.py" line="373"/>
        <source>请先在表格中选择要删除的指标</source>
        <translation>Select the target to remove in the table first</translation>
    </message>
</context>
<context>
    <name>TasksModel</name>
    <message>
        <location filename="../../desktop/gui/bureau/schoolreview.py" line="92"/>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/schoolreview.py" line="92"/>
        <source>任务</source>
        <translation>Task</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/schoolreview.py" line="92"/>
        <source>填报状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/schoolreview.py" line="92"/>
        <source>审核</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/schoolreview.py" line="92"/>
        <source>意见</source>
        <translation>Comment</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/schoolreview.py" line="93"/>
        <source>审核后改动</source>
        <translation>Changed since review</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/schoolreview.py" line="111"/>
        <source>有改动（{n} 处）</source>
        <translation>changed ({n})</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/schoolreview.py" line="114"/>
        <source>{status}（沿用·已确认）</source>
        <translation>{status} (carried, confirmed)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/bureau/schoolreview.py" line="115"/>
        <source>{status}（沿用·未确认）</source>
        <translation>{status} (carried, unconfirmed)</translation>
    </message>
</context>
</TS>
