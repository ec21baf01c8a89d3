"""Vietnamese name material for the simulated province.

Kept as data so the generators read like the real registers: vessel names after
coastal communes and lucky words, owners with the common family names in their
real proportions, Quy Nhơn street names for cameras and incidents.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

VESSEL_NAME_STEMS: tuple[str, ...] = (
    "Hoài Nhơn", "Phước Lộc", "Tam Quan", "Tam Quan Bắc", "Tam Quan Nam", "Hoài Hương",
    "Hoài Thanh", "Hoài Hải", "Cát Tiến", "Cát Khánh", "Cát Chánh", "Cát Hải", "Đề Gi",
    "Nhơn Lý", "Nhơn Hải", "Nhơn Châu", "Hải Minh", "Mỹ Thành", "Mỹ An", "Mỹ Thọ", "Mỹ Đức",
    "Phù Mỹ", "Quy Nhơn", "Thắng Lợi", "Bình Minh", "Hồng Phúc", "Thành Công", "Phát Đạt",
    "Tân Phát", "Hưng Thịnh", "Tiến Đạt", "Trường Sa", "Hoàng Sa", "Biển Đông", "Thanh Bình",
    "Đại Dương", "Sóng Xanh", "Hải Đăng", "Kim Long", "Phước Thành", "An Phú", "Lộc Phát",
    "Phúc Lộc", "Tài Lộc", "Vạn Lợi", "Quang Vinh", "Thuận Phát", "Minh Tâm",
)

FAMILY_NAMES: tuple[tuple[str, float], ...] = (
    ("Nguyễn", 0.36), ("Trần", 0.11), ("Lê", 0.09), ("Phạm", 0.07), ("Huỳnh", 0.06),
    ("Võ", 0.06), ("Phan", 0.04), ("Đặng", 0.03), ("Bùi", 0.03), ("Đỗ", 0.02),
    ("Hồ", 0.03), ("Ngô", 0.02), ("Dương", 0.02), ("Lý", 0.01), ("Đoàn", 0.02),
    ("Trương", 0.02), ("Lương", 0.01),
)
MALE_MIDDLE = ("Văn", "Văn", "Văn", "Hữu", "Đức", "Minh", "Công", "Thanh", "Quốc", "Ngọc")
FEMALE_MIDDLE = ("Thị", "Thị", "Thị", "Ngọc", "Thu", "Kim", "Thanh")
MALE_GIVEN = (
    "Hùng", "Dũng", "Tuấn", "Hải", "Nam", "Long", "Thành", "Sơn", "Tài", "Phúc", "Lộc",
    "Hòa", "Bình", "Cường", "Thắng", "Trung", "Quang", "Vinh", "Tâm", "Nhân", "Tính",
    "Phong", "Toàn", "Hiếu", "Lợi", "Tùng", "Khánh", "Đạt", "Hưng", "Sang",
)
FEMALE_GIVEN = (
    "Lan", "Hoa", "Hương", "Mai", "Hạnh", "Thu", "Nga", "Hằng", "Yến", "Loan", "Tuyết",
    "Trang", "Liên", "Phượng", "Dung",
)

GEARS: tuple[tuple[str, float], ...] = (
    ("câu cá ngừ", 0.30), ("lưới vây", 0.25), ("lưới rê", 0.20), ("chụp mực", 0.15),
    ("lưới kéo", 0.10),
)
HOME_PORTS: tuple[tuple[str, float], ...] = (
    ("Tam Quan", 0.45), ("Quy Nhơn", 0.30), ("Đề Gi", 0.25),
)

STREETS: tuple[str, ...] = (
    "Lê Hồng Phong", "Trần Hưng Đạo", "Nguyễn Tất Thành", "Lê Lợi", "Nguyễn Huệ", "Xuân Diệu",
    "An Dương Vương", "Hùng Vương", "Tây Sơn", "Nguyễn Thái Học", "Phan Bội Châu",
    "Lý Thường Kiệt", "Bạch Đằng", "Trần Phú", "Ngô Mây", "Hoàng Văn Thụ", "Điện Biên Phủ",
    "Lạc Long Quân", "Chương Dương", "Nguyễn Lữ", "Đống Đa", "Quang Trung", "Võ Thị Sáu",
    "Phạm Hùng", "Lê Duẩn", "Nguyễn Văn Cừ", "Trần Quang Diệu", "Hoa Lư", "Mai Xuân Thưởng",
    "Tăng Bạt Hổ", "Lê Thánh Tôn", "Phạm Ngọc Thạch", "Nguyễn Thị Định", "Võ Nguyên Giáp",
)
LANDMARKS: tuple[str, ...] = (
    "Quảng trường Nguyễn Tất Thành", "Chợ Lớn Quy Nhơn", "Bến xe khách Quy Nhơn", "Ga Quy Nhơn",
    "Ga Diêu Trì", "Bệnh viện Đa khoa tỉnh", "Công viên Quy Nhơn", "Cảng cá Quy Nhơn",
    "Bãi tắm Xuân Diệu", "Tháp Đôi", "Chợ Đầm", "Đại học Quy Nhơn", "Trường THPT Quốc Học",
    "Siêu thị Co.opmart", "Khu công nghiệp Phú Tài", "Cầu Thị Nại", "Chợ Diêu Trì",
    "Nhà thi đấu tỉnh", "Bảo tàng tỉnh", "Khu dân cư Bắc sông Hà Thanh",
)
WARDS: tuple[str, ...] = (
    "Hải Cảng", "Thị Nại", "Lê Lợi", "Trần Phú", "Ngô Mây", "Quang Trung", "Nhơn Bình",
    "Nhơn Phú", "Ghềnh Ráng", "Đống Đa", "Lý Thường Kiệt", "Trần Quang Diệu", "Bùi Thị Xuân",
    "Diêu Trì", "Phước Lộc", "Tuy Phước",
)
QL1A_PLACES: tuple[str, ...] = (
    "Diêu Trì", "Phước Lộc", "An Nhơn", "Nhơn Hòa", "Phù Cát", "Cát Hanh", "Phù Mỹ",
    "Mỹ Chánh", "Hoài Nhơn", "Bồng Sơn", "Tam Quan",
)

RESPONDERS: tuple[str, ...] = (
    "Đội CSGT số 1", "Đội CSGT số 2", "Công an phường Quy Nhơn", "Công an phường Quy Nhơn Nam",
    "Đội PCCC & CNCH Quy Nhơn", "Đội Trật tự đô thị", "Công ty Môi trường đô thị",
    "Đội cứu hộ giao thông", "Trung tâm Y tế Quy Nhơn", "Ban CHQS phường Quy Nhơn Bắc",
)
OPERATORS: tuple[str, ...] = (
    "op.nguyen.hung", "op.tran.lan", "op.le.minh", "op.pham.thu", "op.vo.tai", "op.huynh.mai",
)


def weighted(rng: random.Random, table: Sequence[tuple[str, float]]) -> str:
    return rng.choices([t[0] for t in table], weights=[t[1] for t in table])[0]


def person_name(rng: random.Random, male_share: float = 0.85) -> str:
    family = weighted(rng, FAMILY_NAMES)
    if rng.random() < male_share:
        return f"{family} {rng.choice(MALE_MIDDLE)} {rng.choice(MALE_GIVEN)}"
    return f"{family} {rng.choice(FEMALE_MIDDLE)} {rng.choice(FEMALE_GIVEN)}"


def vessel_name(rng: random.Random) -> str:
    return f"{rng.choice(VESSEL_NAME_STEMS)} {rng.randint(1, 99):02d}"


def street_pair(rng: random.Random) -> tuple[str, str]:
    a, b = rng.sample(STREETS, 2)
    return a, b

# Communes / places of the province, for naming synthetic gauges.
COMMUNES: tuple[str, ...] = (
    "Cát Sơn", "Ân Nghĩa", "Vĩnh Kim", "Tây Giang", "Bình Thành", "Nhơn Tân", "Canh Hiển",
    "Phước Thành", "Mỹ Hiệp", "Hoài Đức", "Ân Tín", "Ân Mỹ", "An Tân", "Vĩnh Quang", "Tây Phú",
    "Nhơn Lộc", "Cát Trinh", "Mỹ Châu", "Hoài Phú", "An Nghĩa", "An Vinh", "An Toàn",
    "Ân Hảo", "Ân Phong", "Ân Sơn", "Ân Tường", "Bok Tới", "Đak Mang", "Vĩnh Sơn",
    "Vĩnh Hảo", "Vĩnh Hiệp", "Vĩnh Thuận", "Vĩnh Thịnh", "Tây Xuân", "Tây Bình", "Tây An",
    "Tây Vinh", "Bình Tường", "Bình Tân", "Bình Hòa", "Vĩnh An", "Canh Vinh", "Canh Liên",
    "Canh Thuận", "Canh Hòa", "Phước An", "Phước Hiệp", "Phước Quang", "Phước Hưng",
    "Phước Sơn", "Nhơn Hậu", "Nhơn Mỹ", "Nhơn Phong", "Nhơn Hạnh", "Nhơn Khánh", "Nhơn Thọ",
    "Cát Hanh", "Cát Lâm", "Cát Hiệp", "Cát Tài", "Cát Minh", "Cát Tường", "Cát Nhơn",
    "Mỹ Lợi", "Mỹ Phong", "Mỹ Trinh", "Mỹ Hòa", "Mỹ Tài", "Mỹ Quang", "Hoài Sơn", "Hoài Châu",
    "Hoài Tân", "Hoài Xuân", "Hoài Mỹ", "Bồng Sơn Tây", "Tam Quan Tây", "Đak Pơ", "An Quang",
    "An Dũng", "An Hưng", "Ân Đức", "Ân Thạnh", "Ân Hữu", "Cát Thành", "Phú Phong",
)
SYNTHETIC_RIVERS: tuple[str, ...] = (
    "Kôn", "Hà Thanh", "Lại Giang", "An Lão", "Kim Sơn", "La Tinh", "Gò Chàm", "Tân An",
    "Đại An", "Cây Ké",
)
