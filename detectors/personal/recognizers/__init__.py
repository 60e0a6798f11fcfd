"""Presidio recognizers for Chinese personal data, one per file."""
