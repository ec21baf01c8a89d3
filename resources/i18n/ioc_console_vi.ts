<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="vi_VN">
<context>
    <name>AddFromServerDialog</name>
    <message>
        <location filename="../../widgets/sources/add_dialog.py" line="94" />
        <source>Add layers from a feature server</source>
        <translation>Thêm lớp từ máy chủ dữ liệu không gian</translation>
    </message>
    <message>
        <location filename="../../widgets/sources/add_dialog.py" line="102" />
        <source>List collections</source>
        <translation>Liệt kê bộ dữ liệu</translation>
    </message>
    <message>
        <location filename="../../widgets/sources/add_dialog.py" line="106" />
        <source>Credentials…</source>
        <translation>Thông tin đăng nhập…</translation>
    </message>
    <message>
        <location filename="../../widgets/sources/add_dialog.py" line="112" />
        <source>Title</source>
        <translation>Tiêu đề</translation>
    </message>
    <message>
        <location filename="../../widgets/sources/add_dialog.py" line="112" />
        <source>Id</source>
        <translation>Mã</translation>
    </message>
    <message>
        <location filename="../../widgets/sources/add_dialog.py" line="112" />
        <source>Features</source>
        <translation>Số đối tượng</translation>
    </message>
    <message>
        <location filename="../../widgets/sources/add_dialog.py" line="120" />
        <source>only when the view moves</source>
        <translation>chỉ khi di chuyển bản đồ</translation>
    </message>
    <message>
        <location filename="../../widgets/sources/add_dialog.py" line="127" />
        <source>Add to map</source>
        <translation>Thêm vào bản đồ</translation>
    </message>
    <message>
        <location filename="../../widgets/sources/add_dialog.py" line="146" />
        <source>Refresh every</source>
        <translation>Làm mới mỗi</translation>
    </message>
    <message>
        <location filename="../../widgets/sources/add_dialog.py" line="148" />
        <source>Server address (OGC API – Features landing page)</source>
        <translation>Địa chỉ máy chủ (trang gốc OGC API – Features)</translation>
    </message>
    <message>
        <location filename="../../widgets/sources/add_dialog.py" line="174" />
        <location filename="../../widgets/sources/add_dialog.py" line="198" />
        <source>Type the server's address, starting with http:// or https://.</source>
        <translation>Nhập địa chỉ máy chủ, bắt đầu bằng http:// hoặc https://.</translation>
    </message>
    <message>
        <location filename="../../widgets/sources/add_dialog.py" line="180" />
        <source>Asking %1 for its collections…</source>
        <translation>Đang hỏi %1 danh sách bộ dữ liệu…</translation>
    </message>
    <message>
        <location filename="../../widgets/sources/add_dialog.py" line="218" />
        <source>%1 collections. Choose one or more and add them to the map.</source>
        <translation>%1 bộ dữ liệu. Chọn một hoặc nhiều bộ rồi thêm vào bản đồ.</translation>
    </message>
    <message>
        <location filename="../../widgets/sources/add_dialog.py" line="221" />
        <source>The server lists no feature collections.</source>
        <translation>Máy chủ không có bộ dữ liệu đối tượng nào.</translation>
    </message>
    <message>
        <location filename="../../widgets/sources/add_dialog.py" line="236" />
        <source>Adding %1 layer(s)…</source>
        <translation>Đang thêm %1 lớp…</translation>
    </message>
