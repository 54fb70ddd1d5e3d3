package org.roster.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.roster.directory.Employee;
import org.roster.policy.Person;
import org.roster.policy.PersonField;
import org.roster.policy.ScopeDecision;
import org.roster.store.JpaStateStore;
import org.roster.sync.RunProgress;
import org.roster.sync.StateStore;

/**
 * Roster's JPA store on a real PostgreSQL (Debian's server programs, as the bench runs them), for
 * what only a database shows: the set-based statements the store writes a batch with, the question
 * a run asks before it plans, and the units a run commits its calls in. The rest of the store is
 * exercised by the application's integration tests on Liberty.
 */
class JpaStateStoreOnPostgresTest {

    @RegisterExtension
    static final FreshDatabase DATABASE = new FreshDatabase("store");

    private RosterDatabase db;
    private JpaStateStore store;
    private long run;

    @BeforeEach
    void anEmptyDatabase() throws Exception {
        db = DATABASE.db();
        store = db.store;
        run = db.startRun("test");
    }

    /** Ends this run and starts the next: one run is active at a time. */
    private long nextRun() {
        db.finishRun(run, true);
        run = db.startRun("test");
        return run;
    }

    @Test
    void aBatchSavesItsEmployeesGroupMembershipsAsReadDroppingTheOnesTheyNoLongerHave() {
        store.saveEntries(run, List.of(decided("p1", Set.of("cn=a", "cn=b"), true),
                decided("p2", Set.of("cn=b"), true)), List.of());

        assertThat(ids(store.activeInGroup("cn=a"))).containsExactly("p1");
        assertThat(ids(store.activeInGroup("cn=b"))).containsExactlyInAnyOrder("p1", "p2");

        // read again: p1 left a and joined c, p2 is unchanged
        store.saveEntries(nextRun(), List.of(decided("p1", Set.of("cn=b", "cn=c"), true),
                decided("p2", Set.of("cn=b"), true)), List.of());

        assertThat(store.activeInGroup("cn=a")).isEmpty();
        assertThat(ids(store.activeInGroup("cn=b"))).containsExactlyInAnyOrder("p1", "p2");
        assertThat(ids(store.activeInGroup("cn=c"))).containsExactly("p1");
    }

    @Test
    void theLastPlanStandsOnItsOwnBasisOnlyAndUntilAnEmployeeIsWrittenAgain() {
        // nobody receives contacts: a plan made covers every viewer there is
        store.saveEntries(run, List.of(decided("p1", Set.of(), false), decided("p2", Set.of(), false)), List.of());

        assertThat(store.planning("policy-1")).isEqualTo(new StateStore.Planning(0, false));
        store.planMade("policy-1", run);
        assertThat(store.planning("policy-1").stands()).isTrue();
        assertThat(store.planning("policy-2").stands()).as("made on another policy").isFalse();

        store.saveEntries(nextRun(), List.of(decided("p1", Set.of("cn=new"), false)), List.of());

        assertThat(store.planning("policy-1").stands()).as("the directory changed").isFalse();
    }

    @Test
    void thePlanningQuestionCountsTheViewersAndAViewerWithoutADigestMeansThePlanDoesNotStand() {
        store.saveEntries(run, List.of(decided("p1", Set.of(), true), decided("p2", Set.of(), true),
                decided("p3", Set.of(), false)), List.of());
        store.planMade("policy-1", run);

        StateStore.Planning planning = store.planning("policy-1");

        assertThat(planning.viewers()).isEqualTo(2);
        assertThat(planning.stands()).as("neither viewer was given a contact set").isFalse();
    }

    @Test
    void theCallsOfAUnitAreCommittedTogetherOrNotAtAll() throws Exception {
        assertThatThrownBy(() -> store.together(() -> {
            store.saveEntries(run, List.of(decided("p1", Set.of("cn=a"), true)), List.of());
            throw new IllegalStateException("the run failed before its unit ended");
        })).hasMessage("the run failed before its unit ended");

        assertThat(store.byReference(reference("p1"))).as("nothing of the unit is kept").isEmpty();
        assertThat(store.countViewers()).isZero();

        RunProgress progress = new RunProgress(0);
        progress.stage(RunProgress.Stage.PLANNING);
        StateStore.Planning asked = store.together(() -> {
            store.saveEntries(run, List.of(decided("p1", Set.of("cn=a"), true)), List.of());
            store.saveProgress(run, progress);
            return store.planning("policy-1");
        });

        assertThat(asked.viewers()).as("a call in the unit sees what an earlier one wrote").isEqualTo(1);
        assertThat(store.byReference(reference("p1"))).isPresent();
        assertThat(stage(run)).isEqualTo("PLANNING");
    }

    @Test
    void aBatchIsToldTheSelfServiceChoicesOfAllAndTheStoredFingerprintsOfThoseAsked() throws Exception {
        store.saveEntries(run, List.of(decided("p1", Set.of(), true), decided("p2", Set.of(), true)), List.of());
        execute("insert into self_service (employee_id, opted_out, opted_in, updated_at) values "
                + "('p2', true, false, now()), ('p9', false, true, now())");

        StateStore.Known known = store.known(List.of("p1", "p2", "p9"), List.of("p1"));

        assertThat(known.choices()).containsOnly(Map.entry("p2", new Person.SelfService(true, false)),
                Map.entry("p9", new Person.SelfService(false, true)));
        assertThat(known.fingerprints()).containsOnlyKeys("p1");
        assertThat(known.fingerprints().get("p1")).isEqualTo(decided("p1", Set.of(), true).fingerprint());
    }

    private StateStore.Decided decided(String id, Set<String> groups, boolean receives) {
        Employee employee = new Employee(id, reference(id), Map.of(PersonField.SURNAME, "Surname " + id,
                PersonField.MOBILE, "+4915123456" + id.substring(1)), groups);
        ScopeDecision scope = receives ? new ScopeDecision.Included("has-mobile")
                : new ScopeDecision.Excluded("contractors", "contractors receive no contacts");
        return new StateStore.Decided(employee, scope);
    }

    private static String reference(String id) {
        return "uid=" + id + ",ou=people,dc=example,dc=org";
    }

    private static List<String> ids(List<Employee> employees) {
        return employees.stream().map(Employee::id).toList();
    }

    private String stage(long runId) throws Exception {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             var row = statement.executeQuery("select stage from sync_run where id = " + runId)) {
            row.next();
            return row.getString(1);
        }
    }

    private void execute(String sql) throws Exception {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private Connection connect() throws Exception {
        return DATABASE.connect();
    }
}
