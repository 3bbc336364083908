"""Where speakers and cues sit in a clause: shared by quote and claim rules.

These helpers read a prepared :class:`~quoteattr.attribution.context.Context`: the subject
of a cue verb (skipping adverbs, asides and relative "who"), noun phrases
before or after a cue, the subject of a whole sentence, and whether an
attribution ends after its cue. Every look-up scans a bounded window of tokens.
"""

from __future__ import annotations

from quoteattr.attribution.context import Context
from quoteattr.attribution.windows import subject_memo
from quoteattr.attribution.words import attribution_words, ends_with, is_participle
from quoteattr.models import SpeakerKind
from quoteattr.text.mentions import Mention

_SENTENCE_TOKENS = 80  # tokens a sentence's subject is looked for before a cue

__all__ = [
    "ad_hoc_description",
    "after_quote",
    "attribution_ends",
    "before_quote",
    "clause_subject",
    "inverted_subject",
    "noun_phrase_after",
    "noun_phrase_before",
    "noun_phrase_opening_sentence",
    "opens_sentence",
    "relative_antecedent",
    "sentence_subject",
    "skip_adverbs",
    "skip_adverbs_back",
    "skip_aside",
    "skip_listener",
    "speaker_mention_at",
    "strong_cue_after",
    "subject_before",
    "subject_before_asides",
]


def before_quote(ctx: Context, qi: int) -> int:
    """Index of the last token before quote ``qi``'s opening mark."""
    k = ctx.quote_token[qi] - 1
    if k >= 0 and ctx.tokens[k].kind == "mark":
        k -= 1
    return k


def after_quote(ctx: Context, qi: int) -> int:
    """Index of the first token after quote ``qi``'s closing mark."""
    k = ctx.quote_token[qi] + 1
    if k < len(ctx.tokens) and ctx.tokens[k].kind == "mark":
        k += 1
    return k


def strong_cue_after(ctx: Context, qt: int) -> bool:
    """Tell whether a strong cue follows token ``qt`` within 29 tokens in its sentence."""
    stop = min(min(qt + 30, len(ctx.tokens)), ctx.sentence_stop(qt))
    return any(ctx.cue_at(k, weak=False) > 0 for k in ctx.cues_within(qt + 1, stop))


def opens_sentence(ctx: Context, i: int) -> bool:
    """Tell whether token ``i`` is the first of its sentence or paragraph."""
    return i <= 0 or ctx.kind(i - 1) == "para" or not ctx.same_sentence(i - 1, i)


def speaker_mention_at(ctx: Context, first: int) -> Mention | None:
    """The mention starting at token ``first``, unless it is a possessive."""
    m = ctx.mention_starting.get(first)
    if m is None or m.possessive:
        return None
    return m


def noun_phrase_before(ctx: Context, c: int) -> Mention | None:
    """A determiner-led noun phrase ending right before token c ("the suit" says)."""
    words = attribution_words(ctx.lexicon)
    g = words.grammar
    for k in range(c - 1, max(c - 7, -1), -1):
        if ctx.kind(k) != "word":
            return None
        w = ctx.low(k)
        if w in g.np_determiners:
            if k == c - 1 or ctx.low(k - 1) in g.prepositions:
                return None  # "in a low voice said"
            return ad_hoc_description(ctx, k, c)
        if w in g.np_stop or ctx.cue_at(k) > 0 or ends_with(words.negation_endings, w):
            return None
    return None


def noun_phrase_opening_sentence(ctx: Context, c: int) -> Mention | None:
    """A noun phrase before token c that opens its sentence ("The book accuses")."""
    m = noun_phrase_before(ctx, c)
    if m is None or (m.first > 0 and ctx.same_sentence(m.first - 1, m.first)):
        return None
    return m


