package io.dataguardian.app.account;

import java.util.Optional;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * User name and password logins (form and HTTP Basic) with the account lock and the per-address limit. Every refusal
 * is the same {@link BadCredentialsException} ("Wrong user name or password."), whatever the cause — unknown user,
 * wrong password, locked, disabled, address limited — and the password encoder runs for every attempt (against a
 * dummy hash when the user does not exist) so neither the answer nor its timing tells whether a user name exists.
 */
public class LockoutAuthenticationProvider implements AuthenticationProvider {

    static final String REFUSED = "Wrong user name or password.";

    private final AccountRepository accounts;
    private final AccountUserDetailsService users;
    private final PasswordEncoder encoder;
    private final LoginThrottle throttle;
    private final SecurityAudit audit;
    private final String dummyHash;

    public LockoutAuthenticationProvider(AccountRepository accounts, AccountUserDetailsService users,
            PasswordEncoder encoder, LoginThrottle throttle, SecurityAudit audit) {
        this.accounts = accounts;
        this.users = users;
        this.encoder = encoder;
        this.throttle = throttle;
        this.audit = audit;
        this.dummyHash = encoder.encode("dummy-password-for-unknown-users");
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName() == null ? "" : authentication.getName().trim();
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        String address = ClientAddress.truncate(remoteAddress(authentication));

        Optional<AccountRepository.LoginState> found = username.isEmpty() ? Optional.empty() : accounts.findLoginState(username);
        boolean matches = encoder.matches(password, found.map(AccountRepository.LoginState::passwordHash).orElse(dummyHash));

        if (throttle.addressBlocked(address)) {
            audit.addressLimited(address);
            throw new BadCredentialsException(REFUSED);
        }
        if (found.isEmpty()) {
            throttle.recordAddressFailure(address);
            audit.loginFailed(null, username, address, "unknown user");
            throw new BadCredentialsException(REFUSED);
        }
        AccountRepository.LoginState user = found.get();
        if (throttle.isLocked(user)) {
            throttle.recordAddressFailure(address);
            audit.loginFailed(user.id(), user.username(), address, "locked");
            throw new BadCredentialsException(REFUSED);
        }
        if (!matches) {
            throttle.recordAddressFailure(address);
            audit.loginFailed(user.id(), user.username(), address, "wrong password");
            if (throttle.recordFailure(user)) {
                audit.lockedOut(user.id(), user.username(), address);
            }
            throw new BadCredentialsException(REFUSED);
        }
        if (!user.enabled()) {
            audit.loginFailed(user.id(), user.username(), address, "disabled");
            throw new BadCredentialsException(REFUSED);
        }
        throttle.recordSuccess(user);
        UserDetails details = users.loadUserByUsername(user.username());
        UsernamePasswordAuthenticationToken result = UsernamePasswordAuthenticationToken.authenticated(
                details, null, details.getAuthorities());
        result.setDetails(authentication.getDetails());
        return result;
    }

    private static String remoteAddress(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
