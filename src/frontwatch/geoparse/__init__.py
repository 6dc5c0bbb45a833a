"""Geoparsing: recognise place names in a report, resolve them in context, relate them."""
