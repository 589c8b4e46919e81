"""The builder steps of ``ActorIndex.build``, in the order they run.

Each step is a function of the index that adds or amends actors; later steps see what earlier
ones found (organisations skip tokens claimed by people's names and titles; descriptions resolve
against every named actor). A new step is one function in a module of this package and one row
here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from parley.nlp.rules.actors.acting_countries import add_countries, set_main_country
from parley.nlp.rules.actors.descriptions import add_descriptions, infer_gender
from parley.nlp.rules.actors.finish import finish
from parley.nlp.rules.actors.organisations import (
    add_governments,
    add_listed_mentions,
    add_organisations,
    merge_people_into_orgs,
)
from parley.nlp.rules.actors.people import add_people
from parley.nlp.rules.actors.surnames import (
    add_untagged_surnames,
    repair_surnames_tagged_otherwise,
)

if TYPE_CHECKING:
    from parley.nlp.rules.actors.index import ActorIndex

Step = Callable[["ActorIndex"], None]

#: (name, step) in the order ``ActorIndex.build`` runs them.
BUILD_STEPS: tuple[tuple[str, Step], ...] = (
    ("main country", set_main_country),
    ("people", add_people),
    ("surnames tagged otherwise", repair_surnames_tagged_otherwise),
    ("surnames left untagged", add_untagged_surnames),
    ("organisations", add_organisations),
    ("listed organisations", add_listed_mentions),
    ("people that are organisations", merge_people_into_orgs),
    ("acting countries", add_countries),
    ("governments", add_governments),
    ("descriptions", add_descriptions),
    ("gender", infer_gender),
    ("finish", finish),
)
