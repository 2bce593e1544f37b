<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name></name>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="37"/>
        <source>已合并</source>
        <translation>Merged</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="37"/>
        <source>重复</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="37"/>
        <source>旧版次</source>
        <translation>Older revision</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="38"/>
        <source>拒收</source>
        <translation>Rejected</translation>
    </message>
</context>
<context>
    <name>CityEntriesModel</name>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="152"/>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="152"/>
        <source>任务</source>
        <translation>Task</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="152"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="152"/>
        <source>进度%</source>
        <translation>Progress %</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="152"/>
        <source>完成情况说明</source>
        <translation>Narrative</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="152"/>
        <source>存在问题</source>
        <translation>Problems</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="152"/>
        <source>佐证材料</source>
        <translation>Evidence</translation>
    </message>
</context>
<context>
    <name>CityImportPage</name>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="71"/>
        <source>把各县区报送的县区汇总包（.xlsx）、整个文件夹或 .zip 压缩包拖到这里，
或者点右边的按钮选择。同一文件重复导入不会重复计算。</source>
        <translation>Drop the county packages (.xlsx) the counties sent, a whole folder or a .zip archive here,
or choose them with the buttons on the right. Importing the same file again counts it once.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="75"/>
        <source>选择文件…</source>
        <translation>Choose files…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="78"/>
        <source>选择文件夹…</source>
        <translation>Choose a folder…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="90"/>
        <source>还没有导入文件。</source>
        <translation>No files imported yet.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="98"/>
        <source>县区密钥更换（核对指纹后批准）</source>
        <translation>Changed county keys (approve after comparing the fingerprint)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="100"/>
        <source>县区重装电脑后签名密钥会变：请电话核对县区教育局报来的新指纹，完全一致再批准；批准后等待的文件自动合并。</source>
        <translation>A county&apos;s signing key changes when its PC is reinstalled: compare the new fingerprint with the county bureau by phone and approve only when it is identical; the waiting files are merged then.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="108"/>
        <source>批准所选密钥</source>
        <translation>Approve the selected key</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="111"/>
        <source>拒绝</source>
        <translation>Refuse</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="134"/>
        <source>选择县区汇总包</source>
        <translation>Choose county packages</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="134"/>
        <source>县区汇总包 (*.xlsx *.zip);;所有文件 (*)</source>
        <translation>County packages (*.xlsx *.zip);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="139"/>
        <source>选择存放县区汇总包的文件夹</source>
        <translation>Choose the folder with the county packages</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="149"/>
        <source>正在核验并合并…</source>
        <translation>Verifying and merging…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="183"/>
        <source>导入完成：已合并 {a}，重复 {d}，旧版次 {s}，拒收 {r}</source>
        <translation>Import finished: merged {a}, duplicate {d}, older revision {s}, rejected {r}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="212"/>
        <source>批准 {county} 的新密钥？

新指纹：
{fp}

请先与县区教育局电话核对，逐组一致再批准。</source>
        <translation>Approve the new key of {county}?

New fingerprint:
{fp}

Compare it with the county bureau by phone first; approve only if every group matches.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="214"/>
        <source>批准县区密钥</source>
        <translation>Approve county key</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="223"/>
        <source>已批准 {county} 的密钥，重新合并 {n} 个文件</source>
        <translation>Key of {county} approved; {n} file(s) merged again</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="230"/>
        <source>拒绝县区密钥</source>
        <translation>Refuse county key</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="230"/>
        <source>拒绝 {county} 的新密钥？用它签名的文件不会合并。</source>
        <translation>Refuse the new key of {county}? Files signed with it are not merged.</translation>
    </message>
</context>
<context>
    <name>CityKeysModel</name>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="111"/>
        <source>县区</source>
        <translation>County</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="111"/>
        <source>新密钥指纹</source>
        <translation>New key fingerprint</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="111"/>
        <source>原密钥指纹</source>
        <translation>Pinned key fingerprint</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="111"/>
        <source>等待合并的文件</source>
        <translation>Files waiting</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="111"/>
        <source>首次收到</source>
        <translation>First seen</translation>
    </message>
</context>
<context>
    <name>CityOverviewPage</name>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="259"/>
        <source>填报周期：</source>
        <translation>Period:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="269"/>
        <location filename="../../desktop/gui/city/window.py" line="381"/>
        <source>导出市级汇总表…</source>
        <translation>Export city summary…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="277"/>
        <source>各县区（按完成率排序）</source>
        <translation>Counties (by completion rate)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="281"/>
        <source>所选县区的学校</source>
        <translation>Schools of the selected county</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="284"/>
        <location filename="../../desktop/gui/city/window.py" line="342"/>
        <source>所选学校的填报</source>
        <translation>Entries of the selected school</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="325"/>
        <source>还没有导入县区汇总包：在“导入汇总包”页导入各县区报送的文件。</source>
        <translation>No county package imported yet: import the files the counties sent on the &quot;Import packages&quot; page.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="327"/>
        <source>{n} 个县区 · 学校 {schools} 所，已报送 {reported}，未报送 {missing} · 报送率 {rr} · 完成率 {rate}</source>
        <translation>{n} counties · {schools} schools, {reported} reported, {missing} not reported · reporting rate {rr} · completion rate {rate}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="340"/>
        <source>{county}的学校（{n} 所，未报送 {m} 所）</source>
        <translation>Schools of {county} ({n}, {m} not reported)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="352"/>
        <source>{name}的填报（第 {n} 次报送）</source>
        <translation>Entries of {name} (revision {n})</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="353"/>
        <source>{name}：本周期未报送</source>
        <translation>{name}: not reported this period</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="359"/>
        <source>{period}-市级汇总.xlsx</source>
        <translation>{period}-city-summary.xlsx</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="360"/>
        <location filename="../../desktop/gui/city/window.py" line="367"/>
        <source>导出市级汇总表</source>
        <translation>Export city summary</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="360"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="365"/>
        <source>正在生成…</source>
        <translation>Writing…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="376"/>
        <source>已生成：{path}</source>
        <translation>Written: {path}</translation>
    </message>
