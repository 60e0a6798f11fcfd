"""Chinese and label-style credential patterns the detect-secrets plugins do not cover (rule S3)."""
from __future__ import annotations

import regex

_PREFIX = (r"(?:初始|登录|登陆|管理员|默认|用户|系统|账户|帐户|邮箱|数据库|服务器|路由器|wi-?fi|无线网络|无线|网络"
           r"|临时|新|原|超级用户|root|admin)?")
_PASSWORD = r"(?:密码|口令|pin码|password|passwd|pwd)"
_KEY = (r"(?:密钥|秘钥|私钥|令牌|授权码|access[ _-]?key(?:[ _-]?(?:id|secret))?|secret[ _-]?(?:key|id)?"
        r"|app[ _-]?(?:secret|key)|api[ _-]?(?:key|secret|token)|client[ _-]?secret|(?:access[ _-]?)?token)")
_SEP = r"[ \t]*(?:[:：=]|均为|都是|统一为|设置为|设为|改为|重置为|为|是)[ \t]*[“\"'「]?"
_VALUE = r"(?P<value>[!-~０-９Ａ-Ｚａ-ｚ＠＃＄％＆＊＋－＝＿．／]{4,64})"
_KEY_VALUE = r"(?P<value>[A-Za-z0-9+/=_\-.]{8,200})"

# 密码：Abc123! / 初始密码为 Gov@2023 / WiFi密码: 12345678 / password=s3cret
PASSWORD = regex.compile(r"(?<![A-Za-z])" + _PREFIX + _PASSWORD + _SEP + _VALUE, regex.IGNORECASE)
PASSWORD_WORD = regex.compile(_PASSWORD, regex.IGNORECASE)   # in every PASSWORD match
# AppSecret: 8f3a… / 密钥：… / access_key_id=…
KEY = regex.compile(r"(?<![A-Za-z])" + _KEY + _SEP + _KEY_VALUE, regex.IGNORECASE)
# 账号/密码：admin/Admin@123 — the pair is the credential.
PAIR = regex.compile(
    r"(?:账号|帐号|用户名|用户)[ \t]*[/／、][ \t]*(?:密码|口令)[ \t]*[:：为][ \t]*"
    r"(?P<value>[!-~]{1,64}?[ \t]*[/／][ \t]*[!-~]{3,64})")
# 账号为 sysadmin/Yx@Dsj_8817 — an account label whose value is itself a user/password pair (no 密码 label).
ACCOUNT_SLASH = regex.compile(
    r"(?<![A-Za-z])(?<!银行|收款|付款|汇款|对公|缴费|公众|卡)(?:账号|帐号|账户|帐户|用户名|登录名|用户)[ \t]*"
    r"(?:[:：=]|统一为|均为|设置为|设为|为|是)[ \t]*[“\"'「]?"
    r"(?P<value>(?P<user>[A-Za-z0-9_.@\-]{2,32})[ \t]*[/／][ \t]*(?P<secret>[!-.0-~]{4,64}))")
# Database and service connection strings; an ftp/ldap/smb/http URL only when it carries user:password@.
CONNECTION = regex.compile(
    r"(?<![A-Za-z0-9+.\-])(?P<value>(?:jdbc:[a-z0-9]+:(?:thin:)?(?:@|//)?"
    r"|(?:mysql|mysqlx|mariadb|postgresql|postgres|redis|rediss|mongodb(?:\+srv)?|amqp|mssql|sqlserver|oracle"
    r"|clickhouse|dm|kingbase8?)://)[^\s，。；、）)“”\"'<>]+)", regex.IGNORECASE)
URL_WITH_PASSWORD = regex.compile(
    r"(?<![A-Za-z0-9+.\-])(?P<value>(?:https?|ftp|sftp|ftps|ldaps?|smb|ssh|telnet|rtsp)://"
    r"[^\s/@:，。；]+:[^\s/@，。；]+@[^\s，。；、）)“”\"'<>]+)", regex.IGNORECASE)
PEM = regex.compile(r"-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----(?:[\s\S]*?-----END [A-Z0-9 ]*PRIVATE KEY"
                    r"(?: BLOCK)?-----)?")

MASKED = regex.compile(r"^[*＊xX×•·#?？_\-.]+$")
NOT_VALUES = frozenset({"username", "user", "account", "login", "password", "passwd", "null", "none", "n/a",
                        "empty", "xxxx", "abc", "请输入"})
TRAILING = ".,;:)]}>\"'"


def clean_value(value: str) -> str:
    """The value without closing punctuation picked up from the sentence around it."""
    return value.rstrip(TRAILING)


def is_value(value: str) -> bool:
    """Not a masked value (******), a placeholder or the next field's label."""
    return len(value) >= 4 and not MASKED.match(value) and value.lower() not in NOT_VALUES \
        and not value.lower().startswith(("http://", "https://"))


_NUMBERISH = regex.compile(r"[vV]?[0-9.\-:]+")


def is_pair_secret(user: str, secret: str) -> bool:
    """The part after the slash looks like a password: a value with a digit or a symbol, not a date or a
    number range (2023/2024), not a word pair (admin/user) and not a path or URL."""
    secret = clean_value(secret)
    return is_value(secret) and bool(regex.search(r"[0-9]|[^0-9A-Za-z]", secret)) \
        and not (_NUMBERISH.fullmatch(user) and _NUMBERISH.fullmatch(secret))


def connection_has_password(value: str) -> bool:
    return bool(regex.search(r"//[^/@\s]*:[^/@\s]+@|password=|pwd=", value, regex.IGNORECASE))
