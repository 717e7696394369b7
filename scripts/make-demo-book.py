#!/usr/bin/env python3
"""Writes Quire's demo book: a procedurally written story with planted facts.

    python3 scripts/make-demo-book.py [--seed N] [--chapters N] [--out DIR]

The story follows the keepers of a lighthouse on a fictional coast over one year: every chapter
is a month (or half of one), told in paragraphs assembled from templates over a small world
(people, places, weather, chores, the sea). Into it, at chosen depths, go facts that appear once
and nowhere else, each with a question and its answer.

A planted fact is a needle, as in the evaluation harness: its words (the cat, the doctor, the
compass...) and its answer occur nowhere else in the book, so that a question about it can be
found by what it asks, and the filler never mentions those things. (An earlier book planted its
facts among the filler's own people and places, and no lookup or model told them apart:
docs/evaluation.md.)

The app suggests only the questions the default model (SmolLM2-135M-Instruct) answered in a
measurement (SUGGESTED below; docs/evaluation.md has the table and the command,
scripts/demo-book-eval.sh); every question stays in the questions file, with "suggest" saying
which, for the evaluation and for stronger models. The book (Markdown, chapters as headings) and the questions (JSON) go to
resources/demo/; the same seed writes the same bytes, so the shipped files can be checked against
this script (tests/resources/tst_demo_book.cpp).
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
          "the chapel on the hill", "the oil store", "the village market", "the tide pools", "the old quarry",
          "the bakery", "the long beach", "the cottage porch", "the watch room", "the sheep field"]
WEATHER = ["a grey drizzle hung over the water", "the wind came hard from the west", "fog lay on the bay until noon",
           "the sky was clear and pale", "rain drummed on the slate roofs", "a cold sun rose over the headland",
           "sleet blew in sideways from the sea", "the air was still and smelled of salt",
           "clouds raced low over the cliffs", "a warm breeze came off the land", "the sea was flat as a plate",
           "hail rattled against the windows of the tower"]
CHORES = ["trimmed the wicks", "polished the brass fittings", "carried oil up the spiral stair", "mended the nets",
          "wrote up the weather", "painted the rail of the gallery", "checked the fog bell",
          "split driftwood for the stove", "counted the passing boats", "scraped rust from the door hinges",
          "swept the stairs", "cleaned the soot from the chimney glass", "wound the clockwork of the lamp",
          "patched the roof of the shed", "hauled water from the well"]
FEELINGS = ["tired but content", "restless", "quietly worried", "cheerful", "lost in thought", "impatient for spring",
            "proud of the work", "homesick for the inland farms", "sleepy", "glad of the company"]
BOATS = ["a coal barge", "a pair of fishing smacks", "the mail steamer", "a pilot cutter", "a timber ship",
         "a lobster boat", "a naval sloop"]
TOPICS = ["the price of oil", "the winter ahead", "a letter from the mainland", "the new pilot", "the broken pump",
          "old storms", "the harvest", "a wedding in the village", "the road to town", "the spring lambs"]
FINDS = ["a basket of mussels", "wet boots", "news from the village", "a length of rope", "nothing at all",
         "a bundle of letters", "a loaf of bread", "a pocket full of shells", "a sack of potatoes", "a torn sail"]
SEA = ["The tide ran out over the flats and the gulls followed it.", "Waves broke white on the reef below the tower.",
       "The bay lay quiet under a sky the colour of pewter.", "Far out, a line of rain walked across the water.",
       "Seals hauled themselves onto the rocks to sleep.", "The light turned all night, and the sea answered with its own slow sound.",
       "Spray came over the harbour wall in sheets.", "Kelp lay in heaps along the tide line."]
SAYINGS = ["A light that is kept is a promise that is kept.", "The sea forgets nothing and forgives little.",
           "Count the flashes, not the waves.", "Oil first, supper after.", "Fair weather makes lazy keepers."]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]

# (depth in the book, sentence, question, answer). Each fact's subject and answer occur once in the
# whole book: the filler above never names a cat, a doctor, a compass, a song...
FACTS = [
    (0.04, "The keepers' cat was a fat ginger tom named Marmalade.",
     "What was the name of the keepers' cat?", "Marmalade"),
    (0.08, "The lighthouse was built in 1841 by an engineer named Tobias Wren.",
     "Who built the lighthouse?", "Tobias Wren"),
    (0.12, "The password for the signal cabinet was amber tide.",
     "What was the password for the signal cabinet?", "amber tide"),
    (0.16, "The keepers' goat was a stubborn nanny called Clementine.",
     "What was the name of the keepers' goat?", "Clementine"),
    (0.20, "The schooner that sank on the Skerry Rocks was named the Gray Heron.",
     "What was the name of the schooner that sank on the Skerry Rocks?", "Gray Heron"),
    (0.24, "Brita always put exactly seven juniper berries in her fish stew.",
     "How many juniper berries did Brita put in her fish stew?", "seven"),
    (0.28, "The telescope in the watch room was a gift from Admiral Penrose.",
     "Who gave the keepers their telescope?", "Admiral Penrose"),
    (0.32, "The new lens for the lighthouse came from a glassworks in the town of Tarnby.",
     "Which town did the new lens come from?", "Tarnby"),
    (0.36, "The keepers' favourite card game was called Ship and Anchor.",
     "What was the keepers' favourite card game?", "Ship and Anchor"),
    (0.40, "Corvin hid the brass compass inside a hollow oak tree behind the chapel.",
     "Where did Corvin hide the brass compass?", "hollow oak"),
    (0.44, "The village doctor was a cheerful woman named Ilse Marrow.",
     "What was the name of the village doctor?", "Ilse Marrow"),
    (0.48, "The organist of the chapel was a shy man named Oswin Tull.",
     "Who was the organist of the chapel?", "Oswin Tull"),
    (0.52, "Gideon's favourite song was called The Lantern on the Water.",
     "What was Gideon's favourite song?", "Lantern on the Water"),
    (0.56, "The rain cistern under the kitchen held nine hundred gallons.",
     "How much water did the rain cistern hold?", "nine hundred gallons"),
    (0.60, "The keepers' rowing boat was painted blue and named the Little Petrel.",
     "What was the name of the keepers' rowing boat?", "Little Petrel"),
    (0.64, "The keepers' pony was a grey mare named Thistle.",
     "What was the keepers' pony called?", "Thistle"),
    (0.68, "Hilde's grandmother was born on an island called Varholm.",
     "On which island was Hilde's grandmother born?", "Varholm"),
    (0.72, "The shipwrecked sailor rescued in August was a Portuguese cook named Tiago Reis.",
     "Who was the shipwrecked sailor rescued in August?", "Tiago Reis"),
    (0.76, "Evert's dog was a black retriever called Bosun.",
     "What was Evert's dog called?", "Bosun"),
    (0.80, "The foghorn was tested every Thursday at four o'clock.",
     "On which day was the foghorn tested?", "Thursday"),
    (0.85, "Each keeper was paid eleven shillings a week.",
     "How much was each keeper paid a week?", "eleven shillings"),
    (0.90, "The ferry ticket to Dunmore cost four pennies.",
     "How much did the ferry ticket to Dunmore cost?", "four pennies"),
    (0.95, "The lighthouse inspector who visited in December was Sir Alder Quayle.",
     "Who was the lighthouse inspector who visited in December?", "Alder Quayle"),
]

# Other spellings of an answer that count as right: a number the model writes in digits.
ACCEPT = {"seven": ["7"], "nine hundred gallons": ["900 gallons"], "eleven shillings": ["11 shillings"], "four pennies": ["4 pennies"]}

# The questions the app suggests: those SmolLM2-135M-Instruct (Q4_1) answered right in the app's
# default way on this book: preset auto (2k for this model), two word-match anchors, and the
# answer written from the best passages alone ("Answer briefly, from the document." after the
# question), greedy; 16 of 23 with `quire-cli eval --task docqa --preset auto --anchors 2
# --evidence-tokens auto --evidence-alone`, the same 16 on the CPU and on the GPU
# (docs/eval/cpu-smollm2-docqa-demo-alone, docs/eval/gpu-docqa-alone; answered in the block
# memory around the passages 13, with anchors alone 5 and with the paper's lookup alone none).
# Indices into FACTS.
SUGGESTED = {1, 2, 3, 5, 7, 8, 9, 10, 12, 13, 14, 17, 18, 20, 21, 22}


def him(he):
    return "him" if he == "he" else "her"


def sentence(r, who):
    name, he, his = who
    other = r.choice([p for p in PEOPLE if p != who])[0]
    place = r.choice(PLACES)
    forms = [
        lambda: f"{name} {r.choice(CHORES)} while {r.choice(WEATHER)}.",
        lambda: f"In {place}, {name} met {other}, and they talked about {r.choice(TOPICS)}.",
        lambda: f"{name} felt {r.choice(FEELINGS)}, and {he} said so to nobody but the gulls.",
        lambda: f"From the gallery {name} watched {r.choice(BOATS)} round the point and turn for the harbour.",
        lambda: f"{other} reminded {name} of the old saying: \"{r.choice(SAYINGS)}\"",
        lambda: f"{name} walked down to {place} and came back with {r.choice(FINDS)}.",
        lambda: f"That evening {name} {r.choice(CHORES)}, then sat by the stove with {his} boots drying beside {him(he)}.",
        lambda: f"When {r.choice(WEATHER)}, {name} stayed in {place} and {r.choice(CHORES)}.",
        lambda: r.choice(SEA),
        lambda: f"\"{r.choice(['Is there tea', 'Did you hear the bell', 'Will it clear by morning', 'Who left the door open', 'Have you seen the ladder'])}?\" {name} asked, and {other} only shrugged.",
    ]
    return r.choice(forms)()


def paragraph(r, n):
    cast = r.sample(PEOPLE, 2)
    return " ".join(sentence(r, r.choice(cast)) for _ in range(n))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=20261129)
    ap.add_argument("--chapters", type=int, default=24)
    ap.add_argument("--paragraphs", type=int, default=8, help="paragraphs per chapter")
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "resources", "demo"))
    a = ap.parse_args()
    r = random.Random(a.seed)
    chapters = []
    for c in range(a.chapters):
        month = MONTHS[(c * 12) // a.chapters]
        half = "early" if c % 2 == 0 else "late"
        title = f"Chapter {c + 1}: {half.capitalize()} {month}"
        paras = [paragraph(r, r.randint(4, 8)) for _ in range(a.paragraphs)]
        chapters.append([title, paras])
    # Plant each fact once, as the first sentence of a paragraph at its depth.
    flat = [(ci, pi) for ci, (_, ps) in enumerate(chapters) for pi in range(len(ps))]
    questions = []
    for i, (depth, fact, q, ans) in enumerate(FACTS):
        ci, pi = flat[min(len(flat) - 1, int(depth * len(flat)))]
        chapters[ci][1][pi] = fact + " " + chapters[ci][1][pi]
        entry = {"question": q, "answer": ans}
        if ans in ACCEPT:
            entry["accept"] = ACCEPT[ans]
        entry.update({"chapter": ci + 1, "depth": depth, "suggest": i in SUGGESTED})
        questions.append(entry)
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
