"""Feature installer: the incident list dock, the incident detail panel in the
inspector, and the outbox badge in the status bar."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QWidget

from layers.base import Hit
from widgets.incidents.list_widget import IncidentListWidget, OutboxBadge
from widgets.incidents.panel import IncidentPanel
from widgets.record_items import keep_fresh, zoom_to
from widgets.selection_sync import follow_list

if TYPE_CHECKING:
    from widgets.shell import FeatureShell


def install(shell: FeatureShell) -> None:
    app = shell.app

    def factory(hit: Hit) -> QWidget | None:
        # a nearby camera, station or incident is a drill-down: "← Back" returns here
        return IncidentPanel(app, hit.item_id, shell.inspector.drill_down)

    shell.inspector.register_panel("incidents", factory)
    keep_fresh(shell, "incidents")
    listing = IncidentListWidget(app.incidents, app.clock, app.outbox)
    # a row picked in the list is selected everywhere (map halo, inspector), and the
    # list follows a selection made elsewhere
    follow_list(shell, listing.table, "incidents", listing.id_at, listing.index_of)
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
