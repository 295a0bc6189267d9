"""A small, deterministic labelled set for classifier tests (synthetic, fictional contacts)."""

from __future__ import annotations

import json
import random
from pathlib import Path

RISKY = [
    "Work abroad in {city}, no experience needed, 3000 EUR per month. Travel and visa paid by "
    "us, your passport is kept by the employer for safety. Only girls 19-25, send photos. "
    "Write only on Telegram, departure this week!",
    "Hostess job in {city}. Accommodation provided, travel costs repaid from your salary. "
    "Contract signed on arrival. Young women with pleasant appearance, send full-length photos.",
    "Urgent! Girls for a club in {city}, 2500 EUR/week, no experience. Tickets paid, documents "
    "handled by the manager. Contact only via WhatsApp.",
]
BENIGN = [
    "Bakery in {city} hires a baker. Written contract before departure, 12 EUR per hour gross, "
    "40 hours a week. Company registration no. 1234567. Apply by e-mail jobs@example.org.",
    "Licensed agency, licence no. 045/2026, recruits care workers for {city}. Contract signed "
    "in our registered office before you travel. Rent 250 EUR/month, optional, separate lease.",
    "Warehouse operative in {city}, 11 EUR per hour, 40 hours per week, employer Example "
    "Logistics SRL, registration no. 998877. Interview at our office.",
]
CITIES = ["Milan", "Berlin", "Vienna", "Prague", "Madrid", "Lyon", "Porto", "Gdansk"]


def small_samples(
    n_per_class: int = 24, seed: int = 3, split: str | None = None
) -> list[dict[str, object]]:
    """Adverts from three risky and three benign templates; `provenance.template` names the
    template, so grouped folds hold whole templates out.  `split` overrides the default
    (every fourth advert "test", the rest "train")."""
    rng = random.Random(seed)
    out: list[dict[str, object]] = []
    for label, pool in ((1, RISKY), (0, BENIGN)):
        for i in range(n_per_class):
            template = rng.randrange(len(pool))
            out.append(
                {
                    "id": f"t-{label}-{i}",
                    "kind": "job",
                    "language": "en",
                    "title": f"Job in {rng.choice(CITIES)}",
                    "text": pool[template].format(city=rng.choice(CITIES)),
                    "label": label,
                    "indicators": [],
                    "hard": False,
                    "split": split or ("test" if i % 4 == 0 else "train"),
                    "provenance": {
                        "source": "synthetic",
                        "generator": "tests/classifier_support.py",
                        "template": f"{label}-{template}",
                    },
                }
            )
    return out


def write_samples(path: Path, samples: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(s) + "\n" for s in samples), encoding="utf-8")
    return path
