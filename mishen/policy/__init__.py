"""Findings + document -> suggested attribute (rules A, D), reasons citing the seed regulations, opinion
(公开 / 免予公开 / 需报审) and decision (pass / review / block). The policy file holds category → rule →
action → mask → severity and the rule table; ``settings.policy_file`` replaces the shipped one."""
from __future__ import annotations

from mishen.policy.config import DEFAULT_FILE, PolicyConfig, PolicyError, load_config
from mishen.policy.decide import PolicyResult, evaluate
from mishen.policy.engine import Policy
from mishen.settings import Settings
from models import Normalizer

__all__ = ["DEFAULT_FILE", "Policy", "PolicyConfig", "PolicyError", "PolicyResult", "evaluate", "load_policy"]


def load_policy(settings: Settings) -> Policy:
    """Load and validate the policy file once (raises PolicyError when it is invalid)."""
    return Policy(config=load_config(settings.policy_file), normalizer=Normalizer())
