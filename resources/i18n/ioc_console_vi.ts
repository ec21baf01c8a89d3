<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="vi_VN">
<context>
    <name>Age</name>
    <message>
        <location filename="../../console/timefmt.py" line="30" />
        <source>%1 s</source>
        <translation>%1 giây</translation>
    </message>
    <message>
        <location filename="../../console/timefmt.py" line="32" />
        <source>%1 min</source>
        <translation>%1 phút</translation>
    </message>
    <message>
        <location filename="../../console/timefmt.py" line="35" />
        <source>%1 h %2 min</source>
        <translation>%1 giờ %2 phút</translation>
    </message>
    <message>
        <location filename="../../console/timefmt.py" line="40" />
        <source>%1 d %2 h</source>
        <translation>%1 ngày %2 giờ</translation>
    </message>
</context>
<context>
    <name>BasemapLayer</name>
    <message>
        <location filename="../../layers/basemap_vector/layer.py" line="134" />
        <source>Province basemap (approximate)</source>
        <translation>Bản đồ nền tỉnh (gần đúng)</translation>
    </message>
    <message>
        <location filename="../../layers/basemap_vector/layer.py" line="167" />
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../../layers/basemap_vector/layer.py" line="175" />
        <source>Province boundary (former Bình Định)</source>
        <translation>Ranh giới tỉnh (Bình Định cũ)</translation>
    </message>
    <message>
        <location filename="../../layers/basemap_vector/layer.py" line="178" />
        <source>River</source>
        <translation>Sông</translation>
    </message>
    <message>
        <location filename="../../layers/basemap_vector/layer.py" line="180" />
        <source>Reservoir / lagoon</source>
        <translation>Hồ chứa / đầm</translation>
    </message>
</context>
<context>
    <name>CameraLayer</name>
    <message>
        <location filename="../../layers/cameras/layer.py" line="22" />
        <source>Cameras</source>
        <translation>Camera</translation>
    </message>
    <message>
        <location filename="../../layers/cameras/layer.py" line="25" />
        <source>Camera online</source>
        <translation>Camera hoạt động</translation>
    </message>
    <message>
        <location filename="../../layers/cameras/layer.py" line="26" />
        <source>Camera offline</source>
        <translation>Camera mất kết nối</translation>
    </message>
    <message>
        <location filename="../../layers/cameras/layer.py" line="34" />
        <source>Traffic</source>
        <translation>Giao thông</translation>
    </message>
    <message>
        <location filename="../../layers/cameras/layer.py" line="35" />
        <source>Security</source>
        <translation>An ninh</translation>
    </message>
    <message>
        <location filename="../../layers/cameras/layer.py" line="38" />
        <source>Online</source>
        <translation>Hoạt động</translation>
    </message>
    <message>
        <location filename="../../layers/cameras/layer.py" line="38" />
        <source>Offline</source>
        <translation>Mất kết nối</translation>
    </message>
    <message>
        <location filename="../../layers/cameras/layer.py" line="41" />
        <source>Type</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../../layers/cameras/layer.py" line="42" />
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../layers/cameras/layer.py" line="43" />
        <source>Last seen</source>
        <translation>Lần cuối hoạt động</translation>
    </message>
    <message>
        <location filename="../../layers/cameras/layer.py" line="44" />
        <source>Age</source>
        <translation>Thời gian trôi qua</translation>
    </message>
    <message>
        <location filename="../../layers/cameras/layer.py" line="45" />
        <source>Position</source>
        <translation>Vị trí</translation>
    </message>
