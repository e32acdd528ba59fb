package org.onestop.application;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.onestop.account.AccountDirectory;
import org.onestop.account.StaffCard;
import org.onestop.platform.CityTime;
import org.onestop.security.PortalUser;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import reactor.core.publisher.Mono;

/**
 * The result document (准予决定书 or 不予批准决定书) of an application, as a self-contained HTML page
 * with print styles, so that it prints (or saves as PDF) with its Chinese text in the reader's own
 * fonts. It is rendered once, when issued, and stored as issued. Every value is HTML-escaped.
 */
@Component
class ResultDocument {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final AccountDirectory accounts;

    ResultDocument(AccountDirectory accounts) {
        this.accounts = accounts;
    }

    Mono<String> render(ApplicationStore.Row row, Status decision, String reason, PortalUser official, Instant at) {
        long holder = row.enterpriseId() != null ? row.enterpriseId() : row.applicantId();
        return accounts.card(holder).map(StaffCard::displayName).defaultIfEmpty("申请人")
                .map(name -> html(row, decision, reason, name, official, LocalDate.ofInstant(at, CityTime.ZONE)));
    }

    static String html(ApplicationStore.Row row, Status decision, String reason, String applicant, PortalUser official,
            LocalDate day) {
        boolean granted = decision == Status.COMPLETED;
        String title = granted ? "准予办理决定书" : "不予批准决定书";
        String body = granted
                ? "经审查，你（单位）于%s提交的「%s」申请符合法定条件和标准，决定准予办理。".formatted(
                        DATE.format(LocalDate.ofInstant(row.submittedAt(), CityTime.ZONE)), e(row.serviceName()))
                : "经审查，你（单位）于%s提交的「%s」申请不符合法定条件，决定不予批准。理由：%s".formatted(
                        DATE.format(LocalDate.ofInstant(row.submittedAt(), CityTime.ZONE)), e(row.serviceName()), e(reason));
        String remedy = granted ? "" : "<p>如不服本决定，可以自收到本决定书之日起六十日内依法申请行政复议，或者六个月内依法提起行政诉讼。</p>";
        return """
                <!DOCTYPE html>
                <html lang="zh-CN">
                <head>
                <meta charset="utf-8">
                <title>%1$s %2$s</title>
                <style>
                body { font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", serif; max-width: 42em; margin: 2em auto; line-height: 1.9; }
                h1 { text-align: center; letter-spacing: .3em; }
                .number { text-align: center; }
                .seal { text-align: right; margin-top: 3em; }
                @media print { body { margin: 0; } @page { size: A4; margin: 25mm 20mm; } }
                </style>
                </head>
                <body>
                <h1>%1$s</h1>
                <p class="number">编号：%2$s</p>
                <p>%3$s：</p>
                <p>%4$s</p>
                %5$s
                <dl>
                <dt>办理事项</dt><dd>%6$s（%7$s）</dd>
                <dt>申请编号</dt><dd>%2$s</dd>
                <dt>经办人</dt><dd>%8$s</dd>
                </dl>
                <p class="seal">%9$s<br>%10$s</p>
                </body>
                </html>
                """.formatted(title, e(row.number()), e(applicant), body, remedy, e(row.serviceName()), e(row.serviceCode()),
                e(official.displayName()), e(row.departmentName()), DATE.format(day));
    }

    private static String e(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
