package org.onestop.opendata.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.SplittableRandom;

/** Names and helpers the demo row makers draw from. */
final class Pools {

    static final List<String> DISTRICTS = List.of("市南区", "市北区", "李沧区", "崂山区", "黄岛区", "城阳区", "即墨区", "胶州市",
            "平度市", "莱西市");
    static final List<String> DISTRICT_CODES = List.of("D-SHINAN", "D-SHIBEI", "D-LICANG", "D-LAOSHAN", "D-HUANGDAO",
            "D-CHENGYANG", "D-JIMO", "D-JIAOZHOU", "D-PINGDU", "D-LAIXI");
    static final List<String> ROADS = List.of("香港中路", "延安三路", "福州路", "辽阳西路", "重庆南路", "黑龙江中路", "长江中路",
            "海尔路", "金水路", "九水东路", "崂山路", "银川东路", "滨海大道", "胶州湾路", "正阳路", "黄河路", "青威路", "兰州路");
    static final List<String> INDUSTRIES = List.of("批发和零售业", "住宿和餐饮业", "信息传输、软件和信息技术服务业", "制造业",
            "租赁和商务服务业", "科学研究和技术服务业", "建筑业", "交通运输、仓储和邮政业", "文化、体育和娱乐业", "居民服务业");
    static final List<String> WORDS = List.of("海", "润", "鑫", "华", "盛", "泰", "嘉", "恒", "瑞", "德", "远", "航", "蓝", "岛",
            "诚", "信", "启", "明", "众", "创", "云", "智", "达", "丰", "源", "新", "宏", "博", "峰", "汇");
    static final List<String> TRADES = List.of("科技", "贸易", "餐饮管理", "信息技术", "建筑工程", "物流", "文化传媒", "医药",
            "海洋生物", "电子商务", "机械设备", "食品");
    static final List<String> HOSPITALS = List.of("市立医院", "大学附属医院", "市中心医院", "市妇女儿童医院", "市中医医院",
            "市第三人民医院", "市第五人民医院", "市第八人民医院", "市胸科医院", "市海慈医院", "市口腔医院", "市眼科医院");
    static final List<String> CLINICS = List.of("内科", "外科", "儿科", "妇产科", "眼科", "口腔科", "中医科", "急诊科");

    private Pools() {
    }

    static String pick(SplittableRandom random, List<String> pool) {
        return pool.get(random.nextInt(pool.size()));
    }

    /** The scope's district, or any district for a city-wide dataset. */
    static String district(SplittableRandom random, Scope scope) {
        return scope.cityWide() ? pick(random, DISTRICTS) : scope.district();
    }

    static BigDecimal decimal(double value, int scale) {
        return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP);
    }

    static String company(SplittableRandom random) {
        return "青岛" + pick(random, WORDS) + pick(random, WORDS) + pick(random, TRADES) + "有限公司";
    }

    /** A made-up unified social credit code of the right shape (not a valid one: demo data). */
    static String creditCode(SplittableRandom random) {
        String chars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        StringBuilder b = new StringBuilder("913702");
        while (b.length() < 18) {
            b.append(chars.charAt(random.nextInt(chars.length())));
        }
        return b.toString();
    }
}
