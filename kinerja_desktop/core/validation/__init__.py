"""The rules a row obeys however it arrives: typed in a form, read from a roster, or from a package.

One module per kind of row (``pegawai``, ``unit``, ``pelatihan``, ``skp``, ``rhk``, ``realisasi``,
``evaluasi``), each a set of pure checks over plain values returning ``Masalah`` (the column and an
Indonesian message); ``base`` holds the building blocks (text lengths, known codes), ``tables`` the
rules of every travelling table by name. Services call them on what a form hands in and keep the
first message; the roster and package planners call them per row and place each message at its
sheet, row and column. Rules that need other rows (a final evaluation needs an approved SKP) are
checked where those rows are: the services against the database, the package planner against the
package and the database.
"""
