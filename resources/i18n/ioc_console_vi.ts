<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>Age</name>
    <message>
        <location filename="../../console/timefmt.py" line="30"/>
        <source>%1 s</source>
        <translation>%1 giây</translation>
    </message>
    <message>
        <location filename="../../console/timefmt.py" line="32"/>
        <source>%1 min</source>
        <translation>%1 phút</translation>
    </message>
    <message>
        <location filename="../../console/timefmt.py" line="35"/>
        <source>%1 h %2 min</source>
        <translation>%1 giờ %2 phút</translation>
    </message>
    <message>
        <location filename="../../console/timefmt.py" line="40"/>
        <source>%1 d %2 h</source>
        <translation>%1 ngày %2 giờ</translation>
    </message>
</context>
<context>
    <name>AttributeTable</name>
    <message>
        <location filename="../../widgets/attribute_table.py" line="45"/>
        <source>Attributes — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/attribute_table.py" line="57"/>
        <source>Zoom to feature</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BasemapLayer</name>
    <message>
        <location filename="../../layers/basemap_vector/layer.py" line="134"/>
        <source>Province basemap (approximate)</source>
        <translation>Bản đồ nền tỉnh (gần đúng)</translation>
    </message>
    <message>
        <location filename="../../layers/basemap_vector/layer.py" line="173"/>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../../layers/basemap_vector/layer.py" line="181"/>
        <source>Province boundary (former Bình Định)</source>
        <translation>Ranh giới tỉnh (Bình Định cũ)</translation>
    </message>
    <message>
        <location filename="../../layers/basemap_vector/layer.py" line="184"/>
        <source>River</source>
        <translation>Sông</translation>
    </message>
    <message>
        <location filename="../../layers/basemap_vector/layer.py" line="186"/>
        <source>Reservoir / lagoon</source>
        <translation>Hồ chứa / đầm</translation>
    </message>
</context>
<context>
    <name>BookmarksPanel</name>
    <message>
        <location filename="../../widgets/bookmarks.py" line="35"/>
        <source>Add current view…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/bookmarks.py" line="37"/>
        <source>Go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/bookmarks.py" line="39"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/bookmarks.py" line="82"/>
        <source>New bookmark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/bookmarks.py" line="83"/>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/bookmarks.py" line="84"/>
        <source>View %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CameraLayer</name>
    <message>
        <location filename="../../layers/cameras/layer.py" line="22"/>
        <source>Cameras</source>
        <translation>Camera</translation>
    </message>
    <message>
        <location filename="../../layers/cameras/layer.py" line="25"/>
        <source>Camera online</source>
        <translation>Camera hoạt động</translation>
    </message>
    <message>
        <location filename="../../layers/cameras/layer.py" line="26"/>
        <source>Camera offline</source>
        <translation>Camera mất kết nối</translation>
    </message>
    <message>
        <location filename="../../layers/cameras/layer.py" line="34"/>
        <source>Traffic</source>
        <translation>Giao thông</translation>
    </message>
    <message>
        <location filename="../../layers/cameras/layer.py" line="35"/>
        <source>Security</source>
        <translation>An ninh</translation>
    </message>
    <message>
        <location filename="../../layers/cameras/layer.py" line="38"/>
        <source>Online</source>
        <translation>Hoạt động</translation>
    </message>
    <message>
        <location filename="../../layers/cameras/layer.py" line="38"/>
        <source>Offline</source>
        <translation>Mất kết nối</translation>
    </message>
    <message>
        <location filename="../../layers/cameras/layer.py" line="41"/>
        <source>Type</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../../layers/cameras/layer.py" line="42"/>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../layers/cameras/layer.py" line="43"/>
        <source>Last seen</source>
        <translation>Lần cuối hoạt động</translation>
    </message>
    <message>
        <location filename="../../layers/cameras/layer.py" line="44"/>
        <source>Age</source>
        <translation>Thời gian trôi qua</translation>
    </message>
    <message>
        <location filename="../../layers/cameras/layer.py" line="45"/>
        <source>Position</source>
        <translation>Vị trí</translation>
    </message>
