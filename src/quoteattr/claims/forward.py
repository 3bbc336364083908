"""Claim rules for a content printed after its cue: ``NAME says (that) CLAUSE`` and kin.

A cue verb takes its content in the frames that ``claim_frames.json`` lists
for it: a clause (``says the jet crossed``, ``insisted that ...``), an object
and "of" or "for" (``accused Turkey of ...``), a naming (``branded the
incident a war crime``), an infinitive (``vowed to ...``), an object and an
infinitive (``urged the council to ...``), a noun phrase (``called for
unity``, ``denied the report``), a stance and its topic (``expressed concern
that ...``), a question (``asked whether ...``) or words
after a colon (``told reporters: the deal is off``). The complement is checked
before the cue counts (a sense check): a bare clause needs a finite verb, so
``confirmed 68 nominees`` and ``announced her campaign`` are no claims, and a
noun-phrase frame takes no second object (``denied him a photograph``).

The source is the cue's subject, the subject of a coordinated or participial
cue's sentence (``said it was over and warned rivals to ...``, ``..., saying
...``), a group (``Many economists say``) or the person quoted (``quoted NAME
as saying``).

Example:
    >>> from quoteattr import find_claims
    >>> [(c.source.name, c.cue.text, c.text) for c in find_claims(
    ...     "Doe said the plan was over and warned rivals to stay away.")]
    [('Doe', 'said', 'the plan was over'), ('Doe', 'warned', 'rivals to stay away')]
"""

from __future__ import annotations

from quoteattr.attribution.clauses import speaker_mention_at
from quoteattr.claims.base import Found, content_from
from quoteattr.claims.reading import NO_FRAMES
from quoteattr.claims.scanner import Scanner
from quoteattr.claims.sources import source_of_cue, with_subject

__all__ = ["name_said_clause", "quoted_name_as_saying_clause"]


def quoted_name_as_saying_clause(scan: Scanner, i: int) -> Found | None:
    """``X quoted NAME as saying (that) CLAUSE``: the source is the one quoted."""
    ctx = scan.ctx
    words = scan.words
    if ctx.low(i) not in words.quoting_forms:
        return None
    m = speaker_mention_at(ctx, i + 1)
    if m is None:
        return None
    joint = scan.phrase_end(m.last, words.quoting_joints)
    if joint < 0:
        return None
    k = joint
    if ctx.low(k) in words.complementizers:
        k += 1
    elif not scan.opens_clause(k, loose=True):
        return None
    lemma = ctx.lexicon.cue_lemma(ctx.low(joint - 1)) or ctx.low(joint - 1)
    return content_from(scan, "quoted_name_as_saying_clause", 0.85, m, (i, joint), lemma, k)


def _cue(scan: Scanner, c: int) -> tuple[int, str, frozenset[str]] | None:
    """The end, lemma and frames of a claim cue at token c."""
    ctx = scan.ctx
    found = scan.verb_at(c)
    if found is None:
        return None
    verb, end = found
    by_lemma = scan.frames_by_lemma
    phrase = f"{verb.lemma} {ctx.low(end)}"
    phrase_frames = by_lemma.get(phrase)
    if phrase_frames:  # "call on", "call for", "point to": the particle is part of the cue
        return end + 1, phrase, phrase_frames
    listed = by_lemma.get(verb.lemma, NO_FRAMES)
    if verb.weak and not listed:
        return None  # a weak cue reports a claim only in the frames the data lists for it
    if listed.isdisjoint(_NAMING):
        return end, verb.lemma, listed | _THAT
    return end, verb.lemma, listed


_NAMING = frozenset({"naming", "naming_as"})
_THAT = frozenset({"that"})


def name_said_clause(scan: Scanner, c: int) -> Found | None:
    """``NAME says (that) CLAUSE`` and the other frames of a cue verb after its source.

    The content is found first and the source only then, the dearer look-up.
    """
    ctx = scan.ctx
    cue = _cue(scan, c)
    if cue is None:
        return None
    end, lemma, frames = cue
    toks = ctx.tokens
    prev = toks[c - 1].low if c > 0 else ""  # c, a cue, lies in the text
    participle = toks[c].low.endswith(scan.participle_endings)
    if participle and prev in scan.words.passive_auxiliaries:
        participle = False  # "are urging": a finite verb in the progressive
    elif not participle and prev in scan.words.passive_auxiliaries:
        return None  # "has been said", "was told"
    with_source = with_subject(scan, c) if participle and prev != "," else None
    if participle and prev != "," and with_source is None and not scan.participle_reports(end):
        return None  # "Speaking before the assembly, Putin ..."; "as saying"
    content = _content_after(scan, end, lemma, frames, participle)
    if content is None:
        return None
    rule, confidence, first, min_tokens, last = content
    infinitive = scan.joints.get("infinitive")
    if rule == "name_called_for_np" and infinitive and prev in infinitive.joints:
        return None  # "not authorized to discuss the case", "working to discuss": no report
    m = with_source or source_of_cue(scan, c, participle)
    if m is None or m.possessive:
        return None  # "what he has to say"
    return content_from(
        scan, rule, confidence, m, (c, end), lemma, first, min_tokens, last=last
    )


