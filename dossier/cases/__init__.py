"""Stage 7, assemble cases: each person's facts from every article merged into one timeline.

``merge`` makes events of facts, ``stories`` tells re-published texts apart from
independent reports, ``timeline`` orders events and gives a case's status,
``ledger`` pairs the two sides of each exchange, ``statements`` groups quotations.
"""
