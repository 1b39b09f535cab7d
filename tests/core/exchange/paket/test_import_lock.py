"""Two staff importing the same office's package on one server: the second is refused, not raced."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import text

from kinerja_desktop.core.errors import KnownError
from kinerja_desktop.core.exchange.paket.apply import apply_plan
from kinerja_desktop.core.exchange.paket.import_lock import lock_key
from kinerja_desktop.core.exchange.paket.plan.model import Aksi
from kinerja_desktop.core.services.access import SYSTEM
from kinerja_desktop.core.workspace import Workspace

Buka = Callable[[str], Workspace]


def test_the_lock_key_is_the_office_s_own_and_the_same_everywhere() -> None:
    assert lock_key("PLJ") == lock_key("plj") != lock_key("SKU")
    assert -(2**63) <= lock_key("PLJ") < 2**63
    assert lock_key("PLJ") == -3_618_197_263_636_710_328  # every PC computes the same key


def test_an_import_of_an_office_being_imported_elsewhere_is_refused(buka: Buka, sinkron: Any) -> None:
    pusat = buka("PUSAT")
    if pusat.engine.dialect.name != "postgresql":
        pytest.skip("advisory locks are a database server's; SQLite lets one writer in at a time")
    rencana_plj = sinkron.rencana(pusat, sinkron.paket(buka("PLJ")))
    rencana_sku = sinkron.rencana(pusat, sinkron.paket(buka("SKU")))
    with pusat.engine.connect() as staf_lain, staf_lain.begin():  # another PC importing PLJ right now
        staf_lain.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": lock_key("PLJ")})
        with pytest.raises(KnownError, match="sedang diimpor oleh staf lain") as ditolak:
            apply_plan(pusat, SYSTEM, rencana_plj)
        assert "buat rencana impor paket ini lagi" in (ditolak.value.saran or "")
        assert apply_plan(pusat, SYSTEM, rencana_sku).total(Aksi.BARU)  # another office goes on meanwhile
    assert apply_plan(pusat, SYSTEM, rencana_plj).total(Aksi.BARU)  # once the other import is over