</context>
<context>
    <name>CityResultsModel</name>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="84"/>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="84"/>
        <source>结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="84"/>
        <source>县区</source>
        <translation>County</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="84"/>
        <source>周期</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="84"/>
        <source>版次</source>
        <translation>Revision</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="84"/>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>CitySchoolsModel</name>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="133"/>
        <source>学校代码</source>
        <translation>School code</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="133"/>
        <source>学校名称</source>
        <translation>School name</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="133"/>
        <source>乡镇</source>
        <translation>Township</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="133"/>
        <source>报送情况</source>
        <translation>Reporting</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="133"/>
        <source>县内排名</source>
        <translation>Rank in county</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="134"/>
        <source>完成率</source>
        <translation>Completion rate</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="137"/>
        <source>已报送（密钥未确认）</source>
        <translation>Reported (key unconfirmed)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="137"/>
        <source>已报送</source>
        <translation>Reported</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="137"/>
        <source>未报送</source>
        <translation>Not reported</translation>
    </message>
</context>
<context>
    <name>CitySetupDialog</name>
    <message>
        <location filename="../../desktop/gui/city/setup.py" line="33"/>
        <source>创建市局汇总台账</source>
        <translation>Create the city ledger</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/setup.py" line="38"/>
        <source>本机将作为市教育局的台账：导入各县区报送的县区汇总包，按县区和学校两级汇总。各县区在教育局台账的“汇总”页用“县区汇总包…”导出该文件。</source>
        <translation>This PC becomes the city education bureau&apos;s ledger: it imports the county packages the counties send and sums them up by county and by school. A county writes that file on the &quot;Summary&quot; page of its bureau ledger with &quot;County package…&quot;.</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/setup.py" line="45"/>
        <source>例如：张掖市</source>
        <translation>e.g. 张掖市</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/setup.py" line="46"/>
        <source>市名称：</source>
        <translation>City name:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/setup.py" line="50"/>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/setup.py" line="54"/>
        <source>数据文件保存在：</source>
        <translation>Database file:</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/setup.py" line="69"/>
        <source>创建</source>
        <translation>Create</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/setup.py" line="71"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/setup.py" line="72"/>
        <source>完成，进入市局台账</source>
        <translation>Done, open the city ledger</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/setup.py" line="82"/>
        <source>数据文件保存位置</source>
        <translation>Where to save the database</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/setup.py" line="82"/>
        <source>台账数据文件 (*.db)</source>
        <translation>Taizhang database (*.db)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/setup.py" line="90"/>
        <source>请填写市名称</source>
        <translation>Enter the city name</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/setup.py" line="93"/>
        <source>保存数据文件的文件夹不存在：{path}</source>
        <translation>The folder for the database does not exist: {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/setup.py" line="96"/>
        <source>这个位置已经有一个数据文件，请换一个文件名（或在开始页“打开已有的数据文件”）</source>
        <translation>A database already exists there: choose another name (or use &quot;Open an existing database&quot; on the start screen)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/setup.py" line="105"/>
        <source>{city}的市局台账已创建。本局公钥指纹：
{fp}</source>
        <translation>The city ledger of {city} is created. The bureau key fingerprint:
{fp}</translation>
    </message>
</context>
<context>
    <name>CityWindow</name>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="401"/>
        <source>台账 · {city}教育局（市局汇总）</source>
        <translation>Taizhang · {city} education bureau (city summary)</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="407"/>
        <source>导入汇总包</source>
        <translation>Import packages</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="408"/>
        <source>汇总</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="412"/>
        <source>市级汇总表已导出：{path}</source>
        <translation>City summary exported: {path}</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="413"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="414"/>
        <source>导入汇总包(&amp;I)…</source>
        <translation>&amp;Import packages…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="415"/>
        <source>导入文件夹(&amp;D)…</source>
        <translation>Import a fol&amp;der…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="416"/>
        <source>导出市级汇总表(&amp;S)…</source>
        <translation>Export city &amp;summary…</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="418"/>
        <source>退出(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="419"/>
        <source>语言(&amp;L)</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/window.py" line="420"/>
        <source>市局公钥指纹：{fp}</source>
        <translation>City key fingerprint: {fp}</translation>
    </message>
</context>
<context>
    <name>CountiesModel</name>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="121"/>
        <source>县区</source>
        <translation>County</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="121"/>
        <source>工作计划</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="121"/>
        <source>汇总版次</source>
        <translation>Package revision</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="121"/>
        <source>学校数</source>
        <translation>Schools</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="121"/>
        <source>已报送</source>
        <translation>Reported</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="121"/>
        <source>未报送</source>
        <translation>Not reported</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="121"/>
        <source>报送率</source>
        <translation>Reporting rate</translation>
    </message>
    <message>
        <location filename="../../desktop/gui/city/models.py" line="122"/>
        <source>完成率</source>
        <translation>Completion rate</translation>
    </message>
</context>
</TS>
