"""Non-response simulated on classic networks: the truth, the naive figures (a missing answer
read as "no tie", as before the missing-data rules) and the reconstructed ones.

Shared by tests/analysis/test_missing.py (few seeds) and bench/analysis/missing_data.py (the
full error table in docs/analysis.md).
"""

from __future__ import annotations

import random
import statistics
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import networkx as nx

from netlead.analysis import Member, Network, Tie, diagnose

DATA = Path(__file__).resolve().parent.parent / "data" / "analysis"
DATA_MEMBERS, DATA_TIES = DATA / "members.csv", DATA / "ties.csv"
FIGURES = ("density", "reciprocity", "cross_organization_share")
SCENARIOS = ("random", "by organization")
ESTIMATES = ("naive", "reconstruct")


@dataclass(frozen=True)
class Case:
    name: str
    network: Network


def _network(edges: list[tuple[int, int]], organizations: list[str]) -> Network:
    members = tuple(Member(str(i), organization=o) for i, o in enumerate(organizations))
    return Network(members, tuple(Tie(str(a), str(b)) for a, b in edges))


def karate() -> Case:
    """Zachary's karate club (34 members, 78 ties named both ways), the two clubs it split
    into as organizations."""
    graph = nx.karate_club_graph()
    clubs = [graph.nodes[v]["club"] for v in graph]
    edges = [(a, b) for a, b in graph.edges()] + [(b, a) for a, b in graph.edges()]
    return Case("Zachary karate club (2 clubs)", _network(edges, clubs))


def florentine() -> Case:
    """Padgett's Florentine families (15 families with ties, both ways), split by the
    Medici faction and the oligarchs as in Padgett & Ansell (1993)."""
    graph = nx.florentine_families_graph()
    medici = {"Medici", "Acciaiuoli", "Barbadori", "Ginori", "Pazzi", "Ridolfi", "Salviati",
              "Tornabuoni", "Albizzi"}  # fmt: skip
    nodes = sorted(graph)
    index = {v: i for i, v in enumerate(nodes)}
    edges = [(index[a], index[b]) for a, b in graph.edges()]
    edges += [(b, a) for a, b in edges]
    return Case(
        "Florentine families (2 factions)",
        _network(edges, ["Medici" if v in medici else "Oligarchs" for v in nodes]),
    )


def organizations_graph(
    seed: int, n: int, organizations: int, inside: float, across: float, reciprocate: float
) -> Case:
    """A seeded directed network of organizations: a tie inside an organization with
    probability ``inside``, across with ``across``; each tie named back with probability
    ``reciprocate``."""
    rng = random.Random(seed)
    org = [i % organizations for i in range(n)]
    edges: set[tuple[int, int]] = set()
    for a in range(n):
        for b in range(n):
            if a != b and rng.random() < (inside if org[a] == org[b] else across):
                edges.add((a, b))
    for a, b in sorted(edges):
        if rng.random() < reciprocate:
            edges.add((b, a))
    return Case(
        f"random, {n} members in {organizations} organizations (seed {seed})",
        _network(sorted(edges), [f"org {c}" for c in org]),
    )


def cases() -> list[Case]:
    return [
        karate(),
        florentine(),
        organizations_graph(1, 60, 5, 0.3, 0.02, 0.4),
        organizations_graph(2, 120, 8, 0.2, 0.02, 0.6),
    ]


def responding(network: Network, scenario: str, rng: random.Random) -> list[bool]:
    """Who answers: at random (each member with probability 0.5), or by organization (half
    the organizations, drawn at random, answer at a rate of 0.2, the others at 0.9)."""
    if scenario == "random":
        return [rng.random() < 0.5 for _ in network.members]
    names = sorted({str(m.organization) for m in network.members})
    rng.shuffle(names)
    low = set(names[: max(1, len(names) // 2)])
    return [rng.random() < (0.2 if m.organization in low else 0.9) for m in network.members]


def figures(network: Network) -> tuple[float | None, ...]:
    n = diagnose(network, suggestions=0).network
    return tuple(getattr(n, f) for f in FIGURES)


def observed(network: Network, answered: list[bool], *, naive: bool) -> Network:
    """The round as a survey sees it: only the ties respondents named. Naive: everyone is
    taken to have answered, so a missing answer reads as no tie."""
    said = {m.id for m, a in zip(network.members, answered, strict=True) if a}
    members = (
        network.members
        if naive
        else tuple(replace(m, responded=m.id in said) for m in network.members)
    )
    return Network(members, tuple(t for t in network.ties if t.source in said))


def errors(case: Case, scenario: str, seeds: range) -> dict[str, dict[str, float]]:
    """Mean absolute error of each figure, naive and reconstructed, over ``seeds``."""
    truth = figures(case.network)
    found: dict[str, dict[str, list[float]]] = {e: {f: [] for f in FIGURES} for e in ESTIMATES}
    for seed in seeds:
        answered = responding(case.network, scenario, random.Random(seed))
        if sum(answered) < 2:
            continue
        for estimate in ESTIMATES:
            values = figures(observed(case.network, answered, naive=estimate == "naive"))
            for name, value, true in zip(FIGURES, values, truth, strict=True):
                if value is not None and true is not None:
                    found[estimate][name].append(abs(value - true))
    return {e: {f: statistics.mean(v) for f, v in by.items()} for e, by in found.items()}


def table(seeds: range) -> Iterator[tuple[str, str, dict[str, dict[str, float]]]]:
    for case in cases():
        for scenario in SCENARIOS:
            yield case.name, scenario, errors(case, scenario, seeds)
