#!/usr/bin/env python3
"""Generate a deterministic corpus of news-digest articles for benchmarking newsprint.

    bench/gen-corpus.py --articles N --out DIR [--seed S]

Writes DIR/config.yaml and DIR/content/YYYY/MM/<slug>.md (YYYY/MM from the article's date in its
own UTC offset). The same seed and size always give byte-identical output.

Each article has YAML front matter (title, date as RFC 3339 with an offset, 1-4 tags weighted
towards Russia/Ukraine/sanctions, an authors list, a summary, and `draft: true` on about 1%),
then a 300-1200 word news-like Markdown body: paragraphs, `##` headings, bulleted and numbered
lists, links, a blockquote, emphasis, an image with an absolute URL, and sometimes a table or a
fenced code block. Only the Python 3 standard library is used.
"""
import argparse
import datetime as dt
import json
import os
import random

CONFIG_YAML = "title: Bench Digest\nbase_url: https://example.org/\npaginate: 20\n"

# Tags: three heavy hitters, then a long tail with weights cycling 1, 2, 3.
HEAVY_TAGS = {"Russia": 30, "Ukraine": 30, "sanctions": 18}
TAIL_TAGS = """
    energy NATO Kursk ceasefire G7 EU oil gas LNG grain Black-Sea Crimea Donbas Kharkiv
    Zaporizhzhia Odesa Kyiv Moscow Kremlin diplomacy drones air-defence artillery mobilisation
    elections economy inflation rouble central-bank banking SWIFT shipping insurance price-cap
    refugees humanitarian war-crimes ICC UN IAEA nuclear Belarus Poland Baltics Finland Turkey
    China India Iran North-Korea US Germany France UK Hungary Moldova Georgia cyber propaganda
    media prisoners-of-war reconstruction aid F-16 HIMARS Patriot frozen-assets tariffs
""".split()
TAGS = list(HEAVY_TAGS) + TAIL_TAGS
TAG_WEIGHTS = list(HEAVY_TAGS.values()) + [1 + i % 3 for i in range(len(TAIL_TAGS))]

AUTHORS = [
    "Anna Kowalska", "Oleksandr Bondarenko", "Maria Ivanova", "James O'Connor", "Sophie Müller",
    "Jean-Luc Moreau", "Yuki Tanaka", "Priya Raman", "Tomás García", "Ингрид Петрова",
    "Kateryna Shevchenko", "David Cohen",
]
PLACES = [
    "Kyiv", "Moscow", "Brussels", "Washington", "Kharkiv", "Odesa", "Berlin", "Warsaw", "Geneva",
    "Ankara", "Vilnius", "London", "Zaporizhzhia", "Kursk", "Beijing", "Paris",
]
ACTORS = [
    "officials", "the ministry", "diplomats", "analysts", "the government",
    "regional authorities", "EU leaders", "the Kremlin", "Ukrainian forces", "Russian troops",
    "G7 finance ministers", "NATO allies", "the central bank", "energy traders", "aid agencies",
    "lawmakers", "the IAEA",
]
VERBS = [
    "said", "warned", "announced", "confirmed", "denied", "signalled", "estimated", "reported",
    "argued", "acknowledged", "insisted", "suggested",
]
TOPICS = [
    "new sanctions on the banking sector", "a fresh package of military aid",
    "talks on a ceasefire", "the price cap on seaborne oil",
    "strikes on energy infrastructure", "a prisoner exchange",
    "shipments of grain through the Black Sea", "the use of frozen central bank assets",
    "tariffs on steel and fertiliser", "air-defence deliveries before winter",
    "gas transit contracts", "the reconstruction of damaged power plants",
    "export controls on dual-use goods", "a cross-border incursion near Kursk",
    "pressure on the rouble", "inflation above target",
]
OUTCOMES = [
    "would take effect next month", "had been delayed for weeks", "remained under review",
    "were expected to widen", "could not be independently verified",
    "marked a shift in strategy", "drew sharp criticism", "was welcomed by allies",
    "fell short of earlier promises", "would be discussed at the summit",
    "had little immediate effect on markets",
]
WHEN_SAID = [
    "on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "over the weekend",
    "late on Sunday", "earlier this week", "in a statement", "at a briefing",
]
SOURCES = [
    "two people familiar with the matter", "a senior official", "Reuters", "local media",
    "a draft seen by reporters",
]
HEADINGS = [
    "What happened", "Background", "Market reaction", "What officials said", "On the ground",
    "Diplomatic fallout", "What comes next", "Why it matters", "The numbers", "Reaction abroad",
]
TITLE_TEMPLATES = [
    "{actor} {verb} {topic}",
    "{place}: {actor} {verb} {topic}",
    "Zelensky’s plan for {topic} meets resistance in {place}",
    '"{Topic}" is back on the table, {actor} say',
    "Санкции: {actor} in {place} weigh {topic}",
    "Analysis: why {topic} matters for {place}",
    "{place}'s gamble on {topic}",
    "Live: {actor} {verb} {topic} — day {n}",
    "Explainer — {topic}, in {n} charts",
    "Q&A: what {topic} means for Europe",
]
UTC_OFFSETS_MIN = [0, 60, 120, 180, -300, -240, 330]
FIRST_DAY = dt.datetime(2023, 7, 1, tzinfo=dt.timezone.utc)
SPAN_SECONDS = 730 * 24 * 3600
DRAFT_SHARE = 0.01