def noun_phrase_after(ctx: Context, k: int) -> Mention | None:
    """A determiner-led noun phrase starting at token k (said "a narrator")."""
    word = ctx.word(k)
    words = attribution_words(ctx.lexicon)
    g = words.grammar
    possessor = word[:1].isupper() and word.endswith(("'s", "’s"))
    low = word.lower()
    if (low not in g.np_determiners or low in ("this", "that")) and not possessor:
        return None
    j = k + 1
    while j < len(ctx.tokens) and j - k < 7 and ctx.kind(j) == "word":
        w = ctx.low(j)
        if w in g.np_stop and not (w in words.np_joiners and j > k + 1):
            break
        j += 1
    return ad_hoc_description(ctx, k, j) if j > k + 1 else None


def ad_hoc_description(ctx: Context, first: int, last: int) -> Mention:
    """A description mention of tokens ``first`` to ``last`` that no mention pass found.

    Plural after a definite determiner ("the protesters") is a collective,
    otherwise an anonymous source ("a staffer").
    """
    start, end = ctx.span(first, last)
    text = ctx.text[start:end]
    words = attribution_words(ctx.lexicon)
    plural = ends_with(words.plural_endings, ctx.low(last - 1), longer_than=0) and (
        ctx.low(first) in words.grammar.definite_determiners)
    kind: SpeakerKind = "collective" if plural else "anonymous"
    return Mention(first, last, start, end, text, "description", text, None, False, kind)


def skip_aside(ctx: Context, k: int, limit: int = 16) -> int:
    """Skip "(pictured, left)" or ", the foreign minister," starting at token k."""
    if ctx.word(k) == "(":
        for j in range(k + 1, min(k + limit, len(ctx.tokens))):
            if ctx.word(j) == ")":
                return j + 1
            if ctx.kind(j) in ("para", "quote"):
                break
        return k
    if ctx.word(k) == ",":
        for j in range(k + 1, min(k + limit, len(ctx.tokens))):
            w = ctx.word(j)
            if w == "," and j > k + 1:
                return j + 1
            if ctx.kind(j) in ("para", "quote", "mark") or w in (".", ";", ":", "!", "?"):
                break
            if ctx.cue_at(j, weak=False) > 0:
                # ", the foreign minister said": no closing comma before the cue
                return j if j > k + 1 else k
        return k
    return k


def skip_adverbs(ctx: Context, k: int) -> int:
    """Skip up to three adverbs or auxiliaries ("also", "has", "quickly") from token k."""
    words = attribution_words(ctx.lexicon)
    adverbs, endings = words.grammar.adverbs, words.adverb_endings
    for _ in range(3):
        w = ctx.low(k)
        if ctx.kind(k) == "word" and (w in adverbs or ends_with(endings, w, longer_than=4)):
            k += 1
        else:
            break
    return k


def skip_adverbs_back(ctx: Context, k: int) -> int:
    """Skip back over up to three adverbs or auxiliaries ending at token k ("has", "later")."""
    words = attribution_words(ctx.lexicon)
    adverbs, endings = words.grammar.adverbs, words.adverb_endings
    for _ in range(3):
        w = ctx.low(k)
        if ctx.kind(k) == "word" and (w in adverbs or ends_with(endings, w, longer_than=4)):
            k -= 1
        else:
            break
    return k


def skip_listener(ctx: Context, c: int, end: int) -> int:
    """After a listener cue at token ``c`` ending at ``end`` ("told"), skip its object.

    ``Doe told Reuters.`` and ``Doe told the local paper.``: the attribution
    ends after the listener. Returns ``end`` for any other cue or object.
    """
    verb = ctx.lexicon.cue_forms.get(ctx.low(c))
    if verb is None or verb.lemma not in attribution_words(ctx.lexicon).listener_objects:
        return end
    m = ctx.mention_starting.get(end)
    if m is not None and not m.possessive:
        return m.last
    pronoun = ctx.lexicon.pronoun_forms.get(ctx.low(end))
    if pronoun is not None and pronoun.case == "other" and ctx.kind(end) == "word":
        return end + 1  # "he told them."
    np = noun_phrase_after(ctx, end)
    return np.last if np is not None else end


