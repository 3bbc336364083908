"""Synthetic news articles for tests and benchmarks: many outlets, one utterance each.

:func:`synthetic_articles` writes wire-style reports about invented events. Each
event has a speaker, a date and a few sentences of speech; several outlets
report it within two days, each printing the quotes its own way (other
punctuation, a dropped word, an ellipsis for dropped words or for a pause, a
fragment inside reported speech), so that matching across documents finds
clusters. A later report may recall an earlier statement weeks after,
reprinting a passage of it: the same utterance. Real news also holds what must
stay apart (issue 14), and so do these:

* a stock line: a speaker says an earlier event's sentence again, reworded
  weeks later or in the same words months later;
* a chant: a crowd's slogan printed at events on different dates;
* one-word quotes: a speaker calls something the same word at two events;
* a quote of a quote: another person repeats the speaker's words;
* one text from several speakers: "No comment," said by many people.

The output depends only on ``count`` and ``seed``. Nothing here needs Dask.

Example:
    >>> articles = synthetic_articles(3, seed=1)
    >>> [sorted(a) for a in articles][0]
    ['date', 'doc_id', 'text']
    >>> articles == synthetic_articles(3, seed=1)
    True
    >>> import quoteattr
    >>> record = articles[0]
    >>> doc = quoteattr.attribute(record["text"], doc_id=record["doc_id"], date=record["date"])
    >>> len(doc.quotes) >= 2
    True
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass, field

__all__ = ["synthetic_articles"]

_FIRST = (
    "Anna", "Boris", "Carla", "David", "Elena", "Farid", "Greta", "Hugo", "Ines", "Jonas",
    "Katya", "Lucas", "Maria", "Nikolai", "Olga", "Pedro", "Rania", "Stefan", "Tomas", "Yusuf",
)
_LAST = (
    "Albrecht", "Barros", "Castellano", "Dimitrov", "Eriksen", "Fontaine", "Grunwald",
    "Halvorsen", "Ivanova", "Jansen", "Kowalski", "Lindqvist", "Moreau", "Novak", "Okafor",
    "Petrov", "Quintana", "Rossi", "Sandoval", "Takahashi", "Urquhart", "Vasquez", "Weber",
    "Xavier", "Yilmaz", "Zielinski",
)
_ROLES = (
    "foreign minister", "finance minister", "central bank governor", "spokeswoman",
    "spokesman", "prime minister", "union leader", "chief executive", "mayor", "senator",
)
_OUTLETS = ("wire", "daily", "herald", "post", "tribune", "courier", "gazette", "times")
_PLACES = ("Brussels", "Geneva", "Ankara", "Lisbon", "Warsaw", "Nairobi", "Lima", "Oslo")
_ADJECTIVES = tuple("""
new old public private local national regional foreign domestic rural urban coastal
northern southern eastern western modest ambitious fragile stable rising falling hidden
costly cheap fair unfair early late urgent careful bold quiet open secret joint federal
monthly annual digital green industrial medical military civil legal fiscal social
""".split())
_NOUNS = tuple("""
budget agreement tariff pipeline ceasefire reform strike merger election inquiry
harbour railway bridge hospital school court border currency pension wage tax subsidy
factory mine port airport market bank loan debt deficit treaty alliance summit mission
council committee parliament ministry agency army police prison village city province
river valley forest coast island farm harvest drought flood storm vaccine clinic
contract licence permit lawsuit verdict ruling decree statute policy strategy plan
program project network grid reactor refinery satellite telescope library museum
""".split())
_VERBS = tuple("""
protects replaces strengthens delays weakens supports changes undermines solves restores
threatens funds blocks approves rejects revives damages shields reshapes limits expands
ignores rewards punishes divides unites tests stalls secures endangers transforms
""".split())
_ADVERBIALS = (
    "this year", "before the winter", "without any doubt", "for a long time",
    "in the coming weeks", "at any cost", "after years of talks", "step by step",
    "more than ever", "from next spring", "for every family", "within a decade",
)
_FILLER = (
    "Officials did not give further details.",
    "The meeting lasted about two hours.",
    "Markets were little changed after the announcement.",
    "Talks are expected to resume next month.",
    "Critics have questioned the timetable.",
    "The plan still needs the approval of parliament.",
)


_START = datetime.date(2015, 1, 1)
_DAYS = 730
_CHANTS = ("Four more years!", "Save our jobs!", "Build the bridge!", "Not our mayor!")
_ONE_WORDS = ("shameful", "disgraceful", "reckless", "ridiculous", "historic", "outrageous")


@dataclass(frozen=True)
class _Event:
    speaker: str
    role: str
    other: str
    sentences: tuple[str, ...]
    place: str
    date: datetime.date
    extras: tuple[str, ...] = field(default=())
    """Paragraphs of hard negatives this event's reports carry."""


def _sentence(rng: random.Random) -> str:
    pick = rng.choice
    words = (f"the {pick(_ADJECTIVES)} {pick(_NOUNS)} {pick(_VERBS)} the {pick(_ADJECTIVES)} "
             f"{pick(_NOUNS)} of the {pick(_NOUNS)} {pick(_ADVERBIALS)}")
    return words[0].upper() + words[1:] + "."


