package org.roster.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.roster.audit.InMemoryAuditLog;
import org.roster.directory.DirectoryEntry;
import org.roster.directory.EntryNormaliser;
import org.roster.directory.PhoneNumbers;
import org.roster.platform.RecordedContactPlatform;
import org.roster.policy.InvalidPolicyException;
import org.roster.policy.Person;
import org.roster.policy.PersonField;
import org.roster.policy.Policies;
import org.roster.policy.Policy;
import org.roster.policy.PolicyEvaluator;
import org.roster.policy.PolicyParser;

/** The richer policy rules, end to end through the pipeline: who ends up in whose contacts. */
class PolicyRulesPipelineTest {

    private final SyncPipelineTest.ListDirectorySource directory = new SyncPipelineTest.ListDirectorySource();
    private final InMemoryStateStore store = new InMemoryStateStore();
    private long runId;

    private RunProgress run(Policy policy) {
        SyncPipeline pipeline = new SyncPipeline(directory, new EntryNormaliser(PhoneNumbers.forRegion("DE")),
                new PolicyEvaluator(policy), store, new RecordedContactPlatform(),
                new InMemoryAuditLog(), Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC));
        RunProgress progress = new RunProgress(0);
        pipeline.run(++runId, false, progress);
        return progress;
    }

    private static DirectoryEntry person(String id, String department, String manager, String mobile, String... groups) {
        DirectoryEntry.Builder entry = DirectoryEntry.builder(dn(id)).id(id)
                .add(PersonField.GIVEN_NAME, "Given-" + id).add(PersonField.SURNAME, "Surname-" + id)
                .add(PersonField.DEPARTMENT, department).add(PersonField.MOBILE, mobile)
                .add(PersonField.TITLE, "CANARY-TITLE");
        if (manager != null) {
            entry.add(PersonField.MANAGER, dn(manager));
        }
        for (String group : groups) {
            entry.group(group);
        }
        return entry.build();
    }

    private static String dn(String id) {
        return "uid=" + id + ",ou=people,dc=example,dc=org";
    }

    private static Policy parse(String yaml) throws InvalidPolicyException {
        return PolicyParser.parse("test.yaml", yaml);
    }

    @Test
    void anEmployeeWhoOptedOutInSelfServiceIsInNobodysContactsAndReceivesNone() {
        directory.put(person("a", "Finance", null, "0151 11111111"));
        directory.put(person("b", "Finance", null, "0151 22222222"));
        directory.put(person("c", "Finance", null, "0151 33333333"));
        run(Policies.bundled("default"));

        store.choose("b", new Person.SelfService(true, false));
        RunProgress progress = run(Policies.bundled("default"));

        assertThat(progress.removed).hasValue(2 + 2);
        assertThat(store.deliveredTo("a")).containsOnlyKeys("c");
        assertThat(store.deliveredTo("c")).containsOnlyKeys("a");
        assertThat(store.deliveredTo("b")).isEmpty();
    }

    @Test
    void inConsentModeOnlyPeopleWhoOptedInAreDeliveredButEveryoneReceivesThem() throws InvalidPolicyException {
        Policy consent = parse("""
                policy: consent
                scope:
                  - id: has-mobile
                    require: mobile
                fields: [givenName, surname, mobile]
                visibility:
                  - id: same-department
                    same: department
                consent:
                  required: true
                """);
        directory.put(person("a", "Finance", null, "0151 11111111"));
        directory.put(person("b", "Finance", null, "0151 22222222"));
        directory.put(person("c", "Finance", null, "0151 33333333"));
        store.choose("a", new Person.SelfService(false, true));

        run(consent);

        assertThat(store.deliveredTo("b")).containsOnlyKeys("a");
        assertThat(store.deliveredTo("c")).containsOnlyKeys("a");
        assertThat(store.deliveredTo("a")).isEmpty();
    }

    @Test
    void theStrictMinimalPolicyGivesATeamItsManagerAndTheManagerTheTeam() {
        directory.put(person("boss", "Finance", null, "0151 11111111"));
        directory.put(person("t1", "Finance", "boss", "0151 22222222"));
        directory.put(person("t2", "Finance", "boss", "0151 33333333"));
        directory.put(person("other", "Finance", null, "0151 44444444"));
        for (String id : new String[] {"boss", "t1", "t2", "other"}) {
            store.choose(id, new Person.SelfService(false, true));
        }

        run(Policies.bundled("strict-minimal"));

        assertThat(store.deliveredTo("boss")).containsOnlyKeys("t1", "t2");
        assertThat(store.deliveredTo("t1")).containsOnlyKeys("boss");
        assertThat(store.deliveredTo("other")).isEmpty();
        assertThat(store.deliveredTo("t1").get("boss").fields()).doesNotContainKey(PersonField.TITLE);
    }

    @Test
    void aManagerChainReachesExactlyAsManyLevelsAsThePolicySays() throws InvalidPolicyException {
        Policy twoLevels = parse("""
                policy: chain
                fields: [surname]
                visibility:
                  - id: my-managers
                    managerChain: 2
                """);
        directory.put(person("ceo", "Board", null, "0151 11111111"));
        directory.put(person("vp", "Sales", "ceo", "0151 22222222"));
        directory.put(person("lead", "Sales", "vp", "0151 33333333"));
        directory.put(person("rep", "Sales", "lead", "0151 44444444"));

        run(twoLevels);

        assertThat(store.deliveredTo("rep")).containsOnlyKeys("lead", "vp");
        assertThat(store.deliveredTo("lead")).containsOnlyKeys("vp", "ceo");
    }

    @Test
    void membersOfANamedGroupSeeEachOtherAndAnExcludedGroupIsLeftOut() throws InvalidPolicyException {
        Policy groups = parse("""
                policy: groups
                scope:
                  - id: no-executives
                    exclude: {memberOf: "CN=Executives, OU=Groups, DC=example, DC=org"}
                fields: [surname, mobile]
                visibility:
                  - id: project-x
                    group: cn=project-x,ou=groups,dc=example,dc=org
                """);
        directory.put(person("a", "Finance", null, "0151 11111111", "cn=project-x,ou=groups,dc=example,dc=org"));
        directory.put(person("b", "Sales", null, "0151 22222222", "CN=Project-X,OU=Groups,DC=example,DC=org"));
        directory.put(person("c", "Sales", null, "0151 33333333"));
        directory.put(person("x", "Board", null, "0151 44444444", "cn=project-x,ou=groups,dc=example,dc=org",
                "cn=executives,ou=groups,dc=example,dc=org"));

        run(groups);

        assertThat(store.deliveredTo("a")).containsOnlyKeys("b");
        assertThat(store.deliveredTo("b")).containsOnlyKeys("a");
        assertThat(store.deliveredTo("c")).isEmpty();
        assertThat(store.deliveredTo("x")).isEmpty();
    }

    @Test
    void aCapKeepsTheSameContactsRunAfterRunPreferringEarlierRules() throws InvalidPolicyException {
        Policy capped = parse("""
                policy: capped
                fields: [surname]
                visibility:
                  - id: same-department
                    same: department
                  - id: everyone-else
                    everyone: true
                cap: 3
                """);
        directory.put(person("a", "Finance", null, "0151 11111111"));
        directory.put(person("z", "Finance", null, "0151 22222222"));
        directory.put(person("b", "Sales", null, "0151 33333333"));
        directory.put(person("c", "Sales", null, "0151 44444444"));
        directory.put(person("d", "Sales", null, "0151 55555555"));

        run(capped);
        RunProgress again = run(capped);

        assertThat(store.deliveredTo("a")).containsOnlyKeys("z", "b", "c");
        assertThat(store.deliveredTo("a").get("z").ruleId()).isEqualTo("same-department");
        assertThat(again.added.get() + again.updated.get() + again.removed.get()).isZero();
    }

    @Test
    void underACapEveryoneInALargeDepartmentGetsTheFirstColleaguesByIdWhereverTheyStandThemselves()
            throws InvalidPolicyException {
        Policy capped = parse("""
                policy: capped
                fields: [surname]
                visibility:
                  - id: same-department
                    same: department
                cap: 3
                """);
        for (String id : new String[] {"a", "b", "c", "d", "e", "f"}) {
            directory.put(person(id, "Finance", null, "0151 1111111" + (id.charAt(0) - 'a')));
        }
        directory.put(person("s", "Sales", null, "0151 22222222"));

        RunProgress progress = run(capped);

        assertThat(store.deliveredTo("a")).containsOnlyKeys("b", "c", "d");
        assertThat(store.deliveredTo("c")).containsOnlyKeys("a", "b", "d");
        assertThat(store.deliveredTo("d")).containsOnlyKeys("a", "b", "c");
        assertThat(store.deliveredTo("f")).containsOnlyKeys("a", "b", "c");
        assertThat(store.deliveredTo("s")).isEmpty();
        assertThat(progress.added).hasValue(6 * 3);
    }
}
