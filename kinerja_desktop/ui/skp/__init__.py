"""SKP planning screens: the year's list, the editor and its dialogs."""
