"""ConsoleApp: the one object widgets talk to.

Owns the settings, the backend connection (or the embedded demo backend process),
the job runner, the live feeds and the stores. Lives on the GUI thread; it never
blocks it: every network call goes through the runner.

Signals:
- `connected(str)`: the backend answered /health; polling has started, and the change
  stream is being opened (`push`: feeds switch to it while it works).
- `startup_failed(str)`: the embedded backend could not be started.
- `tails_loaded()`: recent track history was loaded into the vessel tails (or failed,
  in which case tails simply grow from live fixes).
- `summaries_answered()`: the first station summaries (rain sums, level trends) came
  back, or failed (logged); the first picture waits for it.
- `identity_changed()`: the backend said who this console is signed in as
  (`identity`: name, role, rights); until then `identity` is None.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from console.actions.outbox import Outbox
from console.backend_process import BackendProcess, start_demo_backend
from console.i18n import translate as _tr
from console.live.clock import SourceClock
from console.live.feeds import Feed, LiveFeeds
from console.live.push import PushFeeds
from console.live.runner import JobRunner
from console.model import decisions as records
from console.model.camera import Camera
from console.model.identity import Identity
from console.model.incident import Incident
from console.model.station import ObservationSeries, Station
from console.rules.server_alerts import ServerAlerts
from console.rules.setup import SummaryPoller, build_rules
from console.settings import Settings
from console.shared.actions import OperatorDecisions
from console.shared.decisions import SharedDecisions
from console.sources.errors import AuthError, BackendUnreachable, NotFound, SourceError
from console.sources.health import HealthBoard, watch_backend
from console.sources.pages import Page
from console.sources.rest_v1 import FleetTrackColumns, HealthInfo, RestClient
from console.stores.records import RecordStore
from console.stores.vessels import ChunkedApply, VesselStore
from console.storm.watch import StormWatch

if TYPE_CHECKING:
    from console.live.sta_source import SensorThingsSource

log = logging.getLogger(__name__)

FEED_NAMES = ("vessels", "stations", "cameras", "incidents")
# operators' decisions kept on the backend, polled like the collections (see _add_feeds)
DECISION_FEEDS = ("alert_decisions", "reports", "closures")  # as the stream names them


class ConsoleApp(QObject):
    connected = Signal(str)
    startup_failed = Signal(str)
    tails_loaded = Signal()
    summaries_answered = Signal()  # the first station summaries (rain sums) came back
    identity_changed = Signal()

    HEALTH_RETRY_MS = 300
    HEALTH_ATTEMPTS = 100
    # live collection page size: parsing one page holds the GIL for ~5 µs per item (10 µs
    # on a loaded machine; see RestClient._collection). Measured with 15,000 fixes/s on
    # offer: 1,000 → 11,600-11,900 applied/s, longest stall 66-84 ms; 2,000 → 13,500/s
    # but 104-127 ms. The GUI's stalls matter more than headroom above 10,000/s.
    PAGE_LIMIT = 1000

    def __init__(self, settings: Settings, parent: QObject | None = None,
                 demo_backend: BackendProcess | None = None) -> None:
        """`demo_backend`: the built-in backend, already starting (main.py starts it
        before it builds the window, so the two overlap; see `start`)."""
        super().__init__(parent)
        self.settings = settings
        self.runner = JobRunner(max_threads=4, parent=self)
        self.clock = SourceClock()
        self.vessels = VesselStore(tail_length=settings.tail_length, parent=self)
        self.stations: RecordStore[Station] = RecordStore(self)
        self.cameras: RecordStore[Camera] = RecordStore(self)
        self.incidents: RecordStore[Incident] = RecordStore(self)
        # operator actions on incidents: persisted, sent exactly once (console/actions)
        self.outbox = Outbox(self.runner, self.incidents, policy=settings.outbox_retry, parent=self)
        self.feeds = LiveFeeds(
            self.runner, self.clock, max_backoff_s=settings.reconnect_backoff_max_s, parent=self
        )
        # the backend's change stream feeds them when it works; polling is the fallback
        self.push = PushFeeds(self.feeds, parent=self)
        self.client: RestClient | None = None
        self._token: str | None = None
        # health of every data source (backend, feature servers, SensorThings, AIS...):
        # the status area and the per-source banners read it (console/sources/health.py)
        self.health = HealthBoard(parent=self)
        # alert rules (zones, boundary, dark vessels, hydrology, cameras, incidents) and
        # the one alert inbox; thresholds come from resources/config (console/rules)
        self.rules = build_rules(self)
        self.settings = replace(
            self.settings, vms=self.rules.config.vms, freshness=self.rules.config.freshness()
        )
        # the alerts the backend raises itself (when its /health says so), into the inbox
        self.server_alerts = ServerAlerts(self.rules.inbox)
        self.ais_sources: list = []  # AisIngest per AIS source (console/sources/ais/attach)
        self.summary_poller = SummaryPoller(self, self.rules,
                                            on_answered=self.summaries_answered.emit)
        # operators' decisions shared through the backend: one apply path for every
        # record (polls, our own actions' answers, the push stream), and the queueing side
        self.shared = SharedDecisions(self.rules, parent=self)
        self.outbox.on_decisions = self.shared.apply
        self.decisions = OperatorDecisions(
            self.outbox, self.rules, lambda: self.operator_name, parent=self
        )
        # the storm bulletin and the vessels at risk from it (console/storm)
        self.storm = StormWatch(
            self.vessels, self.clock, self.settings.freshness, self.rules.inbox,
            fleet_ready=lambda: self.feeds.is_ready("vessels"), parent=self,
        )
        self.storm.raising = self.rules.vessel_rules.raises  # the backend's are mirrored
        # big vessel pages are applied in chunks: the GUI thread never stalls on one page
        self.vessel_ingest = ChunkedApply(self.vessels, parent=self)
        self.backend_process: BackendProcess | None = demo_backend
        if demo_backend is not None:
            demo_backend.setParent(self)
        self.backend_url: str | None = None
        self.site: str = ""
        self._health_attempts = 0
        self.tails_ready = False
        self.identity: Identity | None = None  # from GET /api/v1/me once connected
        self.review = None  # ReviewSession in review mode (console/replay/session.py)
        self.recorder = None  # Recorder while recording to an archive (console/archive)
        self._startup_tracks: FleetTrackColumns | None = None  # for a recorder started later
        # other station networks feeding the same store (console/live/sta_source.py)
        self.station_sources: list[SensorThingsSource] = []

    # --- start-up -------------------------------------------------------------------------

    def start(self) -> None:
        watch_backend(
            self.feeds, self.health, _tr("Sources", "Reference backend"),
            self.settings.backend_url or _tr("Sources", "built-in demo backend"),
        )
        if self.settings.backend_url:
            self._connect(self.settings.backend_url, self.settings.token)
            return
        process = self.backend_process
        if process is None:
            process = self.backend_process = start_demo_backend(self.settings, self)
        if process.url is not None:  # it came up while the window was being built
            self._connect(process.url, process.token)
        elif process.failure is not None:
            self.startup_failed.emit(process.failure)
        else:
            process.ready.connect(lambda url: self._connect(url, process.token))
            process.failed.connect(self.startup_failed)

    def _connect(self, url: str, token: str | None) -> None:
        self.backend_url = url
        self._token = token
        self.client = RestClient(url, token, self.settings.http)
        self.outbox.start(self.client)  # load what an earlier session left, then send it
        self._check_health()

    def _check_health(self) -> None:
        client = self.client
        assert client is not None
        self._health_attempts += 1
        self.runner.submit("health", client.health, self._on_health, self._on_health_error)

    def _on_health_error(self, exc: Exception) -> None:
        log.warning("backend health check failed: %s", exc)
        if isinstance(exc, AuthError) or self._health_attempts >= self.HEALTH_ATTEMPTS:
            self.feeds._on_error(Feed("health", lambda _c, _a: None, lambda _i: None, 1.0), exc)
        delay = min(5000, self.HEALTH_RETRY_MS * self._health_attempts)
        QTimer.singleShot(delay, self, self._check_health)

    def _on_health(self, info: HealthInfo) -> None:
        self.clock.speed = info.speed
        self.clock.observe(info.server_time)
        self.site = info.site
        if self.rules.inbox.watch_from is None:  # conditions older than this: onset unknown
            self.rules.inbox.watch_from = info.server_time
        # the kinds the backend raises itself, for its own items: mirrored, not judged here
        self.rules.judge_on_backend(frozenset(info.alert_kinds), self._served_by_backend)
        self._add_feeds()
        self.feeds.start()
        if self.settings.push and self.backend_url:
            self.push.start(self.backend_url, self._token, self.settings.http)
        self._load_fleet_tails(info.server_time)
        self.outbox.retry_now()  # the backend answers: send what waited, without backoff
        self._load_identity()
        self.connected.emit(self.backend_url or "")

    def _load_identity(self) -> None:
        client = self.client
        assert client is not None
        self.runner.submit("me", client.me, self._on_identity, self._on_identity_error)

    def _on_identity(self, identity: Identity) -> None:
        self.identity = identity
        self.identity_changed.emit()

    def _on_identity_error(self, exc: Exception) -> None:
        # An older backend without /me, or a transient error: act as before (the backend
        # still enforces rights); try again a little later.
        log.warning("cannot tell who is signed in: %s", exc)
        if not isinstance(exc, NotFound):
            QTimer.singleShot(5000, self, self._load_identity)

    @property
    def operator_name(self) -> str:
        """The name operator actions carry: the signed-in account's (from the backend),
        or on the shared demo account the operator name set in Settings."""
        if self.identity is None:
            return self.settings.operator
        return self.identity.actor(self.settings.operator)

    def may(self, permission: str) -> bool:
        """Whether the signed-in role may do ``permission`` (True while unknown: the
        backend decides, and its refusal is shown)."""
        return self.identity is None or self.identity.may(permission)

    def _add_feeds(self) -> None:
        client = self.client
        assert client is not None
        poll = self.settings.poll
        limit = self.PAGE_LIMIT
        self.feeds.add(
            Feed(
                "vessels",
                lambda c, a: client.vessels(since=c, after=a, limit=limit),
                self.vessel_ingest,
                poll.vessels,
            )
        )
        self.feeds.add(
            Feed(
                "stations",
                lambda c, a: client.stations(since=c, after=a, limit=limit),
                self.stations.apply,
                poll.stations,
            )
        )
        self.feeds.add(
            Feed(
                "cameras",
                lambda c, a: client.cameras(since=c, after=a, limit=limit),
                self.cameras.apply,
                poll.cameras,
            )
        )
        self.feeds.add(
            Feed(
                "incidents",
                lambda c, a: client.incidents(since=c, after=a, limit=limit),
                self.incidents.apply_newer,  # a page older than an action's answer: stale
                poll.incidents,
            )
        )
        self.feeds.add(Feed("storm", lambda c, _a: client.storm(since=c), self.storm.apply,
                            poll.storm))

        self._add_decision_feeds(client, poll.incidents)
        if self.rules.server_kinds:  # the backend raises alerts: GET /api/v1/alerts
            self.feeds.add(Feed("alerts", lambda c, _a: client.server_alerts(since=c),
                                self.server_alerts.apply, poll.incidents))

    def _served_by_backend(self, item_id: str) -> bool:
        """Whether an item (station, camera, incident) comes from the backend, not from
        another source (a SensorThings service's stations are judged here)."""
        return not any(source.owns(item_id) for source in self.station_sources)

    def _add_decision_feeds(self, client: RestClient, interval_s: float) -> None:
        """Alert decisions, manual position reports and crossing closures: each a feed
        with its own cursor, named as the change stream names the kind (so the stream
        carries it when open); every page, polled or pushed, holds the wire records and
        goes through `shared.apply` converted to the console's records."""
        apply = self.shared.apply

        def fetch(name: str, get):  # worker: a backend without the route = none
            def run(cursor: int | None, _after: int | None) -> Page:
                try:
                    return get(since=cursor)
                except NotFound:
                    log.info("backend has no %s: decisions stay local", name)
                    return Page((), cursor or 0, self.clock.now())
            return run

        feeds = (
            ("alert_decisions", client.alert_decisions,
             lambda items: apply(records.DecisionBatch(
                 alerts=[records.alert_decision(x) for x in items]))),
            ("reports", client.position_reports,
             lambda items: apply(records.DecisionBatch(
                 reports=[records.position_report(x) for x in items]))),
            ("closures", client.crossing_closures,
             lambda items: apply(records.DecisionBatch(
                 closures=[records.crossing_closure(x) for x in items]))),
        )
        for name, get, sink in feeds:
            self.feeds.add(Feed(name, fetch(name, get), sink, interval_s))

    def _load_fleet_tails(self, server_time: float) -> None:
        """Fill the track tails from recent history once, so the first picture has them."""
        client = self.client
        assert client is not None
        window = self.settings.vms.report_interval_s * self.settings.tail_length
        start = server_time - window

        def seed(columns: FleetTrackColumns) -> None:
            if not self.feeds.is_ready("vessels"):  # fleet not all in yet: retry once it is
                self.feeds.feed_ready.connect(self._retry_tails_once)
                self._pending_tails = columns
                return
            self._apply_tails(columns)

        def failed(exc: Exception) -> None:
            log.warning("could not load track history: %s", exc)
            self._set_tails_ready()

        self.runner.submit(
            "fleet-tails", lambda: client.fleet_tracks(start, server_time), seed, failed
        )

    def _set_tails_ready(self) -> None:
        self.tails_ready = True
        self.tails_loaded.emit()

    def _retry_tails_once(self, feed_name: str) -> None:
        if feed_name != "vessels":
            return
        self.feeds.feed_ready.disconnect(self._retry_tails_once)
        self._apply_tails(self._pending_tails)

    def _apply_tails(self, columns: FleetTrackColumns) -> None:
        # the history is read a moment after the fleet, up to the clock's "now", which the
        # backend's last tick may trail: a fix newer than its vessel's latest is left to
        # the vessel feed, so no tail runs ahead of its vessel and no archive records a
        # history past the vessel's latest fix
        keep = self.vessels.not_ahead(columns.vessel_id, columns.t)
        if not keep.all():
            columns = columns.where(keep)
        self.vessels.seed_tails_grouped(columns.vessel_id, columns.t, columns.lon, columns.lat)
        self._startup_tracks = columns
        if self.recorder is not None:  # the start-up history goes into the archive too
            self.recorder.add_fixes(columns.vessel_id, columns.t, columns.lon, columns.lat)
        self._set_tails_ready()

    def station_now(self, station_id: str) -> float:
        """"Now" on the clock of the source a station comes from, to judge its age: a
        SensorThings service reports in real time, the demo backend on its simulated
        clock (which runs ahead at --speed 60)."""
        if any(source.owns(station_id) for source in self.station_sources):
            return time.time()
        return self.clock.now()

    def history_fetcher(self) -> Callable[[str, float, float], ObservationSeries] | None:
        """What a chart calls (on a worker) for a station's readings: the SensorThings
        source that owns the station, else the backend; None while neither is there."""
        client, sources = self.client, list(self.station_sources)
        if client is None and not sources:
            return None

        def fetch(station_id: str, start: float, end: float) -> ObservationSeries:
            for source in sources:
                if source.owns(station_id):
                    return source.client.history(station_id, start, end)
            if client is None:
                raise BackendUnreachable(f"{station_id}: not connected to the backend yet")
            return client.history(station_id, start, end)

        return fetch

    # --- offline review and recording (console/replay, console/archive) -------------------

    def start_review(self, archive_path: str) -> None:
        """Review mode instead of `start()`: no backend, no feeds; the stores follow the
        archive at the replay cursor's time (`self.review.cursor`)."""
        from console.replay.session import ReviewSession

        self.review = ReviewSession(self, archive_path)
        self.review.start()

    def start_recording(self, archive_path: str) -> None:
        """Record what the stores receive (and the alerts) into an archive GeoPackage."""
        from console.archive.recorder import Recorder

        self.recorder = Recorder(
            archive_path, self.vessels, self.stations, self.incidents, self.cameras,
            inbox=self.rules.inbox, storm=self.storm, parent=self,
        )
        self.recorder.start({"site": self.site})
        tracks = self._startup_tracks
        if tracks is not None:  # loaded before recording began: write them now
            self.recorder.add_fixes(tracks.vessel_id, tracks.t, tracks.lon, tracks.lat)

    # --- shutdown -------------------------------------------------------------------------

    def shutdown(self) -> None:
        """Stop polling, drain workers (bounded), close the session, stop the child."""
        self.push.stop()
        self.feeds.stop()
        for ais in self.ais_sources:
            ais.close()
        for source in self.station_sources:
            source.stop()
        self.summary_poller.stop()
        self.storm.stop()
        self.vessel_ingest.stop()
        if self.recorder is not None:
            self.recorder.stop()
        if self.review is not None:
            self.review.close()
        self.rules.close()
        self.decisions.close()
        self.outbox.close()  # writes what is still queued: no operator action is lost
        self.runner.shutdown()
        if self.client is not None:
            self.client.close()
        for source in self.station_sources:
            source.close()
        if self.backend_process is not None:
            self.backend_process.stop()

    def describe_error(self, exc: Exception) -> str:
        return str(exc) if isinstance(exc, SourceError) else repr(exc)