def attribution_ends(ctx: Context, k: int) -> bool:
    """After a cue at token k, tell whether the attribution ends (no new clause)."""
    words = attribution_words(ctx.lexicon)
    while ctx.kind(k) == "word" and (ends_with(words.adverb_endings, ctx.low(k), longer_than=4)
                                      or ctx.low(k) in words.cue_particles):
        k += 1  # "said quietly", "screamed back"
    w = ctx.word(k)
    kind = ctx.kind(k)
    if w in (":", ",") and ctx.kind(k + 1) in ("mark", "quote"):
        return False  # 'She adds, "…"' introduces the next quote
    if kind in ("end", "para", "quote", "mark") or (kind == "punct" and w != "("):
        return True
    return w.lower() in words.grammar.trailers or w.lower() in words.listener_nouns


def inverted_subject(ctx: Context, c: int, end: int) -> Mention | None:
    """The subject after an inverted cue at token ``c`` ending at ``end`` (``…, said Jane Doe.``).

    The cue follows a comma or a quote and the mention right after it ends its
    sentence or starts an aside (``…, said Jane Doe, an analyst.``).
    """
    if ctx.word(c - 1) != "," and ctx.kind(c - 1) not in ("mark", "quote"):
        return None
    m = speaker_mention_at(ctx, end)
    unresolved = attribution_words(ctx.lexicon).grammar.unresolved_pronouns
    if m is None or (m.kind == "pronoun" and ctx.low(m.first) in unresolved):
        return None
    if ctx.kind(m.last) in ("para", "end") or ctx.word(m.last) in (".", ",", ";", "!", "?"):
        return m
    return None


def relative_antecedent(ctx: Context, who: int) -> Mention | None:
    """The mention that a relative pronoun at token ``who`` after a comma refers to.

    ``Jane Doe, who …``; ``Sen. Jane Doe (D-Ohio), who …`` (the name before a
    short parenthesis of at most six tokens).
    """
    before = ctx.mention_ending.get(who - 1)
    if before is None and ctx.word(who - 2) == ")":
        for k in range(who - 3, max(who - 9, -1), -1):
            if ctx.word(k) == "(":
                return ctx.mention_ending.get(k)
    return before


def subject_before(ctx: Context, c: int) -> Mention | None:
    """The mention that is the subject of a cue verb at token c."""
    memo = subject_memo(ctx)  # kept while the sieve runs: rules ask for the same cues
    if memo is None:
        return _subject_before(ctx, c)
    found = memo.get(c, _UNKNOWN)
    if found is _UNKNOWN:
        found = memo[c] = _subject_before(ctx, c)
    return found


_UNKNOWN = Mention(-1, -1, -1, -1, "", "pronoun", "", None, False, "unknown")
"""Stands for a subject not looked for yet."""


def _subject_before(ctx: Context, c: int) -> Mention | None:
    words = attribution_words(ctx.lexicon)
    participle = is_participle(words, ctx.low(c))
    if participle and ctx.word(c - 1) in (",", "—", "–"):
        # "Sanders visited NBC, saying …"; "…, and he battled the mayor, calling him …"
        return clause_subject(ctx, c) or sentence_subject(ctx, c)
    j = c - 1
    g = words.grammar
    tokens = ctx.tokens
    for _ in range(3):  # up to three adverbs back
        if not 0 <= j < len(tokens):
            break
        tok = tokens[j]
        if tok.kind == "word" and (
                tok.low in g.adverbs or ends_with(words.adverb_endings, tok.low, longer_than=4)):
            j -= 1
        else:
            break
    if ctx.word(j) in (")", "—", "–", "--"):
        opener = "(" if ctx.word(j) == ")" else ctx.word(j)
        for k in range(j - 1, max(j - 25, -1), -1):
            if ctx.word(k) == opener:
                j = k - 1
                break
            if ctx.kind(k) in ("para", "quote"):
                break
    if ctx.low(j) in words.infinitive_markers and ctx.low(c) in words.infinitive_cues:
        # "she went on to say", "they wanted to tell"
        for k in range(j - 1, max(j - 4, -1), -1):
            if ctx.kind(k) != "word" or ctx.low(k) in g.np_stop:
                break
            if ctx.mention_ending.get(k) is not None:
                j = k - 1
                break
    if ctx.low(j) in words.person_relatives and ctx.word(j - 1) == ",":
        before = relative_antecedent(ctx, j)
        if before is not None and not before.possessive:
            tok = ctx.tokens[j]
            return Mention(j, j + 1, tok.start, tok.end, tok.text, "pronoun", tok.text, None,
                           False, before.speaker_kind)
    m = ctx.mention_ending.get(j + 1)
    if m is not None and not m.possessive:
        m = _head_of_phrase(ctx, m, c) or m
    if m is None and ctx.word(j) == ",":
        m = subject_before_asides(ctx, j)
    if m is None and (participle or ctx.low(j) in words.coordinators):
        # "…, saying"; "took the stage and called"; "he looked up and said"
        return clause_subject(ctx, c) or sentence_subject(ctx, c)
    if m is None or m.possessive:
        return None
    return m


