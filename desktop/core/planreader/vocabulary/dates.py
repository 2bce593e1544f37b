"""Date words (deadlines.py): month words, open-ended deadline words, verbs of achievement."""

# Words that stand for a month of the plan's year: (word, month, example)
MONTH_WORDS = (
    ("年底", 12, "完成时限：年底前"),
    ("年末", 12, "完成时限：年末"),
    ("年内", 12, "完成时限：年内"),
    ("全年", 12, "完成时限：全年"),
    ("年度内", 12, "完成时限：年度内"),
    ("上半年", 6, "完成时限：上半年"),
    ("下半年", 12, "完成时限：下半年"),
)
# A deadline value that says the work has no end date.
OPEN_ENDED = (
    ("长期", "完成时限：长期坚持"),
    ("持续", "完成时限：持续推进"),
    ("常态", "完成时限：常态化开展"),
    ("经常", "完成时限：经常性"),
    ("日常", "完成时限：日常工作"),
    ("适时", "完成时限：适时开展"),
    ("动态", "完成时限：动态调整"),
    ("随时", "完成时限：随时"),
    ("即时", "完成时限：即时办理"),
    ("及时", "完成时限：及时跟进"),
)
# A month followed by one of these is a deadline in the body ("6月建成"), not a schedule ("3月召开").
ACHIEVED = (
    ("完成", "6月底前完成校舍维修。"),
    ("实现", "上半年实现课后服务全覆盖。"),
    ("建成", "8月建成城北幼儿园。"),
    ("投入使用", "9月投入使用。"),
    ("投用", "秋季开学前投用。"),
    ("竣工", "10月竣工。"),
    ("交付", "11月交付使用。"),
)
# A term named in a plan's opening lines: where its week 1 starts (schedule.py, plans by week).
SPRING_TERM = (
    ("春季", "实验小学2025年春季学期工作行事历"),
    ("春学期", "2025年春学期德育工作安排"),
    ("第二学期", "2024—2025学年度第二学期教学工作计划"),
    ("下学期", "2024-2025学年下学期工作计划"),
)
AUTUMN_TERM = (
    ("秋季", "中心小学2025年秋季学期工作计划"),
    ("秋学期", "2025年秋学期安全工作安排"),
    ("第一学期", "2025—2026学年度第一学期工作计划"),
    ("上学期", "2025-2026学年上学期工作计划"),
)
