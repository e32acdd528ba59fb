package org.onestop.disclosure.request;

import java.util.Arrays;

/**
 * The grounds for withholding information under 中华人民共和国政府信息公开条例 (2019), one per line
 * of the "不予公开" section of the yearly report template (国办公开办函〔2021〕30号), so refusals
 * can be counted by ground.
 */
enum LegalGround {
    STATE_SECRET("art14_state_secret", "第十四条", "属于国家秘密", "Classified as a state secret"),
    PROHIBITED_BY_LAW("art14_prohibited", "第十四条", "法律、行政法规禁止公开", "Disclosure prohibited by laws or administrative regulations"),
    ENDANGERS_SECURITY("art14_security", "第十四条", "公开后可能危及国家安全、公共安全、经济安全、社会稳定",
            "Disclosure could endanger national, public or economic security or social stability"),
    THIRD_PARTY("art15_third_party", "第十五条", "涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害",
            "Trade secrets or personal privacy: disclosure would harm a third party's lawful rights"),
    INTERNAL_AFFAIRS("art16_internal", "第十六条第一款", "属于人事管理、后勤管理、内部工作流程等内部事务信息",
            "Internal affairs (personnel, logistics, internal procedures)"),
    PROCESS_INFORMATION("art16_process", "第十六条第二款", "属于讨论记录、过程稿、磋商信函、请示报告等过程性信息",
            "Process information (minutes, drafts, consultation letters, requests for instructions)"),
    ENFORCEMENT_FILES("art16_enforcement", "第十六条第二款", "属于行政执法案卷信息", "Administrative law-enforcement case files"),
    SPECIAL_ACCESS_RULES("art36_special_rules", "第三十六条第（七）项", "属于工商、不动产登记资料等，有关法律、行政法规对信息的获取有特别规定",
            "Registers (business, real estate) with their own access rules in laws or regulations");

    private final String code;
    private final String article;
    private final String nameZh;
    private final String nameEn;

    LegalGround(String code, String article, String nameZh, String nameEn) {
        this.code = code;
        this.article = article;
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    String code() {
        return code;
    }

    RequestViews.Ground view() {
        return new RequestViews.Ground(code, article, nameZh, nameEn);
    }

    static LegalGround fromCode(String code) {
        return Arrays.stream(values()).filter(g -> g.code.equals(code)).findFirst().orElse(null);
    }
}
