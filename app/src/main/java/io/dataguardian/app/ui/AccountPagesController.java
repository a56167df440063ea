package io.dataguardian.app.ui;

import io.dataguardian.app.scan.ApiUsers;
import io.dataguardian.app.session.SessionService;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "My sessions" for every signed-in user: their own sessions by opaque id, each with a sign-out button. */
@Controller
class AccountPagesController {

    private final ApiUsers users;
    private final SessionService sessions;

    AccountPagesController(ApiUsers users, SessionService sessions) {
        this.users = users;
        this.sessions = sessions;
    }

    @GetMapping("/account/sessions")
    String mine(HttpServletRequest request, Model model) {
        model.addAttribute("sessions", AdminPagesController.SessionRow.of(
                sessions.mine(users.current(), AdminPagesController.currentSessionId(request))));
        model.addAttribute("scope", "mine");
        return "admin/sessions";
    }

    @PostMapping("/account/sessions/{id}/revoke")
    String revoke(@PathVariable String id, RedirectAttributes redirect) {
        sessions.revokeMine(users.current(), id);
        redirect.addFlashAttribute("done", "sessions.revoked");
        return "redirect:/account/sessions";
    }
}
