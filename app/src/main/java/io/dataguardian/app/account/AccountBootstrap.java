package io.dataguardian.app.account;

import java.security.SecureRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

import io.dataguardian.app.system.ApplicationUrl;

/**
 * On the first start (no user in the database) creates one organisation and its administrator. The
 * password comes from {@code DATAGUARDIAN_ADMIN_PASSWORD}; without it one is generated and printed
 * once to the console (standard output, not the log, so a log file never holds it).
 */
@Component
public class AccountBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AccountBootstrap.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int GENERATED_LENGTH = 20;

    private final AccountRepository accounts;
    private final AccountProperties properties;
    private final PasswordEncoder passwordEncoder;
    private final TransactionTemplate transaction;
    private final ApplicationUrl applicationUrl;
    private final SecureRandom random = new SecureRandom();

    public AccountBootstrap(AccountRepository accounts, AccountProperties properties, PasswordEncoder passwordEncoder,
            TransactionTemplate transaction, ApplicationUrl applicationUrl) {
        this.accounts = accounts;
        this.properties = properties;
        this.passwordEncoder = passwordEncoder;
        this.transaction = transaction;
        this.applicationUrl = applicationUrl;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.countUsers() > 0) {
            return;
        }
        String username = properties.admin().user();
        boolean generated = !StringUtils.hasText(properties.admin().password());
        String password = generated ? generatePassword() : properties.admin().password();
        try {
            transaction.executeWithoutResult(status -> {
                long organisation = accounts.createOrganisation(properties.organisation());
                long user = accounts.createUser(username, passwordEncoder.encode(password));
                accounts.addMembership(user, organisation, Role.ADMIN);
            });
        } catch (DuplicateKeyException ex) {
            log.info("Another node created the first administrator at the same time; nothing to do");
            return;
        }
        log.info("Created organisation '{}' and administrator '{}'", properties.organisation(), username);
        if (generated) {
            System.out.println();
            System.out.println("==================================================================");
            System.out.println(" DataGuardian Pro is ready. Open " + applicationUrl.get());
            System.out.println(" Administrator:  " + username);
            System.out.println(" Password:       " + password);
            System.out.println(" This password is shown once and stored only as a hash.");
            System.out.println("==================================================================");
            System.out.println();
            System.out.flush();
        }
    }

    String generatePassword() {
        StringBuilder sb = new StringBuilder(GENERATED_LENGTH);
        for (int i = 0; i < GENERATED_LENGTH; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
