"""Seeded generator of benchmark networks with organizations, layers and ratings.

Members are spread over organizations of ``org_size`` members (three layers each).
Each tie's source is uniform; its target is in the same organization with
probability ``p_internal``, else uniform over all members; a tie is reciprocated
with probability ``p_mutual``. Every tie carries six ratings (1-4).
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

from netlead.analysis.model import RATING_FIELDS, Member, Network, Tie

SIZES: dict[str, tuple[int, int]] = {
    "small": (500, 5_000),
    "medium": (5_000, 50_000),
    "large": (100_000, 1_000_000),
}
LAYERS = ("strategic", "tactical", "operational")


def generate(
    members: int,
    ties: int,
    *,
    org_size: int = 25,
    p_internal: float = 0.7,
    p_mutual: float = 0.3,
    seed: int = 1,
) -> Network:
    """A network of ``members`` members and exactly ``ties`` distinct directed ties."""
    rng = random.Random(seed)
    orgs = max(1, members // org_size)
    org_of = [i % orgs for i in range(members)]
    by_org: list[list[int]] = [[] for _ in range(orgs)]
    for i, o in enumerate(org_of):
        by_org[o].append(i)
    pairs: dict[tuple[int, int], None] = {}
    while len(pairs) < ties:
        s = rng.randrange(members)
        inside = rng.random() < p_internal
        t = rng.choice(by_org[org_of[s]]) if inside else rng.randrange(members)
        if s == t or (s, t) in pairs:
            continue
        pairs[(s, t)] = None
        if rng.random() < p_mutual and len(pairs) < ties and (t, s) not in pairs:
            pairs[(t, s)] = None
    ids = [f"m{i:06d}" for i in range(members)]
    member_list = tuple(
        Member(
            id=ids[i],
            name=f"Member {i}",
            organization=f"Org {org_of[i]:04d}",
            layer=LAYERS[i % 3],
        )
        for i in range(members)
    )
    tie_list = []
    for s, t in pairs:
        r = [float(rng.randint(1, 4)) for _ in RATING_FIELDS]
        tie_list.append(Tie(ids[s], ids[t], 1.0, *r))
    return Network(member_list, tuple(tie_list))


def write_csv(network: Network, directory: Path) -> tuple[Path, Path]:
    """Write ``members.csv`` and ``ties.csv`` into ``directory``."""
    directory.mkdir(parents=True, exist_ok=True)
    members_path, ties_path = directory / "members.csv", directory / "ties.csv"
    with members_path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "name", "organization", "layer"])
        for m in network.members:
            w.writerow([m.id, m.name, m.organization, m.layer])
    with ties_path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["source", "target", "weight", *RATING_FIELDS])
        for t in network.ties:
            w.writerow([t.source, t.target, 1, *(int(getattr(t, r) or 0) for r in RATING_FIELDS)])
    return members_path, ties_path