def _head_of_phrase(ctx: Context, m: Mention, c: int) -> Mention | None:
    """The mention a prepositional chain ending in ``m`` hangs from, if any.

    In ``A spokesman for Senator Doe said``, ``Mr. Roe of the Harbor Trust said``
    and ``The authors of the study in the journal Science argued`` the subject
    is the description or name that opens the sentence, not the name at the end
    of its modifiers: ``m`` follows a preposition or a common noun, and only
    words, among them a preposition, lie between the two.
    """
    words = attribution_words(ctx.lexicon)
    g = words.grammar
    prev = m.first - 1
    while ctx.low(prev) in g.determiners and prev > m.first - 3:
        prev -= 1  # "of the Sierra Club"
    low = ctx.low(prev)
    joiners = words.clause_joiners
    common_noun = ctx.word(prev).islower() and not (
        low in g.determiners or low in g.adverbs or low in joiners)
    if ctx.kind(prev) != "word" or not (low in g.prepositions or common_noun):
        return None
    if m.kind not in ("name", "body", "country"):
        return None
    if (common_noun and low not in g.prepositions and m.speaker_kind == "person"
            and low not in ctx.lexicon.role_forms
            and low not in words.kind_nouns):
        return None  # "in a way Jane Roe slammed as": a relative clause, she is its subject
    head = sentence_subject(ctx, c)
    if head is None or head.kind not in ("description", "name") or head.first >= m.first:
        return None
    if ctx.low(head.last) not in g.prepositions:
        return None  # the chain starts right after the head: "A lawyer for …"
    between = range(head.last, m.first)
    if any(ctx.kind(k) != "word" or ctx.cue_at(k) > 0 for k in between):
        return None
    if not any(ctx.low(k) in g.prepositions for k in between):
        return None  # "JPL scientist Jane Doe said": the name, not the title before it
    return head


def subject_before_asides(ctx: Context, j: int) -> Mention | None:
    """The mention that asides ending at the comma ``j`` describe.

    In ``Doe, a Democrat, said``, ``Doe, D-Ohio, said``, ``Doe, at a town hall in
    Dayton, Ohio, said`` and ``Another delegate, Jim Roe, said``, the speaker is
    the earliest mention that ends right before a comma and does not follow a
    preposition (a name rather than the description it stands beside). The
    search goes back at most 40 tokens and stops at the sentence's start, a
    quote, a semicolon or colon, or a coordinator after a comma (``..., and Roe, a trader, said``).
    """
    words = attribution_words(ctx.lexicon)
    best: Mention | None = None
    tokens = ctx.tokens
    if not 0 <= j < len(tokens):
        return None
    sentence = ctx.sentence
    own = sentence[j]
    for k in range(j, max(j - 40, -1), -1):
        tok = tokens[k]
        if tok.kind in ("para", "quote", "mark") or tok.text in (".", ";", ":", "!", "?"):
            break
        if sentence[k] != own:
            break
        if (tok.low in words.relative_pronouns and ctx.word(k - 1) != ","
                and k + 1 in ctx.mention_starting):
            break  # "a country that the nominee, Jane Doe, called": the clause starts here
        if tok.text == ",":
            m = ctx.mention_ending.get(k)
            beside_name = best is not None and best.kind == "name" and best.first == k + 1
            if (m is not None and not m.possessive and _opens_clause(ctx, m.first)
                    and not (m.kind == "description" and beside_name)):
                best = m  # "Another member, Ruth Ames, said": the name, not the description
        elif (tok.low in words.clause_joiners and ctx.word(k - 1) == ","
              and k + 1 in ctx.mention_starting):
            break  # ", and Roe, a trader, said"; not ", and head of the lab, said"
    return best


