"""Make speakers one within a document and resolve pronouns and descriptions.

"Lavrov", "Sergei Lavrov", "Russia's Sergei Lavrov" and "Russian Foreign
Minister Sergei Lavrov" are one speaker, named by the fullest form, with the
role kept apart. "he" is the person the text last made the subject of a
sentence; "the foreign minister" is the person the text introduced in that role.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from dataclasses import dataclass, field

from quoteattr.attribution.context import Context
from quoteattr.models import SpeakerKind
from quoteattr.text.mentions import Mention
from quoteattr.text.normalize import fold

__all__ = ["Entity", "SpeakerIndex"]

@dataclass
class Entity:
    """A speaker being assembled from its mentions."""

    key: str
    name: str
    kind: SpeakerKind
    role: str | None = None
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    starts: set[int] = field(default_factory=set)
    ordered_starts: list[int] = field(default_factory=list)
    """The mentions' start offsets, sorted, for range look-ups."""

    def record(self, m: Mention) -> bool:
        """Record a mention of this entity; False when it was recorded already."""
        if m.start in self.starts:
            return False
        self.starts.add(m.start)
        self.mentions.append(m)
        insort(self.ordered_starts, m.start)
        return True

    def mentioned_between(self, start: int, end: int) -> bool:
        """Tell whether a mention of this entity starts at an offset from ``start`` to ``end``."""
        found = self.ordered_starts
        i = bisect_left(found, start)
        return i < len(found) and found[i] < end

    def add(self, m: Mention) -> None:
        """Record a mention of this entity, keeping the fullest name and first role."""
        if m.start in self.starts:
            return
        self.starts.add(m.start)
        self.mentions.append(m)
        insort(self.ordered_starts, m.start)
        name = m.name
        if name not in self.aliases:
            self.aliases.append(name)
        if (
            name != self.name
            and m.kind in ("name", "body", "country")
            and len(name.split()) > len(self.name.split())
        ):
            self.name = name
        if m.role and not self.role:
            self.role = m.role


