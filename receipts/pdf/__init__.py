"""PDF documents (reportlab): packing lists, harvest totals, collection sheets, bag labels.

Builders take plain records from :mod:`receipts.pdf.model` and return the PDF as bytes;
the same input always gives the same bytes (reportlab's invariant mode plus a creation
date that is passed in), so tests can compare files.
"""
