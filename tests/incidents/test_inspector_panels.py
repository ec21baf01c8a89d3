"""The inspector's detail-panel registry: panels per layer id, stacked, disposed when
another hit is selected, and no panel for kinds without one."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtWidgets import QLabel

from layers.base import Hit
from widgets.inspector import Inspector


class Probe(QLabel):
    disposed: ClassVar[list[str]] = []

    def dispose(self) -> None:
        Probe.disposed.append(self.text())


def hit(layer: str, item: str) -> Hit:
    return Hit(layer, item, 0.0, f"{layer} {item}", [("Name", item)])


def test_panels_by_layer_are_created_stacked_and_disposed(qtbot):
    inspector = Inspector()
    qtbot.addWidget(inspector)
    inspector.show()
    Probe.disposed = []
    inspector.register_panel("cameras", lambda h: Probe(f"snapshot {h.item_id}"))
    inspector.register_panel("cameras", lambda h: Probe(f"extra {h.item_id}"))
    inspector.register_panel("stations", lambda _h: None)  # nothing to add for this one

    inspector.show_hits([hit("cameras", "c1"), hit("stations", "s1")])
    assert [p.text() for p in inspector.panels] == ["snapshot c1", "extra c1"]
    assert inspector.scroll.isVisible()
    assert [h.item_id for h in inspector.hits] == ["c1", "s1"]

    # choosing the second hit in the tree swaps the panels
    inspector.tree.setCurrentItem(inspector.tree.topLevelItem(1))
    assert inspector.panels == [] and not inspector.scroll.isVisible()
    assert Probe.disposed == ["snapshot c1", "extra c1"]
    assert inspector.selected_hit().item_id == "s1"

    inspector.show_hits([])
    assert inspector.heading.text() == "Nothing here."


def test_update_hit_refreshes_attributes_and_keeps_panels(qtbot):
    inspector = Inspector()
    qtbot.addWidget(inspector)
    inspector.register_panel("incidents", lambda h: Probe(h.item_id))
    inspector.show_hits([hit("incidents", "i1")])
    panel = inspector.panels[0]
    fresh = Hit("incidents", "i1", 0.0, "i1 (assigned)", [("Status", "Assigned")])
    assert inspector.update_hit(fresh)
    item = inspector.tree.topLevelItem(0)
    assert item.text(0) == "i1 (assigned)" and item.child(0).text(1) == "Assigned"
    assert inspector.panels == [panel]  # the operator's panel (and typing) survives
    assert not inspector.update_hit(hit("incidents", "other"))
