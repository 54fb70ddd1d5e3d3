package org.roster.source.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roster.directory.DirectoryEntry;
import org.roster.directory.DirectorySource;
import org.roster.directory.EntryNormaliser;
import org.roster.directory.Normalisation;
import org.roster.directory.PhoneNumbers;
import org.roster.policy.PersonField;
import org.roster.source.Secret;

/**
 * Roster's Entra ID source, through the real Microsoft Graph SDK and azure-identity, against the
 * local Graph emulator (Graph itself can't be reached from the tests).
 */
class GraphDirectorySourceTest {

    private static GraphEmulator graph;

    @BeforeAll
    static void startGraph() throws Exception {
        graph = GraphEmulator.start();
    }

    @AfterAll
    static void stopGraph() {
        graph.close();
    }

    @BeforeEach
    void tenPeople() {
        graph.reset();
        for (int i = 0; i < 10; i++) {
            graph.putUser(GraphEmulator.GraphUser.builder().id("00000000-0000-0000-0000-00000000000" + i)
                    .userPrincipalName("p" + i + "@contoso.example").givenName("Given" + i).surname("Surname" + i)
                    .displayName("Given" + i + " Surname" + i).mobilePhone("+49 151 2345 000" + i)
                    .businessPhones(List.of("+49 30 1234 500" + i)).department(i % 2 == 0 ? "Finance" : "Sales")
                    .jobTitle("CANARY-TITLE").accountEnabled(i != 9).build());
        }
    }

    private static GraphSourceConfig config(String secret) {
        return GraphSourceConfig.of(graph.tenantId(), graph.clientId(), Secret.of(secret.toCharArray()))
                .at(URI.create(graph.authorityHost()), URI.create(graph.graphUrl()), Optional.of(graph.trustStore()),
                        Secret.of(graph.trustStorePassword()))
                .paging(3, 3);
    }

    private static GraphDirectorySource source() {
        return new GraphDirectorySource(config(graph.clientSecret()).onlyFields(EnumSet.of(
                PersonField.GIVEN_NAME, PersonField.SURNAME, PersonField.MOBILE, PersonField.DEPARTMENT,
                PersonField.ACCOUNT_DISABLED)));
    }

    @Test
    void everyoneIsReadPageByPageWithOnlyTheSelectedProperties() {
        List<DirectoryEntry> read = new ArrayList<>();

        DirectorySource.ChangeRead result = source().readChanges(null, read::add);

        assertThat(result.summary().complete()).as(result.summary().problem()).isTrue();
        assertThat(read).hasSize(10);
        assertThat(result.watermark()).contains("$deltatoken=");
        DirectoryEntry nine = read.stream().filter(e -> e.ids().get(0).endsWith("9")).findFirst().orElseThrow();
        assertThat(nine.reference()).isEqualTo("entra:p9@contoso.example");
        assertThat(nine.valuesOf(PersonField.MOBILE)).containsExactly("+49 151 2345 0009");
        assertThat(nine.valuesOf(PersonField.ACCOUNT_DISABLED)).containsExactly("true");
        assertThat(nine.valuesOf(PersonField.TITLE)).isEmpty();
        List<GraphEmulator.Request> pages = graph.requests().stream().filter(GraphEmulator.Request::graph).toList();
        assertThat(pages).as("10 users in pages of 3").hasSize(4);
        assertThat(pages.get(0).target()).contains("select=").doesNotContain("jobTitle").doesNotContain("businessPhones");
    }

    @Test
    void theDeltaLinkBringsOnlyWhoChangedAndWhoWasRemoved() {
        GraphDirectorySource source = source();
        DirectorySource.ChangeRead first = source.readChanges(null, entry -> { });
        graph.putUser(GraphEmulator.GraphUser.builder().id("00000000-0000-0000-0000-000000000003")
                .userPrincipalName("p3@contoso.example").givenName("Given3").surname("Married-Name")
                .mobilePhone("+49 151 2345 0003").department("Sales").accountEnabled(true).build());
        graph.deleteUser("00000000-0000-0000-0000-000000000004", false);

        List<DirectoryEntry> changed = new ArrayList<>();
        DirectorySource.ChangeRead next = source.readChanges(first.watermark(), changed::add);

        assertThat(next.summary().complete()).as(next.summary().problem()).isTrue();
        assertThat(changed).extracting(e -> e.valuesOf(PersonField.SURNAME).get(0)).containsExactly("Married-Name");
        assertThat(next.deleted()).containsExactly("00000000-0000-0000-0000-000000000004");
        assertThat(next.watermark()).isNotEqualTo(first.watermark());
    }