def _opens_clause(ctx: Context, first: int) -> bool:
    """Tell whether a mention starting at token ``first`` can be a clause's subject.

    It cannot after a preposition ("a town hall in Dayton, Ohio, said").
    """
    return ctx.low(first - 1) not in attribution_words(ctx.lexicon).grammar.prepositions


def _partial_quote_at(ctx: Context, k: int) -> bool:
    """Tell whether token ``k`` is a partial quote (quoted words inside a clause)."""
    q = ctx.tokens[k].quote
    return 0 <= q < len(ctx.quotes) and ctx.quotes[q].kind == "partial"


def clause_subject(ctx: Context, c: int) -> Mention | None:
    """The subject of the clause a participle or coordinated verb at token ``c`` continues.

    Going back at most 40 tokens in the sentence (across partial quotes): the
    subject of the nearest earlier cue verb (``Doe told X that …, adding …``),
    or the nearest subject pronoun that opens a clause (``…, and he battled the
    mayor, calling him …``; ``he looked up and said``).
    """
    words = attribution_words(ctx.lexicon)
    g = words.grammar
    pronouns = g.subject_pronouns
    tokens = ctx.tokens
    if not 0 <= c < len(tokens):
        return None  # no sentence holds c
    sentence = ctx.sentence
    own = sentence[c]
    cues = ctx.cue_any
    for k in range(c - 1, max(c - 40, -1), -1):
        tok = tokens[k]
        if sentence[k] != own or tok.kind == "para":
            return None
        if tok.kind == "quote" and not _partial_quote_at(ctx, k):
            return None
        if (cues[k] > 0 and not is_participle(words, tok.low)
                and ctx.word(k - 1) not in (",", "—", "–")):
            m = subject_before(ctx, k)
            before = ctx.low(m.first - 1) if m is not None else ""
            if m is not None and before not in g.determiners and before not in g.prepositions:
                return m  # not 'a Twitter comment': a noun after a determiner
        if tok.low in pronouns and tok.kind == "word":
            m = ctx.mention_starting.get(k)
            prev = k - 1
            if m is not None and m.kind == "pronoun" and (
                    opens_sentence(ctx, k) or ctx.low(prev) in words.clause_joiners
                    or ctx.word(prev) in (",", "—", "–", "-", "--")):
                return m
    return None


def sentence_subject(ctx: Context, c: int) -> Mention | None:
    """The first mention of token c's sentence that is not after a preposition.

    An introductory phrase ("On the talks with the union, Doe …") is skipped.
    """
    first = c
    tokens = ctx.tokens
    if 0 <= c < len(tokens):
        sentence = ctx.sentence
        own = sentence[c]
        floor = max(c - _SENTENCE_TOKENS, 0)
        while first > floor and sentence[first - 1] == own and tokens[first - 1].kind != "quote":
            first -= 1
    words = attribution_words(ctx.lexicon)
    g, articles = words.grammar, words.articles
    if ctx.low(first) in g.introducers:
        comma = next((k for k in range(first, c) if ctx.word(k) == ","), -1)
        if comma > 0:
            first = comma + 1
    for k in range(first, c):
        idx = ctx.mention_covering[k]
        if idx < 0:
            continue
        m = ctx.mentions[idx]
        if m.first != k or m.possessive:
            continue
        before = k - 1
        while ctx.low(before) in articles and before > k - 4:
            before -= 1
        if ctx.low(before) in g.prepositions:
            continue
        return m
    return None
