"""GET /api/v1/alerts: the alerts this backend's rules raised (backend/alerting.py).

Every console mirrors these instead of judging the same records itself, so all of them
show one alert per occurrence, with the same key and onset; the operators' decisions on
an occurrence (POST /alerts/actions) are joined to it."""

from __future__ import annotations

from fastapi import APIRouter, Response

from backend import changes
from backend.api.context import Ctx
from backend.api.decisions import Since
from console.sources import wire

router = APIRouter()

RULES = """Raised by the backend's rules, the console's own (console/rules/judge.py):

- `water:<station>` (kind `water_level`, rule `water_level`): a river gauge reached an
  alarm level BĐ1-BĐ3 (Decision 05/2020/QĐ-TTg); severity medium / high / critical by
  level. A higher level ends the occurrence (`ended: escalated`) and begins a new one
  (a new acknowledgement is needed); a lower one re-grades it; below BĐ1 minus the
  hysteresis clears it.
- `reservoir:<station>` (kind `water_level`, rule `reservoir`): a reservoir at its normal
  water level; medium.
- `rain:<station>` (kind `rain`): heavy (51-100 mm) or very heavy (> 100 mm) rain over
  24 h, as bulletins class it (with hysteresis), or more than 100 mm in 3 h (a burst);
  severity low / medium, high for a burst; the sums are GET /station-summaries'.
- `camera:<camera>:offline` (kind `camera`): a camera stopped answering; medium; onset =
  its last sign of life; cleared when it answers.
- `incident:<incident>` (kind `incident`): a new incident of high or critical severity;
  cleared when its status leaves `new`.

Onsets are source times (the reading, status change or report that began the
occurrence). Without `since`: the active occurrences and those ended in the last 24 h of
sim time; with it: every occurrence changed after the cursor, in change order."""


@router.get("/alerts", response_model=wire.ServerAlerts, tags=["alerts"],
            summary="Alerts raised by the backend, changed after `since`", description=RULES)
def alerts(ctx: Ctx, since: Since = None) -> Response:
    page = changes.alert_page(ctx, since)
    return Response(content=page.body.encode("utf-8"), media_type="application/json")