</context>
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
    <name>AisEndpoint</name>
    <message>
        <location filename="../../console/sources/ais/endpoint.py" line="36" />
        <source>not an AIS source address: %1 (use tcp://HOST:PORT, udp://:PORT or file://PATH)</source>
        <translation>không phải địa chỉ nguồn AIS: %1 (dùng tcp://MÁY:CỔNG, udp://:CỔNG hoặc file://ĐƯỜNG_DẪN)</translation>
    </message>
</context>
<context>
    <name>AisSource</name>
    <message>
        <location filename="../../console/sources/ais/source.py" line="188" />
        <source>AIS source %1: %2</source>
        <translation>Nguồn AIS %1: %2</translation>
    </message>
</context>
<context>
    <name>AlertGroups</name>
    <message>
        <location filename="../../console/rules/alert_groups.py" line="26" />
        <source>%1 gauges</source>
        <translation>%1 điểm đo</translation>
    </message>
    <message>
        <location filename="../../console/rules/alert_groups.py" line="27" />
        <source>%1 stations</source>
        <translation>%1 trạm</translation>
    </message>
    <message>
        <location filename="../../console/rules/alert_groups.py" line="28" />
        <source>%1 vessels</source>
        <translation>%1 tàu</translation>
    </message>
    <message>
        <location filename="../../console/rules/alert_groups.py" line="29" />
        <source>%1 cameras</source>
        <translation>%1 camera</translation>
    </message>
    <message>
        <location filename="../../console/rules/alert_groups.py" line="30" />
        <source>%1 incidents</source>
        <translation>%1 sự cố</translation>
    </message>
    <message>
        <location filename="../../console/rules/alert_groups.py" line="71" />
        <source>%1 alerts</source>
        <translation>%1 cảnh báo</translation>
    </message>
</context>
<context>
    <name>AlertPanel</name>
    <message>
        <location filename="../../widgets/live/alert_panel.py" line="103" />
        <source>Vessel</source>
        <translation>Tàu cá</translation>
    </message>
    <message>
        <location filename="../../widgets/live/alert_panel.py" line="104" />
        <source>Water level</source>
        <translation>Mực nước</translation>
    </message>
    <message>
        <location filename="../../widgets/live/alert_panel.py" line="105" />
        <source>Rain</source>
        <translation>Mưa</translation>
    </message>
    <message>
        <location filename="../../widgets/live/alert_panel.py" line="106" />
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <location filename="../../widgets/live/alert_panel.py" line="107" />
        <source>Incident</source>
        <translation>Sự cố</translation>
    </message>
    <message>
        <location filename="../../widgets/live/alert_panel.py" line="110" />
        <source>Critical</source>
        <translation>Khẩn cấp</translation>
    </message>
    <message>
        <location filename="../../widgets/live/alert_panel.py" line="111" />
        <source>High</source>
        <translation>Cao</translation>
    </message>
    <message>
        <location filename="../../widgets/live/alert_panel.py" line="112" />
        <source>Medium</source>
        <translation>Trung bình</translation>
    </message>
    <message>
        <location filename="../../widgets/live/alert_panel.py" line="113" />
        <source>Low</source>
        <translation>Thấp</translation>
    </message>
    <message>
        <location filename="../../widgets/live/alert_panel.py" line="114" />
        <source>Info</source>
        <translation>Thông tin</translation>
    </message>
    <message>
        <location filename="../../widgets/live/alert_panel.py" line="137" />
        <source>All sources</source>
        <translation>Tất cả nguồn</translation>
    </message>
    <message>
        <location filename="../../widgets/live/alert_panel.py" line="143" />
        <source>Active and recent</source>
        <translation>Đang diễn ra và gần đây</translation>
    </message>
    <message>
        <location filename="../../widgets/live/alert_panel.py" line="144" />
        <source>Active only</source>
        <translation>Chỉ đang diễn ra</translation>
    </message>
    <message>
        <location filename="../../widgets/live/alert_panel.py" line="149" />
        <source>Severity</source>
        <translation>Mức độ</translation>
    </message>
    <message>
        <location filename="../../widgets/live/alert_panel.py" line="150" />
        <source>Time</source>
        <translation>Thời điểm</translation>
    </message>
    <message>
        <location filename="../../widgets/live/alert_panel.py" line="151" />
        <source>Source</source>
        <translation>Nguồn</translation>
    </message>
    <message>
        <location filename="../../widgets/live/alert_panel.py" line="152" />
        <source>Alert</source>
        <translation>Cảnh báo</translation>
    </message>
    <message>
        <location filename="../../widgets/live/alert_panel.py" line="153" />
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../widgets/live/alert_panel.py" line="254" />
        <source>Undo</source>
        <translation>Hoàn tác</translation>
    </message>
    <message>
        <location filename="../../widgets/live/alert_panel.py" line="266" />
        <location filename="../../widgets/live/alert_panel.py" line="667" />
        <source>Acknowledge</source>
        <translation>Xác nhận</translation>
    </message>
    <message>
        <location filename="../../widgets/live/alert_panel.py" line="268" />
        <source>Acknowledge all</source>
        <translation>Xác nhận tất cả</translation>
    </message>
    <message>
        <location filename="../../widgets/live/alert_panel.py" line="271" />
        <source>Shelve</source>
        <translation>Tạm ẩn</translation>
    </message>
    <message>
        <location filename="../../widgets/live/alert_panel.py" line="275" />
        <source>for %1 min</source>
        <translation>trong %1 phút</translation>
    </message>
    <message>
        <location filename="../../widgets/live/alert_panel.py" line="278" />
        <source>Un-shelve</source>
        <translation>Bỏ tạm ẩn</translation>
    </message>
    <message>
        <location filename="../../widgets/live/alert_panel.py" line="281" />
        <source>Zoom to</source>
        <translation>Xem trên bản đồ</translation>
    </message>
    <message>
        <location filename="../../widgets/live/alert_panel.py" line="283" />
        <source>Close crossing…</source>
        <translation>Đóng vụ vượt ranh giới…</translation>
    </message>
    <message>
        <location filename="../../widgets/live/alert_panel.py" line="430" />
        <source>Double-click or → to show each; acting on this row acts on all %1.</source>
        <translation>Nhấp đúp hoặc → để xem từng mục; thao tác trên dòng này áp dụng cho cả %1 mục.</translation>
    </message>
    <message>
        <location filename="../../widgets/live/alert_panel.py" line="445" />
        <source>acknowledged</source>
        <translation>đã xác nhận</translation>
    </message>
    <message>
        <location filename="../../widgets/live/alert_panel.py" line="467" />
        <source>%1 new ↑</source>
        <translation>%1 mới ↑</translation>
    </message>
    <message>
        <location filename="../../widgets/live/alert_panel.py" line="501" />
        <source>shelved until %1</source>
        <translation>tạm ẩn đến %1</translation>
    </message>
    <message>
        <location filename="../../widgets/live/alert_panel.py" line="503" />
        <source>by %1</source>
        <translation>bởi %1</translation>
    </message>
    <message>
        <location filename="../../widgets/live/alert_panel.py" line="505" />
        <source>ack. by %1</source>
        <translation>%1 đã xác nhận</translation>
    </message>
    <message>
        <location filename="../../widgets/live/alert_panel.py" line="530" />
        <source>Raised by the backend: the same alert on every console</source>
        <translation>Do máy chủ phát: cùng một cảnh báo trên mọi máy trạm</translation>
    </message>
    <message>
        <location filename="../../widgets/live/alert_panel.py" line="531" />
        <source>Raised by this console's rules</source>
        <translation>Do quy tắc của máy trạm này phát</translation>
    </message>
    <message>
        <location filename="../../widgets/live/alert_panel.py" line="664" />
        <source>Acknowledge this alert.</source>
        <translation>Xác nhận cảnh báo này.</translation>
    </message>
    <message>
        <location filename="../../widgets/live/alert_panel.py" line="665" />
        <source>Acknowledge %1 alerts.</source>
        <translation>Xác nhận %1 cảnh báo.</translation>
    </message>
    <message>
        <location filename="../../widgets/live/alert_panel.py" line="793" />
        <source>Alarm flood: %1 new alerts in %2 min, %3 standing from before. Alerts of one kind are grouped; work the top rows first.</source>
        <translation>Dồn dập cảnh báo: %1 cảnh báo mới trong %2 phút, %3 cảnh báo tồn tại từ trước. Cảnh báo cùng loại được gộp; hãy xử lý các dòng trên cùng trước.</translation>
    </message>
    <message>
        <location filename="../../widgets/live/alert_panel.py" line="446" />
        <location filename="../../widgets/live/alert_panel.py" line="509" />
        <source>new</source>
        <translation>mới</translation>
    </message>
    <message>
        <location filename="../../widgets/live/alert_panel.py" line="511" />
        <source>⏳ not yet sent</source>
        <translation>⏳ chưa gửi được</translation>
    </message>
    <message>
        <location filename="../../widgets/live/alert_panel.py" line="515" />
        <source>⏳ closing</source>
        <translation>⏳ đang đóng</translation>
    </message>
    <message>
        <location filename="../../widgets/live/alert_panel.py" line="517" />
        <source>cleared</source>
        <translation>đã hết</translation>
    </message>
    <message>
        <location filename="../../widgets/live/alert_panel.py" line="519" />
        <source>flapping</source>
        <translation>chập chờn</translation>
    </message>
    <message>
        <location filename="../../widgets/live/alert_panel.py" line="527" />
        <source>Comment: %1</source>
        <translation>Ghi chú: %1</translation>
    </message>
    <message>
        <location filename="../../widgets/live/alert_panel.py" line="667" />
        <source>Comment (optional):</source>
        <translation>Ghi chú (không bắt buộc):</translation>
    </message>
    <message>
        <location filename="../../widgets/live/alert_panel.py" line="717" />
        <source>%1 alert(s) shelved until %2</source>
        <translation>Đã tạm ẩn %1 cảnh báo đến %2</translation>
    </message>
    <message>
        <location filename="../../widgets/live/alert_panel.py" line="779" />
        <source>%1 new · %2 acknowledged · %3 shelved</source>
        <translation>%1 mới · %2 đã xác nhận · %3 tạm ẩn</translation>
    </message>
    <message>
        <location filename="../../widgets/live/alert_panel.py" line="784" />
        <source>Shelved (%1)</source>
        <translation>Đang tạm ẩn (%1)</translation>
    </message>
    <message>
        <location filename="../../widgets/live/alert_panel.py" line="806" />
        <source>%1 high-severity alerts need acknowledgement</source>
        <translation>%1 cảnh báo mức cao cần xác nhận</translation>
    </message>
</context>
<context>
    <name>AttributeTable</name>
    <message>
        <location filename="../../widgets/attribute_table.py" line="51" />
        <source>Attributes — %1</source>
        <translation>Thuộc tính — %1</translation>
    </message>
    <message>
        <location filename="../../widgets/attribute_table.py" line="63" />
        <source>Zoom to feature</source>
        <translation>Xem đối tượng</translation>
    </message>
</context>
<context>
    <name>AuditDock</name>
    <message>
        <location filename="../../widgets/shared/audit_dock.py" line="37" />
        <source>Time</source>
        <translation>Thời điểm</translation>
    </message>
    <message>
        <location filename="../../widgets/shared/audit_dock.py" line="37" />
        <source>Who</source>
        <translation>Người thực hiện</translation>
    </message>
    <message>
        <location filename="../../widgets/shared/audit_dock.py" line="37" />
        <source>Action</source>
        <translation>Thao tác</translation>
    </message>
    <message>
        <location filename="../../widgets/shared/audit_dock.py" line="37" />
        <source>Object</source>
        <translation>Đối tượng</translation>
    </message>
    <message>
        <location filename="../../widgets/shared/audit_dock.py" line="38" />
        <source>Details</source>
        <translation>Chi tiết</translation>
    </message>
    <message>
        <location filename="../../widgets/shared/audit_dock.py" line="62" />
        <source>Waiting to learn who is signed in…</source>
        <translation>Đang chờ xác định tài khoản đăng nhập…</translation>
    </message>
    <message>
        <location filename="../../widgets/shared/audit_dock.py" line="71" />
        <source>Audit log not available: %1</source>
        <translation>Không đọc được nhật ký kiểm tra: %1</translation>
    </message>
</context>
<context>
    <name>BasemapLayer</name>
    <message>
        <location filename="../../layers/basemap_vector/layer.py" line="228" />
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../../layers/basemap_vector/layer.py" line="188" />
        <source>Province basemap</source>
        <translation>Bản đồ nền tỉnh</translation>
    </message>
    <message>
        <location filename="../../layers/basemap_vector/layer.py" line="236" />
        <source>Gia Lai province (since 1 July 2025)</source>
        <translation>Tỉnh Gia Lai (từ 1/7/2025)</translation>
    </message>
    <message>
        <location filename="../../layers/basemap_vector/layer.py" line="239" />
        <source>National road</source>
        <translation>Quốc lộ</translation>
    </message>
    <message>
        <location filename="../../layers/basemap_vector/layer.py" line="240" />
        <source>River</source>
        <translation>Sông</translation>
    </message>
    <message>
        <location filename="../../layers/basemap_vector/layer.py" line="242" />
        <source>Reservoir / lagoon</source>
        <translation>Hồ chứa / đầm</translation>
    </message>
    <message>
        <location filename="../../layers/basemap_vector/layer.py" line="254" />
        <source>Former Bình Định province (before 1 July 2025)</source>
        <translation>Tỉnh Bình Định cũ (trước 1/7/2025)</translation>
    </message>
    <message>
        <location filename="../../layers/basemap_vector/layer.py" line="278" />
        <source>Former Bình Định (historic outline)</source>
        <translation>Ranh giới Bình Định cũ (trước 1/7/2025)</translation>
    </message>
</context>
<context>
    <name>BookmarksPanel</name>
    <message>
        <location filename="../../widgets/bookmarks.py" line="35" />
        <source>Add current view…</source>
        <translation>Thêm khung nhìn hiện tại…</translation>
    </message>
    <message>
        <location filename="../../widgets/bookmarks.py" line="37" />
        <source>Go</source>
        <translation>Đi tới</translation>
    </message>
    <message>
        <location filename="../../widgets/bookmarks.py" line="39" />
        <source>Remove</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <location filename="../../widgets/bookmarks.py" line="82" />
        <source>New bookmark</source>
        <translation>Lưu khung nhìn mới</translation>
    </message>
    <message>
        <location filename="../../widgets/bookmarks.py" line="83" />
        <source>Name:</source>
        <translation>Tên:</translation>
    </message>
    <message>
        <location filename="../../widgets/bookmarks.py" line="84" />
        <source>View %1</source>
        <translation>Khung nhìn %1</translation>
    </message>
</context>
<context>
    <name>Bulletin</name>
    <message>
        <location filename="../../console/bulletin.py" line="36" />
        <source>%1, above BĐ%2 by %3</source>
        <translation>%1, trên BĐ%2 %3</translation>
    </message>
    <message>
        <location filename="../../console/bulletin.py" line="37" />
        <source>%1, below BĐ%2 by %3</source>
        <translation>%1, dưới BĐ%2 %3</translation>
    </message>
    <message>
        <location filename="../../console/bulletin.py" line="38" />
        <source>%1, at BĐ%2</source>
        <translation>%1, ở mức BĐ%2</translation>
    </message>
    <message>
        <location filename="../../console/bulletin.py" line="39" />
        <source>disaster risk level %1</source>
        <translation>cấp độ rủi ro thiên tai: cấp %1</translation>
    </message>
    <message>
        <location filename="../../console/bulletin.py" line="40" />
        <source>disaster risk level %1 or higher</source>
        <translation>cấp độ rủi ro thiên tai: cấp %1 trở lên</translation>
    </message>
    <message>
        <location filename="../../console/bulletin.py" line="41" />
        <source>level %1</source>
        <translation>cấp %1</translation>
    </message>
    <message>
        <location filename="../../console/bulletin.py" line="42" />
        <source>level %1 or higher</source>
        <translation>cấp %1 trở lên</translation>
    </message>
</context>
<context>
    <name>CameraLayer</name>
    <message>
        <location filename="../../layers/cameras/layer.py" line="23" />
        <source>Cameras</source>
        <translation>Camera</translation>
    </message>
    <message>
        <location filename="../../layers/cameras/layer.py" line="26" />
        <source>Camera online</source>
        <translation>Camera hoạt động</translation>
    </message>
    <message>
        <location filename="../../layers/cameras/layer.py" line="27" />
        <source>Camera offline</source>
        <translation>Camera mất kết nối</translation>
    </message>
    <message>
        <location filename="../../layers/cameras/layer.py" line="35" />
        <source>Traffic</source>
        <translation>Giao thông</translation>
    </message>
    <message>
        <location filename="../../layers/cameras/layer.py" line="36" />
        <source>Security</source>
        <translation>An ninh</translation>
    </message>
    <message>
        <location filename="../../layers/cameras/layer.py" line="39" />
        <source>Online</source>
        <translation>Hoạt động</translation>
    </message>
    <message>
        <location filename="../../layers/cameras/layer.py" line="39" />
        <source>Offline</source>
        <translation>Mất kết nối</translation>
    </message>
    <message>
        <location filename="../../layers/cameras/layer.py" line="42" />
        <source>Type</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../../layers/cameras/layer.py" line="43" />
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../layers/cameras/layer.py" line="44" />
        <source>Last seen</source>
        <translation>Lần cuối hoạt động</translation>
    </message>
    <message>
        <location filename="../../layers/cameras/layer.py" line="45" />
        <source>Age</source>
        <translation>Cập nhật cách đây</translation>
    </message>
    <message>
        <location filename="../../layers/cameras/layer.py" line="46" />
        <source>Position</source>
        <translation>Vị trí</translation>
    </message>
</context>
<context>
    <name>CameraList</name>
    <message>
        <location filename="../../widgets/cameras/wall.py" line="74" />
        <source>%1 (offline)</source>
        <translation>%1 (mất kết nối)</translation>
    </message>
</context>
<context>
    <name>CameraPanel</name>
    <message>
        <location filename="../../widgets/cameras/panel.py" line="40" />
        <source>Save still</source>
        <translation>Lưu ảnh</translation>
    </message>
    <message>
        <location filename="../../widgets/cameras/panel.py" line="42" />
        <source>Show on camera wall</source>
        <translation>Xem trên màn hình camera</translation>
    </message>
    <message>
        <location filename="../../widgets/cameras/panel.py" line="52" />
        <source>Live video</source>
        <translation>Video trực tiếp</translation>
    </message>
    <message>
        <location filename="../../widgets/cameras/panel.py" line="71" />
        <source>This camera is offline: no picture. Last seen %1.</source>
        <translation>Camera đang mất kết nối: không có hình ảnh. Hoạt động lần cuối lúc %1.</translation>
    </message>
    <message>
        <location filename="../../widgets/cameras/panel.py" line="80" />
        <source>Still saved: %1</source>
        <translation>Đã lưu ảnh: %1</translation>
    </message>
    <message>
        <location filename="../../widgets/cameras/panel.py" line="84" />
        <source>The still could not be saved: %1</source>
        <translation>Không lưu được ảnh: %1</translation>
    </message>
</context>
<context>
    <name>CameraWall</name>
    <message>
        <location filename="../../widgets/cameras/feature.py" line="25" />
        <source>Camera wall</source>
        <translation>Màn hình camera</translation>
    </message>
    <message>
        <location filename="../../widgets/cameras/wall.py" line="103" />
        <source>1 camera</source>
        <translation>1 camera</translation>
    </message>
    <message>
        <location filename="../../widgets/cameras/wall.py" line="108" />
        <source>Clear wall</source>
        <translation>Xóa tất cả ô</translation>
    </message>
    <message>
        <location filename="../../widgets/cameras/wall.py" line="115" />
        <source>Layout</source>
        <translation>Bố cục</translation>
    </message>
    <message>
        <location filename="../../widgets/cameras/wall.py" line="129" />
        <source>Drag a camera onto a tile</source>
        <translation>Kéo camera thả vào một ô</translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <location filename="../../widgets/timeseries/panel.py" line="170" />
        <source>Vietnam time (UTC+7)</source>
        <translation>Giờ Việt Nam (UTC+7)</translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/panel.py" line="173" />
        <source>Rain per interval (%1)</source>
        <translation>Lượng mưa mỗi khoảng (%1)</translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/panel.py" line="177" />
        <source>Water level (%1)</source>
        <translation>Mực nước (%1)</translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/panel.py" line="198" />
        <source>Normal level %1</source>
        <translation>Mực nước dâng bình thường %1</translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/panel.py" line="237" />
        <source>Accumulated (%1)</source>
        <translation>Cộng dồn (%1)</translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/panel.py" line="240" />
        <source>Rain accumulated from the chart's left edge</source>
        <translation>Lượng mưa cộng dồn từ mép trái biểu đồ</translation>
    </message>
</context>
<context>
    <name>ChartView</name>
    <message>
        <location filename="../../widgets/timeseries/chart.py" line="89" />
        <source>6 h</source>
        <translation>6 giờ</translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/chart.py" line="90" />
        <source>24 h</source>
        <translation>24 giờ</translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/chart.py" line="91" />
        <source>3 days</source>
        <translation>3 ngày</translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/chart.py" line="92" />
        <source>7 days</source>
        <translation>7 ngày</translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/chart.py" line="93" />
        <source>30 days</source>
        <translation>30 ngày</translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/chart.py" line="94" />
        <source>1 year</source>
        <translation>1 năm</translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/chart.py" line="190" />
        <source>Custom…</source>
        <translation>Tùy chọn…</translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/chart.py" line="194" />
        <source>Follow now</source>
        <translation>Bám theo hiện tại</translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/chart.py" line="195" />
        <source>Keep the right edge at the current time</source>
        <translation>Giữ mép phải biểu đồ ở thời điểm hiện tại</translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/chart.py" line="200" />
        <source>10-minute rain</source>
        <translation>Mưa 10 phút</translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/chart.py" line="201" />
        <source>Hourly sums</source>
        <translation>Tổng theo giờ</translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/chart.py" line="202" />
        <source>Daily sums</source>
        <translation>Tổng theo ngày</translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/chart.py" line="210" />
        <source>Compare</source>
        <translation>So sánh</translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/chart.py" line="213" />
        <source>Overlay another station…</source>
        <translation>Chồng thêm trạm khác…</translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/chart.py" line="214" />
        <source>Stack another station below…</source>
        <translation>Xếp thêm trạm khác bên dưới…</translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/chart.py" line="218" />
        <source>Export</source>
        <translation>Xuất</translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/chart.py" line="222" />
        <source>Chart as PNG…</source>
        <translation>Biểu đồ dạng PNG…</translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/chart.py" line="223" />
        <source>Chart as SVG…</source>
        <translation>Biểu đồ dạng SVG…</translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/chart.py" line="224" />
        <source>Data as CSV…</source>
        <translation>Số liệu dạng CSV…</translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/chart.py" line="335" />
        <source>Custom range (Vietnam time)</source>
        <translation>Khoảng thời gian tùy chọn (giờ Việt Nam)</translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/chart.py" line="339" />
        <source>From</source>
        <translation>Từ</translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/chart.py" line="339" />
        <source>To</source>
        <translation>Đến</translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/chart.py" line="358" />
        <source>Custom range</source>
        <translation>Khoảng thời gian tùy chọn</translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/chart.py" line="358" />
        <source>'To' must be after 'From'.</source>
        <translation>Thời điểm 'Đến' phải sau thời điểm 'Từ'.</translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/chart.py" line="363" />
        <source>Range shortened to 390 days.</source>
        <translation>Đã rút khoảng thời gian xuống 390 ngày.</translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/chart.py" line="429" />
        <source>Could not load %1: %2</source>
        <translation>Không tải được %1: %2</translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/chart.py" line="448" />
        <source>Loading…</source>
        <translation>Đang tải…</translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/chart.py" line="479" />
        <source>(suspect)</source>
        <translation>(nghi ngờ)</translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/chart.py" line="503" />
        <location filename="../../widgets/timeseries/chart.py" line="509" />
        <source>Export chart</source>
        <translation>Xuất biểu đồ</translation>
    </message>
</context>
<context>
    <name>CloseCrossingDialog</name>
    <message>
        <location filename="../../widgets/live/crossing_dialog.py" line="22" />
        <source>Close boundary crossing</source>
        <translation>Đóng vụ vượt ranh giới</translation>
    </message>
    <message>
        <location filename="../../widgets/live/crossing_dialog.py" line="24" />
        <source>Device / position error</source>
        <translation>Lỗi thiết bị / sai vị trí</translation>
    </message>
    <message>
        <location filename="../../widgets/live/crossing_dialog.py" line="25" />
        <source>Returned within 2 h</source>
        <translation>Đã quay lại trong vòng 2 giờ</translation>
    </message>
    <message>
        <location filename="../../widgets/live/crossing_dialog.py" line="26" />
        <source>Case opened</source>
        <translation>Đã lập hồ sơ vụ việc</translation>
    </message>
    <message>
        <location filename="../../widgets/live/crossing_dialog.py" line="34" />
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <location filename="../../widgets/live/crossing_dialog.py" line="35" />
        <source>Comment</source>
        <translation>Ghi chú</translation>
    </message>
</context>
<context>
    <name>ConnectionBanner</name>
    <message>
        <location filename="../../widgets/connection_banner.py" line="76" />
        <source>Disconnected from the backend</source>
        <translation>Mất kết nối với máy chủ</translation>
    </message>
    <message>
        <location filename="../../widgets/connection_banner.py" line="78" />
        <source>Reconnecting to the backend</source>
        <translation>Đang kết nối lại với máy chủ</translation>
    </message>
    <message>
        <location filename="../../widgets/connection_banner.py" line="84" />
        <source>since %1 (%2 ago, this computer's clock).</source>
        <translation>từ %1 (%2 trước, theo đồng hồ máy này).</translation>
    </message>
    <message>
        <location filename="../../widgets/connection_banner.py" line="91" />
        <source>The map shows data as of %1 (%2 old, by the data's time stamps), not live.</source>
        <translation>Bản đồ đang hiển thị dữ liệu lúc %1 (cũ %2, theo mốc thời gian của dữ liệu), không phải trực tiếp.</translation>
    </message>
    <message>
        <location filename="../../widgets/connection_banner.py" line="93" />
        <source>Retrying automatically…</source>
        <translation>Đang tự động thử lại…</translation>
    </message>
</context>
<context>
    <name>ConsoleStatusBar</name>
    <message>
        <location filename="../../widgets/status_bar.py" line="97" />
        <source>Acknowledgements, incident actions and reports from this console are recorded under this name.</source>
        <translation>Các xác nhận, thao tác sự cố và báo cáo từ máy này được ghi dưới tên này.</translation>
    </message>
    <message>
        <location filename="../../widgets/status_bar.py" line="99" />
        <source>Operator: %1</source>
        <translation>Người trực: %1</translation>
    </message>
    <message>
        <location filename="../../widgets/status_bar.py" line="102" />
        <source>(shared account)</source>
        <translation>(tài khoản dùng chung)</translation>
    </message>
    <message>
        <location filename="../../widgets/status_bar.py" line="103" />
        <source>Several people use this account: set your own name in Settings → Operator name.</source>
        <translation>Nhiều người dùng chung tài khoản này: hãy đặt tên của bạn trong Cài đặt → Tên người trực.</translation>
    </message>
    <message>
        <location filename="../../widgets/status_bar.py" line="112" />
        <source>Connecting…</source>
        <translation>Đang kết nối…</translation>
    </message>
    <message>
        <location filename="../../widgets/status_bar.py" line="113" />
        <source>Connected</source>
        <translation>Đã kết nối</translation>
    </message>
    <message>
        <location filename="../../widgets/status_bar.py" line="114" />
        <source>Reconnecting…</source>
        <translation>Đang kết nối lại…</translation>
    </message>
    <message>
        <location filename="../../widgets/status_bar.py" line="115" />
        <source>Disconnected</source>
        <translation>Mất kết nối</translation>
    </message>
    <message>
        <location filename="../../widgets/status_bar.py" line="122" />
        <source>push</source>
        <translation>cập nhật tức thời</translation>
    </message>
    <message>
        <location filename="../../widgets/status_bar.py" line="122" />
        <source>Changes arrive as the backend makes them (change stream)</source>
        <translation>Thay đổi được máy chủ gửi đến ngay khi phát sinh (luồng thay đổi)</translation>
    </message>
    <message>
        <location filename="../../widgets/status_bar.py" line="124" />
        <source>poll</source>
        <translation>cập nhật định kỳ</translation>
    </message>
    <message>
        <location filename="../../widgets/status_bar.py" line="124" />
        <source>Changes are fetched every few seconds (the change stream is unavailable)</source>
        <translation>Thay đổi được lấy về vài giây một lần (luồng thay đổi đang không dùng được)</translation>
    </message>
    <message>
        <location filename="../../widgets/status_bar.py" line="135" />
        <source>since %1</source>
        <translation>từ %1</translation>
    </message>
    <message>
        <location filename="../../widgets/status_bar.py" line="150" />
        <source>waiting for data</source>
        <translation>đang chờ dữ liệu</translation>
    </message>
    <message>
        <location filename="../../widgets/status_bar.py" line="151" />
        <source>OK</source>
        <translation>bình thường</translation>
    </message>
    <message>
        <location filename="../../widgets/status_bar.py" line="152" />
        <source>failing</source>
        <translation>đang lỗi</translation>
    </message>
    <message>
        <location filename="../../widgets/status_bar.py" line="157" />
        <source>last data %1 (%2 ago)</source>
        <translation>dữ liệu gần nhất %1 (%2 trước)</translation>
    </message>
    <message>
        <location filename="../../widgets/status_bar.py" line="162" />
        <source>%1 items</source>
        <translation>%1 mục</translation>
    </message>
    <message>
        <location filename="../../widgets/status_bar.py" line="164" />
        <source>%1 errors</source>
        <translation>%1 lỗi</translation>
    </message>
    <message>
        <location filename="../../widgets/status_bar.py" line="166" />
        <source>last error: %1</source>
        <translation>lỗi gần nhất: %1</translation>
    </message>
    <message>
        <location filename="../../widgets/status_bar.py" line="176" />
        <source>Sources: %1 OK</source>
        <translation>Nguồn dữ liệu: %1 bình thường</translation>
    </message>
    <message>
        <location filename="../../widgets/status_bar.py" line="180" />
        <source>%1 failing</source>
        <translation>%1 đang lỗi</translation>
    </message>
    <message>
        <location filename="../../widgets/status_bar.py" line="193" />
        <source>Data as of %1</source>
        <translation>Dữ liệu lúc %1</translation>
    </message>
    <message>
        <location filename="../../widgets/status_bar.py" line="195" />
        <source>no update for %1</source>
        <translation>không cập nhật trong %1</translation>
    </message>
    <message>
        <location filename="../../widgets/status_bar.py" line="198" />
        <source>Waiting for data…</source>
        <translation>Đang chờ dữ liệu…</translation>
    </message>
    <message>
        <location filename="../../widgets/status_bar.py" line="207" />
        <source>Vessels: %1 at sea, %2 in port, %3 dark · Stations ≥BĐ1/2/3: %4/%5/%6 · Open incidents: %7 · Cameras offline: %8</source>
        <translation>Tàu: %1 trên biển, %2 trong cảng, %3 mất tín hiệu · Trạm ≥BĐ1/2/3: %4/%5/%6 · Sự cố đang mở: %7 · Camera mất kết nối: %8</translation>
    </message>
    <message>
        <location filename="../../widgets/status_bar.py" line="245" />
        <source>VN-2000: outside the grid</source>
        <translation>VN-2000: ngoài phạm vi lưới</translation>
    </message>
</context>
<context>
    <name>CredentialsDialog</name>
    <message>
        <location filename="../../widgets/sources/settings_page.py" line="43" />
        <source>Credentials — %1</source>
        <translation>Thông tin đăng nhập — %1</translation>
    </message>
    <message>
        <location filename="../../widgets/sources/settings_page.py" line="50" />
        <source>Stored in the system keyring.</source>
        <translation>Lưu trong kho khóa của hệ thống.</translation>
    </message>
    <message>
        <location filename="../../widgets/sources/settings_page.py" line="52" />
        <source>No system keyring: kept for this session only, never in a file.</source>
        <translation>Không có kho khóa hệ thống: chỉ giữ trong phiên này, không bao giờ ghi ra tệp.</translation>
    </message>
    <message>
        <location filename="../../widgets/sources/settings_page.py" line="55" />
        <source>User name</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <location filename="../../widgets/sources/settings_page.py" line="56" />
        <source>Password</source>
        <translation>Mật khẩu</translation>
    </message>
    <message>
        <location filename="../../widgets/sources/settings_page.py" line="57" />
        <source>or token</source>
        <translation>hoặc mã truy cập (token)</translation>
    </message>
</context>
<context>
    <name>DangerList</name>
    <message>
        <location filename="../../console/storm/export.py" line="22" />
        <source>In port</source>
        <translation>Trong cảng</translation>
    </message>
    <message>
        <location filename="../../console/storm/export.py" line="23" />
        <source>Reporting</source>
        <translation>Đang báo vị trí</translation>
    </message>
    <message>
        <location filename="../../console/storm/export.py" line="24" />
        <source>Late</source>
        <translation>Báo vị trí trễ</translation>
    </message>
    <message>
        <location filename="../../console/storm/export.py" line="25" />
        <source>Signal lost</source>
        <translation>Mất tín hiệu</translation>
    </message>
    <message>
        <location filename="../../console/storm/export.py" line="26" />
        <source>Must return to port</source>
        <translation>Phải về bờ</translation>
    </message>
    <message>
        <location filename="../../console/storm/export.py" line="32" />
        <source>inside, %1 km from the edge</source>
        <translation>trong vùng, cách biên %1 km</translation>
    </message>
    <message>
        <location filename="../../console/storm/export.py" line="35" />
        <source>heading in: %1 km, in about %2 h</source>
        <translation>đang hướng vào: cách %1 km, khoảng %2 giờ nữa</translation>
    </message>
    <message>
        <location filename="../../console/storm/export.py" line="41" />
        <source>Registration</source>
        <translation>Số đăng ký</translation>
    </message>
    <message>
        <location filename="../../console/storm/export.py" line="42" />
        <source>Name</source>
        <translation>Tên tàu</translation>
    </message>
    <message>
        <location filename="../../console/storm/export.py" line="43" />
        <source>Owner</source>
        <translation>Chủ tàu</translation>
    </message>
    <message>
        <location filename="../../console/storm/export.py" line="44" />
        <source>Position</source>
        <translation>Vị trí</translation>
    </message>
    <message>
        <location filename="../../console/storm/export.py" line="45" />
        <source>Danger zone</source>
        <translation>Vùng nguy hiểm</translation>
    </message>
    <message>
        <location filename="../../console/storm/export.py" line="46" />
        <source>VMS</source>
        <translation>VMS</translation>
    </message>
    <message>
        <location filename="../../console/storm/export.py" line="47" />
        <source>Last fix</source>
        <translation>Vị trí cuối lúc</translation>
    </message>
    <message>
        <location filename="../../console/storm/export.py" line="64" />
        <source>Vessels in or heading into the danger zone of %1</source>
        <translation>Tàu trong hoặc đang hướng vào vùng nguy hiểm của %1</translation>
    </message>
    <message>
        <location filename="../../console/storm/wording.py" line="16" />
        <source>simulated</source>
        <translation>mô phỏng</translation>
    </message>
    <message>
        <location filename="../../console/storm/wording.py" line="24" />
        <source>danger zone %1–%2° N, %3–%4° E</source>
        <translation>vùng nguy hiểm %1–%2° Vĩ Bắc, %3–%4° Kinh Đông</translation>
    </message>
    <message>
        <location filename="../../console/storm/wording.py" line="32" />
        <source>%1–%2° N, %3–%4° E</source>
        <translation>%1–%2° Vĩ Bắc, %3–%4° Kinh Đông</translation>
    </message>
    <message>
        <location filename="../../console/storm/wording.py" line="43" />
        <source>level %1, gusts %2</source>
        <translation>cấp %1, giật cấp %2</translation>
    </message>
    <message>
        <location filename="../../console/storm/export.py" line="70" />
        <source>Bulletin no. %1 of %2; %3; list as of %4</source>
        <translation>Bản tin số %1 lúc %2; %3; danh sách tính đến %4</translation>
    </message>
    <message>
        <location filename="../../console/storm/export.py" line="94" />
        <location filename="../../widgets/storm/danger_list.py" line="76" />
        <source>%1 inside, %2 heading in</source>
        <translation>%1 tàu trong vùng, %2 tàu đang hướng vào</translation>
    </message>
    <message>
        <location filename="../../widgets/storm/danger_list.py" line="47" />
        <source>Zoom to</source>
        <translation>Xem trên bản đồ</translation>
    </message>
    <message>
        <location filename="../../widgets/storm/danger_list.py" line="49" />
        <source>Export CSV…</source>
        <translation>Xuất CSV…</translation>
    </message>
    <message>
        <location filename="../../widgets/storm/danger_list.py" line="51" />
        <source>Export PDF…</source>
        <translation>Xuất PDF…</translation>
    </message>
    <message>
        <location filename="../../widgets/storm/danger_list.py" line="72" />
        <source>No active storm.</source>
        <translation>Không có bão đang hoạt động.</translation>
    </message>
</context>
<context>
    <name>DarkVesselList</name>
    <message>
        <location filename="../../widgets/live/dark_list.py" line="48" />
        <source>Registration</source>
        <translation>Số đăng ký</translation>
    </message>
    <message>
        <location filename="../../widgets/live/dark_list.py" line="49" />
        <source>Name</source>
        <translation>Tên tàu</translation>
    </message>
    <message>
        <location filename="../../widgets/live/dark_list.py" line="50" />
        <source>Silent for</source>
        <translation>Mất tín hiệu trong</translation>
    </message>
    <message>
        <location filename="../../widgets/live/dark_list.py" line="51" />
        <source>Last fix</source>
        <translation>Vị trí cuối lúc</translation>
    </message>
    <message>
        <location filename="../../widgets/live/dark_list.py" line="52" />
        <source>Last known position</source>
        <translation>Vị trí cuối cùng</translation>
    </message>
    <message>
        <location filename="../../widgets/live/dark_list.py" line="53" />
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../widgets/live/dark_list.py" line="60" />
        <location filename="../../widgets/live/dark_list.py" line="139" />
        <source>Zoom to</source>
        <translation>Xem trên bản đồ</translation>
    </message>
    <message>
        <location filename="../../widgets/live/dark_list.py" line="44" />
        <source>Signal lost</source>
        <translation>Mất tín hiệu</translation>
    </message>
    <message>
        <location filename="../../widgets/live/dark_list.py" line="44" />
        <source>Must return to port</source>
        <translation>Phải về bờ</translation>
    </message>
    <message>
        <location filename="../../widgets/live/dark_list.py" line="62" />
        <source>Position report…</source>
        <translation>Báo cáo vị trí…</translation>
    </message>
    <message>
        <location filename="../../widgets/live/dark_list.py" line="64" />
        <location filename="../../widgets/live/dark_list.py" line="124" />
        <source>Record the position the captain reported by radio or phone</source>
        <translation>Ghi vị trí thuyền trưởng báo qua vô tuyến hoặc điện thoại</translation>
    </message>
    <message>
        <location filename="../../widgets/live/dark_list.py" line="97" />
        <source>%1 dark vessels</source>
        <translation>%1 tàu mất tín hiệu</translation>
    </message>
</context>
<context>
    <name>Diagnostics</name>
    <message>
        <location filename="../../widgets/diagnostics.py" line="101" />
        <source>Copy &amp;diagnostics</source>
        <translation>Sao chép thông tin &amp;chẩn đoán</translation>
    </message>
    <message>
        <location filename="../../widgets/diagnostics.py" line="103" />
        <source>Copy versions, connection state and the recent log for support</source>
        <translation>Sao chép phiên bản, trạng thái kết nối và nhật ký gần đây để gửi bộ phận hỗ trợ</translation>
    </message>
    <message>
        <location filename="../../widgets/diagnostics.py" line="108" />
        <source>Diagnostics copied to the clipboard</source>
        <translation>Đã sao chép thông tin chẩn đoán</translation>
    </message>
</context>
<context>
    <name>ExceptionReporter</name>
    <message>
        <location filename="../../widgets/diagnostics.py" line="63" />
        <source>Unexpected error</source>
        <translation>Lỗi không mong đợi</translation>
    </message>
    <message>
        <location filename="../../widgets/diagnostics.py" line="66" />
        <source>An unexpected error occurred; the console keeps running. Details are in the log (Help › Copy diagnostics).</source>
        <translation>Đã xảy ra lỗi không mong đợi; chương trình vẫn tiếp tục chạy. Chi tiết có trong nhật ký (Trợ giúp › Sao chép thông tin chẩn đoán).</translation>
    </message>
</context>
<context>
    <name>FileProblem</name>
    <message>
        <location filename="../../widgets/file_problem_text.py" line="18" />
        <source>%1 was not found.</source>
        <translation>Không tìm thấy %1.</translation>
    </message>
    <message>
        <location filename="../../widgets/file_problem_text.py" line="19" />
        <source>%1 is not a kind of file the console can show. Use GeoJSON, GeoPackage, Shapefile or MBTiles.</source>
        <translation>%1 không phải loại tệp mà phần mềm hiển thị được. Hãy dùng GeoJSON, GeoPackage, Shapefile hoặc MBTiles.</translation>
    </message>
    <message>
        <location filename="../../widgets/file_problem_text.py" line="24" />
        <source>%1 could not be read: the file is damaged or is not the format its name says.</source>
        <translation>Không đọc được %1: tệp bị hỏng hoặc không đúng định dạng như tên tệp.</translation>
    </message>
    <message>
        <location filename="../../widgets/file_problem_text.py" line="28" />
        <source>%1 contains no map layer.</source>
        <translation>%1 không chứa lớp bản đồ nào.</translation>
    </message>
    <message>
        <location filename="../../widgets/file_problem_text.py" line="29" />
        <source>%1 contains nothing to draw.</source>
        <translation>%1 không có đối tượng nào để vẽ.</translation>
    </message>
    <message>
        <location filename="../../widgets/file_problem_text.py" line="30" />
        <source>%1 does not say which coordinate system it uses, so it cannot be placed on the map. Add a .prj file or set its coordinate system.</source>
        <translation>%1 không ghi hệ tọa độ nên không thể đặt lên bản đồ. Hãy thêm tệp .prj hoặc khai báo hệ tọa độ cho tệp.</translation>
    </message>
    <message>
        <location filename="../../widgets/file_problem_text.py" line="35" />
        <source>%1 uses a coordinate system that cannot be converted to the map.</source>
        <translation>%1 dùng hệ tọa độ không chuyển đổi được sang bản đồ.</translation>
    </message>
    <message>
        <location filename="../../widgets/file_problem_text.py" line="38" />
        <source>%1 contains broken coordinates and cannot be drawn.</source>
        <translation>%1 có tọa độ bị lỗi nên không vẽ được.</translation>
    </message>
    <message>
        <location filename="../../widgets/file_problem_text.py" line="41" />
        <source>%1 is not an MBTiles tile file, or the file is damaged.</source>
        <translation>%1 không phải tệp ảnh nền MBTiles, hoặc tệp bị hỏng.</translation>
    </message>
    <message>
        <location filename="../../widgets/file_problem_text.py" line="45" />
        <source>%1 could not be loaded.</source>
        <translation>Không tải được %1.</translation>
    </message>
    <message>
        <location filename="../../widgets/file_problem_text.py" line="46" />
        <source>The technical details are in the log.</source>
        <translation>Chi tiết kỹ thuật có trong tệp nhật ký.</translation>
    </message>
</context>
<context>
    <name>GotoBox</name>
    <message>
        <location filename="../../widgets/goto_box.py" line="49" />
        <source>Go to: place, station, vessel or 13.7765, 109.2237 · X…, Y…</source>
        <translation>Đi tới: địa danh, trạm, tàu hoặc 13.7765, 109.2237 · X…, Y…</translation>
    </message>
    <message>
        <location filename="../../widgets/goto_box.py" line="62" />
        <source>city</source>
        <translation>thành phố</translation>
    </message>
    <message>
        <location filename="../../widgets/goto_box.py" line="63" />
        <source>town</source>
        <translation>thị trấn</translation>
    </message>
    <message>
        <location filename="../../widgets/goto_box.py" line="64" />
        <source>ward</source>
        <translation>phường</translation>
    </message>
    <message>
        <location filename="../../widgets/goto_box.py" line="65" />
        <source>commune</source>
        <translation>xã</translation>
    </message>
    <message>
        <location filename="../../widgets/goto_box.py" line="66" />
        <source>special zone</source>
        <translation>đặc khu</translation>
    </message>
    <message>
        <location filename="../../widgets/goto_box.py" line="67" />
        <source>former ward</source>
        <translation>phường cũ</translation>
    </message>
    <message>
        <location filename="../../widgets/goto_box.py" line="68" />
        <source>former commune</source>
        <translation>xã cũ</translation>
    </message>
    <message>
        <location filename="../../widgets/goto_box.py" line="69" />
        <source>former township</source>
        <translation>thị trấn cũ</translation>
    </message>
    <message>
        <location filename="../../widgets/goto_box.py" line="70" />
        <source>fishing port</source>
        <translation>cảng cá</translation>
    </message>
    <message>
        <location filename="../../widgets/goto_box.py" line="71" />
        <source>island</source>
        <translation>đảo</translation>
    </message>
    <message>
        <location filename="../../widgets/goto_box.py" line="72" />
        <source>archipelago</source>
        <translation>quần đảo</translation>
    </message>
    <message>
        <location filename="../../widgets/goto_box.py" line="73" />
        <source>station</source>
        <translation>trạm</translation>
    </message>
    <message>
        <location filename="../../widgets/goto_box.py" line="74" />
        <source>camera</source>
        <translation>camera</translation>
    </message>
    <message>
        <location filename="../../widgets/goto_box.py" line="75" />
        <source>vessel</source>
        <translation>tàu cá</translation>
    </message>
    <message>
        <location filename="../../widgets/goto_box.py" line="131" />
        <source>Not a coordinate: %1</source>
        <translation>Không phải tọa độ: %1</translation>
    </message>
    <message>
        <location filename="../../widgets/goto_box.py" line="134" />
        <source>No place, station or vessel is called “%1” (a coordinate looks like 13.7765, 109.2237)</source>
        <translation>Không có địa danh, trạm hay tàu nào tên “%1” (tọa độ có dạng 13.7765, 109.2237)</translation>
    </message>
    <message>
        <location filename="../../widgets/goto_box.py" line="148" />
        <source>%1 has no known position</source>
        <translation>Chưa biết vị trí của %1</translation>
    </message>
</context>
<context>
    <name>GotoPlaces</name>
    <message>
        <location filename="../../widgets/goto_places.py" line="116" />
        <source>former %1 city</source>
        <translation>thành phố %1 cũ</translation>
    </message>
    <message>
        <location filename="../../widgets/goto_places.py" line="118" />
        <source>former %1 town</source>
        <translation>thị xã %1 cũ</translation>
    </message>
    <message>
        <location filename="../../widgets/goto_places.py" line="120" />
        <source>former %1 district</source>
        <translation>huyện %1 cũ</translation>
    </message>
    <message>
        <location filename="../../widgets/goto_places.py" line="127" />
        <source>partly in %1 ward now</source>
        <translation>một phần nay thuộc phường %1</translation>
    </message>
    <message>
        <location filename="../../widgets/goto_places.py" line="129" />
        <source>now in %1 ward</source>
        <translation>nay thuộc phường %1</translation>
    </message>
    <message>
        <location filename="../../widgets/goto_places.py" line="133" />
        <source>partly in %1 special zone now</source>
        <translation>một phần nay thuộc đặc khu %1</translation>
    </message>
    <message>
        <location filename="../../widgets/goto_places.py" line="135" />
        <source>now in %1 special zone</source>
        <translation>nay thuộc đặc khu %1</translation>
    </message>
    <message>
        <location filename="../../widgets/goto_places.py" line="139" />
        <source>partly in %1 commune now</source>
        <translation>một phần nay thuộc xã %1</translation>
    </message>
    <message>
        <location filename="../../widgets/goto_places.py" line="141" />
        <source>now in %1 commune</source>
        <translation>nay thuộc xã %1</translation>
    </message>
</context>
<context>
    <name>Headline</name>
    <message>
        <location filename="../../widgets/timeseries/headline.py" line="21" />
        <source>missing</source>
        <translation>thiếu số liệu</translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/headline.py" line="22" />
        <source>conflicting duplicates</source>
        <translation>trùng thời điểm khác giá trị</translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/headline.py" line="23" />
        <source>sentinel codes</source>
        <translation>mã lỗi thiết bị</translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/headline.py" line="24" />
        <source>out of range</source>
        <translation>ngoài ngưỡng hợp lý</translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/headline.py" line="25" />
        <source>spikes</source>
        <translation>xung nhiễu</translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/headline.py" line="26" />
        <source>flat-lined</source>
        <translation>đứng giá trị (nghi kẹt cảm biến)</translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/headline.py" line="39" />
        <source>%1, %2 above normal level</source>
        <translation>%1, trên mực nước dâng bình thường %2</translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/headline.py" line="41" />
        <source>%1, %2 below normal level</source>
        <translation>%1, dưới mực nước dâng bình thường %2</translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/headline.py" line="53" />
        <source>steady</source>
        <translation>đi ngang</translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/headline.py" line="55" />
        <source>rising %1/h</source>
        <translation>đang lên %1/giờ</translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/headline.py" line="55" />
        <source>falling %1/h</source>
        <translation>đang xuống %1/giờ</translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/headline.py" line="61" />
        <source>BĐ%1 in ~%2 h at this rate</source>
        <translation>tới BĐ%1 sau khoảng %2 giờ nếu giữ tốc độ này</translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/headline.py" line="74" />
        <source>%1 h: %2</source>
        <translation>%1 giờ: %2</translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/headline.py" line="84" />
        <source>%1: no readings in this range</source>
        <translation>%1: không có số liệu trong khoảng thời gian này</translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/headline.py" line="89" />
        <source>no valid reading</source>
        <translation>không có số đo hợp lệ</translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/headline.py" line="98" />
        <source>%1 (%2 ago)</source>
        <translation>%1 (%2 trước)</translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/headline.py" line="110" />
        <source>latest reading %1 is suspect and ignored</source>
        <translation>số đo mới nhất %1 nghi ngờ sai, không dùng</translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/headline.py" line="117" />
        <source>flagged: %1</source>
        <translation>đánh dấu: %1</translation>
    </message>
</context>
<context>
    <name>IncidentLayer</name>
    <message>
        <location filename="../../console/model/incident_labels.py" line="16" />
        <source>Traffic accident</source>
        <translation>Tai nạn giao thông</translation>
    </message>
    <message>
        <location filename="../../console/model/incident_labels.py" line="17" />
        <source>Congestion</source>
        <translation>Ùn tắc giao thông</translation>
    </message>
    <message>
        <location filename="../../console/model/incident_labels.py" line="18" />
        <source>Flooding</source>
        <translation>Ngập úng</translation>
    </message>
    <message>
        <location filename="../../console/model/incident_labels.py" line="19" />
        <source>Landslide</source>
        <translation>Sạt lở đất</translation>
    </message>
    <message>
        <location filename="../../console/model/incident_labels.py" line="20" />
        <source>Fire</source>
        <translation>Cháy</translation>
    </message>
    <message>
        <location filename="../../console/model/incident_labels.py" line="21" />
        <source>Public order</source>
        <translation>An ninh trật tự</translation>
    </message>
    <message>
        <location filename="../../console/model/incident_labels.py" line="22" />
        <source>Field report</source>
        <translation>Phản ánh hiện trường</translation>
    </message>
    <message>
        <location filename="../../console/model/incident_labels.py" line="28" />
        <source>New</source>
        <translation>Mới</translation>
    </message>
    <message>
        <location filename="../../console/model/incident_labels.py" line="29" />
        <source>Acknowledged</source>
        <translation>Đã xác nhận</translation>
    </message>
    <message>
        <location filename="../../console/model/incident_labels.py" line="30" />
        <source>Assigned</source>
        <translation>Đã giao xử lý</translation>
    </message>
    <message>
        <location filename="../../console/model/incident_labels.py" line="31" />
        <source>Resolved</source>
        <translation>Đã xử lý xong</translation>
    </message>
    <message>
        <location filename="../../console/model/incident_labels.py" line="32" />
        <source>Closed</source>
        <translation>Đã đóng</translation>
    </message>
    <message>
        <location filename="../../console/model/incident_labels.py" line="39" />
        <source>Info</source>
        <translation>Thông tin</translation>
    </message>
    <message>
        <location filename="../../layers/incidents/layer.py" line="108" />
        <source>Incidents</source>
        <translation>Sự cố</translation>
    </message>
    <message>
        <location filename="../../layers/incidents/layer.py" line="89" />
        <source>Incident resolved</source>
        <translation>Sự cố đã xử lý xong</translation>
    </message>
    <message>
        <location filename="../../console/model/incident_labels.py" line="40" />
        <source>Low</source>
        <translation>Thấp</translation>
    </message>
    <message>
        <location filename="../../console/model/incident_labels.py" line="41" />
        <source>Medium</source>
        <translation>Trung bình</translation>
    </message>
    <message>
        <location filename="../../console/model/incident_labels.py" line="42" />
        <source>High</source>
        <translation>Cao</translation>
    </message>
    <message>
        <location filename="../../console/model/incident_labels.py" line="43" />
        <source>Critical</source>
        <translation>Khẩn cấp</translation>
    </message>
    <message>
        <location filename="../../layers/incidents/layer.py" line="155" />
        <source>Type</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../../layers/incidents/layer.py" line="156" />
        <source>Severity</source>
        <translation>Mức độ</translation>
    </message>
    <message>
        <location filename="../../layers/incidents/layer.py" line="157" />
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../layers/incidents/layer.py" line="158" />
        <source>Reported</source>
        <translation>Tiếp nhận</translation>
    </message>
    <message>
        <location filename="../../layers/incidents/layer.py" line="159" />
        <source>Age</source>
        <translation>Cập nhật cách đây</translation>
    </message>
    <message>
        <location filename="../../layers/incidents/layer.py" line="160" />
        <source>Description</source>
        <translation>Mô tả</translation>
    </message>
    <message>
        <location filename="../../layers/incidents/layer.py" line="163" />
        <source>Assigned to</source>
        <translation>Giao cho</translation>
    </message>
</context>
<context>
    <name>IncidentListWidget</name>
    <message>
        <location filename="../../widgets/incidents/list_widget.py" line="101" />
        <source>Zoom to</source>
        <translation>Xem trên bản đồ</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/list_widget.py" line="107" />
        <source>Send now</source>
        <translation>Gửi ngay</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/list_widget.py" line="108" />
        <source>Try to send the waiting actions now</source>
        <translation>Thử gửi ngay các thao tác đang chờ</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/list_widget.py" line="115" />
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/list_widget.py" line="116" />
        <source>Type</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/list_widget.py" line="117" />
        <source>Age</source>
        <translation>Cập nhật cách đây</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/list_widget.py" line="166" />
        <source>Open</source>
        <translation>Đang mở</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/list_widget.py" line="167" />
        <source>All statuses</source>
        <translation>Mọi trạng thái</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/list_widget.py" line="171" />
        <source>All types</source>
        <translation>Mọi loại</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/list_widget.py" line="177" />
        <source>Any age</source>
        <translation>Mọi thời điểm</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/list_widget.py" line="179" />
        <source>Last %1 h</source>
        <translation>%1 giờ qua</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/list_widget.py" line="214" />
        <source>%1 of %2 incidents</source>
        <translation>%1 / %2 sự cố</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/feature.py" line="39" />
        <source>Incidents</source>
        <translation>Sự cố</translation>
    </message>
</context>
<context>
    <name>IncidentPanel</name>
    <message>
        <location filename="../../widgets/incidents/panel.py" line="48" />
        <source>Reported</source>
        <translation>Tiếp nhận</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/panel.py" line="49" />
        <source>Acknowledge</source>
        <translation>Xác nhận</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/panel.py" line="50" />
        <source>Assign</source>
        <translation>Giao xử lý</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/panel.py" line="51" />
        <source>Resolve</source>
        <translation>Xử lý xong</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/panel.py" line="52" />
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location filename="../../widgets/rights.py" line="16" />
        <source>viewer</source>
        <translation>người xem</translation>
    </message>
    <message>
        <location filename="../../widgets/rights.py" line="17" />
        <source>operator</source>
        <translation>điều hành viên</translation>
    </message>
    <message>
        <location filename="../../widgets/rights.py" line="18" />
        <source>supervisor</source>
        <translation>giám sát viên</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/panel.py" line="63" />
        <source>Someone else changed this incident first: %1 did “%2” at %3. It is now %4 (version %5)%6. Your “%7” was NOT applied.</source>
        <translation>Người khác đã thay đổi sự cố này trước: %1 đã “%2” lúc %3. Hiện trạng thái là %4 (phiên bản %5)%6. Thao tác “%7” của anh/chị CHƯA được áp dụng.</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/panel.py" line="75" />
        <source>, assigned to %1</source>
        <translation>, giao cho %1</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/panel.py" line="122" />
        <source>Audit trail</source>
        <translation>Nhật ký thao tác</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/panel.py" line="128" />
        <source>Time</source>
        <translation>Thời điểm</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/panel.py" line="128" />
        <source>Action</source>
        <translation>Thao tác</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/panel.py" line="128" />
        <source>By</source>
        <translation>Người thực hiện</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/panel.py" line="128" />
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/panel.py" line="128" />
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/panel.py" line="150" />
        <source>Re-apply on the new version</source>
        <translation>Áp dụng lại trên phiên bản mới</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/panel.py" line="151" />
        <source>Drop my action</source>
        <translation>Huỷ thao tác của tôi</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/panel.py" line="177" />
        <source>Assign to (team or person)</source>
        <translation>Giao cho (đội hoặc cán bộ)</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/panel.py" line="180" />
        <source>Note (optional)</source>
        <translation>Ghi chú (không bắt buộc)</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/panel.py" line="206" />
        <source>This incident is not loaded.</source>
        <translation>Chưa tải được sự cố này.</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/panel.py" line="214" />
        <source>Status: %1</source>
        <translation>Trạng thái: %1</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/panel.py" line="216" />
        <source>assigned to %1</source>
        <translation>giao cho %1</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/panel.py" line="223" />
        <source>Version %1: every change, from any console, adds one</source>
        <translation>Phiên bản %1: mỗi thay đổi, từ bất kỳ máy nào, tăng thêm một</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/panel.py" line="228" />
        <source>⏳ Waiting to be sent: %1</source>
        <translation>⏳ Đang chờ gửi: %1</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/panel.py" line="230" />
        <source>Last attempt failed: %1</source>
        <translation>Lần gửi gần nhất thất bại: %1</translation>
    </message>
    <message>
        <location filename="../../widgets/rights.py" line="26" />
        <source>Not allowed for your account %1 (role: %2); ask a supervisor.</source>
        <translation>Tài khoản %1 (vai trò: %2) không được phép thao tác này; hãy đề nghị giám sát viên.</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/panel.py" line="254" />
        <source>Signed in as %1 (%2); actions are recorded as %3.</source>
        <translation>Đăng nhập với tài khoản %1 (%2); thao tác được ghi nhận dưới tên %3.</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/panel.py" line="275" />
        <source>“%1” is not possible any more in this status.</source>
        <translation>Không thể “%1” ở trạng thái hiện tại.</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/panel.py" line="282" />
        <source>The backend refused “%1”: %2</source>
        <translation>Máy chủ từ chối “%1”: %2</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/panel.py" line="296" />
        <source>to %1</source>
        <translation>cho %1</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/panel.py" line="312" />
        <source>(waiting)</source>
        <translation>(đang chờ)</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/panel.py" line="315" />
        <source>not sent yet</source>
        <translation>chưa gửi</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/panel.py" line="341" />
        <source>Enter who to assign the incident to.</source>
        <translation>Hãy nhập đơn vị hoặc người được giao xử lý.</translation>
    </message>
</context>
<context>
    <name>IncidentPhotosView</name>
    <message>
        <location filename="../../widgets/incidents/photos_view.py" line="37" />
        <source>Photos (%1)</source>
        <translation>Ảnh (%1)</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/photos_view.py" line="47" />
        <source>loading…</source>
        <translation>đang tải…</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/photos_view.py" line="57" />
        <source>not connected to the backend</source>
        <translation>chưa kết nối máy chủ</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/photos_view.py" line="58" />
        <source>not kept in this archive</source>
        <translation>bản lưu này không giữ ảnh</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/photos_view.py" line="85" />
        <source>Click to see it full size</source>
        <translation>Bấm để xem ảnh cỡ lớn</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/photos_view.py" line="91" />
        <source>unavailable</source>
        <translation>không có</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/photos_view.py" line="101" />
        <source>Photo %1 of incident %2</source>
        <translation>Ảnh %1 của sự cố %2</translation>
    </message>
</context>
<context>
    <name>IncidentTableModel</name>
    <message>
        <location filename="../../widgets/incidents/table_model.py" line="56" />
        <source>Severity</source>
        <translation>Mức độ</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/table_model.py" line="61" />
        <source>Type</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/table_model.py" line="57" />
        <source>Title</source>
        <translation>Tiêu đề</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/table_model.py" line="58" />
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/table_model.py" line="59" />
        <source>Age</source>
        <translation>Cập nhật cách đây</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/table_model.py" line="62" />
        <source>Assigned to</source>
        <translation>Giao cho</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/table_model.py" line="117" />
        <source>⏳ %1 waiting</source>
        <translation>⏳ %1 chờ gửi</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/table_model.py" line="60" />
        <source>Waiting</source>
        <translation>Chờ gửi</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <location filename="../../widgets/inspector.py" line="54" />
        <source>Click a vessel, station, camera or incident on the map.</source>
        <translation>Bấm vào tàu cá, trạm, camera hoặc sự cố trên bản đồ.</translation>
    </message>
    <message>
        <location filename="../../widgets/inspector.py" line="58" />
        <source>Attribute</source>
        <translation>Thuộc tính</translation>
    </message>
    <message>
        <location filename="../../widgets/inspector.py" line="58" />
        <source>Value</source>
        <translation>Giá trị</translation>
    </message>
    <message>
        <location filename="../../widgets/inspector.py" line="82" />
        <source>← Back</source>
        <translation>← Quay lại</translation>
    </message>
    <message>
        <location filename="../../widgets/inspector.py" line="164" />
        <source>Nothing here.</source>
        <translation>Không có đối tượng nào ở đây.</translation>
    </message>
</context>
<context>
    <name>LayerLoader</name>
    <message>
        <location filename="../../widgets/layer_loader.py" line="93" />
        <source>Tile basemap</source>
        <translation>Bản đồ nền dạng ô</translation>
    </message>
    <message>
        <location filename="../../widgets/layer_loader.py" line="123" />
        <source>An XYZ URL needs {z}, {x} and {y} placeholders</source>
        <translation>Địa chỉ XYZ phải có các tham số {z}, {x} và {y}</translation>
    </message>
    <message>
        <location filename="../../widgets/layer_loader.py" line="165" />
        <source>%1: only the first %2 features are shown; zoom in for the rest.</source>
        <translation>%1: chỉ hiển thị %2 đối tượng đầu tiên; phóng to để xem phần còn lại.</translation>
    </message>
    <message>
        <location filename="../../widgets/layer_loader.py" line="260" />
        <source>Layer not added: %1</source>
        <translation>Không thêm lớp: %1</translation>
    </message>
    <message>
        <location filename="../../widgets/layer_loader.py" line="263" />
        <source>Cannot add layer</source>
        <translation>Không thêm được lớp</translation>
    </message>
</context>
<context>
    <name>LayoutStore</name>
    <message>
        <location filename="../../widgets/layout_store.py" line="56" />
        <source>&amp;Reset layout</source>
        <translation>Đặt &amp;lại bố cục</translation>
    </message>
</context>
<context>
    <name>LivePicture</name>
    <message>
        <location filename="../../widgets/live/install.py" line="111" />
        <source>Track not available: %1</source>
        <translation>Không lấy được hành trình: %1</translation>
    </message>
    <message>
        <location filename="../../widgets/live/install.py" line="127" />
        <source>Crossing not closed</source>
        <translation>Chưa đóng được vụ vượt ranh giới</translation>
    </message>
    <message>
        <location filename="../../widgets/live/install.py" line="129" />
        <source>Crossing closure queued for %1</source>
        <translation>Đã xếp hàng gửi lệnh đóng vụ vượt ranh giới của %1</translation>
    </message>
    <message>
        <location filename="../../widgets/live/install.py" line="142" />
        <source>Overview</source>
        <translation>Tổng quan</translation>
    </message>
    <message>
        <location filename="../../widgets/live/install.py" line="151" />
        <source>Alerts</source>
        <translation>Cảnh báo</translation>
    </message>
    <message>
        <location filename="../../widgets/live/install.py" line="155" />
        <source>Vessels</source>
        <translation>Tàu cá</translation>
    </message>
    <message>
        <location filename="../../widgets/live/install.py" line="159" />
        <source>Dark vessels</source>
        <translation>Tàu mất tín hiệu</translation>
    </message>
    <message>
        <location filename="../../widgets/live/install.py" line="163" />
        <source>Stations</source>
        <translation>Trạm</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../../main.py" line="435" />
        <source>Some settings were invalid and were ignored: %1</source>
        <translation>Một số cài đặt không hợp lệ và đã bị bỏ qua: %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../widgets/main_window.py" line="105" />
        <source>IOC Console — Intelligent Operations Center</source>
        <translation>IOC Console — Trung tâm Giám sát, điều hành đô thị thông minh</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="119" />
        <source>Map tools</source>
        <translation>Công cụ bản đồ</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="140" />
        <source>Layers</source>
        <translation>Lớp bản đồ</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="145" />
        <source>Inspector</source>
        <translation>Thông tin chi tiết</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="226" />
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="228" />
        <source>&amp;Quit</source>
        <translation>&amp;Thoát</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="233" />
        <source>&amp;View</source>
        <translation>&amp;Xem</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="235" />
        <source>Zoom to &amp;province and fishing grounds</source>
        <translation>Xem toàn &amp;tỉnh và ngư trường</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="240" />
        <source>Zoom &amp;in</source>
        <translation>&amp;Phóng to</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="243" />
        <source>Zoom &amp;out</source>
        <translation>Th&amp;u nhỏ</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="246" />
        <source>Zoom to province &amp;boundary</source>
        <translation>Xem theo &amp;ranh giới tỉnh</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="252" />
        <source>&amp;Panels</source>
        <translation>&amp;Khung hiển thị</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="253" />
        <source>&amp;Layer</source>
        <translation>&amp;Lớp</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="254" />
        <source>&amp;Tools</source>
        <translation>&amp;Công cụ</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="256" />
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="258" />
        <source>&amp;About IOC Console</source>
        <translation>&amp;Giới thiệu IOC Console</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="270" />
        <source>About IOC Console</source>
        <translation>Giới thiệu IOC Console</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="272" />
        <source>IOC Console — operations map for the provincial Intelligent Operations Center.
Backend: %1</source>
        <translation>IOC Console — bản đồ điều hành của Trung tâm Giám sát, điều hành đô thị thông minh tỉnh.
Máy chủ: %1</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="291" />
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="292" />
        <source>Settings could not be saved: %1</source>
        <translation>Không lưu được cài đặt: %1</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="305" />
        <source>Rule and zone files are read at the next start.</source>
        <translation>Tệp quy tắc và tệp vùng biển sẽ được đọc ở lần khởi động sau.</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="313" />
        <source>No system keyring: the token is kept for this session only.</source>
        <translation>Không có kho khóa hệ thống: mã truy cập chỉ được giữ trong phiên này.</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="316" />
        <source>The backend connection changes at the next start.</source>
        <translation>Kết nối máy chủ sẽ thay đổi ở lần khởi động sau.</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="318" />
        <source>Settings saved to %1</source>
        <translation>Đã lưu cài đặt vào %1</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="341" />
        <source>Basemap could not be loaded: %1</source>
        <translation>Không tải được bản đồ nền: %1</translation>
    </message>
</context>
<context>
    <name>MapFeatures</name>
    <message>
        <location filename="../../widgets/map_features.py" line="83" />
        <source>&amp;Previous view</source>
        <translation>Khung nhìn &amp;trước</translation>
    </message>
    <message>
        <location filename="../../widgets/map_features.py" line="86" />
        <source>&amp;Next view</source>
        <translation>Khung nhìn &amp;sau</translation>
    </message>
    <message>
        <location filename="../../widgets/map_features.py" line="90" />
        <source>Zoom to &amp;full extent</source>
        <translation>Xem &amp;toàn bộ các lớp</translation>
    </message>
    <message>
        <location filename="../../widgets/map_features.py" line="95" />
        <source>Zoom to &amp;selection</source>
        <translation>Xem các đối tượng đang &amp;chọn</translation>
    </message>
    <message>
        <location filename="../../widgets/map_features.py" line="99" />
        <source>Scale bar in nautical miles</source>
        <translation>Thước tỷ lệ theo hải lý</translation>
    </message>
    <message>
        <location filename="../../widgets/map_features.py" line="119" />
        <source>&amp;Measure distance / area</source>
        <translation>Đo &amp;khoảng cách / diện tích</translation>
    </message>
    <message>
        <location filename="../../widgets/map_features.py" line="130" />
        <source>Prepare &amp;offline area…</source>
        <translation>Chuẩn bị vùng bản đồ &amp;ngoại tuyến…</translation>
    </message>
    <message>
        <location filename="../../widgets/map_features.py" line="143" />
        <source>&amp;Add layer from file…</source>
        <translation>&amp;Thêm lớp từ tệp…</translation>
    </message>
    <message>
        <location filename="../../widgets/map_features.py" line="148" />
        <source>Add &amp;XYZ tile basemap…</source>
        <translation>Thêm bản đồ nền ô &amp;XYZ…</translation>
    </message>
    <message>
        <location filename="../../widgets/map_features.py" line="154" />
        <source>&amp;Open workspace…</source>
        <translation>&amp;Mở không gian làm việc…</translation>
    </message>
    <message>
        <location filename="../../widgets/map_features.py" line="157" />
        <source>&amp;Save workspace…</source>
        <translation>&amp;Lưu không gian làm việc…</translation>
    </message>
    <message>
        <location filename="../../widgets/map_features.py" line="166" />
        <source>Bookmarks</source>
        <translation>Khung nhìn đã lưu</translation>
    </message>
    <message>
        <location filename="../../widgets/map_features.py" line="179" />
        <source>Zoom to layer</source>
        <translation>Xem toàn lớp</translation>
    </message>
    <message>
        <location filename="../../widgets/map_features.py" line="182" />
        <source>Style…</source>
        <translation>Kiểu hiển thị…</translation>
    </message>
    <message>
        <location filename="../../widgets/map_features.py" line="185" />
        <source>Attribute table…</source>
        <translation>Bảng thuộc tính…</translation>
    </message>
    <message>
        <location filename="../../widgets/map_features.py" line="191" />
        <source>Refresh now</source>
        <translation>Làm mới ngay</translation>
    </message>
    <message>
        <location filename="../../widgets/map_features.py" line="193" />
        <source>Refresh interval…</source>
        <translation>Chu kỳ làm mới…</translation>
    </message>
    <message>
        <location filename="../../widgets/map_features.py" line="196" />
        <source>Opacity</source>
        <translation>Độ mờ đục</translation>
    </message>
    <message>
        <location filename="../../widgets/map_features.py" line="202" />
        <source>Rename…</source>
        <translation>Đổi tên…</translation>
    </message>
    <message>
        <location filename="../../widgets/map_features.py" line="203" />
        <source>Remove</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <location filename="../../widgets/map_features.py" line="211" />
        <source>Refresh interval</source>
        <translation>Chu kỳ làm mới</translation>
    </message>
    <message>
        <location filename="../../widgets/map_features.py" line="212" />
        <source>Seconds between refreshes (0: only when the view moves):</source>
        <translation>Số giây giữa hai lần làm mới (0: chỉ khi di chuyển bản đồ):</translation>
    </message>
    <message>
        <location filename="../../widgets/map_features.py" line="224" />
        <source>Rename layer</source>
        <translation>Đổi tên lớp</translation>
    </message>
    <message>
        <location filename="../../widgets/map_features.py" line="225" />
        <source>Name:</source>
        <translation>Tên:</translation>
    </message>
    <message>
        <location filename="../../widgets/map_features.py" line="234" />
        <source>Add layer from file</source>
        <translation>Thêm lớp từ tệp</translation>
    </message>
    <message>
        <location filename="../../widgets/map_features.py" line="243" />
        <location filename="../../widgets/map_features.py" line="250" />
        <location filename="../../widgets/map_features.py" line="258" />
        <source>XYZ tile basemap</source>
        <translation>Bản đồ nền ô XYZ</translation>
    </message>
    <message>
        <location filename="../../widgets/map_features.py" line="244" />
        <source>Tile URL with {z}, {x}, {y}:</source>
        <translation>Địa chỉ ô bản đồ có {z}, {x}, {y}:</translation>
    </message>
    <message>
        <location filename="../../widgets/map_features.py" line="251" />
        <source>Attribution required by the provider:</source>
        <translation>Ghi nguồn theo yêu cầu của nhà cung cấp:</translation>
    </message>
    <message>
        <location filename="../../widgets/map_features.py" line="255" />
        <source>Tile basemap</source>
        <translation>Bản đồ nền dạng ô</translation>
    </message>
    <message>
        <location filename="../../widgets/map_features.py" line="274" />
        <source>Open workspace</source>
        <translation>Mở không gian làm việc</translation>
    </message>
    <message>
        <location filename="../../widgets/map_features.py" line="282" />
        <source>Save workspace</source>
        <translation>Lưu không gian làm việc</translation>
    </message>
</context>
<context>
    <name>MeasureTool</name>
    <message>
        <location filename="../../widgets/measure_tool.py" line="53" />
        <source>Measure: click points on the map, double-click to finish</source>
        <translation>Đo: bấm các điểm trên bản đồ, bấm đúp để kết thúc</translation>
    </message>
    <message>
        <location filename="../../widgets/measure_tool.py" line="114" />
        <source>Distance: %1 km (%2 NM)</source>
        <translation>Khoảng cách: %1 km (%2 hải lý)</translation>
    </message>
    <message>
        <location filename="../../widgets/measure_tool.py" line="120" />
        <source>Bearing: %1°</source>
        <translation>Phương vị: %1°</translation>
    </message>
    <message>
        <location filename="../../widgets/measure_tool.py" line="122" />
        <source>Area: %1 km² (%2 NM²)</source>
        <translation>Diện tích: %1 km² (%2 hải lý²)</translation>
    </message>
</context>
<context>
    <name>NearbyView</name>
    <message>
        <location filename="../../widgets/incidents/nearby_view.py" line="56" />
        <source>Nearest cameras</source>
        <translation>Camera gần nhất</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/nearby_view.py" line="58" />
        <source>Nearest hydrology station</source>
        <translation>Trạm đo mưa, mực nước gần nhất</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/nearby_view.py" line="60" />
        <source>Open incidents nearby</source>
        <translation>Sự cố đang mở ở gần</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/nearby_view.py" line="70" />
        <source>Possible duplicate</source>
        <translation>Có thể trùng lặp</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/nearby_view.py" line="77" />
        <source>None within range.</source>
        <translation>Không có trong phạm vi.</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/nearby_view.py" line="92" />
        <source>Show in the inspector</source>
        <translation>Xem trong bảng thông tin chi tiết</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/nearby_view.py" line="106" />
        <source>online</source>
        <translation>hoạt động</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/nearby_view.py" line="106" />
        <source>offline</source>
        <translation>mất kết nối</translation>
    </message>
</context>
<context>
    <name>NewIncidentDialog</name>
    <message>
        <location filename="../../widgets/shared/incident_dialog.py" line="44" />
        <source>New incident</source>
        <translation>Sự cố mới</translation>
    </message>
    <message>
        <location filename="../../widgets/shared/incident_dialog.py" line="59" />
        <source>What happened, where (short)</source>
        <translation>Chuyện gì, ở đâu (ngắn gọn)</translation>
    </message>
    <message>
        <location filename="../../widgets/shared/incident_dialog.py" line="62" />
        <source>Details, who reported it, what is needed</source>
        <translation>Chi tiết, ai báo, cần hỗ trợ gì</translation>
    </message>
    <message>
        <location filename="../../widgets/shared/incident_dialog.py" line="75" />
        <source>Open incident</source>
        <translation>Tạo sự cố</translation>
    </message>
    <message>
        <location filename="../../widgets/shared/incident_dialog.py" line="69" />
        <source>Type</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../../widgets/shared/incident_dialog.py" line="70" />
        <source>Severity</source>
        <translation>Mức độ</translation>
    </message>
    <message>
        <location filename="../../widgets/shared/incident_dialog.py" line="71" />
        <source>Title</source>
        <translation>Tiêu đề</translation>
    </message>
    <message>
        <location filename="../../widgets/shared/incident_dialog.py" line="72" />
        <source>Description</source>
        <translation>Mô tả</translation>
    </message>
    <message>
        <location filename="../../widgets/shared/incident_dialog.py" line="73" />
        <source>Position</source>
        <translation>Vị trí</translation>
    </message>
    <message>
        <location filename="../../widgets/shared/incident_dialog.py" line="74" />
        <source>Photos (optional)</source>
        <translation>Ảnh (không bắt buộc)</translation>
    </message>
    <message>
        <location filename="../../widgets/shared/incident_dialog.py" line="81" />
        <source>Add photos…</source>
        <translation>Thêm ảnh…</translation>
    </message>
    <message>
        <location filename="../../widgets/shared/incident_dialog.py" line="84" />
        <source>Remove</source>
        <translation>Bỏ ảnh</translation>
    </message>
    <message>
        <location filename="../../widgets/shared/incident_dialog.py" line="103" />
        <source>At most %1 photos per incident.</source>
        <translation>Mỗi sự cố tối đa %1 ảnh.</translation>
    </message>
    <message>
        <location filename="../../widgets/shared/incident_dialog.py" line="138" />
        <source>Give the incident a title.</source>
        <translation>Hãy nhập tiêu đề cho sự cố.</translation>
    </message>
</context>
<context>
    <name>OfflineAreaDialog</name>
    <message>
        <location filename="../../widgets/offline_area.py" line="54" />
        <source>Prepare offline area</source>
        <translation>Chuẩn bị vùng bản đồ ngoại tuyến</translation>
    </message>
    <message>
        <location filename="../../widgets/offline_area.py" line="64" />
        <source>Browse…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <location filename="../../widgets/offline_area.py" line="81" />
        <source>Start / resume</source>
        <translation>Bắt đầu / tiếp tục</translation>
    </message>
    <message>
        <location filename="../../widgets/offline_area.py" line="83" />
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../widgets/offline_area.py" line="92" />
        <source>Area (current view)</source>
        <translation>Vùng (khung nhìn hiện tại)</translation>
    </message>
    <message>
        <location filename="../../widgets/offline_area.py" line="96" />
        <source>Tile URL (XYZ)</source>
        <translation>Địa chỉ ô bản đồ (XYZ)</translation>
    </message>
    <message>
        <location filename="../../widgets/offline_area.py" line="97" />
        <source>Attribution</source>
        <translation>Ghi nguồn</translation>
    </message>
    <message>
        <location filename="../../widgets/offline_area.py" line="98" />
        <location filename="../../widgets/offline_area.py" line="134" />
        <source>MBTiles file</source>
        <translation>Tệp MBTiles</translation>
    </message>
    <message>
        <location filename="../../widgets/offline_area.py" line="99" />
        <source>From zoom</source>
        <translation>Từ mức thu phóng</translation>
    </message>
    <message>
        <location filename="../../widgets/offline_area.py" line="100" />
        <source>To zoom</source>
        <translation>Đến mức thu phóng</translation>
    </message>
    <message>
        <location filename="../../widgets/offline_area.py" line="101" />
        <source>Tile limit</source>
        <translation>Giới hạn số ô</translation>
    </message>
    <message>
        <location filename="../../widgets/offline_area.py" line="122" />
        <source>%1 tiles (about %2 MB)</source>
        <translation>%1 ô bản đồ (khoảng %2 MB)</translation>
    </message>
    <message>
        <location filename="../../widgets/offline_area.py" line="128" />
        <source>over the limit: choose a smaller area or fewer zooms</source>
        <translation>vượt giới hạn: chọn vùng nhỏ hơn hoặc ít mức thu phóng hơn</translation>
    </message>
    <message>
        <location filename="../../widgets/offline_area.py" line="134" />
        <source>MBTiles (*.mbtiles)</source>
        <translation>MBTiles (*.mbtiles)</translation>
    </message>
    <message>
        <location filename="../../widgets/offline_area.py" line="142" />
        <source>Enter a tile URL with {z}/{x}/{y} and a target file</source>
        <translation>Nhập địa chỉ ô bản đồ có {z}/{x}/{y} và tệp đích</translation>
    </message>
    <message>
        <location filename="../../widgets/offline_area.py" line="180" />
        <source>Cancelled</source>
        <translation>Đã hủy</translation>
    </message>
    <message>
        <location filename="../../widgets/offline_area.py" line="180" />
        <source>Done</source>
        <translation>Hoàn tất</translation>
    </message>
    <message>
        <location filename="../../widgets/offline_area.py" line="182" />
        <source>%1: %2 fetched, %3 already there, %4 not on the server</source>
        <translation>%1: đã tải %2, có sẵn %3, máy chủ không có %4</translation>
    </message>
    <message>
        <location filename="../../widgets/offline_area.py" line="193" />
        <source>Download failed: %1</source>
        <translation>Tải xuống thất bại: %1</translation>
    </message>
</context>
<context>
    <name>OperatorDecisions</name>
    <message>
        <location filename="../../console/shared/actions.py" line="158" />
        <source>Refused by the backend: %1</source>
        <translation>Máy chủ từ chối: %1</translation>
    </message>
    <message>
        <location filename="../../console/shared/actions.py" line="162" />
        <source>Already decided on another console: %1</source>
        <translation>Đã được xử lý ở máy trực khác: %1</translation>
    </message>
</context>
<context>
    <name>OutboxBadge</name>
    <message>
        <location filename="../../widgets/incidents/list_widget.py" line="55" />
        <source>⏳ 1 action waiting to be sent</source>
        <translation>⏳ 1 thao tác đang chờ gửi</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/list_widget.py" line="57" />
        <source>⏳ %1 actions waiting to be sent</source>
        <translation>⏳ %1 thao tác đang chờ gửi</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/list_widget.py" line="61" />
        <source>⚠ 1 action needs your decision</source>
        <translation>⚠ 1 thao tác cần anh/chị quyết định</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/list_widget.py" line="63" />
        <source>⚠ %1 actions need your decision</source>
        <translation>⚠ %1 thao tác cần anh/chị quyết định</translation>
    </message>
    <message>
        <location filename="../../widgets/incidents/list_widget.py" line="67" />
        <source>Last error: %1</source>
        <translation>Lỗi gần nhất: %1</translation>
    </message>
</context>
<context>
    <name>OverviewStrip</name>
    <message>
        <location filename="../../widgets/live/overview.py" line="27" />
        <source>At sea</source>
        <translation>Trên biển</translation>
    </message>
    <message>
        <location filename="../../widgets/live/overview.py" line="28" />
        <source>In port</source>
        <translation>Trong cảng</translation>
    </message>
    <message>
        <location filename="../../widgets/live/overview.py" line="29" />
        <source>Dark</source>
        <translation>Mất tín hiệu</translation>
    </message>
    <message>
        <location filename="../../widgets/live/overview.py" line="30" />
        <source>In violation</source>
        <translation>Vi phạm</translation>
    </message>
    <message>
        <location filename="../../widgets/live/overview.py" line="32" />
        <source>BĐ1</source>
        <translation>BĐ1</translation>
    </message>
    <message>
        <location filename="../../widgets/live/overview.py" line="33" />
        <source>BĐ2</source>
        <translation>BĐ2</translation>
    </message>
    <message>
        <location filename="../../widgets/live/overview.py" line="34" />
        <source>BĐ3</source>
        <translation>BĐ3</translation>
    </message>
    <message>
        <location filename="../../widgets/live/overview.py" line="35" />
        <source>Heavy rain</source>
        <translation>Mưa to</translation>
    </message>
    <message>
        <location filename="../../widgets/live/overview.py" line="37" />
        <source>Incidents new</source>
        <translation>Sự cố mới</translation>
    </message>
    <message>
        <location filename="../../widgets/live/overview.py" line="38" />
        <source>acknowledged</source>
        <translation>đã xác nhận</translation>
    </message>
    <message>
        <location filename="../../widgets/live/overview.py" line="39" />
        <source>assigned</source>
        <translation>đã giao xử lý</translation>
    </message>
    <message>
        <location filename="../../widgets/live/overview.py" line="41" />
        <source>Cameras offline</source>
        <translation>Camera mất kết nối</translation>
    </message>
    <message>
        <location filename="../../widgets/live/overview.py" line="42" />
        <source>Unacknowledged alerts</source>
        <translation>Cảnh báo chưa xác nhận</translation>
    </message>
</context>
<context>
    <name>Period</name>
    <message>
        <location filename="../../widgets/period/feature.py" line="44" />
        <source>Open &amp;archive…</source>
        <translation>Mở tệp &amp;lưu trữ…</translation>
    </message>
    <message>
        <location filename="../../widgets/period/feature.py" line="46" />
        <source>Open &amp;period…</source>
        <translation>Mở &amp;khoảng thời gian…</translation>
    </message>
    <message>
        <location filename="../../widgets/period/feature.py" line="51" />
        <source>Needs a backend: this console is reviewing an archive.</source>
        <translation>Cần máy chủ: máy trạm này đang xem lại một tệp lưu trữ.</translation>
    </message>
    <message>
        <location filename="../../widgets/period/feature.py" line="60" />
        <location filename="../../widgets/period/feature.py" line="72" />
        <source>Open archive</source>
        <translation>Mở tệp lưu trữ</translation>
    </message>
    <message>
        <location filename="../../widgets/period/feature.py" line="61" />
        <source>GeoPackage archive (*.gpkg)</source>
        <translation>Tệp lưu trữ GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../../widgets/period/feature.py" line="69" />
        <source>Opening %1 for review in a new window</source>
        <translation>Đang mở %1 để xem lại trong cửa sổ mới</translation>
    </message>
    <message>
        <location filename="../../widgets/period/feature.py" line="73" />
        <source>Could not start the review window.</source>
        <translation>Không mở được cửa sổ xem lại.</translation>
    </message>
    <message>
        <location filename="../../widgets/period/feature.py" line="90" />
        <location filename="../../widgets/period/feature.py" line="105" />
        <location filename="../../widgets/period/feature.py" line="139" />
        <source>Open period</source>
        <translation>Mở khoảng thời gian</translation>
    </message>
    <message>
        <location filename="../../widgets/period/feature.py" line="91" />
        <source>Not connected to the backend yet.</source>
        <translation>Chưa kết nối được với máy chủ.</translation>
    </message>
    <message>
        <location filename="../../widgets/period/feature.py" line="103" />
        <source>Building the period's archive…</source>
        <translation>Đang lập tệp lưu trữ của khoảng thời gian…</translation>
    </message>
    <message>
        <location filename="../../widgets/period/feature.py" line="104" />
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../widgets/period/feature.py" line="123" />
        <source>Building the period's archive: %1 of %2</source>
        <translation>Đang lập tệp lưu trữ của khoảng thời gian: %1 trên %2</translation>
    </message>
    <message>
        <location filename="../../widgets/period/feature.py" line="140" />
        <source>The period could not be built: %1. Asking again resumes where it stopped.</source>
        <translation>Không lập được tệp lưu trữ của khoảng thời gian: %1. Yêu cầu lại sẽ tiếp tục từ chỗ đã dừng.</translation>
    </message>
    <message>
        <location filename="../../widgets/period/feature.py" line="146" />
        <source>Open period cancelled; asking for the same period again resumes it.</source>
        <translation>Đã hủy mở khoảng thời gian; yêu cầu lại cùng khoảng thời gian sẽ tiếp tục từ chỗ đã dừng.</translation>
    </message>
</context>
<context>
    <name>PeriodDialog</name>
    <message>
        <location filename="../../widgets/period/dialog.py" line="39" />
        <source>Open period</source>
        <translation>Mở khoảng thời gian</translation>
    </message>
    <message>
        <location filename="../../widgets/period/dialog.py" line="45" />
        <source>Whole province</source>
        <translation>Toàn tỉnh</translation>
    </message>
    <message>
        <location filename="../../widgets/period/dialog.py" line="47" />
        <source>Current map view</source>
        <translation>Vùng bản đồ đang xem</translation>
    </message>
    <message>
        <location filename="../../widgets/period/dialog.py" line="51" />
        <source>From (Vietnam time)</source>
        <translation>Từ (giờ Việt Nam)</translation>
    </message>
    <message>
        <location filename="../../widgets/period/dialog.py" line="52" />
        <source>To (Vietnam time)</source>
        <translation>Đến (giờ Việt Nam)</translation>
    </message>
    <message>
        <location filename="../../widgets/period/dialog.py" line="53" />
        <source>Area</source>
        <translation>Khu vực</translation>
    </message>
    <message>
        <location filename="../../widgets/period/dialog.py" line="55" />
        <source>The console builds an archive of the period from the backend's history and opens it for review in a new window.</source>
        <translation>Máy trạm lập tệp lưu trữ của khoảng thời gian từ dữ liệu lịch sử của máy chủ và mở để xem lại trong cửa sổ mới.</translation>
    </message>
    <message>
        <location filename="../../widgets/period/dialog.py" line="84" />
        <source>The end must be after the start.</source>
        <translation>Thời điểm kết thúc phải sau thời điểm bắt đầu.</translation>
    </message>
    <message>
        <location filename="../../widgets/period/dialog.py" line="86" />
        <source>At most %1 days at a time.</source>
        <translation>Tối đa %1 ngày mỗi lần.</translation>
    </message>
</context>
<context>
    <name>PositionField</name>
    <message>
        <location filename="../../widgets/shared/position_field.py" line="43" />
        <source>N </source>
        <translation>B </translation>
    </message>
    <message>
        <location filename="../../widgets/shared/position_field.py" line="44" />
        <source>E </source>
        <translation>Đ </translation>
    </message>
    <message>
        <location filename="../../widgets/shared/position_field.py" line="45" />
        <source>Latitude (WGS84, decimal degrees)</source>
        <translation>Vĩ độ (WGS84, độ thập phân)</translation>
    </message>
    <message>
        <location filename="../../widgets/shared/position_field.py" line="46" />
        <source>Longitude (WGS84, decimal degrees)</source>
        <translation>Kinh độ (WGS84, độ thập phân)</translation>
    </message>
    <message>
        <location filename="../../widgets/shared/position_field.py" line="47" />
        <source>Pick on map</source>
        <translation>Chọn trên bản đồ</translation>
    </message>
    <message>
        <location filename="../../widgets/shared/position_field.py" line="49" />
        <source>Click the position on the map (Esc cancels)</source>
        <translation>Bấm vào vị trí trên bản đồ (Esc để hủy)</translation>
    </message>
</context>
<context>
    <name>PositionReportDialog</name>
    <message>
        <location filename="../../widgets/shared/report_dialog.py" line="34" />
        <source>Radio</source>
        <translation>Vô tuyến</translation>
    </message>
    <message>
        <location filename="../../widgets/shared/report_dialog.py" line="35" />
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <location filename="../../widgets/shared/report_dialog.py" line="36" />
        <source>Other</source>
        <translation>Khác</translation>
    </message>
    <message>
        <location filename="../../widgets/shared/report_dialog.py" line="52" />
        <source>Position report</source>
        <translation>Báo cáo vị trí</translation>
    </message>
    <message>
        <location filename="../../widgets/shared/report_dialog.py" line="55" />
        <source>Position the captain reported by radio or phone while the VMS is silent.</source>
        <translation>Vị trí thuyền trưởng báo qua vô tuyến hoặc điện thoại khi thiết bị giám sát hành trình mất tín hiệu.</translation>
    </message>
    <message>
        <location filename="../../widgets/shared/report_dialog.py" line="73" />
        <source>e.g. fishing, all crew well, returns to Quy Nhơn</source>
        <translation>vd: đang khai thác, thuyền viên an toàn, đang về Quy Nhơn</translation>
    </message>
    <message>
        <location filename="../../widgets/shared/report_dialog.py" line="81" />
        <source>the last manual report</source>
        <translation>báo cáo thủ công gần nhất</translation>
    </message>
    <message>
        <location filename="../../widgets/shared/report_dialog.py" line="82" />
        <source>the last VMS fix</source>
        <translation>vị trí VMS cuối</translation>
    </message>
    <message>
        <location filename="../../widgets/shared/report_dialog.py" line="84" />
        <source>Filled in from %1, %2 (%3 before this report's time): change it to the position the captain gave.</source>
        <translation>Điền sẵn từ %1, lúc %2 (trước thời điểm báo cáo %3): hãy sửa thành vị trí thuyền trưởng báo.</translation>
    </message>
    <message>
        <location filename="../../widgets/shared/report_dialog.py" line="94" />
        <source>Record report</source>
        <translation>Ghi báo cáo</translation>
    </message>
    <message>
        <location filename="../../widgets/shared/report_dialog.py" line="117" />
        <source>The note is too long: %1 characters (at most %2).</source>
        <translation>Ghi chú quá dài: %1 ký tự (tối đa %2).</translation>
    </message>
    <message>
        <location filename="../../widgets/shared/report_dialog.py" line="122" />
        <source>The position is still the last known one. Change it to what the captain said, or send again to record it as it is.</source>
        <translation>Vị trí vẫn là vị trí biết được gần nhất. Hãy sửa theo lời thuyền trưởng, hoặc bấm gửi lần nữa để ghi nguyên như vậy.</translation>
    </message>
    <message>
        <location filename="../../widgets/shared/report_dialog.py" line="78" />
        <source>Time (local)</source>
        <translation>Thời điểm (giờ VN)</translation>
    </message>
    <message>
        <location filename="../../widgets/shared/report_dialog.py" line="79" />
        <source>Position</source>
        <translation>Vị trí</translation>
    </message>
    <message>
        <location filename="../../widgets/shared/report_dialog.py" line="92" />
        <source>Channel</source>
        <translation>Kênh báo</translation>
    </message>
    <message>
        <location filename="../../widgets/shared/report_dialog.py" line="93" />
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
</context>
<context>
    <name>PrintMap</name>
    <message>
        <location filename="../../widgets/replay/print_map.py" line="117" />
        <source>Red grid: %1, kilometres.</source>
        <translation>Lưới đỏ: %1, đơn vị ki-lô-mét.</translation>
    </message>
    <message>
        <location filename="../../widgets/replay/print_map.py" line="143" />
        <source>Time: %1 (UTC+7)    Source: %2</source>
        <translation>Thời điểm: %1 (UTC+7)    Nguồn: %2</translation>
    </message>
    <message>
        <location filename="../../widgets/replay/print_map.py" line="147" />
        <source>Map: WGS 84 / Web Mercator (EPSG:3857); grid in WGS 84 degrees. IOC Console.</source>
        <translation>Bản đồ: WGS 84 / Web Mercator (EPSG:3857); lưới tọa độ theo độ WGS 84. IOC Console.</translation>
    </message>
    <message>
        <location filename="../../widgets/replay/print_map.py" line="155" />
        <source>Basemap: %1</source>
        <translation>Bản đồ nền: %1</translation>
    </message>
    <message>
        <location filename="../../widgets/replay/print_map.py" line="377" />
        <source>Legend</source>
        <translation>Chú giải</translation>
    </message>
    <message>
        <location filename="../../widgets/replay/print_map.py" line="384" />
        <source>Too many layers for the legend: hide some</source>
        <translation>Quá nhiều lớp cho chú giải: hãy ẩn bớt</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../widgets/qt_strings.py" line="38" />
        <source>&amp;Look in:</source>
        <translation>&amp;Tìm trong:</translation>
    </message>
    <message>
        <location filename="../../widgets/qt_strings.py" line="39" />
        <source>File &amp;name:</source>
        <translation>Tê&amp;n tệp:</translation>
    </message>
    <message>
        <location filename="../../widgets/qt_strings.py" line="40" />
        <source>Files of &amp;type:</source>
        <translation>&amp;Loại tệp:</translation>
    </message>
    <message>
        <location filename="../../widgets/qt_strings.py" line="41" />
        <source>Back</source>
        <translation>Quay lại</translation>
    </message>
    <message>
        <location filename="../../widgets/qt_strings.py" line="42" />
        <source>Forward</source>
        <translation>Tiếp</translation>
    </message>
    <message>
        <location filename="../../widgets/qt_strings.py" line="43" />
        <source>Parent Directory</source>
        <translation>Thư mục cha</translation>
    </message>
    <message>
        <location filename="../../widgets/qt_strings.py" line="44" />
        <source>Create New Folder</source>
        <translation>Tạo thư mục mới</translation>
    </message>
    <message>
        <location filename="../../widgets/qt_strings.py" line="45" />
        <source>List View</source>
        <translation>Dạng danh sách</translation>
    </message>
    <message>
        <location filename="../../widgets/qt_strings.py" line="46" />
        <source>Detail View</source>
        <translation>Dạng chi tiết</translation>
    </message>
    <message>
        <location filename="../../widgets/qt_strings.py" line="47" />
        <source>&amp;Open</source>
        <translation>&amp;Mở</translation>
    </message>
    <message>
        <location filename="../../widgets/qt_strings.py" line="48" />
        <source>&amp;Save</source>
        <translation>&amp;Lưu</translation>
    </message>
    <message>
        <location filename="../../widgets/qt_strings.py" line="49" />
        <source>&amp;Choose</source>
        <translation>&amp;Chọn</translation>
    </message>
    <message>
        <location filename="../../widgets/qt_strings.py" line="50" />
        <source>Save As</source>
        <translation>Lưu thành</translation>
    </message>
    <message>
        <location filename="../../widgets/qt_strings.py" line="51" />
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <location filename="../../widgets/qt_strings.py" line="52" />
        <source>All Files (*)</source>
        <translation>Tất cả tệp (*)</translation>
    </message>
    <message>
        <location filename="../../widgets/qt_strings.py" line="53" />
        <source>New Folder</source>
        <translation>Thư mục mới</translation>
    </message>
    <message>
        <location filename="../../widgets/qt_strings.py" line="54" />
        <source>&amp;New Folder</source>
        <translation>Thư mục &amp;mới</translation>
    </message>
    <message>
        <location filename="../../widgets/qt_strings.py" line="55" />
        <source>&amp;Rename</source>
        <translation>Đổi &amp;tên</translation>
    </message>
    <message>
        <location filename="../../widgets/qt_strings.py" line="56" />
        <source>&amp;Delete</source>
        <translation>&amp;Xóa</translation>
    </message>
    <message>
        <location filename="../../widgets/qt_strings.py" line="57" />
        <source>Show &amp;hidden files</source>
        <translation>Hiện tệp &amp;ẩn</translation>
    </message>
    <message>
        <location filename="../../widgets/qt_strings.py" line="58" />
        <source>Recent Places</source>
        <translation>Vị trí gần đây</translation>
    </message>
    <message>
        <location filename="../../widgets/qt_strings.py" line="59" />
        <source>My Computer</source>
        <translation>Máy tính</translation>
    </message>
    <message>
        <location filename="../../widgets/qt_strings.py" line="60" />
        <source>Directory:</source>
        <translation>Thư mục:</translation>
    </message>
    <message>
        <location filename="../../widgets/qt_strings.py" line="61" />
        <source>%1 already exists.
Do you want to replace it?</source>
        <translation>%1 đã có.
Bạn có muốn thay thế không?</translation>
    </message>
    <message>
        <location filename="../../widgets/qt_strings.py" line="62" />
        <source>Are you sure you want to delete '%1'?</source>
        <translation>Bạn có chắc muốn xóa '%1'?</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <location filename="../../widgets/qt_strings.py" line="63" />
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <location filename="../../widgets/qt_strings.py" line="64" />
        <source>Size</source>
        <translation>Kích thước</translation>
    </message>
    <message>
        <location filename="../../widgets/qt_strings.py" line="65" />
        <source>Type</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../../widgets/qt_strings.py" line="66" />
        <source>Date Modified</source>
        <translation>Ngày sửa</translation>
    </message>
    <message>
        <location filename="../../widgets/qt_strings.py" line="67" />
        <source>My Computer</source>
        <translation>Máy tính</translation>
    </message>
    <message>
        <location filename="../../widgets/qt_strings.py" line="68" />
        <source>Computer</source>
        <translation>Máy tính</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <location filename="../../widgets/qt_strings.py" line="19" />
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <location filename="../../widgets/qt_strings.py" line="20" />
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <location filename="../../widgets/qt_strings.py" line="21" />
        <source>Save All</source>
        <translation>Lưu tất cả</translation>
    </message>
    <message>
        <location filename="../../widgets/qt_strings.py" line="22" />
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <location filename="../../widgets/qt_strings.py" line="23" />
        <source>&amp;Yes</source>
        <translation>&amp;Có</translation>
    </message>
    <message>
        <location filename="../../widgets/qt_strings.py" line="24" />
        <source>Yes to &amp;All</source>
        <translation>Có với &amp;tất cả</translation>
    </message>
    <message>
        <location filename="../../widgets/qt_strings.py" line="25" />
        <source>&amp;No</source>
        <translation>&amp;Không</translation>
    </message>
    <message>
        <location filename="../../widgets/qt_strings.py" line="26" />
        <source>N&amp;o to All</source>
        <translation>Kh&amp;ông với tất cả</translation>
    </message>
    <message>
        <location filename="../../widgets/qt_strings.py" line="27" />
        <source>Abort</source>
        <translation>Hủy bỏ</translation>
    </message>
    <message>
        <location filename="../../widgets/qt_strings.py" line="28" />
        <source>Retry</source>
        <translation>Thử lại</translation>
    </message>
    <message>
        <location filename="../../widgets/qt_strings.py" line="29" />
        <source>Ignore</source>
        <translation>Bỏ qua</translation>
    </message>
    <message>
        <location filename="../../widgets/qt_strings.py" line="30" />
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location filename="../../widgets/qt_strings.py" line="31" />
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../widgets/qt_strings.py" line="32" />
        <source>Discard</source>
        <translation>Bỏ thay đổi</translation>
    </message>
    <message>
        <location filename="../../widgets/qt_strings.py" line="33" />
        <source>Help</source>
        <translation>Trợ giúp</translation>
    </message>
    <message>
        <location filename="../../widgets/qt_strings.py" line="34" />
        <source>Apply</source>
        <translation>Áp dụng</translation>
    </message>
    <message>
        <location filename="../../widgets/qt_strings.py" line="35" />
        <source>Reset</source>
        <translation>Đặt lại</translation>
    </message>
    <message>
        <location filename="../../widgets/qt_strings.py" line="36" />
        <source>Restore Defaults</source>
        <translation>Khôi phục mặc định</translation>
    </message>
</context>
<context>
    <name>Replay</name>
    <message>
        <location filename="../../console/replay/session.py" line="53" />
        <source>Camera snapshots are not recorded in the archive.</source>
        <translation>Tệp lưu trữ không ghi ảnh chụp camera.</translation>
    </message>
    <message>
        <location filename="../../console/replay/session.py" line="56" />
        <source>Review mode: the archive is read-only.</source>
        <translation>Chế độ xem lại: tệp lưu trữ chỉ đọc.</translation>
    </message>
    <message>
        <location filename="../../widgets/replay/feature.py" line="57" />
        <source>archive %1</source>
        <translation>tệp lưu trữ %1</translation>
    </message>
    <message>
        <location filename="../../widgets/replay/feature.py" line="61" />
        <source>IOC Console reference backend, simulated data (%1)</source>
        <translation>Máy chủ tham chiếu IOC Console, dữ liệu mô phỏng (%1)</translation>
    </message>
    <message>
        <location filename="../../widgets/replay/feature.py" line="63" />
        <source>IOC backend %1 (%2)</source>
        <translation>Máy chủ IOC %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../widgets/replay/feature.py" line="72" />
        <source>IOC Console — operations picture</source>
        <translation>IOC Console — bức tranh tình hình</translation>
    </message>
    <message>
        <location filename="../../widgets/replay/feature.py" line="78" />
        <source>Vessels</source>
        <translation>Tàu cá</translation>
    </message>
    <message>
        <location filename="../../widgets/replay/feature.py" line="79" />
        <source>Hydrology stations</source>
        <translation>Trạm đo mưa và mực nước</translation>
    </message>
    <message>
        <location filename="../../widgets/replay/feature.py" line="80" />
        <source>Open incidents</source>
        <translation>Sự cố đang mở</translation>
    </message>
    <message>
        <location filename="../../widgets/replay/feature.py" line="81" />
        <source>Time</source>
        <translation>Thời điểm</translation>
    </message>
    <message>
        <location filename="../../widgets/replay/feature.py" line="82" />
        <source>Source</source>
        <translation>Nguồn</translation>
    </message>
    <message>
        <location filename="../../widgets/replay/feature.py" line="83" />
        <source>in port</source>
        <translation>trong cảng</translation>
    </message>
    <message>
        <location filename="../../widgets/replay/feature.py" line="84" />
        <source>reporting</source>
        <translation>đang báo vị trí</translation>
    </message>
    <message>
        <location filename="../../widgets/replay/feature.py" line="85" />
        <source>late</source>
        <translation>báo chậm</translation>
    </message>
    <message>
        <location filename="../../widgets/replay/feature.py" line="86" />
        <source>lost signal</source>
        <translation>mất tín hiệu</translation>
    </message>
    <message>
        <location filename="../../widgets/replay/feature.py" line="87" />
        <source>must return to port</source>
        <translation>phải về bờ</translation>
    </message>
    <message>
        <location filename="../../widgets/replay/feature.py" line="88" />
        <source>below BĐ1</source>
        <translation>dưới BĐ1</translation>
    </message>
    <message>
        <location filename="../../widgets/replay/feature.py" line="89" />
        <source>above BĐ1</source>
        <translation>trên BĐ1</translation>
    </message>
    <message>
        <location filename="../../widgets/replay/feature.py" line="90" />
        <source>above BĐ2</source>
        <translation>trên BĐ2</translation>
    </message>
    <message>
        <location filename="../../widgets/replay/feature.py" line="91" />
        <source>above BĐ3</source>
        <translation>trên BĐ3</translation>
    </message>
    <message>
        <location filename="../../widgets/replay/feature.py" line="92" />
        <source>no data</source>
        <translation>không có số liệu</translation>
    </message>
    <message>
        <location filename="../../widgets/replay/feature.py" line="93" />
        <source>reservoir</source>
        <translation>hồ chứa</translation>
    </message>
    <message>
        <location filename="../../widgets/replay/feature.py" line="94" />
        <source>rain gauge</source>
        <translation>trạm đo mưa</translation>
    </message>
    <message>
        <location filename="../../widgets/replay/feature.py" line="95" />
        <source>critical</source>
        <translation>khẩn cấp</translation>
    </message>
    <message>
        <location filename="../../widgets/replay/feature.py" line="96" />
        <source>high</source>
        <translation>cao</translation>
    </message>
    <message>
        <location filename="../../widgets/replay/feature.py" line="97" />
        <source>medium</source>
        <translation>trung bình</translation>
    </message>
    <message>
        <location filename="../../widgets/replay/feature.py" line="98" />
        <source>low</source>
        <translation>thấp</translation>
    </message>
    <message>
        <location filename="../../widgets/replay/feature.py" line="118" />
        <source>&amp;Export</source>
        <translation>&amp;Xuất</translation>
    </message>
    <message>
        <location filename="../../widgets/replay/feature.py" line="121" />
        <source>HTML map (offline)…</source>
        <translation>Bản đồ HTML (dùng ngoại tuyến)…</translation>
    </message>
    <message>
        <location filename="../../widgets/replay/feature.py" line="122" />
        <source>Printable map (PDF / PNG)…</source>
        <translation>Bản đồ để in (PDF / PNG)…</translation>
    </message>
    <message>
        <location filename="../../widgets/replay/feature.py" line="125" />
        <source>Data in view (CSV / GeoPackage)…</source>
        <translation>Dữ liệu trong khung nhìn (CSV / GeoPackage)…</translation>
    </message>
    <message>
        <location filename="../../widgets/replay/feature.py" line="130" />
        <source>Selected items (CSV / GeoPackage)…</source>
        <translation>Đối tượng đã chọn (CSV / GeoPackage)…</translation>
    </message>
    <message>
        <location filename="../../widgets/replay/feature.py" line="138" />
        <source>Local VN-2000 grid on printed maps</source>
        <translation>Lưới VN-2000 địa phương trên bản đồ in</translation>
    </message>
    <message>
        <location filename="../../widgets/replay/feature.py" line="144" />
        <location filename="../../widgets/replay/feature.py" line="243" />
        <source>&amp;Record to archive…</source>
        <translation>&amp;Ghi lại vào tệp lưu trữ…</translation>
    </message>
    <message>
        <location filename="../../widgets/replay/feature.py" line="167" />
        <source>Export failed</source>
        <translation>Xuất không thành công</translation>
    </message>
    <message>
        <location filename="../../widgets/replay/feature.py" line="171" />
        <source>Export HTML map</source>
        <translation>Xuất bản đồ HTML</translation>
    </message>
    <message>
        <location filename="../../widgets/replay/feature.py" line="171" />
        <source>HTML (*.html)</source>
        <translation>HTML (*.html)</translation>
    </message>
    <message>
        <location filename="../../widgets/replay/feature.py" line="183" />
        <location filename="../../widgets/replay/feature.py" line="205" />
        <source>Map written to %1</source>
        <translation>Đã ghi bản đồ vào %1</translation>
    </message>
    <message>
        <location filename="../../widgets/replay/feature.py" line="189" />
        <source>Printable map</source>
        <translation>Bản đồ để in</translation>
    </message>
    <message>
        <location filename="../../widgets/replay/feature.py" line="190" />
        <source>PDF (*.pdf);;PNG image (*.png)</source>
        <translation>PDF (*.pdf);;Ảnh PNG (*.png)</translation>
    </message>
    <message>
        <location filename="../../widgets/replay/feature.py" line="212" />
        <source>Nothing is selected: click items on the map first.</source>
        <translation>Chưa chọn đối tượng nào: hãy bấm vào đối tượng trên bản đồ trước.</translation>
    </message>
    <message>
        <location filename="../../widgets/replay/feature.py" line="215" />
        <source>Export data</source>
        <translation>Xuất dữ liệu</translation>
    </message>
    <message>
        <location filename="../../widgets/replay/feature.py" line="216" />
        <source>GeoPackage (*.gpkg);;CSV (*.csv)</source>
        <translation>GeoPackage (*.gpkg);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../widgets/replay/feature.py" line="228" />
        <source>Nothing to export in this view.</source>
        <translation>Không có dữ liệu nào trong khung nhìn này để xuất.</translation>
    </message>
    <message>
        <location filename="../../widgets/replay/feature.py" line="234" />
        <source>Data written to %1</source>
        <translation>Đã ghi dữ liệu vào %1</translation>
    </message>
    <message>
        <location filename="../../widgets/replay/feature.py" line="244" />
        <source>Recording stopped.</source>
        <translation>Đã dừng ghi.</translation>
    </message>
    <message>
        <location filename="../../widgets/replay/feature.py" line="247" />
        <source>Record to archive</source>
        <translation>Ghi lại vào tệp lưu trữ</translation>
    </message>
    <message>
        <location filename="../../widgets/replay/feature.py" line="248" />
        <source>GeoPackage archive (*.gpkg)</source>
        <translation>Tệp lưu trữ GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../../widgets/replay/feature.py" line="256" />
        <source>Stop &amp;recording</source>
        <translation>Dừng &amp;ghi</translation>
    </message>
    <message>
        <location filename="../../widgets/replay/feature.py" line="257" />
        <source>Recording to %1</source>
        <translation>Đang ghi vào %1</translation>
    </message>
    <message>
        <location filename="../../widgets/replay/feature.py" line="260" />
        <source>Recording stopped</source>
        <translation>Đã dừng ghi</translation>
    </message>
    <message>
        <location filename="../../widgets/replay/feature.py" line="299" />
        <source>review: %1</source>
        <translation>xem lại: %1</translation>
    </message>
    <message>
        <location filename="../../widgets/replay/feature.py" line="309" />
        <source>Replay time</source>
        <translation>Thời gian phát lại</translation>
    </message>
    <message>
        <location filename="../../widgets/replay/feature.py" line="315" />
        <source>Review: %1 (no backend)</source>
        <translation>Xem lại: %1 (không kết nối máy chủ)</translation>
    </message>
    <message>
        <location filename="../../widgets/replay/feature.py" line="324" />
        <source>Archive could not be opened</source>
        <translation>Không mở được tệp lưu trữ</translation>
    </message>
</context>
<context>
    <name>ReportLayer</name>
    <message>
        <location filename="../../layers/reports/layer.py" line="30" />
        <source>radio</source>
        <translation>vô tuyến</translation>
    </message>
    <message>
        <location filename="../../layers/reports/layer.py" line="31" />
        <source>phone</source>
        <translation>điện thoại</translation>
    </message>
    <message>
        <location filename="../../layers/reports/layer.py" line="32" />
        <source>other means</source>
        <translation>cách khác</translation>
    </message>
    <message>
        <location filename="../../layers/reports/layer.py" line="40" />
        <source>Manual position reports</source>
        <translation>Báo cáo vị trí thủ công</translation>
    </message>
    <message>
        <location filename="../../layers/reports/layer.py" line="45" />
        <source>Earlier report</source>
        <translation>Báo cáo trước</translation>
    </message>
    <message>
        <location filename="../../layers/reports/layer.py" line="47" />
        <source>Latest report of the vessel</source>
        <translation>Báo cáo mới nhất của tàu</translation>
    </message>
    <message>
        <location filename="../../layers/reports/layer.py" line="56" />
        <source>Reported position: %1</source>
        <translation>Vị trí tàu báo: %1</translation>
    </message>
    <message>
        <location filename="../../layers/reports/layer.py" line="59" />
        <source>Reported at</source>
        <translation>Thời điểm báo</translation>
    </message>
    <message>
        <location filename="../../layers/reports/layer.py" line="60" />
        <source>Age</source>
        <translation>Cập nhật cách đây</translation>
    </message>
    <message>
        <location filename="../../layers/reports/layer.py" line="61" />
        <source>Position</source>
        <translation>Vị trí</translation>
    </message>
    <message>
        <location filename="../../layers/reports/layer.py" line="63" />
        <source>Channel</source>
        <translation>Kênh báo</translation>
    </message>
    <message>
        <location filename="../../layers/reports/layer.py" line="64" />
        <source>Recorded by</source>
        <translation>Người ghi</translation>
    </message>
    <message>
        <location filename="../../layers/reports/layer.py" line="67" />
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location filename="../../layers/reports/layer.py" line="81" />
        <source>Selected vessel: last fix and manual reports</source>
        <translation>Tàu đang chọn: vị trí VMS cuối và các báo cáo thủ công</translation>
    </message>
    <message>
        <location filename="../../layers/reports/layer.py" line="107" />
        <source>Last fix → manual reports</source>
        <translation>Vị trí VMS cuối → báo cáo thủ công</translation>
    </message>
</context>
<context>
    <name>RequestedLayers</name>
    <message>
        <location filename="../../widgets/requested_layers.py" line="66" />
        <source>the file holds no layer to show</source>
        <translation>tệp không chứa lớp nào để hiển thị</translation>
    </message>
</context>
<context>
    <name>RulesEngine</name>
    <message>
        <location filename="../../console/rules/phrases.py" line="64" />
        <source>Camera offline: %1</source>
        <translation>Camera mất kết nối: %1</translation>
    </message>
    <message>
        <location filename="../../console/rules/phrases.py" line="65" />
        <source>%1 stopped answering</source>
        <translation>%1 không còn phản hồi</translation>
    </message>
    <message>
        <location filename="../../console/rules/phrases.py" line="69" />
        <source>New incident: %1</source>
        <translation>Sự cố mới: %1</translation>
    </message>
    <message>
        <location filename="../../console/rules/phrases.py" line="186" />
        <source>Alert: %1</source>
        <translation>Cảnh báo: %1</translation>
    </message>
</context>
<context>
    <name>SensorThings</name>
    <message>
        <location filename="../../console/sources/sensorthings.py" line="213" />
        <source>%1: no point location</source>
        <translation>%1: không có tọa độ điểm</translation>
    </message>
    <message>
        <location filename="../../console/sources/sta_kinds.py" line="51" />
        <source>unknown quantity %1</source>
        <translation>đại lượng đo không xác định %1</translation>
    </message>
    <message>
        <location filename="../../console/sources/sta_kinds.py" line="56" />
        <source>unit %1 is not one of %2</source>
        <translation>đơn vị %1 không thuộc %2</translation>
    </message>
</context>
<context>
    <name>SeriesLoader</name>
    <message>
        <location filename="../../widgets/timeseries/loader.py" line="56" />
        <source>Not connected to the backend yet.</source>
        <translation>Chưa kết nối được máy chủ.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../widgets/settings_dialog.py" line="49" />
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <location filename="../../widgets/settings_dialog.py" line="67" />
        <source>General</source>
        <translation>Chung</translation>
    </message>
    <message>
        <location filename="../../widgets/settings_dialog.py" line="68" />
        <source>Sources</source>
        <translation>Nguồn dữ liệu</translation>
    </message>
    <message>
        <location filename="../../widgets/settings_dialog.py" line="76" />
        <source>empty: start the built-in demo backend</source>
        <translation>để trống: chạy máy chủ mô phỏng có sẵn</translation>
    </message>
    <message>
        <location filename="../../widgets/settings_dialog.py" line="79" />
        <source>unchanged</source>
        <translation>giữ nguyên</translation>
    </message>
    <message>
        <location filename="../../widgets/settings_dialog.py" line="81" />
        <source>stored in the system keyring</source>
        <translation>lưu trong kho khóa của hệ điều hành</translation>
    </message>
    <message>
        <location filename="../../widgets/settings_dialog.py" line="83" />
        <source>no system keyring: kept for this session only, never in a file</source>
        <translation>không có kho khóa hệ thống: chỉ giữ trong phiên làm việc này, không bao giờ ghi ra tệp</translation>
    </message>
    <message>
        <location filename="../../widgets/settings_dialog.py" line="101" />
        <source>Light</source>
        <translation>Sáng</translation>
    </message>
    <message>
        <location filename="../../widgets/settings_dialog.py" line="102" />
        <source>Dark (control room)</source>
        <translation>Tối (phòng điều hành)</translation>
    </message>
    <message>
        <location filename="../../widgets/settings_dialog.py" line="110" />
        <source>Kilometres</source>
        <translation>Ki-lô-mét</translation>
    </message>
    <message>
        <location filename="../../widgets/settings_dialog.py" line="111" />
        <source>Nautical miles</source>
        <translation>Hải lý</translation>
    </message>
    <message>
        <location filename="../../widgets/settings_dialog.py" line="113" />
        <source>Rules (*.json)</source>
        <translation>Quy tắc (*.json)</translation>
    </message>
    <message>
        <location filename="../../widgets/settings_dialog.py" line="115" />
        <source>Zones (*.geojson *.json *.gpkg)</source>
        <translation>Vùng biển (*.geojson *.json *.gpkg)</translation>
    </message>
    <message>
        <location filename="../../widgets/settings_dialog.py" line="121" />
        <source>empty: the shipped file</source>
        <translation>để trống: dùng tệp có sẵn</translation>
    </message>
    <message>
        <location filename="../../widgets/settings_dialog.py" line="126" />
        <source>Browse…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <location filename="../../widgets/settings_dialog.py" line="130" />
        <source>Choose a file</source>
        <translation>Chọn tệp</translation>
    </message>
    <message>
        <location filename="../../widgets/settings_dialog.py" line="140" />
        <source>Backend URL</source>
        <translation>Địa chỉ máy chủ</translation>
    </message>
    <message>
        <location filename="../../widgets/settings_dialog.py" line="141" />
        <source>Access token</source>
        <translation>Mã truy cập</translation>
    </message>
    <message>
        <location filename="../../widgets/settings_dialog.py" line="143" />
        <source>Operator name</source>
        <translation>Tên người trực</translation>
    </message>
    <message>
        <location filename="../../widgets/settings_dialog.py" line="144" />
        <source>Vessel refresh</source>
        <translation>Chu kỳ cập nhật tàu cá</translation>
    </message>
    <message>
        <location filename="../../widgets/settings_dialog.py" line="145" />
        <source>Station refresh</source>
        <translation>Chu kỳ cập nhật trạm</translation>
    </message>
    <message>
        <location filename="../../widgets/settings_dialog.py" line="146" />
        <source>Camera refresh</source>
        <translation>Chu kỳ cập nhật camera</translation>
    </message>
    <message>
        <location filename="../../widgets/settings_dialog.py" line="147" />
        <source>Incident refresh</source>
        <translation>Chu kỳ cập nhật sự cố</translation>
    </message>
    <message>
        <location filename="../../widgets/settings_dialog.py" line="148" />
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <location filename="../../widgets/settings_dialog.py" line="149" />
        <source>Theme</source>
        <translation>Giao diện</translation>
    </message>
    <message>
        <location filename="../../widgets/settings_dialog.py" line="150" />
        <source>Font size</source>
        <translation>Cỡ chữ</translation>
    </message>
    <message>
        <location filename="../../widgets/settings_dialog.py" line="151" />
        <source>Local grid (EPSG)</source>
        <translation>Hệ tọa độ địa phương (EPSG)</translation>
    </message>
    <message>
        <location filename="../../widgets/settings_dialog.py" line="152" />
        <source>Distances</source>
        <translation>Đơn vị khoảng cách</translation>
    </message>
    <message>
        <location filename="../../widgets/settings_dialog.py" line="153" />
        <source>Alert thresholds file</source>
        <translation>Tệp ngưỡng cảnh báo</translation>
    </message>
    <message>
        <location filename="../../widgets/settings_dialog.py" line="154" />
        <source>Zones file</source>
        <translation>Tệp vùng biển</translation>
    </message>
    <message>
        <location filename="../../widgets/settings_dialog.py" line="176" />
        <source>Operator name must not be empty.</source>
        <translation>Tên người trực không được để trống.</translation>
    </message>
    <message>
        <location filename="../../widgets/settings_dialog.py" line="185" />
        <source>Not saved:</source>
        <translation>Chưa lưu:</translation>
    </message>
    <message>
        <location filename="../../widgets/settings_dialog.py" line="196" />
        <source>&amp;Settings…</source>
        <translation>&amp;Cài đặt…</translation>
    </message>
</context>
<context>
    <name>SharedDecisions</name>
    <message>
        <location filename="../../widgets/shared/feature.py" line="73" />
        <source>Not available while reviewing an archive.</source>
        <translation>Không dùng được khi đang xem lại dữ liệu lưu trữ.</translation>
    </message>
    <message>
        <location filename="../../widgets/shared/feature.py" line="80" />
        <source>Open an incident at a position you pick on the map</source>
        <translation>Tạo sự cố tại vị trí chọn trên bản đồ</translation>
    </message>
    <message>
        <location filename="../../widgets/shared/feature.py" line="101" />
        <source>Click where the incident is (Esc cancels)</source>
        <translation>Bấm vào nơi xảy ra sự cố (Esc để hủy)</translation>
    </message>
    <message>
        <location filename="../../widgets/shared/feature.py" line="142" />
        <source>Incident “%1” queued: every console shows it once the backend has it.</source>
        <translation>Đã xếp hàng gửi sự cố “%1”: mọi máy trực sẽ thấy khi máy chủ đã nhận.</translation>
    </message>
    <message>
        <location filename="../../widgets/shared/feature.py" line="154" />
        <source>Attach photos</source>
        <translation>Đính kèm ảnh</translation>
    </message>
    <message>
        <location filename="../../widgets/shared/feature.py" line="155" />
        <source>Images</source>
        <translation>Ảnh</translation>
    </message>
    <message>
        <location filename="../../widgets/shared/feature.py" line="165" />
        <source>This file is not a picture that can be read: %1</source>
        <translation>Tệp này không phải ảnh đọc được: %1</translation>
    </message>
    <message>
        <location filename="../../widgets/shared/feature.py" line="198" />
        <source>Click the position the captain reported (Esc cancels)</source>
        <translation>Bấm vào vị trí thuyền trưởng đã báo (Esc để hủy)</translation>
    </message>
    <message>
        <location filename="../../widgets/shared/feature.py" line="215" />
        <source>Position report queued.</source>
        <translation>Đã xếp hàng gửi báo cáo vị trí.</translation>
    </message>
    <message>
        <location filename="../../widgets/shared/feature.py" line="233" />
        <source>New incident here…</source>
        <translation>Tạo sự cố tại đây…</translation>
    </message>
    <message>
        <location filename="../../widgets/shared/feature.py" line="251" />
        <source>New incident…</source>
        <translation>Sự cố mới…</translation>
    </message>
    <message>
        <location filename="../../widgets/shared/feature.py" line="260" />
        <source>Audit trail</source>
        <translation>Nhật ký thao tác</translation>
    </message>
</context>
<context>
    <name>ShiftReport</name>
    <message>
        <location filename="../../console/report/html.py" line="52" />
        <source>None in this period.</source>
        <translation>Không có trong ca.</translation>
    </message>
    <message>
        <location filename="../../console/report/html.py" line="78" />
        <source>Shift report %1 – %2</source>
        <translation>Báo cáo ca trực %1 – %2</translation>
    </message>
    <message>
        <location filename="../../console/report/html.py" line="92" />
        <source>Map of the shift</source>
        <translation>Bản đồ ca trực</translation>
    </message>
    <message>
        <location filename="../../console/report/html.py" line="110" />
        <source>Stations coloured by the alarm level reached; red: vessels dark or in violation; purple: vessels in a storm danger zone (red dashed box: the zone of the last bulletin); orange: incidents; grey: cameras offline. The Hoàng Sa and Trường Sa archipelagos of Viet Nam are shown and named, on the map or in its inset.</source>
        <translation>Trạm tô màu theo cấp báo động đã đạt; đỏ: tàu mất tín hiệu hoặc vi phạm; tím: tàu trong vùng nguy hiểm của bão (khung đỏ nét đứt: vùng nguy hiểm của bản tin cuối); cam: sự cố; xám: camera mất kết nối. Hai quần đảo Hoàng Sa và Trường Sa của Việt Nam được thể hiện và ghi tên, trên bản đồ hoặc trong ô bản đồ phụ.</translation>
    </message>
    <message>
        <location filename="../../console/report/html.py" line="121" />
        <source>Window: %1 – %2 (Vietnam time, UTC+7)</source>
        <translation>Thời gian: %1 – %2 (giờ Việt Nam, UTC+7)</translation>
    </message>
    <message>
        <location filename="../../console/report/html.py" line="123" />
        <source>Source: %1</source>
        <translation>Nguồn dữ liệu: %1</translation>
    </message>
    <message>
        <location filename="../../console/report/html.py" line="129" />
        <source>Simulated stations (no published source): %1 of %2 (%3)</source>
        <translation>Trạm mô phỏng (không có nguồn công bố): %1 trên %2 (%3)</translation>
    </message>
    <message>
        <location filename="../../console/report/html.py" line="141" />
        <source>Heaviest rain</source>
        <translation>Mưa lớn nhất</translation>
    </message>
    <message>
        <location filename="../../console/report/html.py" line="143" />
        <source>Highest river level</source>
        <translation>Mực nước sông cao nhất</translation>
    </message>
    <message>
        <location filename="../../console/report/html.py" line="145" />
        <source>Vessels lost signal / must return / in violation</source>
        <translation>Tàu mất tín hiệu / phải về bờ / vi phạm</translation>
    </message>
    <message>
        <location filename="../../console/report/html.py" line="148" />
        <source>Vessels in a storm danger zone (still inside at the end)</source>
        <translation>Tàu trong vùng nguy hiểm của bão (còn trong vùng lúc hết ca)</translation>
    </message>
    <message>
        <location filename="../../console/report/html.py" line="150" />
        <source>Incidents opened / closed</source>
        <translation>Sự cố phát sinh / đã đóng</translation>
    </message>
    <message>
        <location filename="../../console/report/html.py" line="152" />
        <location filename="../../console/report/html.py" line="345" />
        <source>Cameras offline</source>
        <translation>Camera mất kết nối</translation>
    </message>
    <message>
        <location filename="../../console/report/html.py" line="153" />
        <source>Alerts raised / acknowledged</source>
        <translation>Cảnh báo phát sinh / đã xác nhận</translation>
    </message>
    <message>
        <location filename="../../console/report/html.py" line="157" />
        <source>Summary</source>
        <translation>Tóm tắt</translation>
    </message>
    <message>
        <location filename="../../console/report/html.py" line="173" />
        <source>Heaviest: %1, %2 in the period.</source>
        <translation>Lớn nhất: %1, %2 trong ca.</translation>
    </message>
    <message>
        <location filename="../../console/report/html.py" line="177" />
        <source>Rain totals per station</source>
        <translation>Tổng lượng mưa theo trạm</translation>
    </message>
    <message>
        <location filename="../../console/report/html.py" line="179" />
        <location filename="../../console/report/html.py" line="197" />
        <source>Station</source>
        <translation>Trạm</translation>
    </message>
    <message>
        <location filename="../../console/report/html.py" line="179" />
        <source>Total (mm)</source>
        <translation>Tổng (mm)</translation>
    </message>
    <message>
        <location filename="../../console/report/html.py" line="180" />
        <source>Largest reading (mm)</source>
        <translation>Lần đo lớn nhất (mm)</translation>
    </message>
    <message>
        <location filename="../../console/report/html.py" line="180" />
        <source>Readings</source>
        <translation>Số lần đo</translation>
    </message>
    <message>
        <location filename="../../console/report/html.py" line="195" />
        <source>Water-level peaks</source>
        <translation>Đỉnh mực nước</translation>
    </message>
    <message>
        <location filename="../../console/report/html.py" line="197" />
        <source>River</source>
        <translation>Sông</translation>
    </message>
    <message>
        <location filename="../../console/report/html.py" line="198" />
        <location filename="../../console/report/html.py" line="224" />
        <source>Peak</source>
        <translation>Đỉnh</translation>
    </message>
    <message>
        <location filename="../../console/report/html.py" line="198" />
        <location filename="../../console/report/html.py" line="225" />
        <source>Peak time</source>
        <translation>Thời điểm đỉnh</translation>
    </message>
    <message>
        <location filename="../../console/report/html.py" line="199" />
        <source>BĐ1 / BĐ2 / BĐ3</source>
        <translation>BĐ1 / BĐ2 / BĐ3</translation>
    </message>
    <message>
        <location filename="../../console/report/html.py" line="199" />
        <location filename="../../console/report/html.py" line="225" />
        <source>Last reading</source>
        <translation>Lần đo cuối</translation>
    </message>
    <message>
        <location filename="../../console/report/html.py" line="212" />
        <source>above by %1</source>
        <translation>cao hơn %1</translation>
    </message>
    <message>
        <location filename="../../console/report/html.py" line="215" />
        <source>below by %1</source>
        <translation>thấp hơn %1</translation>
    </message>
    <message>
        <location filename="../../console/report/html.py" line="222" />
        <source>Reservoirs</source>
        <translation>Hồ chứa</translation>
    </message>
    <message>
        <location filename="../../console/report/html.py" line="224" />
        <source>Reservoir</source>
        <translation>Hồ chứa</translation>
    </message>
    <message>
        <location filename="../../console/report/html.py" line="226" />
        <source>Normal water level</source>
        <translation>Mực nước dâng bình thường</translation>
    </message>
    <message>
        <location filename="../../console/report/html.py" line="227" />
        <source>Last vs normal level</source>
        <translation>So với mực nước dâng bình thường</translation>
    </message>
    <message>
        <location filename="../../console/report/html.py" line="234" />
        <source>Vessels</source>
        <translation>Tàu cá</translation>
    </message>
    <message>
        <location filename="../../console/report/html.py" line="235" />
        <source>%1 vessels reported a position by the end of the period; states at %2 (Decree 37/2024 thresholds).</source>
        <translation>%1 tàu đã báo vị trí đến cuối ca; trạng thái lúc %2 (ngưỡng theo Nghị định 37/2024).</translation>
    </message>
    <message>
        <location filename="../../console/report/html.py" line="240" />
        <source>Lost signal (silent more than 6 h)</source>
        <translation>Mất tín hiệu (quá 6 giờ không báo vị trí)</translation>
    </message>
    <message>
        <location filename="../../console/report/html.py" line="241" />
        <source>Must return to port</source>
        <translation>Phải về bờ</translation>
    </message>
    <message>
        <location filename="../../console/report/html.py" line="242" />
        <source>In violation (zone or boundary alerts)</source>
        <translation>Vi phạm (cảnh báo vùng hoặc ranh giới)</translation>
    </message>
    <message>
        <location filename="../../console/report/html.py" line="251" />
        <source>What</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <location filename="../../console/report/html.py" line="252" />
        <source>Silent for</source>
        <translation>Mất tín hiệu trong</translation>
    </message>
    <message>
        <location filename="../../console/report/html.py" line="253" />
        <source>Alert time</source>
        <translation>Thời điểm cảnh báo</translation>
    </message>
    <message>
        <location filename="../../console/report/html.py" line="254" />
        <source>Last fix</source>
        <translation>Vị trí cuối</translation>
    </message>
    <message>
        <location filename="../../console/report/html.py" line="256" />
        <location filename="../../console/report/html.py" line="307" />
        <source>Registration</source>
        <translation>Số đăng ký</translation>
    </message>
    <message>
        <location filename="../../console/report/html.py" line="256" />
        <location filename="../../console/report/html.py" line="307" />
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <location filename="../../console/report/html.py" line="257" />
        <source>Lat, lon</source>
        <translation>Vĩ độ, kinh độ</translation>
    </message>
    <message>
        <location filename="../../console/report/html.py" line="273" />
        <source>Storm danger zone</source>
        <translation>Vùng nguy hiểm của bão</translation>
    </message>
    <message>
        <location filename="../../console/report/html.py" line="275" />
        <source>This archive was recorded before storm bulletins were kept: it cannot tell which vessels were in a danger zone.</source>
        <translation>Bản lưu này được ghi từ trước khi lưu bản tin bão: không xác định được tàu nào đã ở trong vùng nguy hiểm.</translation>
    </message>
    <message>
        <location filename="../../console/report/html.py" line="279" />
        <source>No storm bulletin was in force during this period.</source>
        <translation>Không có bản tin bão nào còn hiệu lực trong khoảng thời gian này.</translation>
    </message>
    <message>
        <location filename="../../console/report/html.py" line="290" />
        <source>yes</source>
        <translation>có</translation>
    </message>
    <message>
        <location filename="../../console/report/html.py" line="290" />
        <source>no</source>
        <translation>không</translation>
    </message>
    <message>
        <location filename="../../console/report/html.py" line="295" />
        <source>… and %1 more: the HTML report lists every one</source>
        <translation>… và %1 tàu nữa: báo cáo HTML liệt kê đủ</translation>
    </message>
    <message>
        <location filename="../../console/report/html.py" line="298" />
        <source>A vessel counts when one of its recorded fixes lay inside the zone of the bulletin in force, at sea; between fixes nothing is assumed.</source>
        <translation>Một tàu được tính khi có ít nhất một vị trí đã ghi nằm trong vùng nguy hiểm của bản tin đang hiệu lực, lúc đang trên biển; giữa hai vị trí không suy đoán gì thêm.</translation>
    </message>
    <message>
        <location filename="../../console/report/html.py" line="302" />
        <location filename="../../console/report/html.py" line="308" />
        <source>Bulletin</source>
        <translation>Bản tin</translation>
    </message>
    <message>
        <location filename="../../console/report/html.py" line="302" />
        <source>Storm</source>
        <translation>Cơn bão</translation>
    </message>
    <message>
        <location filename="../../console/report/html.py" line="303" />
        <source>Issued</source>
        <translation>Phát lúc</translation>
    </message>
    <message>
        <location filename="../../console/report/html.py" line="303" />
        <source>Near the centre</source>
        <translation>Gần tâm bão</translation>
    </message>
    <message>
        <location filename="../../console/report/html.py" line="304" />
        <source>Danger zone</source>
        <translation>Vùng nguy hiểm</translation>
    </message>
    <message>
        <location filename="../../console/report/html.py" line="305" />
        <source>Vessels inside the danger zone</source>
        <translation>Tàu trong vùng nguy hiểm</translation>
    </message>
    <message>
        <location filename="../../console/report/html.py" line="308" />
        <source>First inside</source>
        <translation>Vào vùng lúc</translation>
    </message>
    <message>
        <location filename="../../console/report/html.py" line="309" />
        <source>Last inside</source>
        <translation>Lần cuối trong vùng</translation>
    </message>
    <message>
        <location filename="../../console/report/html.py" line="310" />
        <source>Last position inside (lat, lon)</source>
        <translation>Vị trí cuối trong vùng (vĩ độ, kinh độ)</translation>
    </message>
    <message>
        <location filename="../../console/report/html.py" line="311" />
        <source>Inside at the end</source>
        <translation>Còn trong vùng lúc hết ca</translation>
    </message>
    <message>
        <location filename="../../console/report/html.py" line="326" />
        <source>Incident</source>
        <translation>Sự cố</translation>
    </message>
    <message>
        <location filename="../../console/report/html.py" line="326" />
        <source>Type</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../../console/report/html.py" line="327" />
        <location filename="../../console/report/html.py" line="367" />
        <source>Severity</source>
        <translation>Mức độ</translation>
    </message>
    <message>
        <location filename="../../console/report/html.py" line="327" />
        <source>Reported</source>
        <translation>Thời điểm báo</translation>
    </message>
    <message>
        <location filename="../../console/report/html.py" line="328" />
        <source>Response time</source>
        <translation>Thời gian phản hồi</translation>
    </message>
    <message>
        <location filename="../../console/report/html.py" line="328" />
        <source>Time to resolve</source>
        <translation>Thời gian xử lý</translation>
    </message>
    <message>
        <location filename="../../console/report/html.py" line="329" />
        <source>Status at the end</source>
        <translation>Trạng thái cuối ca</translation>
    </message>
    <message>
        <location filename="../../console/report/html.py" line="331" />
        <source>Incidents</source>
        <translation>Sự cố</translation>
    </message>
    <message>
        <location filename="../../console/report/html.py" line="332" />
        <source>Opened</source>
        <translation>Phát sinh</translation>
    </message>
    <message>
        <location filename="../../console/report/html.py" line="334" />
        <source>Resolved or closed</source>
        <translation>Đã xử lý xong hoặc đã đóng</translation>
    </message>
    <message>
        <location filename="../../console/report/html.py" line="342" />
        <source>still offline</source>
        <translation>vẫn mất kết nối</translation>
    </message>
    <message>
        <location filename="../../console/report/html.py" line="346" />
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <location filename="../../console/report/html.py" line="346" />
        <source>Offline since</source>
        <translation>Mất kết nối từ</translation>
    </message>
    <message>
        <location filename="../../console/report/html.py" line="347" />
        <source>Back online</source>
        <translation>Kết nối lại</translation>
    </message>
    <message>
        <location filename="../../console/report/html.py" line="351" />
        <source>Alerts and who acknowledged them</source>
        <translation>Cảnh báo và người xác nhận</translation>
    </message>
    <message>
        <location filename="../../console/report/html.py" line="353" />
        <source>Alerts are raised and kept by the consoles: a report built from the backend's history has none. Use a console's recorded archive for them.</source>
        <translation>Cảnh báo do các máy trạm phát sinh và lưu giữ: báo cáo lập từ lịch sử của máy chủ không có cảnh báo. Hãy dùng tệp lưu trữ do máy trạm ghi.</translation>
    </message>
    <message>
        <location filename="../../console/report/html.py" line="357" />
        <source>not acknowledged</source>
        <translation>chưa xác nhận</translation>
    </message>
    <message>
        <location filename="../../console/report/html.py" line="359" />
        <source>not recorded in this archive</source>
        <translation>tệp lưu trữ này không ghi</translation>
    </message>
    <message>
        <location filename="../../console/report/html.py" line="367" />
        <source>Raised</source>
        <translation>Phát sinh</translation>
    </message>
    <message>
        <location filename="../../console/report/html.py" line="368" />
        <source>Alert</source>
        <translation>Cảnh báo</translation>
    </message>
    <message>
        <location filename="../../console/report/html.py" line="368" />
        <source>Cleared</source>
        <translation>Hết cảnh báo</translation>
    </message>
    <message>
        <location filename="../../console/report/html.py" line="369" />
        <source>Acknowledged by</source>
        <translation>Người xác nhận</translation>
    </message>
    <message>
        <location filename="../../console/report/html.py" line="369" />
        <source>At</source>
        <translation>Lúc</translation>
    </message>
    <message>
        <location filename="../../widgets/report/writer.py" line="33" />
        <source>Accumulated rain, %1</source>
        <translation>Lượng mưa tích lũy, %1</translation>
    </message>
    <message>
        <location filename="../../widgets/report/writer.py" line="37" />
        <source>Water level, %1</source>
        <translation>Mực nước, %1</translation>
    </message>
</context>
<context>
    <name>ShiftReportAction</name>
    <message>
        <location filename="../../widgets/report/feature.py" line="43" />
        <location filename="../../widgets/report/feature.py" line="104" />
        <location filename="../../widgets/report/feature.py" line="147" />
        <source>Shift report</source>
        <translation>Báo cáo ca trực</translation>
    </message>
    <message>
        <location filename="../../widgets/report/feature.py" line="49" />
        <source>From (Vietnam time)</source>
        <translation>Từ (giờ Việt Nam)</translation>
    </message>
    <message>
        <location filename="../../widgets/report/feature.py" line="50" />
        <source>To (Vietnam time)</source>
        <translation>Đến (giờ Việt Nam)</translation>
    </message>
    <message>
        <location filename="../../widgets/report/feature.py" line="66" />
        <source>The end must be after the start.</source>
        <translation>Thời điểm kết thúc phải sau thời điểm bắt đầu.</translation>
    </message>
    <message>
        <location filename="../../widgets/report/feature.py" line="74" />
        <source>&amp;Shift report…</source>
        <translation>&amp;Báo cáo ca trực…</translation>
    </message>
    <message>
        <location filename="../../widgets/report/feature.py" line="86" />
        <source>Save shift report</source>
        <translation>Lưu báo cáo ca trực</translation>
    </message>
    <message>
        <location filename="../../widgets/report/feature.py" line="87" />
        <source>PDF (*.pdf);;HTML (*.html)</source>
        <translation>PDF (*.pdf);;HTML (*.html)</translation>
    </message>
    <message>
        <location filename="../../widgets/report/feature.py" line="105" />
        <source>No source yet: not connected.</source>
        <translation>Chưa có nguồn dữ liệu: chưa kết nối.</translation>
    </message>
    <message>
        <location filename="../../widgets/report/feature.py" line="125" />
        <source>Writing the shift report…</source>
        <translation>Đang lập báo cáo ca trực…</translation>
    </message>
    <message>
        <location filename="../../widgets/report/feature.py" line="143" />
        <source>Shift report written to %1</source>
        <translation>Đã ghi báo cáo ca trực vào %1</translation>
    </message>
    <message>
        <location filename="../../widgets/report/feature.py" line="148" />
        <source>The shift report could not be written: %1</source>
        <translation>Không lập được báo cáo ca trực: %1</translation>
    </message>
</context>
<context>
    <name>SnapshotThumb</name>
    <message>
        <location filename="../../widgets/cameras/snapshot.py" line="59" />
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <location filename="../../widgets/cameras/snapshot.py" line="59" />
        <source>Offline</source>
        <translation>Mất kết nối</translation>
    </message>
    <message>
        <location filename="../../widgets/cameras/snapshot.py" line="86" />
        <source>No picture</source>
        <translation>Không có hình ảnh</translation>
    </message>
</context>
<context>
    <name>SourceBanners</name>
    <message>
        <location filename="../../widgets/connection_banner.py" line="159" />
        <source>%1 (%2) is not answering since %3 (attempts failed: %4).</source>
        <translation>%1 (%2) không phản hồi từ %3 (số lần thử thất bại: %4).</translation>
    </message>
    <message>
        <location filename="../../widgets/connection_banner.py" line="167" />
        <source>Its data on the map is %1 old.</source>
        <translation>Dữ liệu của nguồn này trên bản đồ đã cũ %1.</translation>
    </message>
    <message>
        <location filename="../../widgets/connection_banner.py" line="169" />
        <source>Nothing has arrived from it yet.</source>
        <translation>Chưa nhận được dữ liệu nào từ nguồn này.</translation>
    </message>
    <message>
        <location filename="../../widgets/connection_banner.py" line="170" />
        <source>Retrying automatically…</source>
        <translation>Đang tự động thử lại…</translation>
    </message>
</context>
<context>
    <name>SourceProblem</name>
    <message>
        <location filename="../../widgets/sources/problem_text.py" line="26" />
        <source>The server %1 does not answer (it may be down, or the address is wrong).</source>
        <translation>Máy chủ %1 không phản hồi (có thể máy chủ đang dừng hoặc địa chỉ sai).</translation>
    </message>
    <message>
        <location filename="../../widgets/sources/problem_text.py" line="30" />
        <source>The server %1 refused access: check the user name, password or token.</source>
        <translation>Máy chủ %1 từ chối truy cập: kiểm tra tên đăng nhập, mật khẩu hoặc mã truy cập.</translation>
    </message>
    <message>
        <location filename="../../widgets/sources/problem_text.py" line="34" />
        <source>The server %1 has no such collection.</source>
        <translation>Máy chủ %1 không có bộ dữ liệu này.</translation>
    </message>
    <message>
        <location filename="../../widgets/sources/problem_text.py" line="35" />
        <source>%1 did not answer as an OGC API – Features service.</source>
        <translation>%1 không phản hồi như một dịch vụ OGC API – Features.</translation>
    </message>
    <message>
        <location filename="../../widgets/sources/problem_text.py" line="38" />
        <source>The server %1 refused the request.</source>
        <translation>Máy chủ %1 từ chối yêu cầu.</translation>
    </message>
    <message>
        <location filename="../../widgets/sources/problem_text.py" line="39" />
        <source>The server %1 sent an answer that cannot be read.</source>
        <translation>Máy chủ %1 trả về dữ liệu không đọc được.</translation>
    </message>
    <message>
        <location filename="../../widgets/sources/problem_text.py" line="42" />
        <source>%1 is not a valid server address.</source>
        <translation>%1 không phải là địa chỉ máy chủ hợp lệ.</translation>
    </message>
    <message>
        <location filename="../../widgets/sources/problem_text.py" line="44" />
        <source>Reading from %1 failed.</source>
        <translation>Đọc dữ liệu từ %1 thất bại.</translation>
    </message>
</context>
<context>
    <name>Sources</name>
    <message>
        <location filename="../../console/app.py" line="147" />
        <location filename="../../widgets/sources/ogc_kind.py" line="105" />
        <source>Reference backend</source>
        <translation>Máy chủ IOC</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="148" />
        <source>built-in demo backend</source>
        <translation>máy chủ mô phỏng tích hợp</translation>
    </message>
    <message>
        <location filename="../../widgets/sources/feature.py" line="44" />
        <source>Add layers from &amp;server…</source>
        <translation>Thêm lớp từ &amp;máy chủ…</translation>
    </message>
    <message>
        <location filename="../../widgets/sources/ogc_kind.py" line="94" />
        <source>OGC API – Features</source>
        <translation>OGC API – Features</translation>
    </message>
    <message>
        <location filename="../../widgets/sources/ais_kind.py" line="35" />
        <source>AIS receiver</source>
        <translation>Máy thu AIS</translation>
    </message>
    <message>
        <location filename="../../widgets/sources/sta_kind.py" line="27" />
        <source>SensorThings API</source>
        <translation>SensorThings API</translation>
    </message>
</context>
<context>
    <name>SourcesPage</name>
    <message>
        <location filename="../../widgets/sources/settings_page.py" line="90" />
        <source>On</source>
        <translation>Bật</translation>
    </message>
    <message>
        <location filename="../../widgets/sources/settings_page.py" line="90" />
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../../widgets/sources/settings_page.py" line="90" />
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <location filename="../../widgets/sources/settings_page.py" line="90" />
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <location filename="../../widgets/sources/settings_page.py" line="91" />
        <source>Refresh (s)</source>
        <translation>Làm mới (giây)</translation>
    </message>
    <message>
        <location filename="../../widgets/sources/settings_page.py" line="91" />
        <source>Health</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <location filename="../../widgets/sources/settings_page.py" line="105" />
        <source>Add</source>
        <translation>Thêm</translation>
    </message>
    <message>
        <location filename="../../widgets/sources/settings_page.py" line="107" />
        <source>Remove</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <location filename="../../widgets/sources/settings_page.py" line="109" />
        <source>Credentials…</source>
        <translation>Thông tin đăng nhập…</translation>
    </message>
    <message>
        <location filename="../../widgets/sources/settings_page.py" line="117" />
        <source>Feature servers: a collection address (…/collections/ID) becomes a map layer; a server address is offered in Layer › Add layers from server…. Empty refresh: the kind's default. User names, passwords and tokens go to the system keyring, never to the settings file.</source>
        <translation>Máy chủ dữ liệu không gian: địa chỉ một bộ dữ liệu (…/collections/ID) trở thành một lớp bản đồ; địa chỉ máy chủ được gợi ý trong Lớp › Thêm lớp từ máy chủ…. Để trống ô làm mới: dùng mặc định của loại nguồn. Tên đăng nhập, mật khẩu và mã truy cập được lưu trong kho khóa của hệ thống, không bao giờ ghi vào tệp cài đặt.</translation>
    </message>
    <message>
        <location filename="../../widgets/sources/settings_page.py" line="135" />
        <source>%1 (not available in this version)</source>
        <translation>%1 (chưa có trong phiên bản này)</translation>
    </message>
    <message>
        <location filename="../../widgets/sources/settings_page.py" line="193" />
        <source>off</source>
        <translation>tắt</translation>
    </message>
    <message>
        <location filename="../../widgets/sources/settings_page.py" line="196" />
        <source>not running</source>
        <translation>không chạy</translation>
    </message>
    <message>
        <location filename="../../widgets/sources/settings_page.py" line="198" />
        <source>failing (errors: %1)</source>
        <translation>đang lỗi (số lỗi: %1)</translation>
    </message>
    <message>
        <location filename="../../widgets/sources/settings_page.py" line="200" />
        <source>waiting for data</source>
        <translation>đang chờ dữ liệu</translation>
    </message>
    <message>
        <location filename="../../widgets/sources/settings_page.py" line="202" />
        <source>OK, data %1 ago</source>
        <translation>bình thường, dữ liệu %1 trước</translation>
    </message>
</context>
<context>
    <name>StationCharts</name>
    <message>
        <location filename="../../widgets/timeseries/install.py" line="57" />
        <source>Open chart</source>
        <translation>Mở biểu đồ</translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/install.py" line="70" />
        <source>Open station &amp;chart…</source>
        <translation>Mở &amp;biểu đồ trạm…</translation>
    </message>
</context>
<context>
    <name>StationLayer</name>
    <message>
        <location filename="../../layers/stations/layer.py" line="83" />
        <source>Hydrology stations</source>
        <translation>Trạm đo mưa và mực nước</translation>
    </message>
    <message>
        <location filename="../../layers/stations/layer.py" line="94" />
        <source>Water level below BĐ1</source>
        <translation>Mực nước dưới BĐ1</translation>
    </message>
    <message>
        <location filename="../../layers/stations/layer.py" line="96" />
        <source>Above BĐ1</source>
        <translation>Trên BĐ1</translation>
    </message>
    <message>
        <location filename="../../layers/stations/layer.py" line="97" />
        <source>Above BĐ2</source>
        <translation>Trên BĐ2</translation>
    </message>
    <message>
        <location filename="../../layers/stations/layer.py" line="98" />
        <source>Above BĐ3</source>
        <translation>Trên BĐ3</translation>
    </message>
    <message>
        <location filename="../../layers/stations/layer.py" line="100" />
        <source>Reservoir below normal level</source>
        <translation>Hồ chứa dưới mực nước dâng bình thường</translation>
    </message>
    <message>
        <location filename="../../layers/stations/layer.py" line="106" />
        <source>Reservoir at/above normal level</source>
        <translation>Hồ chứa đạt/vượt mực nước dâng bình thường</translation>
    </message>
    <message>
        <location filename="../../layers/stations/layer.py" line="113" />
        <source>Rain gauge, no rain</source>
        <translation>Trạm đo mưa, không mưa</translation>
    </message>
    <message>
        <location filename="../../layers/stations/layer.py" line="116" />
        <source>Rain gauge, light rain (24 h)</source>
        <translation>Trạm đo mưa, mưa nhỏ (24 giờ)</translation>
    </message>
    <message>
        <location filename="../../layers/stations/layer.py" line="120" />
        <source>Rain gauge, moderate rain (24 h)</source>
        <translation>Trạm đo mưa, mưa vừa (24 giờ)</translation>
    </message>
    <message>
        <location filename="../../layers/stations/layer.py" line="127" />
        <source>Rain gauge, heavy rain (24 h)</source>
        <translation>Trạm đo mưa, mưa to (24 giờ)</translation>
    </message>
    <message>
        <location filename="../../layers/stations/layer.py" line="135" />
        <source>Rain gauge, very heavy rain</source>
        <translation>Trạm đo mưa, mưa rất to</translation>
    </message>
    <message>
        <location filename="../../layers/stations/layer.py" line="142" />
        <source>No recent data</source>
        <translation>Không có dữ liệu gần đây</translation>
    </message>
    <message>
        <location filename="../../layers/stations/layer.py" line="222" />
        <source>Disaster risk</source>
        <translation>Rủi ro thiên tai</translation>
    </message>
    <message>
        <location filename="../../layers/stations/layer.py" line="234" />
        <source>simulated (not from a published source)</source>
        <translation>mô phỏng (không từ nguồn công bố)</translation>
    </message>
    <message>
        <location filename="../../layers/stations/layer.py" line="235" />
        <source>not stated by the data source</source>
        <translation>nguồn dữ liệu không ghi</translation>
    </message>
    <message>
        <location filename="../../layers/stations/layer.py" line="242" />
        <source>Water level</source>
        <translation>Mực nước</translation>
    </message>
    <message>
        <location filename="../../layers/stations/layer.py" line="243" />
        <source>Reservoir</source>
        <translation>Hồ chứa</translation>
    </message>
    <message>
        <location filename="../../layers/stations/layer.py" line="244" />
        <source>Rain gauge</source>
        <translation>Trạm đo mưa</translation>
    </message>
    <message>
        <location filename="../../layers/stations/layer.py" line="247" />
        <source>Code</source>
        <translation>Mã trạm</translation>
    </message>
    <message>
        <location filename="../../layers/stations/layer.py" line="248" />
        <source>Type</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../../layers/stations/layer.py" line="251" />
        <source>River</source>
        <translation>Sông</translation>
    </message>
    <message>
        <location filename="../../layers/stations/layer.py" line="253" />
        <source>Latest value</source>
        <translation>Giá trị mới nhất</translation>
    </message>
    <message>
        <location filename="../../layers/stations/layer.py" line="254" />
        <source>Measured at</source>
        <translation>Thời điểm đo</translation>
    </message>
    <message>
        <location filename="../../layers/stations/layer.py" line="255" />
        <source>Age</source>
        <translation>Cập nhật cách đây</translation>
    </message>
    <message>
        <location filename="../../layers/stations/layer.py" line="259" />
        <source>Alarm levels BĐ1/BĐ2/BĐ3</source>
        <translation>Mức báo động BĐ1/BĐ2/BĐ3</translation>
    </message>
    <message>
        <location filename="../../layers/stations/layer.py" line="266" />
        <source>Normal water level</source>
        <translation>Mực nước dâng bình thường</translation>
    </message>
    <message>
        <location filename="../../layers/stations/layer.py" line="275" />
        <source>Position</source>
        <translation>Vị trí</translation>
    </message>
    <message>
        <location filename="../../layers/stations/layer.py" line="279" />
        <source>Source</source>
        <translation>Nguồn</translation>
    </message>
    <message>
        <location filename="../../layers/stations/layer.py" line="282" />
        <source>%1 (simulated)</source>
        <translation>%1 (mô phỏng)</translation>
    </message>
</context>
<context>
    <name>StationList</name>
    <message>
        <location filename="../../widgets/live/station_list.py" line="32" />
        <source>Station</source>
        <translation>Trạm</translation>
    </message>
    <message>
        <location filename="../../widgets/live/station_list.py" line="33" />
        <source>Type</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../../widgets/live/station_list.py" line="34" />
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../widgets/live/station_list.py" line="35" />
        <source>Latest</source>
        <translation>Giá trị mới nhất</translation>
    </message>
    <message>
        <location filename="../../widgets/live/station_list.py" line="36" />
        <source>Trend</source>
        <translation>Xu thế</translation>
    </message>
    <message>
        <location filename="../../widgets/live/station_list.py" line="37" />
        <source>Rain 1 h</source>
        <translation>Mưa 1 giờ</translation>
    </message>
    <message>
        <location filename="../../widgets/live/station_list.py" line="38" />
        <source>Rain 24 h</source>
        <translation>Mưa 24 giờ</translation>
    </message>
    <message>
        <location filename="../../widgets/live/station_list.py" line="39" />
        <source>Age</source>
        <translation>Cập nhật cách đây</translation>
    </message>
    <message>
        <location filename="../../widgets/live/station_list.py" line="40" />
        <source>Risk level</source>
        <translation>Cấp độ rủi ro</translation>
    </message>
    <message>
        <location filename="../../widgets/live/station_list.py" line="41" />
        <source>Source</source>
        <translation>Nguồn</translation>
    </message>
    <message>
        <location filename="../../widgets/live/station_list.py" line="48" />
        <source>Zoom to</source>
        <translation>Xem trên bản đồ</translation>
    </message>
    <message>
        <location filename="../../widgets/live/station_list.py" line="55" />
        <source>Water level</source>
        <translation>Mực nước</translation>
    </message>
    <message>
        <location filename="../../widgets/live/station_list.py" line="56" />
        <source>Reservoir</source>
        <translation>Hồ chứa</translation>
    </message>
    <message>
        <location filename="../../widgets/live/station_list.py" line="57" />
        <source>Rain</source>
        <translation>Mưa</translation>
    </message>
    <message>
        <location filename="../../widgets/live/station_list.py" line="91" />
        <source>simulated</source>
        <translation>mô phỏng</translation>
    </message>
    <message>
        <location filename="../../widgets/live/station_list.py" line="97" />
        <source>Level %1 or higher</source>
        <translation>Cấp %1 trở lên</translation>
    </message>
    <message>
        <location filename="../../widgets/live/station_list.py" line="97" />
        <source>Level %1</source>
        <translation>Cấp %1</translation>
    </message>
</context>
<context>
    <name>StationPicker</name>
    <message>
        <location filename="../../widgets/timeseries/picker.py" line="28" />
        <source>Choose a station</source>
        <translation>Chọn trạm</translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/picker.py" line="33" />
        <source>water level</source>
        <translation>mực nước</translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/picker.py" line="34" />
        <source>reservoir</source>
        <translation>hồ chứa</translation>
    </message>
    <message>
        <location filename="../../widgets/timeseries/picker.py" line="35" />
        <source>rain</source>
        <translation>đo mưa</translation>
    </message>
</context>
<context>
    <name>StationRules</name>
    <message>
        <location filename="../../console/rules/phrases.py" line="36" />
        <source>Water level at BĐ%2: %1</source>
        <translation>Mực nước ở mức BĐ%2: %1</translation>
    </message>
    <message>
        <location filename="../../console/rules/phrases.py" line="42" />
        <source>Reservoir at normal water level: %1</source>
        <translation>Hồ chứa đạt mực nước dâng bình thường: %1</translation>
    </message>
    <message>
        <location filename="../../console/rules/phrases.py" line="43" />
        <source>%1: %2 m (normal water level %3 m)</source>
        <translation>%1: %2 m (mực nước dâng bình thường %3 m)</translation>
    </message>
    <message>
        <location filename="../../console/rules/phrases.py" line="50" />
        <source>Very heavy rain: %1</source>
        <translation>Mưa rất to: %1</translation>
    </message>
    <message>
        <location filename="../../console/rules/phrases.py" line="51" />
        <source>Heavy rain: %1</source>
        <translation>Mưa to: %1</translation>
    </message>
    <message>
        <location filename="../../console/rules/phrases.py" line="52" />
        <source>%1: %2 mm in 24 h, %3 mm in 3 h, %4 mm in 1 h</source>
        <translation>%1: %2 mm trong 24 giờ, %3 mm trong 3 giờ, %4 mm trong 1 giờ</translation>
    </message>
</context>
<context>
    <name>StormFeature</name>
    <message>
        <location filename="../../widgets/storm/feature.py" line="30" />
        <source>Storm danger zone</source>
        <translation>Vùng nguy hiểm do bão</translation>
    </message>
    <message>
        <location filename="../../widgets/storm/feature.py" line="34" />
        <source>In storm danger zone</source>
        <translation>Trong vùng nguy hiểm do bão</translation>
    </message>
    <message>
        <location filename="../../widgets/storm/feature.py" line="64" />
        <source>Export the danger-zone list</source>
        <translation>Xuất danh sách tàu trong vùng nguy hiểm</translation>
    </message>
    <message>
        <location filename="../../widgets/storm/feature.py" line="84" />
        <source>Saved %1</source>
        <translation>Đã lưu %1</translation>
    </message>
    <message>
        <location filename="../../widgets/storm/feature.py" line="87" />
        <source>Could not save %1: %2</source>
        <translation>Không lưu được %1: %2</translation>
    </message>
</context>
<context>
    <name>StormLayer</name>
    <message>
        <location filename="../../layers/storm/layer.py" line="29" />
        <source>Storm and danger zone</source>
        <translation>Bão và vùng nguy hiểm</translation>
    </message>
    <message>
        <location filename="../../layers/storm/layer.py" line="62" />
        <source>%1 (simulated)</source>
        <translation>%1 (mô phỏng)</translation>
    </message>
    <message>
        <location filename="../../layers/storm/layer.py" line="66" />
        <source>level %1</source>
        <translation>cấp %1</translation>
    </message>
    <message>
        <location filename="../../layers/storm/layer.py" line="72" />
        <source>%1, bulletin no. %2 of %3</source>
        <translation>%1, bản tin số %2 lúc %3</translation>
    </message>
    <message>
        <location filename="../../layers/storm/layer.py" line="77" />
        <source>Forecast for</source>
        <translation>Dự báo lúc</translation>
    </message>
    <message>
        <location filename="../../layers/storm/layer.py" line="77" />
        <source>Observed at</source>
        <translation>Quan trắc lúc</translation>
    </message>
    <message>
        <location filename="../../layers/storm/layer.py" line="79" />
        <source>Position</source>
        <translation>Vị trí tâm</translation>
    </message>
    <message>
        <location filename="../../layers/storm/layer.py" line="81" />
        <source>Strongest wind</source>
        <translation>Sức gió mạnh nhất</translation>
    </message>
    <message>
        <location filename="../../layers/storm/layer.py" line="82" />
        <source>level %1, gusts level %2</source>
        <translation>cấp %1, giật cấp %2</translation>
    </message>
    <message>
        <location filename="../../layers/storm/layer.py" line="84" />
        <source>Level-6 wind radius</source>
        <translation>Bán kính gió mạnh từ cấp 6</translation>
    </message>
    <message>
        <location filename="../../layers/storm/layer.py" line="87" />
        <source>Uncertainty radius</source>
        <translation>Bán kính sai số dự báo</translation>
    </message>
    <message>
        <location filename="../../layers/storm/layer.py" line="96" />
        <source>From %1° N to %2° N, from %3° E to %4° E</source>
        <translation>Từ vĩ tuyến %1 đến %2 độ Vĩ Bắc, từ kinh tuyến %3 đến %4 độ Kinh Đông</translation>
    </message>
    <message>
        <location filename="../../layers/storm/layer.py" line="117" />
        <source>Danger zone, next %1 h</source>
        <translation>Vùng nguy hiểm trong %1 giờ tới</translation>
    </message>
    <message>
        <location filename="../../layers/storm/layer.py" line="119" />
        <source>Area</source>
        <translation>Phạm vi</translation>
    </message>
    <message>
        <location filename="../../layers/storm/layer.py" line="120" />
        <source>Meaning</source>
        <translation>Ý nghĩa</translation>
    </message>
    <message>
        <location filename="../../layers/storm/layer.py" line="121" />
        <source>level-6 winds and level-8 gusts or stronger expected; vessels must not enter</source>
        <translation>dự báo có gió mạnh từ cấp 6, giật từ cấp 8 trở lên; tàu thuyền không được đi vào</translation>
    </message>
    <message>
        <location filename="../../layers/storm/layer.py" line="123" />
        <source>Vessels inside</source>
        <translation>Số tàu trong vùng</translation>
    </message>
    <message>
        <location filename="../../layers/storm/layer.py" line="124" />
        <source>Heading into it</source>
        <translation>Số tàu đang hướng vào</translation>
    </message>
    <message>
        <location filename="../../layers/storm/layer.py" line="125" />
        <source>Bulletin</source>
        <translation>Bản tin</translation>
    </message>
    <message>
        <location filename="../../layers/storm/layer.py" line="130" />
        <source>Danger zone (next 24 h)</source>
        <translation>Vùng nguy hiểm (24 giờ tới)</translation>
    </message>
    <message>
        <location filename="../../layers/storm/layer.py" line="132" />
        <source>Forecast uncertainty cone</source>
        <translation>Vùng sai số dự báo</translation>
    </message>
    <message>
        <location filename="../../layers/storm/layer.py" line="134" />
        <source>Level-6 winds now</source>
        <translation>Vùng gió mạnh từ cấp 6 hiện tại</translation>
    </message>
    <message>
        <location filename="../../layers/storm/layer.py" line="136" />
        <source>Observed track</source>
        <translation>Đường đi đã qua</translation>
    </message>
    <message>
        <location filename="../../layers/storm/layer.py" line="137" />
        <source>Forecast track</source>
        <translation>Đường đi dự báo</translation>
    </message>
</context>
<context>
    <name>StormWatch</name>
    <message>
        <location filename="../../console/rules/phrases.py" line="134" />
        <source>Storm danger zone: %1 vessels inside</source>
        <translation>Vùng nguy hiểm do bão: %1 tàu trong vùng</translation>
    </message>
    <message>
        <location filename="../../console/rules/phrases.py" line="135" />
        <source>%1: %2 vessels inside the danger zone, %3 heading into it; see the danger-zone list</source>
        <translation>%1: %2 tàu trong vùng nguy hiểm, %3 tàu đang hướng vào; xem danh sách vùng nguy hiểm</translation>
    </message>
    <message>
        <location filename="../../console/rules/phrases.py" line="141" />
        <source>Entered the storm danger zone: %1</source>
        <translation>Đi vào vùng nguy hiểm do bão: %1</translation>
    </message>
    <message>
        <location filename="../../console/rules/phrases.py" line="142" />
        <source>%1 (%2) entered the danger zone of %3</source>
        <translation>%1 (%2) đã đi vào vùng nguy hiểm của %3</translation>
    </message>
</context>
<context>
    <name>StyleDialog</name>
    <message>
        <location filename="../../widgets/style_dialog.py" line="55" />
        <source>Style — %1</source>
        <translation>Kiểu hiển thị — %1</translation>
    </message>
    <message>
        <location filename="../../widgets/style_dialog.py" line="71" />
        <source>(none)</source>
        <translation>(không có)</translation>
    </message>
    <message>
        <location filename="../../widgets/style_dialog.py" line="81" />
        <source>Fill</source>
        <translation>Màu tô</translation>
    </message>
    <message>
        <location filename="../../widgets/style_dialog.py" line="82" />
        <source>Stroke</source>
        <translation>Màu viền</translation>
    </message>
    <message>
        <location filename="../../widgets/style_dialog.py" line="83" />
        <source>Stroke width (px)</source>
        <translation>Độ dày viền (px)</translation>
    </message>
    <message>
        <location filename="../../widgets/style_dialog.py" line="84" />
        <source>Point symbol</source>
        <translation>Ký hiệu điểm</translation>
    </message>
    <message>
        <location filename="../../widgets/style_dialog.py" line="85" />
        <source>Point size (px)</source>
        <translation>Cỡ ký hiệu điểm (px)</translation>
    </message>
    <message>
        <location filename="../../widgets/style_dialog.py" line="86" />
        <source>Label field</source>
        <translation>Trường nhãn</translation>
    </message>
    <message>
        <location filename="../../widgets/style_dialog.py" line="87" />
        <source>Hide when zoomed out beyond 1:</source>
        <translation>Ẩn khi thu nhỏ hơn 1:</translation>
    </message>
    <message>
        <location filename="../../widgets/style_dialog.py" line="88" />
        <source>Hide when zoomed in beyond 1:</source>
        <translation>Ẩn khi phóng to hơn 1:</translation>
    </message>
    <message>
        <location filename="../../widgets/style_dialog.py" line="89" />
        <source>Opacity</source>
        <translation>Độ mờ đục</translation>
    </message>
    <message>
        <location filename="../../widgets/style_dialog.py" line="105" />
        <source>no limit</source>
        <translation>không giới hạn</translation>
    </message>
</context>
<context>
    <name>TileLayer</name>
    <message>
        <location filename="../../layers/tiles/layer.py" line="114" />
        <source>Tiles failing: %1</source>
        <translation>Lỗi tải ô bản đồ: %1</translation>
    </message>
</context>
<context>
    <name>TimeSlider</name>
    <message>
        <location filename="../../widgets/replay/slider.py" line="60" />
        <location filename="../../widgets/replay/slider.py" line="61" />
        <source>Previous alert</source>
        <translation>Cảnh báo trước</translation>
    </message>
    <message>
        <location filename="../../widgets/replay/slider.py" line="65" />
        <source>Step back</source>
        <translation>Lùi một bước</translation>
    </message>
    <message>
        <location filename="../../widgets/replay/slider.py" line="67" />
        <location filename="../../widgets/replay/slider.py" line="130" />
        <source>Play</source>
        <translation>Phát</translation>
    </message>
    <message>
        <location filename="../../widgets/replay/slider.py" line="67" />
        <source>Play / pause</source>
        <translation>Phát / tạm dừng</translation>
    </message>
    <message>
        <location filename="../../widgets/replay/slider.py" line="70" />
        <location filename="../../widgets/replay/slider.py" line="71" />
        <source>Step forward</source>
        <translation>Tiến một bước</translation>
    </message>
    <message>
        <location filename="../../widgets/replay/slider.py" line="76" />
        <location filename="../../widgets/replay/slider.py" line="77" />
        <source>Next alert</source>
        <translation>Cảnh báo tiếp theo</translation>
    </message>
    <message>
        <location filename="../../widgets/replay/slider.py" line="83" />
        <source>step %1 min</source>
        <translation>bước %1 phút</translation>
    </message>
    <message>
        <location filename="../../widgets/replay/slider.py" line="130" />
        <source>Pause</source>
        <translation>Tạm dừng</translation>
    </message>
</context>
<context>
    <name>TrackLayer</name>
    <message>
        <location filename="../../layers/vessels/track.py" line="27" />
        <source>Selected vessel track</source>
        <translation>Hành trình tàu đang chọn</translation>
    </message>
    <message>
        <location filename="../../layers/vessels/track.py" line="86" />
        <source>Track (ticks in local time)</source>
        <translation>Hành trình (mốc theo giờ Việt Nam)</translation>
    </message>
</context>
<context>
    <name>VectorFileLayer</name>
    <message>
        <location filename="../../layers/vector_file/layer.py" line="136" />
        <source>%1: feature %2</source>
        <translation>%1: đối tượng %2</translation>
    </message>
</context>
<context>
    <name>VesselLayer</name>
    <message>
        <location filename="../../layers/vessels/layer.py" line="59" />
        <source>VMS</source>
        <translation>VMS</translation>
    </message>
    <message>
        <location filename="../../layers/vessels/layer.py" line="61" />
        <source>AIS A</source>
        <translation>AIS loại A</translation>
    </message>
    <message>
        <location filename="../../layers/vessels/layer.py" line="63" />
        <source>AIS B</source>
        <translation>AIS loại B</translation>
    </message>
    <message>
        <location filename="../../layers/vessels/layer.py" line="95" />
        <source>Vessels (VMS, AIS)</source>
        <translation>Tàu thuyền (VMS, AIS)</translation>
    </message>
    <message>
        <location filename="../../layers/vessels/layer.py" line="100" />
        <location filename="../../layers/vessels/layer.py" line="233" />
        <source>In port</source>
        <translation>Trong cảng</translation>
    </message>
    <message>
        <location filename="../../layers/vessels/layer.py" line="101" />
        <source>At sea, reporting</source>
        <translation>Trên biển, đang báo vị trí</translation>
    </message>
    <message>
        <location filename="../../layers/vessels/layer.py" line="102" />
        <source>Late report (&gt; 2 h)</source>
        <translation>Báo vị trí trễ (&gt; 2 giờ)</translation>
    </message>
    <message>
        <location filename="../../layers/vessels/layer.py" line="103" />
        <source>Signal lost (&gt; 6 h)</source>
        <translation>Mất tín hiệu (&gt; 6 giờ)</translation>
    </message>
    <message>
        <location filename="../../layers/vessels/layer.py" line="104" />
        <source>Must return to port (&gt; 10 days)</source>
        <translation>Phải về bờ (&gt; 10 ngày)</translation>
    </message>
    <message>
        <location filename="../../layers/vessels/layer.py" line="113" />
        <source>Violating a zone rule</source>
        <translation>Vi phạm quy định vùng</translation>
    </message>
    <message>
        <location filename="../../layers/vessels/layer.py" line="121" />
        <source>Several vessels here (the most severe is shown)</source>
        <translation>Nhiều tàu tại đây (hiển thị tàu nghiêm trọng nhất)</translation>
    </message>
    <message>
        <location filename="../../layers/vessels/layer.py" line="129" />
        <source>AIS target, no VMS (black outline)</source>
        <translation>Mục tiêu AIS, không có VMS (viền đen)</translation>
    </message>
    <message>
        <location filename="../../layers/vessels/layer.py" line="137" />
        <source>Seen by VMS and AIS (white dot)</source>
        <translation>Có cả VMS và AIS (chấm trắng)</translation>
    </message>
    <message>
        <location filename="../../layers/vessels/layer.py" line="233" />
        <source>At sea</source>
        <translation>Trên biển</translation>
    </message>
    <message>
        <location filename="../../layers/vessels/layer.py" line="236" />
        <source>Registration</source>
        <translation>Số đăng ký</translation>
    </message>
    <message>
        <location filename="../../layers/vessels/layer.py" line="237" />
        <source>Name</source>
        <translation>Tên tàu</translation>
    </message>
    <message>
        <location filename="../../layers/vessels/layer.py" line="238" />
        <source>Owner</source>
        <translation>Chủ tàu</translation>
    </message>
    <message>
        <location filename="../../layers/vessels/layer.py" line="239" />
        <source>Length</source>
        <translation>Chiều dài</translation>
    </message>
    <message>
        <location filename="../../layers/vessels/layer.py" line="240" />
        <source>Gear</source>
        <translation>Nghề khai thác</translation>
    </message>
    <message>
        <location filename="../../layers/vessels/layer.py" line="241" />
        <source>Home port</source>
        <translation>Cảng cá</translation>
    </message>
    <message>
        <location filename="../../layers/vessels/layer.py" line="242" />
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../layers/vessels/layer.py" line="243" />
        <source>Sources</source>
        <translation>Nguồn</translation>
    </message>
    <message>
        <location filename="../../layers/vessels/layer.py" line="245" />
        <source>MMSI</source>
        <translation>MMSI</translation>
    </message>
    <message>
        <location filename="../../layers/vessels/layer.py" line="249" />
        <source>VMS state</source>
        <translation>Trạng thái giám sát</translation>
    </message>
    <message>
        <location filename="../../layers/vessels/layer.py" line="250" />
        <source>Last fix</source>
        <translation>Vị trí cuối lúc</translation>
    </message>
    <message>
        <location filename="../../layers/vessels/layer.py" line="251" />
        <source>Fix age</source>
        <translation>Vị trí cách đây</translation>
    </message>
    <message>
        <location filename="../../layers/vessels/layer.py" line="253" />
        <source>Position</source>
        <translation>Vị trí</translation>
    </message>
    <message>
        <location filename="../../layers/vessels/layer.py" line="256" />
        <source>Speed</source>
        <translation>Tốc độ</translation>
    </message>
    <message>
        <location filename="../../layers/vessels/layer.py" line="257" />
        <source>Course</source>
        <translation>Hướng đi</translation>
    </message>
</context>
<context>
    <name>VesselList</name>
    <message>
        <location filename="../../widgets/live/vessel_list.py" line="252" />
        <source>Search registration, name or owner…</source>
        <translation>Tìm theo số đăng ký, tên tàu hoặc chủ tàu…</translation>
    </message>
    <message>
        <location filename="../../widgets/live/vessel_list.py" line="257" />
        <source>Zoom to</source>
        <translation>Xem trên bản đồ</translation>
    </message>
    <message>
        <location filename="../../widgets/live/vessel_list.py" line="300" />
        <source>%1 of %2 vessels</source>
        <translation>%1 / %2 tàu</translation>
    </message>
</context>
<context>
    <name>VesselReportsPanel</name>
    <message>
        <location filename="../../widgets/shared/vessel_panel.py" line="34" />
        <source>Manual position reports</source>
        <translation>Báo cáo vị trí thủ công</translation>
    </message>
    <message>
        <location filename="../../widgets/shared/vessel_panel.py" line="40" />
        <source>Record position report…</source>
        <translation>Ghi báo cáo vị trí…</translation>
    </message>
    <message>
        <location filename="../../widgets/shared/vessel_panel.py" line="74" />
        <source>recorded by %1</source>
        <translation>%1 ghi</translation>
    </message>
    <message>
        <location filename="../../widgets/shared/vessel_panel.py" line="80" />
        <source>⏳ not yet sent (%1)</source>
        <translation>⏳ chưa gửi được (%1)</translation>
    </message>
    <message>
        <location filename="../../widgets/shared/vessel_panel.py" line="81" />
        <source>waiting for the backend</source>
        <translation>đang chờ máy chủ</translation>
    </message>
    <message>
        <location filename="../../widgets/shared/vessel_panel.py" line="82" />
        <source>No manual reports.</source>
        <translation>Chưa có báo cáo thủ công.</translation>
    </message>
    <message>
        <location filename="../../widgets/shared/vessel_panel.py" line="97" />
        <source>VMS reporting (last fix %1 ago).</source>
        <translation>VMS đang truyền (vị trí cuối cách đây %1).</translation>
    </message>
    <message>
        <location filename="../../widgets/shared/vessel_panel.py" line="101" />
        <source>VMS silent for %1: the captain must report every 6 h.</source>
        <translation>VMS mất tín hiệu %1: thuyền trưởng phải báo vị trí 6 giờ một lần.</translation>
    </message>
    <message>
        <location filename="../../widgets/shared/vessel_panel.py" line="104" />
        <source>Report overdue since %1.</source>
        <translation>Quá hạn báo cáo từ %1.</translation>
    </message>
    <message>
        <location filename="../../widgets/shared/vessel_panel.py" line="106" />
        <source>Next report due by %1.</source>
        <translation>Hạn báo cáo tiếp theo: %1.</translation>
    </message>
</context>
<context>
    <name>VesselRules</name>
    <message>
        <location filename="../../console/rules/phrases.py" line="92" />
        <source>fishing in %1</source>
        <translation>khai thác trong %1</translation>
    </message>
    <message>
        <location filename="../../console/rules/phrases.py" line="93" />
        <source>entered %1</source>
        <translation>đi vào %1</translation>
    </message>
    <message>
        <location filename="../../console/rules/phrases.py" line="94" />
        <source>Fishing in %1: %2</source>
        <translation>Khai thác trong %1: %2</translation>
    </message>
    <message>
        <location filename="../../console/rules/phrases.py" line="95" />
        <source>Entered %1: %2</source>
        <translation>Đi vào %1: %2</translation>
    </message>
    <message>
        <location filename="../../console/rules/phrases.py" line="96" />
        <source>%1 (%2) — %3 at %4</source>
        <translation>%1 (%2) — %3 lúc %4</translation>
    </message>
    <message>
        <location filename="../../console/rules/phrases.py" line="157" />
        <source>; left at %1</source>
        <translation>; rời khỏi lúc %1</translation>
    </message>
    <message>
        <location filename="../../console/rules/phrases.py" line="102" />
        <source>Approaching the permitted boundary: %1</source>
        <translation>Đang tiến gần ranh giới được phép khai thác: %1</translation>
    </message>
    <message>
        <location filename="../../console/rules/phrases.py" line="111" />
        <source>Crossed the permitted boundary: %1</source>
        <translation>Đã vượt ranh giới được phép khai thác: %1</translation>
    </message>
    <message>
        <location filename="../../console/rules/phrases.py" line="117" />
        <source>Returned inside the boundary: %1</source>
        <translation>Đã quay lại trong ranh giới: %1</translation>
    </message>
    <message>
        <location filename="../../console/rules/phrases.py" line="147" />
        <source>device / position error</source>
        <translation>lỗi thiết bị / vị trí</translation>
    </message>
    <message>
        <location filename="../../console/rules/phrases.py" line="148" />
        <source>returned within 2 h</source>
        <translation>đã quay lại trong 2 giờ</translation>
    </message>
    <message>
        <location filename="../../console/rules/phrases.py" line="149" />
        <source>case opened</source>
        <translation>đã lập hồ sơ vụ việc</translation>
    </message>
    <message>
        <location filename="../../console/rules/phrases.py" line="160" />
        <source>; case closed by %1 (%2)</source>
        <translation>; %1 đã đóng vụ việc (%2)</translation>
    </message>
    <message>
        <location filename="../../console/rules/phrases.py" line="123" />
        <source>Must return to port (silent &gt; 10 days): %1</source>
        <translation>Phải về bờ (mất tín hiệu &gt; 10 ngày): %1</translation>
    </message>
    <message>
        <location filename="../../console/rules/phrases.py" line="124" />
        <source>VMS signal lost: %1</source>
        <translation>Mất tín hiệu giám sát hành trình: %1</translation>
    </message>
    <message>
        <location filename="../../console/rules/phrases.py" line="103" />
        <source>%1 is %2 nm from the permitted boundary; at %3 kn it reaches it in %4</source>
        <translation>%1 cách ranh giới được phép %2 hải lý; với tốc độ %3 hải lý/giờ sẽ tới ranh giới sau %4</translation>
    </message>
    <message>
        <location filename="../../console/rules/phrases.py" line="112" />
        <source>%1 crossed the permitted fishing boundary at %2</source>
        <translation>%1 vượt ranh giới vùng được phép khai thác lúc %2</translation>
    </message>
    <message>
        <location filename="../../console/rules/phrases.py" line="118" />
        <source>%1 returned inside the permitted boundary at %2; close the crossing with a reason</source>
        <translation>%1 đã quay lại trong ranh giới được phép lúc %2; hãy đóng vụ vượt ranh giới kèm lý do</translation>
    </message>
    <message>
        <location filename="../../console/rules/phrases.py" line="126" />
        <source>%1 last reported at %2 (%3° N, %4° E)</source>
        <translation>%1 báo vị trí lần cuối lúc %2 (%3° B, %4° Đ)</translation>
    </message>
</context>
<context>
    <name>VesselTableModel</name>
    <message>
        <location filename="../../widgets/live/vessel_list.py" line="64" />
        <source>Registration</source>
        <translation>Số đăng ký</translation>
    </message>
    <message>
        <location filename="../../widgets/live/vessel_list.py" line="65" />
        <source>Name</source>
        <translation>Tên tàu</translation>
    </message>
    <message>
        <location filename="../../widgets/live/vessel_list.py" line="66" />
        <source>Owner</source>
        <translation>Chủ tàu</translation>
    </message>
    <message>
        <location filename="../../widgets/live/vessel_list.py" line="67" />
        <source>VMS state</source>
        <translation>Trạng thái giám sát</translation>
    </message>
    <message>
        <location filename="../../widgets/live/vessel_list.py" line="68" />
        <source>Fix age</source>
        <translation>Vị trí cách đây</translation>
    </message>
    <message>
        <location filename="../../widgets/live/vessel_list.py" line="69" />
        <source>Speed (kn)</source>
        <translation>Tốc độ (hải lý/giờ)</translation>
    </message>
    <message>
        <location filename="../../widgets/live/vessel_list.py" line="70" />
        <source>Zone rule</source>
        <translation>Quy định vùng</translation>
    </message>
    <message>
        <location filename="../../widgets/live/vessel_list.py" line="71" />
        <source>Source</source>
        <translation>Nguồn</translation>
    </message>
    <message>
        <location filename="../../widgets/live/vessel_list.py" line="201" />
        <source>Violation</source>
        <translation>Vi phạm</translation>
    </message>
</context>
<context>
    <name>VideoStream</name>
    <message>
        <location filename="../../console/video/stream.py" line="290" />
        <source>no picture for %1 s</source>
        <translation>không có hình trong %1 giây</translation>
    </message>
    <message>
        <location filename="../../console/video/stream.py" line="292" />
        <source>the stream ended</source>
        <translation>luồng video đã kết thúc</translation>
    </message>
    <message>
        <location filename="../../console/video/stream.py" line="306" />
        <source>no data for %1 s</source>
        <translation>không nhận được dữ liệu trong %1 giây</translation>
    </message>
    <message>
        <location filename="../../console/video/stream.py" line="309" />
        <source>connection refused</source>
        <translation>bị từ chối kết nối</translation>
    </message>
    <message>
        <location filename="../../console/video/stream.py" line="310" />
        <source>no such camera (404)</source>
        <translation>không có camera này (404)</translation>
    </message>
    <message>
        <location filename="../../console/video/stream.py" line="311" />
        <source>not allowed (401)</source>
        <translation>không có quyền truy cập (401)</translation>
    </message>
    <message>
        <location filename="../../console/video/stream.py" line="312" />
        <source>not allowed (403)</source>
        <translation>không có quyền truy cập (403)</translation>
    </message>
    <message>
        <location filename="../../console/video/stream.py" line="314" />
        <source>the server has no picture (5xx): camera offline?</source>
        <translation>máy chủ không có hình (5xx): camera mất kết nối?</translation>
    </message>
    <message>
        <location filename="../../console/video/stream.py" line="315" />
        <source>not a video stream</source>
        <translation>không phải luồng video</translation>
    </message>
</context>
<context>
    <name>VideoTile</name>
    <message>
        <location filename="../../widgets/cameras/video_tile.py" line="81" />
        <source>Save still</source>
        <translation>Lưu ảnh</translation>
    </message>
    <message>
        <location filename="../../widgets/cameras/video_tile.py" line="83" />
        <source>Save the picture now as a PNG in your documents folder</source>
        <translation>Lưu hình hiện tại thành tệp PNG trong thư mục Tài liệu</translation>
    </message>
    <message>
        <location filename="../../widgets/cameras/video_tile.py" line="109" />
        <source>not connected to the backend</source>
        <translation>chưa kết nối với máy chủ</translation>
    </message>
    <message>
        <location filename="../../widgets/cameras/video_tile.py" line="188" />
        <source>Drag a camera here from the map or the list</source>
        <translation>Kéo camera từ bản đồ hoặc danh sách thả vào đây</translation>
    </message>
    <message>
        <location filename="../../widgets/cameras/video_tile.py" line="190" />
        <source>Stopped</source>
        <translation>Đã dừng</translation>
    </message>
    <message>
        <location filename="../../widgets/cameras/video_tile.py" line="192" />
        <source>Connecting…</source>
        <translation>Đang kết nối…</translation>
    </message>
    <message>
        <location filename="../../widgets/cameras/video_tile.py" line="194" />
        <source>Live</source>
        <translation>Trực tiếp</translation>
    </message>
    <message>
        <location filename="../../widgets/cameras/video_tile.py" line="196" />
        <source>Stream lost since %1</source>
        <translation>Mất tín hiệu từ %1</translation>
    </message>
    <message>
        <location filename="../../widgets/cameras/video_tile.py" line="315" />
        <source>Camera offline</source>
        <translation>Camera mất kết nối</translation>
    </message>
    <message>
        <location filename="../../widgets/cameras/video_tile.py" line="316" />
        <source>Reconnecting…</source>
        <translation>Đang kết nối lại…</translation>
    </message>
    <message>
        <location filename="../../widgets/cameras/video_tile.py" line="343" />
        <source>No picture to save yet.</source>
        <translation>Chưa có hình để lưu.</translation>
    </message>
</context>
<context>
    <name>ZoneLayer</name>
    <message>
        <location filename="../../layers/zones/layer.py" line="23" />
        <source>Zones and fishing boundary (approximate)</source>
        <translation>Vùng biển và ranh giới khai thác (gần đúng)</translation>
    </message>
    <message>
        <location filename="../../layers/zones/layer.py" line="43" />
        <source>No fishing by vessels ≥ 15 m</source>
        <translation>Cấm tàu từ 15 m trở lên khai thác</translation>
    </message>
    <message>
        <location filename="../../layers/zones/layer.py" line="44" />
        <source>Restricted area: no entry</source>
        <translation>Khu vực hạn chế: cấm đi vào</translation>
    </message>
    <message>
        <location filename="../../layers/zones/layer.py" line="45" />
        <source>Permitted fishing boundary</source>
        <translation>Ranh giới vùng được phép khai thác</translation>
    </message>
    <message>
        <location filename="../../layers/zones/layer.py" line="68" />
        <source>Rule</source>
        <translation>Quy định</translation>
    </message>
</context>
</TS>