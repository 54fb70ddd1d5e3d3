package org.roster.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roster.audit.InMemoryAuditLog;
import org.roster.demo.DemoDirectory;
import org.roster.demo.DemoDirectoryServer;
import org.roster.directory.Employee;
import org.roster.directory.EntryNormaliser;
import org.roster.directory.PhoneNumbers;
import org.roster.platform.RecordedContactPlatform;
import org.roster.policy.PersonField;
import org.roster.policy.Policies;
import org.roster.policy.Policy;
import org.roster.policy.PolicyEvaluator;
import org.roster.source.Secret;
import org.roster.source.ldap.LdapDirectorySource;
import org.roster.source.ldap.LdapSourceConfig;

/** The whole pipeline over the LDAP protocol, against the seeded demo directory and its mess. */
class DemoDirectorySyncTest {

    private static final int PEOPLE = 300;

    private DemoDirectoryServer ldap;
    private InMemoryStateStore store;
    private SyncPipeline pipeline;
    private long runId;

    @BeforeEach
    void startTheDemoDirectory() {
        ldap = DemoDirectoryServer.start(0, DemoDirectory.of(DemoDirectory.DEFAULT_SEED, PEOPLE),
                DemoDirectory.DEFAULT_BASE_DN);
        Policy policy = Policies.bundled("default");
        LdapSourceConfig config = LdapSourceConfig.parse(ldap.url(), "", Secret.none(), DemoDirectory.DEFAULT_BASE_DN,
                "(objectClass=inetOrgPerson)", "uid", LdapSourceConfig.DEFAULT_MAPPING, 50)
                .onlyFields(policy.referencedFields());
        store = new InMemoryStateStore();
        pipeline = new SyncPipeline(new LdapDirectorySource(config), new EntryNormaliser(PhoneNumbers.forRegion("DE")),
                new PolicyEvaluator(policy), store, new RecordedContactPlatform(), new InMemoryAuditLog(),
                Clock.systemUTC());
    }

    @AfterEach
    void stopTheDemoDirectory() {
        ldap.close();
    }

    @Test
    void everyEntryIsAcceptedOrRejectedWithAReasonAndNoneIsLost() {
        RunProgress progress = run();

        assertThat(progress.read).hasValue(PEOPLE);
        assertThat(progress.inScope.get() + progress.excluded.get() + progress.rejected.get()).isEqualTo(PEOPLE);
        assertThat(progress.rejected.get()).isPositive();
        assertThat(store.rejections()).hasSize((int) progress.rejected.get())
                .allSatisfy(r -> assertThat(r.rejection().reason()).startsWith("mobile \""));
        assertThat(progress.added.get()).isPositive();
    }

    @Test
    void deliveredCardsHoldOnlyCleanReleasedValues() {
        run();

        List<ContactCard> cards = new ArrayList<>();
        store.viewersWithDeliveries().forEach(viewer -> cards.addAll(store.deliveredTo(viewer).values()));
        assertThat(cards).isNotEmpty().allSatisfy(card -> {
            assertThat(card.fields()).containsOnlyKeys(PersonField.GIVEN_NAME, PersonField.SURNAME, PersonField.MOBILE);
            assertThat(card.fields().get(PersonField.MOBILE)).matches("\\+[1-9]\\d{6,14}");
            assertThat(card.fields().values()).allSatisfy(value -> {
                assertThat(Normalizer.isNormalized(value, Normalizer.Form.NFC)).as(value).isTrue();
                assertThat(value).isEqualTo(value.strip());
            });
        });
    }

    @Test
    void aMobileChangedInTheDirectoryReachesExactlyTheDepartmentOnTheNextRun() throws Exception {
        run();
        RunProgress unchanged = run();
        assertThat(unchanged.added.get() + unchanged.updated.get() + unchanged.removed.get()).isZero();

        List<Employee> viewers = new ArrayList<>();
        store.forEachViewer(100, viewers::add);
        Employee someone = viewers.stream().max(Comparator.comparingInt(
                (Employee e) -> store.contactsWith(PersonField.DEPARTMENT, e.value(PersonField.DEPARTMENT).orElseThrow())
                        .size()).thenComparing(Employee::id)).orElseThrow();
        String department = someone.value(PersonField.DEPARTMENT).orElseThrow();
        int colleagues = store.contactsWith(PersonField.DEPARTMENT, department).size() - 1;
        assertThat(colleagues).isGreaterThan(5);
        ldap.server().modify(someone.reference(), new Modification(ModificationType.REPLACE, "mobile", "0176 55501234"));

        RunProgress changed = run();

        assertThat(changed.updated).hasValue(colleagues);
        assertThat(changed.added).hasValue(0);
        assertThat(changed.removed).hasValue(0);
        assertThat(store.contactsWith(PersonField.DEPARTMENT, department)).filteredOn(e -> !e.id().equals(someone.id()))
                .allSatisfy(colleague -> assertThat(store.deliveredTo(colleague.id()).get(someone.id()).fields())
                        .containsEntry(PersonField.MOBILE, "+4917655501234"));
    }

    private RunProgress run() {
        RunProgress progress = new RunProgress(0);
        SyncPipeline.Outcome outcome = pipeline.run(++runId, false, progress);
        assertThat(outcome.sourceComplete()).as(outcome.problem()).isTrue();
        return progress;
    }
}