def _content_after(
    scan: Scanner, end: int, lemma: str, frames: frozenset[str], participle: bool
) -> tuple[str, float, int, int, int] | None:
    """Rule name, confidence, first token, minimum length and end (or -1) of the content."""
    if scan.clause_after_comma:
        return _content_after_comma(scan, end, frames)
    ctx = scan.ctx
    words = scan.words
    k = scan.skip_time(end)
    low_k = ctx.low(k)
    stop = min(k + 10, scan.sent_end[k] if k < scan.n else k)
    clause = "clause" in frames or "clause_checked" in frames
    if clause or "that" in frames:
        start = k
        if lemma in scan.listener_verbs and low_k not in words.complementizers:
            start = scan.after_listener(k)
        if start >= 0 and ctx.word(start) == ":" and ctx.kind(start + 1) == "word":
            # "told reporters: the deal is off"
            return "name_said_colon_clause", 0.8, start + 1, 4, scan.sent_end[start]
        low = ctx.low(start) if start >= 0 else ""
        verb = scan.cue_forms.get(lemma)
        asks = verb is not None and verb.stance == "asks"
        say = "clause" in frames
        if start < 0:
            pass
        elif low in words.prepositions and not _quantity_at(scan, start):
            ahead = scan.that_ahead(start)
            if ahead < 0 and say and _pronoun_clause_ahead(scan, start):
                pass  # "said for some firms it will take days": the clause after a phrase
            else:
                start = ahead
        elif say and low in scan.subordinators:
            if not scan.has_finite_verb(start, scan.content_end(start)):
                start = -1  # "said if he could", not "said if asked"
        elif say and _quote_opens_clause(scan, start):
            pass  # 'said "walkaway" deals were used before': a mixed claim
        elif low in words.complementizers:
            start += 1
        elif asks and low in words.question_words:
            pass  # "asked whether the deal was off"
        elif asks and _question_after_object(scan, start) > 0:
            start = _question_after_object(scan, start)  # "asked the minister why …"
        elif not scan.opens_clause(start, loose=clause) and not (
            clause and _quantity_at(scan, start)  # "said about half of the rise was ..."
        ):
            start = _that_after_name(scan, start)  # "told KTVA's \"Sunday Forum\" that …"
        elif (
            ("clause" not in frames or participle)
            and low not in words.subject_pronouns
            and not scan.has_finite_verb(start, scan.content_end(start))
        ):
            start = -1  # "confirmed 68 nominees", "announced her campaign", ", adding a plug"
        if start >= 0:
            if start < scan.n and ctx.kind(start) in ("mark", "quote"):
                return None  # a direct quote
            if scan.content_end(start) > start:
                rule = "comma_saying_clause" if participle else "name_said_clause"
                return rule, 0.85 if participle else 0.9, start, 4, -1
    joints = scan.joints
    for frame, rule, conf in (
        ("object_of", "name_accused_x_of_y", 0.85),
        ("object_for", "name_accused_x_of_y", 0.85),
        ("naming", "name_branded_x_a_y", 0.8),
        ("naming_as", "name_branded_x_a_y", 0.8),
    ):
        if frame in frames and frame in joints and low_k not in words.prepositions:
            j = scan.joint_ahead(k, stop, joints[frame].joints, joints[frame].stops)
            if j > 0:
                return rule, conf, k, j - k + 3, -1
    if "infinitive" in frames and "infinitive" in joints:
        marker = joints["infinitive"].joints
        if low_k in marker and ctx.kind(k + 1) == "word":
            return "name_vowed_to_vp", 0.85, k + 1, 4, -1
    if (
        "object_infinitive" in frames
        and "object_infinitive" in joints
        and low_k not in words.prepositions
    ):
        joint = joints["object_infinitive"]
        j = scan.joint_ahead(k, min(stop, k + 8), joint.joints, joint.stops)
        if j > 0 and ctx.kind(j + 1) == "word":
            return "name_urged_x_to_vp", 0.8, k, j - k + 3, -1
    if "object_about" in frames and "object_about" in joints and ctx.kind(k) == "word":
        # "expressed concern that ...", "voiced support for ...": a stance and its topic
        joint = joints["object_about"]
        j = scan.joint_ahead(k, min(stop, k + 6), joint.joints, joint.stops)
        if j > k and ctx.kind(j + 1) == "word" and low_k not in words.prepositions:
            return "name_called_for_np", 0.7, k, j - k + 3, -1
    if (
        "noun_object" in frames
        and ctx.kind(k) == "word"
        and low_k not in words.prepositions
        and low_k not in words.complementizers
        and not scan.second_object(k)
    ):
        return "name_called_for_np", 0.7, k, 4, -1
    return None


