package org.onestop.opendata.demo;

import static org.onestop.opendata.demo.Pools.DISTRICTS;
import static org.onestop.opendata.demo.Pools.decimal;
import static org.onestop.opendata.demo.Pools.district;
import static org.onestop.opendata.demo.Pools.pick;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.onestop.opendata.Frequency;
import org.onestop.opendata.Theme;
import org.onestop.opendata.datastore.DatastoreField;
import org.onestop.opendata.datastore.FieldType;

/** The fourteen kinds of demo dataset, covering the nine themes. */
final class Templates {

    static final List<Template> ALL = List.of(
            new Template("air-quality", Theme.ENVIRONMENT, "ECOENV", true, "%s空气质量小时监测数据",
                    "各空气质量自动监测站逐小时发布的空气质量指数（AQI）及PM2.5、PM10、二氧化氮、臭氧浓度，单位为微克/立方米。",
                    List.of("空气质量", "AQI", "PM2.5", "环境监测"), Frequency.DAILY,
                    List.of(f("station", FieldType.TEXT, "监测站"), f("district", FieldType.TEXT, "区市"),
                            f("observed_at", FieldType.TIMESTAMP, "监测时间"), f("aqi", FieldType.INT, "空气质量指数"),
                            f("pm25", FieldType.NUMERIC, "PM2.5"), f("pm10", FieldType.NUMERIC, "PM10"),
                            f("no2", FieldType.NUMERIC, "二氧化氮"), f("o3", FieldType.NUMERIC, "臭氧"),
                            f("level", FieldType.TEXT, "空气质量级别")),
                    List.of("district,aqi", "district,observed_at", "observed_at", "aqi"), 4_320, (r, i, s) -> {
                        int stations = s.cityWide() ? 30 : 3;
                        int station = (int) (i % stations);
                        String district = s.cityWide() ? DISTRICTS.get(station % 10) : s.district();
                        LocalDateTime at = LocalDateTime.of(s.cityWide() ? 2021 : 2024, 1, 1, 0, 0).plusHours(i / stations);
                        double season = 1 + 0.6 * Math.cos((at.getDayOfYear() - 15) / 365.0 * 2 * Math.PI);
                        double pm25 = Math.max(3, 28 * season + r.nextGaussian() * 12);
                        int aqi = (int) Math.min(500, Math.round(pm25 * 1.35 + r.nextInt(15)));
                        return new Object[] {district + "第" + (station / 10 + 1) + "监测站", district, at, (long) aqi,
                                decimal(pm25, 1), decimal(pm25 * 1.7 + r.nextInt(20), 1), decimal(18 + r.nextGaussian() * 6 + 8, 1),
                                decimal(Math.max(5, 60 / season + r.nextGaussian() * 15), 1), level(aqi)};
                    }),
            new Template("bus-ridership", Theme.TRANSPORT, "TRANSPORT", false, "%s公交线路日客运量",
                    "全市常规公交线路每日客运量、营运班次和准点率，数据来自公交IC卡和车载定位系统。",
                    List.of("公交", "客运量", "准点率", "公共交通"), Frequency.DAILY,
                    List.of(f("service_date", FieldType.DATE, "运营日期"), f("line", FieldType.TEXT, "线路"),
                            f("district", FieldType.TEXT, "主要途经区市"), f("boardings", FieldType.INT, "客运量（人次）"),
                            f("trips", FieldType.INT, "营运班次"), f("punctuality", FieldType.NUMERIC, "准点率（%）")),
                    List.of("line,boardings", "line,service_date", "service_date", "boardings"), 7_300, (r, i, s) -> {
                        int lines = s.year() == 0 ? 300 : 20;
                        int line = (int) (i % lines);
                        LocalDate day = LocalDate.of(s.year() == 0 ? 2016 : s.year(), 1, 1).plusDays(i / lines);
                        boolean weekend = day.getDayOfWeek().getValue() >= 6;
                        long base = 2_000 + (line * 7919L % 18_000);
                        long boardings = Math.max(50, Math.round(base * (weekend ? 0.72 : 1.0) * (1 + r.nextGaussian() * 0.08)));
                        return new Object[] {day, (line + 1) + "路", DISTRICTS.get(line % 10), boardings,
                                (long) (40 + line % 120 + r.nextInt(8)), decimal(Math.min(100, 88 + r.nextDouble() * 11), 1)};
                    }),
            new Template("business-registrations", Theme.ECONOMY, "SAMR", true, "%s市场主体登记信息",
                    "新设立登记的企业名称、统一社会信用代码、企业类型、所属行业、注册资本（万元）和成立日期。",
                    List.of("市场主体", "企业登记", "营商环境", "注册资本"), Frequency.DAILY,
                    List.of(f("registered_on", FieldType.DATE, "成立日期"), f("company", FieldType.TEXT, "企业名称"),
                            f("credit_code", FieldType.TEXT, "统一社会信用代码"), f("kind", FieldType.TEXT, "企业类型"),
                            f("industry", FieldType.TEXT, "所属行业"), f("district", FieldType.TEXT, "登记机关所在区市"),
                            f("capital", FieldType.NUMERIC, "注册资本（万元）")),
                    List.of("district,registered_on", "industry", "registered_on"), 3_000, (r, i, s) -> {
                        LocalDate start = LocalDate.of(s.cityWide() ? 2005 : 2023, 1, 1);
                        long span = s.cityWide() ? 7_300 : 700;
                        return new Object[] {start.plusDays(i * span / s.rows()), Pools.company(r), Pools.creditCode(r),
                                r.nextInt(10) < 8 ? "有限责任公司" : "股份有限公司", pick(r, Pools.INDUSTRIES), district(r, s),
                                decimal(Math.round(Math.exp(3 + r.nextDouble() * 5)), 2)};
                    }),
            new Template("outpatient-visits", Theme.HEALTH, "HEALTH", false, "%s公立医院门急诊人次",
                    "市属公立医院分科室的月度门诊人次、急诊人次和次均门诊费用（元）。",
                    List.of("医院", "门诊", "急诊", "医疗服务"), Frequency.MONTHLY,
                    List.of(f("month", FieldType.DATE, "月份"), f("hospital", FieldType.TEXT, "医院"),
                            f("clinic", FieldType.TEXT, "科室"), f("visits", FieldType.INT, "门诊人次"),
                            f("emergency_visits", FieldType.INT, "急诊人次"), f("average_cost", FieldType.NUMERIC, "次均费用（元）")),
                    List.of("month", "hospital"), 1_152, (r, i, s) -> {
                        int cell = (int) (i % 96);
                        return new Object[] {LocalDate.of(s.year(), 1, 1).plusMonths(i / 96), Pools.HOSPITALS.get(cell / 8),
                                Pools.CLINICS.get(cell % 8), (long) (3_000 + r.nextInt(9_000)), (long) r.nextInt(1_500),
                                decimal(180 + r.nextDouble() * 260, 2)};
                    }),
            new Template("school-enrolment", Theme.EDUCATION_CULTURE, "EDU", false, "%s中小学校在校生和教职工情况",
                    "各中小学校的学段、班级数、在校学生数和专任教师数。",
                    List.of("教育", "学校", "在校生", "教师"), Frequency.ANNUAL,
                    List.of(f("school_year", FieldType.INT, "学年"), f("school", FieldType.TEXT, "学校"),
                            f("district", FieldType.TEXT, "区市"), f("stage", FieldType.TEXT, "学段"),
                            f("classes", FieldType.INT, "班级数"), f("students", FieldType.INT, "在校生数"),
                            f("teachers", FieldType.INT, "专任教师数")),
                    List.of("district", "stage"), 420, (r, i, s) -> {
                        String stage = i % 3 == 0 ? "初中" : "小学";
                        String district = DISTRICTS.get((int) (i % 10));
                        long classes = 12 + r.nextInt(36);
                        return new Object[] {(long) s.year(), district.substring(0, 2) + pick(r, Pools.ROADS).substring(0, 2)
                                + (i / 10 + 1) + (stage.equals("小学") ? "小学" : "中学"), district, stage, classes,
                                classes * (38 + r.nextInt(8)), classes * 2 + r.nextInt(12)};
                    }),
            new Template("housing-transactions", Theme.URBAN, "HOUSING", true, "%s新建商品房网签成交信息",
                    "新建商品房网签备案成交记录：项目、用途、建筑面积（平方米）、成交均价（元/平方米）和套数。",
                    List.of("商品房", "网签", "房价", "住房"), Frequency.DAILY,
                    List.of(f("signed_on", FieldType.DATE, "网签日期"), f("district", FieldType.TEXT, "区市"),
                            f("project", FieldType.TEXT, "项目"), f("usage", FieldType.TEXT, "用途"),
                            f("area", FieldType.NUMERIC, "建筑面积"), f("price_per_m2", FieldType.NUMERIC, "成交均价"),
                            f("units", FieldType.INT, "套数")),
                    List.of("signed_on", "district"), 2_500, (r, i, s) -> {
                        String usage = r.nextInt(10) < 8 ? "住宅" : "商业";
                        return new Object[] {LocalDate.of(2024, 1, 1).plusDays(i * 360 / s.rows()), district(r, s),
                                pick(r, Pools.WORDS) + pick(r, Pools.WORDS) + "花园" + (1 + r.nextInt(9)) + "期", usage,
                                decimal(60 + r.nextDouble() * 120, 2), decimal(12_000 + r.nextDouble() * 30_000, 0), 1L};
                    }),
            new Template("water-quality", Theme.ENVIRONMENT, "WATER", false, "%s河流断面水质监测数据",
                    "主要河流监测断面的pH、溶解氧、化学需氧量、氨氮（mg/L）和水质类别。",
                    List.of("水质", "河流", "水环境", "监测"), Frequency.MONTHLY,
                    List.of(f("sampled_on", FieldType.DATE, "采样日期"), f("site", FieldType.TEXT, "断面"),
                            f("river", FieldType.TEXT, "河流"), f("ph", FieldType.NUMERIC, "pH"),
                            f("dissolved_oxygen", FieldType.NUMERIC, "溶解氧"), f("cod", FieldType.NUMERIC, "化学需氧量"),
                            f("ammonia", FieldType.NUMERIC, "氨氮"), f("grade", FieldType.TEXT, "水质类别")),
                    List.of("sampled_on", "river"), 864, (r, i, s) -> {
                        List<String> rivers = List.of("大沽河", "白沙河", "墨水河", "李村河", "张村河", "洋河");
                        int site = (int) (i % 36);
                        double cod = 8 + r.nextDouble() * 30;
                        return new Object[] {LocalDate.of(s.year(), 1, 5).plusDays(i / 36 * 15), rivers.get(site % 6) + (site / 6 + 1)
                                + "号断面", rivers.get(site % 6), decimal(6.8 + r.nextDouble() * 1.4, 2),
                                decimal(4 + r.nextDouble() * 6, 2), decimal(cod, 1), decimal(r.nextDouble() * 1.8, 2),
                                cod < 15 ? "II类" : cod < 20 ? "III类" : cod < 30 ? "IV类" : "V类"};
                    }),
            new Template("social-assistance", Theme.SOCIAL, "CIVIL", true, "%s社会救助保障情况",
                    "各街道（镇）城乡低保、特困供养和临时救助的保障户数、人数和支出金额（万元），按月统计。",
                    List.of("社会救助", "低保", "特困供养", "民生"), Frequency.MONTHLY,
                    List.of(f("month", FieldType.DATE, "月份"), f("district", FieldType.TEXT, "区市"),
                            f("subdistrict", FieldType.TEXT, "街道（镇）"), f("programme", FieldType.TEXT, "救助项目"),
                            f("households", FieldType.INT, "户数"), f("persons", FieldType.INT, "人数"),
                            f("amount", FieldType.NUMERIC, "支出（万元）")),
                    List.of("month", "programme"), 1_080, (r, i, s) -> {
                        List<String> programmes = List.of("城乡低保", "特困供养", "临时救助");
                        long households = 20 + r.nextInt(400);
                        return new Object[] {LocalDate.of(2024, 1, 1).plusMonths(i % 12), district(r, s),
                                pick(r, Pools.ROADS).substring(0, 2) + "街道", programmes.get((int) (i / 12 % 3)), households,
                                households + r.nextInt((int) households + 1), decimal(households * (0.08 + r.nextDouble() * 0.05), 2)};
                    }),
            new Template("service-hall-items", Theme.PUBLIC_SERVICES, "GOV-SERVICE", false, "%s政务服务大厅事项办理量",
                    "市、区两级政务服务大厅按日统计的事项受理量、办结量、平均办理时长（分钟）和满意度。",
                    List.of("政务服务", "一网通办", "办件量", "满意度"), Frequency.DAILY,
                    List.of(f("handled_on", FieldType.DATE, "日期"), f("hall", FieldType.TEXT, "服务大厅"),
                            f("item", FieldType.TEXT, "事项"), f("applications", FieldType.INT, "受理量"),
                            f("completed", FieldType.INT, "办结量"), f("average_minutes", FieldType.NUMERIC, "平均办理时长"),
                            f("satisfaction", FieldType.NUMERIC, "满意度（%）")),
                    List.of("handled_on", "hall"), 2_920, (r, i, s) -> {
                        List<String> items = List.of("企业开办", "不动产登记", "社保参保登记", "公积金提取", "户籍迁移", "出入境证件",
                                "医保报销", "建设工程许可");
                        long applications = 20 + r.nextInt(300);
                        return new Object[] {LocalDate.of(s.year(), 1, 1).plusDays(i / 8), (i % 2 == 0 ? "市" : DISTRICTS.get((int) (i / 2 % 10)))
                                + "政务服务大厅", items.get((int) (i % 8)), applications, applications - r.nextInt(5),
                                decimal(6 + r.nextDouble() * 25, 1), decimal(97 + r.nextDouble() * 3, 2)};
                    }),
            new Template("library-loans", Theme.EDUCATION_CULTURE, "CULTURE-TOURISM", false, "%s公共图书馆借阅和到馆人次",
                    "市、区公共图书馆按月统计的分类借阅册次和到馆读者人次。",
                    List.of("图书馆", "借阅", "阅读", "公共文化"), Frequency.MONTHLY,
                    List.of(f("month", FieldType.DATE, "月份"), f("library", FieldType.TEXT, "图书馆"),
                            f("category", FieldType.TEXT, "图书分类"), f("loans", FieldType.INT, "借阅册次"),
                            f("visitors", FieldType.INT, "到馆人次")),
                    List.of("month", "library"), 792, (r, i, s) -> {
                        List<String> categories = List.of("文学", "历史地理", "少儿读物", "经济管理", "工业技术", "艺术");
                        int library = (int) (i / 6 % 11);
                        return new Object[] {LocalDate.of(s.year(), 1, 1).plusMonths(i / 66), library == 0 ? "市图书馆"
                                : DISTRICTS.get(library - 1) + "图书馆", categories.get((int) (i % 6)), (long) (500 + r.nextInt(9_000)),
                                (long) (2_000 + r.nextInt(30_000))};
                    }),
            new Template("social-organisations", Theme.ORGANISATIONS, "CIVIL", true, "%s社会组织登记信息",
                    "依法登记的社会团体、民办非企业单位和基金会的名称、类型、成立日期、业务范围、业务主管单位和登记状态。",
                    List.of("社会组织", "社会团体", "基金会", "登记"), Frequency.MONTHLY,
                    List.of(f("name", FieldType.TEXT, "名称"), f("kind", FieldType.TEXT, "类型"),
                            f("registered_on", FieldType.DATE, "成立日期"), f("district", FieldType.TEXT, "登记管理机关"),
                            f("business_scope", FieldType.TEXT, "业务范围"), f("status", FieldType.TEXT, "状态")),
                    List.of("kind", "district"), 900, (r, i, s) -> {
                        List<String> kinds = List.of("社会团体", "民办非企业单位", "基金会");
                        List<String> fields = List.of("行业协会", "科技", "教育", "文化", "体育", "慈善", "养老服务", "社区服务");
                        String field = pick(r, fields);
                        String kind = kinds.get(r.nextInt(10) < 6 ? 0 : r.nextInt(10) < 9 ? 1 : 2);
                        return new Object[] {"青岛市" + pick(r, Pools.WORDS) + pick(r, Pools.WORDS) + field
                                + (kind.equals("社会团体") ? "协会" : kind.equals("基金会") ? "基金会" : "服务中心"), kind,
                                LocalDate.of(1995, 1, 1).plusDays(r.nextInt(10_500)), district(r, s), field + "相关服务与交流",
                                r.nextInt(20) == 0 ? "注销" : "正常"};
                    }),
            new Template("building-permits", Theme.URBAN, "NRP", false, "%s建设工程规划许可证核发信息",
                    "建设工程规划许可证的证号、项目名称、所在区市、总建筑面积（平方米）、建筑高度（米）和用途。",
                    List.of("规划许可", "建设工程", "城市规划"), Frequency.MONTHLY,
                    List.of(f("issued_on", FieldType.DATE, "核发日期"), f("permit_no", FieldType.TEXT, "许可证号"),
                            f("project", FieldType.TEXT, "项目名称"), f("district", FieldType.TEXT, "区市"),
                            f("floor_area", FieldType.NUMERIC, "总建筑面积"), f("height", FieldType.NUMERIC, "建筑高度"),
                            f("usage", FieldType.TEXT, "用途")),
                    List.of("issued_on", "district"), 640, (r, i, s) -> {
                        List<String> usages = List.of("居住", "商业", "办公", "工业", "教育", "医疗卫生");
                        String district = DISTRICTS.get(r.nextInt(10));
                        return new Object[] {LocalDate.of(s.year(), 1, 2).plusDays(i * 360 / s.rows()),
                                "建字第3702" + s.year() + String.format("%05d", i + 1) + "号", district + pick(r, Pools.ROADS)
                                + pick(r, usages) + "项目", district, decimal(2_000 + r.nextDouble() * 150_000, 2),
                                decimal(12 + r.nextDouble() * 140, 1), pick(r, usages)};
                    }),
            new Template("parking-lots", Theme.TRANSPORT, "URBAN-MGMT", true, "%s公共停车场信息",
                    "公共停车场名称、地址、泊位数、充电泊位数、白天小时收费（元）和经纬度（WGS 84）。",
                    List.of("停车场", "泊位", "充电桩", "静态交通"), Frequency.QUARTERLY,
                    List.of(f("lot", FieldType.TEXT, "停车场"), f("district", FieldType.TEXT, "区市"),
                            f("address", FieldType.TEXT, "地址"), f("spaces", FieldType.INT, "泊位数"),
                            f("charging_spaces", FieldType.INT, "充电泊位数"), f("hourly_fee", FieldType.NUMERIC, "小时收费"),
                            f("longitude", FieldType.NUMERIC, "经度"), f("latitude", FieldType.NUMERIC, "纬度")),
                    List.of("district"), 350, (r, i, s) -> {
                        String road = pick(r, Pools.ROADS);
                        long spaces = 40 + r.nextInt(600);
                        return new Object[] {road + (i + 1) + "号公共停车场", district(r, s), road + (1 + r.nextInt(300)) + "号", spaces,
                                spaces * r.nextInt(30) / 100, decimal(2 + r.nextInt(9) * 0.5, 1),
                                decimal(120.10 + r.nextDouble() * 0.6, 6), decimal(36.00 + r.nextDouble() * 0.45, 6)};
                    }),
            new Template("employment-services", Theme.ECONOMY, "HRSS", false, "%s就业服务统计",
                    "各区市按月统计的城镇新增就业、失业人员再就业、登记失业人数、招聘会场次和岗位数。",
                    List.of("就业", "再就业", "招聘", "人力资源"), Frequency.MONTHLY,
                    List.of(f("month", FieldType.DATE, "月份"), f("district", FieldType.TEXT, "区市"),
                            f("new_jobs", FieldType.INT, "城镇新增就业"), f("reemployed", FieldType.INT, "失业人员再就业"),
                            f("registered_unemployed", FieldType.INT, "登记失业人数"), f("job_fairs", FieldType.INT, "招聘会场次"),
                            f("vacancies", FieldType.INT, "提供岗位数")),
                    List.of("month", "district"), 120, (r, i, s) -> new Object[] {LocalDate.of(s.year(), 1, 1).plusMonths(i / 10),
                            DISTRICTS.get((int) (i % 10)), (long) (800 + r.nextInt(4_000)), (long) (200 + r.nextInt(1_200)),
                            (long) (3_000 + r.nextInt(6_000)), (long) r.nextInt(12), (long) (1_000 + r.nextInt(15_000))}));

    private Templates() {
    }

    private static DatastoreField f(String id, FieldType type, String label) {
        return new DatastoreField(id, type, label);
    }

    private static String level(int aqi) {
        return aqi <= 50 ? "优" : aqi <= 100 ? "良" : aqi <= 150 ? "轻度污染" : aqi <= 200 ? "中度污染" : "重度污染";
    }
}
