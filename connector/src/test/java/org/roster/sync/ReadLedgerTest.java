package org.roster.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.roster.directory.Rejection;
import org.roster.policy.Person;

/** The ledger finds each stored employee and tells their stored read fingerprint from any other. */
class ReadLedgerTest {

    private final InMemoryStateStore store = new InMemoryStateStore();

    @Test
    void everyStoredFingerprintMatchesItselfAndNoOther() {
        Random random = new Random(42);
        List<byte[]> digests = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            byte[] digest = new byte[32];
            random.nextBytes(digest);
            digests.add(digest);
            Person.SelfService choices = i % 7 == 0 ? new Person.SelfService(true, false) : Person.SelfService.NONE;
            store.storeRead("p" + i, ReadFingerprint.of(digest, choices), i % 3 != 0, choices);
        }

        // expecting fewer than there are: the table grows as it loads
        ReadLedger ledger = ReadLedger.load(store, 1_000);

        for (int i = 0; i < digests.size(); i++) {
            int slot = ledger.find("p" + i);
            assertThat(slot).as("p" + i).isNotNegative();
            assertThat(ledger.receives(slot)).isEqualTo(i % 3 != 0);
            assertThat(ledger.choices(slot).optedOut()).isEqualTo(i % 7 == 0);
            assertThat(ledger.matches(slot, ReadFingerprint.bytesOf(digests.get(i), ledger.choices(slot)))).isTrue();
            assertThat(ledger.readAs(slot, digests.get(i))).isTrue();
            assertThat(ledger.readAs(slot, digests.get((i + 1) % digests.size()))).isFalse();
            assertThat(ledger.matches(slot, ReadFingerprint.bytesOf(digests.get((i + 1) % digests.size()),
                    ledger.choices(slot)))).isFalse();
            assertThat(ledger.matches(slot, ReadFingerprint.bytesOf(digests.get(i),
                    new Person.SelfService(!ledger.choices(slot).optedOut(), false)))).isFalse();
        }
        assertThat(ledger.find("p3000")).isNegative();
    }

    @Test
    void anEmployeeWithoutAFingerprintOrWithAnUnreadableOneMatchesNothing() {
        byte[] digest = new byte[32];
        store.storeRead("none", "", true, Person.SelfService.NONE);
        store.storeRead("older", "not a fingerprint at all!", true, Person.SelfService.NONE);
        store.storeRead("mangled", "*".repeat(22), true, Person.SelfService.NONE);

        ReadLedger ledger = ReadLedger.load(store, 3);

        for (String id : List.of("none", "older", "mangled")) {
            int slot = ledger.find(id);
            assertThat(slot).isNotNegative();
            assertThat(ledger.matches(slot, ReadFingerprint.bytesOf(digest, Person.SelfService.NONE))).as(id).isFalse();
        }
    }

    @Test
    void theSourcesSideHoldsAnEntryReadAsStoredOrAsRejectedOnceAndSaysWhich() {
        byte[] stored = new byte[32];
        byte[] rejected = new byte[32];
        rejected[0] = 1;
        byte[] other = new byte[32];
        other[0] = 2;
        store.storeRead("a", ReadFingerprint.of(stored, Person.SelfService.NONE), true, Person.SelfService.NONE);
        store.rememberRejected(List.of(new StateStore.RejectedRead(new Rejection(
                "uid=b", Optional.of("b"), "mobile is not a number"),
                ReadFingerprint.of(rejected, Person.SelfService.NONE))));
        ReadLedger ledger = ReadLedger.load(store, 2);
        ReadLedger.Holding side = ledger.holding();

        int a = side.holds("a", stored);
        int b = side.holds("b", rejected);

        assertThat(a).isNotNegative();
        assertThat(ReadLedger.slotOf(a)).isEqualTo(ledger.find("a"));
        assertThat(ReadLedger.rejectedAgain(a)).isFalse();
        assertThat(b).isNotNegative();
        assertThat(ledger.id(ReadLedger.slotOf(b))).isEqualTo("b");
        assertThat(ReadLedger.rejectedAgain(b)).isTrue();
        // a second entry with the identity is not held: it must reach the run, to be rejected there
        assertThat(side.holds("a", stored)).isNegative();
        assertThat(side.holds("b", other)).isNegative();
        assertThat(side.holds("c", stored)).isNegative();
    }

    @Test
    void whoTheReadDidNotMeetIsUnseenAndAnIdTheStoreNeverHeldIsNotAdded() {
        store.storeRead("a", "", true, Person.SelfService.NONE);
        store.storeRead("b", "", true, Person.SelfService.NONE);
        ReadLedger ledger = ReadLedger.load(store, 2);

        ledger.seen("a");
        ledger.seen("new");

        List<String> unseen = new ArrayList<>();
        ledger.forEachUnseen(10, unseen::addAll);
        assertThat(unseen).containsExactly("b");
        assertThat(ledger.find("new")).isNegative();
    }
}
