"""Partnerships for `evextract_relations`: companies or organizations that work together.

Read from the dependency parse of each sentence. A cue is a partnership verb
("partner", "team up", "cooperate"), an agreement verb with a partnership noun as
its object ("signed a framework agreement", "formed a joint venture"), a verb of
making marked "together" or "jointly" or with two or more makers of one site ("A, B
and C are building a plant"), a passive "formed by"/"owned by" with two or more
agents, a partnership noun with its own parties ("a joint venture with POSCO", "an
agreement between Nio and FAW Group", "their joint venture"), or a supply or licence
deal (see `deals.py`). The parties are the company and organization entities of the
cue's subject and of its "with" or "between" phrase, following conjunctions,
appositions and list phrases ("including ...") but not other prepositional phrases
or clauses.

"A and B partner" is one partnership; "A has partnered with B, C and D" is three
(each with A), unless one body is formed ("a joint venture with B and C") or the
subject is a collective ("a consortium of A and B is building it together with C").
A surface rule catches headlines the parser misreads ("Nio and CATL join forces").
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from itertools import pairwise

from spacy.tokens import Doc, Span, Token

from ..canonical import name_key
from ..extensions import ENTITY_ID, doc_tokens, span_text, span_tokens, token_sentence
from ..relations import PartnershipFinding, RelationCues, RoleFinding, TextSpan
from .deals import DealReader
from .parties import (
    INHERITS_SUBJECT,
    SUBJECTS,
    PartyReader,
    combine,
    preps,
    same_name,
    subject_heads,
    verb_above,
)
from .references import ORG_TYPES, EntityIndex, sentences

_DENIAL_REACH = 3  # ancestors searched for 'talks', 'negotiate' or a negation
_DESCRIBING = {"relcl", "appos"}  # a relative clause, an apposition: their own polarity

_RELATIVES = frozenset({"that", "which"})
# A cue is a verb, a noun, a joint site ('NN'), or 'bring' ("brings together").
_CUE_POS = frozenset({"VERB", "AUX", "NOUN", "PROPN"})


class PartnershipFinder:
    def __init__(self, cues: RelationCues) -> None:
        self.cues = cues

    def __call__(
        self, doc: Doc, index: EntityIndex, roles: Sequence[RoleFinding]
    ) -> list[PartnershipFinding]:
        scan = _PartyScan(self.cues, index, {r.person.start: r.organization for r in roles})
        found: dict[frozenset[str], PartnershipFinding] = {}
        for sentence in sentences(doc):
            in_sentence: dict[frozenset[str], PartnershipFinding] = {}
            for parties in scan.sentence(sentence):
                distinct = _distinct(parties)
                if len(distinct) >= 2:
                    finding = PartnershipFinding(
                        tuple(distinct.values()), _evidence(sentence, distinct.values())
                    )
                    in_sentence.setdefault(frozenset(distinct), finding)
            for key, finding in in_sentence.items():
                found.setdefault(key, finding)
        # "a consortium of A, B and C is building it together with D", "ACC, the venture of
        # Stellantis, Mercedes-Benz and TotalEnergies ... ventures with Mercedes-Benz and
        # TotalEnergies through ACC": the pairs inside a larger partnership are that one
        return [f for key, f in found.items() if not any(key < other for other in found)]


def _distinct(parties: Iterable[TextSpan]) -> dict[str, TextSpan]:
    """One span per name, in the order the article names them."""
    distinct: dict[str, TextSpan] = {}
    for party in sorted(parties, key=lambda p: p.start):
        if key := name_key(party.text):
            distinct.setdefault(key, party)
    return distinct


def _evidence(sentence: Span, parties: Iterable[TextSpan]) -> str:
    """The sentence, but only its lines that name the parties: a headline the parser ran
    into the paragraph below it stays out."""
    text, offset = span_text(sentence), sentence.start_char
    inside = [p for p in parties if offset <= p.start < offset + len(text)]
    if not inside:
        return text.strip()
    start = text.rfind("\n", 0, min(p.start for p in inside) - offset) + 1
    end = text.find("\n", max(p.end for p in inside) - offset)
    return text[start : end if end >= 0 else len(text)].strip()


class _PartyScan:
    def __init__(
        self, cues: RelationCues, index: EntityIndex, role_orgs: dict[int, TextSpan | None]
    ) -> None:
        self.cues, self.index = cues, index
        self.reader = PartyReader(cues, index, role_orgs)
        self.deals = DealReader(cues, self.reader, self._is_partnership_noun)

    def sentence(self, sentence: Span) -> Iterator[list[TextSpan]]:
        """The parties of each cue, only those on the cue's line: a headline the parser ran
        into the dateline below it is not one sentence."""
        inside = range(sentence.start_char, sentence.end_char)
        for token in span_tokens(sentence):
            if not _may_be_a_cue(token):
                continue
            found = list(self._cue(token))
            if found and not self._is_denied(token):
                for parties in found:
                    # a party named before the sentence came by reference ("the two sides")
                    yield [p for p in parties if p.start not in inside or self._same_line(p, token)]
        yield from self._coordinated_before_cue(sentence)

    def _same_line(self, party: TextSpan, cue: Token) -> bool:
        start, end = sorted((party.start, cue.idx))
        return "\n" not in self.index.text[start:end]

    def _cue(self, token: Token) -> Iterator[list[TextSpan]]:
        if self._brings_together(token):
            yield self._listed_after(token)
        elif self._is_cue_verb(token):
            yield from self._verb(token)
        elif self._is_cue_noun(token) and not self._governed_by_cue_verb(token):
            yield from self._noun(token)
        elif self._is_joint_site(token):
            yield from self._site_by(token)
        elif token.pos_ == "VERB":
            yield from self.deals(token)

    def _brings_together(self, verb: Token) -> bool:
        """'a battery project that brings together CATL, IBC and Antam'."""
        return verb.lemma_.lower() == "bring" and any(c.lower_ == "together" for c in verb.children)

    def _listed_after(self, verb: Token) -> list[TextSpan]:
        """The companies and organizations named after the verb, up to the next verb: the
        parser hangs a long list anywhere, its words say what it is."""
        sentence_end = token_sentence(verb).end
        end = next(
            (
                t.i
                for t in doc_tokens(verb.doc)[verb.i + 1 : sentence_end]
                if t.pos_ == "VERB" and t.dep_ not in {"amod", "compound"}  # "state-owned"
            ),
            sentence_end,
        )
        return [self.reader.party(e) for e in self.index.in_range(verb.i + 1, end, ORG_TYPES)]

    def _is_denied(self, token: Token) -> bool:
        """'did not sign', 'in talks to form a venture', 'negotiating a deal with', 'ended its
        partnership': talks, plans under discussion and ends are no partnership. A clause
        or an apposition that describes a name says what is so of it whatever the sentence
        denies ('CATL, which runs a venture with Stellantis, was not part of the deal')."""
        if any(c.dep_ == "neg" for c in token.children):
            return True
        described = False
        node = token
        for ancestor in list(token.ancestors)[:_DENIAL_REACH]:
            described = described or node.dep_ in _DESCRIBING
            node = ancestor
            if ancestor.lemma_.lower() in self.cues.not_cue_governors:
                return True
            if ancestor.lower_ in self.cues.not_cue_nouns:
                return True
            negated = ancestor.pos_ in {"VERB", "AUX"} and any(
                c.dep_ == "neg" for c in ancestor.children
            )
            if negated and not described:
                return True
        return False

    # ------------------------------------------------------------ cues

    def _is_cue_verb(self, token: Token) -> bool:
        if token.pos_ not in {"VERB", "AUX"}:
            return False
        lemma = token.lemma_.lower()
        if lemma in self.cues.partnership_verbs:
            particles = self.cues.partnership_particles.get(lemma)
            return particles is None or any(c.lower_ in particles for c in token.children)
        if lemma in self.cues.with_verbs and preps(token, "with"):
            return True
        if lemma in self.cues.agreement_verbs and self._agreement_objects(token):
            return True
        if lemma in self.cues.together_verbs:
            return bool(self._together_words(token)) or self._builds_one_thing(token)
        if lemma in self.cues.co_ownership_verbs:
            return _is_passive(token) or self._builds_one_thing(token)
        if lemma in self.cues.groundbreaking_verbs:  # "laid the foundation stone for a plant"
            ceremonies = [c for c in token.children if c.dep_ == "dobj"]
            marked = any(c.lemma_.lower() in self.cues.construction_nouns for c in ceremonies)
            return marked and self._coordinated_subjects(token) and self._builds_one_thing(token)
        return False

    def _builds_one_thing(self, verb: Token) -> bool:
        """'A, B and C are building a nickel plant': two or more builders of one site build
        it together, unless each builds its own."""
        objects = [
            c
            for c in verb.children
            if c.dep_ == "dobj"
            and c.lower_ not in _RELATIVES
            and doc_tokens(c.doc)[c.left_edge.i - 1].text != ","  # ", part of a broader deal"
        ]
        if verb.dep_ == "relcl" and not objects:
            objects = [verb.head]  # "the battery plant it runs with Hyundai Motor Group"
        objects = [s for o in objects for s in self._sites_under_construction(verb, o)]
        if not objects or not all(self._is_joint_site(o) for o in objects):
            return False
        if any(t.lower_ in self.cues.distributive_words for t in verb.subtree):
            return False
        heads = subject_heads(verb)
        if any(self._is_venture(a) for h in heads for a in h.children if a.dep_ == "appos"):
            return False  # "Minera Exar, the joint venture of A and B, runs the mine": one body
        builders = [p for h in heads for p in self.reader.parties(h)]
        places = [t for p in preps(verb, "in", "at") for t in p.children]
        holders = (verb, *objects, *places)
        partners = [p for h in holders for p in self.reader.prep_parties(h, "with")]
        if builders and partners:
            return True  # "CATL is building a cell plant with Indonesia Battery Corporation"
        return len(builders) >= 2 or len(self._coordination_before_verb(verb)) >= 2

    def _coordinated_subjects(self, verb: Token) -> bool:
        """'PIF and Hyundai have laid ...', not 'Ather Energy (PTI) laid ...'."""
        heads = subject_heads(verb)
        listed = [c for h in heads for c in h.children if c.dep_ == "conj"]
        named = [e for t in (*heads, *listed) if (e := self.index.at(t)) is not None]
        return (len(listed) >= 1 and len(named) >= 2) or len(
            self._coordination_before_verb(verb)
        ) >= 2

    def _site_by(self, site: Token) -> Iterator[list[TextSpan]]:
        """'a cell plant in Rayong by Nuovo Plus, itself a venture of ..., and Gotion': one
        site by two or more builders is theirs together."""
        builders = self.reader.prep_parties(site, "by")
        for prep in preps(site, "by"):
            builders += [p for c in prep.children for p in self.reader.listed_after_aside(c)]
        if len(_distinct(builders)) >= 2:
            yield builders

    def _sites_under_construction(self, verb: Token, noun: Token) -> list[Token]:
        """'laid the foundation stone for a vehicle factory', 'broke ground on a plant': the
        site a ceremony or the works are for stands for the object."""
        if noun.lemma_.lower() not in self.cues.construction_nouns:
            return [noun]
        sites = [t for h in (verb, noun) for p in preps(h, "for", "on", "of") for t in p.children]
        return [t for t in sites if self._is_joint_site(t)] or [noun]

    def _is_joint_site(self, noun: Token) -> bool:
        return noun.tag_ == "NN" and noun.lemma_.lower() in self.cues.joint_sites

    def _agreement_objects(self, verb: Token) -> list[Token]:
        """'signed a framework agreement', 'entered into a joint venture', 'a venture formed by'."""
        objects = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass", "attr"}]
        objects += [t for p in preps(verb, "into") for t in p.children if t.dep_ == "pobj"]
        # "launched Horse Powertrain, a joint venture": the name and what it is
        objects += [a for o in objects for a in o.children if a.dep_ == "appos"]
        if (verb.dep_ == "acl" and _is_passive(verb)) or verb.dep_ == "relcl":
            objects.append(verb.head)  # "the joint venture that Codelco signed with Rio Tinto"
        return [o for o in objects if self._is_partnership_noun(o)]

    def _is_partnership_noun(self, token: Token) -> bool:
        return token.pos_ in {"NOUN", "PROPN"} and (
            token.lower_ in self.cues.partnership_nouns
            or token.lemma_.lower() in self.cues.partnership_nouns
            or _hyphenated_word(token) in self.cues.partnership_nouns
        )

    def _is_cue_noun(self, token: Token) -> bool:
        """A partnership noun, or a noun it modifies: 'a joint-venture battery factory'."""
        if token.pos_ not in {"NOUN", "PROPN"} or token.lower_ in self.cues.not_cue_nouns:
            return False
        return self._is_partnership_noun(token) or bool(self._venture_modifiers(token))

    def _is_open_noun(self, noun: Token) -> bool:
        """A partnership by itself ('venture'), not an agreement that may be with anyone."""
        words = {noun.lemma_.lower(), _hyphenated_word(noun)}
        open_nouns = self.cues.open_partnership_nouns
        return not words.isdisjoint(open_nouns) or bool(self._venture_modifiers(noun))

    def _venture_modifiers(self, noun: Token) -> list[Token]:
        """'a joint-venture battery factory', 'their joint program' (not 'a joint statement')."""
        joint = noun.lemma_.lower() in self.cues.joint_nouns
        return [
            c
            for c in noun.lefts
            if c.dep_ in {"compound", "amod", "nmod"}
            and (
                c.lower_ in self.cues.open_partnership_nouns
                or (joint and c.lower_ in self.cues.joint_words)
            )
        ]

    def _governed_by_cue_verb(self, noun: Token) -> bool:
        head = (
            noun.head.head if noun.head.dep_ == "prep" and noun.head.lower_ == "into" else noun.head
        )
        return (
            head.i != noun.i and self._is_cue_verb(head) and noun in self._agreement_objects(head)
        )

    # ------------------------------------------------------------ verb cues

    def _verb(self, verb: Token) -> Iterator[list[TextSpan]]:
        lemma = verb.lemma_.lower()
        agents = [t for a in verb.children if a.dep_ == "agent" for t in a.children]
        # "owned 75% by PIF and 25% by Saudi Electricity Company": each share's owner
        shares = [c for c in verb.children if c.dep_ == "conj" and c.pos_ != "VERB"]
        agents += [t for c in shares for p in preps(c, "by") for t in p.children]
        withs = self._with_parties(verb)
        between = self.reader.prep_parties(verb, "between")
        if _is_passive(verb) and agents:
            subjects = [p for a in agents for p in self.reader.parties(a)]
            if lemma in self.cues.co_ownership_verbs and len(subjects) < 2:
                return
            yield from combine(subjects, withs, between, single_body=True)
            return
        if lemma in self.cues.co_ownership_verbs and not (
            self._agreement_objects(verb) or self._builds_one_thing(verb)
        ):
            return  # "GM, which owns Cruise": an owner alone is a shareholder
        heads = subject_heads(verb)
        subjects = [p for h in heads for p in self.reader.parties(h)]
        coordinated = self._coordination_before_verb(verb)
        own = any(c.dep_ in SUBJECTS for c in verb.children)
        if len(coordinated) >= 2 or not heads or (coordinated and not own):
            # "A and B have signed", "... Evie Networks has signed" parsed as an object of
            # the clause before: the words say more than the parse
            subjects = coordinated
        collective = any(h.lemma_.lower() in self.cues.collective_nouns for h in heads)
        venture = any(
            o.lemma_.lower() in self.cues.venture_nouns and o.tag_ != "NNS"
            for o in self._agreement_objects(verb)
        )
        named = self._venture_names(verb)  # "launched Horse Powertrain, a joint venture"
        subjects = [p for p in subjects if p.start not in named]
        withs = [p for p in withs if p.start not in named]
        # "A and B signed deals with a startup": with someone unnamed, not with each other
        mutual = not any(preps(h, "with") for h in [verb, *self._agreement_objects(verb)])
        one_body = collective or venture or self._signed_together(verb, subjects)
        yield from combine(subjects, withs, between, one_body, mutual)

    def _signed_together(self, verb: Token, subjects: list[TextSpan]) -> bool:
        """'Hyundai and Kia signed an agreement with Exide': several signers of one agreement
        with a partner are one party to it, not each a deal of its own ('each signed a deal
        with CATL', 'signed contracts with SK On' are one deal per signer)."""
        objects = self._agreement_objects(verb)
        if len(_distinct(subjects)) < 2 or not objects or any(o.tag_ != "NN" for o in objects):
            return False
        return not any(t.lower_ in self.cues.distributive_words for t in verb.subtree)

    def _venture_names(self, verb: Token) -> set[int]:
        """Where the names of what the cue forms start: the venture is not its own partner."""
        objects = self._agreement_objects(verb)
        tokens = [t for o in objects for t in (o, *o.children) if t.dep_ != "prep"]
        tokens += [o.head for o in objects if o.dep_ == "appos"]
        return {e.start_char for t in tokens if (e := self.index.at(t)) is not None}

    def _coordination_before_verb(self, verb: Token) -> list[TextSpan]:
        """'In Spain, CATL and Stellantis are forming ...', parsed without a subject: the
        names coordinated right before the verb and its auxiliaries."""
        i, tokens = verb.i, doc_tokens(verb.doc)
        while i > 0 and tokens[i - 1].pos_ in {"AUX", "ADV", "PART"} and not tokens[i - 1].ent_type:
            i -= 1
        return self.reader.coordination_ending_at(i, least=1)

    def _with_parties(self, head: Token) -> list[TextSpan]:
        """Parties of 'with' phrases on the verb, its object, or an 'together with'."""
        holders = [head, *self._agreement_objects(head)]
        holders += self._together_words(head)
        builds = self.cues.together_verbs | self.cues.co_ownership_verbs
        if head.lemma_.lower() in builds:  # "building a plant with IBC", "owns a plant with"
            holders += [o for o in head.children if o.dep_ == "dobj" and self._is_joint_site(o)]
            # "building a plant in the same province with IBC": hung on the place
            holders += [t for p in preps(head, "in", "at") for t in p.children]
        parties = [p for h in holders for p in self.reader.prep_parties(h, "with")]
        if parties or not any(preps(h, "with") for h in holders):
            return parties
        return self._listed_after_colon(head)

    def _together_words(self, verb: Token) -> list[Token]:
        """'together' or 'jointly' in the verb's own clause, wherever the parser hung it."""
        return [
            t
            for t in verb.subtree
            if t.lower_ in self.cues.together_words and verb_above(t.head) == verb
        ]

    def _listed_after_colon(self, verb: Token) -> list[TextSpan]:
        """'partnered with five carmakers to supply cells: Volkswagen, GM, ...'."""
        colon = next((t for t in verb.subtree if t.text == ":" and t.i > verb.i), None)
        if colon is None:
            return []
        end = max(t.i for t in verb.subtree) + 1
        return [self.reader.party(e) for e in self.index.in_range(colon.i + 1, end, ORG_TYPES)]

    # ------------------------------------------------------------ noun cues

    def _noun(self, noun: Token) -> Iterator[list[TextSpan]]:
        withs = self.reader.prep_parties(noun, "with")
        between = self.reader.prep_parties(noun, "between")
        # "the joint venture of Ganfeng Lithium and Lithium Argentina", "an alliance of A, B and C"
        of_parties = {noun.lemma_.lower(), _hyphenated_word(noun)} & self.cues.of_party_nouns
        if self._is_venture(noun) or (of_parties and noun.tag_ != "NNS"):
            between += self.reader.prep_parties(noun, "of")
        compounds = self._hyphenated_names(noun)
        if len(compounds) >= 2:
            yield compounds
        # "an agreement between A and B", "the joint venture of A and B": all its parties
        owners = self._owners(noun) if not between or _possessors(noun) else []
        if not (withs or between):
            if self._is_open_noun(noun) and _possessors(noun):
                yield owners  # "GM and LG Energy Solution's joint venture"
            yield from self._parties_of_terms(noun)
            if self._is_venture(noun):
                yield from self._owners_by_share(noun)
            return
        if not owners and noun.lower_ in self.cues.in_partnership_nouns and withs:
            owners = self._others_in_clause(noun, withs)
        if not owners and withs:
            owners = self._speaker(noun)
        single_body = self._is_venture(noun)
        if single_body:  # "Ceer, a joint venture between PIF and Foxconn": Ceer is the venture
            named = {e.start_char for e in self._venture_names_of(noun)}
            owners, withs, between = (
                [p for p in parties if p.start not in named] for parties in (owners, withs, between)
            )
            if withs and not owners:
                owners = self._parents_in_name(noun, withs)
        yield from combine(owners, withs, between, single_body)

    def _parties_of_terms(self, noun: Token) -> Iterator[list[TextSpan]]:
        """'a deal under which Codelco and SQM will share operations', 'an agreement whereby
        Tata and Agratas build cells': the signers are the clause's two or more subjects."""
        for clause in (c for c in noun.children if c.dep_ == "relcl"):
            relative = [
                t
                for t in clause.children
                if t.lower_ == "whereby"
                or (t.dep_ == "prep" and any(c.lower_ == "which" for c in t.children))
            ]
            if relative:
                subjects = self._coordination_before_verb(clause) or [
                    p for h in subject_heads(clause) for p in self.reader.parties(h)
                ]
                if len(_distinct(subjects)) >= 2:
                    yield subjects

    def _owners_by_share(self, noun: Token) -> Iterator[list[TextSpan]]:
        """'a joint venture owned 75% by PIF and 25% by Saudi Electricity Company': its
        owners, each by its share, whether the parser hangs 'owned' on the venture or the
        venture on 'owned'."""
        verbs = [c for c in noun.children if c.dep_ == "acl"]
        if noun.dep_ in SUBJECTS:
            verbs.append(noun.head)
        for verb in verbs:
            if verb.lemma_.lower() not in self.cues.co_ownership_verbs:
                continue
            shares = [verb, *(c for c in verb.children if c.dep_ == "conj" and c.pos_ != "VERB")]
            by = [
                p
                for s in shares
                for p in (*preps(s, "by"), *(c for c in s.children if c.dep_ == "agent"))
            ]
            owners = [party for p in by for t in p.children for party in self.reader.parties(t)]
            if len(_distinct(owners)) >= 2:
                yield owners

    def _is_venture(self, noun: Token) -> bool:
        """One body formed by its partners: 'a joint venture', not 'joint ventures'."""
        return noun.tag_ != "NNS" and (
            noun.lemma_.lower() in self.cues.venture_nouns or bool(self._venture_modifiers(noun))
        )

    def _venture_names_of(self, noun: Token) -> list[Span]:
        """The venture's own names: in apposition to the noun ('Ceer, a joint venture ...')
        or to its partner ('its venture with LGES, L-H Battery Co.')."""
        appositions = [c for c in noun.children if c.dep_ == "appos"]
        partners = [c for p in preps(noun, "with") for c in p.children]
        appositions += [c for p in partners for c in p.children if c.dep_ == "appos"]
        named = [
            e
            for a in appositions
            for e in self.index.in_range(a.left_edge.i, a.right_edge.i + 1, ORG_TYPES)
        ]
        described = noun
        while described.dep_ == "conj":
            described = described.head
        if described.dep_ == "appos" and (e := self.index.at(described.head)) is not None:
            named.append(e)
        return named

    def _parents_in_name(self, noun: Token, partners: list[TextSpan]) -> list[TextSpan]:
        """'GAC Toyota, the joint venture with GAC': a venture named after its parents has
        the other parent in its name, when the article also names that company by itself."""
        ventures = self._venture_names_of(noun)
        starts = {p.start for p in partners} | {v.start_char for v in ventures}
        # not the partner, nor the venture itself named elsewhere ('Ultium Cells LLC')
        taken = {e._.get(ENTITY_ID) for e in self.index.entities if e.start_char in starts}
        taken.discard(None)
        parents: list[TextSpan] = []
        for word in (w for v in ventures for w in v.text.replace("-", " ").split()):
            if any(same_name(word, p.text) for p in partners):
                continue
            parent = next(
                (
                    e
                    for e in self.index.entities
                    if e.label_ in ORG_TYPES
                    and e.text.split()[0] == word
                    and e._.get(ENTITY_ID) not in taken
                    and not any(name_key(e.text) == name_key(v.text) for v in ventures)
                ),
                None,
            )
            parents += [self.reader.party(parent)] if parent is not None else []
        return parents

    def _owners(self, noun: Token) -> list[TextSpan]:
        """'its venture with GM', else the subject of the clause the noun is an object in."""
        possessors = _possessors(noun)
        if possessors:
            skip = noun.head if noun.dep_ == "appos" else None
            owners = [p for c in possessors for p in self.reader.parties(c, skip)]
            return max(owners, self._coordinated_possessors(possessors), key=len)
        verb = noun
        while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
            verb = verb.head
        if verb.i == noun.i:
            return []
        if noun.dep_ in SUBJECTS:
            # "Nio ... and has partnership deals with Changan", parsed with "deals" as a
            # subject: the partner is the subject of the clause this one continues.
            if verb.dep_ not in INHERITS_SUBJECT or verb.head.i == verb.i:
                return []
            verb = verb.head
        return [p for h in subject_heads(verb, exclude=noun) for p in self.reader.parties(h)]

    def _speaker(self, noun: Token) -> list[TextSpan]:
        """'Azuma said the partnership with Idemitsu Kosan remained on track', 'Kim, chief
        executive, said new deals with Mercedes-Benz would support sales': the company that
        speaks of them (a person through their role) is their other party."""
        verb = verb_above(noun)
        if verb is None or verb.dep_ != "ccomp" or verb.head.lemma_ not in self.cues.speech_verbs:
            return []
        companies = {e.start_char for e in self.index.entities if e.label_ == "company"}
        speakers = [p for h in subject_heads(verb.head) for p in self.reader.parties(h)]
        return [p for p in speakers if p.start in companies]  # not "Reuters said ..."

    def _coordinated_possessors(self, possessors: list[Token]) -> list[TextSpan]:
        """'GM and LG Energy Solution's joint venture', however the parser joined them."""
        markers = [c for p in possessors for t in (p, *p.conjuncts) for c in t.children]
        markers = [m for m in markers if m.dep_ == "case"]
        return [p for m in markers for p in self.reader.coordination_ending_at(m.i)]

    def _others_in_clause(self, noun: Token, withs: list[TextSpan]) -> list[TextSpan]:
        """'built on the grounds of Hyundai Motor Group's Meta Plant in partnership with LGES'."""
        verb = noun.head.head if noun.head.dep_ == "prep" else noun.head
        taken = {p.start for p in withs}
        tokens = sorted(t.i for t in verb.subtree)
        entities = self.index.in_range(tokens[0], tokens[-1] + 1, ORG_TYPES)
        return [self.reader.party(e) for e in entities if e.start_char not in taken]

    def _hyphenated_names(self, noun: Token) -> list[TextSpan]:
        """'the Ford-SK On battery venture': names joined by a hyphen before the noun."""
        left = [t for t in noun.lefts if t.dep_ in {"compound", "nmod", "amod"}]
        if not left:
            return []
        start = min(t.left_edge.i for t in left)
        entities = self.index.in_range(start, noun.i, ORG_TYPES)
        tokens = doc_tokens(noun.doc)
        joined = all(
            tokens[a.end].text in {"-", "–"} and b.start == a.end + 1 for a, b in pairwise(entities)
        )
        return [self.reader.party(e) for e in entities] if joined and len(entities) >= 2 else []

    # ------------------------------------------------------------ combining

    def _coordinated_before_cue(self, sentence: Span) -> Iterator[list[TextSpan]]:
        """'Nio and CATL join forces', 'Stellantis and Leapmotor Partner to ...' (headlines)."""
        for token in span_tokens(sentence):
            if self._is_cue_word(token):
                parties = self.reader.coordination_ending_at(token.i)
                if len(parties) >= 2:
                    yield parties

    def _is_cue_word(self, token: Token) -> bool:
        verb = _cue_verb(token.lower_, self.cues.partnership_verbs)
        if verb is None:
            return False
        particles = self.cues.partnership_particles.get(verb)
        tokens = doc_tokens(token.doc)
        return particles is None or (
            token.i + 1 < len(tokens) and tokens[token.i + 1].lower_ in particles
        )


def _may_be_a_cue(token: Token) -> bool:
    """Whether `_PartyScan._cue` can find anything at the token: most tokens are no verb,
    noun or joint site and need not be read further."""
    return token.pos_ in _CUE_POS or token.tag_ == "NN" or token.lemma_.lower() == "bring"


@lru_cache(maxsize=1 << 16)
def _cue_verb(word: str, verbs: frozenset[str]) -> str | None:
    """The partnership verb a word is a form of: 'partners', 'teamed' (once per word, in a
    bounded cache: most words are none, and a corpus's words are many)."""
    stems = {word, word.removesuffix("s"), word.removesuffix("ed"), word.removesuffix("ing")}
    return next((v for v in stems if v in verbs), None)


def _possessors(noun: Token) -> list[Token]:
    """'its venture'; 'Samsung SDI and Stellantis' venture', parsed as a modifier list that
    ends in a possessive."""
    return [
        c
        for c in noun.children
        if c.dep_ == "poss"
        or (
            c.dep_ in {"nmod", "compound"}
            and any(m.dep_ == "case" for t in (c, *c.conjuncts) for m in t.children)
        )
    ]


def _is_passive(verb: Token) -> bool:
    return verb.tag_ == "VBN" and (
        any(c.dep_ in {"auxpass", "agent", "nsubjpass"} for c in verb.children)
        or verb.dep_ in {"acl", "relcl"}
    )


def _hyphenated_word(token: Token) -> str:
    """'tie-up' for the 'up' of 'tie-up', which the tokenizer splits in three; else ''."""
    tokens, i = doc_tokens(token.doc), token.i
    if i < 2 or tokens[i - 1].text != "-" or tokens[i - 1].whitespace_:
        return ""
    first = tokens[i - 2]
    return f"{first.lower_}-{token.lower_}" if first.is_alpha and not first.whitespace_ else ""