</context>
<context>
    <name>ConsoleStatusBar</name>
    <message>
        <location filename="../../widgets/status_bar.py" line="49" />
        <source>Connecting…</source>
        <translation>Đang kết nối…</translation>
    </message>
    <message>
        <location filename="../../widgets/status_bar.py" line="50" />
        <source>Connected</source>
        <translation>Đã kết nối</translation>
    </message>
    <message>
        <location filename="../../widgets/status_bar.py" line="51" />
        <source>Reconnecting…</source>
        <translation>Đang kết nối lại…</translation>
    </message>
    <message>
        <location filename="../../widgets/status_bar.py" line="52" />
        <source>Disconnected</source>
        <translation>Mất kết nối</translation>
    </message>
    <message>
        <location filename="../../widgets/status_bar.py" line="62" />
        <source>since %1</source>
        <translation>từ %1</translation>
    </message>
    <message>
        <location filename="../../widgets/status_bar.py" line="75" />
        <source>Data as of %1</source>
        <translation>Dữ liệu lúc %1</translation>
    </message>
    <message>
        <location filename="../../widgets/status_bar.py" line="77" />
        <source>no update for %1</source>
        <translation>không cập nhật trong %1</translation>
    </message>
    <message>
        <location filename="../../widgets/status_bar.py" line="80" />
        <source>Waiting for data…</source>
        <translation>Đang chờ dữ liệu…</translation>
    </message>
    <message>
        <location filename="../../widgets/status_bar.py" line="85" />
        <source>Vessels: %1 at sea, %2 in port, %3 dark · Stations ≥BĐ1/2/3: %4/%5/%6 · Open incidents: %7 · Cameras offline: %8</source>
        <translation>Tàu: %1 trên biển, %2 trong cảng, %3 mất tín hiệu · Trạm ≥BĐ1/2/3: %4/%5/%6 · Sự cố đang mở: %7 · Camera mất kết nối: %8</translation>
    </message>
