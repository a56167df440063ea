package io.dataguardian.app.session;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.transaction.support.TransactionTemplate;

import io.dataguardian.app.account.AccountRepository;

/**
 * Sessions in the database (Spring Session JDBC). The per-user lock is {@code SELECT ... FOR UPDATE} on the user's
 * row, held for the short transaction that checks and trims the user's sessions. Expired rows are deleted by Spring
 * Session's own cleanup (one DELETE per node per minute, no lock, see docs/sessions.md).
 */
class JdbcSessionStore implements SessionStore {

    private final FindByIndexNameSessionRepository<? extends Session> sessions;
    private final AccountRepository accounts;
    private final TransactionTemplate transaction;
    private final JdbcClient jdbc;

    JdbcSessionStore(JdbcIndexedSessionRepository sessions, AccountRepository accounts, TransactionTemplate transaction,
                     JdbcClient jdbc) {
        this.sessions = sessions;
        this.accounts = accounts;
        this.transaction = transaction;
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, ? extends Session> sessionsOf(String username) {
        Map<String, Session> live = new LinkedHashMap<>();
        Map<String, ? extends Session> found = sessions.findByIndexNameAndIndexValue(
                FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, username);
        for (Map.Entry<String, ? extends Session> e : found.entrySet()) {
            if (!e.getValue().isExpired()) {
                live.put(e.getKey(), e.getValue());
            }
        }
        return live;
    }

    @Override
    public void delete(String sessionId) {
        sessions.deleteById(sessionId);
    }

    @Override
    public <T> T withUserLock(String username, Supplier<T> action) {
        return transaction.execute(status -> {
            accounts.lockUserRow(username);
            return action.get();
        });
    }

    @Override
    public Counts count() {
        return jdbc.sql("SELECT COUNT(*), COUNT(DISTINCT PRINCIPAL_NAME) FROM SPRING_SESSION WHERE EXPIRY_TIME > ?")
                .param(System.currentTimeMillis())
                .query((rs, n) -> new Counts(rs.getLong(1), rs.getLong(2))).single();
    }

    @Override
    public String kind() {
        return "jdbc";
    }
}
