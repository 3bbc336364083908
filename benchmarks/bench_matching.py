"""Speed, memory and accuracy of ``quoteattr.match_quotes`` on synthetic quotes.

Usage:
    python benchmarks/bench_matching.py --size 100000 [--seed 0] [--json]
    python benchmarks/bench_matching.py --size 10000 --size 100000 --size 1000000

The generator invents utterances (Zipf-distributed made-up words mixed with
English function words, one or two sentences each) by a few thousand speakers,
each on an occasion (a day in two years), then prints each utterance one or
more times within three days of it, the way outlets do:

* punctuation, capitals, curly or straight apostrophes, a sentence split into
  two ("request, we" / "request. We"), British or American spelling, one
  misprinted letter;
* an ellipsis for 2-6 dropped words, a bracketed insertion ("[the]"), a word
  dropped at either end;
* a fragment of 1-7 words quoted inside reported speech (kind ``partial``),
  often in the same document as a full printing (one-word fragments always);
* the speaker as "Mevlüt Çavuşoğlu", "Mevlut Cavusoglu", "Çavuşoğlu", with a
  title or a party label ("Sen. Mevlüt Çavuşoğlu", "Republican Mevlüt
  Çavuşoğlu"), with a middle initial, or unknown.

Some utterances are recalled weeks later (8 to 60 days): an article reprints
the quote, or a passage of four to eight of its words, with the speaker's name.
That is the same utterance.

Hard negatives that must stay apart, as real news has them (issue 14):

* a stock line: the same speaker says an earlier utterance again: weeks later
  (14 to 90 days) in other words (one or two words changed or added), or
  months later (90 to 300 days) in the same words;
* a chant: a crowd's short slogan, printed on two dates months apart;
* one-word quotes: one speaker's "shameful" in April and again in October;
* a quote of a quote: another person repeats the words days later;
* one text from several speakers: a short line ("No comment") said by many
  different people on one day;
* look-alikes that keep 40% of an utterance and change the rest, and the same
  words said by somebody else.

Reported: CPU and wall time of ``match_quotes`` alone, peak resident memory of
the process (inputs included) from ``resource.getrusage``, and pairwise
precision and recall of the clusters against the generator's truth.
"""

from __future__ import annotations

import argparse
import datetime
import json
import random
import resource
import sys
import time
from collections import Counter
from dataclasses import dataclass

from quoteattr.matching.clusters import match_quotes
from quoteattr.models import Quote, QuoteSpeaker
from quoteattr.text.normalize import spelling_variants

FUNCTION_WORDS = (
    "the of and to a in that is we it for on with as was this be are not by at have from "
    "or will has they an but our their which would there been can all more were its who "
    "had also should us them than so no what about if these any could must very"
).split()
SYLLABLES = (
    "ka ro mi ta ne lu so vi da pe ri zo mar ten vol bra kin dor sel tra qui fen lor gas "
    "mon pil ster ush ven cor dal ith"
).split()
FIRST = "Sergei Mevlüt Frank Angela Recep Vladimir Anna Jean Zoë Ömer Łukasz José".split()
LAST_SYLLABLES = "ça vu şo ğlu lav rov ste in mei er mer kel ben zo ić ski ová ne ro".split()
CONTRACTIONS = (("it is", "it's"), ("we will", "we'll"), ("do not", "don't"), ("is not", "isn't"))


TITLES = ("Sen.", "Foreign Minister", "Gov.", "Mayor", "Rep.")
LABELS = ("Republican", "Democrat", "Conservative")
CHANT_WORDS = 3
RECALLED = 0.06
"""Share of utterances that a later article recalls (reprints) weeks after."""
RECALL_DAYS = 60
START = datetime.date(2015, 1, 1)
DAYS = 730


@dataclass
class Printing:
    doc_id: str
    quote: Quote
    date: datetime.date
    truth: int