class SpeakerIndex:
    """Every named source of a document, with look-ups for pronouns and roles."""

    def __init__(self, ctx: Context) -> None:
        """Group the document's name mentions into entities."""
        self.ctx = ctx
        self.entities: list[Entity] = []
        self._by_key: dict[str, Entity] = {}
        self._of_mention: dict[int, Entity] = {}
        self._personlike: dict[str, bool] = {}
        self._bodies = ctx.lexicon.body_names
        for m in ctx.mentions:
            if m.kind in ("name", "body", "country"):
                self._of_mention[m.start] = self._entity_for_name(m)

    def _entity_for_name(self, m: Mention) -> Entity:
        if m.kind == "body":
            key = fold(self._bodies.get(m.name, m.name))
        elif m.speaker_kind == "person":
            key = fold(m.name.split()[-1])
        else:
            key = fold(m.name)
        entity = self._by_key.get(key)
        if entity is None or (entity.kind != m.speaker_kind and m.speaker_kind != "person"):
            entity = Entity(key=key, name=m.name, kind=m.speaker_kind)
            if m.kind == "body":
                entity.name = self._bodies.get(m.name, m.name)
            self._by_key[key] = entity
            self.entities.append(entity)
        entity.add(m)
        return entity

    def entity_of(self, m: Mention) -> Entity:
        """Return the entity a speaker mention stands for, resolving pronouns and roles."""
        found = self._of_mention.get(m.start)
        if found is not None:
            return found
        if m.kind == "pronoun":
            found = self._antecedent(m)
        elif m.kind == "description":
            found = self._role_holder(m)
        if found is None:
            found = self._anonymous(m)
        self._of_mention[m.start] = found
        found.record(m)
        return found

    def _anonymous(self, m: Mention) -> Entity:
        key = "desc:" + fold(m.text) if m.kind != "pronoun" else f"pron:{m.start}"
        entity = self._by_key.get(key)
        if entity is None:
            name = m.text
            kind: SpeakerKind = m.speaker_kind if m.kind != "pronoun" else "unknown"
            entity = Entity(key=key, name=name, kind=kind)
            self._by_key[key] = entity
            self.entities.append(entity)
        if m.text not in entity.aliases:
            entity.aliases.append(m.text)
        return entity

    def _antecedent(self, m: Mention) -> Entity | None:
        """The person a pronoun refers to: the latest sentence subject before it."""
        ctx = self.ctx
        word = m.text.lower()
        lex = ctx.lexicon
        if word in lex.grammar.unresolved_pronouns:
            return None
        if word == "who":
            before = ctx.mention_ending.get(m.first - 1)
            return self.entity_of(before) if before is not None else None
        pronoun = lex.pronoun_forms.get(word)
        plural = pronoun is not None and pronoun.number == "plural"
        # a pronoun of either number (German "sie": she or they) may stand for a body
        either = pronoun is not None and pronoun.number == "any"
        sent = ctx.sentence[m.first]
        para = ctx.paragraph[m.first]
        best_any: Entity | None = None
        index = ctx.mention_covering[m.first]
        for k in range(index - 1, max(index - 40, -1), -1):
            cand = ctx.mentions[k]
            if ctx.paragraph[cand.first] < para - 3:
                break
            group = cand.speaker_kind in ("collective", "organisation", "country")
            if cand.possessive or (cand.kind == "description" and cand.speaker_kind not in (
                "anonymous", "collective") and not (either and group)):
                continue
            if plural != group and not either:
                continue
            many = plural or (either and group)
            if cand.kind == "pronoun":
                if cand.text.lower() != word:
                    continue
                ent = self._of_mention.get(cand.start)
                if ent is None or ent.kind == "unknown":
                    continue
            else:
                ent = self.entity_of(cand) if cand.kind == "description" else (
                    self._of_mention.get(cand.start))
            if ent is None or (not many and ent.kind != "person" and ent.kind != "anonymous"):
                continue
            if not many and not self._looks_like_person(ent, cand):
                continue  # "Ankara and Moscow were restarting …": a place, not "he"
            if self._is_subject(cand) and ctx.sentence[cand.first] <= sent:
                return ent
            if best_any is None and not self._after_preposition(cand):
                best_any = ent
        return best_any

    def _looks_like_person(self, ent: Entity, m: Mention) -> bool:
        """A full name, a title or role, a description, or the subject of a speech verb."""
        known = self._personlike.get(ent.key)
        if known is None:
            known = self._personlike[ent.key] = self._person_evidence(ent)
        return known

    def _person_evidence(self, ent: Entity) -> bool:
        if ent.kind == "anonymous" or len(ent.name.split()) > 1 or ent.role:
            return True
        ctx = self.ctx
        for x in ent.mentions:
            if x.kind != "name":
                continue
            if ctx.cue_at(x.last) > 0:
                return True
            nxt = ctx.word(x.last)
            opens = x.first == 0 or not ctx.same_sentence(x.first - 1, x.first)
            if opens and nxt.islower() and nxt not in ("and", "or", "in", "of", "to", "for"):
                return True  # "Lavrov met …", not "Ankara and Moscow …"
        return False

    def _after_preposition(self, m: Mention) -> bool:
        k = m.first - 1
        return self.ctx.low(k) in self.ctx.lexicon.grammar.non_subject_after

    def _is_subject(self, m: Mention) -> bool:
        """A mention followed by a cue verb, or first in its sentence, not after a preposition."""
        ctx = self.ctx
        k = m.last
        adverbs = ctx.lexicon.grammar.subject_adverbs
        while ctx.word(k) in (",",) or (ctx.kind(k) == "word" and ctx.low(k) in adverbs):
            if ctx.word(k) == ",":
                break
            k += 1
        if ctx.cue_at(k) > 0:
            return True
        if self._after_preposition(m):
            return False
        first_in_sentence = True
        for j in range(m.first - 1, max(m.first - 12, -1), -1):
            if ctx.sentence[j] != ctx.sentence[m.first]:
                break
            idx = ctx.mention_covering[j]
            if idx >= 0 and not ctx.mentions[idx].possessive:
                first_in_sentence = False
                break
        return first_in_sentence

    def _role_holder(self, m: Mention) -> Entity | None:
        """The named person the text introduced in the role a definite description names."""
        words = m.text.split()
        if not words or words[0].lower() not in self.ctx.lexicon.grammar.definite_determiners:
            return None
        head = words[-1].lower()
        wanted = " ".join(w.lower() for w in words[1:])
        best: Entity | None = None
        for entity in self.entities:
            if entity.kind != "person" or not entity.role:
                continue
            role = entity.role.lower()
            fits = role.endswith(wanted) or (head in role.split() and best is None)
            if fits and entity.ordered_starts and entity.ordered_starts[0] < m.start:
                best = entity
        return best