</context>
<context>
    <name>IncidentLayer</name>
    <message>
        <location filename="../../layers/incidents/layer.py" line="25" />
        <source>Traffic accident</source>
        <translation>Tai nạn giao thông</translation>
    </message>
    <message>
        <location filename="../../layers/incidents/layer.py" line="26" />
        <source>Congestion</source>
        <translation>Ùn tắc giao thông</translation>
    </message>
    <message>
        <location filename="../../layers/incidents/layer.py" line="27" />
        <source>Flooding</source>
        <translation>Ngập lụt</translation>
    </message>
    <message>
        <location filename="../../layers/incidents/layer.py" line="28" />
        <source>Fire</source>
        <translation>Cháy</translation>
    </message>
    <message>
        <location filename="../../layers/incidents/layer.py" line="29" />
        <source>Public order</source>
        <translation>An ninh trật tự</translation>
    </message>
    <message>
        <location filename="../../layers/incidents/layer.py" line="30" />
        <source>Field report</source>
        <translation>Phản ánh hiện trường</translation>
    </message>
    <message>
        <location filename="../../layers/incidents/layer.py" line="36" />
        <source>New</source>
        <translation>Mới</translation>
    </message>
    <message>
        <location filename="../../layers/incidents/layer.py" line="37" />
        <source>Acknowledged</source>
        <translation>Đã tiếp nhận</translation>
    </message>
    <message>
        <location filename="../../layers/incidents/layer.py" line="38" />
        <source>Assigned</source>
        <translation>Đã phân công</translation>
    </message>
    <message>
        <location filename="../../layers/incidents/layer.py" line="39" />
        <source>Resolved</source>
        <translation>Đã xử lý</translation>
    </message>
    <message>
        <location filename="../../layers/incidents/layer.py" line="40" />
        <source>Closed</source>
        <translation>Đã đóng</translation>
    </message>
    <message>
        <location filename="../../layers/incidents/layer.py" line="46" />
        <source>Incidents</source>
        <translation>Sự cố</translation>
    </message>
    <message>
        <location filename="../../layers/incidents/layer.py" line="50" />
        <source>Incident, low severity</source>
        <translation>Sự cố mức thấp</translation>
    </message>
    <message>
        <location filename="../../layers/incidents/layer.py" line="53" />
        <source>Incident, medium severity</source>
        <translation>Sự cố mức trung bình</translation>
    </message>
    <message>
        <location filename="../../layers/incidents/layer.py" line="56" />
        <source>Incident, high severity</source>
        <translation>Sự cố mức cao</translation>
    </message>
    <message>
        <location filename="../../layers/incidents/layer.py" line="59" />
        <source>Incident, critical</source>
        <translation>Sự cố nghiêm trọng</translation>
    </message>
    <message>
        <location filename="../../layers/incidents/layer.py" line="61" />
        <source>Incident resolved</source>
        <translation>Sự cố đã xử lý</translation>
    </message>
    <message>
        <location filename="../../layers/incidents/layer.py" line="89" />
        <source>Low</source>
        <translation>Thấp</translation>
    </message>
    <message>
        <location filename="../../layers/incidents/layer.py" line="90" />
        <source>Medium</source>
        <translation>Trung bình</translation>
    </message>
    <message>
        <location filename="../../layers/incidents/layer.py" line="91" />
        <source>High</source>
        <translation>Cao</translation>
    </message>
    <message>
        <location filename="../../layers/incidents/layer.py" line="92" />
        <source>Critical</source>
        <translation>Nghiêm trọng</translation>
    </message>
    <message>
        <location filename="../../layers/incidents/layer.py" line="95" />
        <source>Type</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../../layers/incidents/layer.py" line="96" />
        <source>Severity</source>
        <translation>Mức độ</translation>
    </message>
    <message>
        <location filename="../../layers/incidents/layer.py" line="97" />
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../layers/incidents/layer.py" line="98" />
        <source>Reported</source>
        <translation>Thời điểm báo</translation>
    </message>
    <message>
        <location filename="../../layers/incidents/layer.py" line="99" />
        <source>Age</source>
        <translation>Thời gian trôi qua</translation>
    </message>
    <message>
        <location filename="../../layers/incidents/layer.py" line="100" />
        <source>Description</source>
        <translation>Mô tả</translation>
    </message>
    <message>
        <location filename="../../layers/incidents/layer.py" line="103" />
        <source>Assigned to</source>
        <translation>Giao cho</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <location filename="../../widgets/inspector.py" line="14" />
        <source>Click a vessel, station, camera or incident on the map.</source>
        <translation>Bấm vào tàu cá, trạm, camera hoặc sự cố trên bản đồ.</translation>
    </message>
    <message>
        <location filename="../../widgets/inspector.py" line="18" />
        <source>Attribute</source>
        <translation>Thuộc tính</translation>
    </message>
    <message>
        <location filename="../../widgets/inspector.py" line="18" />
        <source>Value</source>
        <translation>Giá trị</translation>
    </message>
    <message>
        <location filename="../../widgets/inspector.py" line="31" />
        <source>Nothing here.</source>
        <translation>Không có đối tượng nào ở đây.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../widgets/main_window.py" line="53" />
        <source>IOC Console — Intelligent Operations Center</source>
        <translation>IOC Console — Trung tâm Giám sát, điều hành đô thị thông minh</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="75" />
        <source>Map tools</source>
        <translation>Công cụ bản đồ</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="80" />
        <source>Layers</source>
        <translation>Lớp bản đồ</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="85" />
        <source>Inspector</source>
        <translation>Thông tin chi tiết</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="122" />
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="124" />
        <source>&amp;Quit</source>
        <translation>&amp;Thoát</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="129" />
        <source>&amp;View</source>
        <translation>&amp;Xem</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="131" />
        <source>Zoom to &amp;province and fishing grounds</source>
        <translation>Xem toàn &amp;tỉnh và ngư trường</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="136" />
        <source>Zoom &amp;in</source>
        <translation>&amp;Phóng to</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="139" />
        <source>Zoom &amp;out</source>
        <translation>Th&amp;u nhỏ</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="142" />
        <source>Zoom to province &amp;boundary</source>
        <translation>Xem theo &amp;ranh giới tỉnh</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="148" />
        <source>&amp;Panels</source>
        <translation>&amp;Bảng điều khiển</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="149" />
        <source>&amp;Layer</source>
        <translation>&amp;Lớp</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="150" />
        <source>&amp;Tools</source>
        <translation>&amp;Công cụ</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="152" />
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="154" />
        <source>&amp;About IOC Console</source>
        <translation>&amp;Giới thiệu IOC Console</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="165" />
        <source>About IOC Console</source>
        <translation>Giới thiệu IOC Console</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="167" />
        <source>IOC Console — operations map for the provincial Intelligent Operations Center.
