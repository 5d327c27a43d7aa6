"""Parties for `evextract_relations`: the companies and organizations a phrase names.

A helper of `partnerships.py`. A noun phrase names its entities, following
conjunctions, appositions and list phrases ("a long list of automakers, including
SAIC Group, ...") but not other prepositional phrases or clauses; a pronoun or a
definite description ("it", "the battery maker") names the entity it points back
to ("its" first the subject of its own clause); "their" the two companies or
organizations named before it in the sentence; "the two companies" names the
article's two protagonists; a person with a role names the role's organization.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from ..canonical import name_key
from ..extensions import CANONICAL, ENTITY_ID, doc_tokens, token_sentence
from ..relations import RelationCues, TextSpan
from .references import ORG_TYPES, PRONOUNS, EntityIndex, text_span

SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
INHERITS_SUBJECT = frozenset({"conj", "xcomp", "advcl", "pcomp"})
_CLAUSES = frozenset(
    {"relcl", "acl", "advcl", "ccomp", "xcomp", "prep", "agent", "poss", "parataxis"}
)
_RELATIVE_PRONOUNS = frozenset({"which", "that", "who"})
_DESCRIPTION_OPENERS = frozenset({"the", "a", "an", "its", "their"})


class PartyReader:
    def __init__(
        self, cues: RelationCues, index: EntityIndex, role_orgs: dict[int, TextSpan | None]
    ) -> None:
        self.cues, self.index, self.role_orgs = cues, index, role_orgs

    def prep_parties(self, head: Token, word: str) -> list[TextSpan]:
        return [p for prep in preps(head, word) for c in prep.children for p in self.parties(c)]

    def parties(self, head: Token, skip: Token | None = None) -> list[TextSpan]:
        """The companies and organizations a noun phrase names or points back to."""
        if head.dep_ == "pobj" or head.dep_ in SUBJECTS or head.dep_ in {"poss", "conj"}:
            pair = self._pair(head)
            if pair:
                return pair
        parties: list[TextSpan] = []
        for token in self._phrase_tokens(head):
            entity = self.index.at(token)
            if entity is not None and entity.label_ == "person":
                org = self.role_orgs.get(entity.start_char)
                parties += [org] if org is not None and token.i == entity.start else []
            elif entity is not None:
                if (
                    entity.label_ in ORG_TYPES
                    and token.i == entity.start
                    and self._may_party(entity)
                ):
                    parties.append(self.party(entity))
            elif token.i == head.i or token.dep_ == "conj":
                parties += self._named_after(token) or self._reference(token, skip)
        return parties

    def _named_after(self, noun: Token) -> list[TextSpan]:
        """'battery materials maker POSCO Future M': a description, then the name, which
        the parser may leave out of the phrase."""
        tokens = doc_tokens(noun.doc)
        if noun.pos_ != "NOUN" or noun.i + 1 >= len(tokens):
            return []
        entity = self.index.at(tokens[noun.i + 1])
        if entity is None or entity.start != noun.i + 1 or entity.label_ not in ORG_TYPES:
            return []
        return [self.party(entity)] if self._may_party(entity) else []

    def _reference(self, token: Token, skip: Token | None) -> list[TextSpan]:
        """'it', 'the battery maker': the entity they point back to."""
        if token.lower_ == "their":
            return self._their(token)
        if token.lower_ not in PRONOUNS and token.pos_ not in {"NOUN", "PROPN"}:
            return []
        skipped = self.index.at(skip) if skip is not None else None
        entity = self._clause_subject(token) if token.lower_ in PRONOUNS else None
        entity = entity or self.index.refers_to(token, ORG_TYPES, besides=skipped)
        if entity is None or entity == skipped:
            return []
        return [self.party(entity)]

    def _their(self, pronoun: Token) -> list[TextSpan]:
        """'Samsung SDI builds plants with Stellantis through their venture': the two
        companies or organizations named before it in the sentence, if there are just two;
        when it names none, the two the sentence before names ('GoTo and TBS Energi took
        another route. Their joint venture, Electrum, ...')."""
        sentence = token_sentence(pronoun)
        named = self.index.in_range(sentence.start, pronoun.i, ORG_TYPES)
        distinct = {name_key(e.text): e for e in named if self._may_party(e)}
        if not named:
            before = self._pair_in_sentence_before(pronoun)
            distinct = {name_key(e.text): e for e in before}
        if len(distinct) != 2:
            return []
        return [self.party(e) for e in distinct.values()]

    def _clause_subject(self, pronoun: Token) -> Span | None:
        """'The automaker makes cells through Ultium Cells, its venture with LGES': 'its' is
        the clause's subject, not the name it stands beside. When that name is the subject
        ('SK On said BlueOval SK, its venture with Ford, began'), the clause above."""
        verb = verb_above(pronoun)
        while verb is not None:
            heads = [h for h in subject_heads(verb) if pronoun not in h.subtree]
            if any(h.lower_ in PRONOUNS for h in heads):
                # "... it plans to run Ultium Cells, its venture": what the sentence before is about
                return self._subject_before(pronoun)
            found = [self.index.refers_to(h, ORG_TYPES) for h in heads]
            if found:
                return found[0] if len(found) == 1 else None
            if verb.head.i == verb.i:
                return self._subject_before(pronoun)  # "Ultium Cells, its venture with GM, cut"
            verb = verb_above(verb.head)
        return None

    def _subject_before(self, pronoun: Token) -> Span | None:
        """The company or organization the sentence before is about: its main subject."""
        tokens = doc_tokens(pronoun.doc)
        start = token_sentence(pronoun).start
        if start == 0:
            return None
        root = token_sentence(tokens[start - 1]).root
        heads = [h for h in subject_heads(root) if h.lower_ not in PRONOUNS]
        found = [e for h in heads if (e := self.index.refers_to(h, ORG_TYPES)) is not None]
        return found[0] if len(found) == 1 else None

    def _phrase_tokens(self, head: Token) -> Iterator[Token]:
        """The phrase's tokens, without its clauses and its prepositional phrases other than
        list phrases ('a long list of automakers, including SAIC Group, ...')."""
        yield head
        for child in head.children:
            if (
                child.dep_ == "prep" and child.lower_ in self.cues.list_preps
            ) or child.dep_ not in _CLAUSES:
                yield from self._phrase_tokens(child)

    def _pair(self, head: Token) -> list[TextSpan]:
        """'the two companies', 'both sides': the last two distinct organizations named."""
        counted = any(c.lower_ in {"two", "both"} for c in head.children)
        if not counted or head.lower_ not in self.cues.pair_nouns:
            return []
        nearby = self._pair_nearby(head)
        if nearby:
            return [self.party(e) for e in nearby]
        # The article's protagonists: the two organizations named most often before,
        # the more recent one first among equals ("the two firms signed ...").
        named: list[list[Span]] = []
        sentence_start = token_sentence(head).start
        for entity in reversed(self.index.entities):
            if entity.end > sentence_start or entity.label_ not in ORG_TYPES:
                continue
            same = next((n for n in named if same_name(n[0].text, entity.text)), None)
            if same is None:
                named.append([entity])
            else:
                same.append(entity)
        ranked = sorted(named, key=len, reverse=True)
        if len(ranked) < 2 or len(ranked[1]) < 2:
            return []  # no two protagonists: "cooperation between the two parties" stays open
        if len(ranked) > 2 and len(ranked[2]) == len(ranked[1]) and len(named) > 3:
            return []
        return [self.party(mentions[0]) for mentions in ranked[:2]]

    def listed_after_aside(self, head: Token) -> list[TextSpan]:
        """'Nuovo Plus, itself a venture between A and B, and Gotion': the name after the
        aside that the parser hung elsewhere."""
        entity = self.index.at(head)
        doc = doc_tokens(head.doc)
        if entity is None or entity.end >= len(doc) or doc[entity.end].text != ",":
            return []
        sentence_end = token_sentence(head).end
        end = next((t.i for t in doc[entity.end + 1 : sentence_end] if t.text == ","), None)
        if end is None or end + 2 >= len(doc) or doc[end + 1].lower_ != "and":
            return []
        i = end + 2
        place = self.index.at(doc[i])
        if place is not None and place.label_ == "country" and place.end + 1 < len(doc):
            i = place.end + (doc[place.end].tag_ == "POS")  # "and China's Gotion"
        after = self.index.at(doc[i]) if i < len(doc) else None
        if after is None or after.label_ not in ORG_TYPES or after.start != i:
            return []
        return [self.party(after)]

    def _pair_nearby(self, head: Token) -> list[Span]:
        """The two its own sentence names before it ('cells from LGES under a supply
        agreement the two companies signed'), or anywhere in it ('assembly began at PT
        Handal under an agreement between the two companies, making Indonesia XPENG's
        first hub'), else, when it names none, the two of the sentence before ('a familiar
        pair: Arun Plus, the EV arm of PTT, and CATL. The two companies ...')."""
        sentence = token_sentence(head)
        named = self._distinct_named(sentence.start, head.i)
        if len(named) < 2:
            whole = self._distinct_named(sentence.start, sentence.end)
            if len(whole) == 2:
                return whole
        if len(named) == 2:
            return named
        return self._pair_in_sentence_before(head) if not named else []

    def _distinct_named(self, start: int, end: int) -> list[Span]:
        """The companies and organizations named in tokens [start, end), once each."""
        distinct: list[Span] = []
        for entity in self.index.in_range(start, end, ORG_TYPES):
            if not self._may_party(entity) or self._in_description(entity):
                continue
            if not any(_same_entity(e, entity) for e in distinct):
                distinct.append(entity)
        return distinct

    def _in_description(self, entity: Span) -> bool:
        """'Arun Plus, the EV arm of state energy group PTT, and CATL': PTT is named in what
        Arun Plus is, not as one of the pair."""
        if self._between_commas_after_a_name(entity):
            return True
        for token in (entity.root, *entity.root.ancestors):
            if token.dep_ == "conj" and token.head.dep_ == "appos":
                return False  # "..., and Gotion", which the parser hangs on the description
            if token.dep_ == "appos" and token != entity.root:
                described = self.index.at(token.head)
                return described is not None and described != entity
        return False

    def _between_commas_after_a_name(self, entity: Span) -> bool:
        """', the EV arm of state energy group PTT,': a phrase set off by commas that opens
        with an article right after a name, however the parser attached it."""
        doc = doc_tokens(entity.doc)
        if entity.end >= len(doc) or doc[entity.end].text != ",":
            return False
        sentence_start = token_sentence(doc[entity.start]).start  # `Span.sent`
        comma = next(
            (t for t in reversed(doc[sentence_start : entity.start]) if t.text == ","), None
        )
        if comma is None or comma.i == 0 or comma.i + 1 >= entity.start:
            return False
        opens = doc[comma.i + 1].lower_ in _DESCRIPTION_OPENERS
        described = self.index.at(doc[comma.i - 1])
        return opens and described is not None and described.label_ in ORG_TYPES

    def _pair_in_sentence_before(self, head: Token) -> list[Span]:
        sentence_start = token_sentence(head).start
        number = self.index.sentence_number(sentence_start)
        if number == 0:
            return []
        named = self._distinct_named(self.index.sentence_start(number - 1), sentence_start)
        return named if len(named) == 2 else []

    def _may_party(self, entity: Span) -> bool:
        """'the Qujing government' is no partner: deals with a government do not count."""
        return entity.text.lower().split()[-1] not in self.cues.not_parties

    def party(self, entity: Span) -> TextSpan:
        return text_span(entity)

    def coordination_ending_at(self, i: int, least: int = 2) -> list[TextSpan]:
        """'A, B and C' right before token i, all of them companies or organizations; at
        least `least` of them."""
        doc = doc_tokens(self.index.doc)
        parties: list[TextSpan] = []
        expect_name, j = True, i - 1
        while j >= 0:
            entity = self.index.at(doc[j])
            if expect_name:
                if entity is None or entity.label_ not in ORG_TYPES or entity.end != j + 1:
                    break
                parties.append(self.party(entity))
                j = entity.start - 1
            elif doc[j].lower_ in {"and", "&", ","}:
                j -= 1
            else:
                break
            expect_name = not expect_name
        return parties if len(parties) >= least else []


def combine(
    subjects: list[TextSpan],
    withs: list[TextSpan],
    between: list[TextSpan],
    single_body: bool,
    mutual: bool = False,
) -> Iterator[list[TextSpan]]:
    """The partnerships of a cue: one body of all ("a joint venture with B and C", "between
    A, B and C"), or each subject with each partner ("A has partnered with B and C")."""
    if between:
        yield subjects + between
    elif withs and not subjects:
        return  # "collaborations with Volkswagen and BYD": with whom, it does not say
    elif withs and single_body:
        yield subjects + withs
    elif withs:
        for subject in subjects:
            for partner in withs:
                yield [subject, partner]
    elif mutual or single_body:
        yield subjects


def verb_above(token: Token) -> Token | None:
    while token.pos_ not in {"VERB", "AUX"}:
        if token.head.i == token.i:
            return None
        token = token.head
    return token


def preps(head: Token, *words: str) -> list[Token]:
    return [c for c in head.children if c.dep_ == "prep" and c.lower_ in words]


def subject_heads(verb: Token, exclude: Token | None = None) -> list[Token]:
    """The verb's subjects, or those of the verb it continues ('... and has partnered with')."""
    while True:
        subjects = [
            c
            for c in verb.children
            if c.dep_ in SUBJECTS and c != exclude and c.lower_ not in _RELATIVE_PRONOUNS
        ]
        if subjects:
            return subjects
        if verb.dep_ in {"relcl", "acl"}:
            return [_listed_head(verb)]  # "Northvolt, which partnered with Volvo Cars"
        if verb.dep_ not in INHERITS_SUBJECT or verb.head.i == verb.i:
            return []
        verb = verb.head


def _listed_head(clause: Token) -> Token:
    """What a relative clause describes: after a comma, the whole list it ends ('POSCO
    Future M and LG Chem, which signed deals with GM': both signed)."""
    head = clause.head
    before = clause.left_edge.i - 1
    if before >= 0 and doc_tokens(clause.doc)[before].text == ",":
        while head.dep_ == "conj" and head.head.i != head.i:
            head = head.head
    return head


def _same_entity(a: Span, b: Span) -> bool:
    """'Contemporary Amperex Technology Co. Limited' and its '(CATL)', 'Gotion' and 'Gotion
    High-tech'."""
    for name in (ENTITY_ID, CANONICAL):
        if a._.get(name) is not None and a._.get(name) == b._.get(name):
            return True
    return same_name(a.text, b.text)


def same_name(a: str, b: str) -> bool:
    """'Gotion' and 'Gotion High-tech Co Ltd' name one company."""
    first, second = name_key(a).split(), name_key(b).split()
    shorter, longer = sorted((first, second), key=len)
    return bool(shorter) and longer[: len(shorter)] == shorter
