package org.onestop.servicehall;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The administrative divisions where services are carried out: the city itself and its ten
 * districts and county-level cities, with their national division codes (GB/T 2260), which also
 * start each service code.
 */
final class Areas {

    record Area(String code, String nameZh, String nameEn, String departmentCode) {
    }

    static final String CITY = "370200";

    static final List<Area> ALL = List.of(
            new Area(CITY, "青岛市", "Qingdao", null),
            new Area("370202", "市南区", "Shinan District", "D-SHINAN"),
            new Area("370203", "市北区", "Shibei District", "D-SHIBEI"),
            new Area("370211", "黄岛区", "Huangdao District", "D-HUANGDAO"),
            new Area("370212", "崂山区", "Laoshan District", "D-LAOSHAN"),
            new Area("370213", "李沧区", "Licang District", "D-LICANG"),
            new Area("370214", "城阳区", "Chengyang District", "D-CHENGYANG"),
            new Area("370215", "即墨区", "Jimo District", "D-JIMO"),
            new Area("370281", "胶州市", "Jiaozhou City", "D-JIAOZHOU"),
            new Area("370283", "平度市", "Pingdu City", "D-PINGDU"),
            new Area("370285", "莱西市", "Laixi City", "D-LAIXI"));

    private static final Map<String, Area> BY_CODE = ALL.stream().collect(Collectors.toMap(Area::code, Function.identity()));

    private Areas() {
    }

    static Area of(String code) {
        Area area = BY_CODE.get(code);
        if (area == null) {
            throw new IllegalArgumentException("unknown area " + code);
        }
        return area;
    }

    static List<Area> districts() {
        return ALL.subList(1, ALL.size());
    }
}
