<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name></name>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="47"/>
        <source>已合并</source>
        <translation>Merged</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="47"/>
        <source>重复</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="47"/>
        <source>旧版次</source>
        <translation>Older revision</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="48"/>
        <source>拒收</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="112"/>
        <source>待批准密钥</source>
        <translation>Key to approve</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="112"/>
        <source>密钥已批准，已重新合并</source>
        <translation>Key approved, merged again</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="113"/>
        <source>密钥已核对</source>
        <translation>key compared</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="115"/>
        <source>疑似重复材料</source>
        <translation>suspected copied material</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="117"/>
        <source>{result}（{notes}）</source>
        <translation>{result} ({notes})</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="117"/>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="190"/>
        <source>疑似重复材料：与其他县区学校相同的佐证材料或完成情况说明 {n} 处，见右侧填报</source>
        <translation>Suspected copied material: {n} evidence file(s) or narrative(s) identical to another county&apos;s school; see the entries on the right</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="228"/>
        <location filename="../../desktop/gui/city/models.py" line="235"/>
        <source>等</source>
        <translation> and others</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="228"/>
        <source>同 {who}</source>
        <translation>as {who}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="237"/>
        <source>佐证材料“{name}”与 {others} 相同</source>
        <translation>evidence “{name}” identical to {others}&apos;s</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="239"/>
        <source>完成情况说明与 {others} 相同</source>
        <translation>narrative identical to {others}&apos;s</translation>
    </message>
</context>
<context>
    <name>CityEntriesModel</name>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="203"/>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="203"/>
        <source>任务</source>
        <translation>Task</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="203"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="203"/>
        <source>进度%</source>
        <translation>Progress %</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="204"/>
        <source>完成情况说明</source>
        <translation>Narrative</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="204"/>
        <source>存在问题</source>
        <translation>Problems</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="204"/>
        <source>佐证材料</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="203"/>
        <source>疑似重复材料</source>
        <translation>Suspected copies</translation>
    </message>
</context>
<context>
    <name>CityImportPage</name>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="75"/>
        <source>把各县区报送的县区汇总包（.xlsx）、整个文件夹或 .zip 压缩包拖到这里，
或者点右边的按钮选择。同一文件重复导入不会重复计算。</source>
        <translation>Drop the county packages (.xlsx) the counties sent, a whole folder or a .zip archive here,
or choose them with the buttons on the right. Importing the same file again counts it once.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="79"/>
        <source>选择文件…</source>
        <translation>Choose files…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="82"/>
        <source>选择文件夹…</source>
        <translation>Choose a folder…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="94"/>
        <source>还没有导入文件。</source>
        <translation>No files imported yet.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="104"/>
        <source>县区密钥（电话核对指纹后批准）</source>
        <translation>County keys (approve after comparing the fingerprint by phone)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="106"/>
        <source>第一次收到某县区的汇总包，或县区重装电脑后密钥变了，都列在这里：请打电话请县区教育局读出其密钥指纹，逐组一致再批准；密钥更换批准后，等待的文件自动合并。</source>
        <translation>A county&apos;s first package, or a county whose key changed after a reinstall, is listed here: call the county bureau, have them read out their key fingerprint and approve only if every group matches; once a changed key is approved, the files waiting for it are merged.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="116"/>
        <source>批准所选密钥</source>
        <translation>Approve the selected key</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="119"/>
        <source>拒绝</source>
        <translation>Refuse</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="149"/>
        <source>选择县区汇总包</source>
        <translation>Choose county packages</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="149"/>
        <source>县区汇总包 (*.xlsx *.zip);;所有文件 (*)</source>
        <translation>County packages (*.xlsx *.zip);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="154"/>
        <source>选择存放县区汇总包的文件夹</source>
        <translation>Choose the folder with the county packages</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="164"/>
        <source>正在核验并合并…</source>
        <translation>Verifying and merging…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="198"/>
        <source>导入完成：已合并 {a}，重复 {d}，旧版次 {s}，拒收 {r}</source>
        <translation>Import finished: merged {a}, duplicate {d}, older revision {s}, rejected {r}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="202"/>
        <source>；{n} 个汇总包含疑似重复材料（黄色行，仅提示，已合并），详见“汇总”页各校填报和市级汇总表</source>
        <translation>; {n} package(s) contain suspected copied material (yellow rows, flagged only, merged): see the schools&apos; entries on the Summary tab and the city summary</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="237"/>
        <source>正在批准{county}的密钥…</source>
        <translation>Approving {county}&apos;s key…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="246"/>
        <source>已批准{county}的密钥，合并了 {n} 个等待中的文件</source>
        <translation>{county}&apos;s key approved; {n} waiting file(s) merged</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="252"/>
        <source>批准县区密钥</source>
        <translation>Approve county key</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="263"/>
        <source>拒绝县区密钥</source>
        <translation>Refuse county key</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="263"/>
        <source>拒绝 {county} 的新密钥？用它签名的文件不会合并。</source>
        <translation>Refuse the new key of {county}? Files signed with it are not merged.</translation>
    </message>
