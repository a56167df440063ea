package io.dataguardian.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class DataGuardianApplication {

    public static void main(String[] args) {
        SpringApplication.run(DataGuardianApplication.class, args);
    }
}
