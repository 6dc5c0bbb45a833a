"""Scale: the batch engines (local processes, Dask), partitions, outputs and live feeds.

See ``docs/scale.md``. :func:`frontwatch.batch.engine.run_batch` is the entry point that
``frontwatch batch`` and :meth:`frontwatch.api.Frontwatch.batch` call.
"""
