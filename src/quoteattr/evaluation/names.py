"""Check that speaker names are names: no title, role, party, place, honorific or headline verb.

A person's canonical name is the name alone (``Jane Doe``); the title and role
have their own fields. :func:`name_problems` lists what else a name holds, by
the same word lists the speaker model reads, so a CSV of results can be
counted (``scripts/name_cleanliness.py``).

Example:
    >>> name_problems("Ohio Sen Jane Doe")
    ['title', 'place']
    >>> name_problems("Jane Doe"), name_problems("Martin Luther King Jr.")
    ([], [])
"""

from __future__ import annotations

from functools import lru_cache
from itertools import pairwise

from quoteattr.language.lexicon import load_lexicon
from quoteattr.language.names import load_person_names

__all__ = ["PROBLEMS", "name_problems"]

PROBLEMS = (
    "title",
    "role",
    "party",
    "place",
    "honorific",
    "headline verb",
    "participle",
    "lower-case word",
)
"""The kinds of word a clean person's name does not hold, in report order."""


@lru_cache(maxsize=4)
def _classes(language: str) -> dict[str, frozenset[str]]:
    lex = load_lexicon(language)
    words = load_person_names(language)
    titles = {t.lower() for t in lex.title_words if " " not in t}
    titles |= {t.rstrip(".") for t in titles}
    roles = {r for r, noun in lex.role_forms.items() if noun.kind == "person"}
    places = set(words.places) | {c.lower() for c in lex.country_names}
    verbs = {f for f in lex.cue_forms if " " not in f}
    return {
        "title": frozenset(titles - words.honorifics.keys()),
        "role": frozenset(roles),
        "party": words.parties,
        "place": frozenset(places),
        "honorific": frozenset(words.honorifics) | {h.rstrip(".") for h in words.honorifics},
        "headline verb": frozenset(verbs | words.headline_verbs),
        "particles": words.particles | lex.grammar.name_connectors,
        "given": words.given,
        "suffixes": words.suffixes,
    }


def name_problems(name: str, *, language: str = "en") -> list[str]:
    """The kinds of non-name word that a person's name holds, in :data:`PROBLEMS` order.

    The surname (the last word before a suffix such as ``Jr.``) is counted
    only when it is a party word or an upper-case title (``Presumptive GOP``,
    ``Acme Bank CEO``); a given name that opens the name is never counted
    (``Dean Hale``, ``Georgia Roe``): those words are names too. A first word
    in -ing that is no given name is a sentence's opening participle
    (``Celebrating Jane Doe``).

    Args:
        name: A speaker's name as reported.
        language: The language whose word lists to use.

    Returns:
        The problems found, each once; ``[]`` for a clean name.
    """
    classes = _classes(language)
    words = name.replace(",", " ").split()
    while len(words) > 1 and words[-1].lower() in classes["suffixes"]:
        words.pop()
    found: set[str] = set()
    if len(words) == 1:
        low = words[0].lower()
        for kind in ("party", "place", "title", "role"):
            if low in classes[kind] and words[0][:1].isupper():
                found.add(kind)
    else:
        last = words[-1]
        low = last.lower()
        upper_title = last.isupper() and (low in classes["title"] or low in classes["role"])
        named = words[0].lower() in classes["given"]  # "Adam Green": a surname after all
        if (low in classes["party"] and not named) or upper_title:
            # "Presumptive GOP", "Acme Bank CEO": no surname ends so
            found.add("party" if low in classes["party"] else "role")
        first = words[0].lower()
        if first.endswith("ing") and len(first) > 5 and first not in classes["given"]:
            found.add("participle")  # "Celebrating Jane Doe": a sentence's opening verb
    for k, word in enumerate(words[:-1]):
        low = word.lower()
        bare = low.rstrip(".")
        if word[:1].islower() and low not in classes["particles"]:
            found.add("lower-case word")
        if k == 0 and bare in classes["given"]:
            continue
        for kind in ("title", "role", "party", "place", "honorific", "headline verb"):
            if low in classes[kind] or bare in classes[kind]:
                found.add(kind)
    if len(words) > 2:
        two = {f"{a.lower()} {b.lower()}" for a, b in pairwise(words[:-1])}
        if two & classes["place"]:
            found.add("place")
    return [kind for kind in PROBLEMS if kind in found]
