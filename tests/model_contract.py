"""Qt's checker of the item-model contract on a list model that sits behind a proxy."""

from __future__ import annotations


def check_ahead_of_proxy(qtmodeltester, model, proxy) -> None:
    """Attach pytest-qt's `qtmodeltester` (Qt's QAbstractItemModelTester: any breach of
    the contract fails the test) to `model`, connected before `proxy`.

    Why before: a slot that changes the model again while a change is being announced
    (the selection model reports a removed row from inside `rowsAboutToBeRemoved`) runs
    inside the proxy's handler. A checker connected after the proxy hears of the outer
    change only once the inner one is over and sees nothing wrong; connected first, it
    sees the second change begin while the first is in flight."""
    proxy.setSourceModel(None)
    qtmodeltester.check(model)
    proxy.setSourceModel(model)
