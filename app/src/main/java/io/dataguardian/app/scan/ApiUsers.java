package io.dataguardian.app.scan;

import io.dataguardian.app.account.AccountRepository;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Resolves the {@link ApiUser} of the current request from the security context. */
@Component
public class ApiUsers {

    private final AccountRepository accounts;

    public ApiUsers(AccountRepository accounts) {
        this.accounts = accounts;
    }

    public ApiUser current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "sign in first");
        }
        AccountRepository.UserRow user = accounts.findUser(auth.getName())
                .orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, "unknown user"));
        var memberships = accounts.memberships(user.id());
        if (memberships.isEmpty()) {
            throw ApiException.forbidden("the user belongs to no organisation");
        }
        var m = memberships.get(0);
        return new ApiUser(user.id(), user.username(), m.organisationId(), m.role());
    }
}
