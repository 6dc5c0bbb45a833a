"""Reconciliation: one control timeline per place from many disagreeing sources.

- :mod:`~frontwatch.reconcile.weights` — how much a claim counts (modality, precision, hierarchy, denials)
- :mod:`~frontwatch.reconcile.table` — claim rows as columns; hierarchy copies
- :mod:`~frontwatch.reconcile.timeline` — vectorised per-place, per-day control states
- :mod:`~frontwatch.reconcile.truth` — source reliability (CRH truth discovery) iterated with the timeline
- :mod:`~frontwatch.reconcile.engine` / :mod:`~frontwatch.reconcile.persist` — run it and store it
- :mod:`~frontwatch.reconcile.index` — status, timeline, map state and sources from the store
- :mod:`~frontwatch.reconcile.merge` — one event from many reports of it
- :mod:`~frontwatch.reconcile.simulate` / :mod:`~frontwatch.reconcile.evaluate` — ground truth and figures
"""