Backend: %1</source>
        <translation>IOC Console — bản đồ điều hành của Trung tâm Giám sát, điều hành đô thị thông minh tỉnh.
Máy chủ: %1</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="187" />
        <source>Basemap could not be loaded: %1</source>
        <translation>Không tải được bản đồ nền: %1</translation>
    </message>
</context>
<context>
    <name>StationLayer</name>
    <message>
        <location filename="../../layers/stations/layer.py" line="28" />
        <source>Hydrology stations</source>
        <translation>Trạm thủy văn</translation>
    </message>
    <message>
        <location filename="../../layers/stations/layer.py" line="33" />
        <source>Water level below BĐ1</source>
        <translation>Mực nước dưới BĐ1</translation>
    </message>
    <message>
        <location filename="../../layers/stations/layer.py" line="35" />
        <source>Above BĐ1</source>
        <translation>Trên BĐ1</translation>
    </message>
    <message>
        <location filename="../../layers/stations/layer.py" line="36" />
        <source>Above BĐ2</source>
        <translation>Trên BĐ2</translation>
    </message>
    <message>
        <location filename="../../layers/stations/layer.py" line="37" />
        <source>Above BĐ3</source>
        <translation>Trên BĐ3</translation>
    </message>
    <message>
        <location filename="../../layers/stations/layer.py" line="39" />
        <source>Reservoir below normal level</source>
        <translation>Hồ chứa dưới mực nước dâng bình thường</translation>
    </message>
    <message>
        <location filename="../../layers/stations/layer.py" line="42" />
        <source>Reservoir at/above normal level</source>
        <translation>Hồ chứa đạt/vượt mực nước dâng bình thường</translation>
    </message>
    <message>
        <location filename="../../layers/stations/layer.py" line="49" />
        <source>Rain gauge, no rain</source>
        <translation>Trạm đo mưa, không mưa</translation>
    </message>
    <message>
        <location filename="../../layers/stations/layer.py" line="50" />
        <source>Rain gauge, raining</source>
        <translation>Trạm đo mưa, đang mưa</translation>
    </message>
    <message>
        <location filename="../../layers/stations/layer.py" line="52" />
        <source>Rain gauge, heavy rain (≥ 5 mm/10 min)</source>
        <translation>Trạm đo mưa, mưa to (≥ 5 mm/10 phút)</translation>
    </message>
    <message>
        <location filename="../../layers/stations/layer.py" line="58" />
        <source>No recent data</source>
        <translation>Không có số liệu mới</translation>
    </message>
    <message>
        <location filename="../../layers/stations/layer.py" line="79" />
        <source>Water level</source>
        <translation>Mực nước</translation>
    </message>
    <message>
        <location filename="../../layers/stations/layer.py" line="80" />
        <source>Reservoir</source>
        <translation>Hồ chứa</translation>
    </message>
    <message>
        <location filename="../../layers/stations/layer.py" line="81" />
        <source>Rain gauge</source>
        <translation>Trạm đo mưa</translation>
    </message>
    <message>
        <location filename="../../layers/stations/layer.py" line="84" />
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <location filename="../../layers/stations/layer.py" line="85" />
        <source>Type</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../../layers/stations/layer.py" line="88" />
        <source>River</source>
        <translation>Sông</translation>
    </message>
    <message>
        <location filename="../../layers/stations/layer.py" line="90" />
        <source>Latest value</source>
        <translation>Giá trị mới nhất</translation>
    </message>
    <message>
        <location filename="../../layers/stations/layer.py" line="91" />
        <source>Measured at</source>
        <translation>Thời điểm đo</translation>
    </message>
    <message>
        <location filename="../../layers/stations/layer.py" line="93" />
        <source>Age</source>
        <translation>Thời gian trôi qua</translation>
    </message>
    <message>
        <location filename="../../layers/stations/layer.py" line="97" />
        <source>Alarm levels BĐ1/BĐ2/BĐ3</source>
        <translation>Mức báo động BĐ1/BĐ2/BĐ3</translation>
    </message>
    <message>
        <location filename="../../layers/stations/layer.py" line="103" />
        <source>Normal water level</source>
        <translation>Mực nước dâng bình thường</translation>
    </message>
    <message>
        <location filename="../../layers/stations/layer.py" line="105" />
        <source>Position</source>
        <translation>Vị trí</translation>
    </message>
    <message>
        <location filename="../../layers/stations/layer.py" line="117" />
        <source>%1, above BĐ%2 by %3</source>
        <translation>%1, trên BĐ%2 %3</translation>
    </message>
