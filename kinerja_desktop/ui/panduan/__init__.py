"""The user guide (Panduan): Indonesian chapters shipped as Markdown, shown in a window of their own."""
