package io.dataguardian.app.job;

import io.dataguardian.app.DataGuardianApplication;
import io.dataguardian.engine.scan.ScanListener;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An app node in a JVM of its own, for {@link HardKilledNodeTest}: started with the test classpath and Spring
 * arguments ({@code --name=value}), it holds every scan it runs at its start (after enumerating the files), so the
 * test can kill the process with SIGKILL while the scan is RUNNING on it. Prints {@code NODE-READY <port>} once it
 * serves requests.
 */
public final class ScanNodeProcess {

    private ScanNodeProcess() {
    }

    public static void main(String[] args) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(DataGuardianApplication.class).run(args);
        context.getBean(ScanJobRunner.class).testHook = new ScanListener() {
            @Override
            public void enumerated(long files, long bytes) {
                try {
                    Thread.sleep(Long.MAX_VALUE); // until the test kills this JVM
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        System.out.println("NODE-READY " + port);
        System.out.flush();
    }
}
