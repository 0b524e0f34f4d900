"""Set up a survey round for the deployment and cluster checks (tools/ci/*_smoke.*): a workspace
whose leader can log in, a network of `--members` members in a few organizations, and a round
that is opened through the service, so its invitations leave through the configured task queue.
Prints the ids as JSON. Runs against the database the environment names (DATABASE_URL), with
whichever netlead the running Python imports (a fresh install or the checkout)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--members", type=int, default=6)
    parser.add_argument("--organizations", type=int, default=3)
    parser.add_argument("--password", required=True)
    parser.add_argument("--site", required=True, help="the address in the invitation links")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "netlead.settings")
    import django

    django.setup()
    # The benchmark's world: persons, organizations, one network, a drafted round.
    sys.path.insert(0, str(ROOT / "bench" / "surveys"))
    import run as bench  # type: ignore[import-not-found]

    from netlead.surveys import services

    world = bench.build_world(args.members, args.organizations, args.seed)
    leader = world["leader"]
    leader.set_password(args.password)
    leader.save(update_fields=["password"])
    invited = services.round_open(world["round"], base_url=args.site)
    print(
        json.dumps(
            {
                "leader": leader.email,
                "workspace": world["workspace"].slug,
                "network": world["network"].pk,
                "round": world["round"].pk,
                "invited": invited,
            }
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
