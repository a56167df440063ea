package io.dataguardian.app.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Logs where to open the application once it serves requests. */
@Component
class StartupReport {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    private final ApplicationUrl url;

    StartupReport(ApplicationUrl url) {
        this.url = url;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        log.info("DataGuardian Pro is serving at {}", url.get());
    }
}
