"""Incident reports from citizens, cameras and hotlines around Quy Nhơn.

About 40 incidents exist at start (some already being handled, with their audit
trail), then a new one arrives every 15–30 sim minutes. Flooding reports become
frequent while the storm rains. The simulator only creates incidents; status
changes come from operators through the API, so it never races them.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime

from backend.sim import geo, names
from backend.sim.rng import stream
from backend.sim.scenario import Storm
from console.sources import wire

MINUTE = 60.0
HOUR = 3600.0
INITIAL_COUNT = 40

_TYPE_WEIGHTS = {
    "traffic_accident": 0.22, "congestion": 0.20, "flooding": 0.08, "fire": 0.06,
    "public_order": 0.14, "field_report": 0.30,
}
_SEVERITY = {
    "traffic_accident": (0.25, 0.40, 0.25, 0.10),
    "congestion": (0.45, 0.40, 0.15, 0.0),
    "flooding": (0.20, 0.40, 0.30, 0.10),
    "fire": (0.05, 0.25, 0.45, 0.25),
    "public_order": (0.35, 0.40, 0.20, 0.05),
    "field_report": (0.60, 0.35, 0.05, 0.0),
}
_REPORTERS = {
    "traffic_accident": ("camera-ai", "citizen-app", "hotline-113"),
    "congestion": ("camera-ai", "camera-ai", "citizen-app"),
    "flooding": ("citizen-app", "hotline-1022", "camera-ai"),
    "fire": ("hotline-114", "citizen-app", "camera-ai"),
    "public_order": ("police-patrol", "hotline-113", "camera-ai"),
    "field_report": ("citizen-app", "citizen-app", "zalo-oa"),
}
_RESPONDER_BY_TYPE = {
    "traffic_accident": ("Đội CSGT số 1", "Đội CSGT số 2", "Đội cứu hộ giao thông"),
    "congestion": ("Đội CSGT số 1", "Đội CSGT số 2"),
    "flooding": ("Đội Trật tự đô thị", "Ban CHQS phường Quy Nhơn Bắc", "Công ty Môi trường đô thị"),
    "fire": ("Đội PCCC & CNCH Quy Nhơn",),
    "public_order": ("Công an phường Quy Nhơn", "Công an phường Quy Nhơn Nam"),
    "field_report": ("Đội Trật tự đô thị", "Công ty Môi trường đô thị"),
}


def _text(kind: str, rng: random.Random, at: float) -> tuple[str, str]:
    """Vietnamese title and description for an incident of ``kind``."""
    a, b = names.street_pair(rng)
    ward = rng.choice(names.WARDS)
    landmark = rng.choice(names.LANDMARKS)
    local = datetime.fromtimestamp(at + 7 * HOUR, UTC).strftime("%H:%M")
    if kind == "traffic_accident":
        title = rng.choice((
            f"Va chạm giữa xe máy và ô tô tại ngã tư {a} – {b}",
            f"Tai nạn giao thông trên đường {a}",
            f"Xe tải va chạm xe máy trên đường {a}, phường {ward}",
        ))
        hurt = rng.randint(0, 3)
        desc = (f"Lúc {local}, {hurt} người bị thương, phương tiện hư hỏng; "
                "giao thông qua khu vực bị ùn ứ cục bộ.")
    elif kind == "congestion":
        title = rng.choice((f"Ùn tắc giao thông trên đường {a}",
                            f"Ùn ứ kéo dài tại nút giao {a} – {b}"))
        desc = f"Dòng xe ùn ứ khoảng {rng.randrange(100, 900, 50)} m, di chuyển rất chậm."
    elif kind == "flooding":
        title = rng.choice((f"Ngập úng trên đường {a}",
                            f"Nước ngập sâu tại khu dân cư phường {ward}"))
        desc = (f"Nước ngập sâu khoảng {rng.randrange(20, 80, 5)} cm, "
                "xe máy chết máy, người dân đề nghị hỗ trợ.")
    elif kind == "fire":
        title = rng.choice((f"Cháy nhà dân tại phường {ward}", f"Cháy kho hàng trên đường {a}",
                            f"Cháy cỏ khô gần {landmark}"))
        desc = f"Phát hiện đám cháy lúc {local}, khói bốc cao; chưa ghi nhận thương vong."
    elif kind == "public_order":
        title = rng.choice((f"Gây rối trật tự công cộng tại {landmark}",
                            f"Tụ tập đông người tại {landmark}",
                            f"Đua xe trái phép trên đường {a}"))
        desc = "Người dân phản ánh qua đường dây nóng, đề nghị lực lượng chức năng kiểm tra."
    else:
        title = rng.choice((
            f"Phản ánh: rác thải tập kết sai quy định trên đường {a}",
            f"Phản ánh: đèn tín hiệu giao thông hỏng tại ngã tư {a} – {b}",
            f"Phản ánh: cây xanh gãy đổ trên đường {a}",
            f"Phản ánh: lấn chiếm vỉa hè trên đường {a}",
            f"Phản ánh: hố ga mất nắp trên đường {a}, phường {ward}",
        ))
        desc = "Phản ánh hiện trường kèm hình ảnh từ người dân, cần xác minh và xử lý."
    return title, desc


def _at(epoch: float) -> datetime:
    return datetime.fromtimestamp(round(epoch), UTC)


def _with_event(feature: wire.IncidentFeature, event: wire.IncidentEvent,
                assignee: str | None = None) -> wire.IncidentFeature:
    props = feature.properties
    updated = props.model_copy(update={
        "status": event.to_status,
        "updated_at": event.at,
        "version": props.version + 1,
        "assignee": assignee if assignee is not None else props.assignee,
        "history": [*props.history, event],
    })
    return feature.model_copy(update={"properties": updated})


class IncidentSource:
    def __init__(self, seed: int, storm: Storm) -> None:
        self.seed = seed
        self.storm = storm
        self._arrivals = stream(seed, "incident-arrivals")
        self._count = 0
        self.next_arrival = storm.start + self._gap()

    def _gap(self) -> float:
        return self._arrivals.uniform(15, 30) * MINUTE

    def _create(self, reported_at: float) -> tuple[wire.IncidentFeature, random.Random]:
        self._count += 1
        rng = stream(self.seed, "incident", self._count)
        weights = dict(_TYPE_WEIGHTS)
        weights["flooding"] += 0.9 * self.storm.intensity(reported_at)
        kind = rng.choices(list(weights), weights=list(weights.values()))[0]
        severity = rng.choices(("low", "medium", "high", "critical"), weights=_SEVERITY[kind])[0]
        lon, lat = geo.city_point(rng)
        title, desc = _text(kind, rng, reported_at)
        at = _at(reported_at)
        event = wire.IncidentEvent(action="report", actor=rng.choice(_REPORTERS[kind]), at=at,
                                   to_status="new")
        props = wire.IncidentProperties(
            type=kind, severity=severity, status="new", title=title, description=desc,
            reported_at=at, updated_at=at, version=1, history=[event],
        )
        feature = wire.IncidentFeature(
            id=f"inc-{self._count:05d}",
            geometry=wire.PointGeometry(coordinates=(round(lon, 5), round(lat, 5))),
            properties=props,
        )
        return feature, rng

    def initial(self) -> list[wire.IncidentFeature]:
        """The incidents already open (or recently handled) when the sim starts."""
        start = self.storm.start
        order = stream(self.seed, "incident-initial")
        times = sorted(order.uniform(start - 24 * HOUR, start - 10 * MINUTE)
                       for _ in range(INITIAL_COUNT))
        out = []
        for reported in times:
            feature, rng = self._create(reported)
            # Older incidents are further along their lifecycle.
            age_share = (start - reported) / (24 * HOUR)
            steps = min(4, int(rng.random() * 5 * age_share + rng.random() * 1.2))
            out.append(self._progress(feature, rng, steps, reported, start))
        return out

    def _progress(self, feature: wire.IncidentFeature, rng: random.Random, steps: int,
                  reported: float, now: float) -> wire.IncidentFeature:
        kind = feature.properties.type
        operator = rng.choice(names.OPERATORS)
        t = reported
        plan = (("acknowledge", "new", "acknowledged"), ("assign", "acknowledged", "assigned"),
                ("resolve", "assigned", "resolved"), ("close", "resolved", "closed"))
        for action, before, after in plan[:steps]:
            t = t + rng.uniform(0.05, 0.3) * (now - t)
            assignee = rng.choice(_RESPONDER_BY_TYPE[kind]) if action == "assign" else None
            note = {"assign": "Đã điều lực lượng đến hiện trường",
                    "resolve": "Đã xử lý xong tại hiện trường"}.get(action)
            event = wire.IncidentEvent(action=action, actor=operator, at=_at(t), from_status=before,
                                       to_status=after, assignee=assignee, note=note)
            feature = _with_event(feature, event, assignee)
        return feature

    def arrivals(self, t1: float) -> list[wire.IncidentFeature]:
        """New reports up to ``t1`` (in time order; call with increasing ``t1``)."""
        out = []
        while self.next_arrival <= t1:
            out.append(self._create(self.next_arrival)[0])
            self.next_arrival += self._gap()
        return out
