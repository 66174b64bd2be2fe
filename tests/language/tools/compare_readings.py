"""Compare a blind second reading of the corpus with the committed labels.

    python tests/language/tools/compare_readings.py LABELS.yaml KEY.json [LABELS KEY ...]
        [--corpus CORPUS.yaml]

LABELS.yaml maps sample numbers to the rules the second reader labels (``language/`` may
be left out); KEY.json is the key ``blind_sample.py`` wrote for that sample (several
samples are compared together). Each sampled message is found in the corpus by its
unlabelled entry (its position may have moved). Prints, per rule and pooled over every
rule, the share of messages where the two readings agree and Cohen's kappa, then every
disagreement with its text.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import yaml
from blind_sample import unlabelled

CORPUS = Path(__file__).resolve().parents[1] / "corpus.yaml"


def kappa(pairs: list[tuple[bool, bool]]) -> tuple[float, float]:
    """(observed agreement, Cohen's kappa) of two readers' yes/no decisions."""
    n = len(pairs)
    agree = sum(a == b for a, b in pairs) / n
    yes_a = sum(a for a, _ in pairs) / n
    yes_b = sum(b for _, b in pairs) / n
    chance = yes_a * yes_b + (1 - yes_a) * (1 - yes_b)
    return agree, (1.0 if chance == 1 else (agree - chance) / (1 - chance))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("samples", type=Path, nargs="+", help="LABELS.yaml KEY.json pairs")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args()
    if len(args.samples) % 2:
        parser.error("give each sample's labels and its key")
    corpus = yaml.safe_load(args.corpus.read_text(encoding="utf-8"))
    key: dict[str, int] = {}
    second: dict[str, set[str]] = {}
    for i, (labels, sample_key) in enumerate(
        zip(args.samples[::2], args.samples[1::2], strict=True), 1
    ):
        sampled = json.loads(sample_key.read_text(encoding="utf-8"))
        mine = yaml.safe_load(labels.read_text(encoding="utf-8"))
        for n, rules in mine.items():
            name = f"{i}.{n}" if len(args.samples) > 2 else str(n)
            key[name] = _find(corpus, sampled[str(n)]["entry"])
            second[name] = {_rule(r) for r in rules}
    first = {n: set(corpus[key[n]]["expect"]) for n in second}
    rules = sorted(set().union(*first.values(), *second.values()))
    pooled: list[tuple[bool, bool]] = []
    print(f"messages: {len(second)}")
    print(f"{'rule':<30} {'committed':>9} {'second':>6} {'agree':>6} {'kappa':>6}")
    for rule in rules:
        pairs = [(rule in first[n], rule in second[n]) for n in second]
        pooled += pairs
        agree, k = kappa(pairs)
        print(
            f"{rule:<30} {sum(a for a, _ in pairs):>9} {sum(b for _, b in pairs):>6}"
            f" {agree:>6.3f} {k:>6.3f}"
        )
    agree, k = kappa(pooled)
    print(f"{'pooled (message x rule)':<30} {'':>9} {'':>6} {agree:>6.4f} {k:>6.4f}")
    exact = sum(first[n] == second[n] for n in second) / len(second)
    print(f"messages labelled identically: {exact:.3f}")
    for n in second:
        if first[n] != second[n]:
            entry = corpus[key[n]]
            print(f"\n#{n} (corpus entry {key[n]}, class {entry['class']})")
            print(f"  text: {entry['text']}")
            print(f"  committed only: {sorted(first[n] - second[n])}")
            print(f"  second only:    {sorted(second[n] - first[n])}")


def _find(corpus: list[dict[str, Any]], entry: dict[str, Any]) -> int:
    """The position of the corpus entry that is ``entry`` once its labels are taken off."""
    found = [i for i, e in enumerate(corpus) if unlabelled(e) == entry]
    if not found:
        raise SystemExit(f"not in the corpus any more: {entry['text']!r}")
    return found[0]


def _rule(name: str) -> str:
    return name if name.startswith("language/") else f"language/{name}"


if __name__ == "__main__":
    main()
