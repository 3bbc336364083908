"""Speed, memory and accuracy of ``quoteattr.match_quotes`` on synthetic quotes.

Usage:
    python benchmarks/bench_matching.py --size 100000 [--seed 0] [--json]
    python benchmarks/bench_matching.py --size 10000 --size 100000 --size 1000000

The generator invents utterances (Zipf-distributed made-up words mixed with
English function words, one or two sentences each) by a few thousand speakers,
then prints each utterance one or more times the way outlets do:

* punctuation, capitals, curly or straight apostrophes, a sentence split into
  two ("request, we" / "request. We"), British or American spelling;
* an ellipsis for 2-6 dropped words, a bracketed insertion ("[the]"), a word
  dropped at either end;
* a fragment of 2-7 words quoted inside reported speech (kind ``partial``),
  often in the same document as a full printing;
* the speaker as "Mevlüt Çavuşoğlu", "Mevlut Cavusoglu", "Çavuşoğlu" or unknown.

Distractors that must stay apart: look-alikes that keep part of an utterance
and change the rest, and the same words said by a different person.

Reported: wall time of ``match_quotes`` alone, peak resident memory of the
process (inputs included) from ``resource.getrusage``, and pairwise precision
and recall of the clusters against the generator's truth.
"""

from __future__ import annotations

import argparse
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


@dataclass
class Printing:
    doc_id: str
    quote: Quote
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
        self.documents = max(1, size // 8)

    def word(self) -> str:
        rng = self.rng
        if rng.random() < 0.42:
            return rng.choice(FUNCTION_WORDS)
        if rng.random() < 0.01:
            return rng.choice(self.british)
        return rng.choices(self.content, cum_weights=self.cum)[0]

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
        if roll < 0.05:
            return None
        first, last = person
        if roll < 0.35:
            name = last
        elif roll < 0.55:
            name = _ascii(f"{first} {last}")
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
            text = " ".join(words)
            for long, short in CONTRACTIONS:
                if rng.random() < 0.3:
                    text = text.replace(long, short if rng.random() < 0.5 else
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

    def generate(self, size: int) -> list[Printing]:
        rng = self.rng
        out: list[Printing] = []
        bases: list[tuple[list[list[str]], tuple[str, str]]] = []
        truth = 0
        while len(out) < size:
            roll = rng.random()
            person = rng.choice(self.speakers)
            if bases and roll < 0.10:  # look-alike distractor, maybe by the same person
                base, other = rng.choice(bases)
                sentences = self.look_alike(base)
                person = other if rng.random() < 0.5 else person
            elif bases and roll < 0.13:  # the same words, somebody else
                sentences, _ = rng.choice(bases)
            else:
                sentences = self.utterance()
            bases.append((sentences, person))
            copies = 1
            while copies < 12 and rng.random() < 0.62:
                copies += 1
            docs: list[str] = []
            for _ in range(copies):
                text, kind = self.vary(sentences)
                if kind == "partial" and docs and rng.random() < 0.5:
                    doc = rng.choice(docs)
                else:
                    doc = f"doc{rng.randrange(self.documents):07d}"
                docs.append(doc)
                start = rng.randrange(5000)
                quote = Quote(text=text, start=start, end=start + len(text), open_mark="“",
                              close_mark="”", kind=kind, speaker=self.speaker(person))
                out.append(Printing(doc, quote, truth))
            truth += 1
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
    started = time.perf_counter()
    clusters = match_quotes([(p.doc_id, p.quote) for p in printings])
    seconds = time.perf_counter() - started
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
        "match_s": round(seconds, 2), "peak_rss_mb_before": round(before),
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
            print(f"{result['quotes']:>9,} quotes  {result['match_s']:8.2f} s  "
                  f"peak {result['peak_rss_mb']:6,} MB  precision {result['precision']:.4f}  "
                  f"recall {result['recall']:.4f}  ({result['clusters']:,} clusters, "
                  f"{result['truth_clusters']:,} true; generated in {result['generate_s']} s)",
                  flush=True)


if __name__ == "__main__":
    main()
