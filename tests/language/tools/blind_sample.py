"""Write corpus messages without their labels, in random order, for a blind second reading.

    python tests/language/tools/blind_sample.py OUT.yaml KEY.json [--size N] [--seed S]
        [--skip-first K] [--exclude OLD_KEY.json ...] [--corpus CORPUS.yaml]

OUT.yaml holds each sampled message with its context only (text, at, next, final, title,
maintenance, timezone, language, components, descriptions, allowed, audience, eta_approved,
internal_components) under a sample number; the labels (`expect`) and the hints at them
(`class`, `hard`) are left out. KEY.json maps sample numbers to the corpus entries
(position and unlabelled entry, so the entry is found again after the corpus grows): the
reader does not open it until the labelling is done. ``--skip-first`` leaves out the
first K entries (ones the reader has already seen with their labels), ``--exclude`` the
entries of earlier samples.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path
from typing import Any

import yaml

CORPUS = Path(__file__).resolve().parents[1] / "corpus.yaml"
HIDDEN = frozenset(("expect", "class", "hard"))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("key", type=Path)
    parser.add_argument("--size", type=int, default=130)
    parser.add_argument("--seed", type=int, default=18)
    parser.add_argument("--skip-first", type=int, default=0)
    parser.add_argument("--exclude", type=Path, action="append", default=[])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args()
    corpus = yaml.safe_load(args.corpus.read_text(encoding="utf-8"))
    taken = {
        entry["position"]
        for old in args.exclude
        for entry in json.loads(old.read_text(encoding="utf-8")).values()
    }
    positions = [i for i in range(args.skip_first, len(corpus)) if i not in taken]
    rng = random.Random(args.seed)
    chosen = rng.sample(positions, min(args.size, len(positions)))
    sample, key = [], {}
    for number, position in enumerate(chosen, 1):
        entry = unlabelled(corpus[position])
        sample.append({"n": number, **entry})
        key[number] = {"position": position, "entry": entry}
    args.out.write_text(
        yaml.safe_dump(sample, sort_keys=False, allow_unicode=True, width=100), encoding="utf-8"
    )
    args.key.write_text(json.dumps(key), encoding="utf-8")


def unlabelled(entry: dict[str, Any]) -> dict[str, Any]:
    """An entry without its labels, its timestamps as the ISO strings they were written as."""
    return {k: _plain(v) for k, v in entry.items() if k not in HIDDEN}


def _plain(value: object) -> object:
    """Timestamps as the ISO strings they were written as."""
    return value.isoformat() if hasattr(value, "isoformat") else value


if __name__ == "__main__":
    main()
