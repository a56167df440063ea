package io.dataguardian.app.account;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.dataguardian.app.scan.ApiUsers;

/** The signed-in user's own API tokens (session login only: a token cannot mint tokens). */
@RestController
@RequestMapping("/api/tokens")
class ApiTokenController {

    record CreateTokenRequest(String name, List<String> scopes, Integer expiresInDays) {
    }

    private final ApiUsers users;
    private final ApiTokenService tokens;

    ApiTokenController(ApiUsers users, ApiTokenService tokens) {
        this.users = users;
        this.tokens = tokens;
    }

    @PostMapping
    ResponseEntity<ApiTokenService.CreatedToken> create(@RequestBody CreateTokenRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(tokens.create(users.current(), request.name(), request.scopes(), request.expiresInDays()));
    }

    @GetMapping
    List<ApiTokenService.TokenView> list() {
        return tokens.list(users.current());
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(@PathVariable long id) {
        tokens.revoke(users.current(), id);
        return ResponseEntity.noContent().build();
    }
}
