"""Stable public ids: the same file names always give the same ids, on any machine.

Statuspage ids are 12 lowercase letters and digits; ours are the first 12 base-36 digits
of a SHA-256 over a kind prefix and the file name, so they look and sort the same.
"""

from __future__ import annotations

import hashlib

_ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz"


def stable_id(kind: str, name: str) -> str:
    number = int.from_bytes(hashlib.sha256(f"{kind}:{name}".encode()).digest()[:10], "big")
    digits = []
    for _ in range(12):
        number, digit = divmod(number, 36)
        digits.append(_ALPHABET[digit])
    return "".join(digits)


def page_id(base_url: str) -> str:
    return stable_id("page", base_url)


def component_id(component: str) -> str:
    return stable_id("component", component)


def group_id(group: str) -> str:
    return stable_id("group", group)


def incident_id(incident: str) -> str:
    return stable_id("incident", incident)


def update_id(incident: str, update: str) -> str:
    return stable_id("update", f"{incident}/{update}")
