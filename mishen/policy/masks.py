"""Masking styles the policy file names (RULES.md §4): each is one of the shared functions of models.masks."""
from __future__ import annotations

from collections.abc import Callable

from models import masks

STYLES: dict[str, Callable[[str], str]] = {
    "name": masks.mask_name,
    "id_card": masks.mask_id_card,
    "phone": masks.mask_phone,
    "bank_card": masks.mask_bank_card,
    "email": masks.mask_email,
    "plate": masks.mask_plate,
    "full": masks.mask_all,
}


def mask(style: str, text: str) -> str | None:
    """The replacement for ``text`` in the public version, or None for ``none``."""
    if style == "none":
        return None
    return STYLES.get(style, masks.mask_all)(text)
