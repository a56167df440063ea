package io.dataguardian.app.account;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * First-start account settings: {@code DATAGUARDIAN_ADMIN_USER}, {@code DATAGUARDIAN_ADMIN_PASSWORD},
 * {@code DATAGUARDIAN_ORGANISATION}. Only read while the database has no user yet.
 */
@ConfigurationProperties("dataguardian")
public record AccountProperties(Admin admin, @DefaultValue("My organisation") String organisation) {

    public AccountProperties {
        if (admin == null) {
            admin = new Admin("admin", null);
        }
    }

    public record Admin(@DefaultValue("admin") String user, String password) {

        @Override
        public String toString() {
            return "Admin[user=" + user + ", password=" + (password == null ? "none" : "***") + "]";
        }
    }
}
