"""Typed, frozen results: what was found, where, and why.

Every offset is a ``str`` index into the caller's untouched text, so
``text[x.start:x.end] == x.text`` holds for every span, quote and mention.
The JSON produced by ``model_dump(mode="json")`` of these models is the public
output schema of the library and of the command line.
"""

from __future__ import annotations

import datetime
import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

__all__ = [
    "Claim",
    "ClaimKind",
    "ClaimLink",
    "ClusterMember",
    "Diagnostic",
    "Document",
    "MatchRelation",
    "Quote",
    "QuoteCluster",
    "QuoteKind",
    "QuoteSpeaker",
    "SourceMatch",
    "Span",
    "Speaker",
    "SpeakerKind",
    "Stance",
    "parse_date",
]

Stance = Literal[
    "asserts", "denies", "accuses", "promises", "warns", "asks", "urges", "praises"
]
"""What a speech cue says about the speaker's position: "denied" denies, "urged" urges."""

QuoteKind = Literal["direct", "partial", "term"]
"""What a quoted span is.

``direct``: a whole sentence or more of somebody's speech. ``partial``: a
fragment of speech inside a paraphrase (``said he had heard "nothing new"``).
``term``: words in quotation marks that are nobody's speech: a name, a title,
a scare quote. Terms are never attributed.
"""

SpeakerKind = Literal["person", "organisation", "country", "anonymous", "collective", "unknown"]
"""What kind of source a speaker is.

``anonymous``: an unnamed individual ("a Turkish official", "a spokeswoman").
``collective``: a group ("officials", "protesters", "Turkish media").
``unknown``: a pronoun or description the document never resolves.
"""


_ISO_DATE = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[T ][0-9:.]{2,15}(?:Z|[+-][0-9:]{2,5})?)?"
)


