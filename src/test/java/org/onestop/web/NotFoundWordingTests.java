package org.onestop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** A not-found problem names the missing thing in the caller's language, or as written when no word is given for it. */
class NotFoundWordingTests {

    private final Problems problems = new Problems(messages());

    private static ResourceBundleMessageSource messages() {
        // As Spring Boot configures the portal's message source (spring.messages in application.yml).
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames("messages", "i18n/disclosure");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    private String detail(ProblemException e, Locale locale) {
        return problems.build(locale, "/api/x", e.status(), e.type(), e.args(), e.fieldProblems()).getDetail();
    }

    @Test
    void documentIsNamedInChineseWhenCallerReadsChinese() {
        assertThat(detail(ProblemException.notFound("document", 5), Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("请求的文件（编号 5）不存在。");
    }

    @Test
    void documentIsNamedInEnglishWhenCallerReadsEnglish() {
        assertThat(detail(ProblemException.notFound("document", 5), Locale.ENGLISH))
                .isEqualTo("The requested document (id 5) does not exist.");
    }

    @Test
    void wordWithSpaceIsTranslatedThroughEscapedKey() {
        assertThat(detail(ProblemException.notFound("record type", "tax"), Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("请求的记录类型（编号 tax）不存在。");
        assertThat(detail(ProblemException.notFound("open311-key", 3), Locale.ENGLISH))
                .isEqualTo("The requested API key (id 3) does not exist.");
    }

    @Test
    void wordWithoutKeyIsShownAsWrittenInEitherLanguage() {
        assertThat(detail(ProblemException.notFound("gadget", 7), Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("请求的gadget（编号 7）不存在。");
        assertThat(detail(ProblemException.notFound("gadget", 7), Locale.ENGLISH))
                .isEqualTo("The requested gadget (id 7) does not exist.");
    }

    @Test
    void wordThatLooksLikeMessageSyntaxIsStillShownAsWritten() {
        // The fallback is the raw word, never parsed as a message pattern.
        assertThat(detail(ProblemException.notFound("it's {0}", 1), Locale.ENGLISH))
                .isEqualTo("The requested it's {0} (id 1) does not exist.");
    }
}