class Generator:
    def __init__(self, seed: int, size: int) -> None:
        self.rng = random.Random(seed)
        rng = self.rng
        words: set[str] = set()
        while len(words) < 60_000:
            words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
        self.content = sorted(words)
        rng.shuffle(self.content)
        self.british = [w for w in spelling_variants() if w.isalpha() and len(w) > 5][:200]
        self.weights = [1.0 / (rank + 10) for rank in range(len(self.content))]
        self.cum = list(_accumulate(self.weights))
        names: set[tuple[str, str]] = set()
        while len(names) < max(50, size // 40):
            last = "".join(rng.choice(LAST_SYLLABLES) for _ in range(rng.randint(2, 3)))
            names.add((rng.choice(FIRST), last.capitalize()))
        self.speakers = sorted(names)
        self.documents_per_day = max(1, size // 8 // DAYS)
        self.out: list[Printing] = []
        self.truth = 0

    def word(self) -> str:
        rng = self.rng
        if rng.random() < 0.42:
            return rng.choice(FUNCTION_WORDS)
        if rng.random() < 0.01:
            return rng.choice(self.british)
        return rng.choices(self.content, cum_weights=self.cum)[0]

    def content_word(self) -> str:
        return self.rng.choices(self.content, cum_weights=self.cum)[0]

    def utterance(self) -> list[list[str]]:
        rng = self.rng
        sentences = 1 if rng.random() < 0.6 else 2
        return [[self.word() for _ in range(rng.randint(5, 16))] for _ in range(sentences)]

    def look_alike(self, base: list[list[str]]) -> list[list[str]]:
        """Keep a stretch of about 40% of the words, replace the rest."""
        rng = self.rng
        flat = [w for s in base for w in s]
        keep = max(2, int(len(flat) * 0.4))
        at = rng.randint(0, len(flat) - keep)
        words = [w if at <= i < at + keep else self.word() for i, w in enumerate(flat)]
        return [words]

    def speaker(self, person: tuple[str, str]) -> QuoteSpeaker | None:
        rng = self.rng
        roll = rng.random()
        if roll < 0.04:
            return None
        first, last = person
        if roll < 0.30:
            name = last
        elif roll < 0.45:
            name = _ascii(f"{first} {last}")
        elif roll < 0.55:
            name = f"{rng.choice(TITLES)} {first} {last}"
        elif roll < 0.62:
            name = f"{rng.choice(LABELS)} {first} {last}"
        elif roll < 0.67:
            name = f"{first} {last[0]}. {last}"  # a middle initial
        else:
            name = f"{first} {last}"
        return QuoteSpeaker(name=name, kind="person")

    def render(self, sentences: list[list[str]]) -> str:
        rng = self.rng
        american = spelling_variants() if rng.random() < 0.5 else {}
        parts = []
        split = rng.random() < 0.5
        for i, words in enumerate(sentences):
            words = [american.get(w, w) for w in words]
            if rng.random() < 0.04:  # one misprinted letter in a long word
                long = [j for j, w in enumerate(words) if len(w) >= 6]
                if long:
                    j = rng.choice(long)
                    k = rng.randrange(1, len(words[j]) - 1)
                    words[j] = words[j][:k] + words[j][k + 1:]
            text = " ".join(words)
            for full, short in CONTRACTIONS:
                if rng.random() < 0.3:
                    text = text.replace(full, short if rng.random() < 0.5 else
                                        short.replace("'", "’"))
            if i == 0 or split:
                text = text[:1].upper() + text[1:]
            parts.append(text)
        joiner = ". " if split else ", "
        end = rng.choice([".", ",", "", "!"])
        return joiner.join(parts) + end

    def vary(self, sentences: list[list[str]]) -> tuple[str, str]:
        """Print an utterance as an outlet would; returns (text, kind)."""
        rng = self.rng
        flat = [w for s in sentences for w in s]
        roll = rng.random()
        if roll < 0.15:  # a fragment quoted in reported speech
            length = rng.randint(3, 7) if rng.random() < 0.8 else 2
            at = rng.randint(0, max(0, len(flat) - length))
            piece = flat[at:at + length]
            if all(w in FUNCTION_WORDS for w in piece):
                piece = flat
            return " ".join(piece), "partial"
        sentences = [list(s) for s in sentences]
        if roll < 0.30 and len(flat) > 10:  # an ellipsis for dropped words
            s = max(sentences, key=len)
            drop = rng.randint(2, min(6, len(s) - 4))
            at = rng.randint(2, len(s) - drop - 1)
            s[at:at + drop] = ["..."]
        elif roll < 0.40:  # a bracketed insertion
            s = rng.choice(sentences)
            at = rng.randrange(len(s))
            s[at] = f"[{s[at]}]" if rng.random() < 0.5 else f"[the] {s[at]}"
        elif roll < 0.55:  # a word dropped at either end
            if rng.random() < 0.5:
                sentences[0] = sentences[0][1:]
            else:
                sentences[-1] = sentences[-1][:-1]
        return self.render(sentences), "direct"

    def day(self) -> datetime.date:
        return START + datetime.timedelta(days=self.rng.randrange(DAYS))

    def later(self, date: datetime.date, low: int, high: int) -> datetime.date:
        return date + datetime.timedelta(days=self.rng.randint(low, high))

    def doc(self, date: datetime.date) -> str:
        return f"d{date:%Y%m%d}-{self.rng.randrange(self.documents_per_day):05d}"

    def emit(self, doc: str, date: datetime.date, text: str, kind: str,
             speaker: QuoteSpeaker | None) -> None:
        start = self.rng.randrange(5000)
        quote = Quote(text=text, start=start, end=start + len(text), open_mark="“",
                      close_mark="”", kind=kind, speaker=speaker)
        self.out.append(Printing(doc, quote, date, self.truth))

    def copies(self) -> int:
        copies = 1
        while copies < 12 and self.rng.random() < 0.62:
            copies += 1
        return copies

    def print_utterance(self, sentences: list[list[str]], person: tuple[str, str],
                        date: datetime.date) -> None:
        """One utterance printed by outlets within three days; one truth."""
        rng = self.rng
        printed: list[tuple[str, datetime.date]] = []
        for _ in range(self.copies()):
            text, kind = self.vary(sentences)
            if kind == "partial" and printed and rng.random() < 0.5:
                doc, day = rng.choice(printed)
            else:
                day = self.later(date, 0, 2)
                doc = self.doc(day)
            printed.append((doc, day))
            self.emit(doc, day, text, kind, self.speaker(person))
        if rng.random() < RECALLED:  # a later article recalls it, weeks after
            self.recall_printing(sentences, person, date)
        if rng.random() < 0.05:  # one word of it quoted beside a full printing
            flat = [w for s in sentences for w in s if w not in FUNCTION_WORDS]
            full = [p for p in self.out[-len(printed):] if p.quote.kind == "direct"]
            if flat and full:
                beside = rng.choice(full)
                self.emit(beside.doc_id, beside.date, rng.choice(flat), "partial",
                          self.speaker(person))
        self.truth += 1

    def recall_printing(self, sentences: list[list[str]], person: tuple[str, str],
                        date: datetime.date) -> None:
        """Weeks later, an article recalls the utterance: its words, or a passage of them."""
        rng = self.rng
        day = self.later(date, 8, RECALL_DAYS)
        flat = [w for s in sentences for w in s]
        if rng.random() < 0.5 and len(flat) > 8:  # a passage quoted inside reported speech
            length = rng.randint(4, 8)
            at = rng.randint(0, len(flat) - length)
            text, kind = " ".join(flat[at:at + length]), "partial"
        else:  # the whole quote again, as printed then
            text, kind = self.render(sentences), "direct"
        speaker = self.speaker(person)
        if speaker is None:  # an article recalling a statement says whose it was
            speaker = QuoteSpeaker(name=person[1], kind="person")
        self.emit(self.doc(day), day, text, kind, speaker)

    def reworded(self, sentences: list[list[str]]) -> list[list[str]]:
        """The speaker's line said again in other words: one or two words changed or added."""
        rng = self.rng
        out = [list(s) for s in sentences]
        for _ in range(rng.randint(1, 2)):
            s = rng.choice(out)
            at = rng.randrange(len(s))
            if rng.random() < 0.5:
                s[at] = self.content_word()
            else:
                s.insert(at, self.word())
        return out

    def short_line(self, words: list[str], speaker: QuoteSpeaker | None, date: datetime.date,
                   copies: int) -> None:
        """A short line printed ``copies`` times within two days; one truth."""
        text = " ".join(words)
        for _ in range(copies):
            day = self.later(date, 0, 1)
            variant = text.capitalize() + self.rng.choice(["!", ".", ",", ""])
            self.emit(self.doc(day), day, variant, "partial" if len(words) < 3 else "direct",
                      speaker)
        self.truth += 1

    def generate(self, size: int) -> list[Printing]:
        rng = self.rng
        bases: list[tuple[list[list[str]], tuple[str, str], datetime.date]] = []
        while len(self.out) < size:
            roll = rng.random()
            person = rng.choice(self.speakers)
            date = self.day()
            if bases and roll < 0.08:  # look-alike distractor, maybe by the same person
                base, other, _ = rng.choice(bases)
                sentences = self.look_alike(base)
                person = other if rng.random() < 0.5 else person
            elif bases and roll < 0.10:  # the same words, somebody else
                sentences, _, _ = rng.choice(bases)
            elif bases and roll < 0.13:  # a stock line: the same person says it again
                sentences, person, first = rng.choice(bases)
                if rng.random() < 0.5:  # weeks later, in other words
                    sentences, date = self.reworded(sentences), self.later(first, 14, 90)
                else:  # the same words, months later
                    date = self.later(first, RECALL_DAYS + 30, 300)
            elif bases and roll < 0.15:  # a quote of a quote: somebody else, days later
                base, _, first = rng.choice(bases)
                flat = [w for s in base for w in s]
                at = rng.randint(0, max(0, len(flat) - 6))
                sentences, date = [flat[at:at + 6]], self.later(first, 1, 5)
            elif roll < 0.16:  # a chant on two dates
                chant = [self.content_word() for _ in range(CHANT_WORDS)]
                crowd = QuoteSpeaker(name=rng.choice(["the crowd", "supporters"]),
                                     kind="collective")
                for when in (date, self.later(date, 40, 200)):
                    self.short_line(chant, crowd, when, rng.randint(1, 3))
                continue
            elif roll < 0.17:  # a one-word quote in April and again in October
                word = [self.content_word()]
                for when in (date, self.later(date, 40, 200)):
                    self.short_line(word, self.speaker(person), when, rng.randint(1, 2))
                continue
            elif roll < 0.18:  # one short line from several speakers on one day
                line = [self.word() for _ in range(rng.randint(2, 4))]
                line[-1] = self.content_word()
                for other in rng.sample(self.speakers, rng.randint(2, 6)):
                    self.short_line(line, self.speaker(other), date, rng.randint(1, 2))
                continue
            else:
                sentences = self.utterance()
            bases.append((sentences, person, date))
            self.print_utterance(sentences, person, date)
        out = self.out
        rng.shuffle(out)
        return out[:size]


def _ascii(name: str) -> str:
    import unicodedata

    table = str.maketrans({"ı": "i", "ł": "l", "Ł": "L"})
    decomposed = unicodedata.normalize("NFKD", name.translate(table))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _accumulate(values: list[float]) -> list[float]:
    total, out = 0.0, []
    for v in values:
        total += v
        out.append(total)
    return out


def pairwise_scores(predicted: list[int], truth: list[int]) -> tuple[float, float]:
    """Pairwise precision and recall of a clustering against the truth."""
    def pairs(counter: Counter[object]) -> int:
        return sum(n * (n - 1) // 2 for n in counter.values())

    both = pairs(Counter(zip(predicted, truth, strict=True)))
    found, true = pairs(Counter(predicted)), pairs(Counter(truth))
    return (both / found if found else 1.0), (both / true if true else 1.0)


def run(size: int, seed: int) -> dict[str, float]:
    started = time.perf_counter()
    printings = Generator(seed, size).generate(size)
    generated = time.perf_counter() - started
    before = _peak_mb()
    started, cpu = time.perf_counter(), time.process_time()
    clusters = match_quotes([(p.doc_id, p.quote, p.date) for p in printings])
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu
    peak = _peak_mb()
    where = {id(p.quote): i for i, p in enumerate(printings)}  # members keep the Quote objects
    label = [-1] * len(printings)
    for number, cluster in enumerate(clusters):
        for member in cluster.members:
            label[where[id(member.quote)]] = number
    precision, recall = pairwise_scores(label, [p.truth for p in printings])
    return {
        "quotes": len(printings), "clusters": len(clusters), "truth_clusters":
        len({p.truth for p in printings}), "generate_s": round(generated, 2),
        "match_s": round(seconds, 2), "match_cpu_s": round(cpu_seconds, 2),
        "peak_rss_mb_before": round(before),
        "peak_rss_mb": round(peak), "precision": round(precision, 4), "recall": round(recall, 4),
    }


def _peak_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 if sys.platform != "darwin" else peak / 1024 / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, action="append",
                        help="number of quotes (repeatable; default 10000)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", action="store_true", help="print one JSON line per size")
    args = parser.parse_args()
    for size in args.size or [10_000]:
        result = run(size, args.seed)
        if args.json:
            print(json.dumps(result), flush=True)
        else:
            print(f"{result['quotes']:>9,} quotes  {result['match_s']:8.2f} s "
                  f"({result['match_cpu_s']:.2f} s CPU)  "
                  f"peak {result['peak_rss_mb']:6,} MB  precision {result['precision']:.4f}  "
                  f"recall {result['recall']:.4f}  ({result['clusters']:,} clusters, "
                  f"{result['truth_clusters']:,} true; generated in {result['generate_s']} s)",
                  flush=True)


if __name__ == "__main__":
    main()
