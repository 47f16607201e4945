"""Everything printed: receipt and label layout, ESC/POS output, PDFs. No Qt, no SQL."""
