package io.dataguardian.app.system;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** The URL a user opens on this machine, with the port the server actually listens on. */
@Component
public class ApplicationUrl {

    private final ApplicationContext context;
    private final Environment environment;

    public ApplicationUrl(ApplicationContext context, Environment environment) {
        this.context = context;
        this.environment = environment;
    }

    public String get() {
        int port = context instanceof WebServerApplicationContext web && web.getWebServer() != null
                ? web.getWebServer().getPort()
                : environment.getProperty("server.port", Integer.class, 8080);
        String path = environment.getProperty("server.servlet.context-path", "");
        return "http://localhost:" + port + path + "/";
    }
}
