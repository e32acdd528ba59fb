package org.onestop;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** OneStop (一站通): the one-stop government online public-service portal. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OneStopApplication {

    public static void main(String[] args) {
        SpringApplication.run(OneStopApplication.class, args);
    }
}
