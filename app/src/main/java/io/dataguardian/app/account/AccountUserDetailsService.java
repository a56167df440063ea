package io.dataguardian.app.account;

import java.util.List;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Loads a user and the roles of its memberships for Spring Security. */
@Service
public class AccountUserDetailsService implements UserDetailsService {

    private final AccountRepository accounts;

    public AccountUserDetailsService(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        AccountRepository.UserRow user = accounts.findUser(username)
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
        List<SimpleGrantedAuthority> authorities = accounts.memberships(user.id()).stream()
                .map(m -> m.role().authority())
                .distinct()
                .map(SimpleGrantedAuthority::new)
                .toList();
        return User.withUsername(user.username())
                .password(user.passwordHash())
                .disabled(!user.enabled())
                .authorities(authorities)
                .build();
    }
}