def parse_date(value: object) -> datetime.date | None:
    """Read a document's date: a ``date``, a ``datetime`` or an ISO 8601 string.

    The time of day and the time zone of a timestamp are dropped: an
    utterance's occasion is a day. ``None`` and ``""`` mean "no date".

    Raises:
        TypeError: ``value`` is neither a str, a date nor None.
        ValueError: a string that is not an ISO date ("2016-03-01") or timestamp.

    Example:
        >>> parse_date("2016-03-01T22:15:00Z"), parse_date(None)
        (datetime.date(2016, 3, 1), None)
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if not isinstance(value, str):
        raise TypeError(
            f"a date must be a datetime.date or an ISO date string such as '2016-03-01', "
            f"not {type(value).__name__}"
        )
    found = _ISO_DATE.fullmatch(value.strip())
    if found is not None:
        try:
            return datetime.date(int(found[1]), int(found[2]), int(found[3]))
        except ValueError:
            pass
    raise ValueError(f"{value[:40]!r} is not an ISO date: pass 'YYYY-MM-DD' (or a timestamp)")


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")




class Span(_Frozen):
    """A stretch of the original text.

    Attributes:
        text: The characters exactly as printed: ``source[start:end]``.
        start: Index of the first character.
        end: Index one past the last character.
    """

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Diagnostic(_Frozen):
    """Something odd in the input that the library worked around.

    Attributes:
        code: A stable, machine-readable name, such as ``unclosed_quote``.
        message: What happened and what the library did about it.
        start: Where in the text it happened.
        end: Where it ends.
    """

    code: str
    message: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class QuoteSpeaker(_Frozen):
    """Who said a quote, as seen from that quote.

    Attributes:
        name: The canonical name of the speaker within the document (the fullest
            form, "Sergei Lavrov"), or the description when no name is known
            ("a Turkish official").
        kind: Person, organisation, country, anonymous or collective source.
        role: Title or role kept apart from the name ("Russian Foreign Minister").
        id: Index of the speaker in :attr:`Document.speakers`.
        mention: Where this quote's speaker is named locally: the "he" of
            "he added", the "Lavrov" of "Lavrov said".
    """

    name: str
    kind: SpeakerKind
    role: str | None = None
    id: int | None = None
    mention: Span | None = None


class Quote(_Frozen):
    """One quoted span: the words between a pair of quotation marks.

    A quote interrupted by its attribution (``"A," he said, "B."``) and a quote
    running over several paragraphs are several ``Quote`` records that share an
    :attr:`utterance` number.

    Attributes:
        text: The words inside the marks, marks excluded: ``source[start:end]``.
        start: Index of the first character inside the opening mark.
        end: Index of the closing mark (or of the end of the quoted stretch
            when the mark is missing).
        open_mark: The opening quotation mark as printed.
        close_mark: The closing mark as printed, or ``None`` when the text never
            closes the quote (a paragraph of a multi-paragraph quote, or a stray
            mark).
        kind: ``direct``, ``partial`` or ``term``.
        depth: 0 for a quote, 1 for a quote inside a quote, and so on.
        utterance: Quotes with the same number are parts of one utterance.
        speaker: Who said it, or ``None`` when the text does not say.
        cue: The word or phrase that signals speech ("said", "according to").
        rule: The name of the attribution rule that decided the speaker.
        confidence: How sure that rule is, from 0 to 1.
    """

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    open_mark: str
    close_mark: str | None
    kind: QuoteKind = "direct"
    depth: int = Field(default=0, ge=0)
    utterance: int = Field(default=0, ge=0)
    speaker: QuoteSpeaker | None = None
    cue: Span | None = None
    rule: str | None = None
    confidence: float = Field(default=0.0, ge=0.0, le=1.0)


class Speaker(_Frozen):
    """A source as the whole document knows it, all its mentions made one.

    Attributes:
        id: Index in :attr:`Document.speakers`.
        name: Canonical name: the fullest form the document uses.
        kind: Person, organisation, country, anonymous or collective source.
        role: Title or role, kept apart from the name.
        aliases: Every distinct form the document uses for this speaker.
        mentions: Where the document names this speaker.
    """

    id: int = Field(ge=0)
    name: str
    kind: SpeakerKind
    role: str | None = None
    aliases: tuple[str, ...] = ()
    mentions: tuple[Span, ...] = ()


class Document(_Frozen):
    """Everything :func:`quoteattr.attribute` found in one text.

    Attributes:
        doc_id: The caller's identifier for the text, if any.
        quotes: Every quotation (direct and partial), in text order.
        quoted_terms: Text in quotation marks that is nobody's speech.
        inner_quotes: Quotes nested inside another quote (depth 1 or more): part
            of the outer speaker's words, not attributed on their own.
        speakers: Every source quoted in the document (the speakers of its
            quotes); the same with claims on or off. A claim's ``source.id``
            points here when its source is also quoted, else it is ``None``.
        diagnostics: Odd input that was worked around (stray marks, ...).
        claims: Reported claims (speech outside quotation marks), in text order.
        date: When the document was published, if the caller said: matching
            takes printings of one utterance to fall within days of each other.
    """

    doc_id: str | None = None
    quotes: tuple[Quote, ...] = ()
    quoted_terms: tuple[Quote, ...] = ()
    inner_quotes: tuple[Quote, ...] = ()
    speakers: tuple[Speaker, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()
    claims: tuple[Claim, ...] = ()
    date: datetime.date | None = None

    @field_validator("date", mode="before")
    @classmethod
    def _read_date(cls, value: object) -> datetime.date | None:
        return parse_date(value)


MatchRelation = Literal["exact", "variant", "fragment"]
"""How a quote relates to the canonical text of its cluster (or to a phrase).

