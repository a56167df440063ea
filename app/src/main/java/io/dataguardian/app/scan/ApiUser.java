package io.dataguardian.app.scan;

import io.dataguardian.app.account.Role;

/** The signed-in user as the API sees them: their organisation (the first membership) and role there. */
public record ApiUser(long userId, String username, long orgId, Role role) {

    public boolean canSubmit() {
        return role == Role.ADMIN || role == Role.ANALYST;
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    public void requireSubmit() {
        if (!canSubmit()) {
            throw ApiException.forbidden("a viewer may read scans but not start or cancel them");
        }
    }
}
