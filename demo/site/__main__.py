"""``python -m demo.site``: serve the demo sites until Ctrl-C."""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from pathlib import Path

from demo.site.generator import generate_world
from demo.site.model import DEFAULT_PORTS, PROFILE_NAMES, SITE_NAMES
from demo.site.server import DemoServer


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m demo.site", description="Serve the adwatch demo sites."
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--round", type=int, default=1, choices=(1, 2))
    parser.add_argument("--jobs", type=int, default=40, help="job adverts (round 1)")
    parser.add_argument("--bridal", type=int, default=40, help="bridal profiles (round 1)")
    parser.add_argument("--escort", type=int, default=40, help="escort adverts (round 1)")
    for site in SITE_NAMES:
        parser.add_argument(
            f"--{site}-port", type=int, default=DEFAULT_PORTS[site], help="0 = any free port"
        )
    parser.add_argument("--answer-key", type=Path, help="also write the round's answer key here")
    args = parser.parse_args(argv)

    # Ctrl-C and SIGTERM both stop the servers (SIGINT may arrive ignored from a parent).
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, _interrupt)
    world = generate_world(args.seed, args.jobs, args.bridal, args.escort)
    ports = {site: getattr(args, f"{site}_port") for site in SITE_NAMES}
    server = DemoServer(world, host=args.host, ports=ports, round=args.round)
    try:
        server.start()
    except OSError as exc:
        print(f"cannot start the demo sites: {exc}", file=sys.stderr)
        return 1
    try:
        print(f"adwatch demo sites (seed {args.seed}, round {args.round}):")
        for site, start in server.start_urls().items():
            print(f"  {PROFILE_NAMES[site]:<12} {start}")
        if args.answer_key is not None:
            args.answer_key.write_text(server.answer_key().to_json(), encoding="utf-8")
            print(f"answer key written to {args.answer_key}")
        print("Press Ctrl-C to stop.", flush=True)
        threading.Event().wait()
    except KeyboardInterrupt:
        print("stopping")
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
