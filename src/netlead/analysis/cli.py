"""``netlead analyze``: the network diagnosis from files, without Django.

Exit codes: 0 success, 2 bad input or usage (nothing is written then).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path

from netlead.analysis.centrality import DEFAULT_EXACT_LIMIT
from netlead.analysis.compare import compare
from netlead.analysis.diagnosis import diagnose, to_dict
from netlead.analysis.io import InputError, read_graphml, read_network, write_gexf, write_graphml
from netlead.analysis.missing import DEFAULT_RESPONSE_THRESHOLD, MISSING_METHODS
from netlead.analysis.model import Network, NetworkError
from netlead.analysis.report import render_html, render_text

__all__ = ["main"]

EXIT_OK = 0
EXIT_BAD_INPUT = 2


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="netlead analyze",
        description="Diagnose a network of organizations from members and ties files.",
    )
    p.add_argument(
        "--members", metavar="FILE", help="members CSV or XLSX (id, name, organization, layer, ...)"
    )
    p.add_argument(
        "--ties", metavar="FILE", help="ties CSV or XLSX (source, target, weight, ratings, round)"
    )
    p.add_argument("--graphml", metavar="FILE", help="read the network from GraphML instead")
    p.add_argument("--round", metavar="R", help="analyse the ties of round R")
    p.add_argument(
        "--compare", metavar="R2", help="compare with the earlier round R2 (needs --round)"
    )
    p.add_argument("--format", choices=("json", "text", "html"), default="json")
    p.add_argument("--output", metavar="FILE", help="write the result here instead of stdout")
    p.add_argument(
        "--export",
        nargs=2,
        metavar=("FORMAT", "FILE"),
        help="also export the network: graphml or gexf",
    )
    p.add_argument(
        "--merge-duplicates", action="store_true", help="merge duplicate ties instead of failing"
    )
    p.add_argument(
        "--missing",
        choices=MISSING_METHODS,
        default=MISSING_METHODS[0],
        help="members who did not answer (members column 'responded'): reconstruct their ties "
        "from what respondents named (default), or analyse the respondents only",
    )
    p.add_argument(
        "--response-threshold",
        type=float,
        default=DEFAULT_RESPONSE_THRESHOLD,
        metavar="SHARE",
        help="warn below this response rate (default 0.7)",
    )
    p.add_argument(
        "--k", type=int, default=3, help="minimum raters behind a rating aggregate (default 3)"
    )
    p.add_argument(
        "--seed", type=int, default=0, help="seed for communities and sampling (default 0)"
    )
    p.add_argument(
        "--exact-limit",
        type=int,
        default=DEFAULT_EXACT_LIMIT,
        help=f"exact betweenness and closeness up to this many members (default {DEFAULT_EXACT_LIMIT})",
    )
    p.add_argument(
        "--sample",
        type=int,
        default=None,
        metavar="N",
        help="above it, estimate them from N sampled members (default: one in eight, "
        "fewer in very large networks) plus the neighbours of the top 20",
    )
    return p


class _UsageError(Exception):
    pass


def _load(args: argparse.Namespace) -> Network:
    if args.graphml:
        if args.members or args.ties:
            raise _UsageError("give either --graphml or --members and --ties, not both")
        return read_graphml(args.graphml, merge_duplicates=args.merge_duplicates)
    if not args.members or not args.ties:
        raise _UsageError("give --members and --ties (or --graphml)")
    return read_network(args.members, args.ties, merge_duplicates=args.merge_duplicates)


def _select(network: Network, round_: str | None) -> Network:
    rounds = network.rounds()
    if round_ is None:
        if len(rounds) > 1:
            raise _UsageError(
                f"the ties hold several rounds ({', '.join(rounds)}); choose one with --round"
            )
        return network
    if round_ not in rounds:
        raise _UsageError(
            f"round {round_!r} not found in the ties (rounds: {', '.join(rounds) or 'none'})"
        )
    return network.for_round(round_)


def main(argv: list[str]) -> int:
    """Run ``netlead analyze`` with ``argv``; return the exit code."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: --help (0) or a usage error (2)
        return int(exc.code) if isinstance(exc.code, int) else EXIT_BAD_INPUT
    try:
        if args.export and args.export[0] not in ("graphml", "gexf"):
            raise _UsageError(f"--export format must be graphml or gexf, not {args.export[0]!r}")
        if args.compare is not None and args.round is None:
            raise _UsageError("--compare needs --round (the later round)")
        if args.k < 1 or (args.sample is not None and args.sample < 2) or args.exact_limit < 0:
            raise _UsageError("--k must be >= 1, --sample >= 2 and --exact-limit >= 0")
        if not 0 <= args.response_threshold <= 1:
            raise _UsageError("--response-threshold must be a share from 0 to 1")
        full = _load(args)
        network = _select(full, args.round)
        options = {
            "k": args.k,
            "seed": args.seed,
            "exact_limit": args.exact_limit,
            "sample": args.sample,
            "missing": args.missing,
            "response_threshold": args.response_threshold,
        }
        diagnosis = diagnose(network, **options)
        if args.compare is not None:
            before = _select(full, args.compare)
            comparison = compare(before, network, diagnose(before, **options), diagnosis)
            diagnosis = replace(diagnosis, comparison=comparison)
    except InputError as exc:
        print(f"netlead analyze: error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except (NetworkError, _UsageError) as exc:
        print(f"netlead analyze: error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.format == "json":
        text = json.dumps(to_dict(diagnosis), ensure_ascii=False, indent=1, allow_nan=False) + "\n"
    elif args.format == "text":
        text = render_text(diagnosis)
    else:
        text = render_html(diagnosis)
    try:
        if args.export:
            writer = write_graphml if args.export[0] == "graphml" else write_gexf
            writer(args.export[1], network, diagnosis)
        if args.output:
            Path(args.output).write_text(text, encoding="utf-8")
        else:
            sys.stdout.write(text)
    except OSError as exc:
        print(
            f"netlead analyze: error: cannot write {exc.filename}: {exc.strerror}", file=sys.stderr
        )
        return EXIT_BAD_INPUT
    return EXIT_OK