</context>
<context>
    <name>CityKeysModel</name>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="149"/>
        <source>县区</source>
        <translation>County</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="149"/>
        <source>原密钥指纹</source>
        <translation>Pinned key fingerprint</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="149"/>
        <source>等待合并的文件</source>
        <translation>Files waiting</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="149"/>
        <source>情况</source>
        <translation>Case</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="149"/>
        <source>待核对的密钥指纹</source>
        <translation>Fingerprint to compare</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="150"/>
        <source>首次收到</source>
        <translation>First seen</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="154"/>
        <source>首次收到，未核对</source>
        <translation>First key, not compared</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="154"/>
        <source>密钥已更换</source>
        <translation>Key changed</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="155"/>
        <source>—（首次使用）</source>
        <translation>— (first use)</translation>
    </message>
</context>
<context>
    <name>CityOverviewPage</name>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="292"/>
        <source>填报周期：</source>
        <translation>Period:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="302"/>
        <location filename="../../desktop/gui/city/window.py" line="423"/>
        <source>导出市级汇总表…</source>
        <translation>Export city summary…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="310"/>
        <source>各县区（按完成率排序）</source>
        <translation>Counties (by completion rate)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="314"/>
        <source>所选县区的学校</source>
        <translation>Schools of the selected county</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="317"/>
        <location filename="../../desktop/gui/city/window.py" line="380"/>
        <source>所选学校的填报</source>
        <translation>Entries of the selected school</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="358"/>
        <source>还没有导入县区汇总包：在“导入汇总包”页导入各县区报送的文件。</source>
        <translation>No county package imported yet: import the files the counties sent on the &quot;Import packages&quot; page.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="360"/>
        <source>{n} 个县区 · 学校 {schools} 所，已报送 {reported}，未报送 {missing} · 报送率 {rr} · 完成率 {rate}</source>
        <translation>{n} counties · {schools} schools, {reported} reported, {missing} not reported · reporting rate {rr} · completion rate {rate}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="378"/>
        <source>{county}的学校（{n} 所，未报送 {m} 所）</source>
        <translation>Schools of {county} ({n}, {m} not reported)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="391"/>
        <source>{name}的填报（第 {n} 次报送）</source>
        <translation>Entries of {name} (revision {n})</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="392"/>
        <source>{name}：本周期未报送</source>
        <translation>{name}: not reported this period</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="395"/>
        <source> · {n} 项与其他县区学校的材料相同（疑似重复材料，黄色）</source>
        <translation> · {n} entries share material with another county&apos;s schools (suspected copies, yellow)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="401"/>
        <source>{period}-市级汇总.xlsx</source>
        <translation>{period}-city-summary.xlsx</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="402"/>
        <location filename="../../desktop/gui/city/window.py" line="409"/>
        <source>导出市级汇总表</source>
        <translation>Export city summary</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="402"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="407"/>
        <source>正在生成…</source>
        <translation>Writing…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="418"/>
        <source>已生成：{path}</source>
        <translation>Written: {path}</translation>
    </message>
</context>
<context>
    <name>CityResultsModel</name>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="94"/>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="94"/>
        <source>结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="94"/>
        <source>县区</source>
        <translation>County</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="94"/>
        <source>周期</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="94"/>
        <source>版次</source>
        <translation>Revision</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="94"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>CitySchoolsModel</name>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="180"/>
        <source>学校代码</source>
        <translation>School code</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="180"/>
        <source>学校名称</source>
        <translation>School name</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="180"/>
        <source>乡镇</source>
        <translation>Township</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="180"/>
        <source>报送情况</source>
        <translation>Reporting</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="180"/>
        <source>县内排名</source>
        <translation>Rank in county</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="181"/>
        <source>完成率</source>
        <translation>Completion rate</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="184"/>
        <source>已报送（密钥未确认）</source>
        <translation>Reported (key unconfirmed)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="184"/>
        <source>已报送</source>
        <translation>Reported</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="184"/>
        <source>未报送</source>
        <translation>Not reported</translation>
    </message>
</context>
<context>
    <name>CitySetupDialog</name>
    <message>
        <location filename="../../desktop/gui/city/setup.py" line="22"/>
        <source>创建市局汇总台账</source>
        <translation>Create the city ledger</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/setup.py" line="25"/>
        <source>本机将作为市教育局的台账：导入各县区报送的县区汇总包，按县区和学校两级汇总。各县区在教育局台账的“汇总”页用“县区汇总包…”导出该文件。</source>
        <translation>This PC becomes the city education bureau&apos;s ledger: it imports the county packages the counties send and sums them up by county and by school. A county writes that file on the &quot;Summary&quot; page of its bureau ledger with &quot;County package…&quot;.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/setup.py" line="32"/>
        <source>例如：张掖市</source>
        <translation>e.g. 张掖市</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/setup.py" line="33"/>
        <source>市名称：</source>
        <translation>City name:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/setup.py" line="34"/>
        <source>数据文件保存在：</source>
        <translation>Database file:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/setup.py" line="23"/>
        <source>完成，进入市局台账</source>
        <translation>Done, open the city ledger</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/setup.py" line="50"/>
        <source>请填写市名称</source>
        <translation>Enter the city name</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/setup.py" line="61"/>
        <source>{city}的市局台账已创建。本局公钥指纹：
{fp}</source>
        <translation>The city ledger of {city} is created. The bureau key fingerprint:
{fp}</translation>
    </message>
