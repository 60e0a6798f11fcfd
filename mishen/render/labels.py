"""Chinese labels for the stable ids: what reviewers read in reports and the UI."""
from models import Category, Decision, Group, Severity

CATEGORY_LABELS: dict[Category, str] = {
    Category.PERSON_NAME: "个人姓名",
    Category.CN_ID_CARD: "居民身份证号码",
    Category.CN_PHONE: "电话号码",
    Category.EMAIL: "电子邮箱",
    Category.BANK_CARD: "银行卡号",
    Category.CN_PASSPORT: "护照/通行证号码",
    Category.ADDRESS: "住址",
    Category.LICENSE_PLATE: "车牌号",
    Category.SENSITIVE_PERSONAL: "敏感个人信息",
    Category.CLASSIFICATION_MARK: "密级标志",
    Category.SECRET_MARKER: "保密标识",
    Category.CREDENTIAL: "密码/密钥",
    Category.INTERNAL_NETWORK: "内网地址",
    Category.UPWARD_REQUEST: "上行请示/报告",
    Category.CONSULTATION: "征求意见",
    Category.DRAFT_STATUS: "过程性信息",
    Category.PARTY_DOCUMENT: "党委文件",
    Category.PURE_FORWARD: "纯转发",
    Category.ATTR_MISSING: "未标注公开属性",
    Category.ATTR_POSITION: "附注位置不规范",
    Category.ATTR_INVALID: "公开属性表述无效",
    Category.ATTR_REASON_MISSING: "未说明不公开理由",
    Category.ATTR_CONFLICT: "公开属性与审查建议不一致",
    Category.DOC_COMMENT: "批注",
    Category.DOC_REVISION: "修订痕迹",
    Category.HIDDEN_TEXT: "隐藏文字",
    Category.HIDDEN_LINK: "暗链",
    Category.DOC_METADATA: "文档属性信息",
    Category.PDF_ANNOTATION: "PDF 注释",
    Category.NO_TEXT_LAYER: "无文字层页面",
}

GROUP_LABELS: dict[Group, str] = {
    Group.ATTRIBUTE: "公开属性",
    Group.PERSONAL_DATA: "个人信息",
    Group.SECRET: "涉密与敏感",
    Group.INTERNAL_MARKER: "内部事项",
    Group.HIDDEN_CONTENT: "隐藏内容",
    Group.FORMAT: "格式",
}

DECISION_LABELS: dict[Decision, str] = {
    Decision.PASS: "可发布",
    Decision.REVIEW: "需人工审查",
    Decision.BLOCK: "禁止发布",
}

SEVERITY_LABELS: dict[Severity, str] = {
    Severity.LOW: "低",
    Severity.MEDIUM: "中",
    Severity.HIGH: "高",
    Severity.CRITICAL: "严重",
}

ACTION_LABELS = {"none": "仅提示", "review": "人工判断", "redact": "需删除或遮盖", "block": "禁止发布"}

ERROR_LABELS = {
    "UNREADABLE": "无法读取",
    "ENCRYPTED": "文件已加密",
    "TOO_LARGE": "文件过大",
    "EMPTY": "空文件",
    "UNSUPPORTED": "不支持的格式",
    "NO_TEXT": "没有文字内容",
    "DETECTOR_FAILED": "检测出错",
}
