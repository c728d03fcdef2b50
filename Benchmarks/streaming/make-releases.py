#!/usr/bin/env python3
"""Writes N invented press releases as a ZIP of .txt files and as a JSON Lines file, for measuring how
`parley extract` streams large archives. Every name and sentence is made up here; seeded, so a run with the
same N and seed gives the same files.

    python3 make-releases.py 100000 /tmp/rel   # -> /tmp/rel.zip, /tmp/rel.jsonl
"""
import json
import random
import sys
import zipfile

GIVEN = ["Aldren", "Nadia", "Tomas", "Irena", "Kasim", "Lior", "Maren", "Oskar", "Petra", "Ravi", "Selma", "Teodor"]
FAMILY = ["Vesk", "Ferrant", "Dalby", "Orlen", "Hask", "Morrow", "Quill", "Sandor", "Tavel", "Ulm", "Wren", "Yarrow"]
COUNTRIES = [("Viet Nam", "Hanoi"), ("Kazakhstan", "Astana"), ("Mexico", "Mexico City"), ("Laos", "Vientiane"),
             ("Chile", "Santiago"), ("Kenya", "Nairobi"), ("Norway", "Oslo"), ("Peru", "Lima")]
ROLES = ["Minister of Foreign Affairs", "Deputy Prime Minister", "Ambassador", "Vice Chairman of the National Assembly",
         "Head of the International Department"]
FIELDS = ["trade", "education", "energy", "agriculture", "culture", "health", "transport", "tourism"]
FILLER = [
    "The two sides exchanged views on regional and international issues of common concern.",
    "Both sides agreed to further deepen practical cooperation in {f} and {g}.",
    "The guest thanked the host for the warm welcome and the thoughtful arrangements.",
    "They noted with satisfaction the steady growth of bilateral relations in recent years.",
    "The host side briefed the delegation on the country's development priorities.",
]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def release(rng, i):
    a, b = rng.sample(COUNTRIES, 2)
    host = f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"
    guest = f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"
    day, month, year = rng.randint(1, 28), rng.choice(MONTHS), rng.choice([2023, 2024, 2025])
    title = f"{rng.choice(ROLES)} {host} meets {b[0]} delegation"
    body = [f"{a[1].upper()}, {month} {day}, {year} -- {rng.choice(ROLES)} of {a[0]} {host} met in {a[1]} on "
            f"{day} {month} {year} with {rng.choice(ROLES)} of {b[0]} {guest}, who was on an official visit."]
    for _ in range(rng.randint(6, 14)):
        f, g = rng.sample(FIELDS, 2)
        body.append(rng.choice(FILLER).format(f=f, g=g))
    body.append(f"{host} said that {a[0]} attaches great importance to its relations with {b[0]}.")
    body.append(f"After the talks, the two sides signed a memorandum of understanding on cooperation in {rng.choice(FIELDS)}.")
    text = title + "\n\n" + "\n\n".join(body) + f"\n\nRelease {i}\n"
    return title, f"{year}-{MONTHS.index(month) + 1:02d}-{day:02d}", text


def main():
    count, stem = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    with zipfile.ZipFile(stem + ".zip", "w", zipfile.ZIP_DEFLATED) as z, open(stem + ".jsonl", "w") as j:
        for i in range(count):
            title, date, text = release(rng, i)
            z.writestr(f"releases/{i:07d}.txt", text)
            j.write(json.dumps({"id": f"r{i:07d}", "title": title, "published": date, "text": text}) + "\n")


if __name__ == "__main__":
    main()
