"""Deals for `evextract_relations`: one party gives, another takes, under an agreement.

A helper of `partnerships.py`. A supply deal counts when a deal is named ("LGES will
supply cells to GM under a long-term agreement", "signed a deal to supply batteries
to Ford", "BMW sources cells from CATL under a supply contract"); a licence counts
by itself ("Ford will license CATL's technology", "CATL will license its technology
to Ford", "cells made with technology licensed from CATL"). Each giver pairs with
each taker.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from spacy.tokens import Token

from ..canonical import name_key
from ..relations import RelationCues, TextSpan
from .parties import PartyReader, combine, preps, subject_heads, verb_above
from .references import ORG_TYPES, is_modifier


class DealReader:
    def __init__(
        self,
        cues: RelationCues,
        reader: PartyReader,
        is_deal_noun: Callable[[Token], bool],
    ) -> None:
        self.cues, self.reader, self.is_deal_noun = cues, reader, is_deal_noun

    def __call__(self, verb: Token) -> Iterator[list[TextSpan]]:
        lemma = verb.lemma_.lower()
        if lemma in self.cues.supply_verbs:
            yield from self._supply(verb)
        elif lemma in self.cues.making_verbs:
            yield from self._making_for(verb)
        elif lemma in self.cues.winning_verbs:
            yield from self._order(verb)
        elif lemma in self.cues.licence_verbs:
            yield from self._licence(verb)
        elif lemma in self.cues.sourcing_verbs:
            yield from self._sourcing(verb)

    def _names_deal(self, verb: Token) -> bool:
        """'a deal to supply', 'supply ... under a long-term agreement'."""
        deal = verb.head if verb.dep_ in {"acl", "relcl"} else None
        return (deal is not None and self.is_deal_noun(deal)) or any(
            self.is_deal_noun(t) for t in verb.subtree
        )

    def _supply(self, verb: Token) -> Iterator[list[TextSpan]]:
        """Without a deal named, a supply is no partnership."""
        if not self._names_deal(verb):
            return
        deal = verb.head if verb.dep_ in {"acl", "relcl"} else None
        heads = subject_heads(verb)
        if deal is not None and heads == [deal]:
            above = verb_above(deal)
            heads = subject_heads(above) if above is not None else []
        suppliers = [p for h in heads for p in self.reader.parties(h)]
        # "to supply cobalt to Renault": the parser calls that "to" a dative as often as not
        buyers = [
            p
            for c in verb.children
            if c.dep_ in {"prep", "dative"} and c.lower_ == "to"
            for o in c.children
            for p in self.reader.parties(o)
        ]
        buyers += self._supplied(verb)
        yield from combine(suppliers, buyers, [], single_body=False)

    def _supplied(self, verb: Token) -> list[TextSpan]:
        """'will supply Automotive Cells Company with cathode': a company as the object is
        the one supplied (goods are never a company's name)."""
        named = [
            o
            for o in verb.children
            if o.dep_ == "dobj"
            and (e := self.reader.index.at(o)) is not None
            and e.label_ in ORG_TYPES
        ]
        return [p for o in named for p in self.reader.parties(o)]

    def _making_for(self, verb: Token) -> Iterator[list[TextSpan]]:
        """'LGES will make cells for Ampere under a supply deal': made for a named buyer
        under a named deal; without the deal, making for someone is no partnership."""
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        buyers = [p for h in (verb, *objects) for p in self.reader.prep_parties(h, "for")]
        if not buyers or not self._names_deal(verb):
            return
        makers = [p for h in subject_heads(verb) for p in self.reader.parties(h)]
        yield from combine(makers, buyers, [], single_body=False)

    def _order(self, verb: Token) -> Iterator[list[TextSpan]]:
        """'New Flyer won a 120-bus order from King County Metro': the winner supplies the
        one it comes from. An order from no one named is no partnership."""
        orders = [
            c
            for c in verb.children
            if c.dep_ == "dobj" and c.lemma_.lower() in self.cues.order_nouns
        ]
        # "an order for 115 buses from Go-Ahead Group": the parser hangs "from" on the buses
        ordered = [o for order in orders for p in preps(order, "for") for o in p.children]
        buyers = [p for h in (verb, *orders, *ordered) for p in self.reader.prep_parties(h, "from")]
        if not orders or not buyers:
            return
        sellers = [p for h in subject_heads(verb) for p in self.reader.parties(h)]
        yield from combine(sellers, buyers, [], single_body=False)

    def _sourcing(self, verb: Token) -> Iterator[list[TextSpan]]:
        """'BMW buys cells from CATL under a supply contract'; 'the cells come from CATL and
        EVE Energy under supply contracts', where the buyer is the company just named. A
        stake bought from someone is no deal."""
        sellers = self.reader.prep_parties(verb, "from")
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        if not sellers or not self._names_deal(verb):
            return
        if any(o.lemma_.lower() in self.cues.holding_nouns for o in objects):
            return
        buyers = [p for h in subject_heads(verb) for p in self.reader.parties(h)]
        yield from combine(buyers or self._implied_buyer(verb, sellers), sellers, [], False)

    def _implied_buyer(self, verb: Token, sellers: list[TextSpan]) -> list[TextSpan]:
        """The company named last before the clause, in its sentence or the one before."""
        index, start = self.reader.index, verb.left_edge.i
        taken = {name_key(p.text) for p in sellers}
        first = index.sentence_number(start) - 1
        for entity in reversed(index.entities):
            if entity.end > start or entity.label_ != "company" or is_modifier(entity.root):
                continue
            if index.sentence_number(entity.start) < first:
                return []
            if name_key(entity.text) not in taken:
                return [self.reader.party(entity)]
        return []

    def _licence(self, verb: Token) -> Iterator[list[TextSpan]]:
        """The licensor gives to a 'to' phrase, or the licensee takes 'from' someone or
        someone's technology."""
        receivers = self.reader.prep_parties(verb, "to")
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        owners = [
            p for o in objects for c in o.children if c.dep_ == "poss" for p in self._named(c)
        ]
        if receivers:
            givers = self._subjects(verb)
        else:
            givers = self.reader.prep_parties(verb, "from") + owners
            receivers = self._subjects(verb)
        yield from combine(receivers, givers, [], single_body=False)

    def _subjects(self, verb: Token) -> list[TextSpan]:
        """Who licenses: the verb's subject; for 'technology licensed from CATL', the
        subject of the clause above, or the owner of it ('Its plant will make cells ...')."""
        if verb.dep_ not in {"acl", "relcl"}:
            return [p for h in subject_heads(verb) for p in self._owned(h)]
        for above in verb.head.ancestors:
            if above.pos_ in {"VERB", "AUX"}:
                found = [p for h in subject_heads(above) for p in self._owned(h)]
                if found:
                    return found
        return []

    def _owned(self, head: Token) -> list[TextSpan]:
        """The parties a phrase names, else those of its possessor: 'Ford's plant'."""
        parties = self.reader.parties(head)
        if parties:
            return parties
        return [p for c in head.children if c.dep_ == "poss" for p in self.reader.parties(c)]

    def _named(self, possessor: Token) -> list[TextSpan]:
        """A possessor's parties: a name ('CATL's'), not 'its' (the licensor itself)."""
        return self.reader.parties(possessor) if possessor.lower_ != "its" else []
