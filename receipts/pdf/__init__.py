"""PDF documents (reportlab): lists, labels and the end-of-day report."""