``exact``: the same words once case, punctuation, marks, white space, diacritics
and British/American spelling are folded away. ``variant``: the same utterance
printed with some words dropped, added or changed, or an ellipsis or bracketed
insertion. ``fragment``: a piece of the longer text quoted on its own.
"""


class ClusterMember(_Frozen):
    """One printing of a quote inside a :class:`QuoteCluster`.

    Attributes:
        doc_id: The document the quote was printed in.
        quote: The quote as found, with its offsets into that document.
        speaker: Its speaker's name in that document, or ``None`` when unknown.
        relation: ``exact``, ``variant`` or ``fragment`` of the canonical text.
        score: Similarity to the canonical text, 0-100 (for a fragment: how
            well it matches the best-matching stretch of the canonical text).
        diff: What differs from the canonical text, word by word, in wdiff
            style: ``[-canonical words-]{+this quote's words+}``; ``…`` stands
            for canonical words outside a fragment; ``""`` when printed the same.
        date: The date of the document, when known.
    """

    doc_id: str
    quote: Quote
    speaker: str | None
    relation: MatchRelation
    score: float = Field(ge=0.0, le=100.0)
    diff: str
    date: datetime.date | None = None


class QuoteCluster(_Frozen):
    """The printings of one utterance across documents.

    Attributes:
        canonical: The most complete printing of the quote, as printed.
        speaker: The fullest speaker name among the members, or ``None`` when
            no member has a known speaker.
        members: Every printing; the one giving the canonical text first, the
            others ordered by document id and position.
    """

    canonical: str
    speaker: str | None
    members: tuple[ClusterMember, ...] = Field(min_length=1)


class SourceMatch(_Frozen):
    """One quote that contains, or is, a phrase looked up by ``find_sources``.

    Attributes:
        doc_id: The document the quote was printed in.
        quote: The quote, with its offsets into that document.
        speaker: Its speaker's name, or ``None`` when unknown.
        relation: ``exact`` when the quote is the phrase, ``variant`` when it is
            the phrase worded differently, ``fragment`` when the phrase is part
            of the quote.
        score: How well the phrase matches, 0-100.
        wording: The words of the quote that match the phrase, as printed, with
            offsets into the document.
        utterance: Which utterance the quote prints: 0 for the utterance with
            the best match, 1 for the next, ... (printings of one utterance
            share the number).
    """

    doc_id: str
    quote: Quote
    speaker: str | None
    relation: MatchRelation
    score: float = Field(ge=0.0, le=100.0)
    wording: Span
    utterance: int = Field(default=0, ge=0)


ClaimKind = Literal["indirect", "mixed"]
"""How a claim is printed.

``indirect``: reported speech with no quotation marks ("Turkey says the jet
violated its airspace"). ``mixed``: a paraphrase holding a partial quote
("said he had heard "nothing new""), linked to that quote; also one holding
double-quoted words in lower case that the quote finder left as a term ("there
had been a "quiet exodus" of nurses, the union said"), with no quote to link.
"""


class Claim(_Frozen):
    """A reported claim: who claims what, printed without (or partly in) quotation marks.

    Attributes:
        text: The content, the reported proposition as printed: ``source[start:end]``.
        start: Index of the first character of the content.
        end: Index one past its last character.
        source: Who makes the claim, canonicalised like quote speakers: the same
            ``id`` in :attr:`Document.speakers` as the speaker's quotes.
        cue: The words that report it ("says", "accused", "according to").
        cue_lemma: The cue's base form ("say", "accuse", "according to").
        stance: What the cue says about the content (asserts, denies, accuses,
            promises, warns, asks, urges, praises), or ``None`` when it says nothing.
        negated: True when the source is reported as not claiming it ("did not
            say", "stopped short of accusing").
        hedge: A hedge printed with the cue ("reportedly", "refused to"), or ``None``.
        kind: ``indirect`` or ``mixed``.
        quotes: For a mixed claim, the indices in :attr:`Document.quotes` of the
            quotes inside the content.
        rule: The name of the claim rule that found it.
        confidence: How sure that rule is, from 0 to 1.
    """

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    source: QuoteSpeaker
    cue: Span
    cue_lemma: str
    stance: Stance | None = None
    negated: bool = False
    hedge: str | None = None
    kind: ClaimKind = "indirect"
    quotes: tuple[int, ...] = ()
    rule: str
    confidence: float = Field(ge=0.0, le=1.0)


class ClaimLink(_Frozen):
    """A claim reported by one document and printed, quoted or reported, by another.

    Attributes:
        doc_id: The document of the claim.
        claim: The claim, with offsets into that document.
        other_doc_id: The document of the matching quote or claim.
        other: The quote (the same words in quotation marks) or claim it matches.
        score: How alike the two are, 0-100 (the shorter against the best-matching
            stretch of the longer).
    """

    doc_id: str
    claim: Claim
    other_doc_id: str
    other: Quote | Claim
    score: float = Field(ge=0.0, le=100.0)
