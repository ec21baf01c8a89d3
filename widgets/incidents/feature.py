"""Feature installer: the incident list dock, the incident detail panel in the
inspector, and the outbox badge in the status bar."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QWidget

from layers.base import Hit
from widgets.incidents.list_widget import IncidentListWidget, OutboxBadge
from widgets.incidents.panel import IncidentPanel
from widgets.record_items import keep_fresh, show_item, zoom_to

if TYPE_CHECKING:
    from widgets.shell import FeatureShell


def install(shell: FeatureShell) -> None:
    app = shell.app

    def factory(hit: Hit) -> QWidget | None:
        return IncidentPanel(app, hit.item_id, lambda lid, iid: show_item(shell, lid, iid))

    shell.inspector.register_panel("incidents", factory)
    keep_fresh(shell, "incidents")
    listing = IncidentListWidget(app.incidents, app.clock, app.outbox)
    listing.incident_activated.connect(lambda iid: show_item(shell, "incidents", iid))
    listing.zoom_requested.connect(lambda iid: zoom_to(shell, "incidents", iid))
    shell.services.incident_list = listing
    dock = shell.add_dock(
        listing,
        "incidentListDock",
        QCoreApplication.translate("IncidentListWidget", "Incidents"),
        Qt.DockWidgetArea.LeftDockWidgetArea,
    )
    # a tab beside the layer panel: the map keeps its size (the lead arranges the final
    # layout of the shared docks); View > Panels > Incidents brings it up
    layers_dock = shell.find_dock("layersDock")
    if layers_dock is not None:
        shell.tabify(layers_dock, dock)
        QTimer.singleShot(0, layers_dock.raise_)  # after every feature added its docks
    badge = OutboxBadge(app.outbox)
    shell.status.addPermanentWidget(badge)

    def teardown() -> None:
        shell.inspector.clear_panels()
        listing.close_widget()
        badge.close_badge()

    shell.on_close(teardown)
