package io.dataguardian.app.session;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.dataguardian.app.scan.ApiUsers;

/** {@code /api/sessions/mine} for everyone, {@code /api/admin/sessions} for administrators (docs/sessions.md). */
@RestController
class SessionController {

    private final ApiUsers users;
    private final SessionService sessions;

    SessionController(ApiUsers users, SessionService sessions) {
        this.users = users;
        this.sessions = sessions;
    }

    @GetMapping("/api/sessions/mine")
    List<SessionService.SessionView> mine(HttpServletRequest request) {
        return sessions.mine(users.current(), currentId(request));
    }

    @DeleteMapping("/api/sessions/mine/{id}")
    ResponseEntity<Void> revokeMine(@PathVariable String id) {
        sessions.revokeMine(users.current(), id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/admin/sessions")
    List<SessionService.SessionView> organisation(HttpServletRequest request) {
        return sessions.organisation(users.current(), currentId(request));
    }

    @DeleteMapping("/api/admin/sessions/{id}")
    ResponseEntity<Void> revoke(@PathVariable String id) {
        sessions.revokeInOrganisation(users.current(), id);
        return ResponseEntity.noContent().build();
    }

    private static String currentId(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : session.getId();
    }
}
