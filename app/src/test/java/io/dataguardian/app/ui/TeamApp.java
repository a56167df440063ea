package io.dataguardian.app.ui;

import io.dataguardian.app.RunningApp;
import io.dataguardian.app.account.AccountRepository;
import io.dataguardian.app.account.Role;
import java.util.Map;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The embedded default started for page tests, with a team in the administrator's organisation: the viewer vera
 * and the analyst anna, besides admin (whose password the app prints at start-up).
 */
final class TeamApp {

    static final String VIEWER_PASSWORD = "vera-password-12";
    static final String ANALYST_PASSWORD = "anna-password-12";

    private TeamApp() {
    }

    static RunningApp start(Map<String, String> settings) {
        RunningApp app = RunningApp.start(settings);
        AccountRepository accounts = app.context().getBean(AccountRepository.class);
        PasswordEncoder encoder = app.context().getBean(PasswordEncoder.class);
        long org = accounts.memberships(accounts.findUser("admin").orElseThrow().id()).get(0).organisationId();
        accounts.addMembership(accounts.createUser("vera", encoder.encode(VIEWER_PASSWORD)), org, Role.VIEWER);
        accounts.addMembership(accounts.createUser("anna", encoder.encode(ANALYST_PASSWORD)), org, Role.ANALYST);
        return app;
    }
}
