package io.dataguardian.app.account;

import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.dataguardian.app.scan.ApiException;
import io.dataguardian.app.scan.ApiUsers;

/** {@code /api/admin/users}: the organisation's users, for its administrators (docs/security.md). */
@RestController
@RequestMapping("/api/admin/users")
class UserAdminController {

    record CreateUserRequest(String username, String password, String role) {
        @Override
        public String toString() {
            return "CreateUserRequest[username=" + username + ", role=" + role + "]";
        }
    }

    record ChangeUserRequest(String role, Boolean enabled) {
    }

    private final ApiUsers users;
    private final UserAdminService service;

    UserAdminController(ApiUsers users, UserAdminService service) {
        this.users = users;
        this.service = service;
    }

    @GetMapping
    List<AccountRepository.MemberRow> list() {
        return service.list(users.current());
    }

    @GetMapping("/{id}")
    AccountRepository.MemberRow get(@PathVariable long id) {
        return service.get(users.current(), id);
    }

    @PostMapping
    ResponseEntity<AccountRepository.MemberRow> create(@RequestBody CreateUserRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(service.create(users.current(), request.username(), request.password(), role(request.role())));
    }

    @PatchMapping("/{id}")
    AccountRepository.MemberRow change(@PathVariable long id, @RequestBody ChangeUserRequest request) {
        return service.change(users.current(), id, request.role() == null ? null : role(request.role()), request.enabled());
    }

    private static Role role(String value) {
        try {
            return value == null ? null : Role.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException ex) {
            throw ApiException.badRequest("role: one of ADMIN, ANALYST, VIEWER");
        }
    }
}
