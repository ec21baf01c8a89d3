"""The incident list: live rows from the store, filters by status / type / age, badge."""

from __future__ import annotations

from dataclasses import replace

from console.app import ConsoleApp
from console.model.incident import Incident
from console.settings import Settings
from tests.builders import an_incident
from widgets.incidents.list_widget import IncidentListWidget


def make(id_: str, kind: str, status: str, age_h: float, now: float) -> Incident:
    t = now - age_h * 3600
    return an_incident(id=id_, type=kind, severity="medium", status=status, title=id_,
                       reported_at=t, updated_at=t)


def test_filters_and_live_updates(qtbot):
    app = ConsoleApp(Settings(backend_url="http://127.0.0.1:9"))
    now = 2_000_000_000.0
    app.clock.observe(now)
    app.clock.speed = 0.0  # time stands still for the test
    listing = IncidentListWidget(app.incidents, app.clock, app.outbox)
    qtbot.addWidget(listing)
    app.incidents.apply(
        [
            make("fire-new", "fire", "new", 0.5, now),
            make("flood-ack", "flooding", "acknowledged", 3, now),
            make("fire-old", "fire", "assigned", 30, now),
            make("flood-done", "flooding", "resolved", 2, now),
        ]
    )
    assert sorted(listing.visible_ids()) == ["fire-new", "fire-old", "flood-ack"]  # open
    assert listing.count_label.text() == "3 of 4 incidents"

    listing.type_combo.setCurrentIndex(listing.type_combo.findData("fire"))
    assert sorted(listing.visible_ids()) == ["fire-new", "fire-old"]
    listing.age_combo.setCurrentIndex(listing.age_combo.findData(6))
    assert listing.visible_ids() == ["fire-new"]
    listing.type_combo.setCurrentIndex(0)
    listing.status_combo.setCurrentIndex(listing.status_combo.findText("All statuses"))
    assert sorted(listing.visible_ids()) == ["fire-new", "flood-ack", "flood-done"]

    # live: a new incident appears, a resolved one leaves the "Open" view
    listing.age_combo.setCurrentIndex(0)
    listing.status_combo.setCurrentIndex(0)
    app.incidents.apply([make("crash", "traffic_accident", "new", 0.1, now)])
    assert "crash" in listing.visible_ids()
    resolved = replace(app.incidents.get("fire-new"), status="resolved", version=2)
    app.incidents.apply([resolved])
    assert "fire-new" not in listing.visible_ids()

    # selecting a row asks for it to be inspected; zoom is offered
    seen: list[str] = []
    listing.incident_activated.connect(seen.append)
    assert listing.select("crash")
    assert seen == ["crash"] and listing.zoom_button.isEnabled()
    listing.close_widget()
    app.outbox.close()


def test_what_needs_acting_on_comes_first(qtbot):
    """By default the most severe incidents lead, new before handled, newest first: by
    age alone, a new critical incident sat 18 rows down under newer low ones."""
    app = ConsoleApp(Settings(backend_url="http://127.0.0.1:9"))
    now = 2_000_000_000.0
    app.clock.observe(now)
    app.clock.speed = 0.0
    listing = IncidentListWidget(app.incidents, app.clock, app.outbox)
    qtbot.addWidget(listing)

    def incident(id_: str, severity: str, status: str, age_h: float) -> Incident:
        return replace(make(id_, "fire", status, age_h, now), severity=severity)

    app.incidents.apply([
        incident("low-fresh", "low", "new", 0.1),
        incident("medium-new", "medium", "new", 0.5),
        incident("critical-handled", "critical", "assigned", 1),
        incident("critical-old-new", "critical", "new", 5),
        incident("critical-new", "critical", "new", 2),
    ])
    assert listing.visible_ids() == ["critical-new", "critical-old-new", "critical-handled",
                                     "medium-new", "low-fresh"]
    listing.close_widget()
    app.outbox.close()
