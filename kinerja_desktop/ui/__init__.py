"""Qt widgets, pages, dialogs and models; calls into core, never the reverse."""
