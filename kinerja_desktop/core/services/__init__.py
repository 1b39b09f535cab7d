"""One module per capability; each checks permissions and writes the audit log."""
