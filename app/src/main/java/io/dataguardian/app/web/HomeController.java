package io.dataguardian.app.web;

import java.security.Principal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.dataguardian.app.account.AccountRepository;

/** Placeholder home page: who is logged in and in which organisations. */
@Controller
class HomeController {

    private final AccountRepository accounts;

    HomeController(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/")
    String home(Principal principal, Model model) {
        model.addAttribute("username", principal.getName());
        model.addAttribute("memberships", accounts.findUser(principal.getName())
                .map(user -> accounts.memberships(user.id()))
                .orElse(java.util.List.of()));
        return "home";
    }
}
