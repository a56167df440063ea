package io.dataguardian.app.ui;

import io.dataguardian.app.scan.ApiException;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;

/**
 * For the server-rendered pages only (ui, dashboard and the home page): the signed-in user and the language for
 * the page chrome, and a refusal of the services (404 of another organisation's scan, 403 of a viewer) shown as
 * the matching error page instead of the API's JSON.
 */
@ControllerAdvice(basePackages = {"io.dataguardian.app.ui", "io.dataguardian.app.dashboard", "io.dataguardian.app.web"})
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageModelAdvice {

    @ModelAttribute("currentUser")
    PageUser currentUser() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return null;
        }
        return PageUser.of(auth);
    }

    @ModelAttribute("lang")
    String lang(Locale locale) {
        return locale.getLanguage();
    }

    @ExceptionHandler(ApiException.class)
    ModelAndView refused(ApiException e) {
        int status = e.status().value();
        String view = switch (status) {
            case 403, 404, 413, 503 -> "error/" + status;
            default -> status >= 500 ? "error/500" : "error/4xx";
        };
        ModelAndView mav = new ModelAndView(view);
        mav.setStatus(e.status());
        mav.addObject("status", status);
        mav.addObject("message", e.getMessage());
        return mav;
    }
}
