"""Regular expressions for 公文 elements (GB/T 9704-2012), matched on the normalised view.

All quantifiers are bounded: every pattern runs in time linear in the text it is given.
"""
from __future__ import annotations

import regex

from models.dates import CN_DIGIT

# 成文日期 in its three spellings. Chinese numerals take 〇/○/O/0/零 (and ◯, Cyrillic О) for zero.
ARABIC_DATE = r"(?:19|20)\d{2}\s{0,2}年\s{0,2}\d{1,2}\s{0,2}月\s{0,2}\d{1,2}\s{0,2}日"
CHINESE_DATE = (
    rf"[{CN_DIGIT}]{{4}}\s{{0,2}}年\s{{0,2}}(?:十[一二]?|[一二三四五六七八九])\s{{0,2}}月\s{{0,2}}"
    r"(?:三十一?|三十|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])\s{0,2}日"
)
ISO_DATE = r"(?<!\d)(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}(?![\d:])"
WRITTEN_DATE = rf"(?:{ARABIC_DATE}|{CHINESE_DATE})"
ANY_DATE = rf"(?:{ARABIC_DATE}|{CHINESE_DATE}|{ISO_DATE})"

WRITTEN_DATE_RE = regex.compile(WRITTEN_DATE)
ANY_DATE_RE = regex.compile(ANY_DATE)
DATE_ONLY_RE = regex.compile(rf"\s{{0,4}}(?P<date>{WRITTEN_DATE})\s{{0,4}}")
ISO_ONLY_RE = regex.compile(rf"\s{{0,4}}(?P<date>{ISO_DATE})\s{{0,4}}")

# 发文字号: 代字 + 〔年份〕 + 序号 + 号, with the bracket variants seen in the wild.
OPEN_BRACKETS = "〔[［﹝(（【"
CLOSE_BRACKETS = "〕]］﹞)）】"
DOC_NUMBER_RE = regex.compile(
    r"(?P<code>[\p{Han}]{1,12})\s{0,2}[" + regex.escape(OPEN_BRACKETS) + r"]\s{0,2}"
    r"(?P<year>(?:19|20)\d{2})\s{0,2}[" + regex.escape(CLOSE_BRACKETS) + r"]\s{0,2}"
    r"(?:第\s{0,2})?(?P<num>\d{1,5})\s{0,2}号"
)
DOC_NUMBER_LABEL_RE = regex.compile(r"(?:发文字号|文\s{0,4}号)\s{0,2}[：:]?\s{0,4}")

SIGNER_RE = regex.compile(r"签\s{0,2}发\s{0,2}人\s{0,2}[：:]\s{0,4}(?P<names>[\p{Han}·\s、，,]{2,60})")

CLASSIFICATION_RE = regex.compile(
    r"(?:密\s{0,2}级\s{0,2}[：:]\s{0,2})?(?P<level>绝\s{0,2}密|机\s{0,2}密|秘\s{0,2}密)"
    r"(?:\s{0,2}[★☆*＊]\s{0,2}(?P<period>长\s{0,2}期|\d{1,2}\s{0,2}(?:年|个\s{0,2}月)))?"
)
URGENCY_RE = regex.compile(r"(?:紧\s{0,2}急\s{0,2}程\s{0,2}度\s{0,2}[：:]\s{0,2})?(?P<level>特\s{0,2}急|加\s{0,2}急|特\s{0,2}提)")
# A line holding only handling marks (内部资料　注意保密, 秘密★1年　特急): never a title.
MARKER_LINE_RE = regex.compile(
    r"(?:(?:内部(?:资料|参考|刊物|文件|发行|使用|材料|参阅)|注意保密|严禁外传|不得外传|请勿外传|妥善保管|阅后(?:收回|退回)"
    r"|(?:仅|只)供(?:领导)?参(?:阅|考)|领导参阅|(?:绝|机|秘)\s{0,2}密(?:\s{0,2}[★☆*＊]\s{0,2}(?:长期|\d{1,2}(?:年|个月)))?"
    r"|特\s{0,2}急|加\s{0,2}急)[\s★☆*·、，,]{0,6}){1,4}"
)
COPY_NUMBER_RE = regex.compile(r"(?:份\s{0,2}号\s{0,2}[：:]?\s{0,2})?(?P<num>\d{6})")

# A bare agency name: 发文机关署名 / 发文机关标志.
AGENCY_SUFFIX = (
    "人民政府|政府|委员会|常委会|管委会|委|局|厅|部|办公室|办|院|会|中心|处|所|站|支队|大队|中队|队|公司|集团|"
    "办事处|小组|指挥部|室|科|股|党委|党组|支部|工委|学校|大学|学院|医院|银行|馆|社|团|署|司|街道|组织部|宣传部|统战部"
)
AGENCY_RE = regex.compile(rf"[\p{{Han}}（）()·]{{2,38}}(?:{AGENCY_SUFFIX})")
PERSON_SIGNATURE_RE = regex.compile(
    r"[\p{Han}]{0,12}(?:市长|省长|县长|区长|镇长|乡长|主任|局长|书记|主席|总理|部长|厅长|院长|委员长)"
    r"\s{0,6}[\p{Han}·]{2,5}"
)

