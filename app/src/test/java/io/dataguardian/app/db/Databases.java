package io.dataguardian.app.db;

import java.util.ArrayList;
import java.util.List;

/**
 * The two databases a repository test runs on, created once per test class:
 * {@code @MethodSource} returns {@link #all()}, {@code @AfterAll} calls {@link #close()}.
 */
public final class Databases implements AutoCloseable {

    private final List<TestDatabase> all = new ArrayList<>();

    public synchronized List<TestDatabase> all() {
        if (all.isEmpty()) {
            all.add(TestDatabase.postgres());
            all.add(TestDatabase.h2());
        }
        return all;
    }

    @Override
    public synchronized void close() {
        for (TestDatabase db : all) {
            db.drop();
        }
        all.clear();
    }
}
