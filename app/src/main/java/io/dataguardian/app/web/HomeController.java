package io.dataguardian.app.web;

import java.security.Principal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.dataguardian.app.account.AccountRepository;
import io.dataguardian.app.ui.HomeModel;

/** Placeholder home page: who is logged in and in which organisations. */
@Controller
class HomeController {

    private final AccountRepository accounts;
    private final HomeModel homeModel;

    HomeController(AccountRepository accounts, HomeModel homeModel) {
        this.accounts = accounts;
        this.homeModel = homeModel;
    }

    @GetMapping("/")
    String home(Principal principal, Model model, java.util.Locale locale) {
        model.addAttribute("username", principal.getName());
        model.addAttribute("memberships", accounts.findUser(principal.getName())
                .map(user -> accounts.memberships(user.id()))
                .orElse(java.util.List.of()));
        model.addAllAttributes(homeModel.attributes(locale)); // ui: score chart, recent scans, critical findings
        return "home";
    }
}
