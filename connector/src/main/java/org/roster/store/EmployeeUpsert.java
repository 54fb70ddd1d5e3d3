package org.roster.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.roster.directory.Employee;
import org.roster.policy.Names;
import org.roster.policy.PersonField;
import org.roster.policy.ScopeDecision;
import org.roster.sync.DirectorySnapshot.Decided;

/**
 * Writes a batch of decided employees in one set-based statement, and has the database analyse
 * the directory's tables as a first sync fills them.
 */
final class EmployeeUpsert {

    private final StoreAccess access;

    EmployeeUpsert(StoreAccess access) {
        this.access = access;
    }

    /**
     * Writes the employees as {@link #upsert} does, in the caller's unit of work, and has the tables
     * analysed when they have grown enough since the last time.
     *
     * @param employees at most one per identity
     */
    void write(long runId, List<Decided> employees) {
        analyseAsTheDirectoryGrows(upsert(runId, employees));
    }

    /**
     * Inserts or updates a batch of employees, active again, with their {@link Decided#fingerprint}
     * and read fingerprint, and their group memberships as read; forgets what they were last
     * rejected as, drops the basis of the last plan (the directory it was made from has changed);
     * counts the new ones.
     */
    private static final String UPSERT_EMPLOYEES;

    static {
        String text = String.join(", ", EmployeeRows.TEXT);
        String columns = text
                + ", in_scope, contact_allowed, region_guessed, status, last_seen_run, updated_at, gone_at";
        String arrays = String.join(", ", Collections.nCopies(EmployeeRows.TEXT.size(), "?::varchar[]"));
        String updates = String.join(", ", Arrays.stream(columns.split(", ")).filter(c -> !c.equals("id"))
                .map(c -> c + " = excluded." + c).toList());
        UPSERT_EMPLOYEES = "with written as (insert into employee (" + columns + ") select " + text
                + ", in_scope, contact_allowed, region_guessed, 'ACTIVE', ?, ?, null from unnest(" + arrays
                + ", ?::boolean[], ?::boolean[], ?::boolean[]) as u(" + text
                + ", in_scope, contact_allowed, region_guessed) "
                + "on conflict (id) do update set " + updates + " returning xmax = 0 as created), "
                + "forgotten as (delete from rejected_read where employee_id = any (?::varchar[])), "
                + "unplanned as (delete from viewer_digest where viewer_id = ?), "
                // group memberships: the ones they no longer have go, the new ones come, the rest stay
                + "members as (select * from unnest(?::varchar[], ?::varchar[]) as m(employee_id, group_dn)), "
                + "dropped as (delete from employee_group g where g.employee_id = any (?::varchar[]) "
                + "and not exists (select 1 from members m where m.employee_id = g.employee_id "
                + "and m.group_dn = g.group_dn)), "
                + "gained as (insert into employee_group (employee_id, group_dn) select employee_id, group_dn "
                + "from members on conflict do nothing) "
                + "select count(*) filter (where created) from written";
    }

    /**
     * Writes the employees as decided, new or not, in one statement whose columns arrive as arrays:
     * one round trip and one plan for the whole batch, where the persistence provider would send a
     * statement per row and first load every row it changes. Whoever was gone is active again.
     * What a batch writes besides goes with it in the same statement: one round trip in all.
     *
     * @param employees at most one per identity
     * @return how many of them were new
     */
    private int upsert(long runId, List<Decided> employees) {
        int n = employees.size();
        String[][] text = new String[EmployeeRows.TEXT.size()][n];
        Boolean[] inScope = new Boolean[n];
        Boolean[] contactAllowed = new Boolean[n];
        Boolean[] regionGuessed = new Boolean[n];
        List<String> members = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Decided decided = employees.get(i);
            Employee employee = decided.employee();
            Map<PersonField, String> values = employee.values();
            ScopeDecision scope = decided.scope();
            int c = 0;
            text[c++][i] = employee.id();
            text[c++][i] = employee.reference();
            for (PersonField field : EmployeeRows.STORED_FIELDS) {
                text[c++][i] = values.get(field);
            }
            text[c++][i] = Names.dn(employee.reference());
            String manager = values.get(PersonField.MANAGER);
            text[c++][i] = manager == null ? null : Names.dn(manager);
            text[c++][i] = scope.ruleId();
            text[c++][i] = EmployeeRows.reasonOf(scope);
            text[c++][i] = decided.readFingerprint().isEmpty() ? null : decided.readFingerprint();
            text[c][i] = decided.fingerprint();
            inScope[i] = scope.receives();
            contactAllowed[i] = scope.delivered();
            regionGuessed[i] = decided.regionGuessed();
            for (String group : employee.groups()) {
                members.add(employee.id());
                groups.add(group);
            }
        }
        OffsetDateTime now = access.now();
        return access.jdbc("saving employees", connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(StoreAccess.UNHURRIED + UPSERT_EMPLOYEES)) {
                int p = 1;
                upsert.setLong(p++, runId);
                upsert.setObject(p++, now);
                for (String[] column : text) {
                    upsert.setArray(p++, StoreAccess.texts(connection, column));
                }
                upsert.setArray(p++, connection.createArrayOf("bool", inScope));
                upsert.setArray(p++, connection.createArrayOf("bool", contactAllowed));
                upsert.setArray(p++, connection.createArrayOf("bool", regionGuessed));
                upsert.setArray(p++, StoreAccess.texts(connection, text[0]));
                upsert.setString(p++, StoreAccess.PLAN_BASIS);
                upsert.setArray(p++, StoreAccess.texts(connection, members));
                upsert.setArray(p++, StoreAccess.texts(connection, groups));
                upsert.setArray(p, StoreAccess.texts(connection, text[0]));
                upsert.execute();
                upsert.getMoreResults();
                try (ResultSet created = upsert.getResultSet()) {
                    created.next();
                    return created.getInt(1);
                }
            }
        });
    }

    /** Employees this store created since it last had the database analyse the directory's tables. */
    private long createdSinceAnalysis;
    /** Employees this store had created when it last had them analysed. */
    private long createdAtAnalysis;

    /**
     * Has the database refresh its statistics of the directory's tables whenever this store has
     * created four times the employees it had at the last analysis (from a thousand on; statistics
     * a few times off still choose an index for a lookup by id): a first sync fills an empty table far
     * faster than autovacuum looks at it, and plans made from the statistics of an empty table scan
     * what a lookup by id should find. Only the columns a run's own statements select employees by are
     * analysed (a fifth of the work of all thirty at 64k rows); autovacuum analyses the rest once the
     * load is done, as it would have anyway.
     */
    private void analyseAsTheDirectoryGrows(int created) {
        createdSinceAnalysis += created;
        if (createdSinceAnalysis >= Math.max(1_000, 3 * createdAtAnalysis)) {
            access.em.flush();
            // only the tables' owner may analyse them: its function does it for the application's role
            access.em.createNativeQuery("select analyze_directory()").getResultList();
            createdAtAnalysis += createdSinceAnalysis;
            createdSinceAnalysis = 0;
        }
    }}
