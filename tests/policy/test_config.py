"""The policy file: validated at load (unknown names are errors), replaceable through settings; masks."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from mishen.policy import DEFAULT_FILE, PolicyError, load_policy
from mishen.policy.config import load_config
from mishen.policy.masks import mask
from mishen.settings import Settings
from models import Action, Category, Severity


def _write(tmp_path: Path, edit) -> Path:
    data = yaml.safe_load(DEFAULT_FILE.read_text(encoding="utf-8"))
    edit(data)
    path = tmp_path / "policy.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_shipped_policy_covers_every_category():
    config = load_config()
    assert set(config.categories) == set(Category)
    assert config.categories[Category.CLASSIFICATION_MARK].action is Action.BLOCK


BROKEN = [
    ("unknown category", lambda d: d["categories"].update({"PASSWORD": {"action": "block", "severity": "high"}})),
    ("missing category", lambda d: d["categories"].pop("CN_PHONE")),
    ("unknown action", lambda d: d["categories"]["CN_PHONE"].update({"action": "delete"})),
    ("unknown severity", lambda d: d["categories"]["CN_PHONE"].update({"severity": "severe"})),
    ("unknown mask", lambda d: d["categories"]["CN_PHONE"].update({"mask": "blur"})),
    ("unknown field", lambda d: d["categories"]["CN_PHONE"].update({"colour": "red"})),
    ("unknown rule override", lambda d: d["categories"]["SECRET_MARKER"]["rules"].update({"X9": {"action": "none"}})),
    ("unknown rule", lambda d: d["rules"].update({"D99": {"basis": "x", "reason": "y"}})),
    ("unknown basis", lambda d: d["rules"]["D5"].update({"basis": "{NOWHERE}第一条"})),
    ("unknown exemption category", lambda d: d["exemptions"][0].update({"categories": ["NAME"]})),
    ("bad version", lambda d: d.update({"version": 2})),
]


@pytest.mark.parametrize("what,edit", BROKEN, ids=[b[0] for b in BROKEN])
def test_invalid_policy_is_an_error(tmp_path, what, edit):
    with pytest.raises(PolicyError):
        load_policy(Settings(policy_file=_write(tmp_path, edit)))


def test_missing_policy_file_is_an_error(tmp_path):
    with pytest.raises(PolicyError):
        load_policy(Settings(policy_file=tmp_path / "nowhere.yaml"))


def test_settings_policy_file_overrides(tmp_path):
    path = _write(tmp_path, lambda d: d["categories"]["CN_PHONE"].update({"action": "review", "severity": "low"}))
    config = load_policy(Settings(policy_file=path)).config
    assert config.categories[Category.CN_PHONE].action is Action.REVIEW
    assert config.categories[Category.CN_PHONE].severity is Severity.LOW


@pytest.mark.parametrize("style,text,out", [
    ("name", "张伟", "张*"), ("name", "欧阳小明", "欧阳**"),
    ("id_card", "110101199003071234", "110101********1234"),
    ("id_card", "11010119900307123X", "110101********123X"),
    ("phone", "13812345678", "138****5678"), ("phone", "0870-7123456", "0870-***3456"),
    ("bank_card", "6222 0212 3456 7890", "**** **** **** 7890"),
    ("email", "zhang@example.cn", "z***@example.cn"), ("plate", "云A12345", "云A*****"),
    ("full", "人民路18号", "******"), ("none", "x", None),
])
def test_masks(style, text, out):
    assert mask(style, text) == out
