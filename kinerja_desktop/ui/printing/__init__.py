"""Printing in the GUI: the preview (QtPdf) with its options, the printer, saving, batches, the buttons."""
