"""Events, actors and control claims: who did what, where, when, and who holds which place.

Modules: :mod:`.actors` (dictionary and matching), :mod:`.sentences` (splitting),
:mod:`.dates` (relative dates), :mod:`.modality` (asserted / reported / hearsay / questioned /
denied / hypothetical and the claimant), :mod:`.events` (ACLED and PLOVER types from verb
patterns), :mod:`.claims` (control claims), :mod:`.quotes` (quoted lines in comments) and
:mod:`.stage` (the ``extract`` pipeline stage).
"""