</context>
<context>
    <name>CityWindow</name>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="443"/>
        <source>台账 · {city}教育局（市局汇总）</source>
        <translation>Taizhang · {city} education bureau (city summary)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="449"/>
        <source>导入汇总包</source>
        <translation>Import packages</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="450"/>
        <source>汇总</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="454"/>
        <source>市级汇总表已导出：{path}</source>
        <translation>City summary exported: {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="455"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="456"/>
        <source>导入汇总包(&amp;I)…</source>
        <translation>&amp;Import packages…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="457"/>
        <source>导入文件夹(&amp;D)…</source>
        <translation>Import a fol&amp;der…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="458"/>
        <source>导出市级汇总表(&amp;S)…</source>
        <translation>Export city &amp;summary…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="460"/>
        <source>退出(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="461"/>
        <source>语言(&amp;L)</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="462"/>
        <source>市局公钥指纹：{fp}</source>
        <translation>City key fingerprint: {fp}</translation>
    </message>
</context>
<context>
    <name>CountiesModel</name>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="164"/>
        <source>县区</source>
        <translation>County</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="164"/>
        <source>工作计划</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="164"/>
        <source>汇总版次</source>
        <translation>Package revision</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="164"/>
        <source>学校数</source>
        <translation>Schools</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="164"/>
        <source>已报送</source>
        <translation>Reported</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="164"/>
        <source>未报送</source>
        <translation>Not reported</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="164"/>
        <source>报送率</source>
        <translation>Reporting rate</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="165"/>
        <source>完成率</source>
        <translation>Completion rate</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="165"/>
        <source>县区密钥</source>
        <translation>County key</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="170"/>
        <source>未核对</source>
        <translation>Not compared</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="170"/>
        <source>已核对</source>
        <translation>Compared</translation>
    </message>
</context>
<context>
    <name>KeyApprovalDialog</name>
    <message>
        <location filename="../../desktop/gui/city/keydialog.py" line="21"/>
        <source>核对县区密钥</source>
        <translation>Compare the county key</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/keydialog.py" line="21"/>
        <source>批准县区新密钥</source>
        <translation>Approve the county&apos;s new key</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/keydialog.py" line="25"/>
        <source>这是第一次收到{county}教育局的汇总包，它的签名密钥还没有核对。
请打电话给{county}教育局，请对方读出县区端“首页”上的本县密钥指纹，与下面逐组核对：</source>
        <translation>This is the first package from the {county} education bureau; its signing key has not been compared yet.
Call the {county} bureau, have them read out the key fingerprint on the Home tab of their county window, and compare it group by group with the one below:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/keydialog.py" line="28"/>
        <source>{county}教育局的签名密钥变了（重装系统或换了电脑时会这样）。
请打电话给{county}教育局，请对方读出县区端“首页”上的本县密钥指纹，与下面的新指纹逐组核对：</source>
        <translation>The signing key of the {county} education bureau changed (as after a reinstall or a new computer).
Call the {county} bureau, have them read out the key fingerprint on the Home tab of their county window, and compare it group by group with the new one below:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/keydialog.py" line="37"/>
        <source>原密钥指纹：{old}</source>
        <translation>Previous key fingerprint: {old}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/keydialog.py" line="38"/>
        <source>批准后，用新密钥签名、正在等待的 {n} 个文件会立即合并；原密钥签名的文件以后不再接收。</source>
        <translation>Once approved, the {n} waiting file(s) signed with the new key are merged at once; files signed with the previous key are no longer accepted.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/keydialog.py" line="41"/>
        <source>核对一致后批准：该县区的汇总数据不再标“密钥未核对”。</source>
        <translation>Approve once it matches: the county&apos;s figures are then no longer marked “key not compared”.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/keydialog.py" line="42"/>
        <source>只要有一组不一致就不要批准，先与县区核实是谁发的文件。</source>
        <translation>If any group differs, do not approve: first find out with the county who sent the file.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/keydialog.py" line="48"/>
        <source>我已与{county}教育局电话核对，16 组完全一致</source>
        <translation>I compared it with the {county} bureau by phone: all 16 groups match</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/keydialog.py" line="52"/>
        <source>批准</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/keydialog.py" line="55"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
</TS>
