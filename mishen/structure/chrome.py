"""Website chrome around a web copy: navigation, CMS metadata tables (索引号 … 发布机构 …), print/close links.

The CMS fields are kept: 文号 is the document's number, 成文日期/发文日期 its date, 发布机构 the publisher.
"""
from __future__ import annotations

import regex

from mishen.structure.flatten import Segment

_PINYIN = r"(?:\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,8}\))?"
_JUNK = r"[\s?？]{0,8}"
FIELD_KEYS = (
    "索引号", "发布机构", "发文机关", "所属机构", "发文字号", "文号", "成文日期", "发文日期", "发布日期", "发布时间",
    "生成日期", "公开日期", "公开目录", "主题分类", "主题词", "关键字", "关键词", "标题", "信息来源", "来源", "浏览量",
    "浏览次数", "点击量", "有效性", "效力属性", "公开方式", "公开范围", "公开时限", "体裁分类", "组配分类",
)


def _key_pattern(key: str) -> str:
    return _JUNK.join(regex.escape(ch) + _PINYIN for ch in key)


_KEY_RE = regex.compile("(?P<key>" + "|".join(_key_pattern(k) for k in FIELD_KEYS) + r")\s{0,4}[：:|]?")
_BARS = regex.compile(r"[|\s]+")
_PINYIN_RE = regex.compile(_PINYIN.replace(")?", ")"))
_CHROME_RE = regex.compile(
    r"(?:当前位置|您(?:现在)?的位置|首\s?页\s?[>＞»]|【?\s?字体|字号\s?[：:]|【?打印|【?关闭|分享到|扫一扫|责任编辑|"
    r"编辑\s?[：:]|相关链接|相关文件|上一篇|下一篇|附件下载|无障碍|长者模式|适老化|用户名|全文检索|网站地图|"
    r"[\p{Han}]{2,20}门户网站|主办\s?[：:]|承办\s?[：:]|版权所有|ICP备|政府网站标识码|联系我们)"
)


def is_chrome(seg: Segment) -> bool:
    """A line of the website around the document rather than of the document itself."""
    text = seg.text
    if text.count("|") >= 2 or len(text) <= 1 or _BARS.fullmatch(text):
        return True
    key = _KEY_RE.match(text)
    if len(text) > 80:  # a CMS table flattened into one line: 索引号：… 发布机构：… 成文日期：…
        return bool(key) and len(text) <= 400 and _labelled_keys(text) >= 3
    if key and text[key.end("key"):key.end("key") + 1] in ("：", ":", "|", " ", "\t", ""):
        return True
    return _CHROME_RE.match(text) is not None or " > " in text or "＞" in text


def _labelled_keys(text: str) -> int:
    """How many field names followed by a colon the line holds."""
    return sum(1 for m in _KEY_RE.finditer(text) if text[m.end("key"):m.end("key") + 1] in ("：", ":"))


_STRIP = " \t|：:?？"


def _clean(value: str) -> str:
    return _PINYIN_RE.sub("", value).strip(_STRIP)


def cms_fields(segments: list[Segment]) -> dict[str, tuple[str, int, int]]:
    """Field name -> (value, view start, view end) from the chrome lines (first occurrence wins)."""
    fields: dict[str, tuple[str, int, int]] = {}
    for seg in segments:
        keys = list(_KEY_RE.finditer(seg.text))
        for i, key in enumerate(keys):
            end = keys[i + 1].start() if i + 1 < len(keys) else len(seg.text)
            raw = seg.text[key.end():end]
            value = _clean(raw)
            name = _PINYIN_RE.sub("", regex.sub(r"[\s?？]", "", key.group("key")))
            if not value or name in fields:
                continue
            left = len(raw) - len(raw.lstrip(_STRIP))
            right = len(raw) - len(raw.rstrip(_STRIP))
            fields[name] = (value, seg.start + key.end() + left, seg.start + end - right)
    return fields
