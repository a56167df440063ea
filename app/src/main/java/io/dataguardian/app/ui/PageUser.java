package io.dataguardian.app.ui;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** The signed-in user as the page chrome needs them: name and what the menus may offer. From the session, no query. */
public record PageUser(String username, String role, boolean admin, boolean canSubmit) {

    static PageUser of(Authentication auth) {
        String role = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).sorted().findFirst().orElse("VIEWER");
        boolean admin = auth.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
        boolean submit = admin || auth.getAuthorities().stream().anyMatch(a -> "ROLE_ANALYST".equals(a.getAuthority()));
        return new PageUser(auth.getName(), admin ? "ADMIN" : role, admin, submit);
    }
}
