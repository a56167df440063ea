package io.dataguardian.app.account;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer dgp_...} on {@code /api/**}: the token's user for this request only (nothing is put
 * in a session). Unknown, revoked or expired tokens get 401; a token outside its scopes, or on an endpoint tokens
 * may not use ({@code /api/scans/**} only), gets 403. A request with a token needs no CSRF token: no cookie is
 * involved, so a third-party page cannot forge it.
 */
public class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

    /** Requests that carry a bearer token (CSRF is not applied to them). */
    public static final RequestMatcher BEARER = request -> {
        String h = request.getHeader(HttpHeaders.AUTHORIZATION);
        return h != null && h.regionMatches(true, 0, "Bearer ", 0, 7);
    };

    private final ApiTokenService tokens;
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

    public ApiTokenAuthenticationFilter(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!BEARER.matches(request)) {
            chain.doFilter(request, response);
            return;
        }
        String secret = request.getHeader(HttpHeaders.AUTHORIZATION).substring(7).trim();
        Optional<ApiTokenService.TokenPrincipal> principal = tokens.authenticate(secret);
        if (principal.isEmpty()) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
            write(response, 401, "Unauthorized", "the API token is unknown, revoked or expired");
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        TokenScope needed = needed(request.getMethod(), path);
        if (needed == null) {
            write(response, 403, "Forbidden", "API tokens may call /api/scans/** only");
            return;
        }
        ApiTokenService.TokenPrincipal p = principal.get();
        if (!p.token().scopes().contains(needed)) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\", scope=\"" + needed.value() + "\"");
            write(response, 403, "Forbidden", "the API token lacks the scope " + needed.value());
            return;
        }
        var authorities = new java.util.ArrayList<SimpleGrantedAuthority>();
        authorities.add(new SimpleGrantedAuthority(p.role().authority()));
        p.token().scopes().forEach(s -> authorities.add(new SimpleGrantedAuthority("SCOPE_" + s.value())));
        UsernamePasswordAuthenticationToken auth =
                UsernamePasswordAuthenticationToken.authenticated(p.username(), null, List.copyOf(authorities));
        auth.setDetails("api-token:" + p.token().prefix());
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(auth);
        holder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            holder.clearContext();
        }
    }

    /** The scope a token needs for this request, or null when tokens may not call it. */
    static TokenScope needed(String method, String path) {
        if (!(path.equals("/api/scans") || path.startsWith("/api/scans/"))) {
            return null;
        }
        return switch (method) {
            case "GET", "HEAD", "OPTIONS" -> TokenScope.SCANS_READ;
            default -> TokenScope.SCANS_WRITE;
        };
    }

    private static void write(HttpServletResponse response, int status, String error, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.getWriter().write("{\"error\":\"" + error + "\",\"message\":\"" + message + "\"}");
    }
}
