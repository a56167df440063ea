package db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Makes the findings insert path cheaper (docs/database.md, "Findings insert path").
 *
 * <p>Both databases: drops {@code ix_findings_org_fingerprint}. No product query looks findings up by
 * fingerprint across an organisation; the scan comparison matches fingerprints within two scans and reads
 * them through {@code ix_findings_scan_id}. The random 64-hex key made every insert touch a random page.
 *
 * <p>PostgreSQL only: the composite foreign key {@code findings (organisation_id, scan_id) -> scans} ran one
 * lookup and row lock per inserted row. It is replaced by statement-level triggers with transition tables
 * that keep both of its guarantees: an insert (or update) whose rows name a scan of another organisation,
 * or no scan, fails as a whole (SQLState 23503, as the foreign key did), and the scans it names are locked
 * FOR KEY SHARE until commit, so a concurrent delete waits; deleting scans deletes their findings. H2 keeps
 * the foreign key (it is not the fast path and has no transition tables).
 */
public class V6__findings_insert_path extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        try (Statement s = c.createStatement()) {
            s.execute("drop index ix_findings_org_fingerprint");
            if (!postgres) {
                return;
            }
            s.execute("alter table findings drop constraint fk_findings_scan");
            s.execute("""
                    create function findings_check_scans() returns trigger language plpgsql as $$
                    declare
                        wanted bigint;
                        locked bigint;
                    begin
                        select count(*) into wanted
                          from (select distinct organisation_id, scan_id from new_findings) n;
                        -- as the foreign key did: the scans stay until this transaction ends
                        select count(*) into locked from (
                            select 1 from scans s
                             where (s.organisation_id, s.id) in (select organisation_id, scan_id from new_findings)
                               for key share of s) l;
                        if locked <> wanted then
                            raise exception 'findings refer to a scan that is not in their organisation'
                                using errcode = 'foreign_key_violation', constraint = 'fk_findings_scan';
                        end if;
                        return null;
                    end $$""");
            s.execute("create trigger trg_findings_scan_insert after insert on findings"
                    + " referencing new table as new_findings for each statement execute function findings_check_scans()");
            s.execute("create trigger trg_findings_scan_update after update on findings"
                    + " referencing new table as new_findings for each statement execute function findings_check_scans()");
            s.execute("""
                    create function scans_delete_findings() returns trigger language plpgsql as $$
                    begin
                        delete from findings f using old_scans o
                         where f.scan_id = o.id and f.organisation_id = o.organisation_id;
                        return null;
                    end $$""");
            s.execute("create trigger trg_scans_delete_findings after delete on scans"
                    + " referencing old table as old_scans for each statement execute function scans_delete_findings()");
        }
    }
}
