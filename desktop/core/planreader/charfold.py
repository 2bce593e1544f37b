"""Character folding for matching: one character in, one character out.

Plans arrive with full-width and ASCII punctuation mixed, full-width digits, and sometimes in
Traditional characters. The parser matches its grammar against a *folded* copy of each line and
slices the original line with the same offsets, so everything the user sees stays as written.
Folding is therefore strictly one code point to one code point (``str.translate`` with single
characters), which keeps offsets aligned.

Folded form: full-width ASCII variants become ASCII (``（１）`` -> ``(1)``, ``：`` -> ``:``,
``％`` -> ``%``), the ideographic space becomes a space, and common Traditional characters used
in plan documents become their Simplified forms (``責任單位`` -> ``责任单位``).
"""

from __future__ import annotations

# Traditional -> Simplified, only characters whose Simplified form is a single character.
# Chosen for the vocabulary of plan documents: field keys, school types, units of measure,
# numbering words, section keywords and the commonest function words.
_HANT = (
    "責责任任單单牽牵頭头時时間间辦办協协負负門门總总結结計计劃划畫画後后點点開开況况問问題题"
    "學学級级兒儿園园職职業业貫贯製制義义務务區区縣县內内週周節节項项處处個个場场萬万億亿"
    "達达蓋盖於于與与為为實实現现發发進进動动導导員员體体質质設设備备據据組组織织黨党標标準准"
    "數数歲岁臺台張张冊册類类種种條条戶户畝亩課课輛辆棟栋屆届輪轮這这們们來来說说國国會会對对"
    "從从經经濟济關关應应該该過过還还將将並并係系專专歷历強强續续確确檢检驗验證证構构舉举訓训"
    "練练師师資资費费財财勞劳藝艺術术衛卫書书圖图館馆機机電电網网絡络訊讯監监測测評评價价審审"
    "紀纪風风險险環环營营養养飲饮車车輔辅託托補补貼贴獎奖勵励優优選选擇择隊队傳传統统戰战線线"
    "調调報报執执規规範范徹彻嚴严畢毕遷迁擴扩穩稳爭争創创積积極极權权廣广寬宽樂乐聯联繫系鎮镇"
    "鄉乡裡里裏里際际屬属隨随須须雙双減减輕轻壓压擔担當当層层歸归啟启號号貳贰參叁陸陆鑑鉴"
    "覽览歡欢團团靈灵氣气語语讀读寫写聽听誤误謀谋議议許许論论設设計计認认識识譜谱護护衝冲"
    "費费運运遞递邊边遠远適适選选遺遗郵邮醫医鐘钟鐵铁長长門门閱阅陳陈險险難难雲云電电靜静"
    "頁页順顺須须預预領领頻频額额題题願愿顧顾飛飞館馆驅驱體体髮发鬥斗魚鱼鳥鸟麥麦黃黄齊齐"
    "齡龄龍龙價价倉仓偉伟側侧偵侦傷伤傾倾僅仅億亿償偿優优儲储兩两冊册劃划劑剂劍剑勝胜勢势"
    "勻匀區区協协廠厂歷历厲厉參参雙双變变敘叙嘆叹嚴严園园圍围圓圆團团壞坏壯壮夢梦夥伙奪夺"
    "奮奋婦妇媽妈孫孙審审寶宝將将專专尋寻導导屆届屬属岡冈島岛幣币幫帮廢废廬庐廳厅彈弹徵征"
    "應应懷怀態态慮虑慶庆憂忧戲戏戶户掃扫掛挂採采換换揮挥損损搶抢撥拨據据擁拥擊击擬拟擔担"
    "擴扩攜携敗败敵敌數数斷断晉晋暫暂曆历曉晓書书東东業业極极構构標标樣样樓楼橋桥機机權权"
    "歡欢殘残殺杀氣气漢汉濟济灣湾災灾無无為为營营爾尔牆墙獨独獲获環环現现產产畫画異异療疗"
    "盡尽監监盤盘眾众礎础禮礼禦御稅税穩稳競竞筆笔簡简糧粮紅红約约級级紀纪純纯紙纸細细終终"
    "組组結结絕绝給给統统絲丝綜综綠绿維维網网緊紧線线編编緣缘縮缩績绩總总織织繪绘繼继續续"
    "罰罚義义習习聖圣聞闻聯联聲声職职肅肃脅胁腦脑臨临興兴舉举艦舰莊庄華华萬万葉叶蘭兰"
    "處处號号虧亏補补裝装複复襲袭見见規规視视親亲覺觉觀观計计訂订記记訪访設设許许訴诉診诊"
    "詞词試试詩诗話话該该詳详誌志認认誠诚說说誰谁課课調调談谈請请論论諮咨講讲謝谢證证識识"
    "譯译護护讓让讚赞豐丰貝贝負负財财責责貧贫貨货販贩貫贯貴贵貸贷費费賀贺資资賓宾賞赏賢贤"
    "質质購购贊赞趕赶軍军軟软較较載载輔辅輸输轉转辦办農农連连週周進进遊游運运過过達达違违"
    "遠远適适選选遺遗還还邊边郵邮鄉乡醫医釋释針针鋼钢錄录錢钱錯错鍊炼鍛锻鎖锁鎮镇鏈链鐘钟"
    "鑒鉴長长閉闭開开閒闲間间閱阅闆板闊阔關关陣阵陰阴陽阳陸陆隊队階阶隨随險险隱隐雜杂雞鸡"
    "離离難难電电需需靜静響响頂顶項项順顺須须預预頓顿領领頻频顆颗題题額额顏颜願愿類类顧顾"
    "風风飛飞飯饭飽饱餘余館馆馬马駐驻驗验騎骑體体髮发鬧闹魯鲁鳳凤麗丽黨党齊齐齒齿龍龙"
    "別别註注啓启彙汇匯汇幹干滙汇夠够冊册"
)
_HANT_MAP = {ord(_HANT[i]): _HANT[i + 1] for i in range(0, len(_HANT) - 1, 2)}

_TABLE: dict[int, str] = {}
for _cp in range(0xFF01, 0xFF5F):  # full-width ASCII variants
    _TABLE[_cp] = chr(_cp - 0xFEE0)
_TABLE.update(
    {
        0x3000: " ",  # ideographic space
        0x00A0: " ",
        0x2002: " ",
        0x2003: " ",
        0x2009: " ",
        0x200B: " ",  # zero-width space (keeps offsets; collapses like whitespace)
        0xFEFF: " ",
        0x25CB: "〇",  # ○ used as a zero in 二○二二年
        0xFE59: "(",
        0xFE5A: ")",
        0xFF64: "、",  # half-width ideographic comma
        0xFF61: "。",  # half-width ideographic full stop
        0x2236: ":",  # ratio sign used as a colon
        0xFE30: ":",
    }
)
_TABLE.update(_HANT_MAP)
# Pairs such as 需需 map a character to itself; drop them to keep the table small.
_TABLE = {k: v for k, v in _TABLE.items() if chr(k) != v}


def fold(text: str) -> str:
    """Return ``text`` folded for matching; ``len(fold(t)) == len(t)`` always."""
    return text.translate(_TABLE)
