"""CN_PHONE (P3): mobiles (+86, separators), landlines with area codes, 400/800, office hotlines.

Numbers after 投诉电话/咨询电话/监督电话/传真… and hotlines like 12345 are public contacts: role public.
"""
from __future__ import annotations

import regex
from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from detectors.personal import context, numbers
from models.masks import mask_phone
from detectors.personal.recognizers.base import MASKED, PRIVATE, PUBLIC, UNKNOWN, ChineseRecognizer

PUBLIC_CONTEXT = ("投诉电话", "咨询电话", "监督电话", "举报电话", "传真", "热线", "服务电话", "值班电话",
                  "办公电话", "办公室电话", "受理电话", "报名电话", "联系部门", "服务窗口", "客服")
PRIVATE_CONTEXT = ("手机", "手机号", "移动电话", "家庭电话", "住宅电话", "本人电话", "个人电话", "申请人",
                   "投诉人", "举报人", "当事人", "户主", "联系方式", "联系电话", "电话")
OFFICE_CONTEXT = ("联系人", "办公地址", "办公室", "经办人", "承办人")
# a landline on a line naming an agency or office (县民政局社会救助股 …联系电话：0878-…, 总值班室（电话：…）, or
# printed in a notice's contact line (联系电话：… / 办公电话：… at the line start): a published office number
AGENCY = regex.compile(r"(?:局|委员会|委|办(?![理法事])|办公室|值班室|科室|政府|中心|科|股|站|派出所|司法所|大队|"
                       r"支队|窗口|单位|部门|医院|法院|检察院)[^。；;\n]{0,20}?(?:电话|联系方式)|"
                       r"^[\s\u3000]*(?:（|\()?(?:联系电话|办公电话|电话)[：:]")
REFERENCE_CONTEXT = ("索引号", "文号", "编号", "合同号", "合同编号", "订单号", "流水号", "案号", "批号", "代码",
                     "邮编", "邮政编码", "账号", "卡号", "登记号")
HOTLINES = ("12345", "12333", "12315", "12369", "12320", "12366", "12388", "12380", "12319", "12358",
            "12348", "12351", "12338", "12355", "12395", "12328", "12310", "12365", "12393", "12317")
HOTLINE = regex.compile(r"(?<![0-9A-Za-z.])(?:" + "|".join(HOTLINES) + r")(?![0-9A-Za-z.])")
HOTLINE_CONTEXT = ("热线", "电话", "拨打", "服务平台", "投诉", "举报")
BRACKETED = regex.compile(r"[（(](0[0-9]{2,3})[)）] ?([2-9][0-9]{6,7})(?![0-9A-Za-z])")
MASKED_MOBILE = regex.compile(r"(?<![0-9A-Za-z*])1[3-9][0-9][*＊]{4}[0-9]{4}(?![0-9A-Za-z*])")


def office_line(text: str, start: int) -> str | None:
    """'机关电话' when the line before ``start`` names an agency before 电话, or opens with 联系电话：(pure)."""
    head = text[context.line_bounds(text, start)[0]:start]
    return "机关电话" if AGENCY.search(head) else None


def classify(digits: str) -> str | None:
    """'mobile', 'landline', 'service' (400/800) or None (pure)."""
    if digits.startswith("86") and len(digits) == 13:
        digits = digits[2:]
    if len(digits) == 11 and digits[0] == "1" and digits[1] in "3456789":
        return "mobile"
    if len(digits) == 10 and digits[:3] in ("400", "800"):
        return "service"
    if digits[0] == "0" and 10 <= len(digits) <= 12:
        if digits[1:3] == "10" or digits[1] == "2":
            local = digits[3:]
        elif digits[1] in "3456789":
            local = digits[4:]
        else:
            return None
        if len(local) in (7, 8) and local[0] not in "01":
            return "landline"
    return None


class CnPhoneRecognizer(ChineseRecognizer):
    ENTITY = "CN_PHONE"
    DETECTOR = "cn_phone"

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
                ) -> list[RecognizerResult]:
        out: list[RecognizerResult] = []
        for cand in numbers.candidates(text, frozenset({10, 11, 12, 13})):
            kind = classify(cand.digits)
            if kind is None or context.before(text, cand.start, REFERENCE_CONTEXT, 10):
                continue
            start = cand.start - 1 if text[cand.start - 1:cand.start] == "+" else cand.start
            public = context.before(text, start, PUBLIC_CONTEXT, 16)
            private = context.before(text, start, PRIVATE_CONTEXT, 12)
            strong = private not in (None, "联系方式", "联系电话", "电话")
            office = kind == "landline" and not strong and (
                context.before(text, start, OFFICE_CONTEXT, 40) or office_line(text, start))
            role = PUBLIC if public or office or kind == "service" else \
                PRIVATE if kind == "mobile" or strong else UNKNOWN
            out.append(self.result(
                start, cand.end, 0.9 if kind == "mobile" else 0.75, role=role,
                pattern={"mobile": "手机号码", "landline": "带区号固定电话", "service": "400/800 服务电话"}[kind],
                validation="号段有效" if kind == "mobile" else "区号有效", context=public or private,
                replacement=mask_phone(text[start:cand.end])))
        for m in BRACKETED.finditer(text):
            if classify(m.group(1) + m.group(2)) == "landline":
                public = context.before(text, m.start(), PUBLIC_CONTEXT, 16) or office_line(text, m.start())
                out.append(self.result(
                    m.start(), m.end(), 0.75, role=PUBLIC if public else UNKNOWN, pattern="带区号固定电话",
                    validation="区号有效", context=public, replacement=mask_phone(m.group())))
        for m in HOTLINE.finditer(text):
            word = context.before(text, m.start(), HOTLINE_CONTEXT, 10) or context.after(
                text, m.end(), HOTLINE_CONTEXT, 6)
            if word:
                out.append(self.result(m.start(), m.end(), 0.6, role=PUBLIC, pattern="政务服务热线",
                                       validation="热线号码", context=word, replacement=m.group()))
        for m in MASKED_MOBILE.finditer(text):
            out.append(self.result(m.start(), m.end(), 0.6, role=MASKED, pattern="已遮蔽的手机号码",
                                   validation="已遮蔽", context=None, replacement=m.group()))
        return out