def _that_after_name(scan: Scanner, k: int) -> int:
    """The token after "that" when only a name, a title in quotes or a time stands before it.

    "told KTVA's "Sunday Forum" that ...", "said Wednesday night that ...";
    not "waved a flag that was later confiscated" (a relative "that").
    """
    ctx = scan.ctx
    words = scan.words
    for j in range(k, min(k + 8, scan.n)):
        low = ctx.low(j)
        if low in words.complementizers:
            return j + 1 if j > k else -1
        kind = ctx.kind(j)
        if kind in ("quote", "mark") or (kind == "word" and ctx.word(j)[:1].isupper()):
            continue
        if kind == "word" and (low in words.time_words or low in words.time_nouns):
            continue
        return -1
    return -1


def _question_after_object(scan: Scanner, k: int) -> int:
    """The question word after the object of "asked" ("asked the minister why ..."), or -1."""
    ctx = scan.ctx
    m = ctx.mention_starting.get(k)
    j = m.last if m is not None else k
    if m is None:
        while j < k + 4 and ctx.kind(j) == "word" and ctx.low(j) not in scan.words.question_words:
            if ctx.cue_at(j, weak=False) > 0 or ctx.low(j) in scan.words.prepositions:
                return -1
            j += 1
    return j if j > k and ctx.low(j) in scan.words.question_words else -1


def _quantity_at(scan: Scanner, k: int) -> bool:
    """Tell whether a preposition at k opens a quantity ("about half of", "over 300")."""
    ctx = scan.ctx
    nxt = ctx.low(k + 1)
    return ctx.low(k) in scan.words.quantity_words and (
        nxt in scan.words.quantity_words or nxt[:1].isdigit()
    )


def _pronoun_clause_ahead(scan: Scanner, k: int) -> bool:
    """Tell whether a phrase at k is followed by a subject pronoun and its finite verb."""
    ctx = scan.ctx
    for j in range(k + 1, min(k + 8, scan.sent_end[k] if k < scan.n else k)):
        if ctx.kind(j) != "word":
            return False
        if ctx.low(j) in scan.words.subject_pronouns:
            return scan.has_finite_verb(j, j + 3)
    return False


def _quote_opens_clause(scan: Scanner, k: int) -> bool:
    """Tell whether a quote at token k opens a clause that goes on after it."""
    ctx = scan.ctx
    j = k + 1 if ctx.kind(k) == "mark" else k
    if ctx.kind(j) != "quote":
        return False
    j += 1
    if ctx.kind(j) == "mark":
        j += 1
    return ctx.kind(j) == "word" and ctx.same_sentence(k, j)


_COMMA_WINDOW = 14
"""Tokens between a cue and the comma (or colon) that opens its content."""


def _content_after_comma(
    scan: Scanner, end: int, frames: frozenset[str]
) -> tuple[str, float, int, int, int] | None:
    """The content after the first comma or colon that follows a cue and its complements.

    German: ``sagte auf Anfrage, dass ...``; ``sagte, die Lage sei ernst``;
    ``fragte, ob ...``; ``forderte den Verband auf, ein Zeichen zu setzen``;
    ``veranschaulichte die Lage: ...``.
    """
    ctx = scan.ctx
    words = scan.words
    stop = min(end + _COMMA_WINDOW, scan.sent_end[end] if end < scan.n else end)
    for j in range(end, stop):
        w = ctx.word(j)
        kind = ctx.kind(j)
        if w == ":":
            if ctx.kind(j + 1) != "word":
                return None  # a direct quote follows
            return "name_said_colon_clause", 0.8, j + 1, 4, scan.sent_end[j]
        if w == ",":
            k = j + 1
            low = ctx.low(k)
            if ctx.kind(k) != "word":
                return None
            if low in words.complementizers:
                return "name_said_clause", 0.9, k + 1, 4, -1
            if low in words.question_words:
                return "name_said_clause", 0.85, k, 4, -1
            infinitive = scan.joints.get("object_infinitive")
            content_end = scan.content_end(k)
            if "object_infinitive" in frames and infinitive is not None and any(
                ctx.low(t) in infinitive.joints for t in range(k, content_end)
            ):
                return "name_urged_x_to_vp", 0.8, k, 4, -1
            if low in words.relatives_after_comma and not ctx.word(k + 1)[:1].isupper():
                return None  # "sagt Lukschy, der an der Serie beteiligt war": a relative clause
            if "clause" in frames and scan.has_subjunctive(k, content_end):
                return "name_said_clause", 0.85, k, 4, -1  # "sagte, die Lage sei ernst"
            return None
        if kind in ("quote", "mark", "para", "end") or w in (".", "!", "?", ";"):
            return None
        if j > end and ctx.cue_at(j, weak=False) > 0:
            return None
    return None
