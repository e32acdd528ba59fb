package org.onestop.inquiry;

import org.onestop.inquiry.screening.SensitiveWords;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class InquiryConfiguration {

    /** The word lists are read once; screening a question is then one pass over its text. */
    @Bean
    SensitiveWords sensitiveWords() {
        return SensitiveWords.fromClasspath();
    }
}
