package org.onestop.account;

import org.onestop.account.identity.PasswordPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AccountConfiguration {

    /** Loads the bundled list of common passwords once. */
    @Bean
    PasswordPolicy passwordPolicy() {
        return new PasswordPolicy();
    }
}
