"""Roles for `evextract_relations`: a person, the title the article gives them, its organization.

Title words are found with a PhraseMatcher (the single and multi-word titles
of data/relation_cues.json) and a Matcher (patterns such as "chief ... officer").
Around each person the word order decides the shape:

- apposition after the name: "Sun Huibin, President of FAW Group's Strategy and
  Cooperation Department", "Robin Zeng, CATL's Chairman and CEO", "Pat Wilson,
  the department's commissioner", "By Maria Guerra, Senior Editor, Battery Technology";
- a title before the name: "BYD chairman Wang Chuanfu", "NIO's founder and CEO Bin Li",
  "the Commission's trade spokesperson, Olof Gill", "Editor: Kim Taylor".

The organization is a company or organization entity in the title's "of" phrase, its
possessive owner (resolved when it is "the company" or "the department"), the entity
right before a title ("BYD chairman"), or, for a corporate title with none named
("CEO Elon Musk"), the company nearest in the sentence, else the company named last in
the few sentences before. A place owner ("Thailand's Minister of Industry") gives no
organization. A minister's or secretary's portfolio is part of the title ("Climate
Change and Energy Minister Chris Bowen").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token

from ..extensions import AMBIGUOUS, ENTITY_ID, doc_tokens
from ..relations import RelationCues, RoleFinding
from .references import (
    ORG_TYPES,
    PLACE_TYPES,
    EntityIndex,
    is_known,
    is_modifier,
    is_possessive,
    sentence_of,
    text_span,
)

_BOUNDARIES = frozenset({",", ";", "(", ")", ".", ":", "—", "–", "|", '"', "“", "”", "[", "]"})
_CONNECTORS = frozenset({"and", "&", ","})
_LINE_FURNITURE = frozenset({"|", "•", "·"})
_MAX_PORTFOLIO = 8  # tokens of "of Industry, Trade and Investment" between a title and a name
_ARTICLES = frozenset({"the", "a", "an"})
# Lower-case words between an owner and its title: "the Commission's trade spokesperson".
_MAX_MODIFIERS = 3
_MAX_OWNER = 6  # tokens an owner may span before its "'s"
_MAX_VERB_WORDS = 3  # "resigned as", "will step down as", "serves as"
_COMPANY_REACH = 3  # sentences back a corporate title may look for its company


class RoleFinder:
    def __init__(self, nlp: Language, cues: RelationCues) -> None:
        self.cues = cues
        # One-word titles by their lower-case form ("Gov." is one token, "gov." two), in a
        # set: a Matcher pattern {"LOWER": {"IN": words}} calls Python for every token;
        # longer ones with a PhraseMatcher.
        self.words = frozenset(head for head in cues.title_heads if " " not in head)
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        phrases = sorted(head for head in cues.title_heads if " " in head)
        self.phrases.add("title", [nlp.make_doc(head) for head in phrases])
        self.patterns = Matcher(nlp.vocab)
        for entry in cues.title_patterns:
            self.patterns.add(entry["id"], [list(entry["pattern"])])

    def __call__(self, doc: Doc, index: EntityIndex) -> list[RoleFinding]:
        heads = self._title_tokens(doc)
        scan = _RoleScan(doc, heads, self.cues, index)
        found = []
        for person in index.entities:
            if person.label_ == "person":
                role = scan.after(person) or scan.before(person) or scan.as_title(person)
                if role is not None:
                    found.append(role)
        return found

    def _title_tokens(self, doc: Doc) -> frozenset[int]:
        matches = list(self.phrases(doc)) + list(self.patterns(doc))
        words = {t.i for t in doc_tokens(doc) if t.lower_ in self.words}
        return frozenset(words.union(i for _, start, end in matches for i in range(start, end)))


class _RoleScan:
    """The title and organization around one person, read from the surface order."""

    def __init__(
        self, doc: Doc, heads: frozenset[int], cues: RelationCues, index: EntityIndex
    ) -> None:
        self.doc, self.heads, self.cues, self.index = doc, heads, cues, index

    # ------------------------------------------------------------ after the name

    def after(self, person: Span) -> RoleFinding | None:
        """'Sun Huibin, President of ...', 'Robin Zeng, CATL's Chairman and CEO'."""
        doc, i = self.doc, person.end
        if i + 1 >= len(doc) or doc[i].text not in {",", "("}:
            return None
        i += 1
        if doc[i].lower_ == "who" and i + 1 < len(doc) and doc[i + 1].lemma_ == "be":
            i += 2
        owner, i = self._owner_after(i)
        text_start = i
        i = self._skip_modifiers(i)  # "the company's trade spokesperson", "an auto analyst"
        end = self._title_end(i)
        if end is None:
            return None
        org, text_end = self._linked_org(end)
        if org is None and owner is not None and owner.label_ in ORG_TYPES:
            org = owner
        if org is None and owner is None:
            org = self._possessor_of(person) or self._byline_org(end)
        if org is None and owner is None and text_end == end:
            org = self._sentence_company(person, doc[text_start:end].text)
        return self._role(person, text_start, text_end, org)

    def _possessor_of(self, person: Span) -> Span | None:
        """'Honda's Shinji Aoyama, executive vice president': the company whose person
        this is, named just before the name (not "China's", not "Biden's")."""
        start = person.start
        if start < 2 or not is_possessive(self.doc[start - 1]):
            return None
        owner = self.index.at(self.doc[start - 2])
        return owner if owner is not None and owner.label_ in ORG_TYPES else None

    def _owner_after(self, i: int) -> tuple[Span | None, int]:
        """An owner at i ('CATL's', 'the department's', 'Xiaomi' before a title), and where
        the title starts."""
        doc = self.doc
        start = i + 1 if i < len(doc) and doc[i].lower_ in _ARTICLES else i
        entity = self.index.at(doc[start]) if start < len(doc) else None
        if entity is not None and entity.end < len(doc) and self._is_title_word(entity.end):
            return entity, entity.end  # "Lei Jun, Xiaomi founder and CEO"
        k = start
        while k < min(len(doc), start + _MAX_OWNER) and not is_possessive(doc[k]):
            if doc[k].text in _BOUNDARIES or k in self.heads:
                return None, start
            k += 1
        if k == start or k >= len(doc) or not is_possessive(doc[k]):
            return None, start
        owner = self.index.refers_to(doc[k - 1], ORG_TYPES | PLACE_TYPES)
        return owner, k + 1

    def _skip_modifiers(self, i: int) -> int:
        """Past words before a title word: 'trade' in 'trade spokesperson', and words that
        are no name in 'Motoring Correspondent', 'Contributing Editor'."""
        start = i
        while i < len(self.doc) and i - start < _MAX_MODIFIERS and not self._is_title_word(i):
            token = self.doc[i]
            lower = token.is_lower and token.pos_ in {"NOUN", "ADJ", "PROPN"}
            capitalized = token.is_title and token.is_alpha and self.index.at(token) is None
            if not (lower or capitalized):
                break
            i += 1
        return i if i > start and self._is_title_word(i) else start

    def _linked_org(self, end: int) -> tuple[Span | None, int]:
        """The organization of an 'of'/'at' phrase after the title, and where the title text ends.

        The phrase stays in the title when it names a unit ("President of FAW Group's
        Strategy and Cooperation Department") or no organization at all.
        """
        doc = self.doc
        if end >= len(doc) or doc[end].lower_ not in self.cues.title_links:
            return None, end
        phrase_end = self._phrase_end(end + 1)
        org = self._org_in(self.index.in_range(end + 1, phrase_end, ORG_TYPES))
        if org is None:
            return None, phrase_end
        units = [t for t in doc[end + 1 : phrase_end] if t.lower_ in self.cues.title_units]
        outside = [t for t in units if not org.start <= t.i < org.end]
        return org, phrase_end if outside else end

    def _phrase_end(self, i: int) -> int:
        doc = self.doc
        while i < len(doc) and not doc[i].is_space:
            if self._is_clause_verb(doc[i]) or (
                doc[i].text in _BOUNDARIES and not self._inside_entity(i)
            ):
                break
            i += 1
            if "\n" in doc[i - 1].whitespace_:
                break
        return i

    def _inside_entity(self, i: int) -> bool:
        """The comma of 'BYD Co., Ltd.' belongs to the name, not to the sentence."""
        entity = self.index.at(self.doc[i])
        return entity is not None and entity.start < i < entity.end - 1

    def _is_clause_verb(self, token: Token) -> bool:
        """A verb ends a title's phrase, but not 'based' in 'Shanghai-based'."""
        if token.pos_ not in {"VERB", "AUX"} or self.index.at(token) is not None:
            return False
        hyphenated = token.i > 0 and token.doc[token.i - 1].text in {"-", "‑"}
        return not hyphenated and token.dep_ not in {"amod", "compound"}

    def _org_in(self, entities: list[Span]) -> Span | None:
        """A company before an organization ('Secretary of the CPC FAW Group Committee' is
        FAW Group's); the owner inside a name with a possessive ('FAW Group's ... Department')."""
        ranked = sorted(entities, key=lambda e: (e.label_ != "company", e.start))
        if not ranked:
            return None
        org = ranked[0]
        marker = next((t for t in org if is_possessive(t)), None)
        if marker is not None and marker.i > org.start:
            return Span(self.doc, org.start, marker.i, label=org.label_)
        return org

    def _byline_org(self, end: int) -> Span | None:
        """'By Maria Guerra, Senior Editor, Battery Technology' at the end of a line: an
        organization entity, or a capitalized name the entity typer left out."""
        doc = self.doc
        if end + 1 >= len(doc) or doc[end].text != ",":
            return None
        entity = self.index.at(doc[end + 1])
        if entity is not None:
            org = entity if entity.start == end + 1 and entity.label_ in ORG_TYPES else None
        else:
            last = end + 1
            while last < len(doc) and doc[last].is_title and self.index.at(doc[last]) is None:
                last += 1
            org = Span(doc, end + 1, last, label="organization") if last > end + 1 else None
        if org is None:
            return None
        closes = org.end >= len(doc) or "\n" in doc[org.end - 1].whitespace_
        return org if closes or doc[org.end].is_space else None

    # ------------------------------------------------------------ before the name

    def before(self, person: Span) -> RoleFinding | None:
        """'BYD chairman Wang Chuanfu', 'NIO's CEO William Li', 'Editor: Kim Taylor'."""
        doc, end = self.doc, person.start
        separator = doc[end - 1].text if end > 0 and doc[end - 1].text in {",", ":"} else ""
        if separator:
            end -= 1
        start = self._title_start(end)
        if start is None:
            start = self._title_with_portfolio_start(end)
        if start is None:
            return None
        start = self._modifiers_after_possessive(self._portfolio_start(start, end))
        owner = self._owner_before(start)
        if separator and not owner.anchored:
            return None  # "..., CEO, William Li" names no one's title
        org = owner.org or self._org_after_name(person)
        if org is None and not owner.is_place:
            org = self._sentence_company(person, doc[start:end].text)
        return self._role(person, owner.text_start, end, org)

    def _portfolio_start(self, start: int, end: int) -> int:
        """'Climate Change and Energy Minister Chris Bowen': the capitalized words naming a
        minister's or secretary's portfolio belong to the title, even where the entity typer
        took one of them for a company. An organization or place before them does not."""
        doc = self.doc
        if doc[end - 1].lower_ not in self.cues.portfolio_titles:
            return start
        j = start - 1
        while j >= 0 and "\n" not in doc[j].whitespace_:
            if self._is_portfolio_word(doc[j]):
                start = j
            elif (
                doc[j].lower_ not in {"and", "&"}
                or j == 0
                or not self._is_portfolio_word(doc[j - 1])
            ):
                break
            j -= 1
        return start

    def _title_with_portfolio_start(self, end: int) -> int | None:
        """'Minister of Industry and Mineral Resources Bandar Alkhorayef', 'Secretary of State
        Marco Rubio': a minister's or secretary's title whose portfolio follows 'of'."""
        doc, j = self.doc, end - 1
        while j > 0 and end - j <= _MAX_PORTFOLIO and doc[j].lower_ != "of":
            if not (self._is_portfolio_word(doc[j]) or doc[j].lower_ in _CONNECTORS):
                return None
            j -= 1
        if (
            j <= 0
            or j == end - 1
            or doc[j].lower_ != "of"
            or not self._is_portfolio_word(doc[j + 1])
        ):
            return None
        if doc[j - 1].lower_ not in self.cues.portfolio_titles:
            return None
        start = self._title_start(j)
        return None if start is None else self._portfolio_start(start, j)  # "Union Minister of"

    def _is_portfolio_word(self, token: Token) -> bool:
        """A capitalized word, not a name, unless a company name the knowledge base does not
        know ('Energy'); 'FAW Group Party Secretary' keeps FAW Group as its organization."""
        entity = self.index.at(token)
        return (
            token.is_title
            and token.pos_ in {"PROPN", "NOUN", "ADJ"}
            and (
                entity is None
                # "Energy and Mineral Resources Minister": a name known only ambiguously
                or (
                    entity.label_ == "company" and (not is_known(entity) or entity._.get(AMBIGUOUS))
                )
            )
        )

    def _org_after_name(self, person: Span) -> Span | None:
        """'analyst Tu Le of Sino Auto Insights', 'CEO Jim Farley at Ford'."""
        doc, i = self.doc, person.end
        if i + 1 >= len(doc) or doc[i].lower_ not in self.cues.title_links:
            return None
        start = i + 2 if doc[i + 1].lower_ == "the" else i + 1
        entity = self.index.at(doc[start]) if start < len(doc) else None
        return entity if entity is not None and entity.label_ in ORG_TYPES else None

    def _modifiers_after_possessive(self, start: int) -> int:
        k = start
        while k > 0 and start - k < _MAX_MODIFIERS and self.doc[k - 1].is_lower:
            if self.doc[k - 1].pos_ not in {"NOUN", "ADJ"}:
                break
            k -= 1
        return k if k < start and k > 0 and is_possessive(self.doc[k - 1]) else start

    def _owner_before(self, start: int) -> _OwnerBefore:
        """What stands right before a title that precedes a name."""
        doc, j = self.doc, start - 1
        if j < 0 or doc[j].is_space or "\n" in doc[j].whitespace_:
            return _OwnerBefore(None, start, anchored=True)  # "Editor: Kim Taylor"
        owner = doc[j - 1] if is_possessive(doc[j]) and j > 0 else doc[j]
        entity = self.index.refers_to(owner, ORG_TYPES | PLACE_TYPES)
        adjacent = entity is not None and (owner.i != j or entity.end == start)
        if entity is not None and adjacent and entity.label_ in ORG_TYPES:
            return _OwnerBefore(entity, start, anchored=True)  # "NIO's CEO", "BYD chairman"
        if entity is not None and adjacent:
            # "Ontario Premier", "U.S. Sen." keep their place; "Sweden's minister" does not
            text_start = entity.start if owner.i == j else start
            return _OwnerBefore(None, text_start, anchored=True, is_place=True)
        anchored = (
            owner.i != j
            or doc[j].lower_ == "the"
            or bool(doc[j].is_sent_start)
            or doc[j].text in _LINE_FURNITURE  # "2025-01-24 | Editor: Xu Jingjing"
        )
        return _OwnerBefore(None, start, anchored=anchored)

    # ------------------------------------------------------------ title words

    def _is_title_word(self, i: int) -> bool:
        return i in self.heads or self.doc[i].lower_ in self.cues.title_modifiers

    def _title_end(self, i: int) -> int | None:
        """One past the last title word of a title starting at i: 'Founder, Chairman, and CEO'."""
        doc, last_head = self.doc, None
        while i < len(doc):
            if i in self.heads:
                i += 1
                last_head = i
            elif self._continues_title(i):
                i += 1
            else:
                break
        return last_head

    def _continues_title(self, i: int) -> bool:
        """A modifier ('senior') or a connector before more title words ('and', ',')."""
        if self._is_title_word(i) and self.index.at(self.doc[i]) is None:
            return True
        return self.doc[i].lower_ in _CONNECTORS and self._title_follows(i + 1)

    def _title_follows(self, i: int) -> bool:
        while i < len(self.doc) and self.doc[i].lower_ in _CONNECTORS:
            i += 1
        return i < len(self.doc) and self._is_title_word(i)

    def _title_start(self, end: int) -> int | None:
        """The first title word of a title ending right before token `end`."""
        doc = self.doc
        if end <= 0 or end - 1 not in self.heads:
            return None
        start, j = end - 1, end - 1
        while j >= 0:
            if self._is_title_word(j) and self.index.at(doc[j]) is None:
                start = j
            elif not (doc[j].lower_ in _CONNECTORS and j > 0 and j - 1 in self.heads):
                break  # "Founder, Chairman and CEO Lei Jun"; not "Tesla, CEO Elon Musk"
            j -= 1
        return start

    # ------------------------------------------------------------ "as" a title

    def as_title(self, person: Span) -> RoleFinding | None:
        """'Carlos Tavares resigned as chief executive', 'named Jim Farley as CEO', 'Mary
        Barra, who serves as CEO of General Motors'."""
        doc, i = self.doc, person.end
        if i + 1 < len(doc) and doc[i].text == "," and doc[i + 1].lower_ == "who":
            i += 2
        j = i
        while j < min(len(doc), i + _MAX_VERB_WORDS) and doc[j].lower_ != "as":
            if doc[j].is_punct or doc[j].pos_ not in {"VERB", "AUX", "ADV", "PART"}:
                return None
            j += 1
        if j >= len(doc) or doc[j].lower_ != "as":
            return None
        start = j + 2 if j + 1 < len(doc) and doc[j + 1].lower_ in _ARTICLES else j + 1
        end = self._title_end(start) if start < len(doc) else None
        if end is None:
            return None
        org, text_end = self._linked_org(end)
        if org is None:
            org = self._sentence_company(person, doc[start:end].text)
        return self._role(person, start, text_end, org)

    # ------------------------------------------------------------ results

    def _sentence_company(self, person: Span, title: str) -> Span | None:
        """For 'CEO Elon Musk' with no company named: the nearest company in the sentence."""
        if not self.cues.is_corporate_title(title):
            return None
        sentence = sentence_of(person)
        said = self._reported_from(person, sentence.end)
        companies = [
            e
            for e in self.index.in_range(sentence.start, sentence.end, {"company"})
            if (
                e.end <= person.start or person.end <= e.start < said or _subject_of_report(e, said)
            )
            and not self._describes_another(e)
        ]
        nearest = min(companies, key=lambda e: _distance(e, person), default=None)
        return nearest or self._protagonist(person) or self._company_before(sentence.start)

    def _describes_another(self, entity: Span) -> bool:
        """'ACC, the venture of Stellantis and TotalEnergies, ...': a parent named in a
        company's description is not the company of the sentence."""
        for token in [entity.root, *entity.root.ancestors]:
            if token.dep_ in {"appos", "relcl", "acl"}:
                described = self.index.at(token.head)
                return described is not None and described.label_ in ORG_TYPES
        return False

    def _reported_from(self, person: Span, end: int) -> int:
        """Where what the person says begins: 'Kim Dong-myung, chief executive, said that
        deals with Mercedes-Benz ...' names the partner, not the chief executive's company;
        but the subject of what is said is often it ('... said TVS would add models')."""
        for token in self.doc[person.end : end]:
            if token.pos_ == "VERB" and token.lemma_ in self.cues.speech_verbs:
                return token.i
        return end

    def _protagonist(self, person: Span) -> Span | None:
        """The company the article is about: named most often before the person, and at
        least twice ('... chief financial officer Lee Chang-sil told analysts')."""
        counts: dict[str, list[Span]] = {}
        for entity in self.index.entities:
            if entity.start >= person.start:
                break
            if entity.label_ == "company" and not is_modifier(entity.root):
                key = entity._.get(ENTITY_ID) or entity.text.lower()  # "LGES", "LG Energy Solution"
                counts.setdefault(key, []).append(entity)
        ranked = sorted(counts.values(), key=len, reverse=True)
        if (
            not ranked
            or len(ranked[0]) < 2
            or (len(ranked) > 1 and len(ranked[1]) == len(ranked[0]))
        ):
            return None
        return ranked[0][-1]

    def _company_before(self, i: int) -> Span | None:
        """'Ather makes scooters in Hosur. ... "...," CEO Tarun Mehta said': the company named
        last in the sentences just before, when the title's own sentence names none; not a
        name that only modifies a noun ('its Rizta scooters')."""
        first = self.index.sentence_number(i) - _COMPANY_REACH
        for entity in reversed(self.index.entities):
            if entity.end > i or entity.label_ != "company":
                continue
            if is_modifier(entity.root):
                continue
            return entity if self.index.sentence_number(entity.start) >= first else None
        return None

    def _role(self, person: Span, start: int, end: int, org: Span | None) -> RoleFinding:
        doc = self.doc
        title = self.index.text[doc[start].idx : doc[end - 1].idx + len(doc[end - 1].text)]
        return RoleFinding(text_span(person), title, text_span(org) if org is not None else None)


@dataclass(frozen=True)
class _OwnerBefore:
    """What stands before a title: its organization, where the title's text starts (a place
    right before it is part of it: "Ontario Premier"), and whether anything anchors a title
    set off by a comma ("the Commission's trade spokesperson, Olof Gill")."""

    org: Span | None
    text_start: int
    anchored: bool
    is_place: bool = False


def _subject_of_report(entity: Span, said: int) -> bool:
    return entity.start > said and entity.root.dep_ in {"nsubj", "nsubjpass"}


def _distance(entity: Span, person: Span) -> tuple[int, int]:
    if entity.end <= person.start:
        return person.start - entity.end, 0
    return entity.start - person.end, 1
