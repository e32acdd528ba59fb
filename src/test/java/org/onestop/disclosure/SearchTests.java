package org.onestop.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.PortalClient;
import org.onestop.PortalTest;
import org.onestop.account.Departments;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Recall and ranking on a small labelled corpus: each query names the documents that must be in
 * its top five. The corpus mixes hand-written documents with generated ones as distractors.
 */
@PortalTest
class SearchTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext app;

    private static long[] ids;
    private PortalClient anyone;

    // Ordinals of the labelled documents in the corpus below.
    private static final int FUND_RULES = 0;
    private static final int FUND_GUIDE = 1;
    private static final int INSURANCE = 2;
    private static final int GOV_2014_12 = 3;
    private static final int GOV_2014_13 = 4;
    private static final int GOV_2015_12 = 5;
    private static final int WTO = 6;
    private static final int PM25 = 7;
    private static final int FIVE_G = 8;
    private static final int SORTING_TITLE = 9;
    private static final int SORTING_BODY = 10;
    private static final int TAX = 11;
    private static final int MARKUP_TITLE = 12;

    @BeforeEach
    void corpus() {
        anyone = new PortalClient(port);
        if (ids != null) {
            return;
        }
        DisclosureFixture f = new DisclosureFixture(app, port)
                .add("HOUSING", "regulation", "青岛市住房公积金提取管理办法", "青岛市人民政府令第251号", "2019-03-01",
                        "第一条 为规范住房公积金提取行为，保障缴存职工合法权益，制定本办法。\n第二条 职工购买、建造自住住房的，可以申请提取。")
                .add("HOUSING", "interpretation", "一图读懂租房提取新政策", null, "2023-05-10",
                        "无房职工租赁住房的，每年可提取一次住房公积金，提取额度按月缴存额确定。")
                .add("HEALTHCARE-SEC", "notice-notice", "关于做好2027年度城乡居民医保参保缴费工作的通知", "青医保发〔2026〕3号",
                        "2026-09-01", "城乡居民医保参保缴费自2026年9月1日开始，请各区做好宣传。")
                .add("GOV-OFFICE", "normative-gov", "青岛市人民政府关于加快发展海洋经济的若干意见", "青政发〔2014〕12号",
                        "2014-04-21", "为加快建设海洋强市，现提出如下意见。")
                .add("GOV-OFFICE", "normative-gov", "青岛市人民政府关于推进现代物流业发展的意见", "青政发〔2014〕13号",
                        "2014-04-28", "物流业是支撑国民经济发展的基础性、战略性产业。青政发〔2014〕12号文件同时废止部分条款。")
                .add("GOV-OFFICE", "normative-gov", "青岛市人民政府关于促进旅游业改革发展的实施意见", "青政发〔2015〕12号",
                        "2015-05-06", "旅游业是综合性产业，现就促进旅游业改革发展提出实施意见。")
                .add("COMMERCE", "normative-dept", "关于应对WTO贸易壁垒的工作方案", "青商字〔2018〕7号", "2018-06-01",
                        "研判技术性贸易壁垒对出口企业的影响，建立WTO通报预警机制。")
                .add("ECOENV", "plan-annual", "2024年大气污染防治工作计划", null, "2024-02-20",
                        "全年PM2.5平均浓度控制在30微克/立方米以内，重污染天数持续减少。")
                .add("IIT", "notice-notice", "关于开展5G基站建设专项行动的通知", "青工信字〔2021〕15号", "2021-07-12",
                        "到年底新建5G基站3000个，推动工业互联网与5G融合应用。")
                .add("URBAN-MGMT", "normative-dept", "青岛市生活垃圾分类管理办法实施细则", "青城管规〔2020〕2号", "2020-10-01",
                        "居民应当按照可回收物、有害垃圾、厨余垃圾、其他垃圾的分类标准投放。")
                .add("URBAN-MGMT", "notice-notice", "关于开展城市环境卫生集中整治的通知", null, "2020-11-01",
                        "各区要同步推进生活垃圾分类，整治卫生死角。")
                .add("FINANCE", "interpretation", "小微企业税费减免政策问答", null, "2022-04-01",
                        "小规模纳税人增值税征收率由3%降至1%。")
                .add("JUSTICE", "notice-announcement", "关于“<script>”等字样的网络谣言的说明", null, "2022-08-01",
                        "经核查，相关说法不实。");
        // Distractors: generated documents on every topic, so the labelled ones must win on relevance.
        var departments = app.getBean(Departments.class).all(null).take(73).collectList().block();
        var generated = new DocumentGenerator(7, 40, departments);
        int ordinal = 13;
        for (GeneratedDocument g : generated) {
            f.add(g.departmentCode(), g.categoryCode(), g.title(), g.docNumber(), g.publishedOn().toString(), g.bodyText());
            ordinal++;
        }
        ids = f.load();
        assertThat(ids).hasSize(ordinal);
    }

    private JsonNode search(String q) {
        return DisclosureFixture.json(anyone.http().get().uri("/api/disclosure/documents?q={q}&size=5", q).exchange()
                .expectStatus().isOk());
    }

    private List<Long> top5(String q) {
        return search(q).path("items").valueStream().map(i -> i.path("id").asLong()).toList();
    }

    @Test
    void chineseWordsSeparatedBySpaceFindTheDocumentsHoldingBoth() {
        assertThat(top5("公积金 提取")).contains(ids[FUND_RULES], ids[FUND_GUIDE]);
    }

    @Test
    void twoCharacterWordInsideLongerWordsIsFound() {
        // 参保 sits inside 医保参保缴费; no word segmentation would isolate it.
        assertThat(top5("参保")).contains(ids[INSURANCE]);
        assertThat(top5("积金")).contains(ids[FUND_RULES], ids[FUND_GUIDE]);
    }

    @Test
    void documentNumberFindsThatDocumentFirst() {
        JsonNode result = search("青政发〔2014〕12号");
        assertThat(result.path("items").get(0).path("id").asLong()).isEqualTo(ids[GOV_2014_12]);
        assertThat(result.path("items").get(0).path("exactNumber").asBoolean()).isTrue();
        assertThat(search("青政发[2014]12号").path("items").get(0).path("id").asLong()).isEqualTo(ids[GOV_2014_12]);
        assertThat(top5("青政发〔2014〕12号")).doesNotContain(ids[GOV_2015_12]).startsWith(ids[GOV_2014_12]);
        assertThat(top5("青政发〔2014〕13号").getFirst()).isEqualTo(ids[GOV_2014_13]);
    }

    @Test
    void englishWordsAndMixedQueriesAreFound() {
        assertThat(top5("WTO")).contains(ids[WTO]);
        assertThat(top5("wto 贸易壁垒").getFirst()).isEqualTo(ids[WTO]);
        assertThat(top5("PM2.5")).contains(ids[PM25]);
        assertThat(top5("5G 基站")).contains(ids[FIVE_G]);
        assertThat(top5("ＷＴＯ")).contains(ids[WTO]);
    }

    @Test
    void titleMatchesRankAboveBodyMatches() {
        List<Long> hits = top5("垃圾分类");
        assertThat(hits).contains(ids[SORTING_TITLE], ids[SORTING_BODY]);
        assertThat(hits.indexOf(ids[SORTING_TITLE])).isLessThan(hits.indexOf(ids[SORTING_BODY]));
    }

    @Test
    void singleCharacterQueryFindsTheCharacter() {
        assertThat(top5("税")).contains(ids[TAX]);
    }

    @Test
    void snippetsAreEscapedWithMatchesMarked() {
        JsonNode hit = search("网络谣言").path("items").get(0);
        assertThat(hit.path("id").asLong()).isEqualTo(ids[MARKUP_TITLE]);
        assertThat(hit.path("titleHighlighted").asString())
                .isEqualTo("关于“&lt;script&gt;”等字样的<mark>网络谣言</mark>的说明");
        JsonNode fund = search("缴存职工").path("items").get(0);
        assertThat(fund.path("snippet").asString()).contains("<mark>缴存职工</mark>").doesNotContain("<p>");
    }

    @Test
    void facetsCountTheMatches() {
        JsonNode result = search("公积金");
        assertThat(result.path("total").asLong()).isGreaterThanOrEqualTo(2);
        long housing = new DisclosureFixture(app, port).department("HOUSING").id();
        assertThat(result.path("facets").path("department").valueStream()
                .filter(v -> v.path("value").asString().equals(String.valueOf(housing))).findFirst().orElseThrow()
                .path("count").asLong()).isEqualTo(2);
        assertThat(result.path("facets").path("year").valueStream().map(v -> v.path("value").asString()))
                .contains("2019", "2023");
        long sum = result.path("facets").path("validity").valueStream().mapToLong(v -> v.path("count").asLong()).sum();
        assertThat(sum).isEqualTo(result.path("total").asLong());
    }

    @Test
    void filtersNarrowTheMatches() {
        String uri = "/api/disclosure/documents?q={q}&category=normative&year=2014";
        JsonNode result = DisclosureFixture.json(anyone.http().get().uri(uri, "意见").exchange().expectStatus().isOk());
        assertThat(result.path("items").valueStream().map(i -> i.path("id").asLong()))
                .contains(ids[GOV_2014_12], ids[GOV_2014_13]).doesNotContain(ids[GOV_2015_12]);
        JsonNode range = DisclosureFixture.json(anyone.http().get()
                .uri("/api/disclosure/documents?q={q}&from=2015-01-01&to=2015-12-31", "意见").exchange().expectStatus().isOk());
        assertThat(range.path("items").valueStream().map(i -> i.path("id").asLong())).contains(ids[GOV_2015_12])
                .doesNotContain(ids[GOV_2014_12]);
    }

    @Test
    void hostileQueriesNeverFail() {
        List<String> queries = List.of("\"公积金\"", "'", "''", "\\", "a & b | !c", "&|!():*", "公积金 & | ! ( ) : * <->",
                "'; DROP TABLE disclosure_document; --", "😀🎉👍", "公积金😀提取", "<script>alert(1)</script>", "%", "_",
                "(((((", "!!!", ":*", "NOT", "青政发〔〕号", "〔2014〕", "a".repeat(500), "政".repeat(500),
                ("公积金 WTO 5G “引号” 😀 & ").repeat(40).substring(0, 500), "\u0000", "\u202e", "ＡＢＣ");
        for (String q : queries) {
            anyone.http().get().uri("/api/disclosure/documents?q={q}", q).exchange().expectStatus().isOk();
        }
        assertThat(search("!!!").path("total").asLong()).isZero();
    }
}