def capitalise_first(text):
    """Upper-cases the first character only (str.capitalize would lower the rest)."""
    return text[:1].upper() + text[1:]


def yaml_string(text):
    """A YAML double-quoted scalar; every JSON string is one."""
    return json.dumps(text, ensure_ascii=False)


def slugify(text):
    """ASCII letters and digits, lower-cased, other runs turned into single dashes, ≤60 chars."""
    chars = "".join(c.lower() if c.isascii() and c.isalnum() else "-" for c in text)
    return "-".join(part for part in chars.split("-") if part)[:60].strip("-")


class Writer:
    """Produces the text of articles from one seeded random stream."""

    def __init__(self, seed):
        self.rng = random.Random(seed)

    # -- prose ------------------------------------------------------------------------------
    def sentence(self):
        """One reported-speech sentence, sometimes emphasised, attributed or linked."""
        rng = self.rng
        topic = rng.choice(TOPICS)
        if rng.random() < 0.15:
            topic = rng.choice(["*{}*", "**{}**", "_{}_"]).format(topic)
        text = (f"{rng.choice(ACTORS)} in {rng.choice(PLACES)} {rng.choice(VERBS)} "
                f"{rng.choice(WHEN_SAID)} that {topic} {rng.choice(OUTCOMES)}")
        if rng.random() < 0.3:
            text += f", according to {rng.choice(SOURCES)}"
        if rng.random() < 0.1:
            text += f" ([source](https://news.example.org/{rng.randrange(10**6)}))"
        return capitalise_first(text) + "."

    def paragraph(self):
        return " ".join(self.sentence() for _ in range(self.rng.randint(2, 5)))

    # -- block elements ---------------------------------------------------------------------
    def bullet_list(self):
        return "\n".join(f"- {self.sentence()}" for _ in range(self.rng.randint(3, 5)))

    def numbered_list(self):
        count = self.rng.randint(3, 5)
        return "\n".join(f"{i}. {self.sentence()}" for i in range(1, count + 1))

    def blockquote(self):
        rng = self.rng
        return f"> {self.paragraph()}\n>\n> — {rng.choice(AUTHORS)}, {rng.choice(PLACES)}"

    def table(self):
        rng = self.rng
        rows = [f"| {rng.choice(PLACES)} | {rng.randint(1, 999)} | {rng.uniform(-9, 9):+.1f}% |"
                for _ in range(rng.randint(3, 6))]
        return "| Region | Value | Change |\n|---|---:|---:|\n" + "\n".join(rows)

    def code_block(self):
        rng = self.rng
        data = {"sanctioned_entities": rng.randint(10, 900), "region": rng.choice(PLACES),
                "ok": True}
        return "```json\n" + json.dumps(data, indent=2) + "\n```"

    def image(self):
        # An absolute URL: newsprint checks local image paths against content/ and would
        # report these (non-existent) files as missing.
        rng = self.rng
        alt, number, credit = rng.choice(TOPICS), rng.randrange(10**5), rng.choice(AUTHORS)
        return f'![{alt}](https://img.example.org/{number}.jpg "Photo: {credit}")'

    # -- whole article ----------------------------------------------------------------------
    def body(self):
        """300-1200 words: a lede, paragraphs with occasional headings, and 2-6 extra blocks."""
        rng = self.rng
        target_words = rng.randint(300, 1200)
        makers = [self.bullet_list, self.numbered_list, self.blockquote, self.image]
        if rng.random() < 0.25:
            makers.append(self.table)
        if rng.random() < 0.1:
            makers.append(self.code_block)
        rng.shuffle(makers)
        parts = [self.paragraph()]  # the lede
        extras = [make() for make in makers[:2 + target_words // 300]]
        words = len(parts[0].split()) + sum(len(block.split()) for block in extras)
        while words < target_words:
            if rng.random() < 0.2:
                parts.append("## " + rng.choice(HEADINGS))
            parts.append(self.paragraph())
            words += len(parts[-1].split())
        for block in extras:
            parts.insert(rng.randint(1, len(parts)), block)
        return "\n\n".join(parts) + "\n"

    def title(self):
        rng = self.rng
        topic = rng.choice(TOPICS)
        title = rng.choice(TITLE_TEMPLATES).format(
            actor=rng.choice(ACTORS).capitalize(), verb=rng.choice(VERBS), topic=topic,
            Topic=topic.capitalize(), place=rng.choice(PLACES), n=rng.randint(2, 900))
        return capitalise_first(title)

    def published(self):
        """A second-precision moment in the two-year window, in one of a few UTC offsets."""
        rng = self.rng
        zone = dt.timezone(dt.timedelta(minutes=rng.choice(UTC_OFFSETS_MIN)))
        moment = FIRST_DAY + dt.timedelta(seconds=rng.randrange(SPAN_SECONDS))
        return moment.astimezone(zone)

    def tags(self):
        rng = self.rng
        chosen = []
        while len(chosen) < rng.randint(1, 4):
            tag = rng.choices(TAGS, TAG_WEIGHTS)[0]
            if tag not in chosen:
                chosen.append(tag)
        return chosen

    def summary(self):
        plain = self.sentence().replace("*", "").split(" ([")[0]
        return plain.rstrip(".") + "."

    def article(self, index):
        """Returns (published datetime, slug, full file text) for article number `index`."""
        rng = self.rng
        title = self.title()
        published = self.published()
        tags = self.tags()
        authors = rng.sample(AUTHORS, rng.choice([1, 1, 1, 2, 3]))
        front = [
            "---",
            f"title: {yaml_string(title)}",
            f"date: {published.isoformat()}",
            "tags: [" + ", ".join(yaml_string(t) for t in tags) + "]",
            "authors:",
            *(f"  - {yaml_string(a)}" for a in authors),
            f"summary: {yaml_string(self.summary())}",
        ]
        if rng.random() < DRAFT_SHARE:
            front.append("draft: true")
        front.append("---")
        slug = f"{slugify(title)}-{index:05d}"
        return published, slug, "\n".join(front) + "\n\n" + self.body()


def write_corpus(out_dir, articles, seed):
    """Writes config.yaml and every article under out_dir."""
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, "config.yaml"), "w", encoding="utf-8", newline="\n") as f:
        f.write(CONFIG_YAML)
    writer = Writer(seed)
    for index in range(articles):
        published, slug, text = writer.article(index)
        folder = os.path.join(out_dir, "content", f"{published:%Y}", f"{published:%m}")
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, slug + ".md"), "w", encoding="utf-8", newline="\n") as f:
            f.write(text)


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, required=True, help="number of articles")
    parser.add_argument("--out", required=True, help="site folder to write (config.yaml, content/)")
    parser.add_argument("--seed", type=int, default=42, help="random seed (default 42)")
    args = parser.parse_args()
    if args.articles < 0:
        parser.error("--articles must be >= 0")
    return args


def main():
    args = parse_args()
    write_corpus(args.out, args.articles, args.seed)


if __name__ == "__main__":
    main()