</context>
<context>
    <name>CameraPanel</name>
    <message>
        <location filename="../../widgets/cameras/panel.py" line="37"/>
        <source>Refresh picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/cameras/panel.py" line="63"/>
        <source>Camera offline</source>
        <translation type="unfinished">Camera mất kết nối</translation>
    </message>
    <message>
        <location filename="../../widgets/cameras/panel.py" line="65"/>
        <source>This camera is offline: no picture. Last seen %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/cameras/panel.py" line="73"/>
        <source>Not connected to the backend: no picture.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/cameras/panel.py" line="76"/>
        <source>Loading picture…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/cameras/panel.py" line="96"/>
        <source>Picture of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/cameras/panel.py" line="108"/>
        <source>No picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/cameras/panel.py" line="110"/>
        <source>The picture could not be fetched: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <location filename="../../widgets/timeseries/panel.py" line="144"/>
        <source>Vietnam time (UTC+7)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/panel.py" line="146"/>
        <source>Rain per interval (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/panel.py" line="150"/>
        <source>Water level (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/panel.py" line="167"/>
        <source>Normal level %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/panel.py" line="193"/>
        <source>Accumulated since left edge (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChartView</name>
    <message>
        <location filename="../../widgets/timeseries/chart.py" line="69"/>
        <source>6 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/chart.py" line="70"/>
        <source>24 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/chart.py" line="71"/>
        <source>3 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/chart.py" line="72"/>
        <source>7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/chart.py" line="73"/>
        <source>30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/chart.py" line="74"/>
        <source>1 year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/chart.py" line="143"/>
        <source>Custom…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/chart.py" line="147"/>
        <source>Follow now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/chart.py" line="148"/>
        <source>Keep the right edge at the current time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/chart.py" line="152"/>
        <source>10-minute rain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/chart.py" line="152"/>
        <source>Hourly sums</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/chart.py" line="153"/>
        <source>Daily sums</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/chart.py" line="160"/>
        <source>Compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/chart.py" line="163"/>
        <source>Overlay another station…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/chart.py" line="164"/>
        <source>Stack another station below…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/chart.py" line="168"/>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/chart.py" line="172"/>
        <source>Chart as PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/chart.py" line="173"/>
        <source>Chart as SVG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/chart.py" line="174"/>
        <source>Data as CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/chart.py" line="264"/>
        <source>Custom range (Vietnam time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/chart.py" line="268"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/chart.py" line="268"/>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/chart.py" line="283"/>
        <source>Custom range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/chart.py" line="283"/>
        <source>&apos;To&apos; must be after &apos;From&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/chart.py" line="287"/>
        <source>Range shortened to 390 days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/chart.py" line="340"/>
        <source>Could not load %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/chart.py" line="359"/>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/chart.py" line="389"/>
        <source>(suspect)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/chart.py" line="414"/>
        <location filename="../../widgets/timeseries/chart.py" line="420"/>
        <source>Export chart</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionBanner</name>
    <message>
        <location filename="../../widgets/connection_banner.py" line="54"/>
        <source>Disconnected from the backend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/connection_banner.py" line="56"/>
        <source>Reconnecting to the backend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/connection_banner.py" line="58"/>
        <source>since %1</source>
        <translation type="unfinished">từ %1</translation>
    </message>
    <message>
        <location filename="../../widgets/connection_banner.py" line="62"/>
        <source>The map shows data as of %1 (%2 old), not live.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/connection_banner.py" line="65"/>
        <source>Retrying automatically…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConsoleStatusBar</name>
    <message>
        <location filename="../../widgets/status_bar.py" line="50"/>
        <source>Connecting…</source>
        <translation>Đang kết nối…</translation>
    </message>
    <message>
        <location filename="../../widgets/status_bar.py" line="51"/>
        <source>Connected</source>
        <translation>Đã kết nối</translation>
    </message>
    <message>
        <location filename="../../widgets/status_bar.py" line="52"/>
        <source>Reconnecting…</source>
        <translation>Đang kết nối lại…</translation>
    </message>
    <message>
        <location filename="../../widgets/status_bar.py" line="53"/>
        <source>Disconnected</source>
        <translation>Mất kết nối</translation>
    </message>
    <message>
        <location filename="../../widgets/status_bar.py" line="63"/>
        <source>since %1</source>
        <translation>từ %1</translation>
    </message>
    <message>
        <location filename="../../widgets/status_bar.py" line="76"/>
        <source>Data as of %1</source>
        <translation>Dữ liệu lúc %1</translation>
    </message>
    <message>
        <location filename="../../widgets/status_bar.py" line="78"/>
        <source>no update for %1</source>
        <translation>không cập nhật trong %1</translation>
    </message>
    <message>
        <location filename="../../widgets/status_bar.py" line="81"/>
        <source>Waiting for data…</source>
        <translation>Đang chờ dữ liệu…</translation>
    </message>
    <message>
        <location filename="../../widgets/status_bar.py" line="86"/>
        <source>Vessels: %1 at sea, %2 in port, %3 dark · Stations ≥BĐ1/2/3: %4/%5/%6 · Open incidents: %7 · Cameras offline: %8</source>
        <translation>Tàu: %1 trên biển, %2 trong cảng, %3 mất tín hiệu · Trạm ≥BĐ1/2/3: %4/%5/%6 · Sự cố đang mở: %7 · Camera mất kết nối: %8</translation>
    </message>
    <message>
        <location filename="../../widgets/status_bar.py" line="106"/>
        <source>VN-2000: outside the grid</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GotoBox</name>
    <message>
        <location filename="../../widgets/goto_box.py" line="31"/>
        <source>Go to: 13.7765, 109.2237 · 13°46′35″N 109°13′25″E · X…, Y…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/goto_box.py" line="46"/>
        <source>Not a coordinate: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Headline</name>
    <message>
        <location filename="../../widgets/timeseries/headline.py" line="34"/>
        <source>%1, above BĐ%2 by %3</source>
        <translation type="unfinished">%1, trên BĐ%2 %3</translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/headline.py" line="38"/>
        <source>%1, below BĐ1 by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/headline.py" line="55"/>
        <source>steady</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/headline.py" line="56"/>
        <source>rising %1/h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/headline.py" line="56"/>
        <source>falling %1/h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/headline.py" line="62"/>
        <source>BĐ%1 in ~%2 h at this rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/headline.py" line="73"/>
        <source>%1 h: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/headline.py" line="81"/>
        <source>%1: no readings in this range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/headline.py" line="86"/>
        <source>no valid reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/headline.py" line="91"/>
        <source>%1 (%2 ago)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/headline.py" line="100"/>
        <source>latest reading %1 is suspect and ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/headline.py" line="105"/>
        <source>flagged: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IncidentLayer</name>
    <message>
        <location filename="../../layers/incidents/layer.py" line="82"/>
        <source>Traffic accident</source>
        <translation>Tai nạn giao thông</translation>
    </message>
    <message>
        <location filename="../../layers/incidents/layer.py" line="83"/>
        <source>Congestion</source>
        <translation>Ùn tắc giao thông</translation>
    </message>
    <message>
        <location filename="../../layers/incidents/layer.py" line="84"/>
        <source>Flooding</source>
        <translation>Ngập lụt</translation>
    </message>
    <message>
        <location filename="../../layers/incidents/layer.py" line="85"/>
        <source>Fire</source>
        <translation>Cháy</translation>
    </message>
    <message>
        <location filename="../../layers/incidents/layer.py" line="86"/>
        <source>Public order</source>
        <translation>An ninh trật tự</translation>
    </message>
    <message>
        <location filename="../../layers/incidents/layer.py" line="87"/>
        <source>Field report</source>
        <translation>Phản ánh hiện trường</translation>
    </message>
    <message>
        <location filename="../../layers/incidents/layer.py" line="93"/>
        <source>New</source>
        <translation>Mới</translation>
    </message>
    <message>
        <location filename="../../layers/incidents/layer.py" line="94"/>
        <source>Acknowledged</source>
        <translation>Đã tiếp nhận</translation>
    </message>
    <message>
        <location filename="../../layers/incidents/layer.py" line="95"/>
        <source>Assigned</source>
        <translation>Đã phân công</translation>
    </message>
    <message>
        <location filename="../../layers/incidents/layer.py" line="96"/>
        <source>Resolved</source>
        <translation>Đã xử lý</translation>
    </message>
    <message>
        <location filename="../../layers/incidents/layer.py" line="97"/>
        <source>Closed</source>
        <translation>Đã đóng</translation>
    </message>
    <message>
        <location filename="../../layers/incidents/layer.py" line="133"/>
        <source>Incidents</source>
        <translation>Sự cố</translation>
    </message>
    <message>
        <location filename="../../layers/incidents/layer.py" line="114"/>
        <source>Incident resolved</source>
        <translation>Sự cố đã xử lý</translation>
    </message>
    <message>
        <location filename="../../layers/incidents/layer.py" line="103"/>
        <source>Low</source>
        <translation>Thấp</translation>
    </message>
    <message>
        <location filename="../../layers/incidents/layer.py" line="104"/>
        <source>Medium</source>
        <translation>Trung bình</translation>
    </message>
    <message>
        <location filename="../../layers/incidents/layer.py" line="105"/>
        <source>High</source>
        <translation>Cao</translation>
    </message>
    <message>
        <location filename="../../layers/incidents/layer.py" line="106"/>
        <source>Critical</source>
        <translation>Nghiêm trọng</translation>
    </message>
    <message>
        <location filename="../../layers/incidents/layer.py" line="180"/>
        <source>Type</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../../layers/incidents/layer.py" line="181"/>
        <source>Severity</source>
        <translation>Mức độ</translation>
    </message>
    <message>
        <location filename="../../layers/incidents/layer.py" line="182"/>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../layers/incidents/layer.py" line="183"/>
        <source>Reported</source>
        <translation>Thời điểm báo</translation>
    </message>
    <message>
        <location filename="../../layers/incidents/layer.py" line="184"/>
        <source>Age</source>
        <translation>Thời gian trôi qua</translation>
    </message>
    <message>
        <location filename="../../layers/incidents/layer.py" line="185"/>
        <source>Description</source>
        <translation>Mô tả</translation>
    </message>
    <message>
        <location filename="../../layers/incidents/layer.py" line="188"/>
        <source>Assigned to</source>
        <translation>Giao cho</translation>
    </message>
</context>
<context>
    <name>IncidentListWidget</name>
    <message>
        <location filename="../../widgets/incidents/list_widget.py" line="101"/>
        <source>Zoom to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/list_widget.py" line="106"/>
        <source>Send now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/list_widget.py" line="107"/>
        <source>Try to send the waiting actions now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/list_widget.py" line="114"/>
        <source>Status</source>
        <translation type="unfinished">Trạng thái</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/list_widget.py" line="115"/>
        <source>Type</source>
        <translation type="unfinished">Loại</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/list_widget.py" line="116"/>
        <source>Age</source>
        <translation type="unfinished">Thời gian trôi qua</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/list_widget.py" line="146"/>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/list_widget.py" line="147"/>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/list_widget.py" line="151"/>
        <source>All types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/list_widget.py" line="156"/>
        <source>Any age</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/incidents/list_widget.py" line="156"/>
        <source>Last %n hour(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/list_widget.py" line="182"/>
        <source>%1 of %2 incidents</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IncidentPanel</name>
    <message>
        <location filename="../../widgets/incidents/panel.py" line="42"/>
        <source>Reported</source>
        <translation type="unfinished">Thời điểm báo</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/panel.py" line="43"/>
        <source>Acknowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/panel.py" line="44"/>
        <source>Assign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/panel.py" line="45"/>
        <source>Resolve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/panel.py" line="46"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/panel.py" line="57"/>
        <source>Someone else changed this incident first: %1 did “%2” at %3. It is now %4 (version %5)%6. Your “%7” was NOT applied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/panel.py" line="69"/>
        <source>, assigned to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/panel.py" line="112"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/panel.py" line="112"/>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/panel.py" line="112"/>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/panel.py" line="112"/>
        <source>Status</source>
        <translation type="unfinished">Trạng thái</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/panel.py" line="112"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/panel.py" line="134"/>
        <source>Re-apply on the new version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/panel.py" line="135"/>
        <source>Drop my action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/panel.py" line="161"/>
        <source>Assign to (team or person)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/panel.py" line="164"/>
        <source>Note (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/panel.py" line="188"/>
        <source>This incident is not loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/panel.py" line="196"/>
        <source>Status: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/panel.py" line="207"/>
        <source>⏳ Waiting to be sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/panel.py" line="209"/>
        <source>Last attempt failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/panel.py" line="236"/>
        <source>“%1” is not possible any more in this status.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/panel.py" line="243"/>
        <source>The backend refused “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/panel.py" line="257"/>
        <source>to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/panel.py" line="273"/>
        <source>(waiting)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/panel.py" line="276"/>
        <source>not sent yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/panel.py" line="298"/>
        <source>Enter who to assign the incident to.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IncidentTableModel</name>
    <message>
        <location filename="../../widgets/incidents/table_model.py" line="59"/>
        <source>Severity</source>
        <translation type="unfinished">Mức độ</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/table_model.py" line="60"/>
        <source>Type</source>
        <translation type="unfinished">Loại</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/table_model.py" line="61"/>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/table_model.py" line="62"/>
        <source>Status</source>
        <translation type="unfinished">Trạng thái</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/table_model.py" line="63"/>
        <source>Age</source>
        <translation type="unfinished">Thời gian trôi qua</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/table_model.py" line="64"/>
        <source>Assigned to</source>
        <translation type="unfinished">Giao cho</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/table_model.py" line="65"/>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/incidents/table_model.py" line="128"/>
        <source>⏳ %n waiting</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <location filename="../../widgets/inspector.py" line="43"/>
        <source>Click a vessel, station, camera or incident on the map.</source>
        <translation>Bấm vào tàu cá, trạm, camera hoặc sự cố trên bản đồ.</translation>
    </message>
    <message>
        <location filename="../../widgets/inspector.py" line="47"/>
        <source>Attribute</source>
        <translation>Thuộc tính</translation>
    </message>
    <message>
        <location filename="../../widgets/inspector.py" line="47"/>
        <source>Value</source>
        <translation>Giá trị</translation>
    </message>
    <message>
        <location filename="../../widgets/inspector.py" line="100"/>
        <source>Nothing here.</source>
        <translation>Không có đối tượng nào ở đây.</translation>
    </message>
</context>
<context>
    <name>LayerLoader</name>
    <message>
        <location filename="../../widgets/layer_loader.py" line="73"/>
        <source>An XYZ URL needs {z}, {x} and {y} placeholders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/layer_loader.py" line="139"/>
        <source>Layer not added: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/layer_loader.py" line="142"/>
        <source>Cannot add layer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../widgets/main_window.py" line="62"/>
        <source>IOC Console — Intelligent Operations Center</source>
        <translation>IOC Console — Trung tâm Giám sát, điều hành đô thị thông minh</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="91"/>
        <source>Map tools</source>
        <translation>Công cụ bản đồ</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="96"/>
        <source>Layers</source>
        <translation>Lớp bản đồ</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="101"/>
        <source>Inspector</source>
        <translation>Thông tin chi tiết</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="138"/>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="140"/>
        <source>&amp;Quit</source>
        <translation>&amp;Thoát</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="145"/>
        <source>&amp;View</source>
        <translation>&amp;Xem</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="147"/>
        <source>Zoom to &amp;province and fishing grounds</source>
        <translation>Xem toàn &amp;tỉnh và ngư trường</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="152"/>
        <source>Zoom &amp;in</source>
        <translation>&amp;Phóng to</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="155"/>
        <source>Zoom &amp;out</source>
        <translation>Th&amp;u nhỏ</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="158"/>
        <source>Zoom to province &amp;boundary</source>
        <translation>Xem theo &amp;ranh giới tỉnh</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="164"/>
        <source>&amp;Panels</source>
        <translation>&amp;Bảng điều khiển</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="165"/>
        <source>&amp;Layer</source>
        <translation>&amp;Lớp</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="166"/>
        <source>&amp;Tools</source>
        <translation>&amp;Công cụ</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="168"/>
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="170"/>
        <source>&amp;About IOC Console</source>
        <translation>&amp;Giới thiệu IOC Console</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="181"/>
        <source>About IOC Console</source>
        <translation>Giới thiệu IOC Console</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="183"/>
        <source>IOC Console — operations map for the provincial Intelligent Operations Center.
Backend: %1</source>
        <translation>IOC Console — bản đồ điều hành của Trung tâm Giám sát, điều hành đô thị thông minh tỉnh.
Máy chủ: %1</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="203"/>
        <source>Basemap could not be loaded: %1</source>
        <translation>Không tải được bản đồ nền: %1</translation>
    </message>
</context>
<context>
    <name>MeasureTool</name>
    <message>
        <location filename="../../widgets/measure_tool.py" line="57"/>
        <source>Measure: click points on the map, double-click to finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/measure_tool.py" line="116"/>
        <source>Distance: %1 km (%2 NM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/measure_tool.py" line="121"/>
        <source>Bearing: %1°</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/measure_tool.py" line="123"/>
        <source>Area: %1 km² (%2 NM²)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NearbyView</name>
    <message>
        <location filename="../../widgets/incidents/nearby_view.py" line="53"/>
        <source>Nearest cameras</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/nearby_view.py" line="55"/>
        <source>Nearest hydrology station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/nearby_view.py" line="57"/>
        <source>Open incidents nearby</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/nearby_view.py" line="67"/>
        <source>Possible duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/nearby_view.py" line="74"/>
        <source>None within range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/nearby_view.py" line="98"/>
        <source>online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/nearby_view.py" line="98"/>
        <source>offline</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OfflineAreaDialog</name>
    <message>
        <location filename="../../widgets/offline_area.py" line="52"/>
        <source>Prepare offline area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/offline_area.py" line="62"/>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/offline_area.py" line="79"/>
        <source>Start / resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/offline_area.py" line="81"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/offline_area.py" line="90"/>
        <source>Area (current view)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/offline_area.py" line="93"/>
        <source>Tile URL (XYZ)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/offline_area.py" line="94"/>
        <source>Attribution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/offline_area.py" line="95"/>
        <location filename="../../widgets/offline_area.py" line="131"/>
        <source>MBTiles file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/offline_area.py" line="96"/>
        <source>From zoom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/offline_area.py" line="97"/>
        <source>To zoom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/offline_area.py" line="98"/>
        <source>Tile limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/offline_area.py" line="119"/>
        <source>%1 tiles (about %2 MB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/offline_area.py" line="125"/>
        <source>over the limit: choose a smaller area or fewer zooms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/offline_area.py" line="131"/>
        <source>MBTiles (*.mbtiles)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/offline_area.py" line="139"/>
        <source>Enter a tile URL with {z}/{x}/{y} and a target file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/offline_area.py" line="177"/>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/offline_area.py" line="177"/>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/offline_area.py" line="179"/>
        <source>%1: %2 fetched, %3 already there, %4 not on the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/offline_area.py" line="190"/>
        <source>Download failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutboxBadge</name>
    <message numerus="yes">
        <location filename="../../widgets/incidents/list_widget.py" line="49"/>
        <source>⏳ %n action(s) waiting to be sent</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/incidents/list_widget.py" line="51"/>
        <source>⚠ %n action(s) need your decision</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/list_widget.py" line="54"/>
        <source>Last error: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RulesEngine</name>
    <message>
        <location filename="../../console/rules/engine.py" line="130"/>
        <source>Camera offline: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/rules/engine.py" line="131"/>
        <source>%1 stopped answering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/rules/engine.py" line="151"/>
        <source>New incident: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SeriesLoader</name>
    <message>
        <location filename="../../widgets/timeseries/loader.py" line="56"/>
        <source>Not connected to the backend yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SnapshotThumb</name>
    <message>
        <location filename="../../widgets/cameras/snapshot.py" line="45"/>
        <source>…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/cameras/snapshot.py" line="45"/>
        <source>Offline</source>
        <translation type="unfinished">Mất kết nối</translation>
    </message>
    <message>
        <location filename="../../widgets/cameras/snapshot.py" line="76"/>
        <source>No picture</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StationCharts</name>
    <message>
        <location filename="../../widgets/timeseries/install.py" line="52"/>
        <source>Open chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/install.py" line="74"/>
        <source>Open station &amp;chart…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StationLayer</name>
    <message>
        <location filename="../../layers/stations/layer.py" line="28"/>
        <source>Hydrology stations</source>
        <translation>Trạm thủy văn</translation>
    </message>
    <message>
        <location filename="../../layers/stations/layer.py" line="33"/>
        <source>Water level below BĐ1</source>
        <translation>Mực nước dưới BĐ1</translation>
    </message>
    <message>
        <location filename="../../layers/stations/layer.py" line="35"/>
        <source>Above BĐ1</source>
        <translation>Trên BĐ1</translation>
    </message>
    <message>
        <location filename="../../layers/stations/layer.py" line="36"/>
        <source>Above BĐ2</source>
        <translation>Trên BĐ2</translation>
    </message>
    <message>
        <location filename="../../layers/stations/layer.py" line="37"/>
        <source>Above BĐ3</source>
        <translation>Trên BĐ3</translation>
    </message>
    <message>
        <location filename="../../layers/stations/layer.py" line="39"/>
        <source>Reservoir below normal level</source>
        <translation>Hồ chứa dưới mực nước dâng bình thường</translation>
    </message>
    <message>
        <location filename="../../layers/stations/layer.py" line="42"/>
        <source>Reservoir at/above normal level</source>
        <translation>Hồ chứa đạt/vượt mực nước dâng bình thường</translation>
    </message>
    <message>
        <location filename="../../layers/stations/layer.py" line="49"/>
        <source>Rain gauge, no rain</source>
        <translation>Trạm đo mưa, không mưa</translation>
    </message>
    <message>
        <location filename="../../layers/stations/layer.py" line="50"/>
        <source>Rain gauge, raining</source>
        <translation>Trạm đo mưa, đang mưa</translation>
    </message>
    <message>
        <location filename="../../layers/stations/layer.py" line="52"/>
        <source>Rain gauge, heavy rain (≥ 5 mm/10 min)</source>
        <translation>Trạm đo mưa, mưa to (≥ 5 mm/10 phút)</translation>
    </message>
    <message>
        <location filename="../../layers/stations/layer.py" line="58"/>
        <source>No recent data</source>
        <translation>Không có số liệu mới</translation>
    </message>
    <message>
        <location filename="../../layers/stations/layer.py" line="79"/>
        <source>Water level</source>
        <translation>Mực nước</translation>
    </message>
    <message>
        <location filename="../../layers/stations/layer.py" line="80"/>
        <source>Reservoir</source>
        <translation>Hồ chứa</translation>
    </message>
    <message>
        <location filename="../../layers/stations/layer.py" line="81"/>
        <source>Rain gauge</source>
        <translation>Trạm đo mưa</translation>
    </message>
    <message>
        <location filename="../../layers/stations/layer.py" line="84"/>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <location filename="../../layers/stations/layer.py" line="85"/>
        <source>Type</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../../layers/stations/layer.py" line="88"/>
        <source>River</source>
        <translation>Sông</translation>
    </message>
    <message>
        <location filename="../../layers/stations/layer.py" line="90"/>
        <source>Latest value</source>
        <translation>Giá trị mới nhất</translation>
    </message>
    <message>
        <location filename="../../layers/stations/layer.py" line="91"/>
        <source>Measured at</source>
        <translation>Thời điểm đo</translation>
    </message>
    <message>
        <location filename="../../layers/stations/layer.py" line="93"/>
        <source>Age</source>
        <translation>Thời gian trôi qua</translation>
    </message>
    <message>
        <location filename="../../layers/stations/layer.py" line="97"/>
        <source>Alarm levels BĐ1/BĐ2/BĐ3</source>
        <translation>Mức báo động BĐ1/BĐ2/BĐ3</translation>
    </message>
    <message>
        <location filename="../../layers/stations/layer.py" line="103"/>
        <source>Normal water level</source>
        <translation>Mực nước dâng bình thường</translation>
    </message>
    <message>
        <location filename="../../layers/stations/layer.py" line="105"/>
        <source>Position</source>
        <translation>Vị trí</translation>
    </message>
    <message>
        <location filename="../../layers/stations/layer.py" line="117"/>
        <source>%1, above BĐ%2 by %3</source>
        <translation>%1, trên BĐ%2 %3</translation>
    </message>
</context>
<context>
    <name>StationPicker</name>
    <message>
        <location filename="../../widgets/timeseries/picker.py" line="27"/>
        <source>Choose a station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/picker.py" line="32"/>
        <source>water level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/picker.py" line="33"/>
        <source>reservoir</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/picker.py" line="34"/>
        <source>rain</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StationRules</name>
    <message>
        <location filename="../../console/rules/station_rules.py" line="54"/>
        <source>%1, above BĐ%2 by %3</source>
        <translation type="unfinished">%1, trên BĐ%2 %3</translation>
    </message>
    <message>
        <location filename="../../console/rules/station_rules.py" line="63"/>
        <source>%1: water level at BĐ%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/rules/station_rules.py" line="86"/>
        <source>%1: reservoir at normal water level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/rules/station_rules.py" line="87"/>
        <source>%1: %2 m (normal water level %3 m)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/rules/station_rules.py" line="112"/>
        <source>%1: very heavy rain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/rules/station_rules.py" line="114"/>
        <source>%1: heavy rain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/rules/station_rules.py" line="117"/>
        <source>%1: %2 mm in 24 h, %3 mm in 3 h, %4 mm in 1 h</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StyleDialog</name>
    <message>
        <location filename="../../widgets/style_dialog.py" line="55"/>
        <source>Style — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/style_dialog.py" line="71"/>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/style_dialog.py" line="81"/>
        <source>Fill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/style_dialog.py" line="82"/>
        <source>Stroke</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/style_dialog.py" line="83"/>
        <source>Stroke width (px)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/style_dialog.py" line="84"/>
        <source>Point symbol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/style_dialog.py" line="85"/>
        <source>Point size (px)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/style_dialog.py" line="86"/>
        <source>Label field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/style_dialog.py" line="87"/>
        <source>Hide when zoomed out beyond 1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/style_dialog.py" line="88"/>
        <source>Hide when zoomed in beyond 1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/style_dialog.py" line="89"/>
        <source>Opacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../widgets/style_dialog.py" line="105"/>
        <source>no limit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TileLayer</name>
    <message>
        <location filename="../../layers/tiles/layer.py" line="112"/>
        <source>Tiles failing: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VectorFileLayer</name>
    <message>
        <location filename="../../layers/vector_file/layer.py" line="131"/>
        <source>%1: feature %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VesselLayer</name>
    <message>
        <location filename="../../layers/vessels/layer.py" line="24"/>
        <source>Fishing vessels (VMS)</source>
        <translation>Tàu cá (giám sát hành trình)</translation>
    </message>
    <message>
        <location filename="../../layers/vessels/layer.py" line="29"/>
        <location filename="../../layers/vessels/layer.py" line="74"/>
        <source>In port</source>
        <translation>Trong cảng</translation>
    </message>
    <message>
        <location filename="../../layers/vessels/layer.py" line="30"/>
        <source>At sea, reporting</source>
        <translation>Trên biển, có tín hiệu</translation>
    </message>
    <message>
        <location filename="../../layers/vessels/layer.py" line="31"/>
        <source>Late report (&gt; 2 h)</source>
        <translation>Chậm báo vị trí (&gt; 2 giờ)</translation>
    </message>
    <message>
        <location filename="../../layers/vessels/layer.py" line="33"/>
        <source>Signal lost (&gt; 6 h)</source>
        <translation>Mất tín hiệu (&gt; 6 giờ)</translation>
    </message>
    <message>
        <location filename="../../layers/vessels/layer.py" line="36"/>
        <source>Must return to port (&gt; 10 days)</source>
        <translation>Phải về bờ (&gt; 10 ngày)</translation>
    </message>
    <message>
        <location filename="../../layers/vessels/layer.py" line="74"/>
        <source>At sea</source>
        <translation>Trên biển</translation>
    </message>
    <message>
        <location filename="../../layers/vessels/layer.py" line="77"/>
        <source>Registration</source>
        <translation>Số đăng ký</translation>
    </message>
    <message>
        <location filename="../../layers/vessels/layer.py" line="78"/>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <location filename="../../layers/vessels/layer.py" line="79"/>
        <source>Owner</source>
        <translation>Chủ tàu</translation>
    </message>
    <message>
        <location filename="../../layers/vessels/layer.py" line="80"/>
        <source>Length</source>
        <translation>Chiều dài</translation>
    </message>
    <message>
        <location filename="../../layers/vessels/layer.py" line="81"/>
        <source>Gear</source>
        <translation>Nghề khai thác</translation>
    </message>
    <message>
        <location filename="../../layers/vessels/layer.py" line="82"/>
        <source>Home port</source>
        <translation>Cảng cá</translation>
    </message>
    <message>
        <location filename="../../layers/vessels/layer.py" line="83"/>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../layers/vessels/layer.py" line="84"/>
        <source>VMS state</source>
        <translation>Trạng thái giám sát hành trình</translation>
    </message>
    <message>
        <location filename="../../layers/vessels/layer.py" line="85"/>
        <source>Last fix</source>
        <translation>Vị trí cuối</translation>
    </message>
    <message>
        <location filename="../../layers/vessels/layer.py" line="86"/>
        <source>Fix age</source>
        <translation>Tuổi vị trí</translation>
    </message>
    <message>
        <location filename="../../layers/vessels/layer.py" line="87"/>
        <source>Position</source>
        <translation>Vị trí</translation>
    </message>
    <message>
        <location filename="../../layers/vessels/layer.py" line="88"/>
        <source>Speed</source>
        <translation>Tốc độ</translation>
    </message>
    <message>
        <location filename="../../layers/vessels/layer.py" line="89"/>
        <source>Course</source>
        <translation>Hướng đi</translation>
    </message>
</context>
<context>
    <name>VesselRules</name>
    <message>
        <location filename="../../console/rules/vessel_rules.py" line="123"/>
        <source>fishing in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/rules/vessel_rules.py" line="125"/>
        <source>entered %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/rules/vessel_rules.py" line="132"/>
        <source>%1 (%2) — %3 at %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/rules/vessel_rules.py" line="147"/>
        <source>; left at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/rules/vessel_rules.py" line="188"/>
        <source>%1: approaching the permitted boundary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/rules/vessel_rules.py" line="191"/>
        <source>%1 is %2 nm from the permitted boundary; at %3 kn it reaches it in %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/rules/vessel_rules.py" line="220"/>
        <source>%1: crossed the permitted boundary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/rules/vessel_rules.py" line="223"/>
        <source>%1 crossed the permitted fishing boundary at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/rules/vessel_rules.py" line="241"/>
        <source>%1: returned inside the boundary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/rules/vessel_rules.py" line="244"/>
        <source>%1 returned inside the permitted boundary at %2; close the crossing with a reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/rules/vessel_rules.py" line="298"/>
        <source>%1: must return to port (silent &gt; 10 days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/rules/vessel_rules.py" line="300"/>
        <source>%1: VMS signal lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../console/rules/vessel_rules.py" line="302"/>
        <source>%1 last reported at %2 (%3° N, %4° E)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>listing</name>
    <message>
        <location filename="../../widgets/incidents/feature.py" line="58"/>
        <source>Incidents</source>
        <translation type="unfinished">Sự cố</translation>
    </message>
</context>
</TS>
