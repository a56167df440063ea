package io.dataguardian.app.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueryNamesTest {

    @Test
    void aStatementIsNamedByItsKeywordAndMainTable() {
        assertThat(QueryNames.rawName("select id, x from findings where scan_id = ? order by id")).isEqualTo("select findings");
        assertThat(QueryNames.rawName("  SELECT count(*) FROM public.Scans s")).isEqualTo("select scans");
        assertThat(QueryNames.rawName("insert into audit_log (a) values (?)")).isEqualTo("insert audit_log");
        assertThat(QueryNames.rawName("update scans set status = ?")).isEqualTo("update scans");
        assertThat(QueryNames.rawName("delete from scan_file_errors where id = ?")).isEqualTo("delete scan_file_errors");
        assertThat(QueryNames.rawName("copy findings (a, b) from stdin")).isEqualTo("copy findings");
        assertThat(QueryNames.rawName("with x as (select 1) select * from x")).isEqualTo("select x");
        assertThat(QueryNames.rawName("SET statement_timeout = 5")).isEqualTo("set");
        assertThat(QueryNames.rawName("select 1")).isEqualTo("select");
    }

    @Test
    void namesAreBoundedSoAMeterTagCannotExplode() {
        QueryNames names = new QueryNames();
        for (int i = 0; i < QueryNames.MAX_NAMES; i++) {
            assertThat(names.nameOf("select * from t" + i)).isEqualTo("select t" + i);
        }
        assertThat(names.nameOf("select * from one_too_many")).isEqualTo("other");
        assertThat(names.nameOf("select * from t7")).isEqualTo("select t7");
    }

    @Test
    void redactionRemovesEveryLiteral() {
        String sql = "select * from users where email = 'jan.jansen@example.nl' and bsn = 123456782"
                + " and note = 'it''s'   and x = ?";
        assertThat(QueryNames.redact(sql))
                .isEqualTo("select * from users where email = ? and bsn = ? and note = ? and x = ?")
                .doesNotContain("jan").doesNotContain("123456782");
        assertThat(QueryNames.redact("select t1.a from t1 where $1 = c2")).isEqualTo("select t1.a from t1 where $1 = c2");
    }
}