    @Test
    void throttlingIsWaitedOutAsRetryAfterSays() {
        graph.throttle(2, 1, 429);
        long started = System.nanoTime();

        DirectorySource.ChangeRead read = source().readChanges(null, entry -> { });

        assertThat(read.summary().complete()).as(read.summary().problem()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        List<GraphEmulator.Request> graphRequests = graph.requests().stream().filter(GraphEmulator.Request::graph)
                .toList();
        assertThat(graphRequests.get(0).status()).isEqualTo(429);
        assertThat(graphRequests.get(2).status()).isEqualTo(200);
        assertThat(Duration.ofNanos(graphRequests.get(1).nanoTime() - graphRequests.get(0).nanoTime()))
                .as("no request before Retry-After ends").isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aReadThatStaysThrottledEndsIncompleteSoNobodyIsRemoved() {
        graph.throttle(20, 1, 503);
        GraphDirectorySource source = new GraphDirectorySource(config(graph.clientSecret()).paging(3, 1));

        DirectorySource.ChangeRead read = source.readChanges(null, entry -> { });

        assertThat(read.summary().complete()).isFalse();
        assertThat(read.summary().problem()).isEqualTo("Graph kept answering 503 (throttled) after 1 retries "
                + "honouring Retry-After; the read stopped");
        assertThat(read.watermark()).isNull();
    }

    @Test
    void aWrongSecretIsReportedAsARefusedSignInWithoutTheSecret() {
        GraphDirectorySource wrong = new GraphDirectorySource(config("not-the-secret"));

        DirectorySource.ChangeRead read = wrong.readChanges(null, entry -> { });

        assertThat(read.summary().complete()).isFalse();
        assertThat(read.summary().problem()).contains("AADSTS7000215").doesNotContain("not-the-secret");
    }

    @Test
    void aSourceScopedToGroupsReadsTheirTransitiveMembersOnce() {
        graph.putGroup("g-finance", List.of("00000000-0000-0000-0000-000000000000"), List.of("g-nested"));
        graph.putGroup("g-nested", List.of("00000000-0000-0000-0000-000000000002",
                "00000000-0000-0000-0000-000000000000"), List.of());
        GraphDirectorySource scoped = new GraphDirectorySource(config(graph.clientSecret())
                .inGroups(List.of("g-finance", "g-nested")));

        List<DirectoryEntry> read = new ArrayList<>();
        DirectorySource.ReadSummary summary = scoped.readAll(read::add);

        assertThat(summary.complete()).as(summary.problem()).isTrue();
        assertThat(scoped.tracksChanges()).isFalse();
        assertThat(read).extracting(e -> e.ids().get(0)).containsExactlyInAnyOrder(
                "00000000-0000-0000-0000-000000000000", "00000000-0000-0000-0000-000000000002");
    }

    @Test
    void aSourceForFewerFieldsSharesTheSignedInClientButAnotherAppGetsItsOwn() {
        GraphDirectorySource everything = new GraphDirectorySource(config(graph.clientSecret()));
        GraphDirectorySource names = everything.reading(config(graph.clientSecret())
                .onlyFields(EnumSet.of(PersonField.SURNAME)));

        List<DirectoryEntry> read = new ArrayList<>();
        assertThat(names.readAll(read::add).complete()).isTrue();

        assertThat(read).hasSize(10).allSatisfy(e -> assertThat(e.values().keySet()).containsOnly(PersonField.SURNAME));
        Assertions.assertThatThrownBy(() -> everything.reading(config("another-app-secret")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void severalBusinessPhonesAndAControlCharacterAreHandledWithAReasonAsForLdap() {
        graph.putUser(GraphEmulator.GraphUser.builder().id("00000000-0000-0000-0000-00000000000a")
                .userPrincipalName("pa@contoso.example").surname("Two-Phones").department("Finance")
                .businessPhones(List.of("12", "+49 30 1234 5678")).accountEnabled(true).build());
        graph.putUser(GraphEmulator.GraphUser.builder().id("00000000-0000-0000-0000-00000000000b")
                .userPrincipalName("pb@contoso.example").surname("Nul").department("Fin\u0000ance")
                .accountEnabled(true).build());
        EntryNormaliser normaliser = new EntryNormaliser(
                PhoneNumbers.forRegion("DE"));
        Map<String, Normalisation> read = new HashMap<>();

        DirectorySource.ReadSummary summary = new GraphDirectorySource(config(graph.clientSecret()))
                .readAll(entry -> read.put(entry.reference(), normaliser.normalise(entry)));

        assertThat(summary.complete()).as(summary.problem()).isTrue();
        assertThat(read).hasSize(12);
        var twoPhones = (Normalisation.Accepted) read.get("entra:pa@contoso.example");
        assertThat(twoPhones.employee().value(PersonField.WORK_PHONE)).contains("+493012345678");
        assertThat(twoPhones.notes()).containsExactly("workPhone has 2 values; the first valid one is used");
        var nul = (Normalisation.Rejected) read.get("entra:pb@contoso.example");
        assertThat(nul.rejection().withheld()).isEqualTo("department contains a control character");
        assertThat(read.values()).filteredOn(r -> r instanceof Normalisation.Accepted).hasSize(11);
    }
}
