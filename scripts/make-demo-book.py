#!/usr/bin/env python3
"""Writes Quire's demo book: a procedurally written story with planted facts.

    python3 scripts/make-demo-book.py [--seed N] [--chapters N] [--out DIR]

The story follows the keepers of a lighthouse on a fictional coast over one year: every chapter
is a month (or half of one), told in paragraphs assembled from templates over a small world
(people, places, ships, weather, chores). Into it, at chosen depths, go facts that appear once
and nowhere else, each with a question and its answer. The book (Markdown, chapters as headings)
and the questions (JSON) go to resources/demo/; the same seed writes the same bytes, so the
shipped files can be checked against this script (tests/app/tst_demo_book.py).
"""
import argparse
import json
import os
import random

PEOPLE = [
    ("Ansel", "he", "his"), ("Brita", "she", "her"), ("Corvin", "he", "his"), ("Dagny", "she", "her"),
    ("Evert", "he", "his"), ("Freya", "she", "her"), ("Gideon", "he", "his"), ("Hilde", "she", "her"),
]
PLACES = ["the lamp room", "the boathouse", "the north cliff", "the kitchen garden", "the harbour wall",
          "the chapel on the hill", "the oil store", "the village market", "the tide pools", "the old quarry"]
WEATHER = ["a grey drizzle hung over the water", "the wind came hard from the west", "fog lay on the bay until noon",
           "the sky was clear and pale", "rain drummed on the slate roofs", "a cold sun rose over the headland",
           "sleet blew in sideways from the sea", "the air was still and smelled of salt"]
CHORES = ["trimmed the wicks", "polished the great lens", "carried oil up the spiral stair", "mended the nets",
          "wrote the night's entries in the log", "painted the rail of the gallery", "checked the fog bell",
          "split driftwood for the stove", "counted the passing ships", "scraped rust from the door hinges"]
FEELINGS = ["tired but content", "restless", "quietly worried", "cheerful", "lost in thought", "impatient for spring",
            "proud of the work", "homesick for the inland farms"]
SHIPS = ["a coal barge", "two fishing smacks", "a mail steamer", "a tall schooner", "a pilot boat", "a timber ship"]
SAYINGS = ["A light that is kept is a promise that is kept.", "The sea forgets nothing and forgives little.",
           "Count the flashes, not the waves.", "Oil first, supper after.", "Every storm ends on a Tuesday, sooner or later."]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]

# (chapter fraction, sentence, question, answer): each appears once, at about that depth.
FACTS = [
    (0.08, "Ansel kept the spare key to the lamp room in a tin of peppermints on the top shelf of the oil store.",
     "Where did Ansel keep the spare key to the lamp room?", "in a tin of peppermints"),
    (0.22, "The schooner that ran aground on the Skerry Rocks was called the Gray Heron, and her captain was Mirela Voss.",
     "What was the name of the schooner that ran aground on the Skerry Rocks?", "Gray Heron"),
    (0.37, "Brita's secret recipe for fish stew used exactly seven juniper berries, never more.",
     "How many juniper berries went into Brita's fish stew?", "seven"),
    (0.51, "The new lens arrived from the glassworks at Tarnby on the fourteenth of June, packed in sawdust.",
     "Where did the new lens come from?", "Tarnby"),
    (0.66, "Corvin buried the brass compass under the third stone of the garden wall, counting from the gate.",
     "Where did Corvin bury the brass compass?", "under the third stone of the garden wall"),
    (0.80, "The password for the signal cabinet was amber tide, and only Dagny and Gideon knew it.",
     "What was the password for the signal cabinet?", "amber tide"),
    (0.93, "At the end of the year the keepers counted 1,284 ships that had passed the light safely.",
     "How many ships passed the light safely that year?", "1,284"),
]


def sentence(r, who):
    name, he, his = who
    other = r.choice([p for p in PEOPLE if p != who])[0]
    place = r.choice(PLACES)
    forms = [
        lambda: f"{name} {r.choice(CHORES)} while {r.choice(WEATHER)}.",
        lambda: f"In {place}, {name} met {other}, and they talked about {r.choice(['the price of oil', 'the winter ahead', 'a letter from the mainland', 'the new pilot', 'the broken pump', 'old storms'])}.",
        lambda: f"{name} felt {r.choice(FEELINGS)}, and {he} said so to nobody but the gulls.",
        lambda: f"From the gallery {name} watched {r.choice(SHIPS)} round the point and turn for the harbour.",
        lambda: f"{other} reminded {name} of the old saying: \"{r.choice(SAYINGS)}\"",
        lambda: f"{name} walked down to {place} and came back with {r.choice(['a basket of mussels', 'wet boots', 'news from the village', 'a length of rope', 'nothing at all', 'a bundle of letters'])}.",
        lambda: f"That evening {name} {r.choice(CHORES)}, then sat by the stove with {his} boots drying beside {him(he)}.",
        lambda: f"The log for the day says that {r.choice(WEATHER)} and that {name} {r.choice(CHORES)}.",
    ]
    return r.choice(forms)()


def him(he):
    return "him" if he == "he" else "her"


def paragraph(r, n):
    cast = r.sample(PEOPLE, 2)
    return " ".join(sentence(r, r.choice(cast)) for _ in range(n))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=20261129)
    ap.add_argument("--chapters", type=int, default=24)
    ap.add_argument("--paragraphs", type=int, default=9, help="paragraphs per chapter")
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "resources", "demo"))
    a = ap.parse_args()
    r = random.Random(a.seed)
    chapters = []
    for c in range(a.chapters):
        month = MONTHS[(c * 12) // a.chapters]
        half = "early" if c % 2 == 0 else "late"
        title = f"Chapter {c + 1}: {half.capitalize()} {month}"
        paras = [paragraph(r, r.randint(5, 9)) for _ in range(a.paragraphs)]
        chapters.append([title, paras])
    # Plant each fact once, inside a paragraph at its depth.
    total = sum(len(p) for _, p in chapters)
    flat = [(ci, pi) for ci, (_, ps) in enumerate(chapters) for pi in range(len(ps))]
    questions = []
    for depth, fact, q, ans in FACTS:
        ci, pi = flat[min(total - 1, int(depth * total))]
        s = chapters[ci][1][pi].split(". ")
        s.insert(len(s) // 2, fact.rstrip("."))
        chapters[ci][1][pi] = ". ".join(s)
        questions.append({"question": q, "answer": ans, "chapter": ci + 1, "depth": depth})
    book = ["# The Keepers of Halden Light", "",
            "*A story written by Quire's demo generator (scripts/make-demo-book.py, seed %d). "
            "Every name, ship and place in it is invented.*" % a.seed, ""]
    for title, paras in chapters:
        book += ["## " + title, ""]
        for p in paras:
            book += [p, ""]
    os.makedirs(a.out, exist_ok=True)
    with open(os.path.join(a.out, "the-keepers-of-halden-light.md"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(book))
    with open(os.path.join(a.out, "the-keepers-of-halden-light.questions.json"), "w", encoding="utf-8", newline="\n") as f:
        json.dump({"book": "the-keepers-of-halden-light.md", "seed": a.seed, "questions": questions}, f, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