def _event(rng: random.Random, past: list[_Event]) -> _Event:
    speaker = f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"
    other = f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"
    while other.split()[-1] == speaker.split()[-1]:
        other = f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"
    sentences = [_sentence(rng) for _ in range(rng.randint(3, 5))]
    date = _START + datetime.timedelta(days=rng.randrange(_DAYS))
    extras: list[str] = []
    last = speaker.split()[-1]
    roll = rng.random()
    if past and roll < 0.08:  # a stock line: an earlier event's speaker says it again
        before = rng.choice(past)
        speaker, sentences[1] = before.speaker, before.sentences[1]
        last = speaker.split()[-1]
        if rng.random() < 0.5:  # weeks later, reworded
            sentences[1] = sentences[1].replace(" the ", f" the {rng.choice(_ADJECTIVES)} ", 1)
            date = before.date + datetime.timedelta(days=rng.randint(14, 90))
        else:  # months later, in the same words
            date = max(date, before.date + datetime.timedelta(days=rng.randint(90, 300)))
    elif roll < 0.14:  # a chant, heard at many events
        extras.append(f'Supporters chanted "{rng.choice(_CHANTS)}" as {last} arrived.')
    elif roll < 0.20:  # a one-word quote, said at many events
        extras.append(f'{last} called the proposal "{rng.choice(_ONE_WORDS)}".')
    elif past and roll < 0.25:  # a quote of a quote: somebody else repeats the words
        before = rng.choice(past)
        words = before.sentences[0].rstrip(".").split()
        extras.append(f'{other} mocked the claim that "{" ".join(words[1:7]).lower()}".')
    elif roll < 0.32:  # one text from several speakers
        extras.append(f'"No comment," {other} said.')
    elif past and roll < 0.36:  # a later article recalls an earlier statement
        before = rng.choice(past)
        words = before.sentences[0].rstrip(".").split()
        date = before.date + datetime.timedelta(days=rng.randint(8, 60))
        extras.append(f'In {before.place}, {before.speaker} had said that '
                      f'"{" ".join(words[2:8])}".')
    return _Event(speaker, rng.choice(_ROLES), other, tuple(sentences), rng.choice(_PLACES),
                  date, tuple(extras))


def _variant(sentence: str, rng: random.Random) -> str:
    """The sentence as one outlet prints it."""
    words = sentence.rstrip(".").split()
    choice = rng.random()
    if choice < 0.35 or len(words) < 6:
        return sentence
    if choice < 0.55:  # a comma instead of the full stop, lower-case start
        return sentence[0].lower() + sentence[1:-1] + ","
    if choice < 0.75:  # a word dropped
        del words[rng.randrange(1, len(words) - 1)]
        return " ".join(words) + "."
    if choice < 0.82:  # an ellipsis where words were left out
        cut = rng.randrange(2, len(words) - 2)
        return " ".join(words[:cut]) + " ... " + " ".join(words[cut + 2:]) + "."
    if choice < 0.9:  # an ellipsis for a pause: nothing left out
        cut = rng.randrange(2, len(words) - 2)
        return " ".join(words[:cut]) + " ... " + " ".join(words[cut:]) + "."
    return sentence.upper()[0] + sentence[1:].replace(" the ", " The ", 1)


def _article(event: _Event, outlet: str, rng: random.Random) -> str:
    last = event.speaker.split()[-1]
    quotes = [_variant(s, rng) for s in event.sentences]
    first = quotes[0].rstrip(".,")
    paragraphs = [
        f"{event.place} ({outlet.upper()}) - {event.role.capitalize()} {event.speaker} "
        f"said on Tuesday that {event.sentences[-1][0].lower()}{event.sentences[-1][1:]}",
        f'"{first}," {last} said at a news conference. "{quotes[1]}"',
        rng.choice(_FILLER),
        f'{event.other} told reporters: "{_sentence(rng)}"',
    ]
    if len(quotes) > 2:
        words = quotes[2].rstrip(".,").split()
        start = rng.randrange(0, max(1, len(words) - 4))
        fragment = " ".join(words[start:start + 4]).lower()
        paragraphs.append(f'{last} said the government had been clear that "{fragment}".')
    if len(quotes) > 3:
        paragraphs.append(f'"{quotes[3].rstrip(".,")}," said {event.speaker}.')
    paragraphs.extend(event.extras)
    paragraphs.append(rng.choice(_FILLER) + " " + rng.choice(_FILLER))
    return "\n\n".join(paragraphs) + "\n"


def synthetic_articles(count: int, *, seed: int = 0, outlets: int = 4) -> list[dict[str, str]]:
    """Return ``count`` articles as ``{"doc_id": ..., "text": ..., "date": ...}`` records.

    Events are reported by 1 to ``outlets`` outlets each, within two days of the
    event, so roughly half the quotes are printed more than once, in variant
    wordings; the hard negatives of the module docstring are mixed in.

    Args:
        count: How many articles.
        seed: Fixes the output.
        outlets: The most outlets that report one event (1 to 8).

    Returns:
        The records, doc ids ``"{outlet}-{n:06d}"`` in order of ``n``, dates as
        ISO strings.

    Raises:
        ValueError: ``count`` is negative or ``outlets`` is outside 1-8.

    Example:
        >>> synthetic_articles(2, seed=3)[1]["doc_id"]
        'daily-000001'
    """
    if count < 0:
        raise ValueError(f"count must be at least 0, got {count}")
    if not 1 <= outlets <= len(_OUTLETS):
        raise ValueError(f"outlets must be between 1 and {len(_OUTLETS)}, got {outlets}")
    rng = random.Random(seed)
    records: list[dict[str, str]] = []
    past: list[_Event] = []
    while len(records) < count:
        event = _event(rng, past)
        past.append(event)
        for outlet in rng.sample(_OUTLETS[:outlets], rng.randint(1, outlets)):
            if len(records) == count:
                break
            doc_id = f"{outlet}-{len(records):06d}"
            day = event.date + datetime.timedelta(days=rng.randint(0, 2))
            records.append({"doc_id": doc_id, "text": _article(event, outlet, rng),
                            "date": day.isoformat()})
    return records