# Body headings and sentence starters that are never a title.
HEADING_RE = regex.compile(
    r"(?:[一二三四五六七八九十百]{1,4}[、．.]|[（(][一二三四五六七八九十]{1,4}[）)]|第[一二三四五六七八九十百零〇\d]{1,5}[条章节部分]"
    r"|\d{1,3}[、．.](?!\d)|[（(]\d{1,3}[）)]|[①-⑳]|[一二三四五六七八九十]是)"
)
NOT_TITLE_START = ("特此", "现将", "根据", "为了", "为进一步", "按照", "依据", "经研究", "此复", "妥否", "当否")
SENTENCE_PUNCT = "。；;！!？?"
PARAGRAPH_PUNCT = "。；;！!？?，,"

# Elements of the closing part.
NOTE_RE = regex.compile(r"[（(][^（）()\n]{1,120}[）)]")
# The attribute 附注 without its brackets, alone on the line after the date: 此件主动公开 / 此件依申请公开。
BARE_NOTE_RE = regex.compile(
    r"此\s{0,2}件\s{0,2}[\p{Han}]{2,10}(?:[，,]\s{0,2}(?:理由|依据|原因)[\p{Han}、，,：:《》]{1,40})?[。.]?"
)
NO_BODY_RE = regex.compile(r"[（(]\s{0,2}此\s{0,2}页\s{0,2}无\s{0,2}正\s{0,2}文\s{0,2}[）)]")
PAGE_NUMBER_RE = regex.compile(r"(?<![\S])[—－–\-]{1,3}\s{0,3}\d{1,4}\s{0,3}[—－–\-]{1,3}(?![\d\-—－–])")
PAGE_LINE_RE = regex.compile(r"(?:第\s{0,2}\d{1,4}\s{0,2}页(?:\s{0,2}[,，/]?\s{0,2}共\s{0,2}\d{1,4}\s{0,2}页)?|\d{1,4}\s{0,2}/\s{0,2}\d{1,4})")
ATTACHMENT_NOTE_RE = regex.compile(r"附\s{0,2}件\s{0,2}[：:]")
ATTACHMENT_START_RE = regex.compile(r"附\s{0,2}件\s{0,2}\d{0,2}\s{0,2}[：:]?")
CC_RE = regex.compile(r"抄\s{0,2}送\s{0,2}[：:]\s{0,4}")
PRINTER_RE = regex.compile(rf"(?P<org>[^\s].{{1,40}}?)\s{{0,24}}(?P<date>{ANY_DATE})\s{{0,4}}印\s{{0,2}}发")

# 题注 under the title of a 决议/讲话: （2023年1月15日…通过）, ——2024年1月10日在…会议上
CAPTION_DATE_RE = regex.compile(
    rf"[（(]\s{{0,2}}(?P<date>{WRITTEN_DATE})[^（）()]{{0,60}}[）)]"
    rf"|[—－–\-]{{1,3}}\s{{0,2}}(?P<date>{WRITTEN_DATE})[^（）()。；]{{0,60}}"
)
# The occasion of a text delivered at a meeting (在…会议上, 在…上的讲话): a speech or a 政府工作报告, not a 公文.
SPEECH_CAPTION_RE = regex.compile(r"在[^（）()]{2,50}(?:会议|大会|会|典礼|仪式|论坛|座谈会|活动)上")

NEWS_RE = regex.compile(r"本报讯|记者\s{0,3}[\p{Han}]{2,4}|通讯员\s{0,3}[\p{Han}]{2,4}|责任编辑|新华社[\p{Han}]{2,4}\d{1,2}月")

# A periodical (简报, 工作动态, 信息专报) and its issue line (第3期, 〔2024〕第9期, 总第128期).
PERIODICAL_TITLE_RE = regex.compile(r"(?:简报|快报|专报|动态|要情|参阅|摘报|周报|月报|通讯)$")
ISSUE_RE = regex.compile(r"(?:[〔\[（(]\s{0,2}(?:19|20)\d{2}\s{0,2}[〕\]）)])?\s{0,2}(?:总\s{0,2})?第\s{0,2}\d{1,5}\s{0,2}期"
                      r"(?:\s{0,4}[（(]?\s{0,2}总\s{0,2}第\s{0,2}\d{1,5}\s{0,2}期\s{0,2}[）)]?)?")