</context>
<context>
    <name>VesselLayer</name>
    <message>
        <location filename="../../layers/vessels/layer.py" line="24" />
        <source>Fishing vessels (VMS)</source>
        <translation>Tàu cá (giám sát hành trình)</translation>
    </message>
    <message>
        <location filename="../../layers/vessels/layer.py" line="29" />
        <location filename="../../layers/vessels/layer.py" line="74" />
        <source>In port</source>
        <translation>Trong cảng</translation>
    </message>
    <message>
        <location filename="../../layers/vessels/layer.py" line="30" />
        <source>At sea, reporting</source>
        <translation>Trên biển, có tín hiệu</translation>
    </message>
    <message>
        <location filename="../../layers/vessels/layer.py" line="31" />
        <source>Late report (&gt; 2 h)</source>
        <translation>Chậm báo vị trí (&gt; 2 giờ)</translation>
    </message>
    <message>
        <location filename="../../layers/vessels/layer.py" line="33" />
        <source>Signal lost (&gt; 6 h)</source>
        <translation>Mất tín hiệu (&gt; 6 giờ)</translation>
    </message>
    <message>
        <location filename="../../layers/vessels/layer.py" line="36" />
        <source>Must return to port (&gt; 10 days)</source>
        <translation>Phải về bờ (&gt; 10 ngày)</translation>
    </message>
    <message>
        <location filename="../../layers/vessels/layer.py" line="74" />
        <source>At sea</source>
        <translation>Trên biển</translation>
    </message>
    <message>
        <location filename="../../layers/vessels/layer.py" line="77" />
        <source>Registration</source>
        <translation>Số đăng ký</translation>
    </message>
    <message>
        <location filename="../../layers/vessels/layer.py" line="78" />
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <location filename="../../layers/vessels/layer.py" line="79" />
        <source>Owner</source>
        <translation>Chủ tàu</translation>
    </message>
    <message>
        <location filename="../../layers/vessels/layer.py" line="80" />
        <source>Length</source>
        <translation>Chiều dài</translation>
    </message>
    <message>
        <location filename="../../layers/vessels/layer.py" line="81" />
        <source>Gear</source>
        <translation>Nghề khai thác</translation>
    </message>
    <message>
        <location filename="../../layers/vessels/layer.py" line="82" />
        <source>Home port</source>
        <translation>Cảng cá</translation>
    </message>
    <message>
        <location filename="../../layers/vessels/layer.py" line="83" />
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../layers/vessels/layer.py" line="84" />
        <source>VMS state</source>
        <translation>Trạng thái giám sát hành trình</translation>
    </message>
    <message>
        <location filename="../../layers/vessels/layer.py" line="85" />
        <source>Last fix</source>
        <translation>Vị trí cuối</translation>
    </message>
    <message>
        <location filename="../../layers/vessels/layer.py" line="86" />
        <source>Fix age</source>
        <translation>Tuổi vị trí</translation>
    </message>
    <message>
        <location filename="../../layers/vessels/layer.py" line="87" />
        <source>Position</source>
        <translation>Vị trí</translation>
    </message>
    <message>
        <location filename="../../layers/vessels/layer.py" line="88" />
        <source>Speed</source>
        <translation>Tốc độ</translation>
    </message>
    <message>
        <location filename="../../layers/vessels/layer.py" line="89" />
        <source>Course</source>
        <translation>Hướng đi</translation>
    </message>
</context>
</TS>